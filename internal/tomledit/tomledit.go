// Package tomledit changes values in a TOML file in place, as a person
// would with a text editor: comments, key order, spacing, quoting of the
// other values, line endings (LF or CRLF) and a leading UTF-8 byte order
// mark are kept byte for byte; only the value of the key that is set
// changes, or one line is inserted for a key the file does not have yet.
//
// It is the writer behind "vanban assign" (which writes so and ngay back
// into a document) and the clerk's desk (which saves form fields). Every
// result is parsed again with BurntSushi/toml before it is returned, so an
// edit never produces a file that does not parse.
package tomledit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Pair is one key to set: a dotted path ("so", "nguoi_ky.ho_ten") and its
// value. See Set for the value types.
type Pair struct {
	Path  string
	Value any
}

// Set returns src with the value of the key at path replaced by value, or
// with the key inserted after the last key of its table when missing
// (a missing table is appended at the end of the file). path is a dotted
// key of bare keys; a key inside an array of tables ([[x]]) cannot be
// addressed. value is a string (written as a basic string, or a
// multi-line basic string when it holds a line break), a bool, any Go
// integer, or a []string (an array of strings).
//
// src must be valid TOML; the result is checked to be valid TOML too.
func Set(src []byte, path string, value any) ([]byte, error) {
	return SetAll(src, Pair{path, value})
}

// SetAll applies the pairs in order, as Set.
func SetAll(src []byte, pairs ...Pair) ([]byte, error) {
	bom := bytes.HasPrefix(src, []byte(bomUTF8))
	body := bytes.TrimPrefix(src, []byte(bomUTF8))
	if err := check(body); err != nil {
		return nil, fmt.Errorf("tomledit: input: %w", err)
	}
	eol := "\n"
	if i := bytes.IndexByte(body, '\n'); i > 0 && body[i-1] == '\r' {
		eol = "\r\n"
	}
	for _, p := range pairs {
		keys, err := splitPath(p.Path)
		if err != nil {
			return nil, err
		}
		val, err := encode(p.Value, eol)
		if err != nil {
			return nil, fmt.Errorf("tomledit: %s: %w", p.Path, err)
		}
		body, err = set(body, keys, val, eol)
		if err != nil {
			return nil, fmt.Errorf("tomledit: %s: %w", p.Path, err)
		}
	}
	if err := check(body); err != nil {
		return nil, fmt.Errorf("tomledit: result does not parse (a bug): %w", err)
	}
	if bom {
		body = append([]byte(bomUTF8), body...)
	}
	return body, nil
}

// SetFile sets the pairs in the file name and writes it back atomically
// (a temporary file in the same folder, synced, then renamed over it),
// keeping its permissions. Nothing is written when an edit fails.
func SetFile(name string, pairs ...Pair) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, err := SetAll(src, pairs...)
	if err != nil {
		return err
	}
	if bytes.Equal(out, src) {
		return nil
	}
	return WriteFile(name, out)
}

// WriteFile writes b to name atomically, keeping the permissions of an
// existing file (0644 for a new one).
func WriteFile(name string, b []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(b)
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), mode)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), name)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

const bomUTF8 = "\uFEFF"

// ErrArrayTable is returned for a path that runs through an array of
// tables ([[x]]): which element is meant is not said.
var ErrArrayTable = errors.New("key inside an array of tables")

// ErrInline is returned when a missing key would have to go into an inline
// table ({ … }), which TOML does not let one extend on another line.
var ErrInline = errors.New("cannot add a key to an inline table")

func check(b []byte) error {
	var v map[string]any
	_, err := toml.Decode(string(b), &v)
	return err
}

// splitPath splits "a.b.c" into bare keys.
func splitPath(path string) ([]string, error) {
	keys := strings.Split(path, ".")
	for _, k := range keys {
		if k == "" || !isBare(k) {
			return nil, fmt.Errorf("tomledit: path %q: only dotted bare keys (A-Z a-z 0-9 _ -) are supported", path)
		}
	}
	return keys, nil
}

func isBare(k string) bool {
	for i := 0; i < len(k); i++ {
		if !bareByte(k[i]) {
			return false
		}
	}
	return k != ""
}

func bareByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// set replaces or inserts one key in body (no BOM).
func set(body []byte, keys []string, val, eol string) ([]byte, error) {
	doc, err := scan(body)
	if err != nil {
		return nil, err
	}
	want := strings.Join(keys, "\x00")
	for _, kv := range doc.keys {
		if strings.Join(kv.path, "\x00") == want {
			if kv.inArray {
				return nil, ErrArrayTable
			}
			return splice(body, kv.valStart, kv.valEnd, val), nil
		}
	}
	// Missing. A path under an array of tables or an inline table cannot
	// be extended.
	for _, t := range doc.tables {
		if t.array && hasPrefix(keys, t.path) {
			return nil, ErrArrayTable
		}
	}
	for _, kv := range doc.keys {
		if len(kv.path) < len(keys) && hasPrefix(keys, kv.path) {
			if kv.inline || body[kv.valStart] == '{' {
				return nil, ErrInline
			}
			return nil, fmt.Errorf("%q is a value, not a table", strings.Join(kv.path, "."))
		}
	}
	// The deepest table header that is a prefix of the path, written as
	// [a.b]; the rest of the path goes as a dotted key.
	best := -1
	for i, t := range doc.tables {
		if !t.array && len(t.path) < len(keys) && hasPrefix(keys, t.path) && (best < 0 || len(t.path) > len(doc.tables[best].path)) {
			best = i
		}
	}
	if best >= 0 {
		t := doc.tables[best]
		return insertIn(body, doc, best, strings.Join(keys[len(t.path):], "."), val, eol), nil
	}
	// The root table. Dotted keys already written there for the same
	// parent ("nguoi_ky.ho_ten = …") keep the new key with them; a table
	// header then must not be used (it would define the table twice).
	if len(keys) > 1 {
		parent := keys[:len(keys)-1]
		last := -1
		for i, kv := range doc.keys {
			if kv.table == -1 && !kv.inline && len(kv.path) > len(parent) && hasPrefix(kv.path, parent) {
				last = i
			}
		}
		if last >= 0 {
			at := doc.keys[last].lineEnd
			return splice(body, at, at, strings.Join(keys, ".")+" = "+val+eol), nil
		}
		// A new table at the end of the file.
		var b bytes.Buffer
		b.Write(body)
		if len(body) > 0 && !bytes.HasSuffix(body, []byte("\n")) {
			b.WriteString(eol)
		}
		if len(body) > 0 {
			b.WriteString(eol)
		}
		fmt.Fprintf(&b, "[%s]%s%s = %s%s", strings.Join(parent, "."), eol, keys[len(keys)-1], val, eol)
		return b.Bytes(), nil
	}
	return insertIn(body, doc, -1, keys[0], val, eol), nil
}

// insertIn inserts "key = val" after the last key of table ti (-1: the
// root table), or right after its header when it has none; in an empty
// root table, before the first table header and the comments above it.
func insertIn(body []byte, doc *document, ti int, key, val, eol string) []byte {
	line := key + " = " + val + eol
	last := -1
	for i, kv := range doc.keys {
		if kv.table == ti && !kv.inline {
			last = i
		}
	}
	var at int
	switch {
	case last >= 0:
		at = doc.keys[last].lineEnd
	case ti >= 0:
		at = doc.tables[ti].lineEnd
	case len(doc.tables) > 0:
		at = doc.tables[0].start
		// Keep the comment block above the header with the header.
		for at > 0 {
			prev := lineStart(body, at-1)
			t := strings.TrimSpace(string(body[prev:at]))
			if !strings.HasPrefix(t, "#") {
				break
			}
			at = prev
		}
		if at > 0 {
			line += eol
		}
	default:
		at = len(body)
	}
	if at == len(body) && at > 0 && body[at-1] != '\n' {
		line = eol + line
	}
	return splice(body, at, at, line)
}

// lineStart is the offset of the start of the line holding body[i].
func lineStart(body []byte, i int) int {
	for i > 0 && body[i-1] != '\n' {
		i--
	}
	return i
}

func hasPrefix(path, prefix []string) bool {
	if len(prefix) > len(path) {
		return false
	}
	for i := range prefix {
		if path[i] != prefix[i] {
			return false
		}
	}
	return true
}

func splice(b []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(s))
	out = append(out, b[:from]...)
	out = append(out, s...)
	return append(out, b[to:]...)
}

// encode writes v as a TOML value.
func encode(v any, eol string) (string, error) {
	switch x := v.(type) {
	case string:
		return quote(x, eol), nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.FormatInt(int64(x), 10), nil
	case int8:
		return strconv.FormatInt(int64(x), 10), nil
	case int16:
		return strconv.FormatInt(int64(x), 10), nil
	case int32:
		return strconv.FormatInt(int64(x), 10), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case uint:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint8:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint16:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint32:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint64:
		if x > 1<<63-1 {
			return "", fmt.Errorf("integer %d does not fit TOML's 64-bit integers", x)
		}
		return strconv.FormatUint(x, 10), nil
	case []string:
		parts := make([]string, len(x))
		n := 0
		for i, s := range x {
			parts[i] = quote(s, eol)
			n += len(parts[i]) + 2
		}
		if n <= 80 && !strings.Contains(strings.Join(x, ""), "\n") {
			return "[" + strings.Join(parts, ", ") + "]", nil
		}
		var b strings.Builder
		b.WriteString("[" + eol)
		for _, p := range parts {
			b.WriteString("  " + p + "," + eol)
		}
		b.WriteString("]")
		return b.String(), nil
	}
	return "", fmt.Errorf("unsupported value type %T", v)
}

// quote writes s as a basic string, or as a multi-line basic string when
// it holds a line feed. Line feeds are written as the file's line end, as
// in the file's other multi-line strings: in a CRLF file a TOML reader
// reads them back as CRLF, which vanban's loader (and Windows editors)
// treat as a line feed.
func quote(s string, eol string) string {
	multi := strings.Contains(s, "\n")
	var b strings.Builder
	if multi {
		b.WriteString(`"""` + eol)
	} else {
		b.WriteByte('"')
	}
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' && multi:
			b.WriteString(eol)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
