package tmpl

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"vanban/internal/data"
	"vanban/internal/diag"
)

// Names of the functions instrument inserts into a template's tree. They
// start with "_" so that no template of ours calls them by mistake.
const (
	fnRange = "_range" // charges the iterations of a range
	fnEnter = "_enter" // a template call begins
	fnLeave = "_leave" // a template call ends
)

// The errors that stop an execution past a bound.
var (
	errOutput = fmt.Errorf("văn bản sinh ra dài quá %d MiB", MaxOutput>>20)
	errSteps  = fmt.Errorf("các vòng {{range}} và lời gọi {{template}} cần quá %d bước", MaxSteps)
	errDepth  = fmt.Errorf("các {{template}} lồng nhau quá %d tầng (gọi đệ quy?)", MaxCallDepth)
)

// instrument bounds the execution of t without a call per iteration (a
// function call costs text/template some microseconds):
//
//   - every range pipeline ends with "_range W", which charges the steps
//     of the whole range before it starts: its length times W, the number
//     of nodes of its body (a nested range charges its own body when it
//     runs), so {{range 9000000000000}} stops at once;
//   - every template is wrapped in "_enter W" … "_leave", which charges
//     its nodes and bounds the depth of recursion.
//
// It runs after escapeActions, so the inserted actions are not escaped;
// they print nothing.
func instrument(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		root := tt.Tree.Root
		w := weight(root)
		instrumentList(root)
		nodes := append([]parse.Node{call(root.Pos, fnEnter, w)}, root.Nodes...)
		root.Nodes = append(nodes, call(root.Pos, fnLeave))
	}
}

func instrumentList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.IfNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.WithNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.RangeNode:
			n.Pipe.Cmds = append(n.Pipe.Cmds, command(n.Pos, fnRange, weight(n.List)))
			instrumentList(n.List)
			instrumentList(n.ElseList)
		}
	}
}

// weight counts the nodes of l that one execution of it may run, at least
// one; a nested range counts one (it charges its own body).
func weight(l *parse.ListNode) int {
	n := 1
	if l == nil {
		return n
	}
	for _, c := range l.Nodes {
		n++
		switch c := c.(type) {
		case *parse.IfNode:
			n += weight(c.List) + weight(c.ElseList)
		case *parse.WithNode:
			n += weight(c.List) + weight(c.ElseList)
		case *parse.RangeNode:
			n += weight(c.ElseList)
		}
	}
	return n
}

// command is the command "name args…".
func command(pos parse.Pos, name string, args ...int) *parse.CommandNode {
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos}
	cmd.Args = []parse.Node{parse.NewIdentifier(name).SetTree(nil).SetPos(pos)}
	for _, a := range args {
		cmd.Args = append(cmd.Args, &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos,
			IsInt: true, Int64: int64(a), Text: strconv.Itoa(a)})
	}
	return cmd
}

// call is the action {{name args…}}.
func call(pos parse.Pos, name string, args ...int) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{command(pos, name, args...)}}}
}

// output is the writer a template executes into: it stops past MaxOutput
// and records where each Markdown value of the data was written, so that
// diagnostics about the body point into the TOML file.
type output struct {
	buf     bytes.Buffer
	limit   int
	pending *span // the Markdown value esc just returned
	spans   []span
}

// span is a data.Markdown value written at [start, end) of the output.
type span struct {
	start, end int
	at         diag.Pos // position of the value in its TOML file
	multiline  bool     // the value has line breaks (written as """…""")
}

func (w *output) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.limit {
		return 0, errOutput
	}
	if w.pending != nil && len(p) > 0 {
		if s := w.pending; s.end == len(p) {
			s.start, s.end = w.buf.Len(), w.buf.Len()+len(p)
			w.spans = append(w.spans, *s)
		}
		w.pending = nil
	}
	w.buf.Write(p)
	return len(p), nil
}

// execState is the state of one execution: its steps and call depth.
type execState struct {
	steps, depth int
}

// charge adds n steps of weight w each.
func (st *execState) charge(n int64, w int) error {
	if n < 0 {
		n = 0
	}
	if n > MaxSteps || st.steps+int(n)*w > MaxSteps {
		st.steps = MaxSteps + 1
		return errSteps
	}
	st.steps += int(n) * w
	return nil
}

