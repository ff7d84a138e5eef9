package layout

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// column is a vertical stack of centred lines inside one header column.
type column struct {
	x, w unit.Length
}

// stack places text lines of element e in column c from y; it returns the
// y below them and the width of the widest line.
func (l *state) stack(c column, y unit.Length, e format.Element, texts []string) (unit.Length, unit.Length) {
	st := l.s.Style(e)
	var widest unit.Length
	for _, t := range texts {
		runs := l.s.Runs(e, []model.Run{{Text: t}})
		for _, ln := range measure.Break(l.f, measure.Words(l.f, runs, st.Size), st.Size, c.w, c.w) {
			l.emit(ln, c.x, c.w, y, st)
			widest = max(widest, ln.W)
			y += st.Line
		}
	}
	return y, widest
}

// rule draws a centred rule of length w under a column at y.
func (l *state) rule(c column, y, w unit.Length) {
	l.add(Item{Kind: Rule, X: c.x + (c.w-w)/2, Y: y, W: w, Stroke: l.s.RuleWidth})
}

// ruleDrop is the distance from the bottom of a line box to its rule.
const ruleDrop = 3 * unit.Point

// ruleBox is the height the rule takes, as the DOCX rule paragraph does.
const ruleBox = 6 * unit.Point

func (l *state) columns() (column, column) {
	left := column{x: l.s.Left, w: l.s.LeftCol}
	right := column{x: l.s.PageW - l.s.Right - l.s.RightCol, w: l.s.RightCol}
	return left, right
}

// header places the two-column header of page 1 (Phụ lục I, II.1–4).
func (l *state) header(doc *model.Document) {
	left, right := l.columns()
	top := l.y

	// Left: parent body, issuing body, its rule.
	y, _ := l.stack(left, top, format.Parent, doc.Header.Parent)
	y, widest := l.stack(left, y, format.Issuer, doc.Header.Issuer)
	l.rule(left, y+ruleDrop, measure.Rule(l.s, widest))
	leftBottom := y + ruleBox

	// Right: Quốc hiệu, Tiêu ngữ and its rule, exactly as long as the motto.
	ry, _ := l.stack(right, top, format.QuocHieu, []string{format.QuocHieuText})
	ry, motto := l.stack(right, ry, format.TieuNgu, []string{format.TieuNguText})
	l.rule(right, ry+ruleDrop, motto)
	rightBottom := ry + ruleBox

	// Second row: "Số:" under the issuer, place and date under the motto, on
	// the same level.
	row := max(leftBottom, rightBottom)
	ns, ds := l.s.Style(format.Number), l.s.Style(format.PlaceDate)
	y1, _ := l.stack(left, row+ns.Before, format.Number, []string{format.NumberLine(doc.Number)})
	y2, _ := l.stack(right, row+ds.Before, format.PlaceDate, []string{format.DateLine(doc.Place, doc.Date)})
	l.y = max(y1, y2)
}

// title places tên loại and trích yếu, centred, with the rule under them
// (Phụ lục I, II.5.b).
func (l *state) title(doc *model.Document) {
	full := column{x: l.s.Left, w: l.s.TextWidth()}
	y, _ := l.stack(full, l.y+l.s.TitleGap, format.TitleType, []string{doc.Title.Type})
	y, widest := l.stack(full, y, format.TitleSummary, []string{doc.Title.Summary})
	l.rule(full, y+ruleDrop, measure.Rule(l.s, widest))
	l.y = y + ruleBox + l.s.BodyGap
}

// para is a paragraph broken into lines, ready to place.
type para struct {
	lines []measure.Line
	st    format.Style
	x     unit.Length
	w     unit.Length
}

