package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"vanban/internal/diag"
	"vanban/internal/engine"
)

// ProfileName is the shared profile of a workspace.
const ProfileName = engine.ProfileName

// newEngine returns the engine of this version of the tool.
func newEngine() (*engine.Engine, error) { return newEngineEdition("", false) }

// openEngine is newEngine for a command: nil, with the reason printed,
// when the engine cannot start (a bug or a broken binary).
func openEngine(stderr io.Writer) *engine.Engine {
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return nil
	}
	return eng
}

// newEngineEdition is newEngine building every document in edition
// ("giay", "dien-tu"; "" leaves it to the data's key ban), with empty
// signature fields in electronic PDFs when sigFields is set.
func newEngineEdition(edition string, sigFields bool) (*engine.Engine, error) {
	return engine.New(engine.Options{Version: Version, Now: time.Now, Year: time.Now().Year(), FontDirs: fontDirs(), Edition: edition, SigFields: sigFields})
}

// fontDirs are the folders searched for Times New Roman: VANBAN_FONT_DIRS
// when set (a list like PATH; empty: use the embedded font only), else the
// platform's font folders.
func fontDirs() []string {
	if v, ok := os.LookupEnv("VANBAN_FONT_DIRS"); ok {
		return filepath.SplitList(v)
	}
	return engine.FontDirs()
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, render bool) int {
	name := "build"
	if !render {
		name = "check"
	}
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	opt := engine.BatchOptions{Render: render, Out: "out"}
	formatsFlag, dump, edition := "pdf,docx", "", ""
	var sigFields, preview bool
	var view reportView
	fl.BoolVar(&view.verbose, "v", false, "in mọi chi tiết, kể cả từng văn bản chờ cấp số hoặc chưa có ngày")
	fl.StringVar(&edition, "ban", "", `"giay" (bản giấy ký tay) hoặc "dien-tu" (bản điện tử để ký số, kèm tệp .ky-so.json); mặc định theo khóa ban của dữ liệu`)
	if render {
		fl.StringVar(&opt.Out, "o", "out", "thư mục ghi tệp kết quả")
		fl.StringVar(&formatsFlag, "dinh-dang", "pdf,docx", `định dạng tệp kết quả: "pdf", "docx" hoặc "pdf,docx"`)
		fl.BoolVar(&opt.Force, "force", false, "tạo lại mọi văn bản, kể cả văn bản không thay đổi")
		fl.IntVar(&opt.Workers, "j", runtime.NumCPU(), "số văn bản tạo cùng lúc")
		fl.BoolVar(&sigFields, "truong-ky", false, "bản điện tử: thêm trường chữ ký số trống ChuKyNguoiKy (ô 7c) và ConDau (ô 8) cho phần mềm ký số điền vào")
		fl.BoolVar(&preview, "xem-chu-ky", false, "bản điện tử: tạo thêm TÊN.xem-chu-ky.pdf có ảnh chữ ký (nguoi_ky.anh_chu_ky) và con dấu (co_quan.anh_con_dau) để xem trước; không dùng tệp này để ký")
	} else {
		fl.StringVar(&dump, "in", "", `in cấu trúc văn bản: "mo-hinh" (mô hình) hoặc "dan-trang" (vị trí từng dòng)`)
	}
	fl.Usage = func() {
		if render {
			fmt.Fprintf(stderr, "Cách dùng: vanban build [-o THƯ_MỤC] [-dinh-dang pdf,docx] [-ban giay|dien-tu] [-truong-ky] [-xem-chu-ky] [-force] [-j N] [-v] [ĐƯỜNG_DẪN...]   (mặc định: thư mục hiện tại)\n")
		} else {
			fmt.Fprintf(stderr, "Cách dùng: vanban check [-in mo-hinh|dan-trang] [-ban giay|dien-tu] [-v] [ĐƯỜNG_DẪN...]   (mặc định: thư mục hiện tại)\n")
		}
		fl.PrintDefaults()
	}
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	var okFormats bool
	opt.Formats, okFormats = engine.ParseFormats(formatsFlag)
	if !okFormats || (dump != "" && dump != "mo-hinh" && dump != "dan-trang") || (edition != "" && edition != "giay" && edition != "dien-tu") {
		fl.Usage()
		return exitUsage
	}
	opt.KeepLayout = dump == "dan-trang"
	if len(paths) == 0 {
		paths = []string{"."} // the workspace the clerk is in
	}
	js, diags := engine.Jobs(paths)
	diag.Print(stderr, diags, engine.Sources())
	eng, err := newEngineEdition(edition, sigFields)
	if err != nil {
		fmt.Fprintf(stderr, "vanban: lỗi nội bộ: %v\n", err)
		return exitInternal
	}
	defer eng.Close()
	code := runBatch(ctx, eng, js, opt, dump, view, stdout, stderr)
	if preview && ctx.Err() == nil {
		code = max(code, writePreviews(eng, js, opt.Out, stdout, stderr))
	}
	if diags.HasErrors() {
		code = max(code, exitDiag)
	}
	return code
}

