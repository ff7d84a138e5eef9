// Package engine runs vanban's pipeline for the CLI, the tests and any other
// front end alike: it loads a workspace's documents, resolves citations and
// inherited lists, reconciles them with the register, builds the model,
// computes each document's build hash, and lays out and renders PDF and
// DOCX. Batch builds many documents at once with a manifest of what is
// current.
//
//	data → tmpl (model) → layout → render/pdf
//	                    ↘ render/docx
package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"vanban/internal/batch"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/law"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/register"
	"vanban/internal/render/docx"
	"vanban/internal/render/pdf"
	"vanban/internal/resolve"
	"vanban/internal/tmpl"
	"vanban/templates"
)

// ProfileName is the shared profile of a workspace.
const ProfileName = "vanban.toml"

// Job is one document to build: its folder (the workspace) and file name.
type Job struct {
	Dir, Name string
	// Src, when not nil, is the document's text as edited but not saved
	// (the desk's live preview): it is read instead of the file, and the
	// document is not cached, so the next job sees the file again. The
	// documents it cites are read from their files as usual.
	Src []byte
}

// Path is the document's file.
func (j Job) Path() string { return filepath.Join(j.Dir, j.Name) }

// Stem is the document's name without ".toml": its identity in the
// register, in citations and in output names.
func (j Job) Stem() string { return strings.TrimSuffix(j.Name, filepath.Ext(j.Name)) }

// Options configure an Engine.
type Options struct {
	// Version of the tool; part of every build hash, so a new release
	// rebuilds what it lays out differently.
	Version string
	// Now is the clock, read only to tell how old a temporary file left by
	// a killed run is; nil means a clock at the zero time (nothing is old).
	Now func() time.Time
	// Year is the current year, for the examples of hints; 0 means the
	// data package's fallback. The CLI reads it from the clock.
	Year int
	// FontDirs are searched for Times New Roman (see FontDirs); nil embeds
	// Liberation Serif always, as the tests do.
	FontDirs []string
	// Edition, when not "", is the edition every document is built in
	// ("giay" or "dien-tu", the -ban flag), over the key ban of the data.
	Edition string
	// SigFields adds empty signature fields (AcroForm /Sig) at ô 7c and
	// ô 8 of every electronic document's PDF (the -truong-ky flag).
	SigFields bool
}

// Engine holds what every document of a run shares: the fonts and, per
// workspace, the template set, the register and the loaded documents (for
// citations). It is used by one goroutine at a time, except Render, which
// workers may call concurrently for different results.
type Engine struct {
	opt        Options
	fonts      *font.Set
	fontChoice FontChoice
	fontHash   []byte // SHA-256 of the font files documents are drawn with
	sets       map[string]*tmpl.Set
	// tmplDiags are the problems of each workspace's own templates.
	tmplDiags map[string]diag.List
	// inputs and prepared cache the documents, for citations.
	inputs    map[string]loaded
	prepared  map[string]prepared
	cited     map[string]bool               // documents some other document cites: kept in the caches
	registers map[string]*register.Register // per workspace, opened on first use; nil when it has none
	profiles  map[string]*data.Profile      // per workspace, read on first use; nil when it has none
	inputsState
}

// New loads the embedded fonts and returns an engine.
func New(opt Options) (*Engine, error) {
	f, choice, err := loadFonts(opt.FontDirs)
	if err != nil {
		return nil, err
	}
	fh := sha256.New()
	for i := range 4 {
		fh.Write(f.Face(font.Style(i)).Data)
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return time.Time{} }
	}
	return &Engine{
		opt: opt, fonts: f, fontHash: fh.Sum(nil), fontChoice: choice,
		sets: map[string]*tmpl.Set{}, tmplDiags: map[string]diag.List{},
		inputs: map[string]loaded{}, prepared: map[string]prepared{}, cited: map[string]bool{}, registers: map[string]*register.Register{},
	}, nil
}

// Close closes the registers the engine opened.
func (e *Engine) Close() {
	for _, r := range e.registers {
		if r != nil {
			r.Close()
		}
	}
}

// FontChoice says which font documents are drawn with, and why.
func (e *Engine) FontChoice() FontChoice { return e.fontChoice }

// Fonts are the fonts documents are laid out with.
func (e *Engine) Fonts() *font.Set { return e.fonts }

