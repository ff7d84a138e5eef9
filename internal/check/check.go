// Package check reads anyone's document — a DOCX or a PDF — and reports
// where it departs from Nghị định 30/2020/NĐ-CP: paper, margins, fonts,
// the size, weight and case of each component of the header, the zeros of
// the number and the date, the ký hiệu, the body, the closing "./.", the
// Nơi nhận, page numbers and the capitalisation rules of Phụ lục II that
// text alone shows. The numbers come from internal/format, the rules
// vanban renders with; where the decree allows a range, rules.go holds it.
//
// Both formats are reduced to lines (a DOCX paragraph, a PDF line segment)
// with their size, weight and place, and the same recognisers and text
// rules run on both; the format-specific checks (sections and fields of a
// DOCX, text extents of a PDF page) are in docx.go and pdf.go.
package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"vanban/internal/diag"
	"vanban/internal/docimport/docx"
)

// Finding is one departure from the decree.
type Finding struct {
	Rule     string        // stable id, e.g. "ND30-LE-TRANG"
	Clause   string        // where NĐ 30 states the rule, e.g. "Phụ lục I, I.3"
	Severity diag.Severity // diag.Error or diag.Warning
	Para     int           // DOCX: 1-based paragraph number; 0 when not tied to one
	Page     int           // PDF: 1-based page; 0 when not tied to one
	XMM, YMM int           // PDF: position from the top-left corner of the page, mm
	Found    string        // Vietnamese: what the document has
	Want     string        // Vietnamese: what the decree requires
	Msg      string        // Vietnamese: the finding in one sentence
	Count    int           // how many places share this finding (≥ 1)
	// A file holding several documents: Doc is the 1-based document the
	// finding is in, of Docs, starting at paragraph DocPara (DOCX) or page
	// DocPage (PDF). Doc is 0 for a finding about the whole file, and for
	// every finding of a file with one document.
	Doc, Docs, DocPara, DocPage int
}

// Where says in Vietnamese where the finding is; in a file holding
// several documents it names the document first.
func (f Finding) Where() string {
	w := f.where()
	if d := f.docWhere(); d != "" {
		if f.Page == 0 && f.Para == 0 {
			return d
		}
		return d + ", " + w
	}
	return w
}

func (f Finding) where() string {
	switch {
	case f.Page > 0 && (f.XMM > 0 || f.YMM > 0):
		return fmt.Sprintf("trang %d, cách lề trái %d mm, cách mép trên %d mm", f.Page, f.XMM, f.YMM)
	case f.Page > 0:
		return fmt.Sprintf("trang %d", f.Page)
	case f.Para > 0:
		return fmt.Sprintf("đoạn %d", f.Para)
	}
	return "toàn văn bản"
}

// MarshalJSON writes the finding with stable keys.
func (f Finding) MarshalJSON() ([]byte, error) {
	sev := "error"
	if f.Severity == diag.Warning {
		sev = "warning"
	}
	return json.Marshal(struct {
		Rule     string `json:"rule"`
		Clause   string `json:"clause"`
		Severity string `json:"severity"`
		Para     int    `json:"paragraph,omitempty"`
		Page     int    `json:"page,omitempty"`
		XMM      int    `json:"x_mm,omitempty"`
		YMM      int    `json:"y_mm,omitempty"`
		Where    string `json:"where"`
		Found    string `json:"found,omitempty"`
		Want     string `json:"required,omitempty"`
		Msg      string `json:"message"`
		Count    int    `json:"count"`
		Doc      int    `json:"document,omitempty"`
	}{f.Rule, f.Clause, sev, f.Para, f.Page, f.XMM, f.YMM, f.Where(), f.Found, f.Want, f.Msg, max(f.Count, 1), f.Doc})
}

// Report is the result of checking one file.
type Report struct {
	File     string    `json:"file"`
	Format   string    `json:"format"` // "docx" or "pdf"; "" when unreadable
	Err      string    `json:"error,omitempty"`
	Findings []Finding `json:"findings"`
	// Documents lists the documents of a file that holds several, one
	// after another; nil for a file with one.
	Documents []DocInfo `json:"documents,omitempty"`
}

