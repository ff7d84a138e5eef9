package testutil

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Unzip returns the files of a zip archive by name, in archive order.
func Unzip(data []byte) (names []string, files map[string][]byte, err error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	files = map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, nil, err
		}
		names = append(names, f.Name)
		files[f.Name] = b
	}
	return names, files, nil
}

// CanonXML pretty-prints XML, one element a line, attributes sorted, text
// kept exactly (quoted), so a golden diff shows what changed. It fails on
// XML that a strict decoder rejects.
func CanonXML(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var b strings.Builder
	depth := 0
	prefix := map[string]string{
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main":              "w",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships":       "r",
		"http://www.w3.org/XML/1998/namespace":                                      "xml",
		"http://schemas.openxmlformats.org/package/2006/relationships":              "",
		"http://schemas.openxmlformats.org/package/2006/content-types":              "",
		"http://schemas.openxmlformats.org/package/2006/metadata/core-properties":   "cp",
		"http://purl.org/dc/elements/1.1/":                                          "dc",
		"http://purl.org/dc/terms/":                                                 "dcterms",
		"http://www.w3.org/2001/XMLSchema-instance":                                 "xsi",
		"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "",
	}
	name := func(n xml.Name) string {
		if p, ok := prefix[n.Space]; ok {
			if p == "" {
				return n.Local
			}
			return p + ":" + n.Local
		}
		if n.Space == "xmlns" || n.Space == "" {
			return n.Local
		}
		return n.Space + ":" + n.Local
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var attrs []string
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				attrs = append(attrs, fmt.Sprintf("%s=%q", name(a.Name), a.Value))
			}
			sort.Strings(attrs)
			fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), name(t.Name))
			if len(attrs) > 0 {
				b.WriteString(" " + strings.Join(attrs, " "))
			}
			b.WriteString("\n")
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if s := string(t); strings.TrimSpace(s) != "" || (depth > 0 && s != "" && !strings.Contains(s, "\n")) {
				fmt.Fprintf(&b, "%s%q\n", strings.Repeat("  ", depth), s)
			}
		}
	}
	return b.String(), nil
}
