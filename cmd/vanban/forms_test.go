package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/testutil"
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
	{"bien-ban", "BIÊN BẢN", "BB", "UBND", []string{
		"BIÊN BẢN Họp Hội đồng Thi đua - Khen thưởng xã xét đề nghị khen thưởng 6 tháng đầu năm 2026 " +
			"Thời gian bắt đầu: 08 giờ 00 phút, ngày 15 tháng 5 năm 2026. " +
			"Địa điểm: Phòng họp Ủy ban nhân dân xã Vạn Ninh. " +
			"Thành phần tham dự: " +
			"- Đồng chí Lê Văn Thành, Chủ tịch Ủy ban nhân dân xã, Chủ tịch Hội đồng; ",
		"(có mặt 09/09 thành viên). Chủ trì (chủ tọa): Đồng chí Lê Văn Thành,",
		"Thư ký (người ghi biên bản): Nguyễn Văn An, Công chức Văn phòng - Thống kê, thư ký Hội đồng. " +
			"Nội dung (theo diễn biến cuộc họp): Đồng chí chủ trì nêu mục đích",
		"Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 15 tháng 5 năm 2026./.",
	}},
	{"quyet-dinh-ban-hanh", "QUYẾT ĐỊNH", "QĐ", "UBND", []string{
		"QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã Vạn Ninh nhiệm kỳ 2026 - 2031.",
		"chịu trách nhiệm thi hành Quyết định này./. Nơi nhận:",
		// The Quy chế on its own pages: header, tên loại, trích yếu,
		// "(Kèm theo …)" naming the decision, its chapters, the signature.
		"ỦY BAN NHÂN DÂN XÃ VẠN NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc " +
			"QUY CHẾ Làm việc của Ủy ban nhân dân xã Vạn Ninh nhiệm kỳ 2026 - 2031 " +
			"(Kèm theo Quyết định số /QĐ-UBND ngày 12 tháng 01 năm 2026 của Ủy ban nhân dân xã Vạn Ninh) " +
			"Chương I QUY ĐỊNH CHUNG Điều 1. Phạm vi điều chỉnh",
		"bổ sung cho phù hợp./. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Văn Thành",
	}},
	// Báo cáo thành tích (NĐ 98/2023 Mẫu số 01–02; NĐ 152/2025): no
	// number, no Nơi nhận; the unit's head (the level that proposes) left,
	// the reporter (the unit's head) right.
	{"bao-cao-thanh-tich-ca-nhan", "BÁO CÁO THÀNH TÍCH", "BC", "UBND", []string{
		"BÁO CÁO THÀNH TÍCH Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Vạn Ninh I. SƠ LƯỢC LÝ LỊCH " +
			"- Họ và tên: Nguyễn Văn An; giới tính: Nam. - Sinh ngày: 12/3/1988.",
		"II. THÀNH TÍCH ĐẠT ĐƯỢC 1. Quyền hạn, nhiệm vụ được giao",
		"III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG 1. Danh hiệu thi đua",
		"THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ", "NGƯỜI BÁO CÁO THÀNH TÍCH",
	}},
	{"bao-cao-thanh-tich-tap-the", "BÁO CÁO THÀNH TÍCH", "BC", "MNVN", []string{
		"Tên tập thể: Trường Mầm non Vạn Ninh I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH 1. Đặc điểm, tình hình",
		"III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG 1. Danh hiệu thi đua",
		"XÁC NHẬN CỦA CẤP", "HIỆU TRƯỞNG", "Trần Thị Mai",
	}},
}

// unnumbered are the forms printed without "Số, ký hiệu" and without
// Nơi nhận (khong_so, khong_noi_nhan): the báo cáo thành tích.
var unnumbered = map[string]bool{"bao-cao-thanh-tich-ca-nhan": true, "bao-cao-thanh-tich-tap-the": true}

