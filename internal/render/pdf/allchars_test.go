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

// coreText is every character the core subsets hold (ASCII, the
// Vietnamese letters, the symbols of forms): a document drawing only them
// embeds programs spliced from pieces compressed once per face.
const coreText = "" +
	"!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ" +
	"§°±×÷«»·²³¼½¾©‐–—‘’“”…•€₫№‰−≤≥≠→"

// foreignText are characters outside the core (letters of foreign names,
// Greek, Cyrillic): a document drawing them embeds programs made for it.
const foreignText = "ÄÖÜßçñøåæœ ΩλπΣ ЖЯшё"

// Every character, in each of the four styles, on as many pages as it
// takes, comes back from pdftotext exactly, and each embedded program
// draws it: the spliced programs of core characters and the programs made
// for a document with extras keep every glyph it draws.
func TestWrite_EveryCharacter(t *testing.T) {
	t.Run("core", func(t *testing.T) { everyCharacter(t, coreText) })
	t.Run("extras", func(t *testing.T) { everyCharacter(t, coreText+foreignText) })
}

func everyCharacter(t *testing.T, everyChar string) {
	lay := *sample(t)
	w, h := lay.Pages[0].W, lay.Pages[0].H
	var pages []layout.Page
	var want strings.Builder
	runes := []rune(everyChar)
	for st := range font.Style(4) {
		face := lay.Fonts.Face(st)
		page := layout.Page{W: w, H: h}
		y := 30 * unit.MM
		for i := 0; i < len(runes); i += 30 {
			line := string(runes[i:min(i+30, len(runes))])
			page.Items = append(page.Items, layout.Item{Kind: layout.Text, X: 25 * unit.MM, Y: y, Style: st, Size: 14,
				Text: line, W: face.Width(line, 14)})
			want.WriteString(line)
			y += 10 * unit.MM
		}
		pages = append(pages, page)
	}
	lay.Pages = pages
	var b bytes.Buffer
	if err := pdf.WriteOptions(&b, &lay, pdf.Options{PDFA: true}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "chars.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := squeeze(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
	if exp := squeeze(want.String()); got != exp {
		g, e := []rune(got), []rune(exp)
		i := 0
		for i < len(g) && i < len(e) && g[i] == e[i] {
			i++
		}
		t.Errorf("pdftotext differs at rune %d: got %q, want %q", i, string(g[i:min(i+20, len(g))]), string(e[i:min(i+20, len(e))]))
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf: %s", out)
	}
	// Text extraction reads ToUnicode, not outlines: each embedded
	// program must also draw every character (its own cmap maps them).
	_, progs := fontNames(t, b.Bytes())
	if len(progs) != 4 {
		t.Fatalf("%d font programs, want 4", len(progs))
	}
	for i, z := range progs {
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		prog, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("program %d: %v", i, err)
		}
		f, err := sfnt.Parse(prog)
		if err != nil {
			t.Fatalf("program %d: %v", i, err)
		}
		var buf sfnt.Buffer
		for _, c := range everyChar {
			if c == ' ' {
				continue
			}
			g, err := f.GlyphIndex(&buf, c)
			if err != nil || g == 0 {
				t.Errorf("program %d: no glyph for %q", i, c)
				continue
			}
			if segs, err := f.LoadGlyph(&buf, g, fixed.Int26_6(2048<<6), nil); err != nil || len(segs) == 0 {
				t.Errorf("program %d: %q has no outline (%v)", i, c, err)
			}
		}
	}
}
