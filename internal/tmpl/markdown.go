package tmpl

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/model"
)

// newParser returns a CommonMark parser with the GFM table extension. A Set
// builds one and parses every document with it: a goldmark parser keeps the
// state of a parse in its parser.Context, and sets itself up once (under a
// sync.Once) on its first Parse, so documents built concurrently may share
// it. It is not a package variable: no global state.
func newParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
}

// origin tells where each byte of a template's output comes from: the
// template file, or a Markdown value of the data (spans).
type origin struct {
	file  string // the template file
	spans []span // Markdown values, in output order
}

// parseDocument converts a template's CommonMark output, parsed with md
// (see newParser), into the body and the appendices of the model:
//
//	# I. MỤC ĐÍCH      → Heading level 1 (upper-cased by format)
//	## 1. Mục đích     → Heading level 2
//	### a) …           → Heading level 3; ####… and setext headings
//	                     (underlined with === or ---) too, level 4–6 as 3
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
//	::: van-ban-kem-theo QUY CHẾ
//	                   → what follows is a text the document issues (Mẫu 1.3,
//	                     model.AttachedText) of that tên loại, on new pages;
//	                     its first "# …" heading is its trích yếu
//
// Every other construct goldmark can produce is either rendered with the
// blocks above, keeping every word of its text, or rejected with a D026
// diagnostic (diag.CodeMarkup) that names it and says what to write
// instead; nothing is dropped silently:
//
//   - rendered: a code block (fenced or indented; an indented paragraph is
//     one) or an HTML block becomes one paragraph per non-blank line, its
//     text verbatim, a fence's info string as a line of its own; inline HTML
//     and code spans are their text; a link is its text followed by
//     " (URL)" (and the title, if any) unless the text is the URL itself;
//     an autolink is its URL; a hard line break is a space (a new căn cứ in
//     a quote); a table, code or HTML block inside a list item follows the
//     item's paragraph (a table loses the indent, the model has none).
//   - rejected, as the model cannot show them or they would lose meaning:
//     a thematic break (--- or *** alone: a rule line NĐ 30 does not use;
//     it carries no words but its author expects to see it), an image, a
//     link reference definition ([x]: URL), a heading or a quote inside a
//     list item, anything but paragraphs inside a quote (a list, heading,
//     table, code, a nested quote >>), an empty heading, list item or quote,
//     a list item that starts with something else than its text, a table row
//     with more cells than its header (GFM would drop the extra cells).
//
// Bounds (diag.CodeLimit): lists nest at most MaxNesting deep (a body whose
// pre-scan estimate exceeds scanNesting is rejected before goldmark sees
// it), a table has at most MaxTableCols columns and MaxTableRows rows.
//
// Positions: a construct that comes from a Markdown value of the data points
// into the TOML file (the value's line and column, plus the construct's
// line and column inside the value, assuming a multi-line value starts on
// the line after its opening """); any other points at the template file,
// at the line of the output, which is the template's line where no
// {{range}} or {{if}} shifted it.
func parseDocument(md parser.Parser, src []byte, o origin) ([]model.Block, []model.Appendix, diag.List) {
	src = bytes.Clone(src)
	if len(src) > 0 && src[len(src)-1] != '\n' {
		// goldmark drops a one-letter fence info string on a last line
		// without its newline ("~~~A").
		src = append(src, '\n')
	}
	ls := lineStarts(src)
	cv := &converter{o: o, lines: ls, full: src, centred: map[int]bool{}}
	if line, est := scanDepth(src); est > scanNesting {
		cv.diags.Add(diag.New(cv.at(ls[line]), diag.CodeLimit, "độ lồng của danh sách và trích dẫn",
			strconv.Itoa(est), strconv.Itoa(MaxNesting), "viết danh sách tối đa vài cấp, không thụt lề quá sâu"))
		return nil, nil, cv.diags
	}
	type part struct {
		start, end int // byte offsets in src
		line       int // first line of the appendix directive
		landscape  bool
		attached   string // the tên loại of an attached text; "" for a phụ lục
	}
	parts := []part{{start: 0}}
	for i := range ls {
		end := len(src)
		if i+1 < len(ls) {
			end = ls[i+1] - 1
		}
		switch d := strings.TrimSpace(string(src[ls[i]:end])); {
		case d == "::: giua":
			for j := i + 1; j < len(ls); j++ {
				e := len(src)
				if j+1 < len(ls) {
					e = ls[j+1]
				}
				if len(bytes.TrimSpace(src[ls[j]:e])) != 0 {
					cv.centred[j] = true
					break
				}
			}
			blank(src[ls[i]:end])
		case d == "::: phu-luc" || d == "::: phu-luc ngang":
			parts[len(parts)-1].end = ls[i]
			parts = append(parts, part{start: ls[i], line: i, landscape: strings.HasSuffix(d, "ngang")})
			blank(src[ls[i]:end])
		case d == attachedDirective || strings.HasPrefix(d, attachedDirective+" "):
			typ := strings.Join(strings.Fields(string(unescape([]byte(strings.TrimPrefix(d, attachedDirective))))), " ")
			if typ == "" {
				cv.diags.Add(diag.New(cv.at(ls[i]), diag.CodeMarkup, "khối \""+attachedDirective+"\" không có tên loại",
					"viết tên loại của văn bản kèm theo trên cùng dòng, ví dụ: "+attachedDirective+" QUY CHẾ"))
				typ = "?"
			}
			parts[len(parts)-1].end = ls[i]
			parts = append(parts, part{start: ls[i], line: i, attached: typ})
			blank(src[ls[i]:end])
		}
	}
	parts[len(parts)-1].end = len(src)
	var body []model.Block
	var apps []model.Appendix
	for k, p := range parts {
		cv.out = nil
		cv.src, cv.base = src[p.start:p.end], p.start
		ctx := parser.NewContext()
		doc := md.Parse(text.NewReader(cv.src), parser.WithContext(ctx))
		cv.references(ctx)
		cv.blocks(doc)
		if k == 0 {
			body = cv.out
			continue
		}
		a := model.Appendix{At: cv.at(ls[p.line]), Landscape: p.landscape}
		if p.attached != "" {
			a.Kind, a.Type = model.AttachedText, p.attached
		}
		if len(cv.out) > 0 {
			if h, ok := cv.out[0].(*model.Heading); ok && h.Level == 1 {
				a.Title = model.PlainText(h.Runs)
				cv.out = cv.out[1:]
			}
		}
		a.Body = cv.out
		apps = append(apps, a)
	}
	if cv.diags.HasErrors() {
		return nil, nil, cv.diags
	}
	return body, apps, cv.diags
}

