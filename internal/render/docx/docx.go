// Package docx writes a document model as a WordprocessingML (.docx) file in
// the format of Nghị định 30/2020/NĐ-CP: our own writer on archive/zip, with
// styles built from package format, so Word and LibreOffice lay out the
// same document as the PDF, and the clerk can edit it like a hand-made one.
//
// It reads the model, not the PDF layout: Word does the layout. The only
// measured lengths it writes (rules, table columns) come from package
// measure, the line breaker the PDF uses.
package docx

import (
	"archive/zip"
	"fmt"
	"io"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/render/docx/reference"
)

// Application is written in docProps/app.xml instead of a library name, so
// upgrades do not change every file.
const Application = "vanban"

// Part is one file of the package.
type Part struct {
	Name string
	Data string
}

// Parts returns the parts of the DOCX of doc in their fixed order
// ([Content_Types].xml first).
func Parts(doc *model.Document, s *format.Sheet, f *font.Set) []Part {
	return []Part{
		{"[Content_Types].xml", reference.ContentTypes},
		{"_rels/.rels", reference.Rels},
		{"docProps/core.xml", coreXML(doc)},
		{"docProps/app.xml", appXML()},
		{"word/document.xml", documentXML(doc, s, f)},
		{"word/styles.xml", stylesXML(s)},
		{"word/settings.xml", reference.Settings},
		{"word/header1.xml", reference.HeaderDefault},
		{"word/header2.xml", reference.HeaderFirst},
		{"word/_rels/document.xml.rels", reference.DocumentRels},
	}
}

// Write writes the DOCX of doc to w. The bytes depend only on the inputs:
// fixed part order, fixed timestamps from the document's issue date.
func Write(w io.Writer, doc *model.Document, s *format.Sheet, f *font.Set) error {
	z := zip.NewWriter(w)
	stamp := format.Timestamp(doc.Date)
	for _, p := range Parts(doc, s, f) {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return fmt.Errorf("render/docx: %s: %w", p.Name, err)
		}
		if _, err := io.WriteString(fw, p.Data); err != nil {
			return fmt.Errorf("render/docx: %s: %w", p.Name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("render/docx: %w", err)
	}
	return nil
}

func coreXML(doc *model.Document) string {
	t := format.Timestamp(doc.Date).Format("2006-01-02T15:04:05Z")
	title := doc.Title.Type + " " + doc.Title.Summary
	creator := ""
	for i, l := range doc.Header.Issuer {
		if i > 0 {
			creator += " "
		}
		creator += l
	}
	var x xw
	x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.raw(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	x.f(`<dc:title>%s</dc:title><dc:subject>%s</dc:subject><dc:creator>%s</dc:creator><dc:language>vi-VN</dc:language>`,
		escape(title), escape(doc.Title.Summary), escape(creator))
	x.f(`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>`, t, t)
	return x.String()
}

func appXML() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>` + Application + `</Application></Properties>`
}
