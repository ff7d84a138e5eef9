package docx

import (
	"fmt"
	"strings"
)

// xw builds XML text. Elements and attributes are written by hand, in the
// schema's order; text goes through escape.
type xw struct {
	strings.Builder
}

func (x *xw) raw(s string) { x.WriteString(s) }

func (x *xw) f(format string, args ...any) { fmt.Fprintf(x, format, args...) }

// escape returns s safe inside XML text or a double-quoted attribute.
// Characters XML 1.0 forbids are dropped (data validation rejects them
// earlier; this is the last line of defence).
func escape(s string) string {
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
			// not allowed in XML 1.0
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
