// Package data loads what a clerk writes: the profile vanban.toml shared by
// every document of an office and one TOML file per document. It checks the
// text (UTF-8, characters the font can draw), decodes it with
// BurntSushi/toml, normalises it to NFC and converts it against a schema,
// reporting every problem with its file:line:col.
package data

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"vanban/internal/diag"
)

// Markdown is body text in CommonMark: the one kind of value templates
// insert as markup instead of escaping it.
type Markdown string

// DocRef is a document cited by number and date: either typed in full, or
// Ref, the file stem of a document of the same workspace, whose number,
// date and issuer the build fills in.
type DocRef struct {
	Ref     string   // "ke-hoach": cites ke-hoach.toml of the workspace
	At      diag.Pos // where the citation is written
	Pending bool     // the cited document has no number yet
	Type    string   // "Kế hoạch"
	Number  string   // "424/KH-NV"
	Date    Date
	Issuer  string // "Phòng Nội vụ huyện Vạn Ninh"
	Summary string // "về việc …"
}

// String returns r.Citation(), so templates can print a DocRef directly.
func (r DocRef) String() string { return r.Citation() }

// Citation renders r as NĐ 30 cites a document: "Kế hoạch số 424/KH-NV ngày
// 08/5/2024 của Phòng Nội vụ huyện Vạn Ninh".
func (r DocRef) Citation() string {
	var b strings.Builder
	b.WriteString(r.Type)
	if r.Number != "" {
		b.WriteString(" số " + r.Number)
	}
	if !r.Date.IsZero() {
		b.WriteString(" ngày " + r.Date.Short())
	}
	if r.Issuer != "" {
		b.WriteString(" của " + r.Issuer)
	}
	return b.String()
}

// Org is the issuing organisation (co_quan).
type Org struct {
	Parent   []string // chu_quan
	Name     []string // ten
	Abbrev   string   // viet_tat
	Place    string   // dia_danh
	FullName string   // ten_day_du: the name as written in a sentence; may be empty
	Level    Level    // cap; derived from Name when not given
}

// Signer is the signature block data (nguoi_ky).
type Signer struct {
	Authority  string // quyen_han: one of Authorities()
	OnBehalfOf string // thay_mat
	Head       string // thu_truong
	Title      string // chuc_vu
	Name       string // ho_ten
}

// Input is one document's data, profile merged in.
type Input struct {
	File       string
	Template   string
	Number     int64 // 0 until the number is assigned (cấp số)
	Date       Date
	Summary    string
	Recipients []string
	Archive    string
	Org        Org
	Signer     Signer
	Numbering  Numbering // so_van_ban.cach_danh_so
	Addressees []string  // kinh_gui, for templates that have it
	Authority  string    // tham_quyen, for templates that have it
	// Values holds every value by TOML key (tables as nested maps) for the
	// template, plus "nam", the year of the issue date.
	Values map[string]any
	// Pos holds the position of every value by key path ("nguoi_ky.ho_ten").
	Pos map[string]diag.Pos
}

// Row is one [[…]] table of a table-list field (KindTableList): a
// nominee, an indicator. Values (every column of the schema, the zero value
// when not written) is what templates read, by key; the positions stay
// beside it, typed, so no bookkeeping key ever reaches a template.
type Row struct {
	Values map[string]any
	At     diag.Pos            // the row's [[…]] header
	Cells  map[string]diag.Pos // each value written, by column key
}

// Cell returns where the value of column key is written, or the row's
// position when it is not written.
func (r Row) Cell(key string) diag.Pos {
	if p, ok := r.Cells[key]; ok {
		return p
	}
	return r.At
}

// Str returns the value of column key when it is a string, else "".
func (r Row) Str(key string) string {
	s, _ := r.Values[key].(string)
	return s
}

// MaxNumber is the largest document number (so) a data file may hold: the
// register's own bound (register.MaxNumber, which data does not import;
// engine tests that the two agree), so every number the register gives
// can be written back into the file.
const MaxNumber = 9_999_999

