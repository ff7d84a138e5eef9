package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/format"
	"vanban/internal/model"
)

// Selection is the part of a document a trích sao reproduces: "bản sao
// chính xác phần nội dung … cần trích sao" (NĐ 30, Điều 3.12), made "bằng
// việc tạo lập lại đầy đủ thể thức, phần nội dung văn bản cần trích sao"
// (Điều 25.3.b). The clerk names the part by what is printed (vanban sao
// -phan), parts separated by ";":
//
//	Điều 1          Điều 1,3     Điều 1-2        articles of a Quyết định, Nghị quyết
//	II              II.1         Mục II.1        a section by its printed number
//	Mục đích                                     a section by the start of its heading
//	Phụ lục         Phụ lục II                   a phụ lục (every one, or the n-th)
//	Phụ lục: Trần Văn Bình, Lê Thị Hoa           only the table rows containing a text
//
// The zero value selects nothing (a sao y, a sao lục).
type Selection struct {
	text  string
	items []selector
}

// selector is one ";"-separated part of a Selection.
type selector struct {
	kind     selKind
	text     string   // as typed, for messages
	spans    [][2]int // selArticles: the numbers asked for, ranges inclusive
	label    string   // selSection by number: "II.1", upper case, no final dot
	title    string   // selSection by heading: lower case start of the heading
	appendix int      // selAppendix: the phụ lục's number from 1; 0 for every one
	rows     []string // selAppendix: texts a kept row contains, as typed; nil keeps every row
}

type selKind uint8

const (
	selArticles selKind = iota + 1
	selSection
	selAppendix
)

// PartError is a -phan the document cannot give: a typing mistake, or a
// part the document does not have. Its text is for the clerk, in
// Vietnamese, and names what the document has.
type PartError struct{ Msg string }

func (e *PartError) Error() string { return e.Msg }

func partErr(format string, args ...any) *PartError {
	return &PartError{Msg: fmt.Sprintf(format, args...)}
}

// IsZero reports whether s selects nothing.
func (s Selection) IsZero() bool { return len(s.items) == 0 }

// String is the selection as typed.
func (s Selection) String() string { return s.text }

// ParseSelection reads a -phan value (see Selection). Its errors are
// *PartError.
func ParseSelection(text string) (Selection, error) {
	text = strings.TrimSpace(norm.NFC.String(text))
	out := Selection{text: text}
	for _, part := range strings.Split(text, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		sel, err := parseSelector(part)
		if err != nil {
			return Selection{}, err
		}
		out.items = append(out.items, sel)
	}
	if len(out.items) == 0 {
		return Selection{}, partErr(`-phan trống; ghi phần cần trích, ví dụ -phan "Điều 1; Phụ lục: Nguyễn Văn An"`)
	}
	return out, nil
}

var (
	// sectionLabel is a section's printed number as typed: "II", "II.1",
	// "II.1.a", "2".
	sectionLabel = regexp.MustCompile(`^(?i:[ivxlcdm]+|\d+)(\.(\d+|[a-zđ]))*\.?$`)
	// headingLabel is the number a heading is printed with: "I. ", "1. ",
	// "a) " (NĐ 30, Phụ lục I, II.6.c–đ).
	headingLabel = regexp.MustCompile(`^\s*([IVXLCDM]+\.|\d+\.|[a-zđ]\))\s*`)
	// articleNumber is the number of a "Điều 1." paragraph.
	articleNumber = regexp.MustCompile(`^\s*Điều\s+(\d+)`)
)

// keyword reports whether s starts with word (given without diacritics,
// lower case) as a whole word, with or without diacritics, and returns
// the rest of s after it.
func keyword(s, word string) (string, bool) {
	r := []rune(s)
	w := []rune(word)
	if len(r) < len(w) {
		return "", false
	}
	for i, c := range w {
		if foldRune(unicode.ToLower(r[i])) != c {
			return "", false
		}
	}
	if len(r) > len(w) && (unicode.IsLetter(r[len(w)])) {
		return "", false
	}
	return strings.TrimSpace(string(r[len(w):])), true
}

