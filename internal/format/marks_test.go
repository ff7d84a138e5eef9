package format

import (
	"reflect"
	"testing"

	"vanban/internal/unit"
)

func TestMarks_Rules(t *testing.T) {
	for _, c := range []struct {
		name, level, text string
		w                 unit.Length
	}{
		{"PL1_II.10.b_khan_20x8", "khan", "KHẨN", 20 * unit.MM},
		{"PL1_II.10.b_thuong_khan_40x8", "thuong-khan", "THƯỢNG KHẨN", 40 * unit.MM},
		{"PL1_II.10.b_hoa_toc_30x8", "hoa-toc", "HỎA TỐC", 30 * unit.MM},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, w, ok := UrgencyStamp(c.level)
			if !ok || text != c.text || w != c.w {
				t.Errorf("UrgencyStamp(%q) = %q, %v, %v", c.level, text, w, ok)
			}
		})
	}
	if _, _, ok := UrgencyStamp("rat-khan"); ok {
		t.Error("unknown urgency accepted")
	}
	st := NewSheet("cong-van")
	if s := st.Style(Stamp); s.Size < 26 || s.Size > 28 || !s.Upper || s.Font != 1 {
		t.Errorf("PL1_II.10.b–c stamp words %+v; want 13–14 pt, UP, bold", s)
	}
	if s := st.Style(DrafterLine); s.Size != 22 || s.Font != 0 {
		t.Errorf("PL1_II.11 ô 12 %+v; want 11 pt upright", s)
	}
	if s := st.Style(ContactLine); s.Size < 22 || s.Size > 24 || s.Font != 0 {
		t.Errorf("PL1_II.12 ô 13 %+v; want 11–12 pt upright", s)
	}
	for _, c := range []struct {
		d    string
		n    int
		want string
	}{{"nva", 5, "NVA.(05)"}, {"PL", 300, "PL.(300)"}, {"TH", 0, "TH"}, {"", 12, "(12)"}, {"", 0, ""}} {
		if got := DrafterText(c.d, c.n); got != c.want {
			t.Errorf("PL1_II.11 DrafterText(%q, %d) = %q, want %q", c.d, c.n, got, c.want)
		}
	}
	got := ContactLines(Contact{Address: "Thôn 1", Phone: "0258", Website: "x.gov.vn"})
	want := []string{"Địa chỉ: Thôn 1", "ĐT: 0258", "Website: x.gov.vn"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PL1_V row 12 ContactLines = %q, want %q", got, want)
	}
	if ContactLines(Contact{}) != nil {
		t.Error("empty contact printed")
	}
	if CirculationText("noi-bo") != "Lưu hành nội bộ" || CirculationText("xem-xong-tra-lai") != "Xem xong trả lại" {
		t.Error("PL1_II.10.c circulation texts")
	}
}
