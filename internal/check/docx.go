package check

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"vanban/internal/diag"
	"vanban/internal/docimport/docx"
	"vanban/internal/format"
	"vanban/internal/unit"
)

// docxLines flattens the body into lines: paragraphs in order, and the
// cells of tables left to right (col 1 and 2 for the two columns of a
// header or signature table). A paragraph laid out with tabs (a header
// typed with tab stops) gives one line per tab-separated part.
func docxLines(blocks []docx.Block, inTable bool, col int, out []line) []line {
	return docxLinesIn(blocks, inTable, col, 0, 0, out)
}

// docxLinesIn is docxLines inside a container box twips wide (0 unknown),
// in table tbl (0 none). An empty paragraph carrying a rule (a border or a
// drawn line) gives its rule to the line before it in the same container.
func docxLinesIn(blocks []docx.Block, inTable bool, col, box, tbl int, out []line) []line {
	first := len(out)
	for _, b := range blocks {
		if b.Para != nil {
			ls := paraLines(b.Para, inTable, col)
			rule := paraRule(b.Para, box)
			if len(ls) == 0 {
				if rule > 0 && len(out) > first && out[len(out)-1].rule == 0 {
					out[len(out)-1].rule = rule
				}
				continue
			}
			for k := range ls {
				ls[k].box, ls[k].tbl = box, tbl
			}
			if rule > 0 {
				ls[len(ls)-1].rule = rule
			}
			out = append(out, ls...)
			continue
		}
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			for k := range r.Cells {
				c := 0
				if len(r.Cells) == 2 {
					c = k + 1
				}
				out = docxLinesIn(r.Cells[k].Blocks, true, c, r.Cells[k].Width, b.Table.N, out)
			}
		}
	}
	return out
}

// paraRule is the length in twips of a rule under the paragraph: its
// bottom border (as wide as its box less its indents), or a drawn line
// anchored in it; 0 when none. An empty paragraph's top border counts too.
func paraRule(p *docx.Paragraph, box int) int {
	if len(p.Lines) > 0 {
		return slices.Max(p.Lines)
	}
	if p.BorderBottom > 0 || p.BorderTop > 0 && strings.TrimSpace(p.Text()) == "" {
		if w := box - p.IndLeft - p.IndRight; box > 0 && w > 0 {
			return w
		}
		return 1 // present, length unknown
	}
	return 0
}

