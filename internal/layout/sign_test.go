package layout

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// recipientsDoc is a document of body paragraphs (sentences each) with n
// numbered recipients; long gives some of them extra words, so they wrap.
func recipientsDoc(n int, body []int, long map[int]int) *model.Document {
	var blocks []model.Block
	for _, k := range body {
		blocks = append(blocks, bodyPara(strings.Repeat(sentence, k)))
	}
	d := doc(blocks...)
	d.Recipients.Items = nil
	for i := 1; i <= n; i++ {
		s := fmt.Sprintf("Đơn vị nhận số %d", i)
		s += strings.Repeat(" gồm các phòng, ban chuyên môn trực thuộc", long[i])
		d.Recipients.Items = append(d.Recipients.Items, s)
	}
	return d
}

// signCheck lays out d and checks the invariants of the signature block:
// every item inside the margins, every recipient line and "- Lưu: …" in
// order, "Nơi nhận:", the signature and at least two body lines on one
// page, and every page after it but the last filled with recipient lines.
// It returns the result.
func signCheck(t *testing.T, d *model.Document) *Result {
	t.Helper()
	s := format.NewSheet(d.Kind)
	r, err := layoutModel(d, s, fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	labelPage, namePage := -1, -1
	recipientsOn := make([]int, len(r.Pages)) // recipient lines per page
	bodyOn := make([]int, len(r.Pages))       // body lines per page
	item := s.Style(format.RecipientsItem)
	seen := map[unit.Length]bool{} // lines of the current page
	page := -1
	eachText(t, r, s, func(pi int, it Item) {
		if pi != page {
			page, seen = pi, map[unit.Length]bool{}
		}
		switch {
		case it.Text == format.RecipientsLabelText:
			labelPage = pi
		case it.Text == d.Signature.Name:
			namePage = pi
		case it.Size == item.Size && it.X == s.Left && !seen[it.Y]:
			recipientsOn[pi]++
		case it.Size == s.Style(format.Body).Size && it.Style == 0 && !seen[it.Y]:
			bodyOn[pi]++
		}
		seen[it.Y] = true
		text.WriteString(it.Text + " ")
	})
	got := strings.Join(strings.Fields(text.String()), " ")
	at := 0
	for _, line := range format.RecipientLines(d.Recipients) {
		i := strings.Index(got[at:], line)
		if i < 0 {
			t.Fatalf("%q missing from the layout, or out of order", line)
		}
		at += i + len(line)
	}
	if !strings.Contains(got, "- Lưu: VT.") {
		t.Errorf("no \"- Lưu: …\" line")
	}
	if labelPage < 0 || labelPage != namePage {
		t.Errorf("\"Nơi nhận:\" on page %d, the signer's name on page %d", labelPage+1, namePage+1)
	}
	if labelPage >= 0 && bodyOn[labelPage] < 2 {
		t.Errorf("page %d: the signature block has %d body lines with it", labelPage+1, bodyOn[labelPage])
	}
	// A page of recipients alone holds as many lines as fit.
	full := int((s.PageH - s.Top - s.Bottom) / item.Line)
	for pi := labelPage + 1; pi < len(r.Pages)-1; pi++ {
		if recipientsOn[pi] != full {
			t.Errorf("page %d holds %d recipient lines, %d fit", pi+1, recipientsOn[pi], full)
		}
	}
	return r
}

// TestLayout_RecipientsSplit (issue 8): the Nơi nhận list never runs off the
// page; a list too long for the page goes on over the next pages, every
// entry kept, while the signature stays with the body.
func TestLayout_RecipientsSplit(t *testing.T) {
	cases := []struct {
		n, pages int
	}{
		{1, 1}, {30, 2}, {58, 2}, {59, 2}, {60, 2}, {61, 2}, {120, 3}, {1000, 19},
	}
	// The body ends low on page 1: a list of 30 moves there whole with the
	// last body lines; longer ones split, 14 lines on page 1 (the head and
	// 6 more), then 56 a page.
	body := []int{4, 4, 4}
	for _, c := range cases {
		t.Run(itoa(c.n), func(t *testing.T) {
			r := signCheck(t, recipientsDoc(c.n, body, nil))
			if len(r.Pages) != c.pages {
				t.Errorf("%d pages, want %d", len(r.Pages), c.pages)
			}
		})
	}
}

// TestLayout_RecipientsWrapped: entries that wrap over several lines break
// at the foot of a page like any line of the list, and none is lost.
func TestLayout_RecipientsWrapped(t *testing.T) {
	long := map[int]int{2: 3, 20: 2, 21: 12, 40: 1, 41: 5, 42: 30, 43: 2, 70: 4}
	for _, n := range []int{45, 80, 200} {
		t.Run(itoa(n), func(t *testing.T) { signCheck(t, recipientsDoc(n, []int{4, 4}, long)) })
	}
}

// TestLayout_RecipientsBodyAtFoot: whatever the length of the body, the
// head of a long block (label, first recipients, signature) stays with at
// least two body lines, and the list goes on below it or on the next page.
func TestLayout_RecipientsBodyAtFoot(t *testing.T) {
	moved, stayed := 0, 0
	for k := 1; k <= 40; k++ {
		d := recipientsDoc(75, []int{6, 6}, nil)
		d.Body = append(d.Body, bodyPara(strings.Repeat("Câu ngắn thêm một dòng. ", k)),
			bodyPara("Trên đây là kế hoạch thử, đề nghị các đơn vị thực hiện. "+sentence))
		r := signCheck(t, d)
		// Did the last paragraph go to the top of the signature's page?
		for _, p := range r.Pages {
			if len(p.Items) > 1 && strings.HasPrefix(p.Items[1].Text, "Trên") {
				moved++
			}
			for _, it := range p.Items[1:] {
				if it.Text == format.RecipientsLabelText && !strings.HasPrefix(p.Items[1].Text, "Trên") {
					stayed++
				}
			}
		}
	}
	if moved == 0 || stayed == 0 {
		t.Errorf("%d cases moved the last paragraph to the signature's page, %d did not: the test no longer covers both", moved, stayed)
	}
}

// TestLayout_NoRoom: what cannot be placed inside the margins is an error,
// never an item off the page.
func TestLayout_NoRoom(t *testing.T) {
	s := format.NewSheet("ke-hoach")
	huge := strings.Repeat("chữ ", 4000)
	// A table row taller than a page: rows never split.
	row := &model.Table{Rows: [][]model.Cell{{{Runs: []model.Run{{Text: huge}}}}}}
	_, err := layoutModel(doc(bodyPara(sentence), row), s, fontSet(t))
	var pe *PlaceError
	if !errors.As(err, &pe) || !IsPlaceError(err) {
		t.Fatalf("table row taller than a page: err = %v, want a *PlaceError", err)
	}
	if pe.Page < 1 || pe.Text == "" {
		t.Errorf("PlaceError %+v: no page or text", pe)
	}
	// A first recipient longer than a page, beside the signature: the head
	// of the block cannot split.
	d := doc(bodyPara(sentence))
	d.Recipients.Items = append([]string{huge}, d.Recipients.Items...)
	for range 60 {
		d.Recipients.Items = append(d.Recipients.Items, "Đơn vị")
	}
	if _, err := layoutModel(d, s, fontSet(t)); !IsPlaceError(err) {
		t.Errorf("head taller than a page: err = %v, want a *PlaceError", err)
	}
}
