package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"vanban/internal/engine"

	"vanban/internal/model"
	"vanban/internal/testutil"
)

// copyWorkspace copies a sample workspace into a temporary folder.
func copyWorkspace(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(src, "*.toml"))
	for _, n := range names {
		os.WriteFile(filepath.Join(dir, filepath.Base(n)), mustRead(t, n), 0o644)
	}
	return dir
}

// edit replaces old by new once in a workspace file.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b := string(mustRead(t, p))
	if !strings.Contains(b, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	os.WriteFile(p, []byte(strings.Replace(b, old, new, 1)), 0o644)
}

// text builds one document of a workspace and returns its PDF text (words
// joined by single spaces), its pages and its diagnostics.
func text(t *testing.T, dir, name string) (string, []string, engine.Result) {
	t.Helper()
	res := buildIn(t, dir, name)
	if res.Diags.HasErrors() {
		return "", nil, res
	}
	pages := pdfPages(t, res.PDF)
	return strings.Join(words(strings.Join(pages, " ")), " "), pages, res
}

func TestToTrinh_CountsListAppendix(t *testing.T) {
	all, pages, res := text(t, sampleDir, "to-trinh-khen-thuong")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	for _, want := range []string{
		"Kính gửi: Chủ tịch Ủy ban nhân dân thị trấn Vạn Giã",
		"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023",
		"Căn cứ Kế hoạch số /KH-UBND ngày /5/2024 của Ủy ban nhân dân thị trấn Vạn Giã về việc phát động phong trào",
		"- Tặng Giấy khen cho 04 tập thể và 16 cá nhân.",
		"Kính trình Chủ tịch Ủy ban nhân dân thị trấn Vạn Giã xem xét, quyết định./.",
		"Nơi nhận: - Như trên; - Thành viên",
		"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG (Kèm theo Tờ trình số /TTr-HĐTĐKT ngày 18 tháng 11 năm 2024 của Hội đồng Thi đua - Khen thưởng thị trấn Vạn Giã)",
		"I. TẬP THỂ", "II. CÁ NHÂN", "16 Mai Xuân Trường",
		"Danh sách có 04 tập thể và 16 cá nhân./.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(all, "152/2025") {
		t.Error("a 2024 document cites NĐ 152/2025")
	}
	// The list is landscape, on its own pages numbered from 1: its first
	// page has no number, its second starts with "2".
	path := filepath.Join(t.TempDir(), "tt.pdf")
	os.WriteFile(path, res.PDF, 0o644)
	info := testutil.Run(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(res.Pages), path)
	if !regexp.MustCompile(`Page +1 size: +595.28 x 841.89`).MatchString(info) || !regexp.MustCompile(`Page +2 size: +841.89 x 595.28`).MatchString(info) {
		t.Errorf("page sizes:\n%s", info)
	}
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	if w := words(pages[1]); w[0] != "DANH" {
		t.Errorf("list page 1 starts with %q", w[0])
	}
	if w := words(pages[2]); w[0] != "2" || w[1] != "STT" {
		t.Errorf("list page 2 starts with %q %q, want its number 2 and the repeated header", w[0], w[1])
	}
}

// Changing one nominee changes the list and nothing else; adding one
// changes the counts in the body and the list, in the proposal and in the
// decision that inherits its list, and the report's stated count no longer
// agrees.
func TestNominee_ChangeTravels(t *testing.T) {
	before, _, _ := text(t, sampleDir, "to-trinh-khen-thuong")
	dir := copyWorkspace(t, sampleDir)
	edit(t, dir, "to-trinh-khen-thuong.toml", `ho_ten = "Trần Văn Bình"`, `ho_ten = "Trần Văn Bảo"`)
	after, _, _ := text(t, dir, "to-trinh-khen-thuong")
	if strings.Replace(before, "Trần Văn Bình", "Trần Văn Bảo", 1) != after {
		t.Error("renaming one nominee changed more than the name")
	}

	edit(t, dir, "to-trinh-khen-thuong.toml", "[[ca_nhan]]", "[[ca_nhan]]\nho_ten = \"Võ Văn Mới\"\nchuc_vu = \"Công chức Văn phòng - Thống kê\"\nhinh_thuc = \"Giấy khen\"\nthanh_tich = \"Hoàn thành xuất sắc nhiệm vụ\"\n\n[[ca_nhan]]")
	tt, _, _ := text(t, dir, "to-trinh-khen-thuong")
	qd, _, _ := text(t, dir, "quyet-dinh-khen-thuong")
	for name, s := range map[string]string{"tờ trình": tt, "quyết định": qd} {
		if !strings.Contains(s, "04 tập thể và 17 cá nhân") || !strings.Contains(s, "Danh sách có 04 tập thể và 17 cá nhân./.") || !strings.Contains(s, "Võ Văn Mới") {
			t.Errorf("%s does not show the new nominee in its counts and list", name)
		}
	}
	_, _, bc := text(t, dir, "bao-cao-ket-qua")
	if !has(bc.Diags, "D019") {
		t.Errorf("report with 16 for a list of 17: %v", bc.Diags)
	}
}

