package certificate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"vanban/internal/diag"
	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/unit"
)

// Table is the table of the workspace profile (vanban.toml) that sets the
// positions of a pre-printed form:
//
//	[giay_khen]
//	lech_x = 1.5            # printer offset, mm (may be negative)
//	lech_y = -2
//	ten = { x = 148.5, y = 95, rong = 220, co_chu = 24, dong = 2 }
//	co_quan = { an = true } # printed on the form already
//
// x is the centre of the text and y the baseline of its first line, in mm
// from the top left corner of the sheet; rong its width (mm), co_chu the
// largest size (pt), dong the most lines, set 1.2 × co_chu apart whatever
// size the text shrinks to (the pitch of the form's dotted lines). A field not written keeps its
// default (DefaultForm).
const Table = "giay_khen"

// Field is one variable text of a form.
type Field struct {
	Key   string      // TOML key: "ten", "chuc_vu", …
	Label string      // Vietnamese, for the calibration page and messages
	X, Y  unit.Length // centre of the text, baseline of its first line
	W     unit.Length // the width it may take
	Size  int         // half-points: the largest size
	Lines int         // the most lines
	Hide  bool        // printed on the form already
}

// Form is a pre-printed certificate: where each variable text goes.
type Form struct {
	DX, DY unit.Length // printer offsets added to every position
	Fields []Field     // in the order of FieldKeys
}

// FieldKeys are the fields of a form, in printing order.
var fieldDefaults = []Field{
	{"co_quan", "tên người tặng", mm(148.5), mm(52), mm(230), 32, 2, true},
	{"danh_hieu", "hình thức khen thưởng, danh hiệu", mm(148.5), mm(72), mm(230), 56, 2, true},
	{"ten", "tên tập thể, cá nhân", mm(148.5), mm(92), mm(220), 48, 2, false},
	{"chuc_vu", "chức vụ, đơn vị", mm(148.5), mm(112), mm(220), 30, 1, false},
	{"thanh_tich", "thành tích", mm(148.5), mm(122), mm(230), 30, 3, false},
	{"ngay", "địa danh, ngày tháng", mm(211), mm(150), mm(120), 28, 1, false},
	{"chuc_danh_ky", "chức vụ người ký", mm(211), mm(157), mm(120), 28, 3, false},
	{"nguoi_ky", "họ tên người ký", mm(211), mm(190), mm(120), 28, 1, false},
	{"quyet_dinh", "số, ngày quyết định", mm(80), mm(170), mm(110), 24, 2, false},
	{"so_vang", "số sổ vàng", mm(80), mm(178), mm(60), 24, 1, false},
}

// DefaultForm returns the positions used when the profile has no [giay_khen]
// table: a common landscape phôi whose frame, Quốc hiệu, authority, award
// and labels are printed, with room for the variable text below them.
func DefaultForm() *Form {
	return &Form{Fields: append([]Field(nil), fieldDefaults...)}
}

// mm converts a length in mm, given to a tenth at most, to a Length.
func mm(v float64) unit.Length { return unit.Length(math.Round(v * float64(unit.MM))) }

// LoadForm reads the [giay_khen] table of the profile name in fsys; a
// profile without it, or no profile at all, gives DefaultForm.
func LoadForm(fsys fs.FS, name string) (*Form, diag.List) {
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultForm(), nil
	}
	if err != nil {
		return nil, diag.List{diag.New(diag.Pos{File: name}, diag.CodeReadFile, err.Error())}
	}
	return ParseForm(name, src)
}

