package docx

import (
	"fmt"

	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/resolve"
)

// Paragraph style IDs, one per NĐ 30 element. Headings use Word's built-in
// IDs so they appear in the navigation pane.
var styleIDs = map[format.Element]string{
	format.QuocHieu:        "VBQuocHieu",
	format.TieuNgu:         "VBTieuNgu",
	format.Parent:          "VBChuQuan",
	format.Issuer:          "VBCoQuan",
	format.Number:          "VBSo",
	format.PlaceDate:       "VBDiaDanhNgay",
	format.TitleType:       "VBTenLoai",
	format.TitleSummary:    "VBTrichYeu",
	format.Body:            "VBNoiDung",
	format.Heading1:        "Heading1",
	format.Heading2:        "Heading2",
	format.Heading3:        "Heading3",
	format.SignAuthority:   "VBQuyenHan",
	format.SignName:        "VBHoTen",
	format.RecipientsLabel: "VBNoiNhan",
	format.RecipientsItem:  "VBNoiNhanDs",
	format.PageNumber:      "Header",
	format.TableCell:       "VBBang",
	format.TableHead:       "VBBangTieuDe",
	format.Addressee:       "VBKinhGui",
	format.AuthorityLine:   "VBThamQuyen",
	format.AppendixTitle:   "VBTenPhuLuc",
	format.AppendixNote:    "VBKemTheo",
	format.LetterSummary:   "VBVv",
	format.Stamp:           "VBDau",
	format.DraftMark:       "VBDuThao",
	format.DrafterLine:     "VBNguoiSoanThao",
	format.ContactLine:     "VBDiaChi",
	format.AppendixNumber:  "VBSoPhuLuc",
	format.ConfirmTitle:    "VBXacNhan",
	format.ConfirmNote:     "VBXacNhanGhiChu",
}

// styleNames are the names Word shows; Vietnamese for the clerk.
var styleNames = map[format.Element]string{
	format.QuocHieu:        "VB Quốc hiệu",
	format.TieuNgu:         "VB Tiêu ngữ",
	format.Parent:          "VB Cơ quan chủ quản",
	format.Issuer:          "VB Cơ quan ban hành",
	format.Number:          "VB Số, ký hiệu",
	format.PlaceDate:       "VB Địa danh, ngày tháng",
	format.TitleType:       "VB Tên loại",
	format.TitleSummary:    "VB Trích yếu",
	format.Body:            "VB Nội dung",
	format.Heading1:        "heading 1",
	format.Heading2:        "heading 2",
	format.Heading3:        "heading 3",
	format.SignAuthority:   "VB Quyền hạn, chức vụ",
	format.SignName:        "VB Họ tên người ký",
	format.RecipientsLabel: "VB Nơi nhận",
	format.RecipientsItem:  "VB Danh sách nơi nhận",
	format.PageNumber:      "header",
	format.TableCell:       "VB Bảng",
	format.TableHead:       "VB Bảng tiêu đề",
	format.Addressee:       "VB Kính gửi",
	format.AuthorityLine:   "VB Thẩm quyền ban hành",
	format.AppendixTitle:   "VB Tên phụ lục",
	format.AppendixNote:    "VB Kèm theo",
	format.LetterSummary:   "VB Trích yếu công văn",
	format.Stamp:           "VB Dấu độ khẩn, độ mật, lưu hành",
	format.DraftMark:       "VB Dự thảo",
	format.DrafterLine:     "VB Người soạn thảo, số bản",
	format.ContactLine:     "VB Địa chỉ cơ quan",
	format.AppendixNumber:  "VB Số thứ tự phụ lục",
	format.ConfirmTitle:    "VB Xác nhận",
	format.ConfirmNote:     "VB Xác nhận (chữ ký, dấu)",
}

// roleStyle is the named style of a role of body paragraphs: the body's
// style (VB Nội dung) and the role's font (resolve.RoleFont), so a căn cứ
// line is italic by its style, not by direct formatting, and the clerk
// restyles every căn cứ at once; likewise every "Điều n." paragraph of a
// decision ("VB Điều", the body's look).
type roleStyle struct{ id, name string }

var roleStyles = map[model.Role]roleStyle{
	model.RoleBasis:   {"VBCanCu", "VB Căn cứ"},
	model.RoleArticle: {"VBDieu", "VB Điều"},
}

// roles lists the roles with a style, in the order styles.xml defines them.
var roles = []model.Role{model.RoleBasis, model.RoleArticle}