// Templates returns the templates of the workspace dir: the built-ins,
// shadowed or extended by dir/templates, and the problems of the
// workspace's own templates.
func (e *Engine) Templates(dir string) (*tmpl.Set, diag.List) {
	if s, ok := e.sets[dir]; ok {
		return s, e.tmplDiags[dir]
	}
	fss := []fs.FS{templates.FS, nil}
	own := filepath.Join(dir, "templates")
	if st, err := os.Stat(own); err == nil && st.IsDir() {
		fss[1] = os.DirFS(own)
	}
	s, ds := tmpl.Load(fss, []string{"templates", own})
	e.sets[dir], e.tmplDiags[dir] = s, ds
	return s, ds
}

// Formats says which files to write.
type Formats struct{ PDF, DOCX bool }

// AllFormats is PDF and DOCX.
var AllFormats = Formats{PDF: true, DOCX: true}

// ParseFormats reads "pdf", "docx" or "pdf,docx".
func ParseFormats(s string) (Formats, bool) {
	var f Formats
	for _, p := range strings.Split(s, ",") {
		switch strings.TrimSpace(strings.ToLower(p)) {
		case "pdf":
			f.PDF = true
		case "docx":
			f.DOCX = true
		default:
			return f, false
		}
	}
	return f, f.PDF || f.DOCX
}

// Result is what building one document gives.
type Result struct {
	Hash   string // identity of the inputs, for the manifest
	PDF    []byte
	DOCX   []byte
	Pages  int
	Diags  diag.List
	Doc    *model.Document // nil when the data has errors
	Layout *layout.Result  // nil until laid out
	// Parts are the appendices issued as files of their own
	// (model.Document.Separate: phu_luc_rieng of an electronic document),
	// in order; then PDF, DOCX and Layout are the document without them.
	// Nil otherwise.
	Parts []Part
}

// Part is an appendix in a file of its own, <stem>.phu-luc-N.pdf and .docx
// (see PartStem).
type Part struct {
	PDF    []byte
	DOCX   []byte
	Layout *layout.Result // nil until laid out
}

// Layouts returns the laid-out pages of the document, then those of each
// appendix it issues apart that is laid out.
func (r *Result) Layouts() []*layout.Result {
	if r.Layout == nil {
		return nil
	}
	l := []*layout.Result{r.Layout}
	for _, p := range r.Parts {
		if p.Layout != nil {
			l = append(l, p.Layout)
		}
	}
	return l
}

// Build runs every stage for one document, and renders both formats when
// render is true (else it lays out only, as check does).
func (e *Engine) Build(j Job, render bool) (Result, error) {
	return e.BuildFormats(j, render, AllFormats)
}

// BuildFormats is Build for the formats asked for.
func (e *Engine) BuildFormats(j Job, render bool, formats Formats) (Result, error) {
	res, err := e.Model(j, formats)
	if err != nil || res.Doc == nil {
		return res, err
	}
	if !render {
		return res, e.Layout(&res)
	}
	return res, e.Render(&res, formats)
}

// Model runs every stage up to the model and its hash. A document with
// errors has a nil Doc and its diagnostics.
func (e *Engine) Model(j Job, formats Formats) (res Result, err error) {
	res, st := e.modelStart(j)
	if st.in != nil {
		e.modelFinish(&res, st, formats)
	}
	return res, nil
}

// modelStage is a document between the two stages of Model: loaded, with
// its citations, inherited lists and register entries resolved, which
// uses the engine's caches and so runs one document at a time; not yet
// built from its template, which touches nothing shared (templates and
// the parser are safe for concurrent use; the Input is only read) and so
// may run on any goroutine.
type modelStage struct {
	set *tmpl.Set
	in  *data.Input // nil: the document failed before its model
	dir string
}

// modelStart is the sequential stage of Model.
func (e *Engine) modelStart(j Job) (res Result, st modelStage) {
	// A broken workspace template fails only the documents that use it:
	// its problems come with the document (input), not with every one.
	set, _ := e.Templates(j.Dir)
	in, ds := e.prepare(j)
	res.Diags.Append(ds)
	if in == nil {
		return res, st
	}
	t, _ := set.Get(in.Template)
	res.Diags.Append(relocate(law.Check(in, t.Grants), j.Dir))
	if res.Diags.HasErrors() {
		return res, st
	}
	return res, modelStage{set: set, in: in, dir: j.Dir}
}

