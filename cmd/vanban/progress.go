package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Version is the tool's version; it is part of every document's build hash,
// so a new release rebuilds what it lays out differently.
const Version = "0.6.0"

// progress draws a bar on a terminal while files are made; elsewhere (a
// pipe, a log, a test) it prints nothing, since the per-document lines
// already say what happened.
type progress struct {
	w     io.Writer
	total int
	tty   bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) step(done int, name string) {
	if !p.tty || p.total < 2 {
		return
	}
	const width = 30
	n := done * width / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %-40.40s", strings.Repeat("=", n), strings.Repeat(" ", width-n), done, p.total, name)
}

func (p *progress) done() {
	if p.tty && p.total >= 2 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 80))
	}
}
