package data

import "strings"

// Numbering is how an issuing body numbers its documents
// (so_van_ban.cach_danh_so; NĐ 30, Phụ lục I, II.3.a).
type Numbering uint8

// The numbering policies.
const (
	SharedSeries  Numbering = iota // "chung": every kind in one series per year (the default)
	SeriesPerKind                  // "theo_loai": one series per kind (kế hoạch, tờ trình, …)
)

// parseNumbering reads the TOML word of a numbering policy; "" is the default.
func parseNumbering(s string) (Numbering, bool) {
	switch s {
	case "", "chung":
		return SharedSeries, true
	case "theo_loai":
		return SeriesPerKind, true
	}
	return SharedSeries, false
}

// String returns the TOML word: "chung" or "theo_loai".
func (n Numbering) String() string {
	if n == SeriesPerKind {
		return "theo_loai"
	}
	return "chung"
}

// Level is the kind of body that issues a document (co_quan.cap) or that
// grants an award (cap_xet): a level of local government, or one of the
// other bodies the Luật Thi đua, khen thưởng 2022 gives awarding powers
// (Điều 80). It is parsed once, here; law decides what each may grant.
type Level uint8

// The levels. NoLevel is the zero value: not known, or none. The TOML words
// are unaccented Vietnamese.
const (
	NoLevel    Level = iota
	Commune          // "xa": xã, phường, thị trấn, đặc khu (Chủ tịch UBND cấp xã)
	District         // "huyen": huyện, quận, thị xã, thành phố thuộc tỉnh (until 30/6/2025)
	Province         // "tinh": Chủ tịch UBND tỉnh, thành phố trực thuộc trung ương
	Department       // "so": cơ quan chuyên môn thuộc UBND cấp tỉnh and its equals (Sở; Giám đốc Sở)
	PublicUnit       // "don_vi_su_nghiep": đơn vị sự nghiệp công lập with legal personality
	Sector           // "ban_nganh": cơ quan, tổ chức with legal personality under a bộ, ban, ngành
	Council          // "hoi_dong": Hội đồng Thi đua - Khen thưởng, which advises and grants nothing
)

// levelWords are the TOML words of the levels, in the order of the
// constants, NoLevel first.
var levelWords = [...]string{"", "xa", "huyen", "tinh", "so", "don_vi_su_nghiep", "ban_nganh", "hoi_dong"}

// LevelWords lists the TOML words of the levels, for hints: "xa", "huyen", …
func LevelWords() []string { return append([]string(nil), levelWords[1:]...) }

// ParseLevel reads the TOML word of a level (see LevelWords); "" is
// NoLevel. ok is false for any other word.
func ParseLevel(s string) (l Level, ok bool) {
	for i, w := range levelWords {
		if w == s {
			return Level(i), true
		}
	}
	return NoLevel, false
}

// String returns the TOML word of l, "" for NoLevel, so a template printing
// a level prints what the clerk wrote.
func (l Level) String() string {
	if int(l) < len(levelWords) {
		return levelWords[l]
	}
	return ""
}

// Name is how messages name the authority of l: "Chủ tịch Ủy ban nhân dân
// cấp xã", "Giám đốc Sở (thủ trưởng cơ quan chuyên môn thuộc Ủy ban nhân
// dân cấp tỉnh)", …; "" for NoLevel.
func (l Level) Name() string {
	switch l {
	case Commune:
		return "Chủ tịch Ủy ban nhân dân cấp xã"
	case District:
		return "Chủ tịch Ủy ban nhân dân cấp huyện"
	case Province:
		return "Chủ tịch Ủy ban nhân dân cấp tỉnh"
	case Department:
		return "Giám đốc Sở (thủ trưởng cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh)"
	case PublicUnit:
		return "thủ trưởng đơn vị sự nghiệp công lập"
	case Sector:
		return "thủ trưởng cơ quan, tổ chức thuộc bộ, ban, ngành"
	case Council:
		return "Hội đồng Thi đua - Khen thưởng"
	}
	return ""
}

// LevelOfName derives the level from the issuing body's name, one element
// per printed line, when co_quan.cap is empty: the last line "THỊ TRẤN VẠN
// GIÃ" is a commune-level body, "SỞ NỘI VỤ" a Sở; a name that reads
// "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" over its lines is the council.
func LevelOfName(name []string) Level {
	if len(name) == 0 {
		return NoLevel
	}
	if strings.HasPrefix(strings.Join(name, " "), "HỘI ĐỒNG THI ĐUA") {
		return Council
	}
	last := name[len(name)-1]
	for _, p := range []struct {
		prefix string
		level  Level
	}{
		{"XÃ ", Commune}, {"PHƯỜNG ", Commune}, {"THỊ TRẤN ", Commune}, {"ĐẶC KHU ", Commune},
		{"HUYỆN ", District}, {"QUẬN ", District}, {"THỊ XÃ ", District},
		{"TỈNH ", Province},
		{"SỞ ", Department},
	} {
		if strings.HasPrefix(last, p.prefix) {
			return p.level
		}
	}
	return NoLevel
}
