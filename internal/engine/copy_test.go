package engine_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"vanban/internal/data"
	"vanban/internal/engine"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/testutil"
	"vanban/internal/unit"
)

// copyWorkspace copies the Vạn Giã sample into a temporary folder and gives
// its Quyết định its number, as a document is numbered before it is copied.
func copyWorkspace(t *testing.T) engine.Job {
	t.Helper()
	dir := t.TempDir()
	names, _ := filepath.Glob("../../testdata/van-gia-2024/*.toml")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(n)), b, 0o644)
	}
	j := engine.Job{Dir: dir, Name: "quyet-dinh-khen-thuong.toml"}
	_, ds, err := newEng(t, engine.Options{}).Assign(context.Background(), j, engine.AssignRequest{})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	return j
}

func copyDate(t *testing.T, s string) data.Date {
	d, reason := data.ParseDate(s)
	if reason != "" {
		t.Fatal(reason)
	}
	return d
}

func makeCopy(t *testing.T, j engine.Job, req engine.CopyRequest) engine.CopyResult {
	t.Helper()
	res, err := newEng(t, engine.Options{}).Copy(context.Background(), j, req)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	return res
}

// findText returns the items of p whose text is text.
func findText(p layout.Page, text string) []layout.Item {
	var out []layout.Item
	for _, it := range p.Items {
		if it.Kind == layout.Text && strings.TrimSpace(it.Text) == text {
			out = append(out, it)
		}
	}
	return out
}

