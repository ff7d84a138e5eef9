package engine_test

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"vanban/internal/engine"
	"vanban/internal/layout"
)

// copyWorkspace copies the sample folder src (and its subfolders) into a
// temporary folder and returns it.
func copyFolder(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// setKeys writes top-level keys at the start of a document file.
func setKeys(t *testing.T, path string, keys ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(keys, "\n")+"\n"+string(b)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// outFiles lists the files of out whose name starts with prefix, sorted.
func outFiles(t *testing.T, out, prefix string) []string {
	t.Helper()
	ents, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), prefix) {
			names = append(names, e.Name())
		}
	}
	return names
}

// pageText joins the text items of a laid-out page.
func pageText(p layout.Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		if it.Kind == layout.Text {
			b.WriteString(it.Text)
			b.WriteString(" ")
		}
	}
	return b.String()
}

func batchBuild(t *testing.T, eng *engine.Engine, dir, out string) engine.Report {
	t.Helper()
	jobs, ds := engine.Jobs([]string{dir})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	rep := eng.Batch(context.Background(), jobs, engine.BatchOptions{Render: true, Out: out, Formats: engine.AllFormats, Workers: 2}, nil)
	if rep.ManifestErr != nil {
		t.Fatal(rep.ManifestErr)
	}
	return rep
}

func statusOf(rep engine.Report, name string) engine.Outcome {
	for _, o := range rep.Outcomes {
		if o.Job.Name == name {
			return o
		}
	}
	return engine.Outcome{Status: -1}
}

// blankNote is the "(Kèm theo …)" line with number, day, month and year
// left blank, as the electronic edition writes a blank.
var blankNote = regexp.MustCompile(`\(Kèm theo Quyết định số\s+/QĐ-UBND ngày\s+tháng\s+năm\s+của Chủ tịch`)

// phu_luc_rieng = true on an electronic document: the document's own
// files lack the appendix, which has its files <stem>.phu-luc-1.pdf,
// .docx and .ky-so.json, the map holding ô 14 alone; its "(Kèm theo …)"
// line has number and date blank although the document is numbered
// (Phụ lục I, III.1.c–d).
func TestBuild_SeparateAppendix(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024-dien-tu")
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	j := engine.Job{Dir: dir, Name: "quyet-dinh-khen-thuong.toml"}
	together, err := eng.Build(j, true)
	if err != nil || together.Diags.HasErrors() {
		t.Fatal(err, together.Diags)
	}
	if len(together.Parts) != 0 {
		t.Fatalf("parts without phu_luc_rieng: %d", len(together.Parts))
	}

	setKeys(t, j.Path(), `phu_luc_rieng = true`)
	eng2, _ := engine.New(engine.Options{Version: "test"})
	defer eng2.Close()
	apart, err := eng2.Build(j, true)
	if err != nil || apart.Diags.HasErrors() {
		t.Fatal(err, apart.Diags)
	}
	if len(apart.Parts) != 1 {
		t.Fatalf("%d parts, want 1", len(apart.Parts))
	}
	p := apart.Parts[0]
	if apart.Pages+len(p.Layout.Pages) != together.Pages {
		t.Errorf("pages: document %d + appendix %d, together %d", apart.Pages, len(p.Layout.Pages), together.Pages)
	}
	for _, pg := range apart.Layout.Pages {
		if strings.Contains(pageText(pg), "Kèm theo") {
			t.Errorf("the document's own file still holds its appendix: %s", pageText(pg))
		}
	}
	first := pageText(p.Layout.Pages[0])
	if !blankNote.MatchString(first) {
		t.Errorf("appendix page 1 lacks the blank (Kèm theo …) line:\n%s", first)
	}
	if strings.Contains(first, "45/QĐ") || strings.Contains(first, "QUYẾT ĐỊNH Về") {
		t.Errorf("appendix page 1 shows the number or the document:\n%s", first)
	}
	// ô 14 is free: nothing drawn in it.
	b14 := p.Layout.Signing.Box14
	if !p.Layout.Signing.Box14Only || b14.Page != 0 || b14.Rect.W == 0 {
		t.Fatalf("signing map of the appendix: %+v", p.Layout.Signing)
	}
	for _, it := range p.Layout.Pages[0].Items {
		r := b14.Rect
		// Page 1 has no page number, and the first line's baseline is
		// under the top margin, where ô 14 ends.
		if it.X < r.X+r.W && it.X+it.W > r.X && it.Y <= r.Y+r.H {
			t.Errorf("item %q inside ô 14", it.Text)
		}
	}
	m := string(engine.SigningMapJSON(p.Layout))
	if !strings.Contains(m, `"o_14"`) || strings.Contains(m, `"chu_ky"`) || strings.Contains(m, `"so"`) {
		t.Errorf("map of a phụ lục:\n%s", m)
	}
	if len(engine.SignatureFields(p.Layout)) != 0 {
		t.Error("signature fields on a phụ lục signed at ô 14 alone")
	}
	if len(p.PDF) == 0 || len(p.DOCX) == 0 {
		t.Fatal("part not rendered")
	}

	// Paper: the key has no effect.
	eng3, _ := engine.New(engine.Options{Version: "test", Edition: "giay"})
	defer eng3.Close()
	paper, err := eng3.Build(j, true)
	if err != nil || paper.Diags.HasErrors() || len(paper.Parts) != 0 {
		t.Errorf("paper: %v %v %d parts", err, paper.Diags, len(paper.Parts))
	}
}

