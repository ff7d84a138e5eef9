package docx

import (
	"strings"
	"testing"
)

// escapeRef is escape without its fast path: every rune looked at.
func escapeRef(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r < 0xE000):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// The fast path of escape returns what the rune-by-rune escape does, for
// plain Vietnamese and for every kind of character it must change.
func TestEscape_FastPathAgrees(t *testing.T) {
	for _, s := range []string{
		"", "Ủy ban nhân dân thị trấn Vạn Giã", "a\tb\nc\r", "Số: 05/KH-UBND",
		"a & b", "<w:t>", `"trích"`, "x\x00y", "\x1fz", "\uFFFE", "a\uFFFFb", "\xff\xfe", "ok\xc3",
		"\U0001F600 emoji", "tab\there",
	} {
		if got, want := escape(s), escapeRef(s); got != want {
			t.Errorf("escape(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("Vạn Giã & <x>")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := escape(s), escapeRef(s); got != want {
			t.Errorf("escape(%q) = %q, want %q", s, got, want)
		}
	})
}
