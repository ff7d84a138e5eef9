package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"vanban/internal/batch"
)

// Two folders that each hold ke-hoach.toml, built into one output folder:
// both documents fail with O003 before anything is written, and the others
// still build.
func TestBuild_OutputClash(t *testing.T) {
	a, b := copyWorkspace(t, sampleDir), copyWorkspace(t, sampleDir)
	out := t.TempDir()
	code, stdout, stderr := cli(t, "build", "-o", out, filepath.Join(a, "ke-hoach.toml"), filepath.Join(b, "ke-hoach.toml"), filepath.Join(a, "bao-cao-ket-qua.toml"))
	if code != exitDiag {
		t.Fatalf("exit %d, want %d\n%s", code, exitDiag, stderr)
	}
	if n := strings.Count(stderr, "[O003]"); n != 2 {
		t.Errorf("%d O003 diagnostics, want one per document:\n%s", n, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "ke-hoach.pdf")); err == nil {
		t.Error("out/ke-hoach.pdf written although two documents claim it")
	}
	if _, err := os.Stat(filepath.Join(out, "bao-cao-ket-qua.pdf")); err != nil {
		t.Errorf("the document without a clash was not built: %v", err)
	}
	if !strings.Contains(stdout, "1 văn bản đã tạo, 0 không thay đổi, 2 văn bản lỗi") {
		t.Errorf("summary:\n%s", stdout)
	}
	// Case differs only: the same file on Windows.
	c := t.TempDir()
	os.WriteFile(filepath.Join(c, ProfileName), mustRead(t, filepath.Join(sampleDir, ProfileName)), 0o644)
	os.WriteFile(filepath.Join(c, "KE-HOACH.toml"), mustRead(t, filepath.Join(sampleDir, "ke-hoach.toml")), 0o644)
	if code, _, stderr := cli(t, "build", "-o", t.TempDir(), filepath.Join(a, "ke-hoach.toml"), filepath.Join(c, "KE-HOACH.toml")); code != exitDiag || !strings.Contains(stderr, "[O003]") {
		t.Errorf("names that differ in case only: exit %d\n%s", code, stderr)
	}
	// The same file named twice (as a file and through its folder) is one
	// document, not a clash.
	if code, _, stderr := cli(t, "build", "-o", t.TempDir(), a, filepath.Join(a, "ke-hoach.toml")); code != exitOK {
		t.Errorf("a document named twice: exit %d\n%s", code, stderr)
	}
}

