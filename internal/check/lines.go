package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"vanban/internal/diag"
	"vanban/internal/docimport/docx"
	"vanban/internal/format"
	"vanban/internal/model"
)

// line is a DOCX paragraph or a PDF line segment, as the rules see it.
type line struct {
	text     string
	para     int // DOCX paragraph number
	page     int // PDF page
	xmm, ymm int // PDF: left edge and top of the line, mm from the top-left corner
	size     int // dominant size in half-points; 0 when unknown
	bold     bool
	italic   bool
	col      int  // 0 full width, 1 left column, 2 right column
	table    bool // DOCX: inside a table
	center   bool // centred (DOCX alignment; PDF: centred on the text area)
	p        *docx.Paragraph
	tbl      int // DOCX: number of the table holding the line; 0 outside tables
	// DOCX: box is the width of the paragraph's container (cell or text
	// area) in twips; rule is the length in twips of the rule drawn under
	// the line (its bottom border, or the border or drawn line of the empty
	// paragraph after it); 0 when none.
	box, rule int
	// PDF: the horizontal extent of the glyphs and the baseline, points
	// from the bottom-left corner of the page.
	x0, x1, base float64
}

var upperVI = cases.Upper(language.Vietnamese)

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func isUpper(s string) bool { return hasLetter(s) && upperVI.String(s) == s }

var (
	reNumber    = regexp.MustCompile(`^Số\s*:?\s*([0-9]*)[\s…\.]*/\s*(\S*)`)
	reDate      = regexp.MustCompile(`ngày\s+([0-9…\. ]*?)\s*tháng\s+([0-9…\. ]*?)\s*năm\s+([0-9]{4})`)
	reDateLine  = regexp.MustCompile(`^\p{Lu}[^,:0-9]{1,40},\s*ngày\s`)
	reTieuNgu   = regexp.MustCompile(`^Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc`)
	reRuleTyped = regexp.MustCompile(`^[_\-–—=]{6,}$`)
	reKinhGui   = regexp.MustCompile(`^Kính\s+gửi`)
	reNoiNhan   = regexp.MustCompile(`^Nơi\s+nhận\s*:?`)
	reLuu       = regexp.MustCompile(`^[-–+•]?\s*Lưu\s*:`)
	// reDrafter is ô 12 (Phụ lục I, II.11): "NVA.(05)", the sign or the
	// number of copies alone.
	reDrafter   = regexp.MustCompile(`^(?:[A-ZĐ][A-ZĐ0-9]*\.?\s*)?\(\d{1,7}\)$|^[A-ZĐ]{2,}$`)
	reWrongCase = regexp.MustCompile(`(?:Ủy|Uỷ) Ban Nhân Dân|Hội Đồng Nhân Dân|Ban Thường Vụ|(?:Ủy|Uỷ) Ban Mặt Trận`)
	reUnitCase  = regexp.MustCompile(`(?:(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân) (Tỉnh|Huyện|Xã|Phường|Quận|Thị Xã|Thị Trấn|Thị xã|Thị trấn)\b`)
	reMonthWord = regexp.MustCompile(`(?:Cách mạng|cách mạng) tháng (giêng|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b`)
)

func isQuocHieu(s string) bool {
	u := upperVI.String(strings.Join(strings.Fields(s), " "))
	return u == format.QuocHieuText || u == strings.Replace(format.QuocHieuText, "HÒA", "HOÀ", 1)
}

// parts are the components recognised among the lines (indexes; -1 when absent).
type parts struct {
	quoc, tieu, number, date, titleType, vv, addressee, recipients int
	issuer, summary                                                []int
	bodyStart, bodyEnd                                             int
	typeName                                                       string
}

