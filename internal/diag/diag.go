// Package diag holds the problems a user can fix in their data or templates:
// positions, severities, codes and the Vietnamese messages, collected in a
// List and printed at the edge of the program.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col start at 1; Col counts
// characters (runes), as editors do. A zero Line means "the whole file".
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// Severity tells whether a diagnostic stops the output.
type Severity int

const (
	Error   Severity = iota // the document is not written
	Warning                 // the document is written; the user should look
)

// Diagnostic is one problem the user can fix.
type Diagnostic struct {
	Pos      Pos
	Len      int // characters to underline from Pos.Col; 0 means 1
	Severity Severity
	Code     Code
	Msg      string   // Vietnamese, NFC
	Hints    []string // Vietnamese, NFC; may be empty
}

func (d Diagnostic) Error() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity.word(), d.Msg, d.Code)
}

func (s Severity) word() string {
	if s == Warning {
		return "cảnh báo"
	}
	return "lỗi"
}

// New returns an error diagnostic whose message and hint come from the
// catalogue entry of code, formatted with args.
func New(pos Pos, code Code, args ...any) Diagnostic {
	m, ok := catalogue[code]
	if !ok {
		panic("diag: no message for code " + string(code))
	}
	d := Diagnostic{Pos: pos, Code: code, Severity: m.sev, Msg: sprintf(m.msg, args)}
	if m.hint != "" {
		d.Hints = []string{sprintf(m.hint, args)}
	}
	return d
}

// WithHint returns d with one more hint line.
func (d Diagnostic) WithHint(h string) Diagnostic {
	d.Hints = append(append([]string(nil), d.Hints...), h)
	return d
}

// WithLen returns d underlining n characters.
func (d Diagnostic) WithLen(n int) Diagnostic {
	d.Len = n
	return d
}

func sprintf(format string, args []any) string {
	s := fmt.Sprintf(format, args...)
	// Catalogue entries use explicit argument indexes and need not consume
	// every argument; drop fmt's complaint about the unused ones.
	if i := strings.Index(s, "%!(EXTRA"); i >= 0 {
		s = s[:i]
	}
	return s
}

// List is a list of diagnostics, modelled on go/scanner.ErrorList.
type List []Diagnostic

// Add appends d.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Append appends all of m.
func (l *List) Append(m List) { *l = append(*l, m...) }

// Sort orders l by file, line, column and code, and drops exact repeats.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Code < b.Code
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d.Error() == s[i-1].Error() {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// HasErrors reports whether l holds a diagnostic of severity Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns l as an error if it holds any error diagnostic, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}
