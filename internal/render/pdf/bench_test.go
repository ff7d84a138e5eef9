package pdf_test

import (
	"bytes"
	"testing"

	"vanban/internal/render/pdf"
)

// BenchmarkWrite writes the 3-page sample plan, as each document of a
// batch is written: the core font subsets are built and compressed once
// per process (on the first iteration), page content per document.
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
