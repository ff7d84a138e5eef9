package layout

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// sign is the Nơi nhận block (left, ô 9b) and the signature (right, ô 7)
// side by side (Phụ lục I, II.7, II.9), measured once.
//
// A block that fits on a page with two lines of the body is never split:
// when it does not fit below the body, the last two body lines go with it
// to the next page. A longer one (many recipients) splits as a Word table
// row that may break: its head — "Nơi nhận:" and the first recipients,
// down to the foot of the signature column — stays with the body's last
// lines and never splits; the other recipients and "- Lưu: …" continue
// below it and on the next pages. render/docx writes the head as a row
// that cannot split and the rest as a second row that can (see
// docx.signRows); both derive the split from the same measurements.
type sign struct {
	left, right column
	label       []measure.Line   // "Nơi nhận:"
	items       [][]measure.Line // one entry per recipient line, "- Lưu: …" last
	auth, name  []measure.Line   // quyền hạn, chức vụ; họ tên
	head        int              // entries placed beside the signature; len(items) when unsplit
	h           unit.Length      // height of the part that keeps with the body
}

// measureSign measures the block of doc and decides how it splits.
func (l *state) measureSign(doc *model.Document) sign {
	left, right := l.columns()
	b := sign{left: left, right: right}
	b.label = measure.Lines(l.f, l.s, format.RecipientsLabel, []string{format.RecipientsLabelText}, left.w)
	for _, t := range format.RecipientLines(doc.Recipients) {
		b.items = append(b.items, measure.Lines(l.f, l.s, format.RecipientsItem, []string{t}, left.w))
	}
	b.auth = measure.Lines(l.f, l.s, format.SignAuthority, doc.Signature.Lines, right.w)
	b.name = measure.Lines(l.f, l.s, format.SignName, []string{doc.Signature.Name}, right.w)
	counts := make([]int, len(b.items))
	for i, it := range b.items {
		counts[i] = len(it)
	}
	b.head, b.h = signSplit(l.s, len(b.label), counts, len(b.auth), len(b.name))
	return b
}

// signSplit returns how many recipient entries (of counts lines each) stay
// beside the signature column, and the height of that unbreakable part.
// All entries stay when the whole block, with the space above it, fits on a
// page below two body lines; otherwise the head ends with the first entry
// that reaches the foot of the signature column, so the rows of the left
// column follow on without a gap. render/docx has the same rule.
func signSplit(s *format.Sheet, label int, counts []int, auth, name int) (int, unit.Length) {
	lines := func(e format.Element, n int) unit.Length { return unit.Length(n) * s.Style(e).Line }
	rh := lines(format.SignAuthority, auth) + s.SignSpace + lines(format.SignName, name)
	lh := lines(format.RecipientsLabel, label)
	total := 0
	for _, c := range counts {
		total += c
	}
	whole := max(lh+lines(format.RecipientsItem, total), rh)
	if s.SignGap+whole <= s.PageH-s.Top-s.Bottom-2*s.Style(format.Body).Line {
		return len(counts), whole
	}
	for i, c := range counts {
		if lh >= rh {
			return i, lh
		}
		lh += lines(format.RecipientsItem, c)
	}
	return len(counts), max(lh, rh)
}

// signature places the block. Its head goes below the body; the body has
// already moved its last lines to a new page when the head does not fit.
// The recipients after the head flow down the left column onto the next
// pages, line by line, as the lines of a table row that breaks.
func (l *state) signature(b sign) {
	if !l.fits(b.h) {
		l.newPage()
	}
	top := l.y + l.s.SignGap
	y := l.lines(b.left, top, format.RecipientsLabel, b.label)
	for _, it := range b.items[:b.head] {
		y = l.lines(b.left, y, format.RecipientsItem, it)
	}
	ry := l.lines(b.right, top, format.SignAuthority, b.auth) + l.s.SignSpace
	l.lines(b.right, ry, format.SignName, b.name)
	l.y = top + b.h
	st := l.s.Style(format.RecipientsItem)
	for _, it := range b.items[b.head:] {
		l.flowLines(b.left, st, it)
	}
}

// lines places lines of element e in column c from y and returns the y
// below them.
func (l *state) lines(c column, y unit.Length, e format.Element, lines []measure.Line) unit.Length {
	st := l.s.Style(e)
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
