// Package vnenc converts Vietnamese text typed in the legacy 8-bit encodings
// TCVN3 (ABC, the ".VnTime" fonts) and VNI (VNI-Windows, the "VNI-Times"
// fonts) to NFC Unicode.
//
// Such text reaches vanban as Unicode that went through the wrong door: the
// bytes of a .VnTime or VNI-Times document were read as Windows-1252 (or
// Latin-1) and pasted, so "Ủy ban nhân dân" arrives as "Uû ban nh©n d©n"
// (TCVN3) or "UÛy ban nhaân daân" (VNI). Both encodings place their letters
// in the range 0xA0–0xFF, where Windows-1252 and Latin-1 agree, so each
// legacy byte is the rune of the same value here.
//
// Detect recognises such text conservatively; Decode converts it. The package
// has no state and no dependency on the rest of vanban, so a Word importer of
// .VnTime documents can use it too.
package vnenc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding is a legacy Vietnamese 8-bit encoding.
type Encoding int

// The encodings Decode knows.
const (
	// TCVN3 is TCVN 5712:1993 VN3, the "ABC" code of the .VnTime fonts
	// (lower case and plain capitals) and .VnTimeH fonts (capitals drawn at
	// the lower-case code points).
	TCVN3 Encoding = iota + 1
	// VNI is VNI-Windows, the code of the VNI-Times fonts: a base letter
	// followed by one byte carrying its diacritics.
	VNI
)

// String returns the name of e as a clerk knows it.
func (e Encoding) String() string {
	switch e {
	case TCVN3:
		return "TCVN3 (ABC, .VnTime)"
	case VNI:
		return "VNI (VNI-Times)"
	}
	return "không rõ"
}

// Decode converts s, text in encoding e read as Windows-1252, to NFC
// Unicode. Runes that are not part of e (ASCII, Windows-1252 punctuation,
// anything above U+00FF) pass through unchanged. An unknown e returns s
// normalised to NFC.
//
// TCVN3 has no code points for most capitals with a tone mark: the .VnTimeH
// fonts draw the lower-case code points as capitals. Decode therefore
// chooses the case of those letters from their word: a word with no
// unambiguous lower-case letter and an unambiguous capital after its first
// letter ("ñY" → "ỦY", "§éC" → "ĐỘC") is upper case; a word whose only
// unambiguous letter is its initial capital ("Hµ") follows its line, upper
// case when more of the line's words are decided upper case than lower case
// ("Hµ NéI" → "HÀ NỘI", but "Hµ Néi" → "Hà Nội" and "Uû ban" → "Uỷ ban").
func Decode(e Encoding, s string) string {
	switch e {
	case TCVN3:
		return decodeTCVN3(s)
	case VNI:
		return norm.NFC.String(decodeVNI(s))
	}
	return norm.NFC.String(s)
}

// Detect reports whether s looks like TCVN3 or VNI text read as
// Windows-1252. It is conservative: it answers only when
//   - s has no letter above U+00FF and no combining mark (real Unicode
//     Vietnamese almost always has one: ư, ơ, đ, ạ, ộ …),
//   - some word with an ASCII letter reads as a valid Vietnamese syllable in
//     the encoding and as an invalid one as it stands ("nh©n", "nhaân"),
//   - at least 80 % of the words holding a rune of U+00A0–U+00FF read as
//     valid Vietnamese syllables in the encoding, and
//   - such words outnumber the words that were valid before and are not
//     after decoding.
//
// So "© 2024", English, numbers and Unicode Vietnamese are not detected.
// When both encodings qualify, the one with more evidence wins; a tie
// reports nothing.
func Detect(s string) (Encoding, bool) {
	hasHigh := false
	for _, r := range s {
		switch {
		case r >= 0xA0 && r <= 0xFF:
			hasHigh = true
		case r > 0xFF && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)):
			return 0, false
		}
	}
	if !hasHigh {
		return 0, false
	}
	best, bestScore, tie := Encoding(0), 0, false
	for _, e := range []Encoding{TCVN3, VNI} {
		score, ok := evidence(e, s)
		if !ok {
			continue
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = e, score, false
		case score == bestScore:
			tie = true
		}
	}
	if best == 0 || tie {
		return 0, false
	}
	return best, true
}

// evidence scores s as text in encoding e: the number of words that only
// make sense decoded, minus those that only made sense as they stood; ok
// reports whether the rules of Detect hold.
func evidence(e Encoding, s string) (score int, ok bool) {
	cand, valid, strong, against := 0, 0, 0, 0
	for _, w := range words(e, s) {
		high, ascii := false, false
		for _, r := range w {
			if r >= 0xA0 && r <= 0xFF {
				high = true
			}
			if r < 0x80 && unicode.IsLetter(r) {
				ascii = true
			}
		}
		if !high {
			continue
		}
		cand++
		dec := Syllable(Decode(e, w))
		plain := Syllable(w)
		if dec {
			valid++
			if !plain && ascii {
				strong++
			}
		} else if plain {
			against++
		}
	}
	ok = strong > 0 && valid*5 >= cand*4 && strong > against
	return strong - against, ok
}