// undated are the forms printed without the place and date line under
// the motto (Phụ lục III, Mẫu 1.9): their title follows the motto.
var undated = map[string]bool{"bien-ban": true}

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
			after := "Vạn Ninh, ngày"
			if undated[f.name] {
				after = "Hạnh phúc"
				if strings.Contains(all, "Vạn Ninh, ngày") {
					t.Errorf("%s prints a place and date line: %.300s", f.name, all)
				}
			} else if unnumbered[f.name] {
				if strings.Contains(all, "Số:") || strings.Contains(all, "Nơi nhận") || strings.Contains(all, "Lưu:") {
					t.Errorf("%s prints a number or Nơi nhận:\n%s", f.name, all)
				}
			} else if want := "Số: /" + f.code + "-" + f.issuer + " Vạn Ninh, ngày"; !strings.Contains(all, want) {
				t.Errorf("no %q in %.200s", want, all)
			}
			if want := "Số: /" + f.code + "-" + f.issuer; !unnumbered[f.name] && !strings.Contains(all, want) {
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
			if at < 0 || !strings.Contains(strings.Join(lines[:at], " "), after) {
				t.Errorf("title %q not on its own line after %q:\n%s", f.title, after, pages[0])
			}
			d := strings.Join(words(docxText(t, res.DOCX)), " ")
			if !strings.Contains(d, f.title) || !unnumbered[f.name] && !strings.Contains(d, "/"+f.code+"-"+f.issuer) {
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
			!unnumbered[f.name] && !strings.Contains(all, "/"+f.code+"-UBND") {
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

// TestForms_BienBan: the two signatures of Mẫu 1.9 stand side by side,
// the thư ký left and the chủ tọa right, titles on one line and names on
// one line; Nơi nhận follows under them; the header has no date line.
func TestForms_BienBan(t *testing.T) {
	res := buildIn(t, formsDir, "bien-ban")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	pdf := filepath.Join(t.TempDir(), "bien-ban.pdf")
	os.WriteFile(pdf, res.PDF, 0o644)
	pages := strings.Split(testutil.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"), "\f")
	last := pages[len(pages)-2] // the text ends with a form feed
	titles, names, label := -1, -1, -1
	lines := strings.Split(last, "\n")
	for i, l := range lines {
		f := strings.Join(strings.Fields(l), " ")
		switch {
		case f == "THƯ KÝ CHỦ TỌA":
			titles = i
		case f == "Nguyễn Văn An Lê Văn Thành":
			names = i
		case strings.HasPrefix(f, "Nơi nhận:"):
			label = i
		}
	}
	if titles < 0 || names <= titles || label <= names {
		t.Errorf("signatures not side by side above Nơi nhận (titles %d, names %d, label %d):\n%s", titles, names, label, last)
	}
	// The thư ký's title starts left of the middle of the line, the chủ
	// tọa's right of it.
	if titles >= 0 {
		l := lines[titles]
		if a, b := strings.Index(l, "THƯ KÝ"), strings.Index(l, "CHỦ TỌA"); a < 0 || b < 0 || a > len(l)/2 || b < len(l)/2 {
			t.Errorf("titles misplaced: %q", l)
		}
	}
	d := strings.Join(words(docxText(t, res.DOCX)), " ")
	for _, w := range []string{"THƯ KÝ", "Nguyễn Văn An", "CHỦ TỌA", "Lê Văn Thành", "Nơi nhận:", "- Lưu: VT, Hồ sơ."} {
		if !strings.Contains(d, w) {
			t.Errorf("DOCX lacks %q", w)
		}
	}
}

// TestForms_DocxFidelity: LibreOffice's rendering of the DOCX of each form
// of formsDir, and of Biên bản variants whose signatures meet every kind
// of page break and whose Nơi nhận list runs over a page, matches our PDF
// (as TestSamples_DocxFidelity: the same pages, words within 1 mm).
func TestForms_DocxFidelity(t *testing.T) {
	bin := soffice(t)
	testutil.Tool(t, "pdftotext")
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var names []string
	add := func(name string, j engine.Job) {
		res, err := eng.Build(j, true)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", name, err, res.Diags)
		}
		os.WriteFile(filepath.Join(dir, name+".pdf"), res.PDF, 0o644)
		os.WriteFile(filepath.Join(dir, name+".docx"), res.DOCX, 0o644)
		names = append(names, name)
	}
	for _, f := range forms {
		add(f.name, engine.Job{Dir: formsDir, Name: f.name + ".toml"})
	}
	ws := copyWorkspace(t, formsDir)
	base := string(mustRead(t, filepath.Join(formsDir, "bien-ban.toml")))
	const end = "Biên bản được thông qua tại cuộc họp"
	for i := 1; i <= 8; i++ {
		// Page 2 fills up until the signatures, then Nơi nhận, go over.
		extra := strings.Repeat("Ý kiến bổ sung của thành viên Hội đồng được ghi đầy đủ vào biên bản. ", 32+2*i)
		doc := strings.Replace(base, end, extra+"\n\n"+end, 1)
		name := "bien-ban-" + strconv.Itoa(i)
		os.WriteFile(filepath.Join(ws, name+".toml"), []byte(doc), 0o644)
		add(name, engine.Job{Dir: ws, Name: name + ".toml"})
	}
	// The Quy chế of a Quyết định ban hành (Mẫu 1.3): a paragraph before
	// its last one grows until the signature, then the last paragraph's
	// end, go to a new page.
	qd := string(mustRead(t, filepath.Join(formsDir, "quyet-dinh-ban-hanh.toml")))
	const qdEnd = "Thành viên Ủy ban nhân dân xã, công chức và người lao động"
	for i := 1; i <= 8; i++ {
		extra := strings.Repeat("Các cơ quan, đơn vị thực hiện nghiêm các quy định của Quy chế này. ", 28+3*i)
		doc := strings.Replace(qd, qdEnd, extra+"\n\n"+qdEnd, 1)
		name := "quyet-dinh-ban-hanh-" + strconv.Itoa(i)
		os.WriteFile(filepath.Join(ws, name+".toml"), []byte(doc), 0o644)
		add(name, engine.Job{Dir: ws, Name: name + ".toml"})
	}
	// The báo cáo thành tích, whose two signatures stand without Nơi
	// nhận: the achievements grow until the signatures, then the last
	// table, go to a new page.
	for _, kind := range []string{"bao-cao-thanh-tich-ca-nhan", "bao-cao-thanh-tich-tap-the"} {
		src := string(mustRead(t, filepath.Join(formsDir, kind+".toml")))
		const anchor = `thanh_tich = """
`
		for i := 1; i <= 6; i++ {
			extra := strings.Repeat("Đơn vị hoàn thành các chỉ tiêu được giao đúng tiến độ, bảo đảm chất lượng. ", 20+3*i)
			doc := strings.Replace(src, anchor, anchor+extra+"\n\n", 1)
			name := kind + "-" + strconv.Itoa(i)
			os.WriteFile(filepath.Join(ws, name+".toml"), []byte(doc), 0o644)
			add(name, engine.Job{Dir: ws, Name: name + ".toml"})
		}
	}
	// The Giấy nghỉ phép with its confirmation block (Mẫu 1.10): the
	// place of leave grows until the signature block, then the block with
	// the confirmation under it, go to page 2; with a long Nơi nhận list
	// the block splits and the confirmation follows the list, whole.
	gnp := string(mustRead(t, filepath.Join(formsDir, "giay-nghi-phep.toml")))
	const gnpAt = `noi_nghi = "xã Vạn Thắng, tỉnh Khánh Hòa`
	for i := 1; i <= 6; i++ {
		extra := strings.Repeat(", thôn Tân Mỹ, xã Vạn Thắng, tỉnh Khánh Hòa", 2+4*i)
		name := "giay-nghi-phep-" + strconv.Itoa(i)
		os.WriteFile(filepath.Join(ws, name+".toml"), []byte(strings.Replace(gnp, gnpAt, gnpAt+extra, 1)), 0o644)
		add(name, engine.Job{Dir: ws, Name: name + ".toml"})
	}
	var gnpMany []string
	for i := 1; i <= 44; i++ {
		gnpMany = append(gnpMany, `"Phòng chuyên môn số `+strconv.Itoa(i)+`"`)
	}
	gnpLong := strings.Replace(gnp, `noi_nhan = ["Bà Nguyễn Thị Bình"]`, "noi_nhan = ["+strings.Join(gnpMany, ", ")+"]", 1)
	os.WriteFile(filepath.Join(ws, "giay-nghi-phep-noi-nhan-dai.toml"), []byte(gnpLong), 0o644)
	add("giay-nghi-phep-noi-nhan-dai", engine.Job{Dir: ws, Name: "giay-nghi-phep-noi-nhan-dai.toml"})

	pl := phuLucPair(t)
	add("thong-bao-hai-phu-luc", engine.Job{Dir: pl, Name: "thong-bao.toml"})
	var many []string
	for i := 1; i <= 40; i++ {
		many = append(many, `"Thành viên Hội đồng số `+strconv.Itoa(i)+`"`)
	}
	long := strings.Replace(base, `noi_nhan = ["Thành viên Hội đồng Thi đua - Khen thưởng xã"]`,
		"noi_nhan = ["+strings.Join(many, ", ")+"]", 1)
	os.WriteFile(filepath.Join(ws, "bien-ban-noi-nhan-dai.toml"), []byte(long), 0o644)
	add("bien-ban-noi-nhan-dai", engine.Job{Dir: ws, Name: "bien-ban-noi-nhan-dai.toml"})

	lo := libreOfficePDFs(t, bin, dir, names)
	compareFidelity(t, dir, lo, names)
}

// phuLucPair is the Thông báo sample with two phụ lục (Phụ lục I, III.1.a).
func phuLucPair(t *testing.T) string {
	t.Helper()
	dir := copyWorkspace(t, formsDir)
	edit(t, dir, "thong-bao.toml", "biết, liên hệ./.\n", `biết, liên hệ (lịch tại Phụ lục I, người tiếp tại Phụ lục II)./.

::: phu-luc
# Lịch tiếp công dân năm 2026

| Tháng | Ngày tiếp |
|:---:|---|
| 1 | 12 và 26 |
| 2 | 10 và 25 |

::: phu-luc ngang
# Danh sách người tiếp công dân

| STT | Họ và tên | Chức vụ |
|:---:|---|---|
| 1 | Lê Văn Thành | Chủ tịch Ủy ban nhân dân xã |
`)
	return dir
}

// TestForms_PhuLucNumbers: two phụ lục are numbered "Phụ lục I", "Phụ lục
// II" on a line of their own above each title (Phụ lục I, III.1.a–b); one
// is not (the Quyết định khen thưởng's list, whose golden is unchanged).
func TestForms_PhuLucNumbers(t *testing.T) {
	dir := phuLucPair(t)
	all, pages, res := text(t, dir, "thong-bao")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	for _, w := range []string{
		"Phụ lục I LỊCH TIẾP CÔNG DÂN NĂM 2026 (Kèm theo Thông báo số /TB-UBND ngày 20 tháng 4 năm 2026 của Ủy ban nhân dân xã Vạn Ninh)",
		"Phụ lục II DANH SÁCH NGƯỜI TIẾP CÔNG DÂN (Kèm theo Thông báo số",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("PDF lacks %q:\n%s", w, all)
		}
	}
	if n := len(pages); n < 3 {
		t.Errorf("%d pages: each phụ lục starts a page", n)
	}
	d := strings.Join(words(docxText(t, res.DOCX)), " ")
	if !strings.Contains(d, "Phụ lục I LỊCH TIẾP") || !strings.Contains(d, "Phụ lục II DANH SÁCH") {
		t.Errorf("DOCX lacks the numbers:\n%s", d)
	}
	// One phụ lục: no number line.
	all, _, res = text(t, sampleDir, "quyet-dinh-khen-thuong")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	if strings.Contains(all, "Phụ lục I") {
		t.Errorf("a single appendix is numbered:\n%s", all)
	}
}
