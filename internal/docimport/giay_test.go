package docimport_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanban/internal/engine"
)

// TestGiayVariants imports giấy DOCX typed by hand (testdata/giay, see its
// README): "Ông/bà:", labels without the colon, extra spaces, dd/mm/yyyy
// dates. Each must choose its form by the tên loại, fill the form's keys,
// report what the form has no place for, and build again.
func TestGiayVariants(t *testing.T) {
	e := newEngine(t)
	dir := "../../testdata/van-ninh-2026"
	for _, c := range []struct {
		file, tmpl string
		want       map[string]any
		unplaced   []string // texts reported as not placed, in order
		body       []string // lines the rebuilt document prints
	}{
		{
			file: "giay-gioi-thieu-bien-the.docx", tmpl: "giay-gioi-thieu",
			want: map[string]any{
				"so": int64(15), "ngay": "2025-03-10", "noi_nhan": []any{"Như trên"}, "luu": "VT",
				"ho_ten": "Trần Thị Hoa", "chuc_vu": "Phó Chủ tịch, phụ trách văn hóa - xã hội", "don_vi": "Ủy ban nhân dân xã Vạn Ninh",
				"noi_den": "Phòng Văn hóa - Thông tin", "ve_viec": "Dự tập huấn công tác gia đình năm 2025", "hieu_luc": "2025-03-31",
			},
			unplaced: []string{"Ghi chú: mang theo giấy tờ tùy thân."},
			body: []string{
				"Ông (bà) Trần Thị Hoa",
				"Chức vụ: Phó Chủ tịch, phụ trách văn hóa - xã hội, Ủy ban nhân dân xã Vạn Ninh",
				"Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2025./.",
			},
		},
		{
			file: "giay-nghi-phep-bien-the.docx", tmpl: "giay-nghi-phep",
			want: map[string]any{
				"so": "08", "ngay": "2025-07-03", "noi_nhan": []any{"Ông Phạm Văn Cường"}, "luu": "VT",
				"ngay_don": "2025-07-02", "ho_ten": "Phạm Văn Cường", "chuc_vu": "Công chức Địa chính - Xây dựng",
				"thoi_gian": "03 ngày", "tu_ngay": "2025-07-07", "den_ngay": "2025-07-09",
				"noi_nghi": "thành phố Nha Trang, tỉnh Khánh Hòa", "ly_do": "nghỉ việc riêng",
			},
			body: []string{
				"Xét Đơn đề nghị nghỉ phép ngày 02 tháng 7 năm 2025 của ông (bà) Phạm Văn Cường, Ủy ban nhân dân xã Vạn Ninh cấp cho:",
				"Được nghỉ phép trong thời gian 03 ngày kể từ ngày 07 tháng 7 năm 2025 đến hết ngày 09 tháng 7 năm 2025 tại thành phố Nha Trang, tỉnh Khánh Hòa.",
			},
		},
		{
			file: "giay-moi-bien-the.docx", tmpl: "giay-moi",
			want: map[string]any{
				"so": int64(21), "ngay": "2025-08-15", "trich_yeu": "Làm việc về công tác chuyển đổi số",
				"noi_nhan": []any{"Như trên"}, "luu": "VT",
				"thanh_phan":   []any{"Ông Nguyễn Văn Tư, Trưởng thôn Tân Phước"},
				"noi_dung_hop": "buổi làm việc về công tác chuyển đổi số tại thôn",
				"thoi_gian":    "14 giờ 00 phút, ngày 20 tháng 8 năm 2025",
				"dia_diem":     "Phòng họp số 2, Ủy ban nhân dân xã",
				"co_quan":      map[string]any{"ten_day_du": "UBND xã Vạn Ninh"},
			},
			body: []string{
				"UBND xã Vạn Ninh trân trọng kính mời: Ông Nguyễn Văn Tư, Trưởng thôn Tân Phước",
				"Địa điểm: Phòng họp số 2, Ủy ban nhân dân xã./.",
			},
		},
	} {
		t.Run(c.tmpl, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "giay", c.file))
			if err != nil {
				t.Fatal(err)
			}
			imp := importDOCX(t, e, dir, b, "")
			if imp.Template != c.tmpl {
				t.Fatalf("template %q, want %q (%s)", imp.Template, c.tmpl, imp.Why)
			}
			var got map[string]any
			if _, err := tomlDecode(imp.TOML, &got); err != nil {
				t.Fatalf("draft is not TOML: %v\n%s", err, imp.TOML)
			}
			delete(got, "mau")
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("draft keys (-want +got):\n%s\n--- draft\n%s", d, imp.TOML)
			}
			var un []string
			for _, f := range imp.Unplaced {
				un = append(un, f.Text)
			}
			if d := cmp.Diff(c.unplaced, un); d != "" {
				t.Errorf("unplaced (-want +got):\n%s", d)
			}
			dump, _ := rebuild(t, dir, c.tmpl+".toml", imp.TOML)
			for _, l := range c.body {
				if !strings.Contains(dump, "Run "+strconv.Quote(l)) {
					t.Errorf("rebuilt document lacks %q:\n%s", l, dump)
				}
			}
		})
	}
}