// ForeignTables are tables of the profile that other parts of vanban read
// for themselves, not documents: the positions of a pre-printed
// certificate form ([giay_khen], package certificate). Load skips them.
var ForeignTables = []string{"giay_khen"}

// Options configures Load.
type Options struct {
	// Profile is the path in fsys of the shared profile; "" for none.
	Profile string
	// Schema returns the fields of a template; ok is false for an unknown
	// one, and known lists the templates that exist.
	Schema func(template string) (s *Schema, known []string, ok bool)
	// Covers reports whether the font can draw r; nil accepts every rune.
	Covers func(r rune) bool
	// Year is the current year, filling the examples of hints (YearMark);
	// 0 means fallbackYear.
	Year int
	// Shared, when not nil, is the profile already read by ReadProfile
	// (for every document of a workspace, once); it is used instead of
	// reading Profile again when it has that name.
	Shared *Profile
}

// Profile is a workspace's shared profile, read, checked and parsed once
// for all its documents. Load only reads it: it is safe to share.
type Profile struct {
	name  string
	f     *file // nil when it cannot be read or parsed
	diags diag.List
}

// Body returns the issuing body and the signer the profile declares,
// converted as Load converts them for a document; ok is false when the
// profile could not be read or its [co_quan] or [nguoi_ky] has errors.
// It is the body itself, before any document's overrides: the one that
// makes and signs copies of its documents (NĐ 30, Điều 27.1).
func (p *Profile) Body() (org Org, signer Signer, ok bool) {
	if p == nil || p.f == nil || p.diags.HasErrors() {
		return org, signer, false
	}
	var diags diag.List
	values := map[string]entry{}
	var common []Field
	for _, f := range Common() {
		if f.Key == "co_quan" || f.Key == "nguoi_ky" {
			common = append(common, f)
		}
	}
	sub := map[string]any{}
	for _, k := range []string{"co_quan", "nguoi_ky"} {
		if v, has := p.f.raw[k]; has {
			sub[k] = v
		}
	}
	convertTable(p.f, "", "", sub, common, values, &diags)
	in := build(p.name, "", common, values, &diags)
	if diags.HasErrors() {
		return org, signer, false
	}
	return in.Org, in.Signer, true
}

// ReadProfile reads the profile name from fsys, as Load would for each
// document.
func ReadProfile(fsys fs.FS, name string, covers func(rune) bool) *Profile {
	p := &Profile{name: name}
	p.f, _ = readTOML(fsys, name, covers, &p.diags)
	if p.f != nil {
		p.f.profile = true
	}
	return p
}

// fallbackYear fills the examples of hints when the caller gives no year:
// the first year of the two-level local government the examples describe.
const fallbackYear = 2025

type entry struct {
	val any
	pos diag.Pos
}

type file struct {
	profile bool // the workspace's shared profile, not a document
	name    string
	raw     map[string]any
	idx     keyIndex
}

