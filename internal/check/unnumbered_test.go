package check

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"vanban/internal/docimport/docx"
	"vanban/internal/engine"
)

// unnumbered builds the Báo cáo thành tích (cá nhân) sample: a document
// without "Số:" (khong_so) and without Nơi nhận.
func unnumbered(t *testing.T) []byte {
	t.Helper()
	return buildSample(t, "../../testdata/van-ninh-2026", "bao-cao-thanh-tich-ca-nhan.toml").DOCX
}

// buildSample builds the sample document name of the folder dir, PDF and
// DOCX.
func buildSample(t *testing.T, dir, name string) engine.Result {
	t.Helper()
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	res, err := e.Build(engine.Job{Dir: dir, Name: name}, true)
	if err != nil || res.Doc == nil {
		t.Fatal(err, res.Diags)
	}
	return res
}

// TestRecognise_Unnumbered: without a "Số:" line the issuer is the header's
// left column above the place-date line, and the centred capitals under it
// are the tên loại, not a third issuer line.
func TestRecognise_Unnumbered(t *testing.T) {
	d, err := docx.Read(unnumbered(t), docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ls := docxLines(d.Body, false, 0, nil)
	p := recognise(ls)
	var iss []string
	for _, i := range p.issuer {
		iss = append(iss, ls[i].text)
	}
	if got := strings.Join(iss, " | "); got != "ỦY BAN NHÂN DÂN | XÃ VẠN NINH" {
		t.Errorf("issuer = %q", got)
	}
	if p.number >= 0 || p.date < 0 {
		t.Errorf("number %d, date %d", p.number, p.date)
	}
	if p.typeName != "BÁO CÁO" || p.titleType < 0 || ls[p.titleType].text != "BÁO CÁO THÀNH TÍCH" {
		t.Errorf("tên loại %q at %d", p.typeName, p.titleType)
	}
	if len(p.summary) != 1 || !strings.HasPrefix(ls[p.summary[0]].text, "Đề nghị tặng Giấy khen") {
		t.Errorf("trích yếu %v", p.summary)
	}
}

// TestKnownFaults_Unnumbered: the issuer rules still hold for a document
// without a number: each fault gives exactly its finding.
func TestKnownFaults_Unnumbered(t *testing.T) {
	b := unnumbered(t)
	doc := part(t, b, "word/document.xml")
	styles := part(t, b, "word/styles.xml")
	if !strings.Contains(doc, `w:val="VBGach"`) || !strings.Contains(styles, `w:styleId="VBCoQuan"`) {
		t.Fatalf("sample has no VBGach rule or VBCoQuan style; update the test")
	}
	for _, m := range []struct {
		name, part string
		f          func(string) string
		rule       string
	}{
		{"thiếu đường kẻ dưới tên cơ quan", "word/document.xml", sub(gach, ``), RuleRule},
		{"tên cơ quan 14 pt", "word/styles.xml", sub(`(w:styleId="VBCoQuan".*?<w:sz w:val=")26("/><w:szCs w:val=")26`, `${1}28${2}28`), RuleIssuer},
		{"tên cơ quan không đậm", "word/styles.xml", sub(`(w:styleId="VBCoQuan".*?)<w:b/><w:bCs/>`, `$1`), RuleIssuer},
	} {
		r := Check("m.docx", mutate(t, m.name, b, m.part, m.f), Options{})
		if got := rules(r); len(got) != 1 || got[0] != m.rule {
			t.Errorf("%s: got %v, want [%s]:%s", m.name, got, m.rule, dump(r))
		}
	}
}

func part(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			return string(data)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}