// TestCopy_PaperGeometry: the copy block of a sao y sits where Phụ lục I,
// Phần II, II.2–3 and Mẫu 3.1 put it, in the decree's sizes, under the
// original's pages left as they were.
func TestCopy_PaperGeometry(t *testing.T) {
	j := copyWorkspace(t)
	res := makeCopy(t, j, engine.CopyRequest{Kind: format.SaoY, Date: copyDate(t, "2024-12-02"),
		Recipients: []string{"Phòng Nội vụ huyện Vạn Ninh"}})
	orig, err := newEng(t, engine.Options{}).Build(j, true)
	if err != nil || orig.Layout == nil {
		t.Fatal(err, orig.Diags)
	}
	// The original's pages are the copy's, item for item.
	if len(res.Layout.Pages) != len(orig.Layout.Pages) {
		t.Fatalf("copy has %d pages, original %d: the block fits on the last page", len(res.Layout.Pages), len(orig.Layout.Pages))
	}
	for i, p := range orig.Layout.Pages {
		cp := res.Layout.Pages[i].Items
		if len(cp) < len(p.Items) {
			t.Fatalf("page %d lost items", i+1)
		}
		for k := range p.Items {
			if cp[k] != p.Items[k] {
				t.Fatalf("page %d item %d changed: %+v → %+v", i+1, k, p.Items[k], cp[k])
			}
		}
	}
	pl := res.Placement
	page := res.Layout.Pages[pl.Page]
	added := page.Items[len(orig.Layout.Pages[pl.Page].Items):]
	s := format.NewSheet("quyet-dinh")
	cs := s.CopyStyles()
	// II.2.a: a solid rule the full width of the text area, below the last line.
	text := page.W - s.Left - s.Right
	if pl.Rule.Kind != layout.Rule || pl.Rule.X != s.Left || pl.Rule.W != text || added[0] != pl.Rule {
		t.Errorf("PL1_PhanII_II.2.a rule %+v; want x=%v w=%v first", pl.Rule, s.Left, text)
	}
	for _, it := range orig.Layout.Pages[pl.Page].Items {
		if it.Y >= pl.Rule.Y {
			t.Errorf("original item %q at or below the rule", it.Text)
		}
	}
	leftEnd := s.Left + s.LeftCol
	rightX := page.W - s.Right - s.RightCol
	centred := func(it layout.Item, x, w unit.Length) bool {
		mid := it.X + it.W/2
		return mid-(x+w/2) <= unit.MM/10 && (x+w/2)-mid <= unit.MM/10
	}
	one := func(text string) layout.Item {
		t.Helper()
		got := findText(layout.Page{Items: added}, text)
		if len(got) != 1 {
			t.Fatalf("%q in the block %d times", text, len(got))
		}
		return got[0]
	}
	body := one("ỦY BAN NHÂN DÂN")
	kind := one("SAO Y")
	num := one("Số: 01/SY-UBND")
	date := one("Vạn Giã, ngày 02 tháng 12 năm 2024")
	label := one("Nơi nhận:")
	auth := one("TM. ỦY BAN NHÂN DÂN")
	name := one("Nguyễn Hữu Trường")
	for _, c := range []struct {
		name    string
		it      layout.Item
		st      format.Style
		style   font.Style
		left    bool // in the left column, else the right one
		centred bool
	}{
		{"PL1_PhanII_II.1.b_ten_co_quan", body, cs.Body, font.Bold, true, true},
		{"PL1_PhanII_II.2.b_hinh_thuc_sao", kind, cs.Kind, font.Bold, false, true},
		{"PL1_PhanII_II.1.c_so_ky_hieu", num, cs.Number, font.Regular, true, true},
		{"PL1_PhanII_II.1.d_dia_danh_thoi_gian", date, cs.PlaceDate, font.Italic, false, true},
		{"PL1_PhanII_II.1.g_noi_nhan", label, cs.Label, font.BoldItalic, true, false},
		{"PL1_PhanII_II.1.đ_quyen_han", auth, cs.Authority, font.Bold, false, true},
		{"PL1_PhanII_II.1.đ_ho_ten", name, cs.Name, font.Bold, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.it.Size != c.st.Size || c.it.Style != c.style {
				t.Errorf("%q size %d hp style %v; want %d hp %v", c.it.Text, c.it.Size, c.it.Style, c.st.Size, c.style)
			}
			if c.left && (c.it.X < s.Left || c.it.X+c.it.W > leftEnd) || !c.left && (c.it.X < rightX || c.it.X+c.it.W > page.W-s.Right) {
				t.Errorf("%q at x=%v w=%v outside its column", c.it.Text, c.it.X, c.it.W)
			}
			if c.centred && !centred(c.it, map[bool]unit.Length{true: s.Left, false: rightX}[c.left], map[bool]unit.Length{true: s.LeftCol, false: s.RightCol}[c.left]) {
				t.Errorf("%q not centred in its column", c.it.Text)
			}
			if c.it.Y <= pl.Rule.Y || c.it.Y > page.H-s.Bottom {
				t.Errorf("%q at y=%v: not between the rule (%v) and the bottom margin", c.it.Text, c.it.Y, pl.Rule.Y)
			}
		})
	}
	// Mẫu 3.1: ô 2 and ô 1 on the first line; a short rule under ô 2; ô 3
	// under it level with ô 4; Nơi nhận under ô 3; the name a signature
	// space under the title.
	var under layout.Item
	for _, it := range added[1:] {
		if it.Kind == layout.Rule {
			under = it
		}
	}
	if d := body.Y - kind.Y; d > 2*unit.Point || d < -2*unit.Point {
		t.Errorf("ô 2 (y=%v) and ô 1 (y=%v) not on one line", body.Y, kind.Y)
	}
	if under.W <= 0 || under.W >= s.LeftCol || under.Y <= body.Y || under.Y >= num.Y || !centred(under, s.Left, s.LeftCol) {
		t.Errorf("rule under ô 2 %+v", under)
	}
	if d := num.Y - date.Y; d > 2*unit.Point || d < -2*unit.Point {
		t.Errorf("ô 3 (y=%v) and ô 4 (y=%v) not on one level", num.Y, date.Y)
	}
	if label.Y <= num.Y || auth.Y <= date.Y || name.Y-auth.Y < cs.SignSpace {
		t.Errorf("second row: label %v, authority %v, name %v", label.Y, auth.Y, name.Y)
	}
	for _, it := range added {
		if it.X < s.Left || it.X+it.W > page.W-s.Right+unit.EMU || it.Y > page.H-s.Bottom {
			t.Errorf("%q outside the margins", it.Text)
		}
	}
}

