package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// ManifestName is the manifest's file in an output folder.
const ManifestName = ".vanban-manifest.json"

// manifestVersion is written in the manifest. A manifest of another
// version (the first one recorded input hashes only) is read as empty, so
// everything is rebuilt once.
const manifestVersion = 2

// FileSum is the size and SHA-256 of an output file as it was written.
type FileSum struct {
	Size   int64  `json:"size"`   // bytes
	SHA256 string `json:"sha256"` // lower-case hex
	// ModTime is the file's modification time as written, in Unix
	// nanoseconds; 0 when unknown. A file with its recorded size and time
	// is taken as unchanged without being read, as git's index does; any
	// other is read and hashed.
	ModTime int64 `json:"mtime,omitempty"`
}

// Sum returns the FileSum of data.
func Sum(data []byte) FileSum {
	h := sha256.Sum256(data)
	return FileSum{Size: int64(len(data)), SHA256: hex.EncodeToString(h[:])}
}

// record is what the manifest knows of one key.
type record struct {
	Hash  string             `json:"hash"`  // hash of everything the outputs were built from
	Files map[string]FileSum `json:"files"` // output path relative to the manifest's folder, slash-separated → sum
	// Inputs is a hash of the raw inputs the outputs were built from, which
	// a caller can compute without building anything; "" when unknown.
	Inputs string `json:"inputs,omitempty"`
	// Deps are the other keys the inputs depend on (the documents cited).
	Deps []string `json:"deps,omitempty"`
}

type manifestFile struct {
	Version int               `json:"version"`
	Docs    map[string]record `json:"docs"`
}

// Manifest records, per key (a document), the hash of everything its
// outputs were built from and the size and SHA-256 of each output file as
// written. Its methods are safe for concurrent use: workers Record their
// outputs as they finish while another goroutine may Save.
type Manifest struct {
	dir    string // the output folder, absolute when it could be made so
	path   string
	saveMu sync.Mutex // serialises Save, so a later snapshot never loses to an earlier one
	mu     sync.Mutex // guards docs
	docs   map[string]record
}

// LoadManifest reads the manifest of an output folder; a missing or
// unreadable one, or one of an older format, is empty (everything is
// stale).
func LoadManifest(dir string) *Manifest {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	m := &Manifest{dir: abs, path: filepath.Join(dir, ManifestName), docs: map[string]record{}}
	b, err := os.ReadFile(m.path)
	if err != nil {
		return m
	}
	var f manifestFile
	if json.Unmarshal(b, &f) != nil || f.Version != manifestVersion || f.Docs == nil {
		return m
	}
	m.docs = f.Docs
	return m
}

// file names an output path in the manifest: relative to the manifest's
// folder when inside it, so the spelling of the folder on the command line
// (out, ./out, /abs/out) does not matter.
func (m *Manifest) file(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(path))
	}
	if rel, err := filepath.Rel(m.dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// Fresh reports whether key was built from hash and each of files was
// recorded for it and is on disk with the recorded size and SHA-256. A
// file changed, truncated, replaced or deleted since (a build killed
// half-way, an edit by hand) makes key stale.
func (m *Manifest) Fresh(key, hash string, files ...string) bool {
	return m.fresh(key, func(r record) bool { return r.Hash == hash }, files)
}

// FreshInputs is Fresh for a key whose outputs were recorded with the
// inputs hash inputs (SetInputs), so a caller need not build anything to
// know they are current.
func (m *Manifest) FreshInputs(key, inputs string, files ...string) bool {
	return inputs != "" && m.fresh(key, func(r record) bool { return r.Inputs == inputs }, files)
}

func (m *Manifest) fresh(key string, match func(record) bool, files []string) bool {
	m.mu.Lock()
	rec, ok := m.docs[key]
	ok = ok && match(rec)
	var want []FileSum
	for _, f := range files {
		if !ok {
			break
		}
		var s FileSum
		s, ok = rec.Files[m.file(f)]
		want = append(want, s)
	}
	m.mu.Unlock()
	if !ok {
		return false
	}
	for i, f := range files {
		st, err := os.Stat(f)
		if err != nil || !st.Mode().IsRegular() || st.Size() != want[i].Size {
			return false
		}
		if want[i].ModTime != 0 && st.ModTime().UnixNano() == want[i].ModTime {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil || Sum(b).SHA256 != want[i].SHA256 {
			return false
		}
	}
	return true
}

// Deps returns the dependencies recorded for key by SetInputs.
func (m *Manifest) Deps(key string) ([]string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.docs[key]
	return rec.Deps, ok
}

// Keys returns the keys the manifest holds, sorted.
func (m *Manifest) Keys() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(maps.Keys(m.docs))
}

// Files returns the paths of the files recorded for key, sorted; nil when
// there are none.
func (m *Manifest) Files(key string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var l []string
	for rel := range m.docs[key].Files {
		p := filepath.FromSlash(rel)
		if !filepath.IsAbs(p) {
			p = filepath.Join(m.dir, p)
		}
		l = append(l, p)
	}
	slices.Sort(l)
	return l
}

// SetInputs records, for a key already Set, the hash of its raw inputs and
// the keys they depend on.
func (m *Manifest) SetInputs(key, inputs string, deps []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if rec, ok := m.docs[key]; ok {
		rec.Inputs, rec.Deps = inputs, deps
		m.docs[key] = rec
	}
}

// Set records that key was built from hash into files (path → sum of the
// bytes written), replacing what was recorded for key. Call it only once
// every file is completely written (after WriteFile returned nil).
func (m *Manifest) Set(key, hash string, files map[string]FileSum) {
	rec := record{Hash: hash, Files: make(map[string]FileSum, len(files))}
	for p, s := range files {
		rec.Files[m.file(p)] = s
	}
	m.mu.Lock()
	m.docs[key] = rec
	m.mu.Unlock()
}

// Record adds one output of key, built from hash, written completely to
// path with data. A record of key for another hash is replaced, so the
// files of an earlier build never count for this one; an output not yet
// recorded keeps key stale for Fresh.
func (m *Manifest) Record(key, hash, path string, data []byte) {
	s := Sum(data)
	f := m.file(path)
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.docs[key]
	if !ok || rec.Hash != hash || rec.Files == nil {
		rec = record{Hash: hash, Files: map[string]FileSum{}}
	}
	rec.Files[f] = s
	m.docs[key] = rec
}

// Forget drops key, so it is built next time.
func (m *Manifest) Forget(key string) {
	m.mu.Lock()
	delete(m.docs, key)
	m.mu.Unlock()
}

// Save writes a snapshot of the manifest atomically (keys sorted by
// encoding/json). It may be called at any time, from any goroutine, also
// while workers Record (the snapshot then has what was recorded before);
// concurrent Saves are serialised, the later snapshot written last.
func (m *Manifest) Save() error {
	m.saveMu.Lock()
	defer m.saveMu.Unlock()
	m.mu.Lock()
	b, err := json.MarshalIndent(manifestFile{Version: manifestVersion, Docs: m.docs}, "", "  ")
	m.mu.Unlock()
	if err != nil {
		return err
	}
	return WriteFile(m.path, append(b, '\n'))
}
