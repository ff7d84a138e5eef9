package engine

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/batch"
	"vanban/internal/diag"
	"vanban/internal/model"
)

// BatchOptions are the settings of a batch run.
type BatchOptions struct {
	Render     bool   // write files (build); false lays out only (check)
	Out        string // output folder
	Formats    Formats
	Force      bool // rebuild documents the manifest calls current
	Workers    int  // documents rendered at once
	KeepLayout bool // check: keep each Result's Layout (for printing it)
}

// Status is what a batch did with one document.
type Status int

const (
	Built      Status = iota // files written (build) or laid out (check)
	Unchanged                // the manifest says its files are current
	Failed                   // errors in its data or template, or its files could not be written
	NotStarted               // the run was interrupted before its turn
)

// Outcome is one document of a batch.
type Outcome struct {
	Job     Job
	Result  Result // its diagnostics; the file bytes are dropped once written
	Status  Status
	Err     error    // an internal error (a bug, an I/O failure); user problems are in Result.Diags
	Targets []string // the files it makes in the output folder
	Removed []string // old files of a failed document, removed so none looks current
	sums    map[string]batch.FileSum
	quick   bool // current by its inputs key: no model was built
}

// Report is the result of Batch, one Outcome per job in job order.
type Report struct {
	Outcomes    []Outcome
	Interrupted bool  // ctx was cancelled: documents not started are NotStarted
	ManifestErr error // the manifest could not be saved
}

// Count returns how many outcomes have status s.
func (r Report) Count(s Status) int {
	n := 0
	for _, o := range r.Outcomes {
		if o.Status == s {
			n++
		}
	}
	return n
}

// Batch builds jobs: the data, citations and models one after the other
// (they share the workspace's caches) while opt.Workers workers lay out the
// stale documents and write their files, each atomically. progress, if not
// nil, is called after each document, one call at a time.
//
// Nothing is left half done: two documents that would write the same file
// fail before anything is written; a failed document loses the files an
// earlier run made for it; the manifest records only files written whole,
// with their size and hash, so a run killed at any moment is repaired by the
// next. When ctx is cancelled no new document starts, those in progress
// finish, and the manifest is saved.
func (e *Engine) Batch(ctx context.Context, jobs []Job, opt BatchOptions, progress func(done, total int, name string)) Report {
	rep := Report{Outcomes: make([]Outcome, len(jobs))}
	for i, j := range jobs {
		rep.Outcomes[i] = Outcome{Job: j, Status: NotStarted}
	}
	if !opt.Render {
		e.check(ctx, &rep, opt)
		return rep
	}
	batch.CleanTemp(opt.Out, e.opt.Now())
	manifest := batch.LoadManifest(opt.Out)
	// docs are the documents whose files may be in the folder, by stem:
	// the batch's, and the manifest's (a build of one file leaves the
	// others' files alone).
	docs := map[string]string{}
	for _, k := range manifest.Keys() {
		docs[strings.TrimSuffix(filepath.Base(k), filepath.Ext(k))] = k
	}
	for i, j := range jobs {
		rep.Outcomes[i].Targets = targets(opt.Out, opt.Formats, j)
		docs[j.Stem()] = j.Path()
	}
	clash, owners := clashes(rep.Outcomes) // owners: every main output file's document
	// The appendix files issued apart that each document's last build
	// made: with them a current document needs no model. One that
	// another document now writes as its own file sends its document to
	// its model, where partClash decides.
	recorded := make([][]string, len(jobs))
	contested := make([]bool, len(jobs))
	for i, j := range jobs {
		recorded[i] = recordedParts(manifest, opt.Out, j)
		for _, p := range recorded[i] {
			if _, taken := owners[fileKey(p)]; taken || docOf(docs, partDoc(p)) != "" {
				contested[i] = true
			}
		}
	}
	outs := &batch.Outputs{}
	folder := readOutFolder(opt.Out, docs)
	workers := max(1, opt.Workers)
	// One goroutine (this one) builds the models, one document after the
	// other since they share the workspace's caches, and hands the stale
	// ones to the workers, which lay them out and write their files. The
	// queue between them is short, so only a few models are in memory at a
	// time however large the workspace, and both stages run at once.
	var mu sync.Mutex // serialises progress
	done := 0
	step := func(i int) {
		mu.Lock()
		defer mu.Unlock()
		done++
		if progress != nil {
			progress(done, len(jobs), jobs[i].Name)
		}
	}
	queue := make(chan int, 2*workers)
	stages := make([]modelStage, len(jobs)) // handed over with the index
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				// Once ctx is done no document starts; those in
				// progress finish.
				if ctx.Err() != nil {
					continue
				}
				e.finishOne(i, &rep.Outcomes[i], stages[i], clash, owners, docs, rep.Outcomes, manifest, opt, outs, folder)
				stages[i] = modelStage{}
				step(i)
			}
		}()
	}
	for i := range jobs {
		if ctx.Err() != nil {
			break
		}
		o := &rep.Outcomes[i]
		if _, clashing := clash[i]; !clashing && !contested[i] && !opt.Force && e.current(o, recorded[i], manifest, opt.Formats) {
			o.Status, o.quick = Unchanged, true
			o.Targets = append(o.Targets, recorded[i]...)
			delete(e.inputsState.raw, o.Job.Path()) // read for the key, not needed
			step(i)
			continue
		}
		// The sequential half of the model here, the rest (template,
		// marks, hash) on the workers with the layout: this goroutine is
		// what every document waits for (an assign's critical path).
		var st modelStage
		o.Result, st = e.modelStart(o.Job)
		e.release(o.Job)
		if st.in == nil {
			if d, ok := clash[i]; ok {
				o.Result.Diags.Add(d)
			}
			o.Result.Diags.Sort()
			o.Status = Failed
			step(i)
			continue
		}
		stages[i] = st
		queue <- i // the worker owns the outcome from here
	}
	close(queue)
	wg.Wait()
	outs.Close() // a spare left behind is removed by the next run's CleanTemp
	changed := false
	for i := range rep.Outcomes {
		o := &rep.Outcomes[i]
		switch o.Status {
		case Built:
			manifest.Set(o.Job.Path(), o.Result.Hash, o.sums)
			manifest.SetInputs(o.Job.Path(), "", e.depsOf(o.Job))
			changed = true
		case Unchanged:
			if !o.quick {
				manifest.SetInputs(o.Job.Path(), "", e.depsOf(o.Job))
				changed = true
			}
		case Failed:
			manifest.Forget(o.Job.Path())
			o.Removed = dropOutputs(folder, opt.Out, o)
			changed = changed || len(o.Removed) > 0
		case NotStarted:
			rep.Interrupted = true
		}
	}
	// With every document's dependencies recorded, the keys that let the
	// next run skip the models of what did not change.
	for i := range rep.Outcomes {
		o := &rep.Outcomes[i]
		if o.Status == Built || o.Status == Unchanged && !o.quick {
			k, _ := e.inputsKey(o.Job.Path(), e.depsOf(o.Job), manifest, opt.Formats, 0)
			manifest.SetInputs(o.Job.Path(), k, e.depsOf(o.Job))
		}
	}
	if changed {
		// The files first, durable together; then the manifest that
		// describes them.
		if rep.ManifestErr = outs.Sync(); rep.ManifestErr == nil {
			rep.ManifestErr = manifest.Save()
		}
	}
	return rep
}

