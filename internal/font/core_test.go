package font

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// vietnamese is every precomposed letter of Vietnamese, lower and upper
// case, with đ and Đ: 67 + 67.
const vietnamese = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"

// The core of every face holds printable ASCII, the 134 Vietnamese letters
// and the common punctuation, each with its own glyph; its program parses
// and maps each character to its glyph.
func TestCore_Coverage(t *testing.T) {
	if n := len([]rune(vietnamese)); n != 134 {
		t.Fatalf("%d Vietnamese letters in the test, want 134", n)
	}
	var ascii strings.Builder
	for r := rune(0x20); r < 0x7F; r++ {
		ascii.WriteRune(r)
	}
	want := ascii.String() + vietnamese + "–—‘’“”…•°§№€₫\u00A0"
	for st := range Style(4) {
		c := load(t).Face(st).Core()
		s := c.face.NewSubset()
		seen := map[uint16]rune{}
		for _, r := range want {
			id := s.Glyph(r)
			if id == 0 || int(id) >= c.Len() {
				t.Errorf("%v: %q is not in the core (glyph %d of %d)", st, r, id, c.Len())
				continue
			}
			if prev, ok := seen[id]; ok {
				t.Errorf("%v: %q and %q share glyph %d", st, prev, r, id)
			}
			seen[id] = r
		}
		if s.Extra() {
			t.Errorf("%v: core characters made extras", st)
		}
		prog, err := s.Font()
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(prog)
		if err != nil {
			t.Fatalf("%v: core program: %v", st, err)
		}
		var b sfnt.Buffer
		for id, r := range seen {
			if g, err := f.GlyphIndex(&b, r); err != nil || g != sfnt.GlyphIndex(id) {
				t.Errorf("%v: the core cmap maps %q to %d, want %d (%v)", st, r, g, id, err)
			}
		}
	}
}

// Core glyph ids do not depend on the order characters are drawn in, nor
// on extras drawn first; extras get ids after the core's, and only a
// subset with extras builds a program other than the core's.
func TestCore_FixedIDs(t *testing.T) {
	face := load(t).Face(Regular)
	a, b := face.NewSubset(), face.NewSubset()
	for _, r := range "Äß" {
		if id := b.Glyph(r); int(id) < face.Core().Len() {
			t.Errorf("extra %q got core id %d", r, id)
		}
	}
	text := []rune("Đoàn kết “Vạn Giã” – 2024")
	for i := range text {
		if x, y := a.Glyph(text[i]), b.Glyph(text[len(text)-1-i]); x != b.Glyph(text[i]) || y != a.Glyph(text[len(text)-1-i]) {
			t.Errorf("%q: ids differ between subsets", text[i])
		}
	}
	if a.Extra() || !b.Extra() || b.Len() != face.Core().Len()+2 {
		t.Errorf("Extra %v %v, Len %d (core %d)", a.Extra(), b.Extra(), b.Len(), face.Core().Len())
	}
	pa, _ := a.Font()
	pc, _ := face.Core().Font()
	pb, err := b.Font()
	if err != nil {
		t.Fatal(err)
	}
	ta, err := parseTables(pa)
	if err != nil {
		t.Fatal(err)
	}
	if ta.numGlyphs != face.Core().ptab.numGlyphs || !bytes.Equal(ta.dir["hmtx"], face.Core().ptab.dir["hmtx"]) ||
		!bytes.Equal(ta.dir["cmap"], face.Core().ptab.dir["cmap"]) {
		t.Errorf("a core-only subset does not number and measure glyphs as the core")
	}
	if len(pa) >= len(pc) {
		t.Errorf("a core-only subset embeds %d bytes, the whole core %d", len(pa), len(pc))
	}
	if tb, err := parseTables(pb); err != nil || tb.numGlyphs <= ta.numGlyphs {
		t.Errorf("a subset with extras does not add glyphs to the core's (%v)", err)
	}
	if b.Rune(b.Glyph('ß')) != 'ß' || b.Rune(a.Glyph('Đ')) != 'Đ' {
		t.Errorf("Rune does not invert Glyph")
	}
}