func parseSelector(s string) (selector, error) {
	sel := selector{text: s}
	if rest, ok := keyword(s, "dieu"); ok {
		sel.kind = selArticles
		for _, item := range strings.Split(rest, ",") {
			item = strings.TrimSuffix(strings.TrimSpace(item), ".")
			lo, hi, isRange := strings.Cut(strings.ReplaceAll(item, "–", "-"), "-")
			a, errA := strconv.Atoi(strings.TrimSpace(lo))
			b, errB := a, error(nil)
			if isRange {
				b, errB = strconv.Atoi(strings.TrimSpace(hi))
			}
			if errA != nil || errB != nil || a < 1 || b < a || b > 9999 {
				return sel, partErr(`-phan %q: không đọc được số điều %q; viết ví dụ "Điều 1", "Điều 1,3" hoặc "Điều 1-2"`, s, item)
			}
			sel.spans = append(sel.spans, [2]int{a, b})
		}
		return sel, nil
	}
	if rest, ok := keyword(s, "phu luc"); ok {
		sel.kind = selAppendix
		num, names, hasNames := strings.Cut(rest, ":")
		num = strings.TrimSpace(num)
		if num != "" {
			n, ok := romanOrNumber(num)
			if !ok {
				return sel, partErr(`-phan %q: không đọc được số phụ lục %q; viết ví dụ "Phụ lục", "Phụ lục II" hoặc "Phụ lục: Nguyễn Văn An"`, s, num)
			}
			sel.appendix = n
		}
		if hasNames {
			for _, name := range strings.Split(names, ",") {
				if name = strings.TrimSpace(name); name != "" {
					sel.rows = append(sel.rows, name)
				}
			}
			if len(sel.rows) == 0 {
				return sel, partErr(`-phan %q: sau dấu hai chấm cần tên (hoặc chữ) có trong dòng cần trích, ví dụ "Phụ lục: Nguyễn Văn An"`, s)
			}
		}
		return sel, nil
	}
	sel.kind = selSection
	label := s
	for _, w := range []string{"muc", "phan"} {
		if rest, ok := keyword(s, w); ok {
			label = rest
		}
	}
	if sectionLabel.MatchString(label) {
		sel.label = strings.ToUpper(strings.TrimSuffix(label, "."))
		return sel, nil
	}
	sel.title = strings.ToLower(s)
	return sel, nil
}

// romanOrNumber reads "II" or "2".
func romanOrNumber(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n > 0
	}
	for n := 1; n <= 100; n++ {
		if strings.EqualFold(format.Roman(n), s) {
			return n, true
		}
	}
	return 0, false
}

// foldRune drops the diacritics of a Vietnamese letter: "ệ" → "e", "đ" → "d".
func foldRune(r rune) rune {
	switch r {
	case 'đ':
		return 'd'
	case 'Đ':
		return 'D'
	}
	if r < 0x80 {
		return r
	}
	d := []rune(norm.NFD.String(string(r)))
	return d[0]
}

// heading is a heading of the body, as the clerk sees it printed.
type heading struct {
	at, end int    // index in the body; end of its section (next heading of its level or higher)
	level   int    // 1 "I.", 2 "1.", 3 "a)"
	path    string // "II.1"; "" when it or a heading above it has no number
	title   string // the text after its number, lower case
	text    string // the whole text, as printed
}

// article is a "Điều N." paragraph and what follows it up to the next
// article or heading.
type article struct{ at, end, num int }

// outline is what Selection can pick in a document.
type outline struct {
	heads      []heading
	arts       []article
	appendices []int // indices in doc.Appendices of the phụ lục (attached texts are not)
}