func paraLines(p *docx.Paragraph, inTable bool, col int) []line {
	type seg struct{ runs []docx.Run }
	segs := []seg{{}}
	for _, r := range p.Runs {
		parts := strings.Split(r.Text, "\t")
		for k, t := range parts {
			if k > 0 {
				segs = append(segs, seg{})
			}
			if t != "" {
				rr := r
				rr.Text = t
				segs[len(segs)-1].runs = append(segs[len(segs)-1].runs, rr)
			}
		}
	}
	var nonEmpty []seg
	for _, s := range segs {
		var b strings.Builder
		for _, r := range s.runs {
			b.WriteString(r.Text)
		}
		if strings.TrimSpace(b.String()) != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	var out []line
	for k, s := range nonEmpty {
		l := line{para: p.N, table: inTable, col: col, center: p.Align == docx.Center, p: p, bold: true, italic: true}
		if len(nonEmpty) > 1 {
			l.col, l.center = 1, true
			if k == len(nonEmpty)-1 {
				l.col = 2
			}
		}
		var b strings.Builder
		sizes := map[int]int{}
		for _, r := range s.runs {
			t := r.Text
			if r.Caps {
				t = upperVI.String(t)
			}
			b.WriteString(t)
			n := utf8.RuneCountInString(strings.TrimSpace(t))
			if n == 0 {
				continue
			}
			sizes[r.Size] += n
			if hasLetter(t) || strings.TrimSpace(t) != "" {
				l.bold = l.bold && r.Bold
				l.italic = l.italic && r.Italic
			}
		}
		best := -1
		for sz, n := range sizes {
			if n > best || n == best && sz < l.size {
				l.size, best = sz, n
			}
		}
		l.text = nfc(strings.TrimSpace(strings.ReplaceAll(b.String(), "\n", " ")))
		out = append(out, l)
	}
	return out
}

func checkDOCX(r *Report, b []byte) {
	d, err := docx.Read(b, docx.Limits{})
	if err != nil {
		var de *docx.Error
		if errors.As(err, &de) {
			r.Err = de.Error()
		} else {
			r.Err = "không đọc được tệp: " + err.Error()
		}
		return
	}
	sh := format.NewSheet("")
	fs := &findings{}
	// Paper, orientation, margins of every section.
	a4w, a4h := sh.PageW.Twips(), sh.PageH.Twips()
	const tolPaper, tolMargin = 57, 28 // 1 mm, 0.5 mm in twips
	for k, s := range d.Sections {
		w, h := int64(s.Width), int64(s.Height)
		if w == 0 || h == 0 {
			continue
		}
		where := &line{}
		if k > 0 {
			where = nil
		}
		portrait := abs64(w-a4w) <= tolPaper && abs64(h-a4h) <= tolPaper
		landscape := abs64(w-a4h) <= tolPaper && abs64(h-a4w) <= tolPaper
		if !portrait && !landscape {
			fs.add(where, RulePaper, diag.Error, fmt.Sprintf("%d × %d mm", twMM(w), twMM(h)), "A4 (210 × 297 mm)", fmt.Sprintf("khổ giấy %d × %d mm (phần %d), phải là A4", twMM(w), twMM(h), k+1))
		}
		if k == 0 && (landscape || s.Landscape && !portrait) {
			fs.add(where, RuleOrientation, diag.Error, "khổ ngang", "khổ dọc", "văn bản trình bày theo chiều dài khổ A4 (khổ ngang chỉ dùng cho phụ lục, bảng biểu)")
		}
		for _, m := range []struct {
			name string
			got  int
			min  unit.Length
		}{{"trên", s.Top, sh.Top}, {"dưới", s.Bottom, sh.Bottom}, {"trái", s.Left, sh.Left}, {"phải", s.Right, sh.Right}} {
			lo, hi := m.min.Twips(), (m.min + marginSlack).Twips()
			if m.got < 0 {
				m.got = -m.got
			}
			if int64(m.got) < lo-tolMargin || int64(m.got) > hi+tolMargin {
				from, to := int64(m.min/unit.MM), int64((m.min+marginSlack)/unit.MM)
				fs.add(where, RuleMargins, diag.Error, fmt.Sprintf("lề %s %s mm", m.name, mm10(int64(m.got))), fmt.Sprintf("%d–%d mm", from, to),
					fmt.Sprintf("lề %s %s mm (phần %d), phải từ %d đến %d mm", m.name, mm10(int64(m.got)), k+1, from, to))
			}
		}
	}
	textW := 0
	if len(d.Sections) > 0 {
		s := d.Sections[0]
		textW = s.Width - s.Left - s.Right
	}
	ls := docxLinesIn(d.Body, false, 0, textW, 0, nil)
	spans := splitDocs(ls)
	if len(spans) > 1 {
		checkFonts(fs, d, inSpans(ls, spans))
		checkPageFields(fs, b)
		r.Findings = fs.done()
		checkEach(r, ls, spans, func(fs *findings, ls []line) { checkDocxText(fs, ls, sh) })
		return
	}
	// Fonts.
	checkFonts(fs, d, nil)
	checkDocxText(fs, ls, sh)
	checkPageFields(fs, b)
	r.Findings = fs.done()
}

// checkDocxText runs the rules of the text on the lines of one document.
func checkDocxText(fs *findings, ls []line, sh *format.Sheet) {
	p := checkLines(fs, ls, sh)
	checkRulesDOCX(fs, ls, p)
	checkLineSpacing(fs, ls, p)
	// Body paragraphs: size, justification, first-line indent, spacing.
	r26 := sizeRange[format.Body]
	indMin, indMax := int64(unit.CM.Twips()), int64((unit.CM * 127 / 100).Twips())
	prevAfter := -1
	for i := p.bodyStart; i < p.bodyEnd; i++ {
		l := &ls[i]
		if l.table || l.p == nil {
			prevAfter = -1
			continue
		}
		n := utf8.RuneCountInString(l.text)
		if l.size > 0 && (l.size < r26[0] || l.size > r26[1]) {
			fs.addAgg(l, RuleBodySize, diag.Error, "cỡ chữ "+pt(l.size), "cỡ chữ "+ptRange(r26), "nội dung cỡ chữ "+pt(l.size)+", phải "+ptRange(r26))
		}
		if n >= 90 && l.p.Align != docx.Justify {
			fs.addAgg(l, RuleBodyAlign, diag.Warning, "căn "+alignName(l.p.Align), "căn đều hai lề", "nội dung phải căn đều cả hai lề")
		}
		if n >= 90 && l.p.List == nil && (int64(l.p.IndFirst) < indMin-30 || int64(l.p.IndFirst) > indMax+30) {
			fs.addAgg(l, RuleBodyIndent, diag.Warning, "lùi đầu dòng "+mm10(int64(l.p.IndFirst))+" mm", "1 cm hoặc 1,27 cm", "đầu dòng lùi vào 1 cm hoặc 1,27 cm")
		}
		if prevAfter >= 0 && prevAfter+l.p.SpaceBefore < 120-10 {
			fs.addAgg(l, RuleBodySpacing, diag.Warning, fmt.Sprintf("cách đoạn %s pt", ptTw(prevAfter+l.p.SpaceBefore)), "tối thiểu 6 pt", "khoảng cách giữa các đoạn văn tối thiểu 6 pt")
		}
		prevAfter = l.p.SpaceAfter
	}
}

func alignName(a docx.Align) string {
	switch a {
	case docx.Center:
		return "giữa"
	case docx.Right:
		return "phải"
	case docx.Justify:
		return "đều"
	}
	return "trái"
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// twMM converts twips to whole millimetres.
func twMM(tw int64) int64 { return (tw*254 + 7200) / 14400 }

// mm10 writes twips as millimetres with one decimal: "19,8".
func mm10(tw int64) string {
	t := (tw*2540 + 7200) / 14400
	if t%10 == 0 {
		return fmt.Sprint(t / 10)
	}
	return fmt.Sprintf("%d,%d", t/10, t%10)
}

func ptTw(tw int) string {
	if tw%20 == 0 {
		return fmt.Sprint(tw / 20)
	}
	return fmt.Sprintf("%d,%d", tw/20, tw%20*10/20)
}

// metricTimes are the fonts that print as Times New Roman.
var metricTimes = []string{"times new roman", "timesnewroman", "liberation serif", "liberationserif", "tinos", "times"}

func fontKind(name string) (legacy, ok bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if strings.HasPrefix(n, ".vn") || strings.HasPrefix(n, "vni-") || strings.HasPrefix(n, "vni ") || strings.HasPrefix(n, "vn") && strings.Contains(n, "time") {
		return true, false
	}
	for _, m := range metricTimes {
		if strings.HasPrefix(n, m) {
			return false, true
		}
	}
	// Symbol fonts of bullets and of the check boxes are not text.
	if n == "symbol" || n == "wingdings" || strings.HasPrefix(n, "wingdings") {
		return false, true
	}
	return false, false
}

// checkFonts reports each font that is not Times New Roman once, at its
// first paragraph; keep, when not nil, says which paragraphs count.
func checkFonts(fs *findings, d *docx.Document, keep func(para int) bool) {
	seen := map[string]bool{}
	var visit func(bs []docx.Block)
	visit = func(bs []docx.Block) {
		for _, b := range bs {
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					for _, c := range r.Cells {
						visit(c.Blocks)
					}
				}
				continue
			}
			for _, r := range b.Para.Runs {
				if r.Font == "" || seen[r.Font] || strings.TrimSpace(r.Text) == "" || keep != nil && !keep(b.Para.N) {
					continue
				}
				seen[r.Font] = true
				legacy, ok := fontKind(r.Font)
				l := &line{para: b.Para.N}
				switch {
				case legacy:
					fs.add(l, RuleFont, diag.Error, r.Font, "Times New Roman (Unicode)", "phông chữ \""+r.Font+"\" không phải Unicode (TCVN 6909:2001); chạy kiem-tra -sua để chuyển sang Unicode")
				case !ok:
					fs.add(l, RuleFont, diag.Warning, r.Font, "Times New Roman", "phông chữ \""+r.Font+"\"; văn bản dùng phông Times New Roman")
				}
			}
		}
	}
	visit(d.Body)
}

