package engine_test

import (
	"bytes"
	"testing"

	"vanban/internal/engine"
)

// Every PDF is PDF/A-2b and carries the số và ký hiệu as its keywords once
// the number is assigned.
func TestRender_PDFAAndKeywords(t *testing.T) {
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	res, err := eng.Build(engine.Job{Dir: "../../cmd/vanban/testdata/stress", Name: "nhieu-trang.toml"}, true)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	for _, want := range []string{"pdfaid:part", "/OutputIntents", "<pdf:Keywords>12/KH-UBND</pdf:Keywords>"} {
		if !bytes.Contains(res.PDF, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	res, err = eng.Build(engine.Job{Dir: "../../testdata/van-gia-2024", Name: "ke-hoach.toml"}, true)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if bytes.Contains(res.PDF, []byte("pdf:Keywords")) {
		t.Error("keywords in a document that has no number yet")
	}
}
