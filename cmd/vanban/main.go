// Command vanban fills templates with TOML data and renders Vietnamese
// administrative documents to PDF in the format of Nghị định 30/2020/NĐ-CP.
package main

import (
	"context"
	"os"
)

func main() {
	setupConsole()
	code := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if len(os.Args) == 1 {
		pauseIfOwnConsole()
	}
	os.Exit(code)
}
