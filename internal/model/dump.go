package model

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Dump writes a stable, indented text form of doc, the golden format of the
// template stage. It holds no source positions: it is also what a
// document's build hash is made of, and moving text down a line of the
// data file changes no output.
func Dump(w io.Writer, doc *Document) error { return dump(w, doc, dumper{q: strconv.Quote}) }

// DumpPositions is Dump with the source position of every block ("@file:
// line:col"), for the stage goldens: a change shows where it came from.
func DumpPositions(w io.Writer, doc *Document) error {
	return dump(w, doc, dumper{q: strconv.Quote, pos: true})
}

// Fingerprint writes what Dump writes, but with each text as its length
// and its bytes instead of quoted: as unambiguous, and several times
// cheaper, for the build hash of every document.
func Fingerprint(w io.Writer, doc *Document) error {
	return dump(w, doc, dumper{q: func(s string) string { return strconv.Itoa(len(s)) + ":" + s }})
}

func dump(w io.Writer, doc *Document, d dumper) error {
	var b strings.Builder
	d.b = &b
	fmt.Fprintf(&b, "Document kind=%s\n", doc.Kind)
	if len(doc.Header.Parent) > 0 {
		fmt.Fprintf(&b, "  Parent %s\n", d.all(doc.Header.Parent))
	}
	fmt.Fprintf(&b, "  Issuer %s\n", d.all(doc.Header.Issuer))
	fmt.Fprintf(&b, "  Number value=%d symbol=%s", doc.Number.Value, d.q(doc.Number.Symbol))
	if doc.Unnumbered {
		b.WriteString(" unprinted")
	}
	fmt.Fprintf(&b, "\n  PlaceDate place=%s date=%s", d.q(doc.Place), doc.Date.ISO())
	if doc.Undated {
		b.WriteString(" unprinted")
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "  Title type=%s summary=%s", d.q(doc.Title.Type), d.q(doc.Title.Summary))
	if doc.Title.Letter {
		b.WriteString(" letter")
	}
	if doc.Title.NoSummary {
		b.WriteString(" unprinted")
	}
	b.WriteString("\n")
	if doc.Authority != "" {
		fmt.Fprintf(&b, "  Authority %s\n", d.q(doc.Authority))
	}
	if len(doc.Addressees) > 0 {
		fmt.Fprintf(&b, "  Addressees %s\n", d.all(doc.Addressees))
	}
	for _, blk := range doc.Body {
		d.block(blk, "  ")
	}
	fmt.Fprintf(&b, "  Signature %s name=%s\n", d.all(doc.Signature.Lines), d.q(doc.Signature.Name))
	if c := doc.CoSigner; c != nil {
		fmt.Fprintf(&b, "  CoSigner %s name=%s\n", d.all(c.Lines), d.q(c.Name))
	}
	if c := doc.Confirmation; c != nil {
		fmt.Fprintf(&b, "  Confirmation %s note=%s\n", d.all(c.Title), d.q(c.Note))
	}
	if doc.NoRecipients {
		b.WriteString("  Recipients unprinted\n")
	} else {
		fmt.Fprintf(&b, "  Recipients %s archive=%s\n", d.all(doc.Recipients.Items), d.q(doc.Recipients.Archive))
	}
	if m := doc.Marks; m.Secrecy != "" || m.Urgency != "" || m.Circulation != "" || m.Drafter != "" || m.Copies != 0 || len(m.Contact) > 0 || m.Draft != "" {
		// Only a document with marks prints the line, so the goldens of
		// documents without them stay as they are.
		fmt.Fprintf(&b, "  Marks secrecy=%s urgency=%s circulation=%s drafter=%s copies=%d contact=%s draft=%s\n",
			d.q(m.Secrecy), d.q(m.Urgency), d.q(m.Circulation), d.q(m.Drafter), m.Copies, d.all(m.Contact), d.q(m.Draft))
	}
	if doc.Edition == Electronic {
		b.WriteString("  Edition dien-tu\n")
	}
	if doc.SeparateAppendices {
		b.WriteString("  SeparateAppendices\n")
	}
	for _, a := range doc.Appendices {
		if a.Kind == AttachedText {
			// Only attached texts say so: the dumps of phụ lục stay as they were.
			fmt.Fprintf(&b, "  AttachedText type=%s title=%s landscape=%v issuer=%s\n", d.q(a.Type), d.q(a.Title), a.Landscape, d.q(doc.IssuerName))
		} else {
			fmt.Fprintf(&b, "  Appendix title=%s landscape=%v issuer=%s\n", d.q(a.Title), a.Landscape, d.q(doc.IssuerName))
		}
		for _, blk := range a.Body {
			d.block(blk, "    ")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type dumper struct {
	b   *strings.Builder
	q   func(string) string // how a text is written
	pos bool                // print each block's position
}

// all writes texts as a bracketed list.
func (d dumper) all(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = d.q(s)
	}
	return "[" + strings.Join(q, " ") + "]"
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
			fmt.Fprintf(b, " marker=%s depth=%d", d.q(n.Marker), n.Depth)
		}
		if n.Center {
			b.WriteString(" center")
		}
		d.at(n)
		d.runs(in+"  ", n.Runs)
	case *Heading:
		fmt.Fprintf(b, "%sHeading level=%d", in, n.Level)
		d.at(n)
		d.runs(in+"  ", n.Runs)
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
				d.runs(in+"      ", c.Runs)
			}
		}
	}
}

func (d dumper) runs(indent string, runs []Run) {
	b := d.b
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
		fmt.Fprintf(b, "%sRun%s %s\n", indent, style, d.q(r.Text))
	}
}
