package data

import (
	"strings"
	"testing"
	"testing/fstest"

	"vanban/internal/diag"
)

const policyDoc = `mau = "ke-hoach"
trich_yeu = "Về việc thử"
noi_nhan = ["Như trên"]
noi_dung = "Nội dung./."
`

// The numbering policy and the level are parsed once, into typed values;
// an unknown word is an error at its value.
func TestLoad_Policies(t *testing.T) {
	cases := []struct {
		extra     string
		numbering Numbering
		level     Level
		code, pos string
	}{
		{"", SharedSeries, Commune, "", ""}, // level from "THỊ TRẤN VẠN GIÃ"
		{"[so_van_ban]\ncach_danh_so = \"theo_loai\"\n", SeriesPerKind, Commune, "", ""},
		{"[so_van_ban]\ncach_danh_so = \"chung\"\n", SharedSeries, Commune, "", ""},
		{"[so_van_ban]\ncach_danh_so = \"rieng\"\n", 0, 0, "D022", "kh.toml:6:16"},
		{"[co_quan]\ncap = \"tinh\"\n", SharedSeries, Province, "", ""},
		{"[co_quan]\ncap = \"huyen\"\n", SharedSeries, District, "", ""},
		{"[co_quan]\ncap = \"so\"\n", SharedSeries, Department, "", ""},
		{"[co_quan]\ncap = \"don_vi_su_nghiep\"\n", SharedSeries, PublicUnit, "", ""},
		{"[co_quan]\ncap = \"quan\"\n", 0, 0, "D013", "kh.toml:6:7"},
	}
	for _, c := range cases {
		in, ds := load(t, policyDoc+c.extra)
		if c.code != "" {
			if in != nil || len(ds) != 1 || string(ds[0].Code) != c.code || ds[0].Pos.String() != c.pos {
				t.Errorf("%q: %v, want %s at %s", c.extra, ds, c.code, c.pos)
			}
			continue
		}
		if in == nil {
			t.Fatalf("%q: %v", c.extra, ds)
		}
		if in.Numbering != c.numbering || in.Org.Level != c.level {
			t.Errorf("%q: numbering %v level %v, want %v %v", c.extra, in.Numbering, in.Org.Level, c.numbering, c.level)
		}
		// Templates see the level as the word the clerk wrote.
		if co, _ := in.Values["co_quan"].(map[string]any); strings.Contains(c.extra, "cap") && co["cap"] != c.level {
			t.Errorf("%q: Values co_quan.cap = %#v", c.extra, co["cap"])
		}
	}
	words := LevelWords()
	if len(words) != int(Council) {
		t.Errorf("LevelWords = %q", words)
	}
	// The D013 hint lists every valid word, so an unknown cap says what to write.
	hint := strings.Join(diag.New(diag.Pos{File: "x", Line: 1, Col: 1}, diag.CodeBadLevel, "quan").Hints, " ")
	for i, w := range words {
		l := Level(i + 1)
		if back, ok := ParseLevel(w); !ok || back != l || l.String() != w || l.Name() == "" {
			t.Errorf("level %d does not round-trip: %q %q", l, l.String(), l.Name())
		}
		if !strings.Contains(hint, `"`+w+`"`) {
			t.Errorf("D013 hint does not list %q: %s", w, hint)
		}
	}
	if _, ok := ParseLevel("Sở"); ok {
		t.Error(`ParseLevel("Sở") ok`)
	}
	if n, ok := parseNumbering(SeriesPerKind.String()); !ok || n != SeriesPerKind {
		t.Error("numbering does not round-trip")
	}
}

// The level shows in the last line of the body's name; the council in
// the whole name.
func TestLevelOfName(t *testing.T) {
	cases := []struct {
		name []string
		want Level
	}{
		{[]string{"ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"}, Commune},
		{[]string{"ỦY BAN NHÂN DÂN", "HUYỆN VẠN NINH"}, District},
		{[]string{"ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA"}, Province},
		{[]string{"ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "SỞ NỘI VỤ"}, Department},
		{[]string{"HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG"}, Council},
		{[]string{"TRƯỜNG TIỂU HỌC SỐ 1"}, NoLevel},
		{nil, NoLevel},
	}
	for _, c := range cases {
		if got := LevelOfName(c.name); got != c.want {
			t.Errorf("%q: %q, want %q", c.name, got, c.want)
		}
	}
}

// Nothing a caller does to the slices it gets changes the package's tables.
func TestTables_NotShared(t *testing.T) {
	a := Authorities()
	a[1] = "X."
	if Authorities()[1] != "TM." {
		t.Error("Authorities shares its slice")
	}
	if k, ok := KindByName("bang_lap"); !ok || k != KindTableList {
		t.Error("KindByName(bang_lap)")
	}
	if _, ok := KindByName("cap"); ok {
		t.Error("KindLevel is not a front-matter kind")
	}
}

// The number is an int64 whether written as an integer or a string.
func TestLoad_NumberInt64(t *testing.T) {
	for _, so := range []string{"3", `"3"`, `"03"`} {
		in, ds := load(t, policyDoc+"so = "+so+"\n")
		if in == nil {
			t.Fatal(ds)
		}
		if v, ok := in.Values["so"].(int64); !ok || v != 3 || in.Number != 3 {
			t.Errorf("so = %s: Values %#v, Number %d", so, in.Values["so"], in.Number)
		}
	}
	in, _ := load(t, policyDoc)
	if v, ok := in.Values["so"].(int64); !ok || v != 0 {
		t.Errorf("no so: Values %#v", in.Values["so"])
	}
}

// A [[…]] row is a typed Row: its values by key (every column, zero when
// not written) and, beside them, where the row and each value are written.
func TestLoad_TypedRows(t *testing.T) {
	fields := append(append([]Field{}, schema.Fields...), Field{Key: "ca_nhan", Kind: KindTableList, Label: "cá nhân", Sub: []Field{
		{Key: "ho_ten", Kind: KindString, Required: true, Label: "họ tên"},
		{Key: "so_nam", Kind: KindInt, Label: "số năm"},
	}})
	sch := &Schema{Template: "ke-hoach", Fields: fields}
	o := opts()
	o.Schema = func(string) (*Schema, []string, bool) { return sch, nil, true }
	doc := policyDoc + "[[ca_nhan]]\nho_ten = \"A\"\nso_nam = 3\n\n[[ca_nhan]]\nho_ten = \"B\"\n"
	in, ds := Load(fstest.MapFS{"vanban.toml": {Data: []byte(profile)}, "kh.toml": {Data: []byte(doc)}}, "kh.toml", o)
	if in == nil {
		t.Fatal(ds)
	}
	rows, ok := in.Values["ca_nhan"].([]Row)
	if !ok || len(rows) != 2 {
		t.Fatalf("ca_nhan = %#v", in.Values["ca_nhan"])
	}
	if rows[0].At.String() != "kh.toml:5:1" || rows[1].At.String() != "kh.toml:9:1" {
		t.Errorf("rows at %v, %v", rows[0].At, rows[1].At)
	}
	if rows[0].Cell("so_nam").String() != "kh.toml:7:10" || rows[1].Cell("so_nam") != rows[1].At {
		t.Errorf("cells %v, %v", rows[0].Cell("so_nam"), rows[1].Cell("so_nam"))
	}
	if rows[1].Values["so_nam"] != int64(0) || rows[0].Str("ho_ten") != "A" || len(rows[0].Values) != 2 {
		t.Errorf("values %#v %#v", rows[0].Values, rows[1].Values)
	}
}
