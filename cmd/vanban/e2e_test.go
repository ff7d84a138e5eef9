package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"vanban/internal/engine"
	"vanban/internal/resolve"

	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/testutil"
	"vanban/internal/unit"
)

const sampleDir = "../../testdata/van-gia-2024"

var samples = []string{"ke-hoach", "ke-hoach-thi-dua", "to-trinh-khen-thuong", "quyet-dinh-khen-thuong", "bao-cao-ket-qua"}

// buildSample builds one sample document in memory.
func buildSample(t testing.TB, name string) engine.Result {
	t.Helper()
	res := buildIn(t, sampleDir, name)
	if res.Diags.HasErrors() {
		t.Fatalf("%s: %v", name, res.Diags)
	}
	return res
}

// buildIn builds one document of a workspace with a fresh engine.
func buildIn(t testing.TB, dir, name string) engine.Result {
	t.Helper()
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	res, err := eng.Build(engine.Job{Dir: dir, Name: name + ".toml"}, true)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// stages returns the model and layout of a sample, for the golden dumps.
func stages(t *testing.T, name string) (*model.Document, *layout.Result) {
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	set, _ := eng.Templates(sampleDir)
	j := engine.Job{Dir: sampleDir, Name: name + ".toml"}
	in, doc := loadDoc(t, eng, set, j)
	_ = in
	rd, err := resolve.Resolve(doc, format.NewSheet(doc.Kind), eng.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	lay, err := layout.Place(rd, eng.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	return doc, lay
}

func TestSamples_ModelAndLayoutGolden(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			doc, lay := stages(t, name)
			var m, l bytes.Buffer
			model.Dump(&m, doc)
			layout.Dump(&l, lay)
			testutil.Golden(t, filepath.Join("testdata", "golden", name+".model"), m.Bytes())
			testutil.Golden(t, filepath.Join("testdata", "golden", name+".layout"), l.Bytes())
		})
	}
}

// words turns text into its words, for word-for-word comparison.
func words(s string) []string { return strings.Fields(s) }

// seedWords is the text of the source plan, markup removed, with the header
// the extraction lost put back in reading order.
func seedWords(t *testing.T) []string {
	// A copy of shared/seed/ke-hoach-thi-dua-noi-vu-2024.md, the plan as
	// extracted from the real document.
	b, err := os.ReadFile("testdata/seed-ke-hoach-thi-dua-noi-vu-2024.md")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer("**", "", "## ", "", "### ", "").Replace(string(b))
	header := "ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
	return words(header + s)
}

// pdfPages extracts the text of a PDF in content order, one string a page.
func pdfPages(t *testing.T, pdf []byte) []string {
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out := testutil.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	pages := strings.Split(out, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// TestSample_TextRoundTrip: pdftotext reads back the source plan word for
// word, and page numbers stand first on every page from page 2 only.
func TestSample_TextRoundTrip(t *testing.T) {
	res := buildSample(t, "ke-hoach")
	pages := pdfPages(t, res.PDF)
	if len(pages) != res.Pages || len(pages) < 2 {
		t.Fatalf("pdftotext found %d pages, layout made %d", len(pages), res.Pages)
	}
	var got []string
	for i, p := range pages {
		ws := words(p)
		if i == 0 {
			if ws[0] != "ỦY" {
				t.Errorf("page 1 starts with %q: no page number on page 1 expected", ws[0])
			}
		} else {
			if ws[0] != strconv.Itoa(i+1) {
				t.Errorf("page %d starts with %q, want its number", i+1, ws[0])
			}
			ws = ws[1:]
		}
		got = append(got, ws...)
	}
	want := seedWords(t)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		for i := 0; i < min(len(got), len(want)); i++ {
			if got[i] != want[i] {
				t.Fatalf("word %d: got %q, want %q\ngot:  …%s…\nwant: …%s…", i, got[i], want[i],
					strings.Join(got[max(0, i-8):min(len(got), i+8)], " "), strings.Join(want[max(0, i-8):min(len(want), i+8)], " "))
			}
		}
		t.Fatalf("got %d words, want %d", len(got), len(want))
	}
}

// TestSampleThiDua_DerivedFacts: the template computes the anniversaries
// from the year, so the sample's copied "78 năm … 2023" cannot happen.
func TestSampleThiDua_DerivedFacts(t *testing.T) {
	res := buildSample(t, "ke-hoach-thi-dua")
	text := strings.Join(words(strings.Join(pdfPages(t, res.PDF), " ")), " ")
	for _, want := range []string{
		"79 năm ngày truyền thống ngành Tổ chức Nhà nước (28/8/1945 - 28/8/2024)",
		"76 năm ngày truyền thống Thi đua yêu nước (11/6/1948 - 11/6/2024)",
		"69 năm ngày truyền thống ngành Quản lý nhà nước về tôn giáo (02/8/1955 - 02/8/2024)",
		"kỷ niệm 79 năm ngày thành lập Bộ Nội vụ",
		"Thực hiện Kế hoạch số 424/KH-NV ngày 08/5/2024 của Phòng Nội vụ huyện Vạn Ninh về việc",
		"trước ngày 15/11/2024",
		"Số: /KH-UBND",
		"Vạn Giã, ngày tháng 5 năm 2024",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(text, "78 năm") || strings.Contains(text, "2023)") {
		t.Error("stale anniversary from the previous year")
	}
}

// TestSamples_Deterministic builds every sample several times, in parallel
// and under two time zones, and requires identical PDF and DOCX bytes.
func TestSamples_Deterministic(t *testing.T) {
	both := func(r engine.Result) []byte { return append(append([]byte{}, r.PDF...), r.DOCX...) }
	for _, name := range samples {
		first := both(buildSample(t, name))
		var wg sync.WaitGroup
		outs := make([][]byte, 4)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				eng, _ := newEngine()
				r, _ := eng.Build(engine.Job{Dir: sampleDir, Name: name + ".toml"}, true)
				outs[i] = both(r)
			}()
		}
		wg.Wait()
		t.Setenv("TZ", "Asia/Ho_Chi_Minh")
		outs = append(outs, both(buildSample(t, name)))
		for i, o := range outs {
			if !bytes.Equal(first, o) {
				t.Errorf("%s: build %d (PDF and DOCX) differs from the first", name, i)
			}
		}
	}
}

