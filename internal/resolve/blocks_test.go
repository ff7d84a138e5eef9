package resolve

import (
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
)

func testResolver(t *testing.T) resolver {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	return resolver{s: format.NewSheet("ke-hoach"), f: f}
}

// TestResolve_ParaRuns: a căn cứ is italic throughout, a list marker takes
// the style of the start of its item, a heading is cased by its element and
// keeps with what follows, a centred paragraph loses its indent.
func TestResolve_ParaRuns(t *testing.T) {
	r := testResolver(t)
	got := r.blocks([]model.Block{
		&model.Para{Role: model.RoleBasis, Runs: []model.Run{{Text: "Căn cứ "}, {Text: "Luật", Style: model.Bold}}},
		&model.Para{Role: model.RoleBody, Marker: "1.", Runs: []model.Run{{Text: "Mục", Style: model.Bold}, {Text: " một"}}},
		&model.Heading{Level: 1, Runs: []model.Run{{Text: "i. mục đích"}}},
		&model.Para{Role: model.RoleBody, Center: true, Runs: []model.Run{{Text: "QUYẾT ĐỊNH:"}}},
	})
	want := [][]model.Run{
		{{Text: "Căn cứ ", Style: model.Italic}, {Text: "Luật", Style: model.Bold | model.Italic}},
		{{Text: "1. ", Style: model.Bold}, {Text: "Mục", Style: model.Bold}, {Text: " một"}},
		{{Text: "I. MỤC ĐÍCH", Style: model.Bold}},
		{{Text: "QUYẾT ĐỊNH:"}},
	}
	for i, b := range got {
		p := b.(*Para)
		if len(p.Runs) != len(want[i]) {
			t.Fatalf("block %d: runs %+v, want %+v", i, p.Runs, want[i])
		}
		for j := range p.Runs {
			if p.Runs[j] != want[i][j] {
				t.Errorf("block %d run %d: %+v, want %+v", i, j, p.Runs[j], want[i][j])
			}
		}
	}
	if h := got[2].(*Para); !h.KeepNext || h.Element != format.Heading1 {
		t.Errorf("heading: element %v keep-next %v", h.Element, h.KeepNext)
	}
	if c := got[3].(*Para); !c.Center || c.Style.Align != format.Center || c.Style.Indent != 0 {
		t.Errorf("centred paragraph: %+v", c)
	}
}

// TestResolve_Table: rows are filled to the table's width, spans are cut
// at its edge, widths add up to the text width, and a centred column is
// centred in body rows only, never in header or spanning cells.
func TestResolve_Table(t *testing.T) {
	r := testResolver(t)
	cell := func(s string, span int) model.Cell { return model.Cell{Runs: []model.Run{{Text: s}}, Span: span} }
	tb := r.table(&model.Table{HeaderRows: 1, Align: []model.Align{model.AlignCenter}, Rows: [][]model.Cell{
		{cell("STT", 0), cell("Tên", 0), cell("Ghi chú", 0)},
		{cell("I. TẬP THỂ", 3)},
		{cell("1", 0)},
	}})
	var sum = tb.Widths[0] + tb.Widths[1] + tb.Widths[2]
	if len(tb.Widths) != 3 || sum != r.s.TextWidth() {
		t.Fatalf("widths %v, want 3 adding up to %v", tb.Widths, r.s.TextWidth())
	}
	if got := tb.Rows[1].Cells; len(got) != 1 || got[0].Span != 3 || got[0].Width != sum || got[0].Para.Center {
		t.Errorf("group row %+v: want one uncentred cell spanning 3 columns", got)
	}
	if got := tb.Rows[2].Cells; len(got) != 3 || !got[0].Para.Center || got[1].Para.Center || len(got[2].Para.Runs) != 0 {
		t.Errorf("short row %+v: want 3 cells, the first centred, the last empty", got)
	}
	if h := tb.Rows[0]; !h.Header || h.Cells[0].Para.Center || h.Cells[0].Para.Element != format.TableHead {
		t.Errorf("header row %+v", h)
	}
}
