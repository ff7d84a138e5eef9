package data

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"vanban/internal/diag"
)

var profile = `luu = "VT, TH"
[co_quan]
ten = ["ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"]
viet_tat = "UBND"
dia_danh = "Vạn Giã"
[nguoi_ky]
quyen_han = "TM."
thay_mat = "ỦY BAN NHÂN DÂN"
chuc_vu = "CHỦ TỊCH"
ho_ten = "Nguyễn Hữu Trường"
`

var schema = &Schema{Template: "ke-hoach", Fields: append(Common(),
	Field{Key: "noi_dung", Kind: KindMarkdown, Required: true, Label: "nội dung"})}

func opts() Options {
	return Options{Profile: "vanban.toml", Schema: func(n string) (*Schema, []string, bool) {
		if n == "ke-hoach" {
			return schema, nil, true
		}
		return nil, []string{"ke-hoach"}, false
	}}
}

func load(t testing.TB, doc string) (*Input, diag.List) {
	fsys := fstest.MapFS{"vanban.toml": {Data: []byte(profile)}, "kh.toml": {Data: []byte(doc)}}
	return Load(fsys, "kh.toml", opts())
}

// A document overrides the profile key by key; a KT. signature within a
// collective body is expressible.
func TestLoad_ProfileMergeAndKT(t *testing.T) {
	in, ds := load(t, `mau = "ke-hoach"
so = 3
ngay = 2024-05-08
trich_yeu = "Về việc thử"
noi_nhan = ["Như trên"]
noi_dung = "Nội dung./."
[nguoi_ky]
quyen_han = "KT."
thu_truong = "CHỦ TỊCH"
chuc_vu = "PHÓ CHỦ TỊCH"
ho_ten = "Trần Thị B"
`)
	if in == nil {
		t.Fatal(ds)
	}
	if in.Signer != (Signer{Authority: "KT.", OnBehalfOf: "ỦY BAN NHÂN DÂN", Head: "CHỦ TỊCH", Title: "PHÓ CHỦ TỊCH", Name: "Trần Thị B"}) {
		t.Errorf("signer = %+v", in.Signer)
	}
	if in.Org.Place != "Vạn Giã" || in.Archive != "VT, TH" || in.Number != 3 || in.Date != (Date{Year: 2024, Month: 5, Day: 8}) {
		t.Errorf("input = %+v", in)
	}
	if p := in.Pos["nguoi_ky.ho_ten"]; p.File != "kh.toml" || p.Line != 11 || p.Col != 10 {
		t.Errorf("position of ho_ten = %v", p)
	}
	if p := in.Pos["co_quan.dia_danh"]; p.File != "vanban.toml" || p.Line != 5 {
		t.Errorf("position of dia_danh = %v", p)
	}
}

// Decomposed (NFD) Vietnamese, as some Mac and old Windows editors save it,
// is normalised to NFC before anything else sees it.
func TestLoad_NFDIsNormalised(t *testing.T) {
	nfd := "Ph\u0061\u0301t \u0111o\u0323\u0302ng" // "Phát động" decomposed
	in, ds := load(t, "mau = \"ke-hoach\"\ntrich_yeu = \""+nfd+"\"\nnoi_nhan = [\"x\"]\nnoi_dung = \"y\"\n")
	if in == nil {
		t.Fatal(ds)
	}
	if in.Summary != "Phát động" {
		t.Errorf("summary = %q (% x)", in.Summary, in.Summary)
	}
}

func TestLoad_EmptyDateAndNumber(t *testing.T) {
	in, ds := load(t, "mau = \"ke-hoach\"\nso = \"\"\nngay = \"\"\ntrich_yeu = \"a\"\nnoi_nhan = [\"x\"]\nnoi_dung = \"y\"\n")
	if in == nil {
		t.Fatal(ds)
	}
	if in.Number != 0 || !in.Date.IsZero() {
		t.Errorf("number %d date %+v", in.Number, in.Date)
	}
}

// FuzzLoad: no input panics, and every diagnostic points inside the file it
// names.
func FuzzLoad(f *testing.F) {
	f.Add(`mau = "ke-hoach"` + "\ntrich_yeu = \"a\"\nnoi_nhan = [\"x\"]\nnoi_dung = \"\"\"\n# I. A\n\"\"\"\n")
	f.Add("mau = \"ke-hoach\"\n[nguoi_ky]\nquyen_han = \"KT\"\n[[x]]\na = 1\n")
	f.Add("ngay = 2024-02-30\nso = -1\nnoi_nhan = [1, \"a\"]\n")
	f.Add("a = '''\n😀\n'''\nb = \"\xff\"")
	f.Add("mau = \"ke-hoach\"\nngay = \"30/2/2024\"\nke = { a = [ \"]\" ] }")
	// Text hygiene and bounds (issue 8): escapes of forbidden characters,
	// escaped combining marks, legacy encodings, CRs, deep nesting.
	f.Add(kh(`"a\u0001\u000b\ufffe\ufffd\uD800\b\f\e\x01"`, `["x", "\u0085"]`, "'''\x01'''"))
	f.Add(kh(`"Vie\u0302\u0323t"`, `["Nh\u00adtr\u00aan"]`, `"Pha\u0301t"`))
	f.Add(kh(`"VÒ viÖc ph¸t ®éng"`, `["UÛy ban nhaân daân"]`, "\"\"\"\nC¨n cø\r\n\"\"\""))
	f.Add("mau = \"ke-hoach\"\r\ntrich_yeu = \"a\rb\"\rnoi_nhan = []\r")
	f.Add("a = " + strings.Repeat("[", 30) + strings.Repeat("]", 30) + "\nb = " + strings.Repeat("{a=", 30))
	f.Add("a = \"\\u\"\nb = \"\\U0011FFFF\\x\"\nc = \"\"\"\\\n  \\u00\"\"\"")
	f.Fuzz(func(t *testing.T, doc string) {
		_, ds := load(t, doc)
		for _, d := range ds {
			if d.Pos.File == "" || d.Msg == "" {
				t.Fatalf("diagnostic without file or message: %#v", d)
			}
			if d.Pos.Line == 0 {
				continue
			}
			text := doc
			if d.Pos.File == "vanban.toml" {
				text = profile
			}
			lines := strings.Split(text, "\n")
			if d.Pos.Line > len(lines) {
				t.Fatalf("line %d past the end (%d lines): %v", d.Pos.Line, len(lines), d)
			}
			if n := utf8.RuneCountInString(lines[d.Pos.Line-1]); d.Pos.Col > n+1 && utf8.ValidString(text) {
				t.Fatalf("col %d past the line (%d chars): %v", d.Pos.Col, n, d)
			}
		}
	})
}

