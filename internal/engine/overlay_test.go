package engine_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/model"
)

// TestModel_EditedSource: a job with Src builds from the edited text, not
// the file; the edit is not cached, so the file's own text comes back for
// the next job, and a document citing the edited one sees the file too.
func TestModel_EditedSource(t *testing.T) {
	const dir = "../../testdata/van-gia-2024"
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	src, err := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))
	if err != nil {
		t.Fatal(err)
	}
	const old = "Phát động phong trào thi đua trong lĩnh vực Nội vụ năm 2024"
	const edited = "Phát động phong trào thi đua chào mừng ngày Quốc khánh"
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("sample lacks %q", old)
	}
	summary := func(j engine.Job) string {
		t.Helper()
		res, err := eng.Model(j, engine.AllFormats)
		if err != nil || res.Doc == nil {
			t.Fatalf("%s: %v %v", j.Name, err, res.Diags)
		}
		return res.Doc.Title.Summary
	}
	plan := engine.Job{Dir: dir, Name: "ke-hoach.toml"}
	edit := plan
	edit.Src = bytes.Replace(src, []byte(old), []byte(edited), 1)
	if got := summary(edit); got != edited {
		t.Errorf("edited: summary %q, want %q", got, edited)
	}
	if got := summary(plan); got != old {
		t.Errorf("file after the edit: summary %q, want %q", got, old)
	}
	// The report cites the plan by its trích yếu: it reads the file's.
	res, err := eng.Model(engine.Job{Dir: dir, Name: "bao-cao-ket-qua.toml"}, engine.AllFormats)
	if err != nil || res.Doc == nil {
		t.Fatal(err, res.Diags)
	}
	var text strings.Builder
	for _, b := range res.Doc.Body {
		if p, ok := b.(*model.Para); ok {
			for _, r := range p.Runs {
				text.WriteString(r.Text)
			}
		}
	}
	if !strings.Contains(text.String(), "lĩnh vực Nội vụ năm 2024") || strings.Contains(text.String(), "Quốc khánh") {
		t.Error("the report cites the unsaved edit of the plan")
	}

	// A mistake in the edited text is reported at its line in the file.
	bad := plan
	bad.Src = bytes.Replace(src, []byte("trich_yeu = "), []byte("trich_yeu = 5\nx = "), 1)
	res, err = eng.Model(bad, engine.AllFormats)
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc != nil || !res.Diags.HasErrors() {
		t.Fatalf("bad edit built: %v", res.Diags)
	}
	if d := res.Diags[0]; !strings.HasSuffix(d.Pos.File, "ke-hoach.toml") || d.Pos.Line != 8 {
		t.Errorf("bad edit reported at %v, want ke-hoach.toml:8", d.Pos)
	}
}

// A form printed without a number (khong_so) is not "waiting for a
// number" (F003); a numbered form without one is.
func TestModel_UnnumberedFormWaitsForNoNumber(t *testing.T) {
	const dir = "../../testdata/van-ninh-2026"
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	for name, want := range map[string]bool{"bao-cao-thanh-tich-ca-nhan.toml": false, "thong-bao.toml": true} {
		res, err := eng.Model(engine.Job{Dir: dir, Name: name}, engine.AllFormats)
		if err != nil || res.Doc == nil {
			t.Fatalf("%s: %v %v", name, err, res.Diags)
		}
		got := false
		for _, d := range res.Diags {
			got = got || d.Code == diag.CodeNoNumber
		}
		if got != want {
			t.Errorf("%s: F003 %v, want %v (%v)", name, got, want, res.Diags)
		}
	}
}
