package font

import (
	"bytes"
	"compress/zlib"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"sort"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// adler32Combine of two parts equals Adler-32 of the whole, for random
// data split anywhere, including empty parts and parts longer than the
// modulus.
func TestAdler32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 100, 5552, 65520, 65521, 65522, 200000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		for _, cut := range []int{0, n / 3, n / 2, n, rng.IntN(n + 1)} {
			want := adler32.Checksum(b)
			got := adler32Combine(adler32.Checksum(b[:cut]), adler32.Checksum(b[cut:]), n-cut)
			if got != want {
				t.Errorf("n=%d cut=%d: %#x, want %#x", n, cut, got, want)
			}
		}
	}
	// 0xFF bytes push both sums to their maxima.
	b := bytes.Repeat([]byte{0xFF}, 70000)
	for _, cut := range []int{1, 65521, 69999} {
		if got, want := adler32Combine(adler32.Checksum(b[:cut]), adler32.Checksum(b[cut:]), len(b)-cut), adler32.Checksum(b); got != want {
			t.Errorf("0xFF cut=%d: %#x, want %#x", cut, got, want)
		}
	}
}

// refSpliced builds, the plain way, the program that splicing must give:
// the kept glyphs (drawn, .notdef, components at any depth) widened to
// whole groups until nothing changes, laid out as directory, head, loca,
// the other tables in tag order, glyf, with checksums from passes over
// the bytes.
func refSpliced(t *tables, drawn func(id int) bool) ([]byte, []bool) {
	keep := closure(t, drawn)
	for changed := true; changed; {
		changed = false
		for id := range keep {
			if keep[id] && !keep[id/groupSize*groupSize] {
				keep[id/groupSize*groupSize], changed = true, true
			}
			if keep[id/groupSize*groupSize] && !keep[id] {
				keep[id], changed = true, true
			}
		}
		for id, k := range closure(t, func(id int) bool { return keep[id] }) {
			if k && !keep[id] {
				keep[id], changed = true, true
			}
		}
	}
	var glyf []byte
	var offs []uint32
	for id := range t.numGlyphs {
		offs = append(offs, uint32(len(glyf)))
		if keep[id] {
			glyf = append(glyf, t.glyph(uint16(id))...)
		}
	}
	offs = append(offs, uint32(len(glyf)))
	head := bytes.Clone(t.dir["head"])
	be.PutUint32(head[8:], 0)
	var loca []byte
	if len(t.dir["glyf"]) < 0x20000 { // short offsets, as the whole core's glyf allows
		be.PutUint16(head[50:], 0)
		for _, o := range offs {
			loca = be.AppendUint16(loca, uint16(o/2))
		}
	} else {
		for _, o := range offs {
			loca = be.AppendUint32(loca, o)
		}
	}
	tabs := map[string][]byte{}
	var tags, others []string
	for tag, b := range t.dir {
		tabs[tag] = b
		tags = append(tags, tag)
		if tag != "head" && tag != "loca" && tag != "glyf" {
			others = append(others, tag)
		}
	}
	tabs["head"], tabs["loca"], tabs["glyf"] = head, loca, glyf
	sort.Strings(tags)
	sort.Strings(others)
	order := append(append([]string{"head", "loca"}, others...), "glyf")

	out := make([]byte, 12+16*len(tags))
	at := map[string]int{}
	for _, tag := range order {
		at[tag] = len(out)
		out = append(out, tabs[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(len(tags)))
	sr, sel := 1, 0
	for sr*2 <= len(tags) {
		sr *= 2
		sel++
	}
	be.PutUint16(out[6:], uint16(sr*16))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(len(tags)*16-sr*16))
	for i, tag := range tags {
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(tabs[tag]))
		be.PutUint32(rec[8:], uint32(at[tag]))
		be.PutUint32(rec[12:], uint32(len(tabs[tag])))
	}
	be.PutUint32(out[at["head"]+8:], 0xB1B0AFBA-checksum(out))
	return out, keep
}

// inflate decompresses a spliced stream with the standard library's zlib
// reader, which checks the Adler-32.
func inflate(t *testing.T, f *Flate) []byte {
	t.Helper()
	z := bytes.Join(f.Pieces, nil)
	if len(z) != f.Len {
		t.Errorf("Len %d, pieces hold %d bytes", f.Len, len(z))
	}
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("spliced stream: %v", err)
	}
	if len(b) != f.Raw {
		t.Errorf("Raw %d, stream holds %d bytes", f.Raw, len(b))
	}
	return b
}

