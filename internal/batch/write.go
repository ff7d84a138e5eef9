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
	tmp, mtime, err := writeTemp(path, data, sync)
	if err != nil {
		return time.Time{}, err
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return time.Time{}, err
	}
	return mtime, nil
}

// writeTemp writes data to a new temporary file beside path and returns
// its name and modification time.
func writeTemp(path string, data []byte, sync bool) (string, time.Time, error) {
	dir, base := filepath.Split(path)
	for {
		tmp := filepath.Join(dir, "."+base+"."+pid+"-"+strconv.FormatUint(tempSeq.Add(1), 10)+".tmp")
		mtime, err := writeNew(tmp, data, sync)
		if errors.Is(err, fs.ErrExist) {
			continue // a file of a dead writer that had our pid: take the next name
		}
		return tmp, mtime, err
	}
}

// pid is this process's id, as temporary file names hold it.
var pid = strconv.Itoa(os.Getpid())

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
