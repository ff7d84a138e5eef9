package svg_test

import (
	"bytes"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"vanban/internal/engine"
	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/render/svg"
	"vanban/internal/testutil"
	"vanban/internal/unit"
)

func plan(t testing.TB) (*engine.Engine, engine.Result) {
	t.Helper()
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(eng.Close)
	res, err := eng.BuildFormats(engine.Job{Dir: "../../../testdata/van-gia-2024", Name: "ke-hoach.toml"}, true, engine.Formats{PDF: true})
	if err != nil || res.Diags.HasErrors() || res.Layout == nil {
		t.Fatal(err, res.Diags)
	}
	return eng, res
}

type word struct {
	text string
	x, y float64 // millimetres: left edge and baseline
	used bool
}

var (
	svgText  = regexp.MustCompile(`<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"([^>]*)>([^<]*)</text>`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
)

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// emu reads millimetres back into EMU.
func emu(s string) int64 {
	v, _ := strconv.ParseFloat(s, 64)
	return int64(math.Round(v * float64(unit.MM)))
}

func emuMM(v int64) float64 { return float64(v) / float64(unit.MM) }

// svgWords reads the words back out of an SVG page: each text element's
// words, placed by the advance of the text before them.
func svgWords(t *testing.T, fonts *font.Set, page string) []*word {
	var out []*word
	var prevEnd, prevY int64 = -1, -1
	open := false // the last word runs on into the next element
	for _, m := range svgText.FindAllStringSubmatch(page, -1) {
		x, y, size := emu(m[1]), emu(m[2]), emu(m[3])
		hp := int((size + int64(unit.HalfPoint)/2) / int64(unit.HalfPoint))
		st := font.Regular
		if strings.Contains(m[4], `font-weight="bold"`) {
			st |= font.Bold
		}
		if strings.Contains(m[4], `font-style="italic"`) {
			st |= font.Italic
		}
		text := html.UnescapeString(m[5])
		face := fonts.Face(st)
		// An element that starts where the last one ended, on the same
		// baseline, continues its word (a line broken after a hyphen, a
		// bold date and its full stop): pdftotext reads one word there.
		joined := open && y == prevY && abs(x-prevEnd) < 1000 && !strings.HasPrefix(text, " ")
		off := 0
		for k, f := range strings.SplitAfter(text, " ") {
			w := strings.TrimSpace(f)
			if w != "" {
				if k == 0 && joined {
					out[len(out)-1].text += w
				} else {
					lead := len(f) - len(strings.TrimLeft(f, " "))
					dx := face.Width(text[:off+lead], hp)
					out = append(out, &word{text: w, x: emuMM(x + int64(dx)), y: emuMM(y)})
				}
			}
			off += len(f)
		}
		open = !strings.HasSuffix(text, " ")
		prevEnd, prevY = x+int64(face.Width(text, hp)), y
		if tl := regexp.MustCompile(`textLength="(\d+)"`).FindStringSubmatch(m[4]); tl != nil {
			w, _ := strconv.ParseInt(tl[1], 10, 64)
			prevEnd = x + w
		}
	}
	return out
}

// The preview is the print: every word the PDF shows (read back by
// pdftotext, an independent reader) is in the SVG of the same page within
// 0.5 mm, and the SVG has no other words.
func TestSVG_AgreesWithPDF(t *testing.T) {
	pdftotext := testutil.Tool(t, "pdftotext")
	eng, res := plan(t)
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "ke-hoach.pdf")
	if err := os.WriteFile(pdfPath, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	out := testutil.Run(t, pdftotext, "-bbox-layout", pdfPath, "-")
	pdfPages := strings.Split(out, "<page ")[1:]
	if len(pdfPages) != len(res.Layout.Pages) || len(pdfPages) < 3 {
		t.Fatalf("PDF has %d pages, layout %d (want 3 or more)", len(pdfPages), len(res.Layout.Pages))
	}
	face := eng.Fonts().Face(font.Regular)
	total := 0
	for i := range res.Layout.Pages {
		var b bytes.Buffer
		if err := svg.Write(&b, res.Layout, i, svg.Options{}); err != nil {
			t.Fatal(err)
		}
		words := svgWords(t, eng.Fonts(), b.String())
		used := 0
		for _, m := range bboxWord.FindAllStringSubmatch(pdfPages[i], -1) {
			pt := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v / 72 * 25.4 }
			text := html.UnescapeString(m[4])
			x, yMin, yMax := pt(m[1]), pt(m[2]), pt(m[3])
			var best *word
			bestD := math.Inf(1)
			for _, w := range words {
				if w.used || w.text != text {
					continue
				}
				// pdftotext's box spans ascent to descent around the
				// baseline: compare the baseline the box implies.
				asc, desc := float64(face.Ascent(1)), float64(face.Descent(1))
				base := yMin + (yMax-yMin)*asc/(asc+desc)
				d := math.Max(math.Abs(w.x-x), math.Abs(w.y-base))
				if d < bestD {
					best, bestD = w, d
				}
			}
			if best == nil {
				t.Errorf("page %d: PDF word %q (%.1f, %.1f mm) is not in the SVG", i+1, text, x, yMin)
				continue
			}
			if bestD > 0.5 {
				t.Errorf("page %d: word %q is %.2f mm from the PDF's (SVG %.2f,%.2f; PDF x %.2f)", i+1, text, bestD, best.x, best.y, x)
			}
			best.used = true
			used++
		}
		for _, w := range words {
			if !w.used {
				t.Errorf("page %d: SVG word %q (%.1f, %.1f mm) is not in the PDF", i+1, w.text, w.x, w.y)
			}
		}
		total += used
	}
	if total < 500 {
		t.Errorf("only %d words compared", total)
	}
	t.Logf("%d words within 0.5 mm on %d pages", total, len(res.Layout.Pages))
}

