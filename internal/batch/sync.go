package batch

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// Outputs writes a run's files without a sync each (a per-file fsync is
// most of the cost of writing small files) and makes them durable together
// in Sync, which the caller runs before saving the manifest. A run killed
// at any moment leaves no torn file (each file is renamed into place whole
// and the kernel keeps it); a power cut before Sync may, but the manifest
// still describes the files as they were before, so the next run sees the
// mismatch of size and hash and rebuilds them. Safe for concurrent use.
type Outputs struct {
	mu    sync.Mutex
	paths []string        // written since the last Sync
	dirs  map[string]bool // folders made or found

	spares     map[string][]string // Linux: inodes of replaced files, to recycle (recycle_linux.go)
	noExchange bool                // Linux: the file system cannot exchange two files
}

// Write writes data to path through a temporary file and a rename, as
// WriteFile does, but without syncing, and returns the file's sum for the
// manifest, stamped with its modification time.
func (o *Outputs) Write(path string, data []byte) (FileSum, error) {
	dir := filepath.Dir(path)
	o.mu.Lock()
	made := o.dirs[dir]
	o.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return FileSum{}, err
		}
		o.mu.Lock()
		if o.dirs == nil {
			o.dirs = map[string]bool{}
		}
		o.dirs[dir] = true
		o.mu.Unlock()
	}
	mtime, err := o.write(path, data)
	if err != nil {
		return FileSum{}, err
	}
	o.mu.Lock()
	o.paths = append(o.paths, path)
	o.mu.Unlock()
	s := Sum(data)
	s.ModTime = mtime.UnixNano()
	return s, nil
}

// Sync makes every file written since the last Sync durable, with the
// folders that name them.
func (o *Outputs) Sync() error {
	o.mu.Lock()
	paths := o.paths
	o.paths = nil
	o.mu.Unlock()
	if len(paths) == 0 {
		return nil
	}
	dirs := map[string]bool{}
	for _, p := range paths {
		dirs[filepath.Dir(p)] = true
	}
	return syncAll(paths, dirs)
}

// syncPaths syncs each file and folder: the portable way.
func syncPaths(paths []string, dirs map[string]bool) error {
	var errs []error
	for _, p := range paths {
		errs = append(errs, syncPath(p))
	}
	for d := range dirs {
		errs = append(errs, syncPath(d))
	}
	return errors.Join(errs...)
}

func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}
