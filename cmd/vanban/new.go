package main

import (
	"fmt"
	"io"
	"strings"

	"vanban/internal/data"
)

func cmdTemplates(args []string, stdout, stderr io.Writer) int {
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	set, ds := eng.Templates(".")
	if len(ds) > 0 {
		fmt.Fprintln(stderr, ds.Error())
	}
	for _, n := range set.Names() {
		t, _ := set.Get(n)
		fmt.Fprintf(stdout, "%-24s %s\n", n, t.Summary)
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "Cách dùng: vanban new MẪU   (xem các mẫu bằng: vanban templates; \"ho-so\" in tệp vanban.toml)")
		return exitUsage
	}
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	set, _ := eng.Templates(".")
	if args[0] == "ho-so" {
		io.WriteString(stdout, profileSample())
		return exitOK
	}
	t, ok := set.Get(args[0])
	if !ok {
		fmt.Fprintf(stderr, "vanban: không có mẫu văn bản %q\n    gợi ý: các mẫu có sẵn: %s, ho-so\n", args[0], strings.Join(set.Names(), ", "))
		return exitDiag
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — văn bản mẫu tạo bởi: vanban new %s\n", t.Summary, t.Name)
	b.WriteString("# Thông tin cơ quan và người ký lấy từ tệp vanban.toml cùng thư mục (tạo bằng: vanban new ho-so).\n\n")
	for _, f := range t.Schema.Fields {
		if f.Kind == data.KindTable || f.Kind == data.KindTableList {
			continue
		}
		writeField(&b, f, t.Name)
	}
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
	io.WriteString(stdout, b.String())
	return exitOK
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

func profileSample() string {
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
		for _, s := range f.Sub {
			writeField(&b, s, "")
		}
	}
	return b.String()
}
