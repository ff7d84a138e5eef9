package docimport_test

import (
	"strings"
	"testing"

	"vanban/internal/engine"
)

// TestImport_BaoCaoThanhTich: the two forms of "BÁO CÁO THÀNH TÍCH" are
// told apart by their lines (cá nhân: "Họ và tên:", tập thể: "Tên tập
// thể:"), every line is placed in a key, and imported into the other form
// nothing is lost: what the form has no key for is reported.
func TestImport_BaoCaoThanhTich(t *testing.T) {
	e := newEngine(t)
	dir := "../../testdata/van-ninh-2026"
	for _, c := range []struct {
		name, other, key string
		values           []string
	}{
		{"bao-cao-thanh-tich-ca-nhan", "bao-cao-thanh-tich-tap-the", "ho_ten = ",
			[]string{"Sinh ngày: 12/3/1988", "Quê quán: xã Vạn Ninh", "Tham mưu Ủy ban nhân dân xã công tác văn phòng", "Năm 2026, đồng chí", "Lao động tiên tiến", "Lê Văn Thành"}},
		{"bao-cao-thanh-tich-tap-the", "bao-cao-thanh-tich-ca-nhan", "tap_the = ",
			[]string{"Tên tập thể: Trường Mầm non Vạn Ninh", "386 trẻ", "Nuôi dưỡng, chăm sóc", "Tỷ lệ trẻ đến trường", "Dạy tốt - Học tốt", "Lê Văn Thành"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			j := engine.Job{Dir: dir, Name: c.name + ".toml"}
			res, err := e.Build(j, true)
			if err != nil || res.Doc == nil {
				t.Fatalf("sample does not build: %v", err)
			}
			imp := importDOCX(t, e, dir, res.DOCX, "")
			if imp.Template != c.name {
				t.Errorf("template %q (%s), want %q", imp.Template, imp.Why, c.name)
			}
			if len(imp.Unplaced) > 0 {
				t.Errorf("unplaced: %+v", imp.Unplaced)
			}
			for _, bad := range []string{"noi_nhan", "so = ", "noi_dung"} {
				if strings.Contains(imp.TOML, bad) {
					t.Errorf("draft has %q:\n%s", bad, imp.TOML)
				}
			}
			if !strings.Contains(imp.TOML, c.key) || !strings.Contains(imp.TOML, "[[danh_hieu]]") {
				t.Errorf("draft lacks %q or [[danh_hieu]]:\n%s", c.key, imp.TOML)
			}
			// Into the other form (its required keys stay missing): the
			// values it has no key for are reported, not dropped.
			other := importDOCX(t, e, dir, res.DOCX, c.other)
			var all strings.Builder
			all.WriteString(other.TOML)
			for _, f := range other.Unplaced {
				all.WriteString("\n" + f.Text)
			}
			for _, want := range c.values {
				if !strings.Contains(all.String(), want) {
					t.Errorf("into %s: %q neither placed nor reported\n%s", c.other, want, all.String())
				}
			}
		})
	}
}
