package desk

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"vanban/internal/engine"
	"vanban/internal/register"
)

// RegisterView is the Sổ đăng ký as the page shows it: the rows of the
// books chosen by year and series, and every year and series the register
// holds (for the filters).
type RegisterView struct {
	Has    bool       `json:"co_so"`  // the workspace has a register
	Rows   [][]string `json:"hang"`   // the header, then one row per entry; empty when there is no register
	Years  []int      `json:"nam_co"` // the years of the register, ascending
	Series []string   `json:"chuoi_co"`
	Diags  []Diag     `json:"chan_doan"`
}

// register serves the register: as JSON for the page, or as a file to
// download (dang=csv: the rows; dang=xlsx: the books ready to print, as
// vanban register -o SỔ.xlsx writes them), filtered by nam (a year, 0 or
// absent for all) and chuoi (a series, absent for all).
func (s *Server) register(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	year, _ := strconv.Atoi(q.Get("nam"))
	series := q.Get("chuoi")
	s.mu.Lock()
	if err := s.fresh(); err != nil { // Cấp số from the CLI meanwhile
		s.mu.Unlock()
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	all, ok, ds, err := s.eng.RegisterBooks(r.Context(), s.opt.Dir, 0)
	s.mu.Unlock()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	v := RegisterView{Has: ok, Rows: [][]string{}, Years: []int{}, Series: []string{}, Diags: s.diags(ds, "", nil)}
	var books []register.Book
	for _, b := range all {
		if !slices.Contains(v.Years, b.Year) {
			v.Years = append(v.Years, b.Year)
		}
		if !slices.Contains(v.Series, b.Series) {
			v.Series = append(v.Series, b.Series)
		}
		if (year == 0 || b.Year == year) && (series == "" || b.Series == series) {
			books = append(books, b)
		}
	}
	slices.Sort(v.Years)
	slices.Sort(v.Series)
	if ok && !ds.HasErrors() {
		v.Rows = append(v.Rows, engine.RegisterColumns())
		for _, b := range books {
			v.Rows = append(v.Rows, b.Rows...)
		}
	}
	switch q.Get("dang") {
	case "csv":
		var buf bytes.Buffer
		if err := register.WriteCSV(&buf, v.Rows); err != nil {
			fail(w, http.StatusInternalServerError, err.Error())
			return
		}
		download(w, "text/csv; charset=utf-8", exportName(year, series, "csv"), buf.Bytes())
		return
	case "xlsx":
		if len(books) == 0 {
			fail(w, http.StatusNotFound, "sổ đăng ký không có văn bản nào theo điều kiện đã chọn")
			return
		}
		var buf bytes.Buffer
		if err := register.WriteBooks(&buf, books); err != nil {
			fail(w, http.StatusInternalServerError, err.Error())
			return
		}
		download(w, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exportName(year, series, "xlsx"), buf.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// exportName is the file name of an export: so-dang-ky[-YEAR][-SERIES].ext,
// the series' "/" (per-kind series) written as "-".
func exportName(year int, series, ext string) string {
	name := "so-dang-ky"
	if year != 0 {
		name += "-" + strconv.Itoa(year)
	}
	if series != "" {
		var b strings.Builder
		for _, c := range series {
			if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				b.WriteRune(c)
			} else {
				b.WriteByte('-')
			}
		}
		name += "-" + b.String()
	}
	return name + "." + ext
}

// download answers with a file to save.
func download(w http.ResponseWriter, ctype, name string, b []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(b)
}
