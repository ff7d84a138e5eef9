package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/testutil"
)

// The round-trip guard: for generated documents (nested lists, quotes and
// tables, long lists of recipients, long names and words) every word of the
// input reaches the PDF (as pdftotext reads it) and the DOCX, in order — or
// the build stops with a positioned error and writes nothing. Silent loss
// is the worst defect this product can have.
func TestRoundTrip_GeneratedDocuments(t *testing.T) {
	testutil.Tool(t, "pdftotext")
	const docs = 24
	ws := t.TempDir()
	if d := os.Getenv("VANBAN_KEEP"); d != "" {
		ws = d
	}
	os.WriteFile(filepath.Join(ws, ProfileName), mustRead(t, filepath.Join(sampleDir, ProfileName)), 0o644)
	g := &gen{r: rand.New(rand.NewPCG(8, 2026)), vocab: vocabulary(t)}
	expect := map[string]genDoc{}
	for i := range docs {
		d := g.document(i)
		name := fmt.Sprintf("sinh-%02d", i)
		os.WriteFile(filepath.Join(ws, name+".toml"), []byte(d.toml), 0o644)
		expect[name] = d
	}
	out := filepath.Join(ws, "out")
	_, _, stderr := cli(t, "build", "-o", out, ws)
	built, rejected := 0, 0
	for name, d := range expect {
		pdf, err := os.ReadFile(filepath.Join(out, name+".pdf"))
		if err != nil {
			// No file: the build must say where and why.
			if !regexp.MustCompile(regexp.QuoteMeta(name) + `\.toml:\d+:\d+: lỗi: .*\[(D02[56]|T004)\]`).MatchString(stderr) {
				t.Errorf("%s: no output and no positioned error for it:\n%s", name, stderr)
			}
			if _, err := os.Stat(filepath.Join(out, name+".docx")); err == nil {
				t.Errorf("%s: a DOCX without its PDF", name)
			}
			rejected++
			continue
		}
		built++
		pdfWords := normWords(strings.Join(pdfPages(t, pdf), "\n"))
		docxWords := normWords(docxText(t, mustRead(t, filepath.Join(out, name+".docx"))))
		for _, v := range d.values {
			if miss, ok := subsequence(normWords(v.text), pdfWords); !ok {
				t.Errorf("%s: %s: the PDF lost %q", name, v.key, miss)
			}
			if miss, ok := subsequence(normWords(v.text), docxWords); !ok {
				t.Errorf("%s: %s: the DOCX lost %q", name, v.key, miss)
			}
		}
	}
	t.Logf("%d generated documents built and checked word by word, %d rejected with a positioned error", built, rejected)
	if built < docs*3/4 {
		t.Errorf("only %d of %d generated documents built", built, docs)
	}
}

// genValue is one input value and the text it must show in the outputs.
type genValue struct {
	key  string
	text string
}

type genDoc struct {
	toml   string
	values []genValue
}

type gen struct {
	r      *rand.Rand
	vocab  []string
	serial int
}

