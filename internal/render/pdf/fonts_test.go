package pdf

import (
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zlib"

	"vanban/fonts"
	"vanban/internal/font"
)

// planText is text as a plan draws it in each face: the body in regular,
// headings in bold, a few words in italic and bold italic.
var planText = [4]string{
	font.Regular: "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số 98/2023/NĐ-CP " +
		"quy định chi tiết thi hành một số điều của Luật; Ủy ban nhân dân xã ban hành Kế hoạch tổ chức " +
		"phong trào thi đua năm 2024 như sau: Mục đích, yêu cầu. Nội dung và giải pháp thực hiện (1) – (5).",
	font.Bold:       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ỦY BAN NHÂN DÂN KẾ HOẠCH I. MỤC ĐÍCH",
	font.Italic:     "Vạn Giã, ngày 12 tháng 3 năm 2024 Nơi nhận:",
	font.BoldItalic: "Nơi nhận:",
}

func loadFonts(tb testing.TB) *font.Set {
	tb.Helper()
	s, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkFontLevel compresses the pruned programs of a plan's four
// faces at the zlib levels a writer might choose, reporting the bytes; the
// spliced programs of core subsets are not compressed per document, and
// programs with extras are compressed at BestSpeed (font.Subset.FontFlate).
func BenchmarkFontLevel(b *testing.B) {
	set := loadFonts(b)
	var progs [][]byte
	for st, text := range planText {
		s := set.Face(font.Style(st)).NewSubset()
		for _, r := range text {
			s.Glyph(r)
		}
		p, err := s.Font()
		if err != nil {
			b.Fatal(err)
		}
		progs = append(progs, p)
	}
	for _, level := range []int{zlib.HuffmanOnly, zlib.BestSpeed, 2, 4, zlib.DefaultCompression, zlib.BestCompression} {
		b.Run(strconv.Itoa(level), func(b *testing.B) {
			n, raw := 0, 0
			for b.Loop() {
				n, raw = 0, 0
				for _, p := range progs {
					n += len(deflate(nil, p, level))
					raw += len(p)
				}
			}
			b.ReportMetric(float64(n), "bytes")
			b.ReportMetric(float64(raw), "raw")
		})
	}
}

// The /W array and the ToUnicode map list exactly the drawn glyphs, each
// with its advance and its character.
func TestEmbed_DrawnOnly(t *testing.T) {
	face := loadFonts(t).Face(font.Italic)
	s := face.NewSubset()
	a, n := s.Glyph('a'), s.Glyph('n')
	v, b := s.Glyph('V'), s.Glyph('ß') // an extra, after the core
	e, err := embed(s)
	if err != nil {
		t.Fatal(err)
	}
	w := func(id uint16) string {
		return string(appendMilli(nil, roundDiv(int64(s.Advance(id))*1000000, int64(face.Metrics().UnitsPerEm))))
	}
	var want []byte
	want = append(want, '[')
	ids := []uint16{v, a, n, b}
	if !(v < a && a+13 == n && n < b) {
		t.Fatalf("unexpected ids %v", ids)
	}
	for _, id := range ids {
		want = strconv.AppendInt(want, int64(id), 10)
		want = append(want, '[')
		want = append(want, w(id)...)
		want = append(want, ']')
	}
	want = append(want, ']')
	if string(e.widths) != string(want) {
		t.Errorf("/W %s, want %s", e.widths, want)
	}
	cmap := string(toUnicode(s))
	if !strings.Contains(cmap, "4 beginbfchar\n") || strings.Count(cmap, "><") != 5 /* and the codespace */ ||
		!strings.Contains(cmap, "<"+string(appendHex4(nil, b))+"><00DF>") {
		t.Errorf("ToUnicode:\n%s", cmap)
	}
}