// TestSample_PDFStructure checks the file as an independent reader sees it:
// A4, PDF ≥ 1.4, fonts embedded, metadata date = issue date, every word
// inside the margins, page numbers in the top margin.
func TestSample_PDFStructure(t *testing.T) {
	res := buildSample(t, "ke-hoach")
	path := filepath.Join(t.TempDir(), "kh.pdf")
	os.WriteFile(path, res.PDF, 0o644)
	info := testutil.Run(t, "pdfinfo", path)
	for _, want := range []string{`Page size:\s+595.28 x 841.89 pts \(A4\)`, `PDF version:\s+1\.[4-7]`, `Producer:\s+vanban`,
		`CreationDate:\s+Wed May  1 12:00:00 2024`, `Pages:\s+3`} {
		if !regexp.MustCompile(want).MatchString(info) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	fonts := testutil.Run(t, "pdffonts", path)
	if n := len(regexp.MustCompile(`(?m)CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes`).FindAllString(fonts, -1)); n != 4 {
		t.Errorf("fonts not all embedded:\n%s", fonts)
	}
	bbox := testutil.Run(t, "pdftotext", "-bbox", path, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	mm := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v / 72 * 25.4 }
	page := 0
	for _, ln := range strings.Split(bbox, "\n") {
		if strings.Contains(ln, "<page ") {
			page++
			continue
		}
		m := re.FindStringSubmatch(ln)
		if m == nil {
			continue
		}
		x0, y0, x1, y1 := mm(m[1]), mm(m[2]), mm(m[3]), mm(m[4])
		if x0 < 30-0.01 || x1 > 210-15+0.01 {
			t.Errorf("page %d: %q at x %.1f–%.1f mm is outside the 30/15 mm side margins", page, m[5], x0, x1)
		}
		isNumber := y1 < 20
		if isNumber && (page == 1 || m[5] != strconv.Itoa(page)) {
			t.Errorf("page %d: %q in the top margin", page, m[5])
		}
		if !isNumber && (y0 < 20-0.01 || y1 > 297-20+0.01) {
			t.Errorf("page %d: %q at y %.1f–%.1f mm is outside the 20 mm margins", page, m[5], y0, y1)
		}
	}
}

// TestSample_HeaderGeometry checks the measurable NĐ 30 header rules on the
// layout: rule under the motto = its text, rule under the issuer and the
// trích yếu 1/3–1/2 of their line, centred.
func TestSample_HeaderGeometry(t *testing.T) {
	_, lay := stages(t, "ke-hoach")
	p1 := lay.Pages[0].Items
	find := func(text string) layout.Item {
		for _, it := range p1 {
			if it.Kind == layout.Text && it.Text == text {
				return it
			}
		}
		t.Fatalf("no text %q on page 1", text)
		return layout.Item{}
	}
	var rules []layout.Item
	for _, it := range p1 {
		if it.Kind == layout.Rule {
			rules = append(rules, it)
		}
	}
	if len(rules) != 3 {
		t.Fatalf("%d rules on page 1, want 3", len(rules))
	}
	issuer, motto, summary := find("THỊ TRẤN VẠN GIÃ"), find("Độc lập - Tự do - Hạnh phúc"), find("Phát động phong trào thi đua trong lĩnh vực Nội vụ năm 2024")
	qh := find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	if qh.Size != 26 || qh.Style != 1 || motto.Size != 28 || issuer.Size != 26 || summary.Size != 28 {
		t.Errorf("sizes: quốc hiệu %d, tiêu ngữ %d, issuer %d, trích yếu %d half-points", qh.Size, motto.Size, issuer.Size, summary.Size)
	}
	centre := func(it layout.Item) unit.Length { return it.X + it.W/2 }
	check := func(name string, r, text layout.Item, lo, hi float64) {
		ratio := float64(r.W) / float64(text.W)
		if ratio < lo || ratio > hi {
			t.Errorf("%s rule is %.2f of its text, want %.2f–%.2f", name, ratio, lo, hi)
		}
		if d := centre(r) - centre(text); d < -unit.MM/10 || d > unit.MM/10 {
			t.Errorf("%s rule off centre by %v", name, d)
		}
		if r.Y <= text.Y {
			t.Errorf("%s rule above its text", name)
		}
	}
	check("issuer", rules[0], find("ỦY BAN NHÂN DÂN"), 1.0/3, 0.5)
	check("motto", rules[1], motto, 1, 1)
	check("summary", rules[2], summary, 1.0/3, 0.5)
	num, date := find("Số:       /KH-UBND"), find(format.DateLine("Vạn Giã", model.Date{Year: 2024, Month: 5}))
	if d := num.Y - date.Y; d < -unit.Pt(1) || d > unit.Pt(1) {
		t.Errorf("Số and date not on one level: %v apart", d)
	}
	if date.Style != 2 {
		t.Errorf("date style %v, want italic", date.Style)
	}
}

// TestCheck_PrintsModel: `vanban check -in mo-hinh` prints the model dump
// the golden files hold, and writes nothing.
func TestCheck_PrintsModel(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"check", "-in", "mo-hinh", filepath.Join(sampleDir, "ke-hoach.toml")}, nil, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "golden", "ke-hoach.model"))
	if len(want) == 0 || !strings.HasPrefix(out.String(), string(want)) {
		t.Errorf("check -in mo-hinh does not print the model:\n%.300s", out.String())
	}
}

