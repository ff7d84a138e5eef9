package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/diag"
)

// forms2 are the templates of formsDir for the remaining forms of NĐ 30
// Phụ lục III (Mẫu 1.1, 1.6, 1.8, 1.10): the tên loại and the ký hiệu
// "TYPE-ISSUER" they must print, and the text each sample must read as,
// every structured field in its sentence of the decree's sample.
var forms2 = []struct {
	name, title, symbol string
	want                []string
}{
	{"nghi-quyet", "NGHỊ QUYẾT", "NQ-HĐND", []string{
		"NGHỊ QUYẾT Về Chương trình giám sát năm 2027 của Hội đồng nhân dân xã Vạn Ninh " +
			"HỘI ĐỒNG NHÂN DÂN XÃ VẠN NINH " +
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; " +
			"Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015; " +
			"Xét Tờ trình số 45/TTr-HĐND",
		"ý kiến thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp. QUYẾT NGHỊ: " +
			"Điều 1. Thông qua Chương trình giám sát năm 2027",
		"Điều 2. Tổ chức thực hiện",
		"có hiệu lực từ ngày thông qua./. Nơi nhận:",
		"TM. HỘI ĐỒNG NHÂN DÂN",
		"CHỦ TỊCH",
		"Trần Văn Hòa",
	}},
	{"cong-dien", "CÔNG ĐIỆN", "CĐ-UBND", []string{
		"CÔNG ĐIỆN Về việc chủ động ứng phó với bão số 13 " +
			"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VẠN NINH điện: " +
			"- Ban Chỉ huy Phòng thủ dân sự xã; " +
			"- Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã; " +
			"- Trưởng các thôn trên địa bàn xã. " +
			"Theo tin của Trung tâm Dự báo khí tượng thủy văn quốc gia",
		"trước 17 giờ 00 hằng ngày./. Nơi nhận:",
	}},
	{"giay-gioi-thieu", "GIẤY GIỚI THIỆU", "GGT-UBND", []string{
		"Ủy ban nhân dân xã Vạn Ninh trân trọng giới thiệu: " +
			"Ông (bà) Nguyễn Văn An " +
			"Chức vụ: Công chức Văn phòng - Thống kê, Ủy ban nhân dân xã Vạn Ninh " +
			"Được cử đến: Sở Nội vụ tỉnh Khánh Hòa " +
			"Về việc: Liên hệ công tác về hồ sơ đề nghị khen thưởng năm 2026 của xã Vạn Ninh " +
			"Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ. " +
			"Giấy này có giá trị đến hết ngày 31 tháng 5 năm 2026./. Nơi nhận:",
	}},
	{"giay-nghi-phep", "GIẤY NGHỈ PHÉP", "GNP-UBND", []string{
		"Xét Đơn đề nghị nghỉ phép ngày 04 tháng 5 năm 2026 của ông (bà) Nguyễn Thị Bình, " +
			"Ủy ban nhân dân xã Vạn Ninh cấp cho: " +
			"Ông (bà): Nguyễn Thị Bình " +
			"Chức vụ: Công chức Tài chính - Kế toán, Ủy ban nhân dân xã Vạn Ninh " +
			"Được nghỉ phép trong thời gian 05 ngày kể từ ngày 11 tháng 5 năm 2026 " +
			"đến hết ngày 15 tháng 5 năm 2026 tại xã Vạn Thắng, tỉnh Khánh Hòa. " +
			"Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ hằng năm có hưởng lương năm 2026./. Nơi nhận:",
	}},
}

