package desk

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/font"
	"vanban/internal/render/svg"
	"vanban/internal/tomledit"
)

// maxBody bounds a request body: a document is far smaller (see the
// engine's input limits).
const maxBody = 8 << 20

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	b, err := static.ReadFile("static/index.html")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

// font serves the faces the engine draws with (the embedded Liberation
// Serif or the Times New Roman it found), so the preview uses the very
// glyphs of the PDF.
func (s *Server) font(w http.ResponseWriter, r *http.Request) {
	st, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("style"), ".ttf"))
	if err != nil || st < 0 || st > 3 {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	b := s.eng.Fonts().Face(font.Style(st)).Data
	s.mu.Unlock()
	w.Header().Set("Content-Type", "font/ttf")
	w.Header().Set("Cache-Control", "max-age=86400")
	w.Write(b)
}

// writeJSON writes v with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// fail answers with a message for the clerk.
func fail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"loi": msg})
}

// readJSON decodes a request body into v.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(v); err != nil {
		fail(w, http.StatusBadRequest, "yêu cầu không hợp lệ: "+err.Error())
		return false
	}
	return true
}

// job returns the document called name, which must be one of the
// workspace's documents: nothing else is ever read or written, whatever
// the name holds (a path, "..", a profile).
func (s *Server) job(w http.ResponseWriter, name string) (engine.Job, bool) {
	stem, ok := strings.CutSuffix(name, ".toml")
	if ok && !strings.ContainsAny(stem, `/\`) && slices.Contains(engine.WorkspaceDocs(s.opt.Dir), stem) {
		return engine.Job{Dir: s.opt.Dir, Name: name}, true
	}
	fail(w, http.StatusNotFound, fmt.Sprintf("không có văn bản %q trong thư mục", name))
	return engine.Job{}, false
}

// hashOf is the version of a file's text the client edits from.
func hashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:12])
}

// Diag is a diagnostic as the page shows it, in the CLI's words.
type Diag struct {
	File     string   `json:"file"` // relative to the workspace
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Key      string   `json:"key"` // the key whose value holds Line in File; "" when none
	Severity string   `json:"muc"` // "lỗi" or "cảnh báo"
	Code     string   `json:"ma"`
	Msg      string   `json:"thong_bao"`
	Hints    []string `json:"goi_y"`
	Text     string   `json:"dong"` // the whole line as the CLI prints it
}

func (s *Server) diags(l diag.List, name string, src []byte) []Diag {
	l.Sort()
	out := []Diag{}
	for _, d := range l {
		file := d.Pos.File
		if rel, err := filepath.Rel(s.opt.Dir, file); err == nil && filepath.IsAbs(file) || err == nil && !strings.HasPrefix(rel, "..") {
			file = rel
		}
		var b bytes.Buffer
		diag.Print(&b, diag.List{d}, nil)
		dd := Diag{File: filepath.ToSlash(file), Line: d.Pos.Line, Col: d.Pos.Col, Code: string(d.Code), Msg: d.Msg, Hints: d.Hints,
			Severity: "lỗi", Text: strings.TrimSpace(strings.SplitN(b.String(), "\n", 2)[0])}
		if d.Severity == diag.Warning {
			dd.Severity = "cảnh báo"
		}
		if dd.File == name && src != nil {
			dd.Key = keyAt(src, d.Pos.Line)
		}
		out = append(out, dd)
	}
	return out
}

var (
	keyLine   = regexp.MustCompile(`^\s*([A-Za-z0-9_.-]+)\s*=`)
	tableLine = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?`)
)

// keyAt returns the dotted key whose value is on line (from 1) of src: the
// last key written at or before it, outside multi-line strings.
func keyAt(src []byte, line int) string {
	table, key := "", ""
	inString := false
	for i, l := range strings.Split(string(src), "\n") {
		if i >= line {
			break
		}
		if !inString {
			if m := tableLine.FindStringSubmatch(l); m != nil {
				table, key = m[1], m[1]
			} else if m := keyLine.FindStringSubmatch(l); m != nil {
				key = m[1]
				if table != "" {
					key = table + "." + m[1]
				}
			}
		}
		if strings.Count(l, `"""`)%2 == 1 || strings.Count(l, `'''`)%2 == 1 {
			inString = !inString
		}
	}
	return key
}

