// Package copyblock turns a laid-out document into its copy (bản sao y,
// sao lục, trích sao; NĐ 30 Điều 25, Phụ lục I Phần II): for paper, the
// copy block under a full-width rule right after the document's last line
// (Phần II, II.2–3; Phụ lục III, Mẫu 3.1); for an electronic copy, the
// organisation's signature information in ô 14, top right of page 1
// (Phần II, I.3; Mẫu 3.2). It adds positioned items to a copy of the
// document's pages and never changes the original *layout.Result.
package copyblock

import (
	"fmt"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/measure"
	"vanban/internal/unit"
)

// Block is the content of a paper copy's block (Phần II, II.1).
type Block struct {
	Kind       format.CopyKind
	Body       []string // tên cơ quan, tổ chức sao văn bản (ô 2), one line each, as written
	Number     string   // "Số: 05/SY-UBND" (ô 3)
	PlaceDate  string   // "Vạn Giã, ngày 02 tháng 12 năm 2024" (ô 4)
	Authority  []string // quyền hạn, chức vụ lines of the signer (ô 5a, 5b)
	Name       string   // họ tên of the signer (ô 5c)
	Recipients []string // the Nơi nhận items as printed (format.RecipientLines); label added here (ô 7)
}

// Placement says where Paper put the block.
type Placement struct {
	Page    int         // index of the page, from 0
	NewPage bool        // the block did not fit under the last line: it starts a page of its own
	Rule    layout.Item // the full-width rule above the block
	Top     unit.Length // the first line box of the block
	Bottom  unit.Length // the bottom of the block's lowest line box
}

// Paper returns a copy of r with the copy block after the last line of its
// last page, or on a new page when it does not fit there. s gives the page
// setup and the styles (format.Sheet.CopyStyles); r.Fonts measures.
func Paper(r *layout.Result, s *format.Sheet, b Block) (*layout.Result, Placement, error) {
	if r == nil || r.Fonts == nil || len(r.Pages) == 0 {
		return nil, Placement{}, fmt.Errorf("copyblock: no layout")
	}
	out := clone(r)
	last := len(out.Pages) - 1
	p := &out.Pages[last]
	c := composer{f: r.Fonts, s: s, st: s.CopyStyles(), b: b}
	bottom := p.H - s.Bottom
	y := lowest(r.Fonts, p) + format.CopyRuleGap
	items, end := c.place(y, p.W)
	pl := Placement{Page: last, Top: y + format.CopyBlockGap, Bottom: end}
	if end > bottom {
		// Phần II, II.2.a wants the block on the sheet of the document's
		// last part; a page that has no room left for it gets the block
		// on a page of its own (printed on the back of that sheet when
		// the last page is odd). UNCERTAIN: the decree does not say
		// what to do when the block does not fit; the other way, moving
		// the last lines of the document over, changes the original.
		out.Pages = append(out.Pages, layout.Page{W: p.W, H: p.H})
		last++
		p = &out.Pages[last]
		y = s.Top
		items, end = c.place(y, p.W)
		pl = Placement{Page: last, NewPage: true, Top: y + format.CopyBlockGap, Bottom: end}
		if end > bottom {
			return nil, Placement{}, fmt.Errorf("copyblock: the copy block (%v) is taller than a page", end-y)
		}
	}
	pl.Rule = items[0]
	p.Items = append(append(make([]layout.Item, 0, len(p.Items)+len(items)), p.Items...), items...)
	return out, pl, nil
}

// Electronic returns a copy of r with lines (format.Box14Lines) in ô 14 of
// r's signing map, Times New Roman (our serif) 10 pt, upright, black
// (Phần II, I.3.a–c), left-aligned in the box from its top. Lines that do
// not fit the box are an error: nothing is drawn outside ô 14.
func Electronic(r *layout.Result, lines []string) (*layout.Result, error) {
	if r == nil || r.Fonts == nil || len(r.Pages) == 0 {
		return nil, fmt.Errorf("copyblock: no layout")
	}
	box := r.Signing.Box14
	if box.Rect.W <= 0 || box.Page < 0 || box.Page >= len(r.Pages) {
		return nil, fmt.Errorf("copyblock: the layout has no ô 14")
	}
	out := clone(r)
	st := format.Style{Size: format.Box14Size, Line: format.Box14Line, Align: format.Left}
	face := r.Fonts.Face(font.Regular)
	var ls []measure.Line
	for _, t := range lines {
		ls = append(ls, measure.Break(r.Fonts, measure.Words(r.Fonts, format.CopyRuns(st, t), st.Size), st.Size, box.Rect.W, box.Rect.W)...)
	}
	var items []layout.Item
	y := box.Rect.Y
	for _, ln := range ls {
		items = emit(items, r.Fonts, ln, box.Rect.X, box.Rect.W, y, st)
		y += st.Line
	}
	for _, it := range items {
		if it.X < box.Rect.X || it.X+it.W > box.Rect.X+box.Rect.W+unit.EMU ||
			it.Y-face.Ascent(it.Size) < box.Rect.Y || it.Y+face.Descent(it.Size) > box.Rect.Y+box.Rect.H {
			return nil, fmt.Errorf("copyblock: %q does not fit in ô 14", it.Text)
		}
	}
	p := &out.Pages[box.Page]
	p.Items = append(append(make([]layout.Item, 0, len(p.Items)+len(items)), p.Items...), items...)
	return out, nil
}

// clone copies r and its page list; the pages' item slices are shared
// until Paper or Electronic replaces the one page it adds to.
func clone(r *layout.Result) *layout.Result {
	out := *r
	out.Pages = append([]layout.Page(nil), r.Pages...)
	return &out
}

// lowest is the bottom of what is drawn lowest on p: the descent of its
// lowest text, its lowest rule or the bottom of its lowest box.
func lowest(f *font.Set, p *layout.Page) unit.Length {
	var y unit.Length
	for _, it := range p.Items {
		switch {
		case it.Kind == layout.Text:
			y = max(y, it.Y+f.Face(it.Style).Descent(it.Size))
		case it.Kind == layout.Box:
			y = max(y, it.Y+it.H)
		case it.W < 0: // a vertical rule, -W long, down from Y
			y = max(y, it.Y-it.W)
		default:
			y = max(y, it.Y)
		}
	}
	return y
}
