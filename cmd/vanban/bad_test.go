package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"vanban/internal/engine"

	"vanban/internal/testutil"
)

const goodProfile = `[co_quan]
ten = ["ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"]
viet_tat = "UBND"
dia_danh = "Vạn Giã"
[nguoi_ky]
quyen_han = "TM."
thay_mat = "ỦY BAN NHÂN DÂN"
chuc_vu = "CHỦ TỊCH"
ho_ten = "Nguyễn Hữu Trường"
`

const goodDoc = `mau = "ke-hoach"
so = 5
ngay = "2024-05-08"
trich_yeu = "Phát động phong trào thi đua"
noi_nhan = ["Phòng Nội vụ huyện (b/c)"]
noi_dung = """
# I. MỤC ĐÍCH

Nội dung./.
"""
`

// badCases are the bad inputs of issue 2: each must give a positioned
// Vietnamese diagnostic, a non-zero exit and no output file.
var badCases = []struct {
	name    string
	doc     string
	profile string
	file    string // file named by the diagnostic: "" for the document
	code    string // diagnostic code expected
	pos     string // "line:col" expected after the file name
	hint    string // part of the hint expected
}{
	{"syntax", strings.Replace(goodDoc, `trich_yeu = "Phát`, `trich_yeu = Phát`, 1), goodProfile, "", "D001", "4:13", "mỗi dòng viết dạng"},
	{"unknown-key", strings.Replace(goodDoc, "trich_yeu", "trich_yue", 1), goodProfile, "", "D002", "4:1", `"trich_yeu"`},
	{"unknown-key-in-table", goodDoc, strings.Replace(goodProfile, "ho_ten", "hoten", 1), "vanban.toml", "D002", "9:1", `"ho_ten"`},
	{"missing", strings.Replace(goodDoc, `noi_nhan = ["Phòng Nội vụ huyện (b/c)"]`, "", 1), goodProfile, "", "D003", "1:1", "noi_nhan ="},
	{"impossible-date", strings.Replace(goodDoc, "2024-05-08", "2024-02-30", 1), goodProfile, "", "D004", "3:8", "2024-05-08"},
	{"impossible-toml-date", strings.Replace(goodDoc, `"2024-05-08"`, "2024-02-30", 1), goodProfile, "", "D001", "3:", ""},
	{"invalid-utf8", strings.Replace(goodDoc, "Phát", "Ph\xe1t", 1), goodProfile, "", "D005", "4:16", "UTF-8"},
	{"emoji", strings.Replace(goodDoc, "Nội dung", "Nội dung 😀", 1), goodProfile, "", "D006", "9:10", "thay ký tự"},
	{"unknown-template", strings.Replace(goodDoc, `"ke-hoach"`, `"ke-hoac"`, 1), goodProfile, "", "D008", "1:7", "ke-hoach-thi-dua"},
	{"wrong-type", strings.Replace(goodDoc, `noi_nhan = ["Phòng Nội vụ huyện (b/c)"]`, `noi_nhan = "Phòng Nội vụ"`, 1), goodProfile, "", "D007", "5:12", "noi_nhan = ["},
	{"bad-authority", goodDoc, strings.Replace(goodProfile, `"TM."`, `"TM"`, 1), "vanban.toml", "D009", "6:13", `"TM."`},
	{"kt-without-head", goodDoc, strings.Replace(goodProfile, `"TM."`, `"KT."`, 1), "vanban.toml", "D003", "6:13", "thu_truong"},
	{"bad-number", strings.Replace(goodDoc, "so = 5", `so = "5a"`, 1), goodProfile, "", "D010", "2:6", "so = 12"},
	{"empty-summary", strings.Replace(goodDoc, `"Phát động phong trào thi đua"`, `""`, 1), goodProfile, "", "D011", "4:13", "trich_yeu"},
}

func writeCase(t *testing.T, doc, profile string) (dir, file string) {
	dir = t.TempDir()
	file = filepath.Join(dir, "kh.toml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if profile != "" {
		os.WriteFile(filepath.Join(dir, ProfileName), []byte(profile), 0o644)
	}
	return dir, file
}

