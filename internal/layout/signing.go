package layout

import (
	"fmt"

	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// Rect is a rectangle on a page, from the page's top left corner.
type Rect struct {
	X, Y, W, H unit.Length
}

// Spot is a rectangle on one page; Page counts from 0.
type Spot struct {
	Page int
	Rect Rect
}

// Signing is the signing map of a document: where the signing tools of the
// electronic edition put what they add (NĐ 30, Phụ lục I, II.7.d, II.8;
// Phần II, I.3). Nothing of the document is drawn inside Area.
type Signing struct {
	// Area is the clear signature area between the signer's title (ô 7a,
	// 7b) and name (ô 7c): the whole signature column, format.SignArea
	// tall in the electronic edition.
	Area Spot
	// Signature is the signer's signature image (ô 7c), centred in Area
	// (Phụ lục I, II.7.d).
	Signature Spot
	// Seal is the organisation's seal image (ô 8), real size, covering
	// the left third of Signature (Phụ lục I, II.8.a), centred on Area's
	// height; it may reach over the lines above and below, as a seal on
	// paper does.
	Seal Spot
	// Number and Date are the line boxes of "Số: …" (ô 3) and of the place
	// and date (ô 4), where the văn thư stamps them.
	Number, Date Spot
	// Box14 is ô 14, top right of page 1 (format.Box14W × Box14H, in the
	// top margin).
	Box14 Spot
	// Box14Only marks the map of an appendix in a file of its own that has
	// no signature of its own (a phụ lục): the văn thư signs it with the
	// organisation's signature at Box14 alone (Phụ lục I, III.1.d), and the
	// other spots are zero.
	Box14Only bool
}

// placePart places a document that is one appendix in a file of its own: the
// appendix from page 1, ô 14 kept free at the top right of that page (it
// lies in the top margin, where page 1 has no page number), and, for an
// attached text, its signature's spots.
func (l *state) placePart(doc *resolve.Document) (*Result, error) {
	if len(doc.Appendices) != 1 {
		return nil, fmt.Errorf("layout: a part holds one appendix, not %d", len(doc.Appendices))
	}
	a := &doc.Appendices[0]
	l.part = true
	l.res.Signing.Box14Only = true
	l.appendix(a)
	s := a.Sheet
	l.res.Signing.Box14 = Spot{Page: 0, Rect: Rect{X: s.PageW - s.Right - format.Box14W, Y: s.Top - format.Box14H,
		W: format.Box14W, H: format.Box14H}}
	if l.err != nil {
		return nil, l.err
	}
	return l.res, nil
}

// signingHeader records the spots of ô 3, ô 4 and ô 14 on page 1.
func (l *state) signingHeader(number, date Rect) {
	if l.inAppendix {
		return // an attached text's header: the document's spots stay
	}
	s := l.s
	l.res.Signing.Number = Spot{Page: l.page, Rect: number}
	l.res.Signing.Date = Spot{Page: l.page, Rect: date}
	l.res.Signing.Box14 = Spot{Page: l.page, Rect: Rect{X: s.PageW - s.Right - format.Box14W, Y: s.Top - format.Box14H,
		W: format.Box14W, H: format.Box14H}}
}

// signingArea records the signature area whose top is y in column c, and
// the signature and seal spots in it.
func (l *state) signingArea(c column, y unit.Length) {
	area := Rect{X: c.x, Y: y, W: c.w, H: l.s.SignSpace}
	sw := min(format.SignatureW, c.w)
	sig := Rect{X: c.x + (c.w-sw)/2, Y: y, W: sw, H: l.s.SignSpace}
	d := format.SealDiameter
	seal := Rect{X: sig.X + sw/3 - d, Y: y + (l.s.SignSpace-d)/2, W: d, H: d}
	l.res.Signing.Area = Spot{Page: l.page, Rect: area}
	l.res.Signing.Signature = Spot{Page: l.page, Rect: sig}
	l.res.Signing.Seal = Spot{Page: l.page, Rect: seal}
}

// electronic reports whether the result is of the electronic edition.
func (r *Result) electronic() bool { return r.Doc != nil && r.Doc.Edition == model.Electronic }
