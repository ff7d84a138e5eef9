package docx_test

import (
	"bytes"
	"encoding/xml"
	"path"
	"regexp"
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/render/docx"
	"vanban/internal/resolve"
	"vanban/internal/testutil"
)

func sample() *model.Document {
	return &model.Document{
		Kind:   "ke-hoach",
		Header: model.Header{Parent: []string{"UBND HUYỆN VẠN NINH"}, Issuer: []string{"ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"}},
		Number: model.Number{Value: 5, Symbol: "KH-UBND"},
		Place:  "Vạn Giã",
		Date:   model.Date{Year: 2024, Month: 5, Day: 8},
		Title:  model.Title{Type: "KẾ HOẠCH", Summary: "Thử <ký tự> & \"đặc biệt\""},
		Body: []model.Block{
			&model.Heading{Level: 1, Runs: []model.Run{{Text: "i. mục đích"}}},
			&model.Para{Role: model.RoleBody, Runs: []model.Run{{Text: "Điều 1.", Style: model.Bold}, {Text: " Ban hành  kèm theo "}, {Text: "A & B < C", Style: model.Italic}}},
			&model.Para{Role: model.RoleBody, Marker: "a)", Runs: []model.Run{{Text: "điểm a;"}}},
			&model.Table{HeaderRows: 1, Align: []model.Align{model.AlignCenter}, Rows: [][]model.Cell{
				{{Runs: []model.Run{{Text: "STT"}}}, {Runs: []model.Run{{Text: "Chỉ tiêu"}}}},
				{{Runs: []model.Run{{Text: "1"}}}, {Runs: []model.Run{{Text: "Hoàn thành"}}}},
			}},
			&model.Para{Role: model.RoleBasis, Runs: []model.Run{{Text: "Căn cứ Luật Thi đua, khen thưởng."}}},
		},
		Signature:  model.Signature{Lines: []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, Name: "Nguyễn Văn A"},
		Recipients: model.Recipients{Items: []string{"Như trên"}, Archive: "VT, TH"},
	}
}

func write(t *testing.T, doc *model.Document) []byte {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := resolve.Resolve(doc, format.NewSheet(doc.Kind), f)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := docx.Write(&b, rd); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDocx_Package: every part parses strictly, has a content type, every
// relationship target exists, [Content_Types].xml comes first, and two
// writes give the same bytes.
func TestDocx_Package(t *testing.T) {
	data := write(t, sample())
	if again := write(t, sample()); !bytes.Equal(data, again) {
		t.Error("two writes differ")
	}
	names, files, err := testutil.Unzip(data)
	if err != nil {
		t.Fatal(err)
	}
	if names[0] != "[Content_Types].xml" {
		t.Errorf("first part %q", names[0])
	}
	for _, n := range names {
		if _, err := testutil.CanonXML(files[n]); err != nil {
			t.Errorf("%s does not parse: %v", n, err)
		}
	}
	ct := string(files["[Content_Types].xml"])
	for _, n := range names {
		if strings.HasSuffix(n, ".rels") || n == "[Content_Types].xml" {
			continue
		}
		if !strings.Contains(ct, `PartName="/`+n+`"`) {
			t.Errorf("no content type for %s", n)
		}
	}
	re := regexp.MustCompile(`Target="([^"]+)"`)
	for _, rels := range []string{"_rels/.rels", "word/_rels/document.xml.rels"} {
		base := path.Dir(path.Dir(rels))
		if base == "." {
			base = ""
		}
		for _, m := range re.FindAllStringSubmatch(string(files[rels]), -1) {
			if _, ok := files[path.Join(base, m[1])]; !ok {
				t.Errorf("%s: target %s missing", rels, m[1])
			}
		}
	}
	doc := string(files["word/document.xml"])
	if !strings.Contains(doc, `<w:titlePg/></w:sectPr></w:body>`) {
		t.Error("sectPr is not last, or has no titlePg")
	}
	if strings.Count(doc, "<w:t>") > 0 {
		t.Error("a w:t without xml:space=\"preserve\"")
	}
}

// paragraphs returns the text of every w:p of document.xml, in order.
func paragraphs(t *testing.T, doc []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []string
	var cur *strings.Builder
	inT := false
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				cur = &strings.Builder{}
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				out = append(out, cur.String())
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.Write(e)
			}
		}
	}
	return out
}

