package model

import "testing"

// NĐ 30, Phụ lục I, II.3.a: numbers below 10 take a leading zero.
func TestPadded_II3a(t *testing.T) {
	for n, want := range map[int64]string{0: "00", 1: "01", 9: "09", 10: "10", 123: "123", 99999: "99999"} {
		if got := Padded(n); got != want {
			t.Errorf("Padded(%d) = %q, want %q", n, got, want)
		}
	}
}

// The number after "Số: " and in citations; blanks while not assigned.
func TestNumber_Text(t *testing.T) {
	cases := []struct {
		n    Number
		want string
	}{
		{Number{Value: 5, Symbol: "KH-UBND"}, "05/KH-UBND"},
		{Number{Value: 12, Symbol: "QĐ-UBND"}, "12/QĐ-UBND"},
		{Number{Symbol: "TTr-UBND"}, "      /TTr-UBND"},
	}
	for _, c := range cases {
		if got := c.n.Text(); got != c.want {
			t.Errorf("%+v.Text() = %q, want %q", c.n, got, c.want)
		}
		if c.n.Assigned() != (c.n.Value != 0) {
			t.Errorf("%+v.Assigned()", c.n)
		}
	}
}

// NĐ 30, Phụ lục I, II.4.b: day below 10 and months 1, 2 with a leading
// zero; each spelling keeps its own blanks for parts not known yet.
func TestDate_Spellings_II4b(t *testing.T) {
	cases := []struct {
		d                Date
		long, short, iso string
	}{
		{Date{2024, 5, 8}, "ngày 08 tháng 5 năm 2024", "08/5/2024", "2024-05-08"},
		{Date{2024, 1, 15}, "ngày 15 tháng 01 năm 2024", "15/01/2024", "2024-01-15"},
		{Date{2024, 2, 29}, "ngày 29 tháng 02 năm 2024", "29/02/2024", "2024-02-29"},
		{Date{2024, 12, 31}, "ngày 31 tháng 12 năm 2024", "31/12/2024", "2024-12-31"},
		{Date{Year: 2024, Month: 5}, "ngày " + longDayBlank + " tháng 5 năm 2024", shortDayBlank + "/5/2024", "2024-05-00"},
		{Date{Year: 2024}, "ngày " + longDayBlank + " tháng " + longMonthBlank + " năm 2024", shortDayBlank + "/" + shortMonthBlank + "/2024", "2024-00-00"},
		{Date{}, "ngày " + longDayBlank + " tháng " + longMonthBlank + " năm " + longYearBlank, shortDayBlank + "/" + shortMonthBlank + "/" + shortYearBlank, "0000-00-00"},
	}
	for _, c := range cases {
		if got := c.d.Long(); got != c.long {
			t.Errorf("%+v.Long() = %q, want %q", c.d, got, c.long)
		}
		if got := c.d.Short(); got != c.short || c.d.String() != c.short {
			t.Errorf("%+v.Short() = %q, want %q", c.d, got, c.short)
		}
		if got := c.d.ISO(); got != c.iso {
			t.Errorf("%+v.ISO() = %q, want %q", c.d, got, c.iso)
		}
	}
	// The blank of a part is wider than the part it stands for, so a clerk
	// can write it by hand.
	for _, b := range []struct {
		blank string
		min   int
	}{{longDayBlank, 3}, {longMonthBlank, 3}, {longYearBlank, 5}, {shortDayBlank, 3}, {shortMonthBlank, 3}, {shortYearBlank, 5}} {
		if len(b.blank) < b.min {
			t.Errorf("blank %q narrower than %d", b.blank, b.min)
		}
	}
}
