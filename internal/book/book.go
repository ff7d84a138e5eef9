// Package book lays out the Sổ đăng ký văn bản đi (NĐ 30, Phụ lục IV) as
// pages to print and bind: per series and year a cover, then the ten
// columns on landscape A4 with borders, the header repeated on every page
// and the page number at the foot. It produces the same layout.Result the
// documents do, so the PDF writer draws it.
package book

import (
	"fmt"
	"strings"
	"time"

	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/measure"
	"vanban/internal/model"
	"vanban/internal/register"
	"vanban/internal/unit"
)

// The page: landscape A4; the wider left margin is for binding.
var (
	pageW, pageH = unit.MMs(297), unit.MMs(210)
	left, right  = unit.MMs(25), unit.MMs(15)
	top, bottom  = unit.MMs(15), unit.MMs(18)
	pad          = unit.MM * 3 / 2 // inside a cell: 1.5 mm
	stroke       = unit.MM / 5     // 0.2 mm
)

// columnMM are the widths of the ten columns, in millimetres: they fill the
// 257 mm between the margins, the trích yếu widest.
var columnMM = [10]int64{26, 23, 57, 26, 40, 22, 16, 16, 15, 16}

const (
	cellSize = 22 // half-points: 11 pt
	lineGap  = 2  // points between lines of a cell
)

// Layout lays out books, each starting on a new page with its cover.
func Layout(books []register.Book, f *font.Set) *layout.Result {
	res := &layout.Result{W: pageW, H: pageH, Fonts: f}
	if len(books) > 0 {
		b := books[0]
		res.Meta = layout.Meta{
			Title:    fmt.Sprintf("SỔ ĐĂNG KÝ VĂN BẢN ĐI %s năm %d", b.Series, b.Year),
			Subject:  "Sổ đăng ký văn bản đi",
			Author:   strings.Join(b.Issuer, " "),
			Time:     time.Date(b.Year, 1, 1, 12, 0, 0, 0, time.UTC),
			Identity: "so-van-ban-di",
		}
	}
	for _, b := range books {
		p := &pager{res: res, f: f}
		p.cover(b)
		p.table(b)
	}
	return res
}

type pager struct {
	res  *layout.Result
	f    *font.Set
	page int // page number within the book, from 1 after the cover
	y    unit.Length
}

func (p *pager) cur() *layout.Page { return &p.res.Pages[len(p.res.Pages)-1] }

func (p *pager) newPage() {
	p.res.Pages = append(p.res.Pages, layout.Page{W: pageW, H: pageH})
	p.y = top
}

// text places s with its left edge at x on baseline y.
func (p *pager) text(x, y unit.Length, st font.Style, size int, s string) unit.Length {
	w := p.f.Face(st).Width(s, size)
	p.cur().Items = append(p.cur().Items, layout.Item{Kind: layout.Text, X: x, Y: y, W: w, Style: st, Size: size, Text: s})
	return w
}

// centred places s centred on the page on baseline y.
func (p *pager) centred(y unit.Length, st font.Style, size int, s string) {
	w := p.f.Face(st).Width(s, size)
	p.text((pageW-w)/2, y, st, size, s)
}

func (p *pager) hrule(x, y, w unit.Length) {
	p.cur().Items = append(p.cur().Items, layout.Item{Kind: layout.Rule, X: x, Y: y, W: w, Stroke: stroke})
}

// vrule draws a vertical line of length h down from (x, y).
func (p *pager) vrule(x, y, h unit.Length) {
	p.cur().Items = append(p.cur().Items, layout.Item{Kind: layout.Rule, X: x, Y: y, W: -h, Stroke: stroke})
}

// cover is the book's first page (Phụ lục IV: the body, the title, the year).
func (p *pager) cover(b register.Book) {
	p.newPage()
	y := unit.MMs(35)
	for _, l := range b.Issuer {
		p.centred(y, font.Bold, 28, l)
		y += unit.Pt(18)
	}
	p.centred(unit.MMs(85), font.Bold, 44, "SỔ ĐĂNG KÝ VĂN BẢN ĐI")
	p.centred(unit.MMs(100), font.Bold, 32, fmt.Sprintf("Năm %d", b.Year))
	lines := []string{"Dãy số: " + b.Series}
	if b.FromNumber != "" {
		lines = append(lines, fmt.Sprintf("Từ số %s đến số %s", b.FromNumber, b.ToNumber),
			fmt.Sprintf("Từ ngày %s đến ngày %s", b.FromDate, b.ToDate))
	}
	lines = append(lines, "Quyển số: ……")
	y = unit.MMs(125)
	for _, l := range lines {
		p.centred(y, font.Regular, 28, l)
		y += unit.Pt(20)
	}
}