// Load reads the document name from fsys. It returns the input, or nil and
// the diagnostics when the document cannot be built; warnings come back
// with a non-nil input.
func Load(fsys fs.FS, name string, opt Options) (_ *Input, diags diag.List) {
	defer func() { fillHints(diags, opt.Year) }()
	doc, ok := readTOML(fsys, name, opt.Covers, &diags)
	var prof *file
	switch {
	case opt.Profile == "":
	case opt.Shared != nil && opt.Shared.name == opt.Profile:
		prof = opt.Shared.f
		diags = append(diags, opt.Shared.diags...)
	default:
		prof, _ = readTOML(fsys, opt.Profile, opt.Covers, &diags)
		if prof != nil {
			prof.profile = true
		}
	}
	if !ok || diags.HasErrors() {
		return nil, diags
	}

	// The template decides the schema.
	tmplName, _ := doc.raw["mau"].(string)
	tmplPos := doc.idx.val["mau"]
	if _, has := doc.raw["mau"]; !has && prof != nil {
		tmplName, _ = prof.raw["mau"].(string)
		tmplPos = prof.idx.val["mau"]
	}
	if tmplName == "" {
		diags.Add(diag.New(diag.Pos{File: name, Line: 1, Col: 1}, diag.CodeMissing, "tên mẫu văn bản", "mau", addLine("mau", `"ke-hoach"`)))
		return nil, diags
	}
	schema, known, ok := opt.Schema(tmplName)
	if !ok {
		diags.Add(diag.New(tmplPos, diag.CodeUnknownTmpl, tmplName, strings.Join(known, ", ")).
			WithLen(utf8.RuneCountInString(tmplName) + 2))
		return nil, diags
	}

	values := map[string]entry{}
	if prof != nil {
		convertTable(prof, schema.Template, "", prof.raw, schema.Fields, values, &diags)
	}
	convertTable(doc, schema.Template, "", doc.raw, schema.Fields, values, &diags)
	if !diags.HasErrors() {
		// A misspelt key already explains the missing one it resembles.
		missing(name, prof, opt.Profile, schema.Fields, values, &diags)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	in := build(name, tmplName, schema.Fields, values, &diags)
	if diags.HasErrors() {
		return nil, diags
	}
	return in, diags
}

// fillHints replaces YearMark in the hints of l, which quote the schema's
// examples, with year (fallbackYear when 0).
func fillHints(l diag.List, year int) {
	if year <= 0 {
		year = fallbackYear
	}
	for i := range l {
		var out []string // a copy: hint slices may be shared
		for j, h := range l[i].Hints {
			if strings.Contains(h, YearMark) {
				if out == nil {
					out = append([]string(nil), l[i].Hints...)
				}
				out[j] = FillYear(h, year)
			}
		}
		if out != nil {
			l[i].Hints = out
		}
	}
}

// readTOML reads, checks, normalises and parses one file, then cleans its
// values (see hygiene.go).
func readTOML(fsys fs.FS, name string, covers func(rune) bool, diags *diag.List) (*file, bool) {
	tooBig := func(size int) {
		diags.Add(limitDiag(diag.Pos{File: name}, "tệp "+name, size, MaxFileSize, "byte",
			"tệp dữ liệu một văn bản thường chỉ vài chục KB; kiểm tra có dán nhầm cả một tệp khác vào không"))
	}
	if st, err := fs.Stat(fsys, name); err == nil && st.Mode().IsRegular() && st.Size() > MaxFileSize {
		tooBig(int(min(st.Size(), 1<<62)))
		return nil, false
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		diags.Add(diag.New(diag.Pos{File: name}, diag.CodeReadFile, errText(err)))
		return nil, false
	}
	if len(b) > MaxFileSize {
		tooBig(len(b))
		return nil, false
	}
	if d, bad := checkEncoding(name, b); bad {
		diags.Add(d)
		return nil, false
	}
	text := norm.NFC.String(strings.TrimPrefix(string(b), "\uFEFF"))
	if strings.IndexByte(text, '\r') >= 0 {
		// Line ends are LF from here on. A lone CR left in a string is a
		// bad character, like the other control characters.
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	f := &file{name: name}
	sc := scanner{file: name, maxDepth: MaxDepth}
	before := len(*diags)
	bad := 0
	sc.visit = func(r rune, p diag.Pos) {
		switch {
		case badRune(r) || r == '\r':
			if bad < maxBadChars {
				diags.Add(diag.New(p, diag.CodeBadChar, keyDesc(sc.cur), codePoint(r)))
			}
			bad++
		case r == '\t' || r == '\n' || r == '\r':
		case covers != nil && !covers(r):
			diags.Add(diag.New(p, diag.CodeNoGlyph, string(r), codePoint(r)))
		}
	}
	sc.scan(text)
	f.idx = sc.idx
	if sc.deep.IsValid() {
		diags.Add(limitDiag(sc.deep, "độ lồng của danh sách và bảng", MaxDepth+1, MaxDepth, "tầng",
			"dữ liệu văn bản chỉ cần danh sách trong danh sách; kiểm tra các dấu [ và { thừa"))
		return f, false
	}
	if len(*diags) > before {
		return f, false
	}
	if _, err := toml.Decode(text, &f.raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos := offsetPos(name, text, pe.Position.Start, pe.Position.Line)
			diags.Add(diag.New(pos, diag.CodeSyntax, translateTOML(pe.Message)).WithLen(max(1, pe.Position.Len)))
		} else {
			diags.Add(diag.New(diag.Pos{File: name}, diag.CodeSyntax, err.Error()))
		}
		return f, false
	}
	f.clean(diags)
	return f, !diag.List((*diags)[before:]).HasErrors()
}

// offsetPos converts the byte offset of a parse error to a line and a
// character column, clamped to the text; line is the library's own line, used
// when the offset is unknown.
func offsetPos(file, text string, offset, line int) diag.Pos {
	if offset <= 0 && line > 1 {
		return diag.Pos{File: file, Line: line, Col: 1}
	}
	offset = min(max(offset, 0), len(text))
	for offset > 0 && offset < len(text) && !utf8.RuneStart(text[offset]) {
		offset--
	}
	before := text[:offset]
	ln := strings.Count(before, "\n") + 1
	lineStart := strings.LastIndex(before, "\n") + 1
	return diag.Pos{File: file, Line: ln, Col: utf8.RuneCountInString(before[lineStart:]) + 1}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, fs.ErrNotExist) {
			return "không tìm thấy tệp " + pe.Path
		}
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

func convertTable(f *file, tmpl, prefix string, raw map[string]any, fields []Field, out map[string]entry, diags *diag.List) {
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := join(prefix, k)
		if f.profile && prefix == "" && slices.Contains(ForeignTables, k) {
			continue
		}
		fd, ok := findField(fields, k)
		if !ok {
			pos := f.idx.key[path]
			if !pos.IsValid() {
				pos = diag.Pos{File: f.name}
			}
			diags.Add(diag.New(pos, diag.CodeUnknownKey, path, tmpl, suggest(k, fields)).WithLen(utf8.RuneCountInString(k)))
			continue
		}
		v := raw[k]
		pos := f.idx.val[path]
		if !pos.IsValid() {
			pos = f.idx.key[path]
		}
		if !pos.IsValid() {
			pos = diag.Pos{File: f.name}
		}
		if fd.Kind == KindTable {
			sub, ok := v.(map[string]any)
			if !ok {
				diags.Add(typeErr(pos, path, fd, v))
				continue
			}
			convertTable(f, tmpl, path, sub, fd.Sub, out, diags)
			continue
		}
		val, d, ok := convert(pos, path, fd, v, f.locate)
		if !ok {
			diags.Add(d)
			continue
		}
		out[path] = entry{val, pos}
	}
}