func has(l interface{ Error() string }, code string) bool {
	return strings.Contains(l.Error(), "["+code+"]")
}

// Once the plan has its number and date, the documents citing it show them
// and no longer warn.
func TestCitation_AssignedNumberShows(t *testing.T) {
	dir := copyWorkspace(t, sampleDir)
	edit(t, dir, "ke-hoach.toml", `so = ""`, `so = 12`)
	edit(t, dir, "ke-hoach.toml", `ngay = "2024-05"`, `ngay = "2024-05-08"`)
	for _, name := range []string{"to-trinh-khen-thuong", "bao-cao-ket-qua"} {
		s, _, res := text(t, dir, name)
		if !strings.Contains(s, "Kế hoạch số 12/KH-UBND ngày 08/5/2024 của Ủy ban nhân dân thị trấn Vạn Giã") {
			t.Errorf("%s does not cite the assigned number", name)
		}
		for _, d := range res.Diags {
			if d.Code == "F005" && strings.Contains(d.Msg, `"ke-hoach"`) {
				t.Errorf("%s still warns: %v", name, d)
			}
		}
	}
	_, _, res := text(t, sampleDir, "to-trinh-khen-thuong")
	if !has(res.Diags, "F005") {
		t.Error("no warning while the plan waits for its number")
	}
}

func TestCitation_Errors(t *testing.T) {
	dir := copyWorkspace(t, sampleDir)
	edit(t, dir, "to-trinh-khen-thuong.toml", `ke_hoach = "ke-hoach"`, `ke_hoach = "ke-hoach-cu"`)
	_, _, res := text(t, dir, "to-trinh-khen-thuong")
	if !has(res.Diags, "D014") || !strings.Contains(res.Diags.Error(), "to-trinh-khen-thuong.toml:13:12") {
		t.Errorf("unknown citation: %v", res.Diags)
	}

	// The proposal cites the decision that cites the proposal.
	dir = copyWorkspace(t, sampleDir)
	edit(t, dir, "to-trinh-khen-thuong.toml", `ke_hoach = "ke-hoach"`, `ke_hoach = "quyet-dinh-khen-thuong"`)
	_, _, res = text(t, dir, "to-trinh-khen-thuong")
	if !has(res.Diags, "D015") || !strings.Contains(res.Diags.Error(), "to-trinh-khen-thuong → quyet-dinh-khen-thuong → to-trinh-khen-thuong") {
		t.Errorf("circular citation: %v", res.Diags)
	}
	dir = copyWorkspace(t, sampleDir)
	edit(t, dir, "bao-cao-ket-qua.toml", `ke_hoach = "ke-hoach"`, `ke_hoach = "bao-cao-ket-qua"`)
	if _, _, res = text(t, dir, "bao-cao-ket-qua"); !has(res.Diags, "D015") {
		t.Errorf("self citation: %v", res.Diags)
	}
}

