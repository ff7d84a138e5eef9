package check

import (
	"fmt"
	"regexp"
	"strings"

	"vanban/internal/diag"
	"vanban/internal/docimport/docx"
)

// A file may hold several documents one after another: the decree's own
// Phụ lục III holds its sample forms (Mẫu 1.1 … 3.2) in one DOCX, and a
// clerk may paste a Quyết định and the Kế hoạch it approves into one file.
// Each document starts at a header block — the Quốc hiệu with the issuer
// beside it (a two-column table, a tabbed line) or above it — after the
// previous document has ended (its "Nơi nhận" or its closing "./."), and
// ends with its signature block: the tables and list lines after its Nơi
// nhận (or after its "./." when it has none). What lies between documents
// — a caption ("Mẫu 1.2 - Quyết định …"), a "Ghi chú" of footnotes, an
// appendix without a header, the text before the first header — belongs
// to no document and is not checked.

// span is one document: lines [start, end) of the file's lines.
type span struct{ start, end int }

// DocInfo describes one document of a file that holds several.
type DocInfo struct {
	Index int    `json:"index"`           // 1-based
	Para  int    `json:"paragraph"`       // DOCX: its first paragraph; 0 for a PDF
	Page  int    `json:"page,omitempty"`  // PDF: its first page
	Title string `json:"title,omitempty"` // its tên loại as written, when recognised
}

var reGhiChu = regexp.MustCompile(`^Ghi\s+chú\s*:?\s*$`)

// splitDocs finds the documents among the lines. A file with one header
// (or none) is one document, all its lines, exactly as before.
func splitDocs(ls []line) []span {
	var starts []int
	for q := range ls {
		if !isQuocHieu(ls[q].text) {
			continue
		}
		s := headerStart(ls, q)
		if n := len(starts); n > 0 {
			if s <= starts[n-1] || !ended(ls[starts[n-1]:s]) {
				continue // a second Quốc hiệu inside the same document
			}
		}
		starts = append(starts, s)
	}
	if len(starts) < 2 {
		return []span{{0, len(ls)}}
	}
	out := make([]span, len(starts))
	for k, s := range starts {
		end := len(ls)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		out[k] = span{s, s + docEnd(ls[s:end])}
	}
	return out
}

// headerStart is the first line of the header block holding the Quốc
// hiệu at q: the first line of its table or of its tabbed paragraph, or
// the issuer lines in capitals right above it.
func headerStart(ls []line, q int) int {
	s := q
	switch {
	case ls[q].tbl > 0:
		for s > 0 && ls[s-1].tbl == ls[q].tbl {
			s--
		}
	case ls[q].p != nil:
		for s > 0 && ls[s-1].para == ls[q].para {
			s--
		}
	}
	for k := 0; k < 3 && s > 0; k++ {
		l := ls[s-1]
		if l.tbl != 0 || l.col == 2 || !isUpper(l.text) || strings.HasSuffix(l.text, "./.") {
			break
		}
		s--
	}
	return s
}

// ended reports whether the lines of a document reach its end: a Nơi
// nhận or the closing "./.".
func ended(ls []line) bool {
	for _, l := range ls {
		if reNoiNhan.MatchString(l.text) || strings.HasSuffix(strings.TrimSpace(l.text), "./.") {
			return true
		}
	}
	return false
}

// docEnd is where the document in ls ends: after the signature block that
// follows its Nơi nhận, or its closing "./." when it has no Nơi nhận. The
// block runs on over tables and list lines ("- Lưu: VT") and stops at a
// "Ghi chú" or at a plain line of text.
func docEnd(ls []line) int {
	anchor := recognise(ls).recipients
	if anchor < 0 {
		for i := range ls {
			if strings.HasSuffix(strings.TrimSpace(ls[i].text), "./.") {
				anchor = i
			}
		}
	}
	if anchor < 0 {
		return len(ls)
	}
	for i := anchor + 1; i < len(ls); i++ {
		l := ls[i]
		t := strings.TrimSpace(l.text)
		if reGhiChu.MatchString(t) {
			return i
		}
		if l.tbl == 0 && l.col == 0 && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "+") && !reLuu.MatchString(t) && !reDrafter.MatchString(t) {
			return i
		}
	}
	return len(ls)
}

// inSpans says whether a DOCX paragraph lies in one of the documents.
func inSpans(ls []line, spans []span) func(para int) bool {
	in := map[int]bool{}
	for _, s := range spans {
		for _, l := range ls[s.start:s.end] {
			in[l.para] = true
		}
	}
	return func(para int) bool { return in[para] }
}

