package resolve

import (
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// table resolves a body table: column widths from the content (see
// measure.ColumnWidths), every row filled to the table's width, cells
// spanning at most the columns left, header rows in the header style and
// the cells of a column marked centred ":---:" or right ("---:") aligned
// so, except in header and group rows (GFM table alignment).
func (r resolver) table(t *model.Table) *Table {
	out := &Table{HeaderRows: t.HeaderRows, PadX: r.s.CellPad, PadY: measure.CellVPad}
	cols := measure.Columns(t)
	if cols == 0 {
		return out
	}
	out.Widths = measure.ColumnWidths(r.f, r.s, t, cols)
	for i, row := range t.Rows {
		header := i < t.HeaderRows
		e := format.TableCell
		if header {
			e = format.TableHead
		}
		rr := Row{Header: header}
		for c, k := 0, 0; c < cols; k++ {
			var runs []model.Run
			span := 1
			if k < len(row) {
				runs = row[k].Runs
				span = min(max(row[k].Span, 1), cols-c)
			}
			var w unit.Length
			for _, cw := range out.Widths[c : c+span] {
				w += cw
			}
			p := r.para(e, runs)
			if !header && span == 1 && c < len(t.Align) {
				switch t.Align[c] {
				case model.AlignCenter:
					center(&p)
				case model.AlignRight:
					p.Style.Align, p.Style.Indent = format.Right, 0
				}
			}
			rr.Cells = append(rr.Cells, Cell{Para: p, Span: span, Width: w})
			c += span
		}
		out.Rows = append(out.Rows, rr)
	}
	return out
}
