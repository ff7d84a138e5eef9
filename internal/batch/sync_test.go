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
			path := filepath.Join(dir, "sub", fmt.Sprintf("f%02d.pdf", i))
			data := []byte(fmt.Sprint("tệp ", i))
			sum, err := o.Write(path, data)
			if err != nil {
				t.Error(err)
				return
			}
			// The sum is the manifest's: the file's size, hash and time.
			if want := Sum(data).Stamped(path); sum != want {
				t.Errorf("sum %+v, want %+v", sum, want)
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
	// A folder in the way is refused, with no temporary file left.
	if err := os.Mkdir(filepath.Join(dir, "sub", "x.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write(filepath.Join(dir, "sub", "x.pdf"), []byte("x")); err == nil {
		t.Error("a file was renamed over a folder")
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, "sub", ".*.tmp")); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
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

// Stamped returns s with the modification time of the file at path, as
// Outputs.Write stamps the sums it returns (the tests' expectation).
func (s FileSum) Stamped(path string) FileSum {
	if st, err := os.Stat(path); err == nil {
		s.ModTime = st.ModTime().UnixNano()
	}
	return s
}
