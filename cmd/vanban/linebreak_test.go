package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/engine"
	"vanban/internal/testutil"
)

// TestDocxFidelity_GeneratedLines: generated documents of many justified
// paragraphs, upright and italic (căn cứ), are laid out by LibreOffice
// from our DOCX with the same line breaks as our PDF. Random text puts
// lines at every distance from full, where a millimetre's disagreement
// about widths (Writer's italic room, see measure.Break) moves a word.
func TestDocxFidelity_GeneratedLines(t *testing.T) {
	bin := soffice(t)
	testutil.Tool(t, "pdftotext")
	dir := t.TempDir()
	ws := copyWorkspace(t, sampleDir)
	plan, err := os.ReadFile(filepath.Join(ws, "ke-hoach.toml"))
	if err != nil {
		t.Fatal(err)
	}
	head := string(plan)[:strings.Index(string(plan), `noi_dung = """`)]
	vocab := strings.Fields("Ủy ban nhân dân thị trấn Vạn Giã ban hành kế hoạch phát động phong trào thi đua trong lĩnh vực Nội vụ năm 2024 với các nội dung như sau cán bộ công chức người lao động hoàn thành xuất sắc nhiệm vụ chính trị được giao phát huy tinh thần chủ động tích cực sáng tạo của tập thể và cá nhân tạo sự chuyển biến mạnh mẽ 15/2024/NĐ-CP ngày 05 tháng 12")
	rng := rand.New(rand.NewSource(7))
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	type doc struct {
		name  string
		paras [][]string
	}
	var docs []doc
	var names []string
	for i := range 24 {
		d := doc{name: fmt.Sprintf("dong-%02d", i)}
		var body []string
		for range 6 {
			var p []string
			for range 30 + rng.Intn(50) {
				p = append(p, vocab[rng.Intn(len(vocab))])
			}
			p[len(p)-1] += ";"
			d.paras = append(d.paras, p)
			if i%2 == 1 { // căn cứ: italic quotes
				body = append(body, "> "+strings.Join(p, " "))
			} else {
				body = append(body, strings.Join(p, " "))
			}
		}
		src := head + "noi_dung = \"\"\"\n" + strings.Join(body, "\n\n") + "\n\nKết thúc./.\n\"\"\"\n"
		if err := os.WriteFile(filepath.Join(ws, d.name+".toml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := eng.Build(engine.Job{Dir: ws, Name: d.name + ".toml"}, true)
		if err != nil || res.PDF == nil {
			t.Fatalf("%s: %v %v", d.name, err, res.Diags)
		}
		os.WriteFile(filepath.Join(dir, d.name+".pdf"), res.PDF, 0o644)
		os.WriteFile(filepath.Join(dir, d.name+".docx"), res.DOCX, 0o644)
		docs = append(docs, d)
		names = append(names, d.name)
	}
	lo := libreOfficePDFs(t, bin, dir, names)
	lines := func(path string) [][]string {
		var out [][]string
		for _, l := range strings.Split(testutil.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\n") {
			if f := strings.Fields(l); len(f) > 0 {
				out = append(out, f)
			}
		}
		return out
	}
	// breaks returns, for the paragraph p, how many words each of its
	// lines holds in a PDF's lines, found by its first four words.
	breaks := func(all [][]string, p []string) []int {
		for i, l := range all {
			if len(l) < 4 || strings.Join(l[:4], " ") != strings.Join(p[:4], " ") {
				continue
			}
			var n []int
			for k := 0; k < len(p) && i < len(all); i++ {
				n = append(n, len(all[i]))
				k += len(all[i])
			}
			return n
		}
		return nil
	}
	total, same := 0, 0
	for _, d := range docs {
		ours, theirs := lines(filepath.Join(dir, d.name+".pdf")), lines(filepath.Join(lo, d.name+".pdf"))
		for pi, p := range d.paras {
			a, b := breaks(ours, p), breaks(theirs, p)
			total++
			if a != nil && fmt.Sprint(a) == fmt.Sprint(b) {
				same++
			} else {
				t.Logf("%s ¶%d: our lines hold %v words, LibreOffice's %v", d.name, pi+1, a, b)
			}
		}
	}
	t.Logf("%d of %d generated paragraphs broken into the same lines", same, total)
	// One paragraph in a hundred may meet a line full to a hundredth of a
	// millimetre, where the two measurements round apart.
	if same*100 < total*99 {
		t.Errorf("only %d of %d paragraphs have LibreOffice's line breaks", same, total)
	}
}
