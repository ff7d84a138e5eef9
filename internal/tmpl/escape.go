package tmpl

import (
	"fmt"
	"strings"
	"text/template"
	"text/template/parse"

	"vanban/internal/data"
)

// escapeActions appends the esc function to the pipeline of every action of
// t, as html/template does, so no value from the data can become markup.
// Only data.Markdown values (the body a clerk writes on purpose) pass as
// markup.
func escapeActions(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			walk(tt.Tree.Root)
		}
	}
}

func walk(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			return // {{ $x := … }} prints nothing
		}
		cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos}
		cmd.Args = []parse.Node{parse.NewIdentifier("esc").SetTree(nil).SetPos(n.Pos)}
		n.Pipe.Cmds = append(n.Pipe.Cmds, cmd)
	case *parse.IfNode:
		walk(n.List)
		walk(n.ElseList)
	case *parse.RangeNode:
		walk(n.List)
		walk(n.ElseList)
	case *parse.WithNode:
		walk(n.List)
		walk(n.ElseList)
	}
}

// esc renders a value for the markup: Markdown as is, everything else as
// literal text with every ASCII punctuation character backslash-escaped
// (CommonMark 2.4) and line breaks folded to spaces.
func esc(v any) string {
	switch x := v.(type) {
	case data.Markdown:
		return string(x)
	case []string:
		return escapeText(strings.Join(x, ", "))
	case nil:
		return ""
	}
	return escapeText(fmt.Sprint(v))
}

func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