// ParseForm reads the [giay_khen] table of a profile's text src, named
// name in diagnostics. Bad values are positioned diagnostics.
func ParseForm(name string, src []byte) (*Form, diag.List) {
	var ds diag.List
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		pos := diag.Pos{File: name, Line: 1, Col: 1}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line, pe.Position.Col
		}
		ds.Add(diag.New(pos, diag.CodeSyntax, err.Error()))
		return nil, ds
	}
	form := DefaultForm()
	raw, ok := doc[Table]
	if !ok {
		return form, nil
	}
	loc := locate(src)
	at := func(path string) diag.Pos {
		p, ok := loc[path]
		if !ok {
			p = loc[Table]
		}
		p.File = name
		if p.Line == 0 {
			p.Line, p.Col = 1, 1
		}
		return p
	}
	tab, ok := raw.(map[string]any)
	if !ok {
		ds.Add(diag.New(at(Table), diag.CodeType, Table, "bảng", tomlKind(raw), "{ x = 148.5, y = 95 }"))
		return nil, ds
	}
	num := func(path string, v any, lo, hi float64, what string) (float64, bool) {
		var f float64
		switch v := v.(type) {
		case int64:
			f = float64(v)
		case float64:
			f = v
		default:
			ds.Add(diag.New(at(path), diag.CodeType, path, "số", tomlKind(v), "10"))
			return 0, false
		}
		if math.IsNaN(f) || f < lo || f > hi {
			ds.Add(diag.New(at(path), diag.CodeLimit, path, strconv.FormatFloat(f, 'f', -1, 64)+" "+what,
				strconv.FormatFloat(hi, 'f', -1, 64)+" "+what, fmt.Sprintf("giá trị từ %s đến %s %s", strconv.FormatFloat(lo, 'f', -1, 64), strconv.FormatFloat(hi, 'f', -1, 64), what)))
			return 0, false
		}
		return f, true
	}
	keys := make([]string, 0, len(tab))
	for k := range tab {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := tab[k]
		path := Table + "." + k
		switch k {
		case "lech_x", "lech_y":
			if f, ok := num(path, v, -50, 50, "mm"); ok {
				if k == "lech_x" {
					form.DX = mm(f)
				} else {
					form.DY = mm(f)
				}
			}
			continue
		}
		i := fieldIndex(k)
		if i < 0 {
			ds.Add(diag.New(at(path), diag.CodeUnknownKey, k, Table, "các khóa hợp lệ ở đây: lech_x, lech_y, "+strings.Join(FieldKeys(), ", ")).WithLen(len(k)))
			continue
		}
		sub, ok := v.(map[string]any)
		if !ok {
			ds.Add(diag.New(at(path), diag.CodeType, path, "bảng", tomlKind(v), "{ x = 148.5, y = 95 }"))
			continue
		}
		fd := &form.Fields[i]
		subKeys := make([]string, 0, len(sub))
		for sk := range sub {
			subKeys = append(subKeys, sk)
		}
		sort.Strings(subKeys)
		for _, sk := range subKeys {
			sv, sp := sub[sk], path+"."+sk
			switch sk {
			case "x":
				if f, ok := num(sp, sv, 0, 297, "mm"); ok {
					fd.X = mm(f)
				}
			case "y":
				if f, ok := num(sp, sv, 0, 210, "mm"); ok {
					fd.Y = mm(f)
				}
			case "rong":
				if f, ok := num(sp, sv, 10, 297, "mm"); ok {
					fd.W = mm(f)
				}
			case "co_chu":
				if f, ok := num(sp, sv, 6, 72, "pt"); ok {
					fd.Size = int(math.Round(f * 2))
				}
			case "dong":
				if f, ok := num(sp, sv, 1, 6, "dòng"); ok {
					fd.Lines = int(f)
				}
			case "an":
				b, ok := sv.(bool)
				if !ok {
					ds.Add(diag.New(at(sp), diag.CodeType, sp, "true hoặc false", tomlKind(sv), "true"))
					continue
				}
				fd.Hide = b
			default:
				ds.Add(diag.New(at(sp), diag.CodeUnknownKey, sk, path, "các khóa hợp lệ ở đây: x, y, rong, co_chu, dong, an").WithLen(len(sk)))
			}
		}
		if ds.HasErrors() {
			continue
		}
		// The field's box must lie on the sheet.
		half := fd.W / 2
		if fd.X-half < 0 || fd.X+half > pageW {
			ds.Add(diag.New(at(path), diag.CodeLimit, path+".rong", fmtMM(fd.W), fmtMM(2*min(fd.X, pageW-fd.X)),
				"với x = "+fmtMM(fd.X)+", dòng chữ rộng "+fmtMM(fd.W)+" ra ngoài tờ giấy rộng 297 mm; giảm rong hoặc dời x"))
		}
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return form, ds
}

