package data

import (
	"fmt"
	"strconv"

	"vanban/internal/diag"
)

// The bounds of what Load accepts, each far above any real document so that
// only a mistake (a pasted file, a runaway script) meets them. Past a bound
// Load reports diag.CodeLimit at the offending file, value or bracket,
// instead of spending minutes and gigabytes on it. The README cites these
// names.
const (
	// MaxFileSize is the largest TOML file, in bytes, checked before it is
	// read and parsed. A long report is a few hundred kilobytes.
	MaxFileSize = 4 << 20 // 4 MiB

	// MaxBodySize is the largest value of a body (nội dung, a CommonMark
	// field such as noi_dung), in bytes after decoding. About a thousand
	// A4 pages of text.
	MaxBodySize = 2 << 20 // 2 MiB = 2,097,152 bytes

	// MaxValueSize is the largest value of any other string (trích yếu, a
	// name, one line of a list, one cell of a table), in bytes.
	MaxValueSize = 64 << 10 // 64 KiB

	// MaxItems is the largest number of items of any array: lines of a
	// list, rows of a [[…]] table such as the nominees of a Tờ trình.
	MaxItems = 5000

	// MaxRecipients is the largest number of lines of the "Nơi nhận"
	// (noi_nhan) and "Kính gửi" (kinh_gui) lists.
	MaxRecipients = 500

	// MaxDepth is the deepest nesting of arrays and inline tables in a
	// value, counted in brackets: a = [[1]] has depth 2. vanban's schemas
	// need 2 at most; BurntSushi/toml takes time more than quadratic in
	// this depth, so it is checked while scanning, before parsing.
	MaxDepth = 20

	// maxBadChars is how many diag.CodeBadChar one file reports at most.
	maxBadChars = 20
)

// limitDiag reports that what has size found, past max; unit names the
// unit ("byte", "mục", "tầng").
func limitDiag(pos diag.Pos, what string, found, max int, unit, hint string) diag.Diagnostic {
	return diag.New(pos, diag.CodeLimit, what, group(found)+" "+unit, group(max)+" "+unit, hint)
}

// group writes n with dots between groups of three digits, as Vietnamese
// does: 2.097.152.
func group(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + group(-n)
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// keyDesc describes a key path for messages: khóa "noi_nhan".
func keyDesc(path string) string {
	return fmt.Sprintf("khóa %q", path)
}
