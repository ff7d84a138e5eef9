package docimport

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"vanban/internal/docimport/docx"
)

// The Báo cáo thành tích (NĐ 98/2023, Mẫu số 01 and 02; NĐ 152/2025;
// templates/bao-cao-thanh-tich-*.md) is a form: no number, no Nơi nhận,
// "Label: value" lines, numbered sections each holding one field, tables
// of past awards and two signatures. The templates' front matter names the
// keys (Kind.Fields, Kind.Columns); the lines below are those the
// templates print around them.

// formLabels are the "Label: value" lines and their keys.
var formLabels = []struct{ label, key string }{
	{"Họ và tên", "ho_ten"},
	{"Sinh ngày", "sinh_ngay"},
	{"Quê quán", "que_quan"},
	{"Trú quán", "tru_quan"},
	{"Đơn vị công tác", "don_vi_cong_tac"},
	{"Chức vụ", "chuc_vu"},
	{"Trình độ chuyên môn, nghiệp vụ", "trinh_do"},
	{"Học hàm, học vị, danh hiệu, giải thưởng", "hoc_ham"},
	{"Tên tập thể", "tap_the"},
}

// formSections are the numbered headings ("1. …") and the key whose text
// follows each, by the heading's words in lower case.
var formSections = map[string]string{
	"quyền hạn, nhiệm vụ được giao":                    "nhiem_vu",
	"thành tích đạt được":                              "thanh_tich",
	"đặc điểm, tình hình":                              "dac_diem",
	"chức năng, nhiệm vụ":                              "chuc_nang",
	"kết quả thực hiện nhiệm vụ được giao":             "thanh_tich",
	"những biện pháp, nguyên nhân đạt được thành tích": "bien_phap",
	"việc thực hiện chủ trương, chính sách; hoạt động của tổ chức đảng, đoàn thể": "dang_doan_the",
	"danh hiệu thi đua":     "danh_hieu",
	"hình thức khen thưởng": "khen_thuong",
}

// formParts are the part headings ("I. …") the templates print.
var formParts = map[string]bool{
	"SƠ LƯỢC LÝ LỊCH": true, "SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH": true,
	"THÀNH TÍCH ĐẠT ĐƯỢC": true, "CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG": true,
}

// formSignTitles are the titles the templates print over the left
// signature when its "…_chuc_danh" key is empty, as one line.
var formSignTitles = map[string]string{
	"thu_truong": "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ",
	"cap_trinh":  "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG",
}

var (
	reFormLabel = regexp.MustCompile(`^(?:[-–+•]\s*)?([^:]{2,60}):\s*(.*)$`)
	reGender    = regexp.MustCompile(`^(.+?); giới tính: (.+)$`)
	reNone      = regexp.MustCompile(`^Không có\.?$`)
)

// formKind says whether k is such a form: no free body and no Nơi nhận.
func formKind(k *Kind) bool { return k != nil && k.NoRecipients && !k.Fields["noi_dung"] }

// formLabel splits a "Label: value" line into the key and its value; ok
// is false when the label is none of formLabels.
func formLabel(s string) (key, value string, ok bool) {
	m := reFormLabel.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	for _, f := range formLabels {
		if strings.EqualFold(strings.TrimSpace(m[1]), f.label) {
			return f.key, m[2], true
		}
	}
	return "", "", false
}

// formHeading is the key of a numbered section heading, or "".
func formHeading(s string) string {
	if !reDecimal.MatchString(s) || strings.HasSuffix(s, ".") {
		return ""
	}
	words := strings.TrimSpace(reDecimal.ReplaceAllString(s, ""))
	return formSections[strings.ToLower(words)]
}

// formPart says whether s is a part heading the templates print.
func formPart(s string) bool {
	return reRoman.MatchString(s) && formParts[strings.TrimSpace(reRoman.ReplaceAllString(s, ""))]
}

// chooseForm picks, among the form templates of the document's tên loại,
// the one whose keys its lines fill most ("Họ và tên:" → the cá nhân form
// with ho_ten, "Tên tập thể:" → the tập thể form with tap_the). It returns
// "" when no form template has the tên loại.
func chooseForm(dr *draft, kinds []Kind) (string, string) {
	var cands []*Kind
	for j := range kinds {
		k := &kinds[j]
		if formKind(k) && dr.typeName != "" && strings.EqualFold(k.Type, dr.typeName) {
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 {
		return "", ""
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].Name < cands[b].Name })
	best, bestN, why := cands[0], -1, ""
	for _, k := range cands {
		n, first := 0, ""
		for _, it := range dr.items {
			if it.l == nil {
				continue
			}
			key, _, ok := formLabel(it.l.text)
			if !ok {
				key = formHeading(it.l.text)
			}
			if key != "" && k.Fields[key] {
				if n++; first == "" {
					first = it.l.text
				}
			}
		}
		if n > bestN {
			best, bestN, why = k, n, first
		}
	}
	return best.Name, fmt.Sprintf("tên loại %q, %d dòng khớp khóa của mẫu (đầu tiên: %q)", dr.typeName, bestN, short(why))
}

