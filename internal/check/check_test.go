package check

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/format"
)

// TestSizeRangesHoldFormat: what vanban renders lies inside what it checks.
func TestSizeRangesHoldFormat(t *testing.T) {
	sh := format.NewSheet("")
	for e, r := range sizeRange {
		if s := sh.Style(e).Size; s < r[0] || s > r[1] {
			t.Errorf("element %d: format size %d outside %v", e, s, r)
		}
	}
}

// samples builds every corpus document to DOCX and PDF into dir.
func samples(t *testing.T, dir string) []string {
	t.Helper()
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var out []string
	for _, ws := range []string{"van-gia-2024", "van-ninh-2025", "van-ninh-2026"} {
		src := filepath.Join("..", "..", "testdata", ws)
		ms, _ := filepath.Glob(filepath.Join(src, "*.toml"))
		for _, m := range ms {
			if filepath.Base(m) == engine.ProfileName {
				continue
			}
			res, err := e.Build(engine.Job{Dir: src, Name: filepath.Base(m)}, true)
			if err != nil || res.Doc == nil {
				t.Fatalf("%s: %v %v", m, err, res.Diags)
			}
			stem := filepath.Join(dir, ws+"-"+strings.TrimSuffix(filepath.Base(m), ".toml"))
			os.WriteFile(stem+".docx", res.DOCX, 0o644)
			os.WriteFile(stem+".pdf", res.PDF, 0o644)
			out = append(out, stem+".docx", stem+".pdf")
		}
	}
	return out
}

func checkFile(t *testing.T, name string) *Report {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return Check(name, b, Options{})
}

func noErrors(t *testing.T, files []string) {
	t.Helper()
	for _, f := range files {
		r := checkFile(t, f)
		if r.Err != "" || r.Errors() > 0 {
			t.Errorf("%s: %s", filepath.Base(f), dump(r))
		}
	}
}

func dump(r *Report) string {
	var b strings.Builder
	b.WriteString(r.Err)
	for _, f := range r.Findings {
		b.WriteString("\n  " + f.Where() + " " + f.Rule + ": " + f.Msg)
	}
	return b.String()
}

// soffice converts files into outdir with LibreOffice, or skips.
func soffice(t *testing.T, to, outdir string, files []string) []string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) not installed")
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "lo"), "--headless", "--convert-to", to, "--outdir", outdir}, files...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var got []string
	ext := "." + strings.SplitN(to, ":", 2)[0]
	for _, f := range files {
		got = append(got, filepath.Join(outdir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+ext))
	}
	return got
}

func TestNoFalseAlarms(t *testing.T) {
	dir := t.TempDir()
	files := samples(t, dir)
	noErrors(t, files)
	for _, f := range files {
		if r := checkFile(t, f); len(r.Findings) > 0 {
			t.Errorf("%s: warnings on our own sample: %s", filepath.Base(f), dump(r))
		}
	}
	if testing.Short() {
		t.Skip("LibreOffice round trip skipped in -short")
	}
	var docs []string
	for _, f := range files {
		if strings.HasSuffix(f, ".docx") {
			docs = append(docs, f)
		}
	}
	re := filepath.Join(dir, "lo")
	os.Mkdir(re, 0o755)
	resaved := soffice(t, "docx:MS Word 2007 XML", re, docs)
	noErrors(t, resaved)
	pdfs := soffice(t, "pdf", filepath.Join(dir, "lopdf"), resaved)
	noErrors(t, pdfs)
}

// mutate rewrites part of the zip with f.
func mutate(t *testing.T, name string, b []byte, part string, f func(string) string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	changed := false
	for _, zf := range z.File {
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == part {
			n := f(string(data))
			changed = n != string(data)
			data = []byte(n)
		}
		fw, _ := w.Create(zf.Name)
		fw.Write(data)
	}
	w.Close()
	if !changed {
		t.Fatalf("%s: mutation of %s changed nothing", name, part)
	}
	return out.Bytes()
}

