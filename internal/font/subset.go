package font

import (
	"errors"
	"sort"
)

// Subset collects the characters that one document draws with a face and
// builds a TrueType font holding only their glyphs, for embedding.
//
// Every subset starts with the face's core (see Core): glyph 0 is
// .notdef, glyphs 1 … Core().Len()-1 are the core characters, always with
// the same ids; a character outside the core gets the next id on first
// use. Components of composite glyphs get ids after the characters'. A
// document that draws only core characters therefore numbers glyphs as
// every such document does (Extra reports it), and one that draws more
// numbers the core's glyphs the same and its extras after them.
//
// Ids are handed out before the document is complete, so the subset keeps
// every id the numbering defines; its font empties the outlines of those
// the document never drew (see Font). Glyph is the only way to get an id,
// and it records the id as drawn.
//
// A glyph that two characters share (Đ U+0110 and Ð U+00D0 in many fonts)
// is stored once per character, so every glyph id of the subset stands
// for exactly one character and text extraction is exact. The font is
// meant for a PDF CIDFontType2 with CIDToGIDMap Identity, where the
// content stream names glyph ids; its small cmap (Windows Unicode BMP)
// maps each character to its glyph, so the file is a complete TrueType
// font on its own.
//
// A Subset belongs to one document and one goroutine; the Face and Core it
// reads are shared and never modified.
type Subset struct {
	core  *Core
	ids   map[rune]uint16 // extra characters only; nil until the first
	runes []rune          // runes[i] is the character of glyph core.Len()+i
	old   []uint16        // old[i] is the face's glyph for glyph core.Len()+i
	drawn []uint64        // bit set over glyph ids Glyph returned; .notdef implied
}

// NewSubset starts a subset of f holding .notdef and the core glyphs.
func (f *Face) NewSubset() *Subset { return &Subset{core: f.Core()} }

// Face returns the face the subset is taken from.
func (s *Subset) Face() *Face { return s.core.face }

// Core returns the core the subset starts with.
func (s *Subset) Core() *Core { return s.core }

// Extra reports whether the subset holds characters outside the core; if
// not, it numbers and measures glyphs exactly as the core does.
func (s *Subset) Extra() bool { return len(s.runes) > 0 }

// Glyph returns the subset's glyph id for r, adding r on first use when it
// is not a core character, and records the id as drawn: its outline will
// be in the font. A character the face cannot draw is glyph 0 (.notdef).
func (s *Subset) Glyph(r rune) uint16 {
	if r >= 0 && int(r) < len(s.core.id) {
		if id := s.core.id[r]; id != 0 {
			s.mark(id)
			return id
		}
	}
	if id, ok := s.ids[r]; ok {
		s.mark(id)
		return id
	}
	g := s.core.face.GlyphIndex(r)
	n := s.core.Len() + len(s.runes)
	if g == 0 || n >= 0xFFFF {
		return 0
	}
	if s.ids == nil {
		s.ids = make(map[rune]uint16, 8)
	}
	id := uint16(n)
	s.ids[r] = id
	s.runes = append(s.runes, r)
	s.old = append(s.old, g)
	s.mark(id)
	return id
}

// mark records glyph id as drawn.
func (s *Subset) mark(id uint16) {
	w := int(id >> 6)
	if w >= len(s.drawn) {
		n := max(w+1, (s.core.Len()+63)>>6)
		s.drawn = append(s.drawn, make([]uint64, n-len(s.drawn))...)
	}
	s.drawn[w] |= 1 << (id & 63)
}

// Drawn reports whether Glyph returned id, so that the font keeps its
// outline. .notdef (0) is always kept, but reported only when returned.
func (s *Subset) Drawn(id uint16) bool {
	w := int(id >> 6)
	return w < len(s.drawn) && s.drawn[w]&(1<<(id&63)) != 0
}

// Len returns the number of glyphs that characters use, .notdef included:
// the glyph ids that can appear in text are 0 to Len()-1.
func (s *Subset) Len() int { return s.core.Len() + len(s.runes) }

// Rune returns the character of glyph id (1 ≤ id < Len()).
func (s *Subset) Rune(id uint16) rune {
	if n := s.core.Len(); int(id) >= n {
		return s.runes[int(id)-n]
	}
	return s.core.runes[id-1]
}

// Advance returns the advance width of glyph id in font units.
func (s *Subset) Advance(id uint16) int {
	g := uint16(0)
	if n := s.core.Len(); int(id) >= n {
		g = s.old[int(id)-n]
	} else {
		g = s.core.old[id]
	}
	return int(s.core.face.tab.advance[g])
}

// The tables copied into a subset unchanged when the face has them: the
// hinting programs and OS/2 (metrics some renderers read).
var copied = []string{"OS/2", "cvt ", "fpgm", "prep"}

// Font returns the TrueType file of the subset: every glyph id the
// subset numbers, with the advances and cmap of the full subset, but only
// the outlines of the glyphs Glyph returned, of .notdef and of the
// components of those that are composite; other glyphs are empty. The
// same characters added in the same order and drawn give the same bytes.
func (s *Subset) Font() ([]byte, error) {
	c := s.core
	if c.err != nil {
		return nil, c.err
	}
	t := c.ptab
	if s.Extra() {
		runes := append(append(make([]rune, 0, len(c.runes)+len(s.runes)), c.runes...), s.runes...)
		old := append(append(make([]uint16, 0, len(c.old)+len(s.old)), c.old...), s.old...)
		full, err := program(c.face.tab, runes, old)
		if err != nil {
			return nil, err
		}
		if t, err = parseTables(full); err != nil {
			return nil, err
		}
	}
	return prune(t, func(id int) bool { return id < 0x10000 && s.Drawn(uint16(id)) })
}