// TestGiayChosenByFlag imports the samples' DOCX with -mau naming the
// form: every line is placed (before, the labelled lines were reported).
func TestGiayChosenByFlag(t *testing.T) {
	e := newEngine(t)
	dir := "../../testdata/van-ninh-2026"
	for _, name := range []string{"giay-gioi-thieu", "giay-nghi-phep", "giay-moi"} {
		t.Run(name, func(t *testing.T) {
			j := engine.Job{Dir: dir, Name: name + ".toml"}
			res, err := e.Build(j, true)
			if err != nil || res.Doc == nil {
				t.Fatalf("sample does not build: %v", err)
			}
			imp := importDOCX(t, e, dir, res.DOCX, name)
			if len(imp.Unplaced) > 0 {
				t.Errorf("unplaced: %v\n--- draft\n%s", imp.Unplaced, imp.TOML)
			}
			if strings.Contains(imp.TOML, "\nnoi_dung =") {
				t.Errorf("draft has a free body:\n%s", imp.TOML)
			}
		})
	}
}

// TestGiayUnplaced: lines a form prints differently, or not at all, are
// reported, never dropped; a form read into another template reports its
// labelled lines.
func TestGiayUnplaced(t *testing.T) {
	e := newEngine(t)
	dir := "../../testdata/van-ninh-2026"
	var body strings.Builder
	for _, s := range []string{
		"GIẤY GIỚI THIỆU",
		"Ủy ban nhân dân xã Vạn Ninh trân trọng giới thiệu:",
		"Ông (bà) Nguyễn Văn An",
		"Chức vụ: Chuyên viên",
		"Được cử đến: Sở Nội vụ",
		"Về việc: Liên hệ công tác",
		"Đề nghị Quý cơ quan giúp đỡ để ông hoàn thành nhiệm vụ.",
		"Giấy này có giá trị đến hết ngày 31 tháng 12 năm 2025./.",
	} {
		body.WriteString("<w:p><w:r><w:t>" + xmlEscape(s) + "</w:t></w:r></w:p>")
	}
	b := buildDocx(t, body.String())
	imp := importDOCX(t, e, dir, b, "")
	if imp.Template != "giay-gioi-thieu" {
		t.Fatalf("template %q (%s)", imp.Template, imp.Why)
	}
	if len(imp.Unplaced) != 1 || !strings.HasPrefix(imp.Unplaced[0].Text, "Đề nghị Quý cơ quan giúp đỡ") ||
		!strings.Contains(imp.Unplaced[0].What, "lời đề nghị khác câu của mẫu") {
		t.Errorf("unplaced: %+v", imp.Unplaced)
	}
	for _, k := range []string{`ho_ten = "Nguyễn Văn An"`, `chuc_vu = "Chuyên viên"`, `noi_den = "Sở Nội vụ"`, `hieu_luc = "2025-12-31"`} {
		if !strings.Contains(imp.TOML, k) {
			t.Errorf("draft lacks %s:\n%s", k, imp.TOML)
		}
	}
	// Read into the Giấy mời, the labelled lines of a Giấy giới thiệu have
	// no key: each is reported.
	imp = importDOCX(t, e, dir, b, "giay-moi")
	var un strings.Builder
	for _, f := range imp.Unplaced {
		un.WriteString(f.Text + "\n")
	}
	for _, want := range []string{"GIẤY GIỚI THIỆU", "Ông (bà) Nguyễn Văn An", "Được cử đến: Sở Nội vụ", "Giấy này có giá trị"} {
		if !strings.Contains(un.String(), want) {
			t.Errorf("%q neither placed nor reported; unplaced:\n%s", want, un.String())
		}
	}
}
