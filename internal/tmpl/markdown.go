package tmpl

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vanban/internal/diag"
	"vanban/internal/model"
)

// newParser returns a CommonMark parser with the GFM table extension. It is
// built per call: goldmark parsers are cheap and this keeps no global state.
func newParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
}

// parseDocument converts a template's CommonMark output into the body and
// the appendices of the model:
//
//	# I. MỤC ĐÍCH      → Heading level 1 (upper-cased by format)
//	## 1. Mục đích     → Heading level 2
//	### a) …           → Heading level 3
//	paragraph          → Para; **bold** and *italic* become run styles
//	- item / 1. item   → Para with marker "-" / "1."; "1)" lists are lettered "a)", "b)", … "đ)" …
//	| table |          → Table, first row repeated on each page; a row
//	                     with only its first cell filled is a group row
//	                     spanning the table ("I. TẬP THỂ")
//	> Căn cứ …         → Para role can-cu (italic; ";" after each, "." after the last)
//
// Two directive lines, alone on their line, are vanban's own:
//
//	::: giua           → the next paragraph is centred ("QUYẾT ĐỊNH:")
//	::: phu-luc        → what follows is an appendix on new pages; its first
//	::: phu-luc ngang    "# …" heading is its title; "ngang" = landscape
func parseDocument(src []byte, at diag.Pos) ([]model.Block, []model.Appendix) {
	lines := strings.Split(string(src), "\n")
	type part struct {
		start     int // first line (0-based)
		landscape bool
	}
	parts := []part{{start: 0}}
	centred := map[int]bool{} // 0-based line numbers of centred paragraphs
	for i, l := range lines {
		switch d := strings.TrimSpace(l); {
		case d == "::: giua":
			for j := i + 1; j < len(lines); j++ {
				if strings.TrimSpace(lines[j]) != "" {
					centred[j] = true
					break
				}
			}
			lines[i] = ""
		case d == "::: phu-luc" || d == "::: phu-luc ngang":
			parts = append(parts, part{start: i + 1, landscape: strings.HasSuffix(d, "ngang")})
			lines[i] = ""
		}
	}
	var body []model.Block
	var apps []model.Appendix
	for k, p := range parts {
		end := len(lines)
		if k+1 < len(parts) {
			end = parts[k+1].start - 1
		}
		// Keep the lines before the part blank, so line numbers stay those of
		// the whole output.
		chunk := strings.Repeat("\n", p.start) + strings.Join(lines[p.start:end], "\n")
		c := converter{src: []byte(chunk), at: at, centred: centred}
		c.blocks(newParser().Parse(text.NewReader(c.src)), 0)
		if k == 0 {
			body = c.out
			continue
		}
		a := model.Appendix{At: at, Landscape: p.landscape}
		if len(c.out) > 0 {
			if h, ok := c.out[0].(*model.Heading); ok && h.Level == 1 {
				a.Title = model.PlainText(h.Runs)
				c.out = c.out[1:]
			}
		}
		a.Body = c.out
		apps = append(apps, a)
	}
	return body, apps
}

type converter struct {
	src     []byte
	at      diag.Pos
	out     []model.Block
	centred map[int]bool
}

// line returns the 0-based line of n's first line in src.
func (c *converter) line(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return strings.Count(string(c.src[:l.At(0).Start]), "\n")
	}
	return -1
}

func (c *converter) pos(n ast.Node) diag.Pos {
	p := c.at
	if l := n.Lines(); l != nil && l.Len() > 0 {
		p.Line = c.at.Line + strings.Count(string(c.src[:l.At(0).Start]), "\n")
	}
	return p
}

func (c *converter) blocks(parent ast.Node, depth int) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			lvl := min(n.Level, 3)
			c.out = append(c.out, &model.Heading{At: c.pos(n), Level: lvl, Runs: c.runs(n, 0)})
		case *ast.Paragraph, *ast.TextBlock:
			c.out = append(c.out, &model.Para{At: c.pos(n), Role: model.RoleBody, Center: c.centred[c.line(n)], Runs: c.runs(n, 0)})
		case *ast.List:
			c.list(n, depth)
		case *ast.Blockquote:
			c.basis(n)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				s := strings.TrimRight(string(seg.Value(c.src)), "\r\n")
				if strings.TrimSpace(s) != "" {
					c.out = append(c.out, &model.Para{At: c.pos(n), Role: model.RoleBody, Runs: []model.Run{{Text: s}}})
				}
			}
		case *east.Table:
			c.table(n)
		}
	}
}

// basis converts a block quote into "căn cứ" paragraphs, one per paragraph
// or line, with the punctuation of Phụ lục I, II.6.a: ";" after each, "."
// after the last.
func (c *converter) basis(q *ast.Blockquote) {
	var paras []*model.Para
	for n := q.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Paragraph); !ok {
			continue
		}
		// A hard or soft line break inside the quote also separates bases.
		var cur []model.Run
		flush := func() {
			if len(cur) > 0 {
				paras = append(paras, &model.Para{At: c.pos(n), Role: model.RoleBasis, Runs: trimRuns(cur)})
			}
			cur = nil
		}
		for _, r := range c.runs(n, 0) {
			parts := strings.Split(r.Text, "\n")
			for i, p := range parts {
				if i > 0 {
					flush()
				}
				if p != "" {
					cur = append(cur, model.Run{Text: p, Style: r.Style})
				}
			}
		}
		flush()
	}
	for i, p := range paras {
		end := ";"
		if i == len(paras)-1 {
			end = "."
		}
		last := &p.Runs[len(p.Runs)-1]
		last.Text = strings.TrimRight(last.Text, ";,. ") + end
		c.out = append(c.out, p)
	}
}

