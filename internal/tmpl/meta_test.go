package tmpl

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/law"
	"vanban/internal/model"
)

// TestLoad_FrontMatterPositions: every T003 points at the offending key of
// the front matter (issue 9), not at line 2.
func TestLoad_FrontMatterPositions(t *testing.T) {
	head := "+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\nmo_ta = \"x\"\n"
	cases := []struct{ name, meta, pos, msg string }{
		{"kieu", "[[truong]]\nten = \"a\"\nkieu = \"chuoi\"\n[[truong]]\nten = \"b\"\nkieu  =  \"sai\"\n", "own/kieu.md:10:10", `"sai"`},
		{"xet-khen", "xet_khen = \"toi\"\n", "own/xet-khen.md:5:12", "xet_khen"},
		{"cu-phap", "loi = x\n", "own/cu-phap.md:5:7", "loi"},
		{"kinh-gui", "\n  kinh_gui = \"co\"\n", "own/kinh-gui.md:6:14", "kinh_gui"},
		{"thua", "[[truong]]\nten = \"a\"\nkieu = \"chuoi\"\nthua = 1\n", "own/thua.md:8:1", "thua"},
		{"cot", "[[truong]]\nten = \"ds\"\nkieu = \"bang_lap\"\n[[truong.cot]]\nten = \"x\"\nkieu = \"chuoi\"\n[[truong]]\nten = \"e\"\nkieu = \"bang_lap\"\n[[truong.cot]]\nten = \"y\"\nkieu = \"sai\"\n", "own/cot.md:16:8", `"y"`},
		{"khong-cot", "[[truong]]\nten = \"e\"\nkieu = \"chuoi\"\n[[truong.cot]]\nten = \"y\"\nkieu = \"chuoi\"\n", "own/khong-cot.md:7:8", `"e"`},
		{"cot-sau", "[[truong]]\nten = \"ds\"\nkieu = \"bang_lap\"\n[[truong.cot]]\nten = \"x\"\nkieu = \"chuoi\"\n[[truong.cot]]\nten = \"y\"\nkieu = \"sai\"\n", "own/cot-sau.md:13:8", `"y"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := fstest.MapFS{c.name + ".md": {Data: []byte(head + c.meta + "+++\nx\n")}}
			_, ds := Load([]fs.FS{ws}, []string{"own"})
			if len(ds) != 1 || ds[0].Code != "T003" || ds[0].Pos.String() != c.pos || !strings.Contains(ds[0].Msg, c.msg) {
				t.Errorf("diags = %v, want T003 at %s naming %s", ds, c.pos, c.msg)
			}
		})
	}
	// A missing ten_loai has no key to point at: the front matter's start.
	ws := fstest.MapFS{"thieu.md": {Data: []byte("+++\nmo_ta = \"x\"\n+++\nx\n")}}
	if _, ds := Load([]fs.FS{ws}, []string{"own"}); len(ds) != 1 || ds[0].Pos.String() != "own/thieu.md:2:1" {
		t.Errorf("missing ten_loai: %v", ds)
	}
}

// TestLoad_GrantsParsedOnce: xet_khen becomes a law.Grantor, and
// "cap_tren" asks the data for a cap_xet level.
func TestLoad_GrantsParsedOnce(t *testing.T) {
	ws := fstest.MapFS{
		"tren.md":  {Data: []byte("+++\nten_loai = \"TỜ TRÌNH\"\nky_hieu = \"TTr\"\nxet_khen = \"cap_tren\"\n+++\nx\n")},
		"ky.md":    {Data: []byte("+++\nten_loai = \"QUYẾT ĐỊNH\"\nky_hieu = \"QĐ\"\nxet_khen = \"nguoi_ky\"\n+++\nx\n")},
		"khong.md": {Data: []byte("+++\nten_loai = \"KẾ HOẠCH\"\nky_hieu = \"KH\"\n+++\nx\n")},
	}
	s, ds := Load([]fs.FS{ws}, []string{"own"})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for name, want := range map[string]law.Grantor{"tren": law.GrantsSuperior, "ky": law.GrantsIssuer, "khong": law.NoGrantor} {
		tm, _ := s.Get(name)
		if tm.Grants != want {
			t.Errorf("%s: Grants = %v, want %v", name, tm.Grants, want)
		}
		has := false
		for _, f := range tm.Schema.Fields {
			if f.Key == "cap_xet" {
				has = f.Kind == data.KindLevel && f.Required
			}
		}
		if has != (want == law.GrantsSuperior) {
			t.Errorf("%s: cap_xet field %v", name, has)
		}
	}
}

// TestSo_DocumentNumber: the document number is an int64 like every other
// integer, so a user template can pad it with so (issue 9).
func TestSo_DocumentNumber(t *testing.T) {
	ws := fstest.MapFS{"so.md": {Data: []byte("+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\n+++\nThông báo số {{ so .so }}, năm {{ .nam }}; lần {{ so .lan }}.\n")}}
	s := builtins(t, ws)
	for _, c := range []struct{ so, want string }{{"5", "05"}, {`"7"`, "07"}, {"12", "12"}} {
		doc := "mau = \"so\"\nso = " + c.so + "\nngay = \"2024-05-08\"\ntrich_yeu = \"x\"\nnoi_nhan = [\"A\"]\n" +
			"[co_quan]\nten = [\"ỦY BAN NHÂN DÂN\", \"XÃ A\"]\nviet_tat = \"UBND\"\ndia_danh = \"A\"\n" +
			"[nguoi_ky]\nchuc_vu = \"CHỦ TỊCH\"\nho_ten = \"B\"\n"
		in, ds := data.Load(fstest.MapFS{"d.toml": {Data: []byte(doc)}}, "d.toml", data.Options{Schema: s.Schema})
		if in == nil {
			t.Fatal(ds)
		}
		in.Values["lan"] = int64(3)
		m, ds := s.Build(in)
		if m == nil {
			t.Fatalf("so = %s: %v", c.so, ds)
		}
		want := "Thông báo số " + c.want + ", năm 2024; lần 03."
		if got := plainBody(m); got != want {
			t.Errorf("so = %s: %q, want %q", c.so, got, want)
		}
		if m.Number.Text() != c.want+"/TB-UBND" {
			t.Errorf("so = %s: number %q", c.so, m.Number.Text())
		}
	}
}

// plainBody is the text of the first paragraph of doc's body.
func plainBody(doc *model.Document) string {
	if len(doc.Body) == 0 {
		return ""
	}
	p, ok := doc.Body[0].(*model.Para)
	if !ok {
		return ""
	}
	return model.PlainText(p.Runs)
}

// TestView_TypedRows: templates read a typed row by key ($x.ho_ten), the
// list functions take it, and a row's positions never reach the template.
func TestView_TypedRows(t *testing.T) {
	src := "{{ range $i, $x := .ds }}{{ stt $i }} {{ $x.ho_ten }} {{ range $k, $v := $x }}[{{ $k }}]{{ end }}; {{ end }}{{ dem .ds }} {{ tong .ds \"so\" }}\n"
	s := builtins(t, fstest.MapFS{"thu.md": own(src)})
	at := diag.Pos{File: "x.toml", Line: 3, Col: 1}
	rows := []data.Row{
		{Values: map[string]any{"ho_ten": "A", "so": int64(2)}, At: at, Cells: map[string]diag.Pos{"ho_ten": at}},
		{Values: map[string]any{"ho_ten": "B", "so": int64(5)}, At: at},
	}
	doc, ds := s.Build(input("thu", map[string]any{"ds": rows}))
	if doc == nil {
		t.Fatal(ds)
	}
	if got, want := plainBody(doc), "1 A [ho_ten][so]; 2 B [ho_ten][so]; 2 7"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
