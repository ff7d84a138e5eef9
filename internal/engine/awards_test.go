package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/format"
	"vanban/internal/register"
)

// A Sở Nội vụ workspace, signed KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC, with no cap.
const soProfile = `luu = "VT, VP"

[co_quan]
chu_quan = ""
ten = ["ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "SỞ NỘI VỤ"]
viet_tat = "SNV"
dia_danh = "Khánh Hòa"
ten_day_du = "Sở Nội vụ tỉnh Khánh Hòa"

[nguoi_ky]
quyen_han = "KT."
thu_truong = "GIÁM ĐỐC"
chuc_vu = "PHÓ GIÁM ĐỐC"
ho_ten = "Trần Thị Lan"
`

const soDecision = `mau = "quyet-dinh-khen-thuong"
so = ""
ngay = "2025-12-10"
trich_yeu = "Về việc khen thưởng tập thể, cá nhân có thành tích trong công tác năm 2025"
tham_quyen = "GIÁM ĐỐC SỞ NỘI VỤ"
noi_nhan = ["Như Điều 3"]
to_trinh = { loai = "Tờ trình", so = "12/TTr-VP", ngay = "2025-12-05", co_quan = "Văn phòng Sở" }
de_nghi_cua = "Chánh Văn phòng Sở"
thanh_tich = "hoàn thành xuất sắc nhiệm vụ năm 2025"
tien_thuong = "Tiền thưởng thực hiện theo Nghị định số 152/2025/NĐ-CP."
thi_hanh = "Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ"

[[tap_the]]
ten = "Phòng Tổ chức cán bộ"
don_vi = "Sở Nội vụ"
hinh_thuc = "Tập thể lao động tiên tiến"
thanh_tich = "Hoàn thành tốt nhiệm vụ"

[[ca_nhan]]
ho_ten = "Nguyễn Văn An"
chuc_vu = "Chuyên viên Văn phòng Sở"
hinh_thuc = "Giấy khen"
thanh_tich = "Hoàn thành xuất sắc nhiệm vụ"
`

