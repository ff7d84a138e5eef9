package book

import (
	"fmt"
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/register"
)

// Every cell of every entry is on the pages, in order, inside the margins;
// the header and the page number are on every register page; a row too
// long for what is left of a page goes on on the next one.
func TestLayout_Book(t *testing.T) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	b := register.Book{Issuer: []string{"ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"}, Series: "UBND", Year: 2026,
		FromNumber: "01", ToNumber: "60", FromDate: "05/01/2026", ToDate: "20/12/2026"}
	for i := 1; i <= 60; i++ {
		summary := fmt.Sprintf("Kế hoạch số %d về việc triển khai nhiệm vụ", i)
		if i == 30 {
			summary = strings.Repeat("Trích yếu rất dài của văn bản số 30 ", 60) + "HẾT"
		}
		b.Rows = append(b.Rows, []string{fmt.Sprintf("%02d/KH-UBND", i), "05/01/2026", summary, "Nguyễn Văn A",
			"Phòng Nội vụ; Các thôn", "VT, VP", "", "", "", ""})
	}
	res := Layout([]register.Book{b}, f)
	if len(res.Pages) < 4 {
		t.Fatalf("%d pages", len(res.Pages))
	}
	var words []string
	for i, p := range res.Pages {
		var text []string
		for _, it := range p.Items {
			if it.Kind == layout.Text {
				text = append(text, it.Text)
				if it.X < 0 || it.X+it.W > pageW || it.Y > pageH-unit10 || it.Y < top {
					t.Errorf("page %d: %q outside the page at %v,%v", i+1, it.Text, it.X, it.Y)
				}
			}
		}
		page := strings.Join(text, " ")
		if i == 0 {
			if !strings.Contains(page, "SỔ ĐĂNG KÝ VĂN BẢN ĐI") || !strings.Contains(page, "Từ số 01 đến số 60") {
				t.Errorf("cover: %s", page)
			}
			continue
		}
		if !strings.Contains(page, fmt.Sprintf("Trang %d", i)) || !strings.Contains(page, "Tên loại và trích yếu nội dung") {
			t.Errorf("page %d lacks its number or the header", i+1)
		}
		words = append(words, strings.Fields(page)...)
	}
	all := strings.ReplaceAll(strings.Join(words, " "), "- ", "-") // a number may break after its hyphen
	at := 0
	for i := 1; i <= 60; i++ {
		k := strings.Index(all[at:], fmt.Sprintf("%02d/KH-UBND", i))
		if k < 0 {
			t.Fatalf("entry %d missing or out of order", i)
		}
		at += k
	}
	if n := strings.Count(all, "Trích yếu rất dài"); n != 60 || !strings.Contains(all, "HẾT") {
		t.Errorf("the long trích yếu lost words: %d of 60 repeats", n)
	}
}

var unit10 = bottom / 2
