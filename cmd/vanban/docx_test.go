package main

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"vanban/internal/engine"

	"vanban/internal/testutil"
)

// TestSamples_DocxGolden: canonical document.xml of every sample.
func TestSamples_DocxGolden(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			res := buildSample(t, name)
			_, files, err := testutil.Unzip(res.DOCX)
			if err != nil {
				t.Fatal(err)
			}
			canon, err := testutil.CanonXML(files["word/document.xml"])
			if err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, filepath.Join("testdata", "golden", name+".document.xml"), []byte(canon))
		})
	}
}

// soffice returns the LibreOffice binary: a failure in CI, a loud skip
// elsewhere, when it is missing.
func soffice(t *testing.T) string {
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("soffice not installed; .ci/run must install libreoffice-writer-nogui")
	}
	t.Skip("SKIPPED: soffice not installed (apt-get install libreoffice-writer-nogui): DOCX fidelity not checked")
	return ""
}

// libreOfficePDFs converts dir/NAME.docx of every name to PDF with
// LibreOffice, in a private profile, and returns the folder of the PDFs.
func libreOfficePDFs(t *testing.T, bin, dir string, names []string) string {
	lo := filepath.Join(dir, "lo")
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", lo}
	for _, name := range names {
		args = append(args, filepath.Join(dir, name+".docx"))
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	return lo
}

// pageLines returns, per page, the first word of each text line of a PDF as
// pdftotext -layout reads it.
func pageLines(t *testing.T, path string) [][]string {
	out := testutil.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	var pages [][]string
	for _, p := range strings.Split(out, "\f") {
		var firsts []string
		for _, l := range strings.Split(p, "\n") {
			if f := strings.Fields(l); len(f) > 0 {
				firsts = append(firsts, f[0])
			}
		}
		if len(firsts) > 0 {
			pages = append(pages, firsts)
		}
	}
	return pages
}

// TestSamples_DocxFidelity converts our DOCX with LibreOffice and compares
// its PDF with ours: the same page count, and at least 95 % of our lines
// start with the same word at the same place on the same page.
func TestSamples_DocxFidelity(t *testing.T) {
	bin := soffice(t)
	testutil.Tool(t, "pdftotext")
	dir := t.TempDir()
	docs := fidelityCases(t, dir)
	lo := libreOfficePDFs(t, bin, dir, docs)
	compareFidelity(t, dir, lo, docs)
}

// compareFidelity compares our PDF of each name in dir with LibreOffice's
// rendering of our DOCX in lo: the same page count, at least 95 % of our
// lines starting with the same word, and every word within 1 mm.
func compareFidelity(t *testing.T, dir, lo string, names []string) {
	t.Helper()
	for _, name := range names {
		ours := pageLines(t, filepath.Join(dir, name+".pdf"))
		theirs := pageLines(t, filepath.Join(lo, name+".pdf"))
		if len(ours) != len(theirs) {
			t.Errorf("%s: %d pages in our PDF, %d in LibreOffice's", name, len(ours), len(theirs))
			continue
		}
		total, same := 0, 0
		for p := range ours {
			for i, w := range ours[p] {
				total++
				if i < len(theirs[p]) && theirs[p][i] == w {
					same++
				}
			}
		}
		ratio := float64(same) / float64(total)
		dx, dy, n := wordDrift(t, filepath.Join(dir, name+".pdf"), filepath.Join(lo, name+".pdf"))
		t.Logf("%s: %d pages; %d of %d lines start alike (%.1f %%); %d words within %.2f mm across, %.2f mm down",
			name, len(ours), same, total, 100*ratio, n, dx, dy)
		if ratio < 0.95 {
			t.Errorf("%s: only %.1f %% of lines start with the same word", name, 100*ratio)
		}
		if dx > 1 || dy > 1 {
			t.Errorf("%s: a word is %.2f mm across, %.2f mm down from where our PDF has it", name, dx, dy)
		}
	}
}

// fidelityCases writes the PDF and DOCX of every sample, of a many-page
// document with tables and lists, and of variants of it whose last
// paragraph grows line by line, so that the signature block meets every
// kind of page break; it returns their names.
func fidelityCases(t *testing.T, dir string) []string {
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	add := func(name string, j engine.Job) {
		res, err := eng.Build(j, true)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", name, err, res.Diags)
		}
		os.WriteFile(filepath.Join(dir, name+".pdf"), res.PDF, 0o644)
		os.WriteFile(filepath.Join(dir, name+".docx"), res.DOCX, 0o644)
		names = append(names, name)
	}
	for _, name := range samples {
		add(name, engine.Job{Dir: sampleDir, Name: name + ".toml"})
	}
	set2025 := "../../testdata/van-ninh-2025"
	for _, name := range engine.WorkspaceDocs(set2025) {
		add("2025-"+name, engine.Job{Dir: set2025, Name: name + ".toml"})
	}
	stress := filepath.Join("testdata", "stress")
	add("nhieu-trang", engine.Job{Dir: stress, Name: "nhieu-trang.toml"})
	base, err := os.ReadFile(filepath.Join(stress, "nhieu-trang.toml"))
	if err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	os.WriteFile(filepath.Join(ws, ProfileName), mustRead(t, filepath.Join(stress, ProfileName)), 0o644)
	// A report to several addressees: "Kính gửi:" with a dashed list.
	multi := copyWorkspace(t, sampleDir)
	edit(t, multi, "bao-cao-ket-qua.toml", `kinh_gui = ["Phòng Nội vụ huyện Vạn Ninh"]`,
		`kinh_gui = ["Phòng Nội vụ huyện Vạn Ninh", "Thường trực Đảng ủy thị trấn Vạn Giã", "Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn Vạn Giã"]`)
	add("nhieu-noi-kinh-gui", engine.Job{Dir: multi, Name: "bao-cao-ket-qua.toml"})
	for i := 1; i <= 8; i++ {
		extra := strings.Repeat("Câu bổ sung để đoạn cuối dài thêm từng dòng một. ", 3*i)
		doc := strings.Replace(string(base), "Hết./.", extra+"Hết./.", 1)
		name := "nhieu-trang-" + string(rune('0'+i))
		os.WriteFile(filepath.Join(ws, name+".toml"), []byte(doc), 0o644)
		add(name, engine.Job{Dir: ws, Name: name + ".toml"})
	}
	return names
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wordDrift(t *testing.T, a, b string) (dx, dy float64, n int) {
	pa, pb := testutil.PDFWords(t, a), testutil.PDFWords(t, b)
	for p := 0; p < min(len(pa), len(pb)); p++ {
		for i := 0; i < min(len(pa[p]), len(pb[p])); i++ {
			wa, wb := pa[p][i], pb[p][i]
			if wa.Text != wb.Text {
				break
			}
			dx = max(dx, math.Abs(wa.X-wb.X))
			dy = max(dy, math.Abs(wa.Y-wb.Y))
			n++
		}
	}
	return dx, dy, n
}