func buildIn(t *testing.T, files map[string]string, name string) engine.Result {
	t.Helper()
	dir := t.TempDir()
	for n, body := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	res, err := eng.Build(engine.Job{Dir: dir, Name: name}, false)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Issue 13: a Sở grants Giấy khen and Tập thể lao động tiên tiến with no
// cap workaround, and the list is "Kèm theo Quyết định … của Giám đốc Sở".
func TestAwards_DepartmentGrants(t *testing.T) {
	res := buildIn(t, map[string]string{"vanban.toml": soProfile, "qd.toml": soDecision}, "qd.toml")
	for _, d := range res.Diags {
		if d.Severity == diag.Error || d.Code == diag.CodeAwardLevel {
			t.Errorf("%v", d)
		}
	}
	if res.Doc == nil || len(res.Doc.Appendices) == 0 {
		t.Fatal("no document or no appendix")
	}
	line := format.AttachedLine(res.Doc)
	if !strings.HasSuffix(line, " của Giám đốc Sở Nội vụ tỉnh Khánh Hòa)") {
		t.Errorf("attached line %q", line)
	}
	// The same Sở may not grant a provincial Bằng khen: an error at the award.
	bad := strings.Replace(soDecision, `hinh_thuc = "Giấy khen"`, `hinh_thuc = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"`, 1)
	res = buildIn(t, map[string]string{"vanban.toml": soProfile, "qd.toml": bad}, "qd.toml")
	if len(res.Diags) == 0 || res.Diags[0].Code != diag.CodeAwardLevel || res.Diags[0].Pos.Line != 22 {
		t.Errorf("Bằng khen by a Sở: %v", res.Diags)
	}
}

// An unknown cap is an error at its value that lists every valid word.
func TestAwards_UnknownCap(t *testing.T) {
	profile := strings.Replace(soProfile, `chu_quan = ""`, `chu_quan = ""`+"\ncap = \"Sở\"", 1)
	res := buildIn(t, map[string]string{"vanban.toml": profile, "qd.toml": soDecision}, "qd.toml")
	var found bool
	for _, d := range res.Diags {
		if d.Code == diag.CodeBadLevel {
			found = true
			if d.Pos.Line != 5 || !strings.HasSuffix(d.Pos.File, "vanban.toml") {
				t.Errorf("at %v", d.Pos)
			}
			h := strings.Join(d.Hints, " ")
			for _, w := range []string{`"xa"`, `"tinh"`, `"so"`, `"don_vi_su_nghiep"`, `"ban_nganh"`} {
				if !strings.Contains(h, w) {
					t.Errorf("hint lacks %s: %s", w, h)
				}
			}
		}
	}
	if !found || res.Doc != nil {
		t.Errorf("unknown cap: %v", res.Diags)
	}
}

// A report that counts an award matching none vanban knows says so at the
// label (a warning), instead of skipping the count check in silence.
func TestAwards_ReportUnknownLabel(t *testing.T) {
	dir := "../../testdata/van-ninh-2025"
	files := map[string]string{}
	for _, n := range []string{"vanban.toml", "ke-hoach-thi-dua.toml", "to-trinh-khen-thuong.toml", "quyet-dinh-khen-thuong.toml", "bao-cao-ket-qua.toml"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files[n] = string(b)
	}
	files["bao-cao-ket-qua.toml"] = strings.Replace(files["bao-cao-ket-qua.toml"], `hinh_thuc = "Giấy khen"`, `hinh_thuc = "Giấy khen cá nhân"`, 1)
	res := buildIn(t, files, "bao-cao-ket-qua.toml")
	var got []diag.Diagnostic
	for _, d := range res.Diags {
		if d.Code == diag.CodeCountUnknown {
			got = append(got, d)
		}
	}
	if len(got) != 1 || got[0].Severity != diag.Warning || got[0].Pos.Col != 13 || !strings.Contains(got[0].Msg, "Giấy khen cá nhân") {
		t.Errorf("%v", res.Diags)
	}
}

// A report counting a known award that the decision's list (of known
// awards) does not hold is a mismatch against 0, not a silent skip; a
// label in other case and spacing counts as the same award.
func TestAwards_ReportCountsAbsentAward(t *testing.T) {
	dir := "../../testdata/van-ninh-2025"
	files := map[string]string{}
	for _, n := range []string{"vanban.toml", "ke-hoach-thi-dua.toml", "to-trinh-khen-thuong.toml", "quyet-dinh-khen-thuong.toml", "bao-cao-ket-qua.toml"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files[n] = string(b)
	}
	report := files["bao-cao-ket-qua.toml"]
	// "Chiến sĩ thi đua cơ sở" is an individual title: no collective holds it.
	files["bao-cao-ket-qua.toml"] = strings.Replace(report, "hinh_thuc = \"Chiến sĩ thi đua cơ sở\"\nso_ca_nhan = 1",
		"hinh_thuc = \"Chiến sĩ thi đua cơ sở\"\nso_ca_nhan = 1\nso_tap_the = 2", 1)
	if files["bao-cao-ket-qua.toml"] == report {
		t.Fatal("sample changed: no Chiến sĩ thi đua cơ sở row")
	}
	res := buildIn(t, files, "bao-cao-ket-qua.toml")
	var got []diag.Diagnostic
	for _, d := range res.Diags {
		if d.Code == diag.CodeCountMismatch {
			got = append(got, d)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0].Msg, "ghi 2") || !strings.HasSuffix(got[0].Msg, "có 0") {
		t.Errorf("want one D019 against 0, got %v", res.Diags)
	}

	files["bao-cao-ket-qua.toml"] = strings.Replace(report, `hinh_thuc = "Giấy khen"`, `hinh_thuc = "giấy  khen"`, 1)
	res = buildIn(t, files, "bao-cao-ket-qua.toml")
	for _, d := range res.Diags {
		if d.Code == diag.CodeCountMismatch || d.Code == diag.CodeCountUnknown {
			t.Errorf("label in other case: %v", d)
		}
	}
}

// Every number the register gives fits in a data file: the two bounds are
// one, so assign always writes the number back.
func TestMaxNumber_DataAndRegisterAgree(t *testing.T) {
	if data.MaxNumber != register.MaxNumber {
		t.Errorf("data.MaxNumber %d, register.MaxNumber %d", data.MaxNumber, register.MaxNumber)
	}
}