// TestDocx_TextEqualsModel: each paragraph reads exactly as the model and
// format say, spaces and diacritics included.
func TestDocx_TextEqualsModel(t *testing.T) {
	_, files, _ := testutil.Unzip(write(t, sample()))
	var got []string
	for _, p := range paragraphs(t, files["word/document.xml"]) {
		if p != "" {
			got = append(got, p)
		}
	}
	want := []string{
		"UBND HUYỆN VẠN NINH", "ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: 05/KH-UBND", "Vạn Giã, ngày 08 tháng 5 năm 2024",
		"KẾ HOẠCH", "Thử <ký tự> & \"đặc biệt\"",
		"I. MỤC ĐÍCH", "Điều 1. Ban hành  kèm theo A & B < C", "a) điểm a;",
		"STT", "Chỉ tiêu", "1", "Hoàn thành",
		"Căn cứ Luật Thi đua, khen thưởng.",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT, TH.",
		"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDocx_Geometry: A4, the sheet's margins in twips, header 10 mm,
// the rule under the motto as long as the motto.
func TestDocx_Geometry(t *testing.T) {
	_, files, _ := testutil.Unzip(write(t, sample()))
	doc := string(files["word/document.xml"])
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>`,
		`<w:headerReference w:type="first" r:id="rId4"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// Right column 100 mm = 5669 twips; motto 60.46 mm = 3428 twips:
	// indents of 1120/1121 twips each side.
	if !strings.Contains(doc, `<w:pStyle w:val="VBGach"/><w:ind w:left="1121" w:right="1121"/>`) &&
		!strings.Contains(doc, `<w:pStyle w:val="VBGach"/><w:ind w:left="1120" w:right="1121"/>`) {
		t.Errorf("no motto rule of the motto's length:\n%s", regexp.MustCompile(`<w:pStyle w:val="VBGach"/><w:ind[^>]*>`).FindAllString(doc, -1))
	}
	styles := string(files["word/styles.xml"])
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:lang w:val="vi-VN"`, `w:styleId="VBNoiDung"`, `<w:ind w:firstLine="567"/>`, `<w:spacing w:before="120" w:after="0" w:line="360" w:lineRule="atLeast"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	// Text lines are at least their pitch, never exactly: a pasted picture
	// or larger type must not be clipped. Only the rule paragraphs and the
	// section-closing paragraph are exact.
	if n := strings.Count(styles, `w:lineRule="exact"`); n != 1 {
		t.Errorf("%d styles of exact line height; want 1 (the rule style)", n)
	}
	if !strings.Contains(string(files["word/header1.xml"]), "PAGE") || strings.Contains(string(files["word/header2.xml"]), "PAGE") {
		t.Error("page number must be in the default header only")
	}
}

// TestDocx_RoleStyles (issue 14): a căn cứ line uses the named style "VB
// Căn cứ", based on "VB Nội dung" and italic by its style, with no direct
// italics on its runs; other body paragraphs keep "VB Nội dung" and their
// own direct formatting.
func TestDocx_RoleStyles(t *testing.T) {
	_, files, _ := testutil.Unzip(write(t, sample()))
	styles := string(files["word/styles.xml"])
	want := `<w:style w:type="paragraph" w:customStyle="1" w:styleId="VBCanCu"><w:name w:val="VB Căn cứ"/><w:basedOn w:val="VBNoiDung"/><w:qFormat/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>`
	if !strings.Contains(styles, want) {
		t.Errorf("styles.xml lacks %s", want)
	}
	doc := string(files["word/document.xml"])
	basis := regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="VBCanCu"/>(?:<w:keepNext/>)?</w:pPr><w:r><w:t xml:space="preserve">Căn cứ Luật Thi đua, khen thưởng.</w:t></w:r></w:p>`)
	if !basis.MatchString(doc) {
		t.Errorf("the căn cứ paragraph is not in style VBCanCu without direct formatting:\n%s", doc)
	}
	if !strings.Contains(doc, `<w:pStyle w:val="VBNoiDung"/>`) || !strings.Contains(doc, `<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">A &amp; B &lt; C</w:t>`) {
		t.Error("a body paragraph lost its style or the author's italics")
	}
}
