package pdf_test

import (
	"bytes"
	"testing"

	"vanban/internal/render/pdf"
)

// BenchmarkWrite writes the 3-page sample plan, as each document of a
// batch is written: each face's core and its compressed pieces (one per
// glyph, one for the tables pruning leaves alone) are built once per
// process, on the first iteration; per document the font programs are
// spliced from those pieces, and page content is compressed.
func BenchmarkWrite(b *testing.B) {
	lay := sample(b)
	for _, c := range []struct {
		name string
		opt  pdf.Options
	}{{"plain", pdf.Options{}}, {"pdfa", pdf.Options{PDFA: true}}} {
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := pdf.WriteOptions(&buf, lay, c.opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/doc")
		})
	}
}
