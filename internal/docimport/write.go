package docimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"vanban/internal/docimport/docx"
)

// choose picks the template: -mau, else by ký hiệu and tên loại ("khen
// thưởng" in the trích yếu picks the campaign set), else a công văn when
// there is no tên loại, else the generic document with a body.
func choose(dr *draft, opt Options) (string, string) {
	if opt.Template != "" {
		return opt.Template, "chọn bằng -mau"
	}
	code := dr.symbol
	if i := strings.IndexByte(code, '-'); i >= 0 {
		code = code[:i]
	}
	low := strings.ToLower(dr.summary)
	award := strings.Contains(low, "khen thưởng") || strings.Contains(low, "giấy khen") || strings.Contains(low, "danh hiệu thi đua") || dr.nomineeTable()
	has := func(name string) bool {
		for _, k := range opt.Kinds {
			if k.Name == name {
				return true
			}
		}
		return false
	}
	if award {
		switch {
		case strings.EqualFold(code, "TTr") || dr.typeName == "TỜ TRÌNH":
			if has("to-trinh-khen-thuong") {
				return "to-trinh-khen-thuong", "tờ trình có \"khen thưởng\" trong trích yếu"
			}
		case strings.EqualFold(code, "QĐ") || dr.typeName == "QUYẾT ĐỊNH":
			if has("quyet-dinh-khen-thuong") {
				return "quyet-dinh-khen-thuong", "quyết định có \"khen thưởng\" trong trích yếu"
			}
		}
	}
	if strings.EqualFold(dr.typeName, "BIÊN BẢN") && has("bien-ban") {
		return "bien-ban", "tên loại \"BIÊN BẢN\""
	}
	if name, why := chooseGiay(dr, opt.Kinds); name != "" {
		return name, why
	}
	if name, why := chooseForm(dr, opt.Kinds); name != "" {
		return name, why
	}
	if dr.att != nil {
		// A text issued with the document (Mẫu 1.3): the template of the
		// type that has keys for one.
		for _, k := range opt.Kinds {
			if k.Attached != nil && ((k.Code != "" && strings.EqualFold(k.Code, code)) || (k.Type != "" && strings.EqualFold(k.Type, dr.typeName))) {
				return k.Name, fmt.Sprintf("tên loại %q có văn bản kèm theo (%s)", dr.typeName, dr.att.typeName)
			}
		}
	}
	if dr.typeName == "" {
		for _, k := range opt.Kinds {
			if k.Letter {
				return k.Name, "không có tên loại, có \"V/v\": công văn"
			}
		}
	}
	// The generic template of the type: body in noi_dung, fewest keys.
	best, bestN := "", 1<<30
	for _, k := range opt.Kinds {
		if k.Letter || !k.Fields["noi_dung"] {
			continue
		}
		if (k.Code != "" && k.Code == code) || (k.Type != "" && strings.EqualFold(k.Type, dr.typeName)) {
			if len(k.Fields) < bestN {
				best, bestN = k.Name, len(k.Fields)
			}
		}
	}
	if best != "" {
		return best, fmt.Sprintf("tên loại %q, ký hiệu %q", dr.typeName, code)
	}
	// No template of this type: the generic Kế hoạch form (Mẫu 1.3 of Phụ
	// lục III, the "văn bản có tên loại") keeps every word.
	for _, n := range []string{"ke-hoach", "cong-van"} {
		if has(n) {
			return n, fmt.Sprintf("không có mẫu cho tên loại %q (ký hiệu %q): dùng mẫu chung %q, hãy sửa mau hoặc tạo mẫu riêng", dr.typeName, code, n)
		}
	}
	return "", "không chọn được mẫu"
}

// typeCode is the ký hiệu of the type in a symbol: "KH-UBND" → "KH".
func typeCode(symbol string) string {
	if i := strings.IndexByte(symbol, '-'); i >= 0 {
		return symbol[:i]
	}
	return symbol
}

