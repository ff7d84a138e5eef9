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
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/klauspost/compress/flate"

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
	types, rels, extra := contactParts(doc)
	parts := []Part{
		{"[Content_Types].xml", types},
		{"_rels/.rels", reference.Rels},
		{"docProps/core.xml", coreXML(doc.Meta)},
		{"docProps/app.xml", appXML()},
		{"word/document.xml", documentXML(doc)},
		{"word/styles.xml", stylesXML(doc.Sheet)},
		{"word/settings.xml", reference.Settings},
		{"word/header1.xml", reference.HeaderDefault},
		{"word/header2.xml", reference.HeaderFirst},
		{"word/_rels/document.xml.rels", rels},
	}
	return append(parts, extra...)
}

// Write writes the DOCX of doc to w. The bytes depend only on the inputs:
// fixed part order, fixed timestamps from the document's issue date.
func Write(w io.Writer, doc *resolve.Document) error {
	z := zip.NewWriter(w)
	stamp := doc.Meta.Time
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	for _, p := range Parts(doc) {
		// The document and its properties are new each time; every other
		// part recurs.
		c := compressed(p.Data, buf, p.Name != "word/document.xml" && p.Name != "docProps/core.xml")
		fw, err := z.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: stamp,
			CRC32: c.crc, CompressedSize64: uint64(len(c.data)), UncompressedSize64: uint64(len(p.Data))})
		if err != nil {
			return fmt.Errorf("render/docx: %s: %w", p.Name, err)
		}
		if _, err := fw.Write(c.data); err != nil {
			return fmt.Errorf("render/docx: %s: %w", p.Name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("render/docx: %w", err)
	}
	return nil
}

// part is a part's deflated bytes and the CRC-32 of its content.
type part struct {
	data []byte
	crc  uint32
}

// partCache keeps the compressed form of the parts that recur from
// document to document (content types, relationships, settings, headers,
// the styles of each kind): most of a DOCX's parts are compressed once per
// process. Only parts up to cacheMax bytes are kept, and at most
// cacheParts of them, so it stays small whatever is built.
var partCache sync.Map // string → part

var cacheCount atomic.Int32

const (
	cacheMax   = 64 << 10
	cacheParts = 256
)

// compressed returns data deflated, from the cache when cache is set and
// it was seen. buf is scratch space; the result does not keep it.
func compressed(data string, buf *bytes.Buffer, cache bool) part {
	if !cache {
		return deflate(data, buf)
	}
	if c, ok := partCache.Load(data); ok {
		return c.(part)
	}
	c := deflate(data, buf)
	if len(data) <= cacheMax && cacheCount.Load() < cacheParts {
		if _, loaded := partCache.LoadOrStore(data, c); !loaded {
			cacheCount.Add(1)
		}
	}
	return c
}

// deflate compresses data with a pooled writer.
func deflate(data string, buf *bytes.Buffer) part {
	buf.Reset()
	fw := deflaters.Get().(*flate.Writer)
	fw.Reset(buf)
	io.WriteString(fw, data) // writes to a buffer cannot fail
	fw.Close()
	deflaters.Put(fw)
	return part{data: bytes.Clone(buf.Bytes()), crc: crc32.Update(0, crc32.IEEETable, unsafeBytes(data))}
}

// unsafeBytes views s as bytes for reading, without a copy.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// deflaters are reused across documents: a new flate writer allocates
// about a megabyte. BestSpeed: a DOCX is mostly repetitive XML, compressed
// about as small at the fastest level, in a third of the time.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return w
}}

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
