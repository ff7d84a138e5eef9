//go:build !unix

package batch

// processAlive cannot tell on this system; CleanTemp goes by age alone.
func processAlive(pid int) (alive, known bool) { return false, false }
