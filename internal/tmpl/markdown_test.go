package tmpl

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"vanban/internal/diag"
	"vanban/internal/model"
)

// modelText is every text of the converted body: markers, runs, cells and
// appendix titles, blocks separated by newlines.
func modelText(body []model.Block, apps []model.Appendix) string {
	var b strings.Builder
	var blocks func(bs []model.Block)
	blocks = func(bs []model.Block) {
		for _, bl := range bs {
			switch x := bl.(type) {
			case *model.Para:
				b.WriteString(x.Marker + " " + model.PlainText(x.Runs))
			case *model.Heading:
				b.WriteString(model.PlainText(x.Runs))
			case *model.Table:
				for _, r := range x.Rows {
					for _, c := range r {
						b.WriteString(model.PlainText(c.Runs) + " | ")
					}
					b.WriteString("\n")
				}
			}
			b.WriteString("\n")
		}
	}
	blocks(body)
	for _, a := range apps {
		b.WriteString(a.Title + "\n")
		blocks(a.Body)
	}
	return b.String()
}

var (
	entityRef = regexp.MustCompile(`&#?[0-9A-Za-z]+;`)
	directive = regexp.MustCompile(`(?m)^[ \t]*::: (giua|phu-luc ngang|phu-luc)[ \t]*$`)
)