// An attached text (Mẫu 1.3) issued apart keeps its header and carries its
// signature: its map has the signature spots and ô 14.
func TestBuild_SeparateAttachedText(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-ninh-2026")
	j := engine.Job{Dir: dir, Name: "quyet-dinh-ban-hanh.toml"}
	setKeys(t, j.Path(), `ban = "dien-tu"`, `phu_luc_rieng = true`)
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	res, err := eng.Build(j, true)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if len(res.Parts) != 1 {
		t.Fatalf("%d parts", len(res.Parts))
	}
	sg := res.Parts[0].Layout.Signing
	if sg.Box14Only || sg.Signature.Rect.W == 0 || sg.Box14.Rect.W == 0 {
		t.Errorf("signing map of an attached text: %+v", sg)
	}
	if !strings.Contains(pageText(res.Parts[0].Layout.Pages[0]), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Error("the attached text lost its header")
	}
	m := string(engine.SigningMapJSON(res.Parts[0].Layout))
	if !strings.Contains(m, `"chu_ky"`) || !strings.Contains(m, `"o_14"`) {
		t.Errorf("map:\n%s", m)
	}
}

// A batch knows the appendix files: they are written with the document,
// current on the next run, made again when deleted, removed when the
// document keeps its appendix again, goes on paper or fails, so no file
// is left looking current.
func TestBatch_SeparateAppendixFiles(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024-dien-tu")
	out := t.TempDir()
	doc := filepath.Join(dir, "quyet-dinh-khen-thuong.toml")
	orig, _ := os.ReadFile(doc)
	setKeys(t, doc, `phu_luc_rieng = true`)
	eng := func(edition string) *engine.Engine {
		e, err := engine.New(engine.Options{Version: "test", Edition: edition})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(e.Close)
		return e
	}
	parts := []string{"quyet-dinh-khen-thuong.phu-luc-1.docx", "quyet-dinh-khen-thuong.phu-luc-1.ky-so.json", "quyet-dinh-khen-thuong.phu-luc-1.pdf"}
	const name = "quyet-dinh-khen-thuong.toml"

	rep := batchBuild(t, eng(""), dir, out)
	if o := statusOf(rep, name); o.Status != engine.Built || !slices.Contains(o.Targets, filepath.Join(out, parts[2])) {
		t.Fatalf("first run: %v %v %v", o.Status, o.Targets, o.Result.Diags)
	}
	if got := outFiles(t, out, "quyet-dinh-khen-thuong.phu-luc-"); !slices.Equal(got, parts) {
		t.Fatalf("appendix files %v, want %v", got, parts)
	}
	if m, _ := os.ReadFile(filepath.Join(out, parts[1])); !strings.Contains(string(m), `"o_14"`) {
		t.Errorf("map: %s", m)
	}

	// Current on the next run, with a fresh engine as a new process has,
	// without building its model (the manifest recorded its appendix
	// files): no hash.
	if o := statusOf(batchBuild(t, eng(""), dir, out), name); o.Status != engine.Unchanged || o.Result.Hash != "" ||
		!slices.Contains(o.Targets, filepath.Join(out, parts[2])) {
		t.Errorf("second run: %v, hash %q, targets %v", o.Status, o.Result.Hash, o.Targets)
	}
	// An appendix file deleted by hand is made again.
	os.Remove(filepath.Join(out, parts[0]))
	if o := statusOf(batchBuild(t, eng(""), dir, out), name); o.Status != engine.Built {
		t.Errorf("after deleting %s: %v", parts[0], o.Status)
	}
	if got := outFiles(t, out, "quyet-dinh-khen-thuong.phu-luc-"); !slices.Equal(got, parts) {
		t.Errorf("appendix files %v after rebuild", got)
	}

	// -ban giay: on paper the appendix is in the document's file again.
	if o := statusOf(batchBuild(t, eng("giay"), dir, out), name); o.Status != engine.Built {
		t.Errorf("paper: %v", o.Status)
	}
	if got := outFiles(t, out, "quyet-dinh-khen-thuong.phu-luc-"); len(got) != 0 {
		t.Errorf("paper build left %v", got)
	}
	// Electronic again, then phu_luc_rieng = "false".
	batchBuild(t, eng(""), dir, out)
	if got := outFiles(t, out, "quyet-dinh-khen-thuong.phu-luc-"); !slices.Equal(got, parts) {
		t.Fatalf("appendix files %v", got)
	}
	os.WriteFile(doc, append([]byte("phu_luc_rieng = false\n"), orig...), 0o644)
	if o := statusOf(batchBuild(t, eng(""), dir, out), name); o.Status != engine.Built {
		t.Errorf("false: %v %v", o.Status, o.Result.Diags)
	}
	if got := outFiles(t, out, "quyet-dinh-khen-thuong.phu-luc-"); len(got) != 0 {
		t.Errorf("phu_luc_rieng = false left %v", got)
	}

	// A document that fails loses its appendix files with its own.
	os.WriteFile(doc, append([]byte("phu_luc_rieng = true\n"), orig...), 0o644)
	batchBuild(t, eng(""), dir, out)
	os.WriteFile(doc, append([]byte("phu_luc_rieng = \"co\"\n"), orig...), 0o644)
	o := statusOf(batchBuild(t, eng(""), dir, out), name)
	if o.Status != engine.Failed {
		t.Fatalf("bad value: %v", o.Status)
	}
	if len(o.Result.Diags) == 0 || o.Result.Diags[0].Pos.Line != 1 {
		t.Errorf("diagnostics: %v", o.Result.Diags)
	}
	if got := outFiles(t, out, "quyet-dinh-khen-thuong."); len(got) != 0 {
		t.Errorf("failed document left %v", got)
	}
	for _, p := range parts {
		if !slices.Contains(o.Removed, filepath.Join(out, p)) {
			t.Errorf("Removed lacks %s: %v", p, o.Removed)
		}
	}
}