// attachedDirective opens a text the document issues (Phụ lục III, Mẫu
// 1.3), followed on its line by the text's tên loại.
const attachedDirective = "::: van-ban-kem-theo"

// blank overwrites b with spaces, keeping offsets.
func blank(b []byte) {
	for i := range b {
		b[i] = ' '
	}
}

// lineStarts returns the offset of the start of each line of src.
func lineStarts(src []byte) []int {
	ls := []int{0}
	for i, c := range src {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// scanDepth estimates, line by line and without parsing, how deep lists
// and quotes nest: half the indentation plus the container markers ("> ",
// "- ", "1. ") that open the line. It returns the deepest line and its
// estimate, an upper bound of the real nesting.
func scanDepth(src []byte) (line, est int) {
	ln := 0
	for i := 0; i <= len(src); ln++ {
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i
		}
		l := src[i:end]
		cols, j, marks := 0, 0, 0
		for j < len(l) && (l[j] == ' ' || l[j] == '\t') {
			if l[j] == '\t' {
				cols += 4
			} else {
				cols++
			}
			j++
		}
		for j < len(l) {
			k := j
			switch {
			case l[k] == '>':
				k++
			case l[k] == '-' || l[k] == '+' || l[k] == '*':
				k++
				if k < len(l) && l[k] != ' ' && l[k] != '\t' {
					k = j
				}
			case l[k] >= '0' && l[k] <= '9':
				for k < len(l) && l[k] >= '0' && l[k] <= '9' {
					k++
				}
				if k < len(l) && (l[k] == '.' || l[k] == ')') && (k+1 == len(l) || l[k+1] == ' ' || l[k+1] == '\t') {
					k++
				} else {
					k = j
				}
			}
			if k == j {
				break
			}
			marks++
			for k < len(l) && (l[k] == ' ' || l[k] == '\t') {
				k++
			}
			j = k
		}
		if e := cols/2 + marks; e > est {
			line, est = ln, e
		}
		i = end + 1
	}
	return line, est
}

type converter struct {
	o       origin
	full    []byte // the whole output, directive lines blanked
	lines   []int  // lineStarts(full)
	src     []byte // the part being converted
	base    int    // offset of src in full
	out     []model.Block
	centred map[int]bool // 0-based lines of centred paragraphs
	diags   diag.List
	nmarkup int // markup diagnostics so far
}

// line returns the 0-based line of the absolute offset off.
func (c *converter) line(off int) int {
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off }) - 1
}