func TestBuild_BadInput(t *testing.T) {
	var rendered bytes.Buffer
	for _, c := range badCases {
		t.Run(c.name, func(t *testing.T) {
			dir, file := writeCase(t, c.doc, c.profile)
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"build", "-o", out, file}, nil, &stdout, &stderr)
			if code != exitDiag {
				t.Fatalf("exit %d, want %d\n%s", code, exitDiag, stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, "["+c.code+"]") {
				t.Errorf("no %s in:\n%s", c.code, msg)
			}
			at := file
			if c.file != "" {
				at = filepath.Join(dir, c.file)
			}
			if !strings.Contains(msg, at+":"+c.pos) {
				t.Errorf("no position %s:%s in:\n%s", at, c.pos, msg)
			}
			if c.hint != "" && !strings.Contains(msg, c.hint) {
				t.Errorf("no hint %q in:\n%s", c.hint, msg)
			}
			if !strings.Contains(msg, ": lỗi: ") {
				t.Errorf("not a Vietnamese error line:\n%s", msg)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("output written for a bad document: %v", entries)
			}
			rendered.WriteString("== " + c.name + "\n" + strings.ReplaceAll(msg, dir, "DIR"))
		})
	}
	testutil.Golden(t, filepath.Join("testdata", "golden", "diagnostics"), rendered.Bytes())
}

// TestBuild_BadDocumentDoesNotStopOthers: one bad document, one good one,
// in one folder: the good one is written, the exit code says 1.
func TestBuild_BadDocumentDoesNotStopOthers(t *testing.T) {
	dir, _ := writeCase(t, strings.Replace(goodDoc, "2024-05-08", "2024-02-30", 1), goodProfile)
	os.WriteFile(filepath.Join(dir, "tot.toml"), []byte(goodDoc), 0o644)
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-o", out, dir}, nil, &stdout, &stderr)
	if code != exitDiag {
		t.Errorf("exit %d, want 1", code)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 3 || entries[0].Name() != ".vanban-manifest.json" || entries[1].Name() != "tot.docx" || entries[2].Name() != "tot.pdf" {
		t.Errorf("out = %v, want only tot.docx, tot.pdf and the manifest", entries)
	}
	if !strings.Contains(stdout.String(), "1 văn bản đã tạo, 0 không thay đổi, 1 văn bản lỗi") {
		t.Errorf("summary: %s", stdout.String())
	}
}

func TestBuild_UnwritableOutput(t *testing.T) {
	dir, file := writeCase(t, goodDoc, goodProfile)
	blocker := filepath.Join(dir, "out")
	os.WriteFile(blocker, []byte("a file, not a folder"), 0o644)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-o", blocker, file}, nil, &stdout, &stderr)
	if code != exitDiag || !strings.Contains(stderr.String(), "[O001]") || !strings.Contains(stderr.String(), "-o THƯ_MỤC") {
		t.Errorf("exit %d:\n%s", code, stderr.String())
	}
	if b, _ := os.ReadFile(blocker); string(b) != "a file, not a folder" {
		t.Error("the blocking file was changed")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestBuild_LongTexts: a trích yếu that wraps, a body of many pages and an
// organisation name too long for its column all lay out inside the page.
func TestBuild_LongTexts(t *testing.T) {
	long := strings.Repeat("Nội dung thi đua rất dài để kiểm tra việc ngắt dòng và ngắt trang của văn bản. ", 400)
	doc := strings.Replace(goodDoc, "Nội dung./.", long+"Hết./.", 1)
	doc = strings.Replace(doc, `"Phát động phong trào thi đua"`,
		`"Phát động phong trào thi đua trong lĩnh vực Nội vụ năm 2024 gắn với kỷ niệm các ngày lễ lớn của đất nước và của ngành Tổ chức nhà nước"`, 1)
	profile := strings.Replace(goodProfile, `["ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"]`,
		`["BAN CHỈ ĐẠO PHONG TRÀO THI ĐUA VÀ KHEN THƯỞNG CỦA ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ"]`, 1)
	dir, file := writeCase(t, doc, profile)
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Build(engine.Job{Dir: dir, Name: filepath.Base(file)}, true)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if res.Pages < 8 {
		t.Errorf("%d pages for a long body", res.Pages)
	}
	pages := pdfPages(t, res.PDF)
	all := strings.Join(words(strings.Join(pages, " ")), " ")
	for _, want := range []string{"BAN CHỈ ĐẠO PHONG TRÀO THI ĐUA", "THỊ TRẤN VẠN GIÃ", "ngành Tổ chức nhà nước", "Hết./.", "Nguyễn Hữu Trường"} {
		if !strings.Contains(all, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if n := strings.Count(all, "Nội dung thi đua rất dài"); n != 400 {
		t.Errorf("body repeated %d times in the PDF, want 400", n)
	}
	// Every word stays inside the side margins (checked in mm by bbox).
	path := filepath.Join(t.TempDir(), "long.pdf")
	os.WriteFile(path, res.PDF, 0o644)
	bbox := testutil.Run(t, "pdftotext", "-bbox", path, "-")
	for _, m := range regexp.MustCompile(`xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`).FindAllStringSubmatch(bbox, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		if x0 < 30/25.4*72-0.1 || x1 > 195/25.4*72+0.1 {
			t.Errorf("word outside the side margins: %v", m)
		}
	}
}
