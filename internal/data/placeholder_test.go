package data

import (
	"strings"
	"testing"
	"testing/fstest"

	"vanban/internal/diag"
)

func TestHasPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"…":                            true,
		"Số …/KH-…":                    true,
		"ngày … của …":                 true,
		"Triển khai … năm 2026":        true,
		"(…)":                          true,
		"văn hóa, văn nghệ, thể thao…": false,
		"năm 2024…":                    false,
		"Phát động phong trào thi đua": false,
		"":                             false,
	} {
		if got := HasPlaceholder(s); got != want {
			t.Errorf("HasPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

// Placeholders names the document's own values, with their positions, and
// leaves the profile's alone.
func TestPlaceholders_DocumentOnly(t *testing.T) {
	prof := strings.Replace(profile, `dia_danh = "Vạn Giã"`, `dia_danh = "…"`, 1)
	doc := `mau = "ke-hoach"
so = 5
ngay = "2024-05-08"
trich_yeu = "Về việc …"
noi_nhan = ["Sở Nội vụ", "Phòng …"]
noi_dung = "Nội dung, văn nghệ, thể thao…"
`
	fsys := fstest.MapFS{"vanban.toml": {Data: []byte(prof)}, "kh.toml": {Data: []byte(doc)}}
	in, ds := Load(fsys, "kh.toml", opts())
	if in == nil {
		t.Fatal(ds)
	}
	got := Placeholders(in)
	want := []Placeholder{
		{"trich_yeu", diag.Pos{File: "kh.toml", Line: 4, Col: 13}},
		{"noi_nhan[1]", diag.Pos{File: "kh.toml", Line: 5, Col: 12}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}
