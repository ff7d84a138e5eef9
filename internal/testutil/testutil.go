// Package testutil holds helpers shared by tests: golden files and the
// poppler tools that read our PDFs back. Only _test.go files import it.
package testutil

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Updating reports whether the test run rewrites its golden files and
// pictures (-update); otherwise tests write nothing into the repository.
func Updating() bool { return *update }

// Golden compares got with the file path. A missing golden fails; with
// -update the file is written instead.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s missing: run go test -run '%s' -update (%v)", path, t.Name(), err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// Tool returns the path of an external program the tests read our files
// back with, skipping the test loudly when it is missing, or failing it
// when CI=true (.ci/run installs every one of them).
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		pkg := toolPackages[name]
		if pkg == "" {
			pkg = name
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not installed; .ci/run must install %s", name, pkg)
		}
		t.Skipf("SKIPPED: %s not installed (apt-get install %s)", name, pkg)
	}
	return p
}

// toolPackages are the Debian packages of the programs Tool finds.
var toolPackages = map[string]string{
	"pdftotext": "poppler-utils", "pdfinfo": "poppler-utils", "pdffonts": "poppler-utils",
	"pdftoppm": "poppler-utils", "pdfsig": "poppler-utils",
	"soffice": "libreoffice-writer-nogui libreoffice-calc-nogui",
}

// Run runs a command and returns its standard output.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Tool(t, name), args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}