func findField(fields []Field, key string) (Field, bool) {
	for _, f := range fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

func typeErr(pos diag.Pos, path string, f Field, v any) diag.Diagnostic {
	ex := f.Example
	if ex == "" {
		ex = `"…"`
	}
	return diag.New(pos, diag.CodeType, path, f.Kind.describe(), tomlType(v), ex)
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "chuỗi"
	case int64:
		return "số nguyên"
	case float64:
		return "số thập phân"
	case bool:
		return "true/false"
	case time.Time:
		return "ngày giờ"
	case []any, []map[string]any:
		return "danh sách"
	case map[string]any:
		return "bảng"
	}
	return fmt.Sprintf("%T", v)
}

// convert turns one raw TOML value into the Go value of its kind.
// locator finds the positions of a key and its value in the file.
type locator func(path string) (key, val diag.Pos)

func (f *file) locate(path string) (diag.Pos, diag.Pos) {
	k, v := f.idx.key[path], f.idx.val[path]
	if !k.IsValid() {
		k = diag.Pos{File: f.name}
	}
	if !v.IsValid() {
		v = k
	}
	return k, v
}

func convert(pos diag.Pos, path string, f Field, v any, loc locator) (any, diag.Diagnostic, bool) {
	bad := func() (any, diag.Diagnostic, bool) { return nil, typeErr(pos, path, f, v), false }
	if s, ok := v.(string); ok {
		if d, over := sizeLimit(pos, path, f.Kind, s); over {
			return nil, d, false
		}
	}
	switch f.Kind {
	case KindString:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		return line(s), diag.Diagnostic{}, true
	case KindMarkdown:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		return Markdown(s), diag.Diagnostic{}, true
	case KindInt:
		n, ok := v.(int64)
		if !ok {
			return bad()
		}
		return n, diag.Diagnostic{}, true
	case KindBool:
		b, ok := v.(bool)
		if !ok {
			return bad()
		}
		return b, diag.Diagnostic{}, true
	case KindNumber:
		switch x := v.(type) {
		case int64:
			if x < 1 || x > MaxNumber {
				return nil, diag.New(pos, diag.CodeBadNumber, fmt.Sprint(x)), false
			}
			return x, diag.Diagnostic{}, true
		case string:
			x = strings.TrimSpace(x)
			if x == "" {
				return int64(0), diag.Diagnostic{}, true
			}
			var n int64
			for _, r := range x {
				if r < '0' || r > '9' || n > MaxNumber/10 {
					return nil, diag.New(pos, diag.CodeBadNumber, x).WithLen(utf8.RuneCountInString(x) + 2), false
				}
				n = n*10 + int64(r-'0')
			}
			if n == 0 || n > MaxNumber {
				return nil, diag.New(pos, diag.CodeBadNumber, x), false
			}
			return n, diag.Diagnostic{}, true
		}
		return bad()
	case KindLevel:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		l, ok := ParseLevel(line(s))
		if !ok {
			return nil, diag.New(pos, diag.CodeBadLevel, line(s)).WithLen(utf8.RuneCountInString(s) + 2), false
		}
		return l, diag.Diagnostic{}, true
	case KindDate:
		switch x := v.(type) {
		case time.Time:
			// A TOML local date: its fields are exactly as written.
			return Date{Year: x.Year(), Month: int(x.Month()), Day: x.Day()}, diag.Diagnostic{}, true
		case string:
			d, reason := parseDate(x)
			if reason != "" {
				return nil, diag.New(pos, diag.CodeBadDate, x, reason).WithLen(utf8.RuneCountInString(x) + 2), false
			}
			return d, diag.Diagnostic{}, true
		}
		return bad()
	case KindLines, KindList:
		if s, ok := v.(string); ok && f.Kind == KindLines {
			if s = line(s); s == "" {
				return []string(nil), diag.Diagnostic{}, true
			}
			return []string{s}, diag.Diagnostic{}, true
		}
		arr, ok := v.([]any)
		if !ok {
			return bad()
		}
		if max := maxItems(path); len(arr) > max {
			return nil, limitDiag(pos, "danh sách "+keyDesc(path), len(arr), max, "mục",
				"danh sách dài như vậy nên đưa vào phụ lục hoặc tách thành nhiều văn bản"), false
		}
		out := make([]string, 0, len(arr))
		for i, e := range arr {
			s, ok := e.(string)
			if !ok {
				return bad()
			}
			if d, over := sizeLimit(pos, fmt.Sprintf("%s[%d]", path, i), f.Kind, s); over {
				return nil, d, false
			}
			if s = line(s); s != "" {
				out = append(out, s)
			}
		}
		return out, diag.Diagnostic{}, true
	case KindDocRef:
		if ref, ok := v.(string); ok {
			ref = strings.TrimSuffix(strings.TrimSpace(ref), ".toml")
			if ref == "" {
				return nil, diag.New(pos, diag.CodeEmpty, f.Label, path), false
			}
			return DocRef{Ref: ref, At: pos}, diag.Diagnostic{}, true
		}
		m, ok := v.(map[string]any)
		if !ok {
			return bad()
		}
		sub := map[string]entry{}
		var ds diag.List
		convertTable(&file{name: pos.File, idx: keyIndex{key: map[string]diag.Pos{}, val: map[string]diag.Pos{}}}, "van_ban", "", m, docRefFields, sub, &ds)
		required(docRefFields, sub, &ds, func(f Field, path, ex string) {
			ds.Add(diag.New(diag.Pos{File: pos.File, Line: 1, Col: 1}, diag.CodeMissing, f.Label, path, addLine(path, ex)))
		})
		if len(ds) > 0 {
			d := ds[0]
			d.Pos = pos
			d.Msg = path + ": " + d.Msg
			return nil, d, false
		}
		r := DocRef{At: pos}
		r.Type, _ = sub["loai"].val.(string)
		r.Number, _ = sub["so"].val.(string)
		r.Date, _ = sub["ngay"].val.(Date)
		r.Issuer, _ = sub["co_quan"].val.(string)
		r.Summary, _ = sub["trich_yeu"].val.(string)
		return r, diag.Diagnostic{}, true
	case KindTableList:
		arr, ok := v.([]map[string]any)
		if !ok {
			if a, isArr := v.([]any); isArr && len(a) == 0 {
				return []Row(nil), diag.Diagnostic{}, true
			}
			return bad()
		}
		var out []Row
		for i, m := range arr {
			elem := fmt.Sprintf("%s[%d]", path, i)
			at := map[string]diag.Pos{}
			row := map[string]any{}
			for _, sf := range f.Sub {
				row[sf.Key] = zero(sf.Kind)
			}
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				sf, known := findField(f.Sub, k)
				kpos, vpos := loc(elem + "." + k)
				if !known {
					return nil, diag.New(kpos, diag.CodeUnknownKey, elem+"."+k, f.Key, suggest(k, f.Sub)).WithLen(utf8.RuneCountInString(k)), false
				}
				val, d, ok := convert(vpos, elem+"."+k, sf, m[k], loc)
				if !ok {
					return nil, d, false
				}
				row[k] = val
				at[k] = vpos
			}
			for _, sf := range f.Sub {
				if sf.Required && empty(row[sf.Key]) {
					at, _ := loc(elem)
					return nil, diag.New(at, diag.CodeMissing, sf.Label, elem+"."+sf.Key, addLine(sf.Key, sf.Example)), false
				}
			}
			rowAt, _ := loc(elem)
			out = append(out, Row{Values: row, At: rowAt, Cells: at})
		}
		return out, diag.Diagnostic{}, true
	}
	return bad()
}

