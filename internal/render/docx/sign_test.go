package docx_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"vanban/internal/testutil"
)

// TestDocx_SignatureRows (issue 8): a short Nơi nhận list is one row that
// cannot split; a list too long for a page is a head row that cannot split
// (label, first recipients, signature) and a second row that may break
// across pages, with every recipient and "- Lưu: …" in order.
func TestDocx_SignatureRows(t *testing.T) {
	for _, c := range []struct {
		n, rows, head int // head: recipient lines in the first row
	}{
		{1, 1, 2}, {40, 1, 41}, {60, 2, 8}, {1000, 2, 8},
	} {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			doc := sample()
			doc.Signature.Lines = doc.Signature.Lines[1:] // two lines, as the layout test
			doc.Recipients.Items = nil
			for i := 1; i <= c.n; i++ {
				doc.Recipients.Items = append(doc.Recipients.Items, fmt.Sprintf("Đơn vị số %d", i))
			}
			_, files, err := testutil.Unzip(write(t, doc))
			if err != nil {
				t.Fatal(err)
			}
			x := string(files["word/document.xml"])
			tbl := x[strings.LastIndex(x, "<w:tbl>"):]
			tbl = tbl[:strings.Index(tbl, "</w:tbl>")]
			rows := strings.Split(tbl, "<w:tr>")[1:]
			if len(rows) != c.rows {
				t.Fatalf("%d rows, want %d", len(rows), c.rows)
			}
			if !strings.HasPrefix(rows[0], "<w:trPr><w:cantSplit/>") {
				t.Errorf("the first row may split")
			}
			if c.rows == 2 && strings.Contains(rows[1], "cantSplit") {
				t.Errorf("the second row cannot split")
			}
			if c.rows == 2 && strings.Contains(tbl, "keepNext") {
				t.Errorf("a split block ties its rows together with keepNext")
			}
			item := regexp.MustCompile(`VBNoiNhanDs"/>(?:<w:keepNext/>|<w:widowControl w:val="0"/>)?</w:pPr><w:r><w:t xml:space="preserve">([^<]*)<`)
			if got := len(item.FindAllString(rows[0], -1)); got != c.head {
				t.Errorf("%d recipient lines in the first row, want %d", got, c.head)
			}
			var lines []string
			for _, m := range item.FindAllStringSubmatch(tbl, -1) {
				lines = append(lines, m[1])
			}
			if len(lines) != c.n+1 || lines[c.n-1] != fmt.Sprintf("- Đơn vị số %d;", c.n) || lines[c.n] != "- Lưu: VT, TH." {
				t.Errorf("%d recipient lines, ending %q; want %d, ending with \"- Lưu: VT, TH.\"", len(lines), lines[len(lines)-1], c.n+1)
			}
		})
	}
}
