package format

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"vanban/internal/model"
	"vanban/internal/unit"
)

// Element names a component whose style the decree fixes.
type Element int

// The elements.
const (
	QuocHieu        Element = iota // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNgu                        // "Độc lập - Tự do - Hạnh phúc"
	Parent                         // tên cơ quan chủ quản
	Issuer                         // tên cơ quan ban hành
	Number                         // "Số: …"
	PlaceDate                      // "Vạn Giã, ngày … tháng … năm …"
	TitleType                      // "KẾ HOẠCH"
	TitleSummary                   // trích yếu
	Body                           // nội dung
	Heading1                       // "I. MỤC ĐÍCH, YÊU CẦU"
	Heading2                       // "1. Mục đích"
	Heading3                       // "a) …"
	SignAuthority                  // "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
	SignName                       // "Nguyễn Hữu Trường"
	RecipientsLabel                // "Nơi nhận:"
	RecipientsItem                 // "- Phòng Nội vụ huyện (b/c);"
	PageNumber                     // "2"
	TableCell                      // body table cells
	TableHead                      // body table header cells
	Addressee                      // "Kính gửi: …" (ô 9a)
	AuthorityLine                  // thẩm quyền ban hành of a Quyết định
	AppendixTitle                  // tên phụ lục, "DANH SÁCH …"
	AppendixNote                   // "(Kèm theo … số … ngày … của …)"
	LetterSummary                  // "V/v …" of a công văn (ô 5b)
	Stamp                          // the words of a framed mark: "KHẨN", "MẬT", "LƯU HÀNH NỘI BỘ" (ô 10a, 10b, 11)
	DraftMark                      // "DỰ THẢO", framed, top right of page 1
	DrafterLine                    // "NVA.(05)": người soạn thảo and copies (ô 12)
	ContactLine                    // address, phone, e-mail, website of the body (ô 13)
	AppendixNumber                 // "Phụ lục I": the number line above an appendix's title
	ConfirmTitle                   // "Xác nhận của cơ quan (tổ chức) …" under the signature (Mẫu 1.10)
	ConfirmNote                    // "(Chữ ký, dấu)" under ConfirmTitle
	numElements
)

// Align is a paragraph alignment.
type Align uint8

// Alignments.
const (
	Left Align = iota
	Center
	Justify
	Right // table cells of a column marked "---:"
)

// Style is the resolved presentation of an element.
type Style struct {
	Size   int            // half-points
	Font   model.RunStyle // bold/italic applied to every run
	Upper  bool           // text is upper-cased (applied by Text, once)
	Align  Align
	Indent unit.Length // first-line indent
	Before unit.Length // space before the paragraph
	Line   unit.Length // line pitch (exact)
}

// Sheet is the page setup and the styles of one document kind.
type Sheet struct {
	PageW, PageH             unit.Length
	Top, Bottom, Left, Right unit.Length
	HeaderDist               unit.Length // top edge to the page-number line
	// Columns of the header and of the signature block: the left column
	// starts at the left margin, the right one ends at the right margin.
	LeftCol, RightCol unit.Length
	// RuleFrac is the length of the rules under the issuer and the trích yếu
	// as a fraction of their longest line: Num/Den within 1/3–1/2.
	RuleNum, RuleDen int64
	RuleWidth        unit.Length // stroke width of the rules
	RuleGap          unit.Length // from the bottom of a line box down to its rule; the rule ends the block
	SignSpace        unit.Length // room for signature and seal above the name
	TitleGap         unit.Length // space between the Số line and the tên loại
	BodyGap          unit.Length // space between the title block and the body
	SignGap          unit.Length // space between the body and the signature block
	CellPad          unit.Length // horizontal padding inside table cells
	// HeaderGap is the least room between a line of the left header column
	// (ô 2) and the Quốc hiệu (ô 1): the layout figure of Phụ lục I, IV
	// keeps the two boxes apart; the decree gives no number, so this is a
	// choice (see NewSheet).
	HeaderGap unit.Length
	// ParentMinSize is the smallest size of tên cơ quan chủ quản, in
	// half-points: 12 pt, the lower bound of Phụ lục I, II.2 (12–13 pt). A
	// parent line too long for its column shrinks to it before wrapping.
	ParentMinSize int
	styles        [numElements]Style
}

