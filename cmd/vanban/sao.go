package main

import (
	"context"
	"errors"
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

// cmdCopy: vanban sao TỆP.toml -loai sao-y|sao-luc|trich-sao [-phan PHẦN]
// [-ngay NGÀY] [-ban giay|dien-tu] [-noi-nhan "A; B"] [-o THƯ_MỤC]
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
	part := fl.String("phan", "", `trích sao: phần nội dung cần trích, các phần cách nhau bằng dấu chấm phẩy (xem dưới)`)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban sao TỆP.toml -loai sao-y|sao-luc|trich-sao [-phan PHẦN] [-ngay NGÀY/THÁNG/NĂM] [-ban giay|dien-tu] [-noi-nhan \"A; B\"] [-o THƯ_MỤC]")
		fmt.Fprintln(stderr, "Tạo bản sao y, sao lục hoặc trích sao của văn bản theo Nghị định 30/2020/NĐ-CP (Phụ lục I, Phần II), lấy số bản sao từ sổ đăng ký văn bản đi; ghi THƯ_MỤC/TÊN.sao-y.pdf.")
		fl.PrintDefaults()
		fmt.Fprint(stderr, partHelp)
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	k, ok := engine.ParseCopyKind(*kind)
	var sel engine.Selection
	var selErr error
	if *part != "" {
		sel, selErr = engine.ParseSelection(*part)
	}
	trich := ok && *kind == "trich-sao"
	if len(paths) != 1 || !ok || (*edition != "giay" && *edition != "dien-tu") || trich == (*part == "") || selErr != nil {
		switch {
		case *kind == "":
			fmt.Fprintln(stderr, "vanban sao: thiếu -loai (sao-y, sao-luc hoặc trich-sao)")
		case !ok:
			fmt.Fprintf(stderr, "vanban sao: -loai %q không hợp lệ; dùng %s\n", *kind, strings.Join(engine.CopyKinds(), ", "))
		case len(paths) != 1:
			fmt.Fprintln(stderr, "vanban sao: cần đúng một tệp văn bản .toml")
		case trich && *part == "":
			fmt.Fprintln(stderr, `vanban sao: trích sao cần -phan (phần nội dung cần trích), ví dụ -phan "Điều 1; Phụ lục: Nguyễn Văn An"`)
		case !trich && *part != "":
			fmt.Fprintf(stderr, "vanban sao: -phan chỉ dùng với -loai trich-sao; %s sao đầy đủ văn bản\n", *kind)
		case selErr != nil:
			fmt.Fprintf(stderr, "vanban sao: %v\n", selErr)
		default:
			fmt.Fprintf(stderr, "vanban sao: -ban %q không hợp lệ; dùng giay hoặc dien-tu\n", *edition)
		}
		fl.Usage()
		return exitUsage
	}
	req := engine.CopyRequest{Kind: k, Electronic: *edition == "dien-tu", Today: today, Out: *out, Parts: sel}
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
	var pe *engine.PartError
	switch {
	case errors.As(err, &pe):
		// A part the document does not have: said like a flag mistake,
		// with what the document has; nothing numbered, nothing written.
		fmt.Fprintf(stderr, "vanban sao: %s\n", pe.Msg)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	case res.Diags.HasErrors():
		return exitDiag
	}
	what := "của " + j.Name
	if res.Part != "" {
		what = res.Part + " " + what
	}
	fmt.Fprintf(stdout, "%s %s: số %s ngày %s → %s (%d trang)\n", res.Entry.Type, what,
		engine.EntryNumber(res.Entry), engine.EntryDate(res.Entry), res.Path, res.Pages)
	return exitOK
}

// partHelp explains -phan in -h.
const partHelp = `
Trích sao (-loai trich-sao) cần -phan: phần nội dung cần trích, ghi như in trên văn bản;
nhiều phần cách nhau bằng dấu chấm phẩy:
  Điều 1            một điều; "Điều 1,3" nhiều điều; "Điều 1-3" các điều từ 1 đến 3
  II                mục có số II; "II.1" tiểu mục 1 của mục II (có thể viết "Mục II.1")
  Mục đích          mục có tên bắt đầu bằng chữ này
  Phụ lục           cả phụ lục (văn bản có nhiều phụ lục: chép tất cả, chưa chọn riêng một phụ lục)
  Phụ lục: Nguyễn Văn An
                    chỉ các dòng của bảng trong phụ lục có chữ này (cùng dòng nhóm ở trên,
                    ví dụ "II. CÁ NHÂN"); nhiều người cách nhau bằng dấu phẩy
Ví dụ: vanban sao quyet-dinh-khen-thuong.toml -loai trich-sao -phan "Điều 1; Phụ lục: Nguyễn Văn An"
Bản trích sao giữ thể thức của văn bản (tên cơ quan, số, ngày, tên loại, trích yếu, căn cứ của
quyết định, chữ ký, nơi nhận) và chỉ chép phần đã chọn. Mỗi phần khác nhau là một bản trích sao
riêng, có số riêng, ghi THƯ_MỤC/TÊN.trich-sao.<phần>-<mã>.pdf (mã phân biệt tên chỉ khác dấu).
`
