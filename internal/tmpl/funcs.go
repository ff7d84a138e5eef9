package tmpl

import (
	"fmt"
	"text/template"

	"vanban/internal/data"
	"vanban/internal/law"
	"vanban/internal/model"
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
		// so: a number with a leading zero below 10 (Phụ lục I, II.3.a).
		"so": model.Padded,
		// dem: how many rows a list has.
		"dem": func(rows []map[string]any) int64 { return int64(len(rows)) },
		// stt: the ordinal of a range index, 1-based.
		"stt": func(i int) int { return i + 1 },
		// la_ma: a Roman numeral, for group rows "I.", "II.".
		"la_ma": roman,
		// nhom: the rows grouped by the value of key, in order of first appearance.
		"nhom": groupBy,
		// can_cu_tdkt: the legal bases of emulation and commendation in force on
		// a date (Luật Thi đua, khen thưởng 2022; NĐ 98/2023 or NĐ 152/2025).
		"can_cu_tdkt": law.Bases,
		// tong_hop: per award, how many collectives and individuals the two
		// lists propose, in order of first appearance.
		"tong_hop": tally,
		// tong: the sum of an integer column.
		"tong": sum,
		// phan_tram: done/planned as a percentage with one decimal and a
		// decimal comma, "95,5"; "-" when nothing was planned.
		"phan_tram": percent,
	}
}

// Tally is the number of collectives and individuals proposed for an award.
type Tally struct {
	Award       string
	Phrase      string // as a sentence names it: "danh hiệu Chiến sĩ thi đua cơ sở", "Giấy khen"
	Collectives int64
	Individuals int64
	End         string // ";" after each item of a list of tallies, "." after the last
}

// Text is "03 tập thể và 12 cá nhân", leaving out a zero part.
func (t Tally) Text() string {
	switch {
	case t.Collectives == 0:
		return model.Padded(t.Individuals) + " cá nhân"
	case t.Individuals == 0:
		return model.Padded(t.Collectives) + " tập thể"
	}
	return model.Padded(t.Collectives) + " tập thể và " + model.Padded(t.Individuals) + " cá nhân"
}

func tally(collectives, individuals []map[string]any) []Tally {
	var out []Tally
	index := map[string]int{}
	add := func(rows []map[string]any, person bool) {
		for _, r := range rows {
			a, _ := r["hinh_thuc"].(string)
			i, ok := index[a]
			if !ok {
				i = len(out)
				index[a] = i
				out = append(out, Tally{Award: a, Phrase: law.Phrase(a)})
			}
			if person {
				out[i].Individuals++
			} else {
				out[i].Collectives++
			}
		}
	}
	add(collectives, false)
	add(individuals, true)
	for i := range out {
		out[i].End = ";"
	}
	if len(out) > 0 {
		out[len(out)-1].End = "."
	}
	return out
}

func sum(rows []map[string]any, key string) (int64, error) {
	var n int64
	for _, r := range rows {
		v, ok := r[key].(int64)
		if !ok {
			return 0, fmt.Errorf("cột %q không phải số nguyên", key)
		}
		n += v
	}
	return n, nil
}

func percent(done, planned int64) string {
	if planned == 0 {
		return "-"
	}
	tenths := (done*1000 + planned/2) / planned
	return fmt.Sprintf("%d,%d", tenths/10, tenths%10)
}

// Group is the rows sharing one value of a key.
type Group struct {
	Key  string
	Rows []map[string]any
}

// Count is len(Rows), for templates.
func (g Group) Count() int64 { return int64(len(g.Rows)) }

func groupBy(rows []map[string]any, key string) ([]Group, error) {
	var out []Group
	index := map[string]int{}
	for _, r := range rows {
		v, ok := r[key]
		if !ok {
			return nil, fmt.Errorf("không có cột %q", key)
		}
		k := fmt.Sprint(v)
		i, seen := index[k]
		if !seen {
			i = len(out)
			index[k] = i
			out = append(out, Group{Key: k})
		}
		out[i].Rows = append(out[i].Rows, r)
	}
	return out, nil
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	s := ""
	for i, v := range vals {
		for n >= v {
			s += syms[i]
			n -= v
		}
	}
	return s
}
