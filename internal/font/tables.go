package font

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// tables is the part of a TrueType file that embedding needs, parsed once
// per face and read-only afterwards: the table directory, glyph locations
// and horizontal metrics.
type tables struct {
	dir       map[string][]byte // tag → table bytes (slices of Face.Data)
	loca      []uint32          // numGlyphs+1 offsets into glyf
	advance   []uint16          // per glyph, font units
	lsb       []int16           // per glyph, font units
	numGlyphs int
}

var be = binary.BigEndian

// parseTables reads the table directory and the glyph tables of a
// TrueType (glyf-outline) font.
func parseTables(data []byte) (*tables, error) {
	if len(data) < 12 {
		return nil, errors.New("short font file")
	}
	switch be.Uint32(data) {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	default:
		return nil, errors.New("not a TrueType font (only glyf outlines can be embedded)")
	}
	n := int(be.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("short table directory")
	}
	t := &tables{dir: make(map[string][]byte, n)}
	for i := range n {
		rec := data[12+16*i:]
		off, size := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q outside the file", rec[:4])
		}
		t.dir[string(rec[:4])] = data[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if _, ok := t.dir[tag]; !ok {
			return nil, fmt.Errorf("no %q table", tag)
		}
	}
	head, hhea, maxp := t.dir["head"], t.dir["hhea"], t.dir["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("short head, hhea or maxp table")
	}
	t.numGlyphs = int(be.Uint16(maxp[4:]))
	longLoca := be.Uint16(head[50:]) != 0
	loca := t.dir["loca"]
	t.loca = make([]uint32, t.numGlyphs+1)
	for i := range t.loca {
		if longLoca {
			if len(loca) < 4*(i+1) {
				return nil, errors.New("short loca table")
			}
			t.loca[i] = be.Uint32(loca[4*i:])
		} else {
			if len(loca) < 2*(i+1) {
				return nil, errors.New("short loca table")
			}
			t.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		}
		if i > 0 && t.loca[i] < t.loca[i-1] || t.loca[i] > uint32(len(t.dir["glyf"])) {
			return nil, errors.New("bad loca table")
		}
	}
	nh := int(be.Uint16(hhea[34:]))
	hmtx := t.dir["hmtx"]
	if nh == 0 || nh > t.numGlyphs || len(hmtx) < 4*nh+2*(t.numGlyphs-nh) {
		return nil, errors.New("bad hmtx table")
	}
	t.advance = make([]uint16, t.numGlyphs)
	t.lsb = make([]int16, t.numGlyphs)
	for g := range t.numGlyphs {
		if g < nh {
			t.advance[g] = be.Uint16(hmtx[4*g:])
			t.lsb[g] = int16(be.Uint16(hmtx[4*g+2:]))
		} else {
			t.advance[g] = t.advance[nh-1]
			t.lsb[g] = int16(be.Uint16(hmtx[4*nh+2*(g-nh):]))
		}
	}
	return t, nil
}

// glyph returns the glyf data of glyph g (empty for a glyph without
// outline).
func (t *tables) glyph(g uint16) []byte {
	if int(g) >= t.numGlyphs {
		return nil
	}
	return t.dir["glyf"][t.loca[g]:t.loca[g+1]]
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the offset (into g) of the glyph index of each
// component of a composite glyph; it does nothing for a simple glyph.
func components(g []byte, fn func(at int)) error {
	if len(g) < 10 || int16(be.Uint16(g)) >= 0 {
		return nil
	}
	p := 10
	for {
		if p+4 > len(g) {
			return errors.New("truncated composite glyph")
		}
		flags := be.Uint16(g[p:])
		fn(p + 2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}