// DocInfo is one document of the list.
type DocInfo struct {
	Name     string `json:"ten"`
	Template string `json:"mau"`
	Number   string `json:"so"`
	Date     string `json:"ngay"`
	Summary  string `json:"trich_yeu"`
	Pending  bool   `json:"cho_cap_so"`
	Errors   int    `json:"loi"`
	Warnings int    `json:"canh_bao"`
	Diags    []Diag `json:"chan_doan"`
}

func (s *Server) docs(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Files may have been edited outside the desk: read them afresh.
	if err := s.fresh(); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	out := []DocInfo{}
	for _, stem := range engine.WorkspaceDocs(s.opt.Dir) {
		j := engine.Job{Dir: s.opt.Dir, Name: stem + ".toml"}
		src, _ := os.ReadFile(j.Path())
		info := DocInfo{Name: j.Name}
		var head struct {
			Mau      string `toml:"mau"`
			TrichYeu string `toml:"trich_yeu"`
		}
		toml.Decode(string(src), &head)
		info.Template, info.Summary = head.Mau, head.TrichYeu
		res, err := s.eng.Model(j, engine.AllFormats)
		if err != nil {
			fail(w, http.StatusInternalServerError, err.Error())
			return
		}
		if d := res.Doc; d != nil {
			info.Template = d.Kind
			if d.Number.Value != 0 {
				info.Number = d.Number.Text()
			}
			if !d.Date.IsZero() {
				info.Date = d.Date.Short()
			}
			info.Pending = d.Number.Value == 0
		}
		info.Diags = s.diags(res.Diags, j.Name, src)
		for _, d := range res.Diags {
			if d.Severity == diag.Warning {
				info.Warnings++
			} else {
				info.Errors++
			}
		}
		out = append(out, info)
	}
	writeJSON(w, http.StatusOK, out)
}

// Field is one key of a template, as the form shows it.
type Field struct {
	Key      string `json:"khoa"`
	Kind     string `json:"kieu"`
	Label    string `json:"nhan"`
	Doc      string `json:"mo_ta"`
	Required bool   `json:"bat_buoc"`
	// Rare marks the keys few documents need (the NĐ 30 marks, the
	// edition): the page keeps them folded under "Tùy chọn ít dùng".
	Rare bool    `json:"it_dung,omitempty"`
	Sub  []Field `json:"cot,omitempty"`
}

// kindNames are the template front matter's names of the kinds, and names
// for the kinds only the common keys have.
var kindNames = map[data.Kind]string{
	data.KindString: "chuoi", data.KindInt: "so", data.KindNumber: "so_vb", data.KindDate: "ngay",
	data.KindLines: "dong", data.KindList: "danh_sach", data.KindMarkdown: "noi_dung", data.KindTable: "bang",
	data.KindDocRef: "van_ban", data.KindTableList: "bang_lap", data.KindLevel: "cap", data.KindBool: "co_khong",
}

// fields are the form fields of a schema; year fills the examples of
// their descriptions (data.YearMark), as the CLI's hints do.
func fields(fs []data.Field, year int) []Field {
	out := make([]Field, 0, len(fs))
	for _, f := range fs {
		out = append(out, Field{Key: f.Key, Kind: kindNames[f.Kind], Label: f.Label, Doc: data.FillYear(f.Doc, year),
			Required: f.Required, Rare: f.Rare, Sub: fields(f.Sub, year)})
	}
	return out
}

// Doc is a document opened for editing.
type Doc struct {
	Name     string         `json:"ten"`
	Src      string         `json:"src"`
	Base     string         `json:"base"` // hashOf the file as read: Lưu refuses when the file changed since
	Template string         `json:"mau"`
	Fields   []Field        `json:"truong"`
	Values   map[string]any `json:"gia_tri"`
	Docs     []string       `json:"van_ban"` // the workspace's documents, for van_ban fields
}

func (s *Server) doc(w http.ResponseWriter, r *http.Request) {
	j, ok := s.job(w, r.URL.Query().Get("ten"))
	if !ok {
		return
	}
	src, err := os.ReadFile(j.Path())
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	d := Doc{Name: j.Name, Src: string(src), Base: hashOf(src), Values: values(src), Docs: engine.WorkspaceDocs(s.opt.Dir)}
	d.Template, _ = d.Values["mau"].(string)
	s.mu.Lock()
	set, _ := s.eng.Templates(s.opt.Dir)
	s.mu.Unlock()
	if t, ok := set.Get(d.Template); ok {
		d.Fields = fields(t.Schema.Fields, s.year())
	} else {
		d.Fields = fields(data.Common(), s.year())
	}
	writeJSON(w, http.StatusOK, d)
}

