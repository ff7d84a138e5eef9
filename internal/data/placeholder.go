package data

import (
	"fmt"
	"sort"
	"unicode"

	"vanban/internal/diag"
)

// Placeholder is a "…" of a starter file ("vanban new") left in a value of
// a document: text the clerk still has to write.
type Placeholder struct {
	Key string   // key path: "trich_yeu", "noi_nhan[1]", "tap_the[0].ten"
	At  diag.Pos // where the value is written
}

// HasPlaceholder reports whether s holds a "…" standing for text to fill
// in: one that is not attached to a preceding letter or digit, as in "…",
// "Số …/KH-…", "ngày … của …". An ellipsis closing a word ("văn nghệ, thể
// thao…") is running text and does not count.
func HasPlaceholder(s string) bool {
	prev := ' '
	for _, r := range s {
		if r == '…' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return true
		}
		prev = r
	}
	return false
}

// Placeholders returns the values written in the document's own file (not
// the profile's, nor those a cited document lends it) that still hold a
// placeholder, sorted by position.
func Placeholders(in *Input) []Placeholder {
	var out []Placeholder
	own := func(p diag.Pos) bool { return p.IsValid() && p.File == in.File }
	add := func(key string, at diag.Pos, s string) bool {
		if own(at) && HasPlaceholder(s) {
			out = append(out, Placeholder{key, at})
			return true
		}
		return false
	}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			path := join(prefix, k)
			at := in.Pos[path]
			switch x := v.(type) {
			case string:
				add(path, at, x)
			case Markdown:
				add(path, at, string(x))
			case []string:
				// The items share the list's position: one warning, for
				// the first item with a placeholder.
				for i, s := range x {
					if add(fmt.Sprintf("%s[%d]", path, i), at, s) {
						break
					}
				}
			case DocRef:
				if x.Ref == "" { // typed in full; else filled from the cited file
					for _, f := range []struct{ k, s string }{{"loai", x.Type}, {"so", x.Number}, {"co_quan", x.Issuer}, {"trich_yeu", x.Summary}} {
						if add(path+"."+f.k, x.At, f.s) {
							break
						}
					}
				}
			case []Row:
				for i, r := range x {
					for col, cv := range r.Values {
						if s, ok := cv.(string); ok {
							add(fmt.Sprintf("%s[%d].%s", path, i, col), r.Cell(col), s)
						}
					}
				}
			case map[string]any:
				walk(path, x)
			}
		}
	}
	walk("", in.Values)
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.At.Line != b.At.Line {
			return a.At.Line < b.At.Line
		}
		if a.At.Col != b.At.Col {
			return a.At.Col < b.At.Col
		}
		return a.Key < b.Key
	})
	return out
}
