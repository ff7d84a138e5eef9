package docx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xw builds XML text. Elements and attributes are written by hand, in the
// schema's order; text goes through escape.
type xw struct {
	strings.Builder
}

func (x *xw) raw(s string) { x.WriteString(s) }

func (x *xw) f(format string, args ...any) { fmt.Fprintf(x, format, args...) }

// Writers for the elements of every paragraph and run, which fmt made a
// tenth of a batch's DOCX time.

func (x *xw) int(v int64) {
	var b [20]byte
	x.Write(strconv.AppendInt(b[:0], v, 10))
}

// attr writes s, then v, then `"`: one attribute's value and close quote.
func (x *xw) attr(s string, v int64) {
	x.raw(s)
	x.int(v)
	x.raw(`"`)
}

// escape returns s safe inside XML text or a double-quoted attribute.
// Characters XML 1.0 forbids are dropped (data validation rejects them
// earlier; this is the last line of defence).
func escape(s string) string {
	if plainXML(s) {
		return s // most text: nothing to escape, no copy
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
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
			// not allowed in XML 1.0
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainXML reports whether s is valid UTF-8 that escape returns as it is:
// no markup characters, no control characters but tab and line ends, no
// noncharacters U+FFFE and U+FFFF (surrogates are not valid UTF-8).
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&' || c == '<' || c == '>' || c == '"':
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return false // U+FFFE, U+FFFF
		}
	}
	return utf8.ValidString(s)
}