func recognise(ls []line) parts {
	p := parts{quoc: -1, tieu: -1, number: -1, date: -1, titleType: -1, vv: -1, addressee: -1, recipients: -1}
	head := min(len(ls), 16)
	for i := 0; i < head; i++ {
		t := ls[i].text
		switch {
		case p.quoc < 0 && isQuocHieu(t):
			p.quoc = i
		case p.tieu < 0 && reTieuNgu.MatchString(t):
			p.tieu = i
		case p.number < 0 && reNumber.MatchString(t):
			p.number = i
		case p.date < 0 && reDateLine.MatchString(t) && reDate.MatchString(t):
			p.date = i
		case p.vv < 0 && strings.HasPrefix(t, "V/v"):
			p.vv = i
		}
	}
	// Issuer: upper-case lines outside the right column before "Số". A
	// document without a number (NĐ 30 lets some forms go unnumbered, e.g.
	// a Báo cáo thành tích) ends the block at the place-date line, which
	// follows the header's left column, or at the first full-width tên
	// loại, whichever comes first.
	end := p.number
	if end < 0 {
		end = min(head, 6)
		if p.date >= 0 {
			end = min(end, p.date)
		}
		for i := 0; i < end; i++ {
			if ls[i].col == 0 && typeTitle(ls[i].text) != "" {
				end = i
				break
			}
		}
	}
	for i := 0; i < end; i++ {
		if i == p.quoc || i == p.tieu || ls[i].col == 2 || !isUpper(ls[i].text) || reRuleTyped.MatchString(ls[i].text) {
			continue
		}
		p.issuer = append(p.issuer, i)
	}
	last := max(p.quoc, p.tieu, p.number, p.date, p.vv)
	for i := last + 1; i < len(ls) && i < last+6 && p.typeName == "" && last >= 0; i++ {
		if name := typeTitle(ls[i].text); name != "" {
			p.typeName, p.titleType = name, i
		}
	}
	body := last + 1
	if p.titleType >= 0 {
		body = p.titleType + 1
		for i := body; i < len(ls) && i < body+4; i++ {
			l := ls[i]
			if !l.center || isUpper(l.text) || reKinhGui.MatchString(l.text) || l.text == "" || reRuleTyped.MatchString(l.text) {
				break
			}
			p.summary = append(p.summary, i)
			body = i + 1
			if l.rule > 0 {
				break // the rule ends the trích yếu
			}
		}
	}
	for i := body; i < len(ls) && i < body+4; i++ {
		if reKinhGui.MatchString(ls[i].text) {
			p.addressee = i
			body = i + 1
			for body < len(ls) && strings.HasPrefix(ls[body].text, "-") {
				body++
			}
			break
		}
	}
	p.bodyStart, p.bodyEnd = body, len(ls)
	for i := body; i < len(ls); i++ {
		if reNoiNhan.MatchString(ls[i].text) {
			p.recipients = i
			p.bodyEnd = i
			break
		}
	}
	return p
}

// typeTitle is the tên loại (Phụ lục III) a title line starts with, the
// longest that fits ("BÁO CÁO" for "BÁO CÁO THÀNH TÍCH"); "" when the
// line is not in capitals or names no tên loại.
func typeTitle(s string) string {
	u := strings.Join(strings.Fields(s), " ")
	if !isUpper(u) {
		return ""
	}
	best := ""
	for name := range typeCodes {
		if (u == name || strings.HasPrefix(u, name+" ")) && len(name) > len(best) {
			best = name
		}
	}
	return best
}

