package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"vanban/internal/docimport/docx"
)

// Build makes a minimal .docx from a document.xml body and optional
// extra parts.
func Build(t testing.TB, body string, extra map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/vbaProject.bin"} {
		if v, ok := parts[n]; ok {
			w, _ := z.Create(n)
			w.Write([]byte(v))
		}
	}
	z.Close()
	return buf.Bytes()
}

const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="567"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Em"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
</w:styles>`

func TestRead_Inheritance(t *testing.T) {
	b := Build(t, `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Em"/><w:b w:val="0"/><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t xml:space="preserve"> x</w:t><w:tab/><w:t>y</w:t></w:r></w:p>
<w:p><w:r><w:t>plain</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr>`, map[string]string{"word/styles.xml": styles})
	d, err := docx.Read(b, docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Body[0].Para
	if p.Align != docx.Center || p.IndFirst != 567 || p.StyleName != "Title" {
		t.Errorf("paragraph props: %+v", p)
	}
	want := []docx.Run{{Text: "KẾ HOẠCH", Bold: true, Size: 26, Font: "Times New Roman"}, {Text: " x\ty", Italic: true, Size: 26, Font: ".VnTime"}}
	if len(p.Runs) != 2 || p.Runs[0] != want[0] || p.Runs[1] != want[1] {
		t.Errorf("runs = %+v, want %+v", p.Runs, want)
	}
	if q := d.Body[1].Para; q.Align != docx.Justify || q.Runs[0].Bold || q.N != 2 {
		t.Errorf("second paragraph: %+v", q)
	}
	tb := d.Body[2].Table
	if tb == nil || tb.Rows[0].Cells[0].Span != 2 || tb.Rows[0].Cells[0].Text() != "cell" || tb.Rows[0].Cells[0].Blocks[0].Para.N != 3 {
		t.Errorf("table: %+v", tb)
	}
	if len(d.Sections) != 1 || !d.Sections[0].Landscape || d.Sections[0].Left != 1701 {
		t.Errorf("sections: %+v", d.Sections)
	}
}

func TestRead_BadInput(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	enc := append(append([]byte{}, ole...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...)
	var bomb bytes.Buffer
	z := zip.NewWriter(&bomb)
	ct, _ := z.Create("[Content_Types].xml")
	ct.Write([]byte("<Types/>"))
	w, _ := z.Create("word/document.xml")
	zero := make([]byte, 1<<20)
	for range 80 {
		w.Write(zero)
	}
	z.Close()
	var many bytes.Buffer
	z = zip.NewWriter(&many)
	for i := range 3000 {
		z.Create("x/" + string(rune('a'+i%26)) + strings.Repeat("y", i%50) + string(rune(i)))
	}
	z.Close()
	deep := Build(t, strings.Repeat("<w:sdt>", 400)+strings.Repeat("</w:sdt>", 400), nil)
	cases := []struct {
		name string
		in   []byte
		kind docx.ErrorKind
		say  string
	}{
		{"text", []byte("hello, not a docx"), docx.NotZip, "không phải tệp nén zip"},
		{"rtf", []byte(`{\rtf1\ansi hello}`), docx.NotZip, "RTF"},
		{"doc", ole, docx.LegacyDoc, "--convert-to docx"},
		{"encrypted", enc, docx.Encrypted, "mật khẩu"},
		{"macro", Build(t, "", map[string]string{"word/vbaProject.bin": "x"}), docx.Macro, "macro"},
		{"bomb", bomb.Bytes(), docx.TooLarge, "quá lớn"},
		{"parts", many.Bytes(), docx.TooLarge, "phần"},
		{"deep", deep, docx.TooLarge, "lồng"},
		{"truncated", Build(t, "<w:p>", nil)[:40], docx.NotZip, "zip"},
		{"nodoc", func() []byte {
			var b bytes.Buffer
			z := zip.NewWriter(&b)
			z.Create("a.txt")
			z.Close()
			return b.Bytes()
		}(), docx.Broken, "hỏng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := docx.Read(c.in, docx.Limits{MaxPartSize: 32 << 20})
			var e *docx.Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("err = %v, want kind %d", err, c.kind)
			}
			if !errors.Is(err, &docx.Error{Kind: c.kind}) || !strings.Contains(err.Error(), c.say) {
				t.Errorf("message %q does not say %q", err, c.say)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(Build(f, `<w:p><w:r><w:t>Số: 05/KH-UBND</w:t></w:r></w:p>`, map[string]string{"word/styles.xml": styles}))
	if b, err := os.ReadFile("../testdata/decree-phuluc3.docx"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := docx.Read(b, docx.Limits{MaxTotalSize: 8 << 20, MaxPartSize: 4 << 20})
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		if err != nil {
			var e *docx.Error
			if !errors.As(err, &e) {
				t.Fatalf("error is not a *docx.Error: %v", err)
			}
		}
	})
}
