package desk

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"slices"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/engine"
	"vanban/internal/register"
)

// Peek is what Cấp số will do, shown before the clerk confirms: the
// number the document will take (or the one it already has) and its date.
type Peek struct {
	Number string   `json:"so"`    // "05/KH-UBND"
	Date   string   `json:"ngay"`  // "10/5/2024"
	Series string   `json:"chuoi"` // the numbering series, "UBND" or "UBND/KH"
	Year   int      `json:"nam"`   // the register year: that of the date
	Has    bool     `json:"da_co"` // the document already has this number: Cấp số keeps it
	Citers []string `json:"trich"` // the documents rebuilt with it, the document first
	Diags  []Diag   `json:"chan_doan"`
}

// peek computes, without writing anything, the number document j would
// take (engine.PeekNumber: the register's next number in the document's
// series and year, cancelled numbers counted as used) and the documents
// rebuilt with it. s.mu must be held.
func (s *Server) peek(ctx context.Context, j engine.Job, asked data.Date) (Peek, error) {
	p := Peek{Diags: []Diag{}}
	src, _ := os.ReadFile(j.Path())
	entry, has, ds, err := s.eng.PeekNumber(ctx, j, engine.AssignRequest{Date: asked, Today: s.opt.Now})
	if err != nil {
		return p, err
	}
	if ds.HasErrors() || entry.Series == "" {
		p.Diags = s.diags(ds, j.Name, src)
		return p, nil
	}
	p.Has, p.Series, p.Year = has, entry.Series, entry.Year
	p.Number, p.Date = engine.EntryNumber(entry), engine.EntryDate(entry)
	p.Citers = s.citers(j)
	return p, nil
}

// registerDiagOf is a damaged register as the clerk sees it (R008).
func registerDiagOf(dir string, err error) (diag.Diagnostic, bool) {
	var ce *register.CorruptError
	if errors.As(err, &ce) {
		return diag.New(diag.Pos{File: register.FileName}, diag.CodeRegCorrupt, ce.Row, ce.Detail), true
	}
	return diag.Diagnostic{}, false
}

// citers returns document j and every workspace document that cites it,
// directly or through another citer, in workspace order after j: what a
// new number of j changes. s.mu must be held.
func (s *Server) citers(j engine.Job) []string {
	refs := map[string][]string{} // stem → the stems it cites
	docs := engine.WorkspaceDocs(s.opt.Dir)
	for _, stem := range docs {
		in, _ := s.eng.Input(engine.Job{Dir: s.opt.Dir, Name: stem + ".toml"})
		if in != nil {
			refs[stem] = engine.Cited(in)
		}
	}
	out := []string{j.Stem()}
	for grew := true; grew; {
		grew = false
		for _, stem := range docs {
			if slices.Contains(out, stem) {
				continue
			}
			for _, r := range refs[stem] {
				if slices.Contains(out, r) {
					out, grew = append(out, stem), true
					break
				}
			}
		}
	}
	for i := range out {
		out[i] += ".toml"
	}
	return out
}

func (s *Server) peekNumber(w http.ResponseWriter, r *http.Request) {
	j, ok := s.job(w, r.URL.Query().Get("ten"))
	if !ok {
		return
	}
	var asked data.Date
	if q := r.URL.Query().Get("ngay"); q != "" {
		d, reason := data.ParseDate(q)
		if reason != "" {
			fail(w, http.StatusBadRequest, "ngày "+q+" không hợp lệ: "+reason)
			return
		}
		asked = d
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fresh(); err != nil { // the register and files as they are now
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	p, err := s.peek(r.Context(), j, asked)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// Progress is one line of Cấp số's answer, a stream of JSON lines
// (application/x-ndjson) the page reads as they come: first the number
// given ("so"), then one line per document rebuilt ("tao"), then the
// outcome ("xong").
type Progress struct {
	Step   string   `json:"buoc"`
	Number string   `json:"so,omitempty"`
	Date   string   `json:"ngay,omitempty"`
	Base   string   `json:"base,omitempty"`
	Done   int      `json:"xong,omitempty"`
	Total  int      `json:"tong,omitempty"`
	Name   string   `json:"ten,omitempty"`
	Diags  []Diag   `json:"chan_doan,omitempty"`
	Files  []string `json:"tep,omitempty"`
}

// assign is Cấp số: the register gives the document its number (written
// into its file), then the document and the documents citing it are
// rebuilt, with a progress line per document. Problems found before the
// number is given are an ordinary JSON answer with an error status.
func (s *Server) assign(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"ten"`
		Date string `json:"ngay"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	j, ok := s.job(w, req.Name)
	if !ok {
		return
	}
	ar := engine.AssignRequest{Today: s.opt.Now}
	if req.Date != "" {
		d, reason := data.ParseDate(req.Date)
		if reason != "" {
			fail(w, http.StatusBadRequest, "ngày "+req.Date+" không hợp lệ: "+reason)
			return
		}
		ar.Date = d
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	entry, ds, err := s.eng.Assign(r.Context(), j, ar)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	src, _ := os.ReadFile(j.Path())
	if ds.HasErrors() {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"chan_doan": s.diags(ds, j.Name, src)})
		return
	}
	if err := s.fresh(); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	flusher, _ := w.(http.Flusher)
	send := func(p Progress) {
		enc.Encode(p)
		if flusher != nil {
			flusher.Flush()
		}
	}
	send(Progress{Step: "so", Number: engine.EntryNumber(entry), Date: engine.EntryDate(entry), Base: hashOf(src)})
	var jobs []engine.Job
	for _, name := range s.citers(j) {
		jobs = append(jobs, engine.Job{Dir: s.opt.Dir, Name: name})
	}
	if err := s.fresh(); err != nil { // citers cached the documents: build from the files
		send(Progress{Step: "xong", Diags: []Diag{{Severity: "lỗi", Msg: err.Error(), Text: err.Error()}}})
		return
	}
	bds, files := s.buildDocs(r.Context(), jobs, engine.AllFormats, func(done, total int, name string) {
		send(Progress{Step: "tao", Done: done, Total: total, Name: name})
	})
	send(Progress{Step: "xong", Total: len(jobs), Diags: bds, Files: files})
}
