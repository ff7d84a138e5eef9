package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"vanban/internal/engine"
	"vanban/internal/layout"
	"vanban/internal/render/pdf"
	"vanban/internal/testutil"
)

var (
	sampleOnce sync.Once
	sampleLay  *layout.Result
	sampleErr  error
)

// sample lays out the 3-page sample plan with the engine, once per test
// binary.
func sample(tb testing.TB) *layout.Result {
	tb.Helper()
	sampleOnce.Do(func() {
		eng, err := engine.New(engine.Options{Version: "test"})
		if err != nil {
			sampleErr = err
			return
		}
		res, err := eng.Build(engine.Job{Dir: "../../../testdata/van-gia-2024", Name: "ke-hoach.toml"}, false)
		if err == nil && res.Layout == nil {
			err = os.ErrNotExist
		}
		sampleLay, sampleErr = res.Layout, err
	})
	if sampleErr != nil {
		tb.Fatalf("sample layout: %v", sampleErr)
	}
	return sampleLay
}

// The số và ký hiệu of the sample, as the engine would pass it.
const sampleKeywords = "Số: /KH-UBND"

// render writes the sample with opt into a temporary file.
func render(t *testing.T, opt pdf.Options) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, sample(t), opt); err != nil {
		t.Fatal(err)
	}
	name := "plain.pdf"
	if opt.PDFA {
		name = "pdfa.pdf"
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testutil.Tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var options = []pdf.Options{{Keywords: sampleKeywords}, {PDFA: true, Keywords: sampleKeywords}}

// squeeze drops the spaces of s: pdftotext's spacing is its own guess.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestWrite_TextRoundTrip: pdftotext reads back, page by page, exactly the
// characters the layout placed (spaces aside), every diacritic included.
func TestWrite_TextRoundTrip(t *testing.T) {
	lay := sample(t)
	for _, opt := range options {
		path, _ := render(t, opt)
		pages := strings.Split(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"), "\f")
		if len(pages) < len(lay.Pages) {
			t.Fatalf("pdftotext found %d pages, layout made %d", len(pages), len(lay.Pages))
		}
		for i, pg := range lay.Pages {
			var want strings.Builder
			for _, it := range pg.Items {
				if it.Kind == layout.Text {
					want.WriteString(it.Text)
				}
			}
			if got, w := squeeze(pages[i]), squeeze(want.String()); got != w {
				t.Errorf("PDF/A %v page %d: pdftotext reads\n%s\nlayout placed\n%s", opt.PDFA, i+1, got, w)
			}
		}
	}
}

// TestWrite_Positions: every word sits where the layout put it: pdftotext's
// left edge of the first word of each text item equals the item's X.
func TestWrite_Positions(t *testing.T) {
	lay := sample(t)
	path, _ := render(t, pdf.Options{})
	bbox := run(t, "pdftotext", "-bbox", path, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	type word struct{ x, y float64 }
	got := map[string][]word{} // page + text → positions
	page := 0
	for _, ln := range strings.Split(bbox, "\n") {
		if strings.Contains(ln, "<page ") {
			page++
		}
		if m := re.FindStringSubmatch(ln); m != nil {
			x, _ := strconv.ParseFloat(m[1], 64)
			got[strconv.Itoa(page)+m[3]] = append(got[strconv.Itoa(page)+m[3]], word{x: x})
		}
	}
	checked := 0
	for i, pg := range lay.Pages {
		joined := false // the previous item ends without a space: pdftotext joins them
		for _, it := range pg.Items {
			if it.Kind != layout.Text {
				continue
			}
			w := strings.TrimSpace(it.Text)
			skip := joined || w == "" || strings.ContainsRune(w, ' ')
			joined = !strings.HasSuffix(it.Text, " ")
			if skip {
				continue
			}
			found := false
			for key, ws := range got {
				if !strings.HasPrefix(key, strconv.Itoa(i+1)+w) {
					continue
				}
				for _, g := range ws {
					found = found || abs(g.x-it.X.Points()) < 0.01
				}
			}
			if !found {
				t.Errorf("page %d: %q not found at x = %.3f pt: %v", i+1, w, it.X.Points(), got[strconv.Itoa(i+1)+w])
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d words checked", checked)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestWrite_Deterministic: the same layout gives the same bytes, also when
// documents are written concurrently.
func TestWrite_Deterministic(t *testing.T) {
	lay := sample(t)
	for _, opt := range options {
		var first bytes.Buffer
		if err := pdf.WriteOptions(&first, lay, opt); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		outs := make([][]byte, 4)
		for i := range outs {
			wg.Go(func() {
				var b bytes.Buffer
				if err := pdf.WriteOptions(&b, lay, opt); err != nil {
					t.Error(err)
				}
				outs[i] = b.Bytes()
			})
		}
		wg.Wait()
		for i, o := range outs {
			if !bytes.Equal(o, first.Bytes()) {
				t.Errorf("PDF/A %v: run %d differs from the first", opt.PDFA, i)
			}
		}
	}
}

// TestWrite_Structure reads the file as bytes: header, a cross-reference
// table whose every offset points at its object, the trailer /ID, subset
// font names, the linked XMP holding the Info values, the output intent.
func TestWrite_Structure(t *testing.T) {
	for _, opt := range options {
		_, b := render(t, opt)
		s := string(b)
		if !strings.HasPrefix(s, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") {
			t.Errorf("header: %q", s[:20])
		}
		m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("no startxref at the end")
		}
		xref, _ := strconv.Atoi(m[1])
		if !strings.HasPrefix(s[xref:], "xref\n0 ") {
			t.Fatalf("startxref %d does not point at the table", xref)
		}
		var n int
		rest := s[xref+len("xref\n0 "):]
		n, _ = strconv.Atoi(rest[:strings.IndexByte(rest, '\n')])
		table := rest[strings.IndexByte(rest, '\n')+1:]
		for i := 1; i < n; i++ {
			entry := table[20*i : 20*i+20]
			off, _ := strconv.Atoi(entry[:10])
			if !strings.HasPrefix(s[off:], strconv.Itoa(i)+" 0 obj\n") || entry[10:] != " 00000 n \n" {
				t.Errorf("xref entry %d %q does not point at its object", i, entry)
			}
		}
		if !regexp.MustCompile(`trailer\n<</Size \d+/Root 1 0 R/Info \d+ 0 R/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]>>`).MatchString(s) {
			t.Errorf("trailer without /ID: %s", s[xref+20*n:])
		}
		names := regexp.MustCompile(`/BaseFont/([A-Z]{6})\+(LiberationSerif[-A-Za-z]*)/`).FindAllStringSubmatch(s, -1)
		faces := map[string]string{}
		for _, nm := range names {
			if tag, ok := faces[nm[2]]; ok && tag != nm[1] {
				t.Errorf("%s has tags %s and %s", nm[2], tag, nm[1])
			}
			faces[nm[2]] = nm[1]
		}
		if len(faces) != 4 {
			t.Errorf("subset fonts: %v", faces)
		}
		if !regexp.MustCompile(`/Type/Catalog/Pages 2 0 R/Metadata \d+ 0 R`).MatchString(s) {
			t.Errorf("the catalogue does not link the XMP metadata")
		}
		lay := sample(t)
		for _, want := range []string{
			"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + lay.Meta.Title + "</rdf:li>",
			"<dc:creator><rdf:Seq><rdf:li>" + lay.Meta.Author + "</rdf:li>",
			"<pdf:Keywords>" + sampleKeywords + "</pdf:Keywords>",
			"<xmp:CreateDate>" + lay.Meta.Time.Format("2006-01-02T15:04:05Z07:00") + "</xmp:CreateDate>",
			"/CreationDate(" + lay.Meta.Time.Format("D:20060102150405") + "Z00'00')",
			"<pdf:Producer>vanban</pdf:Producer>",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("PDF/A %v: no %q", opt.PDFA, want)
			}
		}
		for _, want := range []string{"<pdfaid:part>2</pdfaid:part>", "/OutputIntents[", "/S/GTS_PDFA1"} {
			if strings.Contains(s, want) != opt.PDFA {
				t.Errorf("PDF/A %v: %q present = %v", opt.PDFA, want, !opt.PDFA)
			}
		}
		for _, bad := range []string{"/SMask", "/CA ", "/ca ", "/Encrypt", "/ObjStm", "/XRef"} {
			if strings.Contains(s, bad) {
				t.Errorf("PDF/A %v: file holds %s", opt.PDFA, bad)
			}
		}
	}
}

// TestWrite_PDFTools: poppler's pdfinfo and pdffonts see the metadata,
// A4 pages and four embedded, subset CID TrueType fonts with ToUnicode.
func TestWrite_PDFTools(t *testing.T) {
	for _, opt := range options {
		path, _ := render(t, opt)
		info := run(t, "pdfinfo", path)
		for _, want := range []string{`Page size:\s+595.28 x 841.89 pts \(A4\)`, `PDF version:\s+1\.7`,
			`Producer:\s+vanban`, `Keywords:\s+` + sampleKeywords, `Metadata Stream:\s+yes`,
			`CreationDate:\s+Wed May  1 12:00:00 2024`, `Pages:\s+3`, `Author:\s+ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ`} {
			if os.Getenv("TZ") != "" && os.Getenv("TZ") != "UTC" && strings.Contains(want, "Date") {
				continue // pdfinfo shows the date in the local zone
			}
			if !regexp.MustCompile(want).MatchString(info) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
		fonts := run(t, "pdffonts", path)
		re := regexp.MustCompile(`(?m)^[A-Z]{6}\+LiberationSerif\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`)
		if n := len(re.FindAllString(fonts, -1)); n != 4 {
			t.Errorf("want 4 embedded subset fonts with ToUnicode:\n%s", fonts)
		}
	}
}

// TestWrite_QPDFCheck: qpdf finds no syntax or stream error.
func TestWrite_QPDFCheck(t *testing.T) {
	for _, opt := range options {
		path, _ := render(t, opt)
		out := run(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	}
}
