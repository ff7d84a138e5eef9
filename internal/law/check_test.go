package law

import (
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
	a[0].After = Province
	if g, _ := Find("Giấy khen"); g.After != Commune {
		t.Error("Awards shares its table")
	}
	if Reform() != (data.Date{Year: 2025, Month: 7, Day: 1}) {
		t.Error("Reform")
	}
}
