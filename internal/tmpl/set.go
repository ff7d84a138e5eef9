// Package tmpl turns a document's data into the document model: it loads the
// template set (built-in templates, shadowed or extended by a workspace's own
// templates folder), executes a template with text/template, every value
// escaped, and parses the CommonMark it produces with goldmark into model
// blocks.
package tmpl

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/unicode/norm"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/law"
)

// Ext is the file extension of a template.
const Ext = ".md"

// Template is one document template: its front matter and parsed body.
type Template struct {
	Name     string // kind slug, e.g. "ke-hoach"
	File     string // where it was loaded from, for diagnostics
	Type     string // tên loại, e.g. "KẾ HOẠCH"
	Code     string // ký hiệu of the type, e.g. "KH" (Phụ lục III)
	Summary  string // one line for `vanban templates`
	Schema   *data.Schema
	Letter   bool        // cong_van: a công văn (NĐ 30 Phụ lục III, Mẫu 1.5)
	Grants   law.Grantor // xet_khen: who grants the awards the document lists
	Inherits string      // ke_thua: the van_ban field whose document lends empty lists
	// Unnumbered and Undated leave out "Số, ký hiệu" (khong_so) and the
	// place and date line (khong_ngay): a Biên bản (Mẫu 1.9).
	Unnumbered, Undated bool
	// NoRecipients leaves out "Nơi nhận" (khong_noi_nhan): a báo cáo
	// thành tích (NĐ 98/2023 and NĐ 152/2025, Phụ lục); noi_nhan is then
	// not required.
	NoRecipients bool
	// NoSummary leaves out the trích yếu (khong_trich_yeu): a Giấy giới
	// thiệu, a Giấy nghỉ phép (Phụ lục III, Mẫu 1.8, 1.10); trich_yeu is
	// then optional and, when absent, summary (trich_yeu_mac_dinh) writes
	// the one the register and the metadata name the document by.
	NoSummary bool
	summary   *template.Template // nil without trich_yeu_mac_dinh
	body      *template.Template // nil when the template is broken
	line      int                // line of the body in File
	diags     diag.List          // the template's own problems; errors make it broken
	noSchema  bool               // the front matter is broken: Schema is a stand-in
}

type fieldMeta struct {
	Ten     string      `toml:"ten"`
	Kieu    string      `toml:"kieu"`
	BatBuoc bool        `toml:"bat_buoc"`
	Nhan    string      `toml:"nhan"`
	MoTa    string      `toml:"mo_ta"`
	ViDu    string      `toml:"vi_du"`
	Cot     []fieldMeta `toml:"cot"` // the columns of a "bang_lap"
}

type frontMatter struct {
	TenLoai   string `toml:"ten_loai"`
	KyHieu    string `toml:"ky_hieu"`
	MoTa      string `toml:"mo_ta"`
	KinhGui   string `toml:"kinh_gui"`   // "Kính gửi": "bat_buoc" (required), "tuy_chon" (optional) or "" (none)
	ThamQuyen bool   `toml:"tham_quyen"` // the document has a thẩm quyền line
	XetKhen   string `toml:"xet_khen"`   // who grants the awards listed: "nguoi_ky" or "cap_tren"
	KeThua    string `toml:"ke_thua"`    // a van_ban field whose cited document lends its lists
	CongVan   bool   `toml:"cong_van"`   // a công văn: no tên loại printed, "V/v …" under Số (Mẫu 1.5)
	KhongSo   bool   `toml:"khong_so"`   // no "Số, ký hiệu" printed (some Biên bản)
	KhongNgay bool   `toml:"khong_ngay"` // no place and date line under the motto (Biên bản, Mẫu 1.9)
	// KhongNoiNhan: no "Nơi nhận" printed, noi_nhan not required (báo cáo thành tích)
	KhongNoiNhan bool `toml:"khong_noi_nhan"`
	// KhongTrichYeu: no trích yếu printed, trich_yeu not required (giấy
	// giới thiệu, giấy nghỉ phép); TrichYeuMacDinh is a template of the
	// summary of a document without trich_yeu, for the register and the
	// metadata, e.g. "Ông (bà) {{ .ho_ten }} đến {{ .noi_den }}".
	KhongTrichYeu   bool        `toml:"khong_trich_yeu"`
	TrichYeuMacDinh string      `toml:"trich_yeu_mac_dinh"`
	Truong          []fieldMeta `toml:"truong"`
}

