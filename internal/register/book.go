package register

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Book is one register book to print: the entries of one series in one
// year (NĐ 30/2020, Phụ lục IV: the register is kept per year, and an
// advisory council with its own numbering keeps its own).
type Book struct {
	Issuer []string // issuing body's name lines for the cover, "ỦY BAN NHÂN DÂN", "XÃ VẠN NINH"
	Series string   // numbering series, "UBND"
	Year   int
	// Cover lines about the range the book holds, already spelt:
	// "01", "14", "08/5/2024", "25/11/2024".
	FromNumber, ToNumber, FromDate, ToDate string
	Rows                                   [][]string // one row of BookColumns cells per entry, in register order
}

// BookColumns are the ten columns of the Sổ đăng ký văn bản đi (NĐ 30,
// Phụ lục IV, I), a fresh slice each call.
func BookColumns() []string {
	return []string{
		"Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký", "Nơi nhận văn bản",
		"Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
	}
}

// Column widths in Excel character units, chosen so the ten columns fill a
// landscape A4 page at 100 % (about 250 mm between the margins).
var bookWidths = [...]float64{15, 11, 44, 17, 30, 15, 8, 10, 10, 12}

// Sheet names: Excel allows 31 characters and no []:*?/\ in a name.
func sheetNames(b Book) (cover, register string) {
	s := strings.NewReplacer("/", "-", "\\", "-", "[", "(", "]", ")", ":", "-", "*", "-", "?", "-").Replace(b.Series)
	if r := []rune(s); len(r) > 20 {
		s = string(r[:20])
	}
	return fmt.Sprintf("Bìa %s %d", s, b.Year), fmt.Sprintf("Sổ %s %d", s, b.Year)
}

// SheetNames returns the names of the cover and register sheets WriteBooks
// gives book b.
func SheetNames(b Book) (cover, register string) { return sheetNames(b) }

// bookFont is the register's typeface: the one of the documents it lists
// (NĐ 30, Phụ lục I: Times New Roman or another Unicode font of the same
// look).
const bookFont = "Times New Roman"