// current reports whether a document's files are current by its inputs
// key, without building its model: its main files and the appendix files
// its last build issued apart (parts; one deleted by hand is made again).
func (e *Engine) current(o *Outcome, parts []string, m *batch.Manifest, f Formats) bool {
	deps, ok := m.Deps(o.Job.Path())
	if !ok {
		return false
	}
	k, ok := e.inputsKey(o.Job.Path(), deps, m, f, 0)
	return ok && m.FreshInputs(o.Job.Path(), k, append(slices.Clip(o.Targets), parts...)...)
}

// finishOne builds the model of document i, which the sequential stage
// prepared (st), decides whether its files are current, and renders it if
// they are not. The maps it reads are not written while workers run.
func (e *Engine) finishOne(i int, o *Outcome, st modelStage, clash map[int]diag.Diagnostic, owners map[string]int,
	docs map[string]string, outcomes []Outcome, manifest *batch.Manifest, opt BatchOptions, outs *batch.Outputs, folder *outFolder) {
	if !o.Result.Diags.HasErrors() {
		e.modelFinish(&o.Result, st, opt.Formats)
	}
	// The files of appendices issued apart are known from the model; one
	// that another document writes fails this document.
	parts := partTargets(opt.Out, opt.Formats, o.Job, o.Result.Doc)
	if d, ok := partClash(parts, i, owners, docs, outcomes); ok {
		o.Result.Diags.Add(d) // and the files stay the other's: not this document's to remove
	} else {
		o.Targets = append(o.Targets, parts...)
	}
	if d, ok := clash[i]; ok {
		o.Result.Diags.Add(d)
	}
	o.Result.Diags.Sort()
	switch {
	case o.Result.Diags.HasErrors():
		o.Status = Failed
	case !opt.Force && manifest.Fresh(o.Job.Path(), o.Result.Hash, o.Targets...):
		o.Status = Unchanged
	default:
		e.renderOne(o, opt, outs, folder)
		return
	}
	o.Result.Doc = nil
}

