package docimport_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vanban/internal/docimport"
)

// TestImportXLSXList makes an .xlsx in the test (a title row, a header on
// row 3 in other words than ours, group rows, one row missing its award,
// a second sheet) and checks the rows, their targets and the errors.
func TestImportXLSXList(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	rows := [][]any{
		{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"},
		{},
		{"TT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Tóm tắt thành tích"},
		{"I. TẬP THỂ"},
		{1, "Văn phòng - Thống kê", "Ủy ban nhân dân xã Vạn Ninh", "Tập thể lao động tiên tiến", "Hoàn thành tốt nhiệm vụ"},
		{"II. CÁ NHÂN"},
		{1, "Nguyễn  Văn An", "Công chức Văn phòng - Thống kê", "Giấy khen", "Hoàn thành xuất sắc nhiệm vụ"},
		{2, "Trần Thị Bình", "Công chức Tư pháp - Hộ tịch", "", "Hoàn thành tốt nhiệm vụ"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.NewSheet("Khác")
	f.SetSheetRow("Khác", "A1", &[]any{"Họ và tên", "Chức vụ", "Hình thức", "Thành tích"})
	f.SetSheetRow("Khác", "A2", &[]any{"Lê Văn Cường", "Phó Chủ tịch", "Bằng khen", "Xuất sắc"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()

	got, err := docimport.ReadList(bytes.NewReader(data), ".xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	list, errs := docimport.MapList(got)
	if len(list) != 2 {
		t.Fatalf("got %d rows, want 2: %+v", len(list), list)
	}
	if r := list[0]; r.Target != "tap_the" || r.Row != 5 || r.Values["ten"] != "Văn phòng - Thống kê" || r.Values["don_vi"] != "Ủy ban nhân dân xã Vạn Ninh" {
		t.Errorf("row 1 = %+v", r)
	}
	if r := list[1]; r.Target != "ca_nhan" || r.Row != 7 || r.Values["ho_ten"] != "Nguyễn Văn An" || r.Values["hinh_thuc"] != "Giấy khen" {
		t.Errorf("row 2 = %+v", r)
	}
	if len(errs) != 1 || errs[0].Row != 8 || !strings.Contains(errs[0].Msg, "hình thức khen thưởng") {
		t.Errorf("errors = %v, want row 8 missing its award", errs)
	}
	out, err := docimport.AppendRows([]byte("mau = \"to-trinh-khen-thuong\"\n"), list)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[[tap_the]]\nten = \"Văn phòng - Thống kê\"", "[[ca_nhan]]\nho_ten = \"Nguyễn Văn An\""} {
		if !strings.Contains(string(out), want) {
			t.Errorf("%q not in\n%s", want, out)
		}
	}

	// -sheet chooses another sheet; an unknown one is a clear error.
	other, err := docimport.ReadList(bytes.NewReader(data), ".xlsx", "Khác")
	if err != nil {
		t.Fatal(err)
	}
	if l, e := docimport.MapList(other); len(l) != 1 || len(e) != 0 || l[0].Values["ho_ten"] != "Lê Văn Cường" {
		t.Errorf("sheet Khác: %+v %v", l, e)
	}
	if _, err := docimport.ReadList(bytes.NewReader(data), ".xlsx", "Không có"); err == nil || !strings.Contains(err.Error(), "Không có") {
		t.Errorf("unknown sheet: %v", err)
	}
	if _, err := docimport.ReadList(bytes.NewReader([]byte("not a zip")), ".xlsx", ""); err == nil {
		t.Error("a broken .xlsx was read")
	}
}
