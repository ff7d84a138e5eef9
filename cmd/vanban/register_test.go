package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"vanban/internal/register"
	"vanban/internal/testutil"
)

func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

// outputs reads every PDF and DOCX of a folder.
func outputs(t *testing.T, dir string) map[string][]byte {
	files := map[string][]byte{}
	for _, ext := range []string{"*.pdf", "*.docx"} {
		names, _ := filepath.Glob(filepath.Join(dir, ext))
		for _, n := range names {
			files[filepath.Base(n)] = mustRead(t, n)
		}
	}
	return files
}

// Assigning the plan's number rebuilds the plan and the documents citing it,
// and only them; assigning again changes nothing.
func TestAssign_RebuildsWhatCites(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	out := filepath.Join(ws, "out")
	if code, _, errs := cli(t, "build", "-o", out, ws); code != exitOK {
		t.Fatal(errs)
	}
	before := outputs(t, out)
	code, stdout, errs := cli(t, "assign", "-ngay", "2024-05-08", "-o", out, filepath.Join(ws, "ke-hoach.toml"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, errs)
	}
	if !strings.Contains(stdout, "Đã cấp số 01/KH-UBND ngày 08/5/2024 cho ke-hoach.toml (đã ghi số và ngày vào tệp).") ||
		!strings.Contains(stdout, "3 văn bản đã tạo, 2 không thay đổi, 0 văn bản lỗi") {
		t.Errorf("assign said:\n%s", stdout)
	}
	// The file says what the register says, its comments kept.
	toml := string(mustRead(t, filepath.Join(ws, "ke-hoach.toml")))
	if !strings.Contains(toml, "\nso = 1                  # chưa cấp số") || !strings.Contains(toml, "\nngay = \"2024-05-08\"         # chưa có ngày") {
		t.Errorf("assign did not write so and ngay back:\n%.600s", toml)
	}
	after := outputs(t, out)
	changed := []string{}
	for name, b := range after {
		if !bytes.Equal(b, before[name]) {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	want := "[bao-cao-ket-qua.docx bao-cao-ket-qua.pdf ke-hoach.docx ke-hoach.pdf to-trinh-khen-thuong.docx to-trinh-khen-thuong.pdf]"
	if fmt.Sprint(changed) != want {
		t.Errorf("changed %v, want %s", changed, want)
	}
	kh := strings.Join(words(strings.Join(pdfPages(t, after["ke-hoach.pdf"]), " ")), " ")
	tt := strings.Join(words(strings.Join(pdfPages(t, after["to-trinh-khen-thuong.pdf"]), " ")), " ")
	if !strings.Contains(kh, "Số: 01/KH-UBND") || !strings.Contains(kh, "Vạn Giã, ngày 08 tháng 5 năm 2024") {
		t.Error("the plan does not show its number and date")
	}
	if !strings.Contains(tt, "Kế hoạch số 01/KH-UBND ngày 08/5/2024 của Ủy ban nhân dân thị trấn Vạn Giã") {
		t.Error("the proposal does not cite the new number")
	}
	// Idempotent: the same document keeps its number, nothing is rebuilt.
	code, stdout, _ = cli(t, "assign", "-o", out, filepath.Join(ws, "ke-hoach.toml"))
	if code != exitOK || !strings.Contains(stdout, "Đã cấp số 01/KH-UBND") || !strings.Contains(stdout, "0 văn bản đã tạo, 5 không thay đổi") {
		t.Errorf("second assign:\n%s", stdout)
	}
	// A number typed by hand must agree with the register.
	edit(t, ws, "ke-hoach.toml", `so = 1 `, `so = 5 `)
	code, _, errs = cli(t, "check", ws)
	if code != exitDiag || !strings.Contains(errs, "[R001]") || !strings.Contains(errs, "ke-hoach.toml:6:6") {
		t.Errorf("hand-typed number against the register: %d\n%s", code, errs)
	}
	edit(t, ws, "ke-hoach.toml", `so = 5 `, `so = 1 `)
	if code, _, errs = cli(t, "check", ws); code != exitOK {
		t.Errorf("the register's own number typed by hand: %s", errs)
	}
}

func TestAssign_GivenCancelledExport(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	out := filepath.Join(ws, "out")
	kh := filepath.Join(ws, "ke-hoach.toml")
	tt := filepath.Join(ws, "to-trinh-khen-thuong.toml")
	qd := filepath.Join(ws, "quyet-dinh-khen-thuong.toml")
	steps := []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"assign", "-so", "12", "-ngay", "2024-05-08", "-o", out, kh}, exitOK, "số 12/KH-UBND"},
		{[]string{"assign", "-so", "13", "-o", out, kh}, exitDiag, "[R005]"},
		{[]string{"assign", "-o", out, qd}, exitOK, "số 13/QĐ-UBND ngày 25/11/2024"},    // next in the shared series
		{[]string{"assign", "-o", out, tt}, exitOK, "số 01/TTr-HĐTĐKT ngày 18/11/2024"}, // the council's own series
		{[]string{"assign", "-huy", "-o", out, kh}, exitOK, "Đã hủy số 12/KH-UBND ngày 08/5/2024"},
		{[]string{"assign", "-so", "12", "-ngay", "2024-05-09", "-o", out, kh}, exitDiag, "[R004]"},
		{[]string{"assign", "-ngay", "2024-05-09", "-o", out, kh}, exitOK, "số 14/KH-UBND ngày 09/5/2024"},
	}
	for _, s := range steps {
		code, stdout, errs := cli(t, s.args...)
		if code != s.code || !strings.Contains(stdout+errs, s.say) {
			t.Fatalf("%v: exit %d, want %d with %q:\n%s%s", s.args, code, s.code, s.say, stdout, errs)
		}
		// The plan's file follows the register: cleared by -huy, the new
		// number and date after it.
		if s.args[len(s.args)-1] == kh && s.code == exitOK {
			b := string(mustRead(t, kh))
			want := map[string]string{"-huy": "\nso = \"\" ", "2024-05-08": "\nso = 12 ", "2024-05-09": "\nso = 14 "}
			for k, w := range want {
				if slices.Contains(s.args, k) && !strings.Contains(b, w) {
					t.Errorf("%v: the file has no %q:\n%.400s", s.args, w, b)
				}
			}
		}
	}
	code, stdout, _ := cli(t, "register", ws)
	if code != exitOK || !strings.Contains(stdout, "12/KH-UBND") || !strings.Contains(stdout, "Đã hủy") {
		t.Errorf("register:\n%s", stdout)
	}
	xlsx := filepath.Join(t.TempDir(), "so.xlsx")
	if code, _, errs := cli(t, "register", "-nam", "2024", "-o", xlsx, ws); code != exitOK {
		t.Fatal(errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := fmt.Sprint(f.GetSheetList()); got != "[Bìa HĐTĐKT 2024 Sổ HĐTĐKT 2024 Bìa UBND 2024 Sổ UBND 2024]" {
		t.Errorf("sheets %s", got)
	}
	cover, _ := f.GetRows("Bìa UBND 2024")
	if c := fmt.Sprint(cover); !strings.Contains(c, "ỦY BAN NHÂN DÂN] [THỊ TRẤN VẠN GIÃ]") || !strings.Contains(c, "SỔ ĐĂNG KÝ VĂN BẢN ĐI") ||
		!strings.Contains(c, "Năm: 2024") || !strings.Contains(c, "Từ số 12 đến số 14") || !strings.Contains(c, "Từ ngày 08/5/2024 đến ngày 25/11/2024") {
		t.Errorf("cover: %q", cover)
	}
	rows, _ := f.GetRows("Sổ UBND 2024")
	if len(rows) != 5 || len(rows[0]) != 10 || rows[0][0] != "Số, ký hiệu văn bản" || rows[0][9] != "Ghi chú" || rows[1][0] != "(1)" {
		t.Fatalf("xlsx rows: %q", rows)
	}
	got := []string{}
	for _, r := range rows[2:] {
		got = append(got, r[0]+" "+r[1])
	}
	// Date, then number: the cancelled 12 of 08/5 stays in its place.
	if fmt.Sprint(got) != "[12/KH-UBND 08/5/2024 14/KH-UBND 09/5/2024 13/QĐ-UBND 25/11/2024]" {
		t.Errorf("register order %v", got)
	}
	council, _ := f.GetRows("Sổ HĐTĐKT 2024")
	if len(council) != 3 || council[2][0] != "01/TTr-HĐTĐKT" || !strings.HasPrefix(council[2][4], "Chủ tịch Ủy ban nhân dân thị trấn Vạn Giã; ") || council[2][5] == "" {
		t.Errorf("council sheet (Kính gửi first in Nơi nhận, bản lưu from luu): %q", council)
	}
	// The same books as a PDF to print: a cover, then the register pages.
	pdfPath := filepath.Join(t.TempDir(), "so.pdf")
	if code, _, errs := cli(t, "register", "-o", pdfPath, ws); code != exitOK {
		t.Fatalf("register -o so.pdf: exit %d\n%s", code, errs)
	}
	pages := pdfPages(t, mustRead(t, pdfPath))
	if len(pages) != 4 || !strings.Contains(pages[2], "SỔ ĐĂNG KÝ VĂN BẢN ĐI") || !strings.Contains(pages[3], "Trang 1") {
		t.Fatalf("PDF register: %d pages\n%s", len(pages), strings.Join(pages, "\f"))
	}
	if text := strings.ReplaceAll(strings.Join(strings.Fields(pages[3]), " "), "- ", "-"); !strings.Contains(text, "13/QĐ-UBND") || !strings.Contains(text, "25/11/2024") {
		t.Errorf("PDF register page lacks an entry: %s", text)
	}
	csvPath := filepath.Join(t.TempDir(), "so.csv")
	cli(t, "register", "-o", csvPath, ws)
	if b := string(mustRead(t, csvPath)); !strings.HasPrefix(b, "\uFEFFSố, ký hiệu văn bản") && !strings.HasPrefix(b, "\uFEFF\"Số, ký hiệu văn bản\"") {
		t.Errorf("csv: %.80q", b)
	}
}

// self runs the test binary as the vanban command.
func self(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "VANBAN_AS_CLI=1")
	return cmd
}

