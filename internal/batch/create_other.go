//go:build !linux

package batch

import (
	"errors"
	"os"
	"time"
)

// writeNew creates the file at path, which must not exist, writes data,
// syncs it if asked, and returns its modification time.
func writeNew(path string, data []byte, sync bool) (time.Time, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return time.Time{}, err
	}
	_, werr := f.Write(data)
	var serr error
	if sync {
		serr = f.Sync()
	}
	var mtime time.Time
	st, sterr := f.Stat()
	if sterr == nil {
		mtime = st.ModTime()
	}
	if err := errors.Join(werr, serr, sterr, f.Close()); err != nil {
		os.Remove(path)
		return time.Time{}, err
	}
	return mtime, nil
}
