//go:build unix

package batch

import (
	"os"
	"syscall"
)

// rename renames a file over another with one system call: os.Rename
// first looks at the target to refuse a folder, which rename(2) refuses
// too (EISDIR), and that look costs as much as the rename in a batch.
func rename(from, to string) error {
	if err := syscall.Rename(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}
