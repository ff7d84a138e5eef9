package engine

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"vanban/internal/batch"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// The keys of the images of the signed look (-xem-chu-ky).
const (
	keySignatureImage = "nguoi_ky.anh_chu_ky"
	keySealImage      = "co_quan.anh_con_dau"
	keySealDiameter   = "co_quan.duong_kinh_dau_mm"
)

// PreviewName is the preview of the signed look beside the PDF at pdfPath:
// <stem>.xem-chu-ky.pdf, never the file sent for signing.
func PreviewName(pdfPath string) string {
	return strings.TrimSuffix(pdfPath, ".pdf") + ".xem-chu-ky.pdf"
}

// Preview builds j and returns its PDF as it will look once signed (the
// -xem-chu-ky flag): the signer's signature image (nguoi_ky.anh_chu_ky)
// centred in ô 7c and the seal image (co_quan.anh_con_dau) at its real
// size (co_quan.duong_kinh_dau_mm, else format.SealDiameter) covering the
// left third of the signature (NĐ 30, Phụ lục I, II.7.d, II.8.a). The
// images are PNG files inside the workspace, keep their transparency (the
// preview is not PDF/A) and are scaled to fit, keeping their proportions.
// A paper document has no preview: pdfData is nil and ds empty. An image
// that is missing, outside the workspace or not a PNG is a positioned error.
func (e *Engine) Preview(j Job) (pdfData []byte, ds diag.List, err error) {
	res, err := e.BuildFormats(j, false, Formats{PDF: true})
	ds = res.Diags
	if err != nil || res.Layout == nil || ds.HasErrors() {
		return nil, ds, err
	}
	if res.Doc.Edition != model.Electronic {
		return nil, ds, nil
	}
	in, _ := e.prepare(j)
	if in == nil {
		return nil, ds, nil
	}
	ims, l := previewImages(j.Dir, in, res.Layout)
	ds.Append(relocate(l, j.Dir))
	if ds.HasErrors() {
		return nil, ds, nil
	}
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, res.Layout, pdf.Options{Images: ims}); err != nil {
		return nil, ds, err
	}
	return buf.Bytes(), ds, nil
}

// WritePreview writes the preview of j's signed look (Preview) into the
// folder out as PreviewName of its PDF, whole or not at all, and returns
// its path; "" for a paper document or one with errors.
func (e *Engine) WritePreview(j Job, out string) (string, diag.List, error) {
	b, ds, err := e.Preview(j)
	if err != nil || b == nil {
		return "", ds, err
	}
	name := PreviewName(filepath.Join(out, j.Stem()+".pdf"))
	if err := batch.WriteFile(name, b); err != nil {
		return "", ds, err
	}
	return name, ds, nil
}

// previewImages reads the two images of in and places them at the spots
// of r's signing map.
func previewImages(dir string, in *data.Input, r *layout.Result) ([]pdf.Image, diag.List) {
	var l diag.List
	sig, sigW, sigH := readImage(dir, in, "nguoi_ky", "anh_chu_ky", &l)
	seal, sealW, sealH := readImage(dir, in, "co_quan", "anh_con_dau", &l)
	d := format.SealDiameter
	org, _ := in.Values["co_quan"].(map[string]any)
	if v, ok := org["duong_kinh_dau_mm"]; ok && in.Pos[keySealDiameter].IsValid() {
		n, _ := v.(int64)
		if n < 20 || n > 80 {
			l.Add(diag.New(in.At(keySealDiameter), diag.CodeType, "duong_kinh_dau_mm",
				"số milimét từ 20 đến 80", fmt.Sprint(v), "36"))
		} else {
			d = unit.Length(n) * unit.MM
		}
	}
	if l.HasErrors() {
		return nil, l
	}
	sg := r.Signing
	s := sg.Signature.Rect
	area := sg.Area.Rect
	sealBox := layout.Rect{X: s.X + s.W/3 - d, Y: area.Y + (area.H-d)/2, W: d, H: d}
	// The seal is drawn last: on paper it is stamped over the signature.
	return []pdf.Image{
		fit(sg.Signature.Page, s, sigW, sigH, sig),
		fit(sg.Seal.Page, sealBox, sealW, sealH, seal),
	}, l
}

