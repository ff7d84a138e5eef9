//go:build windows

package main

import "syscall"

// setupConsole switches the Windows console to UTF-8 (code page 65001), so
// Vietnamese messages show their diacritics in cmd.exe and PowerShell
// instead of mojibake. Errors are ignored: output redirected to a file
// needs no code page.
func setupConsole() {
	k := syscall.NewLazyDLL("kernel32.dll")
	k.NewProc("SetConsoleOutputCP").Call(65001)
	k.NewProc("SetConsoleCP").Call(65001)
}
