// Package layout places a document on A4 pages: it breaks text into lines
// with our own measurement (mixed bold and italic runs, justification,
// first-line indents), paginates with widow and orphan control, keeps
// headings with what follows and the signature block with the end of the
// body (a Nơi nhận list too long for a page goes on over the next pages),
// and returns positioned text and rules, all inside the margins: what
// cannot be placed there is a *PlaceError. Package render/pdf draws the
// result; no PDF library is involved here.
package layout

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/resolve"
	"vanban/internal/unit"
)

// Kind is the kind of a positioned item.
type Kind uint8

// Item kinds.
const (
	Text Kind = iota // a run of text on a baseline
	Rule             // a horizontal line
	// Box is a stroked rectangle: X, Y its top left corner, W × H its
	// size (the frame of an urgency mark, a ruler grid's cell).
	Box
)

// Color is an RGB colour as 0xRRGGBB. The zero value is black, the colour
// of every NĐ 30 component; red is for urgency marks and certificates.
type Color uint32

// Red is the red of urgency marks and of a certificate's award line.
const Red Color = 0xFF0000

// Item is one positioned element of a page. Coordinates are from the top
// left corner of the page; Y of a Text item is its baseline.
type Item struct {
	Kind   Kind
	X, Y   unit.Length
	W      unit.Length // advance width of the text, length of the rule, width of the box
	H      unit.Length // Box only: its height
	Style  font.Style  // Text only
	Size   int         // half-points; Text only
	Text   string
	Stroke unit.Length // Rule and Box
	Color  Color       // of the text or the stroke; zero is black
}

// Page is one page of items, in drawing (and reading) order.
type Page struct {
	W, H  unit.Length // the page size: A4 portrait or landscape
	Items []Item
}

// Meta is what the PDF metadata needs from the document, as resolved.
type Meta = resolve.Meta

// Result is a laid-out document.
type Result struct {
	W, H  unit.Length
	Pages []Page
	Fonts *font.Set
	Meta  Meta
	// Doc is the resolved document the pages were placed from, for the
	// renderers that write the document rather than its pages (DOCX).
	Doc *resolve.Document
	// Signing is the signing map: where signatures, seal, number and date
	// go (see Signing). Filled for both editions; only the electronic one
	// keeps its signature area clear of the hand signature's room.
	Signing Signing
}

// Place places a resolved document on pages, measuring with f, the fonts it
// was resolved with: it breaks paragraphs into lines and paginates.
func Place(doc *resolve.Document, f *font.Set) (*Result, error) {
	s := doc.Sheet
	l := &state{s: s, f: f, pn: doc.PageNumber, res: &Result{W: s.PageW, H: s.PageH, Fonts: f, Meta: doc.Meta, Doc: doc}, fullest: firstPageItems}
	if doc.Part {
		return l.placePart(doc)
	}
	l.newPage()
	l.reserve = l.contactHeight(doc.Marks.Contact)
	l.draft(doc.Marks.Draft)
	l.header(&doc.Header, &doc.Marks)
	l.title(doc.Title)
	l.authority(doc.Authority)
	l.addressees(doc.Addressees)
	if len(doc.Body) == 0 {
		return nil, fmt.Errorf("layout: empty body")
	}
	sb := l.measureSign(&doc.Sign)
	l.body(doc.Body, sb.h)
	l.signature(sb)
	l.contact(doc.Marks.Contact)
	for i := range doc.Appendices {
		l.appendix(&doc.Appendices[i])
	}
	if l.err != nil {
		return nil, l.err
	}
	return l.res, nil
}

// firstPageItems is the capacity of the first page's items: a page of
// justified text has a few hundred (one per word).
const firstPageItems = 256

// PlaceError reports content that cannot be placed inside the printable
// area of a page, such as a table row or a single line taller than the
// page. Layout never returns a result with anything outside the margins.
type PlaceError struct {
	Page int    // the page, from 1 in the whole result
	Text string // the start of the text that does not fit; "" for a rule
}

func (e *PlaceError) Error() string {
	if e.Text == "" {
		return fmt.Sprintf("layout: page %d: a rule does not fit inside the margins", e.Page)
	}
	return fmt.Sprintf("layout: page %d: %q does not fit inside the margins", e.Page, e.Text)
}

// IsPlaceError reports whether err is, or wraps, a *PlaceError.
func IsPlaceError(err error) bool {
	var pe *PlaceError
	return errors.As(err, &pe)
}

