package data

import (
	"strconv"
	"strings"
)

// Kind is the type of a field's value, as a clerk writes it in TOML.
type Kind int

// The kinds. Template front matter names them with a Vietnamese word (see
// KindByName).
const (
	KindString    Kind = iota // "…"
	KindInt                   // 2024
	KindNumber                // document number: 12, "05" or "" (not assigned)
	KindDate                  // "2024-05-08", "2024-05", "" or a TOML date
	KindLines                 // "…" or ["…", "…"]: printed lines
	KindList                  // ["…", "…"]
	KindMarkdown              // CommonMark text of the body
	KindTable                 // [table] with Sub fields
	KindDocRef                // a cited document: "ke-hoach" (a document of the workspace) or { loai, so, ngay, co_quan, trich_yeu }
	KindTableList             // [[x]] tables with Sub fields: nominees, indicators
	KindLevel                 // an administrative level: "xa", "huyen", "tinh" or "" (see Level)
	KindBool                  // true or false
)

// KindByName returns the kind a template's front matter names (kieu =
// "chuoi", "so", …); ok is false for an unknown name.
func KindByName(name string) (k Kind, ok bool) {
	k, ok = kindNames[name]
	return k, ok
}

// kindNames maps the names used in template front matter to kinds. Read it
// through KindByName.
var kindNames = map[string]Kind{
	"chuoi":     KindString,
	"so":        KindInt,
	"ngay":      KindDate,
	"dong":      KindLines,
	"danh_sach": KindList,
	"noi_dung":  KindMarkdown,
	"van_ban":   KindDocRef,
	"bang_lap":  KindTableList,
	"co_khong":  KindBool,
}

// describe returns the Vietnamese name of a kind for messages.
func (k Kind) describe() string {
	switch k {
	case KindString, KindMarkdown:
		return "chuỗi trong ngoặc kép"
	case KindBool:
		return "true hoặc false (không có ngoặc kép)"
	case KindInt:
		return "số nguyên"
	case KindNumber:
		return "số văn bản (số nguyên hoặc chuỗi rỗng)"
	case KindDate:
		return "ngày dạng chuỗi \"NĂM-THÁNG-NGÀY\""
	case KindLines:
		return "chuỗi hoặc danh sách chuỗi"
	case KindList:
		return "danh sách chuỗi"
	case KindDocRef:
		return "tên tệp văn bản trong thư mục (chuỗi) hoặc bảng { loai, so, ngay, co_quan }"
	case KindTableList:
		return "danh sách bảng [[…]]"
	case KindLevel:
		return `cấp hành chính "xa", "huyen" hoặc "tinh"`
	}
	return "bảng"
}

// Field describes one key of a document or profile.
type Field struct {
	Key      string
	Kind     Kind
	Required bool   // must be present after merging profile and document
	Label    string // Vietnamese name, for messages
	Example  string // a TOML value, for hints and samples
	Doc      string // one-line Vietnamese comment, for samples
	Sub      []Field
	// Rare marks a key few documents need (the NĐ 30 marks, the edition):
	// starter files may leave it out.
	Rare bool
}

// Schema is the set of keys a document of one template may hold.
type Schema struct {
	Template string
	Fields   []Field
}

// docRefFields are the keys of a KindDocRef table.
var docRefFields = []Field{
	{Key: "loai", Kind: KindString, Required: true, Label: "tên loại văn bản", Example: `"Kế hoạch"`},
	{Key: "so", Kind: KindString, Label: "số, ký hiệu", Example: `"424/KH-SNV"`},
	{Key: "ngay", Kind: KindDate, Label: "ngày ban hành", Example: `"{{nam}}-04-15"`},
	{Key: "co_quan", Kind: KindString, Required: true, Label: "cơ quan ban hành", Example: `"Sở Nội vụ tỉnh Khánh Hòa"`},
	{Key: "trich_yeu", Kind: KindString, Label: "trích yếu", Example: `"phát động phong trào thi đua năm {{nam}}"`},
}

