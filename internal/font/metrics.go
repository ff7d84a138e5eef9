package font

import (
	"golang.org/x/image/font/sfnt"
)

// Metrics are the face-wide values a PDF font descriptor carries, in font
// units, read from the font's tables.
type Metrics struct {
	PostScriptName         string // name ID 6, e.g. "LiberationSerif-Bold"
	UnitsPerEm             int
	Ascender, Descender    int   // hhea; Descender is negative
	CapHeight              int   // OS/2 sCapHeight; 0 when absent
	XMin, YMin, XMax, YMax int   // head: the bounding box of all glyphs
	ItalicAngle            int32 // post, 16.16 fixed-point degrees
	Weight                 int   // OS/2 usWeightClass; 400 when absent
	FixedPitch             bool  // post isFixedPitch
}

// Metrics returns the face's descriptor metrics.
func (f *Face) Metrics() Metrics { return f.metrics }

func readMetrics(f *sfnt.Font, b *sfnt.Buffer, t *tables) Metrics {
	head, hhea := t.dir["head"], t.dir["hhea"]
	m := Metrics{
		UnitsPerEm: int(be.Uint16(head[18:])),
		XMin:       int(int16(be.Uint16(head[36:]))),
		YMin:       int(int16(be.Uint16(head[38:]))),
		XMax:       int(int16(be.Uint16(head[40:]))),
		YMax:       int(int16(be.Uint16(head[42:]))),
		Ascender:   int(int16(be.Uint16(hhea[4:]))),
		Descender:  int(int16(be.Uint16(hhea[6:]))),
		Weight:     400,
	}
	if os2 := t.dir["OS/2"]; len(os2) >= 6 {
		m.Weight = int(be.Uint16(os2[4:]))
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			m.CapHeight = int(int16(be.Uint16(os2[88:])))
		}
	}
	if post := t.dir["post"]; len(post) >= 16 {
		m.ItalicAngle = int32(be.Uint32(post[4:]))
		m.FixedPitch = be.Uint32(post[12:]) != 0
	}
	if name, err := f.Name(b, sfnt.NameIDPostScript); err == nil {
		m.PostScriptName = name
	}
	return m
}