func trimRuns(runs []model.Run) []model.Run {
	out := append([]model.Run(nil), runs...)
	out[0].Text = strings.TrimLeft(out[0].Text, " ")
	out[len(out)-1].Text = strings.TrimRight(out[len(out)-1].Text, " ")
	return out
}

func (c *converter) list(l *ast.List, depth int) {
	i := l.Start
	if i == 0 {
		i = 1
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := bullet(depth)
		if l.IsOrdered() {
			if l.Marker == ')' {
				marker = letter(i) + ")"
			} else {
				marker = strconv.Itoa(i) + "."
			}
			i++
		}
		first := true
		for n := item.FirstChild(); n != nil; n = n.NextSibling() {
			switch n := n.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				p := &model.Para{At: c.pos(n), Role: model.RoleBody, Depth: depth, Runs: c.runs(n, 0)}
				if first {
					p.Marker = marker
				}
				c.out = append(c.out, p)
			case *ast.List:
				c.list(n, depth+1)
			}
			first = false
		}
	}
}

// bullet returns the dash Vietnamese documents use at each list depth.
func bullet(depth int) string {
	if depth%2 == 1 {
		return "+"
	}
	return "-"
}

// letter returns the n-th letter of the Vietnamese alphabet as NĐ 30 numbers
// điểm: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y.
func letter(n int) string {
	const abc = "abcdđeghiklmnopqrstuvxy"
	rs := []rune(abc)
	if n < 1 {
		n = 1
	}
	s := ""
	for n > 0 {
		n--
		s = string(rs[n%len(rs)]) + s
		n /= len(rs)
	}
	return s
}

// inQuote reports whether n lies in a block quote.
func (c *converter) inQuote(n ast.Node) bool {
	for p := n; p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Blockquote); ok {
			return true
		}
	}
	return false
}

func (c *converter) table(t *east.Table) {
	tb := &model.Table{At: c.pos(t)}
	for _, a := range t.Alignments {
		tb.Align = append(tb.Align, map[east.Alignment]model.Align{
			east.AlignLeft: model.AlignLeft, east.AlignCenter: model.AlignCenter,
			east.AlignRight: model.AlignRight, east.AlignNone: model.AlignDefault,
		}[a])
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []model.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			style := model.RunStyle(0)
			if _, ok := row.(*east.TableHeader); ok {
				style = model.Bold
			}
			cells = append(cells, model.Cell{Runs: c.runs(cell, style)})
		}
		if _, ok := row.(*east.TableHeader); ok {
			tb.HeaderRows++
		} else if group(cells) {
			cells = []model.Cell{{Runs: cells[0].Runs, Span: len(cells)}}
		}
		tb.Rows = append(tb.Rows, cells)
	}
	c.out = append(c.out, tb)
}

// group reports whether a body row is a group row: first cell filled, the
// others empty.
func group(cells []model.Cell) bool {
	if len(cells) < 2 || len(cells[0].Runs) == 0 {
		return false
	}
	for _, c := range cells[1:] {
		if strings.TrimSpace(model.PlainText(c.Runs)) != "" {
			return false
		}
	}
	return true
}

// runs flattens the inline children of n into styled runs, merging
// neighbours of the same style.
func (c *converter) runs(n ast.Node, style model.RunStyle) []model.Run {
	var out []model.Run
	add := func(s string, st model.RunStyle) {
		if s == "" {
			return
		}
		if k := len(out); k > 0 && out[k-1].Style == st {
			out[k-1].Text += s
			return
		}
		out = append(out, model.Run{Text: s, Style: st})
	}
	var walk func(n ast.Node, st model.RunStyle)
	walk = func(n ast.Node, st model.RunStyle) {
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *ast.Text:
				v := ch.Segment.Value(c.src)
				if !ch.IsRaw() {
					v = unescape(v)
				}
				add(string(v), st)
				if ch.SoftLineBreak() || ch.HardLineBreak() {
					if c.inQuote(n) {
						add("\n", st)
					} else {
						add(" ", st)
					}
				}
			case *ast.String:
				add(string(ch.Value), st)
			case *ast.CodeSpan:
				var b strings.Builder
				for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.Write(tx.Segment.Value(c.src))
					}
				}
				add(b.String(), st)
			case *ast.Emphasis:
				if ch.Level >= 2 {
					walk(ch, st|model.Bold)
				} else {
					walk(ch, st|model.Italic)
				}
			case *ast.RawHTML:
				for i := 0; i < ch.Segments.Len(); i++ {
					seg := ch.Segments.At(i)
					add(string(seg.Value(c.src)), st)
				}
			default:
				walk(ch, st)
			}
		}
	}
	walk(n, style)
	// Trim the paragraph's outer spaces; keep inner ones exactly.
	if k := len(out); k > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[k-1].Text = strings.TrimRight(out[k-1].Text, " ")
		if out[k-1].Text == "" {
			out = out[:k-1]
		}
		if len(out) > 0 && out[0].Text == "" {
			out = out[1:]
		}
	}
	return out
}

// unescape resolves backslash escapes and entity references in one pass, as
// CommonMark reads them: an escaped "\\&amp;" stays the text "&amp;".
func unescape(v []byte) []byte {
	resolve := func(b []byte) []byte { return util.ResolveEntityNames(util.ResolveNumericReferences(b)) }
	var out []byte
	start := 0
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			out = append(out, resolve(v[start:i])...)
			out = append(out, v[i+1])
			i++
			start = i + 1
		}
	}
	return append(out, resolve(v[start:])...)
}
