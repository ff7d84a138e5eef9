package format

import (
	"math"
	"testing"
)

// Vietnamese groups thousands with "." and writes decimals after ","
// (issue 14: "1254" printed next to "102,7").
func TestThousands(t *testing.T) {
	cases := map[int64]string{
		0: "0", 7: "7", 999: "999", 1000: "1.000", 1254: "1.254", 100000: "100.000",
		1234567: "1.234.567", -2500: "-2.500", -999: "-999",
		math.MaxInt64: "9.223.372.036.854.775.807", math.MinInt64: "-9.223.372.036.854.775.808",
	}
	for n, want := range cases {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	cases := []struct {
		v      int64
		places int
		want   string
	}{
		{1027, 1, "102,7"}, {125400, 2, "1.254,00"}, {5, 2, "0,05"}, {-1505, 1, "-150,5"}, {1254, 0, "1.254"},
	}
	for _, c := range cases {
		if got := Decimal(c.v, c.places); got != c.want {
			t.Errorf("Decimal(%d, %d) = %q, want %q", c.v, c.places, got, c.want)
		}
	}
}

func TestFloatText(t *testing.T) {
	cases := map[float64]string{102.7: "102,7", 1254: "1.254", 1254.5: "1.254,5", 0.25: "0,25", -3.5: "-3,5", 1.0 / 3: "0,333333"}
	for f, want := range cases {
		if got := FloatText(f); got != want {
			t.Errorf("FloatText(%v) = %q, want %q", f, got, want)
		}
	}
}

// The reading of numbers in words for "(Bằng chữ: …)": "linh" for a zero
// ten digit, "mười"/"mươi", "mốt" after twenty, "lăm" after ten, "tư" after
// twenty, "không trăm" inside a number, empty groups left out.
func TestWords(t *testing.T) {
	cases := []struct {
		n    int64
		want string
	}{
		{0, "không"},
		{1, "một"},
		{4, "bốn"},
		{5, "năm"},
		{10, "mười"},
		{11, "mười một"},
		{14, "mười bốn"},
		{15, "mười lăm"},
		{20, "hai mươi"},
		{21, "hai mươi mốt"},
		{24, "hai mươi tư"},
		{25, "hai mươi lăm"},
		{55, "năm mươi lăm"},
		{91, "chín mươi mốt"},
		{99, "chín mươi chín"},
		{100, "một trăm"},
		{101, "một trăm linh một"},
		{104, "một trăm linh bốn"},
		{105, "một trăm linh năm"},
		{110, "một trăm mười"},
		{111, "một trăm mười một"},
		{115, "một trăm mười lăm"},
		{121, "một trăm hai mươi mốt"},
		{999, "chín trăm chín mươi chín"},
		{1000, "một nghìn"},
		{1001, "một nghìn không trăm linh một"},
		{1010, "một nghìn không trăm mười"},
		{1015, "một nghìn không trăm mười lăm"},
		{1100, "một nghìn một trăm"},
		{1254, "một nghìn hai trăm năm mươi tư"},
		{10000, "mười nghìn"},
		{15000, "mười lăm nghìn"},
		{21000, "hai mươi mốt nghìn"},
		{100000, "một trăm nghìn"},
		{105000, "một trăm linh năm nghìn"},
		{250500, "hai trăm năm mươi nghìn năm trăm"},
		{1000000, "một triệu"},
		{1000500, "một triệu năm trăm"},
		{1005000, "một triệu không trăm linh năm nghìn"},
		{2005000, "hai triệu không trăm linh năm nghìn"},
		{12500000, "mười hai triệu năm trăm nghìn"},
		{1000000000, "một tỷ"},
		{1000000001, "một tỷ không trăm linh một"},
		{2100000000, "hai tỷ một trăm triệu"},
		{15000000000, "mười lăm tỷ"},
		{1000000000000, "một nghìn tỷ"},
		{1234567891, "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt"},
		{-15, "âm mười lăm"},
	}
	for _, c := range cases {
		if got := Words(c.n, "linh"); got != c.want {
			t.Errorf("Words(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := Words(105, "lẻ"); got != "một trăm lẻ năm" {
		t.Errorf("Words(105, lẻ) = %q", got)
	}
}

func TestAmountWords(t *testing.T) {
	cases := map[int64]string{
		100000:  "Một trăm nghìn đồng",
		1500000: "Một triệu năm trăm nghìn đồng",
		0:       "Không đồng",
	}
	for n, want := range cases {
		if got := AmountWords(n); got != want {
			t.Errorf("AmountWords(%d) = %q, want %q", n, got, want)
		}
	}
}

// Phụ lục I, II.6.đ and Mục V: điểm "a) …" is upright (lc, R); italics
// only where the author writes them (issue 14).
func TestStyle_Heading3Upright(t *testing.T) {
	if st := NewSheet("ke-hoach").Style(Heading3); st.Font != 0 {
		t.Errorf("heading 3 font %v, want upright", st.Font)
	}
}