// Fixed texts of the header (NĐ 30, Phụ lục I, II.1).
const (
	QuocHieuText = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNguText  = "Độc lập - Tự do - Hạnh phúc"
)

// NewSheet returns the rules for a document of the given kind. All kinds of
// the Mẫu 1.4 family (kế hoạch, tờ trình, báo cáo) share them today.
func NewSheet(kind string) *Sheet {
	pt := unit.Pt
	s := &Sheet{
		PageW: unit.MMs(210), PageH: unit.MMs(297),
		Top: unit.MMs(20), Bottom: unit.MMs(20), Left: unit.MMs(30), Right: unit.MMs(15),
		HeaderDist: unit.MMs(10),
		LeftCol:    unit.MMs(65), RightCol: unit.MMs(100),
		RuleNum: 2, RuleDen: 5,
		RuleWidth: unit.Point / 2,
		RuleGap:   3 * unit.Point,
		SignSpace: unit.MMs(24),
		TitleGap:  pt(18),
		BodyGap:   pt(12),
		SignGap:   pt(12),
		CellPad:   unit.MMs(1) + unit.MM/2,
		// 6 mm, a choice: clearly more than the 3.8 mm a full-width line of
		// the 65 mm column leaves before the Quốc hiệu, which the official
		// samples (Phụ lục III: about 4 mm) only just exceed.
		HeaderGap:     unit.MMs(6),
		ParentMinSize: 24,
	}
	bold, ital := model.Bold, model.Italic
	// Điểm "a) …" is upright, as every khoản and điểm (Phụ lục I,
	// II.6.đ, the heading table of Mục V: "lc, R"); italics only where
	// the author writes *…*.
	s.styles = [numElements]Style{
		QuocHieu:        {Size: 26, Font: bold, Upper: true, Align: Center, Line: pt(15)},
		TieuNgu:         {Size: 28, Font: bold, Align: Center, Line: pt(16)},
		Parent:          {Size: 26, Upper: true, Align: Center, Line: pt(15)},
		Issuer:          {Size: 26, Font: bold, Upper: true, Align: Center, Line: pt(15)},
		Number:          {Size: 26, Align: Center, Line: pt(15), Before: pt(6)},
		PlaceDate:       {Size: 28, Font: ital, Align: Center, Line: pt(16), Before: pt(6)},
		TitleType:       {Size: 28, Font: bold, Upper: true, Align: Center, Line: pt(17)},
		TitleSummary:    {Size: 28, Font: bold, Align: Center, Line: pt(17)},
		Body:            {Size: 28, Align: Justify, Indent: unit.CM, Before: pt(6), Line: pt(18)},
		Heading1:        {Size: 28, Font: bold, Upper: true, Align: Justify, Indent: unit.CM, Before: pt(6), Line: pt(18)},
		Heading2:        {Size: 28, Font: bold, Align: Justify, Indent: unit.CM, Before: pt(6), Line: pt(18)},
		Heading3:        {Size: 28, Align: Justify, Indent: unit.CM, Before: pt(6), Line: pt(18)},
		SignAuthority:   {Size: 28, Font: bold, Upper: true, Align: Center, Line: pt(16)},
		SignName:        {Size: 28, Font: bold, Align: Center, Line: pt(16)},
		RecipientsLabel: {Size: 24, Font: bold | ital, Align: Left, Line: pt(14)},
		RecipientsItem:  {Size: 22, Align: Left, Line: pt(13)},
		PageNumber:      {Size: 28, Align: Center, Line: pt(16)},
		TableCell:       {Size: 26, Align: Left, Line: pt(15)},
		TableHead:       {Size: 26, Font: bold, Align: Center, Line: pt(15)},
		Addressee:       {Size: 28, Align: Left, Line: pt(18), Before: pt(6)},
		AuthorityLine:   {Size: 28, Font: bold, Upper: true, Align: Center, Line: pt(17), Before: pt(12)},
		AppendixTitle:   {Size: 28, Font: bold, Upper: true, Align: Center, Line: pt(17)},
		AppendixNote:    {Size: 28, Font: ital, Align: Center, Line: pt(17)},
		LetterSummary:   {Size: 24, Align: Center, Line: pt(14), Before: pt(6)},
		Stamp:           {Size: 26, Font: bold, Upper: true, Align: Center, Line: pt(15)},
		DraftMark:       {Size: 26, Font: bold, Upper: true, Align: Center, Line: pt(15)},
		DrafterLine:     {Size: 22, Align: Left, Line: pt(13)},
		ContactLine:     {Size: 22, Align: Left, Line: pt(13)},
		// Phụ lục I, III.1.b: "Phụ lục" and its number on a line of their
		// own, centred, lower case, 14 pt, upright, bold.
		AppendixNumber: {Size: 28, Font: bold, Align: Center, Line: pt(17)},
		// Phụ lục III, Mẫu 1.10: the confirmation block is a signature of
		// another body, set as the signer's (Phụ lục I, II.7.đ: 13–14 pt,
		// bold), its title in sentence case as the sample writes it; its
		// note italic, as "(Chữ ký)" under "THƯ KÝ" in Mẫu 1.9.
		ConfirmTitle: {Size: 28, Font: bold, Align: Center, Line: pt(16)},
		ConfirmNote:  {Size: 28, Font: ital, Align: Center, Line: pt(16)},
	}
	return s
}

