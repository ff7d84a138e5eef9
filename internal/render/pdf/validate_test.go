package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/digitorus/pdfsign/verify"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"vanban/internal/testutil"
)

// TestWrite_PDFCPUValidate: pdfcpu validates the file in its relaxed and
// its strict mode (PDF 32000-1:2008).
func TestWrite_PDFCPUValidate(t *testing.T) {
	api.DisableConfigDir() // no configuration files under $HOME
	for _, opt := range options {
		_, b := render(t, opt)
		for _, mode := range []int{model.ValidationRelaxed, model.ValidationStrict} {
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = mode
			if err := api.Validate(bytes.NewReader(b), conf); err != nil {
				t.Errorf("PDF/A %v, pdfcpu mode %d: %v", opt.PDFA, mode, err)
			}
		}
	}
}

// TestWrite_SignTwice signs the document as the Vietnamese e-office flow
// does, first the signer, then the organisation, each as an incremental
// update, and verifies both signatures; the first still covers exactly its
// own revision, which the second update leaves untouched.
func TestWrite_SignTwice(t *testing.T) {
	for _, opt := range options {
		_, unsigned := render(t, opt)
		dir := t.TempDir()
		person := signOnce(t, unsigned, "Nguyễn Văn A", "Chủ tịch")
		org := signOnce(t, person, "ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ", "Văn thư")
		if !bytes.HasPrefix(person, unsigned) || !bytes.HasPrefix(org, person) {
			t.Fatalf("PDF/A %v: a signature rewrote earlier bytes instead of appending", opt.PDFA)
		}
		path := filepath.Join(dir, "signed.pdf")
		os.WriteFile(path, org, 0o644)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		vo := verify.DefaultVerifyOptions()
		vo.AllowUntrustedRoots = true
		vo.RequiredEKUs = nil
		vo.AllowedEKUs = nil
		resp, err := verify.VerifyFileWithOptions(f, vo)
		if err != nil {
			t.Fatalf("PDF/A %v: verify: %v", opt.PDFA, err)
		}
		if len(resp.Signers) != 2 {
			t.Fatalf("PDF/A %v: %d signatures, want 2 (%s)", opt.PDFA, len(resp.Signers), resp.Error)
		}
		for _, s := range resp.Signers {
			if !s.ValidSignature {
				t.Errorf("PDF/A %v: signature of %q is not valid: %s", opt.PDFA, s.Name, resp.Error)
			}
		}
		// The byte ranges: the first ends where the first signed revision
		// ends, the second where the file ends.
		var ends []int
		for _, m := range regexp.MustCompile(`/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`).FindAllSubmatch(org, -1) {
			a, _ := strconv.Atoi(string(m[3]))
			b, _ := strconv.Atoi(string(m[4]))
			ends = append(ends, a+b)
		}
		if len(ends) != 2 || ends[0] != len(person) || ends[1] != len(org) {
			t.Errorf("PDF/A %v: byte ranges end at %v, want [%d %d]", opt.PDFA, ends, len(person), len(org))
		}
		// Poppler checks both signatures independently (NSS).
		if n := strings.Count(run(t, "pdfsig", path), "Signature Validation: Signature is Valid."); n != 2 {
			t.Errorf("PDF/A %v: pdfsig finds %d valid signatures, want 2", opt.PDFA, n)
		}
	}
}

// signOnce appends an invisible approval signature by a throw-away
// certificate.
func signOnce(t *testing.T, in []byte, name, reason string) []byte {
	return testutil.SignPDF(t, in, name, reason, nil)
}