// line is a single-line value as printed: tabs become spaces (nothing
// prints a tab) and the ends are trimmed.
func line(s string) string {
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", " ")
	}
	return strings.TrimSpace(s)
}

// sizeLimit checks the size of one string value of kind k.
func sizeLimit(pos diag.Pos, path string, k Kind, s string) (diag.Diagnostic, bool) {
	max, hint := MaxValueSize, "một giá trị dài như vậy thường là dán nhầm; nội dung dài viết trong khóa nội dung"
	if k == KindMarkdown {
		max, hint = MaxBodySize, "tách văn bản, hoặc đưa phụ lục dài ra tệp riêng"
	}
	if len(s) <= max {
		return diag.Diagnostic{}, false
	}
	return limitDiag(pos, keyDesc(path), len(s), max, "byte", hint), true
}

// maxItems is the largest number of items of the list at path.
func maxItems(path string) int {
	if path == "noi_nhan" || path == "kinh_gui" {
		return MaxRecipients
	}
	return MaxItems
}

// DefaultProfile is the name of a workspace's shared profile, named in
// diagnostics when Options.Profile is empty because the file is absent.
const DefaultProfile = "vanban.toml"

// IsProfileKey reports whether the key path belongs to the profile: the
// keys "vanban new ho-so" writes (luu and the tables co_quan, so_van_ban,
// nguoi_ky). A document may still write them itself.
func IsProfileKey(path string) bool {
	if path == "luu" {
		return true
	}
	for _, f := range Common() {
		if f.Kind == KindTable && strings.HasPrefix(path, f.Key+".") {
			return true
		}
	}
	return false
}

