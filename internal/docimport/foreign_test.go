package docimport_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"vanban/internal/engine"

	"vanban/internal/docimport"
	"vanban/internal/docimport/docx"
	"vanban/internal/vnenc"
)

// TestLibreOffice re-saves each sample's DOCX with LibreOffice and
// requires the header fields exact and ≥ 95 % of the body words in order.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	e := newEngine(t)
	tmp := t.TempDir()
	var jobs []string
	for _, j := range samples(t) {
		if !strings.HasPrefix(j.Dir, "../../testdata/van-ninh-2025") {
			continue // one workspace keeps the test under a minute
		}
		res, err := e.Build(j, true)
		if err != nil || res.Doc == nil {
			t.Fatal(err)
		}
		in := filepath.Join(tmp, "in", j.Stem()+".docx")
		os.MkdirAll(filepath.Dir(in), 0o755)
		os.WriteFile(in, res.DOCX, 0o644)
		jobs = append(jobs, in)
	}
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(tmp, "profile"), "--convert-to", "docx:MS Word 2007 XML", "--outdir", filepath.Join(tmp, "out")}, jobs...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, j := range samples(t) {
		if !strings.HasPrefix(j.Dir, "../../testdata/van-ninh-2025") {
			continue
		}
		t.Run(j.Stem(), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(tmp, "out", j.Stem()+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			sameImport(t, e, j, b)
		})
	}
}

// sameImport imports b, a sample j as another writer saved it, and
// compares it with the import of our own DOCX of j: the same template and
// header fields, and at least 95 % of the draft's words in order.
func sameImport(t *testing.T, e *engine.Engine, j engine.Job, b []byte) {
	t.Helper()
	res, _ := e.Build(j, true)
	od, err := docx.Read(res.DOCX, docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	td, err := docx.Read(b, docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(td.Footers) == 0 {
		// pandoc and python-docx keep no footer part, so ô 13 is not in
		// their file: compare with ours as it reads without its footers.
		od.Footers = nil
	}
	ours := importDoc(t, e, j.Dir, od, "")
	theirs := importDoc(t, e, j.Dir, td, "")
	if theirs.Template != ours.Template {
		t.Errorf("template %q, want %q", theirs.Template, ours.Template)
	}
	for _, key := range []string{"mau", "so", "ngay", "trich_yeu", "kinh_gui", "noi_nhan"} {
		if g, w := field(theirs.TOML, key), field(ours.TOML, key); g != w {
			t.Errorf("%s = %s, want %s", key, g, w)
		}
	}
	w, g := strings.Fields(ours.TOML), strings.Fields(theirs.TOML)
	if r := inOrder(w, g); r < 0.95 {
		t.Errorf("only %.1f%% of the words in order", 100*r)
	}
}

// TestForeignWriters: the samples as pandoc and python-docx write them
// (kept in testdata/foreign, see its README) import like our own DOCX.
func TestForeignWriters(t *testing.T) {
	e := newEngine(t)
	for _, writer := range []string{"pandoc", "python-docx"} {
		for _, j := range samples(t) {
			if !strings.HasPrefix(j.Dir, "../../testdata/van-ninh-2025") {
				continue
			}
			t.Run(writer+"/"+j.Stem(), func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join("testdata", "foreign", writer, j.Stem()+".docx"))
				if err != nil {
					t.Fatal(err) // a missing file fails: the set is part of the test
				}
				sameImport(t, e, j, b)
			})
		}
	}
}

// TestPandoc re-saves every sample of every workspace with pandoc, when it
// is installed (testdata/foreign keeps five of them for machines without
// it): pandoc drops alignment, our styles and the bold and italic they
// carry, so only the words say what a line is.
func TestPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc not installed")
	}
	if testing.Short() {
		t.Skip("slow: runs pandoc per sample")
	}
	e := newEngine(t)
	tmp := t.TempDir()
	for _, j := range samples(t) {
		t.Run(filepath.Base(j.Dir)+"/"+j.Stem(), func(t *testing.T) {
			res, err := e.Build(j, true)
			if err != nil || res.DOCX == nil {
				t.Fatalf("build: %v", err)
			}
			in := filepath.Join(tmp, filepath.Base(j.Dir)+"-"+j.Stem()+".docx")
			out := filepath.Join(tmp, filepath.Base(j.Dir)+"-"+j.Stem()+"-pandoc.docx")
			if err := os.WriteFile(in, res.DOCX, 0o644); err != nil {
				t.Fatal(err)
			}
			if b, err := exec.Command(pandoc, in, "-o", out).CombinedOutput(); err != nil {
				t.Fatalf("pandoc: %v\n%s", err, b)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			sameImport(t, e, j, b)
		})
	}
}

func field(toml, key string) string {
	for _, ln := range strings.Split(toml, "\n") {
		if strings.HasPrefix(ln, key+" = ") {
			return ln
		}
	}
	return ""
}

