// Package batch runs many documents at once: a manifest of input hashes
// that tells which outputs are stale, and a bounded pool of workers whose
// results come back in input order, whatever the scheduling.
package batch

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// ManifestName is the manifest's file in an output folder.
const ManifestName = ".vanban-manifest.json"

// Manifest records, per output, the hash of everything it was built from.
type Manifest struct {
	path string
	Docs map[string]string `json:"docs"` // output stem → input hash
}

// LoadManifest reads the manifest of an output folder; a missing or
// unreadable one is empty (everything is stale).
func LoadManifest(dir string) *Manifest {
	m := &Manifest{path: filepath.Join(dir, ManifestName), Docs: map[string]string{}}
	b, err := os.ReadFile(m.path)
	if err != nil {
		return m
	}
	if json.Unmarshal(b, m) != nil || m.Docs == nil {
		m.Docs = map[string]string{}
	}
	return m
}

// Fresh reports whether key was built from hash and all its files exist.
func (m *Manifest) Fresh(key, hash string, files ...string) bool {
	if m.Docs[key] != hash {
		return false
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return false
		}
	}
	return true
}

// Set records that key was built from hash.
func (m *Manifest) Set(key, hash string) { m.Docs[key] = hash }

// Forget drops key, so it is built next time.
func (m *Manifest) Forget(key string) { delete(m.Docs, key) }

// Save writes the manifest atomically (keys sorted by encoding/json).
func (m *Manifest) Save() error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return WriteFile(m.path, append(b, '\n'))
}

// WriteFile writes data to a temporary file beside path, syncs it and
// renames it over path: path holds the old content or the new one, never
// half of a file, even if the process is killed.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
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

// CleanTemp removes temporary files a killed run left in dir.
func CleanTemp(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && st.Mode().IsRegular() {
			os.Remove(m)
		}
	}
}

// Run calls f(i) for i in [0, n) on at most workers goroutines and waits.
// done, if not nil, is called after each f, one call at a time, with the
// number finished so far.
func Run(n, workers int, f func(i int), done func(finished, i int)) {
	if workers < 1 {
		workers = 1
	}
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	finished := 0
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
				if done != nil {
					mu.Lock()
					finished++
					done(finished, i)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
