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
	lines := measure.Lines(l.f, l.s, e, texts, c.w)
	for _, ln := range lines {
		l.emit(ln, c.x, c.w, y, st)
		y += st.Line
	}
	return y, measure.Widest(lines)
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

// header places the two-column header of page 1 (Phụ lục I, II.1–4).
func (l *state) header(doc *model.Document) {
	left, right := l.columns()
	top := l.y

	// Left: parent body, issuing body, its rule.
	y, _ := l.stack(left, top, format.Parent, doc.Header.Parent)
	y, widest := l.stack(left, y, format.Issuer, doc.Header.Issuer)
	l.rule(left, y+l.s.RuleGap, measure.Rule(l.s, widest))
	leftBottom := y + l.s.RuleGap

	// Right: Quốc hiệu, Tiêu ngữ and its rule, exactly as long as the motto.
	ry, _ := l.stack(right, top, format.QuocHieu, []string{format.QuocHieuText})
	ry, motto := l.stack(right, ry, format.TieuNgu, []string{format.TieuNguText})
	l.rule(right, ry+l.s.RuleGap, motto)
	rightBottom := ry + l.s.RuleGap

	// Second row: "Số:" under the issuer, place and date under the motto, on
	// the same level.
	row := max(leftBottom, rightBottom)
	ns, ds := l.s.Style(format.Number), l.s.Style(format.PlaceDate)
	y1, _ := l.stack(left, row+ns.Before, format.Number, []string{format.NumberLine(doc.Number)})
	if doc.Title.Letter {
		// A công văn's trích yếu goes under its number (ô 5b).
		vs := l.s.Style(format.LetterSummary)
		y1, _ = l.stack(left, y1+vs.Before, format.LetterSummary, []string{format.LetterSummaryText(doc.Title.Summary)})
	}
	y2, _ := l.stack(right, row+ds.Before, format.PlaceDate, []string{format.DateLine(doc.Place, doc.Date)})
	l.y = max(y1, y2)
}

// title places tên loại and trích yếu, centred, with the rule under them
// (Phụ lục I, II.5.b).
func (l *state) title(doc *model.Document) {
	if doc.Title.Letter {
		l.y += l.s.TitleGap // a công văn has no title block
		return
	}
	full := column{x: l.s.Left, w: l.s.TextWidth()}
	y, _ := l.stack(full, l.y+l.s.TitleGap, format.TitleType, []string{doc.Title.Type})
	y, widest := l.stack(full, y, format.TitleSummary, []string{doc.Title.Summary})
	l.rule(full, y+l.s.RuleGap, measure.Rule(l.s, widest))
	l.y = y + l.s.RuleGap + l.s.BodyGap
}

// authority places the thẩm quyền ban hành line of a Quyết định.
func (l *state) authority(doc *model.Document) {
	if doc.Authority == "" {
		return
	}
	full := column{x: l.s.Left, w: l.s.TextWidth()}
	st := l.s.Style(format.AuthorityLine)
	l.y, _ = l.stack(full, l.y-l.s.BodyGap+st.Before, format.AuthorityLine, []string{doc.Authority})
	l.y += l.s.BodyGap
}

// addressees places "Kính gửi:" (ô 9a): one addressee on the label's line,
// centred; several as a list whose dashes align right of the label, the
// whole block centred (Phụ lục I, II.9.b).
func (l *state) addressees(doc *model.Document) {
	if len(doc.Addressees) == 0 {
		return
	}
	st := l.s.Style(format.Addressee)
	full := column{x: l.s.Left, w: l.s.TextWidth()}
	lines := format.AddresseeLines(doc.Addressees)
	if len(lines) == 1 {
		st.Align = format.Center
		for _, ln := range measure.Lines(l.f, l.s, format.Addressee, []string{format.AddresseeLabel + " " + lines[0]}, full.w) {
			l.emit(ln, full.x, full.w, l.y, st)
			l.y += st.Line
		}
		l.y += l.s.BodyGap
		return
	}
	x, indent, w := measure.AddresseeGeometry(l.f, l.s, lines)
	l.stack(column{x: x, w: indent}, l.y, format.Addressee, []string{format.AddresseeLabel})
	st.Align = format.Left
	for _, t := range lines {
		for _, ln := range measure.Lines(l.f, l.s, format.Addressee, []string{t}, w) {
			l.emit(ln, x+indent, w, l.y, st)
			l.y += st.Line
		}
	}
	l.y += l.s.BodyGap
}