// values decodes a document for the form; nil when it does not parse.
func values(src []byte) map[string]any {
	var v map[string]any
	if _, err := toml.Decode(string(src), &v); err != nil {
		return nil
	}
	return v
}

func (s *Server) templates(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	set, _ := s.eng.Templates(s.opt.Dir)
	s.mu.Unlock()
	type tinfo struct {
		Name    string `json:"ten"`
		Summary string `json:"mo_ta"`
	}
	out := []tinfo{}
	for _, n := range set.Names() {
		t, _ := set.Get(n)
		out = append(out, tinfo{n, t.Summary})
	}
	writeJSON(w, http.StatusOK, out)
}

// Edit is one form field's new value.
type Edit struct {
	Path  string `json:"khoa"`
	Value any    `json:"gia_tri"`
}

// PreviewRequest is the text being edited and, optionally, form edits to
// apply to it first.
type PreviewRequest struct {
	Name  string `json:"ten"`
	Src   string `json:"src"`
	Edits []Edit `json:"sua"`
}

// Preview is the pages of the text being edited.
type Preview struct {
	Src    string         `json:"src"`
	Pages  []string       `json:"trang"` // one SVG per page; none when the document has errors
	Diags  []Diag         `json:"chan_doan"`
	Values map[string]any `json:"gia_tri"`
	Micros int64          `json:"us"` // time taken, in microseconds
}

// tomlValue converts a JSON value of the form into a value tomledit
// writes: numbers to integers, arrays to []string.
func tomlValue(v any) (any, error) {
	switch x := v.(type) {
	case string, bool:
		return x, nil
	case float64:
		if x != float64(int64(x)) {
			return nil, fmt.Errorf("not an integer: %v", x)
		}
		return int64(x), nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			str, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("list of %T", e)
			}
			out = append(out, str)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}

// applyEdits applies form edits to src in place.
func applyEdits(src []byte, edits []Edit) ([]byte, error) {
	pairs := make([]tomledit.Pair, 0, len(edits))
	for _, e := range edits {
		if strings.HasPrefix(e.Path, "[[") {
			continue // tables of rows: see rows.go
		}
		v, err := tomlValue(e.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Path, err)
		}
		pairs = append(pairs, tomledit.Pair{Path: e.Path, Value: v})
	}
	if len(pairs) > 0 {
		var err error
		if src, err = tomledit.SetAll(src, pairs...); err != nil {
			return nil, err
		}
	}
	for _, e := range edits {
		if key, ok := strings.CutPrefix(e.Path, "[["); ok {
			rows, err := rowsValue(e.Value)
			if err != nil {
				return nil, err
			}
			if src, err = setRows(src, strings.TrimSuffix(key, "]]"), rows); err != nil {
				return nil, err
			}
		}
	}
	return src, nil
}

func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	var req PreviewRequest
	if !readJSON(w, r, &req) {
		return
	}
	j, ok := s.job(w, req.Name)
	if !ok {
		return
	}
	src := []byte(req.Src)
	if len(req.Edits) > 0 {
		out, err := applyEdits(src, req.Edits)
		if err != nil {
			fail(w, http.StatusUnprocessableEntity, "không sửa được giá trị: "+err.Error())
			return
		}
		src = out
	}
	p, err := s.render(j, src)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// render lays out src as document j (unsaved) and draws its pages.
func (s *Server) render(j engine.Job, src []byte) (*Preview, error) {
	start := time.Now()
	j.Src = src
	s.mu.Lock()
	res, err := s.eng.Model(j, engine.Formats{PDF: true})
	if err == nil && res.Doc != nil {
		err = s.eng.Layout(&res)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	p := &Preview{Src: string(src), Pages: []string{}, Diags: s.diags(res.Diags, j.Name, src), Values: values(src)}
	if res.Layout != nil {
		// The document's pages, then those of the appendices it issues
		// apart (phu_luc_rieng), each its own file but part of what the
		// clerk checks before signing.
		for _, lay := range res.Layouts() {
			for i := range lay.Pages {
				var b strings.Builder
				if err := svg.Write(&b, lay, i, svg.Options{ID: "trang-" + strconv.Itoa(len(p.Pages)+1)}); err != nil {
					return nil, err
				}
				p.Pages = append(p.Pages, b.String())
			}
		}
	}
	p.Micros = time.Since(start).Microseconds()
	return p, nil
}

// SaveRequest is Lưu: the text to write and the version of the file it
// was edited from.
type SaveRequest struct {
	Name string `json:"ten"`
	Src  string `json:"src"`
	Base string `json:"base"`
}

func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	var req SaveRequest
	if !readJSON(w, r, &req) {
		return
	}
	j, ok := s.job(w, req.Name)
	if !ok {
		return
	}
	if _, err := toml.Decode(req.Src, new(map[string]any)); err != nil {
		fail(w, http.StatusUnprocessableEntity, "chưa lưu: tệp TOML có lỗi cú pháp, sửa trước khi lưu")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := os.ReadFile(j.Path())
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	if hashOf(cur) != req.Base {
		writeJSON(w, http.StatusConflict, map[string]string{"loi": "tệp " + j.Name + " đã bị sửa ở nơi khác sau khi mở: chưa lưu, để không ghi đè. Mở lại văn bản để xem bản mới.", "base": hashOf(cur)})
		return
	}
	if err := tomledit.WriteFile(j.Path(), []byte(req.Src)); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	if err := s.fresh(); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"base": hashOf([]byte(req.Src))})
}