func rules(r *Report) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range r.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	sort.Strings(out)
	return out
}

func sub(re, repl string) func(string) string {
	rx := regexp.MustCompile(re)
	return func(s string) string {
		done := false
		return rx.ReplaceAllStringFunc(s, func(m string) string {
			if done {
				return m
			}
			done = true
			return rx.ReplaceAllString(m, repl)
		})
	}
}

// subN replaces the n-th (1-based) match of re only.
func subN(re, repl string, n int) func(string) string {
	rx := regexp.MustCompile(re)
	return func(s string) string {
		k := 0
		return rx.ReplaceAllStringFunc(s, func(m string) string {
			if k++; k != n {
				return m
			}
			return rx.ReplaceAllString(m, repl)
		})
	}
}

// gach matches the empty paragraph whose border is a rule.
const gach = `<w:p><w:pPr><w:pStyle w:val="VBGach"/><w:ind w:left="\d+" w:right="\d+"/></w:pPr></w:p>`

var mutations = []struct {
	name, part string
	f          func(string) string
	rule       string
	sev        diag.Severity
	pdf        bool   // the fault shows in the PDF LibreOffice prints
	doc        string // the sample mutated; "" for the Kế hoạch
}{
	{"lề trái 20 mm", "word/document.xml", sub(`w:left="1701"`, `w:left="1134"`), RuleMargins, diag.Error, true, ""},
	{"nội dung 12 pt", "word/styles.xml", sub(`(w:styleId="VBNoiDung".*?<w:sz w:val=")28("/><w:szCs w:val=")28`, `${1}24${2}24`), RuleBodySize, diag.Error, true, ""},
	{"Số: 5/", "word/document.xml", sub(`Số:[^<]*/KH-UBND`, `Số: 5/KH-UBND`), RuleNumberZero, diag.Error, true, ""},
	{"ngày 8 tháng 5", "word/document.xml", sub(`ngày [ \d]*tháng \d+ năm`, `ngày 8 tháng 5 năm`), RuleDateZero, diag.Error, true, ""},
	{"thiếu ./.", "word/document.xml", sub(`\./\.<`, `<`), RuleClosing, diag.Error, true, ""},
	{"Tiêu ngữ không đậm", "word/styles.xml", sub(`(w:styleId="VBTieuNgu".*?)<w:b/><w:bCs/>`, `$1`), RuleTieuNgu, diag.Error, true, ""},
	{"số trang ở trang 1", "word/document.xml", sub(`<w:titlePg/>`, ``), RulePageNumber, diag.Error, false, ""},
	{"ký hiệu sai", "word/document.xml", sub(`Số:[^<]*/KH-UBND`, `Số: 05/QĐ-UBND`), RuleSymbol, diag.Error, true, ""},
	{"thiếu đường kẻ dưới Tiêu ngữ", "word/document.xml", subN(gach, ``, 2), RuleRule, diag.Error, true, ""},
	{"đường kẻ dưới cơ quan dài cả cột", "word/document.xml", subN(gach, `<w:p><w:pPr><w:pStyle w:val="VBGach"/></w:pPr></w:p>`, 1), RuleRule, diag.Warning, true, ""},
	{"đường kẻ dưới trích yếu dài cả dòng", "word/document.xml", subN(gach, `<w:p><w:pPr><w:pStyle w:val="VBGach"/></w:pPr></w:p>`, 3), RuleRule, diag.Warning, true, ""},
	{"chức vụ không đậm", "word/styles.xml", sub(`(w:styleId="VBQuyenHan".*?)<w:b/><w:bCs/>`, `$1`), RuleSigner, diag.Error, true, ""},
	{"họ tên căn trái", "word/styles.xml", sub(`(w:styleId="VBHoTen".*?)<w:jc w:val="center"/>`, `$1<w:jc w:val="left"/>`), RuleSigner, diag.Error, true, ""},
	{"đề mục I. không đậm", "word/styles.xml", sub(`(w:styleId="Heading1".*?)<w:b/><w:bCs/>`, `$1`), RuleHeading, diag.Warning, false, ""},
	{"giãn dòng gấp đôi", "word/styles.xml", sub(`(w:styleId="VBNoiDung".*?)w:line="360" w:lineRule="atLeast"`, `${1}w:line="720" w:lineRule="exact"`), RuleLineSpacing, diag.Warning, false, ""},
	{"căn cứ chữ đứng", "word/styles.xml", sub(`(w:styleId="VBCanCu".*?)<w:i/><w:iCs/>`, `$1`), RuleBasis, diag.Error, true, "quyet-dinh-khen-thuong.toml"},
	{"ô 12 cỡ 13 pt", "word/styles.xml", sub(`(w:styleId="VBNguoiSoanThao".*?<w:sz w:val=")22("/><w:szCs w:val=")22`, `${1}26${2}26`), RuleDrafter, diag.Warning, true, "../van-ninh-2025/cong-van-khan.toml"},
	{"Uỷ Ban Nhân Dân", "word/document.xml", sub(`nội dung Kế hoạch này\./\.`, `nội dung Kế hoạch này của Uỷ Ban Nhân Dân thị trấn./.`), RuleCase, diag.Warning, true, ""},
}

