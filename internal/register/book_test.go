package register

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vanban/internal/testutil"
)

func sampleBooks() []Book {
	row := func(n, d, s string) []string {
		return []string{n, d, "Kế hoạch " + s, "Nguyễn Hữu Trường", "Phòng Nội vụ huyện (b/c); Cán bộ, công chức và NLĐ liên quan", "VT, TH", "", "", "", ""}
	}
	return []Book{
		{Issuer: []string{"ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"}, Series: "UBND/KH", Year: 2025,
			FromNumber: "01", ToNumber: "02", FromDate: "08/5/2025", ToDate: "09/5/2025",
			Rows: [][]string{row("01/KH-UBND", "08/5/2025", "phát động phong trào thi đua"), row("02/KH-UBND", "09/5/2025", "tổ chức hội nghị")}},
		{Issuer: []string{"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"}, Series: "HĐTĐKT", Year: 2025,
			Rows: [][]string{row("01/TTr-HĐTĐKT", "18/11/2025", "x")}},
	}
}

// The workbook read back: sheets per book, the ten columns in Times New
// Roman with borders and wrap, landscape A4 fitted to the width, header
// rows repeated and frozen, print area, page numbers.
func TestWriteBooks_ReadBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBooks(&buf, sampleBooks()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := fmt.Sprint(f.GetSheetList()); got != "[Bìa UBND-KH 2025 Sổ UBND-KH 2025 Bìa HĐTĐKT 2025 Sổ HĐTĐKT 2025]" {
		t.Fatalf("sheets %s", got)
	}
	const sh = "Sổ UBND-KH 2025"
	rows, _ := f.GetRows(sh)
	if len(rows) != 4 || rows[0][2] != "Tên loại và trích yếu nội dung" || rows[1][9] != "(10)" || rows[3][0] != "02/KH-UBND" {
		t.Fatalf("rows %q", rows)
	}
	for _, cell := range []string{"A1", "J1", "A3", "C3", "J4"} {
		id, err := f.GetCellStyle(sh, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || st.Font.Family != "Times New Roman" {
			t.Errorf("%s: font %+v", cell, st.Font)
		}
		if len(st.Border) != 4 {
			t.Errorf("%s: borders %+v", cell, st.Border)
		}
		if cell != "A3" && (st.Alignment == nil || !st.Alignment.WrapText) {
			t.Errorf("%s: no wrap", cell)
		}
		if cell == "A1" && !st.Font.Bold {
			t.Errorf("header not bold")
		}
	}
	pl, err := f.GetPageLayout(sh)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
		pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("page layout %+v", pl)
	}
	props, _ := f.GetSheetProps(sh)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page not set")
	}
	hf, _ := f.GetHeaderFooter(sh)
	if !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("footer %q", hf.OddFooter)
	}
	panes, _ := f.GetPanes(sh)
	if !panes.Freeze || panes.YSplit != 2 {
		t.Errorf("panes %+v", panes)
	}
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	if names[sh+" _xlnm.Print_Titles"] != "'"+sh+"'!$1:$2" || names[sh+" _xlnm.Print_Area"] != "'"+sh+"'!$A$1:$J$4" {
		t.Errorf("defined names %v", names)
	}
	cover, _ := f.GetRows("Bìa HĐTĐKT 2025")
	if c := fmt.Sprint(cover); !strings.Contains(c, "SỔ ĐĂNG KÝ VĂN BẢN ĐI") || !strings.Contains(c, "Dãy số: HĐTĐKT") || !strings.Contains(c, "Từ số …… đến số ……") {
		t.Errorf("cover %q", cover)
	}
}

// LibreOffice prints the workbook: landscape A4 pages, the cover first,
// the register's header on every page. Set VANBAN_BOOK_PNG to a folder to
// keep a 60 dpi picture of the pages for a look.
func TestWriteBooks_LibreOffice(t *testing.T) {
	soffice := testutil.Tool(t, "soffice")
	books := sampleBooks()
	for i := 3; i <= 60; i++ {
		books[0].Rows = append(books[0].Rows, books[0].Rows[i%2])
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteBooks(&buf, books); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "so.xlsx")
	os.WriteFile(xlsx, buf.Bytes(), 0o644)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", "pdf", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "so.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Skipf("pdfinfo: %v", err)
	}
	if !strings.Contains(string(info), "841.89 x 595.") {
		t.Errorf("pages are not landscape A4:\n%s", info)
	}
	text, _ := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	pages := strings.Split(string(text), "\f")
	if len(pages) < 4 || !strings.Contains(pages[0], "SỔ ĐĂNG KÝ VĂN BẢN ĐI") {
		t.Fatalf("%d pages; first:\n%s", len(pages), pages[0])
	}
	heads := 0
	for _, p := range pages {
		if strings.Contains(p, "Số, ký hiệu") {
			heads++
		}
	}
	if heads < 3 {
		t.Errorf("the header row is on %d pages only", heads)
	}
	if keep := os.Getenv("VANBAN_BOOK_PNG"); keep != "" {
		exec.Command("pdftoppm", "-r", "60", "-png", pdf, filepath.Join(keep, "so")).Run()
		os.WriteFile(filepath.Join(keep, "so.pdf"), mustReadFile(t, pdf), 0o644)
	}
}

func mustReadFile(t *testing.T, name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