// missing reports the required fields of a document missing from both its
// file doc and the profile prof (nil when the workspace has none; profName
// is then "" and the profile's default name is used). A missing document
// key points at the document's first line; a missing profile key at the
// profile (its table header when written), and when the workspace has no
// profile at all the missing profile keys make one diagnostic naming it.
func missing(doc string, prof *file, profName string, fields []Field, values map[string]entry, diags *diag.List) {
	if profName == "" {
		profName = DefaultProfile
	}
	var absent []string // profile keys, when there is no profile
	required(fields, values, diags, func(f Field, path, ex string) {
		switch {
		case !IsProfileKey(path):
			diags.Add(diag.New(diag.Pos{File: doc, Line: 1, Col: 1}, diag.CodeMissing, f.Label, path, addLine(path, ex)))
		case prof == nil:
			absent = append(absent, path)
		default:
			pos := diag.Pos{File: prof.name, Line: 1, Col: 1}
			if i := strings.LastIndex(path, "."); i >= 0 {
				if p, ok := prof.idx.key[path[:i]]; ok && p.IsValid() {
					pos = p
				}
			}
			diags.Add(diag.New(pos, diag.CodeMissing, f.Label, path, addLine(path, ex)+" (tệp "+prof.name+")").
				WithHint("khóa này cũng có thể viết trong tệp văn bản " + doc))
		}
	})
	if len(absent) > 0 {
		diags.Add(diag.New(diag.Pos{File: profName}, diag.CodeReadFile,
			"không tìm thấy tệp "+profName+" (hồ sơ chung của cơ quan), nơi ghi các khóa "+strings.Join(absent, ", ")).
			WithHint("tạo bằng: vanban new ho-so > " + profName).
			WithHint("hoặc viết các khóa này trong từng tệp văn bản"))
	}
}

