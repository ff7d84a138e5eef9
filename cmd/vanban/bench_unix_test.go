//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigWorkspace writes a workspace of n documents: the plan, 30 % proposals
// citing it (with varied nominees), the rest plans and campaign plans with
// varied data that cite nothing.
func bigWorkspace(b *testing.B, n int) string {
	ws := b.TempDir()
	for _, name := range []string{ProfileName, "ke-hoach.toml"} {
		data, err := os.ReadFile(filepath.Join(sampleDir, name))
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(ws, name), data, 0o644)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(sampleDir, name))
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	tt, kh, td := read("to-trinh-khen-thuong.toml"), read("ke-hoach.toml"), read("ke-hoach-thi-dua.toml")
	citing := n * 3 / 10
	for i := 1; i < n; i++ {
		var doc string
		switch {
		case i <= citing:
			doc = strings.Replace(tt, "Trần Văn Bình", fmt.Sprintf("Trần Văn Bình %d", i), 1)
		case i%2 == 0:
			doc = strings.Replace(kh, "năm 2024\"", fmt.Sprintf("năm 2024 (bản %d)\"", i), 1)
		default:
			doc = strings.Replace(td, `linh_vuc = "Nội vụ"`, fmt.Sprintf(`linh_vuc = "Nội vụ %d"`, i), 1)
		}
		os.WriteFile(filepath.Join(ws, fmt.Sprintf("vb-%04d.toml", i)), []byte(doc), 0o644)
	}
	return ws
}

// runMeasured runs the CLI as a process and returns its wall time and peak
// resident memory; lastSys is its system time.
func runMeasured(b *testing.B, args ...string) (time.Duration, int64) {
	cmd := self(args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s", args, err, out.String())
	}
	wall := time.Since(start)
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	lastSys = cmd.ProcessState.SystemTime()
	return wall, rss * 1024
}

// lastSys is the system time of the last runMeasured: on the build
// machine's ext4 (no journal, discard) creating files just after many were
// deleted costs up to a millisecond each in the kernel, which this shows.
var lastSys time.Duration

// BenchmarkWorkspace1000 builds a workspace of 1000 documents cold (PDF and
// DOCX, as many workers as cores), then assigns the plan's number, which
// 300 of them cite: the assign rebuilds those and the plan only. Run with
// -benchtime 1x; it takes about a minute on the 2-core machine.
func BenchmarkWorkspace1000(b *testing.B) {
	for b.Loop() {
		ws := bigWorkspace(b, 1000)
		out := filepath.Join(ws, "out")
		cold, rss := runMeasured(b, "build", "-o", out, ws)
		b.ReportMetric(cold.Seconds(), "cold-s")
		b.ReportMetric(1000/cold.Seconds(), "docs/s")
		b.ReportMetric(float64(rss)/(1<<20), "peak-MiB")
		b.ReportMetric(lastSys.Seconds(), "cold-sys-s")
		assign, _ := runMeasured(b, "assign", "-ngay", "2024-05-08", "-o", out, filepath.Join(ws, "ke-hoach.toml"))
		b.ReportMetric(assign.Seconds(), "assign-s")
		b.ReportMetric(lastSys.Seconds(), "assign-sys-s")
		again, _ := runMeasured(b, "build", "-o", out, ws)
		b.ReportMetric(again.Seconds(), "nochange-s")
		// The clerk's usual route to a PDF: LibreOffice converting DOCX
		// files, 100 of ours in one soffice call, for the ratio.
		if bin, err := exec.LookPath("soffice"); err == nil {
			docs, _ := filepath.Glob(filepath.Join(out, "vb-0*.docx"))
			docs = docs[:min(100, len(docs))]
			dir := b.TempDir()
			cmd := exec.Command(bin, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
				"--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "lo")}, docs...)...)
			cmd.Env = append(os.Environ(), "HOME="+dir)
			start := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("soffice: %v\n%s", err, out)
			}
			perDoc := time.Since(start).Seconds() / float64(len(docs))
			b.ReportMetric(perDoc*1000, "soffice-ms/doc")
			b.ReportMetric(perDoc/(cold.Seconds()/1000), "x-faster")
		}
	}
}

// BenchmarkWorkspace3000: memory stays flat as the workspace grows (each
// document's model and files leave memory once written). -benchtime 1x.
func BenchmarkWorkspace3000(b *testing.B) {
	for b.Loop() {
		ws := bigWorkspace(b, 3000)
		cold, rss := runMeasured(b, "build", "-o", filepath.Join(ws, "out"), ws)
		b.ReportMetric(cold.Seconds(), "cold-s")
		b.ReportMetric(3000/cold.Seconds(), "docs/s")
		b.ReportMetric(float64(rss)/(1<<20), "peak-MiB")
	}
}

// BenchmarkWorkspaceJobs: a cold build of 300 documents with one worker
// and with one per core; the throughput grows with -j up to the core
// count. -benchtime 1x.
func BenchmarkWorkspaceJobs(b *testing.B) {
	for b.Loop() {
		ws := bigWorkspace(b, 300)
		for _, j := range []int{1, runtime.NumCPU()} {
			d, _ := runMeasured(b, "build", "-j", strconv.Itoa(j), "-o", filepath.Join(ws, fmt.Sprint("out-", j)), ws)
			b.ReportMetric(300/d.Seconds(), fmt.Sprintf("docs/s-j%d", j))
		}
	}
}
