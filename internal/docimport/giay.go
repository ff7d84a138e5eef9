package docimport

import (
	"fmt"
	"regexp"
	"strings"
)

// The giấy forms (Phụ lục III: Mẫu 1.7 Giấy mời, Mẫu 1.8 Giấy giới thiệu,
// Mẫu 1.10 Giấy nghỉ phép; templates/giay-*.md) have no free body: their
// templates print fixed labelled lines from keys. giayReaders names, per
// template, the function that reads those lines back into the keys.
var giayReaders = map[string]func(dr *draft, w *tomlWriter, k *Kind, items []bodyItem, rec, unplaced func(line, string)) []bodyItem{
	"giay-gioi-thieu": (*draft).giayGioiThieu,
	"giay-nghi-phep":  (*draft).giayNghiPhep,
	"giay-moi":        (*draft).giayMoi,
}

// giayConfirm is the title of the confirmation block of a Giấy nghỉ phép
// (Mẫu 1.10), printed left of the signer when xac_nhan_noi_nghi is true.
const giayConfirm = "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"

// reDateText is a date as written in a sentence: "ngày 31 tháng 5 năm
// 2026", "ngày 31/5/2026" or "31/05/2026"; its groups are day, month, year
// of either form.
const reDateText = `(?:ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})|(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))`

// rePerson is the "Ông (bà)" a line or clause starts with, in the ways
// clerks write it: "Ông (bà)", "Ông (Bà)", "Ông/bà", "Ông/Bà", "Ông", "Bà".
const rePerson = `(?:[ÔôOo]ng\s*(?:\(\s*[Bb]à\s*\)|/\s*[Bb]à)?|[Bb]à)`

var (
	reGiayIntro   = regexp.MustCompile(`^(.*?)\s*[Tt]rân trọng giới thiệu\s*:?$`)
	reGiayPerson  = regexp.MustCompile(`^` + rePerson + `(?:\s*:\s*|\s+)(.+)$`)
	reGiayExpiry  = regexp.MustCompile(`^Giấy này có giá trị đến\s*(?:hết\s*)?` + reDateText + `\s*[./]*$`)
	reGiayRequest = regexp.MustCompile(`^Đề nghị (?:Quý|quý) cơ quan`)
	reGiayLeave   = regexp.MustCompile(`^Xét [Đđ]ơn đề nghị nghỉ phép\s*` + reDateText + `\s*của\s+` + rePerson + `(?:\s*:\s*|\s+)([^,]+?)\s*,\s*(.+?)\s*cấp cho\s*:?$`)
	reGiayPeriod  = regexp.MustCompile(`^Được nghỉ phép trong thời gian\s*:?\s*(.+?)\s*,?\s*kể từ\s*` + reDateText + `\s*,?\s*đến hết\s*` + reDateText + `\s*,?\s*tại\s*(.+?)\s*[./;]*$`)
	reGiayCounted = regexp.MustCompile(`^Số ngày nghỉ phép nêu trên được tính vào thời gian\s*:?\s*(.+?)\s*[./;]*$`)
	reGiayInvite  = regexp.MustCompile(`^(.*?)\s*[Tt]rân trọng kính mời\s*:?\s*(.*)$`)
	reGiayAttend  = regexp.MustCompile(`^Tới dự\s*:?\s*(.+?)\s*[./;]*$`)
	reGiayTrail   = regexp.MustCompile(`\s*(?:\./\.|[.;])+$`)

	reLabelPosition = giayLabelRe("Chức vụ")
	reLabelTo       = giayLabelRe("Được cử đến")
	reLabelAbout    = giayLabelRe("Về việc")
	reLabelChair    = giayLabelRe("Chủ trì")
	reLabelTime     = giayLabelRe("Thời gian")
	reLabelPlace    = giayLabelRe("Địa điểm")
)

// giayReader is the reader of the giấy form named name, or nil.
func giayReader(name string) func(*draft, *tomlWriter, *Kind, []bodyItem, func(line, string), func(line, string)) []bodyItem {
	return giayReaders[name]
}

// chooseGiay picks the giấy template of the document's tên loại, among
// those with a reader; "" when there is none.
func chooseGiay(dr *draft, kinds []Kind) (string, string) {
	if dr.typeName == "" {
		return "", ""
	}
	for _, k := range kinds {
		if giayReader(k.Name) != nil && k.Type != "" && strings.EqualFold(k.Type, dr.typeName) {
			return k.Name, fmt.Sprintf("tên loại %q", k.Type)
		}
	}
	return "", ""
}