// workspaceOf makes a workspace of n copies of the sample plan.
func workspaceOf(t *testing.T, n int) string {
	ws := t.TempDir()
	os.WriteFile(filepath.Join(ws, ProfileName), mustRead(t, filepath.Join(sampleDir, ProfileName)), 0o644)
	kh := mustRead(t, filepath.Join(sampleDir, "ke-hoach.toml"))
	for i := 1; i <= n; i++ {
		os.WriteFile(filepath.Join(ws, fmt.Sprintf("kh-%02d.toml", i)), kh, 0o644)
	}
	return ws
}

func checkRegister(t *testing.T, ws string) []register.Entry {
	t.Helper()
	reg, err := register.Open(filepath.Join(ws, register.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Close()
	entries, err := reg.List(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for i, e := range entries {
		if e.Number != i+1 {
			t.Errorf("register has %d at place %d: a gap or a duplicate", e.Number, i+1)
		}
		if docs[e.Doc] && !e.Cancelled {
			t.Errorf("%s has two numbers", e.Doc)
		}
		docs[e.Doc] = true
	}
	return entries
}

// Eight processes assigning at once get unique, consecutive numbers.
func TestAssign_EightProcesses(t *testing.T) {
	ws := workspaceOf(t, 8)
	cmds := make([]*exec.Cmd, 8)
	outs := make([]bytes.Buffer, 8)
	for i := range cmds {
		cmds[i] = self("assign", "-ngay", "2024-05-08", "-o", filepath.Join(ws, fmt.Sprintf("out-%d", i)), filepath.Join(ws, fmt.Sprintf("kh-%02d.toml", i+1)))
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
	if entries := checkRegister(t, ws); len(entries) != 8 {
		t.Errorf("%d entries, want 8", len(entries))
	}
}

// Killing assign at any moment leaves the register whole (no duplicate, no
// gap) and every output file either absent or complete.
func TestAssign_SurvivesKill(t *testing.T) {
	ws := workspaceOf(t, 12)
	out := filepath.Join(ws, "out")
	for i := 1; i <= 12; i++ {
		cmd := self("assign", "-ngay", "2024-05-08", "-o", out, filepath.Join(ws, fmt.Sprintf("kh-%02d.toml", i)))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Vary the moment of the kill across the run: start-up, the
		// allocation, the rebuild, the writes.
		time.Sleep(time.Duration(5+i*23) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	entries := checkRegister(t, ws)
	t.Logf("%d of 12 allocations committed before the kill", len(entries))
	names, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	for _, n := range names {
		b := mustRead(t, n)
		if !bytes.HasSuffix(bytes.TrimRight(b, "\n"), []byte("%%EOF")) {
			t.Errorf("%s is half written", n)
		}
	}
	for _, n := range func() []string { m, _ := filepath.Glob(filepath.Join(out, "*.docx")); return m }() {
		if _, _, err := testutil.Unzip(mustRead(t, n)); err != nil {
			t.Errorf("%s is half written: %v", n, err)
		}
	}
	// A normal build afterwards cleans the leftovers and completes the set.
	if code, _, errs := cli(t, "build", "-o", out, ws); code != exitOK {
		t.Fatal(errs)
	}
	if m, _ := filepath.Glob(filepath.Join(out, ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if n, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(n) != 12 {
		t.Errorf("%d PDFs after the rebuild", len(n))
	}
}
