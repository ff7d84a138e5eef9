package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestManifest_FreshSaveLoad(t *testing.T) {
	dir := t.TempDir()
	pdf, docx := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.docx")
	m := LoadManifest(dir)
	if m.Fresh("a", "h1", pdf) {
		t.Fatal("empty manifest says fresh")
	}
	m.Set("a", "h1", map[string]FileSum{pdf: Sum([]byte("PDF1"))})
	if m.Fresh("a", "h1", pdf) {
		t.Error("fresh although the output is missing")
	}
	if err := WriteFile(pdf, []byte("PDF1")); err != nil {
		t.Fatal(err)
	}
	if !m.Fresh("a", "h1", pdf) || m.Fresh("a", "h2", pdf) || m.Fresh("b", "h1", pdf) {
		t.Error("Fresh wrong after Set")
	}
	if m.Fresh("a", "h1", pdf, docx) {
		t.Error("fresh although the DOCX was never recorded")
	}
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	// Another spelling of the folder finds the same files.
	rel, _ := filepath.Rel(mustWd(t), dir)
	for _, d := range []string{dir, rel, dir + string(filepath.Separator) + "."} {
		m2 := LoadManifest(d)
		if !m2.Fresh("a", "h1", filepath.Join(d, "a.pdf")) || m2.Fresh("a", "h2", filepath.Join(d, "a.pdf")) {
			t.Errorf("reloaded from %q: manifest disagrees", d)
		}
	}
	m.Forget("a")
	if m.Fresh("a", "h1", pdf) {
		t.Error("fresh after Forget")
	}
}

func mustWd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// The output on disk must be what was recorded: a change of bytes with the
// same size, of size, or a deletion makes the document stale. This is the
// build killed half-way whose input was then reverted: the hash matches,
// the file does not.
func TestManifest_FileChanged(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(path string) error
	}{
		{"same size", func(p string) error { return os.WriteFile(p, []byte("PDF-2"), 0o644) }},
		{"other size", func(p string) error { return os.WriteFile(p, []byte("PDF-11"), 0o644) }},
		{"truncated", func(p string) error { return os.WriteFile(p, nil, 0o644) }},
		{"deleted", os.Remove},
		{"directory", func(p string) error { os.Remove(p); return os.Mkdir(p, 0o755) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			pdf := filepath.Join(dir, "a.pdf")
			m := LoadManifest(dir)
			WriteFile(pdf, []byte("PDF-1"))
			m.Record("a", "h", pdf, []byte("PDF-1"))
			m.Save()
			if !LoadManifest(dir).Fresh("a", "h", pdf) {
				t.Fatal("not fresh before the change")
			}
			if err := c.change(pdf); err != nil {
				t.Fatal(err)
			}
			if LoadManifest(dir).Fresh("a", "h", pdf) || m.Fresh("a", "h", pdf) {
				t.Error("fresh after the file changed")
			}
		})
	}
}

func TestManifest_Record(t *testing.T) {
	dir := t.TempDir()
	pdf, docx := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.docx")
	WriteFile(pdf, []byte("P"))
	WriteFile(docx, []byte("D"))
	m := LoadManifest(dir)
	m.Record("a", "h1", pdf, []byte("P"))
	if m.Fresh("a", "h1", pdf, docx) {
		t.Error("fresh with one of two outputs recorded")
	}
	m.Record("a", "h1", docx, []byte("D"))
	if !m.Fresh("a", "h1", pdf, docx) {
		t.Error("not fresh with both recorded")
	}
	// A new build (another hash) starts a new record: the old files do not
	// count for it.
	m.Record("a", "h2", pdf, []byte("P"))
	if m.Fresh("a", "h2", pdf, docx) || m.Fresh("a", "h1", pdf) {
		t.Error("files of the build for h1 counted for h2")
	}
}

// A manifest of the first format (input hashes only) is stale throughout.
func TestManifest_OldFormat(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "a.pdf")
	os.WriteFile(pdf, []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, ManifestName), []byte(`{"docs": {"a": "h1"}}`+"\n"), 0o644)
	if LoadManifest(dir).Fresh("a", "h1", pdf) {
		t.Error("old manifest trusted")
	}
	os.WriteFile(filepath.Join(dir, ManifestName), []byte(`{"version": 2, "docs": {"a": {"hash": "h1"}}}`), 0o644)
	if LoadManifest(dir).Fresh("a", "h1", pdf) {
		t.Error("a record without files trusted")
	}
	if !LoadManifest(dir).Fresh("a", "h1") {
		t.Error("a key with no files asked for")
	}
}

// Workers record concurrently while another goroutine saves (go test -race).
func TestManifest_Concurrent(t *testing.T) {
	dir := t.TempDir()
	m := LoadManifest(dir)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				key := fmt.Sprintf("g%d-%02d", g, i)
				p := filepath.Join(dir, key+".pdf")
				data := []byte(key)
				if err := WriteFile(p, data); err != nil {
					t.Error(err)
					return
				}
				if i%2 == 0 {
					m.Record(key, "h", p, data)
				} else {
					m.Set(key, "h", map[string]FileSum{p: Sum(data)})
				}
				m.Fresh(key, "h", p)
				if i%10 == 0 {
					if err := m.Save(); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	m2 := LoadManifest(dir)
	for g := range 8 {
		for i := range 25 {
			key := fmt.Sprintf("g%d-%02d", g, i)
			if !m2.Fresh(key, "h", filepath.Join(dir, key+".pdf")) {
				t.Errorf("%s lost", key)
			}
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	if !strings.Contains(string(b), `"version": 2`) {
		t.Errorf("manifest without version:\n%.200s", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A file with its recorded size and modification time is not read again;
// one touched since is read and compared by its hash.
func TestManifest_ModTimeShortcut(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	if err := WriteFile(path, []byte("bản thứ nhất")); err != nil {
		t.Fatal(err)
	}
	m := LoadManifest(dir)
	m.Set("a", "h", map[string]FileSum{path: Sum([]byte("bản thứ nhất")).Stamped(path)})
	if !m.Fresh("a", "h", path) {
		t.Fatal("a file as written is not fresh")
	}
	st, _ := os.Stat(path)
	// Same size, other bytes, a new time: read, hashed, stale.
	os.WriteFile(path, []byte("bản thứ HAI!"), 0o644)
	later := st.ModTime().Add(time.Second)
	os.Chtimes(path, later, later)
	if m.Fresh("a", "h", path) {
		t.Error("a file changed since (new time) is fresh")
	}
	// The same bytes written again (a copy): a new time, the same hash.
	os.WriteFile(path, []byte("bản thứ nhất"), 0o644)
	os.Chtimes(path, later, later)
	if !m.Fresh("a", "h", path) {
		t.Error("a file with the recorded bytes but another time is stale")
	}
}
