package tmpl

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"vanban/internal/data"
	"vanban/internal/model"
	"vanban/templates"
)

func builtins(t *testing.T, extra fstest.MapFS) *Set {
	t.Helper()
	s, ds := Load([]fs.FS{templates.FS, extra}, []string{"templates", "own"})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return s
}

func input(tmpl string, values map[string]any) *data.Input {
	in := &data.Input{
		File: "x.toml", Template: tmpl, Summary: "Trích yếu",
		Org:    data.Org{Name: []string{"ỦY BAN NHÂN DÂN"}, Abbrev: "UBND", Place: "Vạn Giã"},
		Signer: data.Signer{Authority: "TM.", OnBehalfOf: "ỦY BAN NHÂN DÂN", Title: "CHỦ TỊCH", Name: "A"},
		Values: values,
	}
	return in
}

// TestEscape_DataNeverBecomesMarkup: markup characters in a plain value are
// literal text in the model; only Markdown values make structure.
func TestEscape_DataNeverBecomesMarkup(t *testing.T) {
	own := fstest.MapFS{"thu.md": {Data: []byte("+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\nmo_ta = \"x\"\n+++\nĐơn vị: {{ .ten }}\n\n{{ .than }}\n")}}
	s := builtins(t, own)
	evil := "**đậm** # I. TIÊU ĐỀ\n\n- mục | a | b |\n[liên kết](x) <b>html</b> \\* 1. &amp;"
	doc, ds := s.Build(input("thu", map[string]any{"ten": evil, "than": data.Markdown("# I. MỤC\n\n**Đậm** thường")}))
	if doc == nil {
		t.Fatal(ds)
	}
	if len(doc.Body) != 3 {
		t.Fatalf("%d blocks, want 3 (value made structure?)", len(doc.Body))
	}
	p := doc.Body[0].(*model.Para)
	want := "Đơn vị: " + strings.ReplaceAll(evil, "\n", " ")
	if got := model.PlainText(p.Runs); got != want {
		t.Errorf("escaped value reads\n%q\nwant\n%q", got, want)
	}
	if len(p.Runs) != 1 || p.Runs[0].Style != 0 {
		t.Errorf("value got styles: %+v", p.Runs)
	}
	if h, ok := doc.Body[1].(*model.Heading); !ok || h.Level != 1 {
		t.Errorf("markdown value did not make a heading: %#v", doc.Body[1])
	}
	if q := doc.Body[2].(*model.Para); q.Runs[0].Style != model.Bold || q.Runs[0].Text != "Đậm" {
		t.Errorf("markdown bold lost: %+v", q.Runs)
	}
}

// at is the origin of a body written directly in a template file.
var at = origin{file: "t.md"}

func TestMarkdown_Lists(t *testing.T) {
	src := "1) một\n2) hai\n3) ba\n4) bốn\n5) năm\n\n- gạch\n  - cộng\n\n7. bảy\n"
	blocks := parseMarkdown(t, src)
	var got []string
	for _, b := range blocks {
		p := b.(*model.Para)
		got = append(got, p.Marker+" "+model.PlainText(p.Runs))
	}
	want := []string{"a) một", "b) hai", "c) ba", "d) bốn", "đ) năm", "- gạch", "+ cộng", "7. bảy"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestMarkdown_Table(t *testing.T) {
	src := "| STT | Chỉ tiêu | Tỷ lệ |\n|:---:|---|---:|\n| 1 | Hoàn thành **tốt** | 100% |\n"
	blocks := parseMarkdown(t, src)
	tb, ok := blocks[0].(*model.Table)
	if !ok || tb.HeaderRows != 1 || len(tb.Rows) != 2 || len(tb.Rows[1]) != 3 {
		t.Fatalf("table = %#v", blocks[0])
	}
	if tb.Align[0] != model.AlignCenter || tb.Align[2] != model.AlignRight {
		t.Errorf("align = %v", tb.Align)
	}
	var b bytes.Buffer
	model.Dump(&b, &model.Document{Body: blocks})
	if !strings.Contains(b.String(), `Run B "tốt"`) || !strings.Contains(b.String(), `Run B "STT"`) {
		t.Errorf("dump:\n%s", b.String())
	}
}

func TestLoad_OverrideShadowsBuiltin(t *testing.T) {
	own := fstest.MapFS{"ke-hoach.md": {Data: []byte("+++\nten_loai = \"KẾ HOẠCH RIÊNG\"\nky_hieu = \"KH\"\nmo_ta = \"mẫu riêng\"\n+++\nRiêng.\n")}}
	s := builtins(t, own)
	tm, _ := s.Get("ke-hoach")
	if tm.Type != "KẾ HOẠCH RIÊNG" || tm.File != "own/ke-hoach.md" {
		t.Errorf("override not used: %+v", tm)
	}
	if _, ok := s.Get("ke-hoach-thi-dua"); !ok {
		t.Error("other built-ins lost")
	}
}

func TestLoad_BadTemplate(t *testing.T) {
	bad := fstest.MapFS{
		"a.md": {Data: []byte("no front matter")},
		"b.md": {Data: []byte("+++\nten_loai = \"X\"\nky_hieu = \"X\"\nmo_ta = \"x\"\n+++\n{{ .x \n")},
	}
	_, ds := Load([]fs.FS{bad}, []string{"own"})
	if len(ds) != 2 || ds[0].Code != "T003" || ds[1].Code != "T001" || ds[1].Pos.Line != 6 {
		t.Errorf("diags = %v", ds)
	}
}

// parseMarkdown is the body of a template's output, without appendices; it
// fails the test on a diagnostic.
func parseMarkdown(t *testing.T, src string) []model.Block {
	t.Helper()
	body, _, ds := parseDocument(newParser(), []byte(src), at)
	if len(ds) > 0 {
		t.Fatalf("%q: %v", src, ds)
	}
	return body
}