// checkLines runs the rules both formats share.
func checkLines(fs *findings, ls []line, sh *format.Sheet) parts {
	p := recognise(ls)
	style := func(i int, e format.Element, rule, name string) {
		if i < 0 {
			return
		}
		l := &ls[i]
		st := sh.Style(e)
		if r, ok := sizeRange[e]; ok && l.size > 0 && (l.size < r[0] || l.size > r[1]) {
			fs.add(l, rule, diag.Error, "cỡ chữ "+pt(l.size), "cỡ chữ "+ptRange(r), name+" cỡ chữ "+pt(l.size)+", phải "+ptRange(r))
		}
		wantBold := st.Font&model.Bold != 0
		if wantBold && !l.bold {
			fs.add(l, rule, diag.Error, "chữ không đậm", "chữ đậm", name+" phải in đậm")
		}
		if !wantBold && l.bold && e != format.Number {
			fs.add(l, rule, diag.Warning, "chữ đậm", "chữ không đậm", name+" không in đậm")
		}
		if st.Upper && !isUpper(l.text) && hasLetter(l.text) {
			fs.add(l, rule, diag.Error, l.text, upperVI.String(l.text), name+" phải viết chữ in hoa")
		}
		if !st.Upper && isUpper(l.text) && len([]rune(l.text)) > 4 {
			fs.add(l, rule, diag.Error, l.text, "chữ in thường", name+" viết chữ in thường, không in hoa")
		}
	}
	style(p.quoc, format.QuocHieu, RuleQuocHieu, "Quốc hiệu")
	style(p.tieu, format.TieuNgu, RuleTieuNgu, "Tiêu ngữ")
	if p.tieu >= 0 {
		if t := strings.Join(strings.Fields(ls[p.tieu].text), " "); t != format.TieuNguText {
			fs.add(&ls[p.tieu], RuleTieuNgu, diag.Warning, t, format.TieuNguText, "Tiêu ngữ viết đúng: \""+format.TieuNguText+"\" (gạch nối có cách chữ)")
		}
	}
	for k, i := range p.issuer {
		l := &ls[i]
		r := sizeRange[format.Issuer]
		if l.size > 0 && (l.size < r[0] || l.size > r[1]) {
			fs.add(l, RuleIssuer, diag.Error, "cỡ chữ "+pt(l.size), "cỡ chữ "+ptRange(r), "tên cơ quan cỡ chữ "+pt(l.size)+", phải "+ptRange(r))
		}
		if k == len(p.issuer)-1 && !l.bold {
			fs.add(l, RuleIssuer, diag.Error, "chữ không đậm", "chữ đậm", "tên cơ quan ban hành phải in đậm")
		}
	}
	if p.number >= 0 {
		l := &ls[p.number]
		r := sizeRange[format.Number]
		if l.size > 0 && (l.size < r[0] || l.size > r[1]) {
			fs.add(l, RuleNumber, diag.Error, "cỡ chữ "+pt(l.size), "cỡ chữ "+ptRange(r), "số, ký hiệu cỡ chữ "+pt(l.size)+", phải "+ptRange(r))
		}
		m := reNumber.FindStringSubmatch(l.text)
		if n, err := strconv.Atoi(m[1]); err == nil && n < 10 && len(m[1]) == 1 {
			fs.add(l, RuleNumberZero, diag.Error, "Số: "+m[1]+"/", fmt.Sprintf("Số: %02d/", n), "số nhỏ hơn 10 phải ghi thêm số 0 phía trước")
		}
		sym := strings.TrimRight(m[2], ".,;")
		groups := strings.Split(sym, "-")
		if code, ok := typeCodes[p.typeName]; ok && sym != "" && groups[0] != code {
			fs.add(l, RuleSymbol, diag.Error, sym, code+"-…", fmt.Sprintf("ký hiệu của %s phải bắt đầu bằng \"%s\" (Phụ lục III), không phải \"%s\"", strings.ToLower(p.typeName), code, groups[0]))
		} else if p.typeName == "" && p.vv < 0 && sym != "" && !knownCode(groups[0]) && len(groups) > 1 && strings.ToUpper(groups[0]) != groups[0] {
			fs.add(l, RuleSymbol, diag.Warning, sym, "chữ viết tắt Phụ lục III", "ký hiệu \""+groups[0]+"\" không phải chữ viết tắt tên loại văn bản của Phụ lục III")
		}
		if strings.ContainsAny(strings.TrimSpace(l.text[strings.Index(l.text, "/")+1:]), " \t") && !strings.Contains(l.text, "\t") {
			fs.add(l, RuleNumber, diag.Warning, l.text, "không cách chữ", "giữa các nhóm chữ của ký hiệu có gạch nối (-), không cách chữ")
		}
	}
	if p.date >= 0 {
		l := &ls[p.date]
		style(p.date, format.PlaceDate, RuleDate, "địa danh và ngày tháng")
		if !l.italic {
			fs.add(l, RuleDate, diag.Error, "chữ đứng", "chữ nghiêng", "địa danh và ngày tháng năm phải in nghiêng")
		}
		m := reDate.FindStringSubmatch(l.text)
		day, month := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		if d, err := strconv.Atoi(day); err == nil && d < 10 && len(day) == 1 {
			fs.add(l, RuleDateZero, diag.Error, "ngày "+day, fmt.Sprintf("ngày %02d", d), "ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước")
		}
		if mo, err := strconv.Atoi(month); err == nil {
			switch {
			case mo <= 2 && len(month) == 1:
				fs.add(l, RuleDateZero, diag.Error, "tháng "+month, fmt.Sprintf("tháng %02d", mo), "tháng 1, 2 phải ghi thêm số 0 phía trước")
			case mo >= 3 && len(month) == 2 && month[0] == '0':
				fs.add(l, RuleDateZero, diag.Warning, "tháng "+month, fmt.Sprintf("tháng %d", mo), "chỉ tháng 1, 2 ghi thêm số 0 phía trước")
			}
		}
	}
	style(p.titleType, format.TitleType, RuleTitleType, "tên loại văn bản")
	for _, i := range p.summary {
		if strings.HasPrefix(ls[i].text, "(Kèm theo") {
			continue // the line naming the Quyết định an attached text belongs to: italic
		}
		style(i, format.TitleSummary, RuleSummary, "trích yếu")
	}
	if p.vv >= 0 {
		style(p.vv, format.LetterSummary, RuleLetterVv, "trích yếu công văn (V/v)")
	}
	if p.addressee >= 0 {
		style(p.addressee, format.Addressee, RuleAddressee, "\"Kính gửi\"")
	}
	for i := 0; i < p.bodyStart && i < len(ls); i++ {
		if reRuleTyped.MatchString(ls[i].text) {
			fs.add(&ls[i], RuleRule, diag.Warning, ls[i].text, "đường kẻ nét liền", "đường kẻ gõ bằng ký tự; hãy dùng đường kẻ (nét liền)")
		}
	}
	// The closing "./." ends the body.
	if p.bodyEnd > p.bodyStart {
		closed := false
		lastBody := -1
		for i := p.bodyStart; i < p.bodyEnd; i++ {
			t := strings.TrimSpace(ls[i].text)
			if t == "" {
				continue
			}
			lastBody = i
			if strings.HasSuffix(t, "./.") {
				closed = true
			}
		}
		if !closed && lastBody >= 0 && p.recipients >= 0 {
			fs.add(&ls[lastBody], RuleClosing, diag.Error, "không có \"./.\"", "\"./.\" cuối nội dung", "nội dung văn bản phải kết thúc bằng dấu \"./.\"")
		}
	}
	if p.recipients >= 0 {
		l := &ls[p.recipients]
		style(p.recipients, format.RecipientsLabel, RuleRecipients, "\"Nơi nhận\"")
		if !l.italic {
			fs.add(l, RuleRecipients, diag.Error, "chữ đứng", "chữ nghiêng, đậm", "\"Nơi nhận:\" in nghiêng, đậm")
		}
		luu := false
		r := sizeRange[format.RecipientsItem]
		for i := p.recipients + 1; i < len(ls) && i < p.recipients+40; i++ {
			it := &ls[i]
			if it.col == 2 || (!strings.HasPrefix(it.text, "-") && !strings.HasPrefix(it.text, "+") && !reLuu.MatchString(it.text)) {
				continue
			}
			if it.size > 0 && (it.size < r[0] || it.size > r[1]) {
				fs.addAgg(it, RuleRecipients, diag.Warning, "cỡ chữ "+pt(it.size), "cỡ chữ "+ptRange(r), "danh sách nơi nhận cỡ chữ "+pt(it.size)+", phải "+ptRange(r))
			}
			if reLuu.MatchString(it.text) {
				luu = true
				checkDrafter(fs, ls, i)
				break
			}
		}
		if !luu {
			fs.add(l, RuleArchive, diag.Error, "không có \"- Lưu: …\"", "- Lưu: VT, …", "nơi nhận phải kết thúc bằng dòng \"- Lưu: VT, (đơn vị soạn thảo, số bản).\"")
		}
	}
	checkSigner(fs, ls, p)
	checkBody(fs, ls, p)
	// Capitalisation (Phụ lục II) in running text.
	for i := range ls {
		l := &ls[i]
		if isUpper(l.text) {
			continue
		}
		if m := reWrongCase.FindString(l.text); m != "" {
			want := sentence(m)
			fs.add(l, RuleCase, diag.Warning, m, want, fmt.Sprintf("viết hoa sai: \"%s\", đúng là \"%s\" (chỉ viết hoa chữ cái đầu của cụm từ chỉ loại cơ quan)", m, want))
		}
		if m := reUnitCase.FindStringSubmatch(l.text); m != nil {
			fs.add(l, RuleCase, diag.Warning, m[0], strings.Replace(m[0], m[1], strings.ToLower(m[1]), 1), fmt.Sprintf("viết hoa sai: \"%s\": danh từ chỉ đơn vị hành chính viết thường", m[1]))
		}
		if m := reMonthWord.FindStringSubmatch(l.text); m != nil {
			want := strings.Replace(m[0], m[1], sentence(m[1]), 1)
			fs.add(l, RuleCase, diag.Warning, m[0], want, "tên tháng của sự kiện lịch sử viết hoa: \""+want+"\"")
		}
	}
	return p
}

