package law

import (
	"slices"
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

// Who grants what, before and after the two-level government (Luật Thi
// đua, khen thưởng 2022 Điều 80; spec §5.1).
func TestAward_GrantedBy(t *testing.T) {
	before, after := data.Date{Year: 2024, Month: 11, Day: 1}, data.Date{Year: 2025, Month: 11, Day: 1}
	cases := []struct {
		award         string
		before, after []Level // who may grant it, in table order
	}{
		{"Giấy khen", []Level{Department, PublicUnit, Sector, District, Commune}, []Level{Department, PublicUnit, Sector, Commune}},
		{"Lao động tiên tiến", []Level{Department, PublicUnit, Sector, District, Commune}, []Level{Department, PublicUnit, Sector, Commune}},
		{"Chiến sĩ thi đua cơ sở", []Level{Department, PublicUnit, Sector, District}, []Level{Department, PublicUnit, Sector, Commune}},
		{"Tập thể lao động tiên tiến", []Level{Department, PublicUnit, Sector, District}, []Level{Department, PublicUnit, Sector, Commune}},
		{"Giấy khen của Chủ tịch Ủy ban nhân dân huyện", []Level{District}, nil},
		{"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", []Level{Province}, []Level{Province}},
	}
	levels := func(gs []Grant) []Level {
		var out []Level
		for _, g := range gs {
			if g.Clause == "" {
				t.Errorf("grant %v without a clause", g)
			}
			out = append(out, g.Level)
		}
		return out
	}
	for _, c := range cases {
		a, ok := Find(c.award)
		if !ok {
			t.Fatalf("no award %q", c.award)
		}
		if b, f := levels(a.Granters(before)), levels(a.Granters(after)); !slices.Equal(b, c.before) || !slices.Equal(f, c.after) {
			t.Errorf("%s: %v / %v, want %v / %v", c.award, b, f, c.before, c.after)
		}
	}
	// Nobody grants at council level; the council advises.
	for _, a := range Awards() {
		if _, ok := a.GrantedBy(Council, after); ok {
			t.Errorf("the council grants %s", a.Name)
		}
	}
	g, ok := mustFind(t, "Tập thể lao động tiên tiến").GrantedBy(Department, after)
	if !ok || !strings.HasPrefix(g.Clause, "khoản 1 Điều 80") {
		t.Errorf("Sở: %v %v", g, ok)
	}
	if Phrase("Chiến sĩ thi đua cơ sở") != "danh hiệu Chiến sĩ thi đua cơ sở" || Phrase("Giấy khen") != "Giấy khen" {
		t.Error("Phrase")
	}
}

func mustFind(t *testing.T, name string) Award {
	t.Helper()
	a, ok := Find(name)
	if !ok {
		t.Fatalf("no award %q", name)
	}
	return a
}

// A report's label matches an award whatever its case and spacing; a
// made-up one matches nothing.
func TestMatch(t *testing.T) {
	for _, s := range []string{"Giấy khen", "giấy  khen", " Tập thể lao động tiên tiến "} {
		if _, ok := Match(s); !ok {
			t.Errorf("Match(%q) failed", s)
		}
	}
	if _, ok := Match("Giấy khen tập thể"); ok {
		t.Error("Match(Giấy khen tập thể) ok")
	}
	// A label saying who grants it names the award it starts with; the
	// longest name that fits wins.
	for label, want := range map[string]string{
		"Giấy khen của Chủ tịch Ủy ban nhân dân thị trấn":       "Giấy khen",
		"giấy khen của Giám đốc Sở Nội vụ":                      "Giấy khen",
		"Giấy khen của Chủ tịch Ủy ban nhân dân huyện Vạn Ninh": "Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
		"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
		"Cờ thi đua của Ủy ban nhân dân tỉnh Khánh Hòa":         "Cờ thi đua của Ủy ban nhân dân tỉnh",
	} {
		if a, ok := Match(label); !ok || a.Name != want {
			t.Errorf("Match(%q) = %q %v, want %q", label, a.Name, ok, want)
		}
	}
	for _, label := range []string{"Giấy khen của", "Lao động tiên tiến xuất sắc", "Bằng khen của Thủ tướng Chính phủ"} {
		if a, ok := Match(label); ok {
			t.Errorf("Match(%q) = %q", label, a.Name)
		}
	}
}

// A Sở is a Sở by its name when co_quan.cap is empty; cap wins over the name.
func TestIssuerLevel(t *testing.T) {
	cases := []struct {
		name []string
		cap  Level
		want Level
	}{
		{[]string{"ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "SỞ NỘI VỤ"}, NoLevel, Department},
		{[]string{"SỞ NỘI VỤ"}, Province, Province},
		{[]string{"HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG"}, NoLevel, Council},
		{[]string{"TRƯỜNG TIỂU HỌC VẠN NINH"}, NoLevel, NoLevel},
	}
	for _, c := range cases {
		in := &data.Input{Org: data.Org{Name: c.name, Level: c.cap}}
		if got := IssuerLevel(in); got != c.want {
			t.Errorf("%q cap %q: %q, want %q", c.name, c.cap, got, c.want)
		}
	}
}
