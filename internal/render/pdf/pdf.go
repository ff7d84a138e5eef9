// Package pdf writes a laid-out document as PDF by itself: every position
// comes from package layout, and this package only serialises. The file is
// PDF 1.7 with a classic cross-reference table (no object or xref streams,
// no encryption), so signing tools can append incremental updates; text is
// set in embedded TrueType subsets (CIDFontType2, Identity-H) with a
// ToUnicode map; the Info dictionary and an XMP stream carry the same
// metadata; Options.PDFA adds what PDF/A-2b asks for. The bytes depend only
// on the layout and the options.
package pdf

import (
	"fmt"
	"io"
	"sync"

	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/unit"
)

// Producer is written in the PDF metadata instead of a library's name, so
// the metadata does not change with the tool's internals.
const Producer = "vanban"

// Options select what goes into the file beyond the pages. The zero value
// is a plain PDF 1.7 file.
type Options struct {
	// PDFA makes the file PDF/A-2b: XMP identification, an sRGB output
	// intent with its ICC profile, every font embedded, nothing transparent.
	PDFA bool
	// Keywords is the document's số và ký hiệu, written as the Info
	// /Keywords and XMP pdf:Keywords; empty leaves both out.
	Keywords string
	// Images are drawn over the pages' text, in order.
	Images []Image
	// SigFields are empty signature fields (AcroForm), in order; nil
	// writes no form.
	SigFields []SigField
}

// Write renders r as PDF to w with the zero Options.
func Write(w io.Writer, r *layout.Result) error {
	return WriteOptions(w, r, Options{})
}

