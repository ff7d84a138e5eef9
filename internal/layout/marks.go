package layout

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// stampStroke is the stroke of a frame: "viền đơn" (Phụ lục I, II.10.b–c);
// the decree gives no width, so this is a choice, the width of the rules.
func (l *state) stampStroke() unit.Length { return l.s.RuleWidth }

// stamp draws the framed mark st with its top left corner at x, y: the
// frame and, centred in it, its words, in red for the urgency and secrecy
// stamps (Phụ lục I, II.10.b: "mực … màu đỏ tươi"). It returns the y below
// the frame.
func (l *state) stamp(st *resolve.Stamp, x, y unit.Length) unit.Length {
	var c Color
	if st.Red {
		c = Red
	}
	l.add(Item{Kind: Box, X: x, Y: y, W: st.W, H: st.H, Stroke: l.stampStroke(), Color: c})
	from := len(l.cur().Items)
	lines := l.breakLines(&st.Para, st.W, st.W)
	top := y + (st.H-unit.Length(len(lines))*st.Para.Style.Line)/2
	l.lines(column{x: x, w: st.W}, top, st.Para.Style, lines)
	items := l.cur().Items
	for i := from; i < len(items); i++ {
		items[i].Color = c
	}
	return y + st.H
}

// stampIn draws st centred in column c, format.StampGap below y, and
// returns the y below it; y itself when st is nil.
func (l *state) stampIn(st *resolve.Stamp, c column, y unit.Length) unit.Length {
	if st == nil {
		return y
	}
	return l.stamp(st, c.x+(c.w-st.W)/2, y+format.StampGap)
}

// draft draws the draft marking at the top right of page 1, flush with the
// right margin, and moves the header below it (a choice: the decree has no
// draft marking).
func (l *state) draft(st *resolve.Stamp) {
	if st == nil {
		return
	}
	l.y = l.stamp(st, l.s.PageW-l.s.Right-st.W, l.y) + format.StampGap
}

// contactLines breaks the lines of ô 13 the width of the text area.
func (l *state) contactLines(ps []resolve.Para) [][]measure.Line {
	out := make([][]measure.Line, len(ps))
	for i := range ps {
		out[i] = l.breakLines(&ps[i], l.s.TextWidth(), l.s.TextWidth())
	}
	return out
}

// contactHeight is the room ô 13 takes at the foot of page 1: the gap
// above its rule, the rule's gap and its lines (Phụ lục I, II.12); 0 when
// the document has none.
func (l *state) contactHeight(ps []resolve.Para) unit.Length {
	if len(ps) == 0 {
		return 0
	}
	h := format.ContactGap + l.s.RuleGap
	for i, ls := range l.contactLines(ps) {
		h += unit.Length(len(ls)) * ps[i].Style.Line
	}
	return h
}

// contact places ô 13 at the foot of page 1: a rule across the whole text
// width, then the lines, the last one ending on the bottom margin (Phụ
// lục I, II.12: "ở trang thứ nhất …, dưới một đường kẻ nét liền kéo dài
// hết chiều ngang của vùng trình bày văn bản"). Everything else on page 1
// ended l.reserve above the margin (see bottom).
func (l *state) contact(ps []resolve.Para) {
	if len(ps) == 0 {
		return
	}
	saved, savedS := l.page, l.s
	l.page, l.s = 0, l.res.Doc.Sheet
	l.reserve = 0 // ô 13 itself goes down to the margin
	all := l.contactLines(ps)
	y := l.s.PageH - l.s.Bottom
	for i, ls := range all {
		y -= unit.Length(len(ls)) * ps[i].Style.Line
	}
	l.add(Item{Kind: Rule, X: l.s.Left, Y: y - l.s.RuleGap, W: l.s.TextWidth(), Stroke: l.s.RuleWidth})
	full := l.full()
	for i, ls := range all {
		y = l.lines(full, y, ps[i].Style, ls)
	}
	l.page, l.s = saved, savedS
}
