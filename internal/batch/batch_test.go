package batch

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

func TestRun_AllOnceBounded(t *testing.T) {
	var running, peak atomic.Int32
	seen := make([]int32, 100)
	last := 0
	Run(100, 3, func(i int) {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		atomic.AddInt32(&seen[i], 1)
		running.Add(-1)
	}, func(finished, _ int) {
		if finished != last+1 {
			t.Errorf("progress %d after %d", finished, last)
		}
		last = finished
	})
	for i, s := range seen {
		if s != 1 {
			t.Fatalf("item %d ran %d times", i, s)
		}
	}
	if peak.Load() > 3 || last != 100 {
		t.Errorf("peak %d workers, %d reported", peak.Load(), last)
	}
}

func TestManifest_FreshSaveLoad(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.pdf")
	m := LoadManifest(dir)
	if m.Fresh("a", "h1", out) {
		t.Fatal("empty manifest says fresh")
	}
	m.Set("a", "h1")
	if m.Fresh("a", "h1", out) {
		t.Error("fresh although the output is missing")
	}
	os.WriteFile(out, []byte("x"), 0o644)
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	m2 := LoadManifest(dir)
	if !m2.Fresh("a", "h1", out) || m2.Fresh("a", "h2", out) {
		t.Error("reloaded manifest disagrees")
	}
	os.WriteFile(filepath.Join(dir, ".a.pdf.123.tmp"), []byte("half"), 0o644)
	CleanTemp(dir)
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) != 0 {
		t.Errorf("temp files left: %v", m)
	}
}
