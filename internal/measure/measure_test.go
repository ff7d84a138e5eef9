package measure

import (
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Line-break opportunities after hyphens, as UAX #14 and word processors
// have them: after a hyphen between letters, never before a number.
func TestHyphenBreaks(t *testing.T) {
	cases := map[string]string{
		"152/2025/NĐ-CP":        "152/2025/NĐ-|CP",
		"TTr-HĐTĐKT":            "TTr-|HĐTĐKT",
		"(28/8/1945-28/8/2024)": "(28/8/1945-28/8/2024)",
		"2021-2025":             "2021-2025",
		"-":                     "-",
		"a-":                    "a-",
		"-a":                    "-a",
		"kinh-tế-xã-hội":        "kinh-|tế-|xã-|hội",
	}
	for in, want := range cases {
		if got := strings.Join(hyphenBreaks(in), "|"); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

// A word wider than the table does not starve the other columns: each keeps
// at least its own longest word (the rest of the long word breaks inside
// its cell).
func TestColumnWidths_LongWord(t *testing.T) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	s := format.NewSheet("ke-hoach")
	cell := func(text string) model.Cell { return model.Cell{Runs: []model.Run{{Text: text}}} }
	long := strings.Repeat("Dàiquáthểlệ", 30)
	text := "Hoàn thành xuất sắc nhiệm vụ năm 2024 của đơn vị"
	tb := &model.Table{HeaderRows: 1, Rows: [][]model.Cell{
		{cell("A"), cell("B"), cell("C"), cell("D")},
		{cell(text), cell(long), cell(text), cell(long)},
	}}
	w := ColumnWidths(f, s, tb, 4)
	word := func(text string) unit.Length {
		ws := Words(f, s.Runs(format.TableCell, []model.Run{{Text: text}}), s.Style(format.TableCell).Size)
		return ws[0].W
	}
	for _, c := range []int{0, 2} {
		if w[c] < word("nhiệm") {
			t.Errorf("column %d is %v wide, narrower than the word %q (%v): %v", c, w[c], "nhiệm", word("nhiệm"), w)
		}
	}
	if sum := w[0] + w[1] + w[2] + w[3]; sum != s.TextWidth() {
		t.Errorf("widths add up to %v, want the text width %v", sum, s.TextWidth())
	}
}

// An italic line that fits with less than a twelfth of the line height to
// spare breaks one word earlier, as Writer does (see Break); upright text
// keeps the word.
func TestBreak_ItalicRoom(t *testing.T) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	const text = "Hội đồng nhân dân xã về Chương trình giám sát năm 2027 của Hội đồng nhân dân xã; ý kiến"
	room := f.Face(font.Italic).LineHeight(28) / 12
	if room < unit.MM*46/100 || room > unit.MM*49/100 {
		t.Fatalf("italic room at 14 pt %v, want about 0.47 mm", room)
	}
	for _, c := range []struct {
		style model.RunStyle
		slack unit.Length // width left after "dân" on the line
		words int         // words kept on the first line
	}{
		{model.Italic, room - unit.MM/100, 16},
		{model.Italic, room + unit.MM/100, 17},
		{0, unit.MM / 100, 17},
	} {
		ws := Words(f, []model.Run{{Text: text, Style: c.style}}, 28)
		var w unit.Length
		for i := range 17 {
			w += ws[i].W
			if i < 16 {
				w += ws[i].Space
			}
		}
		lines := Break(f, ws, 28, w+c.slack, w+c.slack)
		if got := len(lines[0].Words); got != c.words {
			t.Errorf("style %v, %v to spare: %d words on the line, want %d", c.style, c.slack, got, c.words)
		}
	}
}
