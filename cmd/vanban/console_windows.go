//go:build windows

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// setupConsole switches the Windows console to UTF-8 (code page 65001), so
// Vietnamese messages show their diacritics in cmd.exe and PowerShell
// instead of mojibake. Errors are ignored: output redirected to a file
// needs no code page.
func setupConsole() {
	k := syscall.NewLazyDLL("kernel32.dll")
	k.NewProc("SetConsoleOutputCP").Call(65001)
	k.NewProc("SetConsoleCP").Call(65001)
}

// ownConsole reports whether vanban.exe was started by a double click: its
// console holds no other process (a cmd.exe or PowerShell would be one).
func ownConsole() bool {
	k := syscall.NewLazyDLL("kernel32.dll")
	var pids [2]uint32
	n, _, _ := k.NewProc("GetConsoleProcessList").Call(uintptr(unsafe.Pointer(&pids[0])), 2)
	return n == 1
}

// pause keeps the window of a double-clicked vanban.exe open until Enter,
// so the clerk reads the message instead of seeing the window vanish.
func pause() {
	os.Stdout.WriteString("\nNhấn Enter để đóng cửa sổ…")
	var b [1]byte
	os.Stdin.Read(b[:])
}
