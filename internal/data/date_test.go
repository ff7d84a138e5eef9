package data

import "testing"

func TestDate_ParseAndFormat(t *testing.T) {
	cases := []struct {
		in, long, short, reason string
	}{
		{"2024-05-08", "ngày 08 tháng 5 năm 2024", "08/5/2024", ""},
		{"2024-01-05", "ngày 05 tháng 01 năm 2024", "05/01/2024", ""}, // D1: months 1, 2 padded
		{"2024-02-29", "ngày 29 tháng 02 năm 2024", "29/02/2024", ""},
		{"2024-12-31", "ngày 31 tháng 12 năm 2024", "31/12/2024", ""},
		{"8/5/2024", "ngày 08 tháng 5 năm 2024", "08/5/2024", ""},
		{"2024-05", "ngày         tháng 5 năm 2024", "    /5/2024", ""},
		{"", "ngày         tháng         năm          ", "    /     /       ", ""},
		{"2024-02-30", "", "", "tháng 2 năm 2024 chỉ có 29 ngày"},
		{"2023-02-29", "", "", "tháng 2 năm 2023 chỉ có 28 ngày"},
		{"2024-13", "", "", "không có tháng 13"},
		{"hôm nay", "", "", `"hôm nay" không phải là số`},
	}
	for _, c := range cases {
		d, reason := parseDate(c.in)
		if reason != c.reason {
			t.Errorf("parseDate(%q) reason = %q, want %q", c.in, reason, c.reason)
			continue
		}
		if reason != "" {
			continue
		}
		if got := d.Long(); got != c.long {
			t.Errorf("%q.Long() = %q, want %q", c.in, got, c.long)
		}
		if got := d.Short(); got != c.short {
			t.Errorf("%q.Short() = %q, want %q", c.in, got, c.short)
		}
	}
}
