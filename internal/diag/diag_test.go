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

// A very long source line is cut to a window around the column, and control
// characters never reach the terminal.
func TestPrint_LongLineExcerpt(t *testing.T) {
	src := []byte("noi_dung = \"" + strings.Repeat(">", 100000) + " x\u0001\"\n")
	var l List
	l.Add(New(Pos{"a.toml", 1, 50000}, CodeMarkup, "trích dẫn lồng nhau", "viết một cấp"))
	l.Add(New(Pos{"a.toml", 1, 100015}, CodeBadChar, `khóa "noi_dung"`, "U+0001"))
	var b strings.Builder
	Print(&b, l, func(string) ([]byte, bool) { return src, true })
	out := b.String()
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > excerptWidth+20 {
			t.Fatalf("a line of %d characters:\n%.200s", n, line)
		}
	}
	if strings.ContainsRune(out, '\u0001') {
		t.Error("a control character reached the output")
	}
	// The caret stands under the character the column names.
	lines := strings.Split(out, "\n")
	found := false
	for i, line := range lines[:len(lines)-1] {
		if k := strings.Index(line, "x?"); k >= 0 {
			found = true
			at := len([]rune(line[:k])) + 1 // the '?'
			if caret := strings.Index(lines[i+1], "^"); len([]rune(lines[i+1][:caret])) != at {
				t.Errorf("caret not under the control character:\n%s\n%s", line, lines[i+1])
			}
		}
	}
	if !found {
		t.Errorf("the second excerpt does not show the end of the line:\n%s", out)
	}
}
