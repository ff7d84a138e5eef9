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
	x        xw
	s        *format.Sheet
	f        *font.Set
	doc      *model.Document
	sections int // sections closed so far
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func documentXML(doc *model.Document, s *format.Sheet, f *font.Set) string {
	b := &body{s: s, f: f, doc: doc}
	b.x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.x.raw(`<w:document ` + wNS + `><w:body>`)
	b.header()
	b.title()
	b.authority()
	b.addressees()
	b.content(b.doc.Body, true)
	b.signature()
	// Each section ends with the portrait or landscape page setup of its
	// own; the last one's stands at the end of the body.
	sheet := s
	for _, a := range doc.Appendices {
		b.endSection(sheet, false)
		sheet = s
		if a.Landscape {
			sheet = s.Landscape()
		}
		b.appendix(a, sheet)
	}
	b.endSection(sheet, true)
	b.x.raw(`</w:body></w:document>`)
	return b.x.String()
}

// endSection closes a section: a paragraph one point high (Word needs a
// paragraph after a table, and this one can never push a page of its own)
// carrying the section's page setup, or the body's final sectPr.
func (b *body) endSection(s *format.Sheet, last bool) {
	b.x.raw(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`)
	if !last {
		b.sectPr(s, b.sections > 0)
	}
	b.x.raw(`<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`)
	if last {
		b.sectPr(s, b.sections > 0)
	}
	b.sections++
}

// para writes one paragraph of element e: text runs, and direct formatting
// only where the style cannot say it (extra space before, keep with next).
type paraOpt struct {
	before  *unit.Length // overrides the style's space before
	keepNxt bool
	noWidow bool // widow and orphan control off
	center  bool // centred without indent, in a body style
}

func (b *body) para(e format.Element, runs []model.Run, o paraOpt) {
	x := &b.x
	x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[e])
	if o.keepNxt {
		x.raw(`<w:keepNext/>`)
	}
	if o.noWidow {
		x.raw(`<w:widowControl w:val="0"/>`)
	}
	if o.before != nil {
		x.f(`<w:spacing w:before="%d"/>`, o.before.Twips())
	}
	if o.center {
		x.raw(`<w:ind w:firstLine="0"/><w:jc w:val="center"/>`)
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
func (b *body) rule(l, w unit.Length) { b.ruleThen(l, w, 0) }

// ruleThen is rule with space after it: the gap before a table, which
// cannot have space before of its own.
func (b *body) ruleThen(l, w, after unit.Length) {
	side := (w - l) / 2
	b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, ruleStyle)
	if after > 0 {
		b.x.f(`<w:spacing w:after="%d"/>`, after.Twips())
	}
	b.x.f(`<w:ind w:left="%d" w:right="%d"/></w:pPr></w:p>`, side.Twips(), (w - l - side).Twips())
}

// gapBefore is the space after a title block when the body opens with a
// table, which, unlike a paragraph, cannot carry it.
func (b *body) gapBefore(blocks []model.Block) unit.Length {
	if len(blocks) > 0 {
		if _, ok := blocks[0].(*model.Table); ok {
			return b.s.BodyGap
		}
	}
	return 0
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
	if b.doc.Title.Letter {
		b.text(format.LetterSummary, format.LetterSummaryText(b.doc.Title.Summary), paraOpt{})
	}
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.text(format.PlaceDate, format.DateLine(b.doc.Place, b.doc.Date), paraOpt{})
	b.x.raw(`</w:tc></w:tr></w:tbl>`)
}

// title writes tên loại and trích yếu with the rule under them.
func (b *body) title() {
	if b.doc.Title.Letter {
		return // a công văn has no title block; its V/v is in the header
	}
	gap := b.s.TitleGap
	b.text(format.TitleType, b.doc.Title.Type, paraOpt{before: &gap})
	b.text(format.TitleSummary, b.doc.Title.Summary, paraOpt{})
	w := b.s.TextWidth()
	after := unit.Length(0)
	if b.doc.Authority == "" && len(b.doc.Addressees) == 0 {
		after = b.gapBefore(b.doc.Body)
	}
	b.ruleThen(measure.Rule(b.s, measure.Widest(measure.Lines(b.f, b.s, format.TitleSummary, []string{b.doc.Title.Summary}, w))), w, after)
}

// authority writes the thẩm quyền ban hành line of a Quyết định.
func (b *body) authority() {
	if b.doc.Authority == "" {
		return
	}
	b.text(format.AuthorityLine, b.doc.Authority, paraOpt{})
}

// addressees writes "Kính gửi:": one addressee centred on the label's line;
// several as paragraphs whose hanging indent puts the label left of the
// first item and aligns the dashes, placed as the PDF places them.
func (b *body) addressees() {
	if len(b.doc.Addressees) == 0 {
		return
	}
	gap := b.s.BodyGap
	if b.doc.Title.Letter {
		gap = b.s.TitleGap // straight under the header
	}
	lines := format.AddresseeLines(b.doc.Addressees)
	if len(lines) == 1 {
		b.para(format.Addressee, []model.Run{{Text: format.AddresseeLabel + " " + lines[0]}}, paraOpt{before: &gap, center: true})
		return
	}
	x, indent, w := measure.AddresseeGeometry(b.f, b.s, lines)
	left := x - b.s.Left + indent
	right := b.s.TextWidth() - (x - b.s.Left) - indent - w
	for i, t := range lines {
		b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[format.Addressee])
		if i == 0 {
			b.x.f(`<w:spacing w:before="%d"/>`, gap.Twips())
		} else {
			b.x.raw(`<w:spacing w:before="0"/>`)
		}
		if i == 0 {
			b.x.f(`<w:ind w:left="%d" w:right="%d" w:hanging="%d"/>`, left.Twips(), right.Twips(), indent.Twips())
		} else {
			b.x.f(`<w:ind w:left="%d" w:right="%d"/>`, left.Twips(), right.Twips())
		}
		b.x.raw(`</w:pPr>`)
		if i == 0 {
			b.x.f(`<w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:tab/></w:r>`, escape(format.AddresseeLabel))
		}
		b.run(model.Run{Text: t}, 0)
		b.x.raw(`</w:p>`)
	}
}

// appendix writes an appendix section: title, "(Kèm theo …)" line, rule,
// body.
func (b *body) appendix(a model.Appendix, s *format.Sheet) {
	saved := b.s
	b.s = s
	b.text(format.AppendixTitle, a.Title, paraOpt{})
	note := format.AttachedLine(b.doc)
	b.text(format.AppendixNote, note, paraOpt{})
	w := s.TextWidth()
	b.ruleThen(measure.Rule(s, measure.Widest(measure.Lines(b.f, s, format.AppendixNote, []string{note}, w))), w, b.gapBefore(a.Body))
	b.content(a.Body, false)
	b.s = saved
}

// content writes body blocks. The first paragraph gets the gap after the
// title block; with keep, the last keeps with the signature block.
func (b *body) content(blocks []model.Block, keep bool) {
	for i, blk := range blocks {
		o := paraOpt{keepNxt: keep && i == len(blocks)-1}
		if i == 0 {
			gap := b.s.BodyGap + b.s.Style(format.Body).Before
			o.before = &gap
		}
		switch n := blk.(type) {
		case *model.Heading:
			b.para(format.HeadingElement(n.Level), n.Runs, o)
		case *model.Para:
			o.center = n.Center
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
	cols := measure.Columns(t)
	if cols == 0 {
		return
	}
	widths := measure.ColumnWidths(b.f, b.s, t, cols)
	b.tableStart(widths, true, [2]unit.Length{b.s.CellPad, measure.CellVPad})
	for i, row := range t.Rows {
		head := i < t.HeaderRows
		b.rowStart(head)
		for c, k := 0, 0; c < cols; k++ {
			e := format.TableCell
			if head {
				e = format.TableHead
			}
			var runs []model.Run
			span := 1
			if k < len(row) {
				runs = row[k].Runs
				span = min(max(row[k].Span, 1), cols-c)
			}
			var cw unit.Length
			for _, w := range widths[c : c+span] {
				cw += w
			}
			b.x.f(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, cw.Twips())
			if span > 1 {
				b.x.f(`<w:gridSpan w:val="%d"/>`, span)
			}
			b.x.raw(`</w:tcPr>`)
			b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[e])
			if keepLast && i == len(t.Rows)-1 {
				b.x.raw(`<w:keepNext/>`) // the last row stays with the signature
			}
			if !head && span == 1 && c < len(t.Align) && t.Align[c] == model.AlignCenter {
				b.x.raw(`<w:jc w:val="center"/>`)
			}
			b.x.raw(`</w:pPr>`)
			for _, r := range b.s.Runs(e, runs) {
				b.run(r, b.s.Style(e).Font)
			}
			b.x.raw(`</w:p></w:tc>`)
			c += span
		}
		b.x.raw(`</w:tr>`)
	}
	b.x.raw(`</w:tbl>`)
}

// signature writes Nơi nhận (left) and the signature (right) as one
// borderless row that cannot split (Phụ lục I, II.7, II.9). A block too
// tall for a page (many recipients) becomes two rows: the head, which
// cannot split, holds "Nơi nhận:", the recipients beside the signature
// column and the signature; the second row, which may break across pages,
// holds the other recipients and "- Lưu: …". Word and LibreOffice fill a
// breaking row down to the foot of the page and go on at the top of the
// next; the PDF layout splits the block the same way (layout.signSplit,
// layout.flowLines).
func (b *body) signature() {
	lw, rw := b.columns()
	gap := b.s.SignGap
	lines := format.RecipientLines(b.doc.Recipients)
	head := signHead(b.f, b.s, b.doc, lines)
	split := head < len(lines)
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	b.cellStart(lw)
	// Inside a row that cannot split, keep-with-next only ties the row to
	// the next one; a head must not be tied to the row that breaks.
	b.text(format.RecipientsLabel, format.RecipientsLabelText, paraOpt{before: &gap, keepNxt: !split})
	for _, t := range lines[:head] {
		b.text(format.RecipientsItem, t, paraOpt{keepNxt: !split})
	}
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	for i, t := range b.doc.Signature.Lines {
		o := paraOpt{keepNxt: !split}
		if i == 0 {
			o.before = &gap
		}
		b.text(format.SignAuthority, t, o)
	}
	space := b.s.SignSpace
	b.text(format.SignName, b.doc.Signature.Name, paraOpt{before: &space})
	b.x.raw(`</w:tc></w:tr>`)
	if split {
		// No cantSplit: this row breaks across pages, line by line, as
		// LibreOffice breaks rows (it has no widow control in cells); Word's
		// widow control is turned off to break them alike.
		b.x.raw(`<w:tr>`)
		b.cellStart(lw)
		for _, t := range lines[head:] {
			b.text(format.RecipientsItem, t, paraOpt{noWidow: true})
		}
		b.x.raw(`</w:tc>`)
		// The right cell needs a paragraph; one recipient line high, it
		// never makes the row taller than its first line.
		b.cellStart(rw)
		b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr></w:p></w:tc></w:tr>`, styleIDs[format.RecipientsItem])
	}
	b.x.raw(`</w:tbl>`)
}