// WriteBooks writes the books as one Excel workbook ready to print and
// bind: per book a cover sheet and a register sheet with the ten columns,
// Times New Roman, thin borders, wrapped text, landscape A4 fitted to the
// page width, the header rows repeated on every page and frozen on screen,
// the print area set, and "Trang N" in the footer. With no book, one empty
// register sheet is written.
func WriteBooks(w io.Writer, books []Book) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(bookFont); err != nil {
		return err
	}
	st, err := newBookStyles(f)
	if err != nil {
		return err
	}
	if len(books) == 0 {
		books = []Book{{Series: "", Year: 0}}
	}
	first := true
	for _, b := range books {
		cover, reg := sheetNames(b)
		if b.Year == 0 {
			cover, reg = "", "Sổ văn bản đi"
		}
		for _, name := range []string{cover, reg} {
			if name == "" {
				continue
			}
			if first {
				if err := f.SetSheetName("Sheet1", name); err != nil {
					return err
				}
				first = false
			} else if _, err := f.NewSheet(name); err != nil {
				return err
			}
		}
		if cover != "" {
			if err := writeCover(f, cover, b, st); err != nil {
				return fmt.Errorf("register: cover %s: %w", cover, err)
			}
		}
		if err := writeRegister(f, reg, b, st); err != nil {
			return fmt.Errorf("register: sheet %s: %w", reg, err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

type bookStyles struct {
	head, number, cell, center, coverBody, coverTitle, coverLine int
}

func newBookStyles(f *excelize.File) (bookStyles, error) {
	var st bookStyles
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: bookFont, Size: size, Bold: bold, Italic: italic, Color: "000000"}
	}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.head, excelize.Style{Font: font(12, true, false), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.number, excelize.Style{Font: font(11, false, true), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.cell, excelize.Style{Font: font(12, false, false), Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.center, excelize.Style{Font: font(12, false, false), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&st.coverBody, excelize.Style{Font: font(14, true, false),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.coverTitle, excelize.Style{Font: font(26, true, false),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.coverLine, excelize.Style{Font: font(14, false, false),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}

// pageSetup makes a sheet print on landscape A4 (paper size 9), one page
// wide, with the footer "Trang N".
func pageSetup(f *excelize.File, sheet string, fitWidth, numbered bool) error {
	size, orient, first := 9, "landscape", uint(1)
	opt := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	if numbered {
		opt.FirstPageNumber = &first // each book's pages count from 1
	}
	if fitWidth {
		one, tall := 1, 0
		opt.FitToWidth, opt.FitToHeight = &one, &tall
		fit := true
		if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
	}
	if err := f.SetPageLayout(sheet, opt); err != nil {
		return err
	}
	// Margins in inches: 20 mm left for binding, 15 mm elsewhere.
	l, r, t, b, h := 0.79, 0.59, 0.59, 0.71, 0.31
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &r, Top: &t, Bottom: &b, Header: &h, Footer: &h}); err != nil {
		return err
	}
	if !numbered {
		return nil
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: `&C&"` + bookFont + `,Regular"&11Trang &P`,
	})
}

// rowHeight is the height in points a row needs to show its wrapped cells:
// spreadsheets do not grow a row for text written by a program, and
// LibreOffice prints such rows one line high, the text overprinted.
func rowHeight(r []string) float64 {
	lines := 1
	for c, v := range r {
		if c >= len(bookWidths) {
			break
		}
		// A Times New Roman letter at 12 pt is about 0.95 character unit
		// of an 11 pt Calibri column: count 1 to stay on the safe side.
		per := int(bookWidths[c]) - 1
		n := 0
		for _, part := range strings.Split(v, "\n") {
			n += 1 + (len([]rune(part))-1)/max(per, 1)
		}
		lines = max(lines, n)
	}
	return float64(lines)*15 + 3
}

func writeCover(f *excelize.File, sheet string, b Book, st bookStyles) error {
	if err := f.SetColWidth(sheet, "A", "A", 130); err != nil {
		return err
	}
	lines := []struct {
		text   string
		style  int
		height float64
	}{}
	add := func(text string, style int, height float64) {
		lines = append(lines, struct {
			text   string
			style  int
			height float64
		}{text, style, height})
	}
	for _, l := range b.Issuer {
		add(strings.ToUpper(l), st.coverBody, 22)
	}
	add("", st.coverLine, 90)
	add("SỔ ĐĂNG KÝ VĂN BẢN ĐI", st.coverTitle, 45)
	add("", st.coverLine, 30)
	add(fmt.Sprintf("Năm: %d", b.Year), st.coverLine, 24)
	add("Dãy số: "+b.Series, st.coverLine, 24)
	add(fmt.Sprintf("Từ số %s đến số %s", orDots(b.FromNumber), orDots(b.ToNumber)), st.coverLine, 24)
	add(fmt.Sprintf("Từ ngày %s đến ngày %s", orDots(b.FromDate), orDots(b.ToDate)), st.coverLine, 24)
	add("Quyển số: ……", st.coverLine, 24)
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellStr(sheet, cell, l.text); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, l.style); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, i+1, l.height); err != nil {
			return err
		}
	}
	show := false
	if err := f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: &show}); err != nil {
		return err
	}
	if err := pageSetup(f, sheet, true, false); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("%s!$A$1:$A$%d", quoteSheet(sheet), len(lines))})
}

func orDots(s string) string {
	if s == "" {
		return "……"
	}
	return s
}

func writeRegister(f *excelize.File, sheet string, b Book, st bookStyles) error {
	cols := BookColumns()
	for c, w := range bookWidths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	nums := make([]string, len(cols))
	for i := range nums {
		nums[i] = fmt.Sprintf("(%d)", i+1)
	}
	rows := append([][]string{cols, nums}, b.Rows...)
	for i, r := range rows {
		for c, v := range r {
			cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
			// Text cells: a number or a date stays as the register spells
			// it, and nothing is read as a formula.
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), len(rows))
	lastCol, _ := excelize.ColumnNumberToName(len(cols))
	set := func(from, to string, style int) error { return f.SetCellStyle(sheet, from, to, style) }
	if err := set("A1", lastCol+"1", st.head); err != nil {
		return err
	}
	if err := set("A2", lastCol+"2", st.number); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 48); err != nil {
		return err
	}
	if len(rows) > 2 {
		if err := set("A3", last, st.cell); err != nil {
			return err
		}
		// Number, date, copies and dates centred.
		for _, c := range []string{"A", "B", "G", "H"} {
			if err := set(c+"3", fmt.Sprintf("%s%d", c, len(rows)), st.center); err != nil {
				return err
			}
		}
	}
	for i, r := range b.Rows {
		if err := f.SetRowHeight(sheet, i+3, rowHeight(r)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := pageSetup(f, sheet, true, true); err != nil {
		return err
	}
	q := quoteSheet(sheet)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: q + "!$1:$2"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", q, lastCol, len(rows))})
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
