package docimport_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"vanban/internal/vnenc"
)

func tomlDecode(s string, v any) (toml.MetaData, error) { return toml.Decode(s, v) }

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func buildDocx(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	} {
		w, _ := z.Create(p[0])
		w.Write([]byte(p[1]))
	}
	z.Close()
	return buf.Bytes()
}

// encode writes text in a legacy encoding by inverting vnenc.Decode: for
// each letter, the one code (TCVN3) or base letter plus mark code (VNI)
// in 0xA0–0xFF that decodes to it. upper draws capitals at the lower-case
// code points, as .VnTimeH does.
func encode(t *testing.T, e vnenc.Encoding, text string, upper bool) string {
	t.Helper()
	table := map[string]string{}
	for c := rune(0xA0); c <= 0xFF; c++ {
		d := vnenc.Decode(e, string(c))
		if utf8.RuneCountInString(d) == 1 && d != string(c) {
			if _, ok := table[d]; !ok {
				table[d] = string(c)
			}
		}
	}
	if e == vnenc.VNI {
		var bases []rune
		for r := rune('A'); r <= 'z'; r++ {
			bases = append(bases, r)
		}
		for r := rune(0xA0); r <= 0xFF; r++ {
			bases = append(bases, r)
		}
		for _, base := range bases {
			for c := rune(0xA0); c <= 0xFF; c++ {
				d := vnenc.Decode(e, string(base)+string(c))
				if utf8.RuneCountInString(d) == 1 {
					if _, ok := table[d]; !ok {
						table[d] = string(base) + string(c)
					}
				}
			}
		}
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(text) {
		s := string(r)
		if upper {
			s = strings.ToLower(s)
		}
		if r < 0x80 {
			b.WriteString(s)
			continue
		}
		code, ok := table[s]
		if !ok {
			t.Fatalf("no %v code for %q", e, s)
		}
		b.WriteString(code)
	}
	return b.String()
}
