package internal_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRules enforces the stage boundaries of the house style: the
// command talks to the engine only (and to diag and data for its flags),
// leaves stay leaves, renderers never import each other, render/pdf never
// sees the model, render/docx never sees the layout, and no package
// imports a PDF library: render/pdf writes PDF itself, and the PDF tools
// (pdfcpu, pdfsign) serve its tests only. Every internal package must have
// a rule.
func TestImportRules(t *testing.T) {
	// go list runs in another process: read the sources here too, so the
	// test cache is invalidated when any of them changes.
	filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			os.ReadFile(p)
		}
		return nil
	})
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "vanban/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := map[string][]string{
		"vanban/cmd/vanban":             {"engine", "diag", "data", "desk", "certificate", "docimport", "docimport/docx", "tomledit", "vnenc", "check", "tmpl"},
		"vanban/internal/check":         {"check/pdfread", "diag", "docimport/docx", "format", "model", "unit"},
		"vanban/internal/check/pdfread": {},
		"vanban/internal/engine": {"batch", "data", "diag", "font", "format", "law", "layout", "model", "register", "resolve",
			"render/docx", "render/pdf", "tmpl", "tomledit", "book", "unit", "copyblock"},
		"vanban/internal/copyblock":             {"font", "format", "layout", "measure", "unit"},
		"vanban/internal/desk":                  {"engine", "data", "diag", "model", "register", "render/svg", "tomledit", "font"},
		"vanban/internal/render/svg":            {"layout", "font", "unit"},
		"vanban/internal/certificate":           {"data", "diag", "font", "format", "law", "layout", "model", "render/pdf", "unit"},
		"vanban/internal/docimport":             {"docimport/docx", "vnenc", "tmpl", "data"},
		"vanban/internal/docimport/docx":        {},
		"vanban/internal/book":                  {"font", "layout", "measure", "model", "register", "unit"},
		"vanban/internal/batch":                 {},
		"vanban/internal/register":              {},
		"vanban/internal/tomledit":              {},
		"vanban/internal/vnenc":                 {},
		"vanban/internal/testutil":              {},
		"vanban/internal/render/docx/reference": {},
		"vanban/internal/diag":                  {},
		"vanban/internal/unit":                  {},
		"vanban/internal/model":                 {"diag"},
		"vanban/internal/format":                {"model", "unit"},
		"vanban/internal/font":                  {"unit"},
		"vanban/internal/data":                  {"diag", "model", "vnenc"},
		"vanban/internal/tmpl":                  {"data", "diag", "format", "model", "law"},
		"vanban/internal/law":                   {"data", "diag"},
		"vanban/internal/measure":               {"model", "format", "font", "unit"},
		"vanban/internal/resolve":               {"model", "format", "font", "measure", "unit", "diag"},
		"vanban/internal/layout":                {"resolve", "model", "format", "font", "measure", "unit"},
		"vanban/internal/render/docx":           {"resolve", "model", "format", "unit", "render/docx/reference"},
		"vanban/internal/render/pdf":            {"layout", "font", "unit"},
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imps, _ := strings.Cut(line, ":")
		for _, imp := range strings.Fields(imps) {
			// We write PDF ourselves; only the checker of other people's
			// PDFs reads them, with digitorus/pdf's object reader.
			reader := pkg == "vanban/internal/check/pdfread" && strings.HasPrefix(imp, "github.com/digitorus/pdf") ||
				// testutil signs our PDFs as the signing tools do, for tests only.
				pkg == "vanban/internal/testutil" && strings.HasPrefix(imp, "github.com/digitorus/")
			if !reader && (strings.Contains(imp, "go-pdf/fpdf") || strings.HasPrefix(imp, "github.com/pdfcpu/") ||
				strings.HasPrefix(imp, "github.com/digitorus/")) {
				t.Errorf("%s imports the PDF library %s", pkg, imp)
			}
			if strings.HasPrefix(imp, "vanban/cmd") {
				t.Errorf("%s imports %s", pkg, imp)
			}
			rules, ruled := allowed[pkg]
			if !ruled {
				if strings.HasPrefix(pkg, "vanban/internal/") {
					t.Errorf("%s has no import rule: add one", pkg)
				}
				break
			}
			if !strings.HasPrefix(imp, "vanban/internal/") {
				continue
			}
			name := strings.TrimPrefix(imp, "vanban/internal/")
			found := false
			for _, a := range rules {
				found = found || a == name
			}
			if !found {
				t.Errorf("%s may not import %s", pkg, imp)
			}
		}
	}
}