const selfDoc = `mau = "ke-hoach"
so = 5
ngay = "2024-05-08"
trich_yeu = "Phát động phong trào thi đua"
noi_nhan = ["Sở Nội vụ (b/c)"]
noi_dung = "Nội dung./."
`

// Without a vanban.toml the missing profile keys make one error naming it.
func TestLoad_NoProfile(t *testing.T) {
	opt := opts()
	opt.Profile = ""
	_, ds := Load(fstest.MapFS{"kh.toml": {Data: []byte(selfDoc)}}, "kh.toml", opt)
	if len(ds) != 1 {
		t.Fatalf("want one diagnostic, got:\n%v", ds)
	}
	d := ds[0]
	if d.Pos != (diag.Pos{File: "vanban.toml"}) || d.Code != diag.CodeReadFile || d.Severity != diag.Error {
		t.Errorf("got %v", d)
	}
	if !strings.Contains(d.Msg, "vanban.toml") || !strings.Contains(d.Msg, "co_quan.ten") ||
		!strings.Contains(strings.Join(d.Hints, "\n"), "vanban new ho-so > vanban.toml") {
		t.Errorf("got %v %q", d, d.Hints)
	}

	// A document that writes every profile key needs no profile.
	full := selfDoc + "[co_quan]\nten = [\"ỦY BAN NHÂN DÂN\", \"XÃ VẠN NINH\"]\nviet_tat = \"UBND\"\ndia_danh = \"Vạn Ninh\"\n" +
		"[nguoi_ky]\nchuc_vu = \"CHỦ TỊCH\"\nho_ten = \"Nguyễn Văn A\"\n"
	if in, ds := Load(fstest.MapFS{"kh.toml": {Data: []byte(full)}}, "kh.toml", opt); in == nil || ds.HasErrors() {
		t.Errorf("self-contained document: %v", ds)
	}
}

// A profile key missing from both files points at the profile: its table
// header when written, else its first line; a document key stays at the
// document's first line.
func TestLoad_MissingProfileKey(t *testing.T) {
	prof := "luu = \"VT\"\n[co_quan]\nviet_tat = \"UBND\"\ndia_danh = \"Vạn Ninh\"\n"
	doc := strings.Replace(selfDoc, `noi_nhan = ["Sở Nội vụ (b/c)"]`+"\n", "", 1)
	fsys := fstest.MapFS{"vanban.toml": {Data: []byte(prof)}, "kh.toml": {Data: []byte(doc)}}
	_, ds := Load(fsys, "kh.toml", opts())
	want := map[string]diag.Pos{
		"co_quan.ten":      {File: "vanban.toml", Line: 2, Col: 1},
		"nguoi_ky.chuc_vu": {File: "vanban.toml", Line: 1, Col: 1},
		"nguoi_ky.ho_ten":  {File: "vanban.toml", Line: 1, Col: 1},
		"noi_nhan":         {File: "kh.toml", Line: 1, Col: 1},
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(ds), len(want), ds)
	}
	for _, d := range ds {
		key := d.Msg[strings.Index(d.Msg, `"`)+1 : strings.LastIndex(d.Msg, `"`)]
		if d.Code != diag.CodeMissing || d.Pos != want[key] {
			t.Errorf("%s: got %v, want at %v", key, d, want[key])
		}
		hints := strings.Join(d.Hints, "\n")
		if d.Pos.File == "vanban.toml" && !strings.Contains(hints, "tệp văn bản kh.toml") {
			t.Errorf("%s: hint does not say the key may be in the document: %q", key, hints)
		}
	}
}

// Hints quote examples with the year filled in, never the mark.
func TestLoad_HintYear(t *testing.T) {
	opt := opts()
	opt.Year = 2031
	doc := strings.Replace(selfDoc, `ngay = "2024-05-08"`, `ngay = 5`, 1)
	_, ds := Load(fstest.MapFS{"vanban.toml": {Data: []byte(profile)}, "kh.toml": {Data: []byte(doc)}}, "kh.toml", opt)
	if len(ds) != 1 || !strings.Contains(strings.Join(ds[0].Hints, ""), `"2031-05-08"`) {
		t.Errorf("got %v %q", ds, ds[0].Hints)
	}
}
