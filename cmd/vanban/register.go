package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/xuri/excelize/v2"

	"vanban/internal/batch"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/register"
)

// register returns the register of a workspace; nil when it has none and
// create is false.
func (e *engine) register(dir string, create bool) (*register.Register, error) {
	if r, ok := e.registers[dir]; ok && r != nil {
		return r, nil
	}
	path := filepath.Join(dir, register.FileName)
	if _, err := os.Stat(path); err != nil && !create {
		return nil, nil
	}
	r, err := register.Open(path)
	if err != nil {
		return nil, err
	}
	e.registers[dir] = r
	return r, nil
}

func (e *engine) close() {
	for _, r := range e.registers {
		r.Close()
	}
}

// series is the numbering series of a document: one per issuing body (an
// advisory council such as the Hội đồng Thi đua - Khen thưởng has its own
// abbreviation and so its own series, NĐ 30 Phụ lục I, II.3.a), and one per
// kind when the profile asks for it.
func series(in *data.Input, code string) string {
	if in.Numbering == "theo_loai" {
		return in.Org.Abbrev + "/" + code
	}
	return in.Org.Abbrev
}

func stem(name string) string { return strings.TrimSuffix(name, filepath.Ext(name)) }

// applyRegister puts the number and date the register holds for a document
// into its input. A number typed in the file must agree with the register.
func (e *engine) applyRegister(j job, in *data.Input) diag.List {
	var l diag.List
	reg, err := e.register(j.dir, false)
	if err != nil {
		l.Add(diag.New(diag.Pos{File: register.FileName}, diag.CodeReadFile, err.Error()))
		return l
	}
	if reg == nil {
		return l
	}
	at := func(k string) diag.Pos {
		if p, ok := in.Pos[k]; ok {
			return p
		}
		return diag.Pos{File: in.File, Line: 1, Col: 1}
	}
	entry, ok, err := reg.Lookup(context.Background(), stem(j.name))
	if err != nil {
		l.Add(diag.New(diag.Pos{File: register.FileName}, diag.CodeReadFile, err.Error()))
		return l
	}
	if !ok {
		if in.Number != 0 {
			l.Add(diag.New(at("so"), diag.CodeRegUnknown, in.Number, j.name))
		}
		return l
	}
	if in.Number != 0 && in.Number != entry.Number {
		l.Add(diag.New(at("so"), diag.CodeRegMismatch, in.Number, entry.Number, j.name))
		return l
	}
	d, reason := data.ParseDate(entry.Date)
	if reason != "" {
		l.Add(diag.New(diag.Pos{File: register.FileName}, diag.CodeBadDate, entry.Date, reason))
		return l
	}
	if in.Date.Complete() && in.Date != d {
		l.Add(diag.New(at("ngay"), diag.CodeRegDate, in.Date.Short(), d.Short()))
	}
	in.Number, in.Date = entry.Number, d
	in.Values["so"], in.Values["ngay"], in.Values["nam"] = entry.Number, d, int64(d.Year)
	return l
}

