package diag

type message struct {
	sev  Severity
	msg  string // fmt format; arguments by explicit index
	hint string // fmt format over the same arguments; may be empty
}

// catalogue holds every user-facing message, so wording changes are reviewed
// in one place (and in the rendered-diagnostics golden file).
var catalogue = map[Code]message{
	CodeSyntax: {Error, "sai cú pháp TOML: %[1]s",
		`mỗi dòng viết dạng khóa = "giá trị"; kiểm tra dấu ngoặc kép, dấu "=" và dấu ngoặc vuông`},
	CodeUnknownKey: {Error, "khóa %[1]q không có trong mẫu %[2]q", "%[3]s"},
	CodeMissing:    {Error, "thiếu %[1]s (khóa %[2]q)", "%[3]s"},
	CodeBadDate: {Error, "ngày %[1]q không hợp lệ: %[2]s",
		`viết theo dạng NĂM-THÁNG-NGÀY, ví dụ "2024-05-08"; chưa có ngày thì viết "2024-05"; chưa có cả tháng thì để ""`},
	CodeBadUTF8: {Error, "tệp không phải văn bản UTF-8 hợp lệ (byte %[1]s)",
		"lưu lại tệp với bảng mã UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8)"},
	CodeNoGlyph: {Error, "phông chữ không có ký tự %[1]q (%[2]s)",
		"văn bản hành chính chỉ dùng chữ Việt, số và dấu câu; hãy xóa hoặc thay ký tự này"},
	CodeType: {Error, "khóa %[1]q phải là %[2]s, nhưng đang là %[3]s", "ví dụ: %[1]s = %[4]s"},
	CodeUnknownTmpl: {Error, "không có mẫu văn bản %[1]q",
		"các mẫu có sẵn: %[2]s"},
	CodeAuthority: {Error, "quyền hạn ký %[1]q không hợp lệ",
		`dùng một trong: "TM.", "KT.", "TL.", "TUQ.", "Q." hoặc "" (ký trực tiếp)`},
	CodeBadNumber: {Error, "số văn bản %[1]q không hợp lệ",
		`số là số thứ tự trong năm, ví dụ so = 12 hoặc so = "05"; chưa cấp số thì để so = ""`},
	CodeEmpty: {Error, "%[1]s (khóa %[2]q) đang để trống", "điền nội dung cho khóa %[2]q"},
	CodeNoDocs: {Error, "thư mục không có tệp văn bản .toml nào",
		"tạo một tệp bằng lệnh: vanban new ke-hoach > ke-hoach.toml"},
	CodeTmplSyntax: {Error, "mẫu văn bản sai cú pháp: %[1]s", "kiểm tra các cặp {{ }} trong tệp mẫu"},
	CodeTmplExec:   {Error, "không điền được mẫu văn bản: %[1]s", ""},
	CodeTmplMeta:   {Error, "phần khai báo của mẫu sai: %[1]s", ""},
	CodeOutput: {Error, "không ghi được tệp kết quả vào %[1]q: %[2]s",
		"chọn thư mục khác bằng -o THƯ_MỤC, hoặc kiểm tra quyền ghi của thư mục"},
	CodeReadFile:      {Error, "không đọc được tệp: %[1]s", ""},
	CodeLongSummary:   {Warning, "trích yếu dài %[1]d ký tự; nên viết ngắn gọn, tối đa khoảng 500 ký tự", ""},
	CodeDateNoDay:     {Warning, "văn bản chưa có ngày ban hành đầy đủ; để trống để điền tay khi ký", ""},
	CodeNoNumber:      {Warning, "văn bản chưa được cấp số; để trống để văn thư điền khi ban hành", ""},
	CodeTooManyPages:  {Error, "không dàn trang được: %[1]s", ""},
	CodeBadLevel:      {Error, "cấp hành chính %[1]q không hợp lệ", `dùng "xa" (xã, phường, thị trấn, đặc khu), "huyen" hoặc "tinh"`},
	CodeCiteUnknown:   {Error, "không có văn bản %[1]q trong thư mục để trích dẫn", "các văn bản có trong thư mục: %[2]s"},
	CodeCiteCycle:     {Error, "trích dẫn vòng tròn: %[1]s", "một văn bản chỉ trích dẫn văn bản ban hành trước nó"},
	CodeDuplicate:     {Error, "%[1]q có tên hai lần trong danh sách (lần đầu ở dòng %[2]d)", "xóa một trong hai mục"},
	CodeAwardUnknown:  {Error, "không biết hình thức khen thưởng %[1]q", "các hình thức: %[2]s"},
	CodeAwardLevel:    {Error, "%[1]s không thuộc thẩm quyền của %[2]s tại thời điểm %[3]s", "%[4]s"},
	CodeCountMismatch: {Error, "%[1]s ghi %[2]d nhưng danh sách của %[3]s có %[4]d", "sửa số liệu cho khớp, hoặc xóa số liệu để vanban tự tính"},
	CodeNoIssuerName: {Error, "thiếu tên cơ quan viết trong câu (khóa \"co_quan.ten_day_du\"), cần cho %[1]s",
		`thêm vào bảng [co_quan] của vanban.toml dòng: ten_day_du = "Ủy ban nhân dân thị trấn Vạn Giã"`},
	CodeCiteBroken:   {Error, "văn bản được trích dẫn %[1]q có lỗi: %[2]s", "sửa văn bản %[1]s trước"},
	CodeNumbering:    {Error, "cách đánh số %[1]q không hợp lệ", `dùng "chung" (một dãy số cho mọi loại) hoặc "theo_loai"`},
	CodeRegMismatch:  {Error, "số %[1]d ghi trong tệp khác số %[2]d đã cấp trong sổ đăng ký văn bản đi", `để so = "" để dùng số trong sổ, hoặc hủy số trong sổ bằng: vanban assign -huy %[3]s`},
	CodeRegUnknown:   {Warning, "số %[1]d ghi tay chưa có trong sổ đăng ký văn bản đi", "cấp số bằng lệnh: vanban assign -so %[1]d %[2]s"},
	CodeRegDate:      {Warning, "ngày %[1]s ghi trong tệp khác ngày %[2]s trong sổ đăng ký; dùng ngày trong sổ", ""},
	CodeRegTaken:     {Error, "số %[1]d năm %[2]d của dãy %[3]s đã được dùng (kể cả số đã hủy)", "bỏ -so để lấy số tiếp theo"},
	CodeRegHasNumber: {Error, "văn bản đã được cấp số %[1]d ngày %[2]s", "muốn đổi số thì hủy số cũ trước: vanban assign -huy %[3]s"},
	CodeRegNoDate:    {Error, "cấp số cần ngày ban hành đầy đủ", "ghi -ngay NĂM-THÁNG-NGÀY, ví dụ -ngay 2024-05-08"},
	CodeCitePending:  {Warning, "văn bản được trích dẫn %[1]q chưa được cấp số; để trống chỗ số và ngày", "tạo lại văn bản này sau khi cấp số cho %[1]s"},
	CodeDeadline:     {Warning, "hạn %[1]q (%[2]s) trước ngày ban hành (%[3]s)", ""},
	CodeNoDistrict:   {Warning, "từ ngày 01/7/2025 không còn cấp huyện; văn bản ngày %[1]s vẫn ghi %[2]q", "kiểm tra tên cơ quan và nơi nhận"},
}