// reportView says how much of a batch's diagnostics runBatch prints.
type reportView struct {
	// verbose prints every diagnostic, states included (-v).
	verbose bool
	// only, when set, is the one document whose warnings are printed
	// (assign: its own document); errors are printed for every document.
	only string
}

// states are the diagnostics that describe the normal state of a draft
// rather than something to act on: no number yet, no full date yet, a
// cited document still waiting for its number. Without -v they are
// summed up after the batch, one line per kind, instead of one warning
// per document.
var states = []struct {
	code diag.Code
	say  string // the summary line's words after the count
}{
	{diag.CodeNoNumber, "văn bản chờ cấp số"},
	{diag.CodeDateNoDay, "văn bản chưa có ngày ban hành đầy đủ"},
	{diag.CodeCitePending, "văn bản trích dẫn văn bản chờ cấp số (tự tạo lại khi cấp số)"},
}

// filter returns the diagnostics of one document that view prints, and
// adds the document to the kinds of state it is in.
func (v reportView) filter(j engine.Job, ds diag.List, inState map[diag.Code][]string) diag.List {
	var out diag.List
	seen := map[diag.Code]bool{}
	for _, d := range ds {
		state := false
		for _, s := range states {
			if d.Code == s.code {
				state = true
				if !seen[d.Code] {
					seen[d.Code] = true
					inState[d.Code] = append(inState[d.Code], j.Stem())
				}
			}
		}
		switch {
		case d.Severity == diag.Error, v.verbose:
			out = append(out, d)
		case state:
		case v.only == "" || filepath.Clean(v.only) == filepath.Clean(j.Path()):
			out = append(out, d)
		}
	}
	return out
}

// runBatch runs a batch with a progress bar on a terminal, prints the
// diagnostics view asks for and one line per document in input order, and
// a summary; it returns the exit code.
func runBatch(ctx context.Context, eng *engine.Engine, js []engine.Job, opt engine.BatchOptions, dump string, view reportView, stdout, stderr io.Writer) int {
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
	inState := map[diag.Code][]string{}
	for i, o := range rep.Outcomes {
		prefix := fmt.Sprintf("[%d/%d] ", i+1, len(js))
		if o.Err != nil {
			fmt.Fprintf(stderr, "%s: lỗi nội bộ: %v\n", o.Job.Path(), o.Err)
			code = max(code, exitInternal)
		} else if o.Status == engine.Built || o.Status == engine.Failed {
			diag.Print(stderr, view.filter(o.Job, o.Result.Diags, inState), src)
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
	if opt.Render && built > 0 {
		fmt.Fprintln(stdout, fontLine(eng.FontChoice(), view.verbose))
	}
	if !view.verbose {
		for _, st := range states {
			if docs := inState[st.code]; len(docs) > 0 {
				fmt.Fprintf(stdout, "%d %s: %s.\n", len(docs), st.say, nameList(docs))
			}
		}
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

// fontLine says which font the files were drawn with.
func fontLine(c engine.FontChoice, verbose bool) string {
	if c.Dir != "" {
		return fmt.Sprintf("Phông chữ: %s (%s).", c.Family, c.Dir)
	}
	line := fmt.Sprintf("Phông chữ: %s (có sẵn trong vanban, cùng số đo với Times New Roman).", c.Family)
	if verbose && c.Note != "" {
		line += " Không dùng Times New Roman của máy: " + c.Note + "."
	}
	return line
}

// summaryNames is how many documents a summary line names before it says
// how many more there are: a batch of a thousand drafts stays readable.
const summaryNames = 10

// nameList joins names for a summary line, the first summaryNames of them
// and the count of the others.
func nameList(names []string) string {
	if len(names) <= summaryNames {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s và %d văn bản khác (xem tất cả: -v)", strings.Join(names[:summaryNames], ", "), len(names)-summaryNames)
}

// writePreviews writes the preview of the signed look of each electronic
// document of js into out (-xem-chu-ky) and returns the exit code.
func writePreviews(eng *engine.Engine, js []engine.Job, out string, stdout, stderr io.Writer) int {
	code := exitOK
	for _, j := range js {
		name, ds, err := eng.WritePreview(j, out)
		if err != nil {
			fmt.Fprintf(stderr, "%s: lỗi nội bộ: %v\n", j.Path(), err)
			code = max(code, exitInternal)
			continue
		}
		if ds.HasErrors() {
			var errs diag.List
			for _, d := range ds {
				if d.Severity == diag.Error {
					errs = append(errs, d)
				}
			}
			diag.Print(stderr, errs, engine.Sources())
			code = max(code, exitDiag)
			continue
		}
		if name != "" {
			fmt.Fprintf(stdout, "Xem trước chữ ký: %s → %s (không dùng tệp này để ký)\n", j.Path(), name)
		}
	}
	return code
}
