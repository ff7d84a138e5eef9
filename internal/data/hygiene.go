package data

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/diag"
	"vanban/internal/vnenc"
)

// Text hygiene: every string value of a file, after TOML has decoded its
// escapes, is
//   - checked for characters no document may hold (badRune), reported with
//     diag.CodeBadChar where they are written, escape or not;
//   - stripped of escaped carriage returns (CRLF and a lone CR become LF;
//     the file's own CRLF line ends are LF before parsing, and a literal lone
//     CR in a string is a bad character);
//   - normalised to NFC, so "Vie\u0302\u0323t" is "Việt";
//   - converted from TCVN3 or VNI when vnenc.Detect recognises it, with a
//     diag.CodeLegacyText warning showing the converted words.
// Tabs are allowed: convert turns them into spaces in single-line values
// (nothing prints a tab), and keeps them in bodies, where CommonMark gives
// them a meaning. Newlines are allowed everywhere; templates decide what a
// newline in a single-line value means.

// badRune reports whether r may not appear in a value: C0 and C1 control
// characters other than tab, newline and carriage return, DEL, the Unicode
// noncharacters, the replacement character U+FFFD (the trace of text that
// was already broken) and surrogates.
func badRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true
	case r == utf8.RuneError, r >= 0xD800 && r <= 0xDFFF:
		return true
	}
	return false
}

// codePoint writes r as U+0001.
func codePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// clean applies the hygiene rules to every string of f.raw in place and
// checks the number of items of every array. The scanner reports bad
// characters where they are written before parsing; clean reports at its
// value any it might have missed.
func (f *file) clean(diags *diag.List) {
	c := cleaner{f: f, diags: diags}
	c.table("", f.raw)
}

type cleaner struct {
	f     *file
	diags *diag.List
	bad   int
}

// pos returns the best known position of path: its value, its key, or
// those of the nearest enclosing path ("noi_nhan[3]" → "noi_nhan").
func (c *cleaner) pos(path string) diag.Pos {
	for p := path; p != ""; {
		if v := c.f.idx.val[p]; v.IsValid() {
			return v
		}
		if k := c.f.idx.key[p]; k.IsValid() {
			return k
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return diag.Pos{File: c.f.name}
}

func (c *cleaner) table(prefix string, m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m[k] = c.value(join(prefix, k), m[k])
	}
}

func (c *cleaner) value(path string, v any) any {
	switch x := v.(type) {
	case string:
		return c.text(path, x)
	case map[string]any:
		c.table(path, x)
	case []map[string]any:
		if len(x) > MaxItems {
			at := c.f.idx.key[fmt.Sprintf("%s[%d]", path, MaxItems)]
			if !at.IsValid() {
				at = c.pos(path)
			}
			c.diags.Add(limitDiag(at, "danh sách "+keyDesc(path), len(x), MaxItems, "mục",
				"tách danh sách thành nhiều văn bản"))
			return v
		}
		for i, m := range x {
			c.table(fmt.Sprintf("%s[%d]", path, i), m)
		}
	case []any:
		if len(x) > MaxItems {
			c.diags.Add(limitDiag(c.pos(path), "danh sách "+keyDesc(path), len(x), MaxItems, "mục",
				"tách danh sách thành nhiều văn bản"))
			return v
		}
		for i, e := range x {
			x[i] = c.value(fmt.Sprintf("%s[%d]", path, i), e)
		}
	}
	return v
}

// text cleans one string value.
func (c *cleaner) text(path, s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	for _, r := range s {
		if badRune(r) {
			if c.bad < maxBadChars {
				c.diags.Add(diag.New(c.pos(path), diag.CodeBadChar, keyDesc(path), codePoint(r)))
			}
			c.bad++
			break
		}
	}
	s = norm.NFC.String(s)
	if e, ok := vnenc.Detect(s); ok {
		s = vnenc.Decode(e, s)
		c.diags.Add(diag.New(c.pos(path), diag.CodeLegacyText, keyDesc(path), e.String(), excerpt(s, 6)))
	}
	return s
}

// excerpt returns the first n words of s in quotes, with "…" when s has
// more.
func excerpt(s string, n int) string {
	w := strings.Fields(s)
	more := len(w) > n
	if more {
		w = w[:n]
	}
	out := strings.Join(w, " ")
	if more {
		out += " …"
	}
	return `"` + out + `"`
}