// at returns the position of the absolute offset off: inside the Markdown
// value of the data it comes from, or in the template file.
func (c *converter) at(off int) diag.Pos {
	off = min(max(off, 0), len(c.full))
	spans := c.o.spans
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end > off })
	if i < len(spans) && spans[i].start <= off && spans[i].at.File != "" {
		s := spans[i]
		rel := c.full[s.start:off]
		k := bytes.Count(rel, []byte{'\n'})
		col := utf8.RuneCount(rel[bytes.LastIndexByte(rel, '\n')+1:]) + 1
		p := s.at
		switch {
		case s.multiline:
			p.Line += 1 + k
			p.Col = col
		default:
			p.Col += col // after the opening quote
		}
		return p
	}
	ln := c.line(off)
	return diag.Pos{File: c.o.file, Line: ln + 1, Col: utf8.RuneCount(c.full[c.lines[ln]:off]) + 1}
}

// start returns the offset in src where n begins: a block's own position
// (its marker, fence or first character), else its first line or text.
func (c *converter) start(n ast.Node) int {
	for m := n; m != nil; m = m.FirstChild() {
		if t, ok := m.(*ast.Text); ok {
			return t.Segment.Start
		}
		if p := m.Pos(); p >= 0 {
			return p
		}
		if m.Type() == ast.TypeBlock {
			if l := m.Lines(); l != nil && l.Len() > 0 {
				return l.At(0).Start
			}
		}
	}
	return 0
}

// pos returns the position of n.
func (c *converter) pos(n ast.Node) diag.Pos { return c.at(c.base + c.start(n)) }

// reject reports that n, a construct the model cannot express, is in the
// body; what names it, hint says what to write instead.
func (c *converter) reject(n ast.Node, what, hint string) {
	c.rejectAt(c.pos(n), what, hint)
}

func (c *converter) rejectAt(p diag.Pos, what, hint string) {
	if c.nmarkup++; c.nmarkup > maxMarkupDiags {
		return
	}
	c.diags.Add(diag.New(p, diag.CodeMarkup, what, hint))
}

// Hints shared by several rejections.
const (
	hintBasis = "căn cứ viết mỗi dòng một đoạn bắt đầu bằng > , không lồng nhau, không thụt lề"
	hintRule  = "văn bản hành chính không dùng đường kẻ ngang: xóa dòng này, hoặc viết \\--- nếu cần chính các dấu đó"
	hintOther = "viết lại thành đoạn văn, đề mục (#), danh sách (-, 1.), bảng (| … |) hoặc căn cứ (>)"
)

// name returns the Vietnamese name of a block construct.
func name(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Heading:
		return "đề mục (#)"
	case *ast.List:
		return "danh sách"
	case *ast.Blockquote:
		return "trích dẫn (>)"
	case *east.Table:
		return "bảng"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "khối mã"
	case *ast.HTMLBlock:
		return "khối HTML"
	case *ast.ThematicBreak:
		return "đường kẻ ngang (---, ***)"
	default:
		return fmt.Sprintf("thành phần %s", n.Kind())
	}
}

// articleLabel is the bold label that opens an article: "Điều 1.", "Điều 12:".
var articleLabel = regexp.MustCompile(`^Điều \d+[.:]`)

// paraRole is the role of a body paragraph: an article when it opens with
// its bold "Điều n." label, as the decree's samples write them.
func paraRole(runs []model.Run) model.Role {
	if len(runs) > 0 && runs[0].Style&model.Bold != 0 && articleLabel.MatchString(runs[0].Text) {
		return model.RoleArticle
	}
	return model.RoleBody
}

