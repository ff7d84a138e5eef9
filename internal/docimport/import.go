package docimport

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"vanban/internal/docimport/docx"
	"vanban/internal/vnenc"
)

// Kind is one template the importer may choose, as the template set
// declares it.
type Kind struct {
	Name   string          // template name, e.g. "ke-hoach"
	Type   string          // tên loại, e.g. "KẾ HOẠCH"
	Code   string          // ký hiệu of the type, e.g. "KH"
	Letter bool            // a công văn (no tên loại)
	Fields map[string]bool // the template's own keys
	// Attached names the keys of a text the document issues, read from the
	// template's front matter; nil when the template has none.
	Attached *AttachedKeys
	// Unnumbered and NoRecipients: the template prints no "Số:" (khong_so)
	// and no "Nơi nhận" (khong_noi_nhan), e.g. a Báo cáo thành tích.
	Unnumbered, NoRecipients bool
	// NoSummary: the template prints no trích yếu (khong_trich_yeu), e.g.
	// a Giấy giới thiệu; a draft read without one leaves trich_yeu out.
	NoSummary bool
	// Columns are the column keys, in order, of each repeated-table field
	// (kieu = "bang_lap"), e.g. "danh_hieu" → nam, danh_hieu, quyet_dinh.
	Columns map[string][]string
}

// Options configure Import.
type Options struct {
	Template string         // -mau: the template to use; "" chooses one
	Kinds    []Kind         // the templates of the workspace
	Profile  map[string]any // the workspace's vanban.toml, decoded; nil when none
}

// Finding is one line of the import report.
type Finding struct {
	Where string // "đoạn 12", "bảng 2, hàng 3, đoạn 40"
	What  string // Vietnamese: what it was taken as, or why it was not placed
	Text  string // the paragraph's text, shortened
}

// Result is an imported draft.
type Result struct {
	Template   string // the chosen template
	Why        string // Vietnamese: why this template
	TOML       string // the draft
	Recognised []Finding
	Unplaced   []Finding
	Legacy     map[vnenc.Encoding]int // runs converted, per encoding
}

// draft holds the recognised values before they are written.
type draft struct {
	parent, issuer  []string
	number, symbol  string
	hasNumber       bool
	place, date     string
	typeName        string
	summary         string
	authority       string // tham quyền line of a quyết định
	addressees      []string
	body            []line // body paragraphs and tables in order
	bodyTables      []*docx.Table
	items           []bodyItem
	recipients      []string
	archive         string
	signer          []string // quyền hạn and chức vụ lines
	signerName      string
	appendixTitle   string
	appendix        *docx.Table
	fullName        string    // the issuer as written in a sentence, from "(Kèm theo … của …)"
	att             *attached // the text the document issues (Mẫu 1.3); nil when none
	authorityPlaced bool      // the thẩm quyền line went into a key
	numberLine      line      // the "Số: …" line as read
	typeLine        line      // the tên loại as read (the number line when there is none)
	attachedLine    line      // the "(Kèm theo …)" line of an appendix or attached text
	names           []line    // upper-case lines of the header's left column, until finishHeader
	leftSigner      []line    // a second signature, left of the signer's: title lines, then the name
	marks           marks     // ô 10a–13, read from the header, the recipients and the footer
	confirm         []line    // a confirmation block left of the signer (Mẫu 1.10: "Xác nhận của …", "(Chữ ký, dấu)")
}

// bodyItem is a paragraph or a table of the body.
type bodyItem struct {
	l *line
	t *docx.Table
}

