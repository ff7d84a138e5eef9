package layout

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/unit"
)

// emit draws ln with its left edge at x in a box avail wide, on the line box
// whose top is y.
func (l *state) emit(ln measure.Line, x, avail, y unit.Length, st format.Style) {
	if len(ln.Words) == 0 {
		return // an empty cell or paragraph: nothing to draw
	}
	if y < l.s.Top || y+st.Line > l.bottom() {
		// The line box crosses a margin: the line is taller than the
		// room a page has for it.
		l.outside(ln.Words[0].Frags[0].Text)
	}
	base := l.baseline(y, st)
	// Only spaces stretch: a line break after a hyphen leaves no gap.
	gaps := 0
	for _, w := range ln.Words[:len(ln.Words)-1] {
		if w.Gaps > 0 {
			gaps++
		}
	}
	var extra unit.Length
	switch {
	case st.Align == format.Justify && !ln.Last && gaps > 0:
		extra = avail - ln.W
	case st.Align == format.Center:
		x += (avail - ln.W) / 2
	case st.Align == format.Right:
		x += avail - ln.W
	}
	if extra == 0 {
		// One text item per style run: the line reads back as typed.
		var cur *Item
		var rest string // the run text cur.Text may be a prefix of
		for i, w := range ln.Words {
			for j, f := range w.Frags {
				text := f.Text
				fw := f.W
				if j == len(w.Frags)-1 && i < len(ln.Words)-1 {
					text = f.Spaced(w.Gaps)
					fw += w.Space
				}
				if cur != nil && cur.Style == f.Style {
					cur.Text = join(cur.Text, text, rest)
					cur.W += fw
					continue
				}
				if cur != nil {
					l.add(*cur)
					x += cur.W
				}
				cur = &Item{Kind: Text, X: x, Y: base, W: fw, Style: f.Style, Size: st.Size, Text: text}
				rest = f.Rest()
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
	g := 0 // stretchable gaps passed
	for i, w := range ln.Words {
		wx := x
		last := i == len(ln.Words)-1
		for j, f := range w.Frags {
			text := f.Text
			if j == len(w.Frags)-1 && !last && w.Gaps > 0 {
				text = f.Spaced(1) // a real space, so text extraction reads words
			}
			l.add(Item{Kind: Text, X: wx, Y: base, W: f.W, Style: f.Style, Size: st.Size, Text: text})
			wx += f.W
		}
		x += w.W + w.Space
		if !last && w.Gaps > 0 {
			x += per
			if unit.Length(g) < rem {
				x++
			}
			g++
		}
	}
}

// join returns s + t. When rest, the text of a run, reads s then t, it
// returns a slice of rest instead of a new string: the words of a line
// joined back into the text they were cut from.
func join(s, t, rest string) string {
	if n := len(s) + len(t); len(rest) >= n && rest[:len(s)] == s && rest[len(s):n] == t {
		return rest[:n]
	}
	return s + t
}
