package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/check"
	"vanban/internal/engine"
)

// replaceInDocx returns b with old replaced by new in word/document.xml.
func replaceInDocx(t *testing.T, b []byte, old, new string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range z.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("%q not in document.xml", old)
			}
			data = bytes.Replace(data, []byte(old), []byte(new), 1)
		}
		fw, _ := w.Create(f.Name)
		fw.Write(data)
	}
	w.Close()
	return out.Bytes()
}

func TestCheckDoc_ReportJSONFixAndBadInput(t *testing.T) {
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	res, err := e.Build(engine.Job{Dir: "../../testdata/van-gia-2024", Name: "ke-hoach.toml"}, true)
	if err != nil || res.Doc == nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "dung.docx")
	os.WriteFile(good, res.DOCX, 0o644)
	os.WriteFile(filepath.Join(dir, "dung.pdf"), res.PDF, 0o644)
	bad := replaceInDocx(t, res.DOCX, `w:left="1701"`, `w:left="1134"`)
	bad = replaceInDocx(t, bad, "Kế hoạch này./.", "Kế hoạch này.")
	wrong := filepath.Join(dir, "sai.docx")
	os.WriteFile(wrong, bad, 0o644)
	junk := filepath.Join(dir, "rac.docx")
	os.WriteFile(junk, []byte("không phải zip"), 0o644)

	ctx := context.Background()
	var so, se bytes.Buffer
	if code := cmdCheckDoc(ctx, []string{good, filepath.Join(dir, "dung.pdf")}, &so, &se); code != exitOK {
		t.Fatalf("clean: exit %d\n%s%s", code, so.String(), se.String())
	}
	if !strings.Contains(so.String(), "dung.docx: đúng thể thức NĐ 30") {
		t.Errorf("clean report:\n%s", so.String())
	}
	so.Reset()
	code := cmdCheckDoc(ctx, []string{junk, wrong}, &so, &se)
	out := so.String()
	if code != exitDiag || !strings.Contains(out, "rac.docx: lỗi: tệp không phải văn bản Word") ||
		!strings.Contains(out, "[ND30-LE-TRANG; NĐ 30, Phụ lục I, I.3]") || !strings.Contains(out, "[ND30-KET-THUC;") || !strings.Contains(out, "sai.docx: 2 lỗi") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	so.Reset()
	if code := cmdCheckDoc(ctx, []string{"-json", wrong}, &so, &se); code != exitDiag {
		t.Errorf("-json exit %d", code)
	}
	var reps []struct {
		File     string `json:"file"`
		Findings []struct {
			Rule, Severity string
			Para           int `json:"paragraph"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(so.Bytes(), &reps); err != nil || len(reps) != 1 || len(reps[0].Findings) != 2 || reps[0].Findings[1].Rule != "ND30-KET-THUC" || reps[0].Findings[1].Severity != "error" || reps[0].Findings[1].Para == 0 {
		t.Errorf("json %v:\n%s", err, so.String())
	}
	// -sua writes the corrected pair next to the file; the words survive.
	so.Reset()
	se.Reset()
	cmdCheckDoc(ctx, []string{"-sua", wrong}, &so, &se)
	fixed, err := os.ReadFile(filepath.Join(dir, "sai-da-sua.docx"))
	if err != nil {
		t.Fatalf("no fixed docx: %v\n%s%s", err, so.String(), se.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "sai-da-sua.pdf")); err != nil {
		t.Error(err)
	}
	if !strings.Contains(so.String(), "đã sửa: lề trái") {
		t.Errorf("fix report:\n%s", so.String())
	}
	want, _ := check.BodyWords(bad)
	got, _ := check.BodyWords(fixed)
	if w, ok := check.Subsequence(want, got); !ok || len(want) < 100 {
		t.Errorf("word %q lost (%d words)", w, len(want))
	}
	// The margins are fixed by rendering; the missing "./." is the
	// author's text and is still reported.
	r := check.Check("x.docx", fixed, check.Options{})
	if r.Errors() != 1 || r.Findings[0].Rule != check.RuleClosing {
		for _, f := range r.Findings {
			t.Logf("%s %s %s", f.Where(), f.Rule, f.Msg)
		}
		t.Errorf("fixed document: %d errors, want only %s", r.Errors(), check.RuleClosing)
	}
}

// -sua on a file of several documents (the decree's Phụ lục III) refuses
// and writes nothing: one document per file.
func TestCheckDoc_FixRefusesManyDocuments(t *testing.T) {
	data, err := os.ReadFile("../../internal/docimport/testdata/decree-phuluc3.docx")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "phu-luc-3.docx")
	os.WriteFile(src, data, 0o644)
	var so, se strings.Builder
	code := cmdCheckDoc(context.Background(), []string{"-sua", src}, &so, &se)
	if code != exitDiag || !strings.Contains(se.String(), "tệp có 14 văn bản nối tiếp nhau") {
		t.Errorf("exit %d:\n%s%s", code, so.String(), se.String())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files written: %v", ents)
	}
}
