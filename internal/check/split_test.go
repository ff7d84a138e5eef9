package check

import (
	"os"
	"strings"
	"testing"
	"time"

	"vanban/internal/diag"
)

// TestSplit_Phuluc3: the decree's Phụ lục III holds 16 sample forms; 14 of
// them have a header (Mẫu 1.1–1.10, the two forms of a văn bản kèm theo
// quyết định, Mẫu 3.1, 3.2); Mẫu 2.1 and 2.2 are appendices without one
// and are not documents. The forms are blank: the only error left is one
// the decree's file really has (Mẫu 1.10 sets the signer's title
// justified, not centred); none is about the issuer or the tên loại.
func TestSplit_Phuluc3(t *testing.T) {
	// The decree's own file (/work/shared/decree/Phuluc3.docx), kept
	// with the import's test data.
	const name = "../docimport/testdata/decree-phuluc3.docx"
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := Check(name, b, Options{})
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
	if len(r.Documents) != 14 {
		t.Fatalf("documents = %d, want 14: %+v", len(r.Documents), r.Documents)
	}
	var errs []string
	for _, f := range r.Findings {
		if f.Severity != diag.Error {
			continue
		}
		errs = append(errs, f.Where()+" "+f.Rule)
		switch f.Rule {
		case RuleIssuer, RuleParent, RuleTitleType, RuleSummary:
			t.Errorf("issuer/tên loại error: %s %s: %s", f.Where(), f.Rule, f.Msg)
		}
	}
	want := "văn bản 12/14 (từ đoạn 686), đoạn 709 " + RuleSigner
	if strings.Join(errs, "; ") != want {
		t.Errorf("errors:\n%s\nwant %s", strings.Join(errs, "\n"), want)
	}
	if FixRefusal(r) == "" {
		t.Error("no refusal of -sua")
	}
}

// concat joins the bodies of two copies of a DOCX into one file.
func concat(t *testing.T, b []byte) []byte {
	return mutate(t, "concat", b, "word/document.xml", func(s string) string {
		i := strings.Index(s, "<w:body>") + len("<w:body>")
		j := strings.LastIndex(s, "<w:sectPr")
		return s[:j] + s[i:j] + s[j:]
	})
}

func TestSplit_TwoSamples(t *testing.T) {
	res := buildSample(t, "../../testdata/van-gia-2024", "ke-hoach.toml")
	if r := Check("one.docx", res.DOCX, Options{}); r.Documents != nil || FixRefusal(r) != "" {
		t.Fatalf("one sample split: %+v", r.Documents)
	}
	two := concat(t, res.DOCX)
	r := Check("two.docx", two, Options{})
	if len(r.Documents) != 2 || len(r.Findings) != 0 {
		t.Fatalf("documents %+v:%s", r.Documents, dump(r))
	}
	if r.Documents[1].Para <= r.Documents[0].Para || r.Documents[0].Title == "" {
		t.Errorf("documents %+v", r.Documents)
	}
	bad := mutate(t, "Số: 5/ in the second", two, "word/document.xml", subN(`Số:[^<]*/KH-UBND`, `Số: 5/KH-UBND`, 2))
	r = Check("bad.docx", bad, Options{})
	if got := rules(r); len(got) != 1 || got[0] != RuleNumberZero {
		t.Fatalf("got %v:%s", got, dump(r))
	}
	for _, f := range r.Findings {
		if f.Doc != 2 || !strings.HasPrefix(f.Where(), "văn bản 2/2 (từ đoạn ") {
			t.Errorf("finding in document %d: %s", f.Doc, f.Where())
		}
	}
}
