package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// Exit codes.
const (
	exitOK       = 0 // every document built
	exitDiag     = 1 // a document has errors in its data or template
	exitUsage    = 2 // the command line is wrong
	exitInternal = 3 // a bug or an I/O failure
	// exitInterrupted: stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells
	// report it); the documents finished before it are written and recorded.
	exitInterrupted = 130
)

const usage = `vanban — soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ dữ liệu TOML.

Cách dùng:
  vanban build [-o THƯ_MỤC] ĐƯỜNG_DẪN...   tạo tệp PDF và DOCX cho từng văn bản (mặc định vào ./out)
        -dinh-dang pdf|docx|pdf,docx      chỉ tạo định dạng đã chọn (mặc định cả hai)
        -force                            tạo lại mọi văn bản, kể cả văn bản không thay đổi
        -j N                              số văn bản tạo cùng lúc (mặc định: số lõi máy)
        -ban giay|dien-tu                 bản giấy ký tay, hoặc bản điện tử để ký số (để trống số, ngày cho
                                          Văn thư; vùng chữ ký, con dấu trống; kèm tệp TÊN.ky-so.json)
        -truong-ky                        bản điện tử: thêm trường chữ ký số trống ở ô 7c và ô 8
        -xem-chu-ky                       bản điện tử: tạo thêm TÊN.xem-chu-ky.pdf có ảnh chữ ký, con dấu
                                          để xem trước (không dùng tệp này để ký)
        -v                                in mọi chi tiết, kể cả từng văn bản chờ cấp số
  vanban check [-in mo-hinh|dan-trang] [-v] ĐƯỜNG_DẪN...
                                           kiểm tra dữ liệu, không ghi tệp nào (-in in cấu trúc văn bản)
  vanban assign [-so N] [-ngay NGÀY] [-huy] [-o THƯ_MỤC] TỆP
                                           cấp số (-huy: hủy số), ghi sổ đăng ký văn bản đi và ghi số,
                                           ngày vào tệp, tạo lại văn bản đó và các văn bản trích dẫn nó
  vanban register [-nam NĂM] [-o SỔ.pdf|SỔ.xlsx|SỔ.csv] [THƯ_MỤC]
                                           in hoặc xuất sổ đăng ký văn bản đi (.xlsx: sổ có bìa để in)
  vanban sao TỆP -loai sao-y|sao-luc|trich-sao [-phan PHẦN] [-ngay NGÀY] [-ban giay|dien-tu] [-noi-nhan "A; B"] [-o THƯ_MỤC]
                                           tạo bản sao y, sao lục, trích sao (NĐ 30, Phụ lục I, Phần II): bản giấy có
                                           khối sao dưới văn bản, bản điện tử có thông tin sao ở ô số 14; số bản sao
                                           lấy từ sổ đăng ký (một dãy SY/SL/TrS), sao lại không lấy số mới;
                                           trích sao chép phần ghi ở -phan ("Điều 1; Phụ lục: Nguyễn Văn An")
  vanban mo [THƯ_MỤC] [-cong N] [-khong-mo]
                                           mở bàn làm việc trên trình duyệt: soạn theo mẫu, xem trước trang A4
                                           ngay khi gõ, dán danh sách từ Excel, lưu, tạo PDF/DOCX, cấp số, sổ đăng ký
  vanban nhap TỆP.docx [-mau MẪU] [-o TỆP.toml] [-ghi-de]
                                           nhập văn bản Word cũ (kể cả phông .VnTime, VNI) thành bản nháp .toml
  vanban nhap DANH-SÁCH.xlsx|.csv -vao VĂN-BẢN.toml [-sheet TÊN]
                                           thêm danh sách tập thể, cá nhân từ Excel/CSV vào văn bản
  vanban kiem-tra [-json] [-sua] TỆP.docx|TỆP.pdf...
                                           kiểm tra văn bản Word/PDF bất kỳ theo NĐ 30 (-json cho phần mềm quản lý
                                           văn bản; -sua ghi bản đã sửa TÊN-da-sua.docx, TÊN-da-sua.pdf cạnh tệp gốc)
  vanban giay-khen [-phoi] [-luoi] [-so-vang N] [-o TỆP.pdf] QUYẾT_ĐỊNH.toml
                                           in giấy khen, giấy chứng nhận danh hiệu cho từng tập thể, cá nhân
                                           của quyết định khen thưởng, mỗi người một trang A4 ngang (-phoi: chỉ
                                           in phần chữ lên phôi theo bảng [giay_khen] trong vanban.toml;
                                           -luoi: trang lưới để căn chỉnh máy in; -so-vang: số sổ vàng đầu tiên)
  vanban new MẪU                           in một văn bản mẫu có chú thích (MẪU "ho-so" in tệp vanban.toml)
  vanban templates                         liệt kê các mẫu văn bản
  vanban version                           in phiên bản
  vanban help                              in hướng dẫn này

ĐƯỜNG_DẪN là một tệp văn bản .toml hoặc một thư mục hồ sơ. Thư mục hồ sơ chứa tệp vanban.toml
(thông tin chung: cơ quan, người ký), mỗi văn bản một tệp .toml, và có thể có thư mục templates/
chứa mẫu riêng (ghi đè hoặc bổ sung mẫu có sẵn).

Ví dụ:
  vanban mo                      (bàn làm việc trên trình duyệt, cho thư mục hiện tại)
  vanban new ho-so > vanban.toml
  vanban new ke-hoach > ke-hoach.toml
  vanban build .                 (kết quả trong thư mục ./out)
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(ctx, rest, stdout, stderr, true)
	case "check":
		return cmdBuild(ctx, rest, stdout, stderr, false)
	case "assign", "cap-so":
		return cmdAssign(ctx, args[1:], stdout, stderr, time.Now)
	case "register", "so-dang-ky":
		return cmdRegister(ctx, rest, stdout, stderr)
	case "mo", "desk":
		return cmdDesk(ctx, rest, stdout, stderr)
	case "nhap", "import":
		return cmdImport(ctx, rest, stdout, stderr)
	case "sao", "copy":
		return cmdCopy(ctx, rest, stdout, stderr)
	case "kiem-tra":
		return cmdCheckDoc(ctx, rest, stdout, stderr)
	case "giay-khen":
		return cmdCertificates(ctx, rest, stdout, stderr)
	case "new":
		return cmdNew(rest, stdout, stderr)
	case "templates":
		return cmdTemplates(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "vanban %s\n", Version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "vanban: không có lệnh %q\n\n%s    (xem mọi lệnh và tùy chọn: vanban help)\n", cmd, firstLines(usage, 4))
	return exitUsage
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "")
}

// parseFlags parses args with fl, allowing flags after the paths too
// ("vanban build hồ-sơ -o kết-quả"), as clerks write them; it returns the
// paths. "--" ends the flags.
func parseFlags(fl *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if rest[0] == "--" {
			return append(paths, rest[1:]...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}