func (c *converter) blocks(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			c.heading(n)
		case *ast.Paragraph, *ast.TextBlock:
			at := c.base + c.start(n)
			runs := c.runs(n, 0, false)
			c.out = append(c.out, &model.Para{At: c.at(at), Role: paraRole(runs), Center: c.centred[c.line(at)], Runs: runs})
		case *ast.List:
			c.list(n, 0)
		case *ast.Blockquote:
			c.basis(n)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			c.verbatim(n, 0, "")
		case *east.Table:
			c.table(n)
		case *ast.ThematicBreak:
			c.reject(n, name(n), hintRule)
		default:
			c.reject(n, name(n), hintOther)
		}
	}
}

func (c *converter) heading(n *ast.Heading) {
	runs := c.runs(n, 0, false)
	if len(runs) == 0 {
		c.reject(n, "đề mục trống (# không có chữ)", "viết tên đề mục sau dấu #, hoặc xóa dòng")
		return
	}
	c.out = append(c.out, &model.Heading{At: c.pos(n), Level: min(n.Level, 3), Runs: runs})
}

// verbatim converts a code or HTML block into one paragraph per non-blank
// line, its text as written; marker goes to the first.
func (c *converter) verbatim(n ast.Node, depth int, marker string) {
	var segs []text.Segment
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		segs = append(segs, f.Info.Segment)
	}
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		segs = append(segs, lines.At(i))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		segs = append(segs, h.ClosureLine)
	}
	for _, seg := range segs {
		s := strings.TrimRight(string(seg.Value(c.src)), "\r\n")
		if strings.TrimSpace(s) == "" {
			continue
		}
		c.out = append(c.out, &model.Para{At: c.at(c.base + seg.Start), Role: model.RoleBody, Depth: depth, Marker: marker,
			Runs: []model.Run{{Text: s}}})
		marker = ""
	}
}

// references rejects link reference definitions ("[x]: URL"): goldmark
// takes them out of the text, and their URL would be lost. Each points at
// the first line of the part that starts with its label.
func (c *converter) references(ctx parser.Context) {
	refs := ctx.References()
	if len(refs) == 0 {
		return
	}
	labels := map[string]bool{}
	for _, r := range refs {
		labels[strings.ToLower(string(r.Label()))] = true
	}
	const hint = "viết địa chỉ ngay trong câu, ví dụ: Cổng thông tin (https://…); hoặc viết \\[ nếu cần chính dấu ngoặc"
	for i := c.line(c.base); i < len(c.lines) && c.lines[i] < c.base+len(c.src) && len(labels) > 0; i++ {
		l := string(c.full[c.lines[i]:min(c.base+len(c.src), c.lineEnd(i))])
		open := strings.IndexByte(l, '[')
		if open < 0 || strings.TrimLeft(l[:open], " \t>") != "" {
			continue
		}
		close := strings.Index(l[open:], "]:")
		if close < 0 {
			continue
		}
		label := l[open+1 : open+close]
		if labels[strings.ToLower(label)] {
			delete(labels, strings.ToLower(label))
			c.rejectAt(c.at(c.lines[i]+open), fmt.Sprintf("định nghĩa liên kết [%s]: …", label), hint)
		}
	}
	rest := make([]string, 0, len(labels))
	for l := range labels {
		rest = append(rest, l)
	}
	sort.Strings(rest)
	for _, l := range rest {
		c.rejectAt(c.at(c.base), fmt.Sprintf("định nghĩa liên kết [%s]: …", l), hint)
	}
}

// lineEnd returns the offset of the end of line i (its '\n' excluded).
func (c *converter) lineEnd(i int) int {
	if i+1 < len(c.lines) {
		return c.lines[i+1] - 1
	}
	return len(c.full)
}

