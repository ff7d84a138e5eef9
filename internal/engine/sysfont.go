package engine

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"vanban/fonts"
	"vanban/internal/font"
)

// Times New Roman is the font NĐ 30 names (Phụ lục I, I.4); every Windows PC
// has it and its licence allows embedding. vanban lays out with Liberation
// Serif, whose advance widths are Times New Roman's, and embeds Times New
// Roman instead when the machine has all four styles and their widths are
// exactly Liberation's for every character documents use — so layout, page
// breaks and DOCX fidelity stay the same, and only the drawn letters change.

// timesNames are the file names of the four styles (regular, bold, italic,
// bold italic) as Windows, macOS and Linux packages ship them.
var timesNames = [4][]string{
	{"times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf"},
	{"timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf", "TimesNewRomanBold.ttf"},
	{"timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf", "TimesNewRomanItalic.ttf"},
	{"timesbi.ttf", "Times New Roman Bold Italic.ttf", "Times_New_Roman_Bold_Italic.ttf", "TimesNewRomanBoldItalic.ttf"},
}

// FontDirs are the folders searched for Times New Roman on this platform.
func FontDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		return []string{filepath.Join(win, "Fonts"), filepath.Join(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts")}
	case "darwin":
		return []string{"/Library/Fonts", "/System/Library/Fonts/Supplemental", filepath.Join(home, "Library", "Fonts")}
	}
	return []string{"/usr/share/fonts/truetype/msttcorefonts", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype",
		filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts")}
}

// FontChoice says which font documents are drawn with.
type FontChoice struct {
	Family string // "Times New Roman" or "Liberation Serif"
	Dir    string // the folder of the system font; "" for the embedded one
	Note   string // why Times New Roman was not used, when it was looked for
}

// loadFonts returns Times New Roman from the first of dirs that has it
// with Liberation Serif's widths, or the embedded Liberation Serif.
func loadFonts(dirs []string) (*font.Set, FontChoice, error) {
	lib, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		return nil, FontChoice{}, err
	}
	choice := FontChoice{Family: "Liberation Serif"}
	var notes []string
	for _, dir := range dirs {
		files, ok := findTimes(dir)
		if !ok {
			continue
		}
		tnr, err := font.Load(os.DirFS(dir), "Times New Roman", files)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: %v", dir, err))
			continue
		}
		if why := sameWidths(lib, tnr); why != "" {
			notes = append(notes, fmt.Sprintf("%s: %s", dir, why))
			continue
		}
		return tnr, FontChoice{Family: "Times New Roman", Dir: dir}, nil
	}
	choice.Note = strings.Join(notes, "; ")
	return lib, choice, nil
}

// findTimes finds the four styles in dir, names compared without case.
func findTimes(dir string) ([4]string, bool) {
	var files [4]string
	entries, err := os.ReadDir(dir)
	if err != nil {
		return files, false
	}
	have := map[string]string{}
	for _, e := range entries {
		if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
			have[strings.ToLower(e.Name())] = e.Name()
		}
	}
	for st, names := range timesNames {
		for _, n := range names {
			if real, ok := have[strings.ToLower(n)]; ok {
				files[st] = real
				break
			}
		}
		if files[st] == "" {
			return files, false
		}
	}
	return files, true
}

// coreRunes are the characters whose widths must agree: ASCII, every
// Vietnamese letter in both cases, and the punctuation documents use.
func coreRunes() []rune {
	var rs []rune
	for r := rune(0x20); r < 0x7f; r++ {
		rs = append(rs, r)
	}
	const vi = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
	for _, r := range vi {
		rs = append(rs, r, []rune(strings.ToUpper(string(r)))[0])
	}
	return append(rs, []rune("–—‘’“”…•°§№")...)
}

// sameWidths reports "" when every core character has the same advance
// in a and b, style by style, or says which one differs.
func sameWidths(a, b *font.Set) string {
	const big = 2000 // half-points: large, so that rounding hides no difference
	for st := range 4 {
		fa, fb := a.Face(font.Style(st)), b.Face(font.Style(st))
		for _, r := range coreRunes() {
			if !fa.Has(r) {
				continue
			}
			if !fb.Has(r) {
				return fmt.Sprintf("kiểu %s thiếu chữ %q", font.Style(st), r)
			}
			if wa, wb := fa.Width(string(r), big), fb.Width(string(r), big); wa != wb {
				return fmt.Sprintf("kiểu %s: chữ %q rộng khác Liberation Serif", font.Style(st), r)
			}
		}
	}
	return ""
}