// words splits s into the words of encoding e: maximal runs of letters and
// of the runes e uses for letters and marks.
func words(e Encoding, s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || isCode(e, r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isCode(e Encoding, r rune) bool {
	switch e {
	case TCVN3:
		return r > 0xA0 && r <= 0xFF
	case VNI:
		_, mark := vniMarks[r]
		_, letter := vniLetters[r]
		return mark || letter
	}
	return false
}

// ---- TCVN3 ----

// tcvn3 maps the runes U+00A1–U+00FF (TCVN3 bytes 0xA1–0xFF read as
// Windows-1252) to Unicode. Source: TCVN 5712:1993 as tabulated by GNU
// libiconv, lib/tcvn.h (tcvn_2uni_2, rows 0xA0–0xF0), cross-checked
// against the Unicode→TCVN3 table of BoGo (cmpitg/bogoengine,
// src/charset.hpp, utf8ToTCVN3), which is the table Unikey-style
// converters use. 0xB0–0xB4 are combining tone marks. Capitals with a tone
// mark that have no slot of their own are written, with a .VnTimeH font, at
// the lower-case code point; Decode restores their case from the word.
// The VN1 capitals of 0x01–0x17 and 0x80–0x9F are not decoded: .VnTime
// fonts keep the Windows punctuation (“ ” – … ) there.
var tcvn3 = [...]string{
	0xA1 - 0xA1: "Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ", // A1–A7
	"ă", "â", "ê", "ô", "ơ", "ư", "đ", "Ằ", // A8–AF
	"\u0300", "\u0309", "\u0303", "\u0301", "\u0323", "à", "ả", "ã", // B0–B7
	"á", "ạ", "Ẳ", "ằ", "ẳ", "ẵ", "ắ", "Ẵ", // B8–BF
	"Ắ", "Ầ", "Ẩ", "Ẫ", "Ấ", "Ề", "ặ", "ầ", // C0–C7
	"ẩ", "ẫ", "ấ", "ậ", "è", "Ể", "ẻ", "ẽ", // C8–CF
	"é", "ẹ", "ề", "ể", "ễ", "ế", "ệ", "ì", // D0–D7
	"ỉ", "Ễ", "Ế", "Ồ", "ĩ", "í", "ị", "ò", // D8–DF
	"Ổ", "ỏ", "õ", "ó", "ọ", "ồ", "ổ", "ỗ", // E0–E7
	"ố", "ộ", "ờ", "ở", "ỡ", "ớ", "ợ", "ù", // E8–EF
	"Ỗ", "ủ", "ũ", "ú", "ụ", "ừ", "ử", "ữ", // F0–F7
	"ứ", "ự", "ỳ", "ỷ", "ỹ", "ý", "ỵ", "Ố", // F8–FF
}

// letterCase is what a decoded TCVN3 letter says about its word's case.
type letterCase uint8

const (
	caseNone  letterCase = iota // not a cased letter
	caseUpper                   // an unambiguous capital
	caseLower                   // an unambiguous lower-case letter
	caseAmbig                   // a lower-case code point, a capital in .VnTimeH
)

func decodeTCVN3(s string) string {
	type unit struct {
		text string
		c    letterCase
	}
	units := make([]unit, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 0xA1 && r <= 0xFF:
			t := tcvn3[r-0xA1]
			c := caseNone
			if first, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(first) {
				c = caseUpper
			} else if unicode.IsLower(first) {
				c = caseAmbig
			}
			units = append(units, unit{t, c})
		case unicode.IsUpper(r):
			units = append(units, unit{string(r), caseUpper})
		case unicode.IsLower(r):
			units = append(units, unit{string(r), caseLower})
		default:
			units = append(units, unit{string(r), caseNone})
		}
	}
	// The case of ambiguous letters, word by word within each line.
	isWord := func(u unit) bool {
		r, _ := utf8.DecodeRuneInString(u.text)
		return u.c != caseNone || unicode.Is(unicode.Mn, r)
	}
	for ls := 0; ls < len(units); {
		le := ls
		for le < len(units) && units[le].text != "\n" {
			le++
		}
		// A word is upper case when it has no unambiguous lower-case letter
		// and a capital after its first letter, lower case when it has an
		// unambiguous lower-case letter, and undecided otherwise; undecided
		// words follow the majority of the decided words of their line.
		type word struct {
			start, end        int
			upper, lower, amb bool
		}
		var ws []word
		upperWords, lowerWords := 0, 0
		for i := ls; i < le; {
			if !isWord(units[i]) {
				i++
				continue
			}
			w := word{start: i}
			for ; i < le && isWord(units[i]); i++ {
				switch units[i].c {
				case caseLower:
					w.lower = true
				case caseUpper:
					w.upper = w.upper || i > w.start
				case caseAmbig:
					w.amb = true
				}
			}
			w.end = i
			switch {
			case w.lower:
				lowerWords++
			case w.upper:
				upperWords++
			}
			ws = append(ws, w)
		}
		lineUpper := upperWords > lowerWords
		for _, w := range ws {
			if w.amb && !w.lower && (w.upper || lineUpper) {
				for i := w.start; i < w.end; i++ {
					if units[i].c == caseAmbig {
						units[i].text = strings.ToUpper(units[i].text)
					}
				}
			}
		}
		ls = le + 1
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, u := range units {
		b.WriteString(u.text)
	}
	return norm.NFC.String(b.String())
}

// ---- VNI ----

// VNI-Windows writes a letter as its base letter followed by at most one
// byte holding its diacritics; ơ, ư, đ and the i and ỵ letters have a byte
// of their own. Source: the VNI table of xvnkb (lamdao/xvnkb, vni.h, by Đào
// Hải Lâm), cross-checked with duydev/vietnamese-conversion. The capital
// forms of the mark bytes (used after capitals, e.g. "UÛy" for "Ủy") carry
// the same diacritics as the lower-case forms.

// vniMark is the diacritics one VNI byte adds to a base letter.
type vniMark struct {
	shape rune // U+0302 circumflex, U+0306 breve or 0
	tone  rune // a combining tone mark or 0
}

const (
	circumflex = '\u0302'
	breve      = '\u0306'
	grave      = '\u0300'
	acute      = '\u0301'
	tilde      = '\u0303'
	hook       = '\u0309'
	dotBelow   = '\u0323'
)

var vniMarks = map[rune]vniMark{
	'ù': {0, acute}, 'ø': {0, grave}, 'û': {0, hook}, 'õ': {0, tilde}, 'ï': {0, dotBelow},
	'Ù': {0, acute}, 'Ø': {0, grave}, 'Û': {0, hook}, 'Õ': {0, tilde}, 'Ï': {0, dotBelow},
	'â': {circumflex, 0}, 'á': {circumflex, acute}, 'à': {circumflex, grave}, 'å': {circumflex, hook}, 'ã': {circumflex, tilde}, 'ä': {circumflex, dotBelow},
	'Â': {circumflex, 0}, 'Á': {circumflex, acute}, 'À': {circumflex, grave}, 'Å': {circumflex, hook}, 'Ã': {circumflex, tilde}, 'Ä': {circumflex, dotBelow},
	'ê': {breve, 0}, 'é': {breve, acute}, 'è': {breve, grave}, 'ú': {breve, hook}, 'ü': {breve, tilde}, 'ë': {breve, dotBelow},
	'Ê': {breve, 0}, 'É': {breve, acute}, 'È': {breve, grave}, 'Ú': {breve, hook}, 'Ü': {breve, tilde}, 'Ë': {breve, dotBelow},
}

// vniLetters are the VNI bytes that are letters of their own.
var vniLetters = map[rune]string{
	'ô': "ơ", 'Ô': "Ơ", 'ö': "ư", 'Ö': "Ư", 'ñ': "đ", 'Ñ': "Đ",
	'í': "í", 'Í': "Í", 'ì': "ì", 'Ì': "Ì", 'æ': "ỉ", 'Æ': "Ỉ",
	'ó': "ĩ", 'Ó': "Ĩ", 'ò': "ị", 'Ò': "Ị", 'î': "ỵ", 'Î': "Ỵ",
}

// vniBase reports which shapes base letter r accepts from a VNI mark byte,
// and whether it is a vowel that takes a tone.
func vniBase(r string) (circ, brev, vowel bool) {
	switch strings.ToLower(r) {
	case "a":
		return true, true, true
	case "e", "o":
		return true, false, true
	case "u", "y", "i", "ơ", "ư":
		return false, false, true
	}
	return false, false, false
}

func decodeVNI(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		base := string(r)
		if l, ok := vniLetters[r]; ok {
			base = l
		} else if _, isMark := vniMarks[r]; isMark {
			b.WriteRune(r) // a mark byte with no base letter: leave it
			continue
		}
		b.WriteString(base)
		circ, brev, vowel := vniBase(base)
		if !vowel || i+1 >= len(rs) {
			continue
		}
		m, ok := vniMarks[rs[i+1]]
		if !ok || (m.shape == circumflex && !circ) || (m.shape == breve && !brev) {
			continue
		}
		if m.shape != 0 {
			b.WriteRune(m.shape)
		}
		if m.tone != 0 {
			b.WriteRune(m.tone)
		}
		i++
	}
	return b.String()
}
