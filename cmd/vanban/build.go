package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"vanban/fonts"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/law"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/render/docx"
	"vanban/internal/render/pdf"
	"vanban/internal/tmpl"
	"vanban/templates"
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
	fonts *font.Set
	sets  map[string]*tmpl.Set
	// inputs and prepared cache the documents, for citations.
	inputs   map[string]loaded
	prepared map[string]prepared
	// tmplDiags are the problems of each workspace's own templates.
	tmplDiags map[string]diag.List
}

func newEngine() (*engine, error) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		return nil, err
	}
	return &engine{fonts: f, sets: map[string]*tmpl.Set{}, tmplDiags: map[string]diag.List{}, inputs: map[string]loaded{}, prepared: map[string]prepared{}}, nil
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

func (e *engine) buildFormats(j job, render bool, formats formatSet) (res result, err error) {
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
	lay, err := layout.Layout(doc, format.NewSheet(doc.Kind), e.fonts)
	if err != nil {
		return res, err
	}
	res.doc, res.lay = doc, lay
	res.pages = len(lay.Pages)
	if !render {
		return res, nil
	}
	if formats.pdf {
		var buf bytes.Buffer
		if err := pdf.Write(&buf, lay); err != nil {
			return res, err
		}
		res.pdf = buf.Bytes()
	}
	if formats.docx {
		var buf bytes.Buffer
		if err := docx.Write(&buf, doc, format.NewSheet(doc.Kind), e.fonts); err != nil {
			return res, err
		}
		res.docx = buf.Bytes()
	}
	return res, nil
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
	return out, diags
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, render bool) int {
	name := "build"
	if !render {
		name = "check"
	}
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	outDir := fl.String("o", "out", "thư mục ghi tệp kết quả")
	formatsFlag := "pdf,docx"
	if render {
		fl.StringVar(&formatsFlag, "dinh-dang", "pdf,docx", `định dạng tệp kết quả: "pdf", "docx" hoặc "pdf,docx"`)
	}
	dump := ""
	if !render {
		fl.StringVar(&dump, "in", "", `in cấu trúc văn bản: "mo-hinh" (mô hình) hoặc "dan-trang" (vị trí từng dòng)`)
	}
	fl.Usage = func() {
		if render {
			fmt.Fprintf(stderr, "Cách dùng: vanban build [-o THƯ_MỤC] [-dinh-dang pdf,docx] ĐƯỜNG_DẪN...\n")
		} else {
			fmt.Fprintf(stderr, "Cách dùng: vanban check [-in mo-hinh|dan-trang] ĐƯỜNG_DẪN...\n")
		}
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	formats, okFormats := parseFormats(formatsFlag)
	if fl.NArg() == 0 || !okFormats || (dump != "" && dump != "mo-hinh" && dump != "dan-trang") {
		fl.Usage()
		return exitUsage
	}
	js, diags := jobs(fl.Args())
	src := sources()
	diag.Print(stderr, diags, src)
	code := exitOK
	if diags.HasErrors() {
		code = exitDiag
	}
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	built, failed := 0, 0
	for i, j := range js {
		if ctx.Err() != nil {
			break
		}
		res, err := eng.buildFormats(j, render, formats)
		if err != nil {
			fmt.Fprintf(stderr, "%s: lỗi nội bộ: %v\n", j.path(), err)
			failed++
			code = max(code, exitInternal)
			continue
		}
		res.diags.Sort()
		if res.diags.HasErrors() {
			diag.Print(stderr, res.diags, src)
			failed++
			code = max(code, exitDiag)
			continue
		}
		diag.Print(stderr, res.diags, src)
		prefix := fmt.Sprintf("[%d/%d] ", i+1, len(js))
		if !render {
			switch dump {
			case "mo-hinh":
				model.Dump(stdout, res.doc)
			case "dan-trang":
				layout.Dump(stdout, res.lay)
			}
			fmt.Fprintf(stdout, "%s%s: hợp lệ (%d trang)\n", prefix, j.path(), res.pages)
			built++
			continue
		}
		stem := filepath.Join(*outDir, strings.TrimSuffix(j.name, filepath.Ext(j.name)))
		var targets []string
		var werr error
		for _, out := range []struct {
			ext  string
			data []byte
		}{{".pdf", res.pdf}, {".docx", res.docx}} {
			if out.data == nil || werr != nil {
				continue
			}
			werr = writeAtomic(stem+out.ext, out.data)
			targets = append(targets, stem+out.ext)
		}
		if werr != nil {
			d := diag.New(diag.Pos{File: j.path()}, diag.CodeOutput, *outDir, osErrText(werr))
			diag.Print(stderr, diag.List{d}, nil)
			failed++
			code = max(code, exitDiag)
			continue
		}
		fmt.Fprintf(stdout, "%s%s → %s (%d trang)\n", prefix, j.path(), strings.Join(targets, ", "), res.pages)
		built++
	}
	verb := "đã tạo"
	if !render {
		verb = "hợp lệ"
	}
	fmt.Fprintf(stdout, "Tổng cộng: %d văn bản %s, %d văn bản lỗi.\n", built, verb, failed)
	return code
}

// writeAtomic writes data to a temporary file beside path and renames it, so
// path holds either its old content or the new one, never half of a file.
func writeAtomic(path string, data []byte) error {
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