// Set is the templates available to a workspace.
type Set struct {
	byName map[string]*Template
	md     parser.Parser // parses the output of every template (see newParser)
}

// Load reads every "*.md" template of each fsys in order; a later one
// shadows an earlier one of the same name. A nil fsys is skipped. label
// prefixes the file names of the i-th fsys in diagnostics.
//
// A template that cannot be read or parsed stays in the set, broken: it
// still shadows a built-in of its name, Diags returns its own diagnostics,
// and Build fails the documents that use it, and only those. The returned
// list is every template's diagnostics together, for "vanban check" and
// listings; a caller building one document should look at Diags(name)
// instead, so that one broken workspace template does not fail documents
// made with the others.
func Load(fsyss []fs.FS, labels []string) (*Set, diag.List) {
	s := &Set{byName: map[string]*Template{}, md: newParser()}
	var diags diag.List
	for i, fsys := range fsyss {
		if fsys == nil {
			continue
		}
		names, err := fs.Glob(fsys, "*"+Ext)
		if err != nil {
			continue
		}
		for _, name := range names {
			file := path.Join(labels[i], name)
			kind := strings.TrimSuffix(name, Ext)
			src, err := fs.ReadFile(fsys, name)
			var t *Template
			if err != nil {
				t = &Template{Name: kind, File: file, diags: diag.List{diag.New(diag.Pos{File: file}, diag.CodeReadFile, err.Error())}}
			} else {
				var ds diag.List
				t, ds = parseTemplate(kind, file, norm.NFC.String(string(src)))
				if t == nil {
					t = &Template{Name: kind, File: file}
				}
				t.diags = ds
			}
			if t.Schema == nil {
				t.Schema = &data.Schema{Template: kind, Fields: data.Common()}
				t.noSchema = true
			}
			diags.Append(t.diags)
			s.byName[t.Name] = t
		}
	}
	return s, diags
}