// sentence keeps the first letter's case and lowers the rest: "Ủy Ban
// Nhân Dân" → "Ủy ban nhân dân", "tám" → "Tám".
func sentence(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) == 0 {
		return s
	}
	return upperVI.String(string(r[0])) + string(r[1:])
}

func pt(halfPoints int) string {
	if halfPoints%2 == 0 {
		return fmt.Sprintf("%d pt", halfPoints/2)
	}
	return fmt.Sprintf("%d,5 pt", halfPoints/2)
}

func ptRange(r [2]int) string {
	if r[0] == r[1] {
		return pt(r[0])
	}
	return fmt.Sprintf("%d–%s", r[0]/2, pt(r[1]))
}

func nfc(s string) string { return norm.NFC.String(s) }

// checkDrafter checks ô 12, the first line of the recipients' column after
// the "- Lưu" line at luu when it has its form: 11 pt (Phụ lục I, II.11).
func checkDrafter(fs *findings, ls []line, luu int) {
	for i := luu + 1; i < len(ls) && i < luu+8; i++ {
		l := &ls[i]
		if l.col == 2 {
			continue
		}
		r := sizeRange[format.DrafterLine]
		if reDrafter.MatchString(strings.TrimSpace(l.text)) && l.size > 0 && (l.size < r[0] || l.size > r[1]) {
			fs.add(l, RuleDrafter, diag.Warning, "cỡ chữ "+pt(l.size), "cỡ chữ "+ptRange(r),
				"ký hiệu người soạn thảo, số bản cỡ chữ "+pt(l.size)+", phải "+ptRange(r))
		}
		return
	}
}
