package font

import (
	"errors"
	"sort"
)

// Subset collects the characters that one document draws with a face and
// builds a TrueType font holding only their glyphs, for embedding.
//
// Glyph ids are renumbered: 0 is .notdef, then one glyph per distinct
// character in order of first use, then the components that composite
// glyphs refer to. A glyph that two characters share (Đ U+0110 and Ð
// U+00D0 in many fonts) is stored once per character, so every glyph id
// of the subset stands for exactly one character and text extraction is
// exact. The font is meant for a PDF CIDFontType2 with CIDToGIDMap
// Identity, where the content stream names glyph ids; its small cmap
// (Windows Unicode BMP) maps each character to its glyph, so the file is a
// complete TrueType font on its own.
//
// A Subset belongs to one document and one goroutine; the Face it reads is
// shared and never modified.
type Subset struct {
	face  *Face
	ids   map[rune]uint16
	runes []rune   // runes[i] is the character of glyph i+1
	old   []uint16 // old[i] is the face's glyph for glyph i of the subset
}

// NewSubset starts an empty subset of f holding .notdef only.
func (f *Face) NewSubset() *Subset {
	return &Subset{face: f, ids: make(map[rune]uint16, 128), old: append(make([]uint16, 0, 128), 0)}
}

// Face returns the face the subset is taken from.
func (s *Subset) Face() *Face { return s.face }

// Glyph returns the subset's glyph id for r, adding r on first use. A
// character the face cannot draw is glyph 0 (.notdef).
func (s *Subset) Glyph(r rune) uint16 {
	if id, ok := s.ids[r]; ok {
		return id
	}
	g := s.face.GlyphIndex(r)
	if g == 0 || len(s.old) >= 0xFFFF {
		return 0
	}
	id := uint16(len(s.old))
	s.ids[r] = id
	s.runes = append(s.runes, r)
	s.old = append(s.old, g)
	return id
}

// Len returns the number of glyphs that characters use, .notdef included:
// the glyph ids that can appear in text are 0 to Len()-1.
func (s *Subset) Len() int { return len(s.runes) + 1 }

// Rune returns the character of glyph id (1 ≤ id < Len()).
func (s *Subset) Rune(id uint16) rune { return s.runes[id-1] }

// Advance returns the advance width of glyph id in font units.
func (s *Subset) Advance(id uint16) int { return int(s.face.tab.advance[s.old[id]]) }

// The tables copied into a subset unchanged when the face has them: the
// hinting programs and OS/2 (metrics some renderers read).
var copied = []string{"OS/2", "cvt ", "fpgm", "prep"}

// Font returns the TrueType file of the subset. The same characters added
// in the same order give the same bytes.
func (s *Subset) Font() ([]byte, error) {
	t := s.face.tab
	// Close over composite glyphs: components get ids after the characters'.
	old := append([]uint16(nil), s.old...)
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
		"cmap": s.cmap(), "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx,
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
// encoding 1): a segment per character, each mapped by its delta.
func (s *Subset) cmap() []byte {
	runes := make([]rune, 0, len(s.runes))
	for _, r := range s.runes {
		if r < 0xFFFF {
			runes = append(runes, r)
		}
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
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
	for i, r := range runes {
		be.PutUint16(ends[2*i:], uint16(r))
		be.PutUint16(starts[2*i:], uint16(r))
		be.PutUint16(deltas[2*i:], s.ids[r]-uint16(r))
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
	be.PutUint32(out, 0x00010000)
	n := len(tags)
	be.PutUint16(out[4:], uint16(n))
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	be.PutUint16(out[6:], uint16(sr*16))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(n*16-sr*16))
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
