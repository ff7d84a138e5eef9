package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/diag"
)

// formsDir holds one sample per form of NĐ 30 Phụ lục III added for the
// văn bản có tên loại (Mẫu 1.4) family and the giấy mời (Mẫu 1.7).
const formsDir = "../../testdata/van-ninh-2026"

// forms are the templates of formsDir with the tên loại and ký hiệu of
// Phụ lục III (Phần I, table of abbreviations) they must print.
var forms = []struct{ name, title, code string }{
	{"thong-bao", "THÔNG BÁO", "TB"},
	{"chuong-trinh", "CHƯƠNG TRÌNH", "CTr"},
	{"huong-dan", "HƯỚNG DẪN", "HD"},
	{"phuong-an", "PHƯƠNG ÁN", "PA"},
	{"de-an", "ĐỀ ÁN", "ĐA"},
	{"quy-che", "QUY CHẾ", "QC"},
	{"giay-moi", "GIẤY MỜI", "GM"},
}

// TestForms_SamplesBuild: every sample builds to PDF and DOCX without a
// diagnostic; the PDF shows the tên loại in capitals, under the header,
// and the number line with the type's ký hiệu.
func TestForms_SamplesBuild(t *testing.T) {
	if code, _, errs := cli(t, "check", formsDir); code != exitOK {
		t.Fatalf("check: exit %d\n%s", code, errs)
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			all, pages, res := text(t, formsDir, f.name)
			// Only the draft's missing number may be noted.
			for _, d := range res.Diags {
				if d.Code != diag.CodeNoNumber {
					t.Fatal(res.Diags)
				}
			}
			if len(res.PDF) == 0 || len(res.DOCX) == 0 {
				t.Fatalf("PDF %d bytes, DOCX %d bytes", len(res.PDF), len(res.DOCX))
			}
			if want := "Số: /" + f.code + "-UBND Vạn Ninh, ngày"; !strings.Contains(all, want) {
				t.Errorf("no %q in %.200s", want, all)
			}
			// The title stands alone on its line, after the date line.
			lines := strings.Split(pages[0], "\n")
			at := -1
			for i, l := range lines {
				if strings.TrimSpace(l) == f.title {
					at = i
					break
				}
			}
			if at < 0 || !strings.Contains(strings.Join(lines[:at], " "), "Vạn Ninh, ngày") {
				t.Errorf("title %q not on its own line after the date:\n%s", f.title, pages[0])
			}
			if d := docxText(t, res.DOCX); !strings.Contains(d, f.title) || !strings.Contains(d, "/"+f.code+"-UBND") {
				t.Errorf("DOCX lacks %q or /%s-UBND", f.title, f.code)
			}
		})
	}
}

