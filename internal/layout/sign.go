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
	// coAuth and coName are the lines of the second signature (b.Co),
	// left of the main one; nil without one.
	coAuth, coName []measure.Line
	// confirm is the lines of the confirmation block (b.Confirm), title
	// then note; nil without one.
	confirm [][]measure.Line
	h       unit.Length // height of the part that keeps with the body
	// base is h without a kept confirmation block: where the block's own
	// head ends.
	base unit.Length
}

// measureSign breaks the lines of the block b.
func (l *state) measureSign(b *resolve.Sign) sign {
	left, right := l.columns()
	out := sign{left: left, right: right, b: b, h: b.Height, base: b.Height}
	if c := b.Confirm; c != nil {
		for i := range c.Title {
			out.confirm = append(out.confirm, l.breakLines(&c.Title[i], left.w, left.w))
		}
		if c.Note != nil {
			out.confirm = append(out.confirm, l.breakLines(c.Note, left.w, left.w))
		}
		if c.Kept {
			out.base -= l.s.SignGap + c.Height
		}
	}
	if !b.NoRecipients {
		out.label = l.breakLines(&b.Label, left.w, left.w)
	}
	for i := range b.Items {
		out.items = append(out.items, l.breakLines(&b.Items[i], left.w, left.w))
	}
	for i := range b.Authority {
		out.auth = append(out.auth, l.breakLines(&b.Authority[i], right.w, right.w)...)
	}
	out.name = l.breakLines(&b.Name, right.w, right.w)
	if c := b.Co; c != nil {
		for i := range c.Authority {
			out.coAuth = append(out.coAuth, l.breakLines(&c.Authority[i], left.w, left.w)...)
		}
		out.coName = l.breakLines(&c.Name, left.w, left.w)
	}
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
	if b.Co != nil {
		l.signatures(sb, top)
		return
	}
	if !b.NoRecipients {
		y := l.lines(sb.left, top, b.Label.Style, sb.label)
		for i, it := range sb.items[:b.Head] {
			y = l.lines(sb.left, y, b.Items[i].Style, it)
		}
	}
	ry := top
	if len(b.Authority) > 0 {
		ry = l.lines(sb.right, top, b.Authority[0].Style, sb.auth)
	}
	l.signingArea(sb.right, ry)
	l.lines(sb.right, ry+l.s.SignSpace, b.Name.Style, sb.name)
	l.y = top + sb.base
	for i, it := range sb.items[b.Head:] {
		l.flowLines(sb.left, b.Items[b.Head+i].Style, it)
	}
	l.confirm(sb)
}

// confirm places the confirmation block (resolve.Confirm: Phụ lục III,
// Mẫu 1.10) in the left column, SignGap below the signature block that
// ends at l.y: kept, it is part of the block's head, which has made room
// for it; after a split block it goes whole to the next page when it does
// not fit below the list.
func (l *state) confirm(sb sign) {
	c := sb.b.Confirm
	if c == nil {
		return
	}
	if !c.Kept && !l.fits(c.Height) {
		l.newPage()
	}
	y := l.y + l.s.SignGap
	top := y
	for i := range c.Title {
		y = l.lines(sb.left, y, c.Title[i].Style, sb.confirm[i])
	}
	if c.Note != nil {
		y = l.lines(sb.left, y, c.Note.Style, sb.confirm[len(c.Title)])
	}
	// The signature space and the name's line, both left for the hand.
	l.y = top + c.Height
}

// signatures places a block of two signatures (Phụ lục III, Mẫu 1.9):
// the second one (the thư ký) left, the main one (the chủ tọa) right, each
// title on the same top line and each name under its own signature space;
// then, SignGap below the taller, "Nơi nhận:" and its list in the left
// column, kept with the signatures when the head holds them (sb.b.Head),
// flowing onto the next pages otherwise.
func (l *state) signatures(sb sign, top unit.Length) {
	b := sb.b
	sigBottom := top
	for _, sg := range []struct {
		c          column
		auth       []resolve.Para
		name       resolve.Para
		aLns, nLns []measure.Line
		main       bool
	}{{sb.left, b.Co.Authority, b.Co.Name, sb.coAuth, sb.coName, false}, {sb.right, b.Authority, b.Name, sb.auth, sb.name, true}} {
		y := top
		if len(sg.auth) > 0 {
			y = l.lines(sg.c, top, sg.auth[0].Style, sg.aLns)
		}
		if sg.main {
			l.signingArea(sg.c, y)
		}
		sigBottom = max(sigBottom, l.lines(sg.c, y+l.s.SignSpace, sg.name.Style, sg.nLns))
	}
	if b.NoRecipients {
		l.y = sigBottom
		l.confirm(sb)
		return
	}
	l.y = sigBottom + l.s.SignGap
	if b.Head == len(b.Items) {
		y := l.lines(sb.left, l.y, b.Label.Style, sb.label)
		for i, it := range sb.items {
			y = l.lines(sb.left, y, b.Items[i].Style, it)
		}
		l.y = top + sb.base
		l.confirm(sb)
		return
	}
	l.flowLines(sb.left, b.Label.Style, sb.label)
	for i, it := range sb.items {
		l.flowLines(sb.left, b.Items[i].Style, it)
	}
	l.confirm(sb)
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