// Common returns the fields every document has: the NĐ 30 components that
// do not depend on the template, shared with the profile vanban.toml.
func Common() []Field {
	return []Field{
		{Key: "mau", Kind: KindString, Required: true, Label: "tên mẫu văn bản", Example: `"ke-hoach"`,
			Doc: "mẫu văn bản (xem danh sách bằng lệnh: vanban templates)"},
		{Key: "so", Kind: KindNumber, Label: "số văn bản", Example: `""`,
			Doc: `số văn bản; để "" khi chưa cấp số`},
		{Key: "ngay", Kind: KindDate, Label: "ngày ban hành", Example: `"{{nam}}-05-08"`,
			Doc: `ngày ban hành NĂM-THÁNG-NGÀY; chưa có ngày thì "{{nam}}-05", chưa có tháng thì ""`},
		{Key: "trich_yeu", Kind: KindString, Required: true, Label: "trích yếu nội dung", Example: `"Triển khai … năm {{nam}}"`,
			Doc: "trích yếu nội dung văn bản"},
		{Key: "noi_nhan", Kind: KindList, Required: true, Label: "nơi nhận", Example: `["Sở Nội vụ tỉnh Khánh Hòa (b/c)"]`,
			Doc: `nơi nhận, mỗi nơi một dòng; vanban tự thêm "- ", ";" và dòng "Lưu:"`},
		{Key: "luu", Kind: KindString, Label: "nơi lưu", Example: `"VT, TH"`,
			Doc: `nơi lưu: "VT" và đơn vị soạn thảo, ví dụ "VT, TH"`},
		{Key: "co_quan", Kind: KindTable, Required: true, Label: "cơ quan ban hành", Sub: []Field{
			{Key: "chu_quan", Kind: KindLines, Label: "cơ quan chủ quản", Example: `""`,
				Doc: "cơ quan chủ quản trực tiếp (nếu có), mỗi dòng một phần tử"},
			{Key: "ten", Kind: KindLines, Required: true, Label: "tên cơ quan ban hành",
				Example: `["ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"]`, Doc: "tên cơ quan ban hành, mỗi dòng một phần tử"},
			{Key: "viet_tat", Kind: KindString, Required: true, Label: "tên viết tắt của cơ quan", Example: `"UBND"`,
				Doc: "chữ viết tắt tên cơ quan trong ký hiệu văn bản"},
			{Key: "dia_danh", Kind: KindString, Required: true, Label: "địa danh", Example: `"Vạn Ninh"`,
				Doc: "địa danh ghi trước ngày tháng"},
			{Key: "ten_day_du", Kind: KindString, Label: "tên cơ quan viết trong câu", Example: `"Ủy ban nhân dân xã Vạn Ninh"`,
				Doc: "tên cơ quan viết trong câu, dùng khi văn bản khác trích dẫn và trong dòng \"(Kèm theo …)\""},
			{Key: "dia_chi", Kind: KindString, Label: "địa chỉ cơ quan", Example: `""`, Rare: true,
				Doc: "địa chỉ cơ quan (ô 13, chân trang đầu của công văn)"},
			{Key: "dien_thoai", Kind: KindString, Label: "số điện thoại", Example: `""`, Rare: true,
				Doc: "số điện thoại (ô 13)"},
			{Key: "fax", Kind: KindString, Label: "số fax", Example: `""`, Rare: true, Doc: "số fax (ô 13)"},
			{Key: "email", Kind: KindString, Label: "thư điện tử", Example: `""`, Rare: true, Doc: "thư điện tử (ô 13)"},
			{Key: "website", Kind: KindString, Label: "trang thông tin điện tử", Example: `""`, Rare: true,
				Doc: "trang thông tin điện tử (ô 13)"},
			{Key: "anh_con_dau", Kind: KindString, Label: "ảnh con dấu", Example: `""`, Rare: true,
				Doc: "tệp PNG nền trong suốt của con dấu (màu đỏ), trong thư mục làm việc; chỉ dùng để xem trước bản ký số (-xem-chu-ky)"},
			{Key: "duong_kinh_dau_mm", Kind: KindInt, Label: "đường kính con dấu (mm)", Example: `36`, Rare: true,
				Doc: "đường kính thật của con dấu, tính bằng milimét, để ảnh con dấu đúng kích thước"},
			{Key: "cap", Kind: KindLevel, Label: "cấp hành chính", Example: `"xa"`,
				Doc: `cấp của cơ quan: "xa" (xã, phường, đặc khu), "huyen" hoặc "tinh"; bỏ trống thì suy ra từ tên`},
		}},
		{Key: "ban", Kind: KindString, Label: "bản giấy hay bản điện tử", Example: `"giay"`, Rare: true,
			Doc: `"giay": bản giấy ký tay; "dien-tu": bản điện tử để ký số (để trống số và ngày cho Văn thư)`},
		{Key: "phu_luc_rieng", Kind: KindBool, Label: "phụ lục thành tệp riêng", Example: `true`, Rare: true,
			Doc: `"true": bản điện tử có mỗi phụ lục là một tệp riêng để Văn thư ký số; "false" hoặc để trống: phụ lục cùng tệp`},
		{Key: "khan", Kind: KindString, Label: "độ khẩn", Example: `""`, Rare: true,
			Doc: `độ khẩn: "khan", "thuong-khan", "hoa-toc" hoặc "" (ô 10b)`},
		{Key: "mat", Kind: KindString, Label: "độ mật", Example: `""`, Rare: true,
			Doc: `độ mật: "mat", "toi-mat", "tuyet-mat" hoặc "" (ô 10a)`},
		{Key: "luu_hanh", Kind: KindString, Label: "phạm vi lưu hành", Example: `""`, Rare: true,
			Doc: `phạm vi lưu hành: "xem-xong-tra-lai", "noi-bo" hoặc lời chỉ dẫn khác (ô 11)`},
		{Key: "nguoi_soan_thao", Kind: KindString, Label: "ký hiệu người soạn thảo", Example: `""`, Rare: true,
			Doc: "ký hiệu người soạn thảo văn bản, ví dụ \"NVA\" (ô 12)"},
		{Key: "so_ban", Kind: KindInt, Label: "số lượng bản phát hành", Example: `0`, Rare: true,
			Doc: "số lượng bản phát hành (ô 12); 0 thì không ghi"},
		{Key: "du_thao", Kind: KindString, Label: "dự thảo", Example: `""`, Rare: true,
			Doc: `văn bản còn là dự thảo: chữ in trong khung góc trên bên phải, ví dụ "Dự thảo lần 2"; "" khi ban hành`},
		{Key: "so_van_ban", Kind: KindTable, Label: "cách đánh số", Sub: []Field{
			{Key: "cach_danh_so", Kind: KindString, Label: "cách đánh số", Example: `"chung"`,
				Doc: `"chung": mọi loại văn bản chung một dãy số; "theo_loai": mỗi loại một dãy số (kế hoạch, tờ trình, …)`},
		}},
		{Key: "nguoi_ky", Kind: KindTable, Required: true, Label: "người ký", Sub: []Field{
			{Key: "quyen_han", Kind: KindString, Label: "quyền hạn ký", Example: `"TM."`,
				Doc: `"TM.", "KT.", "TL.", "TUQ.", "Q." hoặc "" khi ký trực tiếp`},
			{Key: "thay_mat", Kind: KindString, Label: "tập thể lãnh đạo", Example: `"ỦY BAN NHÂN DÂN"`,
				Doc: `tên tập thể khi ký "TM." (cũng dùng cho "KT." thay mặt tập thể)`},
			{Key: "thu_truong", Kind: KindString, Label: "chức vụ người đứng đầu", Example: `"CHỦ TỊCH"`,
				Doc: `chức vụ người đứng đầu khi ký "KT.", "TL.", "TUQ."`},
			{Key: "chuc_vu", Kind: KindString, Required: true, Label: "chức vụ người ký", Example: `"CHỦ TỊCH"`,
				Doc: "chức vụ của người ký"},
			{Key: "ho_ten", Kind: KindString, Required: true, Label: "họ tên người ký", Example: `"Nguyễn Văn A"`,
				Doc: "họ và tên người ký, không ghi học hàm, học vị"},
			{Key: "anh_chu_ky", Kind: KindString, Label: "ảnh chữ ký", Example: `""`, Rare: true,
				Doc: "tệp PNG nền trong suốt của chữ ký (màu xanh), trong thư mục làm việc; chỉ dùng để xem trước bản ký số (-xem-chu-ky)"},
		}},
	}
}

// YearMark stands for the current year in examples ("{{nam}}-05-08"):
// the sample writer fills it with the year it is given, so starter files
// are dated in the year they are made.
const YearMark = "{{nam}}"

// FillYear returns s with every YearMark replaced by year.
func FillYear(s string, year int) string {
	return strings.ReplaceAll(s, YearMark, strconv.Itoa(year))
}

// Authorities returns the signing prefixes of NĐ 30, Phụ lục I, II.7.b
// ("" when the head signs directly), a fresh slice each call.
func Authorities() []string { return []string{"", "TM.", "KT.", "TL.", "TUQ.", "Q."} }
