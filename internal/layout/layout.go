// Package layout places a document on A4 pages: it breaks text into lines
// with our own measurement (mixed bold and italic runs, justification,
// first-line indents), paginates with widow and orphan control, keeps
// headings with what follows and the signature block with the end of the
// body, and returns positioned text and rules. Package render/pdf draws the
// result; no PDF library is involved here.
package layout

import (
	"fmt"
	"io"
	"strings"
	"time"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Kind is the kind of a positioned item.
type Kind uint8

// Item kinds.
const (
	Text Kind = iota // a run of text on a baseline
	Rule             // a horizontal line
)

// Item is one positioned element of a page. Coordinates are from the top
// left corner of the page; Y of a Text item is its baseline.
type Item struct {
	Kind   Kind
	X, Y   unit.Length
	W      unit.Length // advance width of the text, or length of the rule
	Style  font.Style  // Text only
	Size   int         // half-points; Text only
	Text   string
	Stroke unit.Length // Rule only
}

// Page is one page of items, in drawing (and reading) order.
type Page struct {
	W, H  unit.Length // the page size: A4 portrait or landscape
	Items []Item
}

// Meta is what the PDF metadata needs from the document.
type Meta struct {
	Title    string    // tên loại and trích yếu
	Subject  string    // trích yếu
	Author   string    // the issuing body
	Time     time.Time // creation time: format.Timestamp of the issue date
	Identity string    // stable identity of the document (its source file)
}

// Result is a laid-out document.
type Result struct {
	W, H  unit.Length
	Pages []Page
	Fonts *font.Set
	Meta  Meta
}

// Layout places doc on pages following the rules of s, measuring with f.
func Layout(doc *model.Document, s *format.Sheet, f *font.Set) (*Result, error) {
	l := &state{s: s, f: f, res: &Result{W: s.PageW, H: s.PageH, Fonts: f}}
	l.res.Meta = Meta{
		Title:    s.Text(format.TitleType, doc.Title.Type) + " " + doc.Title.Summary,
		Subject:  doc.Title.Summary,
		Author:   strings.Join(doc.Header.Issuer, " "),
		Time:     format.Timestamp(doc.Date),
		Identity: doc.Source.File,
	}
	l.newPage()
	l.header(doc)
	l.title(doc)
	l.authority(doc)
	l.addressees(doc)
	if len(doc.Body) == 0 {
		return nil, fmt.Errorf("layout: empty body")
	}
	left, right := l.columns()
	l.body(doc.Body, l.signatureHeight(doc, left, right))
	l.signature(doc)
	for _, a := range doc.Appendices {
		l.appendix(doc, a, s)
	}
	return l.res, nil
}

type state struct {
	s      *format.Sheet
	f      *font.Set
	res    *Result
	y      unit.Length // top of the next line box
	page   int         // index of the current page
	number int         // page number within the current part (document or appendix)
}

func (l *state) cur() *Page { return &l.res.Pages[l.page] }

// newPage starts a page of the current sheet. Page numbers count within
// the document and, separately, within each appendix (Phụ lục I, III.1.đ).
func (l *state) newPage() {
	l.res.Pages = append(l.res.Pages, Page{W: l.s.PageW, H: l.s.PageH})
	l.page = len(l.res.Pages) - 1
	l.number++
	l.y = l.s.Top
	if n := l.number; n >= 2 {
		// Page numbers from page 2, centred in the top margin (Phụ lục I, I.7).
		st := l.s.Style(format.PageNumber)
		text := fmt.Sprint(n)
		w := l.f.Face(font.Regular).Width(text, st.Size)
		l.add(Item{Kind: Text, X: l.s.Left + (l.s.TextWidth()-w)/2, Y: l.baseline(l.s.HeaderDist, st), W: w,
			Size: st.Size, Text: text})
	}
}

func (l *state) add(it Item) { l.cur().Items = append(l.cur().Items, it) }

func (l *state) bottom() unit.Length { return l.s.PageH - l.s.Bottom }

// baseline returns the baseline of a line box of style st whose top is y:
// the glyph box (ascent + descent) centred in the exact line pitch.
func (l *state) baseline(y unit.Length, st format.Style) unit.Length {
	face := l.f.Face(font.Regular)
	asc, desc := face.Ascent(st.Size), face.Descent(st.Size)
	return y + (st.Line+asc-desc)/2
}

// Dump writes a stable text form of r, the golden format of this stage.
func Dump(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Result %v x %v, %d pages\n", r.W, r.H, len(r.Pages))
	for i, p := range r.Pages {
		fmt.Fprintf(&b, "Page %d", i+1)
		if p.W != r.W {
			fmt.Fprintf(&b, " %v x %v", p.W, p.H)
		}
		b.WriteString("\n")
		for _, it := range p.Items {
			switch it.Kind {
			case Text:
				fmt.Fprintf(&b, "  text x=%v y=%v w=%v %s %dhp %q\n", it.X, it.Y, it.W, it.Style, it.Size, it.Text)
			case Rule:
				fmt.Fprintf(&b, "  rule x=%v y=%v w=%v stroke=%v\n", it.X, it.Y, it.W, it.Stroke)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