// inOrder is the share of want's words found in got in the same order
// (longest common subsequence over len(want)).
func inOrder(want, got []string) float64 {
	if len(want) == 0 {
		return 1
	}
	prev := make([]int, len(got)+1)
	cur := make([]int, len(got)+1)
	for i := range want {
		for j := range got {
			if want[i] == got[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(got)]) / float64(len(want))
}

// TestDecreeSamples imports the decree's own Phụ lục III forms: the file
// holds many forms one after another, so the test asks for a report, a
// draft that parses, and the first form's header.
func TestDecreeSamples(t *testing.T) {
	d, err := docx.ReadFile("testdata/decree-phuluc3.docx", docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine(t)
	set, _ := e.Templates("../../testdata/van-ninh-2025")
	res, err := docimport.Import(d, docimport.Options{Kinds: docimport.KindsOf(set)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Recognised) == 0 || res.Template == "" {
		t.Fatalf("nothing recognised: %+v", res)
	}
	var v map[string]any
	if _, err := tomlDecode(res.TOML, &v); err != nil {
		t.Fatalf("draft does not parse: %v\n%s", err, res.TOML)
	}
	t.Logf("template %s (%s); %d recognised, %d unplaced", res.Template, res.Why, len(res.Recognised), len(res.Unplaced))
}

// TestLegacyFonts makes a DOCX whose runs are in .VnTime, .VnTimeH and
// VNI-Times, encoded with the converter's own tables (inverted through
// vnenc.Decode), and requires the Unicode text back.
func TestLegacyFonts(t *testing.T) {
	cases := []struct {
		font, text string
		enc        vnenc.Encoding
	}{
		{".VnTime", "Hội đồng nhân dân xã Vạn Ninh đề nghị khen thưởng", vnenc.TCVN3},
		{".VnTimeH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", vnenc.TCVN3},
		{"VNI-Times", "Phát động phong trào thi đua trong lĩnh vực Nội vụ", vnenc.VNI},
	}
	var body strings.Builder
	for _, c := range cases {
		enc := encode(t, c.enc, c.text, c.font == ".VnTimeH")
		body.WriteString(`<w:p><w:r><w:rPr><w:rFonts w:ascii="` + c.font + `" w:hAnsi="` + c.font + `"/></w:rPr><w:t>` + xmlEscape(enc) + `</w:t></w:r></w:p>`)
	}
	body.WriteString(`<w:p><w:r><w:t>Unicode giữ nguyên</w:t></w:r></w:p>`)
	d, err := docx.Read(buildDocx(t, body.String()), docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := docimport.Import(d, docimport.Options{Template: "ke-hoach"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !strings.Contains(res.TOML, c.text) {
			t.Errorf("%s: %q not in draft:\n%s", c.font, c.text, res.TOML)
		}
	}
	if !strings.Contains(res.TOML, "Unicode giữ nguyên") {
		t.Error("Unicode run changed")
	}
	if res.Legacy[vnenc.TCVN3] != 2 || res.Legacy[vnenc.VNI] != 1 {
		t.Errorf("legacy counts = %v", res.Legacy)
	}
}

// TestPlainTitle: with neither alignment nor bold, a declared tên loại is
// still the title, a line without end punctuation under it the trích yếu,
// and a sentence under it the body, not a trích yếu.
func TestPlainTitle(t *testing.T) {
	e := newEngine(t)
	set, _ := e.Templates("../../testdata/van-ninh-2025")
	kinds := docimport.KindsOf(set)
	p := func(s string) string {
		return `<w:p><w:r><w:t xml:space="preserve">` + xmlEscape(s) + `</w:t></w:r></w:p>`
	}
	head := `<w:tbl><w:tr><w:tc>` + p("ỦY BAN NHÂN DÂN") + p("XÃ VẠN NINH") + `</w:tc><w:tc>` + p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + p("Số: 15/KH-UBND") + `</w:tc><w:tc>` + p("Vạn Ninh, ngày 15 tháng 7 năm 2025") + `</w:tc></w:tr></w:tbl>`
	cases := []struct {
		name, body, summary string
	}{
		{"with summary", p("KẾ HOẠCH") + p("Phát động phong trào thi đua năm 2025") + p("Thực hiện chỉ đạo của cấp trên."), "Phát động phong trào thi đua năm 2025"},
		{"sentence is body", p("KẾ HOẠCH") + p("Thực hiện chỉ đạo của cấp trên, xã ban hành kế hoạch.") + p("I. MỤC ĐÍCH"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := docx.Read(buildDocx(t, head+c.body), docx.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := docimport.Import(d, docimport.Options{Kinds: kinds})
			if err != nil {
				t.Fatal(err)
			}
			if res.Template != "ke-hoach" {
				t.Errorf("template %q, want ke-hoach (%s)", res.Template, res.Why)
			}
			if g, w := field(res.TOML, "trich_yeu"), `trich_yeu = "`+c.summary+`"`; g != w {
				t.Errorf("%s, want %s", g, w)
			}
			if !strings.Contains(res.TOML, "Thực hiện chỉ đạo của cấp trên") {
				t.Errorf("body lost:\n%s", res.TOML)
			}
		})
	}
}
