package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/engine"
)

// cmdCopy: vanban sao TỆP.toml -loai sao-y|sao-luc|trich-sao [-ngay NGÀY]
// [-ban giay|dien-tu] [-noi-nhan "A; B"] [-o THƯ_MỤC]
func cmdCopy(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return cmdCopyAt(ctx, args, stdout, stderr, time.Now)
}

// cmdCopyAt is cmdCopy with the clock that dates a copy made without -ngay.
func cmdCopyAt(ctx context.Context, args []string, stdout, stderr io.Writer, today func() time.Time) int {
	fl := flag.NewFlagSet("sao", flag.ContinueOnError)
	fl.SetOutput(stderr)
	kind := fl.String("loai", "", `hình thức sao: "sao-y", "sao-luc" hoặc "trich-sao"`)
	date := fl.String("ngay", "", "ngày sao, ví dụ 02/12/2024 hoặc 2024-12-02; mặc định hôm nay (bản đã sao giữ số và ngày trong sổ)")
	edition := fl.String("ban", "giay", `"giay" (khối sao dưới văn bản, ký tay, đóng dấu) hoặc "dien-tu" (thông tin sao ở ô số 14 để ký số)`)
	to := fl.String("noi-nhan", "", `nơi nhận bản sao, cách nhau bằng dấu chấm phẩy, ví dụ "Phòng Nội vụ; Chi cục Thuế"; luôn thêm "Lưu: VT."`)
	out := fl.String("o", "out", "thư mục ghi tệp bản sao")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban sao TỆP.toml -loai sao-y|sao-luc|trich-sao [-ngay NGÀY/THÁNG/NĂM] [-ban giay|dien-tu] [-noi-nhan \"A; B\"] [-o THƯ_MỤC]")
		fmt.Fprintln(stderr, "Tạo bản sao y, sao lục hoặc trích sao của văn bản theo Nghị định 30/2020/NĐ-CP (Phụ lục I, Phần II), lấy số bản sao từ sổ đăng ký văn bản đi; ghi THƯ_MỤC/TÊN.sao-y.pdf.")
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	k, ok := engine.ParseCopyKind(*kind)
	if len(paths) != 1 || !ok || (*edition != "giay" && *edition != "dien-tu") {
		switch {
		case *kind == "":
			fmt.Fprintln(stderr, "vanban sao: thiếu -loai (sao-y, sao-luc hoặc trich-sao)")
		case !ok:
			fmt.Fprintf(stderr, "vanban sao: -loai %q không hợp lệ; dùng %s\n", *kind, strings.Join(engine.CopyKinds(), ", "))
		case len(paths) != 1:
			fmt.Fprintln(stderr, "vanban sao: cần đúng một tệp văn bản .toml")
		default:
			fmt.Fprintf(stderr, "vanban sao: -ban %q không hợp lệ; dùng giay hoặc dien-tu\n", *edition)
		}
		fl.Usage()
		return exitUsage
	}
	req := engine.CopyRequest{Kind: k, Electronic: *edition == "dien-tu", Today: today, Out: *out}
	for _, r := range strings.Split(*to, ";") {
		if r = strings.TrimSpace(r); r != "" {
			req.Recipients = append(req.Recipients, r)
		}
	}
	if *date != "" {
		var reason string
		if req.Date, reason = data.ParseDate(*date); reason != "" {
			diag.Print(stderr, diag.List{diag.New(diag.Pos{File: "-ngay"}, diag.CodeBadDate, *date, reason)}, nil)
			return exitUsage
		}
	}
	path := paths[0]
	j := engine.Job{Dir: filepath.Dir(path), Name: filepath.Base(path)}
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	defer eng.Close()
	res, err := eng.Copy(ctx, j, req)
	// The original's own citations waiting for numbers are not the copy's
	// business: every other problem is shown.
	var ds diag.List
	for _, d := range res.Diags {
		if d.Code != diag.CodeCitePending {
			ds = append(ds, d)
		}
	}
	diag.Print(stderr, ds, engine.Sources())
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	case res.Diags.HasErrors():
		return exitDiag
	}
	fmt.Fprintf(stdout, "%s của %s: số %s ngày %s → %s (%d trang)\n", res.Entry.Type, j.Name,
		engine.EntryNumber(res.Entry), engine.EntryDate(res.Entry), res.Path, res.Pages)
	return exitOK
}
