package docx_test

import (
	"testing"

	"vanban/internal/docimport/docx"
)

// TestRead_RulesAndSpacing: borders, line spacing, cell widths and drawn
// lines (DrawingML and VML, as Word and the decree's samples write them)
// are exposed, through the style chain.
func TestRead_RulesAndSpacing(t *testing.T) {
	st := `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Gach"><w:name w:val="Gach"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4"/></w:pBdr><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:spacing w:line="360" w:lineRule="atLeast"/></w:pPr></w:style>
</w:styles>`
	body := `<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="3685" w:type="dxa"/></w:tcPr>
<w:p><w:r><w:t>A</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Gach"/><w:ind w:left="1000" w:right="1000"/></w:pPr></w:p>
</w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="Body"/><w:spacing w:line="300"/></w:pPr><w:r><w:t>B</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Gach"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr><w:r><w:drawing><wp:inline xmlns:wp="wp"><wp:extent cx="1270000" cy="0"/><a:graphic xmlns:a="a"><a:graphicData><wps:wsp xmlns:wps="wps"><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:pict><v:line xmlns:v="v" from="192.15pt,6.6pt" to="258.05pt,6.6pt"/></w:pict></w:r></w:p>
<w:p><w:r><w:pict><v:shape xmlns:v="v" type="#_x0000_t32" style="position:absolute;width:449.65pt;height:0.05pt"/></w:pict></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline xmlns:wp="wp"><wp:extent cx="1270000" cy="900000"/><a:graphic xmlns:a="a"><a:graphicData><pic:pic xmlns:pic="pic"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
	d, err := docx.Read(Build(t, body, map[string]string{"word/styles.xml": st}), docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	cell := d.Body[0].Table.Rows[0].Cells[0]
	if cell.Width != 3685 {
		t.Errorf("cell width %d", cell.Width)
	}
	g := cell.Blocks[1].Para
	if g.BorderBottom != 4 || g.IndLeft != 1000 || g.Line != 20 || g.LineRule != docx.LineExact {
		t.Errorf("rule paragraph: %+v", g)
	}
	if b := d.Body[1].Para; b.Line != 300 || b.LineRule != docx.LineAtLeast || b.BorderBottom != 0 {
		t.Errorf("body paragraph: line %d %s border %d", b.Line, b.LineRule, b.BorderBottom)
	}
	want := [][]int{{2000}, {1318}, {8993}, nil} // 1270000 EMU; 65.9 pt; 449.65 pt; a picture is no line
	for k, w := range want {
		p := d.Body[2+k].Para
		if k == 0 && p.BorderBottom != 0 {
			t.Errorf("w:val=nil border read as %d", p.BorderBottom)
		}
		if len(p.Lines) != len(w) || len(w) > 0 && p.Lines[0] != w[0] {
			t.Errorf("paragraph %d: lines %v, want %v", p.N, p.Lines, w)
		}
	}
}
