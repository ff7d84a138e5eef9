package law

import (
	"strings"
	"testing"

	"vanban/internal/data"
)

func TestBases_FollowTheDate(t *testing.T) {
	cases := []struct {
		d    data.Date
		want string
	}{
		{data.Date{Year: 2024, Month: 5, Day: 8}, "98/2023/NĐ-CP"},
		{data.Date{Year: 2025, Month: 6, Day: 30}, "98/2023/NĐ-CP"},
		{data.Date{Year: 2025, Month: 7, Day: 1}, "152/2025/NĐ-CP"},
		{data.Date{Year: 2025, Month: 7}, "152/2025/NĐ-CP"}, // day not known yet: July 2025 is after
		{data.Date{Year: 2026}, "152/2025/NĐ-CP"},
	}
	for _, c := range cases {
		b := Bases(c.d)
		if len(b) != 2 || !strings.Contains(b[1], c.want) || !strings.HasPrefix(b[0], "Căn cứ Luật Thi đua, khen thưởng") {
			t.Errorf("%+v: %q", c.d, b)
		}
	}
}

// Who grants what, before and after the two-level government (spec §5.1).
func TestAward_Granter(t *testing.T) {
	before, after := data.Date{Year: 2024, Month: 11, Day: 1}, data.Date{Year: 2025, Month: 11, Day: 1}
	cases := []struct {
		award         string
		before, after Level
	}{
		{"Giấy khen", Commune, Commune},
		{"Lao động tiên tiến", Commune, Commune},
		{"Chiến sĩ thi đua cơ sở", District, Commune},
		{"Tập thể lao động tiên tiến", District, Commune},
		{"Giấy khen của Chủ tịch Ủy ban nhân dân huyện", District, NoLevel},
		{"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", Province, Province},
	}
	for _, c := range cases {
		a, ok := Find(c.award)
		if !ok {
			t.Fatalf("no award %q", c.award)
		}
		if a.Granter(before) != c.before || a.Granter(after) != c.after {
			t.Errorf("%s: %q/%q", c.award, a.Granter(before), a.Granter(after))
		}
	}
	if Phrase("Chiến sĩ thi đua cơ sở") != "danh hiệu Chiến sĩ thi đua cơ sở" || Phrase("Giấy khen") != "Giấy khen" {
		t.Error("Phrase")
	}
}
