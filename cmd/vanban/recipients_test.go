package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"vanban/internal/engine"

	"vanban/internal/testutil"
)

// TestRecipients_SplitFidelity (issue 8): a Nơi nhận list too long for one
// page splits after the signature and goes on over the next pages, in the
// PDF as LibreOffice breaks the DOCX's signature rows: the same pages, every
// word on the same page within 1 mm, and every recipient and "- Lưu: …"
// line in the PDF's text.
func TestRecipients_SplitFidelity(t *testing.T) {
	bin := soffice(t)
	testutil.Tool(t, "pdftotext")
	dir := t.TempDir()
	ws := copyWorkspace(t, sampleDir)
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	base := string(mustRead(t, filepath.Join(ws, "ke-hoach.toml")))
	list := regexp.MustCompile(`(?s)noi_nhan = \[.*?\]`)
	lastPara := "Trên đây là Kế hoạch"
	type variant struct {
		name  string
		items []string
		extra int // sentences of a paragraph added before the last one
	}
	numbered := func(n int, long map[int]int) []string {
		var out []string
		for i := 1; i <= n; i++ {
			s := fmt.Sprintf("Đơn vị nhận số %d", i)
			if k := long[i]; k > 0 {
				// Words chosen so that no line ends within a hair of the
				// column's width, where rounding alone decides the break.
				s += strings.Repeat(" và các phòng, ban chuyên môn trực thuộc", k)
			}
			out = append(out, s)
		}
		return out
	}
	variants := []variant{
		{name: "noi-nhan-60", items: numbered(60, nil)},
		{name: "noi-nhan-130", items: numbered(130, nil)},
		// Near the threshold of splitting.
		{name: "noi-nhan-50", items: numbered(50, nil)},
		{name: "noi-nhan-53", items: numbered(53, nil)},
		{name: "noi-nhan-56", items: numbered(56, nil)},
		// Wrapped entries where the continuation meets a page end.
		{name: "noi-nhan-dai", items: numbered(70, map[int]int{3: 4, 9: 1, 10: 3, 14: 6, 20: 2, 24: 1, 25: 8, 26: 3, 27: 2, 28: 1})},
	}
	// Every third entry wraps over two to six lines, so that many page
	// ends fall inside or right after a wrapped entry.
	wraps := map[int]int{}
	for i := 3; i <= 150; i += 3 {
		wraps[i] = 1 + i%5
	}
	variants = append(variants, variant{name: "noi-nhan-dai-150", items: numbered(150, wraps)})
	// The body's end walks down the page, so the head meets the foot of
	// the page and takes the body's last paragraph with it. That one is
	// three lines long: LibreOffice moves a whole paragraph that keeps with
	// a table, where the PDF (and Word) keep its last two lines with it;
	// the two agree on paragraphs of up to three lines.
	for _, n := range []int{1, 2, 3, 5, 8, 12, 20, 30, 45} {
		variants = append(variants, variant{name: fmt.Sprintf("noi-nhan-cuoi-%d", n), items: numbered(75, nil), extra: n})
	}
	var names []string
	want := map[string][]string{}
	for _, v := range variants {
		var quoted []string
		for _, it := range v.items {
			quoted = append(quoted, strconv.Quote(it))
		}
		doc := list.ReplaceAllLiteralString(base, "noi_nhan = ["+strings.Join(quoted, ", ")+"]")
		if v.extra > 0 {
			doc = strings.Replace(doc, lastPara, strings.Repeat("Câu bổ sung để nội dung dài thêm từng dòng một. ", v.extra)+"\n\n"+lastPara, 1)
		}
		if !strings.Contains(doc, lastPara) || doc == base {
			t.Fatalf("%s: the sample changed; the edits do not apply", v.name)
		}
		os.WriteFile(filepath.Join(ws, v.name+".toml"), []byte(doc), 0o644)
		res, err := eng.Build(engine.Job{Dir: ws, Name: v.name + ".toml"}, true)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", v.name, err, res.Diags)
		}
		os.WriteFile(filepath.Join(dir, v.name+".pdf"), res.PDF, 0o644)
		os.WriteFile(filepath.Join(dir, v.name+".docx"), res.DOCX, 0o644)
		names = append(names, v.name)
		want[v.name] = append(append([]string(nil), v.items...), "Lưu: VT")
	}
	lo := libreOfficePDFs(t, bin, dir, names)
	for _, name := range names {
		ours, theirs := filepath.Join(dir, name+".pdf"), filepath.Join(lo, name+".pdf")
		// Every recipient, in order, then "- Lưu: …".
		// The words of the PDF without the page numbers, which may fall
		// inside an entry that breaks.
		var words []string
		for i, page := range strings.Split(testutil.Run(t, "pdftotext", "-enc", "UTF-8", ours, "-"), "\f") {
			f := strings.Fields(page)
			if len(f) > 0 && f[0] == strconv.Itoa(i+1) {
				f = f[1:]
			}
			words = append(words, f...)
		}
		text := strings.Join(words, " ")
		at := 0
		for _, r := range want[name] {
			r = strings.Join(strings.Fields(r), " ")
			i := strings.Index(text[at:], r)
			if i < 0 {
				t.Errorf("%s: the PDF lacks %q (or has it out of order)", name, r)
				break
			}
			at += i + len(r)
		}
		pa, pb := testutil.PDFWords(t, ours), testutil.PDFWords(t, theirs)
		if len(pa) != len(pb) {
			t.Errorf("%s: %d pages in our PDF, %d in LibreOffice's", name, len(pa), len(pb))
			continue
		}
		dx, dy, n := 0.0, 0.0, 0
		for p := range pa {
			if len(pa[p]) != len(pb[p]) {
				t.Errorf("%s: page %d has %d words in our PDF, %d in LibreOffice's", name, p+1, len(pa[p]), len(pb[p]))
			}
			for i := 0; i < min(len(pa[p]), len(pb[p])); i++ {
				a, b := pa[p][i], pb[p][i]
				if a.Text != b.Text {
					t.Errorf("%s: page %d, word %d: %q in our PDF, %q in LibreOffice's", name, p+1, i+1, a.Text, b.Text)
					break
				}
				dx, dy = max(dx, math.Abs(a.X-b.X)), max(dy, math.Abs(a.Y-b.Y))
				n++
			}
		}
		t.Logf("%s: %d pages; %d words placed within %.2f mm across, %.2f mm down", name, len(pa), n, dx, dy)
		if dx > 1 || dy > 1 {
			t.Errorf("%s: a word is %.2f mm across, %.2f mm down from where our PDF has it", name, dx, dy)
		}
	}
}
