package tmpl

import (
	"fmt"
	"text/template"

	"vanban/internal/data"
)

// funcs is the small function set templates may call. Logic stays in Go:
// templates format dates and count years through these, never by hand.
func funcs() template.FuncMap {
	return template.FuncMap{
		"esc": esc,
		// ngay: "ngày 08 tháng 5 năm 2024" (NĐ 30, Phụ lục I, II.4.b).
		"ngay": func(d data.Date) string { return d.Long() },
		// ngay_ngan: "08/5/2024", as citations write dates.
		"ngay_ngan": func(d data.Date) string { return d.Short() },
		// ky_niem: how many years year is after since, e.g. ky_niem 1945 2024 = 79.
		"ky_niem": func(since int, year int64) (int64, error) {
			if year < int64(since) {
				return 0, fmt.Errorf("năm %d trước năm %d", year, since)
			}
			return year - int64(since), nil
		},
		// trich_dan: the citation of a document, "Kế hoạch số … ngày … của …".
		"trich_dan": func(r data.DocRef) string { return r.Citation() },
		// so: a number with a leading zero below 10 (Phụ lục I, II.3.c).
		"so": func(n int64) string { return fmt.Sprintf("%02d", n) },
	}
}
