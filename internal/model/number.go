package model

import "fmt"

// Padded spells n as NĐ 30 writes the numbers of a document: below 10 with
// a leading zero, "05", otherwise as is, "12", "101" (Phụ lục I, II.3.a).
// It is the one place that pads: document numbers, days, months 1 and 2,
// and counts ("03 tập thể") all go through it.
func Padded(n int64) string { return fmt.Sprintf("%02d", n) }

// numberBlank stands for a number not assigned yet: room for the clerk to
// write it by hand at signing.
const numberBlank = "      "

// Number is "Số, ký hiệu": the ordinal (empty until assigned) and the symbol
// "KH-UBND".
type Number struct {
	Value  int64 // 0 until the number is assigned (cấp số)
	Symbol string
}

// Assigned reports whether the number has been given (cấp số).
func (n Number) Assigned() bool { return n.Value != 0 }

// Text is the number as every place writes it after "Số: " or "số ":
// "05/KH-UBND", or blanks and the symbol, "      /KH-UBND", while the number
// is not assigned (Phụ lục I, II.3).
func (n Number) Text() string {
	if n.Value == 0 {
		return numberBlank + "/" + n.Symbol
	}
	return Padded(n.Value) + "/" + n.Symbol
}