// rangeCharge passes the value of a range pipeline through, charging its
// length times w.
func (st *execState) rangeCharge(w int, v reflect.Value) (reflect.Value, error) {
	u := v
	for u.IsValid() && (u.Kind() == reflect.Interface || u.Kind() == reflect.Pointer) && !u.IsNil() {
		u = u.Elem()
	}
	var n int64
	switch {
	case !u.IsValid():
	case u.CanInt():
		n = u.Int()
	case u.CanUint():
		n = int64(min(u.Uint(), MaxSteps+1))
	case u.Kind() == reflect.Slice || u.Kind() == reflect.Array || u.Kind() == reflect.Map || u.Kind() == reflect.String:
		n = int64(u.Len())
	}
	return v, st.charge(n, w)
}

// execute runs the template body on the input's values, within the bounds
// above; limit is the output bound (MaxOutput). The output keeps the front
// matter's lines as blank lines, so its line numbers are those of the
// template file.
func (t *Template) execute(in *data.Input, limit int) (*output, error) {
	body, err := t.body.Clone()
	if err != nil {
		return nil, err
	}
	w := &output{limit: limit}
	st := &execState{}
	where := markdownPositions(in)
	body.Funcs(template.FuncMap{
		"esc": func(v any) string {
			s := esc(v)
			if m, ok := v.(data.Markdown); ok && s != "" {
				w.pending = &span{end: len(s), at: where[string(m)], multiline: strings.Contains(string(m), "\n")}
			}
			return s
		},
		fnEnter: func(weight int) (string, error) {
			st.depth++
			if st.depth > MaxCallDepth {
				return "", errDepth
			}
			return "", st.charge(1, weight)
		},
		fnLeave: func() string { st.depth--; return "" },
		fnRange: st.rangeCharge,
	})
	if err := body.Execute(w, view(in.Values)); err != nil {
		return nil, err
	}
	return w, nil
}

// view returns the values as a template reads them: by key, each list of
// [[…]] rows as a list of maps (row.Values), so that {{ $x.ho_ten }} works
// and the rows' positions stay out of the template's reach. The rows' maps
// are shared, not copied.
func view(values map[string]any) map[string]any {
	out := make(map[string]any, len(values))
	for k, v := range values {
		switch x := v.(type) {
		case map[string]any:
			out[k] = view(x)
		case []data.Row:
			rows := make([]map[string]any, len(x))
			for i, r := range x {
				rows[i] = view(r.Values)
			}
			out[k] = rows
		default:
			out[k] = v
		}
	}
	return out
}

// isLimit reports whether err is an execution stopped by a bound.
func isLimit(err error) bool {
	return errors.Is(err, errOutput) || errors.Is(err, errSteps) || errors.Is(err, errDepth)
}

// limitText is the Vietnamese reason of a bound error.
func limitText(err error) string {
	for _, e := range []error{errOutput, errSteps, errDepth} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	var ee template.ExecError
	if errors.As(err, &ee) {
		return ee.Error()
	}
	return err.Error()
}

// markdownPositions maps the text of each Markdown value of in to the
// position of the value in its TOML file; the first value in key order wins
// when two hold the same text.
func markdownPositions(in *data.Input) map[string]diag.Pos {
	out := map[string]diag.Pos{}
	var visit func(prefix string, m map[string]any, at map[string]diag.Pos)
	visit = func(prefix string, m map[string]any, at map[string]diag.Pos) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			path := k
			if prefix != "" {
				path = prefix + "." + k
			}
			switch v := m[k].(type) {
			case data.Markdown:
				p, ok := at[k]
				if !ok {
					p = in.Pos[path]
				}
				if _, seen := out[string(v)]; !seen && p.File != "" {
					out[string(v)] = p
				}
			case map[string]any:
				visit(path, v, nil)
			case []data.Row:
				for i, row := range v {
					rowAt := row.Cells
					if rowAt == nil {
						rowAt = map[string]diag.Pos{}
					}
					visit(path+"["+strconv.Itoa(i)+"]", row.Values, rowAt)
				}
			}
		}
	}
	visit("", in.Values, nil)
	return out
}
