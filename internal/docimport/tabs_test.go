package docimport_test

import (
	"strings"
	"testing"

	"vanban/internal/docimport"
	"vanban/internal/docimport/docx"
)

// para is a paragraph of runs; a run "\t" is a tab; bold runs start "*".
func para(align string, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if align != "" {
		b.WriteString(`<w:pPr><w:jc w:val="` + align + `"/></w:pPr>`)
	}
	for _, r := range runs {
		switch {
		case r == "\t":
			b.WriteString("<w:r><w:tab/></w:r>")
		case strings.HasPrefix(r, "*"):
			b.WriteString("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + xmlEscape(r[1:]) + "</w:t></w:r>")
		default:
			b.WriteString("<w:r><w:t xml:space=\"preserve\">" + xmlEscape(r) + "</w:t></w:r>")
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

// TestImportTabLayout imports a document laid out the older way: no
// header table, the two header columns on the same lines split by tabs,
// the signer block as paragraphs, and direct formatting only.
func TestImportTabLayout(t *testing.T) {
	body := para("", "UBND HUYỆN VẠN NINH", "\t", "*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
		para("", "*ỦY BAN NHÂN DÂN XÃ VẠN LƯƠNG", "\t", "*Độc lập - Tự do - Hạnh phúc") +
		para("", "Số: 15/KH-UBND", "\t", "\t", "Vạn Lương, ngày 08 tháng 5 năm 2025") +
		para("center", "*KẾ HOẠCH") +
		para("center", "*Tổ chức Ngày hội đọc sách năm 2025") +
		para("both", "*I. MỤC ĐÍCH, YÊU CẦU") +
		para("both", "Khuyến khích cán bộ, công chức đọc sách, nâng cao hiểu biết.") +
		para("both", "- Bảo đảm tiết kiệm, hiệu quả;") +
		para("both", "- Thu hút đông đảo người dân tham gia./.") +
		para("", "*Nơi nhận:") +
		para("", "- Phòng Văn hóa huyện;") +
		para("", "- Lưu: VT, VH.") +
		para("center", "*KT. CHỦ TỊCH") +
		para("center", "*PHÓ CHỦ TỊCH") +
		para("center", "*Trần Văn Bình")
	d, err := docx.Read(buildDocx(t, body), docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := []docimport.Kind{{Name: "ke-hoach", Type: "KẾ HOẠCH", Code: "KH", Fields: map[string]bool{"noi_dung": true}}}
	res, err := docimport.Import(d, docimport.Options{Kinds: kinds})
	if err != nil {
		t.Fatal(err)
	}
	if res.Template != "ke-hoach" {
		t.Errorf("template %q (%s)", res.Template, res.Why)
	}
	for _, want := range []string{
		"so = 15\n", `ngay = "2025-05-08"`, `trich_yeu = "Tổ chức Ngày hội đọc sách năm 2025"`,
		`noi_nhan = ["Phòng Văn hóa huyện"]`, `luu = "VT, VH"`,
		`chu_quan = ["UBND HUYỆN VẠN NINH"]`, `ten = ["ỦY BAN NHÂN DÂN XÃ VẠN LƯƠNG"]`, `dia_danh = "Vạn Lương"`,
		"# I. MỤC ĐÍCH, YÊU CẦU", "Khuyến khích cán bộ, công chức đọc sách", "- Thu hút đông đảo người dân tham gia./.",
		`quyen_han = "KT."`, `thu_truong = "CHỦ TỊCH"`, `chuc_vu = "PHÓ CHỦ TỊCH"`, `ho_ten = "Trần Văn Bình"`,
	} {
		if !strings.Contains(res.TOML, want) {
			t.Errorf("%q not in draft:\n%s", want, res.TOML)
		}
	}
	if len(res.Unplaced) != 0 {
		t.Errorf("unplaced: %+v", res.Unplaced)
	}
	var v map[string]any
	if _, err := tomlDecode(res.TOML, &v); err != nil {
		t.Fatalf("draft does not parse: %v", err)
	}
}
