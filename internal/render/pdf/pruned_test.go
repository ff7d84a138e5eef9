package pdf_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zlib"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// italicWords is what the one-page document of TestWrite_PrunedItalic
// draws, all in italic.
const italicWords = "Vạn Giã, ngày 12 tháng 3 năm 2024"

// TestWrite_PrunedItalic: a page of a few italic words embeds an italic
// program that keeps every glyph id of the core but only the drawn
// outlines, a fraction of the core's size; pdftotext reads the words back
// exactly and qpdf finds the file sound.
func TestWrite_PrunedItalic(t *testing.T) {
	lay := *sample(t)
	face := lay.Fonts.Face(font.Italic)
	lay.Pages = []layout.Page{{W: lay.Pages[0].W, H: lay.Pages[0].H, Items: []layout.Item{{
		Kind: layout.Text, X: 30 * unit.MM, Y: 40 * unit.MM, Style: font.Italic, Size: 28, Text: italicWords,
		W: face.Width(italicWords, 28),
	}}}}
	var b bytes.Buffer
	if err := pdf.WriteOptions(&b, &lay, pdf.Options{PDFA: true}); err != nil {
		t.Fatal(err)
	}
	names, progs := fontNames(t, b.Bytes())
	if len(names) != 1 || names["LiberationSerif-Italic"] == "" || len(progs) != 1 {
		t.Fatalf("fonts %v, %d programs; want the italic face alone", names, len(progs))
	}

	core, err := face.Core().Font()
	if err != nil {
		t.Fatal(err)
	}
	var zcore bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&zcore, zlib.BestCompression)
	zw.Write(core)
	zw.Close()
	// Before pruning the document embedded the whole core, about 26 KB
	// compressed; its 20-odd outlines and the tables that do not shrink
	// (hinting programs, cmap, metrics) take about a third of it: 8.7 KB
	// spliced from pieces compressed one glyph at a time (font.Subset.
	// FontFlate), where compressing the pruned program whole gave 8 KB.
	if len(progs[0]) > zcore.Len()*35/100 {
		t.Errorf("italic program %d bytes compressed; the core is %d", len(progs[0]), zcore.Len())
	}
	t.Logf("italic program %d bytes compressed, core %d", len(progs[0]), zcore.Len())
	zr, err := zlib.NewReader(bytes.NewReader(progs[0]))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog) > len(core)/2 {
		t.Errorf("italic program %d bytes; the core is %d", len(prog), len(core))
	}

	// Same glyph ids as the core, drawn outlines as the face's, the rest
	// empty.
	got, err := sfnt.Parse(prog)
	if err != nil {
		t.Fatalf("embedded program: %v", err)
	}
	want, err := sfnt.Parse(core)
	if err != nil {
		t.Fatal(err)
	}
	if got.NumGlyphs() != want.NumGlyphs() {
		t.Errorf("%d glyphs embedded, the core has %d", got.NumGlyphs(), want.NumGlyphs())
	}
	var b1, b2 sfnt.Buffer
	ppem := fixed.Int26_6(2048 << 6)
	drawn := map[sfnt.GlyphIndex]bool{}
	for _, r := range italicWords {
		g, err := want.GlyphIndex(&b1, r)
		if err != nil || g == 0 {
			t.Fatalf("%q not in the core: %v", r, err)
		}
		drawn[g] = true
		w, _ := want.LoadGlyph(&b1, g, ppem, nil)
		o, err := got.LoadGlyph(&b2, g, ppem, nil)
		if err != nil || len(o) != len(w) || (r != ' ' && len(o) == 0) {
			t.Errorf("%q: %d segments embedded, want %d (%v)", r, len(o), len(w), err)
		}
	}
	for _, r := range "bdfkqzBDQZ" { // letters not drawn
		g, _ := want.GlyphIndex(&b1, r)
		if o, err := got.LoadGlyph(&b2, g, ppem, nil); err != nil || len(o) != 0 {
			t.Errorf("%q was not drawn but embeds %d segments (%v)", r, len(o), err)
		}
	}

	path := filepath.Join(t.TempDir(), "italic.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"); squeeze(text) != squeeze(italicWords) {
		t.Errorf("pdftotext reads %q, want %q", text, italicWords)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
