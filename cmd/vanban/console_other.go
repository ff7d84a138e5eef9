//go:build !windows

package main

// setupConsole has nothing to do outside Windows: terminals speak UTF-8.
func setupConsole() {}