var (
	rePageField = regexp.MustCompile(`(?s)(?:instrText[^>]*>\s*PAGE\b|instr="\s*PAGE\b)`)
	reSectPr    = regexp.MustCompile(`(?s)<w:sectPr\b.*?</w:sectPr>`)
	reHdrRef    = regexp.MustCompile(`<w:(header|footer)Reference\b[^>]*>`)
	reAttr      = regexp.MustCompile(`\b(w:type|r:id)="([^"]*)"`)
	reRel       = regexp.MustCompile(`<Relationship\b[^>]*>`)
	reRelAttr   = regexp.MustCompile(`\b(Id|Target)="([^"]*)"`)
)

// checkPageFields reads what the DOCX reader does not expose: which
// header and footer page 1 shows (w:titlePg) and whether they hold a PAGE
// field (Phụ lục I, I.7: no number on page 1; numbers in the top margin).
func checkPageFields(fs *findings, b []byte) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return
	}
	read := func(name string) []byte {
		for _, f := range z.File {
			if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
				rc, err := f.Open()
				if err != nil {
					return nil
				}
				defer rc.Close()
				out, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
				return out
			}
		}
		return nil
	}
	doc := read("word/document.xml")
	rels := map[string]string{}
	for _, m := range reRel.FindAll(read("word/_rels/document.xml.rels"), -1) {
		var id, tgt string
		for _, a := range reRelAttr.FindAllSubmatch(m, -1) {
			if string(a[1]) == "Id" {
				id = string(a[2])
			} else {
				tgt = string(a[2])
			}
		}
		if strings.HasPrefix(tgt, "/") {
			rels[id] = strings.TrimPrefix(tgt, "/")
		} else {
			rels[id] = path.Join("word", tgt)
		}
	}
	secs := reSectPr.FindAll(doc, -1)
	if len(secs) == 0 {
		return
	}
	first := secs[0]
	titlePg := bytes.Contains(first, []byte("<w:titlePg/>")) || bytes.Contains(first, []byte("<w:titlePg ")) && !bytes.Contains(first, []byte(`<w:titlePg w:val="0"`)) && !bytes.Contains(first, []byte(`<w:titlePg w:val="false"`))
	hasPage := map[string]bool{}
	refs := map[string]string{} // "header/first" → part name, of the first section
	for _, ref := range reHdrRef.FindAllSubmatch(first, -1) {
		typ, id := "default", ""
		for _, a := range reAttr.FindAllSubmatch(ref[0], -1) {
			if string(a[1]) == "w:type" {
				typ = string(a[2])
			} else {
				id = string(a[2])
			}
		}
		refs[string(ref[1])+"/"+typ] = rels[id]
	}
	for _, part := range refs {
		if _, ok := hasPage[part]; !ok && part != "" {
			hasPage[part] = rePageField.Match(read(part))
		}
	}
	kind := "default"
	if titlePg {
		kind = "first"
	}
	for _, hf := range []string{"header", "footer"} {
		if part := refs[hf+"/"+kind]; part != "" && hasPage[part] {
			fs.add(&line{}, RulePageNumber, diag.Error, "trang 1 có số trang", "không hiển thị số trang thứ nhất", "số trang hiện ở trang đầu; trang 1 không đánh số (trong Word: Bố trí → Trang đầu khác)")
		}
	}
	if part := refs["footer/default"]; part != "" && hasPage[part] {
		fs.add(nil, RulePageNumber, diag.Warning, "số trang ở chân trang", "giữa lề trên", "số trang đặt canh giữa trong phần lề trên của văn bản")
	}
}
