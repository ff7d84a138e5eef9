package docx

import (
	"strings"

	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// body writes document.xml. Word lays the document out; what this writes is
// the resolved document: its paragraphs in the styles of format, plus the
// few lengths Word cannot derive (rule lengths, table columns), which
// package resolve measured with the fonts and line breaker of the PDF.
type body struct {
	x        xw
	s        *format.Sheet // the sheet of the current section
	doc      *resolve.Document
	sections int // sections closed so far
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func documentXML(doc *resolve.Document) string {
	s := doc.Sheet
	b := &body{s: s, doc: doc}
	b.x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.x.raw(`<w:document ` + wNS + `><w:body>`)
	if doc.Part {
		// One appendix in a file of its own: its section alone, page 1
		// without number, so ô 14 stays free (Phụ lục I, III.1.d).
		b.appendix(&doc.Appendices[0])
		b.endSection(doc.Appendices[0].Sheet, true)
		b.x.raw(`</w:body></w:document>`)
		return b.x.String()
	}
	b.draft()
	b.header(&doc.Header, &doc.Marks)
	b.title()
	b.authority()
	b.addressees()
	b.content(b.doc.Body, true)
	b.signature()
	// Each section ends with the portrait or landscape page setup of its
	// own; the last one's stands at the end of the body.
	sheet := s
	for i := range doc.Appendices {
		b.endSection(sheet, false)
		sheet = doc.Appendices[i].Sheet
		b.appendix(&doc.Appendices[i])
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

// para writes one paragraph: its text runs, and direct formatting only
// where the style cannot say it (extra space before, keep with next,
// centring).
type paraOpt struct {
	before  *unit.Length // overrides the style's space before
	after   unit.Length  // space after; 0 for none (the styles have none)
	keepNxt bool
	noWidow bool // widow and orphan control off
}

func (b *body) para(p *resolve.Para, o paraOpt) {
	x := &b.x
	id, _ := b.paraStyle(p)
	x.raw(`<w:p><w:pPr><w:pStyle w:val="`)
	x.raw(id)
	x.raw(`"/>`)
	if o.keepNxt {
		x.raw(`<w:keepNext/>`)
	}
	if o.noWidow {
		x.raw(`<w:widowControl w:val="0"/>`)
	}
	switch {
	case o.before != nil && o.after > 0:
		x.attr(`<w:spacing w:before="`, o.before.Twips())
		x.attr(` w:after="`, o.after.Twips())
		x.raw(`/>`)
	case o.before != nil:
		x.attr(`<w:spacing w:before="`, o.before.Twips())
		x.raw(`/>`)
	case o.after > 0:
		x.attr(`<w:spacing w:after="`, o.after.Twips())
		x.raw(`/>`)
	}
	if p.Center {
		x.raw(`<w:ind w:firstLine="0"/><w:jc w:val="center"/>`)
	}
	x.raw(`</w:pPr>`)
	b.runs(p)
	x.raw(`</w:p>`)
}

// paras writes paragraphs without direct formatting.
func (b *body) paras(ps []resolve.Para) {
	for i := range ps {
		b.para(&ps[i], paraOpt{})
	}
}

// runs writes the text runs of p. A size other than its style's (a parent
// line shrunk to fit its column) is set on every run.
func (b *body) runs(p *resolve.Para) {
	size := 0
	if p.Style.Size != b.s.Style(p.Element).Size {
		size = p.Style.Size
	}
	_, font := b.paraStyle(p)
	for _, r := range p.Runs {
		b.run(r, font, size)
	}
}

// run writes a text run; styles the paragraph style already gives are not
// repeated; size, in half-points, is written unless 0. A "\n" in the text
// is a line break resolve decided (or the clerk wrote): <w:br/>, so Word
// breaks the line where the PDF does.
func (b *body) run(r model.Run, styleFont model.RunStyle, size int) {
	if r.Text == "" {
		return
	}
	x := &b.x
	x.raw(`<w:r>`)
	if extra := r.Style &^ styleFont; extra != 0 || size != 0 {
		x.raw(`<w:rPr>`)
		writeRunStyle(x, extra)
		if size != 0 {
			x.attr(`<w:sz w:val="`, int64(size))
			x.attr(`/><w:szCs w:val="`, int64(size))
			x.raw(`/>`)
		}
		x.raw(`</w:rPr>`)
	}
	for i, part := range strings.Split(r.Text, "\n") {
		if i > 0 {
			x.raw(`<w:br/>`)
		}
		if part != "" {
			x.raw(`<w:t xml:space="preserve">`)
			x.raw(escape(part))
			x.raw(`</w:t>`)
		}
	}
	x.raw(`</w:r>`)
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
func (b *body) gapBefore(blocks []resolve.Block) unit.Length {
	if len(blocks) > 0 {
		if _, ok := blocks[0].(*resolve.Table); ok {
			return b.s.BodyGap
		}
	}
	return 0
}

// tableStart opens a table of the given column widths. A table that would
// follow another with nothing between them (a body ending with a table,
// then the signature block) is first parted from it by tableGap: Word and
// LibreOffice join adjacent tables into one, and the joined rows lose their
// own cell margins and column widths (LibreOffice drew the last row of a
// báo cáo thành tích's table with the signature table's zero margins).
func (b *body) tableStart(widths []unit.Length, borders bool, cellMar [2]unit.Length) {
	x := &b.x
	if strings.HasSuffix(x.String(), `</w:tbl>`) {
		b.tableGap()
	}
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

// tableGap writes the paragraph that keeps two tables apart: one twip
// high (a twentieth of a point, which no page break notices), kept with
// the table that follows, as the PDF layout has nothing there at all.
func (b *body) tableGap() {
	b.x.raw(`<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="1" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`)
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
func (b *body) header(h *resolve.Header, m *resolve.Marks) {
	lw, rw := b.columns()
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	b.cellStart(lw)
	b.paras(h.Parent)
	b.paras(h.Issuer)
	b.rule(h.IssuerRule, lw)
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.para(&h.QuocHieu, paraOpt{})
	b.para(&h.TieuNgu, paraOpt{})
	b.rule(h.MottoRule, rw)
	b.x.raw(`</w:tc></w:tr>`)
	if h.Number == nil && h.PlaceDate == nil && h.Letter == nil && m.Secrecy == nil && m.Urgency == nil && m.Circulation == nil {
		b.x.raw(`</w:tbl>`) // no second row (as package layout)
		return
	}
	b.rowStart(false)
	b.cellStart(lw)
	b.paraOrEmpty(h.Number, format.Number)
	if h.Letter != nil {
		b.para(h.Letter, paraOpt{})
	}
	b.stampsInCell(m.Secrecy, m.Urgency)
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.paraOrEmpty(h.PlaceDate, format.PlaceDate)
	b.stampsInCell(m.Circulation)
	b.x.raw(`</w:tc></w:tr></w:tbl>`)
}

// paraOrEmpty writes p, or when p is nil an empty paragraph of element e:
// the line a document without "Số:" or without its date keeps empty, as
// package layout does.
func (b *body) paraOrEmpty(p *resolve.Para, e format.Element) {
	if p != nil {
		b.para(p, paraOpt{})
		return
	}
	b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr></w:p>`, styleIDs[e])
}

// title writes tên loại and trích yếu with the rule under them.
func (b *body) title() {
	t := b.doc.Title
	if t == nil {
		return // a công văn has no title block; its V/v is in the header
	}
	gap := b.s.TitleGap
	b.para(&t.Type, paraOpt{before: &gap})
	if t.Summary != nil {
		b.para(t.Summary, paraOpt{})
	}
	after := unit.Length(0)
	if b.doc.Authority == nil && b.doc.Addressees == nil {
		after = b.gapBefore(b.doc.Body)
	}
	b.ruleThen(t.Rule, b.s.TextWidth(), after)
}

// authority writes the thẩm quyền ban hành line of a Quyết định.
func (b *body) authority() {
	if b.doc.Authority != nil {
		b.para(b.doc.Authority, paraOpt{})
	}
}

// addressees writes "Kính gửi:": one addressee centred on the label's line;
// several as paragraphs whose hanging indent puts the label left of the
// first item and aligns the dashes, placed as the PDF places them.
func (b *body) addressees() {
	a := b.doc.Addressees
	if a == nil {
		return
	}
	gap := b.s.BodyGap
	if b.doc.Title == nil {
		gap = b.s.TitleGap // a công văn: straight under the header
	}
	if a.Line != nil {
		b.para(a.Line, paraOpt{before: &gap})
		return
	}
	left := a.X - b.s.Left + a.Indent
	right := b.s.TextWidth() - (a.X - b.s.Left) - a.Indent - a.Width
	for i := range a.Items {
		b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[format.Addressee])
		if i == 0 {
			b.x.f(`<w:spacing w:before="%d"/>`, gap.Twips())
		} else {
			b.x.raw(`<w:spacing w:before="0"/>`)
		}
		if i == 0 {
			b.x.f(`<w:ind w:left="%d" w:right="%d" w:hanging="%d"/>`, left.Twips(), right.Twips(), a.Indent.Twips())
		} else {
			b.x.f(`<w:ind w:left="%d" w:right="%d"/>`, left.Twips(), right.Twips())
		}
		b.x.raw(`</w:pPr>`)
		if i == 0 {
			b.runs(&a.Label)
			b.x.raw(`<w:r><w:tab/></w:r>`)
		}
		b.runs(&a.Items[i])
		b.x.raw(`</w:p>`)
	}
}

// appendix writes an appendix section: "Phụ lục I" when numbered, title,
// "(Kèm theo …)" line, rule, body. An attached text (Phụ lục III, Mẫu 1.3)
// has its header and tên loại above and its signature below, as package
// layout places them.
func (b *body) appendix(a *resolve.Appendix) {
	saved := b.s
	b.s = a.Sheet
	var gap *unit.Length
	if a.Header != nil {
		b.header(a.Header, &resolve.Marks{})
		g := b.s.TitleGap
		gap = &g
	}
	if a.Number != nil {
		b.para(a.Number, paraOpt{before: gap})
		gap = nil
	}
	if a.Type != nil {
		b.para(a.Type, paraOpt{before: gap})
		gap = nil
	}
	b.para(&a.Title, paraOpt{before: gap})
	b.para(&a.Note, paraOpt{})
	b.ruleThen(a.Rule, b.s.TextWidth(), b.gapBefore(a.Body))
	b.content(a.Body, a.Sign != nil)
	if a.Sign != nil {
		b.signer(a.Sign)
	}
	b.s = saved
}

// signer writes the signature that closes an attached text: a borderless
// row that cannot split, the signature in the right cell, SignGap below
// the body (the body's last paragraph keeps with it).
func (b *body) signer(s *resolve.Signer) {
	lw, rw := b.columns()
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	b.cellStart(lw)
	b.emptyPara(format.RecipientsItem, false)
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.signerParas(s, false)
	b.x.raw(`</w:tc></w:tr></w:tbl>`)
}

// signerParas writes a signer's authority lines, the first SignGap below
// what precedes them, and the name SignSpace below them (both spaces when
// there is no authority line); keepName keeps the name with what follows.
func (b *body) signerParas(s *resolve.Signer, keepName bool) {
	gap, space := b.s.SignGap, b.s.SignSpace
	for i := range s.Authority {
		o := paraOpt{keepNxt: true}
		if i == 0 {
			o.before = &gap
		}
		b.para(&s.Authority[i], o)
	}
	if len(s.Authority) == 0 {
		both := gap + space
		b.para(&s.Name, paraOpt{before: &both, keepNxt: keepName})
	} else {
		b.para(&s.Name, paraOpt{before: &space, keepNxt: keepName})
	}
}

// content writes body blocks. The first paragraph gets the gap after the
// title block; with keep, the last keeps with the signature block.
func (b *body) content(blocks []resolve.Block, keep bool) {
	for i, blk := range blocks {
		o := paraOpt{keepNxt: keep && i == len(blocks)-1}
		if i == 0 {
			gap := b.s.BodyGap + b.s.Style(format.Body).Before
			o.before = &gap
		}
		switch n := blk.(type) {
		case *resolve.Para:
			if n.KeepNext && n.Element == format.Body {
				o.keepNxt = true // a centred title line; headings' styles keep by themselves
			}
			if i+1 < len(blocks) {
				if _, ok := blocks[i+1].(*resolve.Table); ok {
					// The paragraph gap before a table, which cannot
					// have space before of its own (as package layout).
					o.after = b.s.Style(format.Body).Before
				}
			}
			b.para(n, o)
		case *resolve.Table:
			b.table(n, o.keepNxt)
		}
	}
}

// table writes a bordered body table: column widths as the PDF computes
// them, the header rows repeated on each page, rows never split.
func (b *body) table(t *resolve.Table, keepLast bool) {
	if len(t.Widths) == 0 {
		return
	}
	b.tableStart(t.Widths, true, [2]unit.Length{t.PadX, t.PadY})
	for i, row := range t.Rows {
		b.rowStart(row.Header)
		for k := range row.Cells {
			c := &row.Cells[k]
			b.x.f(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, c.Width.Twips())
			if c.Span > 1 {
				b.x.f(`<w:gridSpan w:val="%d"/>`, c.Span)
			}
			b.x.raw(`</w:tcPr>`)
			b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[c.Para.Element])
			if keepLast && i == len(t.Rows)-1 {
				b.x.raw(`<w:keepNext/>`) // the last row stays with the signature
			}
			if c.Para.Center || c.Para.Style.Align != b.s.Style(c.Para.Element).Align {
				b.x.f(`<w:jc w:val="%s"/>`, jc(c.Para.Style.Align))
			}
			b.x.raw(`</w:pPr>`)
			b.runs(&c.Para)
			b.x.raw(`</w:p></w:tc>`)
		}
		b.x.raw(`</w:tr>`)
	}
	b.x.raw(`</w:tbl>`)
}

// signature writes Nơi nhận (left) and the signature (right) as one
// borderless row that cannot split (Phụ lục I, II.7, II.9). A block that
// resolve split (resolve.Sign) becomes two rows: the head, which cannot
// split, holds "Nơi nhận:", the recipients beside the signature column and
// the signature; the second row, which may break across pages, holds the
// other recipients and "- Lưu: …". Word and LibreOffice fill a breaking row
// down to the foot of the page and go on at the top of the next, as the
// PDF layout places the rest of the list.
func (b *body) signature() {
	sg := &b.doc.Sign
	if sg.Co != nil {
		b.signatures()
		return
	}
	lw, rw := b.columns()
	gap := b.s.SignGap
	split := sg.Split()
	// kept ties the row to the confirmation block's row under it.
	kept := sg.Confirm != nil && sg.Confirm.Kept
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	b.cellStart(lw)
	if sg.NoRecipients {
		// No Nơi nhận: the cell needs a paragraph, one recipient line
		// high, never taller than the signature column.
		b.emptyPara(format.RecipientsItem, kept)
	} else {
		// Inside a row that cannot split, keep-with-next only ties the row to
		// the next one; a head must not be tied to the row that breaks.
		b.para(&sg.Label, paraOpt{before: &gap, keepNxt: !split})
		for i := range sg.Items[:sg.Head] {
			b.para(&sg.Items[i], paraOpt{keepNxt: !split})
		}
	}
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	for i := range sg.Authority {
		o := paraOpt{keepNxt: !split}
		if i == 0 {
			o.before = &gap
		}
		b.para(&sg.Authority[i], o)
	}
	space := b.s.SignSpace
	b.para(&sg.Name, paraOpt{before: &space, keepNxt: kept})
	b.x.raw(`</w:tc></w:tr>`)
	if split {
		// No cantSplit: this row breaks across pages, line by line, as
		// LibreOffice breaks rows (it has no widow control in cells); Word's
		// widow control is turned off to break them alike.
		b.x.raw(`<w:tr>`)
		b.cellStart(lw)
		for i := range sg.Items[sg.Head:] {
			b.para(&sg.Items[sg.Head+i], paraOpt{noWidow: true})
		}
		b.x.raw(`</w:tc>`)
		// The right cell needs a paragraph; one recipient line high, it
		// never makes the row taller than its first line.
		b.cellStart(rw)
		b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr></w:p></w:tc></w:tr>`, styleIDs[format.RecipientsItem])
	}
	b.confirm()
	b.x.raw(`</w:tbl>`)
}

// emptyPara writes an empty paragraph of element e, kept with the next
// one when keep is set.
func (b *body) emptyPara(e format.Element, keep bool) {
	if keep {
		b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/><w:keepNext/></w:pPr></w:p>`, styleIDs[e])
		return
	}
	b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr></w:p>`, styleIDs[e])
}

// confirm writes the confirmation block (resolve.Confirm: Phụ lục III,
// Mẫu 1.10) as the last row of the signature table, one that cannot
// split: in its left cell, SignGap below the rows above, the title lines,
// the note, and an empty line for the name under the signature space.
// A kept block is tied to the rows above by their keep-with-next, as
// package layout keeps it in the block's head; after a split block it
// goes whole to the next page when it does not fit, as layout moves it.
func (b *body) confirm() {
	c := b.doc.Sign.Confirm
	if c == nil {
		return
	}
	lw, rw := b.columns()
	gap, space := b.s.SignGap, b.s.SignSpace
	b.rowStart(false)
	b.cellStart(lw)
	for i := range c.Title {
		o := paraOpt{keepNxt: true}
		if i == 0 {
			o.before = &gap
		}
		b.para(&c.Title[i], o)
	}
	if c.Note != nil {
		b.para(c.Note, paraOpt{keepNxt: true})
	}
	b.x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/><w:spacing w:before="%d"/></w:pPr></w:p>`, styleIDs[format.SignName], space.Twips())
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.emptyPara(format.RecipientsItem, false)
	b.x.raw(`</w:tc></w:tr>`)
}

// signatures writes a block of two signatures (Phụ lục III, Mẫu 1.9) as
// two borderless rows: the thư ký (left) and the chủ tọa (right), a row
// that cannot split; then "Nơi nhận:" and its list in the left cell of a
// second row, SignGap below. When resolve keeps the whole block together
// (Head is len(Items)) the second row cannot split either and the first
// keeps with it; otherwise it breaks line by line, as package layout
// flows the list.
func (b *body) signatures() {
	sg := &b.doc.Sign
	lw, rw := b.columns()
	gap := b.s.SignGap
	// whole ties the signatures' row to the list's row; without a list
	// (NoRecipients) the signatures' row is the table's last.
	whole := !sg.Split() && !sg.NoRecipients
	// kept ties the last row to the confirmation block's row under it.
	kept := sg.Confirm != nil && sg.Confirm.Kept
	b.tableStart([]unit.Length{lw, rw}, false, [2]unit.Length{})
	b.rowStart(false)
	for k, s := range []*resolve.Signer{sg.Co, {Authority: sg.Authority, Name: sg.Name}} {
		b.cellStart([]unit.Length{lw, rw}[k])
		b.signerParas(s, whole || kept)
		b.x.raw(`</w:tc>`)
	}
	b.x.raw(`</w:tr>`)
	if sg.NoRecipients {
		b.confirm()
		b.x.raw(`</w:tbl>`)
		return
	}
	if whole {
		b.rowStart(false)
	} else {
		b.x.raw(`<w:tr>`)
	}
	b.cellStart(lw)
	b.para(&sg.Label, paraOpt{before: &gap, keepNxt: whole, noWidow: !whole})
	for i := range sg.Items {
		b.para(&sg.Items[i], paraOpt{keepNxt: whole && (i+1 < len(sg.Items) || kept), noWidow: !whole})
	}
	b.x.raw(`</w:tc>`)
	b.cellStart(rw)
	b.emptyPara(format.RecipientsItem, kept)
	b.x.raw(`</w:tc></w:tr>`)
	b.confirm()
	b.x.raw(`</w:tbl>`)
}

// sectPr sets A4 (portrait or landscape), the margins of the sheet, the
// header with the page number from page 2 (titlePg: the first page has the
// empty first-page header); an appendix restarts the numbering at 1.
func (b *body) sectPr(s *format.Sheet, restart bool) {
	b.x.raw(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>`)
	footer := s.HeaderDist
	if len(b.doc.Marks.Contact) > 0 {
		// ô 13 is the first-page footer of the document's section; later
		// sections (appendices) would inherit it, so they name an empty
		// one. Its last line ends on the bottom margin, as in the PDF.
		if b.sections == 0 {
			b.x.f(`<w:footerReference w:type="first" r:id="%s"/>`, footerContactID)
			footer = s.Bottom
		} else {
			b.x.f(`<w:footerReference w:type="first" r:id="%s"/>`, footerEmptyID)
		}
	}
	if s.PageW > s.PageH {
		b.x.f(`<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, s.PageW.Twips(), s.PageH.Twips())
	} else {
		b.x.f(`<w:pgSz w:w="%d" w:h="%d"/>`, s.PageW.Twips(), s.PageH.Twips())
	}
	b.x.f(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		s.Top.Twips(), s.Right.Twips(), s.Bottom.Twips(), s.Left.Twips(), s.HeaderDist.Twips(), footer.Twips())
	if restart {
		b.x.raw(`<w:pgNumType w:start="1"/>`)
	}
	b.x.raw(`<w:titlePg/></w:sectPr>`)
}
