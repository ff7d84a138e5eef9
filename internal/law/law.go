// Package law holds the legal facts of thi đua, khen thưởng that documents
// cite and checks depend on: which decree is in force on a date, which
// awards exist and which level of government may grant each, before and
// after the two-level local government of 01/7/2025
// (shared/spec/nd30-rules.md §0.1, §5.1).
package law

import "vanban/internal/data"

// Reform returns the day the district level ends and NĐ 152/2025/NĐ-CP
// replaces NĐ 98/2023/NĐ-CP (NĐ 152/2025 Điều 59; NĐ 129/2025).
func Reform() data.Date { return data.Date{Year: 2025, Month: 7, Day: 1} }

// Before reports whether a is strictly before b; unknown parts of a count as
// the first of their period.
func Before(a, b data.Date) bool {
	ka := a.Year*10000 + max(a.Month, 1)*100 + max(a.Day, 1)
	kb := b.Year*10000 + max(b.Month, 1)*100 + max(b.Day, 1)
	return ka < kb
}

// Bases returns the legal bases of commendation in force on d, as căn cứ
// lines (without the final punctuation, which the template markup adds).
func Bases(d data.Date) []string {
	out := []string{"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"}
	if Before(d, Reform()) {
		return append(out, "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng")
	}
	// UNCERTAIN: the exact trích yếu of NĐ 152/2025 was not found in a
	// primary text; this is how late-2025 provincial documents cite it.
	return append(out, "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng")
}

// Level is an administrative level of the body that grants an award. It is
// the level data reads from co_quan.cap and cap_xet, parsed there once.
type Level = data.Level

// The levels; NoLevel means "not granted at any of these levels".
const (
	NoLevel  = data.NoLevel
	Commune  = data.Commune
	District = data.District
	Province = data.Province
)

// Grantor says who grants the awards a document lists: the front matter key
// xet_khen of its template, parsed once by tmpl.
type Grantor uint8

// The grantors.
const (
	NoGrantor      Grantor = iota // "": the document lists no awards to check
	GrantsIssuer                  // "nguoi_ky": the issuing body, at its own level
	GrantsSuperior                // "cap_tren": a higher body, at the level in cap_xet
)

// ParseGrantor reads the front-matter word of a grantor; ok is false for
// an unknown word.
func ParseGrantor(s string) (g Grantor, ok bool) {
	switch s {
	case "":
		return NoGrantor, true
	case "nguoi_ky":
		return GrantsIssuer, true
	case "cap_tren":
		return GrantsSuperior, true
	}
	return NoGrantor, false
}

// Award is a danh hiệu thi đua or hình thức khen thưởng a commune-level
// workflow meets, with the level that grants it before and after the reform.
type Award struct {
	Name          string // as written in lists, e.g. "Giấy khen"
	Before, After Level  // granting level before 01/7/2025 and from then on
	Title         bool   // a danh hiệu thi đua (granted as "danh hiệu …"), not a hình thức khen thưởng
}

// Phrase is the award as a sentence names it: "danh hiệu Chiến sĩ thi đua
// cơ sở", "Giấy khen". An unknown name is returned as written.
func Phrase(name string) string {
	if a, ok := Find(name); ok && a.Title {
		return "danh hiệu " + name
	}
	return name
}

// awards are the awards vanban knows (Luật Thi đua, khen thưởng 2022 Điều
// 80; NĐ 129/2025 Điều 59; spec §5.1). NoLevel means not granted at any of
// these levels in that period. Read it through Awards, Find and Names.
var awards = [...]Award{
	{"Giấy khen", Commune, Commune, false},
	{"Lao động tiên tiến", Commune, Commune, true},
	{"Chiến sĩ thi đua cơ sở", District, Commune, true},
	{"Tập thể lao động tiên tiến", District, Commune, true},
	{"Giấy khen của Chủ tịch Ủy ban nhân dân huyện", District, NoLevel, false},
	{"Tập thể lao động xuất sắc", Province, Province, true},
	{"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", Province, Province, false},
	{"Chiến sĩ thi đua cấp tỉnh", Province, Province, true},
	{"Cờ thi đua của Ủy ban nhân dân tỉnh", Province, Province, true},
}

// Awards returns the awards vanban knows, a fresh copy each call.
func Awards() []Award { return append([]Award(nil), awards[:]...) }

// Find returns the award called name.
func Find(name string) (Award, bool) {
	for _, a := range awards {
		if a.Name == name {
			return a, true
		}
	}
	return Award{}, false
}

// Names lists the award names, for hints.
func Names() []string {
	out := make([]string, len(awards))
	for i, a := range awards {
		out[i] = a.Name
	}
	return out
}

// Granter returns the level that grants a on date d.
func (a Award) Granter(d data.Date) Level {
	if Before(d, Reform()) {
		return a.Before
	}
	return a.After
}
