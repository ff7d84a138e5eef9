package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"vanban/internal/batch"
	"vanban/internal/model"
)

// PartStem is the stem of the files of the i-th appendix (from 0) of the
// document stem when its appendices are issued apart (phu_luc_rieng):
// "ke-hoach.phu-luc-1", to which ".pdf", ".docx" and ".ky-so.json" are
// added.
func PartStem(stem string, i int) string {
	return stem + partInfix + strconv.Itoa(i+1)
}

const partInfix = ".phu-luc-"

// partTargets are the files the appendices of doc make in the output
// folder when they are issued apart; nil when they are not.
func partTargets(out string, f Formats, j Job, doc *model.Document) []string {
	if doc == nil || !doc.Separate() {
		return nil
	}
	var files []string
	for i := range doc.Appendices {
		stem := filepath.Join(out, PartStem(j.Stem(), i))
		if f.PDF {
			files = append(files, stem+".pdf")
		}
		if f.DOCX {
			files = append(files, stem+".docx")
		}
	}
	return files
}

// outFolder is what the output folder held when a batch began, read once:
// reading it for each document cost time quadratic in its size (a quarter
// of a 1,000-document batch). A batch asks it which old files to remove;
// the files the batch itself writes are not in it, and need not be, since a
// document removes only files it no longer makes. Safe for concurrent use.
type outFolder struct {
	dir   string
	names map[string]bool
	parts map[string][]partFile // by document stem
}

// partFile is one appendix file: its path and its appendix number (from 1).
type partFile struct {
	path string
	n    int
}

// readOutFolder reads dir. docs are the stems of the documents whose files
// may be there (the batch's and the manifest's): a file of one of them is
// never taken for another's appendix, whatever its name ("ke-hoach.phu-
// luc-1.pdf" of ke-hoach.phu-luc-1.toml, its DOCX and signing map too).
func readOutFolder(dir string, docs map[string]string) *outFolder {
	f := &outFolder{dir: dir, names: map[string]bool{}, parts: map[string][]partFile{}}
	d, err := os.Open(dir)
	if err != nil {
		return f
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	slices.Sort(names) // removal in a stable order
	for _, name := range names {
		f.names[name] = true
		stem, n, ok := parsePart(name)
		if ok && docOf(docs, partDoc(name)) == "" {
			f.parts[stem] = append(f.parts[stem], partFile{filepath.Join(dir, name), n})
		}
	}
	return f
}

// parsePart splits <stem>.phu-luc-N followed by .pdf, .docx or
// .ky-so.json into the stem and N.
func parsePart(name string) (stem string, n int, ok bool) {
	i := strings.LastIndex(name, partInfix)
	if i < 0 {
		return "", 0, false
	}
	digits, ext, ok := strings.Cut(name[i+len(partInfix):], ".")
	if !ok || (ext != "pdf" && ext != "docx" && ext != "ky-so.json") {
		return "", 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || strconv.Itoa(n) != digits {
		return "", 0, false
	}
	return name[:i], n, true
}

// remove removes the file at path (in the folder) if the folder held it
// when the batch began, and reports whether it did.
func (f *outFolder) remove(path string) (bool, error) {
	if !f.names[filepath.Base(path)] {
		return false, nil
	}
	if err := os.Remove(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// removeParts removes the appendix files of the document stem numbered
// above keep: those of an earlier build that issued more appendices apart,
// or all of them (keep 0) when the document now keeps its appendices in
// its own file or is on paper. It returns the files removed.
func (f *outFolder) removeParts(stem string, keep int) ([]string, error) {
	var gone []string
	for _, p := range f.parts[stem] {
		if p.n <= keep {
			continue
		}
		if ok, err := f.remove(p.path); err != nil {
			return gone, err
		} else if ok {
			gone = append(gone, p.path)
		}
	}
	return gone, nil
}

// recordedParts are the appendix files the manifest recorded for j's last
// build in the output folder out (PDF and DOCX; their signing maps go with
// the PDFs): with the same inputs the model issues the same ones, so a
// document can be found current without building its model. Paths are
// made as targets makes them, from out, so that they compare.
func recordedParts(m *batch.Manifest, out string, j Job) []string {
	var l []string
	for _, p := range m.Files(j.Path()) {
		name := filepath.Base(p)
		stem, _, ok := parsePart(name)
		if ok && stem == j.Stem() && (strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".docx")) {
			l = append(l, filepath.Join(out, name))
		}
	}
	return l
}

// partOutput is one file of a part: its path and bytes, and the part.
type partOutput struct {
	path string
	data []byte
	part *Part
}

// partOutputs pairs the part targets of o with their bytes.
func partOutputs(o *Outcome, out string, f Formats) ([]partOutput, error) {
	var list []partOutput
	for i := range o.Result.Parts {
		p := &o.Result.Parts[i]
		stem := filepath.Join(out, PartStem(o.Job.Stem(), i))
		if f.PDF {
			list = append(list, partOutput{stem + ".pdf", p.PDF, p})
		}
		if f.DOCX {
			list = append(list, partOutput{stem + ".docx", p.DOCX, p})
		}
	}
	for _, po := range list {
		if po.data == nil {
			return nil, fmt.Errorf("engine: %s: not rendered", po.path)
		}
	}
	return list, nil
}
