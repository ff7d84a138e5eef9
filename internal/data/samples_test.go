package data

import (
	"os"
	"path/filepath"
	"testing"

	"vanban/internal/diag"
)

// Every sample document of the shared corpus loads without a bad
// character, a legacy-encoding warning or a bound: the hygiene checks have
// no false positive on real documents. The checks run on every value before
// the schema is applied, so the common schema is enough here (keys of the
// templates show up as D002, which is not what this test is about); using
// package tmpl would make this package's tests depend on its build.
func TestLoad_SamplesAreClean(t *testing.T) {
	anySchema := func(name string) (*Schema, []string, bool) {
		return &Schema{Template: name, Fields: Common()}, nil, true
	}
	dirs, err := filepath.Glob("../../testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
		for _, p := range names {
			name := filepath.Base(p)
			opt := Options{Schema: anySchema}
			if name != "vanban.toml" {
				opt.Profile = "vanban.toml"
			}
			n++
			_, ds := Load(os.DirFS(dir), name, opt)
			for _, d := range ds {
				switch d.Code {
				case diag.CodeBadChar, diag.CodeLegacyText, diag.CodeLimit, diag.CodeSyntax, diag.CodeBadUTF8:
					t.Errorf("%s: %v", p, d)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d samples found under testdata/", n)
	}
}