// cell is a cell's text broken into lines.
type cell []string

func (p *pager) wrap(s string, st model.RunStyle, w unit.Length) cell {
	ws := measure.Words(p.f, []model.Run{{Text: s, Style: st}}, cellSize)
	var out cell
	for _, l := range measure.Break(p.f, ws, cellSize, w, w) {
		var b strings.Builder
		for i, wd := range l.Words {
			for _, fr := range wd.Frags {
				b.WriteString(fr.Text)
			}
			if i < len(l.Words)-1 {
				b.WriteString(strings.Repeat(" ", max(wd.Gaps, 1)))
			}
		}
		out = append(out, b.String())
	}
	if len(out) == 0 {
		out = cell{""}
	}
	return out
}

// table places the header and every entry, a row that does not fit going
// on, line by line, to the next page under the header repeated.
func (p *pager) table(b register.Book) {
	var xs [11]unit.Length
	xs[0] = left
	for i, mm := range columnMM {
		xs[i+1] = xs[i] + unit.MMs(int64(mm))
	}
	lineH := unit.Pt(11 + lineGap)
	header := make([]cell, 10)
	for i, c := range register.BookColumns() {
		header[i] = p.wrap(c, model.Bold, xs[i+1]-xs[i]-2*pad)
	}
	numbers := make([]cell, 10)
	for i := range numbers {
		numbers[i] = cell{fmt.Sprintf("(%d)", i+1)}
	}
	startPage := func() {
		p.newPage()
		p.page++
		p.centred(pageH-bottom+unit.MMs(9), font.Regular, 22, fmt.Sprintf("Trang %d", p.page))
		p.row(header, &xs, lineH, font.Bold, true)
		p.row(numbers, &xs, lineH, font.Italic, true)
	}
	startPage()
	for _, r := range b.Rows {
		cells := make([]cell, 10)
		for i := range cells {
			text := ""
			if i < len(r) {
				text = r[i]
			}
			cells[i] = p.wrap(text, 0, xs[i+1]-xs[i]-2*pad)
		}
		for len(cells) > 0 {
			if p.y+lineH+2*pad > pageH-bottom {
				startPage()
			}
			cells = p.rowFit(cells, &xs, lineH)
		}
	}
}

// row places a row that fits (the header rows).
func (p *pager) row(cells []cell, xs *[11]unit.Length, lineH unit.Length, st font.Style, centre bool) {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	h := unit.Length(n)*lineH + 2*pad
	p.hrule(xs[0], p.y, xs[10]-xs[0])
	for i, c := range cells {
		for k, l := range c {
			x := xs[i] + pad
			if centre {
				x = xs[i] + (xs[i+1]-xs[i]-p.f.Face(st).Width(l, cellSize))/2
			}
			p.text(x, p.y+pad+unit.Length(k)*lineH+unit.Pt(9), st, cellSize, l)
		}
	}
	for _, x := range xs {
		p.vrule(x, p.y, h)
	}
	p.y += h
	p.hrule(xs[0], p.y, xs[10]-xs[0])
}

// rowFit places as many lines of a row as fit on the page and returns the
// lines left for the next page (nil when the row is done).
func (p *pager) rowFit(cells []cell, xs *[11]unit.Length, lineH unit.Length) []cell {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	fit := min(n, int((pageH-bottom-p.y-2*pad)/lineH))
	h := unit.Length(fit)*lineH + 2*pad
	var rest []cell
	if fit < n {
		rest = make([]cell, len(cells))
	}
	for i, c := range cells {
		for k, l := range c {
			if k >= fit {
				rest[i] = append(rest[i], l)
				continue
			}
			p.text(xs[i]+pad, p.y+pad+unit.Length(k)*lineH+unit.Pt(9), font.Regular, cellSize, l)
		}
	}
	for _, x := range xs {
		p.vrule(x, p.y, h)
	}
	p.y += h
	p.hrule(xs[0], p.y, xs[10]-xs[0])
	return rest
}
