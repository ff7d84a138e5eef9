package engine_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/testutil"
)

const electronicDir = "../../testdata/van-gia-2024-dien-tu"

func newEng(t *testing.T, opt engine.Options) *engine.Engine {
	t.Helper()
	opt.Version = "test"
	e, err := engine.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return e
}

// TestSignatureFields: -truong-ky puts the fields ChuKyNguoiKy and ConDau
// at the signing map's ô 7c and ô 8 of an electronic document; a paper
// document's PDF stays byte for byte what it is without the option.
func TestSignatureFields(t *testing.T) {
	with := newEng(t, engine.Options{SigFields: true})
	without := newEng(t, engine.Options{})
	j := engine.Job{Dir: electronicDir, Name: "ke-hoach.toml"}
	res, err := with.Build(j, true)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	fields := engine.SignatureFields(res.Layout)
	if len(fields) != 2 || fields[0].Name != "ChuKyNguoiKy" || fields[1].Name != "ConDau" ||
		fields[0].Rect != res.Layout.Signing.Signature.Rect || fields[1].Rect != res.Layout.Signing.Seal.Rect {
		t.Errorf("fields %+v, signing map %+v", fields, res.Layout.Signing)
	}
	if !regexp.MustCompile(`/AcroForm<</Fields\[\d+ 0 R \d+ 0 R\]>>`).Match(res.PDF) ||
		!bytes.Contains(res.PDF, []byte("/FT/Sig/T(ChuKyNguoiKy)")) || !bytes.Contains(res.PDF, []byte("/FT/Sig/T(ConDau)")) {
		t.Error("the electronic PDF lacks its signature fields")
	}
	plain, err := without.Build(j, true)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.PDF, []byte("/AcroForm")) {
		t.Error("fields without -truong-ky")
	}
	paper := engine.Job{Dir: "../../testdata/van-gia-2024", Name: "ke-hoach.toml"}
	a, err := with.Build(paper, true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := without.Build(paper, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.PDF, b.PDF) || bytes.Contains(a.PDF, []byte("/AcroForm")) {
		t.Error("-truong-ky changed a paper document")
	}
}

// TestPreview: the preview of the signed look draws the signature and the
// seal (two images with soft masks: transparency kept) over the same text
// as the file sent for signing, and a paper document has none.
func TestPreview(t *testing.T) {
	e := newEng(t, engine.Options{})
	j := engine.Job{Dir: electronicDir, Name: "ke-hoach.toml"}
	b, ds, err := e.Preview(j)
	if err != nil || ds.HasErrors() || b == nil {
		t.Fatal(err, ds)
	}
	if n := bytes.Count(b, []byte("/Subtype/Image")); n != 4 { // two images, two soft masks
		t.Errorf("%d image objects, want 4", n)
	}
	if bytes.Contains(b, []byte("pdfaid:part")) || bytes.Contains(b, []byte("/AcroForm")) {
		t.Error("the preview claims PDF/A or holds signature fields")
	}
	res, err := e.Build(j, true)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.pdf"), res.PDF, 0o644)
	os.WriteFile(filepath.Join(dir, "b.pdf"), b, 0o644)
	if x, y := testutil.Run(t, "pdftotext", filepath.Join(dir, "a.pdf"), "-"), testutil.Run(t, "pdftotext", filepath.Join(dir, "b.pdf"), "-"); x != y {
		t.Error("the preview's text differs from the document's")
	}
	if again, _, _ := e.Preview(j); !bytes.Equal(again, b) {
		t.Error("two previews differ")
	}
	if p, ds, err := e.Preview(engine.Job{Dir: "../../testdata/van-gia-2024", Name: "ke-hoach.toml"}); p != nil || err != nil || ds.HasErrors() {
		t.Errorf("a paper document has a preview (%v, %v)", err, ds)
	}
	if got := engine.PreviewName("out/ke-hoach.pdf"); got != "out/ke-hoach.xem-chu-ky.pdf" {
		t.Errorf("PreviewName: %s", got)
	}
}

// TestPreview_BadImages: a missing, outside, absolute or non-PNG image and
// a seal of an impossible size are errors at the key's line.
func TestPreview_BadImages(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(electronicDir, "ke-hoach.toml"))
	if err != nil {
		t.Fatal(err)
	}
	prof, err := os.ReadFile(filepath.Join(electronicDir, "vanban.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var pngData bytes.Buffer
	png.Encode(&pngData, image.NewNRGBA(image.Rect(0, 0, 4, 2)))
	for _, c := range []struct {
		name, sig, seal string
		code            diag.Code
		key             string // whose line the error is on
	}{
		{"missing file", `"anh/khong-co.png"`, `"anh/dau.png"`, diag.CodeReadFile, "anh_chu_ky"},
		{"outside", `"../dau.png"`, `"anh/dau.png"`, diag.CodeReadFile, "anh_chu_ky"},
		{"absolute", `"/etc/passwd"`, `"anh/dau.png"`, diag.CodeReadFile, "anh_chu_ky"},
		{"not png", `"anh/dau.png"`, `"ke-hoach.toml"`, diag.CodeReadFile, "anh_con_dau"},
		{"no seal key", `"anh/dau.png"`, ``, diag.CodeMissing, "chu_quan"}, // the table's first key
		{"seal size", `"anh/dau.png"`, `"anh/dau.png"` + "\nduong_kinh_dau_mm = 500", diag.CodeType, "duong_kinh_dau_mm"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, "anh"), 0o755)
			os.WriteFile(filepath.Join(dir, "anh", "dau.png"), pngData.Bytes(), 0o644)
			os.WriteFile(filepath.Join(filepath.Dir(dir), "dau.png"), pngData.Bytes(), 0o644)
			p := regexp.MustCompile(`(?m)^anh_chu_ky = .*$`).ReplaceAllString(string(prof), "anh_chu_ky = "+c.sig)
			p = regexp.MustCompile(`(?m)^duong_kinh_dau_mm = .*\n`).ReplaceAllString(p, "")
			seal := ""
			if c.seal != "" {
				seal = "anh_con_dau = " + c.seal
			}
			p = regexp.MustCompile(`(?m)^anh_con_dau = .*$`).ReplaceAllString(p, seal)
			os.WriteFile(filepath.Join(dir, "vanban.toml"), []byte(p), 0o644)
			os.WriteFile(filepath.Join(dir, "ke-hoach.toml"), src, 0o644)
			b, ds, err := newEng(t, engine.Options{}).Preview(engine.Job{Dir: dir, Name: "ke-hoach.toml"})
			if err != nil || b != nil {
				t.Fatalf("preview made (%v)", err)
			}
			line := 0
			for i, l := range strings.Split(p, "\n") {
				if strings.HasPrefix(l, c.key) && line == 0 {
					line = i + 1
				}
			}
			found := false
			for _, d := range ds {
				if d.Code == c.code && d.Pos.Line == line && filepath.Base(d.Pos.File) == "vanban.toml" {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s at vanban.toml:%d, got %v", c.code, line, ds)
			}
		})
	}
}
