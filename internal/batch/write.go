package batch

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// TempMaxAge is the age after which CleanTemp removes a temporary file
// whose writer it cannot prove dead. WriteFile keeps a temporary file for
// the time it takes to write one output, far below this.
const TempMaxAge = time.Hour

// WriteFile writes data to a temporary file beside path, syncs it and
// renames it over path: path holds the old content or the new one, never
// half of a file, even if the process is killed. The temporary file is
// named ".NAME.PID-RANDOM.tmp" after its writer, so that CleanTemp in
// another process leaves it alone while its writer lives.
func WriteFile(path string, data []byte) error { return writeFile(path, data, true) }

func writeFile(path string, data []byte, sync bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"."+strconv.Itoa(os.Getpid())+"-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	var serr error
	if sync {
		serr = f.Sync()
	}
	if err := errors.Join(werr, serr, f.Close()); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
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
