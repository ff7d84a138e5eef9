package engine

import (
	"fmt"
	"strings"

	"vanban/internal/data"
	"vanban/internal/tmpl"
)

// Sample returns an annotated TOML document for template t, every key with
// its description and an example, as "vanban new" prints it and the clerk
// starts from. Examples are dated in year (data.YearMark is filled with it).
func Sample(t *tmpl.Template, year int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — văn bản mẫu tạo bởi: vanban new %s\n", t.Summary, t.Name)
	b.WriteString("# Thông tin cơ quan và người ký lấy từ tệp vanban.toml cùng thư mục (tạo bằng: vanban new ho-so).\n\n")
	var rare []data.Field
	for _, f := range t.Schema.Fields {
		if f.Kind == data.KindTable || f.Kind == data.KindTableList {
			continue
		}
		if f.Rare {
			rare = append(rare, f)
			continue
		}
		writeField(&b, f, t.Name)
	}
	writeRare(&b, rare)
	// Lists of tables come last, as TOML wants: one example entry each.
	for _, f := range t.Schema.Fields {
		if f.Kind != data.KindTableList {
			continue
		}
		if f.Doc != "" {
			fmt.Fprintf(&b, "# %s\n", f.Doc)
		}
		fmt.Fprintf(&b, "[[%s]]\n", f.Key)
		for _, sub := range f.Sub {
			label := sub.Label
			if !sub.Required {
				label += " (không bắt buộc)"
			}
			fmt.Fprintf(&b, "%s = %s    # %s\n", sub.Key, sub.Example, label)
		}
		b.WriteString("\n")
	}
	return data.FillYear(b.String(), year)
}

func writeField(b *strings.Builder, f data.Field, tmplName string) {
	if f.Doc != "" {
		fmt.Fprintf(b, "# %s\n", f.Doc)
	}
	ex := f.Example
	if f.Key == "mau" {
		ex = fmt.Sprintf("%q", tmplName)
	}
	fmt.Fprintf(b, "%s = %s\n\n", f.Key, ex)
}

// ProfileSample returns an annotated vanban.toml: the issuing body and the
// signer every document of a workspace shares, its examples dated in year.
func ProfileSample(year int) string {
	var b strings.Builder
	b.WriteString("# Hồ sơ chung của cơ quan (vanban.toml): mọi văn bản trong thư mục dùng chung các giá trị này.\n")
	b.WriteString("# Một văn bản có thể ghi đè bất kỳ khóa nào bằng cách viết lại khóa đó trong tệp của mình.\n\n")
	for _, f := range data.Common() {
		if f.Key == "luu" {
			writeField(&b, f, "")
		}
	}
	for _, f := range data.Common() {
		if f.Kind != data.KindTable {
			continue
		}
		fmt.Fprintf(&b, "[%s]\n", f.Key)
		var rare []data.Field
		for _, s := range f.Sub {
			if s.Rare {
				rare = append(rare, s)
				continue
			}
			writeField(&b, s, "")
		}
		writeRare(&b, rare)
	}
	return data.FillYear(b.String(), year)
}

// writeRare writes the keys few documents need (the NĐ 30 marks, the
// edition, the contact lines) as comments: the clerk sees they exist and
// removes the "# " to use one.
func writeRare(b *strings.Builder, fields []data.Field) {
	if len(fields) == 0 {
		return
	}
	b.WriteString("# Các khóa ít dùng: bỏ dấu \"# \" ở đầu dòng để dùng.\n")
	for _, f := range fields {
		doc := f.Doc
		if doc == "" {
			doc = f.Label
		}
		fmt.Fprintf(b, "# %s = %s    # %s\n", f.Key, f.Example, doc)
	}
	b.WriteString("\n")
}
