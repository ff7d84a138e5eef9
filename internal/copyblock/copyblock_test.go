package copyblock_test

import (
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/copyblock"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/unit"
)

func fontSet(t *testing.T) *font.Set {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// page returns a one-page result on the sheet s whose last text line has
// its baseline at y, with ô 14 where layout puts it.
func page(f *font.Set, s *format.Sheet, y unit.Length) *layout.Result {
	r := &layout.Result{W: s.PageW, H: s.PageH, Fonts: f, Pages: []layout.Page{{W: s.PageW, H: s.PageH, Items: []layout.Item{
		{Kind: layout.Text, X: s.Left, Y: y, W: unit.MMs(40), Size: 28, Text: "Nội dung cuối cùng./."},
	}}}}
	r.Signing.Box14 = layout.Spot{Rect: layout.Rect{X: s.PageW - s.Right - format.Box14W, Y: s.Top - format.Box14H, W: format.Box14W, H: format.Box14H}}
	return r
}

var block = copyblock.Block{
	Kind: format.TrichSao, Body: []string{"Ủy ban nhân dân", "Thị trấn Vạn Giã"}, Number: "Số: 03/TrS-UBND",
	PlaceDate: "Vạn Giã, ngày 02 tháng 12 năm 2024", Authority: []string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"},
	Name: "Lê Thị Hoa", Recipients: []string{"- Lưu: VT."},
}

// TestPaper_UnderLastLine: the block goes right under the last line, its
// rule CopyRuleGap below the last line's descent, and the input result is
// left as it was.
func TestPaper_UnderLastLine(t *testing.T) {
	f, s := fontSet(t), format.NewSheet("quyet-dinh")
	r := page(f, s, unit.MMs(100))
	out, pl, err := copyblock.Paper(r, s, block)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pages[0].Items) != 1 || len(out.Pages) != 1 || pl.NewPage || pl.Page != 0 {
		t.Fatalf("input changed or block misplaced: %d items, %d pages, %+v", len(r.Pages[0].Items), len(out.Pages), pl)
	}
	if want := unit.MMs(100) + f.Face(font.Regular).Descent(28) + format.CopyRuleGap; pl.Rule.Y != want {
		t.Errorf("rule at %v, want %v", pl.Rule.Y, want)
	}
	var texts []string
	for _, it := range out.Pages[0].Items[1:] {
		if it.Kind == layout.Text {
			texts = append(texts, it.Text)
		}
	}
	want := "ỦY BAN NHÂN DÂN|THỊ TRẤN VẠN GIÃ|TRÍCH SAO|Số: 03/TrS-UBND|Vạn Giã, ngày 02 tháng 12 năm 2024|Nơi nhận:|- Lưu: VT.|TL. CHỦ TỊCH|CHÁNH VĂN PHÒNG|Lê Thị Hoa"
	if got := strings.Join(texts, "|"); got != want {
		t.Errorf("block text\n%s\nwant\n%s", got, want)
	}
}

// TestPaper_NewPage: a last page with no room left for the block gets it
// on a page of its own, from the top margin.
func TestPaper_NewPage(t *testing.T) {
	f, s := fontSet(t), format.NewSheet("quyet-dinh")
	r := page(f, s, s.PageH-s.Bottom-unit.MMs(30))
	out, pl, err := copyblock.Paper(r, s, block)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Pages) != 2 || !pl.NewPage || pl.Page != 1 || pl.Rule.Y != s.Top || len(out.Pages[0].Items) != 1 || len(r.Pages) != 1 {
		t.Fatalf("pages %d, placement %+v", len(out.Pages), pl)
	}
	if pl.Bottom > s.PageH-s.Bottom {
		t.Errorf("block bottom %v under the margin", pl.Bottom)
	}
}

// TestElectronic_Box14: the lines go in ô 14; too many lines for it are an
// error, not text drawn outside.
func TestElectronic_Box14(t *testing.T) {
	f, s := fontSet(t), format.NewSheet("quyet-dinh")
	r := page(f, s, unit.MMs(100))
	out, err := copyblock.Electronic(r, format.Box14Lines(format.SaoY, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Vạn Ninh"))
	if err != nil {
		t.Fatal(err)
	}
	box := r.Signing.Box14.Rect
	added := out.Pages[0].Items[1:]
	if len(added) != 3 || len(r.Pages[0].Items) != 1 {
		t.Fatalf("%d items added (a long body wraps to two lines)", len(added))
	}
	for _, it := range added {
		if it.X < box.X || it.X+it.W > box.X+box.W || it.Y <= box.Y || it.Y >= box.Y+box.H || it.Size != 20 {
			t.Errorf("%q at %v,%v outside ô 14 %+v", it.Text, it.X, it.Y, box)
		}
	}
	if _, err := copyblock.Electronic(r, []string{"một", "hai", "ba", "bốn", "năm"}); err == nil {
		t.Error("five lines fit in ô 14")
	}
	if _, err := copyblock.Electronic(&layout.Result{Fonts: f, Pages: []layout.Page{{}}}, []string{"x"}); err == nil {
		t.Error("a layout without ô 14 accepted")
	}
}