// basis converts a block quote into "căn cứ" paragraphs, one per paragraph
// or line, with the punctuation of Phụ lục I, II.6.a: ";" after each, "."
// after the last.
func (c *converter) basis(q *ast.Blockquote) {
	var paras []*model.Para
	if q.FirstChild() == nil {
		c.reject(q, "trích dẫn trống (> không có chữ)", "viết căn cứ sau dấu >, hoặc xóa dòng")
		return
	}
	for n := q.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Paragraph); !ok {
			what := name(n) + " nằm trong trích dẫn (>)"
			if _, nested := n.(*ast.Blockquote); nested {
				what = "trích dẫn lồng nhau (>>)"
			}
			c.reject(n, what, hintBasis)
			continue
		}
		// A hard or soft line break inside the quote also separates bases.
		var cur []model.Run
		at := c.pos(n)
		flush := func() {
			if len(cur) > 0 {
				paras = append(paras, &model.Para{At: at, Role: model.RoleBasis, Runs: trimRuns(cur)})
			}
			cur = nil
		}
		for _, r := range c.runs(n, 0, true) {
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
		last := &p.Runs[len(p.Runs)-1]
		last.Text = format.BasisEnd(last.Text, i == len(paras)-1)
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
	if depth >= MaxNesting {
		c.diags.Add(diag.New(c.pos(l), diag.CodeLimit, "độ lồng của danh sách",
			strconv.Itoa(depth+1), strconv.Itoa(MaxNesting), "viết danh sách tối đa vài cấp, không thụt lề quá sâu"))
		return
	}
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
		if item.FirstChild() == nil {
			c.rejectAt(c.at(c.base+max(item.Pos(), 0)), "mục danh sách trống", "viết nội dung sau dấu mục, hoặc xóa dòng")
			continue
		}
		switch first := item.FirstChild(); first.(type) {
		case *ast.List, *east.Table:
			c.reject(first, "mục danh sách bắt đầu bằng "+name(first),
				"viết nội dung của mục ngay sau dấu mục, rồi mới đến "+name(first))
			continue
		}
		for n := item.FirstChild(); n != nil; n = n.NextSibling() {
			switch n := n.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				p := &model.Para{At: c.pos(n), Role: model.RoleBody, Depth: depth, Marker: marker, Runs: c.runs(n, 0, false)}
				c.out = append(c.out, p)
			case *ast.List:
				c.list(n, depth+1)
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
				c.verbatim(n, depth, marker)
			case *east.Table:
				c.table(n)
			case *ast.Heading:
				c.reject(n, "đề mục (#) nằm trong mục danh sách", "đưa đề mục ra ngoài danh sách: viết # ở đầu dòng, không thụt lề")
			case *ast.Blockquote:
				c.reject(n, "trích dẫn (>) nằm trong mục danh sách", "viết căn cứ ở đầu dòng, ngoài danh sách: "+hintBasis)
			case *ast.ThematicBreak:
				c.reject(n, name(n), hintRule)
			default:
				c.reject(n, name(n)+" nằm trong mục danh sách", hintOther)
			}
			marker = ""
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

func (c *converter) table(t *east.Table) {
	const hint = "chia bảng thành nhiều bảng nhỏ, hoặc đưa số liệu chi tiết ra phụ lục"
	if n := len(t.Alignments); n > MaxTableCols {
		c.diags.Add(diag.New(c.pos(t), diag.CodeLimit, "số cột của bảng", strconv.Itoa(n), strconv.Itoa(MaxTableCols), hint))
		return
	}
	if n := t.ChildCount(); n > MaxTableRows {
		c.diags.Add(diag.New(c.pos(t), diag.CodeLimit, "số hàng của bảng", strconv.Itoa(n), strconv.Itoa(MaxTableRows), hint))
		return
	}
	tb := &model.Table{At: c.pos(t)}
	for _, a := range t.Alignments {
		tb.Align = append(tb.Align, map[east.Alignment]model.Align{
			east.AlignLeft: model.AlignLeft, east.AlignCenter: model.AlignCenter,
			east.AlignRight: model.AlignRight, east.AlignNone: model.AlignDefault,
		}[a])
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		_, header := row.(*east.TableHeader)
		if !header {
			if n := c.cellsWritten(row); n > len(t.Alignments) {
				c.rejectAt(c.at(c.base+row.Pos()), fmt.Sprintf("hàng bảng có %d ô, nhiều hơn %d cột của hàng tiêu đề", n, len(t.Alignments)),
					"thêm cột vào hàng tiêu đề và hàng --- bên dưới nó, hoặc gộp các ô thừa; viết \\| nếu ô cần chính dấu |")
				continue
			}
		}
		var cells []model.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			style := model.RunStyle(0)
			if header {
				style = model.Bold
			}
			cells = append(cells, model.Cell{Runs: c.runs(cell, style, false)})
		}
		if header {
			tb.HeaderRows++
		} else if group(cells) {
			cells = []model.Cell{{Runs: cells[0].Runs, Span: len(cells)}}
		}
		tb.Rows = append(tb.Rows, cells)
	}
	c.out = append(c.out, tb)
}