// words returns the words of a body's source text: maximal runs of letters
// and digits that hold at least one letter. Markup characters are not
// letters, so they separate words. Left out: entity references (&amp;
// becomes "&"), vanban's directive lines, and numbers alone (a "1)" list is
// lettered "a)").
func words(src string) []string {
	src = directive.ReplaceAllString(entityRef.ReplaceAllString(src, " "), " ")
	var out []string
	for _, w := range strings.FieldsFunc(src, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

// missingWords returns the words of src absent from the model's text.
func missingWords(src string, body []model.Block, apps []model.Appendix) []string {
	text := modelText(body, apps)
	var miss []string
	for _, w := range words(src) {
		if !strings.Contains(text, w) {
			miss = append(miss, w)
		}
	}
	return miss
}

// TestMarkdown_Constructs: each construct goldmark can produce is rendered
// with every word of its text, or rejected with D026 at its position.
func TestMarkdown_Constructs(t *testing.T) {
	cases := []struct {
		name, src string
		pos       string // "" for rendered; else the D026 position "t.md:line:col"
		has       string // rendered: a text the model must hold verbatim
	}{
		{"paragraph", "Đoạn **đậm** và *nghiêng*.", "", "Đoạn đậm và nghiêng."},
		{"atx heading 3", "### a) Mục nhỏ", "", "a) Mục nhỏ"},
		{"atx heading 5", "##### Sâu hơn ba cấp", "", "Sâu hơn ba cấp"},
		{"setext heading 1", "Tiêu đề lớn\n===", "", "Tiêu đề lớn"},
		{"setext heading 2", "Tiêu đề nhỏ\n---", "", "Tiêu đề nhỏ"},
		{"fenced code", "```lệnh\nmã nguồn := 1\n```", "", "mã nguồn := 1"},
		{"fenced code info", "~~~ nhãn khối\nthân\n~~~", "", "nhãn khối"},
		{"indented code", "    Đoạn thụt lề bốn dấu cách", "", "Đoạn thụt lề bốn dấu cách"},
		{"html block", "<div>\nhộp chữ\n</div>", "", "hộp chữ"},
		{"html comment", "<!--\nghi chú\nkết thúc -->", "", "kết thúc -->"},
		{"inline html", "chữ <b>đậm</b> thường", "", "chữ <b>đậm</b> thường"},
		{"link", "Xem [Cổng thông tin](https://vanninh.gov.vn) nhé", "", "Cổng thông tin (https://vanninh.gov.vn)"},
		{"link title", `[trang](https://a.vn "Tiêu đề trang")`, "", "trang (https://a.vn, Tiêu đề trang)"},
		{"link is its url", "[https://a.vn](https://a.vn)", "", "https://a.vn"},
		{"autolink", "Gửi <https://a.vn/x> và <vanthu@a.vn>", "", "Gửi https://a.vn/x và vanthu@a.vn"},
		{"code span", "Mã `ABC-1` đây", "", "Mã ABC-1 đây"},
		{"hard break spaces", "dòng một  \ndòng hai", "", "dòng một dòng hai"},
		{"hard break backslash", "dòng một\\\ndòng hai", "", "dòng hai"},
		{"strikethrough is text", "~~xóa bỏ~~", "", "~~xóa bỏ~~"},
		{"table in list item", "1. Chỉ tiêu:\n\n   | Tên | Số |\n   |---|---|\n   | Hộ | 12 |\n", "", "Hộ"},
		{"code in list item", "- Mục có mã:\n\n      mã thụt\n", "", "mã thụt"},
		{"item starting with code", "-     mã đầu mục\n", "", "mã đầu mục"},
		{"lazy table line", "| a | b |\n|---|---|\nchữ rời", "", "chữ rời"},

		{"quote in list item", "- Mục\n\n  > Căn cứ lạc\n", "t.md:3:3", ""},
		{"list in quote", "> - căn cứ", "t.md:1:3", ""},
		{"heading in quote", "> # Đề mục", "t.md:1:3", ""},
		{"nested quote", "> Căn cứ\n>\n>> lồng", "t.md:3:2", ""},
		{"table in quote", "> | a |\n> |---|\n> | b |", "t.md:1:3", ""},
		{"code in quote", "> ```\n> mã\n> ```", "t.md:1:3", ""},
		{"heading in list item", "- # Đề mục lạc", "t.md:1:3", ""},
		{"thematic break dashes", "Đoạn\n\n---\n", "t.md:3:1", ""},
		{"thematic break stars", "* * *", "t.md:1:1", ""},
		{"image", "Ảnh ![sơ đồ](so-do.png) đây", "t.md:1:5", ""},
		{"link reference definition", "Đoạn\n\n[vb]: https://a.vn\n", "t.md:3:1", ""},
		{"empty list item", "- một\n-\n- ba", "t.md:2:1", ""},
		{"empty heading", "Đoạn\n\n#\n", "t.md:3:1", ""},
		{"empty quote", ">\n", "t.md:1:1", ""},
		{"item starting with list", "- - con", "t.md:1:3", ""},
		{"table row with extra cells", "| a | b |\n|---|---|\n| 1 | 2 | thừa |", "t.md:3:1", ""},
		{"thematic break in list item", "- Mục\n\n  ***\n", "t.md:3:3", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, apps, ds := parseDocument(newParser(), []byte(c.src), at)
			if c.pos == "" {
				if len(ds) > 0 {
					t.Fatalf("rejected: %v", ds)
				}
				text := modelText(body, apps)
				if miss := missingWords(c.src, body, apps); len(miss) > 0 {
					t.Errorf("words lost: %q\nmodel text: %q", miss, text)
				}
				if !strings.Contains(text, c.has) {
					t.Errorf("model text %q lacks %q", text, c.has)
				}
				return
			}
			if len(ds) == 0 {
				t.Fatalf("rendered, want D026 at %s; model text %q", c.pos, modelText(body, apps))
			}
			if ds[0].Code != diag.CodeMarkup || ds[0].Pos.String() != c.pos {
				t.Errorf("got %s %s, want %s at %s (%v)", ds[0].Code, ds[0].Pos, diag.CodeMarkup, c.pos, ds)
			}
			if body != nil || apps != nil {
				t.Errorf("a rejected body still returned blocks")
			}
		})
	}
}

func TestMarkdown_TableUnderItemFollowsItem(t *testing.T) {
	body := parseMarkdown(t, "1. Chỉ tiêu:\n\n   | Tên | Số |\n   |---|---|\n   | Hộ | 12 |\n\n2. Tiếp\n")
	if len(body) != 3 {
		t.Fatalf("%d blocks, want para, table, para", len(body))
	}
	if p, ok := body[0].(*model.Para); !ok || p.Marker != "1." {
		t.Errorf("first = %#v", body[0])
	}
	if _, ok := body[1].(*model.Table); !ok {
		t.Errorf("second = %#v", body[1])
	}
	if p, ok := body[2].(*model.Para); !ok || p.Marker != "2." {
		t.Errorf("third = %#v", body[2])
	}
}

func TestMarkdown_DirectivesAndAppendixPositions(t *testing.T) {
	src := "Thân\n\n::: giua\n**QUYẾT ĐỊNH:**\n\n::: phu-luc ngang\n# DANH SÁCH\n\nDòng phụ lục\n\n![x](y)\n"
	_, _, ds := parseDocument(newParser(), []byte(src), at)
	if len(ds) != 1 || ds[0].Pos.String() != "t.md:11:1" {
		t.Fatalf("diags = %v, want one at t.md:11:1", ds)
	}
	body, apps, ds := parseDocument(newParser(), []byte(strings.TrimSuffix(src, "![x](y)\n")), at)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if p := body[1].(*model.Para); !p.Center || p.At.String() != "t.md:4:1" {
		t.Errorf("centred para = %+v", p)
	}
	if len(apps) != 1 || apps[0].Title != "DANH SÁCH" || !apps[0].Landscape || apps[0].Body[0].Pos().Line != 9 {
		t.Errorf("appendix = %+v", apps)
	}
}

func TestMarkdown_NestingBound(t *testing.T) {
	list := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- mục\n")
		}
		return b.String()
	}
	if _, _, ds := parseDocument(newParser(), []byte(list(MaxNesting)), at); len(ds) > 0 {
		t.Errorf("%d levels: %v", MaxNesting, ds)
	}
	_, _, ds := parseDocument(newParser(), []byte(list(MaxNesting+1)), at)
	if len(ds) != 1 || ds[0].Code != diag.CodeLimit || ds[0].Pos.String() != "t.md:21:41" {
		t.Errorf("%d levels: %v, want D025 at t.md:21:41", MaxNesting+1, ds)
	}
	// Inputs goldmark would take minutes on are refused before it parses.
	for name, src := range map[string]string{
		"2000 indented levels": list(2000),
		"100000 quotes":        strings.Repeat(">", 100_000) + " x\n",
		"100000 bullets":       strings.Repeat("- ", 100_000) + "x\n",
	} {
		_, _, ds := parseDocument(newParser(), []byte(src), at)
		if len(ds) != 1 || ds[0].Code != diag.CodeLimit {
			t.Errorf("%s: %v", name, ds)
		}
	}
}