var (
	reNumber   = regexp.MustCompile(`^Số\s*:?\s*([0-9]*)\s*(?:[…\.]*)\s*/\s*(\S+)\s*$`)
	reDate     = regexp.MustCompile(`^(.*?),\s*ngày\s*([0-9]{0,2})[\s…\.]*tháng\s*([0-9]{0,2})[\s…\.]*năm\s*([0-9]{4})`)
	reVV       = regexp.MustCompile(`^(?:V/v|V/V|Về việc)\s*:?\s*(.*)$`)
	reKinhGui  = regexp.MustCompile(`^Kính\s+gửi\s*:?\s*(.*)$`)
	reNoiNhan  = regexp.MustCompile(`^Nơi\s+nhận\s*:?\s*(.*)$`)
	reLuu      = regexp.MustCompile(`^[-–+•]?\s*Lưu\s*:?\s*(.*?)\.?$`)
	reAuth     = regexp.MustCompile(`^(TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(.*)$`)
	reRoman    = regexp.MustCompile(`^[IVXL]+\.\s`)
	reDecimal  = regexp.MustCompile(`^\d+(\.\d+)*\.\s`)
	reLetter   = regexp.MustCompile(`^[a-zđ]\)\s`)
	reDash     = regexp.MustCompile(`^[-–+•]\s+`)
	reAttached = regexp.MustCompile(`năm \d{4} của (.+)\)$`)
	reQuocHieu = regexp.MustCompile(`(?i)^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$`)
	reTieuNgu  = regexp.MustCompile(`^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc`)
	reBasis    = regexp.MustCompile(`^(Căn cứ|Theo đề nghị|Xét đề nghị)\s`)
)