// The spliced program of a core subset decompresses to exactly the
// program built the plain way from the same kept groups; its checksums
// hold; sfnt reads it and draws each drawn character as the face does;
// glyphs of groups nothing needs are empty; it is much smaller than the
// core.
func TestSubset_Spliced(t *testing.T) {
	texts := []string{
		"Vờ ấ ì 2024",
		"Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số 98/2023/NĐ-CP",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
		"",
	}
	for st := range Style(4) {
		face := load(t).Face(st)
		for _, text := range texts {
			s := face.NewSubset()
			for _, r := range text {
				s.Glyph(r)
			}
			f, err := s.FontFlate()
			if err != nil {
				t.Fatal(err)
			}
			got := inflate(t, f)
			ct := s.core.ptab
			want, keep := refSpliced(ct, func(id int) bool { return s.Drawn(uint16(id)) })
			if !bytes.Equal(got, want) {
				t.Fatalf("%v %q: spliced program (%d bytes) differs from the plain one (%d bytes)", st, text, len(got), len(want))
			}
			checkSums(t, got)
			pt, err := parseTables(got)
			if err != nil {
				t.Fatal(err)
			}
			for id := range ct.numGlyphs {
				g, w := pt.glyph(uint16(id)), ct.glyph(uint16(id))
				if keep[id] && !bytes.Equal(g, w) || !keep[id] && len(g) != 0 {
					t.Errorf("%v %q: glyph %d: %d bytes, kept %v", st, text, id, len(g), keep[id])
				}
			}
			if text != "" {
				checkSegments(t, st, got, s.Face().Data, text)
			}
			core, _ := face.Core().Font()
			if len(got) > len(core)*3/4 {
				t.Errorf("%v %q: spliced program %d bytes, the core %d", st, text, len(got), len(core))
			}
		}
	}
}

// checkSums recomputes every table checksum and the file checksum
// (through head.checkSumAdjustment) of an sfnt file.
func checkSums(t *testing.T, b []byte) {
	t.Helper()
	if checksum(b) != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", checksum(b))
	}
	n := int(be.Uint16(b[4:]))
	for i := range n {
		rec := b[12+16*i:]
		tag, sum, off, size := string(rec[:4]), be.Uint32(rec[4:]), be.Uint32(rec[8:]), be.Uint32(rec[12:])
		tab := bytes.Clone(b[off : off+size])
		if tag == "head" {
			be.PutUint32(tab[8:], 0)
		}
		if checksum(tab) != sum {
			t.Errorf("table %q: checksum %#x, directory says %#x", tag, checksum(tab), sum)
		}
		if i > 0 && string(b[12+16*(i-1):][:4]) >= tag {
			t.Errorf("directory not sorted at %q", tag)
		}
	}
}

// checkSegments loads every character of text from program data with
// sfnt and compares its segments with the face's.
func checkSegments(t *testing.T, st Style, data, face []byte, text string) {
	t.Helper()
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("%v: program does not parse: %v", st, err)
	}
	orig, err := sfnt.Parse(face)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 sfnt.Buffer
	ppem := fixed.Int26_6(2048 << 6)
	for _, r := range text {
		g1, err1 := sub.GlyphIndex(&b1, r)
		g2, err2 := orig.GlyphIndex(&b2, r)
		if err1 != nil || err2 != nil || g1 == 0 {
			t.Fatalf("%v %q: glyph %d (%v, %v)", st, r, g1, err1, err2)
		}
		s1, err1 := sub.LoadGlyph(&b1, g1, ppem, nil)
		s2, err2 := orig.LoadGlyph(&b2, g2, ppem, nil)
		if err1 != nil || err2 != nil || len(s1) != len(s2) {
			t.Errorf("%v %q: %d segments, the face %d (%v, %v)", st, r, len(s1), len(s2), err1, err2)
			continue
		}
		for i := range s1 {
			if s1[i] != s2[i] {
				t.Errorf("%v %q: segment %d differs", st, r, i)
				break
			}
		}
	}
}

// The spliced program depends on the glyphs drawn only: the same text in
// another order gives the same pieces and Sum, other text another Sum; the
// pieces a core compressed are shared, not copied.
func TestSubset_SplicedDeterministic(t *testing.T) {
	face := load(t).Face(Bold)
	a, b, c := face.NewSubset(), face.NewSubset(), face.NewSubset()
	text := []rune("KẾ HOẠCH Tổ chức phong trào thi đua")
	for i := range text {
		a.Glyph(text[i])
		b.Glyph(text[len(text)-1-i])
	}
	c.Glyph('Q')
	fa, err := a.FontFlate()
	if err != nil {
		t.Fatal(err)
	}
	fb, _ := b.FontFlate()
	fc, _ := c.FontFlate()
	if !bytes.Equal(bytes.Join(fa.Pieces, nil), bytes.Join(fb.Pieces, nil)) || fa.Sum != fb.Sum {
		t.Errorf("the same glyphs drawn in another order give another stream")
	}
	if fa.Sum == fc.Sum {
		t.Errorf("other glyphs give the same Sum")
	}
	if len(fa.Pieces) < 4 || &fa.Pieces[1][0] != &fb.Pieces[1][0] {
		t.Errorf("the constant tables are not shared between documents")
	}
}

// A subset with extras embeds its exactly pruned program, compressed.
func TestSubset_FlateExtras(t *testing.T) {
	s := load(t).Face(Regular).NewSubset()
	for _, r := range "Äß ỹ" {
		s.Glyph(r)
	}
	f, err := s.FontFlate()
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Font()
	if err != nil {
		t.Fatal(err)
	}
	if got := inflate(t, f); !bytes.Equal(got, want) {
		t.Errorf("the program with extras is not the pruned one")
	}
}
