package measure

import (
	"strings"
	"testing"
)

// Line-break opportunities after hyphens, as UAX #14 and word processors
// have them: after a hyphen between letters, never before a number.
func TestHyphenBreaks(t *testing.T) {
	cases := map[string]string{
		"152/2025/NĐ-CP":        "152/2025/NĐ-|CP",
		"TTr-HĐTĐKT":            "TTr-|HĐTĐKT",
		"(28/8/1945-28/8/2024)": "(28/8/1945-28/8/2024)",
		"2021-2025":             "2021-2025",
		"-":                     "-",
		"a-":                    "a-",
		"-a":                    "-a",
		"kinh-tế-xã-hội":        "kinh-|tế-|xã-|hội",
	}
	for in, want := range cases {
		if got := strings.Join(hyphenBreaks(in), "|"); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
