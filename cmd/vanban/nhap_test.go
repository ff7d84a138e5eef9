package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/engine"
)

func TestImport_DocxThenList(t *testing.T) {
	ws := t.TempDir()
	prof, _ := os.ReadFile("../../testdata/van-ninh-2025/vanban.toml")
	os.WriteFile(filepath.Join(ws, "vanban.toml"), prof, 0o644)
	e, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	res, err := e.Build(engine.Job{Dir: "../../testdata/van-ninh-2025", Name: "to-trinh-khen-thuong.toml"}, true)
	if err != nil || res.Doc == nil {
		t.Fatal(err)
	}
	in := filepath.Join(ws, "cu.docx")
	os.WriteFile(in, res.DOCX, 0o644)
	out := filepath.Join(ws, "to-trinh.toml")
	var so, se bytes.Buffer
	if code := cmdImport(context.Background(), []string{in, "-o", out}, &so, &se); code != exitOK {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	if !strings.Contains(so.String(), "mẫu to-trinh-khen-thuong") || !strings.Contains(so.String(), "đoạn ") {
		t.Errorf("report:\n%s", so.String())
	}
	// Never overwrite without -ghi-de.
	se.Reset()
	if code := cmdImport(context.Background(), []string{in, "-o", out}, &so, &se); code != exitUsage || !strings.Contains(se.String(), "-ghi-de") {
		t.Errorf("overwrite: exit %d: %s", code, se.String())
	}
	// Append a CSV list; one row lacks its award.
	csv := filepath.Join(ws, "ds.csv")
	os.WriteFile(csv, []byte("STT,Họ và tên,\"Chức vụ, đơn vị\",Hình thức khen thưởng,Thành tích\nI. TẬP THỂ,,,,\n1,Tổ Một cửa,UBND xã,Giấy khen,Tốt\nII. CÁ NHÂN,,,,\n1,Nguyễn Văn An,Công chức,Giấy khen,Xuất sắc\n2,Lê B,Công chức,,Tốt\n"), 0o644)
	so.Reset()
	se.Reset()
	code := cmdImport(context.Background(), []string{csv, "-vao", out}, &so, &se)
	if code != exitDiag || !strings.Contains(se.String(), "ds.csv:6: lỗi: thiếu hình thức khen thưởng") {
		t.Errorf("exit %d, stderr:\n%s", code, se.String())
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "ho_ten = \"Nguyễn Văn An\"") || !strings.Contains(string(b), "ten = \"Tổ Một cửa\"") || !strings.HasPrefix(string(b), "# Bản nháp") {
		t.Errorf("draft after list:\n%s", b)
	}
	// The draft with its new rows still builds.
	r2, err := e.Model(engine.Job{Dir: ws, Name: "to-trinh.toml"}, engine.AllFormats)
	if err != nil || r2.Doc == nil {
		t.Errorf("draft does not build: %v %s", err, r2.Diags.Error())
	}
}

func TestImport_BadInput(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"a.docx": []byte("not a zip"),
		"b.doc":  append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...),
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		var so, se bytes.Buffer
		code := cmdImport(context.Background(), []string{p, "-o", filepath.Join(dir, "x.toml")}, &so, &se)
		if code != exitDiag || !strings.Contains(se.String(), p+": lỗi: tệp") {
			t.Errorf("%s: exit %d: %s", name, code, se.String())
		}
	}
}