// The same layout gives the same bytes, and the SVG is well formed with
// its fonts declared when asked.
func TestSVG_DeterministicAndFonts(t *testing.T) {
	_, res := plan(t)
	var a, b bytes.Buffer
	opt := svg.Options{FontURL: func(st font.Style) string { return "/phong/" + st.String() + ".ttf" }, ID: "p1"}
	if err := svg.Write(&a, res.Layout, 0, opt); err != nil {
		t.Fatal(err)
	}
	svg.Write(&b, res.Layout, 0, opt)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
	s := a.String()
	for _, want := range []string{`viewBox="0 0 210 297"`, `width="210mm" height="297mm"`, `src:url("/phong/BI.ttf");font-weight:bold;font-style:italic`, `id="p1"`, "KẾ HOẠCH"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if err := svg.Write(&a, res.Layout, len(res.Layout.Pages), opt); err == nil {
		t.Error("no error for a page past the end")
	}
}

// Rules, boxes, colours and escapes.
func TestSVG_Items(t *testing.T) {
	r := &layout.Result{W: unit.MMs(210), H: unit.MMs(297), Pages: []layout.Page{{W: unit.MMs(210), H: unit.MMs(297), Items: []layout.Item{
		{Kind: layout.Text, X: unit.MMs(10), Y: unit.MMs(20), W: unit.MM / 2, Size: 26, Style: font.BoldItalic, Text: `a<b & "c"`, Color: layout.Red},
		{Kind: layout.Rule, X: unit.MMs(10), Y: unit.MMs(20), W: unit.MMs(30), Stroke: 18},
		{Kind: layout.Rule, X: unit.MMs(10), Y: unit.MMs(20), W: -unit.MMs(30), Stroke: 18},
		{Kind: layout.Box, X: unit.MMs(1), Y: unit.MMs(2), W: unit.MMs(3), H: unit.MMs(4), Stroke: 36, Color: layout.Red},
	}}}}
	var b bytes.Buffer
	if err := svg.Write(&b, r, 0, svg.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<text x="10" y="20" font-size="4.586" font-weight="bold" font-style="italic" fill="#ff0000" textLength="0.5" lengthAdjust="spacing" xml:space="preserve">a&lt;b &amp; &quot;c&quot;</text>`,
		`<line x1="10" y1="20" x2="40" y2="20" stroke="#000000" stroke-width="0.001"/>`,
		`<line x1="10" y1="20" x2="10" y2="50" stroke="#000000" stroke-width="0.001"/>`,
		`<rect x="1" y="2" width="3" height="4" fill="none" stroke="#ff0000" stroke-width="0.001"/>`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("SVG lacks %s\n%s", want, b.String())
		}
	}
}
