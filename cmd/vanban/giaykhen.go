package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"vanban/internal/certificate"
	"vanban/internal/diag"
	"vanban/internal/engine"
)

// cmdCertificates: vanban giay-khen [-phoi] [-luoi] [-so-vang N] [-o FILE.pdf] DECISION
//
// It prints one Giấy khen (or danh hiệu certificate) per tập thể and cá
// nhân of a Quyết định khen thưởng, as full pages or, with -phoi, only the
// variable text at the positions of the profile's [giay_khen] table; -luoi
// prints the calibration grid of those positions instead.
func cmdCertificates(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("giay-khen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	blank := fl.Bool("phoi", false, "in lên phôi in sẵn: chỉ in phần chữ thay đổi, tại vị trí đặt trong bảng [giay_khen] của vanban.toml")
	grid := fl.Bool("luoi", false, "in trang lưới căn chỉnh (thước mm và vị trí từng dòng của phôi) thay cho giấy khen")
	book := fl.Int("so-vang", 0, "số sổ vàng của giấy khen đầu tiên, các giấy sau tăng dần; mặc định để trống để ghi tay")
	out := fl.String("o", "", "tệp PDF kết quả; mặc định out/TÊN-giay-khen.pdf (-phoi: …-giay-khen-phoi.pdf, -luoi: out/giay-khen-luoi.pdf)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban giay-khen [-phoi] [-luoi] [-so-vang N] [-o TỆP.pdf] QUYẾT_ĐỊNH.toml")
		fmt.Fprintln(stderr, "In giấy khen, giấy chứng nhận danh hiệu cho từng tập thể, cá nhân trong danh sách của quyết định khen thưởng: mỗi người một trang A4 ngang.")
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil || len(paths) != 1 || *book < 0 {
		if err == nil {
			fl.Usage()
		}
		return exitUsage
	}
	path := paths[0]
	dir, name := filepath.Dir(path), filepath.Base(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		if !*grid {
			fmt.Fprintf(stderr, "vanban: %s là thư mục; hãy chỉ tệp quyết định khen thưởng (.toml)\n", path)
			return exitUsage
		}
		dir, name = path, ""
	}
	if *out != "" && strings.ToLower(filepath.Ext(*out)) != ".pdf" {
		fmt.Fprintln(stderr, "vanban: -o phải là tệp .pdf")
		return exitUsage
	}
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	defer eng.Close()

	var form *certificate.Form
	if *blank || *grid {
		profile := filepath.Join(dir, engine.ProfileName)
		src, err := os.ReadFile(profile)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			form = certificate.DefaultForm()
		case err != nil:
			fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
			return exitInternal
		default:
			var ds diag.List
			if form, ds = certificate.ParseForm(profile, src); ds.HasErrors() {
				diag.Print(stderr, ds, engine.Sources())
				return exitDiag
			}
		}
	}
	if *grid {
		target := *out
		if target == "" {
			target = filepath.Join("out", "giay-khen-luoi.pdf")
		}
		cal := certificate.Calibration(form, eng.Fonts())
		if code := writePDFFile(target, func(w io.Writer) error { return certificate.Write(w, cal, "") }, stderr); code != exitOK {
			return code
		}
		fmt.Fprintf(stdout, "Đã in trang lưới căn chỉnh vào %s: in ra giấy trắng, đặt lên phôi soi đèn, rồi sửa bảng [giay_khen] trong vanban.toml.\n", target)
		return exitOK
	}

	j := engine.Job{Dir: dir, Name: name}
	in, ds := eng.Input(j)
	if ds.HasErrors() || in == nil {
		diag.Print(stderr, ds, engine.Sources())
		return exitDiag
	}
	symbol := ""
	if set, _ := eng.Templates(dir); set != nil {
		if t, ok := set.Get(in.Template); ok {
			symbol = t.Symbol(in)
		}
	}
	cs, ds := certificate.FromInput(in, symbol)
	if ds.HasErrors() {
		diag.Print(stderr, relocateTo(ds, dir), engine.Sources())
		return exitDiag
	}
	res, err := certificate.Place(cs, eng.Fonts(), certificate.Options{Form: form, FirstBook: *book})
	var fe *certificate.FitError
	switch {
	case errors.As(err, &fe):
		diag.Print(stderr, relocateTo(diag.List{fe.Diag()}, dir), engine.Sources())
		return exitDiag
	case err != nil:
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	target := *out
	if target == "" {
		suffix := "-giay-khen.pdf"
		if *blank {
			suffix = "-giay-khen-phoi.pdf"
		}
		target = filepath.Join("out", j.Stem()+suffix)
	}
	if code := writePDFFile(target, func(w io.Writer) error { return certificate.Write(w, res, cs.Number) }, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "Đã in %d giấy khen vào %s.\n", len(res.Pages), target)
	return exitOK
}

// relocateTo makes the diagnostics' file names, relative to the workspace
// dir as data reports them, paths from the current folder.
func relocateTo(l diag.List, dir string) diag.List {
	out := make(diag.List, len(l))
	for i, d := range l {
		if d.Pos.File != "" && !filepath.IsAbs(d.Pos.File) && !strings.HasPrefix(d.Pos.File, dir+string(filepath.Separator)) {
			d.Pos.File = filepath.Join(dir, d.Pos.File)
		}
		out[i] = d
	}
	return out
}

// writePDFFile writes what write makes to target, creating its folder.
func writePDFFile(target string, write func(io.Writer) error, stderr io.Writer) int {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", target, err)
		return exitDiag
	}
	if err := os.WriteFile(target, b.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", target, err)
		return exitDiag
	}
	return exitOK
}