// required calls report for each required field missing from values, and
// reports the ones present but empty.
func required(fields []Field, values map[string]entry, diags *diag.List, report func(f Field, path, example string)) {
	requiredIn("", fields, values, diags, report)
}

func requiredIn(prefix string, fields []Field, values map[string]entry, diags *diag.List, report func(f Field, path, example string)) {
	for _, f := range fields {
		path := prefix + f.Key
		if f.Kind == KindTable {
			requiredIn(path+".", f.Sub, values, diags, report)
			continue
		}
		if !f.Required {
			continue
		}
		e, ok := values[path]
		ex := f.Example
		if ex == "" {
			ex = `"…"`
		}
		if !ok {
			report(f, path, ex)
			continue
		}
		if empty(e.val) {
			diags.Add(diag.New(e.pos, diag.CodeEmpty, f.Label, path))
		}
	}
}

func empty(v any) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case Markdown:
		return strings.TrimSpace(string(x)) == ""
	case Level:
		return x == NoLevel
	case []string:
		return len(x) == 0
	}
	return false
}

// build assembles the Input from the converted values.
func build(name, tmpl string, fields []Field, values map[string]entry, diags *diag.List) *Input {
	str := func(k string) string { s, _ := values[k].val.(string); return s }
	lines := func(k string) []string { s, _ := values[k].val.([]string); return s }
	in := &Input{
		File:       name,
		Template:   tmpl,
		Summary:    str("trich_yeu"),
		Recipients: lines("noi_nhan"),
		Archive:    str("luu"),
		Org: Org{
			Parent: lines("co_quan.chu_quan"), Name: lines("co_quan.ten"),
			Abbrev: str("co_quan.viet_tat"), Place: str("co_quan.dia_danh"),
			FullName: str("co_quan.ten_day_du"),
		},
		Addressees: lines("kinh_gui"),
		Authority:  str("tham_quyen"),
		Signer: Signer{
			Authority: str("nguoi_ky.quyen_han"), OnBehalfOf: str("nguoi_ky.thay_mat"),
			Head: str("nguoi_ky.thu_truong"), Title: str("nguoi_ky.chuc_vu"), Name: str("nguoi_ky.ho_ten"),
		},
		Values: map[string]any{},
		Pos:    map[string]diag.Pos{},
	}
	if in.Archive == "" {
		in.Archive = "VT"
	}
	if n, ok := parseNumbering(str("so_van_ban.cach_danh_so")); ok {
		in.Numbering = n
	} else {
		diags.Add(diag.New(values["so_van_ban.cach_danh_so"].pos, diag.CodeNumbering, str("so_van_ban.cach_danh_so")))
	}
	if in.Org.Level, _ = values["co_quan.cap"].val.(Level); in.Org.Level == NoLevel {
		in.Org.Level = LevelOfName(in.Org.Name)
	}
	in.Number, _ = values["so"].val.(int64)
	in.Date, _ = values["ngay"].val.(Date)
	checkSigner(in, values, diags)

	// Every declared field exists in Values, so templates can test it.
	var fill func(prefix string, fs []Field, m map[string]any)
	fill = func(prefix string, fs []Field, m map[string]any) {
		for _, f := range fs {
			path := prefix + f.Key
			if f.Kind == KindTable {
				sub := map[string]any{}
				fill(path+".", f.Sub, sub)
				m[f.Key] = sub
				continue
			}
			e, ok := values[path]
			if ok {
				m[f.Key] = e.val
				in.Pos[path] = e.pos
			} else {
				m[f.Key] = zero(f.Kind)
			}
		}
	}
	fill("", fields, in.Values)
	in.Values["nam"] = int64(in.Date.Year)
	in.Values["luu"] = in.Archive
	return in
}