// cellsWritten counts the cells written on the line of a table row, as the
// GFM table parser splits it (it drops those past the header's count).
func (c *converter) cellsWritten(row ast.Node) int {
	p := row.Pos()
	if p < 0 {
		return 0
	}
	end := bytes.IndexByte(c.src[p:], '\n')
	if end < 0 {
		end = len(c.src) - p
	}
	line := bytes.TrimSpace(c.src[p : p+end])
	line = bytes.TrimPrefix(line, []byte("|"))
	if len(line) > 0 && line[len(line)-1] == '|' && (len(line) < 2 || line[len(line)-2] != '\\') {
		line = line[:len(line)-1]
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return 0
	}
	n := 1
	for i, ch := range line {
		if ch == '|' && (i == 0 || line[i-1] != '\\') {
			n++
		}
	}
	return n
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

// runBuilder collects styled text, merging neighbours of the same style,
// in time linear in the text.
type runBuilder struct {
	out   []model.Run
	cur   strings.Builder
	style model.RunStyle
}

func (b *runBuilder) add(s string, st model.RunStyle) {
	if s == "" {
		return
	}
	if b.cur.Len() > 0 && st != b.style {
		b.flush()
	}
	b.style = st
	b.cur.WriteString(s)
}

func (b *runBuilder) flush() {
	if b.cur.Len() > 0 {
		b.out = append(b.out, model.Run{Text: b.cur.String(), Style: b.style})
		b.cur.Reset()
	}
}

// runs flattens the inline children of n into styled runs, merging
// neighbours of the same style. In a quote, line breaks are kept as "\n".
func (c *converter) runs(n ast.Node, style model.RunStyle, quote bool) []model.Run {
	var b runBuilder
	var walk func(n ast.Node, st model.RunStyle)
	walk = func(n ast.Node, st model.RunStyle) {
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *ast.Text:
				v := ch.Segment.Value(c.src)
				if !ch.IsRaw() {
					v = unescape(v)
				}
				b.add(string(v), st)
				if ch.SoftLineBreak() || ch.HardLineBreak() {
					if quote {
						b.add("\n", st)
					} else {
						b.add(" ", st)
					}
				}
			case *ast.String:
				b.add(string(ch.Value), st)
			case *ast.CodeSpan:
				for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.add(string(tx.Segment.Value(c.src)), st)
					} else if s, ok := t.(*ast.String); ok {
						b.add(string(s.Value), st)
					}
				}
			case *ast.Emphasis:
				if ch.Level >= 2 {
					walk(ch, st|model.Bold)
				} else {
					walk(ch, st|model.Italic)
				}
			case *ast.RawHTML:
				for i := 0; i < ch.Segments.Len(); i++ {
					seg := ch.Segments.At(i)
					b.add(string(seg.Value(c.src)), st)
				}
			case *ast.Link:
				label := len(b.out)
				before := b.cur.Len()
				walk(ch, st)
				dest := string(unescape(ch.Destination))
				var said string
				if len(b.out) == label {
					said = b.cur.String()[before:]
				}
				var extra []string
				if dest != "" && strings.TrimSpace(said) != dest {
					extra = append(extra, dest)
				}
				if t := string(unescape(ch.Title)); t != "" {
					extra = append(extra, t)
				}
				if len(extra) > 0 {
					b.add(" ("+strings.Join(extra, ", ")+")", st)
				}
			case *ast.AutoLink:
				b.add(string(ch.Label(c.src)), st)
			case *ast.Image:
				c.rejectAt(c.at(c.base+c.start(ch)), "hình ảnh ![…](…)",
					"vanban không đặt hình vào nội dung: bỏ hình, hoặc viết \\![ nếu cần chính các dấu đó")
			default:
				walk(ch, st)
			}
		}
	}
	walk(n, style)
	b.flush()
	out := b.out
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
