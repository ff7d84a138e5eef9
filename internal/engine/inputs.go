package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"vanban/internal/batch"
	"vanban/internal/register"
)

// inputsState caches, for one run, what the inputs keys are made of.
type inputsState struct {
	workspace map[string]string                      // dir → hash of the profile and the workspace's templates
	entries   map[string]map[string][]register.Entry // dir → document stem → its register entries
	memo      map[string]string                      // path and deps → key
	deps      map[string][]string                    // path → the documents it cites, as found while preparing it
	// sums are the hashes of the documents' files as loaded: a key made
	// after the build describes the bytes the model was built from, even
	// if the file changed meanwhile, and costs no second read.
	sums map[string]fileSum
	// raw holds a file read for its key until the model is built from
	// the same bytes (one read per document), then is dropped.
	raw map[string][]byte
}

// fileSum identifies a file's content.
type fileSum struct {
	size int
	sha  [sha256.Size]byte
}

// loaded records the content a document's model is built from.
func (st *inputsState) loaded(path string, b []byte) {
	if st.sums == nil {
		st.sums = map[string]fileSum{}
	}
	st.sums[path] = fileSum{len(b), sha256.Sum256(b)}
}

// inputsKey is the identity of everything a document's model is made of,
// computed from raw bytes without loading or building anything: the tool's
// version, fonts and formats, the document's file, the workspace's profile
// and templates, the document's register entries, and the keys of the
// documents it cites (deps; theirs come from the manifest). A document
// whose key and files match the manifest is current, and a batch skips its
// model: an unchanged workspace, or an assign that changes one plan, builds
// only what depends on the change. ok is false when the key cannot be known
// (a cited document never built).
func (e *Engine) inputsKey(path string, deps []string, m *batch.Manifest, formats Formats, depth int) (string, bool) {
	st := &e.inputsState
	if st.memo == nil {
		st.workspace, st.entries, st.memo = map[string]string{}, map[string]map[string][]register.Entry{}, map[string]string{}
	}
	memoKey := path + "\x00" + strings.Join(deps, "\x00")
	if k, ok := st.memo[memoKey]; ok {
		return k, k != ""
	}
	st.memo[memoKey] = "" // a citation cycle (never recorded) ends here
	if depth > 50 {
		return "", false
	}
	own, read := st.sums[path]
	if !read {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", false
		}
		own = fileSum{len(b), sha256.Sum256(b)}
		if depth == 0 {
			if st.raw == nil {
				st.raw = map[string][]byte{}
			}
			st.raw[path] = b
		}
	}
	dir := filepath.Dir(path)
	ws, ok := e.workspaceKey(dir)
	if !ok {
		return "", false
	}
	entries, ok := e.registerEntries(dir)
	if !ok {
		return "", false
	}
	h := sha256.New()
	fmt.Fprintf(h, "inputs 2\nvanban %s\nfonts %x\nformats {%v %v}\nworkspace %s\nname %s\n%d %x\n", e.opt.Version, e.fontHash, formats.PDF, formats.DOCX, ws, filepath.Base(path), own.size, own.sha)
	if e.opt.SigFields || e.opt.Edition != "" {
		fmt.Fprintf(h, "sigfields %v edition %q\n", e.opt.SigFields, e.opt.Edition)
	}
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for _, en := range entries[stem] {
		fmt.Fprintf(h, "\nentry %+v", en)
	}
	for _, d := range deps {
		dd, ok := m.Deps(d)
		if !ok {
			return "", false
		}
		kd, ok := e.inputsKey(d, dd, m, formats, depth+1)
		if !ok {
			return "", false
		}
		fmt.Fprintf(h, "\ncites %s %s", filepath.Base(d), kd)
	}
	k := hex.EncodeToString(h.Sum(nil))
	st.memo[memoKey] = k
	return k, true
}

// workspaceKey hashes the profile and the templates folder of dir.
func (e *Engine) workspaceKey(dir string) (string, bool) {
	if k, ok := e.inputsState.workspace[dir]; ok {
		return k, true
	}
	h := sha256.New()
	prof, err := os.ReadFile(filepath.Join(dir, ProfileName))
	if err != nil && !os.IsNotExist(err) {
		return "", false
	}
	fmt.Fprintf(h, "profile %d\n", len(prof))
	h.Write(prof)
	own := filepath.Join(dir, "templates")
	err = filepath.WalkDir(own, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "\ntemplate %s %d\n", filepath.ToSlash(strings.TrimPrefix(p, own)), len(b))
		h.Write(b)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return "", false
	}
	k := hex.EncodeToString(h.Sum(nil))
	e.inputsState.workspace[dir] = k
	return k, true
}

// registerEntries reads the register of dir once per run, by document.
func (e *Engine) registerEntries(dir string) (map[string][]register.Entry, bool) {
	if m, ok := e.inputsState.entries[dir]; ok {
		return m, true
	}
	out := map[string][]register.Entry{}
	reg, err := e.Register(dir, false)
	if err != nil {
		return nil, false
	}
	if reg != nil {
		list, err := reg.List(context.Background(), 0)
		if err != nil {
			return nil, false
		}
		for _, en := range list {
			out[en.Doc] = append(out[en.Doc], en)
		}
	}
	e.inputsState.entries[dir] = out
	return out, true
}

// cites records that document j cites the document at path.
func (e *Engine) cites(j Job, path string) {
	st := &e.inputsState
	if st.deps == nil {
		st.deps = map[string][]string{}
	}
	key := j.Path()
	if !slices.Contains(st.deps[key], path) {
		st.deps[key] = append(st.deps[key], path)
		slices.Sort(st.deps[key])
	}
}

// depsOf returns the documents j cites, as found while preparing it.
func (e *Engine) depsOf(j Job) []string { return e.inputsState.deps[j.Path()] }