// paraStyle returns the style ID of p and the run styles the style gives.
func (b *body) paraStyle(p *resolve.Para) (string, model.RunStyle) {
	font := b.s.Style(p.Element).Font
	if rs, ok := roleStyles[p.Role]; ok {
		return rs.id, font | resolve.RoleFont(p.Role)
	}
	return styleIDs[p.Element], font
}

// ruleStyle is the style of the empty paragraphs whose bottom border draws
// the rules under the issuer, the motto and the trích yếu.
const ruleStyle = "VBGach"

// stylesXML writes styles.xml from the sheet, so the DOCX and the PDF share
// one source for every size, weight and spacing.
func stylesXML(s *format.Sheet) string {
	var x xw
	x.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.raw(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	// Times New Roman, as NĐ 30 (Phụ lục I, I.4) names it; LibreOffice uses
	// the metric-compatible Liberation Serif in its place.
	x.raw(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`)
	x.f(`<w:color w:val="000000"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
		s.Style(format.Body).Size, s.Style(format.Body).Size)
	x.raw(`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	x.raw(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	x.raw(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`)
	x.raw(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	for _, e := range format.Elements() {
		if styleIDs[e] == "" {
			panic("docx: no style for element " + fmt.Sprint(e)) // a programmer error: add it above
		}
		st := s.Style(e)
		x.f(`<w:style w:type="paragraph" w:customStyle="%d" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/>`,
			custom(e), styleIDs[e], escape(styleNames[e]))
		if e == format.Body {
			x.raw(`<w:qFormat/>`)
		}
		x.raw(`<w:pPr>`)
		if e == format.Heading1 || e == format.Heading2 || e == format.Heading3 {
			x.raw(`<w:keepNext/>`)
		}
		// At least the pitch of format, not exactly: text lines of the
		// style's size lay out alike, and a picture or larger type the
		// clerk pastes in later grows its line instead of being clipped.
		x.f(`<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="atLeast"/>`, st.Before.Twips(), st.Line.Twips())
		if st.Indent != 0 {
			x.f(`<w:ind w:firstLine="%d"/>`, st.Indent.Twips())
		}
		x.f(`<w:jc w:val="%s"/>`, jc(st.Align))
		switch e {
		case format.Heading1:
			x.raw(`<w:outlineLvl w:val="0"/>`)
		case format.Heading2:
			x.raw(`<w:outlineLvl w:val="1"/>`)
		case format.Heading3:
			x.raw(`<w:outlineLvl w:val="2"/>`)
		}
		x.raw(`</w:pPr><w:rPr>`)
		writeRunStyle(&x, st.Font)
		x.f(`<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, st.Size, st.Size)
	}
	body := s.Style(format.Body)
	for _, role := range roles {
		rs := roleStyles[role]
		x.f(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="%s"/><w:qFormat/><w:rPr>`,
			rs.id, escape(rs.name), styleIDs[format.Body])
		writeRunStyle(&x, (body.Font|resolve.RoleFont(role))&^body.Font)
		x.raw(`</w:rPr></w:style>`)
	}
	x.f(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="VB Gạch dưới"/><w:basedOn w:val="Normal"/><w:pPr>`, ruleStyle)
	x.f(`<w:pBdr><w:bottom w:val="single" w:sz="%d" w:space="0" w:color="000000"/></w:pBdr>`, eighths(s))
	x.f(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:style>`,
		s.RuleGap.Twips())
	x.raw(`</w:styles>`)
	return x.String()
}

func custom(e format.Element) int {
	switch e {
	case format.Heading1, format.Heading2, format.Heading3, format.PageNumber:
		return 0
	}
	return 1
}

// eighths is the rule stroke in eighths of a point (w:sz of a border).
func eighths(s *format.Sheet) int64 {
	return int64(s.RuleWidth) * 8 / 12700
}

func jc(a format.Align) string {
	switch a {
	case format.Center:
		return "center"
	case format.Justify:
		return "both"
	case format.Right:
		return "right"
	}
	return "left"
}

// writeRunStyle writes the bold and italic of rs in rPr order.
func writeRunStyle(x *xw, rs model.RunStyle) {
	if rs&model.Bold != 0 {
		x.raw(`<w:b/><w:bCs/>`)
	}
	if rs&model.Italic != 0 {
		x.raw(`<w:i/><w:iCs/>`)
	}
}
