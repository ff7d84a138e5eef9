package batch

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestWriteFile_TempName(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.b.pdf")
	if err := WriteFile(p, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "x" {
		t.Errorf("content %q", b)
	}
	// The name WriteFile would use carries our pid and parses back.
	name := ".a.b.pdf." + strconv.Itoa(os.Getpid()) + "-123456.tmp"
	if got := tempPID(name); got != os.Getpid() {
		t.Errorf("tempPID(%q) = %d", name, got)
	}
	for _, n := range []string{".a.pdf.123.tmp", ".a.pdf.x-1.tmp", ".a.pdf.12-.tmp", ".a.pdf.-1-2.tmp", ".a.pdf.0-5.tmp", "a.pdf"} {
		if got := tempPID(n); got != 0 {
			t.Errorf("tempPID(%q) = %d, want 0", n, got)
		}
	}
}

// deadPID is the pid of a process that has ended and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	name, args := "true", []string(nil)
	if runtime.GOOS == "windows" {
		name, args = "cmd", []string{"/c", "exit"}
	}
	cmd := exec.Command(name, args...)
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot start a process: %v", err)
	}
	return cmd.Process.Pid
}

func TestCleanTemp(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	write := func(name string, age time.Duration) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	self := strconv.Itoa(os.Getpid())
	dead := strconv.Itoa(deadPID(t))
	parent := strconv.Itoa(os.Getppid())                 // alive, another process
	write(".mine.pdf."+self+"-1.tmp", 2*TempMaxAge)      // ours, even old: kept
	write(".parent.pdf."+parent+"-1.tmp", 2*TempMaxAge)  // a live writer's, even old: kept
	write(".dead.pdf."+dead+"-2.tmp", 0)                 // writer dead: removed
	write(".old.pdf.123456.tmp", TempMaxAge+time.Minute) // older build's name, old: removed
	write(".new.pdf.123456.tmp", time.Minute)            // older build's name, recent: kept
	write("keep.tmp", 2*TempMaxAge)                      // not a temporary name
	os.Mkdir(filepath.Join(dir, ".d.tmp"), 0o755)        // not a file
	os.Chtimes(filepath.Join(dir, ".d.tmp"), now.Add(-2*TempMaxAge), now.Add(-2*TempMaxAge))

	removed := CleanTemp(dir, now)
	want := []string{".dead.pdf." + dead + "-2.tmp", ".old.pdf.123456.tmp"}
	if runtime.GOOS == "windows" || os.Getppid() == 1 {
		t.Skipf("removed %v; pid checks are Unix only", removed)
	}
	slices.Sort(removed)
	slices.Sort(want)
	if fmt.Sprint(removed) != fmt.Sprint(want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if got := strings.Join(left, " "); got != ".d.tmp .mine.pdf."+self+"-1.tmp .new.pdf.123456.tmp .parent.pdf."+parent+"-1.tmp keep.tmp" {
		t.Errorf("left: %s", got)
	}
}
