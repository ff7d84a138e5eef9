package engine

import (
	"fmt"
	"os"

	"vanban/internal/diag"
)

// Bounds of one run, far above a real workspace (a commune's year is a few
// hundred documents of a few kilobytes each), so that a mistaken path (a
// whole disk, a folder of exports) ends at once with a Vietnamese error
// instead of exhausting memory: every document's input and model stay in
// memory until its files are written, for citations.
const (
	// MaxRunDocs is the most documents one command builds or checks.
	MaxRunDocs = 20_000
	// MaxRunInput is the most bytes of TOML one command reads, all
	// documents together (each file is also bounded by data.MaxFileSize).
	MaxRunInput = 64 << 20 // 64 MiB
)

// runLimits reports a run past MaxRunDocs or MaxRunInput; the run then
// builds nothing.
func runLimits(jobs []Job) diag.List {
	var l diag.List
	at := diag.Pos{File: "."}
	if len(jobs) > 0 {
		at = diag.Pos{File: jobs[0].Dir}
	}
	if len(jobs) > MaxRunDocs {
		l.Add(diag.New(at, diag.CodeLimit, "số văn bản của một lần chạy", groupDigits(int64(len(jobs))), groupDigits(MaxRunDocs),
			"chia hồ sơ thành nhiều thư mục và tạo từng thư mục"))
		return l
	}
	var total int64
	for _, j := range jobs {
		if st, err := os.Stat(j.Path()); err == nil {
			total += st.Size()
		}
	}
	if total > MaxRunInput {
		l.Add(diag.New(at, diag.CodeLimit, "tổng dung lượng dữ liệu của một lần chạy", groupDigits(total)+" byte", groupDigits(MaxRunInput)+" byte",
			"chia hồ sơ thành nhiều thư mục và tạo từng thư mục"))
	}
	return l
}

// groupDigits writes n with a dot between groups of three digits, as
// Vietnamese does: 67.108.864.
func groupDigits(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + groupDigits(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
