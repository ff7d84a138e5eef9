package pdf

import (
	"strconv"
	"unicode/utf16"

	"vanban/internal/font"
)

// Font flags of a font descriptor (PDF 32000-1, 9.8.2).
const (
	flagFixedPitch = 1 << 0
	flagSerif      = 1 << 1
	flagSymbolic   = 1 << 2
	flagItalic     = 1 << 6
)

// embedding is what a font subset puts into a PDF beyond the face's
// metrics: its name, the /W widths and the compressed font program and
// ToUnicode map. All of it is made per document and face, and covers only
// the glyphs the document draws: the program keeps every glyph id of the
// subset but only the outlines drawn, in whole groups for a subset of core
// characters, whose program is spliced from pieces the face compressed
// once (see font.Subset.FontFlate); /W and ToUnicode list the drawn ids
// (the others, never shown, need neither a width nor a character).
type embedding struct {
	name   []byte      // TAG+PostScriptName, as a PDF name without the slash
	widths []byte      // the /W array
	prog   *font.Flate // the font program, Flate-compressed
	toUni  []byte      // the ToUnicode CMap, uncompressed
}

// embed returns the embedding of s. The font is named "TAG+PostScriptName",
// TAG being six capital letters drawn from the digest that names the
// program: the same glyphs drawn give the same name, other glyphs another.
func embed(s *font.Subset) (*embedding, error) {
	prog, err := s.FontFlate()
	if err != nil {
		return nil, err
	}
	m := s.Face().Metrics()
	e := &embedding{prog: prog}
	e.name = make([]byte, 0, 7+len(m.PostScriptName))
	for _, c := range prog.Sum[:6] {
		e.name = append(e.name, 'A'+c%26)
	}
	e.name = append(e.name, '+')
	e.name = appendName(e.name, m.PostScriptName)
	e.widths = widths(s)
	// Uncompressed: listing the drawn glyphs only, it is about 1 KB a
	// face, and compressing it per document cost more than the splicing.
	e.toUni = toUnicode(s)
	return e, nil
}

// widths returns the /W array of the drawn glyphs of s: one run of
// widths per run of consecutive ids.
func widths(s *font.Subset) []byte {
	upem := unitsPerEm(s.Face().Metrics())
	b := make([]byte, 0, 256)
	b = append(b, '[')
	open := false
	for id := range s.Len() {
		if !s.Drawn(uint16(id)) {
			if open {
				b = append(b, ']')
				open = false
			}
			continue
		}
		if open {
			b = append(b, ' ')
		} else {
			b = strconv.AppendInt(b, int64(id), 10)
			b = append(b, '[')
			open = true
		}
		// Thousandths of a glyph-space unit keep each advance within
		// 0.0005/1000 em of the font's, which the layout measured with.
		b = appendMilli(b, roundDiv(int64(s.Advance(uint16(id)))*1000000, upem))
	}
	if open {
		b = append(b, ']')
	}
	return append(b, ']')
}

func unitsPerEm(m font.Metrics) int64 {
	if m.UnitsPerEm <= 0 {
		return 1000
	}
	return int64(m.UnitsPerEm)
}

// writeFont writes the objects of a used face: the Type0 font (Identity-H,
// the codes are glyph ids of the subset), its CIDFontType2 with
// CIDToGIDMap Identity and /W widths, the descriptor, the subset font
// program and the ToUnicode map.
func (d *doc) writeFont(f *docFont) error {
	o := &d.o
	e, err := embed(f.subset)
	if err != nil {
		return err
	}
	m := f.subset.Face().Metrics()
	name := e.name
	upem := unitsPerEm(m)
	scaled := func(v int) int { return int(roundDiv(int64(v)*1000, upem)) }

	cid, desc, file, toUni := o.alloc(), o.alloc(), o.alloc(), o.alloc()
	o.begin(f.obj)
	o.s("<</Type/Font/Subtype/Type0/BaseFont/")
	o.buf = append(o.buf, name...)
	o.s("/Encoding/Identity-H/DescendantFonts[")
	o.ref(cid)
	o.s("]/ToUnicode ")
	o.ref(toUni)
	o.s(">>")
	o.end()

	o.begin(cid)
	o.s("<</Type/Font/Subtype/CIDFontType2/BaseFont/")
	o.buf = append(o.buf, name...)
	o.s("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ")
	o.ref(desc)
	o.s("/CIDToGIDMap/Identity/DW ") // an integer, by the specification
	o.int(scaled(f.subset.Advance(0)))
	o.s("/W")
	o.buf = append(o.buf, e.widths...)
	o.s(">>")
	o.end()

	flags := flagSymbolic | flagSerif
	if m.ItalicAngle != 0 {
		flags |= flagItalic
	}
	if m.FixedPitch {
		flags |= flagFixedPitch
	}
	stemV := 50 + (m.Weight*m.Weight)/(65*65) // the usual estimate from the weight class
	o.begin(desc)
	o.s("<</Type/FontDescriptor/FontName/")
	o.buf = append(o.buf, name...)
	o.s("/Flags ")
	o.int(flags)
	o.s("/FontBBox[")
	for i, v := range []int{m.XMin, m.YMin, m.XMax, m.YMax} {
		if i > 0 {
			o.s(" ")
		}
		o.int(scaled(v))
	}
	o.s("]/ItalicAngle ")
	o.buf = appendMilli(o.buf, roundDiv(int64(m.ItalicAngle)*1000, 65536))
	o.s("/Ascent ")
	o.int(scaled(m.Ascender))
	o.s("/Descent ")
	o.int(scaled(m.Descender))
	o.s("/CapHeight ")
	cap := m.CapHeight
	if cap == 0 {
		cap = m.Ascender
	}
	o.int(scaled(cap))
	o.s("/StemV ")
	o.int(stemV)
	o.s("/FontFile2 ")
	o.ref(file)
	o.s(">>")
	o.end()

	o.pieces(file, "/Length1 "+strconv.Itoa(e.prog.Raw), e.prog.Pieces, e.prog.Len)
	o.stream(toUni, "", e.toUni, false)
	return nil
}

// appendName appends s as the characters of a PDF name, escaping what a
// name cannot hold as #xx.
func appendName(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F || c == '#' || c == '/' || c == '(' || c == ')' || c == '<' || c == '>' ||
			c == '[' || c == ']' || c == '{' || c == '}' || c == '%' {
			b = append(b, '#', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

// toUnicode returns the ToUnicode CMap of a font: each drawn glyph id of
// the subset maps to the one character it was added for.
func toUnicode(s *font.Subset) []byte {
	b := make([]byte, 0, 1024)
	b = append(b, "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"+
		"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n"...)
	// Glyphs 1 … Len()-1 stand for characters, at most 100 a block.
	ids := make([]uint16, 0, 100)
	flush := func() {
		if len(ids) == 0 {
			return
		}
		b = strconv.AppendInt(b, int64(len(ids)), 10)
		b = append(b, " beginbfchar\n"...)
		for _, g := range ids {
			b = append(b, '<')
			b = appendHex4(b, g)
			b = append(b, "><"...)
			r := s.Rune(g)
			if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
				b = appendHex4(appendHex4(b, uint16(r1)), uint16(r2))
			} else {
				b = appendHex4(b, uint16(r))
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
		ids = ids[:0]
	}
	for g := 1; g < s.Len(); g++ {
		if s.Drawn(uint16(g)) {
			if ids = append(ids, uint16(g)); len(ids) == 100 {
				flush()
			}
		}
	}
	flush()
	b = append(b, "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"...)
	return b
}