// Import recognises the document and writes a draft.
func Import(d *docx.Document, opt Options) (*Result, error) {
	conv := &converter{counts: map[vnenc.Encoding]int{}}
	conv.blocks(d.Body)
	for _, f := range d.Footers {
		conv.blocks(f.Blocks)
	}
	res := &Result{Legacy: conv.counts}
	dr := &draft{}
	rec := func(l line, what string) {
		res.Recognised = append(res.Recognised, Finding{l.where, what, short(l.text)})
	}
	// What is not placed keeps its whole text: the clerk copies it in.
	unplaced := func(l line, why string) {
		res.Unplaced = append(res.Unplaced, Finding{l.where, why, l.text})
	}
	blocks := d.Body
	i := 0
	// 1. The header: a table near the top holding Quốc hiệu or "Số:", or
	// leading paragraphs split by tabs.
	for ; i < len(blocks) && i < 6; i++ {
		b := blocks[i]
		if b.Table != nil {
			left, right := columns(b.Table)
			if !headerLike(left, right) {
				break
			}
			dr.header(left, right, rec, unplaced)
			continue
		}
		l := mkLine(b.Para, nil, 0)
		if l.text == "" {
			continue
		}
		if strings.Contains(b.Para.Text(), "\t") {
			parts := strings.Split(b.Para.Text(), "\t")
			var left, right []line
			for k, part := range parts {
				if c := clean(part); c != "" {
					x := l
					x.text = c
					if k == 0 {
						left = append(left, x)
					} else {
						right = append(right, x)
					}
				}
			}
			if headerLike(left, right) || len(dr.names) == 0 && isUpper(l.text) {
				dr.header(left, right, rec, unplaced)
				continue
			}
		}
		if reQuocHieu.MatchString(l.text) || reTieuNgu.MatchString(l.text) || reNumber.MatchString(l.text) || reDate.MatchString(l.text) ||
			(dr.number == "" && !dr.hasNumber && isUpper(l.text) && b.Para.Align != docx.Center && len(dr.names) < 3 && !declaredType(l.text, opt.Kinds)) {
			dr.header([]line{l}, nil, rec, unplaced)
			continue
		}
		break
	}
	dr.finishHeader(rec)
	// 2. Tên loại, trích yếu, tham quyền, Kính gửi.
	for ; i < len(blocks); i++ {
		b := blocks[i]
		if b.Table != nil {
			break
		}
		l := mkLine(b.Para, nil, 0)
		if l.text == "" || dr.stamp(l, rec) {
			continue
		}
		// Foreign writers (pandoc, python-docx) drop alignment and the
		// styles that carry bold, so a title is recognised by its text:
		// centred, any short upper-case line; otherwise a tên loại the
		// workspace's templates declare.
		if dr.typeName == "" && dr.summary == "" && isUpper(l.text) &&
			(b.Para.Align == docx.Center && knownType(l.text, opt.Kinds) || declaredType(l.text, opt.Kinds)) {
			dr.typeName, dr.typeLine = l.text, l
			rec(l, "tên loại văn bản")
			continue
		}
		if dr.typeName != "" && dr.summary == "" && len(dr.addressees) == 0 && summaryLike(b.Para, l.text) {
			dr.summary = l.text
			// Continuation lines keep the first line's look: centred or
			// bold (a plain line after a plain trích yếu is the body).
			for i+1 < len(blocks) && blocks[i+1].Para != nil && titleLook(b.Para) && titleLook(blocks[i+1].Para) {
				n := mkLine(blocks[i+1].Para, nil, 0)
				if n.text == "" || isUpper(n.text) || !summaryLike(blocks[i+1].Para, n.text) {
					break
				}
				dr.summary += " " + n.text
				i++
			}
			rec(l, "trích yếu")
			continue
		}
		if dr.typeName != "" && dr.authority == "" && len(dr.addressees) == 0 && isUpper(l.text) && !strings.HasSuffix(l.text, ":") &&
			!reRoman.MatchString(l.text) && !reDecimal.MatchString(l.text) &&
			(b.Para.Align == docx.Center && allBold(b.Para) || reBasis.MatchString(nextText(blocks, i))) {
			dr.authority = l.text
			rec(l, "thẩm quyền ban hành")
			continue
		}
		if m := reKinhGui.FindStringSubmatch(l.text); m != nil {
			if s := strings.TrimSpace(m[1]); s != "" {
				dr.addressees = append(dr.addressees, trimItem(s))
			}
			for i+1 < len(blocks) && blocks[i+1].Para != nil {
				n := mkLine(blocks[i+1].Para, nil, 0)
				if !reDash.MatchString(n.text) {
					break
				}
				dr.addressees = append(dr.addressees, trimItem(n.text))
				i++
			}
			rec(l, "kính gửi")
			continue
		}
		break
	}
	// 3. The body, up to the recipients and signer; then the appendix or
	// the attached text.
	inAppendix := false
	for ; i < len(blocks); i++ {
		b := blocks[i]
		if b.Table != nil {
			if !inAppendix && (signatureTable(b.Table) || twoSignatures(blocks, i)) {
				dr.signature(b.Table, rec, unplaced)
				continue
			}
			if inAppendix {
				dr.appendixTable(b.Table, rec, unplaced)
				continue
			}
			dr.items = append(dr.items, bodyItem{t: b.Table})
			rec(line{where: fmt.Sprintf("bảng %d", b.Table.N), text: firstCell(b.Table)}, "bảng trong nội dung")
			continue
		}
		l := mkLine(b.Para, nil, 0)
		if b.Para.SectionEnd && dr.signerName != "" {
			inAppendix = true
		}
		if l.text == "" {
			continue
		}
		if inAppendix || dr.signerName != "" {
			inAppendix = true
			if dr.att == nil && dr.appendix == nil && dr.appendixTitle == "" && isUpper(l.text) && !reRoman.MatchString(l.text) && attachedTitleNext(blocks, i) {
				// A tên loại with its trích yếu under it, no header table
				// (a foreign writer): an attached text.
				dr.att = &attached{}
			}
			if dr.att != nil && !dr.att.signed {
				i = dr.attachedPara(blocks, i, l, rec)
				continue
			}
			switch {
			case dr.att == nil && dr.appendixTitle == "" && isUpper(l.text):
				dr.appendixTitle = l.text
				rec(l, "tên phụ lục")
			case strings.HasPrefix(l.text, "(Kèm theo"):
				if m := reAttached.FindStringSubmatch(l.text); m != nil {
					dr.fullName = m[1]
				}
				dr.attachedLine = l
				rec(l, "dòng kèm theo (vanban tự tạo)")
			default:
				unplaced(l, "đoạn trong phụ lục: chưa đặt được")
			}
			continue
		}
		if m := reNoiNhan.FindStringSubmatch(l.text); m != nil {
			// Recipients written as paragraphs (no table).
			rec(l, "nơi nhận")
			for i+1 < len(blocks) && blocks[i+1].Para != nil {
				n := mkLine(blocks[i+1].Para, nil, 0)
				if !reDash.MatchString(n.text) {
					break
				}
				dr.recipient(n, rec)
				i++
			}
			if i+1 < len(blocks) && blocks[i+1].Para != nil && dr.drafterLine(mkLine(blocks[i+1].Para, nil, 0), rec) {
				i++
			}
			continue
		}
		dr.items = append(dr.items, bodyItem{l: &l})
	}
	dr.finishSignerFromBody(rec)
	dr.footer(d.Footers, rec)
	res.Template, res.Why = choose(dr, opt)
	var k *Kind
	for j := range opt.Kinds {
		if opt.Kinds[j].Name == res.Template {
			k = &opt.Kinds[j]
		}
	}
	res.TOML = write(dr, k, res, opt.Profile, rec, unplaced)
	sort.SliceStable(res.Recognised, func(a, b int) bool { return order(res.Recognised[a].Where) < order(res.Recognised[b].Where) })
	sort.SliceStable(res.Unplaced, func(a, b int) bool { return order(res.Unplaced[a].Where) < order(res.Unplaced[b].Where) })
	return res, nil
}

