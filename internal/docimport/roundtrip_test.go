package docimport_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"vanban/internal/docimport"
	"vanban/internal/docimport/docx"
	"vanban/internal/engine"
)

// samples lists every sample document of the shared corpus.
func samples(t *testing.T) []engine.Job {
	t.Helper()
	dirs, _ := filepath.Glob("../../testdata/*")
	var js []engine.Job
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.toml"))
		sort.Strings(files)
		for _, f := range files {
			if filepath.Base(f) == engine.ProfileName {
				continue
			}
			js = append(js, engine.Job{Dir: d, Name: filepath.Base(f)})
		}
	}
	if len(js) == 0 {
		t.Fatal("no samples found")
	}
	return js
}

func newEngine(t *testing.T) *engine.Engine {
	t.Helper()
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return e
}

func profile(t *testing.T, dir string) map[string]any {
	t.Helper()
	var m map[string]any
	if _, err := toml.DecodeFile(filepath.Join(dir, engine.ProfileName), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// importDOCX imports b with the workspace dir's templates and profile.
func importDOCX(t *testing.T, e *engine.Engine, dir string, b []byte, tmplName string) *docimport.Result {
	t.Helper()
	d, err := docx.Read(b, docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return importDoc(t, e, dir, d, tmplName)
}

// importDoc imports the read document d with the workspace dir's
// templates and profile.
func importDoc(t *testing.T, e *engine.Engine, dir string, d *docx.Document, tmplName string) *docimport.Result {
	t.Helper()
	set, _ := e.Templates(dir)
	res, err := docimport.Import(d, docimport.Options{Template: tmplName, Kinds: docimport.KindsOf(set), Profile: profile(t, dir)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// rebuild writes draft into a fresh workspace with dir's profile and
// returns its model dump.
func rebuild(t *testing.T, dir, name, draft string) (string, engine.Result) {
	t.Helper()
	ws := t.TempDir()
	prof, err := os.ReadFile(filepath.Join(dir, engine.ProfileName))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(ws, engine.ProfileName), prof, 0o644)
	os.WriteFile(filepath.Join(ws, name), []byte(draft), 0o644)
	e := newEngine(t)
	res, err := e.Model(engine.Job{Dir: ws, Name: name}, engine.AllFormats)
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc == nil {
		t.Fatalf("draft does not build:\n%s\n%s", res.Diags.Error(), draft)
	}
	var buf bytes.Buffer
	engine.DumpModel(&buf, res)
	return buf.String(), res
}

// words are the quoted texts of a model dump, word by word: what the page
// shows, without the structure.
func words(dump string) []string {
	var out []string
	for _, ln := range strings.Split(dump, "\n") {
		ln = strings.TrimSpace(ln)
		if strings.HasPrefix(ln, "Document ") {
			continue
		}
		for _, q := range quoted(ln) {
			out = append(out, strings.Fields(q)...)
		}
	}
	return out
}

func quoted(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return out
		}
		s = s[i+1:]
		j := 0
		for j < len(s) && s[j] != '"' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j > len(s) {
			j = len(s)
		}
		out = append(out, s[:j])
		if j >= len(s) {
			return out
		}
		s = s[j+1:]
	}
}
