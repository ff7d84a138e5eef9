package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Outputs writes whole files from many goroutines and syncs them at once,
// by the file system's sync and by the portable one.
func TestOutputs_WriteSync(t *testing.T) {
	dir := t.TempDir()
	var o Outputs
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := o.Write(filepath.Join(dir, "sub", fmt.Sprintf("f%02d.pdf", i)), []byte(fmt.Sprint("tệp ", i))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(o.paths) != 16 {
		t.Fatalf("%d paths recorded", len(o.paths))
	}
	paths := append([]string(nil), o.paths...)
	if err := o.Sync(); err != nil {
		t.Fatal(err)
	}
	if len(o.paths) != 0 {
		t.Error("Sync kept the paths")
	}
	if err := syncPaths(paths, map[string]bool{filepath.Join(dir, "sub"): true}); err != nil {
		t.Error(err)
	}
	for i := range 16 {
		b, err := os.ReadFile(filepath.Join(dir, "sub", fmt.Sprintf("f%02d.pdf", i)))
		if err != nil || string(b) != fmt.Sprint("tệp ", i) {
			t.Errorf("file %d: %q %v", i, b, err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "sub", ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if err := (&Outputs{}).Sync(); err != nil {
		t.Error("an empty Sync failed:", err)
	}
}