// phu_luc_rieng written once in the workspace profile works as in the
// document: an appendix file deleted by hand is made again, since the
// document is not taken as current without its model.
func TestBatch_SeparateAppendixFromProfile(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024-dien-tu")
	out := t.TempDir()
	setKeys(t, filepath.Join(dir, engine.ProfileName), `phu_luc_rieng = true`)
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	const name = "quyet-dinh-khen-thuong.toml"
	if o := statusOf(batchBuild(t, e, dir, out), name); o.Status != engine.Built {
		t.Fatalf("first run: %v %v", o.Status, o.Result.Diags)
	}
	part := filepath.Join(out, "quyet-dinh-khen-thuong.phu-luc-1.pdf")
	if err := os.Remove(part); err != nil {
		t.Fatal(err)
	}
	e2, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	if o := statusOf(batchBuild(t, e2, dir, out), name); o.Status != engine.Built {
		t.Errorf("after deleting the appendix file: %v", o.Status)
	}
	if _, err := os.Stat(part); err != nil {
		t.Errorf("appendix file not made again: %v", err)
	}
}

// A document whose name reads like another's appendix file
// (ke-hoach.phu-luc-1.toml beside ke-hoach.toml) keeps its files when
// ke-hoach is rebuilt on paper, where ke-hoach removes its old appendix
// files; the output folder is read once per batch, not per document.
func TestBatch_PartLookalikeKept(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024")
	out := t.TempDir()
	plan, _ := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))
	os.WriteFile(filepath.Join(dir, "ke-hoach.phu-luc-1.toml"), plan, 0o644)
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	batchBuild(t, e, dir, out)
	// The plan changes, so it is rebuilt and clears its appendix files.
	os.WriteFile(filepath.Join(dir, "ke-hoach.toml"), []byte(strings.Replace(string(plan), "năm 2024\"", "năm 2024 (sửa)\"", -1)), 0o644)
	e2, err := engine.New(engine.Options{Version: "test", Edition: "giay"})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	rep := batchBuild(t, e2, dir, out)
	if o := statusOf(rep, "ke-hoach.toml"); o.Status != engine.Built {
		t.Fatalf("plan: %v %v", o.Status, o.Result.Diags)
	}
	for _, ext := range []string{".pdf", ".docx"} {
		if _, err := os.Stat(filepath.Join(out, "ke-hoach.phu-luc-1"+ext)); err != nil {
			t.Errorf("the look-alike document's file went: %v", err)
		}
	}
}