func TestMarkdown_TableBounds(t *testing.T) {
	row := func(n int, cell string) string { return "|" + strings.Repeat(" "+cell+" |", n) + "\n" }
	wide := func(n int) string { return row(n, "a") + row(n, "---") + row(n, "b") }
	if _, _, ds := parseDocument(newParser(), []byte(wide(MaxTableCols)), at); len(ds) > 0 {
		t.Errorf("%d columns: %v", MaxTableCols, ds)
	}
	if _, _, ds := parseDocument(newParser(), []byte(wide(MaxTableCols+1)), at); len(ds) != 1 || ds[0].Code != diag.CodeLimit {
		t.Errorf("%d columns: %v", MaxTableCols+1, ds)
	}
	long := func(n int) string { return "| a |\n|---|\n" + strings.Repeat("| b |\n", n-1) }
	if _, _, ds := parseDocument(newParser(), []byte(long(MaxTableRows)), at); len(ds) > 0 {
		t.Errorf("%d rows: %v", MaxTableRows, ds)
	}
	if _, _, ds := parseDocument(newParser(), []byte(long(MaxTableRows+1)), at); len(ds) != 1 || ds[0].Code != diag.CodeLimit || ds[0].Pos.String() != "t.md:1:1" {
		t.Errorf("%d rows: %v", MaxTableRows+1, ds)
	}
}

// bigBody is about 2 MiB of ordinary paragraphs.
func bigBody() []byte {
	return []byte(strings.Repeat("Đoạn văn bình thường có **đậm** và *nghiêng*, khá dài để đo thời gian.\n\n", 2<<20/75))
}

