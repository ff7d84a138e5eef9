package font

import (
	"testing"

	"vanban/fonts"
	"vanban/internal/unit"
)

func load(t testing.TB) *Set {
	t.Helper()
	s, err := Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The widths the spec measured ([MEAS] in nd30-rules.md §1.4) from the same
// metrics: Quốc hiệu 95.7 mm at 13 pt bold, Tiêu ngữ 60.5 mm at 14 pt bold.
func TestFont_WidthsMatchSpec(t *testing.T) {
	s := load(t)
	cases := []struct {
		text   string
		style  Style
		hp     int
		wantMM float64
	}{
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold, 26, 95.7},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold, 24, 88.3},
		{"Độc lập - Tự do - Hạnh phúc", Bold, 28, 60.5},
		{"Độc lập - Tự do - Hạnh phúc", Bold, 26, 56.1},
		{"ỦY BAN NHÂN DÂN", Bold, 26, 43.2},
		{"KẾ HOẠCH", Bold, 28, 27.0},
	}
	for _, c := range cases {
		got := float64(s.Face(c.style).Width(c.text, c.hp)) / float64(unit.MM)
		if got < c.wantMM-0.06 || got > c.wantMM+0.06 {
			t.Errorf("%q %v %dhp: %.2f mm, want %.1f", c.text, c.style, c.hp, got, c.wantMM)
		}
	}
}

func TestFont_Coverage(t *testing.T) {
	s := load(t)
	for _, r := range "ẠẢÃÀÁÂẦẤẬẨẪĂẰẮẶẲẴĐƠỜỚỢỞỠƯỪỨỰỬỮỳýỵỷỹ–“”…" {
		if !s.Has(r) {
			t.Errorf("font lacks %q", r)
		}
	}
	for _, r := range "😀\u0000✅" {
		if s.Has(r) {
			t.Errorf("font claims %q", r)
		}
	}
}
