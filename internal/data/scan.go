package data

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"vanban/internal/diag"
)

// keyIndex maps key paths ("nguoi_ky.ho_ten", "nominees[1].name") to the
// position of the key and of its value in a TOML file. BurntSushi/toml keeps
// positions private, so the file is scanned here: table headers, key/value
// lines, strings (basic, literal and multi-line) and arrays spanning lines.
type keyIndex struct {
	key, val map[string]diag.Pos
}

// scanner walks a TOML text rune by rune, knowing whether each rune lies
// inside a string value. visit is called for runes inside strings.
//
// For escapes of basic strings (\uXXXX, \b, …) visit gets the rune the
// escape stands for, at the position of its backslash. cur is the path of
// the key whose value is being scanned, for messages. The scanner also
// measures how deeply arrays and inline tables nest and stops at the first
// bracket past maxDepth, recording it in deep: BurntSushi/toml needs time
// more than quadratic in the depth of inline tables.
type scanner struct {
	file     string
	idx      keyIndex
	visit    func(r rune, p diag.Pos)
	cur      string
	maxDepth int      // 0: no bound
	deep     diag.Pos // first bracket past maxDepth; invalid when none
}

func (s *scanner) scan(text string) {
	s.idx = keyIndex{key: map[string]diag.Pos{}, val: map[string]diag.Pos{}}
	prefix := ""
	arrays := map[string]int{}
	inML := ""  // open multi-line string delimiter
	depth := 0  // open '[' of a value array
	braces := 0 // open '{' of an inline table
	lines := strings.Split(text, "\n")
	for ln, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		runes := []rune(line)
		pos := func(i int) diag.Pos { return diag.Pos{File: s.file, Line: ln + 1, Col: i + 1} }
		i := 0
		if inML == "" && depth == 0 {
			braces = 0
			for i < len(runes) && (runes[i] == ' ' || runes[i] == '\t') {
				i++
			}
			if i >= len(runes) || runes[i] == '#' {
				continue
			}
			if runes[i] == '[' {
				name, isArray := header(string(runes[i:]))
				if isArray {
					n := arrays[name]
					arrays[name] = n + 1
					prefix = name + "[" + strconv.Itoa(n) + "]"
				} else {
					prefix = name
				}
				s.idx.key[prefix] = pos(i)
				s.cur = prefix
				continue
			}
			// key = value
			eq := indexEq(runes[i:])
			if eq < 0 {
				continue
			}
			key := cleanKey(string(runes[i : i+eq]))
			if prefix != "" {
				key = prefix + "." + key
			}
			s.idx.key[key] = pos(i)
			s.cur = key
			j := i + eq + 1
			for j < len(runes) && (runes[j] == ' ' || runes[j] == '\t') {
				j++
			}
			s.idx.val[key] = pos(j)
			i = j
		}
		// Value text: track strings and brackets.
		for i < len(runes) {
			r := runes[i]
			switch {
			case inML != "":
				if hasPrefix(runes[i:], inML) {
					i += 3
					inML = ""
					continue
				}
				if inML == `"""` && r == '\\' && i+1 < len(runes) {
					i = s.escape(runes, i, pos)
					continue
				}
				s.visitRune(r, pos(i))
				i++
			case r == '#':
				i = len(runes)
			case r == '"' || r == '\'':
				delim := string([]rune{r, r, r})
				if hasPrefix(runes[i:], delim) {
					inML = delim
					i += 3
					continue
				}
				i++
				for i < len(runes) && runes[i] != r {
					if r == '"' && runes[i] == '\\' && i+1 < len(runes) {
						i = s.escape(runes, i, pos)
						continue
					}
					s.visitRune(runes[i], pos(i))
					i++
				}
				i++
			case r == '[' || r == '{':
				if r == '[' {
					depth++
				} else {
					braces++
				}
				if s.maxDepth > 0 && depth+braces > s.maxDepth {
					s.deep = pos(i)
					return
				}
				i++
			case r == ']':
				if depth > 0 {
					depth--
				}
				i++
			case r == '}':
				if braces > 0 {
					braces--
				}
				i++
			default:
				i++
			}
		}
	}
}

// escape visits the escape sequence of a basic string starting at the
// backslash rs[i] as the one rune it stands for, and returns the index after
// it. A malformed escape is visited as written; the TOML parser reports it.
func (s *scanner) escape(rs []rune, i int, pos func(int) diag.Pos) int {
	at := pos(i)
	c := rs[i+1]
	digits := 0
	switch c {
	case 'b':
		s.visitRune('\b', at)
		return i + 2
	case 'f':
		s.visitRune('\f', at)
		return i + 2
	case 'e':
		s.visitRune(0x1B, at)
		return i + 2
	case 't', 'n', 'r', '"', '\\':
		s.visitRune(c, at) // allowed or normalised; c itself is harmless
		return i + 2
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	}
	if digits > 0 && i+2+digits <= len(rs) {
		if n, err := strconv.ParseUint(string(rs[i+2:i+2+digits]), 16, 32); err == nil {
			s.visitRune(rune(n), at)
			return i + 2 + digits
		}
	}
	s.visitRune(rs[i], at)
	s.visitRune(c, pos(i+1))
	return i + 2
}

func (s *scanner) visitRune(r rune, p diag.Pos) {
	if s.visit != nil {
		s.visit(r, p)
	}
}

// header returns the table name of a "[a.b]" or "[[a]]" line.
func header(line string) (name string, array bool) {
	array = strings.HasPrefix(line, "[[")
	line = strings.TrimLeft(line, "[")
	if i := strings.Index(line, "]"); i >= 0 {
		line = line[:i]
	}
	return cleanKey(line), array
}

// cleanKey normalises a possibly dotted, quoted, spaced key to "a.b".
func cleanKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// indexEq returns the index of the first '=' outside quotes, or -1.
func indexEq(rs []rune) int {
	var q rune
	for i, r := range rs {
		switch {
		case q != 0:
			if r == q {
				q = 0
			}
		case r == '"' || r == '\'':
			q = r
		case r == '=':
			return i
		case r == '#':
			return -1
		}
	}
	return -1
}

// checkEncoding reports the first invalid UTF-8 byte of text.
func checkEncoding(file string, text []byte) (diag.Diagnostic, bool) {
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n <= 1 {
			return diag.New(diag.Pos{File: file, Line: line, Col: col}, diag.CodeBadUTF8,
				"0x"+strconv.FormatUint(uint64(text[i]), 16)), true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return diag.Diagnostic{}, false
}

// hasPrefix reports whether rs starts with the ASCII string p.
func hasPrefix(rs []rune, p string) bool {
	if len(rs) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if rs[i] != rune(p[i]) {
			return false
		}
	}
	return true
}

// Positions returns where each key and its value stand in a TOML text, by
// key path: "ten_loai", "truong[1].kieu" (arrays of tables are counted per
// header name, so the second [[truong.cot]] of the text is "truong.cot[1]").
// firstLine is the line of the file the text starts at. It lets a caller
// that decodes TOML of its own, such as a template's front matter, point its
// diagnostics at file:line:col.
func Positions(file, text string, firstLine int) (keys, vals map[string]diag.Pos) {
	s := scanner{file: file}
	s.scan(strings.Repeat("\n", max(firstLine-1, 0)) + text)
	return s.idx.key, s.idx.val
}
