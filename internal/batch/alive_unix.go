//go:build unix

package batch

import (
	"errors"
	"syscall"
)

// processAlive tells whether process pid exists: signal 0 checks without
// sending. EPERM means it exists under another user. known is false when
// the answer is unclear.
func processAlive(pid int) (alive, known bool) {
	err := syscall.Kill(pid, 0)
	switch {
	case err == nil, errors.Is(err, syscall.EPERM):
		return true, true
	case errors.Is(err, syscall.ESRCH):
		return false, true
	}
	return false, false
}
