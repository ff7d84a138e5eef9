//go:build !windows

package main

// setupConsole has nothing to do outside Windows: terminals speak UTF-8.
func setupConsole() {}

// ownConsole is for Windows' double click; elsewhere vanban runs from a
// terminal, and without arguments prints its help.
func ownConsole() bool { return false }

// pause is for Windows' double click; elsewhere a terminal stays.
func pause() {}
