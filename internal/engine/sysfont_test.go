package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/fonts"
)

// writeFaces writes the embedded Liberation faces into dir under names.
func writeFaces(t *testing.T, dir string, names [4]string, from [4]string) {
	for i, n := range names {
		if n == "" {
			continue
		}
		b, err := fonts.FS.ReadFile(from[i])
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
}

// Times New Roman is used when a folder has its four styles with Liberation
// Serif's widths; otherwise the embedded font, with the reason.
func TestLoadFonts_TimesNewRoman(t *testing.T) {
	// A folder laid out as Windows does, holding faces whose widths match
	// (here the Liberation files themselves, under Windows' names).
	win := t.TempDir()
	writeFaces(t, win, [4]string{"TIMES.TTF", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}, fonts.Files)
	empty := t.TempDir()
	_, c, err := loadFonts([]string{empty, win})
	if err != nil || c.Family != "Times New Roman" || c.Dir != win {
		t.Fatalf("matching faces: %+v %v", c, err)
	}
	// Widths that differ: the bold face in place of the regular one.
	wrong := t.TempDir()
	swapped := fonts.Files
	swapped[0] = fonts.Files[1]
	writeFaces(t, wrong, [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}, swapped)
	_, c, err = loadFonts([]string{wrong})
	if err != nil || c.Family != "Liberation Serif" || !strings.Contains(c.Note, "rộng khác Liberation Serif") {
		t.Fatalf("faces with other widths: %+v %v", c, err)
	}
	// A style missing: not Times New Roman at all.
	part := t.TempDir()
	writeFaces(t, part, [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", ""}, fonts.Files)
	if _, c, _ := loadFonts([]string{part}); c.Family != "Liberation Serif" || c.Note != "" {
		t.Fatalf("three styles: %+v", c)
	}
	if _, c, _ := loadFonts(nil); c.Family != "Liberation Serif" {
		t.Fatalf("no folders: %+v", c)
	}
}
