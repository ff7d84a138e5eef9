// Package docx writes a resolved document as a WordprocessingML (.docx) file
// in the format of Nghị định 30/2020/NĐ-CP: our own writer on archive/zip,
// with styles built from package format, so Word and LibreOffice lay out the
// same document as the PDF, and the clerk can edit it like a hand-made one.
//
// It reads the resolved document (package resolve), not the PDF layout:
// Word does the layout. It decides nothing: texts, run styles, rule lengths,
// table columns and the split of the signature block come resolved, from
// the measurements the PDF layout uses too.
package docx

import (
	"archive/zip"
	"fmt"
	"io"

	"vanban/internal/render/docx/reference"
	"vanban/internal/resolve"
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
func Parts(doc *resolve.Document) []Part {
	return []Part{
		{"[Content_Types].xml", reference.ContentTypes},
		{"_rels/.rels", reference.Rels},
		{"docProps/core.xml", coreXML(doc.Meta)},
		{"docProps/app.xml", appXML()},
		{"word/document.xml", documentXML(doc)},
		{"word/styles.xml", stylesXML(doc.Sheet)},
		{"word/settings.xml", reference.Settings},
		{"word/header1.xml", reference.HeaderDefault},
		{"word/header2.xml", reference.HeaderFirst},
		{"word/_rels/document.xml.rels", reference.DocumentRels},
	}
}

// Write writes the DOCX of doc to w. The bytes depend only on the inputs:
// fixed part order, fixed timestamps from the document's issue date.
func Write(w io.Writer, doc *resolve.Document) error {
	z := zip.NewWriter(w)
	stamp := doc.Meta.Time
	for _, p := range Parts(doc) {
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

// coreXML writes the document properties from the resolved metadata.
func coreXML(m resolve.Meta) string {
	t := m.Time.Format("2006-01-02T15:04:05Z")
	var x xw
	x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.raw(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	x.f(`<dc:title>%s</dc:title><dc:subject>%s</dc:subject><dc:creator>%s</dc:creator><dc:language>vi-VN</dc:language>`,
		escape(m.Title), escape(m.Subject), escape(m.Author))
	x.f(`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>`, t, t)
	return x.String()
}

func appXML() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>` + Application + `</Application></Properties>`
}
