package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vanban/internal/testutil"
)

// sao runs vanban sao with a clock at 2 December 2024.
func sao(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cmdCopyAt(context.Background(), args, &out, &errb, func() time.Time { return time.Date(2024, 12, 2, 10, 0, 0, 0, time.UTC) })
	return code, out.String(), errb.String()
}

// The command line: -loai is required and checked, as are -ban, -ngay and
// the one document; a mistake changes nothing.
func TestCopy_Usage(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	qd := filepath.Join(ws, "quyet-dinh-khen-thuong.toml")
	for _, c := range []struct {
		args []string
		say  string
	}{
		{[]string{qd}, "thiếu -loai"},
		{[]string{qd, "-loai", "sao"}, `-loai "sao" không hợp lệ`},
		{[]string{qd, "-loai", "sao-y", "-ban", "so"}, `-ban "so" không hợp lệ`},
		{[]string{"-loai", "sao-y"}, "cần đúng một tệp"},
		{[]string{qd, qd, "-loai", "sao-y"}, "cần đúng một tệp"},
		{[]string{qd, "-loai", "sao-y", "-ngay", "31/02/2024"}, "[D004]"},
		{[]string{qd, "-khong-co"}, "-khong-co"},
		{[]string{qd, "-loai", "trich-sao"}, "trích sao cần -phan"},
		{[]string{qd, "-loai", "sao-y", "-phan", "Điều 1"}, "-phan chỉ dùng với -loai trich-sao"},
		{[]string{qd, "-loai", "trich-sao", "-phan", "Điều một"}, `không đọc được số điều "một"`},
		{[]string{qd, "-loai", "trich-sao", "-phan", " ; "}, "-phan trống"},
	} {
		code, stdout, stderr := sao(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.say) || stdout != "" {
			t.Errorf("%q: exit %d, stderr\n%s", c.args, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(ws, "so-van-ban-di.sqlite")); err == nil {
		t.Error("a refused command opened the register")
	}
}

// A sao y of the Quyết định: the PDF in -o, the copy's number in the
// register once, whatever the runs; the electronic copy takes the same
// number; vanban register lists it.
func TestCopy_SaoY(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	qd := filepath.Join(ws, "quyet-dinh-khen-thuong.toml")
	if code, _, stderr := cli(t, "assign", "-ngay", "25/11/2024", "-o", filepath.Join(ws, "out"), qd); code != exitOK {
		t.Fatalf("assign: %d\n%s", code, stderr)
	}
	out := filepath.Join(ws, "ban-sao")
	code, stdout, stderr := sao(t, qd, "-loai", "sao-y", "-noi-nhan", "Phòng Nội vụ huyện Vạn Ninh; Chi cục Thuế", "-o", out)
	pdf := filepath.Join(out, "quyet-dinh-khen-thuong.sao-y.pdf")
	if code != exitOK || stdout != "Bản sao y của quyet-dinh-khen-thuong.toml: số 01/SY-UBND ngày 02/12/2024 → "+pdf+" (4 trang)\n" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.Contains(stderr, "F005") {
		t.Errorf("the original's pending citations shown:\n%s", stderr)
	}
	first := mustRead(t, pdf)
	// Again with another date: the register's number and date, the same file.
	code, stdout, stderr = sao(t, "-o", out, "-loai", "sao-y", qd, "-noi-nhan", "Phòng Nội vụ huyện Vạn Ninh; Chi cục Thuế", "-ngay", "09/12/2024")
	if code != exitOK || !strings.Contains(stdout, "số 01/SY-UBND ngày 02/12/2024") || !strings.Contains(stderr, "[R003]") {
		t.Errorf("second run: exit %d\n%s%s", code, stdout, stderr)
	}
	if !bytes.Equal(first, mustRead(t, pdf)) {
		t.Error("the second run wrote other bytes")
	}
	code, stdout, stderr = sao(t, qd, "-loai", "sao-y", "-ban", "dien-tu", "-o", filepath.Join(ws, "dien-tu"))
	if code != exitOK || !strings.Contains(stdout, "số 01/SY-UBND") {
		t.Errorf("electronic copy: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = sao(t, qd, "-loai", "trich-sao", "-phan", "Điều 1", "-o", out)
	if code != exitOK || !strings.Contains(stdout, "Bản trích sao Điều 1 của quyet-dinh-khen-thuong.toml: số 02/TrS-UBND ngày 02/12/2024") {
		t.Errorf("trích sao: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = cli(t, "register", ws)
	if code != exitOK || strings.Count(stdout, "01/SY-UBND") != 1 || strings.Count(stdout, "02/TrS-UBND") != 1 {
		t.Errorf("register: exit %d\n%s%s", code, stdout, stderr)
	}
}

// A document with errors: its diagnostics, exit 1, no file, no number.
func TestCopy_BrokenDocument(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	edit(t, ws, "quyet-dinh-khen-thuong.toml", `ngay = "2024-11-25"`, `ngay = "2024-11-31"`)
	qd := filepath.Join(ws, "quyet-dinh-khen-thuong.toml")
	code, stdout, stderr := sao(t, qd, "-loai", "sao-y", "-o", filepath.Join(ws, "out"))
	if code != exitDiag || stdout != "" || !strings.Contains(stderr, "quyet-dinh-khen-thuong.toml:") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(ws, "out", "quyet-dinh-khen-thuong.sao-y.pdf")); err == nil {
		t.Error("a copy of a broken document was written")
	}
}

// A trích sao of one person's commendation: Điều 1 and that person's line
// of the list, the rest of the Quyết định left out, numbered and listed
// in the register with the part it reproduces; -h explains -phan.
func TestCopy_TrichSao(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	qd := filepath.Join(ws, "quyet-dinh-khen-thuong.toml")
	if code, _, stderr := cli(t, "assign", "-ngay", "25/11/2024", "-o", filepath.Join(ws, "out"), qd); code != exitOK {
		t.Fatalf("assign: %d\n%s", code, stderr)
	}
	out := filepath.Join(ws, "ban-sao")
	code, stdout, stderr := sao(t, qd, "-loai", "trich-sao", "-phan", "Điều 1; Phụ lục: Lê Thị Mỹ Duyên", "-o", out)
	pdfs, _ := filepath.Glob(filepath.Join(out, "quyet-dinh-khen-thuong.trich-sao.dieu-1.phu-luc-le-thi-my-duyen-*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("files %v\n%s%s", pdfs, stdout, stderr)
	}
	pdf := pdfs[0]
	if code != exitOK || stdout != "Bản trích sao Điều 1; Phụ lục (Lê Thị Mỹ Duyên) của quyet-dinh-khen-thuong.toml: số 01/TrS-UBND ngày 02/12/2024 → "+pdf+" (2 trang)\n" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	text := strings.Join(strings.Fields(testutil.Run(t, "pdftotext", pdf, "-")), " ")
	for _, w := range []string{"THỊ TRẤN VẠN GIÃ", "Số: 01/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc tặng Giấy khen", "Điều 1.", "Lê Thị Mỹ Duyên",
		"Nguyễn Hữu Trường", "TRÍCH SAO", "Số: 01/TrS-UBND"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	for _, w := range []string{"Điều 2.", "Điều 3.", "Trần Văn Bình", "Nguyễn Thị Thu Hà", "I. TẬP THỂ"} {
		if strings.Contains(text, w) {
			t.Errorf("the PDF has %q", w)
		}
	}
	code, stdout, stderr = cli(t, "register", ws)
	if code != exitOK || !strings.Contains(stdout, "01/TrS-UBND") || !strings.Contains(stdout, "phần trích: Điều 1; Phụ lục (Lê Thị Mỹ Duyên)") {
		t.Errorf("register: exit %d\n%s%s", code, stdout, stderr)
	}
	// A part the document lacks: what it has, exit 2, no file, no number.
	bad := filepath.Join(ws, "sai")
	code, stdout, stderr = sao(t, qd, "-loai", "trich-sao", "-phan", "Điều 1; Phụ lục: Nguyễn Văn Không", "-o", bad)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, `không có dòng nào chứa "Nguyễn Văn Không"`) || !strings.Contains(stderr, "Lê Thị Mỹ Duyên") {
		t.Errorf("bad row: exit %d\n%s%s", code, stdout, stderr)
	}
	code, _, stderr = sao(t, qd, "-loai", "trich-sao", "-phan", "Điều 7", "-o", bad)
	if code != exitUsage || !strings.Contains(stderr, "vanban sao: -phan \"Điều 7\": văn bản không có Điều 7; văn bản có: Điều 1, 2, 3; Phụ lục") {
		t.Errorf("bad article: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a failed trích sao wrote its folder")
	}
	if _, stdout, _ = cli(t, "register", ws); strings.Contains(stdout, "02/TrS-UBND") {
		t.Errorf("a failed trích sao was numbered:\n%s", stdout)
	}
	_, _, stderr = sao(t, "-h")
	for _, w := range []string{"-phan", "Điều 1,3", "II.1", "Phụ lục: Nguyễn Văn An"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("-h lacks %q", w)
		}
	}
}
