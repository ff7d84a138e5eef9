// Package docimport turns a document written elsewhere (Word, LibreOffice,
// last year's .VnTime file) into a vanban TOML draft: it recognises the
// NĐ 30/2020 components of the page (header, number, place and date, title,
// addressees, body, recipients, signer, appendix list), converts the body
// to vanban's CommonMark, chooses a template, and reports what it placed
// and what it could not, by paragraph number. It also appends the rows of
// an Excel or CSV list to a document's nominee lists (see list.go).
package docimport

import (
	"fmt"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"vanban/internal/docimport/docx"
	"vanban/internal/vnenc"
)

// legacyEncoding returns the legacy encoding a font name implies, and
// whether its letters are all capitals (.VnTimeH, .VnArialH: TCVN3 fonts
// that draw the lower-case code points as capitals).
func legacyEncoding(font string) (vnenc.Encoding, bool) {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, ".vn") || strings.HasPrefix(f, "vn") && strings.HasPrefix(f, "vntime"):
		name := strings.Fields(f)
		upper := len(name) > 0 && strings.HasSuffix(name[0], "h")
		return vnenc.TCVN3, upper
	case strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni "):
		return vnenc.VNI, false
	}
	return 0, false
}

var upperVI = cases.Upper(language.Vietnamese)

// converter decodes legacy runs in place and counts them.
type converter struct {
	counts map[vnenc.Encoding]int
}

func (c *converter) paragraph(p *docx.Paragraph) {
	for i := range p.Runs {
		r := &p.Runs[i]
		if enc, upper := legacyEncoding(r.Font); enc != 0 {
			r.Text = vnenc.Decode(enc, r.Text)
			if upper {
				r.Text = upperVI.String(r.Text)
			}
			c.counts[enc]++
		} else {
			r.Text = norm.NFC.String(r.Text)
		}
		if r.Caps {
			r.Text = upperVI.String(r.Text)
		}
	}
}

func (c *converter) blocks(bs []docx.Block) {
	for _, b := range bs {
		if b.Para != nil {
			c.paragraph(b.Para)
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, cell := range row.Cells {
					c.blocks(cell.Blocks)
				}
			}
		}
	}
}

// line is one paragraph reduced for recognition.
type line struct {
	p     *docx.Paragraph
	text  string // trimmed, spaces collapsed, line breaks as spaces
	where string // "đoạn 12" or "bảng 1, hàng 2, đoạn 12"
}

func where(p *docx.Paragraph, t *docx.Table, row int) string {
	if t != nil {
		return fmt.Sprintf("bảng %d, hàng %d, đoạn %d", t.N, row+1, p.N)
	}
	return fmt.Sprintf("đoạn %d", p.N)
}

func clean(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.Join(strings.Fields(s), " ")
}

func mkLine(p *docx.Paragraph, t *docx.Table, row int) line {
	return line{p: p, text: clean(p.Text()), where: where(p, t, row)}
}

// allBold says whether every non-blank run of p is bold.
func allBold(p *docx.Paragraph) bool {
	seen := false
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if !r.Bold {
			return false
		}
		seen = true
	}
	return seen
}

func allItalic(p *docx.Paragraph) bool {
	seen := false
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if !r.Italic {
			return false
		}
		seen = true
	}
	return seen
}

// isUpper says whether s has letters and no lower-case letter.
func isUpper(s string) bool {
	letters := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r > 127 && strings.ToUpper(string(r)) != string(r) {
			return false
		}
		if r >= 'A' && r <= 'Z' || r > 127 && strings.ToLower(string(r)) != string(r) {
			letters = true
		}
	}
	return letters
}

// columns splits a header table into its left and right columns' lines
// (rows read top to bottom).
func columns(t *docx.Table) (left, right []line) {
	for ri, row := range t.Rows {
		for ci, c := range row.Cells {
			ls := cellLines(c.Blocks, t, ri)
			if ci == 0 {
				left = append(left, ls...)
			} else {
				right = append(right, ls...)
			}
		}
	}
	return left, right
}

// cellLines are the lines of a cell of t's row ri in order, those of the
// tables nested in it included (the framed marks of a header cell, Phụ
// lục I, II.10, are one-cell tables).
func cellLines(bs []docx.Block, t *docx.Table, ri int) []line {
	var out []line
	for _, b := range bs {
		if b.Para != nil {
			out = append(out, mkLine(b.Para, t, ri))
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row.Cells {
					out = append(out, cellLines(c.Blocks, t, ri)...)
				}
			}
		}
	}
	return out
}