// order sorts findings by the paragraph number in their place.
func order(w string) int {
	if i := strings.LastIndex(w, "đoạn "); i >= 0 {
		n, _ := strconv.Atoi(w[i+len("đoạn "):])
		return n
	}
	return 1 << 30
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 70 {
		return string(r[:67]) + "…"
	}
	return s
}

func trimItem(s string) string {
	s = reDash.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.TrimRight(s, ";., ")
	return s
}

func firstCell(t *docx.Table) string {
	if len(t.Rows) > 0 && len(t.Rows[0].Cells) > 0 {
		return clean(t.Rows[0].Cells[0].Text())
	}
	return ""
}

func headerLike(left, right []line) bool {
	for _, ls := range [][]line{left, right} {
		for _, l := range ls {
			if reQuocHieu.MatchString(l.text) || reTieuNgu.MatchString(l.text) || reNumber.MatchString(l.text) || reDate.MatchString(l.text) {
				return true
			}
		}
	}
	return false
}

// declaredType says whether s is the tên loại of one of the templates.
func declaredType(s string, kinds []Kind) bool {
	for _, k := range kinds {
		if k.Type != "" && strings.EqualFold(k.Type, s) {
			return true
		}
	}
	return false
}

// summaryLike says whether the paragraph p, with text s, after a tên
// loại can be its trích yếu: not a heading, list item, addressee line or
// căn cứ; when it has neither centring nor bold (a foreign writer lost
// them), also no sentence punctuation at its end, which body text has.
func summaryLike(p *docx.Paragraph, s string) bool {
	if isUpper(s) || reKinhGui.MatchString(s) || reBasis.MatchString(s) || reDash.MatchString(s) ||
		reRoman.MatchString(s) || reDecimal.MatchString(s) || reLetter.MatchString(s) || strings.HasPrefix(s, "(") {
		return false
	}
	if titleLook(p) {
		return true
	}
	return len([]rune(s)) <= 300 && !strings.ContainsAny(s[len(s)-1:], ".:;")
}

// titleLook says whether p is set as a title: centred or all bold.
func titleLook(p *docx.Paragraph) bool { return p.Align == docx.Center || allBold(p) }

// nextText is the text of the first non-empty paragraph after blocks[i];
// "" when a table or the end comes first.
func nextText(blocks []docx.Block, i int) string {
	for j := i + 1; j < len(blocks) && blocks[j].Para != nil; j++ {
		if t := clean(blocks[j].Para.Text()); t != "" {
			return t
		}
	}
	return ""
}

