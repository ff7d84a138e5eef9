package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	code, stdout, stderr = sao(t, qd, "-loai", "trich-sao", "-o", out)
	if code != exitOK || !strings.Contains(stdout, "Bản trích sao của quyet-dinh-khen-thuong.toml: số 02/TrS-UBND ngày 02/12/2024") {
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