// signHead returns how many of the recipient lines go in the head row of
// the signature block: all when the block, with the space above it, fits
// on a page below two body lines; otherwise those down to the first that
// reaches the foot of the signature column, so the left column runs on
// into the second row without a gap. It is the rule of layout.signSplit,
// on the same measurements.
func signHead(f *font.Set, s *format.Sheet, doc *model.Document, lines []string) int {
	lw, rw := s.LeftCol, s.RightCol
	height := func(e format.Element, texts []string, w unit.Length) unit.Length {
		return unit.Length(len(measure.Lines(f, s, e, texts, w))) * s.Style(e).Line
	}
	rh := height(format.SignAuthority, doc.Signature.Lines, rw) + s.SignSpace +
		height(format.SignName, []string{doc.Signature.Name}, rw)
	label := height(format.RecipientsLabel, []string{format.RecipientsLabelText}, lw)
	if s.SignGap+max(label+height(format.RecipientsItem, lines, lw), rh) <= s.PageH-s.Top-s.Bottom-2*s.Style(format.Body).Line {
		return len(lines)
	}
	lh := label
	for i, t := range lines {
		if lh >= rh {
			return i
		}
		lh += height(format.RecipientsItem, []string{t}, lw)
	}
	return len(lines)
}

// sectPr sets A4 (portrait or landscape), the margins of the sheet, the
// header with the page number from page 2 (titlePg: the first page has the
// empty first-page header); an appendix restarts the numbering at 1.
func (b *body) sectPr(s *format.Sheet, restart bool) {
	b.x.raw(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>`)
	if s.PageW > s.PageH {
		b.x.f(`<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, s.PageW.Twips(), s.PageH.Twips())
	} else {
		b.x.f(`<w:pgSz w:w="%d" w:h="%d"/>`, s.PageW.Twips(), s.PageH.Twips())
	}
	b.x.f(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		s.Top.Twips(), s.Right.Twips(), s.Bottom.Twips(), s.Left.Twips(), s.HeaderDist.Twips(), s.HeaderDist.Twips())
	if restart {
		b.x.raw(`<w:pgNumType w:start="1"/>`)
	}
	b.x.raw(`<w:titlePg/></w:sectPr>`)
}
