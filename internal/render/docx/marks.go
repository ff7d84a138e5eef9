package docx

import (
	"strings"

	"vanban/internal/format"
	"vanban/internal/render/docx/reference"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// The relationship IDs of the footers of ô 13 (Phụ lục I, II.12): the
// first-page footer of the document, and an empty one for the sections
// after it.
const (
	footerContactID = "rId5"
	footerEmptyID   = "rId6"
)

// gapPara writes an empty paragraph exactly h high: the space the PDF
// leaves above a framed mark, and the paragraph Word needs between two
// tables (or after a table at the end of a cell).
func (b *body) gapPara(h unit.Length) {
	b.x.f(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`,
		max(h.Twips(), 1))
}

// stamp writes a framed mark as a one-cell table W × H with a single
// border, its words centred in it, in red for the urgency and secrecy
// stamps (Phụ lục I, II.10); align is "center" or "right".
func (b *body) stamp(st *resolve.Stamp, align string) {
	x := &b.x
	color := "000000"
	if st.Red {
		color = "FF0000"
	}
	x.f(`<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="%s"/><w:tblBorders>`, st.W.Twips(), align)
	for _, side := range []string{"top", "left", "bottom", "right"} {
		x.f(`<w:%s w:val="single" w:sz="%d" w:space="0" w:color="%s"/>`, side, eighths(b.s), color)
	}
	x.raw(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	x.f(`<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid>`, st.W.Twips())
	x.f(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr>`, st.H.Twips())
	x.f(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, st.W.Twips())
	id, _ := b.paraStyle(&st.Para)
	x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/><w:keepNext/></w:pPr>`, id)
	for _, r := range st.Para.Runs {
		if r.Text == "" {
			continue
		}
		x.raw(`<w:r>`)
		if st.Red {
			x.raw(`<w:rPr><w:color w:val="FF0000"/></w:rPr>`)
		}
		x.f(`<w:t xml:space="preserve">%s</w:t></w:r>`, escape(r.Text))
	}
	x.raw(`</w:p></w:tc></w:tr></w:tbl>`)
}

// stampsInCell writes the framed marks of a header cell under its text,
// each format.StampGap below what stands above it, and closes the cell's
// content with the paragraph a cell must end with.
func (b *body) stampsInCell(stamps ...*resolve.Stamp) {
	some := false
	for _, st := range stamps {
		if st == nil {
			continue
		}
		b.gapPara(format.StampGap)
		b.stamp(st, "center")
		some = true
	}
	if some {
		b.gapPara(0)
	}
}

// draft writes the draft marking flush right above the header.
func (b *body) draft() {
	if d := b.doc.Marks.Draft; d != nil {
		b.stamp(d, "right")
		b.gapPara(format.StampGap)
	}
}

// footerXML writes the first-page footer holding ô 13: its lines under a
// full-width rule, ContactGap above the rule (Phụ lục I, II.12).
func footerXML(doc *resolve.Document) string {
	s := doc.Sheet
	var x xw
	x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.raw(`<w:ftr ` + wNS + `>`)
	for i := range doc.Marks.Contact {
		p := &doc.Marks.Contact[i]
		x.f(`<w:p><w:pPr><w:pStyle w:val="%s"/>`, styleIDs[format.ContactLine])
		if i == 0 {
			// The rule is the top border of the first line, RuleGap
			// above its line box; ContactGap above the rule.
			x.f(`<w:pBdr><w:top w:val="single" w:sz="%d" w:space="%d" w:color="000000"/></w:pBdr>`,
				eighths(s), int64(s.RuleGap)/int64(unit.Point))
			x.f(`<w:spacing w:before="%d"/>`, format.ContactGap.Twips())
		}
		x.raw(`</w:pPr>`)
		b := &body{s: s, doc: doc}
		b.runs(p)
		x.raw(b.x.String())
		x.raw(`</w:p>`)
	}
	x.raw(`</w:ftr>`)
	return x.String()
}

// emptyFooter is the first-page footer of the sections after the first.
const emptyFooter = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<w:ftr ` + wNS + `><w:p/></w:ftr>`

// contactParts returns the parts ô 13 adds, and the content types and
// document relationships amended to name them; the reference parts as
// they are when the document has no ô 13.
func contactParts(doc *resolve.Document) (types, rels string, extra []Part) {
	if len(doc.Marks.Contact) == 0 {
		return reference.ContentTypes, reference.DocumentRels, nil
	}
	const ft = `application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml`
	types = strings.Replace(reference.ContentTypes, `</Types>`,
		`<Override PartName="/word/footer1.xml" ContentType="`+ft+`"/><Override PartName="/word/footer2.xml" ContentType="`+ft+`"/></Types>`, 1)
	const rt = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer`
	rels = strings.Replace(reference.DocumentRels, `</Relationships>`,
		`<Relationship Id="`+footerContactID+`" Type="`+rt+`" Target="footer1.xml"/><Relationship Id="`+footerEmptyID+`" Type="`+rt+`" Target="footer2.xml"/></Relationships>`, 1)
	return types, rels, []Part{{"word/footer1.xml", footerXML(doc)}, {"word/footer2.xml", emptyFooter}}
}