func TestAwardChecks(t *testing.T) {
	cases := []struct {
		name, file, old, new, code string
	}{
		{"district-level-title-in-2024", "to-trinh-khen-thuong.toml", `hinh_thuc = "Giấy khen"`, `hinh_thuc = "Tập thể lao động tiên tiến"`, "D018"},
		{"unknown-award", "to-trinh-khen-thuong.toml", `hinh_thuc = "Giấy khen"`, `hinh_thuc = "Giấy khen đặc biệt"`, "D017"},
		{"duplicate", "to-trinh-khen-thuong.toml", `ho_ten = "Trần Văn Bình"`, `ho_ten = "Nguyễn Thị Thu Hà"`, ""},
		{"deadline-before-issue", "ke-hoach-thi-dua.toml", `han_bao_cao = "2024-11-15"`, `han_bao_cao = "2024-04-15"`, "F006"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyWorkspace(t, sampleDir)
			edit(t, dir, c.file, c.old, c.new)
			_, _, res := text(t, dir, strings.TrimSuffix(c.file, ".toml"))
			code := c.code
			if code == "" {
				// Same name, but a different position: not the same person.
				if has(res.Diags, "D016") {
					t.Errorf("two people of one name but different posts are not duplicates: %v", res.Diags)
				}
				edit(t, dir, c.file, `chuc_vu = "Công chức Tư pháp - Hộ tịch"`, `chuc_vu = "Công chức Văn phòng - Thống kê"`)
				_, _, res = text(t, dir, strings.TrimSuffix(c.file, ".toml"))
				code = "D016"
			}
			if !has(res.Diags, code) {
				t.Errorf("no %s: %v", code, res.Diags)
			}
		})
	}
	// After the reform the commune grants the same title.
	dir := copyWorkspace(t, sampleDir)
	edit(t, dir, "to-trinh-khen-thuong.toml", `hinh_thuc = "Giấy khen"`, `hinh_thuc = "Tập thể lao động tiên tiến"`)
	edit(t, dir, "to-trinh-khen-thuong.toml", `ngay = "2024-11-18"`, `ngay = "2025-07-18"`)
	edit(t, dir, "to-trinh-khen-thuong.toml", `noi_nhan = [`, `noi_nhan = ["Phòng Nội vụ huyện Vạn Ninh", `)
	s, _, res := text(t, dir, "to-trinh-khen-thuong")
	if res.Diags.HasErrors() {
		t.Fatalf("after 01/7/2025: %v", res.Diags)
	}
	if !strings.Contains(s, "Nghị định số 152/2025/NĐ-CP") || strings.Contains(s, "98/2023") {
		t.Error("a document of July 2025 must cite NĐ 152/2025, not NĐ 98/2023")
	}
	if !strings.Contains(s, "Tặng danh hiệu Tập thể lao động tiên tiến cho 01 tập thể") {
		t.Error("titles are granted as \"danh hiệu …\"")
	}
	if !has(res.Diags, "F007") {
		t.Errorf("no warning for a district name after the reform: %v", res.Diags)
	}
}

// The 2025 set of a commune of the two-level government builds, cites
// NĐ 152/2025 and no district.
func TestSet2025(t *testing.T) {
	dir := "../../testdata/van-ninh-2025"
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"check", dir}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errb.String())
	}
	s, _, _ := text(t, dir, "quyet-dinh-khen-thuong")
	for _, want := range []string{"Căn cứ Nghị định số 152/2025/NĐ-CP", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VẠN NINH", "Tặng danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(strings.ToLower(s), "huyện") {
		t.Error("a 2025 commune document names a district")
	}
	s, _, _ = text(t, dir, "ke-hoach-thi-dua")
	if !strings.Contains(s, "kỷ niệm 80 năm ngày thành lập Bộ Nội vụ") {
		t.Error("80 years of the Ministry in 2025")
	}
	// A công văn (Mẫu 1.5): the type is not printed, "V/v …" stands under
	// the number, whose symbol is issuer-unit.
	s, _, _ = text(t, dir, "cong-van")
	if !strings.Contains(s, "Số: /UBND-VP V/v đăng ký danh hiệu thi đua") || strings.Contains(s, "CÔNG VĂN") ||
		!strings.Contains(s, "Kính gửi: Sở Nội vụ tỉnh Khánh Hòa") {
		t.Errorf("công văn reads: %.300s", s)
	}
}

// Files saved by Windows Notepad: CRLF line ends and a UTF-8 byte-order
// mark give the same document as the original.
func TestWindowsNotepadFiles(t *testing.T) {
	dir := copyWorkspace(t, sampleDir)
	for _, name := range []string{ProfileName, "ke-hoach.toml", "to-trinh-khen-thuong.toml"} {
		p := filepath.Join(dir, name)
		b := strings.ReplaceAll(string(mustRead(t, p)), "\n", "\r\n")
		os.WriteFile(p, []byte("\uFEFF"+b), 0o644)
	}
	for _, name := range []string{"ke-hoach", "to-trinh-khen-thuong"} {
		want := buildSample(t, name)
		got := buildIn(t, dir, name)
		if got.Diags.HasErrors() {
			t.Fatalf("%s: %v", name, got.Diags)
		}
		var a, b bytes.Buffer
		model.Dump(&a, want.Doc)
		model.Dump(&b, got.Doc)
		if a.String() != b.String() {
			t.Errorf("%s: CRLF and BOM change the document:\n%s", name, b.String())
		}
	}
}
