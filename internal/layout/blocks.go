package layout

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// column is a vertical stack of centred lines inside one header column.
type column struct {
	x, w unit.Length
}

// breakLines breaks p into lines: the first one first wide, the others
// rest wide.
func (l *state) breakLines(p *resolve.Para, first, rest unit.Length) []measure.Line {
	return measure.Break(l.f, measure.Words(l.f, p.Runs, p.Style.Size), p.Style.Size, first, rest)
}

// stack places paragraphs ps, one under the other, in column c from y; it
// returns the y below them.
func (l *state) stack(c column, y unit.Length, ps ...resolve.Para) unit.Length {
	for i := range ps {
		y = l.lines(c, y, ps[i].Style, l.breakLines(&ps[i], c.w, c.w))
	}
	return y
}

// rule draws a centred rule of length w under a column at y.
func (l *state) rule(c column, y, w unit.Length) {
	l.add(Item{Kind: Rule, X: c.x + (c.w-w)/2, Y: y, W: w, Stroke: l.s.RuleWidth})
}

func (l *state) columns() (column, column) {
	left := column{x: l.s.Left, w: l.s.LeftCol}
	right := column{x: l.s.PageW - l.s.Right - l.s.RightCol, w: l.s.RightCol}
	return left, right
}

// full is the column of the whole text width.
func (l *state) full() column { return column{x: l.s.Left, w: l.s.TextWidth()} }

// header places the two-column header of page 1 (Phụ lục I, II.1–4).
func (l *state) header(h *resolve.Header, m *resolve.Marks) {
	left, right := l.columns()
	top := l.y

	// Left: parent body, issuing body, its rule.
	y := l.stack(left, top, h.Parent...)
	y = l.stack(left, y, h.Issuer...)
	l.rule(left, y+l.s.RuleGap, h.IssuerRule)
	leftBottom := y + l.s.RuleGap

	// Right: Quốc hiệu, Tiêu ngữ and its rule.
	ry := l.stack(right, top, h.QuocHieu, h.TieuNgu)
	l.rule(right, ry+l.s.RuleGap, h.MottoRule)
	rightBottom := ry + l.s.RuleGap

	// Second row: "Số:" under the issuer, place and date under the motto, on
	// the same level. A document without one of them keeps its line empty,
	// as the DOCX's empty paragraph does; without both, the row is gone.
	row := max(leftBottom, rightBottom)
	ns, ds := l.s.Style(format.Number), l.s.Style(format.PlaceDate)
	l.signingHeader(Rect{X: left.x, Y: row + ns.Before, W: left.w, H: ns.Line},
		Rect{X: right.x, Y: row + ds.Before, W: right.w, H: ds.Line})
	y1, y2 := row, row
	if h.Number != nil || h.PlaceDate != nil {
		y1, y2 = row+ns.Before+ns.Line, row+ds.Before+ds.Line
	}
	if h.Number != nil {
		y1 = l.stack(left, row+h.Number.Style.Before, *h.Number)
	}
	if h.Letter != nil {
		// A công văn's trích yếu goes under its number (ô 5b).
		y1 = l.stack(left, y1+h.Letter.Style.Before, *h.Letter)
	}
	// ô 10a and 10b under the number, ô 11 under the date (Phụ lục I, IV).
	y1 = l.stampIn(m.Secrecy, left, y1)
	y1 = l.stampIn(m.Urgency, left, y1)
	if h.PlaceDate != nil {
		y2 = l.stack(right, row+h.PlaceDate.Style.Before, *h.PlaceDate)
	}
	y2 = l.stampIn(m.Circulation, right, y2)
	l.y = max(y1, y2)
}

// title places tên loại and trích yếu, centred, with the rule under them
// (Phụ lục I, II.5.b).
func (l *state) title(t *resolve.Title) {
	if t == nil {
		l.y += l.s.TitleGap // a công văn has no title block
		return
	}
	full := l.full()
	y := l.stack(full, l.y+l.s.TitleGap, t.Type)
	if t.Summary != nil {
		y = l.stack(full, y, *t.Summary)
	}
	l.rule(full, y+l.s.RuleGap, t.Rule)
	l.y = y + l.s.RuleGap + l.s.BodyGap
}

