package docimport

import (
	"fmt"
	"strings"

	"vanban/internal/docimport/docx"
)

// markdown converts the body items to vanban's CommonMark.
func markdown(items []bodyItem, rec func(line, string)) string {
	var b strings.Builder
	counters := map[string]int{}
	prevList, prevQuote := false, false
	for _, it := range items {
		if it.t != nil {
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			b.WriteString(gfmTable(it.t))
			prevList, prevQuote = false, false
			continue
		}
		l := it.l
		text, isList := paraMarkdown(l.p, counters)
		if text == "" {
			continue
		}
		// Consecutive căn cứ lines are one quote block, one line each:
		// vanban writes ";" after each and "." after the last (Phụ lục I,
		// II.6.a), so their own end marks are dropped.
		isQuote := strings.HasPrefix(text, "> ")
		if isQuote {
			text = strings.TrimRight(text, ";., ")
		}
		if b.Len() > 0 {
			if !(isList && prevList) && !(isQuote && prevQuote) {
				b.WriteString("\n")
			}
		}
		b.WriteString(text)
		b.WriteString("\n")
		prevList, prevQuote = isList, isQuote
		rec(*l, "nội dung")
	}
	return b.String()
}

// paraMarkdown is one paragraph as a CommonMark block; isList when it is
// a list item.
func paraMarkdown(p *docx.Paragraph, counters map[string]int) (string, bool) {
	text := clean(p.Text())
	if text == "" {
		return "", false
	}
	bold := allBold(p)
	switch {
	case allItalic(p) && (strings.HasPrefix(text, "Căn cứ ") || strings.HasPrefix(text, "Theo ") || strings.HasPrefix(text, "Xét ")) ||
		strings.Contains(strings.ToLower(p.Style), "cancu"):
		return "> " + escape(text), false
	case bold && reRoman.MatchString(text):
		return "# " + escape(text), false
	case bold && reDecimal.MatchString(text) && len([]rune(text)) < 200:
		return "## " + escape(text), false
	case bold && reLetter.MatchString(text) && len([]rune(text)) < 200:
		return "### " + escape(text), false
	}
	prefix := ""
	if p.List != nil {
		key := fmt.Sprintf("%s/%d", p.List.NumID, p.List.Level)
		counters[key]++
		indent := strings.Repeat("   ", min(p.List.Level, 3))
		switch p.List.Format {
		case "bullet", "none", "":
			prefix = indent + "- "
		case "lowerLetter":
			prefix = indent + string(rune('a'+(counters[key]-1)%26)) + ") "
		default:
			prefix = indent + fmt.Sprintf("%d. ", counters[key])
		}
	}
	body := inline(p)
	if p.Align == docx.Center && prefix == "" {
		return "::: giua\n" + body, false
	}
	// Markers typed as text are kept as written: "1. ", "a) ", "- ".
	if prefix == "" {
		if m := reDash.FindString(text); m != "" {
			return "- " + strings.TrimPrefix(strings.TrimLeft(body, " "), strings.TrimSpace(m)+" "), true
		}
		if reDecimal.MatchString(body) || reLetter.MatchString(body) {
			return body, true
		}
		if allItalic(p) && !bold {
			return "*" + escape(text) + "*", false
		}
		return body, false
	}
	return prefix + body, true
}

// inline is the paragraph's runs with partial bold and italic as ** and *.
func inline(p *docx.Paragraph) string {
	whole := allBold(p)
	wholeI := allItalic(p)
	var b strings.Builder
	for _, r := range p.Runs {
		t := strings.ReplaceAll(strings.ReplaceAll(r.Text, "\t", " "), "\n", " ")
		t = strings.ReplaceAll(t, "\u00a0", " ")
		core := strings.TrimSpace(t)
		if core == "" {
			b.WriteString(t)
			continue
		}
		lead := t[:strings.Index(t, core)]
		trail := t[len(lead)+len(core):]
		mark := ""
		if r.Bold && !whole {
			mark += "**"
		}
		if r.Italic && !wholeI {
			mark = "*" + mark
		}
		b.WriteString(lead)
		b.WriteString(mark)
		b.WriteString(escape(core))
		b.WriteString(reverse(mark))
		b.WriteString(trail)
	}
	s := clean(b.String())
	if whole && !reDecimal.MatchString(s) && !reLetter.MatchString(s) {
		s = "**" + s + "**"
	}
	return s
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// escape backslash-escapes the characters that would make CommonMark
// structure inside a text.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<', '|':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// gfmTable writes t as a GFM table; the first row is the header.
func gfmTable(t *docx.Table) string {
	if len(t.Rows) == 0 {
		return ""
	}
	width := 0
	for _, r := range t.Rows {
		n := 0
		for _, c := range r.Cells {
			n += c.Span
		}
		width = max(width, n)
	}
	var b strings.Builder
	row := func(r docx.Row, header bool) {
		b.WriteString("|")
		n := 0
		for _, c := range r.Cells {
			txt := cellMarkdown(c, header)
			if c.Merged {
				txt = ""
			}
			b.WriteString(" " + txt + " |")
			n++
			for k := 1; k < c.Span; k++ {
				b.WriteString(" |")
				n++
			}
		}
		for ; n < width; n++ {
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	row(t.Rows[0], true)
	b.WriteString("|")
	for col := 0; col < width; col++ {
		a := docx.Left
		if len(t.Rows) > 1 {
			a = colAlign(t.Rows[1], col)
		}
		switch a {
		case docx.Center:
			b.WriteString(":---:|")
		case docx.Right:
			b.WriteString("---:|")
		default:
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows[1:] {
		row(r, false)
	}
	return b.String()
}

func colAlign(r docx.Row, col int) docx.Align {
	n := 0
	for _, c := range r.Cells {
		if n == col {
			for _, bl := range c.Blocks {
				if bl.Para != nil {
					return bl.Para.Align
				}
			}
			return docx.Left
		}
		n += c.Span
	}
	return docx.Left
}

func cellMarkdown(c docx.Cell, header bool) string {
	var parts []string
	for _, bl := range c.Blocks {
		if bl.Para == nil {
			continue
		}
		s := inline(bl.Para)
		if header {
			s = strings.TrimSuffix(strings.TrimPrefix(s, "**"), "**")
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}