// modelFinish builds the model of a document modelStart prepared, and its
// hash, into res.
func (e *Engine) modelFinish(res *Result, st modelStage, formats Formats) {
	doc, ds := st.set.Build(st.in)
	res.Diags.Append(relocate(ds, st.dir))
	if doc == nil {
		return
	}
	res.Diags.Append(relocate(ApplyMarks(doc, st.in, e.opt.Edition), st.dir))
	if res.Diags.HasErrors() {
		return
	}
	res.Diags.Append(relocate(checks(st.in, doc), st.dir))
	res.Doc = doc
	res.Hash = e.hash(doc, formats)
}

// Layout lays out res.Doc, once. Content that cannot be placed inside the
// margins (a table row taller than a page) is an error in res.Diags, and
// res.Layout stays nil: nothing is drawn off the page.
func (e *Engine) Layout(res *Result) error {
	if res.Layout != nil || res.Doc == nil {
		return nil
	}
	// Presentation is decided once, from one sheet; the DOCX writer gets the
	// same resolved document through the layout (Result.Doc).
	doc := res.Doc
	if doc.Separate() {
		// The appendices go into files of their own (Phụ lục I, III.1.d):
		// the document's file is the document without them.
		d := *doc
		d.Appendices = nil
		doc = &d
	}
	sheet := format.NewSheet(doc.Kind)
	rd, err := resolve.Resolve(doc, sheet, e.fonts)
	if err != nil {
		return err
	}
	lay, err := e.place(res, rd)
	if err != nil || lay == nil {
		return err
	}
	var parts []Part
	if res.Doc.Separate() {
		rps, err := resolve.Parts(res.Doc, sheet, e.fonts)
		if err != nil {
			return err
		}
		for _, rp := range rps {
			pl, err := e.place(res, rp)
			if err != nil || pl == nil {
				return err
			}
			parts = append(parts, Part{Layout: pl})
		}
	}
	res.Layout, res.Pages, res.Parts = lay, len(lay.Pages), parts
	return nil
}

// place places rd; content that cannot be placed inside the margins is an
// error in res.Diags, and the result nil.
func (e *Engine) place(res *Result, rd *resolve.Document) (*layout.Result, error) {
	lay, err := layout.Place(rd, e.fonts)
	var pe *layout.PlaceError
	if errors.As(err, &pe) {
		what := "một đường kẻ"
		if pe.Text != "" {
			what = fmt.Sprintf("đoạn %q", pe.Text)
		}
		res.Diags.Add(diag.New(res.Doc.Pos(), diag.CodeTooManyPages,
			fmt.Sprintf("trang %d: %s không đặt vừa trong lề trang", pe.Page, what)))
		return nil, nil
	}
	return lay, err
}

// Render lays out res.Doc and writes its files into res; a document that
// cannot be laid out gets no files (see Layout).
func (e *Engine) Render(res *Result, formats Formats) error {
	if err := e.Layout(res); err != nil || res.Layout == nil {
		return err
	}
	var err error
	if res.PDF, res.DOCX, err = e.write(res.Doc, res.Layout, formats); err != nil {
		return err
	}
	for i := range res.Parts {
		p := &res.Parts[i]
		if p.PDF, p.DOCX, err = e.write(res.Doc, p.Layout, formats); err != nil {
			return err
		}
	}
	return nil
}

// write renders one laid-out file of doc (the document, or one of its
// parts) in the formats asked for.
func (e *Engine) write(doc *model.Document, lay *layout.Result, formats Formats) (pdfData, docxData []byte, err error) {
	if formats.PDF {
		var buf bytes.Buffer
		// PDF/A-2b always: it costs a few kilobytes (the sRGB profile) and
		// a tenth of a millisecond, and makes every file fit for long-term
		// archiving with nothing for the clerk to choose.
		opt := pdf.Options{PDFA: true}
		if doc.Number.Value != 0 {
			opt.Keywords = doc.Number.Text()
		}
		if e.opt.SigFields {
			opt.SigFields = SignatureFields(lay)
		}
		if err := pdf.WriteOptions(&buf, lay, opt); err != nil {
			return nil, nil, err
		}
		pdfData = buf.Bytes()
	}
	if formats.DOCX {
		var buf bytes.Buffer
		if err := docx.Write(&buf, lay.Doc); err != nil {
			return nil, nil, err
		}
		docxData = buf.Bytes()
	}
	return pdfData, docxData, nil
}

