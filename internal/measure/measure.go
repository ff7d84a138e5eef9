// Package measure measures text with the embedded fonts and breaks it into
// lines: the one line breaker of vanban, used by layout to place text and by
// the DOCX writer to size the rules and table columns that Word cannot size
// itself. It does no positioning.
package measure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Frag is a piece of a word in one style.
type Frag struct {
	Text  string
	Style font.Style
	W     unit.Length
	// rest is the text of the run from the fragment on (Text and what
	// follows it), "" when unknown: Spaced slices it rather than copying.
	rest string
}

// Spaced returns the fragment's text followed by n spaces. It copies
// nothing when the run has the spaces right after the fragment, as it has
// between the words of a line.
func (f Frag) Spaced(n int) string {
	if n == 0 {
		return f.Text
	}
	if end := len(f.Text) + n; len(f.rest) >= end && strings.Count(f.rest[len(f.Text):end], " ") == n {
		return f.rest[:end]
	}
	return f.Text + strings.Repeat(" ", n)
}

// Rest returns the text of the run the fragment was cut from, from the
// fragment on, or "" when unknown. Callers joining the texts of
// neighbouring fragments can check it to slice rather than concatenate.
func (f Frag) Rest() string { return f.rest }

// Word is a unit of line breaking: fragments with no space between them.
type Word struct {
	Frags []Frag
	W     unit.Length
	Space unit.Length // natural width of the spaces after the word
	Gaps  int         // how many spaces follow the word (blanks to fill in by hand keep theirs)
	// Break marks a line break after the word: a "\n" in the text, written
	// by the clerk or chosen by Balance.
	Break bool
}

// Line is a broken line: its words and their natural width without the
// trailing space.
type Line struct {
	Words []Word
	W     unit.Length
	Last  bool // last line of the paragraph: never justified
}

// StyleOf maps run styles to a font face.
func StyleOf(rs model.RunStyle) font.Style {
	var s font.Style
	if rs&model.Bold != 0 {
		s |= font.Bold
	}
	if rs&model.Italic != 0 {
		s |= font.Italic
	}
	return s
}

// Words splits runs into words measured at size (half-points): at spaces,
// and after a hyphen inside a word that a letter follows ("NĐ-|CP"), where
// Word and LibreOffice may also break a line (Unicode line breaking, UAX #14:
// a break after HY, but not before a number, so "1945-2024" stays whole).
// A word ending at such a hyphen has no space after it (Gaps 0). A "\n"
// in the text is a line break after the word before it (Word.Break).
//
// It is on the hot path of every document (layout breaks every paragraph
// with it), so it allocates little: the fragments are substrings of the
// runs' text, and all words and fragments share two arrays sized up front.
func Words(f *font.Set, runs []model.Run, size int) []Word {
	// Every piece ends at a space, a "\n", a hyphen or the end of its run:
	// that bounds the number of words and of fragments.
	n := 0
	for _, r := range runs {
		n += strings.Count(r.Text, " ") + strings.Count(r.Text, "\n") + strings.Count(r.Text, "-") + 1
	}
	out := make([]Word, 0, n)
	frags := make([]Frag, 0, n)
	var cur Word
	start := 0 // frags[start:] are the fragments of cur
	flush := func(space unit.Length) {
		switch {
		case len(frags) > start:
			cur.Frags = frags[start:len(frags):len(frags)]
			cur.Space, cur.Gaps = space, 1
			if space == 0 {
				cur.Gaps = 0
			}
			out = append(out, cur)
		case len(out) > 0 && space > 0:
			// Another space in a row: "Số:       /KH-UBND" keeps its blank.
			out[len(out)-1].Space += space
			out[len(out)-1].Gaps++
		}
		cur = Word{}
		start = len(frags)
	}
	var pieces []string
	for _, r := range runs {
		st := StyleOf(r.Style)
		face := f.Face(st)
		space := face.Width(" ", size)
		// Invalid UTF-8 (never from TOML) takes the rune path, which
		// replaces bad bytes with U+FFFD as it always has.
		valid := utf8.ValidString(r.Text)
		rest := r.Text
		off := 0 // offset of rest in r.Text
		for j := 0; ; j++ {
			seg, after, more := strings.Cut(rest, "\n")
			if j > 0 {
				flush(0)
				if len(out) > 0 {
					out[len(out)-1].Break = true
				}
			}
			pOff := off // offset of p in r.Text
			for i := 0; ; i++ {
				p, tail, spaced := strings.Cut(seg, " ")
				if i > 0 {
					flush(space)
				}
				if p != "" {
					if valid {
						pieces = hyphenPieces(pieces[:0], p)
					} else {
						pieces = hyphenBreaks(p)
					}
					at := pOff
					for k, piece := range pieces {
						w := face.Width(piece, size)
						fr := Frag{Text: piece, Style: st, W: w}
						if valid {
							fr.rest = r.Text[at:]
							at += len(piece)
						}
						frags = append(frags, fr)
						cur.W += w
						if k < len(pieces)-1 {
							flush(0)
						}
					}
				}
				if !spaced {
					break
				}
				seg = tail
				pOff += len(p) + 1
			}
			if !more {
				break
			}
			rest = after
			off = len(r.Text) - len(after)
		}
	}
	flush(0)
	if len(out) == 0 {
		return nil // as before: no words is a nil slice
	}
	return out
}

