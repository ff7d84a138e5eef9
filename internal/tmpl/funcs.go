package tmpl

import (
	"fmt"
	"text/template"
	"unicode"
	"unicode/utf8"

	"vanban/internal/data"
	"vanban/internal/format"
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
		// so: a count with a leading zero below 10 (Phụ lục I, II.3.a) and
		// thousands grouped with ".": "05", "1.254".
		"so": padded,
		// dem: how many rows a list has.
		"dem": func(rows []map[string]any) Num { return Num(len(rows)) },
		// hoa_dau: s with its first letter upper-cased, to open a
		// sentence with a value written lower-case ("cuộc họp" → "Cuộc họp").
		"hoa_dau": capitalize,
		// thuong_dau: s with its first letter lower-cased, to continue a
		// sentence with a trích yếu ("Làm việc của …" → "làm việc của …").
		"thuong_dau": decapitalize,
		// loai_trong_cau: a tên loại as a sentence names it, "QUY CHẾ" →
		// "Quy chế" ("Ban hành kèm theo Quyết định này Quy chế …").
		"loai_trong_cau": format.SentenceCase,
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
		// tong: the sum of an integer column, printed "1.254".
		"tong": sum,
		// phan_tram: done/planned as a percentage with one decimal and a
		// decimal comma, "95,5"; "-" when nothing was planned.
		"phan_tram": percent,
		// so_dep ("số đẹp", a number as printed): thousands grouped with
		// "." and decimals after ",": so_dep 1254 = "1.254", so_dep 102.7 =
		// "102,7" (Vietnamese writes 1.254 and 102,7).
		"so_dep": pretty,
		// so_tien ("số tiền"): an amount of money in đồng, "100.000 đồng".
		"so_tien": func(v any) (string, error) {
			n, err := integer(v)
			return format.Thousands(n) + " đồng", err
		},
		// bang_chu ("bằng chữ"): an amount of money in words, for the line
		// "(Bằng chữ: …)": bang_chu 105000 = "Một trăm linh năm nghìn đồng".
		"bang_chu": func(v any) (string, error) {
			n, err := integer(v)
			return format.AmountWords(n), err
		},
	}
}

// Num is an integer a function computed (a total, a count). It prints with
// its thousands grouped the Vietnamese way ("1.254") and compares and
// passes to so, so_dep, so_tien and phan_tram like any integer.
type Num int64

// String is n as printed: "1.254".
func (n Num) String() string { return format.Thousands(int64(n)) }

// integer returns the integer of a template value: a data integer, a Num,
// or a Go int.
func integer(v any) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case Num:
		return int64(x), nil
	case int:
		return int64(x), nil
	}
	return 0, fmt.Errorf("%v không phải số nguyên", v)
}

// padded is model.Padded with thousands grouped: "05", "12", "1.254".
func padded(v any) (string, error) {
	n, err := integer(v)
	if err != nil {
		return "", err
	}
	if n < 1000 {
		return model.Padded(n), nil
	}
	return format.Thousands(n), nil
}

// pretty prints an integer or a decimal number the Vietnamese way.
func pretty(v any) (string, error) {
	if f, ok := v.(float64); ok {
		return format.FloatText(f), nil
	}
	n, err := integer(v)
	return format.Thousands(n), err
}

// Tally is the number of collectives and individuals proposed for an award.
type Tally struct {
	Award       string
	Phrase      string // as a sentence names it: "danh hiệu Chiến sĩ thi đua cơ sở", "Giấy khen"
	Collectives int64
	Individuals int64
	End         string // ";" after each item of a list of tallies, "." after the last
}

// Text is "03 tập thể và 12 cá nhân", leaving out a zero part; thousands
// grouped with ".".
func (t Tally) Text() string {
	c, _ := padded(t.Collectives)
	i, _ := padded(t.Individuals)
	switch {
	case t.Collectives == 0:
		return i + " cá nhân"
	case t.Individuals == 0:
		return c + " tập thể"
	}
	return c + " tập thể và " + i + " cá nhân"
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

func sum(rows []map[string]any, key string) (Num, error) {
	var n int64
	for _, r := range rows {
		v, ok := r[key].(int64)
		if !ok {
			return 0, fmt.Errorf("cột %q không phải số nguyên", key)
		}
		n += v
	}
	return Num(n), nil
}

func percent(doneV, plannedV any) (string, error) {
	done, err := integer(doneV)
	if err != nil {
		return "", err
	}
	planned, err := integer(plannedV)
	if err != nil {
		return "", err
	}
	if planned == 0 {
		return "-", nil
	}
	tenths := (done*1000 + planned/2) / planned
	return format.Decimal(tenths, 1), nil
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

// capitalize returns s with its first letter in upper case (Vietnamese
// letters included: "đại hội" → "Đại hội").
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// decapitalize returns s with its first letter in lower case ("Làm việc"
// → "làm việc").
func decapitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}
