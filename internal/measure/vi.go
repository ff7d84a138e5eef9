package measure

import "strings"

// Vietnamese words that a line of a centred block should not split. The
// lists are small on purpose: the words that occur in the names of state
// bodies and in the trích yếu of administrative documents. They compare in
// lower case, without punctuation (see key).

// compoundList holds words of two or more syllables, one per entry.
var compoundList = []string{
	"ủy ban", "nhân dân", "hội đồng", "thường trực", "văn phòng", "trung tâm",
	"thi đua", "khen thưởng", "phong trào", "chuyển đổi số", "chuyển đổi", "công nghệ", "thông tin",
	"hành chính", "ứng dụng", "nội vụ", "văn hóa", "xã hội", "kinh tế", "giáo dục",
	"đào tạo", "y tế", "tài chính", "kế hoạch", "đầu tư", "tài nguyên", "môi trường",
	"nông nghiệp", "phát triển", "nông thôn", "xây dựng", "giao thông", "vận tải",
	"công thương", "lao động", "thương binh", "tư pháp", "thanh tra", "chính quyền",
	"địa phương", "dịch vụ", "công cộng", "quản lý", "dự án", "tổ chức", "thực hiện",
	"triển khai", "chương trình", "mục tiêu", "quốc gia", "giai đoạn", "năm học",
	"học sinh", "thanh niên", "phụ nữ", "cựu chiến binh", "mặt trận", "tổ quốc",
	"đảng ủy", "công an", "quân sự", "an ninh", "quốc phòng", "trật tự", "an toàn",
	"bảo hiểm", "du lịch", "thể thao", "gia đình", "kỷ niệm", "thành lập", "tổng kết",
	"sơ kết", "đánh giá", "kết quả", "báo cáo", "tờ trình", "quyết định", "ban hành",
	"quy chế", "quy định", "đề nghị", "tặng thưởng", "giấy khen", "bằng khen",
	"danh hiệu", "tập thể", "cá nhân", "thành tích", "xuất sắc", "tiên tiến",
	"chiến sĩ", "hoàn thành", "nhiệm vụ", "cán bộ", "công chức", "viên chức",
	"doanh nghiệp", "hợp tác", "số hóa", "đô thị", "văn minh", "điện tử",
	"chính phủ", "cải cách", "thủ tục", "một cửa", "liên thông", "tiếp nhận",
	"hồ sơ", "dân số", "tuyên truyền", "vận động", "khuyến học", "bình đẳng",
	"trẻ em", "cao tuổi", "phòng chống", "thiên tai", "cứu nạn",
	"tìm kiếm", "kiểm tra", "giám sát", "hồ chí minh", "việt nam",
	"cộng hòa", "chủ nghĩa", "đoàn kết", "toàn dân", "nông thôn mới", "đời sống",
	"sản xuất", "kinh doanh", "dân tộc", "tôn giáo", "khoa học", "bưu chính",
	"viễn thông", "truyền thông", "phát thanh", "truyền hình", "tài sản", "đất đai",
	"địa chính", "thống kê", "ngân sách", "kho bạc", "điện lực",
	"cấp nước", "thủy lợi", "lâm nghiệp", "thủy sản", "chăn nuôi", "thú y",
	"bảo vệ", "thực vật", "khuyến nông", "hạ tầng", "kỹ thuật", "quy hoạch",
}

// compounds is compoundList split into syllables.
var compounds = func() [][]string {
	out := make([][]string, 0, len(compoundList))
	for _, c := range compoundList {
		if f := strings.Fields(c); len(f) > 1 {
			out = append(out, f)
		}
	}
	return out
}()

// generic is a generic word of a name: a place's ("TỈNH KHÁNH HÒA") keeps
// its whole name on its line; a body's ("SỞ NỘI VỤ") its next word (one).
type generic struct {
	words []string
	one   bool
}

// generics are the generic words of the names of administrative units
// (Luật Tổ chức chính quyền địa phương: tỉnh, thành phố, xã, phường, đặc
// khu; and the units before 2025: huyện, quận, thị xã, thị trấn) and of
// specialised bodies.
var generics = []generic{
	{words: []string{"tỉnh"}}, {words: []string{"thành", "phố"}}, {words: []string{"xã"}},
	{words: []string{"phường"}}, {words: []string{"đặc", "khu"}}, {words: []string{"huyện"}},
	{words: []string{"quận"}}, {words: []string{"thị", "xã"}}, {words: []string{"thị", "trấn"}},
	{words: []string{"thôn"}}, {words: []string{"sở"}, one: true}, {words: []string{"phòng"}, one: true},
	{words: []string{"ban"}, one: true}, {words: []string{"cục"}, one: true}, {words: []string{"chi", "cục"}, one: true},
}

// numbered are the words that keep with a number after them ("năm 2025",
// "ngày 08").
var numbered = map[string]bool{"năm": true, "ngày": true, "tháng": true, "số": true, "khóa": true, "lần": true}

// stopWords end a place name: the words that follow a name in a sentence.
var stopWords = map[string]bool{
	"và": true, "về": true, "của": true, "năm": true, "giai": true, "trên": true,
	"tại": true, "theo": true, "thuộc": true, "đến": true, "cho": true, "với": true,
	"trong": true, "từ": true, "-": true, "–": true, "nhiệm": true, "lần": true,
}
