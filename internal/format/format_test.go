package format

import (
	"strings"
	"testing"

	"vanban/internal/model"
	"vanban/internal/unit"
)

// Each row names the clause of NĐ 30/2020, Phụ lục I it checks.
func TestSheet_Clauses(t *testing.T) {
	s := NewSheet("ke-hoach")
	in := func(name string, v, lo, hi unit.Length) {
		if v < lo || v > hi {
			t.Errorf("%s = %v, want %v–%v", name, v, lo, hi)
		}
	}
	in("I.3 top margin", s.Top, unit.MMs(20), unit.MMs(25))
	in("I.3 bottom margin", s.Bottom, unit.MMs(20), unit.MMs(25))
	in("I.3 left margin", s.Left, unit.MMs(30), unit.MMs(35))
	in("I.3 right margin", s.Right, unit.MMs(15), unit.MMs(20))
	if s.PageW != unit.MMs(210) || s.PageH != unit.MMs(297) {
		t.Error("I.1 paper is not A4")
	}
	size := func(name string, e Element, lo, hi int, font model.RunStyle, upper bool) {
		st := s.Style(e)
		if st.Size < 2*lo || st.Size > 2*hi {
			t.Errorf("%s: %d half-points, want %d–%d pt", name, st.Size, lo, hi)
		}
		if st.Font != font || st.Upper != upper {
			t.Errorf("%s: style %v upper %v", name, st.Font, st.Upper)
		}
	}
	B, I := model.Bold, model.Italic
	size("II.1.a Quốc hiệu", QuocHieu, 12, 13, B, true)
	size("II.1.b Tiêu ngữ", TieuNgu, 13, 14, B, false)
	size("II.2 cơ quan chủ quản", Parent, 12, 13, 0, true)
	size("II.2.b cơ quan ban hành", Issuer, 12, 13, B, true)
	size("II.3.c Số", Number, 13, 13, 0, false)
	size("II.4.c địa danh, ngày", PlaceDate, 13, 14, I, false)
	size("II.5.b tên loại", TitleType, 13, 14, B, true)
	size("II.5.b trích yếu", TitleSummary, 13, 14, B, false)
	size("II.6.e nội dung", Body, 13, 14, 0, false)
	size("II.7.đ quyền hạn, chức vụ", SignAuthority, 13, 14, B, true)
	size("II.7.đ họ tên", SignName, 13, 14, B, false)
	size("II.9.d Nơi nhận", RecipientsLabel, 12, 12, B|I, false)
	size("II.9.d danh sách nơi nhận", RecipientsItem, 11, 11, 0, false)
	size("I.7 số trang", PageNumber, 13, 14, 0, false)

	body := s.Style(Body)
	if body.Indent != unit.CM && body.Indent != unit.Length(1.27*float64(unit.CM)) {
		t.Errorf("II.6.e first-line indent %v", body.Indent)
	}
	if body.Before < unit.Pt(6) {
		t.Errorf("II.6.e paragraph spacing %v < 6 pt", body.Before)
	}
	single := unit.Length(float64(unit.Pt(14)) * 1.149) // Times: (ascent+descent+gap)/em
	in("II.6.e line spacing", body.Line, single, single*3/2)
	if body.Align != Justify {
		t.Error("II.6.e body not justified")
	}
	if r := float64(s.RuleNum) / float64(s.RuleDen); r < 1.0/3 || r > 0.5 {
		t.Errorf("II.2.b/II.5.b rule fraction %.2f", r)
	}
}

