package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"vanban/internal/check"
	"vanban/internal/diag"
	"vanban/internal/docimport"
	"vanban/internal/docimport/docx"
	"vanban/internal/engine"
)

// cmdCheckDoc: vanban kiem-tra [-json] [-sua] TỆP.docx|TỆP.pdf ...
func cmdCheckDoc(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("kiem-tra", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "in kết quả dạng JSON (mã quy tắc, vị trí, mức độ) cho phần mềm quản lý văn bản")
	fix := fl.Bool("sua", false, "nhập văn bản Word và ghi bản đã sửa theo NĐ 30 cạnh tệp gốc: TÊN-da-sua.docx và TÊN-da-sua.pdf")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: vanban kiem-tra [-json] [-sua] TỆP.docx|TỆP.pdf ...")
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 {
		fl.Usage()
		return exitUsage
	}
	code := exitOK
	var reports []*check.Report
	for _, p := range paths {
		if ctx.Err() != nil {
			return exitInternal
		}
		r := checkOne(p)
		reports = append(reports, r)
		if r.Err != "" || r.Errors() > 0 {
			code = max(code, exitDiag)
		}
		if !*asJSON {
			printCheck(stdout, r)
		}
		if *fix && r.Err == "" {
			if c := fixOne(p, r, stdout, stderr); c != exitOK {
				code = max(code, c)
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reports); err != nil {
			return exitInternal
		}
	}
	return code
}

func checkOne(p string) *check.Report {
	const maxSize = 64 << 20
	f, err := os.Open(p)
	if err != nil {
		return &check.Report{File: p, Err: "không mở được tệp", Findings: []check.Finding{}}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return &check.Report{File: p, Err: "không đọc được tệp", Findings: []check.Finding{}}
	}
	return check.Check(p, b, check.Options{MaxSize: maxSize})
}

func printCheck(w io.Writer, r *check.Report) {
	if r.Err != "" {
		fmt.Fprintf(w, "%s: lỗi: %s\n", r.File, r.Err)
		return
	}
	for _, f := range r.Findings {
		sev := "lỗi"
		if f.Severity == diag.Warning {
			sev = "cảnh báo"
		}
		fmt.Fprintf(w, "%s: %s: %s: %s [%s; NĐ 30, %s]\n", r.File, f.Where(), sev, f.Msg, f.Rule, f.Clause)
		if f.Found != "" || f.Want != "" {
			fmt.Fprintf(w, "    có: %s; cần: %s\n", f.Found, f.Want)
		}
	}
	switch {
	case len(r.Findings) == 0:
		fmt.Fprintf(w, "%s: đúng thể thức NĐ 30 (không có lỗi, không có cảnh báo).\n", r.File)
	default:
		fmt.Fprintf(w, "%s: %d lỗi, %d cảnh báo.\n", r.File, r.Errors(), r.Warnings())
	}
}

// fixOne imports a DOCX and renders it again, writing TÊN-da-sua.docx and
// .pdf next to it, then says which findings are gone. The words of the
// body must survive, in order.
func fixOne(src string, before *check.Report, stdout, stderr io.Writer) int {
	if before.Format != "docx" {
		fmt.Fprintf(stderr, "%s: -sua chỉ sửa tệp Word .docx; với PDF hãy sửa từ tệp Word gốc\n", src)
		return exitDiag
	}
	if msg := check.FixRefusal(before); msg != "" {
		fmt.Fprintf(stderr, "%s: %s\n", src, msg)
		return exitDiag
	}
	orig, err := os.ReadFile(src)
	if err != nil {
		fmt.Fprintf(stderr, "%s: lỗi: không đọc được tệp\n", src)
		return exitDiag
	}
	d, err := docx.Read(orig, docx.Limits{})
	if err != nil {
		fmt.Fprintf(stderr, "%s: lỗi: %v\n", src, err)
		return exitDiag
	}
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	defer eng.Close()
	ws, err := os.MkdirTemp("", "vanban-sua-")
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer os.RemoveAll(ws)
	var profile map[string]any
	if prof, err := os.ReadFile(filepath.Join(filepath.Dir(src), engine.ProfileName)); err == nil {
		if _, err := toml.Decode(string(prof), &profile); err == nil {
			os.WriteFile(filepath.Join(ws, engine.ProfileName), prof, 0o644)
		}
	}
	set, _ := eng.Templates(ws)
	res, err := docimport.Import(d, docimport.Options{Kinds: docimport.KindsOf(set), Profile: profile})
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	stem := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	name := stem + ".toml"
	if err := os.WriteFile(filepath.Join(ws, name), []byte(res.TOML), 0o644); err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	out, err := eng.Build(engine.Job{Dir: ws, Name: name}, true)
	if err != nil || out.Doc == nil || out.DOCX == nil {
		fmt.Fprintf(stderr, "%s: không sửa tự động được (bản nhập còn thiếu: %s); hãy chạy vanban nhap %s rồi soát bản nháp\n", src, firstErr(out.Diags, err), src)
		return exitDiag
	}
	// Nothing of the text may be lost.
	want, _ := check.BodyWords(orig)
	got, _ := check.BodyWords(out.DOCX)
	if w, ok := check.Subsequence(want, got); !ok {
		fmt.Fprintf(stderr, "%s: không ghi bản sửa: chữ \"%s\" của nội dung sẽ bị mất; hãy chạy vanban nhap %s rồi soát bản nháp\n", src, w, src)
		return exitDiag
	}
	base := filepath.Join(filepath.Dir(src), stem+"-da-sua")
	for _, f := range []struct {
		ext  string
		data []byte
	}{{".docx", out.DOCX}, {".pdf", out.PDF}} {
		if err := os.WriteFile(base+f.ext, f.data, 0o644); err != nil {
			fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", base+f.ext, err)
			return exitInternal
		}
	}
	after := check.Check(base+".docx", out.DOCX, check.Options{})
	left := map[string]bool{}
	for _, f := range after.Findings {
		left[f.Rule+f.Msg] = true
	}
	fmt.Fprintf(stdout, "Đã ghi bản sửa: %s.docx, %s.pdf (mẫu %s).\n", base, base, res.Template)
	for _, f := range before.Findings {
		if !left[f.Rule+f.Msg] {
			fmt.Fprintf(stdout, "  đã sửa: %s (%s)\n", f.Msg, f.Rule)
		}
	}
	for _, f := range res.Unplaced {
		fmt.Fprintf(stdout, "  chưa đặt được, hãy soát: %s: %s — %s\n", f.Where, f.What, f.Text)
	}
	if n := after.Errors(); n > 0 {
		fmt.Fprintf(stdout, "  bản sửa còn %d lỗi (xem: vanban kiem-tra %s.docx)\n", n, base)
	}
	return exitOK
}

func firstErr(ds diag.List, err error) string {
	if err != nil {
		return err.Error()
	}
	for _, d := range ds {
		if d.Severity == diag.Error {
			return d.Msg
		}
	}
	return "không rõ"
}