// Landscape returns the rules for a landscape page of the same document
// (NĐ 30, Phụ lục I, I.2): the paper turned, the same margins.
func (s *Sheet) Landscape() *Sheet {
	l := *s
	l.PageW, l.PageH = s.PageH, s.PageW
	return &l
}

// Elements returns every element, in declaration order.
func Elements() []Element {
	out := make([]Element, numElements)
	for i := range out {
		out[i] = Element(i)
	}
	return out
}

// Style returns the style of e.
func (s *Sheet) Style(e Element) Style { return s.styles[e] }

// TextWidth is the width of the text area.
func (s *Sheet) TextWidth() unit.Length { return s.PageW - s.Left - s.Right }

// HeadingElement returns the element of a heading level.
func HeadingElement(level int) Element {
	switch level {
	case 1:
		return Heading1
	case 2:
		return Heading2
	}
	return Heading3
}

var upper = cases.Upper(language.Vietnamese)

// Text applies the casing of e to s.
func (s *Sheet) Text(e Element, text string) string {
	if s.styles[e].Upper {
		return upper.String(text)
	}
	return text
}

// Runs applies the casing of e to runs, returning a new slice.
func (s *Sheet) Runs(e Element, runs []model.Run) []model.Run {
	out := make([]model.Run, len(runs))
	for i, r := range runs {
		out[i] = model.Run{Text: s.Text(e, r.Text), Style: r.Style | s.styles[e].Font}
	}
	return out
}

// NumberLine returns "Số: 05/KH-UBND", with blanks while the number is not
// assigned (Phụ lục I, II.3.c: numbers below 10 take a leading zero).
func NumberLine(n model.Number) string {
	return "Số: " + n.Text()
}

// DateLine returns "Vạn Giã, ngày 08 tháng 5 năm 2024" (Phụ lục I, II.4),
// with blanks for the parts not known yet.
func DateLine(place string, d model.Date) string {
	return place + ", " + d.Long()
}

// RecipientsLabelText is the label of the "Nơi nhận" block.
const RecipientsLabelText = "Nơi nhận:"

// RecipientLines returns the Nơi nhận list as printed: "- " before each
// item, ";" after it, and the last line "- Lưu: VT, TH." (Phụ lục I, II.9.d).
// Punctuation the clerk typed at the end of an item is replaced.
func RecipientLines(r model.Recipients) []string {
	out := make([]string, 0, len(r.Items)+1)
	for _, it := range r.Items {
		out = append(out, "- "+strings.TrimRight(strings.TrimPrefix(it, "- "), ";,. ")+";")
	}
	return append(out, "- Lưu: "+strings.TrimRight(r.Archive, ". ")+".")
}

