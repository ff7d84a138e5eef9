package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/engine"
)

// cmdAssign: vanban assign [-so N] [-ngay YYYY-MM-DD] [-huy] [-o DIR] DOCUMENT
func cmdAssign(ctx context.Context, args []string, stdout, stderr io.Writer, today func() time.Time) int {
	fl := flag.NewFlagSet("assign", flag.ContinueOnError)
	fl.SetOutput(stderr)
	num := fl.Int64("so", 0, "cấp đúng số này (nếu còn trống); mặc định lấy số tiếp theo")
	date := fl.String("ngay", "", "ngày ban hành, ví dụ 08/5/2024 hoặc 2024-05-08; mặc định ngày trong tệp, nếu chưa có thì hôm nay")
	cancel := fl.Bool("huy", false, "hủy số đã cấp (số vẫn nằm trong sổ, đánh dấu đã hủy, không cấp lại)")
	out := fl.String("o", "out", "thư mục tạo lại văn bản")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban assign [-so N] [-ngay NGÀY/THÁNG/NĂM] [-huy] [-o THƯ_MỤC] TỆP_VĂN_BẢN")
		fmt.Fprintln(stderr, "Cấp số và ngày cho văn bản, ghi vào sổ đăng ký văn bản đi và vào tệp văn bản (so, ngay), rồi tạo lại văn bản đó và các văn bản trích dẫn nó.")
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil || len(paths) != 1 {
		if err == nil {
			fl.Usage()
		}
		return exitUsage
	}
	path := paths[0]
	j := engine.Job{Dir: filepath.Dir(path), Name: filepath.Base(path)}
	req := engine.AssignRequest{Number: *num, Cancel: *cancel, Today: today}
	fl.Visit(func(f *flag.Flag) { req.Explicit = req.Explicit || f.Name == "so" })
	if *date != "" {
		var reason string
		if req.Date, reason = data.ParseDate(*date); reason != "" {
			diag.Print(stderr, diag.List{diag.New(diag.Pos{File: "-ngay"}, diag.CodeBadDate, *date, reason)}, nil)
			return exitUsage
		}
	}
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	defer eng.Close()
	entry, ds, err := eng.Assign(ctx, j, req)
	switch {
	case errors.Is(err, engine.ErrNotAssigned):
		fmt.Fprintf(stderr, "%s: văn bản chưa được cấp số, không có gì để hủy\n", path)
		return exitDiag
	case err != nil:
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	case ds.HasErrors():
		diag.Print(stderr, ds, engine.Sources())
		return exitDiag
	}
	line := fmt.Sprintf("số %s ngày %s", engine.EntryNumber(entry), engine.EntryDate(entry))
	if *cancel {
		fmt.Fprintf(stdout, "Đã hủy %s của %s (số này không cấp lại; trong tệp đã ghi lại so = \"\").\n", line, j.Name)
	} else {
		fmt.Fprintf(stdout, "Đã cấp %s cho %s (đã ghi số và ngày vào tệp).\n", line, j.Name)
	}
	// Rebuild the workspace: the manifest makes only the document and those
	// citing it (their models changed) stale.
	fmt.Fprintln(stdout, "Tạo lại các văn bản thay đổi:")
	js, _ := engine.Jobs([]string{j.Dir})
	// A fresh engine: the cached inputs of this one predate the number.
	fresh, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer fresh.Close()
	// Only this document's warnings: the others' are not the clerk's
	// business now (vanban build shows them).
	return runBatch(ctx, fresh, js, engine.BatchOptions{Render: true, Out: *out, Formats: engine.AllFormats, Workers: 4}, "", reportView{only: path}, stdout, stderr)
}

// cmdRegister: vanban register [-nam Y] [-o FILE.csv|FILE.xlsx] [WORKSPACE]
func cmdRegister(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("register", flag.ContinueOnError)
	fl.SetOutput(stderr)
	year := fl.Int("nam", 0, "chỉ năm này; mặc định mọi năm")
	out := fl.String("o", "", "xuất ra tệp .pdf, .xlsx (sổ để in và đóng quyển) hoặc .csv thay vì in ra màn hình")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban register [-nam NĂM] [-o TỆP.pdf|TỆP.xlsx|TỆP.csv] [THƯ_MỤC_HỒ_SƠ]")
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil || len(paths) > 1 {
		return exitUsage
	}
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out != "" && ext != ".csv" && ext != ".xlsx" && ext != ".pdf" {
		fmt.Fprintln(stderr, "vanban: -o phải là tệp .pdf, .xlsx hoặc .csv")
		return exitUsage
	}
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	defer eng.Close()
	if ext == ".xlsx" || ext == ".pdf" {
		return writeBook(ctx, eng, dir, *year, *out, stdout, stderr)
	}
	rows, ok, ds, err := eng.RegisterRows(ctx, dir, *year)
	if code, stop := registerProblem(stderr, dir, ok, ds, err); stop {
		return code
	}
	switch ext {
	case "":
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r[:5], "\t")+"\t"+r[9])
		}
		tw.Flush()
		return exitOK
	case ".csv":
		err = engine.WriteCSV(*out, rows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", *out, err)
		return exitDiag
	}
	fmt.Fprintf(stdout, "Đã xuất %d dòng sổ đăng ký ra %s.\n", len(rows)-1, *out)
	return exitOK
}

// writeBook exports the register to print and bind, as a PDF or a
// workbook: per series and year a cover and the register pages.
func writeBook(ctx context.Context, eng *engine.Engine, dir string, year int, out string, stdout, stderr io.Writer) int {
	books, ok, ds, err := eng.RegisterBooks(ctx, dir, year)
	if code, stop := registerProblem(stderr, dir, ok, ds, err); stop {
		return code
	}
	write := engine.WriteBooksXLSX
	if strings.EqualFold(filepath.Ext(out), ".pdf") {
		write = eng.WriteBooksPDF
	}
	if err := write(out, books); err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", out, err)
		return exitDiag
	}
	n := 0
	for _, b := range books {
		n += len(b.Rows)
	}
	fmt.Fprintf(stdout, "Đã xuất %d dòng sổ đăng ký (%d quyển: mỗi dãy số, mỗi năm một quyển có bìa) ra %s.\n", n, len(books), out)
	return exitOK
}

// registerProblem prints why a workspace's register cannot be read, if it
// cannot, and the exit code.
func registerProblem(stderr io.Writer, dir string, ok bool, ds diag.List, err error) (int, bool) {
	switch {
	case ds.HasErrors():
		diag.Print(stderr, ds, nil)
		return exitDiag, true
	case err != nil:
		fmt.Fprintf(stderr, "vanban: %v\n", err)
		return exitInternal, true
	case !ok:
		fmt.Fprintf(stderr, "vanban: %s chưa có sổ đăng ký văn bản đi (tạo khi cấp số đầu tiên: vanban assign TỆP)\n", dir)
		return exitDiag, true
	}
	return exitOK, false
}
