package vnenc

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The goldens are written by hand from the published tables (see the
// sources cited in vnenc.go), independently of the decoder's own tables.
func TestDecode_Golden(t *testing.T) {
	cases := []struct {
		e        Encoding
		in, want string
	}{
		// TCVN3, .VnTime (mixed case) and .VnTimeH (capitals).
		{TCVN3, "Uû ban nh©n d©n thÞ trÊn V¹n Gi·", "Uỷ ban nhân dân thị trấn Vạn Giã"},
		{TCVN3, "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{TCVN3, "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"},
		{TCVN3, "ñY BAN NH¢N D¢N THÞ TRÊN V¹N GI·", "ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ"},
		{TCVN3, "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{TCVN3, "§éC LËP - Tù DO - H¹NH PHóC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"},
		{TCVN3, "Hµ Néi", "Hà Nội"},
		{TCVN3, "Hµ NéI", "HÀ NỘI"},
		{TCVN3, "ng­êi ®i ®­êng", "người đi đường"},
		{TCVN3, "TR¦êNG", "TRƯỜNG"},
		{TCVN3, "¡n ¨n ¢m ©m £m ªm ¤i «i ¥i ¬i ¦u ­u §i ®i", "Ăn ăn Âm âm Êm êm Ôi ôi Ơi ơi Ưu ưu Đi đi"},
		{TCVN3, "v¨n b¶n\nTR¦êNG", "văn bản\nTRƯỜNG"}, // case is decided per line
		{TCVN3, "a\u00b3 ¸", "á á"}, // 0xB3 is a combining acute
		{TCVN3, "¯ º ¿ À Á Â Ã Ä Å Í Ù Ú Û à ð ÿ", "Ằ Ẳ Ẵ Ắ Ầ Ẩ Ẫ Ấ Ề Ể Ễ Ế Ồ Ổ Ỗ Ố"},
		{TCVN3, "“Hµ” – 2024", "“Hà” – 2024"}, // Windows-1252 punctuation passes
		// VNI-Windows.
		{VNI, "UÛy ban nhaân daân thò traán Vaïn Giaõ", "Ủy ban nhân dân thị trấn Vạn Giã"},
		{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
		{VNI, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{VNI, "ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"},
		{VNI, "ngöôøi ñi ñöôøng", "người đi đường"},
		{VNI, "aâ aá aà aå aã aä aê aé aè aú aü aë", "â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ"},
		{VNI, "í ì æ ó ò î Í Ì Æ Ó Ò Î", "í ì ỉ ĩ ị ỵ Í Ì Ỉ Ĩ Ị Ỵ"},
		{VNI, "Uû", "Ủ"},        // lower-case mark byte after a capital
		{VNI, "ù x â", "ù x â"}, // mark bytes without a base letter stay
		{VNI, "uâ iê", "uâ iê"}, // shapes a base cannot take stay
		{VNI, "“Haø” – 2024", "“Hà” – 2024"},
	}
	for _, c := range cases {
		if got := Decode(c.e, c.in); got != c.want {
			t.Errorf("Decode(%v, %q) = %q, want %q", c.e, c.in, got, c.want)
		}
		if got := Decode(c.e, c.in); !norm.NFC.IsNormalString(got) {
			t.Errorf("Decode(%v, %q) is not NFC", c.e, c.in)
		}
	}
}

// letters returns every Vietnamese letter: 12 vowels × 6 tones and đ, in
// lower case then upper case.
func letters() []string {
	var lower []string
	for _, v := range []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"} {
		for _, tone := range []string{"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"} {
			lower = append(lower, norm.NFC.String(v+tone))
		}
	}
	lower = append(lower, "đ")
	all := append([]string(nil), lower...)
	for _, l := range lower {
		all = append(all, strings.ToUpper(l))
	}
	return all
}

func TestLetters_Count(t *testing.T) {
	if n := len(letters()); n != 146 {
		t.Fatalf("%d letters, want 146", n)
	}
}

// encodeTCVN3 is the inverse table, written from the standard: capitals
// with a slot of their own use it, the others the lower-case code point
// (.VnTimeH).
func encodeTCVN3(t *testing.T, s string) string {
	lower := map[string]rune{}
	upper := map[string]rune{}
	for i, u := range tcvn3 {
		r := rune(0xA1 + i)
		first := []rune(u)[0]
		switch {
		case unicode.IsLower(first):
			lower[u] = r
		case unicode.IsUpper(first):
			upper[u] = r
		}
	}
	var b strings.Builder
	for _, r := range s {
		c := string(r)
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case upper[c] != 0:
			b.WriteRune(upper[c])
		case lower[c] != 0:
			b.WriteRune(lower[c])
		case lower[strings.ToLower(c)] != 0:
			b.WriteRune(lower[strings.ToLower(c)])
		default:
			t.Fatalf("no TCVN3 code for %q", c)
		}
	}
	return b.String()
}

// encodeVNI is the inverse of VNI-Windows, built from the NFD form.
func encodeVNI(t *testing.T, s string) string {
	tones := map[rune]int{'\u0301': 0, '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0323': 4}
	plain := []rune("ùøûõï")
	circ := []rune("áàåãä")
	brev := []rune("éèúüë")
	singleI := []rune("íìæóò")
	var b strings.Builder
	for _, r := range s {
		up := unicode.IsUpper(r)
		d := []rune(norm.NFD.String(string(unicode.ToLower(r))))
		base, shape, tone := d[0], rune(0), -1
		for _, m := range d[1:] {
			if k, ok := tones[m]; ok {
				tone = k
			} else {
				shape = m
			}
		}
		cs := func(x rune) rune {
			if up {
				return unicode.ToUpper(x)
			}
			return x
		}
		switch {
		case r == 'đ' || r == 'Đ':
			b.WriteRune(cs('ñ'))
			continue
		case base == 'i' && tone >= 0:
			b.WriteRune(cs(singleI[tone]))
			continue
		case base == 'y' && tone == 4:
			b.WriteRune(cs('î'))
			continue
		case shape == '\u031B' && base == 'o':
			b.WriteRune(cs('ô'))
			shape = 0
		case shape == '\u031B' && base == 'u':
			b.WriteRune(cs('ö'))
			shape = 0
		case base >= 0x80:
			t.Fatalf("no VNI code for %q", r)
		default:
			b.WriteRune(cs(base))
		}
		switch {
		case shape == '\u0302' && tone < 0:
			b.WriteRune(cs('â'))
		case shape == '\u0302':
			b.WriteRune(cs(circ[tone]))
		case shape == '\u0306' && tone < 0:
			b.WriteRune(cs('ê'))
		case shape == '\u0306':
			b.WriteRune(cs(brev[tone]))
		case tone >= 0:
			b.WriteRune(cs(plain[tone]))
		}
	}
	return b.String()
}

// Every letter survives Unicode → legacy → Decode, in lower-case words and
// in capital words (where TCVN3 needs the word to tell the case).
func TestDecode_RoundTrip(t *testing.T) {
	for _, l := range letters() {
		word := "t" + l + "n"
		if unicode.IsUpper([]rune(l)[0]) {
			word = "T" + l + "N"
		}
		for _, e := range []Encoding{TCVN3, VNI} {
			var enc string
			if e == TCVN3 {
				enc = encodeTCVN3(t, word)
			} else {
				enc = encodeVNI(t, word)
			}
			if got := Decode(e, enc); got != word {
				t.Errorf("%v: %q → %q → %q", e, word, enc, got)
			}
		}
	}
	// Whole sentences, both ways.
	for _, s := range []string{
		"Ủy ban nhân dân thị trấn Vạn Giã", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Hữu Trường, Phó Chủ tịch Ủy ban",
	} {
		if got := Decode(VNI, encodeVNI(t, s)); got != s {
			t.Errorf("VNI round trip %q → %q", s, got)
		}
	}
	for _, s := range []string{"Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"} {
		if got := Decode(TCVN3, encodeTCVN3(t, s)); got != s {
			t.Errorf("TCVN3 round trip %q → %q", s, got)
		}
	}
}

func TestDetect(t *testing.T) {
	cases := []struct {
		in   string
		want Encoding // 0: not detected
	}{
		{"Uû ban nh©n d©n thÞ trÊn V¹n Gi·", TCVN3},
		{"Céng hßa x· héi chñ nghÜa ViÖt Nam", TCVN3},
		{"§éc lËp - Tù do - H¹nh phóc", TCVN3},
		{"ñY BAN NH¢N D¢N", TCVN3},
		{"v¨n b¶n", TCVN3},
		{"UÛy ban nhaân daân", VNI},
		{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI},
		{"Ñoäc laäp - Töï do - Haïnh phuùc", VNI},
		{"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", VNI},
		// Not legacy text.
		{"Ủy ban nhân dân thị trấn Vạn Giã", 0},
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", 0},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0},
		{"Bé Tí", 0},
		{"Hoà bình", 0},
		{"Khoá học", 0},
		{"Trần Văn Bé", 0},
		{"© 2024", 0},
		{"© 2024 Ủy ban nhân dân", 0},
		{"Copyright © 2024 Acme Inc.", 0},
		{"Copyright©2024", 0},
		{"The quick brown fox jumps over the lazy dog.", 0},
		{"café, naïve, résumé, Müller, España, año", 0},
		{"1½ cups, 25°C, 10 × 20, 1ª edición", 0},
		{"Calle 1ª", 0},
		{"12/2024/NĐ-CP ngày 01/01/2024", 0},
		{"42 000 000 đồng", 0},
		{"0123456789", 0},
		{"", 0},
		{"Nội dung\u00a0có khoảng trắng cứng", 0},
		{"Cong hoa xa hoi chu nghia Viet Nam", 0},
		{"Phát động phong trào thi đua", 0},
		{"Ph\u0061\u0301t \u0111o\u0323\u0302ng", 0}, // NFD
	}
	for _, c := range cases {
		e, ok := Detect(c.in)
		if c.want == 0 && ok {
			t.Errorf("Detect(%q) = %v, want nothing", c.in, e)
		}
		if c.want != 0 && (!ok || e != c.want) {
			t.Errorf("Detect(%q) = %v, %v; want %v", c.in, e, ok, c.want)
		}
	}
}

func TestSyllable(t *testing.T) {
	for _, w := range []string{"a", "ở", "nhân", "Ủy", "uỷ", "nghiêng", "người", "quốc", "gì", "giữ", "khuya", "khuyên", "xoong", "hoà", "hòa", "ĐỘC", "Việt", "y", "thuở"} {
		if !Syllable(w) {
			t.Errorf("Syllable(%q) = false", w)
		}
	}
	for _, w := range []string{"", "â", "ă", "nhaân", "nh©n", "café", "hello", "fox", "chõteau", "áà", "aiu", "ain", "Uû", "2024", "Copyrightâ"} {
		if Syllable(w) {
			t.Errorf("Syllable(%q) = true", w)
		}
	}
}

func TestEncoding_String(t *testing.T) {
	if TCVN3.String() != "TCVN3 (ABC, .VnTime)" || VNI.String() != "VNI (VNI-Times)" {
		t.Errorf("names: %q %q", TCVN3, VNI)
	}
}

// FuzzDecode: decoding never panics and always yields NFC; detection is a
// pure function of its input.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"Uû ban nh©n d©n", "UÛy ban nhaân daân", "© 2024", "a\u00b3\u00b0", "ñY\nHµ NéI", "aâù", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range []Encoding{TCVN3, VNI, 0} {
			if got := Decode(e, s); !norm.NFC.IsNormalString(got) {
				t.Fatalf("Decode(%v, %q) = %q is not NFC", e, s, got)
			}
		}
		e1, ok1 := Detect(s)
		e2, ok2 := Detect(s)
		if e1 != e2 || ok1 != ok2 {
			t.Fatalf("Detect(%q) not deterministic", s)
		}
	})
}