// TestForms2_SamplesBuild: every sample builds to PDF and DOCX with no
// diagnostic but the missing number; the PDF shows the tên loại in
// capitals on its own line under the date, the number line with the
// type's ký hiệu, and every field in the decree's wording; the DOCX holds
// the same words.
func TestForms2_SamplesBuild(t *testing.T) {
	if code, _, errs := cli(t, "check", formsDir); code != exitOK {
		t.Fatalf("check: exit %d\n%s", code, errs)
	}
	for _, f := range forms2 {
		t.Run(f.name, func(t *testing.T) {
			all, pages, res := text(t, formsDir, f.name)
			for _, d := range res.Diags {
				if d.Code != diag.CodeNoNumber {
					t.Fatal(res.Diags)
				}
			}
			if len(res.PDF) == 0 || len(res.DOCX) == 0 {
				t.Fatalf("PDF %d bytes, DOCX %d bytes", len(res.PDF), len(res.DOCX))
			}
			if want := "Số: /" + f.symbol + " Vạn Ninh, ngày"; !strings.Contains(all, want) {
				t.Errorf("no %q in %.200s", want, all)
			}
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
			for _, w := range f.want {
				if !strings.Contains(all, w) {
					t.Errorf("PDF lacks %q:\n%s", w, all)
				}
			}
			d := strings.Join(words(docxText(t, res.DOCX)), " ")
			if !strings.Contains(d, f.title) || !strings.Contains(d, "/"+f.symbol) {
				t.Errorf("DOCX lacks %q or /%s", f.title, f.symbol)
			}
			// The body's sentences, without the "Nơi nhận:" that follows
			// them in the PDF only.
			for _, w := range f.want {
				w = strings.TrimSuffix(w, " Nơi nhận:")
				if !strings.Contains(d, w) {
					t.Errorf("DOCX lacks %q:\n%s", w, d)
				}
			}
		})
	}
}

// TestForms2_Optional: without don_vi the chức vụ line ends at the chức vụ,
// with no dangling comma, in the giấy giới thiệu and the giấy nghỉ phép.
func TestForms2_Optional(t *testing.T) {
	dir := copyWorkspace(t, formsDir)
	edit(t, dir, "giay-gioi-thieu.toml", `don_vi = "Ủy ban nhân dân xã Vạn Ninh"`, "")
	edit(t, dir, "giay-nghi-phep.toml", `don_vi = "Ủy ban nhân dân xã Vạn Ninh"`, "")
	for name, want := range map[string]string{
		"giay-gioi-thieu": "Chức vụ: Công chức Văn phòng - Thống kê Được cử đến:",
		"giay-nghi-phep":  "Chức vụ: Công chức Tài chính - Kế toán Được nghỉ phép",
	} {
		all, _, res := text(t, dir, name)
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags)
		}
		if !strings.Contains(all, want) {
			t.Errorf("%s lacks %q:\n%s", name, want, all)
		}
	}
}

// TestForms2_NewStarters: `vanban new` prints a starter for each form that
// builds, with a `vanban new ho-so` profile, to PDF and DOCX without an
// error.
func TestForms2_NewStarters(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(t, "new", "ho-so")
	if code != exitOK {
		t.Fatalf("new ho-so: exit %d: %s", code, errs)
	}
	os.WriteFile(filepath.Join(dir, ProfileName), []byte(out), 0o644)
	for _, f := range forms2 {
		code, out, errs := cli(t, "new", f.name)
		if code != exitOK || !strings.Contains(out, `mau = "`+f.name+`"`) {
			t.Fatalf("new %s: exit %d: %s%s", f.name, code, out, errs)
		}
		os.WriteFile(filepath.Join(dir, f.name+".toml"), []byte(out), 0o644)
	}
	if code, _, errs := cli(t, "build", "-o", filepath.Join(dir, "out"), dir); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, errs)
	}
	for _, f := range forms2 {
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
		// The starter's profile is a UBND's: the symbol ends in "-UBND".
		code := strings.SplitN(f.symbol, "-", 2)[0]
		if all := strings.Join(words(strings.Join(pdfPages(t, res.PDF), " ")), " "); !strings.Contains(all, f.title) ||
			!strings.Contains(all, "/"+code+"-UBND") {
			t.Errorf("%s starter reads: %.300s", f.name, all)
		}
	}
}
