package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"vanban/fonts"
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
	"vanban/internal/tmpl"
	"vanban/templates"

	"golang.org/x/text/unicode/norm"
)

// ProfileName is the shared profile of a workspace.
const ProfileName = "vanban.toml"

// job is one document to build: its folder (the workspace) and file name.
type job struct {
	dir, name string
}

func (j job) path() string { return filepath.Join(j.dir, j.name) }

// engine holds what every document of a run shares: the fonts and, per
// workspace, the template set.
type engine struct {
	fonts    *font.Set
	fontHash []byte // SHA-256 of the embedded font files
	sets     map[string]*tmpl.Set
	// inputs and prepared cache the documents, for citations.
	inputs    map[string]loaded
	prepared  map[string]prepared
	registers map[string]*register.Register // per workspace, opened on first use
	// tmplDiags are the problems of each workspace's own templates.
	tmplDiags map[string]diag.List
}

func newEngine() (*engine, error) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		return nil, err
	}
	fh := sha256.New()
	for i := range 4 {
		fh.Write(f.Face(font.Style(i)).Data)
	}
	return &engine{fonts: f, fontHash: fh.Sum(nil), sets: map[string]*tmpl.Set{}, tmplDiags: map[string]diag.List{}, inputs: map[string]loaded{}, prepared: map[string]prepared{}, registers: map[string]*register.Register{}}, nil
}

