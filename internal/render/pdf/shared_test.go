package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// extraText holds characters outside every face's core subset.
const extraText = "Äöü ß Ω"

// withExtras returns a copy of the sample with one more line on page 1,
// set in the regular face, holding extraText.
func withExtras(t *testing.T) *layout.Result {
	t.Helper()
	lay := *sample(t)
	lay.Pages = append([]layout.Page(nil), lay.Pages...)
	pg := &lay.Pages[0]
	pg.Items = append(append([]layout.Item(nil), pg.Items...), layout.Item{
		Kind: layout.Text, X: 30 * unit.MM, Y: 280 * unit.MM, Style: font.Regular, Size: 26, Text: extraText,
		W: lay.Fonts.Face(font.Regular).Width(extraText, 26),
	})
	for _, r := range extraText {
		if !lay.Fonts.Face(font.Regular).Has(r) {
			t.Fatalf("the regular face lacks %q", r)
		}
	}
	return &lay
}

// fontNames returns the subset names of the file by PostScript name, and
// the font program streams, in order.
func fontNames(t *testing.T, b []byte) (map[string]string, [][]byte) {
	t.Helper()
	names := map[string]string{}
	for _, m := range regexp.MustCompile(`/FontName/([A-Z]{6})\+(\S+?)/`).FindAllSubmatch(b, -1) {
		names[string(m[2])] = string(m[1])
	}
	var progs [][]byte
	for _, m := range regexp.MustCompile(`(?s)<</Length1 \d+/Filter/FlateDecode/Length (\d+)>>\nstream\n`).FindAllSubmatchIndex(b, -1) {
		n := 0
		for _, c := range b[m[2]:m[3]] {
			n = 10*n + int(c-'0')
		}
		progs = append(progs, b[m[1]:m[1]+n])
	}
	return names, progs
}

// TestWrite_SharedCore: faces drawing the same core characters in two
// documents embed the same font programs, byte for byte, with the same
// subset tags (spliced from the same pieces); a document drawing more
// embeds its own subset of the face that draws the extras (another tag)
// and the same programs of the other faces; pdftotext and qpdf read it.
func TestWrite_SharedCore(t *testing.T) {
	write := func(lay *layout.Result) []byte {
		var b bytes.Buffer
		if err := pdf.WriteOptions(&b, lay, pdf.Options{PDFA: true}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	plain, extra := write(sample(t)), write(withExtras(t))
	pn, pp := fontNames(t, plain)
	en, ep := fontNames(t, extra)
	if len(pn) != 4 || len(en) != 4 || len(pp) != 4 || len(ep) != 4 {
		t.Fatalf("fonts: %v %v, programs %d %d", pn, en, len(pp), len(ep))
	}
	for ps, tag := range pn {
		regular := ps == "LiberationSerif"
		if (en[ps] != tag) != regular {
			t.Errorf("%s: tags %s and %s; only the regular face draws extras", ps, tag, en[ps])
		}
	}
	shared := 0
	for _, p := range pp {
		for _, q := range ep {
			if bytes.Equal(p, q) {
				shared++
			}
		}
	}
	if shared != 3 {
		t.Errorf("%d font programs shared, want 3", shared)
	}

	path := filepath.Join(t.TempDir(), "extra.pdf")
	if err := os.WriteFile(path, extra, 0o644); err != nil {
		t.Fatal(err)
	}
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-l", "1", path, "-")
	if !strings.Contains(text, extraText) {
		t.Errorf("pdftotext does not read %q on page 1:\n%s", extraText, text)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// TestWrite_SharedCoreOrder: the pieces a face compresses once make no
// document depend on which was written first: documents with and without extras, written in
// either order and concurrently, give the same bytes.
func TestWrite_SharedCoreOrder(t *testing.T) {
	lays := []*layout.Result{sample(t), withExtras(t)}
	want := make([][]byte, len(lays))
	for i := len(lays) - 1; i >= 0; i-- { // the document with extras first
		var b bytes.Buffer
		if err := pdf.WriteOptions(&b, lays[i], pdf.Options{}); err != nil {
			t.Fatal(err)
		}
		want[i] = b.Bytes()
	}
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Go(func() {
			var b bytes.Buffer
			if err := pdf.WriteOptions(&b, lays[i%2], pdf.Options{}); err != nil {
				t.Error(err)
			}
			got[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want[i%2]) {
			t.Errorf("run %d (document %d) differs", i, i%2)
		}
	}
}
