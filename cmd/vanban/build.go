package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"vanban/internal/diag"
	"vanban/internal/engine"
)

// ProfileName is the shared profile of a workspace.
const ProfileName = engine.ProfileName

// newEngine returns the engine of this version of the tool.
func newEngine() (*engine.Engine, error) {
	return engine.New(engine.Options{Version: Version, Now: time.Now})
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, render bool) int {
	name := "build"
	if !render {
		name = "check"
	}
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	opt := engine.BatchOptions{Render: render, Out: "out"}
	formatsFlag, dump := "pdf,docx", ""
	if render {
		fl.StringVar(&opt.Out, "o", "out", "thư mục ghi tệp kết quả")
		fl.StringVar(&formatsFlag, "dinh-dang", "pdf,docx", `định dạng tệp kết quả: "pdf", "docx" hoặc "pdf,docx"`)
		fl.BoolVar(&opt.Force, "force", false, "tạo lại mọi văn bản, kể cả văn bản không thay đổi")
		fl.IntVar(&opt.Workers, "j", runtime.NumCPU(), "số văn bản tạo cùng lúc")
	} else {
		fl.StringVar(&dump, "in", "", `in cấu trúc văn bản: "mo-hinh" (mô hình) hoặc "dan-trang" (vị trí từng dòng)`)
	}
	fl.Usage = func() {
		if render {
			fmt.Fprintf(stderr, "Cách dùng: vanban build [-o THƯ_MỤC] [-dinh-dang pdf,docx] [-force] [ĐƯỜNG_DẪN...]   (mặc định: thư mục hiện tại)\n")
		} else {
			fmt.Fprintf(stderr, "Cách dùng: vanban check [-in mo-hinh|dan-trang] [ĐƯỜNG_DẪN...]   (mặc định: thư mục hiện tại)\n")
		}
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	var okFormats bool
	opt.Formats, okFormats = engine.ParseFormats(formatsFlag)
	if !okFormats || (dump != "" && dump != "mo-hinh" && dump != "dan-trang") {
		fl.Usage()
		return exitUsage
	}
	opt.KeepLayout = dump == "dan-trang"
	if len(paths) == 0 {
		paths = []string{"."} // the workspace the clerk is in
	}
	js, diags := engine.Jobs(paths)
	diag.Print(stderr, diags, engine.Sources())
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer eng.Close()
	code := runBatch(ctx, eng, js, opt, dump, stdout, stderr)
	if diags.HasErrors() {
		code = max(code, exitDiag)
	}
	return code
}

// runBatch runs a batch with a progress bar on a terminal, prints the
// diagnostics and one line per document in input order, and a summary; it
// returns the exit code.
func runBatch(ctx context.Context, eng *engine.Engine, js []engine.Job, opt engine.BatchOptions, dump string, stdout, stderr io.Writer) int {
	var bar *progress
	rep := eng.Batch(ctx, js, opt, func(done, total int, name string) {
		if bar == nil {
			bar = newProgress(stderr, total)
		}
		bar.step(done, name)
	})
	if bar != nil {
		bar.done()
	}
	src := engine.Sources()
	code := exitOK
	for i, o := range rep.Outcomes {
		prefix := fmt.Sprintf("[%d/%d] ", i+1, len(js))
		if o.Err != nil {
			fmt.Fprintf(stderr, "%s: lỗi nội bộ: %v\n", o.Job.Path(), o.Err)
			code = max(code, exitInternal)
		} else if o.Status == engine.Built || o.Status == engine.Failed {
			diag.Print(stderr, o.Result.Diags, src)
		}
		switch o.Status {
		case engine.Failed:
			code = max(code, exitDiag)
			if len(o.Removed) > 0 {
				fmt.Fprintf(stderr, "    đã xóa bản cũ %s (không còn khớp với dữ liệu)\n", strings.Join(o.Removed, ", "))
			}
		case engine.Built:
			if !opt.Render {
				switch dump {
				case "mo-hinh":
					engine.DumpModel(stdout, o.Result)
				case "dan-trang":
					engine.DumpLayout(stdout, o.Result)
				}
				fmt.Fprintf(stdout, "%s%s: hợp lệ (%d trang)\n", prefix, o.Job.Path(), o.Result.Pages)
				continue
			}
			fmt.Fprintf(stdout, "%s%s → %s (%d trang)\n", prefix, o.Job.Path(), strings.Join(o.Targets, ", "), o.Result.Pages)
		}
	}
	if rep.ManifestErr != nil {
		fmt.Fprintf(stderr, "vanban: không ghi được %s: %v\n", engine.ManifestName, rep.ManifestErr)
	}
	built, failed := rep.Count(engine.Built), rep.Count(engine.Failed)
	if opt.Render {
		fmt.Fprintf(stdout, "Tổng cộng: %d văn bản đã tạo, %d không thay đổi, %d văn bản lỗi.\n", built, rep.Count(engine.Unchanged), failed)
	} else {
		fmt.Fprintf(stdout, "Tổng cộng: %d văn bản hợp lệ, %d văn bản lỗi.\n", built, failed)
	}
	if rep.Interrupted || ctx.Err() != nil {
		if n := rep.Count(engine.NotStarted); n > 0 {
			fmt.Fprintf(stdout, "Đã dừng theo yêu cầu (Ctrl-C): %d/%d văn bản chưa được tạo; chạy lại lệnh để tạo tiếp.\n", n, len(js))
		} else {
			fmt.Fprintln(stdout, "Đã dừng theo yêu cầu (Ctrl-C); chạy lại lệnh để tạo tiếp.")
		}
		return exitInterrupted
	}
	return code
}
