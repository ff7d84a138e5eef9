package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/engine"
	"vanban/internal/testutil"
)

// partsWorkspace copies the named documents of the electronic sample, its
// profile and images into a temporary workspace, with phu_luc_rieng =
// "true" written at the top of doc, and returns the folder.
func partsWorkspace(t *testing.T, src, doc string, keys ...string) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			sub := filepath.Join(dir, e.Name())
			os.MkdirAll(sub, 0o755)
			inner, _ := os.ReadDir(filepath.Join(src, e.Name()))
			for _, f := range inner {
				os.WriteFile(filepath.Join(sub, f.Name()), mustRead(t, filepath.Join(src, e.Name(), f.Name())), 0o644)
			}
			continue
		}
		b := mustRead(t, filepath.Join(src, e.Name()))
		if e.Name() == doc {
			b = append([]byte(strings.Join(keys, "\n")+"\n"), b...)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
	}
	return dir
}

// TestBuild_SeparateAppendices: vanban build of an electronic document with
// phu_luc_rieng = true writes the appendix as <stem>.phu-luc-1.pdf,
// .docx and .ky-so.json and says so; the appendix PDF shows the blank
// "(Kèm theo …)" line.
func TestBuild_SeparateAppendices(t *testing.T) {
	t.Setenv("VANBAN_FONT_DIRS", "")
	dir := partsWorkspace(t, "../../testdata/van-gia-2024-dien-tu", "quyet-dinh-khen-thuong.toml", `phu_luc_rieng = true`)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-o", out, filepath.Join(dir, "quyet-dinh-khen-thuong.toml")}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, f := range []string{"quyet-dinh-khen-thuong.pdf", "quyet-dinh-khen-thuong.docx", "quyet-dinh-khen-thuong.ky-so.json",
		"quyet-dinh-khen-thuong.phu-luc-1.pdf", "quyet-dinh-khen-thuong.phu-luc-1.docx", "quyet-dinh-khen-thuong.phu-luc-1.ky-so.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "quyet-dinh-khen-thuong.phu-luc-2.pdf")); err == nil {
		t.Error("a second appendix file for one appendix")
	}
}

// TestParts_DocxFidelity: the PDF and the DOCX of appendices issued apart
// agree (LibreOffice renders our DOCX as our PDF is laid out), for a
// landscape phụ lục of a Quyết định and a Tờ trình and for an attached
// text (Mẫu 1.3) with its header and signature.
func TestParts_DocxFidelity(t *testing.T) {
	bin := soffice(t)
	testutil.Tool(t, "pdftotext")
	t.Setenv("VANBAN_FONT_DIRS", "")
	dir := t.TempDir()
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	var names []string
	add := func(ws, doc string, keys ...string) {
		w := partsWorkspace(t, ws, doc, keys...)
		res, err := eng.Build(engine.Job{Dir: w, Name: doc}, true)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", doc, err, res.Diags)
		}
		if len(res.Parts) == 0 {
			t.Fatalf("%s: no parts", doc)
		}
		for i, p := range res.Parts {
			name := engine.PartStem(strings.TrimSuffix(doc, ".toml"), i)
			os.WriteFile(filepath.Join(dir, name+".pdf"), p.PDF, 0o644)
			os.WriteFile(filepath.Join(dir, name+".docx"), p.DOCX, 0o644)
			names = append(names, name)
		}
	}
	dt := "../../testdata/van-gia-2024-dien-tu"
	add(dt, "quyet-dinh-khen-thuong.toml", `phu_luc_rieng = true`)
	add(dt, "to-trinh-khen-thuong.toml", `phu_luc_rieng = true`)
	add("../../testdata/van-ninh-2026", "quyet-dinh-ban-hanh.toml", `ban = "dien-tu"`, `phu_luc_rieng = true`)
	lo := libreOfficePDFs(t, bin, dir, names)
	compareFidelity(t, dir, lo, names)
}
