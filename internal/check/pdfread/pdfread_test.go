package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// minimalPDF writes a PDF of pages pages, each showing text (WinAnsi
// bytes) in Times-Bold at 14 pt from (100, 700), with a 0.5 pt rule under
// it from x 100 to 300, drawn as a stroke.
func minimalPDF(pages int, text string) []byte {
	var objs []string
	// 1 catalog, 2 pages, 3 font, then per page: page, contents.
	kids := ""
	for i := 0; i < pages; i++ {
		kids += fmt.Sprintf("%d 0 R ", 4+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595.28 841.89] >>", kids, pages),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths ["+strings.Repeat("500 ", 224)+"] >>")
	for i := 0; i < pages; i++ {
		content := fmt.Sprintf("BT /F1 14 Tf 100 700 Td (%s) Tj ET 0.5 w 100 690 m 300 690 l S", text)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func text(p Page) string {
	var b strings.Builder
	for _, g := range p.Glyphs {
		b.WriteString(g.S)
	}
	return b.String()
}

// TestRead_Minimal: a simple Type1 font with WinAnsiEncoding and no
// ToUnicode decodes through the encoding, "é" (0xE9) included; positions,
// size, font name, widths and the stroked rule are exact.
func TestRead_Minimal(t *testing.T) {
	d, err := Read(minimalPDF(1, "Caf\xe9 A"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Pages[0]
	if math.Abs(p.W-595.28) > 0.01 || math.Abs(p.H-841.89) > 0.01 {
		t.Errorf("page %v × %v", p.W, p.H)
	}
	if got := text(p); got != "CaféA" { // spaces are not glyphs
		t.Errorf("text %q", got)
	}
	g := p.Glyphs[1]
	if g.X != 107 || g.Y != 700 || g.Size != 14 || g.W != 7 || g.Font != "Times-Bold" {
		t.Errorf("glyph %+v", g)
	}
	if len(p.Rules) != 1 || p.Rules[0] != (Rule{X0: 100, X1: 300, Y: 690}) {
		t.Errorf("rules %+v", p.Rules)
	}
}

func TestRead_PageBound(t *testing.T) {
	b := minimalPDF(12, "x")
	if _, err := Read(b, Limits{MaxPages: 10}); err == nil || !strings.Contains(err.Error(), "12 pages") {
		t.Errorf("12 pages with limit 10: %v", err)
	}
	if _, err := Read(b, Limits{MaxGlyphs: 5}); err == nil || !strings.Contains(err.Error(), "glyphs") {
		t.Errorf("glyph bound: %v", err)
	}
	if d, err := Read(b, Limits{}); err != nil || len(d.Pages) != 12 {
		t.Errorf("12 pages: %v", err)
	}
}

// TestRead_Damaged: cut, garbled or hostile files give an error, never a
// panic.
func TestRead_Damaged(t *testing.T) {
	good := minimalPDF(1, "abc")
	cases := map[string][]byte{
		"empty":       {},
		"not a PDF":   []byte("PK\x03\x04 zip"),
		"header only": []byte("%PDF-1.7\n"),
		"cut":         good[:len(good)/2],
		"no xref":     bytes.ReplaceAll(good, []byte("xref"), []byte("xxxx")),
		"encrypted":   bytes.Replace(good, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>"), 1),
	}
	for name, b := range cases {
		d, err := Read(b, Limits{})
		if err == nil {
			t.Errorf("%s: no error, %d pages", name, len(d.Pages))
		}
	}
	if _, err := Read(cases["encrypted"], Limits{}); err != ErrEncrypted {
		t.Errorf("encrypted: %v", err)
	}
}

// FuzzRead: any input gives a document or an error, never a panic or a
// hang (run: go test -fuzz FuzzRead -fuzztime 30s ./internal/check/pdfread).
func FuzzRead(f *testing.F) {
	f.Add(minimalPDF(1, "Caf\xe9"))
	f.Add(minimalPDF(2, "ab"))
	f.Add([]byte("%PDF-1.7\n1 0 obj << >> endobj"))
	f.Fuzz(func(t *testing.T, b []byte) {
		Read(b, Limits{MaxPages: 20, MaxGlyphs: 10000, Time: 2 * time.Second})
	})
}

// TestRead_UnterminatedString: a content stream that ends inside a string
// (found by FuzzRead) is an error, not an endless loop in the lexer.
func TestRead_UnterminatedString(t *testing.T) {
	for _, bad := range []string{"(abi Tj", "<616 Tj"} {
		b := bytes.ReplaceAll(minimalPDF(2, "ab"), []byte("(ab) Tj"), []byte(bad))
		done := make(chan error, 1)
		go func() { _, err := Read(b, Limits{}); done <- err }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%q: no error", bad)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%q: Read does not return", bad)
		}
	}
}

// A file the library does not finish reading in the time given is an
// error, not a hang (the library loops on some damaged files).
func TestRead_GivesUp(t *testing.T) {
	b := minimalPDF(400, "ab")
	start := time.Now()
	if _, err := Read(b, Limits{Time: time.Nanosecond}); !errors.Is(err, ErrTimeout) {
		t.Fatalf("err %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("gave up after %v", d)
	}
	if _, err := Read(b, Limits{}); err != nil {
		t.Errorf("with the default time: %v", err)
	}
}
