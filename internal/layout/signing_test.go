package layout_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/digitorus/pdfsign/verify"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/render/pdf"
	"vanban/internal/resolve"
	"vanban/internal/testutil"
	"vanban/internal/unit"
)

// electronicDoc is a kế hoạch of the electronic edition, not numbered yet.
func electronicDoc() *model.Document {
	var body []model.Block
	for range 4 {
		body = append(body, &model.Para{Role: model.RoleBody, Runs: []model.Run{{Text: strings.Repeat(
			"Phát huy tinh thần chủ động, tích cực, sáng tạo của tập thể và cá nhân trên các lĩnh vực công tác. ", 3)}}})
	}
	return &model.Document{
		Kind:       "ke-hoach",
		Header:     model.Header{Issuer: []string{"ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"}},
		Number:     model.Number{Symbol: "KH-UBND"},
		Place:      "Vạn Ninh",
		Date:       model.Date{Year: 2025, Month: 7, Day: 2},
		Title:      model.Title{Type: "Kế hoạch", Summary: "Thử bản điện tử"},
		Body:       body,
		Signature:  model.Signature{Lines: []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, Name: "Nguyễn Văn A"},
		Recipients: model.Recipients{Items: []string{"Như trên"}, Archive: "VT"},
		Edition:    model.Electronic,
	}
}

func place(t *testing.T, doc *model.Document) *layout.Result {
	t.Helper()
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := resolve.Resolve(doc, format.NewSheet(doc.Kind), f)
	if err != nil {
		t.Fatal(err)
	}
	r, err := layout.Place(rd, f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSigning_Golden: the layout dump of the electronic edition, with its
// signing map.
func TestSigning_Golden(t *testing.T) {
	var b bytes.Buffer
	if err := layout.Dump(&b, place(t, electronicDoc())); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "testdata/electronic.golden", b.Bytes())
}

// TestSigning_Edition: the electronic edition leaves the day and month
// blank while unnumbered, keeps a 30 mm signature area clear of items,
// and the seal covers the left third of the signature.
func TestSigning_Edition(t *testing.T) {
	r := place(t, electronicDoc())
	sg := r.Signing
	if sg.Area.Rect.H != format.SignArea || sg.Signature.Rect.H != format.SignArea {
		t.Errorf("signature area %v tall, want %v", sg.Area.Rect.H, format.SignArea)
	}
	seal, sig := sg.Seal.Rect, sg.Signature.Rect
	if seal.X+seal.W != sig.X+sig.W/3 || seal.X < sig.X-seal.W {
		t.Errorf("seal %+v does not cover the left third of the signature %+v", seal, sig)
	}
	a := sg.Area.Rect
	for _, it := range r.Pages[sg.Area.Page].Items {
		if it.X < a.X+a.W && it.X+it.W > a.X && it.Y > a.Y && it.Y < a.Y+a.H {
			t.Errorf("%q inside the signature area", it.Text)
		}
	}
	var date string
	for _, it := range r.Pages[0].Items {
		if strings.HasPrefix(it.Text, "Vạn Ninh,") {
			date = it.Text
		}
	}
	if strings.Contains(date, "ngày 02") || strings.Contains(date, "tháng 7") || !strings.Contains(date, "2025") {
		t.Errorf("date line %q: want day and month blank, the year kept", date)
	}
	b14 := sg.Box14.Rect
	if b14.W != 70*unit.MM || b14.H != 15*unit.MM || b14.X+b14.W != r.W-15*unit.MM {
		t.Errorf("ô 14 %+v", b14)
	}
	for _, it := range r.Pages[0].Items {
		if it.Y < b14.Y+b14.H && it.X+it.W > b14.X {
			t.Errorf("%q inside ô 14", it.Text)
		}
	}
}

var bboxWord = regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`)

// TestSigning_SignTwice signs the electronic edition at the rectangles of
// its signing map, the signer at ô 7c and the organisation at ô 8, each
// as an incremental update; both signatures verify, the first still covers
// exactly its own revision, and no word of the document, read back by
// poppler, lies inside the signature rectangle.
func TestSigning_SignTwice(t *testing.T) {
	testutil.Tool(t, "pdftotext")
	r := place(t, electronicDoc())
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, r, pdf.Options{PDFA: true}); err != nil {
		t.Fatal(err)
	}
	unsigned := buf.Bytes()
	sg := r.Signing
	person := signAt(t, unsigned, r, sg.Signature, "Nguyễn Văn A", "Chủ tịch")
	org := signAt(t, person, r, sg.Seal, "ỦY BAN NHÂN DÂN XÃ VẠN NINH", "Văn thư")
	if !bytes.HasPrefix(person, unsigned) || !bytes.HasPrefix(org, person) {
		t.Fatal("a signature rewrote earlier bytes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "signed.pdf")
	os.WriteFile(path, org, 0o644)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vo := verify.DefaultVerifyOptions()
	vo.AllowUntrustedRoots = true
	vo.RequiredEKUs, vo.AllowedEKUs = nil, nil
	resp, err := verify.VerifyFileWithOptions(f, vo)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if len(resp.Signers) != 2 {
		t.Fatalf("%d signatures, want 2 (%s)", len(resp.Signers), resp.Error)
	}
	for _, s := range resp.Signers {
		if !s.ValidSignature {
			t.Errorf("signature of %q not valid: %s", s.Name, resp.Error)
		}
	}
	var ends []int
	for _, m := range regexp.MustCompile(`/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`).FindAllSubmatch(org, -1) {
		a, _ := strconv.Atoi(string(m[3]))
		b, _ := strconv.Atoi(string(m[4]))
		ends = append(ends, a+b)
	}
	if len(ends) != 2 || ends[0] != len(person) || ends[1] != len(org) {
		t.Errorf("byte ranges end at %v, want [%d %d]", ends, len(person), len(org))
	}
	// No text of the document inside the signature rectangles (poppler's
	// positions, points from the top left), read from the unsigned file:
	// the signed one holds the signatures' own appearance text there.
	plain := filepath.Join(dir, "unsigned.pdf")
	os.WriteFile(plain, unsigned, 0o644)
	page := -1
	words := 0
	for _, l := range strings.Split(testutil.Run(t, "pdftotext", "-bbox", plain, "-"), "\n") {
		if strings.Contains(l, "<page ") {
			page++
		}
		m := bboxWord.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		words++
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		for _, sp := range []layout.Spot{sg.Signature, sg.Area} {
			rc := sp.Rect
			if page == sp.Page && v[0] < rc.X.Points()+rc.W.Points() && v[2] > rc.X.Points() &&
				v[1] < rc.Y.Points()+rc.H.Points() && v[3] > rc.Y.Points() {
				t.Errorf("word %q at %v inside the signature area", m[5], v)
			}
		}
	}
	if words < 100 {
		t.Errorf("only %d words read back", words)
	}
}

// signAt appends a visible approval signature at spot by a throw-away
// certificate.
func signAt(t *testing.T, in []byte, r *layout.Result, sp layout.Spot, name, reason string) []byte {
	t.Helper()
	h, rc := r.Pages[sp.Page].H, sp.Rect
	return testutil.SignPDF(t, in, name, reason, &testutil.SignBox{Page: sp.Page + 1,
		LowerLeftX: rc.X.Points(), LowerLeftY: (h - rc.Y - rc.H).Points(),
		UpperRightX: (rc.X + rc.W).Points(), UpperRightY: (h - rc.Y).Points()})
}
