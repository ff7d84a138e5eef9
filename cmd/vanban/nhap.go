package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"vanban/internal/docimport"
	"vanban/internal/docimport/docx"
	"vanban/internal/engine"
	"vanban/internal/tomledit"
	"vanban/internal/vnenc"
)

// cmdImport: vanban nhap TỆP.docx [-mau MẪU] [-o TỆP.toml] [-ghi-de]
//
//	vanban nhap DANH-SÁCH.xlsx|.csv -vao VĂN-BẢN.toml [-sheet TÊN]
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("nhap", flag.ContinueOnError)
	fl.SetOutput(stderr)
	tmplName := fl.String("mau", "", "dùng mẫu này thay vì để vanban tự chọn theo tên loại, ký hiệu")
	out := fl.String("o", "", "tệp bản nháp .toml; mặc định cùng tên với tệp Word, trong thư mục hiện tại")
	force := fl.Bool("ghi-de", false, "ghi đè tệp bản nháp nếu đã có")
	into := fl.String("vao", "", "(danh sách .xlsx/.csv) thêm các hàng vào văn bản .toml này")
	sheet := fl.String("sheet", "", "(danh sách .xlsx) trang tính; mặc định trang đầu")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban nhap TỆP.docx [-mau MẪU] [-o TỆP.toml] [-ghi-de]")
		fmt.Fprintln(stderr, "       vanban nhap DANH-SÁCH.xlsx|DANH-SÁCH.csv -vao VĂN-BẢN.toml [-sheet TÊN]")
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) != 1 {
		fl.Usage()
		return exitUsage
	}
	src := paths[0]
	ext := strings.ToLower(filepath.Ext(src))
	if ext == ".xlsx" || ext == ".csv" || ext == ".xlsm" {
		if *into == "" {
			fmt.Fprintln(stderr, "vanban: nhập danh sách cần -vao VĂN-BẢN.toml (văn bản nhận các hàng)")
			return exitUsage
		}
		return importList(src, ext, *into, *sheet, stdout, stderr)
	}
	if *into != "" {
		fmt.Fprintln(stderr, "vanban: -vao chỉ dùng khi nhập danh sách .xlsx hoặc .csv")
		return exitUsage
	}
	d, err := docx.ReadFile(src, docx.Limits{})
	if err != nil {
		var de *docx.Error
		if errors.As(err, &de) {
			fmt.Fprintf(stderr, "%s: lỗi: %v\n", src, de)
			return exitDiag
		}
		fmt.Fprintf(stderr, "vanban: không đọc được %s: %v\n", src, err)
		return exitDiag
	}
	dst := *out
	if dst == "" {
		dst = strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + ".toml"
	}
	if _, err := os.Stat(dst); err == nil && !*force {
		fmt.Fprintf(stderr, "vanban: %s đã có; không ghi đè (thêm -ghi-de để ghi đè, hoặc -o TÊN_KHÁC.toml)\n", dst)
		return exitUsage
	}
	ws := filepath.Dir(dst)
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	defer eng.Close()
	set, _ := eng.Templates(ws)
	if *tmplName != "" {
		if _, ok := set.Get(*tmplName); !ok {
			fmt.Fprintf(stderr, "vanban: không có mẫu văn bản %q\n    gợi ý: các mẫu có sẵn: %s\n", *tmplName, strings.Join(set.Names(), ", "))
			return exitUsage
		}
	}
	var profile map[string]any
	if _, err := toml.DecodeFile(filepath.Join(ws, engine.ProfileName), &profile); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "vanban: cảnh báo: không đọc được %s (%v); người ký, cơ quan ghi đầy đủ vào bản nháp\n", filepath.Join(ws, engine.ProfileName), err)
	}
	res, err := docimport.Import(d, docimport.Options{Template: *tmplName, Kinds: docimport.KindsOf(set), Profile: profile})
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	if err := tomledit.WriteFile(dst, []byte(res.TOML)); err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", dst, err)
		return exitInternal
	}
	printImport(stdout, src, dst, res)
	return exitOK
}

func printImport(w io.Writer, src, dst string, res *docimport.Result) {
	fmt.Fprintf(w, "Đã nhập %s → %s (mẫu %s: %s).\n", src, dst, res.Template, res.Why)
	for _, e := range []vnenc.Encoding{vnenc.TCVN3, vnenc.VNI} {
		if n := res.Legacy[e]; n > 0 {
			fmt.Fprintf(w, "Đã chuyển %d đoạn chữ mã %s sang Unicode.\n", n, e)
		}
	}
	fmt.Fprintf(w, "Nhận ra (%d):\n", len(res.Recognised))
	for _, f := range res.Recognised {
		fmt.Fprintf(w, "  %s: %s — %s\n", f.Where, f.What, f.Text)
	}
	if len(res.Unplaced) == 0 {
		fmt.Fprintln(w, "Không có đoạn nào chưa đặt được.")
	} else {
		fmt.Fprintf(w, "Chưa đặt được (%d), hãy tự chép vào bản nháp:\n", len(res.Unplaced))
		for _, f := range res.Unplaced {
			fmt.Fprintf(w, "  %s: %s — %s\n", f.Where, f.What, f.Text)
		}
	}
	fmt.Fprintf(w, "Soát lại %s rồi chạy: vanban check %s\n", dst, dst)
}

// importList appends the rows of a list to a document's nominee lists.
func importList(src, ext, into, sheet string, stdout, stderr io.Writer) int {
	f, err := os.Open(src)
	if err != nil {
		fmt.Fprintf(stderr, "vanban: không mở được %s: %v\n", src, err)
		return exitDiag
	}
	defer f.Close()
	rows, err := docimport.ReadList(f, ext, sheet)
	if err != nil {
		fmt.Fprintf(stderr, "%s: lỗi: %v\n", src, err)
		return exitDiag
	}
	mapped, errs := docimport.MapList(rows)
	for _, e := range errs {
		fmt.Fprintf(stderr, "%s:%d: lỗi: %s\n", src, e.Row, e.Msg)
	}
	if len(mapped) == 0 {
		fmt.Fprintf(stderr, "%s: không có hàng nào thêm được\n", src)
		return exitDiag
	}
	doc, err := os.ReadFile(into)
	if err != nil {
		fmt.Fprintf(stderr, "vanban: không đọc được %s: %v\n", into, err)
		return exitDiag
	}
	outb, err := docimport.AppendRows(doc, mapped)
	if err != nil {
		fmt.Fprintf(stderr, "%s: lỗi: %v\n", into, err)
		return exitDiag
	}
	fmt.Fprintf(stdout, "Xem trước (%d hàng):\n", len(mapped))
	for _, r := range mapped {
		name := r.Values["ho_ten"]
		if r.Target == "tap_the" {
			name = r.Values["ten"]
		}
		fmt.Fprintf(stdout, "  hàng %d → [[%s]] %s — %s\n", r.Row, r.Target, name, r.Values["hinh_thuc"])
	}
	if err := tomledit.WriteFile(into, outb); err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", into, err)
		return exitInternal
	}
	fmt.Fprintf(stdout, "Đã thêm %d hàng vào %s.\n", len(mapped), into)
	if len(errs) > 0 {
		fmt.Fprintf(stdout, "%d hàng lỗi chưa thêm (xem trên).\n", len(errs))
		return exitDiag
	}
	return exitOK
}
