package measure

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// wordsRef is the straightforward Words that the allocation-light one
// replaced: the reference it must agree with, word for word.
func wordsRef(f *font.Set, runs []model.Run, size int) []Word {
	var out []Word
	var cur Word
	flush := func(space unit.Length) {
		switch {
		case len(cur.Frags) > 0:
			cur.Space, cur.Gaps = space, 1
			if space == 0 {
				cur.Gaps = 0
			}
			out = append(out, cur)
		case len(out) > 0 && space > 0:
			out[len(out)-1].Space += space
			out[len(out)-1].Gaps++
		}
		cur = Word{}
	}
	for _, r := range runs {
		st := StyleOf(r.Style)
		face := f.Face(st)
		for j, seg := range strings.Split(r.Text, "\n") {
			if j > 0 {
				flush(0)
				if len(out) > 0 {
					out[len(out)-1].Break = true
				}
			}
			parts := strings.Split(seg, " ")
			for i, p := range parts {
				if i > 0 {
					flush(face.Width(" ", size))
				}
				if p == "" {
					continue
				}
				pieces := hyphenBreaks(p)
				for k, piece := range pieces {
					w := face.Width(piece, size)
					cur.Frags = append(cur.Frags, Frag{Text: piece, Style: st, W: w})
					cur.W += w
					if k < len(pieces)-1 {
						flush(0)
					}
				}
			}
		}
	}
	flush(0)
	return out
}

// breakRef is the Break that copies every word into its line, the
// reference of the one whose lines share the words' array.
func breakRef(f *font.Set, ws []Word, size int, first, rest unit.Length) []Line {
	var out []Line
	var cur Line
	avail := first
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		need := w.W
		if len(cur.Words) > 0 {
			need += cur.Words[len(cur.Words)-1].Space
		}
		if len(cur.Words) > 0 && cur.W+need+italicRoom(f, w, size) > avail {
			out = append(out, cur)
			cur = Line{}
			avail = rest
			need = w.W
		}
		if len(cur.Words) == 0 && w.W > avail {
			head, tail := cut(f, w, avail, size)
			cur.Words = []Word{head}
			cur.W = head.W
			if tail != nil {
				out = append(out, cur)
				cur = Line{}
				avail = rest
				ws = append(ws[:i+1:i+1], append([]Word{*tail}, ws[i+1:]...)...)
			} else if head.Break && i < len(ws)-1 {
				cur.Last = true
				out = append(out, cur)
				cur = Line{}
				avail = rest
			}
			continue
		}
		cur.Words = append(cur.Words, w)
		cur.W += need
		if w.Break && i < len(ws)-1 {
			cur.Last = true
			out = append(out, cur)
			cur = Line{}
			avail = rest
		}
	}
	if len(cur.Words) > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	out[len(out)-1].Last = true
	return out
}

// Words and Break give what the reference implementations give, on random
// runs of Vietnamese text, spaces in rows, line breaks, hyphens, over-long
// words and invalid UTF-8.
func TestWordsBreak_MatchReference(t *testing.T) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	atoms := []string{" ", " ", " ", "  ", "\n", "-", "–", "a", "Đ", "NĐ-CP", "kinh-tế", "1945-2024", "ủy", "ban",
		"nhân", "dân", "Số:", "/KH-UBND", "x-", "-y", "\xff", "\xe1\xba", "Dàiquáthểlệ", "9", "(b/c);", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var runs []model.Run
		for r := rng.IntN(4); r >= 0; r-- {
			var b strings.Builder
			for k := rng.IntN(12); k >= 0; k-- {
				a := atoms[rng.IntN(len(atoms))]
				if rng.IntN(20) == 0 {
					a = strings.Repeat(a, 15)
				}
				b.WriteString(a)
			}
			runs = append(runs, model.Run{Text: b.String(), Style: model.RunStyle(rng.IntN(4))})
		}
		size := 26 + rng.IntN(3)
		got, want := Words(f, runs, size), wordsRef(f, runs, size)
		for _, w := range got {
			for _, fr := range w.Frags {
				if fr.rest != "" && !strings.HasPrefix(fr.rest, fr.Text) {
					t.Fatalf("Words(%q): fragment %q has rest %q", runs, fr.Text, fr.rest)
				}
				for n := range 4 {
					if got, want := fr.Spaced(n), fr.Text+strings.Repeat(" ", n); got != want {
						t.Fatalf("Words(%q): %q.Spaced(%d) = %q, want %q", runs, fr.Text, n, got, want)
					}
				}
			}
		}
		if !reflect.DeepEqual(noRest(got), want) {
			t.Fatalf("Words(%q):\n got %+v\nwant %+v", runs, got, want)
		}
		w := unit.MMs(int64(5 + rng.IntN(160)))
		first := w - unit.MMs(int64(rng.IntN(5)))
		gl, wl := Break(f, got, size, first, w), breakRef(f, want, size, first, w)
		for i := range gl {
			gl[i].Words = noRest(gl[i].Words)
		}
		if !reflect.DeepEqual(gl, wl) {
			t.Fatalf("Break(%q, %v, %v):\n got %+v\nwant %+v", runs, first, w, gl, wl)
		}
	}
}

// noRest returns a copy of ws without the fragments' rest, which the
// reference does not know.
func noRest(ws []Word) []Word {
	out := make([]Word, len(ws))
	for i, w := range ws {
		out[i] = w
		out[i].Frags = make([]Frag, len(w.Frags))
		for k, f := range w.Frags {
			f.rest = ""
			out[i].Frags[k] = f
		}
	}
	if ws == nil {
		return nil
	}
	return out
}