// hash is the identity of everything a document's files are made from: the
// tool's version (layout rules and renderers are code), the fonts, the
// formats asked for, and the model, which holds the text of the data, the
// template, the profile, the register's number and date and every cited
// number, date and list.
func (e *Engine) hash(doc *model.Document, formats Formats) string {
	h := sha256.New()
	fmt.Fprintf(h, "vanban %s\nfonts %x\nformats {%v %v}\n", e.opt.Version, e.fontHash, formats.PDF, formats.DOCX)
	if e.opt.SigFields {
		// Not in the model, but in the PDF: a build with the fields and
		// one without make different files.
		io.WriteString(h, "sigfields\n")
	}
	model.Fingerprint(h, doc)
	return hex.EncodeToString(h.Sum(nil))
}

// checks returns the warnings about a document that still builds.
func checks(in *data.Input, doc *model.Document) diag.List {
	var l diag.List
	// A form printed without a number (khong_so: a Báo cáo thành tích)
	// does not wait for one.
	if in.Number == 0 && !doc.Unnumbered {
		l.Add(diag.New(in.At("so"), diag.CodeNoNumber))
	}
	if !in.Date.Complete() {
		l.Add(diag.New(in.At("ngay"), diag.CodeDateNoDay))
	}
	if n := len([]rune(in.Summary)); n > 500 {
		l.Add(diag.New(in.At("trich_yeu"), diag.CodeLongSummary, n))
	}
	// A "…" of the starter file ("vanban new") still waiting for text.
	for _, p := range data.Placeholders(in) {
		l.Add(diag.New(p.At, diag.CodePlaceholder, p.Key))
	}
	return l
}

// relocate prefixes the file names of diagnostics made relative to dir.
func relocate(l diag.List, dir string) diag.List {
	out := make(diag.List, len(l))
	for i, d := range l {
		if d.Pos.File != "" && !filepath.IsAbs(d.Pos.File) && !strings.HasPrefix(d.Pos.File, "templates") {
			d.Pos.File = filepath.Join(dir, d.Pos.File)
		}
		out[i] = d
	}
	return out
}

// Jobs expands paths (document files or workspace folders) into documents,
// sorted by path; a document named twice is one job. A run past
// MaxRunDocs or MaxRunInput is an error and has no jobs.
func Jobs(paths []string) ([]Job, diag.List) {
	var out []Job
	var diags diag.List
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			diags.Add(diag.New(diag.Pos{File: p}, diag.CodeReadFile, "không tìm thấy tệp hoặc thư mục"))
			continue
		}
		if !st.IsDir() {
			out = append(out, Job{Dir: filepath.Dir(p), Name: filepath.Base(p)})
			continue
		}
		n := 0
		for _, name := range WorkspaceDocs(p) {
			out = append(out, Job{Dir: p, Name: name + ".toml"})
			n++
		}
		if n == 0 {
			diags.Add(diag.New(diag.Pos{File: p}, diag.CodeNoDocs))
		}
	}
	sort.Slice(out, func(i, k int) bool { return out[i].Path() < out[k].Path() })
	// A document named twice (a file and its folder) is built once.
	out = slices.CompactFunc(out, func(a, b Job) bool { return filepath.Clean(a.Path()) == filepath.Clean(b.Path()) })
	if l := runLimits(out); l.HasErrors() {
		return nil, append(diags, l...)
	}
	return out, diags
}

// WorkspaceDocs are the documents of a workspace folder, by stem, sorted.
func WorkspaceDocs(dir string) []string {
	names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	var out []string
	for _, n := range names {
		if b := filepath.Base(n); b != ProfileName {
			out = append(out, strings.TrimSuffix(b, ".toml"))
		}
	}
	return out
}

// Sources reads files for diagnostic excerpts.
func Sources() diag.Sources {
	return func(file string) ([]byte, bool) {
		b, err := os.ReadFile(file)
		return b, err == nil
	}
}

// ManifestName is the file in an output folder that records what was built.
const ManifestName = batch.ManifestName

// DumpModel prints res.Doc in the model's text form.
func DumpModel(w io.Writer, res Result) error { return model.Dump(w, res.Doc) }

// DumpLayout prints res.Layout, one line per placed item.
func DumpLayout(w io.Writer, res Result) error { return layout.Dump(w, res.Layout) }
