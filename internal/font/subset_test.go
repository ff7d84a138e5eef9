package font

import (
	"bytes"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// Faces are parsed once per process: a second Load shares them.
func TestLoad_SharesParsedFaces(t *testing.T) {
	a, b := load(t), load(t)
	for st := range Style(4) {
		if a.Face(st) != b.Face(st) {
			t.Errorf("style %v parsed twice", st)
		}
	}
}

// The subset draws every character exactly as the full face does: same
// outlines (composite glyphs resolved through renumbered components), same
// advances; it holds only the used glyphs plus their components.
func TestSubset_SameGlyphs(t *testing.T) {
	text := "Nghị định ỦY BAN Đ Ð “Vạn Giã” ế ự 2024"
	for st := range Style(4) {
		face := load(t).Face(st)
		s := face.NewSubset()
		var ids []uint16
		for _, r := range text {
			ids = append(ids, s.Glyph(r))
		}
		// Each character has its own glyph id, even where the face shares a
		// glyph between two characters (Đ U+0110 and Ð U+00D0).
		seen := map[uint16]rune{}
		for i, r := range []rune(text) {
			if prev, ok := seen[ids[i]]; ok && prev != r {
				t.Errorf("%v: %q and %q share glyph %d", st, prev, r, ids[i])
			}
			seen[ids[i]] = r
			if s.Rune(ids[i]) != r {
				t.Errorf("%v: glyph %d maps back to %q, not %q", st, ids[i], s.Rune(ids[i]), r)
			}
		}
		data, err := s.Font()
		if err != nil {
			t.Fatal(err)
		}
		again, _ := s.Font()
		if !bytes.Equal(data, again) {
			t.Errorf("%v: subset bytes differ between two calls", st)
		}
		if checksum(data) != 0xB1B0AFBA {
			t.Errorf("%v: font checksum %#x, want 0xB1B0AFBA", st, checksum(data))
		}
		sub, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%v: subset does not parse: %v", st, err)
		}
		orig, err := sfnt.Parse(face.Data)
		if err != nil {
			t.Fatal(err)
		}
		if sub.NumGlyphs() <= s.Len() {
			t.Errorf("%v: %d glyphs for %d used: no composite components added", st, sub.NumGlyphs(), s.Len())
		}
		if sub.NumGlyphs() > 2*s.Len()+10 {
			t.Errorf("%v: %d glyphs for %d used", st, sub.NumGlyphs(), s.Len())
		}
		var b2 sfnt.Buffer
		for i, r := range []rune(text) {
			if g, err := sub.GlyphIndex(&b2, r); err != nil || g != sfnt.GlyphIndex(ids[i]) {
				t.Errorf("%v: the subset's cmap maps %q to %d, want %d (%v)", st, r, g, ids[i], err)
			}
			og := sfnt.GlyphIndex(face.GlyphIndex(r))
			if wa := sameGlyph(t, st, r, orig, og, sub, sfnt.GlyphIndex(ids[i])); s.Advance(ids[i]) != int(wa>>6) {
				t.Errorf("%v: %q Advance %d, want %v", st, r, s.Advance(ids[i]), wa)
			}
		}
	}
}

func TestSubset_Metrics(t *testing.T) {
	m := load(t).Face(Bold).Metrics()
	if m.PostScriptName != "LiberationSerif-Bold" || m.UnitsPerEm != 2048 || m.Ascender <= 0 || m.Descender >= 0 ||
		m.Weight != 700 || m.CapHeight <= 0 || m.XMax <= m.XMin {
		t.Errorf("bold metrics: %+v", m)
	}
	if it := load(t).Face(Italic).Metrics(); it.ItalicAngle >= 0 {
		t.Errorf("italic angle %d, want negative", it.ItalicAngle)
	}
}
