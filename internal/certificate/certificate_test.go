package certificate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/testutil"
	"vanban/internal/unit"
)

func testFonts(t *testing.T) *font.Set {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// longName and longAchievement are far longer than any certificate has
// room for at the normal sizes.
var (
	longName        = "Tập thể Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính kiêm Tổ công nghệ số cộng đồng của Ủy ban nhân dân thị trấn Vạn Giã huyện Vạn Ninh tỉnh Khánh Hòa"
	longAchievement = strings.Repeat("Hoàn thành xuất sắc nhiệm vụ được giao, tham mưu kịp thời và hiệu quả công tác chuyển đổi số, cải cách hành chính; ", 4)
	longWord        = strings.Repeat("Nguyễn", 20)
)

// testInput is a prepared quyet-dinh-khen-thuong input with n recipients:
// a fifth tập thể, the rest cá nhân, some with danh hiệu, the first of
// each with very long texts.
func testInput(n int) *data.Input {
	var tt, cn []data.Row
	for i := range n {
		pos := diag.Pos{File: "qd.toml", Line: 10 + i, Col: 1}
		if i%5 == 0 {
			name, ach := fmt.Sprintf("Tổ dân phố số %d", i+1), "Hoàn thành xuất sắc nhiệm vụ năm 2024"
			if i == 0 {
				name, ach = longName, longAchievement
			}
			tt = append(tt, data.Row{At: pos, Values: map[string]any{"ten": name, "don_vi": "Ủy ban nhân dân thị trấn Vạn Giã", "hinh_thuc": "Giấy khen", "thanh_tich": ach}})
			continue
		}
		name, award, ach := fmt.Sprintf("Nguyễn Thị Thu Hà %d", i+1), "Giấy khen", "Giải quyết đúng hạn 100% hồ sơ"
		switch i {
		case 1:
			name, ach = longWord, longAchievement
		case 2:
			award = "Lao động tiên tiến"
		}
		cn = append(cn, data.Row{At: pos, Values: map[string]any{"ho_ten": name, "chuc_vu": "Công chức Văn phòng - Thống kê", "hinh_thuc": award, "thanh_tich": ach}})
	}
	return &data.Input{
		File: "qd.toml", Template: Template, Number: 12,
		Date:      data.Date{Year: 2024, Month: 11, Day: 25},
		Org:       data.Org{Name: []string{"ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"}, Abbrev: "UBND", Place: "Vạn Giã"},
		Signer:    data.Signer{Authority: "KT.", Head: "CHỦ TỊCH", Title: "PHÓ CHỦ TỊCH", Name: "Nguyễn Hữu Trường"},
		Authority: "Chủ tịch Ủy ban nhân dân thị trấn Vạn Giã",
		Values:    map[string]any{"tap_the": tt, "ca_nhan": cn},
	}
}

func TestFromInput_Fields(t *testing.T) {
	s, ds := FromInput(testInput(25), "QĐ-UBND")
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if len(s.Recipients) != 25 {
		t.Fatalf("recipients = %d, want 25", len(s.Recipients))
	}
	if got, want := s.Authority, "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ"; got != want {
		t.Errorf("authority = %q, want %q", got, want)
	}
	if got, want := s.Decision, "Quyết định số 12/QĐ-UBND ngày 25/11/2024"; got != want {
		t.Errorf("decision = %q, want %q", got, want)
	}
	if got, want := strings.Join(s.SignLines, "|"), "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH"; got != want {
		t.Errorf("sign lines = %q, want %q", got, want)
	}
	// tập thể first, as the decision lists them
	if !s.Recipients[0].Collective || s.Recipients[5].Collective {
		t.Errorf("order: %+v", s.Recipients[:6])
	}
	var title *Recipient
	for i := range s.Recipients {
		if s.Recipients[i].Award == "Lao động tiên tiến" {
			title = &s.Recipients[i]
		}
	}
	if title == nil || !title.Title || title.Verb() != "TẶNG DANH HIỆU" || title.AwardLine() != "LAO ĐỘNG TIÊN TIẾN" {
		t.Errorf("danh hiệu recipient = %+v", title)
	}
	if r := s.Recipients[0]; r.Verb() != "TẶNG" || r.AwardLine() != "GIẤY KHEN" {
		t.Errorf("giấy khen lines = %q %q", r.Verb(), r.AwardLine())
	}
}

func TestFromInput_Errors(t *testing.T) {
	in := testInput(3)
	in.Template = "ke-hoach"
	if _, ds := FromInput(in, "KH-UBND"); len(ds) != 1 || ds[0].Code != diag.CodeUnknownTmpl {
		t.Errorf("other template: %v", ds)
	}
	in = testInput(0)
	if _, ds := FromInput(in, "QĐ-UBND"); len(ds) != 1 || ds[0].Code != diag.CodeMissing {
		t.Errorf("empty lists: %v", ds)
	}
}

// inside fails t for every item of r that reaches outside the page, or,
// with margin, outside the page less margin on every side.
func inside(t *testing.T, r *layout.Result, f *font.Set, margin unit.Length) {
	t.Helper()
	for pi, p := range r.Pages {
		if p.W != unit.MMs(297) || p.H != unit.MMs(210) {
			t.Errorf("page %d: %v x %v, want A4 landscape", pi+1, p.W, p.H)
		}
		for _, it := range p.Items {
			x0, x1, y0, y1 := it.X, it.X+it.W, it.Y, it.Y
			switch it.Kind {
			case layout.Text:
				y0, y1 = it.Y-f.Face(it.Style).Ascent(it.Size), it.Y+f.Face(it.Style).Descent(it.Size)
			case layout.Box:
				y1 = it.Y + it.H
			case layout.Rule:
				if it.W < 0 {
					x1, y1 = it.X, it.Y-it.W
				}
			}
			if x0 < margin || y0 < margin || x1 > p.W-margin || y1 > p.H-margin {
				t.Errorf("page %d: %v %q at x %v..%v y %v..%v outside the page less %v", pi+1, it.Kind, it.Text, x0, x1, y0, y1, margin)
			}
		}
	}
}

func TestPlace_FullInsideFrame(t *testing.T) {
	f := testFonts(t)
	s, _ := FromInput(testInput(25), "QĐ-UBND")
	r, err := Place(s, f, Options{FirstBook: 125})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pages) != 25 {
		t.Fatalf("pages = %d", len(r.Pages))
	}
	inside(t, r, f, unit.MMs(10)) // the outer frame is at 10 mm
	// Text stays inside the inner frame, and no two text lines overlap.
	for pi, p := range r.Pages {
		for _, it := range p.Items {
			if it.Kind != layout.Text {
				continue
			}
			if it.X < frameInner || it.X+it.W > pageW-frameInner {
				t.Errorf("page %d: %q outside the inner frame", pi+1, it.Text)
			}
		}
		noOverlap(t, pi, p)
	}
	// Every word of the long name and achievement is printed.
	var b strings.Builder
	for _, it := range r.Pages[0].Items {
		b.WriteString(it.Text + " ")
	}
	if got := strings.Join(strings.Fields(b.String()), " "); !strings.Contains(got, longName) || !strings.Contains(got, strings.TrimSpace(longAchievement)) {
		t.Errorf("page 1 lost text: %s", got)
	}
	if !strings.Contains(noSpace(text(r.Pages[5])), longWord) {
		t.Errorf("page 6 lost the long word")
	}
	if !strings.Contains(text(r.Pages[3]), "Số sổ vàng: 128") {
		t.Errorf("page 4 book number: %s", text(r.Pages[3]))
	}
}