// renderOne lays out and renders one stale document and writes its files;
// then only its diagnostics and the sums of its files stay in memory.
func (e *Engine) renderOne(o *Outcome, opt BatchOptions, outs *batch.Outputs, folder *outFolder) {
	if o.Err = e.Render(&o.Result, opt.Formats); o.Err == nil && o.Result.Layout != nil {
		o.Err = writeOutputs(o, opt, outs, folder)
	}
	var oe *outputError
	if errors.As(o.Err, &oe) {
		o.Result.Diags.Add(diag.New(diag.Pos{File: o.Job.Path()}, diag.CodeOutput, opt.Out, osErrText(oe.err)))
		o.Err = nil
	}
	if o.Err != nil || o.Result.Diags.HasErrors() {
		o.Status = Failed
	} else {
		o.Status = Built
	}
	o.Result.PDF, o.Result.DOCX, o.Result.Layout, o.Result.Doc, o.Result.Parts = nil, nil, nil, nil, nil
}

// check lays out every document without writing files (vanban check);
// Doc stays for printing the model, Layout only when asked.
func (e *Engine) check(ctx context.Context, rep *Report, opt BatchOptions) {
	for i := range rep.Outcomes {
		if ctx.Err() != nil {
			rep.Interrupted = true
			return
		}
		o := &rep.Outcomes[i]
		o.Result, o.Err = e.Model(o.Job, opt.Formats)
		o.Result.Diags.Sort()
		if o.Err == nil && !o.Result.Diags.HasErrors() {
			o.Err = e.Layout(&o.Result)
			if !opt.KeepLayout {
				o.Result.Layout = nil
			}
		}
		o.Status = Built
		if o.Err != nil || o.Result.Diags.HasErrors() {
			o.Status = Failed
		}
	}
}

// targets are the files a document makes in the output folder, as known
// before its model is built; the files of appendices issued apart
// (partTargets) are added once it is.
func targets(out string, f Formats, j Job) []string {
	stem := filepath.Join(out, j.Stem())
	var files []string
	if f.PDF {
		files = append(files, stem+".pdf")
	}
	if f.DOCX {
		files = append(files, stem+".docx")
	}
	return files
}

// outputError marks a failure to write the output folder, which the clerk
// can fix (another folder, the right permissions).
type outputError struct{ err error }

