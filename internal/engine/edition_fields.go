package engine

import (
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/render/pdf"
)

// The names of the empty signature fields (-truong-ky), in Vietnamese
// without diacritics, as the signing tools show them.
const (
	FieldSigner = "ChuKyNguoiKy" // ô 7c, the signer's signature
	FieldSeal   = "ConDau"       // ô 8, the organisation's signature (seal)
)

// SignatureFields returns the empty signature fields of an electronic
// document's PDF: the signer's at ô 7c and the organisation's at ô 8, at
// the rectangles of its signing map. A paper document has none (it is
// signed by hand), nor has a phụ lục in a file of its own.
func SignatureFields(r *layout.Result) []pdf.SigField {
	if r == nil || r.Doc == nil || r.Doc.Edition != model.Electronic || r.Signing.Box14Only {
		// A phụ lục in a file of its own is signed by the organisation
		// alone, at ô 14, with no image (Phụ lục I, III.1.d).
		return nil
	}
	sg := r.Signing
	return []pdf.SigField{
		{Name: FieldSigner, Page: sg.Signature.Page, Rect: sg.Signature.Rect},
		{Name: FieldSeal, Page: sg.Seal.Page, Rect: sg.Seal.Rect},
	}
}
