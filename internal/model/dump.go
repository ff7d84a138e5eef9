package model

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a stable, indented text form of doc, the golden format of the
// template stage. It holds no source positions: it is also what a
// document's build hash is made of, and moving text down a line of the
// data file changes no output.
func Dump(w io.Writer, doc *Document) error { return dump(w, doc, false) }

// DumpPositions is Dump with the source position of every block ("@file:
// line:col"), for the stage goldens: a change shows where it came from.
func DumpPositions(w io.Writer, doc *Document) error { return dump(w, doc, true) }

func dump(w io.Writer, doc *Document, withPos bool) error {
	var b strings.Builder
	d := dumper{b: &b, pos: withPos}
	fmt.Fprintf(&b, "Document kind=%s\n", doc.Kind)
	if len(doc.Header.Parent) > 0 {
		fmt.Fprintf(&b, "  Parent %s\n", quoteAll(doc.Header.Parent))
	}
	fmt.Fprintf(&b, "  Issuer %s\n", quoteAll(doc.Header.Issuer))
	fmt.Fprintf(&b, "  Number value=%d symbol=%q\n", doc.Number.Value, doc.Number.Symbol)
	fmt.Fprintf(&b, "  PlaceDate place=%q date=%s\n", doc.Place, doc.Date.ISO())
	fmt.Fprintf(&b, "  Title type=%q summary=%q", doc.Title.Type, doc.Title.Summary)
	if doc.Title.Letter {
		b.WriteString(" letter")
	}
	b.WriteString("\n")
	if doc.Authority != "" {
		fmt.Fprintf(&b, "  Authority %q\n", doc.Authority)
	}
	if len(doc.Addressees) > 0 {
		fmt.Fprintf(&b, "  Addressees %s\n", quoteAll(doc.Addressees))
	}
	for _, blk := range doc.Body {
		d.block(blk, "  ")
	}
	fmt.Fprintf(&b, "  Signature %s name=%q\n", quoteAll(doc.Signature.Lines), doc.Signature.Name)
	fmt.Fprintf(&b, "  Recipients %s archive=%q\n", quoteAll(doc.Recipients.Items), doc.Recipients.Archive)
	for _, a := range doc.Appendices {
		fmt.Fprintf(&b, "  Appendix title=%q landscape=%v issuer=%q\n", a.Title, a.Landscape, doc.IssuerName)
		for _, blk := range a.Body {
			d.block(blk, "    ")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type dumper struct {
	b   *strings.Builder
	pos bool // print each block's position
}

// at ends a block's line: its position when asked for.
func (d dumper) at(n Node) {
	if p := n.Pos(); d.pos && p.IsValid() {
		fmt.Fprintf(d.b, " @%s", p)
	}
	d.b.WriteString("\n")
}

func (d dumper) block(blk Block, in string) {
	b := d.b
	switch n := blk.(type) {
	case *Para:
		fmt.Fprintf(b, "%sPara role=%s", in, n.Role)
		if n.Marker != "" {
			fmt.Fprintf(b, " marker=%q depth=%d", n.Marker, n.Depth)
		}
		if n.Center {
			b.WriteString(" center")
		}
		d.at(n)
		dumpRuns(b, in+"  ", n.Runs)
	case *Heading:
		fmt.Fprintf(b, "%sHeading level=%d", in, n.Level)
		d.at(n)
		dumpRuns(b, in+"  ", n.Runs)
	case *Table:
		fmt.Fprintf(b, "%sTable header=%d align=%v", in, n.HeaderRows, n.Align)
		d.at(n)
		for i, row := range n.Rows {
			fmt.Fprintf(b, "%s  Row %d\n", in, i)
			for _, c := range row {
				if c.Span > 1 {
					fmt.Fprintf(b, "%s    Cell span=%d\n", in, c.Span)
				} else {
					fmt.Fprintf(b, "%s    Cell\n", in)
				}
				dumpRuns(b, in+"      ", c.Runs)
			}
		}
	}
}

func dumpRuns(b *strings.Builder, indent string, runs []Run) {
	for _, r := range runs {
		style := ""
		if r.Style&Bold != 0 {
			style += "B"
		}
		if r.Style&Italic != 0 {
			style += "I"
		}
		if style != "" {
			style = " " + style
		}
		fmt.Fprintf(b, "%sRun%s %q\n", indent, style, r.Text)
	}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, " ") + "]"
}
