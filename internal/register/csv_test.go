package register

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"vanban/internal/testutil"
)

// csvRows has one header and one row of cells that a spreadsheet would
// take for formulas, next to ordinary Vietnamese register text.
var csvRows = [][]string{
	{"Số, ký hiệu văn bản", "Người ký", "C", "D", "E", "F", "G", "Nơi nhận văn bản", "Trích yếu"},
	{`=HYPERLINK("http://x","y")`, "+1", "-2", "@SUM(A1)", "\tx", "\rx", "Nguyễn Văn Ánh", "- Như trên;\n- Lưu: VT.", "Về việc \"thi đua\", khen thưởng"},
}

const csvWant = "\uFEFF" +
	"\"Số, ký hiệu văn bản\",Người ký,C,D,E,F,G,Nơi nhận văn bản,Trích yếu\r\n" +
	"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",Nguyễn Văn Ánh,\"'- Như trên;\n- Lưu: VT.\",\"Về việc \"\"thi đua\"\", khen thưởng\"\r\n"

func TestWriteCSV_Bytes(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, csvRows); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != csvWant {
		t.Errorf("WriteCSV:\n got %q\nwant %q", got, csvWant)
	}
	for _, c := range []struct{ in, want string }{
		{"", ""}, {"'", "'"}, {"a=b", "a=b"}, {" =x", " =x"}, {"=", "'="}, {"-", "'-"}, {"Số 01", "Số 01"},
	} {
		if got := Neutralize(c.in); got != c.want {
			t.Errorf("Neutralize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWriteCSV_Spreadsheet opens the CSV with LibreOffice Calc, converts
// it to .xlsx and checks that no cell became a formula and that each holds
// the text written. A control file without neutralising shows that the
// same import does turn =HYPERLINK into a formula, so the check can fail.
func TestWriteCSV_Spreadsheet(t *testing.T) {
	soffice := testutil.Tool(t, "soffice")
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteCSV(&b, csvRows); err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer // the cells as they are: what a naive writer makes
	raw.WriteString(BOM)
	for _, r := range csvRows {
		for i, c := range r {
			if i > 0 {
				raw.WriteByte(',')
			}
			raw.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		raw.WriteString("\r\n")
	}
	os.WriteFile(filepath.Join(dir, "safe.csv"), b.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "raw.csv"), raw.Bytes(), 0o644)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir,
		filepath.Join(dir, "safe.csv"), filepath.Join(dir, "raw.csv"))
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}

	cells := func(name string) (values, formulas [][]string) {
		f, err := excelize.OpenFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v (is libreoffice-calc installed?)", name, err)
		}
		defer f.Close()
		sheet := f.GetSheetList()[0]
		for r, row := range csvRows {
			var vs, fs []string
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				v, _ := f.GetCellValue(sheet, cell)
				fm, _ := f.GetCellFormula(sheet, cell)
				vs, fs = append(vs, v), append(fs, fm)
			}
			values, formulas = append(values, vs), append(formulas, fs)
		}
		return values, formulas
	}

	_, rawFormulas := cells("raw.xlsx")
	if rawFormulas[1][0] == "" {
		t.Errorf("control: the raw =HYPERLINK cell did not become a formula; the check below proves nothing (%q)", rawFormulas[1])
	}
	values, formulas := cells("safe.xlsx")
	for r, row := range csvRows {
		for c, in := range row {
			if formulas[r][c] != "" {
				t.Errorf("cell %d,%d %q became the formula %q", r+1, c+1, in, formulas[r][c])
			}
			// Calc reads the CR of a quoted field as a line break.
			want := strings.ReplaceAll(Neutralize(in), "\r", "\n")
			if values[r][c] != want {
				t.Errorf("cell %d,%d = %q, want %q", r+1, c+1, values[r][c], want)
			}
		}
	}
}
