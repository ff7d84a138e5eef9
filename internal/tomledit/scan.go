package tomledit

import (
	"errors"
	"fmt"
	"strings"
)

// document is what scan finds in a TOML text: its table headers and the
// byte span of every key's value.
type document struct {
	tables []table
	keys   []keyValue
}

type table struct {
	path    []string
	array   bool // [[path]]
	start   int  // offset of '['
	lineEnd int  // offset after the header's line end
}

type keyValue struct {
	path             []string // full path: table path + dotted key
	table            int      // index in tables; -1 for the root table
	valStart, valEnd int      // the value's bytes
	lineEnd          int      // offset after the line end following the value
	inline           bool     // inside an inline table
	inArray          bool     // under [[…]] or inside an array
}

// scanner walks a TOML text that BurntSushi/toml has already accepted, so
// it only needs to find boundaries, not to report every error.
type scanner struct {
	b   []byte
	i   int
	doc *document
}

var errSyntax = errors.New("unexpected TOML syntax")

func scan(b []byte) (*document, error) {
	s := &scanner{b: b, doc: &document{}}
	cur, curArray := -1, false
	var prefix []string
	for {
		s.skipBlank()
		if s.i >= len(s.b) {
			return s.doc, nil
		}
		if s.b[s.i] == '[' {
			start := s.i
			arr := s.i+1 < len(s.b) && s.b[s.i+1] == '['
			if arr {
				s.i += 2
			} else {
				s.i++
			}
			s.skipSpace()
			path, err := s.key()
			if err != nil {
				return nil, err
			}
			s.skipSpace()
			if !s.eat(']') || arr && !s.eat(']') {
				return nil, s.errf("expected ] after a table name")
			}
			s.restOfLine()
			s.doc.tables = append(s.doc.tables, table{path: path, array: arr, start: start, lineEnd: s.i})
			cur, prefix = len(s.doc.tables)-1, path
			// A table under an array of tables belongs to its last element.
			curArray = arr
			for _, t := range s.doc.tables[:cur] {
				if t.array && hasPrefix(path, t.path) {
					curArray = true
				}
			}
			continue
		}
		idx := len(s.doc.keys)
		if err := s.keyValue(prefix, cur, false, curArray); err != nil {
			return nil, err
		}
		s.restOfLine()
		s.doc.keys[idx].lineEnd = s.i
	}
}

// keyValue reads "key = value" and records it (and, for an inline table,
// every key inside it).
func (s *scanner) keyValue(prefix []string, tbl int, inline, inArray bool) error {
	k, err := s.key()
	if err != nil {
		return err
	}
	s.skipSpace()
	if !s.eat('=') {
		return s.errf("expected = after a key")
	}
	s.skipSpace()
	path := append(append([]string{}, prefix...), k...)
	kv := keyValue{path: path, table: tbl, valStart: s.i, inline: inline, inArray: inArray}
	idx := len(s.doc.keys)
	s.doc.keys = append(s.doc.keys, kv)
	if err := s.value(path, tbl, inArray); err != nil {
		return err
	}
	s.doc.keys[idx].valEnd = s.i
	s.doc.keys[idx].lineEnd = s.i
	return nil
}

// key reads a dotted key of bare and quoted parts.
func (s *scanner) key() ([]string, error) {
	var parts []string
	for {
		s.skipSpace()
		if s.i >= len(s.b) {
			return nil, s.errf("expected a key")
		}
		switch c := s.b[s.i]; {
		case c == '"' || c == '\'':
			start := s.i
			if err := s.str(); err != nil {
				return nil, err
			}
			raw := string(s.b[start+1 : s.i-1])
			if c == '"' {
				raw = unescapeKey(raw)
			}
			parts = append(parts, raw)
		case bareByte(c):
			start := s.i
			for s.i < len(s.b) && bareByte(s.b[s.i]) {
				s.i++
			}
			parts = append(parts, string(s.b[start:s.i]))
		default:
			return nil, s.errf("expected a key")
		}
		s.skipSpace()
		if !s.eat('.') {
			return parts, nil
		}
	}
}

// unescapeKey undoes the simple escapes of a quoted key; keys with other
// escapes never match a bare path anyway.
func unescapeKey(s string) string {
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(s)
}

// value skips one value; keys inside inline tables are recorded under path.
func (s *scanner) value(path []string, tbl int, inArray bool) error {
	if s.i >= len(s.b) {
		return s.errf("expected a value")
	}
	switch s.b[s.i] {
	case '"', '\'':
		return s.str()
	case '[':
		s.i++
		for {
			s.skipBlank()
			if s.eat(']') {
				return nil
			}
			if err := s.value(path, tbl, true); err != nil {
				return err
			}
			s.skipBlank()
			s.eat(',')
		}
	case '{':
		s.i++
		for {
			s.skipBlank()
			if s.eat('}') {
				return nil
			}
			if err := s.keyValue(path, tbl, true, inArray); err != nil {
				return err
			}
			s.skipBlank()
			s.eat(',')
		}
	}
	// A bare scalar: number, bool, date or date-time (which may hold one
	// space between date and time).
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c == ' ' && s.i-start == 10 && s.i+1 < len(s.b) && s.b[s.i+1] >= '0' && s.b[s.i+1] <= '9' {
			s.i++
			continue
		}
		if c == ',' || c == ']' || c == '}' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		s.i++
	}
	if s.i == start {
		return s.errf("expected a value")
	}
	return nil
}

// str skips a basic, literal or multi-line string starting at s.i.
func (s *scanner) str() error {
	q := s.b[s.i]
	delim := string([]byte{q, q, q})
	if strings.HasPrefix(string(s.b[s.i:min(s.i+3, len(s.b))]), delim) {
		s.i += 3
		for s.i < len(s.b) {
			if q == '"' && s.b[s.i] == '\\' {
				s.i += 2
				continue
			}
			if strings.HasPrefix(string(s.b[s.i:min(s.i+3, len(s.b))]), delim) {
				s.i += 3
				// Up to two more quotes belong to the content.
				for n := 0; n < 2 && s.i < len(s.b) && s.b[s.i] == q; n++ {
					s.i++
				}
				return nil
			}
			s.i++
		}
		return s.errf("unterminated multi-line string")
	}
	s.i++
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case q == '"' && c == '\\':
			s.i += 2
		case c == q:
			s.i++
			return nil
		case c == '\n':
			return s.errf("line end in a string")
		default:
			s.i++
		}
	}
	return s.errf("unterminated string")
}

// skipSpace skips spaces and tabs.
func (s *scanner) skipSpace() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips spaces, line ends and comments.
func (s *scanner) skipBlank() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			for s.i < len(s.b) && s.b[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// restOfLine skips trailing space and a comment, then the line end.
func (s *scanner) restOfLine() {
	for s.i < len(s.b) && s.b[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.b) {
		s.i++
	}
}

func (s *scanner) eat(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *scanner) errf(format string, args ...any) error {
	line := 1 + strings.Count(string(s.b[:min(s.i, len(s.b))]), "\n")
	return fmt.Errorf("line %d: %w: %s", line, errSyntax, fmt.Sprintf(format, args...))
}