// cmdAssign: vanban assign [-so N] [-ngay YYYY-MM-DD] [-huy] [-o DIR] DOCUMENT
func cmdAssign(ctx context.Context, args []string, stdout, stderr io.Writer, today func() time.Time) int {
	fl := flag.NewFlagSet("assign", flag.ContinueOnError)
	fl.SetOutput(stderr)
	num := fl.Int("so", 0, "cấp đúng số này (nếu còn trống); mặc định lấy số tiếp theo")
	date := fl.String("ngay", "", "ngày ban hành NĂM-THÁNG-NGÀY; mặc định ngày trong tệp, nếu chưa có thì hôm nay")
	cancel := fl.Bool("huy", false, "hủy số đã cấp (số vẫn nằm trong sổ, đánh dấu đã hủy, không cấp lại)")
	out := fl.String("o", "out", "thư mục tạo lại văn bản")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban assign [-so N] [-ngay NĂM-THÁNG-NGÀY] [-huy] [-o THƯ_MỤC] TỆP_VĂN_BẢN")
		fmt.Fprintln(stderr, "Cấp số và ngày cho văn bản, ghi vào sổ đăng ký văn bản đi, rồi tạo lại văn bản đó và các văn bản trích dẫn nó.")
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
	j := job{filepath.Dir(path), filepath.Base(path)}
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer eng.close()
	src := sources()
	in, ds := eng.input(j)
	if in == nil {
		diag.Print(stderr, ds, src)
		return exitDiag
	}
	reg, err := eng.register(j.dir, true)
	if err != nil {
		fmt.Fprintf(stderr, "vanban: không mở được sổ đăng ký: %v\n", err)
		return exitInternal
	}
	set, _ := eng.set(j.dir)
	t, _ := set.Get(in.Template)
	var entry register.Entry
	if *cancel {
		entry, err = reg.Cancel(ctx, stem(j.name))
		if errors.Is(err, register.ErrNotFound) {
			fmt.Fprintf(stderr, "%s: văn bản chưa được cấp số, không có gì để hủy\n", path)
			return exitDiag
		}
	} else if cur, has, lerr := reg.Lookup(ctx, stem(j.name)); lerr != nil {
		err = lerr
	} else if has {
		// Allocation is idempotent: the document keeps its number.
		entry = cur
		if *num != 0 && *num != cur.Number {
			diag.Print(stderr, diag.List{diag.New(diag.Pos{File: path}, diag.CodeRegHasNumber, cur.Number, cur.Date, path)}, nil)
			return exitDiag
		}
	} else {
		d := in.Date
		if *date != "" {
			var reason string
			if d, reason = data.ParseDate(*date); reason != "" {
				diag.Print(stderr, diag.List{diag.New(diag.Pos{File: "-ngay"}, diag.CodeBadDate, *date, reason)}, nil)
				return exitUsage
			}
		}
		if !d.Complete() {
			if *date != "" || !in.Date.IsZero() && in.Date.Year != today().Year() {
				diag.Print(stderr, diag.List{diag.New(diag.Pos{File: path}, diag.CodeRegNoDate)}, nil)
				return exitDiag
			}
			now := today()
			d = data.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
		}
		entry, err = reg.Allocate(ctx, register.Request{Number: *num, Entry: register.Entry{
			Series: series(in, t.Code), Year: d.Year, Doc: stem(j.name), Symbol: t.Symbol(in),
			Date: fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day), Type: format.SentenceCase(t.Type),
			Summary: in.Summary, Signer: in.Signer.Name,
			Recipients: strings.Join(in.Recipients, "; "),
		}})
		switch {
		case errors.Is(err, register.ErrTaken):
			diag.Print(stderr, diag.List{diag.New(diag.Pos{File: path}, diag.CodeRegTaken, *num, d.Year, series(in, t.Code))}, nil)
			return exitDiag
		case errors.Is(err, register.ErrHasNumber):
			diag.Print(stderr, diag.List{diag.New(diag.Pos{File: path}, diag.CodeRegHasNumber, entry.Number, entry.Date, path)}, nil)
			return exitDiag
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	line := fmt.Sprintf("số %02d/%s ngày %s", entry.Number, entry.Symbol, entry.Date)
	if *cancel {
		fmt.Fprintf(stdout, "Đã hủy %s của %s (số này không cấp lại).\n", line, j.name)
	} else {
		fmt.Fprintf(stdout, "Đã cấp %s cho %s.\n", line, j.name)
	}
	// Rebuild the workspace: the manifest makes only the document and those
	// citing it (their models changed) stale.
	fmt.Fprintln(stdout, "Tạo lại các văn bản thay đổi:")
	js, _ := jobs([]string{j.dir})
	// A fresh engine: the cached inputs of this one predate the number.
	fresh, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer fresh.close()
	return runBatch(ctx, fresh, js, buildOptions{render: true, out: *out, formats: allFormats, workers: 4}, stdout, stderr)
}

// registerColumns are the columns of the Sổ đăng ký văn bản đi (NĐ 30,
// Phụ lục IV, I: at least these ten).
var registerColumns = []string{
	"Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký", "Nơi nhận văn bản",
	"Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
}

func registerRow(e register.Entry) []string {
	d, _ := data.ParseDate(e.Date)
	note := ""
	if e.Cancelled {
		note = "Đã hủy"
	}
	return []string{
		fmt.Sprintf("%02d/%s", e.Number, e.Symbol), d.Short(), e.Type + " " + lowerFirst(e.Summary), e.Signer,
		e.Recipients, "", "", "", "", note,
	}
}

// cmdRegister: vanban register [-nam Y] [-o FILE.csv|FILE.xlsx] [WORKSPACE]
func cmdRegister(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("register", flag.ContinueOnError)
	fl.SetOutput(stderr)
	year := fl.Int("nam", 0, "chỉ năm này; mặc định mọi năm")
	out := fl.String("o", "", "xuất ra tệp .csv hoặc .xlsx thay vì in ra màn hình")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban register [-nam NĂM] [-o TỆP.xlsx|TỆP.csv] [THƯ_MỤC_HỒ_SƠ]")
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
	if _, err := os.Stat(filepath.Join(dir, register.FileName)); err != nil {
		fmt.Fprintf(stderr, "vanban: %s chưa có sổ đăng ký văn bản đi (tạo khi cấp số đầu tiên: vanban assign TỆP)\n", dir)
		return exitDiag
	}
	reg, err := register.Open(filepath.Join(dir, register.FileName))
	if err != nil {
		fmt.Fprintf(stderr, "vanban: %v\n", err)
		return exitInternal
	}
	defer reg.Close()
	entries, err := reg.List(ctx, *year)
	if err != nil {
		fmt.Fprintf(stderr, "vanban: %v\n", err)
		return exitInternal
	}
	rows := [][]string{registerColumns}
	for _, e := range entries {
		rows = append(rows, registerRow(e))
	}
	switch ext := strings.ToLower(filepath.Ext(*out)); {
	case *out == "":
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r[:5], "\t")+"\t"+r[9])
		}
		tw.Flush()
		return exitOK
	case ext == ".csv":
		var b strings.Builder
		b.WriteString("\uFEFF") // so Excel reads UTF-8
		w := csv.NewWriter(&b)
		w.WriteAll(rows)
		err = batch.WriteFile(*out, []byte(b.String()))
	case ext == ".xlsx":
		err = writeXLSX(*out, rows)
	default:
		fmt.Fprintln(stderr, "vanban: -o phải là tệp .csv hoặc .xlsx")
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", *out, err)
		return exitDiag
	}
	fmt.Fprintf(stdout, "Đã xuất %d dòng sổ đăng ký ra %s.\n", len(entries), *out)
	return exitOK
}

func writeXLSX(path string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sổ văn bản đi"
	f.SetSheetName("Sheet1", sheet)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for k, v := range r {
			vals[k] = v
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	f.SetRowStyle(sheet, 1, 1, bold)
	for c, w := range []float64{16, 12, 60, 20, 40, 18, 10, 12, 10, 12} {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColWidth(sheet, col, col, w)
	}
	var buf strings.Builder
	if err := f.Write(&buf); err != nil {
		return err
	}
	return batch.WriteFile(path, []byte(buf.String()))
}
