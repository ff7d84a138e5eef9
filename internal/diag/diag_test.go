package diag

import (
	"os"
	"strings"
	"testing"
)

func TestList_SortDedup(t *testing.T) {
	var l List
	l.Add(New(Pos{"b.toml", 2, 1}, CodeMissing, "trích yếu", "trich_yeu", `thêm dòng: trich_yeu = "…"`))
	l.Add(New(Pos{"a.toml", 9, 3}, CodeBadDate, "2024-02-30", "tháng 2 không có ngày 30"))
	l.Add(New(Pos{"a.toml", 9, 3}, CodeBadDate, "2024-02-30", "tháng 2 không có ngày 30"))
	l.Sort()
	if len(l) != 2 || l[0].Pos.File != "a.toml" {
		t.Fatalf("sorted list = %v", l)
	}
	if l.Err() == nil {
		t.Fatal("Err() = nil for a list with errors")
	}
	var w List
	w.Add(New(Pos{"a.toml", 1, 1}, CodeNoNumber))
	if w.Err() != nil {
		t.Fatal("a list of warnings is not an error")
	}
}

func ExamplePrint() {
	src := []byte("mau = \"ke-hoach\"\nngay = \"2024-02-30\"\n")
	var l List
	l.Add(New(Pos{"kh.toml", 2, 8}, CodeBadDate, "2024-02-30", "tháng 2 năm 2024 chỉ có 29 ngày").WithLen(12))
	Print(os.Stdout, l, func(string) ([]byte, bool) { return src, true })
	// Output:
	// kh.toml:2:8: lỗi: ngày "2024-02-30" không hợp lệ: tháng 2 năm 2024 chỉ có 29 ngày [D004]
	//      2 | ngay = "2024-02-30"
	//        |        ^^^^^^^^^^^^
	//     gợi ý: viết theo dạng NĂM-THÁNG-NGÀY, ví dụ "2024-05-08"; chưa có ngày thì viết "2024-05"; chưa có cả tháng thì để ""
}

func TestCatalogue_Complete(t *testing.T) {
	for code, m := range catalogue {
		if m.msg == "" || strings.Contains(m.msg, "%!") {
			t.Errorf("%s: bad message %q", code, m.msg)
		}
	}
}