// giayLabelRe matches "Label: value" where the label's words are
// label's, with or without the colon, in any case, with any spaces.
func giayLabelRe(label string) *regexp.Regexp {
	words := strings.Fields(label)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?i)^` + strings.Join(words, `\s+`) + `(?:\s*:\s*|\s+)(.+)$`)
}

// giayLabel reads the value of a line that re (from giayLabelRe) matches;
// the value loses its closing "./.", "." or ";".
func giayLabel(s string, re *regexp.Regexp) (string, bool) {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	v := strings.TrimSpace(reGiayTrail.ReplaceAllString(m[1], ""))
	return v, v != ""
}

// giayDate is the ISO date of the groups of reDateText in m from index i.
func giayDate(m []string, i int) string {
	if m[i] != "" {
		return isoDate(m[i], m[i+1], m[i+2])
	}
	return isoDate(m[i+3], m[i+4], m[i+5])
}

// giayPosition splits "chức vụ, đơn vị" as the templates print it: the
// unit is what follows the first ", " that starts with a capital (a
// body's name, "Ủy ban nhân dân …"); a lower-case continuation ("…, phụ
// trách …") stays in the chức vụ.
func giayPosition(s string) (position, unit string) {
	for i := 0; ; {
		j := strings.Index(s[i:], ", ")
		if j < 0 {
			return s, ""
		}
		rest := s[i+j+2:]
		if r := []rune(rest); len(r) > 0 && !isLowerRune(r[0]) {
			return s[:i+j], rest
		}
		i += j + 2
	}
}

func isLowerRune(r rune) bool { return strings.ToUpper(string(r)) != string(r) }

// labelled reads line l into key when it carries the label re and key is
// not read yet, recording the line as say; it reports whether it did.
func labelled(w *tomlWriter, seen map[string]bool, rec func(line, string), l line, re *regexp.Regexp, key, say string) bool {
	v, ok := giayLabel(l.text, re)
	if !ok || seen[key] {
		return false
	}
	seen[key] = true
	w.kv(&w.top, key, quote(v))
	rec(l, say)
	return true
}

// giayPositionKV writes chuc_vu and, when the template has it, don_vi.
func giayPositionKV(w *tomlWriter, k *Kind, v string) {
	pos, unit := giayPosition(v)
	if unit == "" || !k.Fields["don_vi"] {
		pos, unit = v, ""
	}
	w.kv(&w.top, "chuc_vu", quote(pos))
	if unit != "" {
		w.kv(&w.top, "don_vi", quote(unit))
	}
}

// giayIssuer keeps the issuer's name as the sentence writes it
// (co_quan.ten_day_du), when the sentence names one.
func (dr *draft) giayIssuer(name string) {
	if name = strings.TrimSpace(name); name != "" {
		dr.fullName = name
	}
}

// giayGioiThieu reads a Giấy giới thiệu (Mẫu 1.8): "… trân trọng giới
// thiệu:", "Ông (bà) …" (ho_ten), "Chức vụ: …" (chuc_vu, don_vi), "Được
// cử đến: …" (noi_den), "Về việc: …" (ve_viec), the request the template
// prints, and "Giấy này có giá trị đến hết ngày …" (hieu_luc). What does
// not fit is returned and reported by write.
func (dr *draft) giayGioiThieu(w *tomlWriter, k *Kind, items []bodyItem, rec, unplaced func(line, string)) []bodyItem {
	t := &w.top
	var rest []bodyItem
	seen := map[string]bool{}
	for _, it := range items {
		if it.l == nil {
			rest = append(rest, it)
			continue
		}
		s := it.l.text
		if m := reGiayIntro.FindStringSubmatch(s); m != nil && !seen["intro"] {
			seen["intro"] = true
			dr.giayIssuer(m[1])
			rec(*it.l, "câu \"… trân trọng giới thiệu:\" (vanban tự tạo từ co_quan)")
			continue
		}
		if m := reGiayPerson.FindStringSubmatch(s); m != nil && !seen["ho_ten"] {
			seen["ho_ten"] = true
			w.kv(t, "ho_ten", quote(strings.TrimSpace(reGiayTrail.ReplaceAllString(m[1], ""))))
			rec(*it.l, "người được giới thiệu (ho_ten)")
			continue
		}
		if v, ok := giayLabel(s, reLabelPosition); ok && !seen["chuc_vu"] {
			seen["chuc_vu"] = true
			giayPositionKV(w, k, v)
			rec(*it.l, "chức vụ, đơn vị (chuc_vu, don_vi)")
			continue
		}
		if labelled(w, seen, rec, *it.l, reLabelTo, "noi_den", "được cử đến (noi_den)") {
			continue
		}
		if labelled(w, seen, rec, *it.l, reLabelAbout, "ve_viec", "về việc (ve_viec)") {
			continue
		}
		if m := reGiayExpiry.FindStringSubmatch(s); m != nil && !seen["hieu_luc"] {
			seen["hieu_luc"] = true
			w.kv(t, "hieu_luc", quote(giayDate(m, 1)))
			rec(*it.l, "hiệu lực (hieu_luc)")
			continue
		}
		if reGiayRequest.MatchString(s) && !seen["request"] {
			seen["request"] = true
			if strings.EqualFold(s, "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.") {
				rec(*it.l, "lời đề nghị (vanban tự tạo)")
			} else {
				unplaced(*it.l, "lời đề nghị khác câu của mẫu giay-gioi-thieu (vanban in câu của mẫu): chưa đặt được")
			}
			continue
		}
		rest = append(rest, it)
	}
	return rest
}

// giayNghiPhep reads a Giấy nghỉ phép (Mẫu 1.10): "Xét Đơn đề nghị nghỉ
// phép ngày … của ông (bà) …, … cấp cho:" (ngay_don), "Ông (bà): …"
// (ho_ten), "Chức vụ: …" (chuc_vu, don_vi), "Được nghỉ phép trong thời
// gian … kể từ ngày … đến hết ngày … tại …" (thoi_gian, tu_ngay, den_ngay,
// noi_nghi), "… được tính vào thời gian …" (ly_do), and the confirmation
// block under the signature (xac_nhan_noi_nghi).
func (dr *draft) giayNghiPhep(w *tomlWriter, k *Kind, items []bodyItem, rec, unplaced func(line, string)) []bodyItem {
	t := &w.top
	var rest []bodyItem
	seen := map[string]bool{}
	var named *line // the request's sentence, with the name it gives
	namedAs := ""
	for _, it := range items {
		if it.l == nil {
			rest = append(rest, it)
			continue
		}
		s := it.l.text
		if m := reGiayLeave.FindStringSubmatch(s); m != nil && !seen["ngay_don"] {
			seen["ngay_don"] = true
			w.kv(t, "ngay_don", quote(giayDate(m, 1)))
			named, namedAs = it.l, m[7]
			dr.giayIssuer(m[8])
			rec(*it.l, "ngày của đơn (ngay_don); câu \"Xét Đơn … cấp cho:\" (vanban tự tạo)")
			continue
		}
		if m := reGiayPerson.FindStringSubmatch(s); m != nil && !seen["ho_ten"] {
			seen["ho_ten"] = true
			name := strings.TrimSpace(reGiayTrail.ReplaceAllString(m[1], ""))
			w.kv(t, "ho_ten", quote(name))
			rec(*it.l, "người nghỉ phép (ho_ten)")
			if named != nil && namedAs != name {
				unplaced(*named, fmt.Sprintf("họ tên trong câu \"Xét Đơn …\" (%q) khác dòng \"Ông (bà):\" (%q): mẫu in họ tên của dòng \"Ông (bà):\"", namedAs, name))
			}
			continue
		}
		if v, ok := giayLabel(s, reLabelPosition); ok && !seen["chuc_vu"] {
			seen["chuc_vu"] = true
			giayPositionKV(w, k, v)
			rec(*it.l, "chức vụ, đơn vị (chuc_vu, don_vi)")
			continue
		}
		if m := reGiayPeriod.FindStringSubmatch(s); m != nil && !seen["thoi_gian"] {
			seen["thoi_gian"] = true
			w.kv(t, "thoi_gian", quote(m[1]))
			w.kv(t, "tu_ngay", quote(giayDate(m, 2)))
			w.kv(t, "den_ngay", quote(giayDate(m, 8)))
			w.kv(t, "noi_nghi", quote(m[14]))
			rec(*it.l, "thời gian, ngày nghỉ, nơi nghỉ (thoi_gian, tu_ngay, den_ngay, noi_nghi)")
			continue
		}
		if m := reGiayCounted.FindStringSubmatch(s); m != nil && !seen["ly_do"] {
			seen["ly_do"] = true
			w.kv(t, "ly_do", quote(m[1]))
			rec(*it.l, "loại nghỉ (ly_do)")
			continue
		}
		rest = append(rest, it)
	}
	if named != nil && !seen["ho_ten"] {
		// No "Ông (bà):" line: the name of the request's sentence.
		w.kv(t, "ho_ten", quote(namedAs))
	}
	if len(dr.confirm) > 0 && k.Fields["xac_nhan_noi_nghi"] {
		w.kv(t, "xac_nhan_noi_nghi", "true")
		for _, l := range dr.confirm {
			rec(l, "khối xác nhận nơi nghỉ phép (xac_nhan_noi_nghi)")
		}
		dr.confirm = nil
	}
	return rest
}

// giayMoi reads a Giấy mời (Mẫu 1.7): "… trân trọng kính mời:" with one
// invitee after it or one "- …" line each (thanh_phan), "Tới dự …"
// (noi_dung_hop), "Chủ trì: …" (chu_tri), "Thời gian: …" (thoi_gian),
// "Địa điểm: …" (dia_diem) and the paragraphs after it (luu_y).
func (dr *draft) giayMoi(w *tomlWriter, k *Kind, items []bodyItem, rec, unplaced func(line, string)) []bodyItem {
	t := &w.top
	var rest []bodyItem
	seen := map[string]bool{}
	var notes []string
	for idx := 0; idx < len(items); idx++ {
		it := items[idx]
		if it.l == nil {
			rest = append(rest, it)
			continue
		}
		s := it.l.text
		if seen["dia_diem"] && k.Fields["luu_y"] {
			// After "Địa điểm": the notes, one paragraph each.
			notes = append(notes, strings.TrimSpace(reGiayTrail.ReplaceAllString(s, "")))
			rec(*it.l, "vấn đề cần lưu ý (luu_y)")
			continue
		}
		if m := reGiayInvite.FindStringSubmatch(s); m != nil && !seen["thanh_phan"] {
			seen["thanh_phan"] = true
			var invitees []string
			dr.giayIssuer(m[1])
			if v := strings.TrimSpace(reGiayTrail.ReplaceAllString(m[2], "")); v != "" {
				invitees = append(invitees, v)
			}
			rec(*it.l, "câu \"… trân trọng kính mời:\" (vanban tự tạo từ co_quan), thành phần (thanh_phan)")
			for idx+1 < len(items) && items[idx+1].l != nil && (reDash.MatchString(items[idx+1].l.text) || items[idx+1].l.p.List != nil) {
				idx++
				invitees = append(invitees, strings.TrimSpace(reGiayTrail.ReplaceAllString(trimItem(items[idx].l.text), "")))
				rec(*items[idx].l, "thành phần (thanh_phan)")
			}
			if invitees == nil {
				invitees = []string{}
			}
			w.kv(t, "thanh_phan", list(invitees))
			continue
		}
		if m := reGiayAttend.FindStringSubmatch(s); m != nil && !seen["noi_dung_hop"] {
			seen["noi_dung_hop"] = true
			w.kv(t, "noi_dung_hop", quote(m[1]))
			rec(*it.l, "tên, nội dung cuộc họp (noi_dung_hop)")
			continue
		}
		if k.Fields["chu_tri"] && labelled(w, seen, rec, *it.l, reLabelChair, "chu_tri", "chủ trì (chu_tri)") {
			continue
		}
		if labelled(w, seen, rec, *it.l, reLabelTime, "thoi_gian", "thời gian (thoi_gian)") {
			continue
		}
		if labelled(w, seen, rec, *it.l, reLabelPlace, "dia_diem", "địa điểm (dia_diem)") {
			continue
		}
		rest = append(rest, it)
	}
	if len(notes) > 0 && k.Fields["luu_y"] {
		w.kv(t, "luu_y", list(notes))
	}
	return rest
}