var slug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,79}$`)

// newDoc is "Văn bản mới": the annotated sample of a template (vanban
// new) written as a new document of the workspace.
func (s *Server) newDoc(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Template string `json:"mau"`
		Name     string `json:"ten"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	if !slug.MatchString(req.Name) || req.Name+".toml" == engine.ProfileName {
		fail(w, http.StatusBadRequest, "tên tệp chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ ke-hoach-2025")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	set, _ := s.eng.Templates(s.opt.Dir)
	t, ok := set.Get(req.Template)
	if !ok {
		fail(w, http.StatusBadRequest, fmt.Sprintf("không có mẫu %q", req.Template))
		return
	}
	year := s.opt.Now().Year()
	f, err := os.OpenFile(filepath.Join(s.opt.Dir, req.Name+".toml"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		fail(w, http.StatusConflict, "đã có tệp "+req.Name+".toml")
		return
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	_, err = f.WriteString(engine.Sample(t, year))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.fresh()
	writeJSON(w, http.StatusOK, map[string]string{"ten": req.Name + ".toml"})
}

// buildDocs builds jobs into the output folder, calling progress (when
// not nil) after each; s.mu must be held.
func (s *Server) buildDocs(ctx context.Context, jobs []engine.Job, f engine.Formats, progress func(done, total int, name string)) ([]Diag, []string) {
	rep := s.eng.Batch(ctx, jobs, engine.BatchOptions{Render: true, Out: s.opt.Out, Formats: f, Workers: 2}, progress)
	var ds []Diag
	var files []string
	for _, o := range rep.Outcomes {
		src, _ := os.ReadFile(o.Job.Path())
		ds = append(ds, s.diags(o.Result.Diags, o.Job.Name, src)...)
		if o.Err != nil {
			ds = append(ds, Diag{File: o.Job.Name, Severity: "lỗi", Msg: o.Err.Error(), Text: o.Err.Error()})
		}
		if o.Status == engine.Built || o.Status == engine.Unchanged {
			for _, t := range o.Targets {
				files = append(files, "/out/"+filepath.Base(t))
			}
		}
	}
	if ds == nil {
		ds = []Diag{}
	}
	return ds, files
}

func (s *Server) build(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name    string `json:"ten"`
		Formats string `json:"dinh_dang"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	j, ok := s.job(w, req.Name)
	if !ok {
		return
	}
	f, ok := engine.ParseFormats(req.Formats)
	if !ok {
		f = engine.AllFormats
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ds, files := s.buildDocs(r.Context(), []engine.Job{j}, f, nil)
	writeJSON(w, http.StatusOK, map[string]any{"chan_doan": ds, "tep": files})
}

// output serves a file of the output folder, by base name only, through
// an os.Root: no name reaches outside it, by ".." or by a symbolic link.
func (s *Server) output(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if name != filepath.Base(name) || strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".docx")) {
		http.NotFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.opt.Out)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(name, ".docx") {
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	} else {
		// In: the desk prints the PDF from a frame of its own page.
		w.Header().Set("X-Frame-Options", "SAMEORIGIN")
		w.Header().Set("Content-Security-Policy", "frame-ancestors 'self'")
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// year is the current year by the desk's clock, for examples (the first
// year of the two-level local government when the clock is not set, as
// in data's hints).
func (s *Server) year() int {
	if t := s.opt.Now(); !t.IsZero() {
		return t.Year()
	}
	return 2025
}
