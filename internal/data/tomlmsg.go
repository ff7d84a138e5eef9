package data

import (
	"regexp"
	"strings"
)

// tomlMessages translates the parse errors of BurntSushi/toml a clerk is
// likely to meet into Vietnamese. Each pattern is matched against the
// library's message; the first group, if any, is quoted in the translation.
var tomlMessages = []struct {
	re *regexp.Regexp
	vi string
}{
	{regexp.MustCompile(`^expected value but found (".*") instead$`), "gặp %s ở chỗ cần một giá trị; chuỗi chữ phải đặt trong dấu ngoặc kép"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), `khóa "%s" được viết hai lần`},
	{regexp.MustCompile(`^Key '(.*)' was already created`), `khóa "%s" được viết hai lần`},
	{regexp.MustCompile(`^invalid datetime: (".*")$`), "ngày %s không tồn tại"},
	{regexp.MustCompile(`^strings cannot contain newlines$`), `chuỗi chưa đóng dấu ngoặc kép trên dòng này; chuỗi nhiều dòng viết trong """ … """`},
	{regexp.MustCompile(`^unexpected EOF`), "tệp kết thúc khi một chuỗi, danh sách hoặc bảng chưa được đóng"},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`), `sau tên khóa cần dấu "=", gặp %s`},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`), "thừa %s sau giá trị; mỗi khóa viết trên một dòng"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.*)$`), `danh sách thiếu dấu phẩy "," hoặc dấu "]" (gặp %s)`},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.*) instead$`), `bảng trên một dòng thiếu dấu phẩy "," hoặc dấu "}" (gặp %s)`},
	{regexp.MustCompile(`^newlines not allowed within inline tables$`), "bảng trong dấu { } phải viết trên một dòng"},
	{regexp.MustCompile(`^invalid escape in string '(.*)'$`), `ký tự thoát %s không hợp lệ trong chuỗi; muốn viết dấu \ hãy viết \\`},
	{regexp.MustCompile(`^unexpected '='`), `thiếu tên khóa trước dấu "="`},
}

// translateTOML returns the Vietnamese form of a TOML parse message, or the
// message itself when it is not one we know.
func translateTOML(msg string) string {
	for _, m := range tomlMessages {
		if g := m.re.FindStringSubmatch(msg); g != nil {
			if len(g) > 1 {
				return sprintf1(m.vi, g[1])
			}
			return m.vi
		}
	}
	return msg
}

func sprintf1(format, arg string) string {
	return strings.Replace(format, "%s", arg, 1)
}
