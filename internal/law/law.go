// Package law holds the legal facts of thi đua, khen thưởng that documents
// cite and checks depend on: which decree is in force on a date, which
// awards exist and which level of government may grant each, before and
// after the two-level local government of 01/7/2025
// (shared/spec/nd30-rules.md §0.1, §5.1).
package law

import (
	"strings"

	"vanban/internal/data"
)

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

// Level is the kind of body that grants an award. It is the level data
// reads from co_quan.cap and cap_xet, parsed there once.
type Level = data.Level

// The levels; NoLevel means "not known, or none".
const (
	NoLevel    = data.NoLevel
	Commune    = data.Commune
	District   = data.District
	Province   = data.Province
	Department = data.Department
	PublicUnit = data.PublicUnit
	Sector     = data.Sector
	Council    = data.Council
)

// IssuerLevel returns the level of the body issuing in: co_quan.cap, or,
// when that is empty, the level its name shows (data.LevelOfName), so a
// "SỞ NỘI VỤ" is a Sở without writing cap = "so".
func IssuerLevel(in *data.Input) Level {
	if in.Org.Level != NoLevel {
		return in.Org.Level
	}
	return data.LevelOfName(in.Org.Name)
}

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

// Period is when a grant of power holds, relative to the two-level local
// government of 01/7/2025 (Reform).
type Period uint8

// The periods.
const (
	Always      Period = iota // before and after the reform
	UntilReform               // until 30/6/2025
	FromReform                // from 01/7/2025
)

// In reports whether the period holds on d.
func (p Period) In(d data.Date) bool {
	switch p {
	case UntilReform:
		return Before(d, Reform())
	case FromReform:
		return !Before(d, Reform())
	}
	return true
}

// Grant is one power to grant an award: who, when, and the clause that
// gives it.
type Grant struct {
	Level  Level
	Period Period
	Clause string // e.g. "khoản 1 Điều 80 Luật Thi đua, khen thưởng 2022"
}

// Award is a danh hiệu thi đua or hình thức khen thưởng, with who may grant
// it and when.
type Award struct {
	Name   string // as written in lists, e.g. "Giấy khen"
	Title  bool   // a danh hiệu thi đua (granted as "danh hiệu …"), not a hình thức khen thưởng
	Grants []Grant
}

// Phrase is the award as a sentence names it: "danh hiệu Chiến sĩ thi đua
// cơ sở", "Giấy khen". An unknown name is returned as written.
func Phrase(name string) string {
	if a, ok := Find(name); ok && a.Title {
		return "danh hiệu " + name
	}
	return name
}

// The clauses. Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 80 (Công báo
// số 571+572 ngày 15/7/2022): khoản 1 thủ trưởng cơ quan, tổ chức, đơn vị có
// tư cách pháp nhân thuộc bộ, ban, ngành, tỉnh and thủ trưởng cơ quan chuyên
// môn thuộc UBND cấp tỉnh và tương đương grant "Tập thể lao động tiên tiến",
// "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến" and giấy khen; khoản 2
// Chủ tịch UBND cấp huyện the same (and thôn, tổ dân phố văn hóa); khoản 3
// Chủ tịch UBND cấp xã "Lao động tiên tiến", giấy khen, "Gia đình văn hóa".
// From 01/7/2025 the powers of the district chairman pass to the commune
// chairman (NĐ 129/2025/NĐ-CP Điều 59, spec §5.1).
const (
	clauseHeads    = "khoản 1 Điều 80 Luật Thi đua, khen thưởng 2022"
	clauseDistrict = "khoản 2 Điều 80 Luật Thi đua, khen thưởng 2022"
	clauseCommune  = "khoản 3 Điều 80 Luật Thi đua, khen thưởng 2022"
	clauseReform   = "khoản 2 Điều 80 Luật Thi đua, khen thưởng 2022, thẩm quyền chuyển cho cấp xã từ ngày 01/7/2025 (Nghị định số 129/2025/NĐ-CP, Điều 59)"
	// UNCERTAIN: the article that lists the powers of the provincial
	// chairman (Luật 2022, Chương IV, the article before Điều 80) was not
	// read in a primary text; the clause names the law only.
	clauseProvince = "Luật Thi đua, khen thưởng 2022 (thẩm quyền của Chủ tịch Ủy ban nhân dân cấp tỉnh)"
)

