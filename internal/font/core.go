package font

import "sync"

// coreChars are the characters of every face's core subset, in glyph
// order: printable ASCII, the Vietnamese letters with their tone marks
// (67 lower-case, đ included, and their 67 capitals), and the punctuation
// and symbols administrative documents use. A face that lacks one of them
// simply leaves it out of its core. Every glyph of the core is in every
// PDF that uses the face, so rarer characters (the letters of foreign
// names, arrows, shapes) are left to the documents that draw them, which
// embed the core plus their extras: the core of Liberation Serif is about
// 30 KB a face uncompressed, its ASCII half alone 25 KB.
//
// Changing this list changes the glyph ids, the subset tags and so the
// bytes of every PDF: do it on purpose, with the PDF hashes refreshed.
const coreChars = "" +
	// ASCII printable.
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	// Vietnamese, lower case then upper case (NFC, as data loading leaves text).
	"àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ" +
	// Latin-1 symbols of measures, lists and quotations.
	"\u00A0§°±×÷«»·²³¼½¾©" +
	// Punctuation, currency and symbols of forms.
	"‐–—‘’“”…•€₫№‰−≤≥≠→"

// Core is the shared part of a face's subsets: a fixed set of glyphs
// (coreChars the face can draw) numbered 1 … n in coreChars order, and the
// TrueType program holding exactly them. It is built once per face, on
// first use, and is read-only afterwards: every document that draws only
// core characters embeds the same program, byte for byte, whichever
// document came first.
type Core struct {
	face  *Face
	id    []uint16 // id[r] is the glyph of rune r; 0 when r is not in the core
	runes []rune   // runes[i] is the character of glyph i+1
	old   []uint16 // old[i] is the face's glyph for glyph i; old[0] is .notdef
	prog  []byte   // the TrueType program of the core alone
	err   error

	mu   sync.Mutex
	memo map[string]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
	err  error
}

// coreOnce builds a face's core on first use; it lives in the Face.
type coreOnce struct {
	once sync.Once
	core *Core
}

// Core returns the face's core subset, building it on the first call.
func (f *Face) Core() *Core {
	f.core.once.Do(func() { f.core.core = newCore(f) })
	return f.core.core
}

func newCore(f *Face) *Core {
	c := &Core{face: f, old: []uint16{0}, memo: map[string]*memoEntry{}}
	var maxRune rune
	for _, r := range coreChars {
		maxRune = max(maxRune, r)
	}
	c.id = make([]uint16, maxRune+1)
	for _, r := range coreChars {
		g := f.GlyphIndex(r)
		if g == 0 || c.id[r] != 0 {
			continue
		}
		c.id[r] = uint16(len(c.old))
		c.runes = append(c.runes, r)
		c.old = append(c.old, g)
	}
	c.prog, c.err = program(f.tab, c.runes, c.old)
	return c
}

// Len returns the number of glyphs that core characters use, .notdef
// included.
func (c *Core) Len() int { return len(c.old) }

// Font returns the TrueType program of the core subset. The slice is
// shared: callers must not modify it.
func (c *Core) Font() ([]byte, error) { return c.prog, c.err }

// Memo returns the value build derives from the core, calling build only
// once per key for the life of the face; concurrent callers of the same
// key wait for the first. It lets a renderer keep what it makes of the
// core subset (compressed streams, width arrays) with the face that owns
// it, instead of in a package variable. build must depend on nothing but
// the core, so that the value does not depend on which document asked
// first; key names the renderer and the kind of value.
func (c *Core) Memo(key string, build func() (any, error)) (any, error) {
	c.mu.Lock()
	e, ok := c.memo[key]
	if !ok {
		e = &memoEntry{}
		c.memo[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v, e.err = build() })
	return e.v, e.err
}