// hyphenPieces appends to dst the pieces of the valid UTF-8, space-free
// word s split as hyphenBreaks splits it, as substrings of s.
func hyphenPieces(dst []string, s string) []string {
	if strings.IndexByte(s, '-') < 0 {
		return append(dst, s)
	}
	start := 0
	var prev rune = -1 // the rune before position i; -1 at the start
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '-' && prev >= 0 && i+n < len(s) && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(next) {
				dst = append(dst, s[start:i+n])
				start = i + n
			}
		}
		prev = r
		i += n
	}
	return append(dst, s[start:])
}

// hyphenBreaks splits a space-free word after each hyphen that follows a
// letter or digit and precedes a letter.
func hyphenBreaks(s string) []string {
	rs := []rune(s)
	var out []string
	start := 0
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '-' && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1])) && unicode.IsLetter(rs[i+1]) {
			out = append(out, string(rs[start:i+1]))
			start = i + 1
		}
	}
	return append(out, string(rs[start:]))
}

// italicRoom is the room an italic word w must leave at the end of a line
// (see Break): a twelfth of its face's line height; 0 for upright words.
func italicRoom(f *font.Set, w Word, size int) unit.Length {
	if len(w.Frags) == 0 {
		return 0
	}
	st := w.Frags[len(w.Frags)-1].Style
	if st&font.Italic == 0 {
		return 0
	}
	return f.Face(st).LineHeight(size) / 12
}

