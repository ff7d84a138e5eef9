// Package svg draws one page of a laid-out document as SVG, for the desk's
// live preview: the same items, at the same positions, as render/pdf draws
// (text at its baseline, rules and boxes with their stroke and colour), so
// what the clerk watches is what prints.
//
// Coordinates are written in millimetres to the micrometre, formatted from
// the layout's integer unit (EMU, see package unit) by integer arithmetic,
// so no float is ever formatted. (User units of one EMU would be exact but
// make a 13 pt font 165 100 units tall, which Chromium does not draw.) Text is
// SVG text, selectable and searchable in the browser; its font is named by
// family, weight and style, and the page supplies the faces (@font-face
// rules in its CSS, or in the SVG itself with Options.FontURL).
package svg

import (
	"fmt"
	"io"
	"strings"

	"vanban/internal/font"
	"vanban/internal/layout"
	"vanban/internal/unit"
)

// Family is the CSS font family the text is drawn with unless
// Options.Family says otherwise.
const Family = "vanban-serif"

// Options configure Write.
type Options struct {
	// Family is the CSS font family of the text; "" means Family.
	Family string
	// FontURL, when not nil, gives the URL of the face of each style: the
	// SVG then carries its own @font-face rules (a file opened alone).
	// Nil leaves the faces to the page the SVG is embedded in.
	FontURL func(font.Style) string
	// ID, when not empty, is the id attribute of the svg element.
	ID string
}

// Write writes page i (from 0) of r as a standalone SVG element.
func Write(w io.Writer, r *layout.Result, i int, opt Options) error {
	if i < 0 || i >= len(r.Pages) {
		return fmt.Errorf("render/svg: page %d of %d", i+1, len(r.Pages))
	}
	family := opt.Family
	if family == "" {
		family = Family
	}
	pg := &r.Pages[i]
	var b strings.Builder
	b.Grow(64 * len(pg.Items))
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg"`)
	if opt.ID != "" {
		fmt.Fprintf(&b, ` id="%s"`, escape(opt.ID))
	}
	fmt.Fprintf(&b, ` class="trang" width="%smm" height="%smm" viewBox="0 0 %s %s" font-family="%s" font-kerning="none" text-rendering="geometricPrecision">`+"\n",
		mm(pg.W), mm(pg.H), mm(pg.W), mm(pg.H), escape(family))
	if opt.FontURL != nil {
		b.WriteString("<style>")
		for st := font.Regular; st <= font.BoldItalic; st++ {
			fmt.Fprintf(&b, `@font-face{font-family:"%s";src:url("%s");font-weight:%s;font-style:%s}`,
				escape(family), escape(opt.FontURL(st)), weight(st), style(st))
		}
		b.WriteString("</style>\n")
	}
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>` + "\n")
	for k := range pg.Items {
		it := &pg.Items[k]
		switch it.Kind {
		case layout.Text:
			if it.Text == "" {
				continue
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="%s"`, mm(it.X), mm(it.Y), mm(unit.Length(it.Size)*unit.HalfPoint))
			if it.Style&font.Bold != 0 {
				b.WriteString(` font-weight="bold"`)
			}
			if it.Style&font.Italic != 0 {
				b.WriteString(` font-style="italic"`)
			}
			if it.Color != 0 {
				fmt.Fprintf(&b, ` fill="%s"`, color(it.Color))
			}
			// The advance the layout measured: a browser that kerns or
			// rounds differently still ends the run where the PDF does.
			if it.W > 0 {
				fmt.Fprintf(&b, ` textLength="%s" lengthAdjust="spacing"`, mm(it.W))
			}
			b.WriteString(` xml:space="preserve">`)
			b.WriteString(escape(drawable(it.Text)))
			b.WriteString("</text>\n")
		case layout.Rule:
			x2, y2 := it.X+it.W, it.Y
			if it.W < 0 { // vertical: W is minus the length, downwards
				x2, y2 = it.X, it.Y-it.W
			}
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n",
				mm(it.X), mm(it.Y), mm(x2), mm(y2), color(it.Color), mm(it.Stroke))
		case layout.Box:
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s"/>`+"\n",
				mm(it.X), mm(it.Y), mm(it.W), mm(it.H), color(it.Color), mm(it.Stroke))
		}
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// weight and style are the CSS values of a font style.
func weight(st font.Style) string {
	if st&font.Bold != 0 {
		return "bold"
	}
	return "normal"
}

func style(st font.Style) string {
	if st&font.Italic != 0 {
		return "italic"
	}
	return "normal"
}

// color is c as CSS.
func color(c layout.Color) string { return fmt.Sprintf("#%06x", uint32(c)) }

// mm writes l in millimetres rounded to the micrometre (36 EMU), with no
// trailing zeros, by integer arithmetic.
func mm(l unit.Length) string {
	v, sign := int64(l), ""
	if v < 0 {
		v, sign = -v, "-"
	}
	micro := (v*1000 + int64(unit.MM)/2) / int64(unit.MM)
	s := fmt.Sprintf("%s%d.%03d", sign, micro/1000, micro%1000)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// drawable drops the characters the PDF writer skips as well (tabs and
// line breaks have no glyph and no width in the layout).
func drawable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 {
			return -1
		}
		return r
	}, s)
}

// escape escapes text for XML character data and attribute values.
func escape(s string) string {
	if !strings.ContainsAny(s, `<>&"'`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
