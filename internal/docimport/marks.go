package docimport

import (
	"regexp"
	"strconv"
	"strings"

	"vanban/internal/docimport/docx"
)

// marks are the NĐ 30 marks read back from the page (Phụ lục I, II.10–12):
// the framed stamps of the header (ô 10a, 10b, 11), ô 12 under the
// recipients and ô 13 in the first page's footer. The values are the
// data's: the key of a known level, the text otherwise.
type marks struct {
	urgency     string // khan: "khan", "thuong-khan", "hoa-toc"
	secrecy     string // mat: "mat", "toi-mat", "tuyet-mat"
	circulation string // luu_hanh
	drafter     string // nguoi_soan_thao, as printed (capitals)
	copies      int    // so_ban; 0 when not printed
	contact     map[string]string
}

// stampWords are the printed words of the urgency and secrecy stamps
// (Phụ lục I, II.10.a–b) and of the two circulation marks the decree names
// (II.10.c), with their key and value. The decree's spelling "HOẢ TỐC" is
// read as well as vanban's "HỎA TỐC". (docimport may not import format, so
// the words are repeated here; TestRoundTrip fails when they drift.)
var stampWords = map[string][2]string{
	"KHẨN":             {"khan", "khan"},
	"THƯỢNG KHẨN":      {"khan", "thuong-khan"},
	"HỎA TỐC":          {"khan", "hoa-toc"},
	"HOẢ TỐC":          {"khan", "hoa-toc"},
	"MẬT":              {"mat", "mat"},
	"TỐI MẬT":          {"mat", "toi-mat"},
	"TUYỆT MẬT":        {"mat", "tuyet-mat"},
	"XEM XONG TRẢ LẠI": {"luu_hanh", "xem-xong-tra-lai"},
	"LƯU HÀNH NỘI BỘ":  {"luu_hanh", "noi-bo"},
}

// stampLine says whether s is the text of a known framed mark.
func stampLine(s string) bool {
	_, ok := stampWords[strings.ToUpper(strings.Join(strings.Fields(s), " "))]
	return ok
}

// stamp records the framed mark l when its words are known; it reports
// whether they were.
func (dr *draft) stamp(l line, rec func(line, string)) bool {
	kv, ok := stampWords[strings.ToUpper(strings.Join(strings.Fields(l.text), " "))]
	if !ok {
		return false
	}
	switch kv[0] {
	case "khan":
		dr.marks.urgency = kv[1]
		rec(l, "độ khẩn (khan)")
	case "mat":
		dr.marks.secrecy = kv[1]
		rec(l, "độ mật (mat)")
	default:
		dr.marks.circulation = kv[1]
		rec(l, "phạm vi lưu hành (luu_hanh)")
	}
	return true
}

// reDrafter is ô 12 (Phụ lục I, II.11): the drafter's sign in capitals and
// the number of copies in brackets, "NVA.(05)", or either alone.
var reDrafter = regexp.MustCompile(`^([A-ZĐ][A-ZĐ0-9]*)\.?\s*\((\d{1,7})\)$|^\((\d{1,7})\)$`)

// drafterLine records l as ô 12 when it has its form; it reports whether
// it had.
func (dr *draft) drafterLine(l line, rec func(line, string)) bool {
	m := reDrafter.FindStringSubmatch(l.text)
	if m == nil {
		return false
	}
	n := m[2]
	if n == "" {
		n = m[3]
	}
	dr.marks.drafter = m[1]
	dr.marks.copies, _ = strconv.Atoi(n)
	rec(l, "ký hiệu người soạn thảo, số bản (nguoi_soan_thao, so_ban)")
	return true
}

// reContact finds the labels of ô 13 (Phụ lục I, V row 12: "Địa chỉ: …
// ĐT: …, Fax: … E-Mail: …, Website: …").
var reContact = regexp.MustCompile(`(?i)(địa chỉ|điện thoại|đt|fax|e-?mail|website)\s*:\s*`)

// contactKeys maps a lower-case label of ô 13 to its key in [co_quan].
var contactKeys = map[string]string{
	"địa chỉ": "dia_chi", "điện thoại": "dien_thoai", "đt": "dien_thoai", "fax": "fax",
	"e-mail": "email", "email": "email", "website": "website",
}

// footer reads ô 13 from the footer parts: every paragraph that starts
// with one of its labels gives the values after its labels. Page numbers
// and other footer text are left alone.
func (dr *draft) footer(parts []docx.Part, rec func(line, string)) {
	for _, p := range parts {
		for _, b := range p.Blocks {
			if b.Para == nil {
				continue
			}
			l := mkLine(b.Para, nil, 0)
			l.where = "chân trang, " + l.where
			idx := reContact.FindAllStringSubmatchIndex(l.text, -1)
			if len(idx) == 0 || idx[0][0] != 0 {
				continue
			}
			for k, m := range idx {
				end := len(l.text)
				if k+1 < len(idx) {
					end = idx[k+1][0]
				}
				v := strings.TrimRight(strings.TrimSpace(l.text[m[1]:end]), ",; ")
				key := contactKeys[strings.ToLower(l.text[m[2]:m[3]])]
				if v == "" || key == "" {
					continue
				}
				if dr.marks.contact == nil {
					dr.marks.contact = map[string]string{}
				}
				dr.marks.contact[key] = v
			}
			rec(l, "địa chỉ, điện thoại, thư điện tử (ô 13, co_quan)")
		}
	}
}

// writeMarks writes the keys of the marks at the top of the draft.
func (dr *draft) writeMarks(w *tomlWriter) {
	t := &w.top
	m := &dr.marks
	if m.urgency != "" {
		w.kv(t, "khan", quote(m.urgency))
	}
	if m.secrecy != "" {
		w.kv(t, "mat", quote(m.secrecy))
	}
	if m.circulation != "" {
		w.kv(t, "luu_hanh", quote(m.circulation))
	}
	if m.drafter != "" {
		w.kv(t, "nguoi_soan_thao", quote(m.drafter))
	}
	if m.copies > 0 {
		w.kv(t, "so_ban", strconv.Itoa(m.copies))
	}
}

// contactLines returns the [co_quan] lines of ô 13 that differ from the
// profile's, in a fixed order.
func (dr *draft) contactLines(pc map[string]any) []string {
	var out []string
	for _, k := range []string{"dia_chi", "dien_thoai", "fax", "email", "website"} {
		if v := dr.marks.contact[k]; v != "" && v != str(pc, k) {
			out = append(out, k+" = "+quote(v))
		}
	}
	return out
}
