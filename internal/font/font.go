// Package font loads the TrueType faces vanban draws with and answers the
// two questions layout and validation ask: how wide is this text, and can
// the font draw this character. It is independent of any PDF library.
package font

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"vanban/internal/unit"
)

// Style selects one of the four faces of a family.
type Style uint8

// The styles, usable as a bit set.
const (
	Regular    Style = 0
	Bold       Style = 1
	Italic     Style = 2
	BoldItalic Style = Bold | Italic
)

func (s Style) String() string {
	return [...]string{"R", "B", "I", "BI"}[s&3]
}

// Face is one parsed TrueType face.
type Face struct {
	Name    string // file name, e.g. "LiberationSerif-Bold.ttf"
	Data    []byte // the TrueType file; never modified
	upem    int64
	ascent  int64    // font units
	descent int64    // font units, positive
	height  int64    // font units: ascent, descent and line gap (hhea)
	adv     []uint16 // advance per BMP rune; 0 where missing
	has     []uint64 // coverage bit set over the BMP
	gid     []uint16 // glyph per BMP rune; 0 where missing
	tab     *tables  // glyph tables, for subsetting
	metrics Metrics
	core    coreOnce // the shared core subset, built on first use
}

// Set is the four faces of one family. It is read-only after Load and safe
// for concurrent use.
type Set struct {
	Family string
	faces  [4]*Face
}

// Load parses the four faces named by files (regular, bold, italic, bold
// italic) from fsys. Invalid font data is an error here, not later.
//
// Faces are parsed once per process: a face whose name and bytes were
// loaded before is shared (faces are read-only), so every engine and
// worker of a process measures and embeds with the same parsed tables.
func Load(fsys fs.FS, family string, files [4]string) (*Set, error) {
	s := &Set{Family: family}
	for i, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("font: %w", err)
		}
		f, err := faces.get(name, data)
		if err != nil {
			return nil, fmt.Errorf("font: %s: %w", name, err)
		}
		s.faces[i] = f
	}
	return s, nil
}

// faceCache holds every face parsed by the process, keyed by file name and
// a hash of the bytes. It only grows: a process loads a handful of fonts.
type faceCache struct {
	mu sync.Mutex
	m  map[string]*cacheEntry
}

type cacheEntry struct {
	once sync.Once
	face *Face
	err  error
}

var faces = &faceCache{m: map[string]*cacheEntry{}}

func (c *faceCache) get(name string, data []byte) (*Face, error) {
	sum := sha256.Sum256(data)
	key := name + "\x00" + string(sum[:])
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		e = &cacheEntry{}
		c.m[key] = e
	}
	c.mu.Unlock()
	// Parse outside the lock, once; concurrent loaders of the same face wait.
	e.once.Do(func() { e.face, e.err = parse(name, data) })
	return e.face, e.err
}

func parse(name string, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	var b sfnt.Buffer
	upem := int64(f.UnitsPerEm())
	ppem := fixed.Int26_6(upem << 6) // one pixel per font unit
	m, err := f.Metrics(&b, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	tab, err := parseTables(data)
	if err != nil {
		return nil, err
	}
	face := &Face{
		Name: name, Data: data, upem: upem,
		ascent:  int64(m.Ascent >> 6),
		descent: int64(m.Descent >> 6),
		height:  int64(m.Height >> 6),
		adv:     make([]uint16, 0x10000),
		has:     make([]uint64, 0x10000/64),
		gid:     make([]uint16, 0x10000),
		tab:     tab,
	}
	face.metrics = readMetrics(f, &b, tab)
	for r := rune(0x20); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		gi, err := f.GlyphIndex(&b, r)
		if err != nil || gi == 0 {
			continue
		}
		a, err := f.GlyphAdvance(&b, gi, ppem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		face.adv[r] = uint16((a + 32) >> 6)
		face.gid[r] = uint16(gi)
		face.has[r/64] |= 1 << (r % 64)
	}
	return face, nil
}

// GlyphIndex returns the face's glyph for r, 0 (.notdef) when the face
// cannot draw it.
func (f *Face) GlyphIndex(r rune) uint16 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return f.gid[r]
}

// Face returns the face of style s.
func (s *Set) Face(st Style) *Face { return s.faces[st&3] }

// Has reports whether every face of the set can draw r.
func (s *Set) Has(r rune) bool {
	for _, f := range s.faces {
		if !f.Has(r) {
			return false
		}
	}
	return true
}

// Has reports whether the face can draw r. Line feeds and tabs count as
// drawable because they never reach the page as glyphs.
func (f *Face) Has(r rune) bool {
	if r == '\n' || r == '\t' || r == '\r' {
		return true
	}
	if r < 0 || r >= 0x10000 {
		return false
	}
	return f.has[r/64]&(1<<(r%64)) != 0
}

// Width returns the advance width of text set in size (in half-points).
// Text must be drawable; a missing rune counts as zero width.
func (f *Face) Width(text string, halfPoints int) unit.Length {
	var units int64
	for _, r := range text {
		if r >= 0 && r < 0x10000 {
			units += int64(f.adv[r])
		}
	}
	return scale(units, halfPoints, f.upem)
}

// LineHeight returns the face's recommended line height at size
// halfPoints: ascent, descent and line gap.
func (f *Face) LineHeight(halfPoints int) unit.Length { return scale(f.height, halfPoints, f.upem) }

// Ascent returns the distance from the baseline to the top of the face at
// size halfPoints.
func (f *Face) Ascent(halfPoints int) unit.Length { return scale(f.ascent, halfPoints, f.upem) }

// Descent returns the distance below the baseline at size halfPoints.
func (f *Face) Descent(halfPoints int) unit.Length { return scale(f.descent, halfPoints, f.upem) }

func scale(units int64, halfPoints int, upem int64) unit.Length {
	num := units * int64(halfPoints) * int64(unit.HalfPoint)
	return unit.Length((num + upem/2) / upem)
}
