//go:build linux

package batch

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Replacing a file by a rename frees the old file's inode and blocks. On
// some Linux file systems that is slow: ext4 without a journal and mounted
// with discard trims the freed blocks at once, and then skips every
// recently freed inode, one buffer lookup each, when it allocates the next
// (measured on the build machine: 600 PDFs replaced in 0.5–0.58 s by
// rename, 0.05–0.06 s as below). A rebuild therefore recycles inodes: the
// new content goes into a temporary file that is exchanged with the old
// one (renameat2 RENAME_EXCHANGE, atomic as a rename is), and the old
// inode, now under the temporary name, is overwritten in place with the
// next file of the same kind. Nothing is freed or allocated but the
// difference in size. A run leaves no temporary file behind (Close), and a
// killed run's are removed by CleanTemp, since they carry the pid.

// spareKey groups spares by folder and extension: a PDF's inode takes the
// next PDF, whose size is close.
func spareKey(path string) string { return filepath.Dir(path) + "\x00" + filepath.Ext(path) }

// takeSpare returns a spare for path, or "" when none is left.
func (o *Outputs) takeSpare(path string) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	k := spareKey(path)
	l := o.spares[k]
	if len(l) == 0 {
		return ""
	}
	s := l[len(l)-1]
	o.spares[k] = l[:len(l)-1]
	return s
}

func (o *Outputs) keepSpare(path, tmp string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.spares == nil {
		o.spares = map[string][]string{}
	}
	k := spareKey(path)
	o.spares[k] = append(o.spares[k], tmp)
}

// writeReplacing writes data to path whole, through a recycled inode when
// a spare of its kind is left and a new temporary file otherwise, and
// returns the file's modification time.
func (o *Outputs) writeReplacing(path string, data []byte) (time.Time, error) {
	tmp, mtime := "", time.Time{}
	if s := o.takeSpare(path); s != "" {
		var err error
		if mtime, err = overwrite(s, data); err == nil {
			tmp = s
		} else {
			os.Remove(s) // not ours to reuse (open elsewhere, linked): freed as a rename would
		}
	}
	if tmp == "" {
		var err error
		if tmp, mtime, err = writeTemp(path, data, false); err != nil {
			return time.Time{}, err
		}
	}
	o.mu.Lock()
	off := o.noExchange
	o.mu.Unlock()
	if !off {
		err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, path, unix.RENAME_EXCHANGE)
		switch {
		case err == nil:
			if err := o.settle(path, tmp); err != nil {
				return time.Time{}, err
			}
			return mtime, nil
		case errors.Is(err, syscall.ENOENT):
			// No file to replace: a plain rename below.
		case errors.Is(err, syscall.EINVAL), errors.Is(err, syscall.ENOSYS), errors.Is(err, syscall.EOPNOTSUPP):
			o.mu.Lock()
			o.noExchange = true // the file system cannot exchange
			o.mu.Unlock()
		default:
			os.Remove(tmp)
			return time.Time{}, &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
		}
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return time.Time{}, err
	}
	return mtime, nil
}

// settle deals with what an exchange put under the temporary name tmp: the
// old file becomes a spare when it is a plain file with no other name; a
// folder goes back where it was, and the write fails as a rename over a
// folder does; anything else (a symbolic link, a file with other links) is
// removed, as a rename would have removed it from path.
func (o *Outputs) settle(path, tmp string) error {
	var st unix.Stat_t
	if err := unix.Lstat(tmp, &st); err != nil {
		return nil // gone: nothing to keep
	}
	switch {
	case st.Mode&unix.S_IFMT == unix.S_IFDIR:
		err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, path, unix.RENAME_EXCHANGE)
		os.Remove(tmp)
		if err != nil {
			return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
		}
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: syscall.EISDIR}
	case st.Mode&unix.S_IFMT == unix.S_IFREG && st.Nlink == 1:
		o.keepSpare(path, tmp)
	default:
		os.Remove(tmp)
	}
	return nil
}

// overwrite writes data over the spare's content in place and returns its
// modification time. It refuses a spare that another descriptor holds
// open (a viewer, the desk serving it): a write lease is granted only on
// a file open nowhere else.
func overwrite(path string, data []byte) (time.Time, error) {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	if err != nil {
		return time.Time{}, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return time.Time{}, err
	}
	// A file of another owner or group would carry them, as a rename
	// never does, to a document of ours: not ours to reuse.
	if st.Mode&unix.S_IFMT != unix.S_IFREG || st.Nlink != 1 || int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid() {
		return time.Time{}, syscall.EBUSY
	}
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_SETLEASE, unix.F_WRLCK); err != nil {
		return time.Time{}, err
	}
	defer unix.FcntlInt(uintptr(fd), unix.F_SETLEASE, unix.F_UNLCK)
	// Freshly opened, the file's offset is 0: written from the start.
	if err := writeAll(fd, data); err != nil {
		return time.Time{}, err
	}
	if st.Size != int64(len(data)) {
		if err := unix.Ftruncate(fd, int64(len(data))); err != nil {
			return time.Time{}, err
		}
	}
	if st.Mode&0o7777 != newFileMode {
		if err := unix.Fchmod(fd, newFileMode); err != nil {
			return time.Time{}, err
		}
	}
	if err := unix.Fstat(fd, &st); err != nil {
		return time.Time{}, err
	}
	return time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)), nil
}

// newFileMode is the mode a new output gets, 0644 less the process's
// umask, which a recycled inode is given too. The umask is read when the
// package is initialised, before any goroutine creates files (reading it
// means setting it).
var newFileMode = func() uint32 {
	m := unix.Umask(0)
	unix.Umask(m)
	return 0o644 &^ uint32(m)
}()

// Close removes the spares left at the end of a run.
func (o *Outputs) Close() error {
	o.mu.Lock()
	spares := o.spares
	o.spares = nil
	o.mu.Unlock()
	var errs []error
	for _, l := range spares {
		for _, s := range l {
			if err := os.Remove(s); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// write writes data to path whole; see writeReplacing.
func (o *Outputs) write(path string, data []byte) (time.Time, error) {
	return o.writeReplacing(path, data)
}
