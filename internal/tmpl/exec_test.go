package tmpl

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/model"
	"vanban/templates"
)

// own is a workspace template file named name.md with body.
func own(body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\nmo_ta = \"x\"\n+++\n" + body)}
}

// buildWithin builds in with s and fails the test if that takes more than
// a generous bound: the cases below used to spin forever or run out of
// memory.
func buildWithin(t *testing.T, s *Set, in *data.Input) (*model.Document, diag.List) {
	t.Helper()
	type result struct {
		doc *model.Document
		ds  diag.List
	}
	done := make(chan result, 1)
	go func() {
		doc, ds := s.Build(in)
		done <- result{doc, ds}
	}()
	select {
	case r := <-done:
		return r.doc, r.ds
	case <-time.After(20 * time.Second):
		t.Fatalf("Build did not end")
		return nil, nil
	}
}

// TestExecute_Bounds: a runaway template ends quickly with T004.
func TestExecute_Bounds(t *testing.T) {
	line := strings.Repeat("x", 99) + "\n"
	cases := map[string]string{
		"range over a huge constant": "{{range 9000000000000}}{{end}}",
		"range in a long body":       "{{range 200000}}{{if false}}{{end}}{{if false}}{{end}}{{if false}}{{end}}{{if false}}{{end}}{{if false}}{{end}}{{end}}",
		"range writing much":         "{{range 2000000000}}x{{end}}",
		"range over a huge variable": "{{$n := 9000000000000}}{{range $i := $n}}{{end}}",
		"nested ranges":              "{{range 100000}}{{range 100000}}{{end}}{{end}}",
		"recursion":                  `{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`,
		"recursion in a range":       `{{define "a"}}{{range 2}}{{template "a"}}{{end}}{{end}}{{template "a"}}`,
		"output past MaxOutput":      "{{range 90000}}" + line + "{{end}}",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			s := builtins(t, fstest.MapFS{"vong.md": own(body)})
			start := time.Now()
			doc, ds := buildWithin(t, s, input("vong", map[string]any{}))
			if doc != nil || len(ds) != 1 || ds[0].Code != diag.CodeTmplLimit || ds[0].Pos.String() != "own/vong.md:6:1" {
				t.Errorf("diags = %v, want one T004 at own/vong.md:6:1", ds)
			}
			t.Logf("%v: %s", time.Since(start), ds)
		})
	}
}

