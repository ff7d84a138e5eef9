package unit

import "testing"

func TestUnit_Conversions(t *testing.T) {
	cases := []struct {
		l     Length
		twips int64
		str   string
	}{
		{MMs(30), 1701, "30.000mm"},      // 30 mm = 1700.8 twips
		{MMs(210), 11906, "210.000mm"},   // A4 width in a sectPr
		{Pt(14), 280, "4.939mm"},         // 14 pt
		{-MMs(1) / 2, -28, "-0.500mm"},   // rounding away from zero
		{CM, 567, "10.000mm"},            // 1 cm first-line indent
		{HalfPoint * 28, 280, "4.939mm"}, // sz=28 is 14 pt
	}
	for _, c := range cases {
		if got := c.l.Twips(); got != c.twips {
			t.Errorf("%v.Twips() = %d, want %d", c.l, got, c.twips)
		}
		if got := c.l.String(); got != c.str {
			t.Errorf("String() = %q, want %q", got, c.str)
		}
	}
	if got := Pt(12).Points(); got != 12 {
		t.Errorf("Points() = %v", got)
	}
}