// fit returns the image of w × h pixels scaled to fit box, centred in it.
func fit(page int, box layout.Rect, w, h int, data []byte) pdf.Image {
	iw, ih := box.W, unit.Length(int64(box.W)*int64(h)/int64(w))
	if ih > box.H {
		iw, ih = unit.Length(int64(box.H)*int64(w)/int64(h)), box.H
	}
	return pdf.Image{Page: page, X: box.X + (box.W-iw)/2, Y: box.Y + (box.H-ih)/2, W: iw, H: ih, Data: data}
}

// readImage reads the PNG named by table.key of in, relative to the
// workspace dir, and returns it with its size in pixels; a problem is
// added to l at the key's position.
func readImage(dir string, in *data.Input, table, key string, l *diag.List) ([]byte, int, int) {
	path := table + "." + key
	t, _ := in.Values[table].(map[string]any)
	name, _ := t[key].(string)
	name = strings.TrimSpace(name)
	if name == "" {
		at := tablePos(in, table, path)
		l.Add(diag.New(at, diag.CodeMissing, "ảnh để xem trước bản ký số", path,
			fmt.Sprintf("ghi đường dẫn tệp PNG nền trong suốt trong thư mục làm việc, ví dụ %s = \"anh/%s.png\"", key, strings.ReplaceAll(key, "anh_", ""))))
		return nil, 0, 0
	}
	bad := func(why string) { l.Add(diag.New(in.At(path), diag.CodeReadFile, fmt.Sprintf("%s (%s)", name, why))) }
	slashed := filepath.ToSlash(name)
	if filepath.IsAbs(name) || strings.HasPrefix(slashed, "/") || !filepath.IsLocal(filepath.FromSlash(slashed)) {
		bad("đường dẫn phải nằm trong thư mục làm việc, tính từ thư mục chứa tệp văn bản")
		return nil, 0, 0
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		bad("không mở được thư mục làm việc")
		return nil, 0, 0
	}
	defer root.Close()
	b, err := root.ReadFile(filepath.FromSlash(slashed))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		bad("không tìm thấy tệp")
		return nil, 0, 0
	case err != nil:
		// os.Root refuses a symbolic link that leads outside the workspace.
		bad("không đọc được, hoặc tệp nằm ngoài thư mục làm việc")
		return nil, 0, 0
	case len(b) > maxImageBytes:
		bad(fmt.Sprintf("tệp lớn hơn %d MB", maxImageBytes>>20))
		return nil, 0, 0
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		bad("không phải tệp ảnh PNG")
		return nil, 0, 0
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxImagePixels {
		bad(fmt.Sprintf("ảnh %d × %d điểm ảnh, tối đa %d điểm ảnh", cfg.Width, cfg.Height, maxImagePixels))
		return nil, 0, 0
	}
	// A PNG whose pixels do not decode fails here, not in the writer.
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		bad("tệp PNG hỏng")
		return nil, 0, 0
	}
	return b, cfg.Width, cfg.Height
}

// Bounds of a preview image: a signature or seal scanned at 600 dpi is far
// below them.
const (
	maxImageBytes  = 8 << 20
	maxImagePixels = 4000 * 4000
)

// tablePos is the position of key, or, when it is not written, of the
// first key written in its table (the table itself has no position).
func tablePos(in *data.Input, table, key string) diag.Pos {
	if p := in.Pos[key]; p.IsValid() {
		return p
	}
	var best diag.Pos
	for k, p := range in.Pos {
		if !strings.HasPrefix(k, table+".") || !p.IsValid() {
			continue
		}
		if !best.IsValid() || p.File < best.File || p.File == best.File && (p.Line < best.Line || p.Line == best.Line && p.Col < best.Col) {
			best = p
		}
	}
	if best.IsValid() {
		return best
	}
	return in.At(key)
}