// TestCopy_PaperText: pdftotext reads the whole original, then the copy
// block, in order; qpdf finds nothing wrong; the bytes are the same on
// every run, and the file is what Copy returned.
func TestCopy_PaperText(t *testing.T) {
	j := copyWorkspace(t)
	out := t.TempDir()
	req := engine.CopyRequest{Kind: format.SaoY, Date: copyDate(t, "2024-12-02"), Recipients: []string{"Phòng Nội vụ huyện Vạn Ninh"}, Out: out}
	res := makeCopy(t, j, req)
	if res.Path != filepath.Join(out, "quyet-dinh-khen-thuong.sao-y.pdf") {
		t.Errorf("path %q", res.Path)
	}
	written, err := os.ReadFile(res.Path)
	if err != nil || !bytes.Equal(written, res.PDF) {
		t.Fatalf("written file differs from the result: %v", err)
	}
	again := makeCopy(t, j, req)
	if !bytes.Equal(again.PDF, res.PDF) {
		t.Error("two runs give different bytes")
	}
	if out := testutil.Run(t, "qpdf", "--check", res.Path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	orig, err := newEng(t, engine.Options{}).Build(j, true)
	if err != nil || orig.PDF == nil {
		t.Fatal(err, orig.Diags)
	}
	op := filepath.Join(t.TempDir(), "orig.pdf")
	os.WriteFile(op, orig.PDF, 0o644)
	origText := strings.TrimRight(testutil.Run(t, "pdftotext", op, "-"), "\f\n")
	got := testutil.Run(t, "pdftotext", res.Path, "-")
	if !strings.HasPrefix(got, origText) {
		t.Fatalf("the copy's text does not start with the original's")
	}
	block := got[len(origText):]
	at := 0
	for _, w := range []string{"ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ", "SAO Y", "Số: 01/SY-UBND", "Vạn Giã, ngày 02 tháng 12 năm 2024",
		"Nơi nhận:", "- Phòng Nội vụ huyện Vạn Ninh;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hữu Trường"} {
		i := strings.Index(block[at:], w)
		if i < 0 {
			t.Fatalf("copy block lacks %q after %q", w, block[:at])
		}
		at += i + len(w)
	}
	if strings.TrimSpace(block[at:]) != "" {
		t.Errorf("text after the block: %q", block[at:])
	}
}

// TestCopy_Register: the copy's number comes from the body's copy series,
// shared by the three kinds; copying again takes no second number, even
// on another day; the register's rows list the copy.
func TestCopy_Register(t *testing.T) {
	j := copyWorkspace(t)
	ctx := context.Background()
	first := makeCopy(t, j, engine.CopyRequest{Kind: format.SaoY, Date: copyDate(t, "2024-12-02")})
	e := first.Entry
	if e.Series != "UBND/sao" || e.Year != 2024 || e.Number != 1 || e.Symbol != "SY-UBND" || e.Doc != "quyet-dinh-khen-thuong.sao-y" || e.Date != "2024-12-02" {
		t.Errorf("entry %+v", e)
	}
	// Again, on another day and with the clock: the same number and date,
	// and a warning that the date asked for is not the register's.
	eng := newEng(t, engine.Options{})
	again, err := eng.Copy(ctx, j, engine.CopyRequest{Kind: format.SaoY, Date: copyDate(t, "2024-12-09")})
	if err != nil || again.Entry != e || len(again.Diags) == 0 || again.Diags[len(again.Diags)-1].Code != "R003" {
		t.Errorf("second copy: %+v %v %v", again.Entry, again.Diags, err)
	}
	clock := makeCopy(t, j, engine.CopyRequest{Kind: format.SaoY, Today: func() time.Time { return time.Date(2025, 1, 5, 9, 0, 0, 0, time.UTC) }})
	if clock.Entry != e {
		t.Errorf("copy by the clock: %+v", clock.Entry)
	}
	// Another kind: the next number of the same series.
	luc := makeCopy(t, j, engine.CopyRequest{Kind: format.SaoLuc, Date: copyDate(t, "2024-12-03")})
	if luc.Entry.Series != "UBND/sao" || luc.Entry.Number != 2 || luc.Entry.Symbol != "SL-UBND" {
		t.Errorf("sao lục %+v", luc.Entry)
	}
	// A new year starts again from 01 (Phần II, II.1.c).
	trich := makeCopy(t, j, engine.CopyRequest{Kind: format.TrichSao, Date: copyDate(t, "2025-01-02"), Parts: selection(t, "Điều 1")})
	if trich.Entry.Number != 1 || trich.Entry.Year != 2025 || trich.Entry.Symbol != "TrS-UBND" {
		t.Errorf("trích sao %+v", trich.Entry)
	}
	rows, ok, ds, err := newEng(t, engine.Options{}).RegisterRows(ctx, j.Dir, 2024)
	if !ok || err != nil || ds.HasErrors() {
		t.Fatal(ok, ds, err)
	}
	var copies []string
	for _, r := range rows[1:] {
		if strings.Contains(r[0], "/S") {
			copies = append(copies, r[0]+" | "+r[2])
		}
	}
	want := []string{
		"01/SY-UBND | Bản sao y quyết định số 01/QĐ-UBND ngày 25/11/2024 về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua lĩnh vực Nội vụ năm 2024",
		"02/SL-UBND | Bản sao lục quyết định số 01/QĐ-UBND ngày 25/11/2024 về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua lĩnh vực Nội vụ năm 2024",
	}
	if strings.Join(copies, "\n") != strings.Join(want, "\n") {
		t.Errorf("register rows of copies:\n%s\nwant\n%s", strings.Join(copies, "\n"), strings.Join(want, "\n"))
	}
}

// TestCopy_NoRegisterOnErrors: a document with errors gets no copy number.
func TestCopy_NoRegisterOnErrors(t *testing.T) {
	j := copyWorkspace(t)
	p := j.Path()
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte(`ngay = "2024-11-25"`), []byte(`ngay = "2024-11-31"`), 1), 0o644)
	res, err := newEng(t, engine.Options{}).Copy(context.Background(), j, engine.CopyRequest{Kind: format.SaoY, Date: copyDate(t, "2024-12-02")})
	if err != nil || !res.Diags.HasErrors() || res.PDF != nil || res.Entry.Number != 0 {
		t.Fatalf("copy of a broken document: %+v %v", res.Entry, err)
	}
	rows, _, _, _ := newEng(t, engine.Options{}).RegisterRows(context.Background(), j.Dir, 0)
	for _, r := range rows[1:] {
		if strings.Contains(r[0], "SY-") {
			t.Errorf("registered: %q", r)
		}
	}
}

