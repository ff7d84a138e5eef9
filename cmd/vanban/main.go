// Command vanban fills templates with TOML data and renders Vietnamese
// administrative documents to PDF in the format of Nghị định 30/2020/NĐ-CP.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// gcPercent is the collector's setting unless GOGC says otherwise: a batch
// keeps only a few documents in memory at a time (about 50 MiB for any
// workspace size), so collecting three times less often costs little memory
// and saves a tenth of the CPU time.
const gcPercent = 300

func main() {
	tuneGC()
	setupConsole()
	if len(os.Args) == 1 && ownConsole() {
		// Double-clicked on Windows: the clerk's desk, not the help.
		code := interruptible(func(ctx context.Context) int { return cmdDoubleClick(ctx, os.Stdout, os.Stderr) })
		if code != exitOK {
			pause() // the clerk reads why before the window closes
		}
		os.Exit(code)
	}
	os.Exit(runInterruptible(os.Args[1:]))
}

// tuneGC sets the collector to gcPercent unless GOGC says otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// runInterruptible runs the command with the process's standard streams.
// Ctrl-C or SIGTERM: the running command stops starting documents, finishes
// the files in progress, writes its manifest and exits with
// exitInterrupted. A second signal ends the process at once (outputs are
// written to temporary names and renamed, so even then no half file is left
// under a real name).
func runInterruptible(args []string) int {
	return interruptible(func(ctx context.Context) int { return run(ctx, args, os.Stdin, os.Stdout, os.Stderr) })
}

// interruptible runs cmd with a context that the first Ctrl-C or SIGTERM
// cancels.
func interruptible(cmd func(ctx context.Context) int) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return cmd(ctx)
}
