package testutil

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// Case is one txtar scenario file: its input files and its golden
// sections (names ending in ".golden").
type Case struct {
	path    string
	ar      *txtar.Archive
	changed bool
}

// ReadCase reads the txtar file at path.
func ReadCase(t testing.TB, path string) *Case {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &Case{path: path, ar: ar}
}

// Inputs returns the case's files that are not goldens, by name.
func (c *Case) Inputs() map[string][]byte {
	out := map[string][]byte{}
	for _, f := range c.ar.Files {
		if !isGolden(f.Name) {
			out[f.Name] = f.Data
		}
	}
	return out
}

func isGolden(name string) bool { return len(name) > 7 && name[len(name)-7:] == ".golden" }

// Golden compares got with the section name of the case. A missing section
// fails; with -update it is set (call Save at the end).
func (c *Case) Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	for i, f := range c.ar.Files {
		if f.Name != name {
			continue
		}
		if *update {
			c.ar.Files[i].Data, c.changed = got, c.changed || !bytes.Equal(f.Data, got)
			return
		}
		if !bytes.Equal(f.Data, got) {
			t.Errorf("%s: section %s differs (-want +got):\n%s", c.path, name, cmp.Diff(string(f.Data), string(got)))
		}
		return
	}
	if *update {
		c.ar.Files = append(c.ar.Files, txtar.File{Name: name, Data: got})
		c.changed = true
		return
	}
	t.Errorf("%s: section %s missing: run go test -run '%s' -update", c.path, name, t.Name())
}

// Save writes the case back when -update changed a section.
func (c *Case) Save(t testing.TB) {
	t.Helper()
	if c.changed {
		if err := os.WriteFile(c.path, txtar.Format(c.ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
