package font

import (
	"bytes"
	"testing"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// closure returns the glyph ids of t a pruned program must keep: .notdef,
// the drawn ones and, by repeated passes until nothing changes, the
// components of kept composites.
func closure(t *tables, drawn func(id int) bool) []bool {
	keep := make([]bool, t.numGlyphs)
	keep[0] = true
	for id := range keep {
		keep[id] = keep[id] || drawn(id)
	}
	for changed := true; changed; {
		changed = false
		for id, k := range keep {
			if !k {
				continue
			}
			g := t.glyph(uint16(id))
			components(g, func(at int) {
				if c := be.Uint16(g[at:]); int(c) < len(keep) && !keep[c] {
					keep[c], changed = true, true
				}
			})
		}
	}
	return keep
}

// checkPruned compares the pruned font of s with its unpruned program
// full: same glyph count and tables but glyf, loca and head's checksum;
// the outline of every glyph to keep byte for byte; every other glyph
// empty. It returns the parsed pruned program.
func checkPruned(t *testing.T, st Style, s *Subset, full []byte) *tables {
	t.Helper()
	pruned, err := s.Font()
	if err != nil {
		t.Fatal(err)
	}
	if checksum(pruned) != 0xB1B0AFBA {
		t.Errorf("%v: font checksum %#x, want 0xB1B0AFBA", st, checksum(pruned))
	}
	pt, err := parseTables(pruned)
	if err != nil {
		t.Fatalf("%v: pruned program: %v", st, err)
	}
	ft, err := parseTables(full)
	if err != nil {
		t.Fatal(err)
	}
	if pt.numGlyphs != ft.numGlyphs || len(pt.dir) != len(ft.dir) {
		t.Fatalf("%v: %d glyphs and %d tables, want %d and %d", st, pt.numGlyphs, len(pt.dir), ft.numGlyphs, len(ft.dir))
	}
	for tag, b := range ft.dir {
		switch tag {
		case "glyf", "loca":
			continue
		case "head":
			b, p := bytes.Clone(b), bytes.Clone(pt.dir[tag])
			copy(b[8:12], "\x00\x00\x00\x00")
			copy(p[8:12], "\x00\x00\x00\x00")
			if !bytes.Equal(b, p) {
				t.Errorf("%v: head differs beyond checkSumAdjustment", st)
			}
		default:
			if !bytes.Equal(b, pt.dir[tag]) {
				t.Errorf("%v: table %q differs", st, tag)
			}
		}
	}
	keep := closure(ft, func(id int) bool { return s.Drawn(uint16(id)) })
	kept := 0
	for id := range pt.numGlyphs {
		got, want := pt.glyph(uint16(id)), ft.glyph(uint16(id))
		switch {
		case !keep[id] && len(got) != 0:
			t.Errorf("%v: glyph %d neither drawn nor a component, %d bytes kept", st, id, len(got))
		case keep[id] && !bytes.Equal(bytes.TrimRight(got, "\x00"), bytes.TrimRight(want, "\x00")):
			t.Errorf("%v: glyph %d: outline not kept (%d bytes, want %d)", st, id, len(got), len(want))
		}
		if keep[id] {
			kept++
		}
	}
	if kept == pt.numGlyphs {
		t.Errorf("%v: nothing pruned", st)
	}
	if len(pruned) >= len(full) {
		t.Errorf("%v: pruned program %d bytes, full %d", st, len(pruned), len(full))
	}
	return pt
}

// checkOutlines loads every character of text from the pruned font of s
// with sfnt and compares segments and advance with the face's own glyph.
func checkOutlines(t *testing.T, st Style, s *Subset, text string) {
	t.Helper()
	data, err := s.Font()
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("%v: pruned program does not parse: %v", st, err)
	}
	orig, err := sfnt.Parse(s.Face().Data)
	if err != nil {
		t.Fatal(err)
	}
	var b2 sfnt.Buffer
	for _, r := range text {
		id := sfnt.GlyphIndex(s.Glyph(r)) // already drawn: marks nothing new
		if g, err := sub.GlyphIndex(&b2, r); err != nil || g != id {
			t.Errorf("%v: the cmap maps %q to %d, want %d (%v)", st, r, g, id, err)
		}
		og := sfnt.GlyphIndex(s.Face().GlyphIndex(r))
		sameGlyph(t, st, r, orig, og, sub, id)
	}
}

// sameGlyph compares the segments and the advance of glyph id of sub
// with those of glyph og of orig, the face, and returns the advance.
func sameGlyph(t *testing.T, st Style, r rune, orig *sfnt.Font, og sfnt.GlyphIndex, sub *sfnt.Font, id sfnt.GlyphIndex) fixed.Int26_6 {
	t.Helper()
	var b1, b2 sfnt.Buffer
	ppem := fixed.Int26_6(2048 << 6)
	want, err := orig.LoadGlyph(&b1, og, ppem, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sub.LoadGlyph(&b2, id, ppem, nil)
	if err != nil {
		t.Fatalf("%v: %q: %v", st, r, err)
	}
	if len(got) != len(want) {
		t.Errorf("%v: %q has %d segments, want %d", st, r, len(got), len(want))
	} else {
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("%v: %q segment %d differs", st, r, j)
				break
			}
		}
	}
	wa, _ := orig.GlyphAdvance(&b1, og, ppem, xfont.HintingNone)
	ga, _ := sub.GlyphAdvance(&b2, id, ppem, xfont.HintingNone)
	if wa != ga {
		t.Errorf("%v: %q advance %v, want %v", st, r, ga, wa)
	}
	return wa
}

