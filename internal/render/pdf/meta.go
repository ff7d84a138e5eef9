package pdf

import (
	_ "embed"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zlib"
)

// meta is the document's metadata, written twice with the same values:
// in the Info dictionary and in the XMP stream the catalogue links.
type meta struct {
	title, subject, author, keywords string
	time                             time.Time
}

func (d *doc) meta() meta {
	m := d.r.Meta
	return meta{title: m.Title, subject: m.Subject, author: m.Author, keywords: d.opt.Keywords, time: m.Time}
}

// info writes the Info dictionary.
func (m meta) info(o *objects) {
	o.s("<<")
	for _, kv := range [...]struct{ k, v string }{
		{"Title", m.title}, {"Author", m.author}, {"Subject", m.subject}, {"Keywords", m.keywords},
		{"Creator", Producer}, {"Producer", Producer},
	} {
		if kv.v != "" {
			o.s("/" + kv.k)
			o.text(kv.v)
		}
	}
	date := pdfDate(m.time)
	o.s("/CreationDate")
	o.text(date)
	o.s("/ModDate")
	o.text(date)
	o.s(">>")
}

// The dates are format.Timestamp of the issue date: noon UTC, written with
// its zone in both places (PDF/A wants Info and XMP to agree, and XMP
// readers such as pdfcpu want a zone); readers show it as fpdf's zone-less
// dates were shown, as UTC.

// pdfDate formats t as a PDF date, D:YYYYMMDDHHmmSS and the zone:
// Z00'00', +HH'mm' or -HH'mm'.
func pdfDate(t time.Time) string {
	s := t.Format("D:20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z00'00'"
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return s + string(sign) + fmt.Sprintf("%02d'%02d'", off/3600, off/60%60)
}

// xmpDate formats t as an XMP date, YYYY-MM-DDThh:mm:ss and Z or ±hh:mm.
func xmpDate(t time.Time) string { return t.Format("2006-01-02T15:04:05Z07:00") }

// xmp returns the XMP packet. It is written uncompressed (PDF/A forbids a
// filter on it) and names the PDF/A part when pdfa is set.
func (m meta) xmp(pdfa bool) []byte {
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\"" +
		" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"" +
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
	if pdfa {
		b.WriteString(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
	}
	b.WriteString(">\n<dc:format>application/pdf</dc:format>\n")
	if m.title != "" {
		b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>vi-VN</rdf:li></rdf:Bag></dc:language>\n")
	date := xmpDate(m.time)
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n" +
		"<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n" +
		"<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n" +
		"<xmp:CreatorTool>" + Producer + "</xmp:CreatorTool>\n" +
		"<pdf:Producer>" + Producer + "</pdf:Producer>\n")
	if m.keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(m.keywords) + "</pdf:Keywords>\n")
	}
	if pdfa {
		b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// Padding lets an editor rewrite the packet in place.
	b.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 20))
	b.WriteString("<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// srgb is the sRGB ICC profile of Debian's icc-profiles-free (zlib
// licence, see LICENSE-sRGB.icc.txt), for the PDF/A output intent.
//
//go:embed sRGB.icc
var srgb []byte

// srgbDeflated returns srgb Flate-compressed. It is a constant, computed
// on first use (sync.OnceValue) rather than for every PDF/A file.
var srgbDeflated = sync.OnceValue(func() []byte { return deflate(nil, srgb, zlib.BestCompression) })

// writeOutputIntent writes the PDF/A output intent with its ICC profile
// and returns the intent's object number.
func (d *doc) writeOutputIntent() int {
	o := &d.o
	profile, intent := o.alloc(), o.alloc()
	o.deflated(profile, "/N 3", srgbDeflated())
	o.begin(intent)
	o.s("<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)" +
		"/RegistryName(http://www.color.org)/Info(sRGB IEC61966-2.1)/DestOutputProfile ")
	o.ref(profile)
	o.s(">>")
	o.end()
	return intent
}
