package vnenc

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Syllable reports whether w, one word in any case and normalisation, is a
// well-formed Vietnamese syllable: an initial consonant (possibly none), a
// vowel nucleus with its glides, a final consonant (possibly none), and at
// most one tone mark. It checks the written shape only, not that the
// syllable is in a dictionary, and accepts both tone placements ("hòa" and
// "hoà").
func Syllable(w string) bool {
	if w == "" {
		return false
	}
	base, ok := untoned(w)
	if !ok {
		return false
	}
	for _, on := range onsets {
		if strings.HasPrefix(base, on) && rime(base[len(on):]) {
			return true
		}
	}
	// "gì", "gìn": the i of gi is also the nucleus.
	if strings.HasPrefix(base, "gi") && rime(base[1:]) {
		return true
	}
	return false
}

// untoned returns w in lower case without its tone mark, NFC; ok is false
// when w has more than one tone mark or a mark Vietnamese does not use.
func untoned(w string) (string, bool) {
	var b strings.Builder
	tones := 0
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case grave, acute, tilde, hook, dotBelow:
			tones++
		case circumflex, breve, '\u031B': // ^, ˘ and the horn of ơ, ư
			b.WriteRune(r)
		default:
			if r < 'a' || r > 'z' {
				if r != 'đ' {
					return "", false
				}
			}
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String()), tones <= 1
}

// onsets are the initial consonants, longest first; "" is the empty onset.
var onsets = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

// codas are the final consonants.
var codas = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t"}

// nucleusRule tells whether a vowel nucleus may or must be followed by a
// final consonant.
type nucleusRule uint8

const (
	open     nucleusRule = iota // with or without a final consonant
	closed                      // needs a final consonant
	glideEnd                    // ends in a glide or is a closing diphthong: no final consonant
)

var nuclei = map[string]nucleusRule{
	"a": open, "ă": closed, "â": closed, "e": open, "ê": open, "i": open,
	"o": open, "ô": open, "ơ": open, "u": open, "ư": open, "y": open,
	"ai": glideEnd, "ao": glideEnd, "au": glideEnd, "ay": glideEnd, "âu": glideEnd, "ây": glideEnd,
	"eo": glideEnd, "êu": glideEnd, "ia": glideEnd, "iê": closed, "iu": glideEnd,
	"oa": open, "oă": closed, "oe": open, "oi": glideEnd, "ôi": glideEnd, "ơi": glideEnd, "oo": closed,
	"ua": glideEnd, "uâ": closed, "uê": open, "ui": glideEnd, "uô": closed, "uơ": glideEnd, "uy": open,
	"ưa": glideEnd, "ưi": glideEnd, "ưu": glideEnd, "ươ": closed, "yê": closed,
	"iêu": glideEnd, "oai": glideEnd, "oao": glideEnd, "oay": glideEnd, "oeo": glideEnd,
	"uây": glideEnd, "uôi": glideEnd, "uya": glideEnd, "uyê": closed, "uyu": glideEnd,
	"ươi": glideEnd, "ươu": glideEnd, "yêu": glideEnd,
}

// rime reports whether s is a nucleus followed by an allowed final consonant.
func rime(s string) bool {
	if rule, ok := nuclei[s]; ok && rule != closed {
		return true
	}
	for _, c := range codas {
		if n, ok := strings.CutSuffix(s, c); ok {
			if rule, ok := nuclei[n]; ok && rule != glideEnd {
				return true
			}
		}
	}
	return false
}
