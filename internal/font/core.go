package font

import "sync"

// coreChars are the characters of every face's core subset, in glyph
// order: printable ASCII, the Vietnamese letters with their tone marks
// (67 lower-case, đ included, and their 67 capitals), and the punctuation
// and symbols administrative documents use. A face that lacks one of them
// simply leaves it out of its core. The core fixes glyph ids, widths and
// the ToUnicode map of these characters for every document; the program a
// document embeds keeps the outlines of the glyphs it draws only (see
// Subset.Font). Rarer characters (the letters of foreign names, arrows,
// shapes) get ids after the core's in the documents that draw them.
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
// core characters numbers and measures glyphs as the core does, and
// embeds the core program pruned to what it draws, whichever document
// came first.
type Core struct {
	face  *Face
	id    []uint16 // id[r] is the glyph of rune r; 0 when r is not in the core
	runes []rune   // runes[i] is the character of glyph i+1
	old   []uint16 // old[i] is the face's glyph for glyph i; old[0] is .notdef
	prog  []byte   // the TrueType program of the core alone
	ptab  *tables  // prog parsed, for pruning; nil when err is set
	err   error

	spl struct { // see splicer
		once sync.Once
		s    *splicer
		err  error
	}
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
	c := &Core{face: f, old: []uint16{0}}
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
	if c.err == nil {
		c.ptab, c.err = parseTables(c.prog)
	}
	return c
}

// Len returns the number of glyphs that core characters use, .notdef
// included.
func (c *Core) Len() int { return len(c.old) }

// Font returns the TrueType program of the core subset, every outline
// included (a Subset's Font keeps only the outlines its document draws).
// The slice is shared: callers must not modify it.
func (c *Core) Font() ([]byte, error) { return c.prog, c.err }