// fmtMM writes l in mm as a clerk writes it: "148.5 mm".
func fmtMM(l unit.Length) string {
	return strconv.FormatFloat(float64(l)/float64(unit.MM), 'f', -1, 64) + " mm"
}

// FieldKeys lists the keys of the fields, for hints.
func FieldKeys() []string {
	out := make([]string, len(fieldDefaults))
	for i, f := range fieldDefaults {
		out[i] = f.Key
	}
	return out
}

func fieldIndex(k string) int {
	for i, f := range fieldDefaults {
		if f.Key == k {
			return i
		}
	}
	return -1
}

func tomlKind(v any) string {
	switch v.(type) {
	case string:
		return "chuỗi"
	case int64, float64:
		return "số"
	case bool:
		return "true/false"
	case []any, []map[string]any:
		return "mảng"
	case map[string]any:
		return "bảng"
	}
	return "giá trị khác"
}

var (
	headerRE = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.\s]+?)\s*\]`)
	keyRE    = regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\s*=`)
	innerRE  = regexp.MustCompile(`([A-Za-z0-9_]+)\s*=`)
)

// locate finds the line and column of every key of the giay_khen table in
// src, by path ("giay_khen.ten.x"), as BurntSushi/toml does not report
// them: table headers, "key =" lines, and keys inside an inline table on
// the line of its key.
func locate(src []byte) map[string]diag.Pos {
	out := map[string]diag.Pos{}
	table := ""
	for i, line := range bytes.Split(src, []byte("\n")) {
		s := string(line)
		if m := headerRE.FindStringSubmatchIndex(s); m != nil && !strings.HasPrefix(strings.TrimSpace(s), "[[") {
			table = strings.ReplaceAll(s[m[2]:m[3]], " ", "")
			if _, ok := out[table]; !ok {
				out[table] = diag.Pos{Line: i + 1, Col: m[2] + 1}
			}
			continue
		}
		m := keyRE.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		path := s[m[2]:m[3]]
		if table != "" {
			path = table + "." + path
		}
		if _, ok := out[path]; !ok {
			out[path] = diag.Pos{Line: i + 1, Col: m[2] + 1}
		}
		if open := strings.IndexByte(s[m[1]:], '{'); open >= 0 {
			rest := s[m[1]+open:]
			for _, im := range innerRE.FindAllStringSubmatchIndex(rest, -1) {
				p := path + "." + rest[im[2]:im[3]]
				if _, ok := out[p]; !ok {
					out[p] = diag.Pos{Line: i + 1, Col: m[1] + open + im[2] + 1}
				}
			}
		}
	}
	return out
}

// values are the texts of one certificate by field key, as a form prints
// them: the values only, the labels being on the form.
func values(s *Set, r Recipient, book string) map[string]string {
	num := strings.TrimPrefix(s.Decision, "Quyết định số ")
	b := strings.TrimPrefix(book, "Số sổ vàng: ")
	if strings.Trim(b, ".") == "" {
		b = ""
	}
	return map[string]string{
		"co_quan":      s.Authority,
		"danh_hieu":    r.AwardLine(),
		"ten":          r.Name,
		"chuc_vu":      r.Position,
		"thanh_tich":   r.Achievement,
		"ngay":         s.PlaceDate,
		"chuc_danh_ky": strings.Join(s.SignLines, "\n"),
		"nguoi_ky":     s.SignerName,
		"quyet_dinh":   num,
		"so_vang":      b,
	}
}

// styleOf is the face of a field's text.
func styleOf(key string) font.Style {
	switch key {
	case "ten", "co_quan", "danh_hieu", "chuc_danh_ky", "nguoi_ky":
		return font.Bold
	case "ngay", "chuc_vu":
		return font.Italic
	}
	return font.Regular
}

