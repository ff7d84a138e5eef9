package resolve

import (
	"strings"

	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/unit"
)

// balance decides the line breaks of a centred paragraph w wide, once for
// both renderers: a paragraph that fits on one line stays as it is; a
// longer one gets the even, Vietnamese-aware breaks of measure.Balance,
// written into its text as "\n" (the PDF layout breaks there; the DOCX
// writes <w:br/>, so Word and LibreOffice cannot choose otherwise). Breaks
// the clerk wrote ("\n" in the data) stay.
func (r resolver) balance(p *Para, w unit.Length) {
	ws := measure.Words(r.f, p.Runs, p.Style.Size)
	if len(measure.Break(r.f, ws, p.Style.Size, w, w)) < 2 {
		return
	}
	if measure.Balance(ws, w) {
		p.Runs = measure.Runs(ws)
	}
}

// balanceAll balances each of ps.
func (r resolver) balanceAll(ps []Para, w unit.Length) {
	for i := range ps {
		r.balance(&ps[i], w)
	}
}

// headerWidth is the width the lines of the left header column (ô 2) may
// take: the column, and no nearer to the Quốc hiệu than the sheet's
// HeaderGap (the lines are centred in the column, the Quốc hiệu in the
// right column).
func (r resolver) headerWidth() unit.Length {
	s := r.s
	qh := s.Style(format.QuocHieu)
	qw := r.f.Face(measure.StyleOf(qh.Font)).Width(s.Text(format.QuocHieu, format.QuocHieuText), qh.Size)
	qLeft := s.PageW - s.Right - s.RightCol + (s.RightCol-qw)/2
	centre := s.Left + s.LeftCol/2
	return min(s.LeftCol, 2*(qLeft-s.HeaderGap-centre))
}

// fitParent shrinks a line of tên cơ quan chủ quản that does not fit on
// one line w wide to the sheet's ParentMinSize (12 pt, the lower bound of
// Phụ lục I, II.2) when that makes it fit; a line too long even then keeps
// its size and wraps (balance), since shrinking would not spare a line.
func (r resolver) fitParent(ps []Para, w unit.Length) {
	for i := range ps {
		p := &ps[i]
		if p.Style.Size <= r.s.ParentMinSize || len(r.lines(*p, w)) < 2 || strings.Contains(p.Text(), "\n") {
			continue
		}
		small := *p
		small.Style.Size = r.s.ParentMinSize
		if len(r.lines(small, w)) == 1 {
			*p = small
		}
	}
}

// oneLine is text with the clerk's line breaks as spaces, for metadata.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