// TestCopy_Electronic: an electronic copy has no copy block; ô 14 holds
// the copy kind, the copying body and the signing time's blank, in 10 pt
// upright, and nothing else of page 1 lies in ô 14 — in the layout and in
// the PDF as poppler reads it back.
func TestCopy_Electronic(t *testing.T) {
	j := copyWorkspace(t)
	out := t.TempDir()
	res := makeCopy(t, j, engine.CopyRequest{Kind: format.SaoY, Electronic: true, Date: copyDate(t, "2024-12-02"), Out: out})
	orig, err := newEng(t, engine.Options{}).Build(j, true)
	if err != nil || orig.Layout == nil {
		t.Fatal(err, orig.Diags)
	}
	box := res.Layout.Signing.Box14
	r := box.Rect
	inside := func(it layout.Item) bool {
		return it.X >= r.X && it.X+it.W <= r.X+r.W && it.Y > r.Y && it.Y < r.Y+r.H
	}
	for i, p := range res.Layout.Pages {
		n := len(orig.Layout.Pages[i].Items)
		if i != box.Page && len(p.Items) != n {
			t.Errorf("page %d has %d items more", i+1, len(p.Items)-n)
		}
		for k, it := range p.Items {
			if i == box.Page && k < n && inside(it) {
				t.Errorf("original item %q inside ô 14", it.Text)
			}
		}
	}
	added := res.Layout.Pages[box.Page].Items[len(orig.Layout.Pages[box.Page].Items):]
	var lines []string
	for _, it := range added {
		if it.Kind != layout.Text || !inside(it) || it.Size != format.Box14Size || it.Style != font.Regular || it.Color != 0 {
			t.Errorf("PL1_PhanII_I.3 ô 14 item %+v: want 10 pt upright black inside %+v", it, r)
		}
		lines = append(lines, it.Text)
	}
	if want := "Sao y; Ủy ban nhân dân thị trấn Vạn Giã|Thời gian ký: …"; strings.Join(lines, "|") != want {
		t.Errorf("ô 14 text %q, want %q", strings.Join(lines, "|"), want)
	}
	// Read back: every word poppler finds in ô 14 is ô 14's, and all of
	// ô 14's words are there.
	bbox := testutil.Run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", res.Path, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	pt := func(l unit.Length) float64 { return l.Points() }
	var in []string
	for _, m := range re.FindAllStringSubmatch(bbox, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		if x1 > pt(r.X) && x0 < pt(r.X+r.W) && y1 > pt(r.Y) && y0 < pt(r.Y+r.H) {
			if x0 < pt(r.X)-0.5 || x1 > pt(r.X+r.W)+0.5 || y0 < pt(r.Y)-0.5 || y1 > pt(r.Y+r.H)+0.5 {
				t.Errorf("word %q crosses the edge of ô 14", m[5])
			}
			in = append(in, m[5])
		}
	}
	if got, want := strings.Join(in, " "), "Sao y; Ủy ban nhân dân thị trấn Vạn Giã Thời gian ký: …"; got != want {
		t.Errorf("words in ô 14 %q, want %q", got, want)
	}
	if out := testutil.Run(t, "qpdf", "--check", res.Path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