func (e *outputError) Error() string { return "output: " + e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

func writeOutputs(o *Outcome, opt BatchOptions, outs *batch.Outputs, folder *outFolder) error {
	o.sums = map[string]batch.FileSum{}
	write := func(t string, data []byte) error {
		sum, err := outs.Write(t, data)
		if err != nil {
			return &outputError{err}
		}
		o.sums[t] = sum
		return nil
	}
	main := targets(opt.Out, opt.Formats, o.Job)
	for _, t := range main {
		data := o.Result.PDF
		if strings.HasSuffix(t, ".docx") {
			data = o.Result.DOCX
		}
		if err := write(t, data); err != nil {
			return err
		}
		if !strings.HasSuffix(t, ".pdf") {
			continue
		}
		// A preview of the signed look never outlives the PDF it shows
		// (-xem-chu-ky writes it again after the batch).
		if _, err := folder.remove(PreviewName(t)); err != nil {
			return &outputError{err}
		}
		// The signing map goes with the PDF of an electronic document; a
		// map left from when the document was electronic would lie.
		sm := SigningMapName(t)
		if o.Result.Doc != nil && o.Result.Doc.Edition == model.Electronic {
			if err := write(sm, SigningMapJSON(o.Result.Layout)); err != nil {
				return err
			}
		} else if _, err := folder.remove(sm); err != nil {
			return &outputError{err}
		}
	}
	// The appendices issued apart, each PDF with its signing map (ô 14,
	// and an attached text's signature).
	parts, err := partOutputs(o, opt.Out, opt.Formats)
	if err != nil {
		return err
	}
	for _, po := range parts {
		if err := write(po.path, po.data); err != nil {
			return err
		}
		if strings.HasSuffix(po.path, ".pdf") {
			if err := write(SigningMapName(po.path), SigningMapJSON(po.part.Layout)); err != nil {
				return err
			}
		}
	}
	// Appendix files of an earlier build that this one does not make (the
	// document has fewer appendices, keeps them in its own file again, or
	// is on paper now) would look current: they go.
	if _, err := folder.removeParts(o.Job.Stem(), len(o.Result.Parts)); err != nil {
		return &outputError{err}
	}
	return nil
}

// SigningMapName is the signing map's file beside the PDF at pdfPath.
func SigningMapName(pdfPath string) string {
	return strings.TrimSuffix(pdfPath, ".pdf") + ".ky-so.json"
}

func osErrText(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền ghi"
	case errors.Is(err, fs.ErrExist), errors.Is(err, fs.ErrNotExist):
		return "đường dẫn không phải là thư mục"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// dropOutputs removes the files a failed document made in an earlier run,
// in every format, its signing map, preview and appendix files, so that
// no PDF or DOCX that no longer matches its data
// stays in the output folder looking current; it returns those removed.
func dropOutputs(folder *outFolder, out string, o *Outcome) []string {
	var gone []string
	files := targets(out, AllFormats, o.Job)
	files = append(files, SigningMapName(files[0]), PreviewName(files[0]))
	// The appendix files this run wrote before the document failed.
	for _, t := range o.Targets {
		if !slices.Contains(files, t) {
			files = append(files, t)
		}
		if strings.HasSuffix(t, ".pdf") && !slices.Contains(files, SigningMapName(t)) {
			files = append(files, SigningMapName(t))
		}
	}
	for _, t := range files {
		// Removed whether or not the folder held it when the batch began:
		// a document can fail after its files were written this run.
		if err := os.Remove(t); err == nil {
			gone = append(gone, t)
		}
	}
	parts, _ := folder.removeParts(o.Job.Stem(), 0)
	return append(gone, parts...)
}

// fileKey is how output names compare: case-folded and NFC, as Windows
// and macOS file systems compare them.
func fileKey(path string) string { return strings.ToLower(norm.NFC.String(path)) }

// partClash reports whether one of the appendix files parts of document i
// is another document's: a main file of a document of the batch (owners),
// or a file of a document the folder's manifest knows (docs: ke-hoach.phu-
// luc-1.pdf is ke-hoach.phu-luc-1.toml's). Two documents' appendix files
// never meet: they carry their documents' stems, which differ. It only
// reads, so workers may call it at once, and what it finds does not
// depend on their order.
func partClash(parts []string, i int, owners map[string]int, docs map[string]string, outcomes []Outcome) (diag.Diagnostic, bool) {
	b := outcomes[i].Job.Path()
	for _, t := range parts {
		if k, ok := owners[fileKey(t)]; ok && k != i {
			return diag.New(diag.Pos{File: b}, diag.CodeOutputClash, t, outcomes[k].Job.Path(), b), true
		}
		if a := docOf(docs, partDoc(t)); a != "" && a != b {
			return diag.New(diag.Pos{File: b}, diag.CodeOutputClash, t, a, b), true
		}
	}
	return diag.Diagnostic{}, false
}

// docOf is the path of the document of stem in docs, if its file is
// still there (the manifest keeps documents since removed).
func docOf(docs map[string]string, stem string) string {
	p := docs[stem]
	if p == "" {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// partDoc is the stem of the document an appendix file at path would be
// the main file of: "ke-hoach.phu-luc-1" for ke-hoach.phu-luc-1.pdf.
func partDoc(path string) string {
	name := filepath.Base(path)
	stem, n, ok := parsePart(name)
	if !ok {
		return ""
	}
	return name[:len(stem)+len(partInfix)+len(strconv.Itoa(n))]
}

// clashes finds documents that would write the same output file (two
// folders each with ke-hoach.toml built into one -o): each of them gets an
// error, before anything is written. Names compare as Windows and macOS
// file systems do: case-folded and NFC. It also returns, by fileKey, the
// document each file belongs to (the first to name it).
func clashes(outcomes []Outcome) (map[int]diag.Diagnostic, map[string]int) {
	out := map[int]diag.Diagnostic{}
	first := map[string]int{} // by fileKey, the first document to name the file
	for i, o := range outcomes {
		for _, t := range o.Targets {
			key := fileKey(t)
			k, seen := first[key]
			if !seen {
				first[key] = i
				continue
			}
			if k == i {
				continue
			}
			a, b := outcomes[k].Job.Path(), o.Job.Path()
			out[i] = diag.New(diag.Pos{File: b}, diag.CodeOutputClash, t, a, b)
			out[k] = diag.New(diag.Pos{File: a}, diag.CodeOutputClash, t, a, b)
		}
	}
	return out, first
}

// String names a status for logs and tests.
func (s Status) String() string {
	return [...]string{"built", "unchanged", "failed", "not-started"}[s]
}
