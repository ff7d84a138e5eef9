package copyblock

import (
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/measure"
	"vanban/internal/unit"
)

// composer places the copy block: Phụ lục III, Mẫu 3.1 draws it as two rows
// of two columns, the columns of the document's header (the left one at the
// left margin, the right one ending at the right margin):
//
//	──────────────────────── full width ────────────────────────
//	TÊN CƠ QUAN SAO (ô 2)             SAO Y (ô 1)
//	      ─────
//	Số: 05/SY-UBND (ô 3)       Vạn Giã, ngày … tháng … năm … (ô 4)
//
//	Nơi nhận: (ô 7)                  QUYỀN HẠN, CHỨC VỤ (ô 5a, 5b)
//	- …;                             (signature, seal: ô 5c, 6)
//	- Lưu: VT.                       Họ và tên
//
// As in the header, "Số:" and the place and date share a level under the
// taller of ô 2 with its rule and ô 1.
type composer struct {
	f     *font.Set
	s     *format.Sheet
	st    format.CopyStyles
	b     Block
	items []layout.Item
}

type column struct{ x, w unit.Length }

// place lays the block out from y, the level of the full-width rule, on a
// page pageW wide; it returns the items, the rule first, and the bottom of
// the lowest line box.
func (c composer) place(y, pageW unit.Length) ([]layout.Item, unit.Length) {
	s, st, b := c.s, c.st, c.b
	c.items = nil
	// Phần II, II.2.a: "dưới một đường kẻ nét liền, kéo dài hết chiều
	// ngang của vùng trình bày văn bản".
	c.items = append(c.items, layout.Item{Kind: layout.Rule, X: s.Left, Y: y, W: pageW - s.Left - s.Right, Stroke: st.RuleWidth})
	left := column{x: s.Left, w: s.LeftCol}
	right := column{x: pageW - s.Right - s.RightCol, w: s.RightCol}
	top := y + format.CopyBlockGap

	// Row 1, left: the copying body and the rule under it (Mẫu 3.1; the
	// rule's length as under the issuer, Phần I, II.2.b).
	var body []measure.Line
	for _, t := range b.Body {
		body = append(body, c.lines(st.Body, t, left.w)...)
	}
	ly := c.put(left, top, st.Body, body)
	if len(body) > 0 {
		rw := measure.Rule(s, measure.Widest(body))
		c.items = append(c.items, layout.Item{Kind: layout.Rule, X: left.x + (left.w-rw)/2, Y: ly + st.RuleGap, W: rw, Stroke: st.RuleWidth})
		ly += st.RuleGap
	}
	// Row 1, right: the hình thức sao.
	ry := c.put(right, top, st.Kind, c.lines(st.Kind, b.Kind.Text(), right.w))
	row := max(ly, ry)
	ly = c.put(left, row+st.Number.Before, st.Number, c.lines(st.Number, b.Number, left.w))
	ry = c.put(right, row+st.PlaceDate.Before, st.PlaceDate, c.lines(st.PlaceDate, b.PlaceDate, right.w))

	// Row 2: Nơi nhận left, the signature block right, on one level.
	top2 := max(ly, ry) + st.ColumnsGap
	ly = c.put(left, top2, st.Label, c.lines(st.Label, format.RecipientsLabelText, left.w))
	for _, t := range b.Recipients {
		ly = c.put(left, ly, st.Recipient, c.lines(st.Recipient, t, left.w))
	}
	ry = top2
	for _, t := range b.Authority {
		ry = c.put(right, ry, st.Authority, c.lines(st.Authority, t, right.w))
	}
	ry = c.put(right, ry+st.SignSpace, st.Name, c.lines(st.Name, b.Name, right.w))
	return c.items, max(ly, ry)
}

// lines breaks text, in style st, into lines w wide.
func (c *composer) lines(st format.Style, text string, w unit.Length) []measure.Line {
	return measure.Break(c.f, measure.Words(c.f, format.CopyRuns(st, text), st.Size), st.Size, w, w)
}

// put places lines of style st in column col from y; it returns the y
// below them.
func (c *composer) put(col column, y unit.Length, st format.Style, lines []measure.Line) unit.Length {
	for _, ln := range lines {
		c.items = emit(c.items, c.f, ln, col.x, col.w, y, st)
		y += st.Line
	}
	return y
}

// emit appends the items of line ln, whose line box has its top at y, in a
// column from x, w wide: centred or left-aligned as st says (the copy
// block justifies nothing). One item per run of one font style, so the
// line reads back as typed. The baseline centres the glyph box in the line
// pitch, as package layout does.
func emit(items []layout.Item, f *font.Set, ln measure.Line, x, w, y unit.Length, st format.Style) []layout.Item {
	if len(ln.Words) == 0 {
		return items
	}
	face := f.Face(font.Regular)
	base := y + (st.Line+face.Ascent(st.Size)-face.Descent(st.Size))/2
	switch st.Align {
	case format.Center:
		x += (w - ln.W) / 2
	case format.Right:
		x += w - ln.W
	}
	var cur *layout.Item
	for i, wd := range ln.Words {
		for j, fr := range wd.Frags {
			text, fw := fr.Text, fr.W
			if j == len(wd.Frags)-1 && i < len(ln.Words)-1 {
				text, fw = fr.Spaced(wd.Gaps), fw+wd.Space
			}
			if cur != nil && cur.Style == fr.Style {
				cur.Text += text
				cur.W += fw
				continue
			}
			if cur != nil {
				items = append(items, *cur)
				x += cur.W
			}
			cur = &layout.Item{Kind: layout.Text, X: x, Y: base, W: fw, Style: fr.Style, Size: st.Size, Text: text}
		}
	}
	if cur != nil {
		items = append(items, *cur)
	}
	return items
}
