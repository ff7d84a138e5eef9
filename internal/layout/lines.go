package layout

import (
	"strings"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// frag is a piece of a word in one style.
type frag struct {
	text  string
	style font.Style
	w     unit.Length
}

// word is a unit of line breaking: fragments with no space between them.
type word struct {
	frags []frag
	w     unit.Length
	space unit.Length // natural width of the spaces after the word
	gaps  int         // how many spaces follow the word (blanks to fill in by hand keep theirs)
}

// line is a broken line: its words and their natural width without the
// trailing space.
type line struct {
	words []word
	w     unit.Length
	last  bool // last line of the paragraph: never justified
}

func styleOf(rs model.RunStyle) font.Style {
	var s font.Style
	if rs&model.Bold != 0 {
		s |= font.Bold
	}
	if rs&model.Italic != 0 {
		s |= font.Italic
	}
	return s
}

// words splits runs at spaces into words measured at size (half-points).
func (l *state) words(runs []model.Run, size int) []word {
	var out []word
	var cur word
	flush := func(space unit.Length) {
		switch {
		case len(cur.frags) > 0:
			cur.space, cur.gaps = space, 1
			if space == 0 {
				cur.gaps = 0
			}
			out = append(out, cur)
		case len(out) > 0 && space > 0:
			// Another space in a row: "Số:       /KH-UBND" keeps its blank.
			out[len(out)-1].space += space
			out[len(out)-1].gaps++
		}
		cur = word{}
	}
	for _, r := range runs {
		st := styleOf(r.Style)
		face := l.f.Face(st)
		parts := strings.Split(r.Text, " ")
		for i, p := range parts {
			if i > 0 {
				flush(face.Width(" ", size))
			}
			if p == "" {
				continue
			}
			w := face.Width(p, size)
			cur.frags = append(cur.frags, frag{p, st, w})
			cur.w += w
		}
	}
	flush(0)
	return out
}

// breakLines fills lines greedily: the first line is first wide, the others
// rest wide. A word wider than a whole line is cut between characters.
func (l *state) breakLines(ws []word, size int, first, rest unit.Length) []line {
	var out []line
	var cur line
	avail := first
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		need := w.w
		if len(cur.words) > 0 {
			need += cur.words[len(cur.words)-1].space
		}
		if len(cur.words) > 0 && cur.w+need > avail {
			out = append(out, cur)
			cur = line{}
			avail = rest
			need = w.w
		}
		if len(cur.words) == 0 && w.w > avail {
			head, tail := l.cut(w, avail, size)
			cur.words = []word{head}
			cur.w = head.w
			if tail != nil {
				out = append(out, cur)
				cur = line{}
				avail = rest
				ws = append(ws[:i+1:i+1], append([]word{*tail}, ws[i+1:]...)...)
			}
			continue
		}
		cur.words = append(cur.words, w)
		cur.w += need
	}
	if len(cur.words) > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	out[len(out)-1].last = true
	return out
}

// cut splits an over-long word so that its head fits in avail.
func (l *state) cut(w word, avail unit.Length, size int) (word, *word) {
	var head, tail word
	full := false
	for _, f := range w.frags {
		if full {
			tail.frags = append(tail.frags, f)
			tail.w += f.w
			continue
		}
		face := l.f.Face(f.style)
		rs := []rune(f.text)
		n := 0
		for n < len(rs) && head.w+face.Width(string(rs[:n+1]), size) <= avail {
			n++
		}
		if n == 0 && len(head.frags) == 0 {
			n = 1 // always make progress
		}
		if n > 0 {
			hf := frag{string(rs[:n]), f.style, face.Width(string(rs[:n]), size)}
			head.frags = append(head.frags, hf)
			head.w += hf.w
		}
		if n < len(rs) {
			tf := frag{string(rs[n:]), f.style, face.Width(string(rs[n:]), size)}
			tail.frags = append(tail.frags, tf)
			tail.w += tf.w
			full = true
		}
	}
	if len(tail.frags) == 0 {
		head.space, head.gaps = w.space, w.gaps
		return head, nil
	}
	tail.space, tail.gaps = w.space, w.gaps
	return head, &tail
}

// emit draws ln with its left edge at x in a box avail wide, on the line box
// whose top is y.
func (l *state) emit(ln line, x, avail, y unit.Length, st format.Style) {
	base := l.baseline(y, st)
	gaps := len(ln.words) - 1
	var extra unit.Length
	switch {
	case st.Align == format.Justify && !ln.last && gaps > 0:
		extra = avail - ln.w
	case st.Align == format.Center:
		x += (avail - ln.w) / 2
	}
	if extra == 0 {
		// One text item per style run: the line reads back as typed.
		var cur *Item
		for i, w := range ln.words {
			for j, f := range w.frags {
				text := f.text
				fw := f.w
				if j == len(w.frags)-1 && i < len(ln.words)-1 {
					text += strings.Repeat(" ", w.gaps)
					fw += w.space
				}
				if cur != nil && cur.Style == f.style {
					cur.Text += text
					cur.W += fw
					continue
				}
				if cur != nil {
					l.add(*cur)
					x += cur.W
				}
				cur = &Item{Kind: Text, X: x, Y: base, W: fw, Style: f.style, Size: st.Size, Text: text}
			}
		}
		if cur != nil {
			l.add(*cur)
		}
		return
	}
	// Justified: every word placed on its own; the slack is spread over the
	// gaps, the remainder given to the first gaps so the line ends exactly.
	per, rem := extra/unit.Length(gaps), extra%unit.Length(gaps)
	for i, w := range ln.words {
		wx := x
		for j, f := range w.frags {
			text := f.text
			if j == len(w.frags)-1 && i < gaps {
				text += " " // a real space, so text extraction reads words
			}
			l.add(Item{Kind: Text, X: wx, Y: base, W: f.w, Style: f.style, Size: st.Size, Text: text})
			wx += f.w
		}
		x += w.w + w.space + per
		if unit.Length(i) < rem {
			x++
		}
	}
}
