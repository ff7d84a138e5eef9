package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/testutil"
)

// certificateWorkspace is the Vạn Giã workspace with a Quyết định that
// grants 25 recipients of its own (5 tập thể, 20 cá nhân; one danh hiệu;
// one very long name and achievement); it returns the decision's path and
// the recipients' names in list order.
func certificateWorkspace(t *testing.T) (string, []string) {
	t.Helper()
	dir := copyWorkspace(t, filepath.Join("..", "..", "testdata", "van-gia-2024"))
	qd := string(mustRead(t, filepath.Join(dir, "quyet-dinh-khen-thuong.toml")))
	var names []string
	var b strings.Builder
	b.WriteString(qd)
	for i := range 5 {
		name := fmt.Sprintf("Tổ dân phố số %d", i+1)
		if i == 0 {
			name = "Tập thể Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính kiêm Tổ công nghệ số cộng đồng thị trấn Vạn Giã"
		}
		names = append(names, name)
		fmt.Fprintf(&b, "\n[[tap_the]]\nten = %q\ndon_vi = \"Ủy ban nhân dân thị trấn Vạn Giã\"\nhinh_thuc = \"Giấy khen\"\nthanh_tich = \"Hoàn thành xuất sắc nhiệm vụ năm 2024\"\n", name)
	}
	given := []string{"Nguyễn Thị Thu", "Trần Văn", "Lê Thị Mỹ", "Phạm Minh", "Võ Thị Hồng"}
	for i := range 20 {
		name := fmt.Sprintf("%s %c", given[i%5], 'A'+rune(i))
		award, ach := "Giấy khen", "Giải quyết đúng hạn 100% hồ sơ thủ tục hành chính được giao"
		switch i {
		case 0:
			name = "Công Tằng Tôn Nữ Thị Hoàng Phương Thảo Nguyên Khánh Linh Đan Quỳnh Như Ngọc Bích"
			ach = strings.Repeat("Hoàn thành xuất sắc nhiệm vụ, có sáng kiến cải tiến quy trình tiếp nhận hồ sơ; ", 5)
		case 1:
			award = "Lao động tiên tiến"
		}
		names = append(names, name)
		fmt.Fprintf(&b, "\n[[ca_nhan]]\nho_ten = %q\nchuc_vu = \"Công chức Văn phòng - Thống kê\"\nhinh_thuc = %q\nthanh_tich = %q\n", name, award, ach)
	}
	path := filepath.Join(dir, "qd-25.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, names
}

// runCertificates runs vanban giay-khen with args and returns the exit
// code, stdout and stderr.
func runCertificates(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := cmdCertificates(context.Background(), args, &out, &errs)
	return code, out.String(), errs.String()
}

func TestCertificates_25BothModes(t *testing.T) {
	path, names := certificateWorkspace(t)
	tmp := t.TempDir()
	for _, mode := range []struct {
		name string
		args []string
	}{{"full", nil}, {"phoi", []string{"-phoi", "-so-vang", "101"}}} {
		t.Run(mode.name, func(t *testing.T) {
			var pdfs [][]byte
			for i := range 2 {
				out := filepath.Join(tmp, fmt.Sprintf("%s-%d.pdf", mode.name, i))
				code, stdout, stderr := runCertificates(t, append(append([]string{}, mode.args...), "-o", out, path)...)
				if code != exitOK {
					t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
				}
				if !strings.Contains(stdout, "Đã in 25 giấy khen") {
					t.Errorf("stdout = %q", stdout)
				}
				pdfs = append(pdfs, mustRead(t, out))
			}
			if !bytes.Equal(pdfs[0], pdfs[1]) {
				t.Fatal("two runs wrote different bytes")
			}
			text := testutil.Run(t, "pdftotext", "-layout", filepath.Join(tmp, mode.name+"-0.pdf"), "-")
			pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
			if len(pages) != 25 {
				t.Fatalf("%d pages, want 25", len(pages))
			}
			for i, name := range names {
				got := strings.Join(strings.Fields(pages[i]), " ")
				if !strings.Contains(got, name) {
					t.Errorf("page %d: %q not read back exactly:\n%s", i+1, name, got)
				}
			}
			if mode.name == "phoi" {
				if !strings.Contains(pages[0], "101") || !strings.Contains(pages[24], "125") || strings.Contains(text, "CỘNG HÒA") {
					t.Errorf("phôi pages: first %q, last %q", pages[0], pages[24])
				}
			} else if !strings.Contains(pages[6], "TẶNG DANH HIỆU") || !strings.Contains(pages[6], "LAO ĐỘNG TIÊN TIẾN") {
				t.Errorf("danh hiệu page:\n%s", pages[6])
			}
		})
	}
}

func TestCertificates_Calibration(t *testing.T) {
	path, _ := certificateWorkspace(t)
	out := filepath.Join(t.TempDir(), "luoi.pdf")
	code, stdout, stderr := runCertificates(t, "-luoi", "-o", out, filepath.Dir(path))
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	text := testutil.Run(t, "pdftotext", out, "-")
	if strings.Count(text, "\f") != 1 || !strings.Contains(text, "TRANG CĂN CHỈNH") || !strings.Contains(text, "ten (tên tập thể, cá nhân)") {
		t.Errorf("calibration page text:\n%s", text)
	}
}

func TestCertificates_Errors(t *testing.T) {
	path, _ := certificateWorkspace(t)
	dir := filepath.Dir(path)
	if code, _, _ := runCertificates(t); code != exitUsage {
		t.Errorf("no argument: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCertificates(t, "-o", "x.docx", path); code != exitUsage {
		t.Errorf("-o x.docx: exit %d, want %d", code, exitUsage)
	}
	code, _, stderr := runCertificates(t, "-o", filepath.Join(t.TempDir(), "k.pdf"), filepath.Join(dir, "ke-hoach.toml"))
	if code != exitDiag || !strings.Contains(stderr, "[D008]") || !strings.Contains(stderr, "ke-hoach.toml:") {
		t.Errorf("a Kế hoạch: exit %d\n%s", code, stderr)
	}
	// A bad position in the profile's [giay_khen] table is positioned.
	prof := filepath.Join(dir, "vanban.toml")
	os.WriteFile(prof, append(mustRead(t, prof), "\n[giay_khen]\nten = { x = 290, y = 95, rong = 200 }\n"...), 0o644)
	code, _, stderr = runCertificates(t, "-phoi", "-o", filepath.Join(t.TempDir(), "p.pdf"), path)
	if code != exitDiag || !strings.Contains(stderr, "vanban.toml:20:1: lỗi:") || !strings.Contains(stderr, "[D025]") {
		t.Errorf("bad phôi position: exit %d\n%s", code, stderr)
	}
}
