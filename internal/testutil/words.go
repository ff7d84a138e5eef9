package testutil

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Word is a word of a PDF page as pdftotext -bbox reads it: its top left
// corner in millimetres from the page's top left corner.
type Word struct {
	X, Y float64
	Text string
}

var bboxWord = regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<`)

// PDFWords returns the words of each page of the PDF at path, in
// pdftotext's reading order.
func PDFWords(t testing.TB, path string) [][]Word {
	t.Helper()
	mm := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v / 72 * 25.4 }
	var out [][]Word
	for _, l := range strings.Split(Run(t, "pdftotext", "-bbox", path, "-"), "\n") {
		if strings.Contains(l, "<page ") {
			out = append(out, nil)
		}
		if m := bboxWord.FindStringSubmatch(l); m != nil && len(out) > 0 {
			out[len(out)-1] = append(out[len(out)-1], Word{mm(m[1]), mm(m[2]), m[3]})
		}
	}
	return out
}