// heads are the grants of khoản 1 Điều 80 to the heads of a Sở, of an
// đơn vị sự nghiệp and of a body under a bộ, ban, ngành. The council
// (Council) has none: it advises the head who grants.
func heads() []Grant {
	return []Grant{{Department, Always, clauseHeads}, {PublicUnit, Always, clauseHeads}, {Sector, Always, clauseHeads}}
}

// base is who grants "Tập thể lao động tiên tiến" and "Chiến sĩ thi đua cơ
// sở": the heads, the district chairman until the reform, the commune
// chairman from then on.
func base() []Grant {
	return append(heads(), Grant{District, UntilReform, clauseDistrict}, Grant{Commune, FromReform, clauseReform})
}

// common is who grants "Lao động tiên tiến" and "Giấy khen": the heads, the
// district chairman until the reform, the commune chairman always.
func common() []Grant {
	return append(heads(), Grant{District, UntilReform, clauseDistrict}, Grant{Commune, Always, clauseCommune})
}

func province() []Grant { return []Grant{{Province, Always, clauseProvince}} }

// table returns the awards vanban knows (spec §5.1), a fresh value each
// call so that nothing shares or mutates it.
func table() []Award {
	return []Award{
		{"Giấy khen", false, common()},
		{"Lao động tiên tiến", true, common()},
		{"Chiến sĩ thi đua cơ sở", true, base()},
		{"Tập thể lao động tiên tiến", true, base()},
		{"Giấy khen của Chủ tịch Ủy ban nhân dân huyện", false, []Grant{{District, UntilReform, clauseDistrict}}},
		{"Tập thể lao động xuất sắc", true, province()},
		{"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", false, province()},
		{"Chiến sĩ thi đua cấp tỉnh", true, province()},
		{"Cờ thi đua của Ủy ban nhân dân tỉnh", true, province()},
	}
}

// Awards returns the awards vanban knows, a fresh copy each call.
func Awards() []Award { return table() }

// Find returns the award called name, exactly as written in lists.
func Find(name string) (Award, bool) {
	for _, a := range table() {
		if a.Name == name {
			return a, true
		}
	}
	return Award{}, false
}

// Match returns the award a label of a report names, ignoring case and
// runs of spaces: "giấy  khen" is "Giấy khen". A label that goes on to say
// who grants it names the award it starts with, as reports write them:
// "Giấy khen của Chủ tịch Ủy ban nhân dân thị trấn" is "Giấy khen", and
// "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa" the provincial
// Bằng khen (the longest name that fits wins).
func Match(label string) (Award, bool) {
	key := fold(label)
	var best Award
	found := false
	for _, a := range table() {
		name := fold(a.Name)
		if name == key {
			return a, true
		}
		rest, ok := strings.CutPrefix(key, name+" ")
		if !ok || !strings.HasPrefix(rest, "của ") && !strings.Contains(name, " của ") {
			continue
		}
		if !found || len(a.Name) > len(best.Name) {
			best, found = a, true
		}
	}
	return best, found
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Names lists the award names, for hints.
func Names() []string {
	t := table()
	out := make([]string, len(t))
	for i, a := range t {
		out[i] = a.Name
	}
	return out
}

// Granters returns the grants of a in force on date d, in table order.
func (a Award) Granters(d data.Date) []Grant {
	var out []Grant
	for _, g := range a.Grants {
		if g.Period.In(d) {
			out = append(out, g)
		}
	}
	return out
}

// GrantedBy returns the grant that lets a body of level l grant a on date
// d; ok is false when l may not.
func (a Award) GrantedBy(l Level, d data.Date) (Grant, bool) {
	for _, g := range a.Granters(d) {
		if g.Level == l {
			return g, true
		}
	}
	return Grant{}, false
}
