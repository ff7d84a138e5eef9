package main

import (
	"testing"
)

// BenchmarkBuildPlan measures one complete document: data, template, model,
// layout and PDF bytes of the 3-page sample plan (fonts parsed once per
// process, as a batch run does).
func BenchmarkBuildPlan(b *testing.B) {
	eng, err := newEngine()
	if err != nil {
		b.Fatal(err)
	}
	j := job{sampleDir, "ke-hoach.toml"}
	b.ReportAllocs()
	for b.Loop() {
		res, err := eng.build(j, true)
		if err != nil || res.diags.HasErrors() || len(res.pdf) == 0 {
			b.Fatal(err, res.diags)
		}
	}
}

// BenchmarkCheckPlan is the same without the PDF: what `vanban check` costs.
func BenchmarkCheckPlan(b *testing.B) {
	eng, err := newEngine()
	if err != nil {
		b.Fatal(err)
	}
	j := job{sampleDir, "ke-hoach.toml"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eng.build(j, false); err != nil {
			b.Fatal(err)
		}
	}
}
