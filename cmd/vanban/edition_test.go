package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuild_SignatureFieldsAndPreview: vanban build -truong-ky -xem-chu-ky
// on the electronic sample writes, beside each PDF and its signing map,
// a preview named <stem>.xem-chu-ky.pdf; the PDF to sign holds the empty
// fields, the preview does not; a second run without -truong-ky rebuilds
// the PDFs without fields.
func TestBuild_SignatureFieldsAndPreview(t *testing.T) {
	t.Setenv("VANBAN_FONT_DIRS", "")
	out := t.TempDir()
	src := "../../testdata/van-gia-2024-dien-tu"
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-o", out, "-dinh-dang", "pdf", "-truong-ky", "-xem-chu-ky", filepath.Join(src, "ke-hoach.toml")}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	signed, err := os.ReadFile(filepath.Join(out, "ke-hoach.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	preview, err := os.ReadFile(filepath.Join(out, "ke-hoach.xem-chu-ky.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "ke-hoach.ky-so.json")); err != nil {
		t.Error(err)
	}
	if !bytes.Contains(signed, []byte("/T(ChuKyNguoiKy)")) || !bytes.Contains(signed, []byte("/T(ConDau)")) {
		t.Error("the PDF to sign lacks the signature fields")
	}
	if bytes.Contains(preview, []byte("/AcroForm")) || !bytes.Contains(preview, []byte("/Subtype/Image")) {
		t.Error("the preview holds fields or no images")
	}
	if !strings.Contains(stdout.String(), "không dùng tệp này để ký") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"build", "-o", out, "-dinh-dang", "pdf", filepath.Join(src, "ke-hoach.toml")}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	plain, _ := os.ReadFile(filepath.Join(out, "ke-hoach.pdf"))
	if bytes.Contains(plain, []byte("/AcroForm")) {
		t.Error("a build without -truong-ky kept the fields of the previous one")
	}
	// The preview showed the PDF with fields: it went with it.
	if _, err := os.Stat(filepath.Join(out, "ke-hoach.xem-chu-ky.pdf")); err == nil {
		t.Error("the preview of the previous PDF was left beside the new one")
	}
}

// TestBuild_EditionFlag: -ban switches a paper workspace's documents to
// the electronic edition and back, with nothing stale: the quick check of
// unchanged inputs knows the flag, and the signing map comes and goes with
// the edition.
func TestBuild_EditionFlag(t *testing.T) {
	t.Setenv("VANBAN_FONT_DIRS", "")
	out := t.TempDir()
	doc := filepath.Join(sampleDir, "ke-hoach.toml")
	build := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append(append([]string{"build", "-o", out, "-dinh-dang", "pdf"}, args...), doc)
		if code := run(context.Background(), args, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	mapFile := filepath.Join(out, "ke-hoach.ky-so.json")
	build()
	if _, err := os.Stat(mapFile); err == nil {
		t.Fatal("a paper document has a signing map")
	}
	paper, _ := os.ReadFile(filepath.Join(out, "ke-hoach.pdf"))
	if got := build("-ban", "dien-tu"); !strings.Contains(got, "1 văn bản đã tạo") {
		t.Errorf("-ban dien-tu after a paper build did not rebuild:\n%s", got)
	}
	if _, err := os.Stat(mapFile); err != nil {
		t.Errorf("electronic build: %v", err)
	}
	electronic, _ := os.ReadFile(filepath.Join(out, "ke-hoach.pdf"))
	if bytes.Equal(paper, electronic) {
		t.Error("the electronic PDF is the paper one")
	}
	if got := build("-ban", "giay"); !strings.Contains(got, "1 văn bản đã tạo") {
		t.Errorf("-ban giay after an electronic build did not rebuild:\n%s", got)
	}
	if _, err := os.Stat(mapFile); err == nil {
		t.Error("the signing map outlived the electronic edition")
	}
	again, _ := os.ReadFile(filepath.Join(out, "ke-hoach.pdf"))
	if !bytes.Equal(paper, again) {
		t.Error("back to paper: not the paper PDF")
	}
}

// TestBuild_PreviewBadImage: an image outside the workspace is a
// positioned error and exit code 1; the documents themselves are built.
func TestBuild_PreviewBadImage(t *testing.T) {
	t.Setenv("VANBAN_FONT_DIRS", "")
	dir := t.TempDir()
	src := "../../testdata/van-gia-2024-dien-tu"
	for _, n := range []string{"vanban.toml", "ke-hoach.toml"} {
		b, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			t.Fatal(err)
		}
		if n == "vanban.toml" {
			b = bytes.Replace(b, []byte(`"anh/chu-ky.png"`), []byte(`"../chu-ky.png"`), 1)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-o", out, "-xem-chu-ky", dir}, nil, &stdout, &stderr)
	if code != exitDiag {
		t.Errorf("exit %d, want %d", code, exitDiag)
	}
	if !strings.Contains(stderr.String(), "vanban.toml:21:14: lỗi: không đọc được tệp: ../chu-ky.png") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "ke-hoach.pdf")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(out, "ke-hoach.xem-chu-ky.pdf")); err == nil {
		t.Error("a preview without its signature image")
	}
}