// authority places the thẩm quyền ban hành line of a Quyết định.
func (l *state) authority(p *resolve.Para) {
	if p == nil {
		return
	}
	l.y = l.stack(l.full(), l.y-l.s.BodyGap+p.Style.Before, *p)
	l.y += l.s.BodyGap
}

// addressees places "Kính gửi:" (ô 9a): one addressee on the label's line,
// centred; several as a list whose dashes align right of the label, the
// whole block centred (Phụ lục I, II.9.b).
func (l *state) addressees(a *resolve.Addressees) {
	if a == nil {
		return
	}
	if a.Line != nil {
		l.y = l.stack(l.full(), l.y, *a.Line)
		l.y += l.s.BodyGap
		return
	}
	l.stack(column{x: a.X, w: a.Indent}, l.y, a.Label)
	l.y = l.stack(column{x: a.X + a.Indent, w: a.Width}, l.y, a.Items...)
	l.y += l.s.BodyGap
}

// appendix places an appendix on new pages of its own orientation, numbered
// from 1: "Phụ lục I" when numbered, title, "(Kèm theo …)" line, rule,
// body (Phụ lục I, III.1). An attached text (Phụ lục III, Mẫu 1.3) has
// its own header and tên loại above, and the signature, kept with the end
// of its body, below.
func (l *state) appendix(a *resolve.Appendix) {
	l.s = a.Sheet
	l.number = 0
	l.inAppendix = true
	l.newPage()
	full := l.full()
	if a.Header != nil {
		l.header(a.Header, &resolve.Marks{})
		l.y += l.s.TitleGap
	}
	var top []resolve.Para
	if a.Number != nil {
		top = append(top, *a.Number)
	}
	if a.Type != nil {
		top = append(top, *a.Type)
	}
	y := l.stack(full, l.y, append(top, a.Title, a.Note)...)
	l.rule(full, y+l.s.RuleGap, a.Rule)
	l.y = y + l.s.RuleGap + l.s.BodyGap
	if a.Sign == nil {
		l.body(a.Body, 0)
		return
	}
	// The DOCX closes the section with a paragraph one point high under
	// the signature; Word and LibreOffice keep it on the signature's page.
	tail := a.SignHeight + unit.Point
	l.keepWhole = true
	l.body(a.Body, tail)
	l.keepWhole = false
	if !l.fits(tail) {
		l.newPage()
	}
	_, right := l.columns()
	ry := l.y + l.s.SignGap
	if len(a.Sign.Authority) > 0 {
		ry = l.stack(right, ry, a.Sign.Authority...)
	}
	if l.part {
		// An attached text in a file of its own is signed there.
		l.signingArea(right, ry)
		l.res.Signing.Box14Only = false
	}
	l.stack(right, ry+l.s.SignSpace, a.Sign.Name)
	l.y = l.y + l.s.SignGap + a.SignHeight
}

// para is a paragraph broken into lines, ready to place.
type para struct {
	lines []measure.Line
	st    format.Style
	x     unit.Length
	w     unit.Length
}

// prepare breaks a body paragraph into lines of the text width.
func (l *state) prepare(p *resolve.Para) para {
	w := l.s.TextWidth()
	return para{lines: l.breakLines(p, w-p.Style.Indent, w), st: p.Style, x: l.s.Left, w: w}
}

// place puts lines[from:] of p on pages, starting on the current one. The
// space before is dropped at the top of a page, as word processors do.
func (l *state) placeLines(p para, from int, withBefore bool) {
	if withBefore && l.y > l.s.Top {
		l.y += p.st.Before
	}
	for i := from; i < len(p.lines); i++ {
		if l.y+p.st.Line > l.bottom() {
			l.newPage()
		}
		x, w := p.x, p.w
		if i == 0 {
			x, w = x+p.st.Indent, w-p.st.Indent
		}
		l.emit(p.lines[i], x, w, l.y, p.st)
		l.y += p.st.Line
	}
}

// room returns how many line boxes of pitch h fit below y on this page.
func (l *state) room(y, h unit.Length) int {
	if h <= 0 {
		return 0
	}
	return int((l.bottom() - y) / h)
}

