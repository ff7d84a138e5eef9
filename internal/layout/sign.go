package layout

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// sign is the Nơi nhận block (left, ô 9b) and the signature (right, ô 7)
// side by side (Phụ lục I, II.7, II.9), broken into lines. Where it splits
// is decided by package resolve (resolve.Sign): its head — "Nơi nhận:",
// the first recipients and the signature — stays with the body's last
// lines and never splits; the other recipients and "- Lưu: …" continue
// below it and on the next pages.
type sign struct {
	left, right column
	b           *resolve.Sign
	label       []measure.Line   // "Nơi nhận:"
	items       [][]measure.Line // one entry per recipient line, "- Lưu: …" last
	auth, name  []measure.Line   // quyền hạn, chức vụ; họ tên
	h           unit.Length      // height of the part that keeps with the body
}

// measureSign breaks the lines of the block b.
func (l *state) measureSign(b *resolve.Sign) sign {
	left, right := l.columns()
	out := sign{left: left, right: right, b: b, h: b.Height}
	out.label = l.breakLines(&b.Label, left.w, left.w)
	for i := range b.Items {
		out.items = append(out.items, l.breakLines(&b.Items[i], left.w, left.w))
	}
	for i := range b.Authority {
		out.auth = append(out.auth, l.breakLines(&b.Authority[i], right.w, right.w)...)
	}
	out.name = l.breakLines(&b.Name, right.w, right.w)
	return out
}

// signature places the block. Its head goes below the body; the body has
// already moved its last lines to a new page when the head does not fit.
// The recipients after the head flow down the left column onto the next
// pages, line by line, as the lines of a table row that breaks.
func (l *state) signature(sb sign) {
	if !l.fits(sb.h) {
		l.newPage()
	}
	b := sb.b
	top := l.y + l.s.SignGap
	y := l.lines(sb.left, top, b.Label.Style, sb.label)
	for i, it := range sb.items[:b.Head] {
		y = l.lines(sb.left, y, b.Items[i].Style, it)
	}
	ry := top
	if len(b.Authority) > 0 {
		ry = l.lines(sb.right, top, b.Authority[0].Style, sb.auth)
	}
	l.signingArea(sb.right, ry)
	l.lines(sb.right, ry+l.s.SignSpace, b.Name.Style, sb.name)
	l.y = top + sb.h
	for i, it := range sb.items[b.Head:] {
		l.flowLines(sb.left, b.Items[b.Head+i].Style, it)
	}
}

// lines places lines of style st in column c from y and returns the y
// below them.
func (l *state) lines(c column, y unit.Length, st format.Style, lines []measure.Line) unit.Length {
	for _, ln := range lines {
		l.emit(ln, c.x, c.w, y, st)
		y += st.Line
	}
	return y
}

// flowLines places lines in column c from l.y, going on to a new page
// wherever the page ends. There is no widow or orphan control: LibreOffice
// has none inside a table row that breaks, and render/docx turns Word's off
// for these paragraphs, so all three break the list alike.
func (l *state) flowLines(c column, st format.Style, lines []measure.Line) {
	for _, ln := range lines {
		if l.y+st.Line > l.bottom() && l.y > l.s.Top {
			l.newPage()
		}
		l.emit(ln, c.x, c.w, l.y, st)
		l.y += st.Line
	}
}
