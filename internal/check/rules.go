package check

import (
	"vanban/internal/format"
	"vanban/internal/unit"
)

// Rule ids are stable: e-office systems read them from -json.
const (
	RulePaper       = "ND30-KHO-GIAY"        // A4
	RuleOrientation = "ND30-HUONG-GIAY"      // portrait
	RuleMargins     = "ND30-LE-TRANG"        // page margins
	RuleFont        = "ND30-PHONG-CHU"       // Times New Roman, Unicode
	RuleQuocHieu    = "ND30-QUOC-HIEU"       // ô 1
	RuleTieuNgu     = "ND30-TIEU-NGU"        // ô 1
	RuleParent      = "ND30-CQ-CHU-QUAN"     // ô 2
	RuleIssuer      = "ND30-CQ-BAN-HANH"     // ô 2
	RuleNumber      = "ND30-SO-KY-HIEU"      // ô 3: style
	RuleNumberZero  = "ND30-SO-0"            // ô 3: leading zero
	RuleSymbol      = "ND30-KY-HIEU"         // ô 3: abbreviations of Phụ lục III
	RuleDate        = "ND30-DIA-DANH-NGAY"   // ô 4: style
	RuleDateZero    = "ND30-NGAY-SO-0"       // ô 4: zeros of day and month
	RuleTitleType   = "ND30-TEN-LOAI"        // ô 5a
	RuleSummary     = "ND30-TRICH-YEU"       // ô 5a
	RuleLetterVv    = "ND30-VV"              // ô 5b
	RuleAddressee   = "ND30-KINH-GUI"        // ô 9a
	RuleBodySize    = "ND30-NOI-DUNG-CO-CHU" // ô 6
	RuleBodyAlign   = "ND30-NOI-DUNG-CAN-LE"
	RuleBodyIndent  = "ND30-NOI-DUNG-THUT-DONG"
	RuleBodySpacing = "ND30-NOI-DUNG-KHOANG-CACH"
	RuleClosing     = "ND30-KET-THUC" // "./."
	RuleRecipients  = "ND30-NOI-NHAN" // ô 9b
	RuleArchive     = "ND30-LUU"      // "- Lưu: VT, …."
	RuleSigner      = "ND30-CHU-KY"   // ô 7a, 7b
	RulePageNumber  = "ND30-SO-TRANG" // I.7
	RuleCase        = "ND30-VIET-HOA" // Phụ lục II
	RuleRule        = "ND30-DUONG-KE" // rules under Tiêu ngữ, issuer, trích yếu
	RuleBasis       = "ND30-CAN-CU"   // căn cứ ban hành: italic
	RuleHeading     = "ND30-DE-MUC"   // headings I., 1. of the body
	RuleLineSpacing = "ND30-NOI-DUNG-GIAN-DONG"
	RuleDrafter     = "ND30-NGUOI-SOAN-THAO" // ô 12: "NVA.(05)" under Nơi nhận
)

