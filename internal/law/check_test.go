package law

import (
	"strings"
	"testing"

	"vanban/internal/data"
	"vanban/internal/diag"
)

// Who grants is a typed Grantor and the level a typed Level, parsed once
// by tmpl and data; Check compares them, never words.
func TestCheck_Grantor(t *testing.T) {
	at := diag.Pos{File: "x.toml", Line: 9, Col: 1}
	row := data.Row{Values: map[string]any{"ten": "Tổ A", "hinh_thuc": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"}, At: at}
	in := &data.Input{
		File: "x.toml", Date: data.Date{Year: 2024, Month: 11, Day: 1},
		Org:    data.Org{Level: Commune},
		Values: map[string]any{"tap_the": []data.Row{row}, "cap_xet": Province},
	}
	cases := []struct {
		g    Grantor
		want int
	}{
		{NoGrantor, 0},      // nothing to check
		{GrantsIssuer, 1},   // a commune may not grant a provincial award
		{GrantsSuperior, 0}, // the province may
	}
	for _, c := range cases {
		ds := Check(in, c.g)
		if len(ds) != c.want {
			t.Errorf("grantor %d: %v", c.g, ds)
		}
		for _, d := range ds {
			if d.Code != diag.CodeAwardLevel || d.Pos != at {
				t.Errorf("grantor %d: %v", c.g, d)
			}
		}
	}
	for w, want := range map[string]Grantor{"": NoGrantor, "nguoi_ky": GrantsIssuer, "cap_tren": GrantsSuperior} {
		if g, ok := ParseGrantor(w); !ok || g != want {
			t.Errorf("ParseGrantor(%q) = %d %v", w, g, ok)
		}
	}
	if _, ok := ParseGrantor("ai"); ok {
		t.Error(`ParseGrantor("ai") ok`)
	}
}

// Awards hands out a copy: changing it changes nothing Find sees.
func TestAwards_Copy(t *testing.T) {
	a := Awards()
	a[0].Grants[0].Level = Council
	a[0].Name = "x"
	if g, ok := Find("Giấy khen"); !ok || g.Grants[0].Level != Department {
		t.Error("Awards shares its table")
	}
	if Reform() != (data.Date{Year: 2025, Month: 7, Day: 1}) {
		t.Error("Reform")
	}
}

// A Sở (its level from its name, no cap) grants Giấy khen and Tập thể lao
// động tiên tiến, not a provincial Bằng khen; the hint names who may, with
// the clause.
func TestCheck_Department(t *testing.T) {
	at := func(line int) diag.Pos { return diag.Pos{File: "qd.toml", Line: line, Col: 13} }
	row := func(line int, award string) data.Row {
		return data.Row{Values: map[string]any{"ten": "Phòng " + award, "hinh_thuc": award}, At: at(line),
			Cells: map[string]diag.Pos{"hinh_thuc": at(line)}}
	}
	in := &data.Input{
		File: "qd.toml", Date: data.Date{Year: 2025, Month: 12, Day: 10},
		Org: data.Org{Name: []string{"ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "SỞ NỘI VỤ"}},
		Values: map[string]any{"tap_the": []data.Row{
			row(3, "Giấy khen"), row(4, "Tập thể lao động tiên tiến"), row(5, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
		}},
	}
	ds := Check(in, GrantsIssuer)
	if len(ds) != 1 || ds[0].Code != diag.CodeAwardLevel || ds[0].Pos != at(5) {
		t.Fatalf("%v", ds)
	}
	if !strings.Contains(ds[0].Msg, "Giám đốc Sở") || !strings.Contains(strings.Join(ds[0].Hints, " "), "Chủ tịch Ủy ban nhân dân cấp tỉnh") {
		t.Errorf("msg %q hint %q", ds[0].Msg, strings.Join(ds[0].Hints, " "))
	}
	// Before the reform too: the Sở's power does not depend on the district level.
	in.Date = data.Date{Year: 2024, Month: 12, Day: 10}
	if ds := Check(in, GrantsIssuer); len(ds) != 1 {
		t.Errorf("2024: %v", ds)
	}
	// A commune before the reform may not grant Tập thể lao động tiên tiến; the hint says who may.
	in.Org = data.Org{Name: []string{"XÃ VẠN NINH"}, Level: Commune}
	ds = Check(in, GrantsIssuer)
	if len(ds) != 2 || ds[0].Pos != at(4) || !strings.Contains(strings.Join(ds[0].Hints, " "), "khoản 2 Điều 80") || !strings.Contains(strings.Join(ds[0].Hints, " "), "khoản 1 Điều 80") {
		t.Errorf("commune 2024: %v", ds)
	}
}

// A report row that counts an award vanban does not know is a positioned
// warning (its count cannot be checked); a known one, one with other
// spacing or case, or a row with no count, is silent.
func TestCheck_CountLabel(t *testing.T) {
	cell := diag.Pos{File: "bc.toml", Line: 40, Col: 13}
	row := func(award string, count bool) data.Row {
		v := map[string]any{"hinh_thuc": award, "quyet_dinh": data.DocRef{Ref: "quyet-dinh-khen-thuong"}}
		if count {
			v["so_ca_nhan"] = int64(3)
		}
		return data.Row{Values: v, At: diag.Pos{File: "bc.toml", Line: 39, Col: 1}, Cells: map[string]diag.Pos{"hinh_thuc": cell}}
	}
	cases := []struct {
		row  data.Row
		want int
	}{
		{row("Giấy khen", true), 0},
		{row("giấy khen", true), 0},
		{row("Giấy khen tập thể", false), 0},
		{row("Giấy khen tập thể", true), 1},
	}
	for _, c := range cases {
		in := &data.Input{File: "bc.toml", Values: map[string]any{"khen_thuong": []data.Row{c.row}}}
		ds := Check(in, NoGrantor)
		if len(ds) != c.want {
			t.Errorf("%v: %v", c.row.Values, ds)
			continue
		}
		for _, d := range ds {
			if d.Code != diag.CodeCountUnknown || d.Pos != cell || d.Severity != diag.Warning ||
				!strings.Contains(strings.Join(d.Hints, " "), "quyet-dinh-khen-thuong") || !strings.Contains(d.Msg, "Giấy khen tập thể") {
				t.Errorf("%v", d)
			}
		}
	}
}
