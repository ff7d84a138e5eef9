package engine_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/resolve"
	"vanban/internal/testutil"
)

// TestStages runs each scenario of testdata/stages through the pipeline and
// compares every stage with its golden section, positions printed, so that
// a change shows which stage moved: data.golden (the typed input),
// model.golden, resolve.golden, layout.golden, and diagnostics.golden.
// A scenario holds vanban.toml, van-ban.toml (the document) and, if it
// needs them, other documents it cites and templates/*.md.
func TestStages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "stages", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no scenarios in testdata/stages")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			c := testutil.ReadCase(t, file)
			dir := t.TempDir()
			for name, body := range c.Inputs() {
				path := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, body, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			eng, err := engine.New(engine.Options{Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			defer eng.Close()
			j := engine.Job{Dir: dir, Name: "van-ban.toml"}
			in, _ := eng.Input(j)
			res, err := eng.Build(j, false)
			if err != nil {
				t.Fatal(err)
			}
			clean := func(b *bytes.Buffer) []byte {
				return []byte(strings.ReplaceAll(b.String(), dir+string(filepath.Separator), ""))
			}
			var ds bytes.Buffer
			diag.Print(&ds, res.Diags, nil)
			c.Golden(t, "diagnostics.golden", clean(&ds))
			if in != nil {
				var b bytes.Buffer
				data.Dump(&b, in)
				c.Golden(t, "data.golden", clean(&b))
			}
			if res.Doc != nil {
				var b bytes.Buffer
				model.DumpPositions(&b, res.Doc)
				c.Golden(t, "model.golden", clean(&b))
			}
			if res.Layout != nil {
				var b bytes.Buffer
				resolve.Dump(&b, res.Layout.Doc)
				c.Golden(t, "resolve.golden", clean(&b))
				b.Reset()
				layout.Dump(&b, res.Layout)
				c.Golden(t, "layout.golden", clean(&b))
			}
			c.Save(t)
		})
	}
}