// Names returns the template names, sorted.
func (s *Set) Names() []string {
	names := make([]string, 0, len(s.byName))
	for n := range s.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Get returns the template called name. A broken template is returned too
// (its Schema is never nil); Build reports its diagnostics.
func (s *Set) Get(name string) (*Template, bool) {
	t, ok := s.byName[name]
	return t, ok
}

// Diags returns the diagnostics of the template called name alone: those
// of loading it, nil for a sound or unknown template. When they hold an
// error, documents made with the template cannot be built.
func (s *Set) Diags(name string) diag.List {
	if t, ok := s.byName[name]; ok {
		return t.diags
	}
	return nil
}

// Schema implements data.Options.Schema. A template whose front matter is
// broken has no schema: it is reported unknown here, and a caller should
// report Diags(name) instead.
func (s *Set) Schema(name string) (*data.Schema, []string, bool) {
	t, ok := s.byName[name]
	if !ok || t.noSchema {
		return nil, s.Names(), false
	}
	return t.Schema, nil, true
}

func parseTemplate(name, file, src string) (*Template, diag.List) {
	var diags diag.List
	at := func(line int) diag.Pos { return diag.Pos{File: file, Line: line, Col: 1} }
	const fence = "+++\n"
	if !strings.HasPrefix(src, fence) {
		diags.Add(diag.New(at(1), diag.CodeTmplMeta, `tệp mẫu phải bắt đầu bằng dòng "+++" của phần khai báo`))
		return nil, diags
	}
	end := strings.Index(src[len(fence):], "\n"+fence)
	if end < 0 {
		diags.Add(diag.New(at(1), diag.CodeTmplMeta, `thiếu dòng "+++" đóng phần khai báo`))
		return nil, diags
	}
	meta := src[len(fence) : len(fence)+end+1]
	body := src[len(fence)+end+1+len(fence):]
	bodyLine := strings.Count(src[:len(src)-len(body)], "\n") + 1

	var fm frontMatter
	md, err := toml.Decode(meta, &fm)
	if err != nil {
		var pe toml.ParseError
		line := 1
		if errors.As(err, &pe) {
			line = pe.Position.Line + 1
		}
		p := at(line)
		if errors.As(err, &pe) && pe.Position.Col > 0 {
			p.Col = pe.Position.Col
		}
		diags.Add(diag.New(p, diag.CodeTmplMeta, err.Error()))
		return nil, diags
	}
	pos := newMetaPos(file, meta)
	if und := md.Undecoded(); len(und) > 0 {
		diags.Add(diag.New(pos.first(und), diag.CodeTmplMeta, fmt.Sprintf("khóa không dùng: %v", und)))
	}
	if fm.TenLoai == "" || fm.KyHieu == "" && !fm.CongVan {
		p := pos.key("")
		switch {
		case fm.TenLoai == "" && pos.has("ten_loai"):
			p = pos.val("ten_loai")
		case fm.KyHieu == "" && pos.has("ky_hieu"):
			p = pos.val("ky_hieu")
		}
		diags.Add(diag.New(p, diag.CodeTmplMeta, "cần khai báo ten_loai và ky_hieu (công văn: ten_loai và cong_van = true)"))
	}
	schema := &data.Schema{Template: name, Fields: data.Common()}
	if fm.KhongNoiNhan {
		for i := range schema.Fields {
			if schema.Fields[i].Key == "noi_nhan" {
				schema.Fields[i].Required = false
				schema.Fields[i].Doc = `văn bản này không in "Nơi nhận": để trống`
				schema.Fields[i].Example = `[]`
			}
		}
	}
	if fm.KhongTrichYeu {
		for i := range schema.Fields {
			if schema.Fields[i].Key == "trich_yeu" {
				// Rare: a starter leaves it out.
				schema.Fields[i].Required, schema.Fields[i].Rare = false, true
				schema.Fields[i].Doc = `văn bản này không in trích yếu; nếu ghi, chỉ dùng trong sổ đăng ký văn bản`
			}
		}
	}
	var summary *template.Template
	switch {
	case fm.TrichYeuMacDinh != "" && !fm.KhongTrichYeu:
		diags.Add(diag.New(pos.val("trich_yeu_mac_dinh"), diag.CodeTmplMeta, "trich_yeu_mac_dinh chỉ dùng cùng khong_trich_yeu = true"))
	case fm.TrichYeuMacDinh != "":
		var err error
		summary, err = template.New(name + ".trich_yeu_mac_dinh").Option("missingkey=error").Funcs(funcs()).Parse(fm.TrichYeuMacDinh)
		if err != nil {
			diags.Add(diag.New(pos.val("trich_yeu_mac_dinh"), diag.CodeTmplMeta, err.Error()))
		}
	}
	switch fm.KinhGui {
	case "", "bat_buoc", "tuy_chon":
	default:
		diags.Add(diag.New(pos.val("kinh_gui"), diag.CodeTmplMeta, fmt.Sprintf(`kinh_gui phải là "bat_buoc" hoặc "tuy_chon", không phải %q`, fm.KinhGui)))
	}
	if fm.KinhGui != "" {
		schema.Fields = append(schema.Fields, data.Field{Key: "kinh_gui", Kind: data.KindLines, Required: fm.KinhGui == "bat_buoc",
			Label: "nơi được kính gửi", Example: `["Sở Nội vụ tỉnh Khánh Hòa"]`,
			Doc: `cơ quan được kính gửi; một nơi thì viết trên cùng dòng "Kính gửi:"`})
	}
	if fm.ThamQuyen {
		schema.Fields = append(schema.Fields, data.Field{Key: "tham_quyen", Kind: data.KindString, Required: true,
			Label: "thẩm quyền ban hành", Example: `"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VẠN NINH"`,
			Doc: "thẩm quyền ban hành quyết định (chức vụ người đứng đầu hoặc tên tập thể)"})
	}
	if fm.CongVan {
		schema.Fields = append(schema.Fields, data.Field{Key: "don_vi_soan_thao", Kind: data.KindString, Required: true,
			Label: "đơn vị soạn thảo", Example: `"VP"`,
			Doc: "chữ viết tắt của đơn vị hoặc lĩnh vực soạn thảo, đứng sau tên cơ quan trong ký hiệu: Số: …/UBND-VP"})
	}
	for i, f := range fm.Truong {
		path := "truong[" + strconv.Itoa(i) + "]"
		fd, ok := fieldOf(f, path, "truong", pos.key(""), pos, &diags)
		if ok {
			schema.Fields = append(schema.Fields, fd)
		}
	}
	grants, ok := law.ParseGrantor(fm.XetKhen)
	if !ok {
		diags.Add(diag.New(pos.val("xet_khen"), diag.CodeTmplMeta, fmt.Sprintf(`xet_khen phải là "nguoi_ky" hoặc "cap_tren", không phải %q`, fm.XetKhen)))
	}
	if grants == law.GrantsSuperior {
		schema.Fields = append(schema.Fields, data.Field{Key: "cap_xet", Kind: data.KindLevel, Required: true,
			Label: "cấp xét khen thưởng", Example: `"xa"`,
			Doc: `cấp của cơ quan có thẩm quyền khen thưởng: "xa", "huyen" hoặc "tinh"`})
	}
	if diags.HasErrors() {
		return nil, diags
	}
	tm := &Template{
		Name: name, File: file, Type: fm.TenLoai, Code: fm.KyHieu, Summary: fm.MoTa,
		Schema: schema, Letter: fm.CongVan, Grants: grants, Inherits: fm.KeThua, line: bodyLine,
		Unnumbered: fm.KhongSo, Undated: fm.KhongNgay, NoRecipients: fm.KhongNoiNhan,
		NoSummary: fm.KhongTrichYeu, summary: summary,
	}
	t := template.New(name).Option("missingkey=error").Funcs(funcs())
	// Keep line numbers of the body equal to those of the file.
	if _, err := t.Parse(strings.Repeat("\n", bodyLine-1) + body); err != nil {
		diags.Add(diag.New(at(bodyLine), diag.CodeTmplSyntax, err.Error()))
		return tm, diags // broken body, sound schema
	}
	escapeActions(t)
	instrument(t)
	tm.body = t
	return tm, diags
}

// fieldOf converts one declared field of the front matter: the table at
// path ("truong[1]", "truong.cot[3]") of the array of tables header
// ("truong", "truong.cot"); self is where the field is written, for
// diagnostics when the field is not found there.
func fieldOf(f fieldMeta, path, header string, self diag.Pos, pos *metaPos, diags *diag.List) (data.Field, bool) {
	// The columns' paths first: [[truong.cot]] tables are counted through
	// the whole front matter, whether or not this field is sound.
	cols := make([]string, len(f.Cot))
	for i := range cols {
		cols[i] = pos.next(header + ".cot")
	}
	if pos.has(path) {
		self = pos.key(path)
	}
	kindAt := self
	if pos.has(path + ".kieu") {
		kindAt = pos.val(path + ".kieu")
	}
	k, ok := data.KindByName(f.Kieu)
	if !ok {
		diags.Add(diag.New(kindAt, diag.CodeTmplMeta, fmt.Sprintf("trường %q có kiểu %q không hợp lệ", f.Ten, f.Kieu)))
		return data.Field{}, false
	}
	label := f.Nhan
	if label == "" {
		label = f.Ten
	}
	ex := f.ViDu
	if ex == "" {
		ex = `"…"`
	}
	fd := data.Field{Key: f.Ten, Kind: k, Required: f.BatBuoc, Label: label, Doc: f.MoTa, Example: ex}
	if (k == data.KindTableList) != (len(f.Cot) > 0) {
		diags.Add(diag.New(kindAt, diag.CodeTmplMeta, fmt.Sprintf("trường %q: chỉ kiểu \"bang_lap\" có các cột [[truong.cot]], và phải có", f.Ten)))
		return data.Field{}, false
	}
	// Columns written inline (cot = [{…}]) have no key of their own: they
	// are found at "cot".
	inline := self
	if pos.has(path + ".cot") {
		inline = pos.key(path + ".cot")
	}
	for i, c := range f.Cot {
		sub, ok := fieldOf(c, cols[i], header+".cot", inline, pos, diags)
		if !ok {
			return data.Field{}, false
		}
		fd.Sub = append(fd.Sub, sub)
	}
	return fd, true
}

// SummaryOf returns the trích yếu of a document made with t from in: its
// trich_yeu, or for a form printed without one (NoSummary) and written
// without one, the summary built from its data by trich_yeu_mac_dinh,
// "" when that cannot be built. The register and the metadata name the
// document by it.
func (t *Template) SummaryOf(in *data.Input) string {
	if in.Summary != "" || t.summary == nil {
		return in.Summary
	}
	var b strings.Builder
	if err := t.summary.Execute(&b, view(in.Values)); err != nil {
		return ""
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Symbol returns the ký hiệu of a document made with t from in: "KH-UBND"
// (type, then issuer: Phụ lục I, II.3.b), or for a công văn "UBND-VP"
// (issuer, then the drafting unit).
func (t *Template) Symbol(in *data.Input) string {
	if t.Letter {
		unit, _ := in.Values["don_vi_soan_thao"].(string)
		return in.Org.Abbrev + "-" + unit
	}
	return t.Code + "-" + in.Org.Abbrev
}
