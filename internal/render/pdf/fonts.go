package pdf

import (
	"crypto/sha256"
	"strconv"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"

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
// ToUnicode map. For a subset of core characters only it is built once
// per face and shared by every document (see font.Core.Memo).
type embedding struct {
	name    []byte // TAG+PostScriptName, as a PDF name without the slash
	widths  []byte // the /W array
	prog    []byte // the font program, Flate-compressed
	length1 int    // the length of the program uncompressed
	toUni   []byte // the ToUnicode CMap, Flate-compressed
	// For the shared embedding of a core subset: the SHA-256 of prog and
	// toUni, which the /ID hashes instead of them; nil otherwise.
	progSum, toUniSum *[32]byte
}

// memoKey names the embedding in the core's memo.
const memoKey = "render/pdf embedding"

// embed returns the embedding of s: the core's, shared, when s holds no
// extra characters, else one made for this document.
func embed(s *font.Subset) (*embedding, error) {
	if s.Extra() {
		return newEmbedding(s, zlib.BestSpeed)
	}
	// Made once per process, so the best compression costs nothing later.
	v, err := s.Core().Memo(memoKey, func() (any, error) {
		e, err := newEmbedding(s.Face().NewSubset(), zlib.BestCompression)
		if err == nil {
			p, t := sha256.Sum256(e.prog), sha256.Sum256(e.toUni)
			e.progSum, e.toUniSum = &p, &t
		}
		return e, err
	})
	if err != nil {
		return nil, err
	}
	return v.(*embedding), nil
}

// newEmbedding builds the embedding of s. The font is named
// "TAG+PostScriptName", TAG being six capital letters drawn from a hash of
// the subset program: the same glyphs give the same name.
func newEmbedding(s *font.Subset, level int) (*embedding, error) {
	prog, err := s.Font()
	if err != nil {
		return nil, err
	}
	m := s.Face().Metrics()
	sum := sha256.Sum256(prog)
	e := &embedding{length1: len(prog)}
	e.name = make([]byte, 0, 7+len(m.PostScriptName))
	for _, c := range sum[:6] {
		e.name = append(e.name, 'A'+c%26)
	}
	e.name = append(e.name, '+')
	e.name = appendName(e.name, m.PostScriptName)
	upem := unitsPerEm(m)
	e.widths = make([]byte, 0, 8+6*s.Len())
	e.widths = append(e.widths, "[0["...)
	for g := range s.Len() {
		if g > 0 {
			e.widths = append(e.widths, ' ')
		}
		// Thousandths of a glyph-space unit keep each advance within
		// 0.0005/1000 em of the font's, which the layout measured with.
		e.widths = appendMilli(e.widths, roundDiv(int64(s.Advance(uint16(g)))*1000000, upem))
	}
	e.widths = append(e.widths, "]]"...)
	e.prog = deflate(nil, prog, level)
	e.toUni = deflate(nil, toUnicode(s), level)
	return e, nil
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

	if e.progSum != nil {
		o.shared(file, "/Length1 "+strconv.Itoa(e.length1), e.prog, e.progSum)
		o.shared(toUni, "", e.toUni, e.toUniSum)
	} else {
		o.deflated(file, "/Length1 "+strconv.Itoa(e.length1), e.prog)
		o.deflated(toUni, "", e.toUni)
	}
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

// toUnicode returns the ToUnicode CMap of a font: each glyph id of the
// subset maps to the one character it was added for.
func toUnicode(s *font.Subset) []byte {
	b := make([]byte, 0, 400+30*s.Len())
	b = append(b, "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"+
		"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n"...)
	n := s.Len() - 1 // glyphs 1 … Len()-1 stand for characters
	for start := 1; start <= n; start += 100 {
		count := min(100, n-start+1)
		b = strconv.AppendInt(b, int64(count), 10)
		b = append(b, " beginbfchar\n"...)
		for g := start; g < start+count; g++ {
			b = append(b, '<')
			b = appendHex4(b, uint16(g))
			b = append(b, "><"...)
			r := s.Rune(uint16(g))
			if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
				b = appendHex4(appendHex4(b, uint16(r1)), uint16(r2))
			} else {
				b = appendHex4(b, uint16(r))
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	b = append(b, "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"...)
	return b
}