// tomlWriter builds the draft text.
type tomlWriter struct {
	top    strings.Builder
	tables strings.Builder
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func multiline(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"""`, `""\"`)
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			fmt.Fprintf(&b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	s = b.String()
	if strings.HasSuffix(s, `"`) {
		s += "\n"
	}
	return "\"\"\"\n" + s + "\"\"\""
}

func list(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = quote(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (w *tomlWriter) kv(b *strings.Builder, k, v string) { fmt.Fprintf(b, "%s = %s\n", k, v) }

var (
	reCiteDoc   = regexp.MustCompile(`^Căn cứ (.+?) số (\S*) ngày (\d{0,2})/(\d{1,2})/(\d{4}) của (.+?) về việc (.+?)[.;]?$`)
	reTTrIntro  = regexp.MustCompile(`^Thực hiện .+?, qua theo dõi, đánh giá kết quả thực hiện phong trào thi đua và bình xét khen thưởng, (.+?) kính trình (.+?) xem xét, khen thưởng các tập thể, cá nhân đã có thành tích (.+), cụ thể như sau:$`)
	reGrant     = regexp.MustCompile(`^- Tặng .+ cho .+[;.]$`)
	reTTrClose  = regexp.MustCompile(`^Kính trình .+ xem xét, quyết định\./\.$`)
	reProposal  = regexp.MustCompile(`^Theo đề nghị của (.+?) tại (.+?) số (\S*) ngày (\d{1,2})/(\d{1,2})/(\d{4})(?: của (.+?))?\.?$`)
	reArticle1  = regexp.MustCompile(`^\*\*Điều 1\.\*\* Khen thưởng các tập thể, cá nhân đã có thành tích (.+) \(có danh sách kèm theo\), gồm:$`)
	reArticle2  = regexp.MustCompile(`^\*\*Điều 2\.\*\* (.+)$`)
	reArticle3  = regexp.MustCompile(`^\*\*Điều 3\.\*\* (.+) và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này\./\.$`)
	reAutoCanCu = regexp.MustCompile(`Luật Thi đua, khen thưởng`)
	reGroup     = regexp.MustCompile(`^(?:\*\*)?[IVX]+\.\s*(TẬP THỂ|CÁ NHÂN)(?:\*\*)?$`)
)

func isoDate(d, m, y string) string {
	dd, _ := strconv.Atoi(d)
	mm, _ := strconv.Atoi(m)
	if dd == 0 {
		return fmt.Sprintf("%s-%02d", y, mm)
	}
	return fmt.Sprintf("%s-%02d-%02d", y, mm, dd)
}

// write renders the draft for template k (nil when unknown).
func write(dr *draft, k *Kind, res *Result, profile map[string]any, rec, unplaced func(line, string)) string {
	var w tomlWriter
	t := &w.top
	name := res.Template
	fmt.Fprintf(t, "# Bản nháp do \"vanban nhap\" tạo: %s. Hãy soát lại trước khi dùng.\n\n", res.Why)
	w.kv(t, "mau", quote(name))
	switch {
	case k != nil && k.Unnumbered:
		if dr.hasNumber {
			unplaced(dr.numberLine, "mẫu "+name+" không có số, ký hiệu: chưa đặt được")
		}
	case dr.number == "":
		w.kv(t, "so", `""`)
	case strings.HasPrefix(dr.number, "0"):
		w.kv(t, "so", quote(dr.number))
	default:
		w.kv(t, "so", dr.number)
	}
	if dr.date == "" && name == "bien-ban" {
		dr.date = bienBanDate(dr.items) // a Biên bản has no date line
	}
	w.kv(t, "ngay", quote(dr.date))
	summary := dr.summary
	if summary == "" && k != nil && !k.NoSummary && dr.typeName != "" && k.Type != "" && !strings.EqualFold(k.Type, dr.typeName) {
		// A form printed without trích yếu (Mẫu 1.8, 1.10) read into the
		// generic template of another type, which needs one: its tên loại
		// stands in, and the tên loại line below says to choose the form.
		r := []rune(strings.ToLower(dr.typeName))
		summary = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	if summary != "" || k == nil || !k.NoSummary {
		w.kv(t, "trich_yeu", quote(summary))
	}
	// A template of another type prints its own tên loại and ký hiệu: say
	// so, with the text as read.
	if k != nil && dr.typeName != "" && k.Type != "" && !strings.EqualFold(k.Type, dr.typeName) {
		unplaced(dr.typeLine, fmt.Sprintf("tên loại %q: mẫu %s in tên loại %q, hãy chọn mẫu đúng (-mau) hoặc tạo mẫu riêng", dr.typeName, name, k.Type))
		if dr.attachedLine.text != "" {
			unplaced(dr.attachedLine, fmt.Sprintf("dòng kèm theo nêu %q: mẫu %s nêu tên loại của nó", dr.typeName, name))
		}
	}
	if code := typeCode(dr.symbol); k != nil && !k.Letter && code != "" && k.Code != "" && !strings.EqualFold(code, k.Code) {
		unplaced(dr.numberLine, fmt.Sprintf("ký hiệu %q: mẫu %s dùng ký hiệu %q", code, name, k.Code))
	}
	kinhGui := len(dr.addressees) > 0 && (k == nil || k.Fields["kinh_gui"])
	if len(dr.addressees) > 0 {
		if kinhGui {
			w.kv(t, "kinh_gui", list(dr.addressees))
		} else {
			unplaced(line{where: "đầu văn bản", text: "Kính gửi: " + strings.Join(dr.addressees, "; ")}, "mẫu "+name+" không có \"Kính gửi\": chưa đặt được")
		}
	}
	recips := dr.recipients
	if kinhGui && len(recips) > 0 && strings.EqualFold(recips[0], "Như trên") {
		recips = recips[1:] // vanban writes "Như trên" itself for a document with Kính gửi
	}
	if recips == nil {
		recips = []string{}
	}
	if k != nil && k.NoRecipients {
		for _, r := range recips {
			unplaced(line{where: "nơi nhận", text: r}, "mẫu "+name+" không có nơi nhận: chưa đặt được")
		}
	} else {
		w.kv(t, "noi_nhan", list(recips))
	}
	if dr.archive != "" && dr.archive != str(profile, "luu") {
		w.kv(t, "luu", quote(dr.archive))
	}
	var issuerAbbr, unit string
	if i := strings.IndexByte(dr.symbol, '-'); i >= 0 {
		if k != nil && k.Letter {
			issuerAbbr, unit = dr.symbol[:i], dr.symbol[i+1:]
		} else {
			issuerAbbr = dr.symbol[i+1:]
		}
	} else if k != nil && k.Letter {
		issuerAbbr = dr.symbol
	}
	if unit != "" {
		w.kv(t, "don_vi_soan_thao", quote(unit))
	}
	dr.writeMarks(&w)
	t.WriteString("\n")
	items := dr.items
	switch {
	case k != nil && k.Attached != nil && dr.att != nil:
		items = dr.issuing(&w, k, items, rec, unplaced)
	case name == "to-trinh-khen-thuong":
		items = dr.toTrinh(&w, items, rec)
	case name == "quyet-dinh-khen-thuong":
		items = dr.quyetDinh(&w, items, rec)
	case name == "bien-ban" && k != nil:
		items = dr.bienBan(&w, k, items, rec)
	case formKind(k):
		items = dr.form(&w, k, items, rec)
	case k != nil && giayReader(name) != nil:
		items = giayReader(name)(dr, &w, k, items, rec, unplaced)
	default:
		if k != nil && k.Fields["tham_quyen"] && dr.authority != "" {
			w.kv(t, "tham_quyen", quote(dr.authority))
			dr.authorityPlaced = true
		}
		if k != nil && k.Fields["can_cu"] {
			var canCu []string
			for len(items) > 0 && items[0].l != nil && isQuote(items[0].l.p) {
				canCu = append(canCu, strings.TrimRight(items[0].l.text, ";."))
				rec(*items[0].l, "căn cứ (can_cu)")
				items = items[1:]
			}
			if len(canCu) > 0 {
				w.kv(t, "can_cu", list(canCu))
			}
		}
		if name == "nghi-quyet" && len(items) > 0 && items[0].l != nil && items[0].l.text == "QUYẾT NGHỊ:" {
			rec(*items[0].l, "chữ \"QUYẾT NGHỊ:\" (vanban tự tạo)")
			items = items[1:]
		}
		if k != nil && k.Fields["nguoi_dien"] && len(items) > 0 && items[0].l != nil && strings.HasSuffix(items[0].l.text, " điện:") {
			w.kv(t, "nguoi_dien", quote(strings.TrimSuffix(items[0].l.text, " điện:")))
			rec(*items[0].l, "người điện")
			items = items[1:]
			var to []string
			for len(items) > 0 && items[0].l != nil && reDash.MatchString(items[0].l.text) {
				to = append(to, trimItem(items[0].l.text))
				rec(*items[0].l, "nơi nhận điện")
				items = items[1:]
			}
			w.kv(t, "nhan_dien", list(to))
		}
	}
	for _, l := range dr.confirm {
		unplaced(l, "ô trái của bảng chữ ký: chưa đặt được")
	}
	for _, l := range dr.leftSigner {
		unplaced(l, "chữ ký bên trái (người ký thứ hai): mẫu "+name+" không có, chưa đặt được")
	}
	if dr.authority != "" && !dr.authorityPlaced {
		unplaced(line{where: "đầu văn bản", text: dr.authority}, "mẫu "+name+" không có dòng thẩm quyền ban hành (tham_quyen): chưa đặt được")
	}
	body := strings.TrimSpace(markdown(items, rec))
	if dr.att != nil && (k == nil || k.Attached == nil) {
		// The template has no keys for an attached text: it goes into the
		// free body after its directive, so no word is lost.
		if k == nil || k.Fields["noi_dung"] {
			body = strings.TrimSpace(body + "\n\n" + dr.att.markdown(rec))
		} else {
			unplaced(dr.att.title, "văn bản kèm theo: mẫu "+name+" không có chỗ cho văn bản kèm theo, chưa đặt được")
			for _, it := range dr.att.items {
				if it.l != nil {
					unplaced(*it.l, "đoạn của văn bản kèm theo: chưa đặt được")
				} else {
					unplacedTable(it.t, "bảng của văn bản kèm theo: chưa đặt được", unplaced)
				}
			}
		}
	}
	if body != "" || k == nil || k.Fields["noi_dung"] {
		if k != nil && !k.Fields["noi_dung"] {
			for _, it := range items {
				if it.l != nil {
					unplaced(*it.l, fmt.Sprintf("mẫu %s không có nội dung tự do (noi_dung): đoạn này chưa đặt được", name))
				} else {
					unplacedTable(it.t, fmt.Sprintf("mẫu %s không có nội dung tự do (noi_dung): bảng này chưa đặt được", name), unplaced)
				}
			}
		} else if body != "" {
			w.kv(t, "noi_dung", multiline(body+"\n"))
		}
	}
	// Issuer and signer: only what differs from the profile.
	pc, _ := profile["co_quan"].(map[string]any)
	var co []string
	if len(dr.parent) > 0 && !sameLines(pc["chu_quan"], dr.parent) {
		co = append(co, "chu_quan = "+list(dr.parent))
	} else if len(dr.parent) == 0 && len(dr.issuer) > 0 && !sameLines(pc["chu_quan"], nil) {
		co = append(co, `chu_quan = ""`)
	}
	if len(dr.issuer) > 0 && !sameLines(pc["ten"], dr.issuer) {
		co = append(co, "ten = "+list(dr.issuer))
	}
	if issuerAbbr != "" && issuerAbbr != str(pc, "viet_tat") {
		co = append(co, "viet_tat = "+quote(issuerAbbr))
	}
	if dr.place != "" && dr.place != str(pc, "dia_danh") {
		co = append(co, "dia_danh = "+quote(dr.place))
	}
	if dr.fullName != "" && dr.fullName != str(pc, "ten_day_du") && name != "quyet-dinh-khen-thuong" {
		co = append(co, "ten_day_du = "+quote(dr.fullName))
	}
	co = append(co, dr.contactLines(pc)...)
	if len(co) > 0 {
		w.tables.WriteString("\n[co_quan]\n" + strings.Join(co, "\n") + "\n")
	}
	if len(dr.signer) > 0 || dr.signerName != "" {
		pk, _ := profile["nguoi_ky"].(map[string]any)
		sig := map[string]string{"quyen_han": "", "thay_mat": "", "thu_truong": "", "chuc_vu": "", "ho_ten": dr.signerName}
		lines := dr.signer
		if len(lines) > 0 {
			if m := reAuth.FindStringSubmatch(lines[0]); m != nil {
				sig["quyen_han"] = m[1]
				if m[1] == "TM." {
					sig["thay_mat"] = m[2]
				} else {
					sig["thu_truong"] = m[2]
				}
				lines = lines[1:]
			}
		}
		sig["chuc_vu"] = strings.Join(lines, " ")
		var out []string
		for _, key := range []string{"quyen_han", "thay_mat", "thu_truong", "chuc_vu", "ho_ten"} {
			v := sig[key]
			if key == "ho_ten" && v == "" {
				continue
			}
			if v != str(pk, key) {
				out = append(out, key+" = "+quote(v))
			}
		}
		if len(out) > 0 {
			w.tables.WriteString("\n[nguoi_ky]\n" + strings.Join(out, "\n") + "\n")
		}
	}
	if dr.appendix != nil {
		if name == "to-trinh-khen-thuong" || name == "quyet-dinh-khen-thuong" {
			dr.nominees(&w, unplaced)
		} else {
			unplaced(line{where: fmt.Sprintf("bảng %d", dr.appendix.N), text: dr.appendixTitle}, "phụ lục kèm theo: mẫu "+name+" không có danh sách, chưa đặt được")
		}
	}
	return w.top.String() + w.tables.String()
}

func str(m map[string]any, k string) string {
	if m == nil {
		return ""
	}
	s, _ := m[k].(string)
	return s
}

func sameLines(v any, lines []string) bool {
	switch x := v.(type) {
	case nil:
		return len(lines) == 0
	case string:
		if x == "" {
			return len(lines) == 0
		}
		return len(lines) == 1 && lines[0] == x
	case []any:
		if len(x) != len(lines) {
			return false
		}
		for i := range x {
			if s, _ := x[i].(string); s != lines[i] {
				return false
			}
		}
		return true
	}
	return false
}

// docRef writes a cited document as an inline table.
func docRef(loai, so, d, m, y, coQuan, trichYeu string) string {
	return fmt.Sprintf("{ loai = %s, so = %s, ngay = %s, co_quan = %s, trich_yeu = %s }",
		quote(loai), quote(so), quote(isoDate(d, m, y)), quote(coQuan), quote(trichYeu))
}

// toTrinh takes the fields of the campaign tờ trình out of its body and
// returns the rest (the free noi_dung).
func (dr *draft) toTrinh(w *tomlWriter, items []bodyItem, rec func(line, string)) []bodyItem {
	var rest []bodyItem
	var canCu []string
	t := &w.top
	for _, it := range items {
		if it.l == nil {
			rest = append(rest, it)
			continue
		}
		s := it.l.text
		switch {
		case strings.HasPrefix(s, "Căn cứ ") && reAutoCanCu.MatchString(s):
			rec(*it.l, "căn cứ về thi đua, khen thưởng (vanban tự ghi theo ngày)")
		case reCiteDoc.MatchString(s):
			m := reCiteDoc.FindStringSubmatch(s)
			w.kv(t, "ke_hoach", docRef(m[1], m[2], m[3], m[4], m[5], m[6], m[7]))
			rec(*it.l, "kế hoạch phát động (ke_hoach)")
		case strings.HasPrefix(s, "Căn cứ "):
			canCu = append(canCu, strings.TrimRight(s, ";."))
			rec(*it.l, "căn cứ bổ sung (can_cu)")
		case reTTrIntro.MatchString(s):
			m := reTTrIntro.FindStringSubmatch(s)
			w.kv(t, "don_vi", quote(m[1]))
			w.kv(t, "co_quan_xet", quote(m[2]))
			if lv := level(m[2]); lv != "" {
				w.kv(t, "cap_xet", quote(lv))
			}
			w.kv(t, "thanh_tich", quote(m[3]))
			rec(*it.l, "đơn vị trình, người khen thưởng, thành tích")
		case reGrant.MatchString(s), s == "(Có danh sách kèm theo)", reTTrClose.MatchString(s):
			rec(*it.l, "câu vanban tự tạo từ danh sách")
		default:
			rest = append(rest, it)
		}
	}
	if len(canCu) > 0 {
		w.kv(t, "can_cu", list(canCu))
	}
	return rest
}

// isQuote says whether p is a căn cứ line: "Căn cứ", "Xét", "Theo đề
// nghị" in italics, or in a căn cứ style.
func isQuote(p *docx.Paragraph) bool {
	text := clean(p.Text())
	// "Căn cứ …", "Theo đề nghị …" are căn cứ lines by their words alone:
	// pandoc and python-docx drop the italic our style carries.
	return reBasis.MatchString(text) ||
		allItalic(p) && (strings.HasPrefix(text, "Theo ") || strings.HasPrefix(text, "Xét ")) ||
		strings.Contains(strings.ToLower(p.Style), "cancu")
}

// level is the administrative level of an authority named in a sentence
// ("Chủ tịch Ủy ban nhân dân xã Vạn Ninh" → "xa"), or "".
func level(s string) string {
	l := " " + strings.ToLower(s) + " "
	switch {
	case strings.Contains(l, " tỉnh ") || strings.Contains(l, "thành phố trực thuộc trung ương"):
		return "tinh"
	case strings.Contains(l, " huyện ") || strings.Contains(l, " thị xã ") || strings.Contains(l, " quận "):
		return "huyen"
	case strings.Contains(l, " xã ") || strings.Contains(l, " phường ") || strings.Contains(l, " thị trấn ") || strings.Contains(l, " đặc khu "):
		return "xa"
	}
	return ""
}

// quyetDinh does the same for the campaign quyết định.
func (dr *draft) quyetDinh(w *tomlWriter, items []bodyItem, rec func(line, string)) []bodyItem {
	var rest []bodyItem
	var canCu, canCuThem []string
	seenAuto := false
	t := &w.top
	if dr.authority != "" {
		w.kv(t, "tham_quyen", quote(dr.authority))
	}
	for _, it := range items {
		if it.l == nil {
			rest = append(rest, it)
			continue
		}
		s := it.l.text
		md, _ := paraMarkdown(it.l.p, map[string]int{})
		switch {
		case strings.HasPrefix(s, "Căn cứ ") && reAutoCanCu.MatchString(s):
			seenAuto = true
			rec(*it.l, "căn cứ về thi đua, khen thưởng (vanban tự ghi theo ngày)")
		case strings.HasPrefix(s, "Căn cứ ") && !seenAuto:
			canCu = append(canCu, strings.TrimRight(s, ";."))
			rec(*it.l, "căn cứ (can_cu)")
		case strings.HasPrefix(s, "Căn cứ "):
			canCuThem = append(canCuThem, strings.TrimRight(s, ";."))
			rec(*it.l, "căn cứ thêm (can_cu_them)")
		case reProposal.MatchString(s):
			m := reProposal.FindStringSubmatch(s)
			w.kv(t, "de_nghi_cua", quote(m[1]))
			w.kv(t, "to_trinh", docRef(m[2], m[3], m[4], m[5], m[6], m[7], ""))
			rec(*it.l, "người đề nghị và tờ trình (de_nghi_cua, to_trinh)")
		case s == "QUYẾT ĐỊNH:":
			rec(*it.l, "chữ \"QUYẾT ĐỊNH:\" (vanban tự tạo)")
		case reArticle1.MatchString(md):
			w.kv(t, "thanh_tich", quote(reArticle1.FindStringSubmatch(md)[1]))
			rec(*it.l, "Điều 1: thành tích")
		case reArticle3.MatchString(md):
			w.kv(t, "thi_hanh", quote(reArticle3.FindStringSubmatch(md)[1]))
			rec(*it.l, "Điều 3: thi hành")
		case reArticle2.MatchString(md):
			w.kv(t, "tien_thuong", quote(strings.TrimPrefix(s, "Điều 2. ")))
			rec(*it.l, "Điều 2: tiền thưởng")
		case reGrant.MatchString(s):
			rec(*it.l, "câu vanban tự tạo từ danh sách")
		default:
			rest = append(rest, it)
		}
	}
	if len(canCu) > 0 {
		w.kv(t, "can_cu", list(canCu))
	}
	if len(canCuThem) > 0 {
		w.kv(t, "can_cu_them", list(canCuThem))
	}
	return rest
}

// nomineeTable says whether the appendix is a list of nominees grouped as
// "I. TẬP THỂ" / "II. CÁ NHÂN".
func (dr *draft) nomineeTable() bool {
	if dr.appendix == nil {
		return false
	}
	for _, r := range dr.appendix.Rows {
		if len(r.Cells) > 0 && reGroup.MatchString(clean(r.Cells[0].Text())) {
			return true
		}
	}
	return false
}

// nominees writes the appendix list as [[tap_the]] and [[ca_nhan]] rows.
func (dr *draft) nominees(w *tomlWriter, unplaced func(line, string)) {
	group := ""
	for ri, r := range dr.appendix.Rows {
		if ri == 0 || r.Header {
			continue
		}
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, clean(c.Text()))
		}
		here := line{where: fmt.Sprintf("bảng %d, hàng %d", dr.appendix.N, ri+1), text: strings.Join(cells, " | ")}
		if len(cells) > 0 && reGroup.MatchString(cells[0]) {
			group = reGroup.FindStringSubmatch(cells[0])[1]
			continue
		}
		if len(cells) < 5 || group == "" {
			if strings.Join(cells, "") != "" {
				unplaced(here, "hàng danh sách không đủ 5 cột hoặc chưa có nhóm (I. TẬP THỂ / II. CÁ NHÂN)")
			}
			continue
		}
		if group == "TẬP THỂ" {
			fmt.Fprintf(&w.tables, "\n[[tap_the]]\nten = %s\ndon_vi = %s\nhinh_thuc = %s\nthanh_tich = %s\n", quote(cells[1]), quote(cells[2]), quote(cells[3]), quote(cells[4]))
		} else {
			fmt.Fprintf(&w.tables, "\n[[ca_nhan]]\nho_ten = %s\nchuc_vu = %s\nhinh_thuc = %s\nthanh_tich = %s\n", quote(cells[1]), quote(cells[2]), quote(cells[3]), quote(cells[4]))
		}
	}
}