func (l *state) prepare(b model.Block) (para, bool) {
	var e format.Element
	var runs []model.Run
	switch n := b.(type) {
	case *model.Heading:
		e, runs = format.HeadingElement(n.Level), n.Runs
	case *model.Para:
		e, runs = format.Body, n.Runs
		if n.Role == model.RoleBasis {
			runs = italic(runs)
		}
		if n.Marker != "" {
			runs = append([]model.Run{{Text: n.Marker + " ", Style: markerStyle(runs)}}, runs...)
		}
	default:
		return para{}, false
	}
	st := l.s.Style(e)
	runs = l.s.Runs(e, runs)
	ws := measure.Words(l.f, runs, st.Size)
	w := l.s.TextWidth()
	return para{lines: measure.Break(l.f, ws, st.Size, w-st.Indent, w), st: st, x: l.s.Left, w: w}, true
}

// markerStyle gives a list marker the style of the start of its text, so a
// bold item gets a bold number.
func markerStyle(runs []model.Run) model.RunStyle {
	if len(runs) > 0 {
		return runs[0].Style
	}
	return 0
}

func italic(runs []model.Run) []model.Run {
	out := make([]model.Run, len(runs))
	for i, r := range runs {
		out[i] = model.Run{Text: r.Text, Style: r.Style | model.Italic}
	}
	return out
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

// body places the content blocks.
func (l *state) body(blocks []model.Block) {
	for i, b := range blocks {
		if t, ok := b.(*model.Table); ok {
			l.table(t)
			continue
		}
		p, ok := l.prepare(b)
		if !ok {
			continue
		}
		// A heading keeps with the first two lines of what follows.
		if _, isHeading := b.(*model.Heading); isHeading && i+1 < len(blocks) {
			if next, ok := l.prepare(blocks[i+1]); ok {
				y := l.y + p.st.Before + unit.Length(len(p.lines))*p.st.Line + next.st.Before
				if l.y > l.s.Top && l.room(y, next.st.Line) < min(2, len(next.lines)) {
					l.newPage()
				}
			}
		}
		l.flowPara(p)
	}
}

// flowPara places p applying widow and orphan control.
func (l *state) flowPara(p para) {
	y := l.y
	if y > l.s.Top {
		y += p.st.Before
	}
	n := len(p.lines)
	k := splitAt(n, l.room(y, p.st.Line))
	if k == 0 && l.y > l.s.Top {
		l.newPage()
	}
	if k > 0 && k < n {
		l.placeLines(para{lines: p.lines[:k], st: p.st, x: p.x, w: p.w}, 0, true)
		l.newPage()
		l.placeLines(p, k, false)
		return
	}
	l.placeLines(p, 0, true)
}

// signature places the Nơi nhận block (left) and the signature (right) side
// by side at the same level (Phụ lục I, II.7, II.9), never split over two
// pages and never alone on a page: when it does not fit, the last two lines
// of the body go with it to the next page.
func (l *state) signature(doc *model.Document) {
	left, right := l.columns()
	h := l.signatureHeight(doc, left, right)
	if l.y+l.s.SignGap+h > l.bottom() {
		l.pullLastLines()
	}
	top := l.y + l.s.SignGap
	if l.y == l.s.Top {
		top = l.y
	}
	y, _ := l.stack(left, top, format.RecipientsLabel, []string{format.RecipientsLabelText})
	l.recipientLines(left, y, doc.Recipients)
	ry, _ := l.stack(right, top, format.SignAuthority, doc.Signature.Lines)
	ry += l.s.SignSpace
	l.stack(right, ry, format.SignName, []string{doc.Signature.Name})
	l.y = top + h
}

func (l *state) recipientLines(c column, y unit.Length, r model.Recipients) unit.Length {
	st := l.s.Style(format.RecipientsItem)
	for _, t := range format.RecipientLines(r) {
		for _, ln := range measure.Break(l.f, measure.Words(l.f, []model.Run{{Text: t}}, st.Size), st.Size, c.w, c.w) {
			l.emit(ln, c.x, c.w, y, st)
			y += st.Line
		}
	}
	return y
}

func (l *state) countLines(e format.Element, texts []string, w unit.Length) unit.Length {
	st := l.s.Style(e)
	n := 0
	for _, t := range texts {
		runs := l.s.Runs(e, []model.Run{{Text: t}})
		n += len(measure.Break(l.f, measure.Words(l.f, runs, st.Size), st.Size, w, w))
	}
	return unit.Length(n) * st.Line
}

func (l *state) signatureHeight(doc *model.Document, left, right column) unit.Length {
	lh := l.countLines(format.RecipientsLabel, []string{format.RecipientsLabelText}, left.w) +
		l.countLines(format.RecipientsItem, format.RecipientLines(doc.Recipients), left.w)
	rh := l.countLines(format.SignAuthority, doc.Signature.Lines, right.w) + l.s.SignSpace +
		l.countLines(format.SignName, []string{doc.Signature.Name}, right.w)
	return max(lh, rh)
}

// pullLastLines moves the last two body lines of the current page (one
// paragraph's tail) to a new page, so the signature block is not alone.
func (l *state) pullLastLines() {
	pg := l.cur()
	// The last two text baselines of the page, counted from the end.
	start := 0
	if l.page > 0 {
		start = 1 // the page number
	}
	var ys []unit.Length
	for i := len(pg.Items) - 1; i >= start && len(ys) < 3; i-- {
		it := pg.Items[i]
		if it.Kind != Text {
			continue
		}
		if len(ys) == 0 || ys[len(ys)-1] != it.Y {
			ys = append(ys, it.Y)
		}
	}
	if l.page == 0 || len(ys) < 3 {
		// Page 1 holds the header: a short body that cannot share a page with
		// the signature simply moves the block to page 2.
		l.newPage()
		return
	}
	cut := ys[1] // the second-last baseline: move it and everything after
	var keep, move []Item
	for i, it := range pg.Items {
		if i >= start && it.Kind == Text && it.Y >= cut {
			move = append(move, it)
		} else {
			keep = append(keep, it)
		}
	}
	pg.Items = keep
	shift := cut - l.baseline(l.s.Top, l.s.Style(format.Body))
	l.newPage()
	for _, it := range move {
		it.Y -= shift
		l.add(it)
	}
	last := move[len(move)-1].Y
	l.y = last - (l.baseline(0, l.s.Style(format.Body))) + l.s.Style(format.Body).Line
}

// table places a body table: column widths from the content, wrapped cells,
// borders, the header rows repeated on each page, rows never split.
func (l *state) table(t *model.Table) {
	if len(t.Rows) == 0 {
		return
	}
	cols := 0
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	widths := measure.ColumnWidths(l.f, l.s, t, cols)
	type cellLines struct {
		lines []measure.Line
		st    format.Style
	}
	rowLines := make([][]cellLines, len(t.Rows))
	heights := make([]unit.Length, len(t.Rows))
	for i, r := range t.Rows {
		e := format.TableCell
		if i < t.HeaderRows {
			e = format.TableHead
		}
		st := l.s.Style(e)
		for c := 0; c < cols; c++ {
			var runs []model.Run
			if c < len(r) {
				runs = l.s.Runs(e, r[c].Runs)
			}
			w := widths[c] - 2*l.s.CellPad
			ls := measure.Break(l.f, measure.Words(l.f, runs, st.Size), st.Size, w, w)
			cst := st
			if i >= t.HeaderRows && c < len(t.Align) {
				switch t.Align[c] {
				case model.AlignCenter:
					cst.Align = format.Center
				}
			}
			rowLines[i] = append(rowLines[i], cellLines{ls, cst})
			heights[i] = max(heights[i], unit.Length(len(ls))*st.Line+2*cellVPad)
		}
	}
	y := l.y + l.s.Style(format.Body).Before
	drawRow := func(i int) {
		x := l.s.Left
		for c := 0; c < cols; c++ {
			cl := rowLines[i][c]
			cy := y + cellVPad
			for _, ln := range cl.lines {
				l.emit(ln, x+l.s.CellPad, widths[c]-2*l.s.CellPad, cy, cl.st)
				cy += cl.st.Line
			}
			x += widths[c]
		}
		l.grid(widths, y, heights[i])
		y += heights[i]
	}
	for i := range t.Rows {
		if y+heights[i] > l.bottom() && y > l.s.Top {
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
}

// cellVPad is the space above and below the lines of a table cell.
const cellVPad = 2 * unit.Point

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
