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

// forms are the templates of formsDir with the tên loại they print and
// the ký hiệu "CODE-ISSUER" of Phụ lục III (Phần I, table of
// abbreviations), and the text each sample must read as in PDF and DOCX:
// every structured field in its sentence of the decree's sample.
var forms = []struct {
	name, title, code, issuer string
	want                      []string
}{
	{"thong-bao", "THÔNG BÁO", "TB", "UBND", nil},
	{"chuong-trinh", "CHƯƠNG TRÌNH", "CTr", "UBND", nil},
	{"huong-dan", "HƯỚNG DẪN", "HD", "UBND", nil},
	{"phuong-an", "PHƯƠNG ÁN", "PA", "UBND", nil},
	{"de-an", "ĐỀ ÁN", "ĐA", "UBND", nil},
	{"quy-che", "QUY CHẾ", "QC", "UBND", nil},
	{"giay-moi", "GIẤY MỜI", "GM", "UBND", nil},
	{"nghi-quyet", "NGHỊ QUYẾT", "NQ", "HĐND", []string{
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
	{"cong-dien", "CÔNG ĐIỆN", "CĐ", "UBND", []string{
		"CÔNG ĐIỆN Về việc chủ động ứng phó với bão số 13 " +
			"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VẠN NINH điện: " +
			"- Ban Chỉ huy Phòng thủ dân sự xã; " +
			"- Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã; " +
			"- Trưởng các thôn trên địa bàn xã. " +
			"Theo tin của Trung tâm Dự báo khí tượng thủy văn quốc gia",
		"trước 17 giờ 00 hằng ngày./. Nơi nhận:",
	}},
	{"giay-gioi-thieu", "GIẤY GIỚI THIỆU", "GGT", "UBND", []string{
		"Ủy ban nhân dân xã Vạn Ninh trân trọng giới thiệu: " +
			"Ông (bà) Nguyễn Văn An " +
			"Chức vụ: Công chức Văn phòng - Thống kê, Ủy ban nhân dân xã Vạn Ninh " +
			"Được cử đến: Sở Nội vụ tỉnh Khánh Hòa " +
			"Về việc: Liên hệ công tác về hồ sơ đề nghị khen thưởng năm 2026 của xã Vạn Ninh " +
			"Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ. " +
			"Giấy này có giá trị đến hết ngày 31 tháng 5 năm 2026./. Nơi nhận:",
	}},
	{"giay-nghi-phep", "GIẤY NGHỈ PHÉP", "GNP", "UBND", []string{
		"Xét Đơn đề nghị nghỉ phép ngày 04 tháng 5 năm 2026 của ông (bà) Nguyễn Thị Bình, " +
			"Ủy ban nhân dân xã Vạn Ninh cấp cho: " +
			"Ông (bà): Nguyễn Thị Bình " +
			"Chức vụ: Công chức Tài chính - Kế toán, Ủy ban nhân dân xã Vạn Ninh " +
			"Được nghỉ phép trong thời gian 05 ngày kể từ ngày 11 tháng 5 năm 2026 " +
			"đến hết ngày 15 tháng 5 năm 2026 tại xã Vạn Thắng, tỉnh Khánh Hòa. " +
			"Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ hằng năm có hưởng lương năm 2026./. Nơi nhận:",
	}},
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
			if want := "Số: /" + f.code + "-" + f.issuer + " Vạn Ninh, ngày"; !strings.Contains(all, want) {
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
			d := strings.Join(words(docxText(t, res.DOCX)), " ")
			if !strings.Contains(d, f.title) || !strings.Contains(d, "/"+f.code+"-"+f.issuer) {
				t.Errorf("DOCX lacks %q or /%s-%s", f.title, f.code, f.issuer)
			}
			for _, w := range f.want {
				if !strings.Contains(all, w) {
					t.Errorf("PDF lacks %q:\n%s", w, all)
				}
				// The body's sentences, without the "Nơi nhận:" that
				// follows them in the PDF only.
				if w = strings.TrimSuffix(w, " Nơi nhận:"); !strings.Contains(d, w) {
					t.Errorf("DOCX lacks %q:\n%s", w, d)
				}
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
		// The starter's profile is a UBND's: the symbol ends in "-UBND".
		if all := strings.Join(words(strings.Join(pdfPages(t, res.PDF), " ")), " "); !strings.Contains(all, f.title) ||
			!strings.Contains(all, "/"+f.code+"-UBND") {
			t.Errorf("%s starter reads: %.300s", f.name, all)
		}
	}
}

// TestForms_OptionalUnit: without don_vi the chức vụ line ends at the chức vụ,
// with no dangling comma, in the giấy giới thiệu and the giấy nghỉ phép.
func TestForms_OptionalUnit(t *testing.T) {
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
