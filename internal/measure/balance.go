package measure

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"vanban/internal/font"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Costs of a break choice, in decreasing weight: a break that separates a
// generic word from its name, then one more line, then a break inside a
// two-syllable word, then the raggedness (the squares of the lines' slack
// in tenths of a point). The weights keep the orders apart for any block of
// a few lines.
const (
	costName int64 = 1 << 50
	costLine int64 = 1 << 42
	costWord int64 = 1 << 36
)

// Tie is how strongly two neighbouring words hold together.
type Tie uint8

// Ties, weakest first.
const (
	Free  Tie = iota // a line may break here
	Word2            // inside a word of two or more syllables ("thi đua")
	Name             // between a generic word and its name ("XÃ VẠN NINH")
)

// Balance chooses the line breaks of a centred block (issuer and parent
// names, tên loại and trích yếu, an appendix title), w wide: among all break
// choices it takes the one that keeps Vietnamese names and two-syllable
// words whole ("TỈNH KHÁNH HÒA", "XÃ VẠN NINH", "thi đua"), then the
// fewest lines, then the most even lines (least raggedness). A block is a
// few lines, so it searches every choice (dynamic programming over break
// positions). Breaks the text already has (Word.Break) stay and split the
// block into parts balanced on their own. It marks the chosen breaks in ws
// with Break and reports whether it chose any.
func Balance(ws []Word, w unit.Length) bool {
	chose := false
	start := 0
	for i := range ws {
		if ws[i].Break || i == len(ws)-1 {
			if balancePart(ws[start:i+1], w) {
				chose = true
			}
			start = i + 1
		}
	}
	return chose
}

// balancePart balances a part of a block that has no breaks of its own but
// may at its end.
func balancePart(ws []Word, w unit.Length) bool {
	n := len(ws)
	if n < 2 {
		return false
	}
	glue := Glue(ws)
	const inf = int64(1) << 62
	best := make([]int64, n+1) // best[j]: cost of words [0, j) ending a line after word j-1
	from := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j] = inf
		var lw unit.Length
		for i := j - 1; i >= 0; i-- {
			// The line holds words i .. j-1.
			if i < j-1 {
				lw += ws[i].Space
			}
			lw += ws[i].W
			if lw > w && i < j-1 {
				break // overfull; a lone overlong word is cut later
			}
			if i > 0 && (best[i] == inf || ws[i-1].Gaps == 0) {
				continue // breaks only at spaces
			}
			c := costLine
			if i > 0 {
				c += best[i]
				switch glue[i-1] {
				case Name:
					c += costName
				case Word2:
					c += costWord
				}
			}
			slack := int64(max(w-lw, 0) / (unit.Point / 10))
			c += slack * slack
			if c < best[j] {
				best[j], from[j] = c, i
			}
		}
	}
	if best[n] == inf {
		return false
	}
	chose := false
	for j := from[n]; j > 0; j = from[j] {
		ws[j-1].Break = true
		chose = true
	}
	return chose
}

// lowerVI lower-cases with the Vietnamese rules.
var lowerVI = cases.Lower(language.Vietnamese)

// key is the comparable form of a word: lower case, without surrounding
// punctuation.
func key(wd Word) string {
	var b strings.Builder
	for _, f := range wd.Frags {
		b.WriteString(f.Text)
	}
	return strings.Trim(lowerVI.String(b.String()), `,.;:!?()"'“”`)
}

// endsClause reports whether a word ends with punctuation that closes a
// name ("PHƯỜNG,", "(b/c);").
func endsClause(wd Word) bool {
	if len(wd.Frags) == 0 {
		return true
	}
	t := wd.Frags[len(wd.Frags)-1].Text
	return strings.ContainsAny(t[len(t)-1:], ",;:.)")
}

// Glue reports, for each word of ws, how strongly it holds to the next
// one: inside a two-syllable word of administrative names and titles (see
// compounds), and between a generic word of a body's or place's name and
// the name ("TỈNH KHÁNH HÒA", "THỊ TRẤN VẠN GIÃ", "SỞ NỘI VỤ"), and
// between "năm", "ngày", "số" and the number after them.
func Glue(ws []Word) []Tie {
	keys := make([]string, len(ws))
	for i := range ws {
		keys[i] = key(ws[i])
	}
	glue := make([]Tie, len(ws))
	match := func(i int, phrase []string) bool {
		if i+len(phrase) > len(keys) {
			return false
		}
		for k, p := range phrase {
			if keys[i+k] != p || (k < len(phrase)-1 && (ws[i+k].Gaps == 0 || endsClause(ws[i+k]))) {
				return false
			}
		}
		return true
	}
	isCompound := make([]bool, len(ws)) // word i starts a listed compound
	for i := range keys {
		for _, c := range compounds {
			if match(i, c) {
				isCompound[i] = true
				for k := 0; k < len(c)-1; k++ {
					glue[i+k] = max(glue[i+k], Word2)
				}
			}
		}
	}
	for i := 0; i+1 < len(keys); i++ {
		if numbered[keys[i]] && ws[i].Gaps > 0 && keys[i+1] != "" && keys[i+1][0] >= '0' && keys[i+1][0] <= '9' {
			glue[i] = Name
		}
		if k := keys[i+1]; (k == "-" || k == "–") && ws[i].Gaps > 0 {
			glue[i] = Name // a dash ends its line, never starts one
		}
	}
	for i := range keys {
		for _, g := range generics {
			if !match(i, g.words) || (len(g.words) == 1 && isCompound[i]) {
				continue
			}
			last := i + len(g.words) - 1 // the generic word's last syllable
			// The name runs to the end of the clause; a name is short, so
			// a long run keeps only its first two syllables with the
			// generic word.
			end := last
			for end+1 < len(keys) && !endsClause(ws[end]) && ws[end].Gaps > 0 && !stopWords[keys[end+1]] {
				end++
			}
			if g.one {
				end = min(end, last+1)
			} else if end-last > 4 {
				end = last + 2
			}
			for k := i; k < end; k++ {
				glue[k] = Name
			}
		}
	}
	return glue
}

// Runs returns the text of ws as runs, a "\n" at every Break: the text
// Balance decided, to hand to both renderers. Spaces take the style of the
// text before them.
func Runs(ws []Word) []model.Run {
	var out []model.Run
	add := func(text string, st font.Style) {
		rs := runStyle(st)
		if n := len(out); n > 0 && out[n-1].Style == rs {
			out[n-1].Text += text
			return
		}
		out = append(out, model.Run{Text: text, Style: rs})
	}
	for i, wd := range ws {
		var st font.Style
		for _, f := range wd.Frags {
			add(f.Text, f.Style)
			st = f.Style
		}
		if i == len(ws)-1 {
			break
		}
		switch {
		case wd.Break:
			add("\n", st)
		case wd.Gaps > 0:
			add(strings.Repeat(" ", wd.Gaps), st)
		}
	}
	return out
}

// runStyle is the run style of a face.
func runStyle(st font.Style) model.RunStyle {
	var rs model.RunStyle
	if st&font.Bold != 0 {
		rs |= model.Bold
	}
	if st&font.Italic != 0 {
		rs |= model.Italic
	}
	return rs
}
