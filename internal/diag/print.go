package diag

import (
	"fmt"
	"io"
	"strings"
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
	_, err := io.WriteString(w, b.String())
	return err
}

func excerpt(b *strings.Builder, text []byte, d Diagnostic) {
	lines := strings.Split(string(text), "\n")
	if d.Pos.Line > len(lines) {
		return
	}
	line := strings.TrimRight(lines[d.Pos.Line-1], "\r")
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	line = strings.ReplaceAll(line, "\t", " ")
	num := fmt.Sprint(d.Pos.Line)
	fmt.Fprintf(b, "%6s | %s\n", num, line)
	if d.Pos.Col < 1 {
		return
	}
	n := d.Len
	if n < 1 {
		n = 1
	}
	if rest := utf8.RuneCountInString(line) - (d.Pos.Col - 1); n > rest && rest > 0 {
		n = rest
	}
	fmt.Fprintf(b, "%6s | %s%s\n", "", strings.Repeat(" ", d.Pos.Col-1), strings.Repeat("^", n))
}