// Timestamp is the instant written as creation and modification time of the
// PDF and DOCX: the issue date at noon UTC, unknown parts taken as the first
// of their period. It depends on the document only, never on a clock.
func Timestamp(d model.Date) time.Time {
	y, m, day := d.Year, d.Month, d.Day
	if y == 0 {
		y = 2000
	}
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(y, time.Month(m), day, 12, 0, 0, 0, time.UTC)
}

// AddresseeLabel is the label of ô 9a.
const AddresseeLabel = "Kính gửi:"

// AddresseeLines returns the addressees as printed after "Kính gửi:": one
// addressee on the label's line, without punctuation; several each on a line with "- " before
// and ";" after, the last ending "." (Phụ lục I, II.9.b, V row 8a).
func AddresseeLines(list []string) []string {
	if len(list) == 1 {
		return []string{strings.TrimRight(list[0], ";,. ")}
	}
	out := make([]string, len(list))
	for i, a := range list {
		a = "- " + strings.TrimRight(strings.TrimPrefix(a, "- "), ";,. ")
		if i == len(list)-1 {
			out[i] = a + "."
		} else {
			out[i] = a + ";"
		}
	}
	return out
}

var lower = cases.Lower(language.Vietnamese)

// SentenceCase returns a type name as written inside a sentence: "TỜ TRÌNH"
// → "Tờ trình".
func SentenceCase(s string) string {
	r := []rune(lower.String(s))
	if len(r) == 0 {
		return ""
	}
	return upper.String(string(r[0])) + string(r[1:])
}

// AttachedLine returns "(Kèm theo Tờ trình số 05/TTr-UBND ngày 08 tháng 5
// năm 2024 của Ủy ban nhân dân thị trấn Vạn Giã)", the line under the title
// of an appendix (Phụ lục I, III.1.c), with blanks while the number and
// date are not assigned. A document with a thẩm quyền line (a Quyết định of
// a head) names the authority that signed it, not the body: "của Chủ tịch
// Ủy ban nhân dân xã Vạn Ninh", "của Giám đốc Sở Nội vụ tỉnh Khánh Hòa"
// (spec §3.2).
func AttachedLine(doc *model.Document) string {
	s := fmt.Sprintf("(Kèm theo %s số %s %s", SentenceCase(doc.Title.Type), doc.Number.Text(), doc.Date.Long())
	if by := authorityName(doc.Authority, doc.IssuerName); by != "" {
		s += " của " + by
	}
	return s + ")"
}

// authorityName writes the thẩm quyền line "GIÁM ĐỐC SỞ NỘI VỤ" as a
// sentence names it, "Giám đốc Sở Nội vụ tỉnh Khánh Hòa": the title before
// the body's name in sentence case, then the body's name as the profile
// writes it (issuer), whose capitals upper case has lost. The line must end
// with the start of the body's name at a word boundary; otherwise, or
// without a thẩm quyền line, it is the body's name alone.
func authorityName(authority, issuer string) string {
	words := strings.Fields(authority)
	name := upper.String(strings.Join(strings.Fields(issuer), " "))
	for i := range words {
		tail := strings.Join(words[i:], " ")
		if name == tail || strings.HasPrefix(name, tail+" ") {
			if i == 0 {
				return issuer
			}
			return SentenceCase(strings.Join(words[:i], " ")) + " " + issuer
		}
	}
	return issuer
}

// LetterSummaryText returns "V/v …", the trích yếu of a công văn under its
// number (Phụ lục I, II.5.b), whether or not the clerk typed the "V/v".
func LetterSummaryText(summary string) string {
	s := strings.TrimSpace(summary)
	for _, p := range []string{"V/v ", "v/v ", "V/V "} {
		s = strings.TrimPrefix(s, p)
	}
	return "V/v " + s
}

// AppendixNumberText returns "Phụ lục I", the line above the title of the
// n-th appendix (from 1) of a document with two or more (Phụ lục I,
// III.1.a–b: numbered in Roman numerals).
func AppendixNumberText(n int) string {
	return "Phụ lục " + Roman(n)
}

// Roman returns n (1–3999) in Roman numerals: 4 → "IV".
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