func knownType(s string, kinds []Kind) bool {
	for _, k := range kinds {
		if k.Type != "" && strings.EqualFold(k.Type, s) {
			return true
		}
	}
	// Any other upper-case title is still a tên loại (QUY ĐỊNH, BIÊN BẢN…)
	// when it is short.
	return len([]rune(s)) <= 40 && !strings.HasSuffix(s, ":")
}

// finishHeader splits the upper-case lines of the header's left column
// (read from a table or from tab-split lines, one call of header each):
// the issuing body is the bold lines, the parent body the plain lines
// above them.
func (dr *draft) finishHeader(rec func(line, string)) {
	names := dr.names
	if len(names) == 0 {
		return
	}
	split := 0
	for k, n := range names {
		if !allBold(n.p) {
			split = k + 1
		}
	}
	if split == len(names) {
		split = 0 // no bold line at all: all of it is the issuer
	}
	for _, n := range names[:split] {
		dr.parent = append(dr.parent, n.text)
		rec(n, "cơ quan chủ quản")
	}
	for _, n := range names[split:] {
		dr.issuer = append(dr.issuer, n.text)
		rec(n, "cơ quan ban hành")
	}
}

// header reads the lines of the header columns.
func (dr *draft) header(left, right []line, rec func(line, string), unplaced func(line, string)) {
	var names []line
	for idx := 0; idx < len(left); idx++ {
		l := left[idx]
		switch {
		case l.text == "":
		case reQuocHieu.MatchString(l.text) || reTieuNgu.MatchString(l.text):
			rec(l, "quốc hiệu, tiêu ngữ (vanban tự tạo)")
		case reNumber.MatchString(l.text):
			m := reNumber.FindStringSubmatch(l.text)
			dr.number, dr.symbol, dr.hasNumber = m[1], m[2], true
			dr.numberLine, dr.typeLine = l, l
			rec(l, "số, ký hiệu")
		case dr.hasNumber && dr.stamp(l, rec):
		case reVV.MatchString(l.text) && dr.hasNumber:
			s := reVV.FindStringSubmatch(l.text)[1]
			for idx+1 < len(left) && left[idx+1].text != "" && !stampLine(left[idx+1].text) {
				idx++
				s += " " + left[idx].text
			}
			dr.summary = s
			rec(l, "trích yếu công văn (V/v)")
		case reDate.MatchString(l.text):
			dr.placeDate(l, rec)
		case !dr.hasNumber && isUpper(l.text):
			names = append(names, l)
		default:
			unplaced(l, "dòng đầu văn bản: chưa đặt được")
		}
	}
	dr.names = append(dr.names, names...)
	for _, l := range right {
		switch {
		case l.text == "":
		case reQuocHieu.MatchString(l.text) || reTieuNgu.MatchString(l.text):
			rec(l, "quốc hiệu, tiêu ngữ (vanban tự tạo)")
		case reDate.MatchString(l.text):
			dr.placeDate(l, rec)
		case dr.stamp(l, rec):
		default:
			unplaced(l, "dòng đầu văn bản: chưa đặt được")
		}
	}
}

func (dr *draft) placeDate(l line, rec func(line, string)) {
	m := reDate.FindStringSubmatch(l.text)
	dr.place = strings.TrimSpace(m[1])
	day, _ := strconv.Atoi(m[2])
	month, _ := strconv.Atoi(m[3])
	switch {
	case day > 0 && month > 0:
		dr.date = fmt.Sprintf("%s-%02d-%02d", m[4], month, day)
	case month > 0:
		dr.date = fmt.Sprintf("%s-%02d", m[4], month)
	default:
		dr.date = m[4] // only the year is written: "ngày … tháng … năm 2024"
	}
	rec(l, "địa danh, ngày tháng")
}

func signatureTable(t *docx.Table) bool {
	for _, r := range t.Rows {
		if len(r.Cells) >= 1 && reNoiNhan.MatchString(clean(r.Cells[0].Text())) {
			return true
		}
	}
	return false
}

