package pdf_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// testImages returns a red PNG whose right half is half transparent and
// a blue JPEG.
func testImages(t *testing.T) (pngData, jpegData []byte) {
	t.Helper()
	im := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for y := range 20 {
		for x := range 40 {
			a := uint8(0xFF)
			if x >= 20 {
				a = 0x80
			}
			im.SetNRGBA(x, y, color.NRGBA{R: 0xFF, A: a})
		}
	}
	var pb, jb bytes.Buffer
	if err := png.Encode(&pb, im); err != nil {
		t.Fatal(err)
	}
	blue := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for i := range 16 * 16 {
		blue.Set(i%16, i/16, color.RGBA{B: 0xFF, A: 0xFF})
	}
	if err := jpeg.Encode(&jb, blue, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return pb.Bytes(), jb.Bytes()
}

// TestWrite_Images places a PNG with alpha and a JPEG at given sizes: the
// files stay valid, the PNG's alpha is a soft mask (composited over white
// in PDF/A), and the pixels land in the boxes.
func TestWrite_Images(t *testing.T) {
	pngData, jpegData := testImages(t)
	api.DisableConfigDir()
	for _, pdfa := range []bool{false, true} {
		opt := pdf.Options{PDFA: pdfa, Images: []pdf.Image{
			{Page: 0, X: 150 * unit.MM, Y: 279 * unit.MM, W: 40 * unit.MM, H: 15 * unit.MM, Data: pngData},
			{Page: 2, X: 100 * unit.MM, Y: 280 * unit.MM, W: 10 * unit.MM, H: 10 * unit.MM, Data: jpegData},
		}}
		var buf bytes.Buffer
		if err := pdf.WriteOptions(&buf, sample(t), opt); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "img.pdf")
		os.WriteFile(path, buf.Bytes(), 0o644)
		if hasSMask := bytes.Contains(buf.Bytes(), []byte("/SMask")); hasSMask == pdfa {
			t.Errorf("PDF/A %v: soft mask present = %v", pdfa, hasSMask)
		}
		for _, mode := range []int{model.ValidationRelaxed, model.ValidationStrict} {
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = mode
			if err := api.Validate(bytes.NewReader(buf.Bytes()), conf); err != nil {
				t.Errorf("PDF/A %v, pdfcpu mode %d: %v", pdfa, mode, err)
			}
		}
		if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check:\n%s", out)
		}
		list := run(t, "pdfimages", "-list", path)
		if n := len(regexp.MustCompile(`(?m)^\s+\d+\s+\d+\s+(image|smask)`).FindAllString(list, -1)); n != 3 && !pdfa || n != 2 && pdfa {
			t.Errorf("PDF/A %v: pdfimages lists %d images:\n%s", pdfa, n, list)
		}
		// The boxes lie in the bottom margin, clear of text. Render the
		// pages at 5 pixels per mm and read the colour inside each box.
		rendered := map[int]image.Image{}
		px := func(page int, xmm, ymm float64) color.NRGBA {
			if rendered[page] == nil {
				prefix := filepath.Join(t.TempDir(), "p")
				n := string(rune('0' + page))
				run(t, "pdftoppm", "-r", "127", "-f", n, "-l", n, "-png", "-singlefile", path, prefix)
				f, err := os.ReadFile(prefix + ".png")
				if err != nil {
					t.Fatal(err)
				}
				if rendered[page], err = png.Decode(bytes.NewReader(f)); err != nil {
					t.Fatal(err)
				}
			}
			return color.NRGBAModel.Convert(rendered[page].At(int(xmm*5), int(ymm*5))).(color.NRGBA)
		}
		near := func(c color.NRGBA, r, g, b uint8) bool {
			d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
			return d(c.R, r) < 24 && d(c.G, g) < 24 && d(c.B, b) < 24
		}
		if c := px(1, 160, 286); !near(c, 0xFF, 0, 0) {
			t.Errorf("PDF/A %v: opaque half of the PNG is %v, want red", pdfa, c)
		}
		if c := px(1, 180, 286); !near(c, 0xFF, 0x7F, 0x7F) {
			t.Errorf("PDF/A %v: half transparent half of the PNG is %v, want pink", pdfa, c)
		}
		if c := px(1, 148, 286); !near(c, 0xFF, 0xFF, 0xFF) {
			t.Errorf("PDF/A %v: left of the PNG is %v, want white", pdfa, c)
		}
		if c := px(3, 105, 285); !near(c, 0, 0, 0xFF) {
			t.Errorf("PDF/A %v: the JPEG is %v, want blue", pdfa, c)
		}
	}
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, sample(t), pdf.Options{Images: []pdf.Image{{Page: 9, W: 1, H: 1, Data: pngData}}}); err == nil {
		t.Errorf("an image on a missing page is no error")
	}
	if err := pdf.WriteOptions(&buf, sample(t), pdf.Options{Images: []pdf.Image{{W: 1, H: 1, Data: []byte("GIF89a")}}}); err == nil {
		t.Errorf("a GIF is no error")
	}
}
