package docimport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// ListRow is one row of a list, mapped to a nominee list.
type ListRow struct {
	Row    int               // 1-based row of the sheet or CSV file
	Target string            // "tap_the" or "ca_nhan"
	Values map[string]string // column key → value
}

// RowError is a row that could not be mapped.
type RowError struct {
	Row int
	Msg string // Vietnamese
}

func (e RowError) Error() string { return fmt.Sprintf("hàng %d: %s", e.Row, e.Msg) }

// headers maps header texts (lower case, NFC) to column keys.
var headers = []struct {
	key   string
	texts []string
}{
	{"stt", []string{"stt", "số thứ tự", "tt"}},
	{"ten", []string{"họ và tên", "họ tên", "tên tập thể, cá nhân", "tên", "tên tập thể", "tập thể, cá nhân", "tên tập thể/cá nhân"}},
	{"chuc_vu", []string{"chức vụ", "chức vụ, đơn vị", "chức vụ, đơn vị công tác", "đơn vị", "đơn vị công tác"}},
	{"hinh_thuc", []string{"hình thức", "hình thức khen thưởng", "danh hiệu", "hình thức, danh hiệu"}},
	{"thanh_tich", []string{"thành tích", "tóm tắt thành tích", "thành tích đạt được"}},
	{"loai", []string{"loại", "tập thể/cá nhân", "đối tượng"}},
}

func headerKey(s string) string {
	s = strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(s), " ")))
	for _, h := range headers {
		for _, t := range h.texts {
			if s == t {
				return h.key
			}
		}
	}
	return ""
}

// ReadList reads the rows of an .xlsx (sheet, or the first sheet when
// empty) or .csv list; ext is the file's extension.
func ReadList(r io.Reader, ext, sheet string) ([][]string, error) {
	switch strings.ToLower(ext) {
	case ".csv":
		b, err := io.ReadAll(io.LimitReader(r, 64<<20))
		if err != nil {
			return nil, err
		}
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		c := csv.NewReader(bytes.NewReader(b))
		c.FieldsPerRecord = -1
		if bytes.Count(b[:min(len(b), 2000)], []byte(";")) > bytes.Count(b[:min(len(b), 2000)], []byte(",")) {
			c.Comma = ';'
		}
		rows, err := c.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("tệp CSV lỗi: %v", err)
		}
		return rows, nil
	case ".xlsx", ".xlsm":
		f, err := excelize.OpenReader(r)
		if err != nil {
			return nil, fmt.Errorf("không mở được tệp Excel: %v", err)
		}
		defer f.Close()
		if sheet == "" {
			sheet = f.GetSheetName(0)
		}
		if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			return nil, fmt.Errorf("tệp Excel không có trang tính %q (có: %s)", sheet, strings.Join(f.GetSheetList(), ", "))
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, fmt.Errorf("không đọc được trang tính %q: %v", sheet, err)
		}
		return rows, nil
	}
	return nil, fmt.Errorf("chỉ nhập được danh sách .xlsx hoặc .csv, không phải %q", ext)
}

// MapList maps the rows of a list to nominee rows: the first row whose
// cells name at least the name and award columns is the header; group
// rows "I. TẬP THỂ" / "II. CÁ NHÂN" (or a "Loại" column) choose the list;
// without either, rows go to ca_nhan.
func MapList(rows [][]string) ([]ListRow, []RowError) {
	head, cols := -1, map[int]string{}
	for i, r := range rows {
		m := map[int]string{}
		has := map[string]bool{}
		for j, c := range r {
			if k := headerKey(c); k != "" && !has[k] {
				m[j] = k
				has[k] = true
			}
		}
		if has["ten"] && has["hinh_thuc"] {
			head, cols = i, m
			break
		}
		if i > 20 {
			break
		}
	}
	if head < 0 {
		return nil, []RowError{{1, "không tìm thấy hàng tiêu đề có cột \"Họ và tên\" (hoặc \"Tên tập thể, cá nhân\") và \"Hình thức khen thưởng\""}}
	}
	var out []ListRow
	var errs []RowError
	group := "ca_nhan"
	for i := head + 1; i < len(rows); i++ {
		r := rows[i]
		vals := map[string]string{}
		nonEmpty := 0
		for j, c := range r {
			c = norm.NFC.String(strings.Join(strings.Fields(c), " "))
			if c != "" {
				nonEmpty++
			}
			if k, ok := cols[j]; ok {
				vals[k] = c
			}
		}
		if nonEmpty == 0 {
			continue
		}
		first := ""
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" {
				first = c
				break
			}
		}
		if m := reGroup.FindStringSubmatch(strings.ToUpper(norm.NFC.String(first))); m != nil && nonEmpty == 1 {
			group = map[string]string{"TẬP THỂ": "tap_the", "CÁ NHÂN": "ca_nhan"}[m[1]]
			continue
		}
		target := group
		if l := strings.ToLower(vals["loai"]); l != "" {
			if strings.Contains(l, "tập thể") {
				target = "tap_the"
			} else if strings.Contains(l, "cá nhân") {
				target = "ca_nhan"
			}
		}
		var missing []string
		for _, k := range []struct{ key, label string }{{"ten", "tên"}, {"hinh_thuc", "hình thức khen thưởng"}, {"thanh_tich", "thành tích"}} {
			if vals[k.key] == "" {
				missing = append(missing, k.label)
			}
		}
		if target == "ca_nhan" && vals["chuc_vu"] == "" {
			missing = append(missing, "chức vụ")
		}
		if len(missing) > 0 {
			errs = append(errs, RowError{i + 1, "thiếu " + strings.Join(missing, ", ")})
			continue
		}
		v := map[string]string{"hinh_thuc": vals["hinh_thuc"], "thanh_tich": vals["thanh_tich"]}
		if target == "tap_the" {
			v["ten"], v["don_vi"] = vals["ten"], vals["chuc_vu"]
		} else {
			v["ho_ten"], v["chuc_vu"] = vals["ten"], vals["chuc_vu"]
		}
		out = append(out, ListRow{Row: i + 1, Target: target, Values: v})
	}
	return out, errs
}

// AppendRows appends the rows to the TOML document src as [[tap_the]] and
// [[ca_nhan]] tables at its end (comments and everything else kept byte
// for byte), and checks the result parses.
func AppendRows(src []byte, rows []ListRow) ([]byte, error) {
	eol := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	var b bytes.Buffer
	b.Write(src)
	if len(src) > 0 && !bytes.HasSuffix(src, []byte("\n")) {
		b.WriteString(eol)
	}
	for _, r := range rows {
		b.WriteString(eol + "[[" + r.Target + "]]" + eol)
		keys := []string{"ho_ten", "chuc_vu", "hinh_thuc", "thanh_tich"}
		if r.Target == "tap_the" {
			keys = []string{"ten", "don_vi", "hinh_thuc", "thanh_tich"}
		}
		for _, k := range keys {
			if r.Target == "tap_the" && k == "don_vi" && r.Values[k] == "" {
				continue
			}
			b.WriteString(k + " = " + quote(r.Values[k]) + eol)
		}
	}
	var v map[string]any
	if _, err := toml.Decode(b.String(), &v); err != nil {
		return nil, fmt.Errorf("tệp sau khi thêm không còn đúng TOML (có thể tệp đã có khóa tap_the/ca_nhan không phải dạng [[…]]): %v", err)
	}
	return b.Bytes(), nil
}
