package diag

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sources returns the text of a file for excerpts; ok is false when the text
// is not known.
type Sources func(file string) (text []byte, ok bool)

// Print writes each diagnostic of l in the GNU form
//
//	file:line:col: lỗi: message [CODE]
//	   7 | source line
//	     |     ^^^^
//	    gợi ý: hint
//
// The excerpt is shown when src knows the file and the line exists.
func Print(w io.Writer, l List, src Sources) error {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", d.Pos, d.Severity.word(), d.Msg, d.Code)
		if src != nil && d.Pos.Line > 0 {
			if text, ok := src(d.Pos.File); ok {
				excerpt(&b, text, d)
			}
		}
		for _, h := range d.Hints {
			if h != "" {
				fmt.Fprintf(&b, "    gợi ý: %s\n", h)
			}
		}
	}
	if b.Len() == 0 {
		return nil // no empty write per document of a batch
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// excerptWidth is the most characters of a source line an excerpt shows: a
// longer line (a pasted paragraph, 100,000 ">") is cut to a window around
// the column, marked with "…" at the cut ends.
const excerptWidth = 100

func excerpt(b *strings.Builder, text []byte, d Diagnostic) {
	lines := strings.Split(string(text), "\n")
	if d.Pos.Line > len(lines) {
		return
	}
	line := strings.TrimRight(lines[d.Pos.Line-1], "\r")
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	// Control characters would act on the terminal: show them as "?".
	rs := []rune(strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, line))
	col := d.Pos.Col
	if len(rs) > excerptWidth {
		from := max(0, min(col-1-excerptWidth/2, len(rs)-excerptWidth))
		to := min(len(rs), from+excerptWidth)
		win := string(rs[from:to])
		shift := from
		if from > 0 {
			win, shift = "…"+win, from-1
		}
		if to < len(rs) {
			win += "…"
		}
		rs = []rune(win)
		if col > 0 {
			col -= shift
		}
	}
	fmt.Fprintf(b, "%6s | %s\n", fmt.Sprint(d.Pos.Line), string(rs))
	if col < 1 {
		return
	}
	n := max(d.Len, 1)
	if rest := len(rs) - (col - 1); n > rest && rest > 0 {
		n = rest
	}
	fmt.Fprintf(b, "%6s | %s%s\n", "", strings.Repeat(" ", col-1), strings.Repeat("^", n))
}