func TestRun_Help(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"help"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "vanban build [-o THƯ_MỤC]") {
		t.Errorf("help: %s", out.String())
	}
	if code := run(context.Background(), []string{"bogus"}, nil, &out, &errb); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
}

// TestSamples_PDFReadsBackAsLaidOut: for every sample of both sets, what
// pdftotext reads from the PDF is, word for word, the text we laid out:
// every diacritic of every word survives the font subset and ToUnicode map.
func TestSamples_PDFReadsBackAsLaidOut(t *testing.T) {
	sets := map[string][]string{sampleDir: samples, "../../testdata/van-ninh-2025": engine.WorkspaceDocs("../../testdata/van-ninh-2025")}
	for dir, names := range sets {
		for _, name := range names {
			res := buildIn(t, dir, name)
			if res.Diags.HasErrors() || res.Layout == nil {
				t.Fatalf("%s: %v", name, res.Diags)
			}
			var want []string
			for _, p := range res.Layout.Pages {
				// Items of one line carry their own spaces; lines are apart.
				var b strings.Builder
				var y, end unit.Length = -1, 0
				for _, it := range p.Items {
					if it.Kind != layout.Text {
						continue
					}
					// A new line, or a gap wider than a space (another cell or
					// column), separates words.
					if it.Y != y || it.X > end+unit.MM {
						b.WriteString(" ")
						y = it.Y
					}
					b.WriteString(it.Text)
					end = it.X + it.W
				}
				want = append(want, strings.Join(words(b.String()), " "))
			}
			got := pdfPages(t, res.PDF)
			if len(got) != len(want) {
				t.Errorf("%s: %d pages read, %d laid out", name, len(got), len(want))
				continue
			}
			for i := range got {
				if g := strings.Join(words(got[i]), " "); g != want[i] {
					t.Errorf("%s page %d reads\n%s\nwant\n%s", name, i+1, g, want[i])
				}
			}
		}
	}
}

// Flags may follow the paths, as clerks type them.
func TestRun_FlagsAfterPaths(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ket-qua")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", filepath.Join(sampleDir, "ke-hoach.toml"), "-o", out, "-dinh-dang", "pdf"}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 || entries[1].Name() != "ke-hoach.pdf" {
		t.Errorf("out = %v, want the manifest and ke-hoach.pdf", entries)
	}
}
