//go:build !unix

package batch

import "os"

// rename renames a file over another (see rename_unix.go).
func rename(from, to string) error { return os.Rename(from, to) }
