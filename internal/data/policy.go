package data

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

// Level is an administrative level of government (co_quan.cap, cap_xet):
// the level of the issuing body, or of the body that grants an award.
type Level uint8

// The levels. NoLevel is the zero value: not known, or none.
const (
	NoLevel  Level = iota
	Commune        // "xa": xã, phường, thị trấn, đặc khu
	District       // "huyen": huyện, quận, thị xã (until 30/6/2025)
	Province       // "tinh"
)

// ParseLevel reads the TOML word of a level: "xa", "huyen" or "tinh"; ""
// is NoLevel. ok is false for any other word.
func ParseLevel(s string) (l Level, ok bool) {
	switch s {
	case "":
		return NoLevel, true
	case "xa":
		return Commune, true
	case "huyen":
		return District, true
	case "tinh":
		return Province, true
	}
	return NoLevel, false
}

// String returns the TOML word of l, "" for NoLevel, so a template printing
// a level prints what the clerk wrote.
func (l Level) String() string {
	switch l {
	case Commune:
		return "xa"
	case District:
		return "huyen"
	case Province:
		return "tinh"
	}
	return ""
}

// Name is how messages name l: "cấp xã", "cấp huyện", "cấp tỉnh".
func (l Level) Name() string {
	switch l {
	case Commune:
		return "cấp xã"
	case District:
		return "cấp huyện"
	case Province:
		return "cấp tỉnh"
	}
	return ""
}