// A document that issues its appendix apart into a file another document
// already writes (ke-hoach.phu-luc-1.pdf of ke-hoach.toml and of
// ke-hoach.phu-luc-1.toml) fails with O003 and writes nothing; the other
// document's files stay its own.
func TestBatch_PartClash(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024-dien-tu")
	out := t.TempDir()
	const name = "quyet-dinh-khen-thuong.toml"
	doc := filepath.Join(dir, name)
	setKeys(t, doc, `phu_luc_rieng = true`)
	plan, err := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "quyet-dinh-khen-thuong.phu-luc-1.toml")
	os.WriteFile(other, plan, 0o644)
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	rep := batchBuild(t, e, dir, out)
	o := statusOf(rep, name)
	if o.Status != engine.Failed || len(o.Result.Diags) == 0 || o.Result.Diags[0].Code != "O003" {
		t.Fatalf("the decision: %v %v", o.Status, o.Result.Diags)
	}
	if st := statusOf(rep, "quyet-dinh-khen-thuong.phu-luc-1.toml").Status; st != engine.Built {
		t.Errorf("the other document: %v", st)
	}
	got, err := exec.Command("pdftotext", filepath.Join(out, "quyet-dinh-khen-thuong.phu-luc-1.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "KẾ HOẠCH") {
		t.Errorf("quyet-dinh-khen-thuong.phu-luc-1.pdf is not the other document's:\n%.300s", got)
	}
	if _, err := os.Stat(filepath.Join(out, "quyet-dinh-khen-thuong.pdf")); err == nil {
		t.Error("the failed decision wrote its PDF")
	}
}

