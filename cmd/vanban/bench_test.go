package main

import (
	"testing"
)

// benchBuild measures one complete document of the 3-page sample plan:
// data, template, model, layout and the files of formats (fonts parsed once
// per process, as a batch run does).
func benchBuild(b *testing.B, render bool, formats formatSet) {
	eng, err := newEngine()
	if err != nil {
		b.Fatal(err)
	}
	j := job{sampleDir, "ke-hoach.toml"}
	b.ReportAllocs()
	for b.Loop() {
		res, err := eng.buildFormats(j, render, formats)
		if err != nil || res.diags.HasErrors() {
			b.Fatal(err, res.diags)
		}
		if render && (formats.pdf != (len(res.pdf) > 0) || formats.docx != (len(res.docx) > 0)) {
			b.Fatal("missing output")
		}
	}
}

// BenchmarkBuildPlan: PDF and DOCX, what `vanban build` does.
func BenchmarkBuildPlan(b *testing.B) { benchBuild(b, true, allFormats) }

// BenchmarkBuildPlanPDF: the PDF alone.
func BenchmarkBuildPlanPDF(b *testing.B) { benchBuild(b, true, formatSet{pdf: true}) }

// BenchmarkBuildPlanDOCX: the DOCX alone.
func BenchmarkBuildPlanDOCX(b *testing.B) { benchBuild(b, true, formatSet{docx: true}) }

// BenchmarkCheckPlan: everything but the files, what `vanban check` costs.
func BenchmarkCheckPlan(b *testing.B) { benchBuild(b, false, allFormats) }
