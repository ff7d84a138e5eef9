package measure

import (
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/model"
	"vanban/internal/unit"
)

func loadFonts(t *testing.T) *font.Set {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// balanced breaks text at size (half-points, bold) w wide and returns its
// lines joined by " / ".
func balanced(f *font.Set, text string, st model.RunStyle, size int, w unit.Length) string {
	ws := Words(f, []model.Run{{Text: text, Style: st}}, size)
	if len(Break(f, ws, size, w, w)) > 1 {
		Balance(ws, w)
	}
	return strings.ReplaceAll(model.PlainText(Runs(ws)), "\n", " / ")
}

// A corpus of real names and trích yếu as a clerk types them: centred
// blocks break at even lengths and never inside a place's name, after a
// generic word ("TỈNH", "XÃ", "SỞ") or inside a two-syllable word
// (issue 14).
func TestBalance_Corpus(t *testing.T) {
	f := loadFonts(t)
	col := unit.MMs(57) // the left header column, kept clear of the Quốc hiệu
	text := unit.MMs(165)
	cases := []struct {
		text string
		st   model.RunStyle
		size int
		w    unit.Length
		want string
	}{
		{"ỦY BAN NHÂN DÂN XÃ VẠN NINH", 0, 26, col, "ỦY BAN NHÂN DÂN / XÃ VẠN NINH"},
		{"ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", 0, 26, col, "ỦY BAN NHÂN DÂN / TỈNH KHÁNH HÒA"},
		{"ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ", model.Bold, 26, col, "ỦY BAN NHÂN DÂN / THỊ TRẤN VẠN GIÃ"},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ NHA TRANG", model.Bold, 26, col, "ỦY BAN NHÂN DÂN / THÀNH PHỐ NHA TRANG"},
		{"ỦY BAN NHÂN DÂN ĐẶC KHU TRƯỜNG SA", model.Bold, 26, col, "ỦY BAN NHÂN DÂN / ĐẶC KHU TRƯỜNG SA"},
		{"TRUNG TÂM ỨNG DỤNG CÔNG NGHỆ THÔNG TIN VÀ CHUYỂN ĐỔI SỐ XÃ VẠN NINH", model.Bold, 26, col,
			"TRUNG TÂM ỨNG DỤNG / CÔNG NGHỆ THÔNG TIN / VÀ CHUYỂN ĐỔI SỐ / XÃ VẠN NINH"},
		{"SỞ NỘI VỤ TỈNH KHÁNH HÒA", model.Bold, 26, unit.MMs(45), "SỞ NỘI VỤ / TỈNH KHÁNH HÒA"},
		{"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN VẠN NINH", model.Bold, 26, col, "HỘI ĐỒNG THI ĐUA - / KHEN THƯỞNG / HUYỆN VẠN NINH"},
		{"Phát động phong trào thi đua thực hiện chuyển đổi số và ứng dụng công nghệ thông tin trong hoạt động hành chính năm 2025",
			model.Bold, 28, text, "Phát động phong trào thi đua thực hiện chuyển đổi số và ứng dụng / công nghệ thông tin trong hoạt động hành chính năm 2025"},
		{"Về việc đề nghị tặng Giấy khen cho các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2024",
			model.Bold, 28, text, "Về việc đề nghị tặng Giấy khen cho các tập thể và cá nhân / có thành tích xuất sắc trong phong trào thi đua năm 2024"},
		{"Tổng kết phong trào thi đua yêu nước giai đoạn 2020-2025 và phương hướng, nhiệm vụ giai đoạn 2025-2030",
			model.Bold, 28, text, "Tổng kết phong trào thi đua yêu nước giai đoạn 2020-2025 / và phương hướng, nhiệm vụ giai đoạn 2025-2030"},
	}
	for _, c := range cases {
		if got := balanced(f, c.text, c.st, c.size, c.w); got != c.want {
			t.Errorf("%q\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

// The chosen breaks are even: no line of a balanced block is shorter than
// the others by more than the longest word, and none exceeds the width.
func TestBalance_Even(t *testing.T) {
	f := loadFonts(t)
	text := "Kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập và tổng kết công tác thi đua khen thưởng của các cơ quan, đơn vị trên địa bàn"
	w := unit.MMs(100)
	ws := Words(f, []model.Run{{Text: text, Style: model.Bold}}, 28)
	Balance(ws, w)
	lines := Break(f, ws, 28, w, w)
	var lo, hi, word unit.Length
	lo = w
	for _, l := range lines {
		lo, hi = min(lo, l.W), max(hi, l.W)
		if l.W > w {
			t.Errorf("line %v wider than %v", l.W, w)
		}
		for _, wd := range l.Words {
			word = max(word, wd.W+wd.Space)
		}
	}
	if len(lines) != 3 || hi-lo > 2*word {
		t.Errorf("%d lines from %v to %v (longest word %v)", len(lines), lo, hi, word)
	}
}

// Breaks the clerk wrote stay: each part is balanced on its own and a "\n"
// ends a line in Break, unjustified.
func TestBalance_ExplicitBreak(t *testing.T) {
	f := loadFonts(t)
	ws := Words(f, []model.Run{{Text: "Phát động phong trào thi đua \nnăm 2025", Style: model.Bold}}, 28)
	if !ws[5].Break || ws[5].Gaps != 1 {
		t.Fatalf("word %q: Break %v Gaps %d", ws[5].Frags[0].Text, ws[5].Break, ws[5].Gaps)
	}
	lines := Break(f, ws, 28, unit.MMs(165), unit.MMs(165))
	if len(lines) != 2 || !lines[0].Last || len(lines[0].Words) != 6 {
		t.Fatalf("got %d lines, first has %d words", len(lines), len(lines[0].Words))
	}
	if got := model.PlainText(Runs(ws)); got != "Phát động phong trào thi đua\nnăm 2025" {
		t.Errorf("Runs: %q", got)
	}
}

// Glue compares case-insensitively and ignores punctuation, but does not
// glue across a comma.
func TestGlue(t *testing.T) {
	f := loadFonts(t)
	cases := map[string]string{
		"Phong trào thi đua":        "Phong_trào thi_đua",
		"CÁC XÃ, THỊ TRẤN":          "CÁC XÃ, THỊ_TRẤN",
		"kinh tế - xã hội năm 2025": "kinh_tế_- xã_hội năm_2025",
		"Sở Nội vụ và Sở Tài chính": "Sở_Nội_vụ và Sở_Tài_chính",
		"ủy ban nhân dân phường 3":  "ủy_ban_nhân_dân phường_3",
	}
	for in, want := range cases {
		ws := Words(f, []model.Run{{Text: in}}, 28)
		g := Glue(ws)
		var b strings.Builder
		for i, wd := range ws {
			b.WriteString(wd.Frags[0].Text)
			if i < len(ws)-1 {
				if g[i] != Free {
					b.WriteString("_")
				} else {
					b.WriteString(" ")
				}
			}
		}
		if b.String() != want {
			t.Errorf("%q → %q, want %q", in, b.String(), want)
		}
	}
}