// program builds the TrueType file of the glyphs old (old[0] is .notdef),
// runes[i] being the character of glyph i+1. It does not modify old.
func program(t *tables, runes []rune, old []uint16) ([]byte, error) {
	// Close over composite glyphs: components get ids after the characters'.
	old = append([]uint16(nil), old...)
	first := make(map[uint16]uint16, len(old)) // face glyph → first subset id
	for i, g := range old {
		if _, ok := first[g]; !ok {
			first[g] = uint16(i)
		}
	}
	for i := 0; i < len(old); i++ {
		err := components(t.glyph(old[i]), func(at int) {
			c := be.Uint16(t.glyph(old[i])[at:])
			if _, ok := first[c]; !ok && len(old) < 0xFFFF {
				first[c] = uint16(len(old))
				old = append(old, c)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	n := len(old)

	// glyf and loca (long offsets), hmtx with a full metric per glyph.
	size := 0
	for _, g := range old {
		size += (len(t.glyph(g)) + 3) &^ 3
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for i, g := range old {
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		be.PutUint16(hmtx[4*i:], t.advance[g])
		be.PutUint16(hmtx[4*i+2:], uint16(t.lsb[g]))
		start := len(glyf)
		glyf = append(glyf, t.glyph(g)...)
		data := glyf[start:]
		if err := components(data, func(at int) {
			be.PutUint16(data[at:], first[be.Uint16(data[at:])])
		}); err != nil {
			return nil, err
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := append([]byte(nil), t.dir["head"]...)
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	be.PutUint16(head[50:], 1) // indexToLocFormat: long
	hhea := append([]byte(nil), t.dir["hhea"]...)
	be.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), t.dir["maxp"]...)
	be.PutUint16(maxp[4:], uint16(n))
	post := make([]byte, 32)
	if p := t.dir["post"]; len(p) >= 32 {
		copy(post, p[:32]) // italic angle, underline, fixed pitch
	}
	be.PutUint32(post, 0x00030000) // format 3: no glyph names

	out := map[string][]byte{
		"cmap": cmap(runes), "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx,
		"loca": loca, "maxp": maxp, "post": post,
	}
	for _, tag := range copied {
		if b, ok := t.dir[tag]; ok {
			out[tag] = b
		}
	}
	return assemble(out)
}

// cmap returns a cmap table with one format 4 subtable (platform 3,
// encoding 1) mapping chars[i] to glyph i+1: a segment per character, each
// mapped by its delta.
func cmap(chars []rune) []byte {
	type pair struct {
		r  rune
		id uint16
	}
	runes := make([]pair, 0, len(chars))
	for i, r := range chars {
		if r < 0xFFFF {
			runes = append(runes, pair{r, uint16(i + 1)})
		}
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i].r < runes[j].r })
	seg := len(runes) + 1 // and the closing 0xFFFF segment
	sub := make([]byte, 16+8*seg)
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*seg))
	sr, sel := 1, 0
	for sr*2 <= seg {
		sr *= 2
		sel++
	}
	be.PutUint16(sub[8:], uint16(2*sr))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*seg-2*sr))
	ends, starts, deltas := sub[14:], sub[16+2*seg:], sub[16+4*seg:] // reservedPad after ends
	for i, p := range runes {
		be.PutUint16(ends[2*i:], uint16(p.r))
		be.PutUint16(starts[2*i:], uint16(p.r))
		be.PutUint16(deltas[2*i:], p.id-uint16(p.r))
	}
	be.PutUint16(ends[2*(seg-1):], 0xFFFF)
	be.PutUint16(starts[2*(seg-1):], 0xFFFF)
	be.PutUint16(deltas[2*(seg-1):], 1)
	// idRangeOffset (sub[16+6*seg:]) stays zero.
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// assemble writes an sfnt file from its tables: directory sorted by tag,
// tables 4-byte aligned, checksums and head.checkSumAdjustment set.
func assemble(tabs map[string][]byte) ([]byte, error) {
	tags := make([]string, 0, len(tabs))
	size := 12 + 16*len(tabs)
	for tag, b := range tabs {
		tags = append(tags, tag)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags), size)
	putOffsetTable(out, len(tags))
	headAt := -1
	for i, tag := range tags {
		b := tabs[tag]
		if len(tag) != 4 {
			return nil, errors.New("bad table tag")
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(b))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(b)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

// putOffsetTable writes the sfnt offset table of a TrueType file with n
// tables at the start of b: version, table count and the binary-search
// fields.
func putOffsetTable(b []byte, n int) {
	be.PutUint32(b, 0x00010000)
	be.PutUint16(b[4:], uint16(n))
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	be.PutUint16(b[6:], uint16(sr*16))
	be.PutUint16(b[8:], uint16(sel))
	be.PutUint16(b[10:], uint16(n*16-sr*16))
}

// checksum is the sfnt table checksum: the sum of big-endian uint32s, the
// last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += be.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += be.Uint32(last[:])
	}
	return sum
}