// splitAt returns how many lines of an n-line paragraph go on the current
// page when k fit: widow and orphan control keeps at least two lines on each
// side of a break (as Word's and LibreOffice's default widow control does).
func splitAt(n, k int) int {
	switch {
	case k >= n:
		return n
	case n < 4 && k < n:
		return 0
	case k < 2:
		return 0
	case n-k < 2:
		return n - 2
	}
	return k
}

// body places the content blocks. The last block keeps its tail with the
// signature block (h high): at least its last two lines, or its last table
// row, go to the next page with it, as Word's "keep with next" and widow
// control do.
//
// Headings (KeepNext paragraphs) right before that last block follow
// LibreOffice's keep chain: when the last block would fit on the page but
// goes over whole because the signature does not fit below it (a short
// paragraph, or a table that would leave its header row alone), the
// headings go over with it; when the last block goes over, or splits,
// because it does not fit by itself, the headings stay where they are,
// even alone at the foot of the page. A heading therefore looks ahead at
// the last paragraph only through that rule, not through its two lines.
func (l *state) body(blocks []resolve.Block, h unit.Length) {
	var next para // blocks[i+1] prepared, when a heading looked ahead at it
	chain := -1   // the first of the KeepNext paragraphs right before blocks[i]; -1 when none
	var chainAt snapshot
	for i, b := range blocks {
		last := i == len(blocks)-1
		ahead := next
		next = para{}
		rp, ok := b.(*resolve.Para)
		if ok && rp.KeepNext {
			if i == 0 || !isKeepNext(blocks[i-1]) {
				chain, chainAt = i, l.snapshot()
			}
		} else if i > 0 && !isKeepNext(blocks[i-1]) {
			chain = -1
		}
		if !ok {
			if t, ok := b.(*resolve.Table); ok {
				afterPara := false
				if i > 0 {
					_, afterPara = blocks[i-1].(*resolve.Para)
				}
				if !last || h == 0 {
					l.table(t, last, h, afterPara)
					continue
				}
				if l.table(t, true, h, afterPara) && chain >= 0 && chainAt.y > l.s.Top {
					// The table went over whole with its header row; the
					// headings before it go too.
					l.restore(chainAt)
					l.newPage()
					l.replace(blocks[chain:i])
					l.table(t, true, h, afterPara)
				}
			}
			continue
		}
		p := ahead
		if p.lines == nil {
			p = l.prepare(rp)
		}
		// A chain of headings keeps with the first two lines of what
		// follows it, or with the first rows of a table, as LibreOffice
		// moves a whole chain of "keep with next" paragraphs; the last
		// paragraph before the signature decides for itself (see above).
		if rp.KeepNext && chain == i && !last && l.y > l.s.Top {
			y := l.y
			j := i
			for ; j < len(blocks) && isKeepNext(blocks[j]); j++ {
				q := p
				if j > i {
					q = l.prepare(blocks[j].(*resolve.Para))
				}
				y += q.st.Before + unit.Length(len(q.lines))*q.st.Line
			}
			if j < len(blocks) {
				switch n := blocks[j].(type) {
				case *resolve.Para:
					nx := l.prepare(n)
					if j == i+1 {
						next = nx
					}
					if (j < len(blocks)-1 || h == 0) && l.room(y+nx.st.Before, nx.st.Line) < min(2, len(nx.lines)) {
						l.newPage()
						chainAt = l.snapshot() // the chain now starts a page
					}
				case *resolve.Table:
					if y+l.s.Style(format.Body).Before+l.tableHead(n) > l.bottom() {
						l.newPage()
						chainAt = l.snapshot()
					}
				}
			}
		}
		if !last || h == 0 {
			l.flowPara(p, 0)
			continue
		}
		snap := l.snapshot()
		l.flowPara(p, 0)
		if l.fits(h) && !l.splitWhole(p, snap) {
			continue
		}
		l.restore(snap)
		if chain >= 0 && chain < i && chainAt.y > l.s.Top && l.goesOverWhole(p) {
			l.restore(chainAt)
			l.newPage()
			l.replace(blocks[chain:i])
			snap = l.snapshot()
			l.flowPara(p, 0)
			if l.fits(h) && !l.splitWhole(p, snap) {
				continue
			}
			l.restore(snap)
		}
		l.flowPara(p, h)
	}
}

