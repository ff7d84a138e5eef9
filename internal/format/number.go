package format

import (
	"strconv"
	"strings"
)

// Thousands writes n as Vietnamese writes numbers: thousands grouped with a
// dot, "1.254", "100.000", "-2.500" (TCVN 7217 and the practice of
// administrative documents: "." groups thousands, "," separates decimals).
func Thousands(n int64) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal writes the fixed-point number v / 10^places with places decimals
// after a decimal comma and the thousands grouped with dots: Decimal(1027,
// 1) = "102,7", Decimal(125400, 2) = "1.254,00". Integers in, so no float
// reaches a document.
func Decimal(v int64, places int) string {
	if places <= 0 {
		return Thousands(v)
	}
	p := int64(1)
	for range places {
		p *= 10
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	frac := strconv.FormatInt(v%p, 10)
	frac = strings.Repeat("0", places-len(frac)) + frac
	return sign + Thousands(v/p) + "," + frac
}

// FloatText writes a decimal number typed in the data ("102.7") the
// Vietnamese way: "102,7"; integers as Thousands. It rounds to at most six
// decimals and drops trailing zeros.
func FloatText(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 6 {
		s = strconv.FormatFloat(f, 'f', 6, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return s // beyond int64: leave as typed
	}
	out := Thousands(n)
	if n == 0 && strings.HasPrefix(whole, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

var digitWords = [...]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// Words spells n in Vietnamese words, for "(Bằng chữ: …)" lines: 105 000
// is "một trăm linh năm nghìn", 21 is "hai mươi mốt", 15 "mười lăm", 24
// "hai mươi tư", 2 005 000 "hai triệu không trăm linh năm nghìn". A ten
// digit of zero reads zeroTen: "linh" (the usual form in documents) or
// "lẻ" (the southern one). Groups above nghìn are triệu and tỷ; beyond, tỷ
// repeats ("một nghìn tỷ"). Negative numbers read "âm …".
func Words(n int64, zeroTen string) string {
	if n == 0 {
		return digitWords[0]
	}
	if n < 0 {
		return "âm " + strings.Join(spell(-uint64(n), false, zeroTen), " ")
	}
	return strings.Join(spell(uint64(n), false, zeroTen), " ")
}

// spell spells n > 0; full means digits come before it, so its leading
// group reads in full ("không trăm linh năm").
func spell(n uint64, full bool, zeroTen string) []string {
	const billion = 1_000_000_000
	if n >= billion {
		out := append(spell(n/billion, full, zeroTen), "tỷ")
		if r := n % billion; r > 0 {
			out = append(out, spell(r, true, zeroTen)...)
		}
		return out
	}
	var out []string
	groups := [3]uint64{n / 1_000_000, n / 1000 % 1000, n % 1000}
	names := [3]string{"triệu", "nghìn", ""}
	for i, g := range groups {
		if g == 0 {
			continue
		}
		out = append(out, group(g, full, zeroTen)...)
		if names[i] != "" {
			out = append(out, names[i])
		}
		full = true
	}
	return out
}

// group spells a group of three digits g > 0; full reads its hundreds even
// when zero.
func group(g uint64, full bool, zeroTen string) []string {
	h, t, u := g/100, g/10%10, g%10
	var out []string
	if h > 0 || full {
		out = append(out, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u > 0 && len(out) > 0:
		out = append(out, zeroTen)
	case t == 1:
		out = append(out, "mười")
	case t > 1:
		out = append(out, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t >= 2:
		out = append(out, "mốt")
	case u == 5 && t >= 1:
		out = append(out, "lăm")
	case u == 4 && t >= 2:
		out = append(out, "tư")
	default:
		out = append(out, digitWords[u])
	}
	return out
}

// AmountWords is the "(Bằng chữ: …)" of a sum of money in đồng: Words with
// "linh", a capital first letter and "đồng": "Một trăm nghìn đồng".
func AmountWords(n int64) string {
	w := Words(n, "linh")
	r := []rune(w)
	return upper.String(string(r[0])) + string(r[1:]) + " đồng"
}
