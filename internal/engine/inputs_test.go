package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/data"
)

// copySample copies the Vạn Giã sample workspace into a temporary folder.
func copySample(t *testing.T) string {
	src := filepath.Join("..", "..", "testdata", "van-gia-2024")
	dst := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(src, "*.toml"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dst, filepath.Base(n)), b, 0o644)
	}
	return dst
}

// run builds the workspace with a fresh engine and returns, per document
// stem, "built", "unchanged" (model built, found current) or "quick"
// (current by its inputs key, no model built).
func run(t *testing.T, ws string) map[string]string {
	eng, err := New(Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	js, _ := Jobs([]string{ws})
	rep := eng.Batch(context.Background(), js, BatchOptions{Render: true, Out: filepath.Join(ws, "out"), Formats: AllFormats, Workers: 2}, nil)
	out := map[string]string{}
	for _, o := range rep.Outcomes {
		s := o.Status.String()
		if o.quick {
			s = "quick"
		}
		if o.Err != nil || o.Result.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", o.Job.Name, o.Err, o.Result.Diags)
		}
		out[o.Job.Stem()] = s
	}
	return out
}

func expect(t *testing.T, step string, got map[string]string, want string) {
	t.Helper()
	var parts []string
	for _, k := range []string{"bao-cao-ket-qua", "ke-hoach", "ke-hoach-thi-dua", "quyet-dinh-khen-thuong", "to-trinh-khen-thuong"} {
		parts = append(parts, k+"="+got[k])
	}
	if g := strings.Join(parts, " "); g != want {
		t.Errorf("%s:\n got %s\nwant %s", step, g, want)
	}
}

// A batch skips the models of documents whose raw inputs did not change,
// and builds exactly those that depend on a change: a cited plan, the
// profile, a workspace template, a register entry.
func TestBatch_InputsKeys(t *testing.T) {
	ws := copySample(t)
	all := "bao-cao-ket-qua=%s ke-hoach=%s ke-hoach-thi-dua=%s quyet-dinh-khen-thuong=%s to-trinh-khen-thuong=%s"
	f := func(a ...any) string { return strings.TrimSpace(sprintf(all, a...)) }
	expect(t, "cold", run(t, ws), f("built", "built", "built", "built", "built"))
	expect(t, "again", run(t, ws), f("quick", "quick", "quick", "quick", "quick"))
	// The plan is cited by the report and the proposal, and through the
	// proposal by the decision, whose model is built again but comes out
	// the same (it prints nothing of the plan): "unchanged".
	edit(t, filepath.Join(ws, "ke-hoach.toml"), `trich_yeu = "`, `trich_yeu = "Sửa: `)
	expect(t, "plan edited", run(t, ws), f("built", "built", "quick", "unchanged", "built"))
	expect(t, "again", run(t, ws), f("quick", "quick", "quick", "quick", "quick"))
	edit(t, filepath.Join(ws, "ke-hoach-thi-dua.toml"), `linh_vuc = "`, `linh_vuc = "Sửa `)
	expect(t, "campaign plan edited", run(t, ws), f("quick", "quick", "built", "quick", "quick"))
	edit(t, filepath.Join(ws, ProfileName), `ho_ten = "`, `ho_ten = "Bà `)
	expect(t, "profile edited", run(t, ws), f("built", "built", "built", "built", "built"))
	os.MkdirAll(filepath.Join(ws, "templates"), 0o755)
	os.WriteFile(filepath.Join(ws, "templates", "rieng.md"), []byte("+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\nmo_ta = \"x\"\n+++\nx\n"), 0o644)
	expect(t, "template added", run(t, ws), f("unchanged", "unchanged", "unchanged", "unchanged", "unchanged"))
	// A file changed by hand is rebuilt, by its hash, though its inputs
	// did not change.
	os.WriteFile(filepath.Join(ws, "out", "ke-hoach-thi-dua.pdf"), []byte("%PDF-1.7 sửa tay"), 0o644)
	expect(t, "output edited", run(t, ws), f("quick", "quick", "built", "quick", "quick"))
	// A number in the register: the plan and what cites it.
	eng, _ := New(Options{Version: "test"})
	if _, ds, err := eng.Assign(context.Background(), Job{Dir: ws, Name: "ke-hoach.toml"}, AssignRequest{Date: mustDate(t, "2024-05-08")}); err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	eng.Close()
	expect(t, "plan numbered", run(t, ws), f("built", "built", "quick", "unchanged", "built"))
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s: %q not found (%v)", path, old, err)
	}
	os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
}

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

func mustDate(t *testing.T, s string) data.Date {
	d, reason := data.ParseDate(s)
	if reason != "" {
		t.Fatal(reason)
	}
	return d
}