// splitWhole reports whether p, placed from snap on, went over a page
// break although it fits on a page, before an attached text's signature
// (keepWhole): LibreOffice moves such a "keep with next" paragraph whole
// even when the signature would fit below its split end.
func (l *state) splitWhole(p para, snap snapshot) bool {
	return l.keepWhole && l.page != snap.page && len(p.lines) <= l.room(l.s.Top, p.st.Line)
}

// isKeepNext reports whether b is a paragraph kept with what follows.
func isKeepNext(b resolve.Block) bool {
	p, ok := b.(*resolve.Para)
	return ok && p.KeepNext
}

// replace places paragraphs again at the top of a page, where none of
// them looks ahead.
func (l *state) replace(blocks []resolve.Block) {
	for _, b := range blocks {
		if p, ok := b.(*resolve.Para); ok {
			l.flowPara(l.prepare(p), 0)
		}
	}
}

// goesOverWhole reports whether the last paragraph p, which fits on the
// page by itself, goes to the next page whole because the signature does
// not fit below it.
func (l *state) goesOverWhole(p para) bool {
	y := l.y
	if y > l.s.Top {
		y += p.st.Before
	}
	n := len(p.lines)
	if l.room(y, p.st.Line) < n {
		return false // it does not fit by itself
	}
	return n-2 < 2 || l.keepWhole && n <= l.room(l.s.Top, p.st.Line)
}

// snapshot is the placement state, to undo a trial placement.
type snapshot struct {
	pages, page, items int
	number             int
	y                  unit.Length
	err                *PlaceError
}

func (l *state) snapshot() snapshot {
	return snapshot{pages: len(l.res.Pages), page: l.page, items: len(l.cur().Items), number: l.number, y: l.y, err: l.err}
}

func (l *state) restore(s snapshot) {
	l.res.Pages = l.res.Pages[:s.pages]
	l.page = s.page
	l.cur().Items = l.cur().Items[:s.items]
	l.number = s.number
	l.y = s.y
	l.err = s.err
}

// fits reports whether the part of the signature block that keeps with the
// body, h high, fits below it.
func (l *state) fits(h unit.Length) bool {
	return l.y+l.s.SignGap+h <= l.bottom()
}

// flowPara places p applying widow and orphan control. With tail > 0 the
// last two lines of p (all of it when it is short) go to the next page,
// where a block tail high follows them.
func (l *state) flowPara(p para, tail unit.Length) {
	y := l.y
	if y > l.s.Top {
		y += p.st.Before
	}
	n := len(p.lines)
	k := splitAt(n, l.room(y, p.st.Line))
	if tail > 0 {
		k = min(k, n-2)
		if k < 2 || l.keepWhole && k < n && n <= l.room(l.s.Top, p.st.Line) {
			k = 0
		}
	}
	if k == 0 && l.y > l.s.Top {
		l.newPage()
	}
	from := 0
	if k > 0 && k < n {
		l.placeLines(para{lines: p.lines[:k], st: p.st, x: p.x, w: p.w}, 0, true)
		l.newPage()
		from = k
	}
	// A paragraph longer than a page breaks again: widow and orphan
	// control at every break, as Word and LibreOffice apply it.
	for {
		y := l.y
		if from == 0 && y > l.s.Top {
			y += p.st.Before
		}
		m, r := n-from, l.room(y, p.st.Line)
		if m <= r {
			l.placeLines(p, from, from == 0)
			return
		}
		step := max(splitAt(m, r), 1)
		l.placeLines(para{lines: p.lines[:from+step], st: p.st, x: p.x, w: p.w}, from, from == 0)
		l.newPage()
		from += step
	}
}