// clauses names, for each rule, where NĐ 30/2020 states it.
var clauses = map[string]string{
	RulePaper:       "Phụ lục I, I.1",
	RuleOrientation: "Phụ lục I, I.2",
	RuleMargins:     "Phụ lục I, I.3",
	RuleFont:        "Phụ lục I, I.4",
	RuleQuocHieu:    "Phụ lục I, II.1.a",
	RuleTieuNgu:     "Phụ lục I, II.1.b",
	RuleParent:      "Phụ lục I, II.2",
	RuleIssuer:      "Phụ lục I, II.2.b",
	RuleNumber:      "Phụ lục I, II.3.c",
	RuleNumberZero:  "Phụ lục I, II.3.c",
	RuleSymbol:      "Phụ lục I, II.3.b; Phụ lục III",
	RuleDate:        "Phụ lục I, II.4.c",
	RuleDateZero:    "Phụ lục I, II.4.b",
	RuleTitleType:   "Phụ lục I, II.5.b",
	RuleSummary:     "Phụ lục I, II.5.b",
	RuleLetterVv:    "Phụ lục I, II.5.b; Mục V",
	RuleAddressee:   "Phụ lục I, II.9.d",
	RuleBodySize:    "Phụ lục I, II.6.e",
	RuleBodyAlign:   "Phụ lục I, II.6.e",
	RuleBodyIndent:  "Phụ lục I, II.6.e",
	RuleBodySpacing: "Phụ lục I, II.6.e",
	RuleClosing:     "Phụ lục III (các mẫu)",
	RuleRecipients:  "Phụ lục I, II.9.d",
	RuleArchive:     "Phụ lục I, II.9.d",
	RuleSigner:      "Phụ lục I, II.7.đ",
	RulePageNumber:  "Phụ lục I, I.7",
	RuleDrafter:     "Phụ lục I, II.11",
	RuleCase:        "Phụ lục II",
	RuleRule:        "Phụ lục I, II.1.b, II.2.b, II.5.b",
	RuleBasis:       "Phụ lục I, II.6.a",
	RuleHeading:     "Phụ lục I, II.6.đ",
	RuleLineSpacing: "Phụ lục I, II.6.e",
}

// sizeRange is the range of sizes, in half-points, the decree allows for
// an element; format holds the value vanban renders, which lies inside
// (TestSizeRangesHoldFormat). These ranges belong in format as
// Style.MinSize/MaxSize; they live here until format exposes them.
var sizeRange = map[format.Element][2]int{
	format.QuocHieu:        {24, 26}, // II.1.a: 12–13
	format.TieuNgu:         {26, 28}, // II.1.b: 13–14
	format.Parent:          {24, 26}, // II.2: 12–13
	format.Issuer:          {24, 26}, // II.2.b: 12–13
	format.Number:          {26, 26}, // II.3.c: 13
	format.PlaceDate:       {26, 28}, // II.4.c: 13–14
	format.TitleType:       {26, 28}, // II.5.b: 13–14
	format.TitleSummary:    {26, 28}, // II.5.b: 13–14
	format.LetterSummary:   {24, 26}, // II.5.b, Mục V: 12–13
	format.Addressee:       {26, 28}, // II.9.d: 13–14
	format.Body:            {26, 28}, // II.6.e: 13–14
	format.SignAuthority:   {26, 28}, // II.7.đ: 13–14
	format.SignName:        {26, 28}, // II.7.đ: 13–14
	format.RecipientsLabel: {24, 24}, // II.9.d: 12
	format.RecipientsItem:  {22, 22}, // II.9.d: 11
	format.DrafterLine:     {22, 22}, // II.11: 11
	format.PageNumber:      {26, 28}, // I.7: 13–14
}

// marginSlack is how far above its minimum each margin may be (Phụ lục I,
// I.3: top and bottom 20–25, left 30–35, right 15–20 mm): format holds the
// minima it renders with. It belongs in format as Sheet.MarginSlack.
const marginSlack = 5 * unit.MM

// typeCodes are the abbreviations of the tên loại (Phụ lục III, I). They
// belong in format (e.g. format.TypeCodes), next to the tên loại the
// templates declare.
var typeCodes = map[string]string{
	"NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
	"THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "KẾ HOẠCH": "KH",
	"PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC", "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr",
	"HỢP ĐỒNG": "HĐ", "CÔNG ĐIỆN": "CĐ", "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT", "BẢN THOẢ THUẬN": "BTT",
	"GIẤY ỦY QUYỀN": "GUQ", "GIẤY UỶ QUYỀN": "GUQ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT",
	"GIẤY NGHỈ PHÉP": "GNP", "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC", "PHIẾU BÁO": "PB",
}

// knownCode reports whether code is the abbreviation of some tên loại.
func knownCode(code string) bool {
	for _, c := range typeCodes {
		if c == code {
			return true
		}
	}
	return false
}
