//go:build !windows

package main

// setupConsole has nothing to do outside Windows: terminals speak UTF-8.
func setupConsole() {}

// pauseIfOwnConsole is for Windows' double click; elsewhere a terminal stays.
func pauseIfOwnConsole() {}