// TestMarkdown_BigBodyIsLinear converts a 2 MiB body; the converter used
// to be quadratic (100 s for this size).
func TestMarkdown_BigBodyIsLinear(t *testing.T) {
	src := bigBody()
	body, _, ds := parseDocument(newParser(), src, at)
	if len(ds) > 0 || len(body) != 2<<20/75 {
		t.Fatalf("%d blocks, %v", len(body), ds)
	}
	if p := body[len(body)-1].Pos(); p.Line != 2*len(body)-1 {
		t.Errorf("last block at %v", p)
	}
}

func BenchmarkMarkdown_2MiB(b *testing.B) {
	src := bigBody()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		parseDocument(newParser(), src, at)
	}
}

// FuzzMarkdown: no body text makes the markup converter panic; every table
// row it makes fits its table; and either the body is rejected with a
// diagnostic or every word of its source is in the model's text.
func FuzzMarkdown(f *testing.F) {
	f.Add("# I. A\n\n**1.** b *c*\n\n> Căn cứ x\n> Căn cứ y\n\n1) a\n2) b\n\n| a | b |\n|---|---|\n| **I** | |\n")
	f.Add("::: phu-luc ngang\n# DANH SÁCH\n\n| x |\n|---|\n| 1 |\n::: giua\n**QUYẾT ĐỊNH:**\n")
	f.Add("- a\n  - b\n    - c\n\n```\ncode\n```\n<b>html</b> &amp; \\* [l](u)")
	f.Add("1. Mục\n\n   | a | b |\n   |---|---|\n   | c | d |\n\n   > lạc\n")
	f.Add("> - a\n> # b\n>> c\n\n---\n***\n\n![ảnh](x.png) [l]: u\n\n[r]: https://a.vn\n")
	f.Add("<!--\nghi chú\n-->\n\n    mã\n\n~~~ nhãn\nthân\n~~~\n\n<https://a.vn> `mã` a  \nb\\\nc\n\nTiêu đề\n===\n\n###### sáu\n\n-\n- \n")
	f.Add("[Cổng](https://a.vn \"tựa\") [https://b.vn](https://b.vn) ~~gạch~~ &#7845; <span>x</span>")
	f.Fuzz(func(t *testing.T, src string) {
		body, apps, ds := parseDocument(newParser(), []byte(src), at)
		if ds.HasErrors() {
			for _, d := range ds {
				if d.Pos.File != "t.md" || d.Pos.Line < 1 || d.Pos.Col < 1 {
					t.Fatalf("diagnostic without a position: %v", d)
				}
			}
			return
		}
		all := append([]model.Block{}, body...)
		for _, a := range apps {
			all = append(all, a.Body...)
		}
		for _, b := range all {
			if tb, ok := b.(*model.Table); ok {
				for _, r := range tb.Rows {
					if len(r) == 0 {
						t.Fatalf("empty row in %q", src)
					}
				}
			}
		}
		if miss := missingWords(src, body, apps); len(miss) > 0 {
			t.Fatalf("words lost: %q\nsource %q\nmodel text %q", miss, src, modelText(body, apps))
		}
	})
}

// "::: van-ban-kem-theo QUY CHẾ" opens an attached text (Mẫu 1.3) whose
// first "# …" is its trích yếu; without a tên loại it is a D026 at its line.
func TestParse_AttachedText(t *testing.T) {
	at := origin{file: "t.md"}
	src := "Điều 1.\n\n::: van-ban-kem-theo QUY CHẾ\n# Làm việc của Ủy ban\n\nNội dung.\n"
	_, apps, ds := parseDocument(newParser(), []byte(src), at)
	if ds.HasErrors() || len(apps) != 1 {
		t.Fatalf("%v, %d appendices", ds, len(apps))
	}
	if a := apps[0]; a.Kind != model.AttachedText || a.Type != "QUY CHẾ" || a.Title != "Làm việc của Ủy ban" || len(a.Body) != 1 {
		t.Errorf("got %+v", a)
	}
	_, _, ds = parseDocument(newParser(), []byte("Điều 1.\n\n::: van-ban-kem-theo\n# X\n"), at)
	if len(ds) != 1 || ds[0].Code != diag.CodeMarkup || ds[0].Pos.Line != 3 {
		t.Errorf("got %v", ds)
	}
}
