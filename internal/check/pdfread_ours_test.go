package check

// The pdfread test that needs the engine lives here, not in pdfread: a
// test binary of pdfread that imports the engine does not fuzz (the
// instrumented engine makes every execution crawl), so "go test -fuzz
// FuzzRead ./internal/check/pdfread" keeps a small binary.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/check/pdfread"
)

// TestPDFRead_Ours: our own PDF (Identity-H Liberation Serif with ToUnicode)
// gives back the Vietnamese text and the three rules of the header and
// title.
func TestPDFRead_Ours(t *testing.T) {
	res := buildSample(t, "../../testdata/van-gia-2024", "ke-hoach.toml")
	checkOurPDF(t, res.PDF, "ours")
	if testing.Short() {
		return
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Log("soffice (LibreOffice) not installed: its PDF not read")
		return
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kh.docx"), res.DOCX, 0o644)
	out, err := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "kh.docx")).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "kh.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	checkOurPDF(t, b, "LibreOffice")
}

func checkOurPDF(t *testing.T, b []byte, who string) {
	t.Helper()
	d, err := pdfread.Read(b, pdfread.Limits{})
	if err != nil {
		t.Fatalf("%s: %v", who, err)
	}
	p := d.Pages[0]
	got := glyphText(p)
	for _, w := range []string{"CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM", "Độclập-Tựdo-Hạnhphúc", "KẾHOẠCH"} {
		if !strings.Contains(got, w) {
			t.Errorf("%s: page 1 lacks %q: %.200q", who, w, got)
		}
	}
	if len(p.Rules) < 3 {
		t.Errorf("%s: %d rules on page 1, want the 3 of Tiêu ngữ, issuer, trích yếu", who, len(p.Rules))
	}
	for _, g := range p.Glyphs {
		if g.S == "" || g.Size < 5 || g.X < 0 || g.X > p.W {
			t.Errorf("%s: bad glyph %+v", who, g)
			break
		}
	}
}

func glyphText(p pdfread.Page) string {
	var b strings.Builder
	for _, g := range p.Glyphs {
		b.WriteString(g.S)
	}
	return b.String()
}
