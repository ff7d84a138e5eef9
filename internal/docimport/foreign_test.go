package docimport_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
			res, _ := e.Build(j, true)
			ours := importDOCX(t, e, j.Dir, res.DOCX, "")
			b, err := os.ReadFile(filepath.Join(tmp, "out", j.Stem()+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			lo := importDOCX(t, e, j.Dir, b, "")
			if lo.Template != ours.Template {
				t.Errorf("template %q, want %q", lo.Template, ours.Template)
			}
			for _, key := range []string{"mau", "so", "ngay", "trich_yeu", "kinh_gui", "noi_nhan"} {
				if g, w := field(lo.TOML, key), field(ours.TOML, key); g != w {
					t.Errorf("%s = %s, want %s", key, g, w)
				}
			}
			w, g := strings.Fields(ours.TOML), strings.Fields(lo.TOML)
			if r := inOrder(w, g); r < 0.95 {
				t.Errorf("only %.1f%% of the words in order", 100*r)
			}
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
