package pdf_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// TestWrite_ColorAndBox: a red framed mark (an urgency stamp's shape)
// drawn after black text renders red where its frame and its letters are,
// and the text after it is black again, as poppler rasterises the page.
func TestWrite_ColorAndBox(t *testing.T) {
	base := sample(t)
	r := *base
	r.Pages = append([]layout.Page(nil), base.Pages...)
	pg := r.Pages[0]
	pg.Items = append([]layout.Item(nil), pg.Items...)
	mm := unit.MM
	pg.Items = append(pg.Items,
		layout.Item{Kind: layout.Box, X: 100 * mm, Y: 150 * mm, W: 40 * mm, H: 12 * mm, Stroke: 2 * mm, Color: layout.Red},
		layout.Item{Kind: layout.Text, X: 104 * mm, Y: 160 * mm, W: 30 * mm, Style: font.Bold, Size: 80, Text: "KHẨN", Color: layout.Red},
		layout.Item{Kind: layout.Text, X: 104 * mm, Y: 200 * mm, W: 30 * mm, Style: font.Bold, Size: 80, Text: "ĐEN"},
	)
	r.Pages[0] = pg
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, &r, pdf.Options{PDFA: true}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "c.pdf")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "qpdf", "--check", in)
	run(t, "pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", "-singlefile", in, filepath.Join(dir, "p"))
	f, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	px := func(xmm, ymm int) (r, g, b uint32) {
		r, g, b, _ = img.At(xmm*50*10/254, ymm*50*10/254).RGBA()
		return r >> 8, g >> 8, b >> 8
	}
	count := func(x0, y0, x1, y1 int, want func(r, g, b uint32) bool) int {
		n := 0
		for y := y0 * 50 * 10 / 254; y <= y1*50*10/254; y++ {
			for x := x0 * 50 * 10 / 254; x <= x1*50*10/254; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if want(r>>8, g>>8, b>>8) {
					n++
				}
			}
		}
		return n
	}
	red := func(r, g, b uint32) bool { return r > 180 && g < 90 && b < 90 }
	dark := func(r, g, b uint32) bool { return r < 90 && g < 90 && b < 90 }
	if r, g, b := px(100, 156); !red(r, g, b) {
		t.Errorf("left edge of the frame is rgb(%d,%d,%d), want red", r, g, b)
	}
	if n := count(104, 152, 134, 160, red); n < 10 {
		t.Errorf("red letters inside the frame: %d red pixels", n)
	}
	if n, m := count(104, 192, 134, 200, dark), count(104, 192, 134, 200, red); n < 10 || m != 0 {
		t.Errorf("text after the mark: %d dark and %d red pixels, want dark only", n, m)
	}
}