func outlineOf(doc *model.Document) outline {
	var o outline
	var path []string
	for i, b := range doc.Body {
		switch b := b.(type) {
		case *model.Heading:
			text := model.PlainText(b.Runs)
			label, title := "", text
			if m := headingLabel.FindStringSubmatch(text); m != nil {
				label = strings.TrimRight(m[1], ".)")
				title = text[len(m[0]):]
			}
			lv := max(b.Level, 1)
			for len(path) < lv {
				path = append(path, "")
			}
			path = append(path[:lv-1], label)
			full := strings.Join(path, ".")
			if slices.Contains(path, "") {
				full = ""
			}
			o.heads = append(o.heads, heading{at: i, level: lv, path: strings.ToUpper(full), title: strings.ToLower(title), text: text})
		case *model.Para:
			if b.Role == model.RoleArticle {
				if m := articleNumber.FindStringSubmatch(model.PlainText(b.Runs)); m != nil {
					n, _ := strconv.Atoi(m[1])
					o.arts = append(o.arts, article{at: i, num: n})
				}
			}
		}
	}
	for k := range o.heads {
		h := &o.heads[k]
		h.end = len(doc.Body)
		for _, n := range o.heads[k+1:] {
			if n.level <= h.level {
				h.end = n.at
				break
			}
		}
	}
	for k := range o.arts {
		a := &o.arts[k]
		a.end = len(doc.Body)
		for i := a.at + 1; i < len(doc.Body); i++ {
			if p, ok := doc.Body[i].(*model.Para); ok && p.Role == model.RoleArticle {
				a.end = i
				break
			}
			if _, ok := doc.Body[i].(*model.Heading); ok {
				a.end = i
				break
			}
		}
	}
	for i, a := range doc.Appendices {
		if a.Kind == model.PlainAppendix {
			o.appendices = append(o.appendices, i)
		}
	}
	return o
}

// has lists what the document has to select, for messages: "Điều 1, 2,
// 3; mục I, I.1, II; Phụ lục "DANH SÁCH …"".
func (o outline) has(doc *model.Document) string {
	var parts []string
	if len(o.arts) > 0 {
		var ns []string
		for _, a := range o.arts {
			ns = append(ns, strconv.Itoa(a.num))
		}
		parts = append(parts, "Điều "+strings.Join(ns, ", "))
	}
	if len(o.heads) > 0 {
		var hs []string
		for _, h := range o.heads {
			if h.path != "" {
				hs = append(hs, h.path)
			} else {
				hs = append(hs, strconv.Quote(h.text))
			}
		}
		parts = append(parts, "mục "+strings.Join(hs, ", "))
	}
	for k, i := range o.appendices {
		parts = append(parts, fmt.Sprintf("%s %q", o.appendixName(k+1), oneLine(doc.Appendices[i].Title)))
	}
	if len(parts) == 0 {
		return "văn bản không có điều, mục có số hay phụ lục nào để trích"
	}
	return "văn bản có: " + strings.Join(parts, "; ")
}

