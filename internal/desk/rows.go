package desk

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"vanban/internal/tomledit"
)

// Rows is the new content of a table of rows ([[key]] tables: the nominee
// list), as the form sends it: the column keys and one value per column
// per row; an empty value leaves the key out of its row.
type Rows struct {
	Cols []string `json:"cot"`
	Rows [][]any  `json:"hang"`
}

func rowsValue(v any) (Rows, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return Rows{}, fmt.Errorf("rows: %T", v)
	}
	var r Rows
	cols, _ := m["cot"].([]any)
	for _, c := range cols {
		s, ok := c.(string)
		if !ok || !isKey(s) {
			return Rows{}, fmt.Errorf("rows: column %v", c)
		}
		r.Cols = append(r.Cols, s)
	}
	rows, _ := m["hang"].([]any)
	for _, row := range rows {
		cells, _ := row.([]any)
		r.Rows = append(r.Rows, cells)
	}
	return r, nil
}

func isKey(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// setRows replaces every [[key]] table of src with rows, written where the
// first of them was (at the end of the file when there was none). The rest
// of the file is kept byte for byte; comments inside the replaced tables
// go with them.
func setRows(src []byte, key string, rows Rows) ([]byte, error) {
	if !isKey(key) {
		return nil, fmt.Errorf("rows: key %q", key)
	}
	eol := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		eol = "\r\n"
	}
	var block strings.Builder
	for _, row := range rows.Rows {
		block.WriteString("[[" + key + "]]" + eol)
		for i, c := range rows.Cols {
			if i >= len(row) || row[i] == nil || row[i] == "" {
				continue
			}
			v, err := tomlValue(row[i])
			if err != nil {
				return nil, err
			}
			line, err := tomledit.Set(nil, c, v)
			if err != nil {
				return nil, err
			}
			block.WriteString(strings.TrimRight(string(line), "\r\n") + eol)
		}
		block.WriteString(eol)
	}
	lines := strings.SplitAfter(string(src), "\n")
	var out strings.Builder
	at, in := -1, false
	header := "[[" + key + "]]"
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			in = strings.ReplaceAll(t, " ", "") == header || strings.HasPrefix(strings.ReplaceAll(t, " ", ""), header+"#")
			if in && at < 0 {
				at = out.Len()
			}
		}
		if !in {
			out.WriteString(l)
		}
	}
	s := out.String()
	if at < 0 {
		at = len(s)
		if at > 0 && !strings.HasSuffix(s, "\n") {
			s += eol
			at = len(s)
		}
		if at > 0 && !strings.HasSuffix(s, eol+eol) {
			s += eol
			at = len(s)
		}
	}
	res := s[:at] + block.String() + s[at:]
	if _, err := toml.Decode(res, new(map[string]any)); err != nil {
		return nil, fmt.Errorf("rows: result does not parse: %w", err)
	}
	return []byte(res), nil
}
