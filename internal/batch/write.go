package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// TempMaxAge is the age after which CleanTemp removes a temporary file
// whose writer it cannot prove dead. WriteFile keeps a temporary file for
// the time it takes to write one output, far below this.
const TempMaxAge = time.Hour

// WriteFile writes data to a temporary file beside path, syncs it and
// renames it over path: path holds the old content or the new one, never
// half of a file, even if the process is killed. The temporary file is
// named ".NAME.PID-N.tmp" after its writer, so that CleanTemp in another
// process leaves it alone while its writer lives.
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	_, err := writeFile(path, data, true)
	return err
}

// tempSeq numbers this process's temporary files: with the pid, a name no
// other live writer uses.
var tempSeq atomic.Uint64

// writeFile writes data to path through a temporary file in its folder,
// which must exist, and returns the file's modification time (which the
// rename keeps). The file is created with its final permissions and its
// time read from the open file, so that writing one costs as few system
// calls as possible: open, write, fstat, close, rename.
func writeFile(path string, data []byte, sync bool) (time.Time, error) {
	dir, base := filepath.Split(path)
	var f *os.File
	var tmp string
	for {
		tmp = filepath.Join(dir, "."+base+"."+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(tempSeq.Add(1), 10)+".tmp")
		var err error
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return time.Time{}, err
		}
		// A file of a dead writer that had our pid: take the next name.
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
		os.Remove(tmp)
		return time.Time{}, err
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return time.Time{}, err
	}
	return mtime, nil
}

// tempPID returns the writer's process id from a temporary file's name
// ".NAME.PID-RANDOM.tmp", or 0 when the name has none (an older build's
// ".NAME.RANDOM.tmp").
func tempPID(name string) int {
	s, ok := strings.CutSuffix(name, ".tmp")
	if !ok {
		return 0
	}
	s = s[strings.LastIndexByte(s, '.')+1:]
	p, r, ok := strings.Cut(s, "-")
	if !ok || r == "" || strings.Trim(r, "0123456789") != "" {
		return 0
	}
	pid, err := strconv.Atoi(p)
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// CleanTemp removes the temporary files that killed runs left in dir: a
// file whose writer is provably dead (Unix: its pid is gone), or, when that
// cannot be told (no pid in the name, or Windows), one not modified for
// TempMaxAge before now. A file of a live writer is never removed, however
// old, so concurrent runs (vanban assign in several terminals) cannot break
// each other's renames. It returns the names removed, sorted.
//
// A pid reused by an unrelated process keeps a dead writer's file until
// that process ends; that is the safe side.
func CleanTemp(dir string, now time.Time) []string {
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	var removed []string
	self := os.Getpid()
	for _, m := range matches {
		st, err := os.Lstat(m)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		pid := tempPID(filepath.Base(m))
		switch {
		case pid == self:
			continue
		case pid != 0:
			if alive, known := processAlive(pid); known {
				if alive {
					continue
				}
				if os.Remove(m) == nil {
					removed = append(removed, filepath.Base(m))
				}
				continue
			}
		}
		if now.Sub(st.ModTime()) >= TempMaxAge && os.Remove(m) == nil {
			removed = append(removed, filepath.Base(m))
		}
	}
	return removed
}