// vocabulary is the words of the seed plan that are letters only.
func vocabulary(t *testing.T) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.Fields(string(mustRead(t, "testdata/seed-ke-hoach-thi-dua-noi-vu-2024.md"))) {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// words returns n words; every text carries a unique serial word, so that a
// lost block cannot be matched by a repeated word elsewhere.
func (g *gen) words(n int) string {
	g.serial++
	ws := []string{fmt.Sprintf("mã%04d", g.serial)}
	for range n {
		switch g.r.IntN(40) {
		case 0:
			ws = append(ws, fmt.Sprintf("%d.%03d", 1+g.r.IntN(99), g.r.IntN(1000)))
		case 1:
			ws = append(ws, fmt.Sprintf("%d,%d%%", g.r.IntN(100), g.r.IntN(10)))
		case 2:
			// a word longer than a line: it must break, not vanish
			ws = append(ws, strings.Repeat("Dàiquáthểlệ", 2+g.r.IntN(8)))
		default:
			ws = append(ws, g.vocab[g.r.IntN(len(g.vocab))])
		}
	}
	return strings.Join(ws, " ")
}

// styled wraps some words of s in ** or *.
func (g *gen) styled(s string) string {
	ws := strings.Fields(s)
	for i := range ws {
		if i > 0 && g.r.IntN(12) == 0 {
			mark := []string{"**", "*"}[g.r.IntN(2)]
			ws[i] = mark + ws[i] + mark
		}
	}
	return strings.Join(ws, " ")
}

func (g *gen) document(i int) genDoc {
	var d genDoc
	var body strings.Builder
	var want []string
	add := func(md, text string) {
		body.WriteString(md)
		want = append(want, text)
	}
	if g.r.IntN(2) == 0 {
		for range 1 + g.r.IntN(3) {
			s := g.words(8 + g.r.IntN(20))
			add("> "+s+"\n", s)
		}
		body.WriteString("\n")
	}
	for range 3 + g.r.IntN(10) {
		switch g.r.IntN(7) {
		case 0:
			s := g.words(2 + g.r.IntN(8))
			add(strings.Repeat("#", 1+g.r.IntN(3))+" "+s+"\n\n", s)
		case 1, 2:
			s := g.words(5 + g.r.IntN(80))
			add(g.styled(s)+"\n\n", s)
		case 3, 4:
			g.list(&body, &want, 0)
			body.WriteString("\n")
		case 5:
			g.table(&body, &want, "")
			body.WriteString("\n")
		case 6:
			s := g.words(3 + g.r.IntN(10))
			add("::: giua\n"+s+"\n\n", s)
		}
	}
	summary := g.words(4 + g.r.IntN(40))
	var recipients []string
	n := []int{1, 2, 3, 5, 60, 130}[g.r.IntN(6)]
	for range n {
		words := 2 + g.r.IntN(6)
		if g.r.IntN(10) == 0 {
			words = 40 // a recipient name over several lines
		}
		recipients = append(recipients, g.words(words))
	}
	var tb strings.Builder
	fmt.Fprintf(&tb, "mau = \"ke-hoach\"\nso = %d\nngay = \"2024-05-%02d\"\ntrich_yeu = %q\n", i+1, 1+i%28, summary)
	tb.WriteString("noi_nhan = [")
	for k, r := range recipients {
		if k > 0 {
			tb.WriteString(", ")
		}
		fmt.Fprintf(&tb, "%q", r)
	}
	tb.WriteString("]\nnoi_dung = '''\n" + body.String() + "'''\n")
	d.toml = tb.String()
	d.values = append(d.values, genValue{"trich_yeu", summary}, genValue{"noi_dung", strings.Join(want, " ")})
	d.values = append(d.values, genValue{"noi_nhan", strings.Join(recipients, " ") + " Lưu: VT, TH"})
	return d
}

// list writes a list of 1–5 items, some with a nested list or table.
func (g *gen) list(b *strings.Builder, want *[]string, depth int) {
	indent := strings.Repeat("   ", depth)
	marker := []string{"- ", "1. ", "1) "}[g.r.IntN(3)]
	for range 1 + g.r.IntN(5) {
		s := g.words(2 + g.r.IntN(30))
		b.WriteString(indent + marker + g.styled(s) + "\n")
		*want = append(*want, s)
		switch r := g.r.IntN(10); {
		case r < 2 && depth < 2:
			g.list(b, want, depth+1)
		case r == 2:
			b.WriteString("\n")
			g.table(b, want, indent+"   ")
		}
	}
}

// table writes a GFM table of 2–5 columns and 1–8 rows.
func (g *gen) table(b *strings.Builder, want *[]string, indent string) {
	cols := 2 + g.r.IntN(4)
	row := func() {
		b.WriteString(indent + "|")
		for range cols {
			s := g.words(g.r.IntN(6))
			b.WriteString(" " + s + " |")
			*want = append(*want, s)
		}
		b.WriteString("\n")
	}
	row()
	b.WriteString(indent + "|" + strings.Repeat("---|", cols) + "\n")
	for range 1 + g.r.IntN(8) {
		row()
	}
}

// normWords splits text into words compared as the documents show them:
// NFC, upper case (headings are printed in capitals), letters and digits
// only (căn cứ gain ";", list items "a)", and a word broken inside a narrow
// table column splits "92,0%" into "92," and "0%").
func normWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(norm.NFC.String(s)) {
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, w)
		if w != "" {
			out = append(out, strings.ToUpper(w))
		}
	}
	return out
}

// subsequence reports whether want appears in got in order (other words may
// stand between); if not, it returns the first word it could not find with
// some context.
func subsequence(want, got []string) (string, bool) {
	k := 0
	for i, w := range want {
		for k < len(got) && got[k] != w && !joined(got, k, w) {
			k++
		}
		if k == len(got) {
			return strings.Join(want[i:min(len(want), i+6)], " "), false
		}
		k++
	}
	return "", true
}

// joined reports whether w was broken over lines: got[k] is a prefix of w
// and the next words complete it (a word longer than a line), perhaps
// across a page number.
func joined(got []string, k int, w string) bool {
	s := ""
	for ; k < len(got) && len(s) < len(w); k++ {
		if s != "" && strings.Trim(got[k], "0123456789") == "" && !strings.HasPrefix(w, s+got[k]) {
			continue // the number of the page the word continues on
		}
		s += got[k]
		if s == w {
			return true
		}
		if !strings.HasPrefix(w, s) {
			return false
		}
	}
	return false
}

// docxText is the text of the DOCX body: runs of a paragraph joined, one
// paragraph a line.
func docxText(t *testing.T, docx []byte) string {
	_, files, err := testutil.Unzip(docx)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(files["word/document.xml"]))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "t"
			if tok.Name.Local == "tab" || tok.Name.Local == "br" {
				b.WriteString(" ")
			}
		case xml.EndElement:
			inText = false
			if tok.Name.Local == "p" {
				b.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				b.Write(tok)
			}
		}
	}
	return b.String()
}
