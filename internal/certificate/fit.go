package certificate

import (
	"strings"
	"unicode/utf8"

	"vanban/internal/font"
	"vanban/internal/unit"
)

// box is what a text of a certificate may take: a width, the largest and
// smallest size, and at most lines lines.
type box struct {
	width unit.Length
	max   int // half-points: the size the text gets when it fits
	soft  int // half-points: shrink down to this on one line before wrapping; max wraps at once
	min   int // half-points: never smaller
	lines int
}

// fitted is a text broken into lines at one size.
type fitted struct {
	lines []string
	size  int // half-points
	style font.Style
}

// lineHeight is the distance between the baselines of a text at size hp:
// 1.2 times the size, as word processors set "single" for Times.
func lineHeight(hp int) unit.Length { return unit.Length(hp) * unit.HalfPoint * 6 / 5 }

// height is how much of the page f takes, from the top of its first line to
// the bottom of its last.
func (f fitted) height() unit.Length { return unit.Length(len(f.lines)) * lineHeight(f.size) }

// fit breaks text into at most b.lines lines no wider than b.width, at the
// largest size that allows it: first on one line down to b.soft, then over
// more lines down to b.min. ok is false when even b.min on b.lines lines
// is too wide; a word wider than the box is broken between letters.
func fit(fs *font.Set, text string, st font.Style, b box) (fitted, bool) {
	face := fs.Face(st)
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return fitted{size: b.max, style: st}, true
	}
	for hp := b.max; hp >= max(b.soft, b.min); hp-- {
		if face.Width(text, hp) <= b.width {
			return fitted{[]string{text}, hp, st}, true
		}
	}
	for hp := b.max; hp >= b.min; hp-- {
		if ls, ok := wrap(face, text, hp, b.width, b.lines); ok {
			return fitted{ls, hp, st}, true
		}
	}
	return fitted{}, false
}

// wrap breaks text greedily into lines no wider than w at size hp; ok is
// false when it needs more than n lines.
func wrap(face *font.Face, text string, hp int, w unit.Length, n int) ([]string, bool) {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if face.Width(try, hp) <= w {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
		// A word wider than the box alone is cut between letters.
		for face.Width(word, hp) > w {
			cut := longestPrefix(face, word, hp, w)
			if cut == 0 {
				return nil, false
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
			if len(lines) > n {
				return nil, false
			}
		}
		cur = word
		if len(lines) > n {
			return nil, false
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines, len(lines) <= n
}

// longestPrefix is the byte length of the longest prefix of word, cut at a
// rune boundary, no wider than w; 0 when not even one rune fits.
func longestPrefix(face *font.Face, word string, hp int, w unit.Length) int {
	best := 0
	for i := range word {
		if i == 0 {
			continue
		}
		if face.Width(word[:i], hp) > w {
			return best
		}
		best = i
	}
	if face.Width(word, hp) <= w {
		return len(word)
	}
	// the last rune boundary not yet tried
	_, size := utf8.DecodeLastRuneInString(word)
	if face.Width(word[:len(word)-size], hp) <= w {
		return len(word) - size
	}
	return best
}
