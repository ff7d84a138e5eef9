package layout

import (
	"strconv"
	"strings"
	"testing"
	"vanban/internal/resolve"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

func fontSet(t testing.TB) *font.Set {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func doc(body ...model.Block) *model.Document {
	return &model.Document{
		Kind:       "ke-hoach",
		Header:     model.Header{Issuer: []string{"ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"}},
		Number:     model.Number{Value: 7, Symbol: "KH-UBND"},
		Place:      "Vạn Ninh",
		Date:       model.Date{Year: 2025, Month: 7, Day: 2},
		Title:      model.Title{Type: "Kế hoạch", Summary: "Thử dàn trang"},
		Body:       body,
		Signature:  model.Signature{Lines: []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, Name: "Nguyễn Văn A"},
		Recipients: model.Recipients{Items: []string{"Như trên"}, Archive: "VT"},
	}
}

func bodyPara(text string) *model.Para {
	return &model.Para{Role: model.RoleBody, Runs: []model.Run{{Text: text}}}
}

const sentence = "Phát huy tinh thần chủ động, tích cực, sáng tạo của tập thể và cá nhân tạo sự chuyển biến mạnh mẽ trên các lĩnh vực công tác. "

// TestLayout_JustifiedLinesEndAtMargin: every full line of a justified body
// paragraph ends exactly at the right margin; last lines do not.
func TestLayout_JustifiedLinesEndAtMargin(t *testing.T) {
	s := format.NewSheet("ke-hoach")
	r, err := layoutModel(doc(bodyPara(strings.Repeat(sentence, 6))), s, fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	right := s.PageW - s.Right
	ends := map[unit.Length]unit.Length{} // baseline → rightmost end
	for _, it := range r.Pages[0].Items {
		if it.Kind == Text && it.Size == 28 && it.Style == font.Regular {
			ends[it.Y] = max(ends[it.Y], it.X+it.W)
		}
	}
	full, short := 0, 0
	for _, e := range ends {
		switch {
		case e == right:
			full++
		case e < right:
			short++
		default:
			t.Errorf("line ends at %v, past the margin %v", e, right)
		}
	}
	if full < 5 || short != 1 {
		t.Errorf("%d full lines, %d short ones; want ≥5 and exactly 1 (the last)", full, short)
	}
}

func TestSplitAt_WidowOrphan(t *testing.T) {
	cases := []struct{ n, k, want int }{
		{5, 5, 5}, {5, 9, 5}, // fits
		{5, 1, 0}, // one line alone at the bottom: move all
		{5, 4, 3}, // one line alone at the top: leave two
		{5, 3, 3},
		{3, 2, 0}, // three lines cannot split 2+1 or 1+2
		{8, 0, 0},
	}
	for _, c := range cases {
		if got := splitAt(c.n, c.k); got != c.want {
			t.Errorf("splitAt(%d, %d) = %d, want %d", c.n, c.k, got, c.want)
		}
	}
}

// TestLayout_Invariants: on a long mixed document every text item lies in
// the text area (page numbers in the top margin), the text is conserved, no
// page but the first starts without its number, the signature block shares
// its page with body text.
func TestLayout_Invariants(t *testing.T) {
	var body []model.Block
	for i := range 40 {
		if i%7 == 0 {
			body = append(body, &model.Heading{Level: 1 + i%3, Runs: []model.Run{{Text: "Mục lớn thứ " + strings.Repeat("I", 1+i%3)}}})
		}
		body = append(body, &model.Para{Role: model.RoleBody, Runs: []model.Run{
			{Text: "Đoạn " + strings.Repeat("x", i%5) + " "}, {Text: "đậm", Style: model.Bold},
			{Text: " và " + strings.Repeat(sentence, i%4)}}})
	}
	s := format.NewSheet("ke-hoach")
	r, err := layoutModel(doc(body...), s, fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	eachText(t, r, s, func(_ int, it Item) { got.WriteString(it.Text + " ") })
	var want strings.Builder
	for _, b := range body {
		switch n := b.(type) {
		case *model.Para:
			want.WriteString(model.PlainText(n.Runs) + " ")
		case *model.Heading:
			want.WriteString(s.Text(format.HeadingElement(n.Level), model.PlainText(n.Runs)) + " ")
		}
	}
	if g, w := strings.Join(strings.Fields(got.String()), " "), strings.Join(strings.Fields(want.String()), " "); !strings.Contains(g, w) {
		t.Errorf("body text not conserved")
	}
	last := r.Pages[len(r.Pages)-1].Items
	bodyLines := 0
	for _, it := range last[1:] {
		if it.Kind == Text && it.Size == 28 && it.Style == font.Regular {
			bodyLines++
		}
	}
	if bodyLines < 2 {
		t.Errorf("signature page has %d body items: the block is alone", bodyLines)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func FuzzLayout(f *testing.F) {
	f.Add("Thực hiện Kế hoạch số 424/KH-NV ngày 08/5/2024", 3)
	f.Add(strings.Repeat("Xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz", 3), 1)
	f.Add("  nhiều   khoảng   trắng  ", 40)
	fs := fontSet(f)
	s := format.NewSheet("ke-hoach")
	f.Fuzz(func(t *testing.T, text string, n int) {
		n = 1 + abs(n)%60
		var rs []rune
		for _, r := range text {
			if fs.Has(r) && r >= ' ' {
				rs = append(rs, r)
			}
		}
		var body []model.Block
		for i := 0; i < n; i++ {
			body = append(body, bodyPara(string(rs)))
		}
		r, err := layoutModel(doc(body...), s, fs)
		if err != nil {
			return
		}
		for _, p := range r.Pages {
			for _, it := range p.Items {
				if it.Kind == Text && (it.X < s.Left || it.X+it.W > s.PageW-s.Right+unit.EMU) {
					t.Fatalf("%q at x %v w %v outside", it.Text, it.X, it.W)
				}
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// layoutModel resolves doc by the rules of s and places it, as the engine
// does.
func layoutModel(doc *model.Document, s *format.Sheet, f *font.Set) (*Result, error) {
	rd, err := resolve.Resolve(doc, s, f)
	if err != nil {
		return nil, err
	}
	return Place(rd, f)
}

// TestLayout_HeadingKeepsWithTable (issue 14): a heading directly followed
// by a table goes to the next page with the table's header row and first
// row when they do not fit under it, as the DOCX's keep-with-next heading
// does in Word and LibreOffice. The heading walks down the page line by
// line, so it meets the foot of the page at every offset.
func TestLayout_HeadingKeepsWithTable(t *testing.T) {
	s := format.NewSheet("ke-hoach")
	f := fontSet(t)
	cell := func(text string) model.Cell { return model.Cell{Runs: []model.Run{{Text: text}}} }
	rows := [][]model.Cell{{cell("STT"), cell("Chỉ tiêu"), cell("Kết quả")}}
	for i := 1; i <= 6; i++ {
		rows = append(rows, []model.Cell{cell(itoa(i)), cell("Chỉ tiêu số " + itoa(i) + " về công tác cải cách hành chính và chuyển đổi số của xã"), cell("Đạt")})
	}
	moved := 0
	for n := 0; n < 40; n++ {
		var body []model.Block
		for i := 0; i < n; i++ {
			body = append(body, bodyPara("Đoạn đệm số "+itoa(i)+"."))
		}
		body = append(body,
			&model.Heading{Level: 2, Runs: []model.Run{{Text: "1. Bảng kết quả"}}},
			&model.Table{HeaderRows: 1, Rows: rows},
			bodyPara("Đoạn sau bảng."))
		r, err := layoutModel(doc(body...), s, f)
		if err != nil {
			t.Fatal(err)
		}
		page := func(prefix string) int {
			for p, pg := range r.Pages {
				for _, it := range pg.Items {
					if it.Kind == Text && strings.HasPrefix(it.Text, prefix) {
						return p
					}
				}
			}
			t.Fatalf("n=%d: no %q", n, prefix)
			return -1
		}
		h, first, pad := page("1."), page("Chỉ"), -1
		if n > 0 {
			pad = page("Đoạn đệm số " + itoa(n-1) + ".")
		}
		if h != first {
			t.Errorf("n=%d: the heading is on page %d, the table's first row on page %d", n, h+1, first+1)
		}
		if pad >= 0 && h > pad {
			moved++ // the heading left the page of the paragraph before it
		}
	}
	if moved == 0 {
		t.Error("no case moved the heading to the next page: the test no longer reaches a page end")
	}
}

// eachText checks that every page from the second starts with its number in
// the top margin and that every other text item lies inside the text area,
// and calls f with those other items, page by page.
func eachText(t *testing.T, r *Result, s *format.Sheet, f func(page int, it Item)) {
	t.Helper()
	for pi, p := range r.Pages {
		for ii, it := range p.Items {
			if it.Kind != Text {
				continue
			}
			if pi > 0 && ii == 0 {
				if it.Y >= s.Top || it.Text != itoa(pi+1) {
					t.Errorf("page %d: first item %q at %v is not its number in the top margin", pi+1, it.Text, it.Y)
				}
				continue
			}
			if it.X < s.Left || it.X+it.W > s.PageW-s.Right+unit.EMU || it.Y < s.Top || it.Y > s.PageH-s.Bottom {
				t.Errorf("page %d: %q at (%v, %v) outside the text area", pi+1, it.Text, it.X, it.Y)
			}
			f(pi, it)
		}
	}
}
