package docx

import (
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// body writes document.xml. Word lays the document out; what this writes is
// the structure and the rules of format, plus the few lengths Word cannot
// derive (rule lengths, table columns), measured with the same fonts and
// line breaker as the PDF.
type body struct {
	x   xw
	s   *format.Sheet
	f   *font.Set
	doc *model.Document
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func documentXML(doc *model.Document, s *format.Sheet, f *font.Set) string {
	b := &body{s: s, f: f, doc: doc}
	b.x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.x.raw(`<w:document ` + wNS + `><w:body>`)
	b.header()
	b.title()
	b.content()
	b.signature()
	// Word needs a paragraph after the last table; keep it one point high so
	// it can never push a page of its own.
	b.x.raw(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`)
	b.sectPr()
	b.x.raw(`</w:body></w:document>`)
	return b.x.String()
}

// para writes one paragraph of element e: text runs, and direct formatting
// only where the style cannot say it (extra space before, keep with next).
type paraOpt struct {
	before  *unit.Length // overrides the style's space before
	keepNxt bool
}

func (b *body) para(e format.Element, runs []model.Run, o paraOpt) {
	x := &b.x
	x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[e])
	if o.keepNxt {
		x.raw(`<w:keepNext/>`)
	}
	if o.before != nil {
		x.f(`<w:spacing w:before="%d"/>`, o.before.Twips())
	}
	x.raw(`</w:pPr>`)
	for _, r := range b.s.Runs(e, runs) {
		b.run(r, b.s.Style(e).Font)
	}
	x.raw(`</w:p>`)
}

// run writes a text run; styles the paragraph style already gives are not
// repeated.
func (b *body) run(r model.Run, styleFont model.RunStyle) {
	if r.Text == "" {
		return
	}
	x := &b.x
	x.raw(`<w:r>`)
	if extra := r.Style &^ styleFont; extra != 0 {
		x.raw(`<w:rPr>`)
		writeRunStyle(x, extra)
		x.raw(`</w:rPr>`)
	}
	x.f(`<w:t xml:space="preserve">%s</w:t></w:r>`, escape(r.Text))
}

func (b *body) text(e format.Element, text string, o paraOpt) {
	b.para(e, []model.Run{{Text: text}}, o)
}

// rule writes an empty paragraph whose bottom border is a centred rule of
// length l in a box w wide (the indents set the length).
func (b *body) rule(l, w unit.Length) {
	side := (w - l) / 2
	b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/><w:ind w:left="%d" w:right="%d"/></w:pPr></w:p>`,
		ruleStyle, side.Twips(), (w - l - side).Twips())
}

func (b *body) tableStart(widths []unit.Length, borders bool, cellMar [2]unit.Length) {
	x := &b.x
	var total unit.Length
	for _, w := range widths {
		total += w
	}
	x.f(`<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>`, total.Twips())
	if borders {
		x.raw(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			x.f(`<w:%s w:val="single" w:sz="%d" w:space="0" w:color="000000"/>`, side, eighths(b.s))
		}
		x.raw(`</w:tblBorders>`)
	} else {
		x.raw(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	}
	x.f(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`,
		cellMar[1].Twips(), cellMar[0].Twips(), cellMar[1].Twips(), cellMar[0].Twips())
	x.raw(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	// Grid columns must add up to the table width exactly: round the
	// running total, not each column.
	var acc unit.Length
	prev := int64(0)
	for _, w := range widths {
		acc += w
		x.f(`<w:gridCol w:w="%d"/>`, acc.Twips()-prev)
		prev = acc.Twips()
	}
	x.raw(`</w:tblGrid>`)
}

func (b *body) rowStart(header bool) {
	b.x.raw(`<w:tr><w:trPr><w:cantSplit/>`)
	if header {
		b.x.raw(`<w:tblHeader/>`)
	}
	b.x.raw(`</w:trPr>`)
}

func (b *body) cellStart(w unit.Length) {
	b.x.f(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, w.Twips())
}

func (b *body) columns() (unit.Length, unit.Length) { return b.s.LeftCol, b.s.RightCol }

// header writes the two-column header (Phụ lục I, II.1–4) as a borderless
// fixed table: issuing body | Quốc hiệu and Tiêu ngữ, then Số | place, date.
func (b *body) header() {
	lw, rw := b.columns()
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	b.cellStart(lw)
	for _, t := range b.doc.Header.Parent {
		b.text(format.Parent, t, paraOpt{})
	}
	for _, t := range b.doc.Header.Issuer {
		b.text(format.Issuer, t, paraOpt{})
	}
	b.rule(measure.Rule(b.s, measure.Widest(measure.Lines(b.f, b.s, format.Issuer, b.doc.Header.Issuer, lw))), lw)
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.text(format.QuocHieu, format.QuocHieuText, paraOpt{})
	b.text(format.TieuNgu, format.TieuNguText, paraOpt{})
	b.rule(measure.Widest(measure.Lines(b.f, b.s, format.TieuNgu, []string{format.TieuNguText}, rw)), rw)
	b.x.raw(`</w:tc></w:tr>`)
	b.rowStart(false)
	b.cellStart(lw)
	b.text(format.Number, format.NumberLine(b.doc.Number), paraOpt{})
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.text(format.PlaceDate, format.DateLine(b.doc.Place, b.doc.Date), paraOpt{})
	b.x.raw(`</w:tc></w:tr></w:tbl>`)
}

// title writes tên loại and trích yếu with the rule under them.
func (b *body) title() {
	gap := b.s.TitleGap
	b.text(format.TitleType, b.doc.Title.Type, paraOpt{before: &gap})
	b.text(format.TitleSummary, b.doc.Title.Summary, paraOpt{})
	w := b.s.TextWidth()
	b.rule(measure.Rule(b.s, measure.Widest(measure.Lines(b.f, b.s, format.TitleSummary, []string{b.doc.Title.Summary}, w))), w)
}

// content writes the body blocks. The first paragraph gets the gap after
// the title block; the last keeps with the signature block.
func (b *body) content() {
	for i, blk := range b.doc.Body {
		o := paraOpt{keepNxt: i == len(b.doc.Body)-1}
		if i == 0 {
			gap := b.s.BodyGap + b.s.Style(format.Body).Before
			o.before = &gap
		}
		switch n := blk.(type) {
		case *model.Heading:
			b.para(format.HeadingElement(n.Level), n.Runs, o)
		case *model.Para:
			runs := n.Runs
			if n.Role == model.RoleBasis {
				runs = withStyle(runs, model.Italic)
			}
			if n.Marker != "" {
				st := model.RunStyle(0)
				if len(runs) > 0 {
					st = runs[0].Style
				}
				runs = append([]model.Run{{Text: n.Marker + " ", Style: st}}, runs...)
			}
			b.para(format.Body, runs, o)
		case *model.Table:
			b.table(n, o.keepNxt)
		}
	}
}

func withStyle(runs []model.Run, st model.RunStyle) []model.Run {
	out := make([]model.Run, len(runs))
	for i, r := range runs {
		out[i] = model.Run{Text: r.Text, Style: r.Style | st}
	}
	return out
}

// table writes a bordered body table: column widths as the PDF computes
// them, the header rows repeated on each page, rows never split.
func (b *body) table(t *model.Table, keepLast bool) {
	cols := 0
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := measure.ColumnWidths(b.f, b.s, t, cols)
	b.tableStart(widths, true, [2]unit.Length{b.s.CellPad, measure.CellVPad})
	for i, row := range t.Rows {
		head := i < t.HeaderRows
		b.rowStart(head)
		for c := 0; c < cols; c++ {
			b.cellStart(widths[c])
			e := format.TableCell
			if head {
				e = format.TableHead
			}
			var runs []model.Run
			if c < len(row) {
				runs = row[c].Runs
			}
			b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[e])
			if keepLast && i == len(t.Rows)-1 {
				b.x.raw(`<w:keepNext/>`) // the last row stays with the signature
			}
			if !head && c < len(t.Align) && t.Align[c] == model.AlignCenter {
				b.x.raw(`<w:jc w:val="center"/>`)
			}
			b.x.raw(`</w:pPr>`)
			for _, r := range b.s.Runs(e, runs) {
				b.run(r, b.s.Style(e).Font)
			}
			b.x.raw(`</w:p></w:tc>`)
		}
		b.x.raw(`</w:tr>`)
	}
	b.x.raw(`</w:tbl>`)
}

// signature writes Nơi nhận (left) and the signature (right) as one
// borderless row that cannot split (Phụ lục I, II.7, II.9).
func (b *body) signature() {
	lw, rw := b.columns()
	gap := b.s.SignGap
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	b.cellStart(lw)
	b.text(format.RecipientsLabel, format.RecipientsLabelText, paraOpt{before: &gap, keepNxt: true})
	for _, t := range format.RecipientLines(b.doc.Recipients) {
		b.text(format.RecipientsItem, t, paraOpt{keepNxt: true})
	}
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	for i, t := range b.doc.Signature.Lines {
		o := paraOpt{keepNxt: true}
		if i == 0 {
			o.before = &gap
		}
		b.text(format.SignAuthority, t, o)
	}
	space := b.s.SignSpace
	b.text(format.SignName, b.doc.Signature.Name, paraOpt{before: &space})
	b.x.raw(`</w:tc></w:tr></w:tbl>`)
}

// sectPr sets A4, the margins of the sheet, the header with the page number
// from page 2 (titlePg: page 1 has the empty first-page header).
func (b *body) sectPr() {
	s := b.s
	b.x.raw(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>`)
	b.x.f(`<w:pgSz w:w="%d" w:h="%d"/>`, s.PageW.Twips(), s.PageH.Twips())
	b.x.f(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		s.Top.Twips(), s.Right.Twips(), s.Bottom.Twips(), s.Left.Twips(), s.HeaderDist.Twips(), s.HeaderDist.Twips())
	b.x.raw(`<w:titlePg/></w:sectPr>`)
}