// table places a body table: column widths from the content, wrapped cells,
// borders, the header rows repeated on each page, rows never split. After a
// paragraph or heading it keeps the paragraph gap (6 pt, Phụ lục I, II.6.e)
// above it, unless it starts a page. It reports whether the last table
// went to the next page whole, but for its header rows, only because the
// signature block (tail high) did not fit below its one body row: the
// headings before it then go over with it (see body).
func (l *state) table(t *resolve.Table, last bool, tail unit.Length, afterPara bool) (over bool) {
	if len(t.Widths) == 0 {
		return false
	}
	type cellLines struct {
		lines []measure.Line
		st    format.Style
		w     unit.Length // the cell's width: its columns added up
	}
	rowLines := make([][]cellLines, len(t.Rows))
	heights := make([]unit.Length, len(t.Rows))
	for i, r := range t.Rows {
		for k := range r.Cells {
			c := &r.Cells[k]
			ls := l.cellLines(t, c)
			rowLines[i] = append(rowLines[i], cellLines{ls, c.Para.Style, c.Width})
			heights[i] = max(heights[i], l.cellHeight(t, c, len(ls)))
		}
	}
	// A Word table cannot have space before: the DOCX gives the paragraph
	// before it as much space after, which a page break drops, as here.
	y := l.y
	if afterPara && y > l.s.Top {
		y += l.s.Style(format.Body).Before
	}
	drawRow := func(i int) {
		x := l.s.Left
		var edges []unit.Length
		for _, cl := range rowLines[i] {
			cy := y + t.PadY
			for _, ln := range cl.lines {
				l.emit(ln, x+t.PadX, cl.w-2*t.PadX, cy, cl.st)
				cy += cl.st.Line
			}
			edges = append(edges, cl.w)
			x += cl.w
		}
		l.grid(edges, y, heights[i])
		y += heights[i]
	}
	for i := range t.Rows {
		need := heights[i]
		if last && tail > 0 && i == len(t.Rows)-1 {
			need += l.s.SignGap + tail // the last row keeps with the signature
		}
		if y+need > l.bottom() && y > l.s.Top {
			over = i == t.HeaderRows && need > heights[i] && y+heights[i] <= l.bottom()
			l.newPage()
			y = l.y
			if i >= t.HeaderRows {
				for h := 0; h < t.HeaderRows; h++ {
					drawRow(h)
				}
			}
		}
		drawRow(i)
	}
	l.y = y
	return over
}

// cellLines breaks the paragraph of cell c into lines inside its padding.
func (l *state) cellLines(t *resolve.Table, c *resolve.Cell) []measure.Line {
	w := c.Width - 2*t.PadX
	return l.breakLines(&c.Para, w, w)
}

// cellHeight is the height of a row holding cell c of n lines: its lines,
// the padding above and below, and its border line, as word processors
// count it.
func (l *state) cellHeight(t *resolve.Table, c *resolve.Cell, n int) unit.Length {
	return unit.Length(n)*c.Para.Style.Line + 2*t.PadY + l.s.RuleWidth
}

// tableHead returns the height of the rows of t a heading keeps with: the
// header rows and the first row after them, as Word and LibreOffice keep a
// "keep with next" paragraph with the first row of a table and never leave
// a repeated header row alone at the foot of a page.
func (l *state) tableHead(t *resolve.Table) unit.Length {
	if len(t.Widths) == 0 {
		return 0
	}
	var h unit.Length
	for i := range t.Rows[:min(t.HeaderRows+1, len(t.Rows))] {
		var rh unit.Length
		for k := range t.Rows[i].Cells {
			c := &t.Rows[i].Cells[k]
			rh = max(rh, l.cellHeight(t, c, len(l.cellLines(t, c))))
		}
		h += rh
	}
	return h
}

// grid draws the borders of one table row.
func (l *state) grid(widths []unit.Length, y, h unit.Length) {
	var total unit.Length
	for _, w := range widths {
		total += w
	}
	x := l.s.Left
	l.add(Item{Kind: Rule, X: x, Y: y, W: total, Stroke: l.s.RuleWidth})
	l.add(Item{Kind: Rule, X: x, Y: y + h, W: total, Stroke: l.s.RuleWidth})
	for _, w := range append([]unit.Length{0}, widths...) {
		x += w
		l.add(Item{Kind: Rule, X: x, Y: y, W: -h, Stroke: l.s.RuleWidth}) // vertical: W<0 is a downward length
	}
}