func zero(k Kind) any {
	switch k {
	case KindBool:
		return false
	case KindInt:
		return int64(0)
	case KindNumber:
		return int64(0)
	case KindDate:
		return Date{}
	case KindLines, KindList:
		return []string(nil)
	case KindMarkdown:
		return Markdown("")
	case KindDocRef:
		return DocRef{}
	case KindTableList:
		return []Row(nil)
	case KindLevel:
		return NoLevel
	}
	return ""
}

func checkSigner(in *Input, values map[string]entry, diags *diag.List) {
	s := in.Signer
	pos := values["nguoi_ky.quyen_han"].pos
	ok := false
	for _, a := range Authorities() {
		if s.Authority == a {
			ok = true
		}
	}
	if !ok {
		diags.Add(diag.New(pos, diag.CodeAuthority, s.Authority).WithLen(utf8.RuneCountInString(s.Authority) + 2))
		return
	}
	need := func(key, label, ex string) {
		if str, _ := values[key].val.(string); str == "" {
			diags.Add(diag.New(posOr(pos, in.File), diag.CodeMissing, label+" (cần khi ký "+s.Authority+")", key, addLine(key, ex)))
		}
	}
	switch s.Authority {
	case "TM.":
		need("nguoi_ky.thay_mat", "tên tập thể lãnh đạo", `"ỦY BAN NHÂN DÂN"`)
	case "KT.", "TL.", "TUQ.":
		need("nguoi_ky.thu_truong", "chức vụ người đứng đầu", `"CHỦ TỊCH"`)
	}
}

// addLine is the hint for a missing key: the line to add, and where.
func addLine(path, example string) string {
	if i := strings.LastIndex(path, "."); i >= 0 {
		return fmt.Sprintf("thêm vào bảng [%s] dòng: %s = %s", path[:i], path[i+1:], example)
	}
	return fmt.Sprintf("thêm dòng: %s = %s", path, example)
}

// At returns where the value of key is written, or the start of the
// document's file when it is not written (a default, a computed value).
func (in *Input) At(key string) diag.Pos { return posOr(in.Pos[key], in.File) }

func posOr(p diag.Pos, file string) diag.Pos {
	if p.IsValid() {
		return p
	}
	return diag.Pos{File: file, Line: 1, Col: 1}
}
