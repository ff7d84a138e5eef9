package resolve

import (
	"fmt"
	"io"
	"strings"

	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// elementNames name the elements in dumps.
var elementNames = map[format.Element]string{
	format.QuocHieu:        "quoc-hieu",
	format.TieuNgu:         "tieu-ngu",
	format.Parent:          "parent",
	format.Issuer:          "issuer",
	format.Number:          "number",
	format.PlaceDate:       "place-date",
	format.TitleType:       "title-type",
	format.TitleSummary:    "title-summary",
	format.Body:            "body",
	format.Heading1:        "heading1",
	format.Heading2:        "heading2",
	format.Heading3:        "heading3",
	format.SignAuthority:   "sign-authority",
	format.SignName:        "sign-name",
	format.RecipientsLabel: "recipients-label",
	format.RecipientsItem:  "recipients-item",
	format.PageNumber:      "page-number",
	format.TableCell:       "table-cell",
	format.TableHead:       "table-head",
	format.Addressee:       "addressee",
	format.AuthorityLine:   "authority-line",
	format.AppendixTitle:   "appendix-title",
	format.AppendixNote:    "appendix-note",
	format.LetterSummary:   "letter-summary",
	format.AppendixNumber:  "appendix-number",
	format.ConfirmTitle:    "confirm-title",
	format.ConfirmNote:     "confirm-note",
}

// Dump writes a stable, indented text form of doc, the golden format of
// this stage: every paragraph with its element, final style and runs, and
// every decided length.
func Dump(w io.Writer, doc *Document) error {
	d := dumper{}
	s := doc.Sheet
	d.line(0, "Document %v x %v", s.PageW, s.PageH)
	m := doc.Meta
	d.line(1, "Meta title=%q subject=%q author=%q time=%s identity=%q",
		m.Title, m.Subject, m.Author, m.Time.Format("2006-01-02T15:04:05Z"), m.Identity)
	d.line(1, "PageNumber %s", styleText(doc.PageNumber))
	h := &doc.Header
	d.line(1, "Header issuer-rule=%v motto-rule=%v", h.IssuerRule, h.MottoRule)
	d.paras(2, h.Parent...)
	d.paras(2, h.Issuer...)
	d.paras(2, h.QuocHieu, h.TieuNgu)
	if h.Number != nil {
		d.paras(2, *h.Number)
	}
	if h.Letter != nil {
		d.paras(2, *h.Letter)
	}
	if h.PlaceDate != nil {
		d.paras(2, *h.PlaceDate)
	}
	if t := doc.Title; t != nil {
		d.line(1, "Title rule=%v", t.Rule)
		d.paras(2, t.Type)
		if t.Summary != nil {
			d.paras(2, *t.Summary)
		}
	}
	if doc.Authority != nil {
		d.line(1, "Authority")
		d.paras(2, *doc.Authority)
	}
	if a := doc.Addressees; a != nil {
		if a.Line != nil {
			d.line(1, "Addressees")
			d.paras(2, *a.Line)
		} else {
			d.line(1, "Addressees x=%v indent=%v width=%v", a.X, a.Indent, a.Width)
			d.paras(2, a.Label)
			d.paras(2, a.Items...)
		}
	}
	d.line(1, "Body")
	d.blocks(2, doc.Body)
	sg := &doc.Sign
	if sg.NoRecipients {
		d.line(1, "Sign unlisted height=%v", sg.Height)
	} else {
		d.line(1, "Sign head=%d/%d height=%v", sg.Head, len(sg.Items), sg.Height)
		d.paras(2, sg.Label)
		d.paras(2, sg.Items...)
	}
	d.paras(2, sg.Authority...)
	d.paras(2, sg.Name)
	if c := sg.Co; c != nil {
		d.line(1, "CoSigner")
		d.paras(2, c.Authority...)
		d.paras(2, c.Name)
	}
	if c := sg.Confirm; c != nil {
		d.line(1, "Confirm kept=%v height=%v", c.Kept, c.Height)
		d.paras(2, c.Title...)
		if c.Note != nil {
			d.paras(2, *c.Note)
		}
	}
	for i := range doc.Appendices {
		a := &doc.Appendices[i]
		d.line(1, "Appendix %v x %v rule=%v", a.Sheet.PageW, a.Sheet.PageH, a.Rule)
		if h := a.Header; h != nil {
			d.line(2, "Header issuer-rule=%v motto-rule=%v", h.IssuerRule, h.MottoRule)
			d.paras(3, h.Parent...)
			d.paras(3, h.Issuer...)
			d.paras(3, h.QuocHieu, h.TieuNgu)
		}
		if a.Number != nil {
			d.paras(2, *a.Number)
		}
		if a.Type != nil {
			d.paras(2, *a.Type)
		}
		d.paras(2, a.Title, a.Note)
		d.blocks(2, a.Body)
		if sg := a.Sign; sg != nil {
			d.line(2, "Sign height=%v", a.SignHeight)
			d.paras(3, sg.Authority...)
			d.paras(3, sg.Name)
		}
	}
	_, err := io.WriteString(w, d.b.String())
	return err
}

type dumper struct{ b strings.Builder }

func (d *dumper) line(depth int, f string, args ...any) {
	d.b.WriteString(strings.Repeat("  ", depth))
	fmt.Fprintf(&d.b, f, args...)
	d.b.WriteByte('\n')
}

func (d *dumper) paras(depth int, ps ...Para) {
	for i := range ps {
		d.para(depth, &ps[i])
	}
}

func (d *dumper) para(depth int, p *Para) {
	flags := ""
	if p.Center {
		flags += " center"
	}
	if p.KeepNext {
		flags += " keep-next"
	}
	if p.Role != "" {
		flags += " role=" + string(p.Role)
	}
	d.line(depth, "Para %s %s%s", elementNames[p.Element], styleText(p.Style), flags)
	for _, r := range p.Runs {
		d.line(depth+1, "Run %q%s", r.Text, runStyleText(r.Style))
	}
}

func (d *dumper) blocks(depth int, bs []Block) {
	for _, b := range bs {
		switch n := b.(type) {
		case *Para:
			d.para(depth, n)
		case *Table:
			ws := make([]string, len(n.Widths))
			for i, w := range n.Widths {
				ws[i] = w.String()
			}
			d.line(depth, "Table widths=[%s] header-rows=%d pad=%v,%v", strings.Join(ws, " "), n.HeaderRows, n.PadX, n.PadY)
			for _, r := range n.Rows {
				if r.Header {
					d.line(depth+1, "Row header")
				} else {
					d.line(depth+1, "Row")
				}
				for k := range r.Cells {
					c := &r.Cells[k]
					d.line(depth+2, "Cell span=%d width=%v", c.Span, c.Width)
					d.para(depth+3, &c.Para)
				}
			}
		}
	}
}

// styleText is the stable text of a paragraph style.
func styleText(st format.Style) string {
	align := map[format.Align]string{format.Left: "left", format.Center: "center", format.Justify: "justify", format.Right: "right"}[st.Align]
	s := fmt.Sprintf("%dhp%s", st.Size, runStyleText(st.Font))
	if st.Upper {
		s += " upper"
	}
	s += " " + align
	for _, l := range []struct {
		name string
		v    unit.Length
	}{{"indent", st.Indent}, {"before", st.Before}, {"line", st.Line}} {
		if l.v != 0 {
			s += fmt.Sprintf(" %s=%v", l.name, l.v)
		}
	}
	return s
}

// runStyleText is " bold", " italic", " bold italic" or "".
func runStyleText(rs model.RunStyle) string {
	s := ""
	if rs&model.Bold != 0 {
		s += " bold"
	}
	if rs&model.Italic != 0 {
		s += " italic"
	}
	return s
}