// WriteOptions renders r as PDF to w. The bytes depend only on r and opt:
// dates come from the document's issue date, the /ID and the font subset
// tags from hashes of the content.
func WriteOptions(w io.Writer, r *layout.Result, opt Options) error {
	if r == nil || r.Fonts == nil {
		return fmt.Errorf("render/pdf: no layout or fonts")
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.put()
	d := &doc{r: r, opt: opt, content: sc.content[:0]}
	d.o.buf, d.o.zbuf = sc.buf[:0], sc.zbuf[:0]
	out, err := d.write()
	// The buffers go back to the pool with what they grew to; w must not
	// keep out, as io.Writer promises.
	sc.buf, sc.zbuf, sc.content = d.o.buf, d.o.zbuf, d.content
	if err != nil {
		return fmt.Errorf("render/pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// scratch is the memory a document is written in: the file, a compressed
// stream, a page's content. Documents of a process share it through
// scratchPool, so a batch does not grow new buffers for each file.
type scratch struct{ buf, zbuf, content []byte }

var scratchPool = sync.Pool{New: func() any {
	return &scratch{buf: make([]byte, 0, 256<<10)}
}}

// put returns sc to the pool unless a large document (images) made it
// too big to keep.
func (sc *scratch) put() {
	if cap(sc.buf)+cap(sc.zbuf)+cap(sc.content) <= 8<<20 {
		scratchPool.Put(sc)
	}
}

// doc is one document being written.
type doc struct {
	r       *layout.Result
	opt     Options
	o       objects
	fonts   [4]*docFont // by style; nil until used
	content []byte      // scratch for the page being written
}

// docFont is a face as used by this document: its subset and object.
type docFont struct {
	style  font.Style
	obj    int // the Type0 font object
	subset *font.Subset
}

func (d *doc) write() ([]byte, error) {
	o := &d.o
	o.offsets = make([]int, 1, 64)
	// The binary comment marks the file as binary for transfer programs.
	o.s("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	catalog, pages, resources := o.alloc(), o.alloc(), o.alloc()
	images, err := d.writeImages()
	if err != nil {
		return nil, err
	}
	fields, err := d.allocSigFields()
	if err != nil {
		return nil, err
	}

	kids := make([]int, 0, len(d.r.Pages))
	for i := range d.r.Pages {
		pg := &d.r.Pages[i]
		page, contents := o.alloc(), o.alloc()
		kids = append(kids, page)
		o.begin(page)
		o.s("<</Type/Page/Parent ")
		o.ref(pages)
		// The page box to a hundredth of a point, as PDF tools print
		// A4 (595.28 × 841.89).
		o.s("/MediaBox[0 0 ")
		o.buf = appendMilli(o.buf, 10*roundDiv(int64(pg.W)*100, int64(unit.Point)))
		o.s(" ")
		o.buf = appendMilli(o.buf, 10*roundDiv(int64(pg.H)*100, int64(unit.Point)))
		o.s("]/Resources ")
		o.ref(resources)
		o.s("/Contents ")
		o.ref(contents)
		d.annots(i, fields)
		o.s(">>")
		o.end()
		o.stream(contents, "", d.appendImages(d.pageContent(pg), i, pg.H, images), true)
	}

	o.begin(pages)
	o.s("<</Type/Pages/Count ")
	o.int(len(kids))
	o.s("/Kids[")
	for i, k := range kids {
		if i > 0 {
			o.s(" ")
		}
		o.ref(k)
	}
	o.s("]>>")
	o.end()

	o.begin(resources)
	o.s("<</ProcSet[/PDF/Text")
	if len(images) > 0 {
		o.s("/ImageC")
	}
	o.s("]/Font<<")
	for _, f := range d.fonts {
		if f != nil {
			o.s("/F")
			o.int(int(f.style))
			o.s(" ")
			o.ref(f.obj)
		}
	}
	o.s(">>")
	if len(images) > 0 {
		o.s("/XObject<<")
		for _, im := range images {
			o.s("/" + im.name + " ")
			o.ref(im.obj)
		}
		o.s(">>")
	}
	o.s(">>")
	o.end()
	for _, f := range d.fonts {
		if f != nil {
			if err := d.writeFont(f); err != nil {
				return nil, err
			}
		}
	}

	d.writeSigFields(fields, kids)

	m := d.meta()
	metadata := o.alloc()
	o.stream(metadata, "/Type/Metadata/Subtype/XML", m.xmp(d.opt.PDFA), false)
	info := o.alloc()
	o.begin(info)
	m.info(o)
	o.end()
	intent := 0
	if d.opt.PDFA {
		intent = d.writeOutputIntent()
	}

	o.begin(catalog)
	o.s("<</Type/Catalog/Pages ")
	o.ref(pages)
	o.s("/Metadata ")
	o.ref(metadata)
	o.s("/Lang(vi-VN)")
	d.acroForm(fields)
	if intent != 0 {
		o.s("/OutputIntents[")
		o.ref(intent)
		o.s("]")
	}
	o.s(">>")
	o.end()
	return o.finish(catalog, info, d.r.Meta.Identity), nil
}

// font returns the document's font of style st, starting its subset on
// first use.
func (d *doc) font(st font.Style) *docFont {
	st &= 3
	if d.fonts[st] == nil {
		d.fonts[st] = &docFont{style: st, obj: d.o.alloc(), subset: d.r.Fonts.Face(st).NewSubset()}
	}
	return d.fonts[st]
}

// pageContent returns the content stream of pg: text placed with absolute
// text matrices at the layout's baselines, rules stroked as lines. PDF's
// origin is the bottom left corner, the layout's the top left.
func (d *doc) pageContent(pg *layout.Page) []byte {
	b := d.content[:0]
	inText := false
	var lx, ly int64 // the text line origin, in thousandths of a point
	curFont, curSize := -1, -1
	var curStroke unit.Length = -1
	var fill, stroke layout.Color // black, as a content stream starts
	for i := range pg.Items {
		it := &pg.Items[i]
		switch it.Kind {
		case layout.Text:
			if it.Text == "" {
				continue
			}
			f := d.font(it.Style)
			if it.Color != fill {
				fill = it.Color
				b = appendColor(b, fill, " rg\n")
			}
			if !inText {
				b = append(b, "BT\n"...)
				inText = true
				lx, ly = 0, 0 // BT resets the text line matrix
			}
			if int(f.style) != curFont || it.Size != curSize {
				curFont, curSize = int(f.style), it.Size
				b = append(b, "/F"...)
				b = append(b, byte('0'+f.style))
				b = append(b, ' ')
				b = appendMilli(b, int64(it.Size)*500) // half-points → points
				b = append(b, " Tf\n"...)
			}
			// Each item starts a text line, moved from the previous one by
			// Td: shorter than an absolute Tm, and exact, as both are
			// integers of thousandths of a point.
			x, y := milliPoints(it.X), milliPoints(pg.H-it.Y)
			b = appendMilli(b, x-lx)
			b = append(b, ' ')
			b = appendMilli(b, y-ly)
			b = append(b, " Td ("...)
			lx, ly = x, y
			for _, r := range it.Text {
				// Characters the face lacks (only tabs and line breaks pass
				// validation) have no width in the layout either: skip them.
				if g := f.subset.Glyph(r); g != 0 {
					b = appendCode(b, g)
				}
			}
			b = append(b, ") Tj\n"...)
		case layout.Rule, layout.Box:
			if inText {
				b = append(b, "ET\n"...)
				inText = false
			}
			if it.Stroke != curStroke {
				curStroke = it.Stroke
				b = appendLen(b, it.Stroke)
				b = append(b, " w\n"...)
			}
			if it.Color != stroke {
				stroke = it.Color
				b = appendColor(b, stroke, " RG\n")
			}
			if it.Kind == layout.Box {
				b = appendLen(b, it.X)
				b = append(b, ' ')
				b = appendLen(b, pg.H-it.Y-it.H)
				b = append(b, ' ')
				b = appendLen(b, it.W)
				b = append(b, ' ')
				b = appendLen(b, it.H)
				b = append(b, " re S\n"...)
				continue
			}
			x1, y1 := it.X, it.Y
			x2, y2 := it.X+it.W, it.Y
			if it.W < 0 { // vertical: W is minus the length, downwards
				x2, y2 = it.X, it.Y-it.W
			}
			b = appendLen(b, x1)
			b = append(b, ' ')
			b = appendLen(b, pg.H-y1)
			b = append(b, " m "...)
			b = appendLen(b, x2)
			b = append(b, ' ')
			b = appendLen(b, pg.H-y2)
			b = append(b, " l S\n"...)
		}
	}
	if inText {
		b = append(b, "ET\n"...)
	}
	d.content = b
	return b
}

// appendColor appends c as three PDF colour components (0 to 1, three
// decimals) and then op: " rg\n" for text, " RG\n" for strokes.
func appendColor(b []byte, c layout.Color, op string) []byte {
	for i, shift := range [3]uint{16, 8, 0} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendMilli(b, int64(c>>shift&0xFF)*1000/255)
	}
	return append(b, op...)
}

// appendCode appends glyph id g as the two bytes of an Identity-H code
// inside a literal string: half the size of hex, which the page content
// stream is mostly made of. The bytes a literal string cannot hold as they
// are (parentheses, backslash; line ends, which readers may normalise) are
// escaped.
func appendCode(b []byte, g uint16) []byte {
	for _, c := range [2]byte{byte(g >> 8), byte(g)} {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendLen appends l in points, to a thousandth of a point.
func appendLen(b []byte, l unit.Length) []byte {
	return appendMilli(b, milliPoints(l))
}

// milliPoints returns l in thousandths of a point.
func milliPoints(l unit.Length) int64 { return roundDiv(int64(l)*1000, int64(unit.Point)) }