// set returns the templates of the workspace dir: the built-ins, shadowed or
// extended by dir/templates.
func (e *engine) set(dir string) (*tmpl.Set, diag.List) {
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

// result is what building one document gives.
type result struct {
	hash  string // identity of the inputs, for the manifest
	pdf   []byte
	docx  []byte
	pages int
	diags diag.List
	doc   *model.Document // nil when the data has errors
	lay   *layout.Result  // nil when the data has errors
}

// build runs every stage for one document; render is false for check.
// formatSet says which files to write.
type formatSet struct{ pdf, docx bool }

var allFormats = formatSet{pdf: true, docx: true}

// parseFormats reads the -dinh-dang flag: "pdf", "docx" or "pdf,docx".
func parseFormats(s string) (formatSet, bool) {
	var f formatSet
	for _, p := range strings.Split(s, ",") {
		switch strings.TrimSpace(strings.ToLower(p)) {
		case "pdf":
			f.pdf = true
		case "docx":
			f.docx = true
		default:
			return f, false
		}
	}
	return f, f.pdf || f.docx
}

func (e *engine) build(j job, render bool) (res result, err error) {
	return e.buildFormats(j, render, allFormats)
}

// model runs every stage up to the model and its hash.
func (e *engine) model(j job, formats formatSet) (result, error) {
	return e.stages(j, formats)
}

func (e *engine) buildFormats(j job, render bool, formats formatSet) (res result, err error) {
	res, err = e.stages(j, formats)
	if err != nil || res.doc == nil {
		return res, err
	}
	if !render {
		return res, e.layout(&res)
	}
	return res, e.render(&res, formats)
}

func (e *engine) stages(j job, formats formatSet) (res result, err error) {
	set, tds := e.set(j.dir)
	res.diags.Append(tds)
	if tds.HasErrors() {
		return res, nil
	}
	in, ds := e.prepare(j)
	res.diags.Append(ds)
	if in == nil {
		return res, nil
	}
	t, _ := set.Get(in.Template)
	res.diags.Append(relocate(law.Check(in, t.Grants), j.dir))
	if res.diags.HasErrors() {
		return res, nil
	}
	doc, ds := set.Build(in)
	res.diags.Append(relocate(ds, j.dir))
	if doc == nil {
		return res, nil
	}
	res.diags.Append(relocate(checks(in), j.dir))
	res.doc = doc
	res.hash = e.hash(doc, formats)
	return res, nil
}

// layout lays out res.doc, once.
func (e *engine) layout(res *result) error {
	if res.lay != nil {
		return nil
	}
	lay, err := layout.Layout(res.doc, format.NewSheet(res.doc.Kind), e.fonts)
	if err != nil {
		return err
	}
	res.lay, res.pages = lay, len(lay.Pages)
	return nil
}

// render lays out res.doc and writes its files into res.
func (e *engine) render(res *result, formats formatSet) error {
	if err := e.layout(res); err != nil {
		return err
	}
	doc, lay := res.doc, res.lay
	if formats.pdf {
		var buf bytes.Buffer
		if err := pdf.Write(&buf, lay); err != nil {
			return err
		}
		res.pdf = buf.Bytes()
	}
	if formats.docx {
		var buf bytes.Buffer
		if err := docx.Write(&buf, doc, format.NewSheet(doc.Kind), e.fonts); err != nil {
			return err
		}
		res.docx = buf.Bytes()
	}
	return nil
}

// hash is the identity of everything a document's files are made from: the
// tool's version (layout rules and renderers are code), the fonts, the
// formats asked for, and the model, which holds the text of the data, the
// template, the profile, the register's number and date and every cited
// number, date and list.
func (e *engine) hash(doc *model.Document, formats formatSet) string {
	h := sha256.New()
	fmt.Fprintf(h, "vanban %s\nfonts %x\nformats %v\n", version(), e.fontHash, formats)
	model.Dump(h, doc)
	return hex.EncodeToString(h.Sum(nil))
}

// checks returns the warnings about a document that still builds.
func checks(in *data.Input) diag.List {
	var l diag.List
	at := func(key string) diag.Pos {
		if p, ok := in.Pos[key]; ok {
			return p
		}
		return diag.Pos{File: in.File, Line: 1, Col: 1}
	}
	if in.Number == 0 {
		l.Add(diag.New(at("so"), diag.CodeNoNumber))
	}
	if !in.Date.Complete() {
		l.Add(diag.New(at("ngay"), diag.CodeDateNoDay))
	}
	if n := len([]rune(in.Summary)); n > 500 {
		l.Add(diag.New(at("trich_yeu"), diag.CodeLongSummary, n))
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

// jobs expands the command-line paths into documents, sorted by path.
func jobs(paths []string) ([]job, diag.List) {
	var out []job
	var diags diag.List
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			diags.Add(diag.New(diag.Pos{File: p}, diag.CodeReadFile, "không tìm thấy tệp hoặc thư mục"))
			continue
		}
		if !st.IsDir() {
			out = append(out, job{filepath.Dir(p), filepath.Base(p)})
			continue
		}
		names, _ := filepath.Glob(filepath.Join(p, "*.toml"))
		n := 0
		for _, name := range names {
			if filepath.Base(name) == ProfileName {
				continue
			}
			out = append(out, job{p, filepath.Base(name)})
			n++
		}
		if n == 0 {
			diags.Add(diag.New(diag.Pos{File: p}, diag.CodeNoDocs))
		}
	}
	sort.Slice(out, func(i, k int) bool { return out[i].path() < out[k].path() })
	// A document named twice (a file and its folder) is built once.
	out = slices.CompactFunc(out, func(a, b job) bool { return filepath.Clean(a.path()) == filepath.Clean(b.path()) })
	return out, diags
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, render bool) int {
	name := "build"
	if !render {
		name = "check"
	}
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	opt := buildOptions{render: render, out: "out"}
	formatsFlag := "pdf,docx"
	if render {
		fl.StringVar(&opt.out, "o", "out", "thư mục ghi tệp kết quả")
		fl.StringVar(&formatsFlag, "dinh-dang", "pdf,docx", `định dạng tệp kết quả: "pdf", "docx" hoặc "pdf,docx"`)
		fl.BoolVar(&opt.force, "force", false, "tạo lại mọi văn bản, kể cả văn bản không thay đổi")
		fl.IntVar(&opt.workers, "j", runtime.NumCPU(), "số văn bản tạo cùng lúc")
	} else {
		fl.StringVar(&opt.dump, "in", "", `in cấu trúc văn bản: "mo-hinh" (mô hình) hoặc "dan-trang" (vị trí từng dòng)`)
	}
	fl.Usage = func() {
		if render {
			fmt.Fprintf(stderr, "Cách dùng: vanban build [-o THƯ_MỤC] [-dinh-dang pdf,docx] [-force] [ĐƯỜNG_DẪN...]   (mặc định: thư mục hiện tại)\n")
		} else {
			fmt.Fprintf(stderr, "Cách dùng: vanban check [-in mo-hinh|dan-trang] [ĐƯỜNG_DẪN...]   (mặc định: thư mục hiện tại)\n")
		}
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	var okFormats bool
	opt.formats, okFormats = parseFormats(formatsFlag)
	if !okFormats || (opt.dump != "" && opt.dump != "mo-hinh" && opt.dump != "dan-trang") {
		fl.Usage()
		return exitUsage
	}
	if len(paths) == 0 {
		paths = []string{"."} // the workspace the clerk is in
	}
	js, diags := jobs(paths)
	diag.Print(stderr, diags, sources())
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer eng.close()
	code := runBatch(ctx, eng, js, opt, stdout, stderr)
	if diags.HasErrors() {
		code = max(code, exitDiag)
	}
	return code
}

// buildOptions are the flags of build and check.
type buildOptions struct {
	render  bool
	out     string
	formats formatSet
	force   bool
	workers int
	dump    string
}

// runBatch builds jobs: the data, citations and models one after the other
// (they share the workspace's caches), then the stale documents' files on
// opt.workers workers, each written atomically. It prints the diagnostics
// and one line per document in input order, a progress bar on a terminal,
// and a summary; it returns the exit code.
func runBatch(ctx context.Context, eng *engine, js []job, opt buildOptions, stdout, stderr io.Writer) int {
	src := sources()
	results := make([]result, len(js))
	errs := make([]error, len(js))
	for i, j := range js {
		if ctx.Err() != nil {
			return interrupted(stdout, 0, len(js))
		}
		// The model and its hash only; the layout comes with the files, and
		// only for the documents that need them.
		results[i], errs[i] = eng.model(j, opt.formats)
		results[i].diags.Sort()
		if errs[i] == nil && !opt.render && !results[i].diags.HasErrors() {
			errs[i] = eng.layout(&results[i])
			if opt.dump != "dan-trang" {
				results[i].lay = nil
			}
		}
	}
	// Which documents need their files made.
	var manifest *batch.Manifest
	stale := make([]bool, len(js))
	var todo []int
	if opt.render {
		for i, d := range clashes(opt, js) {
			results[i].diags.Add(d)
		}
		batch.CleanTemp(opt.out)
		manifest = batch.LoadManifest(opt.out)
		for i, j := range js {
			if errs[i] != nil || results[i].diags.HasErrors() {
				continue
			}
			stale[i] = opt.force || !manifest.Fresh(j.path(), results[i].hash, targets(opt, j)...)
			if stale[i] {
				todo = append(todo, i)
			}
		}
	}
	bar := newProgress(stderr, len(todo))
	skipped := make([]bool, len(js)) // stale, but not started: the run was interrupted
	batch.Run(len(todo), opt.workers, func(k int) {
		i := todo[k]
		if ctx.Err() != nil {
			skipped[i] = true
			return
		}
		if errs[i] = eng.render(&results[i], opt.formats); errs[i] != nil {
			return
		}
		errs[i] = writeOutputs(opt, js[i], results[i])
		// The files are on disk: let their bytes and the layout go.
		results[i].pdf, results[i].docx, results[i].lay, results[i].doc = nil, nil, nil, nil
	}, func(finished, k int) { bar.step(finished, js[todo[k]].name) })
	bar.done()

	code := exitOK
	built, unchanged, failed, notStarted := 0, 0, 0, 0
	for i, j := range js {
		res, err := results[i], errs[i]
		prefix := fmt.Sprintf("[%d/%d] ", i+1, len(js))
		switch {
		case skipped[i]:
			notStarted++
		case err != nil && errors.Is(err, errOutput):
			d := diag.New(diag.Pos{File: j.path()}, diag.CodeOutput, opt.out, osErrText(err))
			diag.Print(stderr, diag.List{d}, nil)
			failed++
			code = max(code, exitDiag)
			dropOutputs(opt, j, manifest, stderr)
		case err != nil:
			fmt.Fprintf(stderr, "%s: lỗi nội bộ: %v\n", j.path(), err)
			failed++
			code = max(code, exitInternal)
			dropOutputs(opt, j, manifest, stderr)
		case res.diags.HasErrors():
			diag.Print(stderr, res.diags, src)
			failed++
			code = max(code, exitDiag)
			dropOutputs(opt, j, manifest, stderr)
		case !opt.render:
			diag.Print(stderr, res.diags, src)
			switch opt.dump {
			case "mo-hinh":
				model.Dump(stdout, res.doc)
			case "dan-trang":
				layout.Dump(stdout, res.lay)
			}
			fmt.Fprintf(stdout, "%s%s: hợp lệ (%d trang)\n", prefix, j.path(), res.pages)
			built++
		case !stale[i]:
			unchanged++
		default:
			diag.Print(stderr, res.diags, src)
			fmt.Fprintf(stdout, "%s%s → %s (%d trang)\n", prefix, j.path(), strings.Join(targets(opt, j), ", "), res.pages)
			manifest.Set(j.path(), res.hash)
			built++
		}
	}
	if manifest != nil && (built > 0 || failed > 0) {
		if err := manifest.Save(); err != nil {
			fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", batch.ManifestName, err)
		}
	}
	if opt.render {
		fmt.Fprintf(stdout, "Tổng cộng: %d văn bản đã tạo, %d không thay đổi, %d văn bản lỗi.\n", built, unchanged, failed)
	} else {
		fmt.Fprintf(stdout, "Tổng cộng: %d văn bản hợp lệ, %d văn bản lỗi.\n", built, failed)
	}
	if notStarted > 0 || ctx.Err() != nil {
		return interrupted(stdout, notStarted, len(js))
	}
	return code
}

// interrupted prints what a Ctrl-C left undone and returns exitInterrupted.
func interrupted(w io.Writer, notStarted, total int) int {
	if notStarted > 0 {
		fmt.Fprintf(w, "Đã dừng theo yêu cầu (Ctrl-C): %d/%d văn bản chưa được tạo; chạy lại lệnh để tạo tiếp.\n", notStarted, total)
	} else {
		fmt.Fprintln(w, "Đã dừng theo yêu cầu (Ctrl-C); chạy lại lệnh để tạo tiếp.")
	}
	return exitInterrupted
}

// dropOutputs removes the files a failed document made in an earlier run,
// so that no PDF or DOCX that no longer matches its data stays in the output
// folder looking current, and says so.
func dropOutputs(opt buildOptions, j job, manifest *batch.Manifest, w io.Writer) {
	if !opt.render {
		return
	}
	manifest.Forget(j.path())
	var gone []string
	for _, t := range targets(buildOptions{out: opt.out, formats: allFormats}, j) {
		if err := os.Remove(t); err == nil {
			gone = append(gone, t)
		}
	}
	if len(gone) > 0 {
		fmt.Fprintf(w, "    đã xóa bản cũ %s (không còn khớp với dữ liệu)\n", strings.Join(gone, ", "))
	}
}

// clashes finds documents that would write the same output file (two
// folders each with ke-hoach.toml built into one -o): each of them gets an
// error, before anything is written. Names compare as Windows and macOS
// file systems do: case-folded and NFC.
func clashes(opt buildOptions, js []job) map[int]diag.Diagnostic {
	out := map[int]diag.Diagnostic{}
	first := map[string]int{}
	for i, j := range js {
		for _, t := range targets(opt, j) {
			key := strings.ToLower(norm.NFC.String(t))
			k, seen := first[key]
			if !seen {
				first[key] = i
				continue
			}
			if k == i {
				continue
			}
			out[i] = diag.New(diag.Pos{File: j.path()}, diag.CodeOutputClash, t, js[k].path(), j.path())
			out[k] = diag.New(diag.Pos{File: js[k].path()}, diag.CodeOutputClash, t, js[k].path(), j.path())
		}
	}
	return out
}

// targets are the files a document makes in the output folder.
func targets(opt buildOptions, j job) []string {
	stem := filepath.Join(opt.out, strings.TrimSuffix(j.name, filepath.Ext(j.name)))
	var out []string
	if opt.formats.pdf {
		out = append(out, stem+".pdf")
	}
	if opt.formats.docx {
		out = append(out, stem+".docx")
	}
	return out
}

// errOutput marks a failure to write the output folder.
var errOutput = errors.New("output")

func writeOutputs(opt buildOptions, j job, res result) error {
	for _, t := range targets(opt, j) {
		data := res.pdf
		if strings.HasSuffix(t, ".docx") {
			data = res.docx
		}
		if err := batch.WriteFile(t, data); err != nil {
			return fmt.Errorf("%w: %w", errOutput, err)
		}
	}
	return nil
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

// sources reads files for diagnostic excerpts.
func sources() diag.Sources {
	return func(file string) ([]byte, bool) {
		b, err := os.ReadFile(file)
		return b, err == nil
	}
}