// appendixName is how the n-th phụ lục is printed: "Phụ lục" when it is
// the only one, else "Phụ lục II" (Phụ lục I, III.1.a–b).
func (o outline) appendixName(n int) string {
	if len(o.appendices) < 2 {
		return "Phụ lục"
	}
	return format.AppendixNumberText(n)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// extract is a trích sao's document and what it says of its part.
type extract struct {
	doc  *model.Document
	desc string // "Điều 1; Phụ lục (Trần Văn Bình)", in the document's order
}

// apply returns the trích sao of doc that s selects: doc's thể thức
// (header, number, date, tên loại and trích yếu, thẩm quyền, signature,
// Nơi nhận, marks) unchanged, its content reduced to the parts selected,
// in the document's order, each with the headings above it. doc is not
// changed. A part doc does not have is a *PartError naming what it has.
func (s Selection) apply(doc *model.Document) (extract, error) {
	o := outlineOf(doc)
	keep := make([]bool, len(doc.Body))
	type item struct {
		at   int
		text string
	}
	var descs []item
	var arts []int // article numbers selected, in the document's order
	var sections []heading
	artAt := len(doc.Body)
	apps := map[int][]string{} // index in o.appendices → row texts; nil: every row
	all := map[int]bool{}
	missing := func(what string) error {
		return partErr("-phan %q: văn bản không có %s; %s", s.text, what, o.has(doc))
	}
	for _, sel := range s.items {
		switch sel.kind {
		case selArticles:
			for _, sp := range sel.spans {
				for n := sp[0]; n <= sp[1]; n++ {
					k := slices.IndexFunc(o.arts, func(a article) bool { return a.num == n })
					if k < 0 {
						return extract{}, missing(fmt.Sprintf("Điều %d", n))
					}
					a := o.arts[k]
					for i := a.at; i < a.end; i++ {
						keep[i] = true
					}
					if !slices.Contains(arts, n) {
						arts = append(arts, n)
					}
					artAt = min(artAt, a.at)
				}
			}
		case selSection:
			found := false
			// By heading: a heading that is the text typed wins over
			// those that start with it ("Mục đích" is "1. Mục đích",
			// not "I. MỤC ĐÍCH, YÊU CẦU").
			exact := slices.ContainsFunc(o.heads, func(h heading) bool { return sel.label == "" && h.title == sel.title })
			for _, h := range o.heads {
				if sel.label != "" && h.path != sel.label {
					continue
				}
				if sel.label == "" && (exact && h.title != sel.title ||
					!startsWord(h.title, sel.title) && !startsWord(strings.ToLower(h.text), sel.title)) {
					continue
				}
				found = true
				sections = append(sections, h)
				for i := h.at; i < h.end; i++ {
					keep[i] = true
				}
				d := "mục " + strconv.Quote(h.text)
				if h.path != "" {
					d = "Mục " + h.path
				}
				descs = append(descs, item{h.at, d})
			}
			if !found {
				what := "mục " + sel.label
				if sel.label == "" {
					what = fmt.Sprintf("mục nào bắt đầu bằng %q", sel.text)
				}
				return extract{}, missing(what)
			}
		case selAppendix:
			ks := []int{}
			switch {
			case len(o.appendices) == 0:
				return extract{}, missing("phụ lục")
			case sel.appendix == 0:
				for k := range o.appendices {
					ks = append(ks, k)
				}
			case sel.appendix > len(o.appendices):
				return extract{}, missing(format.AppendixNumberText(sel.appendix))
			default:
				ks = append(ks, sel.appendix-1)
			}
			for _, k := range ks {
				if sel.rows == nil {
					all[k] = true
				}
				if _, ok := apps[k]; !ok {
					apps[k] = []string{}
				}
				for _, r := range sel.rows {
					if !slices.Contains(apps[k], r) {
						apps[k] = append(apps[k], r)
					}
				}
			}
		}
	}
	if len(arts) > 0 {
		slices.Sort(arts)
		var ns []string
		for _, n := range arts {
			ns = append(ns, strconv.Itoa(n))
		}
		descs = append(descs, item{artAt, "Điều " + strings.Join(ns, ", ")})
	}

	if !slices.Contains(keep, true) {
		// A phụ lục alone: the document's content cannot be left
		// empty, and which of it leads to the phụ lục is the clerk's
		// to say (the article that awards, the section that lists).
		return extract{}, partErr(`-phan %q: bản trích sao cần cả phần nội dung của văn bản dẫn tới phụ lục (điều hoặc mục), ví dụ -phan "Điều 1; %s"; %s`,
			s.text, s.text, o.has(doc))
	}
	out := *doc
	out.Body = nil
	{
		// The headings above a part give it its place (a "1." under
		// "II."), so they come with it, without their other content.
		for _, h := range o.heads {
			for i := h.at + 1; i < h.end; i++ {
				if keep[i] {
					keep[h.at] = true
					break
				}
			}
		}
		// What precedes the first article or section: the căn cứ, "Theo
		// đề nghị của …" and "QUYẾT ĐỊNH:" of a Quyết định or Nghị
		// quyết are kept, as trích sao of Quyết định are made in
		// practice (the basis and the enacting words give the articles
		// their force); the opening text of a Kế hoạch or Báo cáo is
		// content like any other, left out unless it is a căn cứ.
		// UNCERTAIN: NĐ 30 (Điều 25.3.b: "tạo lập lại đầy đủ thể thức,
		// phần nội dung văn bản cần trích sao") counts căn cứ as
		// content and does not say whether a trích sao repeats them.
		first := len(doc.Body)
		if len(o.arts) > 0 {
			first = o.arts[0].at
		}
		if len(o.heads) > 0 {
			first = min(first, o.heads[0].at)
		}
		for i := 0; i < first; i++ {
			p, ok := doc.Body[i].(*model.Para)
			keep[i] = len(o.arts) > 0 || (ok && p.Role == model.RoleBasis)
		}
		for i, b := range doc.Body {
			if keep[i] {
				out.Body = append(out.Body, b)
			}
		}
	}

	// The phụ lục kept, their tables reduced to the rows asked for; a
	// phụ lục asked for by rows ("Phụ lục: …" of a document with several)
	// where none of them is has no part in the copy. Every text asked for
	// must be in some row.
	var kept []int
	tables := map[int]model.Appendix{}
	found := map[string]bool{}
	var rows []string // the rows searched, for the message
	var asked []string
	for k, i := range o.appendices {
		texts, ok := apps[k]
		if !ok {
			continue
		}
		a := doc.Appendices[i]
		if !all[k] {
			var hit []bool
			var names []string
			a, hit, names = keepRows(a, texts)
			rows = append(rows, names...)
			hitAny := false
			for n, t := range texts {
				found[t] = found[t] || hit[n]
				hitAny = hitAny || hit[n]
				if !slices.Contains(asked, t) {
					asked = append(asked, t)
				}
			}
			if !hitAny {
				continue
			}
		}
		tables[k] = a
		kept = append(kept, k)
	}
	for _, t := range asked {
		if !found[t] {
			if len(rows) > 12 {
				rows = append(rows[:12:12], "…")
			}
			return extract{}, partErr("-phan %q: phụ lục không có dòng nào chứa %q; các dòng có: %s", s.text, t, strings.Join(rows, ", "))
		}
	}
	// Phụ lục are numbered by position when there are two or more
	// (resolve prints "Phụ lục I, II, …"), so a selection that would print
	// another number than the original's is refused rather than copied
	// wrong.
	if len(kept) > 0 && len(o.appendices) >= 2 && (len(kept) < 2 || kept[len(kept)-1] != len(kept)-1) {
		var names []string
		for _, k := range kept {
			names = append(names, format.AppendixNumberText(k+1))
		}
		return extract{}, partErr("-phan %q: chưa trích sao riêng được %s của văn bản có %d phụ lục (số phụ lục in trên bản trích sao sẽ khác bản gốc); chọn từ Phụ lục I đến phụ lục cần trích, hoặc dùng sao y",
			s.text, strings.Join(names, ", "), len(o.appendices))
	}
	out.Appendices = nil
	for _, k := range kept {
		out.Appendices = append(out.Appendices, tables[k])
		name := o.appendixName(k + 1)
		if !all[k] {
			name += " (" + strings.Join(apps[k], ", ") + ")"
		}
		descs = append(descs, item{len(doc.Body) + o.appendices[k], name})
	}
	// A trích sao is one file: its phụ lục are in it even when the
	// original issues them in files of their own.
	out.SeparateAppendices = false

	slices.SortStableFunc(descs, func(a, b item) int { return a.at - b.at })
	var ds []string
	for _, d := range descs {
		// A section inside another one selected is said by the outer.
		inside := slices.ContainsFunc(sections, func(h heading) bool { return h.at < d.at && d.at < h.end })
		if !inside && !slices.Contains(ds, d.text) {
			ds = append(ds, d.text)
		}
	}
	return extract{doc: &out, desc: strings.Join(ds, "; ")}, nil
}

// containsWord reports whether s holds sub starting and ending at word
// boundaries.
func containsWord(s, sub string) bool {
	if sub == "" {
		return false
	}
	for i := 0; i <= len(s)-len(sub); {
		k := strings.Index(s[i:], sub)
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(sub):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[k:])
		i = k + n
	}
	return false
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// startsWord reports whether s starts with prefix ending at a word's end.
func startsWord(s, prefix string) bool {
	if prefix == "" || !strings.HasPrefix(s, prefix) {
		return false
	}
	rest := []rune(s[len(prefix):])
	return len(rest) == 0 || !(unicode.IsLetter(rest[0]) || unicode.IsDigit(rest[0]))
}

// keepRows returns a with its tables reduced to the header rows, the rows
// containing one of texts (case aside, as whole words anywhere in the
// row: "Hà" is not in "hành chính"), and the group
// rows ("I. TẬP THỂ", "1. Xã A") above those; a table left without such a
// row is dropped. The other blocks of a (its closing line) are kept: a
// trích sao copies the part's text as written. found tells which texts
// are in some row; names names every row there is, for messages.
func keepRows(a model.Appendix, texts []string) (out model.Appendix, found []bool, names []string) {
	found = make([]bool, len(texts))
	out = a
	out.Body = nil
	for _, b := range a.Body {
		t, ok := b.(*model.Table)
		if !ok {
			out.Body = append(out.Body, b)
			continue
		}
		head := min(t.HeaderRows, len(t.Rows))
		nt := *t
		nt.Rows = append([][]model.Cell(nil), t.Rows[:head]...)
		// The group rows above the current row, outermost first; a
		// group row is copied once, when a row under it is kept.
		type group struct {
			row  []model.Cell
			rank int
			kept bool
		}
		var stack []*group
		keptAny := false
		for _, row := range t.Rows[head:] {
			if isGroup(row, t) {
				r := groupRank(rowText(row))
				for len(stack) > 0 && stack[len(stack)-1].rank >= r {
					stack = stack[:len(stack)-1]
				}
				stack = append(stack, &group{row: row, rank: r})
				continue
			}
			names = append(names, rowName(row))
			hit := false
			for i, s := range texts {
				// Cell by cell: a name never spans two cells, and no text
				// between cells can match ("|" matched every row).
				for _, c := range row {
					if containsWord(strings.ToLower(model.PlainText(c.Runs)), strings.ToLower(s)) {
						hit, found[i] = true, true
						break
					}
				}
			}
			if !hit {
				continue
			}
			for _, g := range stack {
				if !g.kept {
					g.kept = true
					nt.Rows = append(nt.Rows, g.row)
				}
			}
			nt.Rows = append(nt.Rows, row)
			keptAny = true
		}
		if keptAny {
			out.Body = append(out.Body, &nt)
		}
	}
	return out, found, names
}

func rowText(row []model.Cell) string {
	var parts []string
	for _, c := range row {
		parts = append(parts, model.PlainText(c.Runs))
	}
	return strings.Join(parts, " | ")
}

// rowName is what names a row in a message: its first cell that is not a
// number (the STT).
func rowName(row []model.Cell) string {
	for _, c := range row {
		t := strings.TrimSpace(model.PlainText(c.Runs))
		if _, err := strconv.Atoi(t); t != "" && err != nil {
			return t
		}
	}
	return strings.TrimSpace(rowText(row))
}

// isGroup reports whether row is a group row of t: one cell across the
// table (model.Cell).
func isGroup(row []model.Cell, t *model.Table) bool {
	if len(row) != 1 {
		return false
	}
	cols := len(t.Align)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	return row[0].Span > 1 || cols == 1
}

// groupRank orders group rows by their number: "I." above "1." above "a)".
func groupRank(text string) int {
	m := headingLabel.FindStringSubmatch(text)
	switch {
	case m == nil:
		return 1
	case strings.HasSuffix(m[1], ")"):
		return 3
	case m[1][0] >= '0' && m[1][0] <= '9':
		return 2
	}
	return 1
}

// partKey is a short ASCII name of desc for the copy's identity and file
// name: "dieu-1.phu-luc-tran-van-binh"; long ones end in a hash of desc.
func partKey(desc string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(desc) {
		r = foldRune(unicode.ToLower(r))
		switch {
		case r == ';':
			s := strings.TrimRight(b.String(), "-")
			b.Reset()
			b.WriteString(s + ".")
			dash = true
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		default:
			if !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	key := strings.Trim(b.String(), "-.")
	if len(key) > 50 {
		key = strings.Trim(key[:50], "-.")
	}
	// The slug drops diacritics, so Trần Văn Bình and Trần Văn Bính, two
	// people, would be one copy: a hash of the description as written
	// (letter case aside) tells them apart.
	sum := sha256.Sum256([]byte(strings.ToLower(norm.NFC.String(desc))))
	return key + "-" + hex.EncodeToString(sum[:4])
}
