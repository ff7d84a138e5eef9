package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a document date whose day, or day and month, may not be known yet
// (they are filled in by hand at signing). Zero fields are unknown; a zero
// Date is "no date yet".
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether no part of the date is known.
func (d Date) IsZero() bool { return d.Year == 0 }

// Complete reports whether year, month and day are all known.
func (d Date) Complete() bool { return d.Day != 0 }

// String returns d.Short().
func (d Date) String() string { return d.Short() }

// Short formats d as NĐ 30 citations write it, "08/5/2024": the day with a
// leading zero, the month without one except January and February
// (Phụ lục I, II.4.b). Unknown parts become blanks.
func (d Date) Short() string {
	if !d.Complete() {
		return fmt.Sprintf("%s/%s/%s", blankOr(d.Day, 2), monthText(d.Month), yearText(d.Year))
	}
	return fmt.Sprintf("%02d/%s/%d", d.Day, monthText(d.Month), d.Year)
}

// Long formats d as "ngày 08 tháng 5 năm 2024" (Phụ lục I, II.4.b), with
// blanks of the usual width where a part is unknown.
func (d Date) Long() string {
	day := "     "
	if d.Day != 0 {
		day = fmt.Sprintf("%02d", d.Day)
	}
	mon := "     "
	if d.Month != 0 {
		mon = monthText(d.Month)
	}
	return fmt.Sprintf("ngày %s tháng %s năm %s", day, mon, yearText(d.Year))
}

func monthText(m int) string {
	switch {
	case m == 0:
		return "     "
	case m <= 2:
		return fmt.Sprintf("%02d", m)
	}
	return strconv.Itoa(m)
}

func yearText(y int) string {
	if y == 0 {
		return "       "
	}
	return strconv.Itoa(y)
}

func blankOr(n, width int) string {
	if n == 0 {
		return strings.Repeat(" ", width+2)
	}
	return fmt.Sprintf("%0*d", width, n)
}

// ParseDate reads a date as the data may write it; the reason is non-empty
// when it is not a date.
func ParseDate(s string) (Date, string) { return parseDate(s) }

// parseDate reads "2024-05-08", "2024-05", "2024", "08/5/2024" or "". The
// reason is Vietnamese, for the diagnostic.
func parseDate(s string) (Date, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, ""
	}
	var parts []string
	var d Date
	switch {
	case strings.Contains(s, "/"):
		parts = strings.Split(s, "/")
		if len(parts) != 3 {
			return d, "viết đủ ngày/tháng/năm"
		}
		parts[0], parts[2] = parts[2], parts[0] // → year, month, day
	default:
		parts = strings.Split(s, "-")
		if len(parts) > 3 {
			return d, "có quá nhiều phần"
		}
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" {
			return d, fmt.Sprintf("%q không phải là số", p)
		}
		nums[i] = n
	}
	d.Year = nums[0]
	if d.Year < 1900 || d.Year > 2999 {
		return Date{}, fmt.Sprintf("năm %d nằm ngoài khoảng 1900–2999", d.Year)
	}
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Sprintf("không có tháng %d", d.Month)
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return Date{}, fmt.Sprintf("tháng %d năm %d chỉ có %d ngày", d.Month, d.Year, last)
		}
	}
	return d, ""
}