// appendix places an appendix on new pages of its own orientation, numbered
// from 1: title, "(Kèm theo …)" line, rule, body (Phụ lục I, III.1).
func (l *state) appendix(doc *model.Document, a model.Appendix, portrait *format.Sheet) {
	l.s = portrait
	if a.Landscape {
		l.s = portrait.Landscape()
	}
	l.number = 0
	l.newPage()
	full := column{x: l.s.Left, w: l.s.TextWidth()}
	y, _ := l.stack(full, l.y, format.AppendixTitle, []string{a.Title})
	y, widest := l.stack(full, y, format.AppendixNote, []string{format.AttachedLine(doc)})
	l.rule(full, y+l.s.RuleGap, measure.Rule(l.s, widest))
	l.y = y + l.s.RuleGap + l.s.BodyGap
	l.body(a.Body, 0)
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
	if p, ok := b.(*model.Para); ok && p.Center {
		st.Align, st.Indent = format.Center, 0
	}
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

// body places the content blocks. The last block keeps its tail with the
// signature block (h high): at least its last two lines, or its last table
// row, go to the next page with it, as Word's "keep with next" and widow
// control do.
func (l *state) body(blocks []model.Block, h unit.Length) {
	for i, b := range blocks {
		last := i == len(blocks)-1
		if t, ok := b.(*model.Table); ok {
			l.table(t, last, h)
			continue
		}
		p, ok := l.prepare(b)
		if !ok {
			continue
		}
		// A heading keeps with the first two lines of what follows.
		if _, isHeading := b.(*model.Heading); isHeading && !last {
			if next, ok := l.prepare(blocks[i+1]); ok {
				y := l.y + p.st.Before + unit.Length(len(p.lines))*p.st.Line + next.st.Before
				if l.y > l.s.Top && l.room(y, next.st.Line) < min(2, len(next.lines)) {
					l.newPage()
				}
			}
		}
		if !last || h == 0 {
			l.flowPara(p, 0)
			continue
		}
		snap := l.snapshot()
		l.flowPara(p, 0)
		if !l.fits(h) {
			l.restore(snap)
			l.flowPara(p, h)
		}
	}
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
		if k < 2 {
			k = 0
		}
	}
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

// table places a body table: column widths from the content, wrapped cells,
// borders, the header rows repeated on each page, rows never split.
func (l *state) table(t *model.Table, last bool, tail unit.Length) {
	cols := measure.Columns(t)
	if cols == 0 {
		return
	}
	widths := measure.ColumnWidths(l.f, l.s, t, cols)
	type cellLines struct {
		lines []measure.Line
		st    format.Style
		w     unit.Length // the cell's width: its columns added up
	}
	rowLines := make([][]cellLines, len(t.Rows))
	heights := make([]unit.Length, len(t.Rows))
	for i, r := range t.Rows {
		e := format.TableCell
		if i < t.HeaderRows {
			e = format.TableHead
		}
		st := l.s.Style(e)
		for c, k := 0, 0; c < cols; k++ {
			var runs []model.Run
			span := 1
			if k < len(r) {
				runs = l.s.Runs(e, r[k].Runs)
				span = min(max(r[k].Span, 1), cols-c)
			}
			var cw unit.Length
			for _, w := range widths[c : c+span] {
				cw += w
			}
			w := cw - 2*l.s.CellPad
			ls := measure.Break(l.f, measure.Words(l.f, runs, st.Size), st.Size, w, w)
			cst := st
			if i >= t.HeaderRows && span == 1 && c < len(t.Align) && t.Align[c] == model.AlignCenter {
				cst.Align = format.Center
			}
			rowLines[i] = append(rowLines[i], cellLines{ls, cst, cw})
			// A row is its lines, the padding above and below, and its
			// border line, as word processors count it.
			heights[i] = max(heights[i], unit.Length(len(ls))*st.Line+2*cellVPad+l.s.RuleWidth)
			c += span
		}
	}
	// No space before a table: a Word table cannot have any, and both
	// renderers must break pages alike.
	y := l.y
	drawRow := func(i int) {
		x := l.s.Left
		var edges []unit.Length
		for _, cl := range rowLines[i] {
			cy := y + cellVPad
			for _, ln := range cl.lines {
				l.emit(ln, x+l.s.CellPad, cl.w-2*l.s.CellPad, cy, cl.st)
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
const cellVPad = measure.CellVPad

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
