package docimport_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"vanban/internal/docimport"
	"vanban/internal/docimport/docx"
	"vanban/internal/engine"
)

// TestWordsConserved imports every sample's DOCX and builds the draft
// again: every word of the input (body, tables, header, signature,
// appendix or attached text) must be in the rebuilt DOCX or in the text of
// an "unplaced" finding, as often as it was in the input. Nothing may be
// lost silently.
func TestWordsConserved(t *testing.T) {
	e := newEngine(t)
	for _, j := range samples(t) {
		t.Run(j.Dir[len("../../testdata/"):]+"/"+j.Stem(), func(t *testing.T) {
			res, err := e.Build(j, true)
			if err != nil || res.Doc == nil {
				t.Fatalf("sample does not build: %v %s", err, res.Diags.Error())
			}
			imp := importDOCX(t, e, j.Dir, res.DOCX, "")
			in := docWords(t, res.DOCX)
			out := docWords(t, rebuildDOCX(t, j.Dir, j.Name, imp.TOML))
			for _, f := range imp.Unplaced {
				for _, w := range strings.Fields(f.Text) {
					out[w]++
				}
			}
			if lost := missing(in, out); len(lost) > 0 {
				t.Errorf("%d words in, lost %v\n--- draft\n%s", total(in), lost, imp.TOML)
			}
		})
	}
}

// TestWordsConservedNoTemplate imports the Mẫu 1.3 sample into templates
// without keys for its attached text: into the generic Kế hoạch its text
// goes to the body, and into a form without a free body (Giấy mời) every
// paragraph is reported; either way no word is lost.
func TestWordsConservedNoTemplate(t *testing.T) {
	e := newEngine(t)
	j := engine.Job{Dir: "../../testdata/van-ninh-2026", Name: "quyet-dinh-ban-hanh.toml"}
	res, err := e.Build(j, true)
	if err != nil || res.Doc == nil {
		t.Fatalf("sample does not build: %v", err)
	}
	in := docWords(t, res.DOCX)
	t.Run("ke-hoach", func(t *testing.T) {
		imp := importDOCX(t, e, j.Dir, res.DOCX, "ke-hoach")
		if !strings.Contains(imp.TOML, "::: van-ban-kem-theo QUY CHẾ") {
			t.Errorf("attached text not in the body:\n%s", imp.TOML)
		}
		out := docWords(t, rebuildDOCX(t, j.Dir, j.Name, imp.TOML))
		for _, f := range imp.Unplaced {
			for _, w := range strings.Fields(f.Text) {
				out[w]++
			}
		}
		if lost := missing(in, out); len(lost) > 0 {
			t.Errorf("lost %v\n--- draft\n%s", lost, imp.TOML)
		}
	})
	t.Run("giay-moi", func(t *testing.T) {
		d, err := docx.Read(res.DOCX, docx.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		set, _ := e.Templates(j.Dir)
		imp, err := docimport.Import(d, docimport.Options{Template: "giay-moi", Kinds: docimport.KindsOf(set)})
		if err != nil {
			t.Fatal(err)
		}
		var un strings.Builder
		for _, f := range imp.Unplaced {
			un.WriteString(f.Text + "\n")
		}
		for _, want := range []string{"QUY CHẾ", "Điều 5. Tổ chức thực hiện", "Quy chế này quy định về nguyên tắc"} {
			if !strings.Contains(un.String(), want) {
				t.Errorf("%q neither placed nor reported; unplaced:\n%s", want, un.String())
			}
		}
	})
}

// rebuildDOCX builds draft in a fresh workspace with dir's profile and
// returns its DOCX.
func rebuildDOCX(t *testing.T, dir, name, draft string) []byte {
	t.Helper()
	ws := t.TempDir()
	prof, err := os.ReadFile(filepath.Join(dir, engine.ProfileName))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(ws, engine.ProfileName), prof, 0o644)
	os.WriteFile(filepath.Join(ws, name), []byte(draft), 0o644)
	res, err := newEngine(t).Build(engine.Job{Dir: ws, Name: name}, true)
	if err != nil || res.Doc == nil {
		t.Fatalf("draft does not build: %v %s\n%s", err, res.Diags.Error(), draft)
	}
	return res.DOCX
}

// docWords counts the words of every paragraph of a DOCX, tables included.
func docWords(t *testing.T, b []byte) map[string]int {
	t.Helper()
	d, err := docx.Read(b, docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	var walk func(bs []docx.Block)
	walk = func(bs []docx.Block) {
		for _, bl := range bs {
			if bl.Para != nil {
				for _, w := range strings.Fields(bl.Para.Text()) {
					m[w]++
				}
			}
			if bl.Table != nil {
				for _, r := range bl.Table.Rows {
					for _, c := range r.Cells {
						walk(c.Blocks)
					}
				}
			}
		}
	}
	walk(d.Body)
	return m
}

func missing(in, out map[string]int) []string {
	var lost []string
	for w, n := range in {
		if out[w] < n {
			lost = append(lost, w)
		}
	}
	sort.Strings(lost)
	return lost
}

func total(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}