// TestKnownFaults mutates our Kế hoạch and expects exactly the finding of
// each fault, in the DOCX and, where the fault prints, in LibreOffice's PDF
// of it.
func TestKnownFaults(t *testing.T) {
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	built := map[string][]byte{}
	for _, m := range mutations {
		name := cmp.Or(m.doc, "ke-hoach.toml")
		if built[name] != nil {
			continue
		}
		dir := filepath.Join("../../testdata/van-gia-2024", filepath.Dir(name))
		res, err := e.Build(engine.Job{Dir: dir, Name: filepath.Base(name)}, true)
		if err != nil || res.Doc == nil {
			t.Fatal(name, err)
		}
		built[name] = res.DOCX
	}
	dir := t.TempDir()
	var docs []string
	for i, m := range mutations {
		b := mutate(t, m.name, built[cmp.Or(m.doc, "ke-hoach.toml")], m.part, m.f)
		r := Check("m.docx", b, Options{})
		if got := rules(r); len(got) != 1 || got[0] != m.rule || r.Findings[0].Severity != m.sev {
			t.Errorf("%s: got %v, want [%s]:%s", m.name, got, m.rule, dump(r))
		}
		name := filepath.Join(dir, "m"+string(rune('a'+i))+".docx")
		os.WriteFile(name, b, 0o644)
		docs = append(docs, name)
	}
	if testing.Short() {
		return
	}
	pdfs := soffice(t, "pdf", filepath.Join(dir, "pdf"), docs)
	for i, m := range mutations {
		r := checkFile(t, pdfs[i])
		got := rules(r)
		if m.pdf && (len(got) != 1 || got[0] != m.rule) {
			t.Errorf("PDF %s: got %v, want [%s]:%s", m.name, got, m.rule, dump(r))
		}
	}
}

func TestBadInput(t *testing.T) {
	for name, b := range map[string][]byte{
		"a.docx": []byte("not a zip"),
		"b.pdf":  []byte("%PDF-1.7\n garbage"),
		"c.txt":  []byte("hello"),
		"d.doc":  append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...),
	} {
		r := Check(name, b, Options{})
		if r.Err == "" || r.Format != "" {
			t.Errorf("%s: no error: %+v", name, r)
		}
	}
	if r := Check("big.pdf", make([]byte, 2<<20), Options{MaxSize: 1 << 20}); !strings.Contains(r.Err, "quá lớn") {
		t.Errorf("huge: %q", r.Err)
	}
}