func placeForm(s *Set, r Recipient, book string, f *font.Set, form *Form) ([]layout.Item, error) {
	w := &writer{f: f}
	vals := values(s, r, book)
	for _, fd := range form.Fields {
		if fd.Hide {
			continue
		}
		text := vals[fd.Key]
		if text == "" {
			continue
		}
		st := styleOf(fd.Key)
		var c layout.Color
		if fd.Key == "co_quan" || fd.Key == "danh_hieu" {
			c = layout.Red
		}
		x, y := fd.X+form.DX, fd.Y+form.DY
		// Signature lines are one per line, each fitted alone.
		parts := strings.Split(text, "\n")
		for _, part := range parts {
			minHP := max(fd.Size/2, 14)
			ft, ok := fit(f, part, st, box{fd.W, fd.Size, max(fd.Size*8/10, minHP), minHP, max(fd.Lines-len(parts)+1, 1)})
			if !ok {
				return nil, &FitError{At: r.At, Field: fd.Label, Text: part}
			}
			// The lines keep the pitch of the largest size, the pitch of
			// the form's dotted lines, however small the text.
			lh := lineHeight(fd.Size)
			for _, l := range ft.lines {
				w.line(l, x, y, st, ft.size, c)
				y += lh
			}
		}
	}
	for _, it := range w.items {
		if it.X < 0 || it.X+it.W > pageW || it.Y-f.Face(it.Style).Ascent(it.Size) < 0 || it.Y+f.Face(it.Style).Descent(it.Size) > pageH {
			return nil, &FitError{At: r.At, Field: "vị trí in trên phôi", Text: it.Text}
		}
	}
	return w.items, nil
}

// Calibration returns one page with a ruler grid (a line every 10 mm,
// numbered in mm, ticks every 5 mm) and a red mark with its name where
// each field of form prints, offsets applied: printed on plain paper and
// held against a phôi to the light, it shows how to set the [giay_khen]
// table.
func Calibration(form *Form, f *font.Set) *layout.Result {
	w := &writer{f: f}
	thin, hair := unit.Pt(1)/2, unit.Pt(1)/5
	for x := unit.Length(0); x <= pageW; x += unit.MMs(5) {
		stroke := hair
		if x%unit.MMs(10) == 0 {
			stroke = thin
		}
		w.items = append(w.items, layout.Item{Kind: layout.Rule, X: x, Y: 0, W: -pageH, Stroke: stroke})
	}
	for y := unit.Length(0); y <= pageH; y += unit.MMs(5) {
		stroke := hair
		if y%unit.MMs(10) == 0 {
			stroke = thin
		}
		w.items = append(w.items, layout.Item{Kind: layout.Rule, X: 0, Y: y, W: pageW, Stroke: stroke})
	}
	for x := unit.MMs(10); x < pageW; x += unit.MMs(10) {
		label := strconv.Itoa(int(x / unit.MM))
		lw := f.Face(font.Regular).Width(label, 12)
		w.items = append(w.items, layout.Item{Kind: layout.Text, X: x + unit.MM/2, Y: unit.MMs(4), W: lw, Size: 12, Text: label})
	}
	for y := unit.MMs(10); y < pageH; y += unit.MMs(10) {
		label := strconv.Itoa(int(y / unit.MM))
		lw := f.Face(font.Regular).Width(label, 12)
		w.items = append(w.items, layout.Item{Kind: layout.Text, X: unit.MM / 2, Y: y - unit.MM/2, W: lw, Size: 12, Text: label})
	}
	for _, fd := range form.Fields {
		if fd.Hide {
			continue
		}
		x, y := fd.X+form.DX, fd.Y+form.DY
		half := fd.W / 2
		w.items = append(w.items,
			layout.Item{Kind: layout.Box, X: x - half, Y: y - unit.MMs(5), W: fd.W, H: unit.MMs(6) + unit.Length(fd.Lines-1)*lineHeight(fd.Size), Stroke: thin, Color: layout.Red})
		label := fd.Key + " (" + fd.Label + ")"
		w.line(label, x, y-unit.MM, font.Italic, 16, layout.Red)
	}
	title := "TRANG CĂN CHỈNH PHÔI GIẤY KHEN — lưới 5 mm, số là mm tính từ mép trên, mép trái"
	w.line(title, pageW/2, pageH-unit.MMs(3), font.Bold, 18, 0)
	return &layout.Result{W: pageW, H: pageH, Fonts: f, Pages: []layout.Page{{W: pageW, H: pageH, Items: w.items}},
		Meta: layout.Meta{Title: "Căn chỉnh phôi giấy khen", Identity: "giay-khen-luoi"}}
}