// A document that turns bad loses its old PDF and DOCX, so nobody prints
// them as if they were current; it comes back when fixed.
func TestBuild_FailedDocumentDropsOldOutputs(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	out := filepath.Join(ws, "out")
	if code, _, stderr := cli(t, "build", "-o", out, ws); code != exitOK {
		t.Fatal(stderr)
	}
	kh := filepath.Join(ws, "ke-hoach.toml")
	good := mustRead(t, kh)
	os.WriteFile(kh, bytes.Replace(good, []byte(`ngay = "`), []byte(`ngay = "2024-02-30`+`"`+"\n#"), 1), 0o644)
	code, _, stderr := cli(t, "build", "-o", out, ws)
	if code != exitDiag {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, ext := range []string{".pdf", ".docx"} {
		if _, err := os.Stat(filepath.Join(out, "ke-hoach"+ext)); err == nil {
			t.Errorf("stale ke-hoach%s left in out/", ext)
		}
	}
	if !strings.Contains(stderr, "đã xóa bản cũ") {
		t.Errorf("the removal is not reported:\n%s", stderr)
	}
	// The documents citing the plan fail with it; one that does not keeps
	// its files.
	if _, err := os.Stat(filepath.Join(out, "ke-hoach-thi-dua.pdf")); err != nil {
		t.Errorf("an independent document's output was touched: %v", err)
	}
	os.WriteFile(kh, good, 0o644)
	// The plan and the three documents citing it come back.
	if code, stdout, stderr := cli(t, "build", "-o", out, ws); code != exitOK || !strings.Contains(stdout, "4 văn bản đã tạo, 1 không thay đổi") {
		t.Errorf("after the fix: exit %d\n%s%s", code, stdout, stderr)
	}
}

// The outputs of a build killed after writing its files but before writing
// its manifest no longer match what the manifest says: the next build
// rebuilds them instead of calling them unchanged (the edit-kill-revert case).
func TestBuild_RepairsAfterKill(t *testing.T) {
	ws := copyWorkspace(t, sampleDir)
	out := filepath.Join(ws, "out")
	if code, _, stderr := cli(t, "build", "-o", out, ws); code != exitOK {
		t.Fatal(stderr)
	}
	manifest := mustRead(t, filepath.Join(out, batch.ManifestName))
	kh := filepath.Join(ws, "ke-hoach.toml")
	orig := mustRead(t, kh)
	os.WriteFile(kh, bytes.Replace(orig, []byte(`trich_yeu = "Phát động`), []byte(`trich_yeu = "SỬA Phát động`), 1), 0o644)
	if code, stdout, stderr := cli(t, "build", "-o", out, ws); code != exitOK || strings.Contains(stdout, " 0 văn bản đã tạo") {
		t.Fatalf("the edit was not built: exit %d\n%s%s", code, stdout, stderr)
	}
	// The kill: the new files are on disk, the manifest is the old one.
	os.WriteFile(filepath.Join(out, batch.ManifestName), manifest, 0o644)
	os.WriteFile(kh, orig, 0o644)
	code, stdout, stderr := cli(t, "build", "-o", out, ws)
	// The plan and the two documents citing its trích yếu are rebuilt.
	if code != exitOK || !strings.Contains(stdout, "ke-hoach.toml →") || !strings.Contains(stdout, "3 văn bản đã tạo") {
		t.Fatalf("exit %d; the edited outputs were not rebuilt:\n%s%s", code, stdout, stderr)
	}
	if text := strings.Join(pdfPages(t, mustRead(t, filepath.Join(out, "ke-hoach.pdf"))), "\n"); strings.Contains(text, "SỬA") {
		t.Error("the PDF still shows the reverted edit")
	}
}

// Ctrl-C in the middle of a batch: the documents in progress finish, no
// temporary file is left, the manifest holds exactly the finished ones, the
// exit code is exitInterrupted with a Vietnamese line, and the next build
// makes the rest.
func TestBuild_Interrupt(t *testing.T) {
	ws := workspaceOf(t, 40)
	out := filepath.Join(ws, "out")
	cmd := self("build", "-j", "1", "-o", out, ws)
	var stdout, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt as soon as the first file is written.
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(m) > 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != exitInterrupted {
		t.Fatalf("exit %d (%v), want %d\n%s%s", code, err, exitInterrupted, stdout.String(), errb.String())
	}
	if !strings.Contains(stdout.String(), "Đã dừng theo yêu cầu") {
		t.Errorf("no Vietnamese line about the interruption:\n%s", stdout.String())
	}
	if m, _ := filepath.Glob(filepath.Join(out, ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	if len(pdfs) == 0 || len(pdfs) >= 40 {
		t.Fatalf("%d PDFs after the interruption; the test needs a partial run", len(pdfs))
	}
	for _, p := range pdfs {
		if b := mustRead(t, p); !bytes.HasSuffix(bytes.TrimRight(b, "\n"), []byte("%%EOF")) {
			t.Errorf("%s is half written", p)
		}
	}
	code2, stdout2, stderr2 := cli(t, "build", "-o", out, ws)
	if code2 != exitOK {
		t.Fatalf("rebuild: exit %d\n%s%s", code2, stdout2, stderr2)
	}
	want := fmt.Sprintf("Tổng cộng: %d văn bản đã tạo, %d không thay đổi", 40-len(pdfs), len(pdfs))
	if !strings.Contains(stdout2, want) {
		t.Errorf("rebuild summary, want %q:\n%s", want, stdout2)
	}
	if m, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(m) != 40 {
		t.Errorf("%d PDFs after the rebuild, want 40", len(m))
	}
}

// A broken template of the workspace fails only the documents that use it;
// the others, on built-in templates, are built.
func TestBuild_BrokenTemplateFailsOnlyItsDocuments(t *testing.T) {
	for name, tmpl := range map[string]string{
		"body":         "+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\nmo_ta = \"x\"\n+++\n{{ .trich_yeu \n",
		"front-matter": "+++\nten_loai = \n+++\nx\n",
		"runaway":      "+++\nten_loai = \"THÔNG BÁO\"\nky_hieu = \"TB\"\nmo_ta = \"x\"\n[[truong]]\nten = \"noi_dung\"\nkieu = \"noi_dung\"\n+++\n{{range 9000000000000}}{{end}}{{ .noi_dung }}\n",
	} {
		t.Run(name, func(t *testing.T) {
			ws := copyWorkspace(t, sampleDir)
			os.MkdirAll(filepath.Join(ws, "templates"), 0o755)
			os.WriteFile(filepath.Join(ws, "templates", "thong-bao.md"), []byte(tmpl), 0o644)
			doc := bytes.Replace(mustRead(t, filepath.Join(ws, "ke-hoach.toml")), []byte(`mau = "ke-hoach"`), []byte(`mau = "thong-bao"`), 1)
			os.WriteFile(filepath.Join(ws, "thong-bao.toml"), doc, 0o644)
			out := filepath.Join(ws, "out")
			done := make(chan struct{})
			var code int
			var stdout, stderr string
			go func() {
				code, stdout, stderr = cli(t, "build", "-o", out, ws)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the build did not end")
			}
			if code != exitDiag || !strings.Contains(stdout, "5 văn bản đã tạo, 0 không thay đổi, 1 văn bản lỗi") {
				t.Errorf("exit %d\n%s%s", code, stdout, stderr)
			}
			if !regexp.MustCompile(`templates/thong-bao\.md:\d+(:\d+)?: lỗi: .*\[T00[134]\]`).MatchString(stderr) {
				t.Errorf("the template's error is not positioned in it:\n%s", stderr)
			}
			if _, err := os.Stat(filepath.Join(out, "thong-bao.pdf")); err == nil {
				t.Error("a PDF for the document on the broken template")
			}
		})
	}
}
