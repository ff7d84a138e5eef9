package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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

// partFiles lists the appendix files of the document stem in the output
// folder out, each with its appendix number (from 1): <stem>.phu-luc-N
// followed by .pdf, .docx or .ky-so.json. The folder is read rather than
// globbed, so a stem holding glob characters matches only itself.
func partFiles(out, stem string) (paths []string, nums []int) {
	ents, err := os.ReadDir(out)
	if err != nil {
		return nil, nil
	}
	prefix := stem + partInfix
	for _, e := range ents {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || e.IsDir() {
			continue
		}
		digits, ext, ok := strings.Cut(rest, ".")
		if !ok || (ext != "pdf" && ext != "docx" && ext != "ky-so.json") {
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || n < 1 || strconv.Itoa(n) != digits {
			continue
		}
		paths = append(paths, filepath.Join(out, name))
		nums = append(nums, n)
	}
	return paths, nums
}

// removeParts removes the appendix files of the document stem numbered
// above keep: those of an earlier build that issued more appendices apart,
// or all of them (keep 0) when the document now keeps its appendices in
// its own file or is on paper. It returns the files removed.
func removeParts(out, stem string, keep int) ([]string, error) {
	paths, nums := partFiles(out, stem)
	var gone []string
	for i, p := range paths {
		if nums[i] <= keep {
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return gone, err
		}
		gone = append(gone, p)
	}
	return gone, nil
}

// partsKey is the key that issues an electronic document's appendices
// apart (phu_luc_rieng).
const partsKey = "phu_luc_rieng"

// mayHaveParts reports whether the document at path, or its workspace's
// profile, names phu_luc_rieng, judged from the raw bytes: such a
// document's appendix files are known only from its model, so a batch
// builds the model before calling it current. raw is the document's text
// when already read (nil: read it); the profile was read, once per
// workspace, for the inputs key.
func (e *Engine) mayHaveParts(j Job, raw []byte) bool {
	if raw == nil {
		raw, _ = os.ReadFile(j.Path())
	}
	if bytes.Contains(raw, []byte(partsKey)) {
		return true
	}
	if _, ok := e.workspaceKey(j.Dir); !ok {
		return true // unknown: build the model
	}
	return e.inputsState.profileParts[j.Dir]
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
