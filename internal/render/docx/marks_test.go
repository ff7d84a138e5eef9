package docx_test

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/render/docx"
	"vanban/internal/render/pdf"
	"vanban/internal/resolve"
	"vanban/internal/testutil"
)

// markedLetter is a công văn with every mark of Phụ lục I, II.10–12 and
// paras body paragraphs.
func markedLetter(paras int) *model.Document {
	var body []model.Block
	for range paras {
		body = append(body, &model.Para{Role: model.RoleBody, Runs: []model.Run{{Text: strings.Repeat(
			"Phát huy tinh thần chủ động, tích cực, sáng tạo của tập thể và cá nhân trên các lĩnh vực công tác. ", 3)}}})
	}
	return &model.Document{
		Kind:       "cong-van",
		Header:     model.Header{Issuer: []string{"ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"}},
		Number:     model.Number{Value: 7, Symbol: "UBND-VP"},
		Place:      "Vạn Ninh",
		Date:       model.Date{Year: 2025, Month: 7, Day: 2},
		Title:      model.Title{Summary: "Thử các dấu", Letter: true},
		Addressees: []string{"Phòng Văn hóa - Xã hội"},
		Body:       body,
		Signature:  model.Signature{Lines: []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, Name: "Nguyễn Văn A"},
		Recipients: model.Recipients{Items: []string{"Như trên"}, Archive: "VT"},
		Marks: model.Marks{Secrecy: "mat", Urgency: "thuong-khan", Circulation: "xem-xong-tra-lai", Drafter: "NVA", Copies: 5,
			Contact: format.ContactLines(format.Contact{Address: "Thôn Tân Đức, xã Vạn Ninh, tỉnh Khánh Hòa",
				Phone: "0258 3840 123", Email: "ubnd.vanninh@khanhhoa.gov.vn"}),
			Draft: "Dự thảo"},
	}
}

func resolved(t *testing.T, doc *model.Document) (*resolve.Document, *font.Set) {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := resolve.Resolve(doc, format.NewSheet(doc.Kind), f)
	if err != nil {
		t.Fatal(err)
	}
	return rd, f
}

// TestMarks_Parts: the marks reach document.xml (red frames of the
// decree's size, ô 12 under Nơi nhận) and ô 13 a first-page footer with
// its full-width rule; the later sections name an empty first footer.
func TestMarks_Parts(t *testing.T) {
	rd, _ := resolved(t, markedLetter(1))
	var buf bytes.Buffer
	if err := docx.Write(&buf, rd); err != nil {
		t.Fatal(err)
	}
	names, files, err := testutil.Unzip(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			if _, err := testutil.CanonXML(files[n]); err != nil {
				t.Errorf("%s: %v", n, err)
			}
		}
	}
	doc := string(files["word/document.xml"])
	for _, want := range []string{
		`<w:tblW w:w="2268" w:type="dxa"/>`, // 40 mm: THƯỢNG KHẨN
		`<w:tblW w:w="1134" w:type="dxa"/>`, // 20 mm: MẬT
		`<w:trHeight w:val="454" w:hRule="exact"/>`,
		`w:color="FF0000"`, `>THƯỢNG KHẨN<`, `>XEM XONG TRẢ LẠI<`, `>DỰ THẢO<`, `>NVA.(05)<`,
		`<w:footerReference w:type="first" r:id="rId5"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	ftr := string(files["word/footer1.xml"])
	if !strings.Contains(ftr, `<w:top w:val="single"`) || !strings.Contains(ftr, "Địa chỉ: Thôn Tân Đức") {
		t.Errorf("footer1.xml lacks the rule or the address: %s", ftr)
	}
	if !strings.Contains(string(files["[Content_Types].xml"]), "/word/footer1.xml") ||
		!strings.Contains(string(files["word/_rels/document.xml.rels"]), `Target="footer1.xml"`) {
		t.Error("footer not declared")
	}
	// A document without marks keeps the reference parts.
	plain := markedLetter(1)
	plain.Marks = model.Marks{}
	rp, _ := resolved(t, plain)
	for _, p := range docx.Parts(rp) {
		if strings.HasPrefix(p.Name, "word/footer") || strings.Contains(p.Data, "footerReference") {
			t.Errorf("%s: footer without ô 13", p.Name)
		}
	}
}

// TestMarks_Fidelity: LibreOffice lays out the DOCX of a marked công van
// (short, and long enough for a second page) as our PDF: the same words,
// each within 1 mm.
func TestMarks_Fidelity(t *testing.T) {
	var bin string
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			bin = p
		}
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not installed")
		}
		t.Skip("SKIPPED: soffice not installed: DOCX fidelity of the marks not checked")
	}
	testutil.Tool(t, "pdftotext")
	dir := t.TempDir()
	cases := map[string]int{"ngan": 1, "dai": 7}
	var args []string
	for name, n := range cases {
		rd, f := resolved(t, markedLetter(n))
		lay, err := layout.Place(rd, f)
		if err != nil {
			t.Fatal(err)
		}
		var p, d bytes.Buffer
		if err := pdf.Write(&p, lay); err != nil {
			t.Fatal(err)
		}
		if err := docx.Write(&d, rd); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+".pdf"), p.Bytes(), 0o644)
		os.WriteFile(filepath.Join(dir, name+".docx"), d.Bytes(), 0o644)
		args = append(args, filepath.Join(dir, name+".docx"))
	}
	lo := filepath.Join(dir, "lo")
	cmd := exec.Command(bin, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", lo}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for name := range cases {
		ours, theirs := testutil.PDFWords(t, filepath.Join(dir, name+".pdf")), testutil.PDFWords(t, filepath.Join(lo, name+".pdf"))
		if len(ours) != len(theirs) {
			t.Errorf("%s: %d pages, LibreOffice %d", name, len(ours), len(theirs))
			continue
		}
		n := 0
		for p := range ours {
			n += len(ours[p])
			if len(ours[p]) != len(theirs[p]) {
				t.Errorf("%s: page %d: %d words, LibreOffice %d", name, p+1, len(ours[p]), len(theirs[p]))
			}
			for i := 0; i < min(len(ours[p]), len(theirs[p])); i++ {
				a, b := ours[p][i], theirs[p][i]
				if a.Text != b.Text {
					t.Errorf("%s: page %d word %d: %q, LibreOffice %q", name, p+1, i, a.Text, b.Text)
					break
				}
				if dx, dy := math.Abs(a.X-b.X), math.Abs(a.Y-b.Y); dx > 1 || dy > 1 {
					t.Errorf("%s: page %d: %q moved %.2f mm across, %.2f mm down in LibreOffice", name, p+1, a.Text, dx, dy)
				}
			}
		}
		t.Logf("%s: %d pages, %d words compared", name, len(ours), n)
		if n < 100 {
			t.Errorf("%s: only %d words read back", name, n)
		}
	}
}