// TestForms_GiayMoi: the invitation reads as the sample of Mẫu 1.7, every
// structured field in its place, in PDF and DOCX alike.
func TestForms_GiayMoi(t *testing.T) {
	all, _, res := text(t, formsDir, "giay-moi")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	want := []string{
		"GIẤY MỜI Dự Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026",
		"Ủy ban nhân dân xã Vạn Ninh trân trọng kính mời: " +
			"- Đồng chí Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã; " +
			"- Các đồng chí Phó Chủ tịch Ủy ban nhân dân xã; " +
			"- Trưởng các thôn trên địa bàn xã " +
			"Tới dự Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026 và triển khai nhiệm vụ 6 tháng cuối năm.",
		"Chủ trì: Đồng chí Lê Văn Thành, Chủ tịch Ủy ban nhân dân xã.",
		"Thời gian: 08 giờ 00 phút, ngày 15 tháng 5 năm 2026.",
		"Địa điểm: Hội trường Ủy ban nhân dân xã Vạn Ninh.",
		"Tài liệu hội nghị được gửi qua Hệ thống quản lý văn bản và điều hành của xã.",
		"Đề nghị các đồng chí bố trí thời gian tham dự đầy đủ, đúng giờ./. Nơi nhận:",
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("PDF lacks %q:\n%s", w, all)
		}
	}
	if strings.Contains(all, "Kính gửi") {
		t.Error("Kính gửi printed though the sample has none")
	}
	d := strings.Join(words(docxText(t, res.DOCX)), " ")
	for _, w := range []string{"trân trọng kính mời:", "Tới dự Hội nghị sơ kết", "Chủ trì: Đồng chí Lê Văn Thành",
		"Thời gian: 08 giờ 00 phút, ngày 15 tháng 5 năm 2026.", "Địa điểm: Hội trường Ủy ban nhân dân xã Vạn Ninh."} {
		if !strings.Contains(d, w) {
			t.Errorf("DOCX lacks %q", w)
		}
	}

	// One invitee stands on the line of "kính mời:"; without chủ trì and
	// lưu ý the địa điểm line ends the text with "./."; a Kính gửi is
	// printed when given.
	dir := copyWorkspace(t, formsDir)
	edit(t, dir, "giay-moi.toml", `thanh_phan = [
  "Đồng chí Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã",
  "Các đồng chí Phó Chủ tịch Ủy ban nhân dân xã",
  "Trưởng các thôn trên địa bàn xã",
]`, `thanh_phan = ["Ông Nguyễn Văn An, Trưởng thôn Tân Mỹ"]
kinh_gui = ["Ông Nguyễn Văn An, Trưởng thôn Tân Mỹ"]`)
	edit(t, dir, "giay-moi.toml", `chu_tri = "Đồng chí Lê Văn Thành, Chủ tịch Ủy ban nhân dân xã"`, "")
	edit(t, dir, "giay-moi.toml", `luu_y = [
  "Tài liệu hội nghị được gửi qua Hệ thống quản lý văn bản và điều hành của xã",
  "Đề nghị các đồng chí bố trí thời gian tham dự đầy đủ, đúng giờ",
]`, "")
	all, _, res = text(t, dir, "giay-moi")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	for _, w := range []string{
		"Kính gửi: Ông Nguyễn Văn An, Trưởng thôn Tân Mỹ",
		"trân trọng kính mời: Ông Nguyễn Văn An, Trưởng thôn Tân Mỹ Tới dự Hội nghị",
		"Thời gian: 08 giờ 00 phút, ngày 15 tháng 5 năm 2026. Địa điểm: Hội trường Ủy ban nhân dân xã Vạn Ninh./. Nơi nhận:",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("variant lacks %q:\n%s", w, all)
		}
	}
	if strings.Contains(all, "Chủ trì") || strings.Contains(all, " - Ông") {
		t.Errorf("variant reads:\n%s", all)
	}
}

// TestForms_NewStarters: `vanban new` prints a starter for each new form
// that builds, with a `vanban new ho-so` profile, to PDF and DOCX without
// an error.
func TestForms_NewStarters(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(t, "new", "ho-so")
	if code != exitOK {
		t.Fatalf("new ho-so: exit %d: %s", code, errs)
	}
	os.WriteFile(filepath.Join(dir, ProfileName), []byte(out), 0o644)
	for _, f := range forms {
		code, out, errs := cli(t, "new", f.name)
		if code != exitOK || !strings.Contains(out, `mau = "`+f.name+`"`) {
			t.Fatalf("new %s: exit %d: %s%s", f.name, code, out, errs)
		}
		os.WriteFile(filepath.Join(dir, f.name+".toml"), []byte(out), 0o644)
	}
	if code, _, errs := cli(t, "build", "-o", filepath.Join(dir, "out"), dir); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, errs)
	}
	for _, f := range forms {
		for _, ext := range []string{".pdf", ".docx"} {
			if _, err := os.Stat(filepath.Join(dir, "out", f.name+ext)); err != nil {
				t.Error(err)
			}
		}
		res := buildIn(t, dir, f.name)
		if res.Diags.HasErrors() {
			t.Errorf("%s: %v", f.name, res.Diags)
			continue
		}
		if all := strings.Join(words(strings.Join(pdfPages(t, res.PDF), " ")), " "); !strings.Contains(all, f.title) ||
			!strings.Contains(all, "/"+f.code+"-UBND") {
			t.Errorf("%s starter reads: %.300s", f.name, all)
		}
	}
}