// Errors counts the findings of severity error.
func (r *Report) Errors() int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == diag.Error {
			n++
		}
	}
	return n
}

// Warnings counts the warnings.
func (r *Report) Warnings() int { return len(r.Findings) - r.Errors() }

// Options bound the work on one file.
type Options struct {
	MaxSize int64 // bytes of the file; default 64 MiB
}

// Check checks the file named name with contents b. A file that cannot be
// read gives a Report with Err set (Vietnamese), never an error: the caller
// goes on with the next file.
func Check(name string, b []byte, opt Options) *Report {
	if opt.MaxSize == 0 {
		opt.MaxSize = 64 << 20
	}
	r := &Report{File: name, Findings: []Finding{}}
	if int64(len(b)) > opt.MaxSize {
		r.Err = fmt.Sprintf("tệp quá lớn (%d MB, giới hạn %d MB)", len(b)>>20, opt.MaxSize>>20)
		return r
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(b, []byte("%PDF")) || ext == ".pdf" && !bytes.HasPrefix(b, []byte("PK")):
		r.Format = "pdf"
		checkPDF(r, b)
	case bytes.HasPrefix(b, []byte("PK")) || ext == ".docx" || ext == ".doc" || bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		r.Format = "docx"
		checkDOCX(r, b)
	default:
		r.Err = "tệp không phải văn bản Word .docx hay PDF"
	}
	if r.Err != "" {
		r.Format = ""
		r.Findings = []Finding{}
	}
	sortFindings(r.Findings)
	return r
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.Para != b.Para {
			return a.Para < b.Para
		}
		if a.YMM != b.YMM {
			return a.YMM < b.YMM
		}
		return a.Rule < b.Rule
	})
}

// findings collects findings, merging repeats of a rule that are marked
// as aggregated into the first one with a count.
type findings struct {
	list []Finding
	agg  map[string]int // rule+msg key → index in list
}

func (fs *findings) add(l *line, rule string, sev diag.Severity, found, want, msg string) {
	f := Finding{Rule: rule, Clause: clauses[rule], Severity: sev, Found: found, Want: want, Msg: msg, Count: 1}
	if l != nil {
		f.Para, f.Page, f.XMM, f.YMM = l.para, l.page, l.xmm, l.ymm
	}
	fs.list = append(fs.list, f)
}

// addAgg adds a finding that may repeat on many lines (body paragraphs):
// one finding per rule and want, counting the places.
func (fs *findings) addAgg(l *line, rule string, sev diag.Severity, found, want, msg string) {
	if fs.agg == nil {
		fs.agg = map[string]int{}
	}
	key := rule + "\x00" + want
	if i, ok := fs.agg[key]; ok {
		fs.list[i].Count++
		return
	}
	fs.agg[key] = len(fs.list)
	fs.add(l, rule, sev, found, want, msg)
}

func (fs *findings) done() []Finding {
	for i := range fs.list {
		if n := fs.list[i].Count; n > 1 {
			fs.list[i].Msg += fmt.Sprintf(" (và %d chỗ khác cùng lỗi)", n-1)
		}
	}
	if fs.list == nil {
		return []Finding{}
	}
	return fs.list
}

// BodyWords returns the words of a DOCX's body (between the title block
// and "Nơi nhận"), in order: what a correction must keep.
func BodyWords(b []byte) ([]string, error) {
	d, err := docx.Read(b, docx.Limits{})
	if err != nil {
		return nil, err
	}
	ls := docxLines(d.Body, false, 0, nil)
	p := recognise(ls)
	var out []string
	for i := p.bodyStart; i < p.bodyEnd; i++ {
		out = append(out, strings.Fields(ls[i].text)...)
	}
	return out, nil
}

// Subsequence reports whether every word of want appears in got in the
// same order; it returns the first missing word otherwise.
func Subsequence(want, got []string) (string, bool) {
	j := 0
	for _, w := range want {
		for j < len(got) && got[j] != w {
			j++
		}
		if j == len(got) {
			return w, false
		}
		j++
	}
	return "", true
}