// TestExecute_WithinBounds: ranges, recursion and output below the bounds
// work as text/template has them.
func TestExecute_WithinBounds(t *testing.T) {
	body := `{{define "d"}}{{if .}}{{template "d" slice . 1}}{{.}}{{end}}{{end}}` +
		"{{range $i := 3}}{{$i}}{{end}} {{range $k, $v := .ds}}{{$k}}{{$v}}{{else}}rỗng{{end}} {{template \"d\" \"abc\"}} {{range .empty}}x{{else}}trống{{end}}\n\n" +
		"{{range " + "5000" + "}}Dòng đủ dài để gần chạm giới hạn đầu ra mà chưa vượt.{{end}}\n"
	s := builtins(t, fstest.MapFS{"vong.md": own(body)})
	doc, ds := buildWithin(t, s, input("vong", map[string]any{"ds": []string{"a", "b"}, "empty": []string{}}))
	if doc == nil {
		t.Fatal(ds)
	}
	got := model.PlainText(doc.Body[0].(*model.Para).Runs)
	if want := "012 0a1b cbcabc trống"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestExecute_OutputBound: the writer stops exactly past its limit.
func TestExecute_OutputBound(t *testing.T) {
	s := builtins(t, fstest.MapFS{"vong.md": own("{{range 100}}0123456789{{end}}")})
	tm, _ := s.Get("vong")
	in := input("vong", map[string]any{})
	if _, err := tm.execute(in, 5+1000); err != nil {
		t.Errorf("1000 bytes under a limit of 1005: %v", err)
	}
	if _, err := tm.execute(in, 5+999); !isLimit(err) {
		t.Errorf("1000 bytes under a limit of 1004: %v", err)
	}
}

// TestLoad_BrokenTemplateFailsOnlyItsDocuments: one unparsable workspace
// template fails the documents made with it, not the others.
func TestLoad_BrokenTemplateFailsOnlyItsDocuments(t *testing.T) {
	ws := fstest.MapFS{
		"tot.md":      own("Tốt {{ .ten }}\n"),
		"hong.md":     own("Hỏng {{ .ten \n"),
		"khai-bao.md": {Data: []byte("+++\nten_loai = 3\n+++\nx\n")},
		"ke-hoach.md": own("{{ if }}\n"), // shadows the built-in, broken
	}
	s, all := Load([]fs.FS{templates.FS, ws}, []string{"templates", "own"})
	if len(all) != 3 {
		t.Errorf("Load diags = %v, want the 3 broken templates'", all)
	}
	if ds := s.Diags("tot"); len(ds) != 0 {
		t.Errorf("Diags(tot) = %v", ds)
	}
	if ds := s.Diags("ke-hoach-thi-dua"); len(ds) != 0 {
		t.Errorf("Diags(ke-hoach-thi-dua) = %v", ds)
	}
	if doc, ds := s.Build(input("tot", map[string]any{"ten": "A"})); doc == nil {
		t.Errorf("good template failed: %v", ds)
	}
	for _, c := range []struct{ name, code, pos string }{
		{"hong", "T001", "own/hong.md:6:1"},
		{"ke-hoach", "T001", "own/ke-hoach.md:6:1"},
		{"khai-bao", "T003", "own/khai-bao.md:1:1"},
	} {
		ds := s.Diags(c.name)
		if len(ds) != 1 || string(ds[0].Code) != c.code || ds[0].Pos.String() != c.pos {
			t.Errorf("Diags(%s) = %v, want %s at %s", c.name, ds, c.code, c.pos)
		}
		doc, bds := s.Build(input(c.name, map[string]any{"ten": "A"}))
		if doc != nil || len(bds) != 1 || bds[0].Code != ds[0].Code || bds[0].Pos != ds[0].Pos {
			t.Errorf("Build(%s) = %v, want its own diagnostics", c.name, bds)
		}
		if tm, ok := s.Get(c.name); !ok || tm.Schema == nil {
			t.Errorf("Get(%s) = %v, %v", c.name, tm, ok)
		}
	}
	if _, _, ok := s.Schema("hong"); !ok {
		t.Error("a broken body hides a sound schema")
	}
	if _, _, ok := s.Schema("khai-bao"); ok {
		t.Error("a broken front matter gives a schema")
	}
}

// TestBuiltins_Sound: every built-in template loads without a diagnostic.
func TestBuiltins_Sound(t *testing.T) {
	s, ds := Load([]fs.FS{templates.FS}, []string{"templates"})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(s.Names()) == 0 {
		t.Fatal("no built-in template")
	}
	for _, n := range s.Names() {
		if ds := s.Diags(n); len(ds) > 0 {
			t.Errorf("%s: %v", n, ds)
		}
	}
}

// TestBuild_PositionsInData: a construct rejected inside a Markdown value
// points into the TOML file, not at the template.
func TestBuild_PositionsInData(t *testing.T) {
	s := builtins(t, fstest.MapFS{"thu.md": own("Mở đầu.\n\n{{ .noi_dung }}\n\n{{ .ghi_chu }}\n")})
	in := input("thu", map[string]any{
		"noi_dung": data.Markdown("Đoạn một.\n\n- Mục\n\n  > căn cứ lạc\n"),
		"ghi_chu":  data.Markdown("Xem ![ảnh](a.png)"),
	})
	in.Pos = map[string]diag.Pos{
		"noi_dung": {File: "x.toml", Line: 10, Col: 12},
		"ghi_chu":  {File: "x.toml", Line: 20, Col: 11},
	}
	_, ds := s.Build(in)
	got := []string{}
	for _, d := range ds {
		got = append(got, d.Pos.String())
	}
	// noi_dung = """ at 10:12, content from line 11: "> " is on its 5th
	// line, 3rd column. ghi_chu = "Xem ![…" at 20:11: "!" is the 5th
	// character after the quote.
	if strings.Join(got, " ") != "x.toml:15:3 x.toml:20:16" {
		t.Errorf("positions %v (%v)", got, ds)
	}
	// Template text keeps pointing at the template.
	in.Values["ghi_chu"] = data.Markdown("")
	in.Values["noi_dung"] = data.Markdown("")
	s = builtins(t, fstest.MapFS{"thu.md": own("Mở đầu.\n\n{{ .noi_dung }}\n\n---\n")})
	if _, ds := s.Build(in); len(ds) != 1 || ds[0].Pos.String() != "own/thu.md:10:1" {
		t.Errorf("template construct: %v", ds)
	}
}

// TestBuild_RowMarkdownPosition: a Markdown cell of a [[…]] row points at
// the row's value.
func TestBuild_RowMarkdownPosition(t *testing.T) {
	s := builtins(t, fstest.MapFS{"thu.md": own("{{ range .dong }}{{ .mo_ta }}\n\n{{ end }}")})
	rows := []data.Row{
		{Values: map[string]any{"mo_ta": data.Markdown("Tốt")}, Cells: map[string]diag.Pos{"mo_ta": {File: "x.toml", Line: 4, Col: 9}}},
		{Values: map[string]any{"mo_ta": data.Markdown("> - lạc")}, Cells: map[string]diag.Pos{"mo_ta": {File: "x.toml", Line: 8, Col: 9}}},
	}
	_, ds := s.Build(input("thu", map[string]any{"dong": rows}))
	if len(ds) != 1 || ds[0].Pos.String() != "x.toml:8:12" {
		t.Errorf("diags = %v, want one at x.toml:8:12", ds)
	}
}
