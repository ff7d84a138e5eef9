package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/fonts"
)

// The summary says which font the files are drawn with: Times New Roman
// from a font folder whose faces have Liberation Serif's widths (here the
// Liberation files themselves under Windows' names), else the embedded one.
func TestBuild_FontLine(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"} {
		b, err := fonts.FS.ReadFile(fonts.Files[i])
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	t.Setenv("VANBAN_FONT_DIRS", dir)
	_, stdout, stderr := cli(t, "build", "-o", t.TempDir(), filepath.Join(sampleDir, "ke-hoach.toml"))
	if !strings.Contains(stdout, "Phông chữ: Times New Roman ("+dir+").") {
		t.Errorf("with a Times New Roman folder:\n%s%s", stdout, stderr)
	}
	t.Setenv("VANBAN_FONT_DIRS", "")
	_, stdout, _ = cli(t, "build", "-o", t.TempDir(), filepath.Join(sampleDir, "ke-hoach.toml"))
	if !strings.Contains(stdout, "Phông chữ: Liberation Serif") {
		t.Errorf("without:\n%s", stdout)
	}
}
