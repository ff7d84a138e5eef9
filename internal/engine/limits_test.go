package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestJobs_RunLimits(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("x", 3<<20)
	for i := range 22 {
		os.WriteFile(filepath.Join(dir, "d"+string(rune('a'+i))+".toml"), []byte(big), 0o644)
	}
	// 22 × 3 MiB = 66 MiB > MaxRunInput.
	js, ds := Jobs([]string{dir})
	if js != nil || !ds.HasErrors() || ds[0].Code != "D025" || !strings.Contains(ds[0].Msg, "67.108.864 byte") {
		t.Fatalf("jobs %d, diags %v", len(js), ds)
	}
	os.Remove(filepath.Join(dir, "da.toml"))
	if js, ds := Jobs([]string{dir}); len(js) != 21 || ds.HasErrors() {
		t.Fatalf("63 MiB: jobs %d, diags %v", len(js), ds)
	}
	if got := groupDigits(20_000); got != "20.000" {
		t.Errorf("groupDigits(20000) = %q", got)
	}
}