// A document whose appendix file, recorded by its last build, another
// document now claims as its main file: the first is not taken as current
// but built, and fails with O003 (a main file comes before an appendix);
// the other document is built, and the file is its own.
func TestBatch_RecordedPartClash(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024-dien-tu")
	out := t.TempDir()
	const name = "quyet-dinh-khen-thuong.toml"
	setKeys(t, filepath.Join(dir, name), `phu_luc_rieng = true`)
	eng := func() *engine.Engine {
		e, err := engine.New(engine.Options{Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(e.Close)
		return e
	}
	if o := statusOf(batchBuild(t, eng(), dir, out), name); o.Status != engine.Built {
		t.Fatalf("first run: %v %v", o.Status, o.Result.Diags)
	}
	plan, _ := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))
	os.WriteFile(filepath.Join(dir, "quyet-dinh-khen-thuong.phu-luc-1.toml"), plan, 0o644)
	rep := batchBuild(t, eng(), dir, out)
	if o := statusOf(rep, name); o.Status != engine.Failed || len(o.Result.Diags) == 0 || o.Result.Diags[0].Code != "O003" {
		t.Errorf("the decision: %v %v", o.Status, o.Result.Diags)
	}
	if o := statusOf(rep, "quyet-dinh-khen-thuong.phu-luc-1.toml"); o.Status != engine.Built {
		t.Errorf("the other document: %v %v", o.Status, o.Result.Diags)
	}
	got, err := exec.Command("pdftotext", filepath.Join(out, "quyet-dinh-khen-thuong.phu-luc-1.pdf"), "-").Output()
	if err != nil || !strings.Contains(string(got), "KẾ HOẠCH") {
		t.Errorf("quyet-dinh-khen-thuong.phu-luc-1.pdf is not the other document's (%v)", err)
	}
	for _, ext := range []string{".docx", ".ky-so.json"} {
		if _, err := os.Stat(filepath.Join(out, "quyet-dinh-khen-thuong.phu-luc-1"+ext)); err != nil {
			t.Errorf("the other document's %s: %v", ext, err)
		}
	}
}

// A build of one document leaves alone the files of another the manifest
// knows, named like its appendix (ke-hoach.phu-luc-1.* of
// ke-hoach.phu-luc-1.toml), signing map included; with a relative output
// folder as the clerk types it.
func TestBatch_OneFileKeepsLookalike(t *testing.T) {
	dir := copyFolder(t, "../../testdata/van-gia-2024-dien-tu")
	plan, _ := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))
	os.WriteFile(filepath.Join(dir, "ke-hoach.phu-luc-1.toml"), plan, 0o644)
	t.Chdir(dir)
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	batchBuild(t, e, ".", "out")
	want := []string{"ke-hoach.phu-luc-1.docx", "ke-hoach.phu-luc-1.ky-so.json", "ke-hoach.phu-luc-1.pdf"}
	if got := outFiles(t, "out", "ke-hoach.phu-luc-1."); !slices.Equal(got, want) {
		t.Fatalf("first run: %v", got)
	}
	os.WriteFile("ke-hoach.toml", []byte(strings.Replace(string(plan), "năm 2024\"", "năm 2024 (sửa)\"", -1)), 0o644)
	e2, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	rep := e2.Batch(context.Background(), []engine.Job{{Dir: ".", Name: "ke-hoach.toml"}},
		engine.BatchOptions{Render: true, Out: "out", Formats: engine.Formats{PDF: true}, Workers: 2}, nil)
	if o := statusOf(rep, "ke-hoach.toml"); o.Status != engine.Built {
		t.Fatalf("plan: %v %v", o.Status, o.Result.Diags)
	}
	if got := outFiles(t, "out", "ke-hoach.phu-luc-1."); !slices.Equal(got, want) {
		t.Errorf("after building ke-hoach.toml alone, PDF only: %v", got)
	}
}