// noOverlap fails t when two text lines of page p overlap.
func noOverlap(t *testing.T, pi int, p layout.Page) {
	t.Helper()
	var texts []layout.Item
	for _, it := range p.Items {
		if it.Kind != layout.Text {
			continue
		}
		for _, o := range texts {
			if o.X < it.X+it.W && it.X < o.X+o.W && abs(o.Y-it.Y) < unit.Length(max(o.Size, it.Size))*unit.HalfPoint {
				t.Errorf("page %d: %q and %q overlap", pi+1, o.Text, it.Text)
			}
		}
		texts = append(texts, it)
	}
}

func abs(l unit.Length) unit.Length {
	if l < 0 {
		return -l
	}
	return l
}

func text(p layout.Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		b.WriteString(it.Text)
		b.WriteString("\n")
	}
	return b.String()
}

func TestPlace_RedAuthorityAndAward(t *testing.T) {
	f := testFonts(t)
	s, _ := FromInput(testInput(5), "QĐ-UBND")
	r, err := Place(s, f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	red := map[string]bool{}
	for _, it := range r.Pages[2].Items {
		if it.Kind == layout.Text && it.Color == layout.Red {
			red[it.Text] = true
		}
	}
	if !red["CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ"] || !red["LAO ĐỘNG TIÊN TIẾN"] || len(red) != 2 {
		t.Errorf("red texts of page 3 = %v", red)
	}
}

func TestPlace_TooLongIsFitError(t *testing.T) {
	f := testFonts(t)
	in := testInput(2)
	rows := in.Values["ca_nhan"].([]data.Row)
	rows[0].Values["thanh_tich"] = strings.Repeat("rất dài ", 400)
	rows[0].Values["ho_ten"] = strings.Repeat("Nguyễn", 60)
	s, _ := FromInput(in, "QĐ-UBND")
	_, err := Place(s, f, Options{})
	fe, ok := err.(*FitError)
	if !ok {
		t.Fatalf("err = %v, want *FitError", err)
	}
	if d := fe.Diag(); d.Code != diag.CodeTooManyPages || d.Pos != rows[0].At {
		t.Errorf("diag = %v at %v, want F004 at %v", d.Code, d.Pos, rows[0].At)
	}
}

func TestPlace_FormOnlyVariableText(t *testing.T) {
	f := testFonts(t)
	s, _ := FromInput(testInput(25), "QĐ-UBND")
	form := DefaultForm()
	form.DX, form.DY = unit.MMs(2), -unit.MMs(1)
	r, err := Place(s, f, Options{Form: form, FirstBook: 7})
	if err != nil {
		t.Fatal(err)
	}
	inside(t, r, f, 0)
	for pi, pg := range r.Pages {
		noOverlap(t, pi, pg)
	}
	p := text(r.Pages[4])
	for _, absent := range []string{"CỘNG HÒA", "GIẤY KHEN", "TẶNG", "Số sổ vàng", "CHỦ TỊCH ỦY BAN"} {
		if strings.Contains(p, absent) {
			t.Errorf("form page prints the pre-printed %q", absent)
		}
	}
	for _, present := range []string{s.Recipients[4].Name, "11", "12/QĐ-UBND ngày 25/11/2024", "Vạn Giã, ngày 25 tháng 11 năm 2024", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Trường"} {
		if !strings.Contains(p, present) {
			t.Errorf("form page lacks %q:\n%s", present, p)
		}
	}
	for _, it := range r.Pages[4].Items {
		if it.Kind != layout.Text {
			t.Errorf("form page draws a %v", it.Kind)
		}
		if it.Text == s.Recipients[4].Name {
			want := mm(148.5) + form.DX
			if c := it.X + it.W/2; abs(c-want) > unit.MM/100 {
				t.Errorf("name centred at %v, want %v", c, want)
			}
			if it.Y != mm(92)+form.DY {
				t.Errorf("name baseline %v, want %v", it.Y, mm(92)+form.DY)
			}
		}
	}
}

func TestParseForm(t *testing.T) {
	good := "luu = \"VT\"\n[giay_khen]\nlech_x = 1.5\nlech_y = -2\nten = { x = 150, y = 90.5, rong = 200, co_chu = 20, dong = 1 }\nco_quan = { an = false }\n\n[giay_khen.thanh_tich]\ny = 130\n"
	form, ds := ParseForm("vanban.toml", []byte(good))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	ten := form.Fields[fieldIndex("ten")]
	if form.DX != mm(1.5) || form.DY != -unit.MMs(2) || ten.X != unit.MMs(150) || ten.Y != mm(90.5) || ten.W != unit.MMs(200) || ten.Size != 40 || ten.Lines != 1 {
		t.Errorf("form = %+v, ten = %+v", form, ten)
	}
	if form.Fields[fieldIndex("co_quan")].Hide || form.Fields[fieldIndex("thanh_tich")].Y != unit.MMs(130) {
		t.Errorf("co_quan or thanh_tich not read: %+v", form.Fields)
	}
	if f, ds := ParseForm("vanban.toml", []byte("luu = \"VT\"\n")); ds != nil || len(f.Fields) != len(fieldDefaults) {
		t.Errorf("no table: %v %v", f, ds)
	}
	for _, c := range []struct {
		src, code, pos string
	}{
		{"[giay_khen]\nten = { x = 400, y = 90 }\n", "D025", "vanban.toml:2:9"},
		{"[giay_khen]\nten = { x = \"giữa\" }\n", "D007", "vanban.toml:2:9"},
		{"[giay_khen]\nho_tem = { x = 10 }\n", "D002", "vanban.toml:2:1"},
		{"[giay_khen]\n\n[giay_khen.ten]\nx = 10\nrong = 200\n", "D025", "vanban.toml:3:2"},
		{"[giay_khen]\nten = { x = 10, mau = 1 }\n", "D002", "vanban.toml:2:17"},
		{"[giay_khen]\nlech_x = 80\n", "D025", "vanban.toml:2:1"},
		{"[giay_khen]\nten = { an = 1 }\n", "D007", "vanban.toml:2:9"},
		{"giay_khen = 3\n", "D007", "vanban.toml:1:1"},
		{"[giay_khen\n", "D001", "vanban.toml:2:"},
	} {
		_, ds := ParseForm("vanban.toml", []byte(c.src))
		if len(ds) != 1 || string(ds[0].Code) != c.code || !strings.HasPrefix(ds[0].Pos.String(), c.pos) {
			t.Errorf("%q: got %v, want one %s at %s", c.src, ds, c.code, c.pos)
		}
	}
}

func TestCalibration_Grid(t *testing.T) {
	f := testFonts(t)
	r := Calibration(DefaultForm(), f)
	if len(r.Pages) != 1 {
		t.Fatalf("pages = %d", len(r.Pages))
	}
	inside(t, r, f, 0)
	var rules, labels int
	for _, it := range r.Pages[0].Items {
		switch {
		case it.Kind == layout.Rule:
			rules++
		case it.Kind == layout.Text && it.Text == "150":
			labels++
		}
	}
	// 297/5+1 vertical and 210/5+1 horizontal lines; "150" on both rulers
	if rules != 60+43 || labels != 2 {
		t.Errorf("rules = %d, \"150\" labels = %d", rules, labels)
	}
}

// TestWrite_PDF renders 25 certificates in both modes: twice identical
// bytes, and pdftotext reads every name back exactly.
func TestWrite_PDF(t *testing.T) {
	f := testFonts(t)
	s, _ := FromInput(testInput(25), "QĐ-UBND")
	for _, mode := range []struct {
		name string
		form *Form
	}{{"full", nil}, {"phoi", DefaultForm()}} {
		t.Run(mode.name, func(t *testing.T) {
			render := func() []byte {
				r, err := Place(s, f, Options{Form: mode.form})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := Write(&b, r, s.Number); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			a, b := render(), render()
			if !bytes.Equal(a, b) {
				t.Fatal("two renderings differ")
			}
			path := filepath.Join(t.TempDir(), "gk.pdf")
			if err := os.WriteFile(path, a, 0o644); err != nil {
				t.Fatal(err)
			}
			out := testutil.Run(t, "pdftotext", "-layout", path, "-")
			pages := strings.Split(strings.TrimSuffix(out, "\f"), "\f")
			if len(pages) != 25 {
				t.Fatalf("pdftotext pages = %d", len(pages))
			}
			for i, r := range s.Recipients {
				// Line breaks aside (a long name wraps), the name is exact.
				got := strings.Join(strings.Fields(pages[i]), " ")
				if !strings.Contains(got, r.Name) && !strings.Contains(noSpace(got), noSpace(r.Name)) {
					t.Errorf("page %d: name %q not read back:\n%s", i+1, r.Name, got)
				}
			}
		})
	}
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }
