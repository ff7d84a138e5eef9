package main

import (
	"testing"
	"vanban/internal/engine"
)

// benchBuild measures one complete document of the 3-page sample plan:
// data, template, model, layout and the files of formats (fonts parsed once
// per process, as a batch run does).
func benchBuild(b *testing.B, render bool, formats engine.Formats) {
	eng, err := newEngine()
	if err != nil {
		b.Fatal(err)
	}
	j := engine.Job{Dir: sampleDir, Name: "ke-hoach.toml"}
	b.ReportAllocs()
	for b.Loop() {
		res, err := eng.BuildFormats(j, render, formats)
		if err != nil || res.Diags.HasErrors() {
			b.Fatal(err, res.Diags)
		}
		if render && (formats.PDF != (len(res.PDF) > 0) || formats.DOCX != (len(res.DOCX) > 0)) {
			b.Fatal("missing output")
		}
	}
}

// BenchmarkBuildPlan: PDF and DOCX, what `vanban build` does.
func BenchmarkBuildPlan(b *testing.B) { benchBuild(b, true, engine.AllFormats) }

// BenchmarkBuildPlanPDF: the PDF alone.
func BenchmarkBuildPlanPDF(b *testing.B) { benchBuild(b, true, engine.Formats{PDF: true}) }

// BenchmarkBuildPlanDOCX: the DOCX alone.
func BenchmarkBuildPlanDOCX(b *testing.B) { benchBuild(b, true, engine.Formats{DOCX: true}) }

// BenchmarkCheckPlan: everything but the files, what `vanban check` costs.
func BenchmarkCheckPlan(b *testing.B) { benchBuild(b, false, engine.AllFormats) }
