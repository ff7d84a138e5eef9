package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	digipdf "github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/verify"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"vanban/internal/layout"
	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// sigFields are two fields where a signing map puts ô 7c and ô 8.
var sigFields = []pdf.SigField{
	{Name: "ChuKyNguoiKy", Page: 0, Rect: layout.Rect{X: 120 * unit.MM, Y: 200 * unit.MM, W: 50 * unit.MM, H: 30 * unit.MM}},
	{Name: "ConDau", Page: 0, Rect: layout.Rect{X: 101 * unit.MM, Y: 198 * unit.MM, W: 36 * unit.MM, H: 36 * unit.MM}},
}

// TestWrite_SigFields: empty /Sig fields keep the file valid for qpdf and
// pdfcpu (strict) and PDF/A; a reader lists them by name in /AcroForm,
// with their rectangles in PDF points; pdfsign signs the file twice and
// both signatures verify.
func TestWrite_SigFields(t *testing.T) {
	api.DisableConfigDir()
	for _, pdfa := range []bool{false, true} {
		var buf bytes.Buffer
		if err := pdf.WriteOptions(&buf, sample(t), pdf.Options{PDFA: pdfa, SigFields: sigFields}); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		path := filepath.Join(t.TempDir(), "fields.pdf")
		os.WriteFile(path, b, 0o644)
		if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check:\n%s", out)
		}
		for _, mode := range []int{model.ValidationRelaxed, model.ValidationStrict} {
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = mode
			if err := api.Validate(bytes.NewReader(b), conf); err != nil {
				t.Errorf("PDF/A %v, pdfcpu mode %d: %v", pdfa, mode, err)
			}
		}
		rdr, err := digipdf.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		fields := rdr.Trailer().Key("Root").Key("AcroForm").Key("Fields")
		var names []string
		for i := range fields.Len() {
			f := fields.Index(i)
			if f.Key("FT").Name() != "Sig" || f.Key("Subtype").Name() != "Widget" || f.Key("AP").Key("N").IsNull() {
				t.Errorf("field %d: %v", i, f)
			}
			names = append(names, f.Key("T").Text())
			r := f.Key("Rect")
			want := sigFields[i].Rect
			if x := r.Index(0).Float64(); int(x*100) != int(want.X.Points()*100) {
				t.Errorf("field %d: left %v, want %v", i, x, want.X.Points())
			}
			if top := r.Index(3).Float64(); int(top+0.5) != int((297*unit.MM-want.Y).Points()+0.5) {
				t.Errorf("field %d: top %v", i, top)
			}
		}
		if sort.Strings(names); strings.Join(names, ",") != "ChuKyNguoiKy,ConDau" {
			t.Errorf("fields %v", names)
		}
		if annots := rdr.Page(1).V.Key("Annots"); annots.Len() != 2 {
			t.Errorf("page 1 has %d annotations, want 2", annots.Len())
		}

		signed := signOnce(t, signOnce(t, b, "Nguyễn Văn A", "Chủ tịch"), "ỦY BAN NHÂN DÂN", "Văn thư")
		sp := filepath.Join(t.TempDir(), "signed.pdf")
		os.WriteFile(sp, signed, 0o644)
		f, err := os.Open(sp)
		if err != nil {
			t.Fatal(err)
		}
		vo := verify.DefaultVerifyOptions()
		vo.AllowUntrustedRoots = true
		vo.RequiredEKUs, vo.AllowedEKUs = nil, nil
		resp, err := verify.VerifyFileWithOptions(f, vo)
		f.Close()
		if err != nil {
			t.Fatalf("PDF/A %v: verify: %v", pdfa, err)
		}
		valid := 0
		for _, s := range resp.Signers {
			if s.ValidSignature {
				valid++
			}
		}
		if valid != 2 {
			t.Errorf("PDF/A %v: %d valid signatures, want 2 (%s)", pdfa, valid, resp.Error)
		}
		if n := strings.Count(run(t, "pdfsig", sp), "Signature Validation: Signature is Valid."); n != 2 {
			t.Errorf("PDF/A %v: pdfsig finds %d valid signatures, want 2", pdfa, n)
		}
	}
}

// TestWrite_SigFieldsBad: a field off the pages, empty, or with a name
// that is not plain ASCII is an error, not a broken file.
func TestWrite_SigFieldsBad(t *testing.T) {
	r := layout.Rect{W: unit.MM, H: unit.MM}
	for _, f := range [][]pdf.SigField{
		{{Name: "A", Page: 99, Rect: r}},
		{{Name: "A", Page: 0}},
		{{Name: "Chữ ký", Page: 0, Rect: r}},
		{{Name: "A", Page: 0, Rect: r}, {Name: "A", Page: 0, Rect: r}},
	} {
		if err := pdf.WriteOptions(&bytes.Buffer{}, sample(t), pdf.Options{SigFields: f}); err == nil {
			t.Errorf("%+v: no error", f)
		}
	}
}