// checkEach checks each document of a file on its own lines with check,
// and adds its findings to r, tagged with the document. The findings
// already in r concern the whole file.
func checkEach(r *Report, ls []line, spans []span, check func(fs *findings, ls []line)) {
	for k, s := range spans {
		seg := ls[s.start:s.end]
		info := DocInfo{Index: k + 1}
		if len(seg) > 0 {
			info.Para, info.Page = seg[0].para, seg[0].page
			if p := recognise(seg); p.titleType >= 0 {
				info.Title = seg[p.titleType].text
			}
		}
		r.Documents = append(r.Documents, info)
		fs := &findings{}
		check(fs, seg)
		form := isForm(seg)
		for _, f := range fs.done() {
			if form && placeholder(seg, f) {
				continue
			}
			f.Doc, f.Docs, f.DocPara, f.DocPage = k+1, len(spans), info.Para, info.Page
			r.Findings = append(r.Findings, f)
		}
	}
}

// docWhere says in Vietnamese which document of the file f is in: "văn
// bản 3/14 (từ đoạn 120)"; "" when the file holds one document.
func (f Finding) docWhere() string {
	if f.Doc == 0 {
		return ""
	}
	switch {
	case f.DocPara > 0:
		return fmt.Sprintf("văn bản %d/%d (từ đoạn %d)", f.Doc, f.Docs, f.DocPara)
	case f.DocPage > 0:
		return fmt.Sprintf("văn bản %d/%d (từ trang %d)", f.Doc, f.Docs, f.DocPage)
	}
	return fmt.Sprintf("văn bản %d/%d", f.Doc, f.Docs)
}

// FixRefusal is why kiem-tra -sua does not correct the file of r; "" when
// it may. A correction renders one document per file.
func FixRefusal(r *Report) string {
	if n := len(r.Documents); n > 1 {
		return fmt.Sprintf("tệp có %d văn bản nối tiếp nhau; -sua chỉ sửa tệp có một văn bản — hãy tách mỗi văn bản ra một tệp riêng rồi sửa", n)
	}
	return ""
}

// isForm reports whether the document is a blank form, as the decree's
// samples are: its date (or its number) holds dots where the digits go
// ("ngày …… tháng …… năm ……").
func isForm(ls []line) bool {
	for i := 0; i < len(ls) && i < 16; i++ {
		if reFormDate.MatchString(ls[i].text) || reFormNumber.MatchString(ls[i].text) {
			return true
		}
	}
	return false
}

var (
	reFormDate   = regexp.MustCompile(`ngày\s*[….]+\s*tháng\s*[….]+`)
	reFormNumber = regexp.MustCompile(`^Số\s*:?[\s….]*/`)
)

// placeholder reports whether a finding of a blank form is about a place
// to fill in rather than about the form: a line of dots or rules without
// letters ("……5……", "______"), the bracketed instruction under the signer
// ("(Chữ ký của người có thẩm quyền, / dấu/chữ ký số …)"), or the weight
// of a line whose only plain part is its footnote marker ("TÊN CƠ QUAN,
// TỔ CHỨC²", the marker set in plain superscript). What a form says of
// its text — sizes, capitals, the weight of its words — is still checked.
func placeholder(ls []line, f Finding) bool {
	for i := range ls {
		l := &ls[i]
		if l.para != f.Para || f.Para == 0 {
			continue
		}
		t := strings.TrimSpace(l.text)
		switch {
		case !hasLetter(t) && f.Rule != RuleRule:
			return true
		case !hasLetter(t) && f.Rule == RuleRule && f.Severity == diag.Error:
			return true // the form types its rule; the typed rule has its warning
		case strings.HasPrefix(t, "(") || strings.HasSuffix(t, ")") && !strings.Contains(t, "("):
			return true
		case f.Found == "chữ không đậm" && l.p != nil && boldButMarker(l.p):
			return true
		}
	}
	return false
}

// boldButMarker reports whether every run of p with text is bold except
// footnote markers: runs of one or two digits or "*".
func boldButMarker(p *docx.Paragraph) bool {
	marker := false
	for _, r := range p.Runs {
		t := strings.TrimSpace(r.Text)
		if t == "" || r.Bold {
			continue
		}
		if len(t) <= 2 && strings.Trim(t, "0123456789*") == "" {
			marker = true
			continue
		}
		return false
	}
	return marker
}
