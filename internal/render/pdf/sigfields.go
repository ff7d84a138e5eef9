package pdf

import (
	"fmt"

	"vanban/internal/layout"
)

// SigField is an empty signature field (an AcroForm /Sig field merged with
// its widget annotation) for the signing tools that fill prepared fields
// rather than let the signer place the signature.
type SigField struct {
	// Name is the field's name (/T): ASCII letters and digits, unique in
	// the file, e.g. "ChuKyNguoiKy".
	Name string
	Page int         // index into the layout's pages, from 0
	Rect layout.Rect // from the top left corner of the page, as in layout
}

// sigField is a field as written: the field-widget object and its empty
// normal appearance (PDF/A-2 wants an appearance for every widget).
type sigField struct{ obj, ap int }

// allocSigFields checks opt.SigFields and reserves their objects, so the
// pages can list them in /Annots before they are written.
func (d *doc) allocSigFields() ([]sigField, error) {
	seen := map[string]bool{}
	out := make([]sigField, 0, len(d.opt.SigFields))
	for i, f := range d.opt.SigFields {
		if f.Page < 0 || f.Page >= len(d.r.Pages) {
			return nil, fmt.Errorf("signature field %d: no page %d", i+1, f.Page+1)
		}
		if f.Rect.W <= 0 || f.Rect.H <= 0 {
			return nil, fmt.Errorf("signature field %d: empty rectangle", i+1)
		}
		if f.Name == "" || seen[f.Name] {
			return nil, fmt.Errorf("signature field %d: name %q empty or used twice", i+1, f.Name)
		}
		for _, c := range f.Name {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
				return nil, fmt.Errorf("signature field %d: name %q: only ASCII letters, digits and _", i+1, f.Name)
			}
		}
		seen[f.Name] = true
		out = append(out, sigField{obj: d.o.alloc(), ap: d.o.alloc()})
	}
	return out, nil
}

// annots appends the /Annots entry of page p, when fields lie on it.
func (d *doc) annots(p int, fields []sigField) {
	o := &d.o
	first := true
	for i, f := range d.opt.SigFields {
		if f.Page != p {
			continue
		}
		if first {
			o.s("/Annots[")
			first = false
		} else {
			o.s(" ")
		}
		o.ref(fields[i].obj)
	}
	if !first {
		o.s("]")
	}
}

// writeSigFields writes the fields; pages are the page objects.
func (d *doc) writeSigFields(fields []sigField, pages []int) {
	o := &d.o
	for i, f := range d.opt.SigFields {
		pg := &d.r.Pages[f.Page]
		rc := f.Rect
		o.begin(fields[i].obj)
		// /F 4: printed (PDF/A); no /V: the field is not signed yet.
		o.s("<</Type/Annot/Subtype/Widget/FT/Sig/T")
		o.text(f.Name)
		o.s("/F 4/P ")
		o.ref(pages[f.Page])
		o.s("/Rect[")
		o.buf = appendLen(o.buf, rc.X)
		o.s(" ")
		o.buf = appendLen(o.buf, pg.H-rc.Y-rc.H)
		o.s(" ")
		o.buf = appendLen(o.buf, rc.X+rc.W)
		o.s(" ")
		o.buf = appendLen(o.buf, pg.H-rc.Y)
		o.s("]/AP<</N ")
		o.ref(fields[i].ap)
		o.s(">>>>")
		o.end()
		var bbox []byte
		bbox = append(bbox, "/Type/XObject/Subtype/Form/BBox[0 0 "...)
		bbox = appendLen(bbox, rc.W)
		bbox = append(bbox, ' ')
		bbox = appendLen(bbox, rc.H)
		bbox = append(bbox, "]/Resources<<>>"...)
		o.stream(fields[i].ap, string(bbox), nil, false)
	}
}

// acroForm appends the catalogue's /AcroForm entry, when there are fields.
// No /SigFlags: the file holds no signature yet (the signing tool sets it),
// and no /NeedAppearances, which PDF/A forbids.
func (d *doc) acroForm(fields []sigField) {
	if len(fields) == 0 {
		return
	}
	o := &d.o
	o.s("/AcroForm<</Fields[")
	for i, f := range fields {
		if i > 0 {
			o.s(" ")
		}
		o.ref(f.obj)
	}
	o.s("]>>")
}
