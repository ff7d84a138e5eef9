package register

import (
	"bufio"
	"io"
	"strings"
)

// BOM is the UTF-8 byte order mark WriteCSV puts first: without it Excel
// reads a CSV file in the machine's ANSI code page and Vietnamese letters
// come out garbled.
const BOM = "\uFEFF"

// WriteCSV writes rows as RFC 4180 CSV (comma, CRLF line ends, fields
// quoted when they hold a comma, a quote, a line break or space at either
// end, quotes doubled; every other byte as given) after a UTF-8
// BOM, the form vanban has always exported the register in (line ends were
// LF before; every spreadsheet reads both).
//
// Every cell that begins with '=', '+', '-', '@', a tab or a carriage
// return is written with a leading apostrophe, as OWASP advises against
// CSV (formula) injection: a spreadsheet would otherwise run
// =HYPERLINK(…) typed as a signer's name. The rule is applied to every
// cell, so an ordinary register text such as "- Như trên;" or a negative
// number is exported as "'- Như trên;" or "'-2" too: a spreadsheet cannot
// tell those from a formula, and the register's cells are text anyway.
// Spreadsheets show the apostrophe; the .xlsx export has no such problem
// (its cells are typed as text) and is the better choice for people.
func WriteCSV(w io.Writer, rows [][]string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(BOM)
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				bw.WriteByte(',')
			}
			c = Neutralize(c)
			// encoding/csv is not used: with UseCRLF it drops a lone CR
			// inside a field, and without it lines end in LF only.
			if strings.ContainsAny(c, ",\"\r\n") || c != strings.TrimSpace(c) {
				bw.WriteByte('"')
				bw.WriteString(strings.ReplaceAll(c, `"`, `""`))
				bw.WriteByte('"')
			} else {
				bw.WriteString(c)
			}
		}
		bw.WriteString("\r\n")
	}
	return bw.Flush()
}

// Neutralize returns cell with an apostrophe in front when it begins with
// a character that makes a spreadsheet read it as a formula ('=', '+',
// '-', '@', tab, carriage return); other cells are returned unchanged.
func Neutralize(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
