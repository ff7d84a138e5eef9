package main

import (
	"os"
	"testing"
)

// TestMain lets the test binary act as the vanban command when
// VANBAN_AS_CLI=1, so tests can run it as separate processes (to allocate
// numbers from several processes at once, or to kill one with SIGKILL).
func TestMain(m *testing.M) {
	// Tests draw with the embedded font on every machine.
	os.Setenv("VANBAN_FONT_DIRS", "")
	if os.Getenv("VANBAN_AS_CLI") == "1" {
		tuneGC() // as main does: the benchmarks measure the command as shipped
		os.Exit(runInterruptible(os.Args[1:]))
	}
	os.Exit(m.Run())
}