func (dr *draft) recipient(l line, rec func(line, string)) {
	if m := reLuu.FindStringSubmatch(l.text); m != nil {
		dr.archive = strings.TrimRight(m[1], ". ")
		rec(l, "nơi lưu")
		return
	}
	if dr.drafterLine(l, rec) {
		return
	}
	dr.recipients = append(dr.recipients, trimItem(l.text))
	rec(l, "nơi nhận")
}

// signature reads the recipients (left) and signer (right) table.
func (dr *draft) signature(t *docx.Table, rec func(line, string), unplaced func(line, string)) {
	// Row by row: the row whose first cell starts "Nơi nhận" holds the
	// recipients; a row with a signature in both cells (a Biên bản, Mẫu
	// 1.9: thư ký left, chủ tọa right) holds a second signer on the left.
	var right []line
	for ri, row := range t.Rows {
		var first, rest []line
		for ci, c := range row.Cells {
			for _, b := range c.Blocks {
				if b.Para == nil {
					continue
				}
				if l := mkLine(b.Para, t, ri); l.text != "" {
					if ci == 0 {
						first = append(first, l)
					} else {
						rest = append(rest, l)
					}
				}
			}
		}
		right = append(right, rest...)
		switch {
		case len(first) == 0:
		case reNoiNhan.MatchString(first[0].text):
			rec(first[0], "nơi nhận")
			for _, l := range first[1:] {
				dr.recipient(l, rec)
			}
		case len(rest) > 0 && isUpper(first[0].text):
			dr.leftSigner = append(dr.leftSigner, first...)
		case first[0].text == giayConfirm:
			dr.confirm = append(dr.confirm, first...)
		default:
			for _, l := range first {
				unplaced(l, "ô trái của bảng chữ ký: chưa đặt được")
			}
		}
	}
	var lines []line
	for _, l := range right {
		if l.text == "" || strings.HasPrefix(l.text, "(") && strings.HasSuffix(l.text, ")") || strings.EqualFold(l.text, "đã ký") {
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		return
	}
	name := lines[len(lines)-1]
	if isUpper(name.text) && len(lines) > 1 {
		// No name (a form with a blank): every line is a title.
		dr.signer = texts(lines)
	} else {
		dr.signerName = name.text
		rec(name, "họ tên người ký")
		lines = lines[:len(lines)-1]
		dr.signer = texts(lines)
	}
	for _, l := range lines {
		rec(l, "chức vụ người ký")
	}
	if dr.signerName == "" {
		dr.signerName = " " // the signer block was seen
	}
}

// finishSignerFromBody handles documents without a signature table: the
// last upper-case lines of the body and the name after them.
func (dr *draft) finishSignerFromBody(rec func(line, string)) {
	if dr.signerName != "" || len(dr.items) == 0 {
		dr.signerName = strings.TrimSpace(dr.signerName)
		return
	}
	// Walk back from the end: a short non-upper line (the name) preceded
	// by upper-case title lines.
	k := len(dr.items) - 1
	for k >= 0 && dr.items[k].l != nil && strings.HasPrefix(dr.items[k].l.text, "(") {
		k--
	}
	if k < 1 || dr.items[k].l == nil {
		return
	}
	name := dr.items[k].l
	if isUpper(name.text) || len([]rune(name.text)) > 40 {
		return
	}
	j := k - 1
	for j >= 0 && dr.items[j].l != nil && isUpper(dr.items[j].l.text) && len([]rune(dr.items[j].l.text)) <= 60 {
		j--
	}
	if j == k-1 {
		return
	}
	var ls []line
	for _, it := range dr.items[j+1 : k] {
		ls = append(ls, *it.l)
		rec(*it.l, "chức vụ người ký")
	}
	dr.signer = texts(ls)
	dr.signerName = name.text
	rec(*name, "họ tên người ký")
	dr.items = dr.items[:j+1]
}

func texts(ls []line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.text)
	}
	return out
}
