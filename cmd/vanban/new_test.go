package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNew_SamplesBuild: the profile and the sample of every template that
// `vanban new` prints build without errors, as a clerk starting from
// scratch would do.
func TestNew_SamplesBuild(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"new", "ho-so"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("new ho-so: exit %d: %s", code, errb.String())
	}
	os.WriteFile(filepath.Join(dir, ProfileName), out.Bytes(), 0o644)
	year := strconv.Itoa(time.Now().Year())
	for _, bad := range []string{"huyện", "HUYỆN", "thị trấn", "THỊ TRẤN", "{{"} {
		if strings.Contains(out.String(), bad) {
			t.Errorf("new ho-so writes %q:\n%s", bad, out.String())
		}
	}
	out.Reset()
	if code := run(context.Background(), []string{"templates"}, nil, &out, &errb); code != exitOK {
		t.Fatal(errb.String())
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		names = append(names, strings.Fields(line)[0])
	}
	if len(names) < 2 {
		t.Fatalf("templates: %q", out.String())
	}
	for _, n := range names {
		out.Reset()
		if code := run(context.Background(), []string{"new", n}, nil, &out, &errb); code != exitOK {
			t.Fatalf("new %s: exit %d", n, code)
		}
		if !strings.Contains(out.String(), "mau = \""+n+"\"") || !strings.HasPrefix(out.String(), "# ") {
			t.Errorf("new %s:\n%s", n, out.String())
		}
		if !strings.Contains(out.String(), `ngay = "`+year+"-") || strings.Contains(out.String(), "{{nam}}") {
			t.Errorf("new %s: examples not dated in %s", n, year)
		}
		if strings.Contains(out.String(), `trich_yeu = "Về việc`) && n == "ke-hoach" {
			t.Errorf("new ke-hoach: trích yếu begins with \"Về việc\"")
		}
		os.WriteFile(filepath.Join(dir, n+".toml"), out.Bytes(), 0o644)
	}
	out.Reset()
	errb.Reset()
	code := run(context.Background(), []string{"build", "-o", filepath.Join(dir, "out"), dir}, nil, &out, &errb)
	if code != exitOK {
		t.Fatalf("build of the samples: exit %d\n%s", code, errb.String())
	}
	// The placeholders left in the samples are warnings, with a position.
	if !regexp.MustCompile(`ke-hoach\.toml:\d+:\d+: cảnh báo: khóa "trich_yeu" còn dấu "…" của văn bản mẫu \[F008\]`).MatchString(errb.String()) {
		t.Errorf("no F008 warning for the sample's trich_yeu:\n%s", errb.String())
	}
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, "out", n+".pdf")); err != nil {
			t.Error(err)
		}
	}
	out.Reset()
	if code := run(context.Background(), []string{"check", dir}, nil, &out, &errb); code != exitOK || !strings.Contains(out.String(), "hợp lệ") {
		t.Errorf("check: exit %d: %s", code, out.String())
	}
	if code := run(context.Background(), []string{"new", "khong-co"}, nil, &out, &errb); code == exitOK {
		t.Error("new of an unknown template succeeded")
	}
}

// A workspace without vanban.toml gets one error naming it and how to make
// it, not one error per missing key at the document's first line.
func TestNew_NoProfile(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"new", "ke-hoach"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("new ke-hoach: exit %d: %s", code, errb.String())
	}
	os.WriteFile(filepath.Join(dir, "ke-hoach.toml"), out.Bytes(), 0o644)
	errb.Reset()
	if code := run(context.Background(), []string{"build", "-o", filepath.Join(dir, "out"), dir}, nil, &out, &errb); code != exitDiag {
		t.Fatalf("build without vanban.toml: exit %d, want %d\n%s", code, exitDiag, errb.String())
	}
	msg := errb.String()
	if n := strings.Count(msg, ": lỗi: "); n != 1 {
		t.Errorf("%d errors, want 1:\n%s", n, msg)
	}
	if !strings.Contains(msg, filepath.Join(dir, ProfileName)+": lỗi: ") || !strings.Contains(msg, "vanban new ho-so > vanban.toml") {
		t.Errorf("the error does not name vanban.toml and how to make it:\n%s", msg)
	}
}

// vanban help names every flag of every command.
func TestHelp_ListsEveryFlag(t *testing.T) {
	_, out, _ := cli(t, "help")
	for _, f := range []string{"-o", "-dinh-dang", "-force", "-j", "-v", "-in", "-so", "-ngay", "-huy", "-nam"} {
		if !strings.Contains(out, " "+f+" ") && !strings.Contains(out, "["+f+" ") && !strings.Contains(out, "["+f+"]") {
			t.Errorf("help does not list %s", f)
		}
	}
	if _, out, _ := cli(t, "templates"); !strings.HasSuffix(out, "\n") {
		t.Error("templates: no final newline")
	}
}
