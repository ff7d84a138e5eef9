package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"vanban/internal/engine"
)

func cmdTemplates(args []string, stdout, stderr io.Writer) int {
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	set, ds := eng.Templates(".")
	if len(ds) > 0 {
		fmt.Fprintln(stderr, ds.Error())
	}
	for _, n := range set.Names() {
		t, _ := set.Get(n)
		fmt.Fprintf(stdout, "%-24s %s\n", n, t.Summary)
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "Cách dùng: vanban new MẪU   (xem các mẫu bằng: vanban templates; \"ho-so\" in tệp vanban.toml)")
		return exitUsage
	}
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	set, _ := eng.Templates(".")
	if args[0] == "ho-so" {
		io.WriteString(stdout, engine.ProfileSample(time.Now().Year()))
		return exitOK
	}
	t, ok := set.Get(args[0])
	if !ok {
		fmt.Fprintf(stderr, "vanban: không có mẫu văn bản %q\n    gợi ý: các mẫu có sẵn: %s, ho-so\n", args[0], strings.Join(set.Names(), ", "))
		return exitDiag
	}
	io.WriteString(stdout, engine.Sample(t, time.Now().Year()))
	return exitOK
}