// twoSignatures says whether blocks[i] is a table of two signatures with
// no Nơi nhận closing the document: every row has two cells, each of
// upper-case title lines and a name under them, and only empty paragraphs
// follow.
func twoSignatures(blocks []docx.Block, i int) bool {
	t := blocks[i].Table
	if t == nil || len(t.Rows) == 0 || signatureTable(t) {
		return false
	}
	for _, b := range blocks[i+1:] {
		if b.Table != nil || clean(b.Para.Text()) != "" {
			return false
		}
	}
	for _, r := range t.Rows {
		if len(r.Cells) != 2 {
			return false
		}
		for _, c := range r.Cells {
			var ls []string
			for _, b := range c.Blocks {
				if b.Para != nil {
					if s := clean(b.Para.Text()); s != "" && !(strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) {
						ls = append(ls, s)
					}
				}
			}
			if len(ls) < 2 || !isUpper(ls[0]) || isUpper(ls[len(ls)-1]) {
				return false
			}
		}
	}
	return true
}

// form takes the keys of a form template out of the body: the
// "Label: value" lines, the text of each numbered section, the rows of
// the award tables and the left signature. What does not fit is returned
// and reported by write.
func (dr *draft) form(w *tomlWriter, k *Kind, items []bodyItem, rec func(line, string)) []bodyItem {
	t := &w.top
	var rest []bodyItem
	var order []string                 // section keys in order of appearance
	content := map[string][]bodyItem{} // section key → its items
	cur := ""
	for _, it := range items {
		if it.l == nil {
			if cur != "" {
				content[cur] = append(content[cur], it)
			} else {
				rest = append(rest, it)
			}
			continue
		}
		s := it.l.text
		if formPart(s) && isUpper(s) {
			cur = ""
			rec(*it.l, "đề mục của mẫu (vanban tự tạo)")
			continue
		}
		if key := formHeading(s); key != "" && k.Fields[key] && content[key] == nil {
			cur = key
			order = append(order, key)
			content[key] = []bodyItem{}
			rec(*it.l, "đề mục của mẫu (vanban tự tạo)")
			continue
		}
		if cur != "" {
			content[cur] = append(content[cur], it)
			continue
		}
		if key, v, ok := formLabel(s); ok && k.Fields[key] {
			if reDash.MatchString(s) || it.l.p.List != nil {
				v = strings.TrimSuffix(v, ".") // the templates end each item with "."
			}
			if m := reGender.FindStringSubmatch(v); key == "ho_ten" && m != nil && k.Fields["gioi_tinh"] {
				v = m[1]
				w.kv(t, "gioi_tinh", quote(m[2]))
			}
			w.kv(t, key, quote(v))
			rec(*it.l, fmt.Sprintf("%s (%s)", strings.SplitN(s, ":", 2)[0], key))
			continue
		}
		rest = append(rest, it)
	}
	for _, key := range order {
		its := content[key]
		if cols := k.Columns[key]; cols != nil {
			rest = append(rest, dr.formRows(w, key, cols, its, rec)...)
			continue
		}
		if body := strings.TrimSpace(markdown(its, rec)); body != "" {
			w.kv(t, key, multiline(body+"\n"))
		}
	}
	dr.formLeftSigner(w, k, rec)
	return rest
}

// formRows writes the rows of the tables of a repeated-table section as
// [[key]] tables, the cells in the order of cols; the header row and the
// "Không có." the templates print for none are recognised. Other items
// are returned.
func (dr *draft) formRows(w *tomlWriter, key string, cols []string, items []bodyItem, rec func(line, string)) []bodyItem {
	var rest []bodyItem
	for _, it := range items {
		if it.l != nil {
			if reNone.MatchString(it.l.text) {
				rec(*it.l, "\"Không có.\" (vanban tự tạo khi "+key+" trống)")
				continue
			}
			rest = append(rest, it)
			continue
		}
		tb := it.t
		if len(tb.Rows) == 0 || len(tb.Rows[0].Cells) != len(cols) {
			rest = append(rest, it)
			continue
		}
		rec(line{where: fmt.Sprintf("bảng %d, hàng 1", tb.N), text: firstCell(tb)}, "tiêu đề bảng (vanban tự tạo)")
		for ri, r := range tb.Rows[1:] {
			var b strings.Builder
			fmt.Fprintf(&b, "\n[[%s]]\n", key)
			for ci, c := range r.Cells {
				fmt.Fprintf(&b, "%s = %s\n", cols[ci], quote(clean(c.Text())))
			}
			w.tables.WriteString(b.String())
			rec(line{where: fmt.Sprintf("bảng %d, hàng %d", tb.N, ri+2), text: clean(r.Cells[0].Text())}, "hàng "+key)
		}
	}
	return rest
}

// formLeftSigner writes the left signature (title lines, then the name)
// into the keys X and X_chuc_danh of the template; the title is left out
// when it is the one the template prints by default.
func (dr *draft) formLeftSigner(w *tomlWriter, k *Kind, rec func(line, string)) {
	n := len(dr.leftSigner)
	if n < 2 {
		return
	}
	var keys []string
	for f := range k.Fields {
		if strings.HasSuffix(f, "_chuc_danh") && k.Fields[strings.TrimSuffix(f, "_chuc_danh")] {
			keys = append(keys, strings.TrimSuffix(f, "_chuc_danh"))
		}
	}
	if len(keys) != 1 {
		return // none or ambiguous: write reports the signature as unplaced
	}
	key := keys[0]
	title := strings.Join(texts(dr.leftSigner[:n-1]), " ")
	w.kv(&w.top, key, quote(dr.leftSigner[n-1].text))
	if title != formSignTitles[key] {
		w.kv(&w.top, key+"_chuc_danh", quote(title))
	}
	for _, l := range dr.leftSigner {
		rec(l, "chữ ký bên trái ("+key+", "+key+"_chuc_danh)")
	}
	dr.leftSigner = nil
}