// A subset of core characters embeds every core id with the core's
// metrics and cmap, but only the outlines it draws and their components:
// 'a' inside 'ấ' and 'ơ' inside 'ờ' (character glyphs not drawn
// themselves), the dotless i inside 'ì' (a component appended after the
// characters). Everything else is empty, and sfnt draws each drawn
// character as the face does.
func TestSubset_PrunedCore(t *testing.T) {
	const text = "Vờ ấ ì 2024"
	for st := range Style(4) {
		face := load(t).Face(st)
		s := face.NewSubset()
		for _, r := range text {
			s.Glyph(r)
		}
		full, err := face.Core().Font()
		if err != nil {
			t.Fatal(err)
		}
		pt := checkPruned(t, st, s, full)
		checkOutlines(t, st, s, text)

		a, o, b := s.core.id['a'], s.core.id['ơ'], s.core.id['b']
		if s.Drawn(a) || s.Drawn(o) || s.Drawn(b) || !s.Drawn(s.core.id['ờ']) {
			t.Fatalf("%v: Drawn is wrong", st)
		}
		if len(pt.glyph(a)) == 0 || len(pt.glyph(o)) == 0 {
			t.Errorf("%v: the base letters of ấ and ờ lost their outlines", st)
		}
		if len(pt.glyph(b)) != 0 {
			t.Errorf("%v: 'b' was not drawn but kept its outline", st)
		}
		appended := 0
		for id := s.Len(); id < pt.numGlyphs; id++ {
			if len(pt.glyph(uint16(id))) > 0 {
				appended++
			}
		}
		if appended == 0 {
			t.Errorf("%v: no component after the characters kept (dotless i, accents)", st)
		}
	}
}

// With characters outside the core, the extras are drawn as the face draws
// them (Ä holds A, a core character not drawn), and the core's undrawn
// glyphs are empty.
func TestSubset_PrunedExtras(t *testing.T) {
	const text = "Äß ỹ"
	for st := range Style(4) {
		face := load(t).Face(st)
		s := face.NewSubset()
		for _, r := range text {
			s.Glyph(r)
		}
		if !s.Extra() {
			t.Fatalf("%v: no extras", st)
		}
		c := s.core
		runes := append(append([]rune(nil), c.runes...), s.runes...)
		old := append(append([]uint16(nil), c.old...), s.old...)
		full, err := program(face.tab, runes, old)
		if err != nil {
			t.Fatal(err)
		}
		pt := checkPruned(t, st, s, full)
		checkOutlines(t, st, s, text)
		if len(pt.glyph(c.id['A'])) == 0 {
			t.Errorf("%v: A, a component of Ä, lost its outline", st)
		}
	}
}

// The pruned font depends on the characters drawn, not on the order they
// were drawn in nor on how often; it is the same on every call.
func TestSubset_PrunedDeterministic(t *testing.T) {
	face := load(t).Face(Italic)
	a, b := face.NewSubset(), face.NewSubset()
	text := []rune("Căn cứ Luật Thi đua, Khen thưởng")
	for i := range text {
		a.Glyph(text[i])
		b.Glyph(text[len(text)-1-i])
		b.Glyph(text[len(text)-1-i])
	}
	pa, err := a.Font()
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := b.Font()
	again, _ := a.Font()
	if !bytes.Equal(pa, pb) || !bytes.Equal(pa, again) {
		t.Errorf("pruned fonts differ")
	}
	c := face.NewSubset()
	c.Glyph('C')
	if pc, _ := c.Font(); bytes.Equal(pa, pc) {
		t.Errorf("different drawn sets give the same font")
	}
}

// composite returns the glyf data of a composite glyph of the components
// ids, offsets as bytes, no scale.
func composite(ids ...uint16) []byte {
	g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 10, 0, 10}
	for i, id := range ids {
		flags := uint16(0)
		if i < len(ids)-1 {
			flags = moreComponents
		}
		g = be.AppendUint16(g, flags)
		g = be.AppendUint16(g, id)
		g = append(g, 1, 2)
	}
	return g
}

// synthetic returns a parsed program whose glyph i is glyphs[i].
func synthetic(t *testing.T, glyphs [][]byte) *tables {
	t.Helper()
	n := len(glyphs)
	head := make([]byte, 54)
	be.PutUint16(head[50:], 1)
	hhea := make([]byte, 36)
	be.PutUint16(hhea[34:], uint16(n))
	maxp := make([]byte, 6)
	be.PutUint16(maxp[4:], uint16(n))
	var glyf []byte
	loca := make([]byte, 4*(n+1))
	for i, g := range glyphs {
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))
	data, err := assemble(map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": make([]byte, 4*n), "loca": loca, "glyf": glyf,
	})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := parseTables(data)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// Components are kept at any depth and whatever their ids: glyph 1 holds
// 5, which holds 2 (a lower id, already passed by a forward scan) and 6,
// which holds 3. Glyph 4 and 7 are neither drawn nor components.
func TestPrune_TransitiveComponents(t *testing.T) {
	simple := []byte{0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0}
	tab := synthetic(t, [][]byte{
		simple,          // 0 .notdef
		composite(5),    // 1, drawn
		simple,          // 2
		simple,          // 3
		simple,          // 4
		composite(2, 6), // 5
		composite(3),    // 6
		simple,          // 7
	})
	data, err := prune(tab, func(id int) bool { return id == 1 })
	if err != nil {
		t.Fatal(err)
	}
	pt, err := parseTables(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, true, true, true, false, true, true, false}
	for id, k := range want {
		if got := len(pt.glyph(uint16(id))) > 0; got != k {
			t.Errorf("glyph %d kept %v, want %v", id, got, k)
		}
	}
}