type state struct {
	s      *format.Sheet // the sheet of the current part: the document's or an appendix's
	f      *font.Set
	pn     format.Style // the page numbers' style
	res    *Result
	y      unit.Length // top of the next line box
	page   int         // index of the current page
	number int         // page number within the current part (document or appendix)
	err    *PlaceError // the first item found outside the margins; nil when none
	// reserve is the room kept free at the foot of page 1 for ô 13.
	reserve unit.Length
	// inAppendix is set from the first appendix on: the signing map keeps
	// the spots of the document's own header and signature.
	inAppendix bool
	// part is set when the document is one appendix in a file of its own
	// (resolve.Document.Part).
	part bool
	// keepWhole moves the whole last paragraph before an attached text's
	// signature to the next page when it would split (when it fits on a
	// page), as LibreOffice keeps a "keep with next" paragraph whole; the
	// document's own signature keeps the last two lines only.
	keepWhole bool
	// fullest is the most items a page has had so far (at least a guess
	// for the first page): the capacity a new page starts with.
	fullest int
}

func (l *state) cur() *Page { return &l.res.Pages[l.page] }

// newPage starts a page of the current sheet. Page numbers count within
// the document and, separately, within each appendix (Phụ lục I, III.1.đ).
func (l *state) newPage() {
	// Pages of a document hold about as many items as each other: sizing
	// a page's items by the fullest page so far saves growing them item by
	// item, the most of layout's allocations.
	l.res.Pages = append(l.res.Pages, Page{W: l.s.PageW, H: l.s.PageH, Items: make([]Item, 0, l.fullest)})
	l.page = len(l.res.Pages) - 1
	l.number++
	l.y = l.s.Top
	if n := l.number; n >= 2 {
		// Page numbers from page 2, centred in the top margin (Phụ lục I, I.7).
		st := l.pn
		text := fmt.Sprint(n)
		w := l.f.Face(font.Regular).Width(text, st.Size)
		// The one item in the top margin: appended without the check of add.
		l.cur().Items = append(l.cur().Items, Item{Kind: Text, X: l.s.Left + (l.s.TextWidth()-w)/2,
			Y: l.baseline(l.s.HeaderDist, st), W: w, Size: st.Size, Text: text})
	}
}

// add appends it to the current page. An item outside the text area is
// still appended, so a trial placement can be undone as usual, but it is
// recorded and makes Layout fail.
func (l *state) add(it Item) {
	l.cur().Items = append(l.cur().Items, it)
	l.fullest = max(l.fullest, len(l.cur().Items))
	left, right := l.s.Left, l.s.PageW-l.s.Right+unit.EMU
	in := false
	switch {
	case it.Kind == Text:
		in = it.X >= left && it.X+it.W <= right && it.Y > l.s.Top && it.Y <= l.bottom()
	case it.W < 0: // a vertical rule, -W long, down from Y
		in = it.X >= left && it.X <= right && it.Y >= l.s.Top && it.Y-it.W <= l.bottom()
	default:
		in = it.X >= left && it.X+it.W <= right && it.Y >= l.s.Top && it.Y <= l.bottom()
	}
	if !in {
		l.outside(it.Text)
	}
}

// outside records text (or a rule, for "") that lies outside the text area
// of the current page.
func (l *state) outside(text string) {
	if l.err != nil {
		return
	}
	if r := []rune(text); len(r) > 40 {
		text = string(r[:40]) + "…"
	}
	l.err = &PlaceError{Page: l.page + 1, Text: text}
}

// bottom is the foot of the text area of the current page: on page 1,
// above ô 13 (reserve).
func (l *state) bottom() unit.Length {
	if l.page == 0 {
		return l.s.PageH - l.s.Bottom - l.reserve
	}
	return l.s.PageH - l.s.Bottom
}

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
				fmt.Fprintf(&b, "  text x=%v y=%v w=%v %s %dhp%s %q\n", it.X, it.Y, it.W, it.Style, it.Size, colorDump(it.Color), it.Text)
			case Rule:
				fmt.Fprintf(&b, "  rule x=%v y=%v w=%v stroke=%v%s\n", it.X, it.Y, it.W, it.Stroke, colorDump(it.Color))
			case Box:
				fmt.Fprintf(&b, "  box x=%v y=%v w=%v h=%v stroke=%v%s\n", it.X, it.Y, it.W, it.H, it.Stroke, colorDump(it.Color))
			}
		}
	}
	if r.electronic() {
		sg := &r.Signing
		for _, sp := range []struct {
			name string
			s    Spot
		}{{"area", sg.Area}, {"signature", sg.Signature}, {"seal", sg.Seal}, {"number", sg.Number}, {"date", sg.Date}, {"o14", sg.Box14}} {
			fmt.Fprintf(&b, "Signing %s page=%d x=%v y=%v w=%v h=%v\n", sp.name, sp.s.Page+1, sp.s.Rect.X, sp.s.Rect.Y, sp.s.Rect.W, sp.s.Rect.H)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// colorDump is how Dump shows a colour: nothing for black, " #rrggbb"
// otherwise, so the goldens of black documents stay as they are.
func colorDump(c Color) string {
	if c == 0 {
		return ""
	}
	return fmt.Sprintf(" #%06x", uint32(c))
}
