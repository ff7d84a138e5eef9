package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"vanban/internal/model"
)

// Date is a document date whose day, or day and month, may not be known yet
// (they are filled in by hand at signing). It is the model's date, so data,
// citations and the header spell it the same way.
type Date = model.Date

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