// Break fills lines greedily: the first line is first wide, the others rest
// wide, as word processors do. A word wider than a whole line is cut between
// characters. A line ends after a word marked Break; such a line is not
// justified (Last), as a line ending in a manual break reads as typed. The
// lines' words share the array of ws: a caller must not change ws while it
// uses the lines.
//
// An italic word must leave room for the slant at the end of the line:
// Writer takes a twelfth of the font's line height off the width left for
// italic text (sw/source/core/text/guess.cxx, "nItalic = nPorHeight /
// 12"), about 0.47 mm at 14 pt, so a căn cứ line that fits with less to
// spare breaks one word earlier there. We break as Writer does, so that
// the DOCX it lays out keeps our lines (measured: 685 of 686 near-full lines
// agree with LibreOffice with this rule, 662 without). Word's rule for
// italics is not known to us.
func Break(f *font.Set, ws []Word, size int, first, rest unit.Length) []Line {
	var out []Line
	var cur Line
	// from is where cur.Words starts in ws when it is the slice ws[from:i]
	// (no copy of the words); -1 when it holds a cut word.
	from := -1
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
			from = -1
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
		switch {
		case len(cur.Words) == 0:
			from = i
			cur.Words = ws[i : i+1 : i+1]
		case from >= 0:
			cur.Words = ws[from : i+1 : i+1]
		default:
			cur.Words = append(cur.Words, w)
		}
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

// cut splits an over-long word so that its head fits in avail.
func cut(f *font.Set, w Word, avail unit.Length, size int) (Word, *Word) {
	var head, tail Word
	full := false
	for _, fr := range w.Frags {
		if full {
			tail.Frags = append(tail.Frags, fr)
			tail.W += fr.W
			continue
		}
		face := f.Face(fr.Style)
		rs := []rune(fr.Text)
		n := 0
		for n < len(rs) && head.W+face.Width(string(rs[:n+1]), size) <= avail {
			n++
		}
		if n == 0 && len(head.Frags) == 0 {
			n = 1 // always make progress
		}
		if n > 0 {
			hf := Frag{Text: string(rs[:n]), Style: fr.Style, W: face.Width(string(rs[:n]), size)}
			head.Frags = append(head.Frags, hf)
			head.W += hf.W
		}
		if n < len(rs) {
			tf := Frag{Text: string(rs[n:]), Style: fr.Style, W: face.Width(string(rs[n:]), size)}
			tail.Frags = append(tail.Frags, tf)
			tail.W += tf.W
			full = true
		}
	}
	if len(tail.Frags) == 0 {
		head.Space, head.Gaps, head.Break = w.Space, w.Gaps, w.Break
		return head, nil
	}
	tail.Space, tail.Gaps, tail.Break = w.Space, w.Gaps, w.Break
	return head, &tail
}

// ColumnWidths shares the text width among the columns of t by their
// content, as word processors' automatic layout does: every column gets at
// least its longest word; a column whose body cells fit on one line within a
// fair share gets just that; the others share the rest in proportion to
// what their widest cell would need on one line. A header cell asks for
// half its length, so a long heading takes two lines rather than widening
// its column. Group
// rows span the table and take no part.
func ColumnWidths(f *font.Set, s *format.Sheet, t *model.Table, cols int) []unit.Length {
	total := s.TextWidth()
	// The padding of both sides and two points of slack, so that a word
	// processor rounding to twips never wraps a cell we fitted exactly.
	pad := 2*s.CellPad + 2*unit.Point
	nat := make([]unit.Length, cols)
	minw := make([]unit.Length, cols)
	for i, r := range t.Rows {
		e := format.TableCell
		if i < t.HeaderRows {
			e = format.TableHead
		}
		st := s.Style(e)
		if len(r) == 1 && r[0].Span > 1 {
			continue
		}
		for c := 0; c < len(r) && c < cols; c++ {
			ws := Words(f, s.Runs(e, r[c].Runs), st.Size)
			var line unit.Length
			for j, w := range ws {
				line += w.W
				if j < len(ws)-1 {
					line += w.Space
				}
				minw[c] = max(minw[c], w.W+pad)
			}
			if i >= t.HeaderRows {
				nat[c] = max(nat[c], line+pad)
			} else {
				nat[c] = max(nat[c], line*3/5+pad) // a heading may take two lines
			}
		}
	}
	for c := range nat {
		// A word wider than an equal share of the table (a pasted address,
		// a code) breaks inside its cell anyway: it may not starve the
		// other columns down to a letter a line.
		minw[c] = min(minw[c], max(total/unit.Length(cols), pad+unit.MMs(5)))
		minw[c] = max(minw[c], pad+unit.MMs(5))
		nat[c] = max(nat[c], minw[c])
	}
	out := make([]unit.Length, cols)
	open := make([]bool, cols)
	for c := range open {
		open[c] = true
	}
	remaining, left := total, cols
	for left > 0 {
		share := remaining / unit.Length(left)
		fixed := false
		for c := range out {
			if open[c] && nat[c] <= share {
				out[c], open[c] = nat[c], false
				remaining -= nat[c]
				left--
				fixed = true
			}
		}
		if !fixed {
			break
		}
	}
	if left > 0 {
		var sumNat, sumMin unit.Length
		for c := range out {
			if open[c] {
				sumNat += nat[c]
				sumMin += minw[c]
			}
		}
		for c := range out {
			if !open[c] {
				continue
			}
			switch {
			case sumMin >= remaining:
				out[c] = remaining * minw[c] / sumMin
			default:
				out[c] = minw[c] + (remaining-sumMin)*(nat[c]-minw[c])/max(sumNat-sumMin, 1)
			}
		}
	} else {
		// Everything fits on one line: spread the slack in proportion.
		var sum unit.Length
		for _, w := range out {
			sum += w
		}
		for c := range out {
			out[c] += (total - sum) * out[c] / sum
		}
	}
	// Give the rounding remainder to the last column so the table is exact.
	var sum unit.Length
	for _, w := range out {
		sum += w
	}
	out[cols-1] += total - sum
	return out
}

// Rule returns the length of the rule under a block of centred lines whose
// widest line is widest: RuleNum/RuleDen of it, within the 1/3–1/2 that
// NĐ 30, Phụ lục I, II.2.b and II.5.b allow.
func Rule(s *format.Sheet, widest unit.Length) unit.Length {
	return widest * unit.Length(s.RuleNum) / unit.Length(s.RuleDen)
}

// Lines breaks texts, each a paragraph of element e, into lines w wide, with
// the casing and font of e applied.
func Lines(f *font.Set, s *format.Sheet, e format.Element, texts []string, w unit.Length) []Line {
	st := s.Style(e)
	var out []Line
	for _, t := range texts {
		runs := s.Runs(e, []model.Run{{Text: t}})
		out = append(out, Break(f, Words(f, runs, st.Size), st.Size, w, w)...)
	}
	return out
}

// Widest returns the natural width of the widest of lines.
func Widest(lines []Line) unit.Length {
	var w unit.Length
	for _, l := range lines {
		w = max(w, l.W)
	}
	return w
}

// CellVPad is the space above and below the lines of a table cell.
const CellVPad = 2 * unit.Point

// Columns returns the number of columns of t: the widest row, counting
// spans.
func Columns(t *model.Table) int {
	cols := 0
	for _, r := range t.Rows {
		n := 0
		for _, c := range r {
			n += max(c.Span, 1)
		}
		cols = max(cols, n)
	}
	return cols
}

// AddresseeGeometry returns where a list of several addressees goes: the
// label's x, the indent of the items from it, and the items' width. The
// block (label and widest item) is centred on the text area.
func AddresseeGeometry(f *font.Set, s *format.Sheet, lines []string) (x, indent, w unit.Length) {
	st := s.Style(format.Addressee)
	indent = f.Face(font.Regular).Width(format.AddresseeLabel, st.Size) + unit.MMs(2)
	avail := s.TextWidth() - indent
	widest := Widest(Lines(f, s, format.Addressee, lines, avail))
	x = s.Left + (s.TextWidth()-indent-widest)/2
	return x, indent, s.Left + s.TextWidth() - x - indent
}