func TestNumberLine_LeadingZero(t *testing.T) {
	cases := map[int64]string{0: "Số:       /KH-UBND", 5: "Số: 05/KH-UBND", 12: "Số: 12/KH-UBND", 101: "Số: 101/KH-UBND"}
	for n, want := range cases {
		if got := NumberLine(model.Number{Value: n, Symbol: "KH-UBND"}); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestDateLine_D1(t *testing.T) {
	cases := []struct {
		d    model.Date
		want string
	}{
		{model.Date{Year: 2020, Month: 1, Day: 5}, "Hà Nội, ngày 05 tháng 01 năm 2020"},
		{model.Date{Year: 2019, Month: 6, Day: 29}, "Hà Nội, ngày 29 tháng 6 năm 2019"},
		{model.Date{Year: 2024, Month: 2, Day: 9}, "Hà Nội, ngày 09 tháng 02 năm 2024"},
		{model.Date{Year: 2024, Month: 12, Day: 31}, "Hà Nội, ngày 31 tháng 12 năm 2024"},
	}
	for _, c := range cases {
		if got := DateLine("Hà Nội", c.d); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
	if got := DateLine("Vạn Giã", model.Date{Year: 2024, Month: 5}); !strings.HasPrefix(got, "Vạn Giã, ngày ") || !strings.HasSuffix(got, " tháng 5 năm 2024") {
		t.Errorf("blank day: %q", got)
	}
}

func TestRecipientLines(t *testing.T) {
	got := RecipientLines(model.Recipients{Items: []string{"Phòng Nội vụ huyện (b/c)", "- Như trên;", "UBND các xã."}, Archive: "VT, TH."})
	want := []string{"- Phòng Nội vụ huyện (b/c);", "- Như trên;", "- UBND các xã;", "- Lưu: VT, TH."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestText_UpperVietnamese(t *testing.T) {
	s := NewSheet("ke-hoach")
	if got := s.Text(Heading1, "i. mục đích, yêu cầu"); got != "I. MỤC ĐÍCH, YÊU CẦU" {
		t.Errorf("%q", got)
	}
}

// Phụ lục I, II.7.b: the authority lines above the signature.
func TestSignatureLines_PL1_II7b(t *testing.T) {
	cases := []struct {
		authority, onBehalf, head, title string
		want                             string
	}{
		{"TM.", "ỦY BAN NHÂN DÂN", "", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH"},
		{"KT.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH"},
		{"KT.", "", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "KT. BỘ TRƯỞNG|THỨ TRƯỞNG"},
		{"TL.", "", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH|CHÁNH VĂN PHÒNG"},
		{"Q.", "", "", "CHỦ TỊCH", "Q. CHỦ TỊCH"},
		{"", "", "", "CHỦ TỊCH", "CHỦ TỊCH"},
	}
	for _, c := range cases {
		if got := strings.Join(SignatureLines(c.authority, c.onBehalf, c.head, c.title), "|"); got != c.want {
			t.Errorf("%+v: %q, want %q", c, got, c.want)
		}
	}
}

// Phụ lục I, II.9.b: with "Kính gửi", Nơi nhận starts with "Như trên", once.
func TestRecipientItems_PL1_II9b(t *testing.T) {
	for _, c := range []struct {
		items     []string
		addressed bool
		want      string
	}{
		{[]string{"Lưu trữ"}, false, "Lưu trữ"},
		{[]string{"Phòng Nội vụ"}, true, "Như trên|Phòng Nội vụ"},
		{[]string{"- Như trên", "Phòng Nội vụ"}, true, "- Như trên|Phòng Nội vụ"},
		{nil, true, "Như trên"},
	} {
		if got := strings.Join(RecipientItems(c.items, c.addressed), "|"); got != c.want {
			t.Errorf("%v %v: %q, want %q", c.items, c.addressed, got, c.want)
		}
	}
}

// Phụ lục I, II.6.a: each căn cứ ends with ";", the last with ".".
func TestBasisEnd_PL1_II6a(t *testing.T) {
	if got := BasisEnd("Căn cứ Luật Thi đua, khen thưởng;", false); got != "Căn cứ Luật Thi đua, khen thưởng;" {
		t.Error(got)
	}
	if got := BasisEnd("Căn cứ Nghị định số 98/2023/NĐ-CP,", true); got != "Căn cứ Nghị định số 98/2023/NĐ-CP." {
		t.Error(got)
	}
}

// Phụ lục I, III.1.a: two or more appendices are numbered in Roman numerals.
func TestAppendixNumberText_PhuLucI_III1a(t *testing.T) {
	for n, want := range map[int]string{1: "Phụ lục I", 2: "Phụ lục II", 4: "Phụ lục IV", 9: "Phụ lục IX", 14: "Phụ lục XIV"} {
		if got := AppendixNumberText(n); got != want {
			t.Errorf("AppendixNumberText(%d) = %q, want %q", n, got, want)
		}
	}
	if st := NewSheet("quyet-dinh").Style(AppendixNumber); st.Size != 28 || st.Font != model.Bold || st.Upper || st.Align != Center {
		t.Errorf("AppendixNumber style %+v, want 14 pt bold, lower case, centred (III.1.b)", st)
	}
}
