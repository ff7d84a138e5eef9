// Package pdfread reads what a checker needs from a PDF: per page, the
// page size, every glyph with its position, size and font, and the drawn
// horizontal rules. It interprets content streams itself on top of the
// object reader of github.com/digitorus/pdf (pure Go), because that
// library's own text extraction ignores ToUnicode for Identity-H fonts
// (the fonts vanban and most office suites write Vietnamese with), steps
// two-byte codes one byte at a time and sees neither form XObjects nor
// stroked lines.
package pdfread

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/digitorus/pdf"
)

// Glyph is one shown character. Coordinates are in points from the
// bottom-left corner of the page.
type Glyph struct {
	X, Y float64 // baseline origin
	W    float64 // advance width
	Size float64 // effective font size
	Font string  // base font name without the subset tag
	S    string  // the Unicode text; "" when the font has no mapping
}

// Rule is a horizontal stroke or thin filled rectangle.
type Rule struct {
	X0, X1, Y float64
}

// Page is one page.
type Page struct {
	W, H   float64 // MediaBox size in points
	Glyphs []Glyph
	Rules  []Rule
}

// Doc is a read PDF.
type Doc struct {
	Pages []Page
}

// ErrEncrypted reports a PDF protected by a password.
var ErrEncrypted = errors.New("pdfread: encrypted")

// Limits bound the work on hostile input.
type Limits struct {
	MaxPages  int           // default 500
	MaxGlyphs int           // per document; default 2 000 000
	Time      time.Duration // default 30 s: the PDF library loops on some damaged files
}

// ErrTimeout reports a file that could not be read in Limits.Time.
var ErrTimeout = errors.New("pdfread: reading took too long")

// Read reads the PDF in b. Malformed input yields an error, never a panic
// and never a hang: the PDF library (digitorus/pdf) can loop for ever on
// some damaged files, so the reading runs on its own goroutine and is given
// up after lim.Time (the goroutine is left behind; a command then exits).
func Read(b []byte, lim Limits) (*Doc, error) {
	if lim.Time == 0 {
		lim.Time = 30 * time.Second
	}
	type result struct {
		doc *Doc
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := read(b, lim)
		done <- result{d, err}
	}()
	t := time.NewTimer(lim.Time)
	defer t.Stop()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-t.C:
		return nil, ErrTimeout
	}
}

func read(b []byte, lim Limits) (doc *Doc, err error) {
	if lim.MaxPages == 0 {
		lim.MaxPages = 500
	}
	if lim.MaxGlyphs == 0 {
		lim.MaxGlyphs = 2_000_000
	}
	if !bytes.HasPrefix(bytes.TrimLeft(b[:min(len(b), 1024)], "\x00\r\n\t "), []byte("%PDF")) {
		return nil, errors.New("pdfread: not a PDF")
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("pdfread: damaged file: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") || bytes.Contains(b, []byte("/Encrypt")) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("pdfread: %w", err)
	}
	if r.Trailer().Key("Encrypt").Kind() != pdf.Null {
		return nil, ErrEncrypted
	}
	n := r.NumPage()
	if n > lim.MaxPages {
		return nil, fmt.Errorf("pdfread: %d pages, limit %d", n, lim.MaxPages)
	}
	doc = &Doc{}
	total := 0
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		var pg Page
		mb := inherited(p.V, "MediaBox")
		if mb.Len() == 4 {
			pg.W = mb.Index(2).Float64() - mb.Index(0).Float64()
			pg.H = mb.Index(3).Float64() - mb.Index(1).Float64()
		}
		in := &interp{page: &pg, fonts: map[string]*font{}, budget: lim.MaxGlyphs - total}
		in.run(p.V.Key("Contents"), p.Resources(), ident, 0)
		total += len(pg.Glyphs)
		if in.budget < 0 {
			return nil, fmt.Errorf("pdfread: more than %d glyphs", lim.MaxGlyphs)
		}
		doc.Pages = append(doc.Pages, pg)
	}
	return doc, nil
}

type matrix [6]float64 // a b c d e f

var ident = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type font struct {
	name    string
	twoByte bool
	widths  map[int]float64
	dw      float64
	toUni   map[int]string
	simple  pdf.TextEncoding // for simple fonts without ToUnicode
}

func loadFont(v pdf.Value) *font {
	f := &font{name: v.Key("BaseFont").Name(), widths: map[int]float64{}, dw: 1000}
	if i := strings.IndexByte(f.name, '+'); i >= 0 {
		f.name = f.name[i+1:]
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() != pdf.Null {
			f.dw = dw.Float64()
		}
		w := d.Key("W")
		for i := 0; i < w.Len(); {
			first := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for k := 0; k < next.Len(); k++ {
					f.widths[first+k] = next.Index(k).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			wd := w.Index(i + 2).Float64()
			for c := first; c <= last && c-first < 65536; c++ {
				f.widths[c] = wd
			}
			i += 3
		}
	} else {
		first := int(v.Key("FirstChar").Int64())
		ws := v.Key("Widths")
		for k := 0; k < ws.Len(); k++ {
			f.widths[first+k] = ws.Index(k).Float64()
		}
		f.dw = 0
		f.simple = pdf.Font{V: v}.Encoder()
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = readCMap(tu)
	}
	return f
}

func (f *font) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	return f.dw
}

func (f *font) text(code int, raw string) string {
	if s, ok := f.toUni[code]; ok {
		return s
	}
	if f.simple != nil {
		return f.simple.Decode(raw)
	}
	return ""
}

// readCMap reads the bfchar and bfrange mappings of a ToUnicode CMap. It
// tokenises the stream itself: the PostScript around the mappings
// (findresource, begin, def) is of no interest.
func readCMap(v pdf.Value) map[int]string {
	m := map[int]string{}
	rc := v.Reader()
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 4<<20))
	if err != nil {
		return m
	}
	type tok struct {
		hex  []byte // a <…> string
		arr  [][]byte
		word string
	}
	var toks []tok
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == '<' && i+1 < len(b) && b[i+1] != '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return m
			}
			toks = append(toks, tok{hex: unhex(b[i+1 : i+j])})
			i += j + 1
		case c == '[':
			j := bytes.IndexByte(b[i:], ']')
			if j < 0 {
				return m
			}
			var arr [][]byte
			for _, f := range bytes.FieldsFunc(b[i+1:i+j], func(r rune) bool { return r == '<' || r == '>' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
				arr = append(arr, unhex(f))
			}
			toks = append(toks, tok{arr: arr})
			i += j + 1
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		default:
			j := i
			for j < len(b) && !strings.ContainsRune(" \n\r\t<[", rune(b[j])) {
				j++
			}
			if j == i {
				j++
			}
			toks = append(toks, tok{word: string(b[i:j])})
			i = j
		}
	}
	code := func(s []byte) int {
		c := 0
		for _, x := range s {
			c = c<<8 | int(x)
		}
		return c
	}
	mode := ""
	var args []tok
	for _, t := range toks {
		switch t.word {
		case "beginbfchar", "beginbfrange":
			mode, args = t.word, nil
			continue
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				m[code(args[i].hex)] = utf16BE(args[i+1].hex)
			}
			mode = ""
			continue
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi := code(args[i].hex), code(args[i+1].hex)
				for c := lo; c <= hi && c-lo < 65536; c++ {
					if d := args[i+2]; d.arr != nil {
						if c-lo < len(d.arr) {
							m[c] = utf16BE(d.arr[c-lo])
						}
						continue
					}
					s := []rune(utf16BE(args[i+2].hex))
					if len(s) > 0 {
						s[len(s)-1] += rune(c - lo)
					}
					m[c] = string(s)
				}
			}
			mode = ""
			continue
		}
		if mode != "" {
			args = append(args, t)
		}
	}
	return m
}

func unhex(h []byte) []byte {
	var digits []byte
	for _, c := range h {
		if ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	hex.Decode(out, digits)
	return out
}

func utf16BE(s []byte) string {
	var rs []rune
	for i := 0; i+1 < len(s); i += 2 {
		r := rune(s[i])<<8 | rune(s[i+1])
		if r >= 0xD800 && r < 0xDC00 && i+3 < len(s) {
			r2 := rune(s[i+2])<<8 | rune(s[i+3])
			r = (r-0xD800)<<10 + (r2 - 0xDC00) + 0x10000
			i += 2
		}
		rs = append(rs, r)
	}
	return string(rs)
}

type gstate struct {
	ctm            matrix
	tm, tlm        matrix
	tc, tw, th, tl float64
	rise           float64
	fnt            *font
	size           float64
}

type interp struct {
	page   *Page
	fonts  map[string]*font
	budget int
}

// run interprets a content stream (or array of streams) with the given
// resources, starting from ctm; depth bounds nested forms.
func (in *interp) run(strm pdf.Value, res pdf.Value, ctm matrix, depth int) {
	if strm.Kind() == pdf.Array {
		// Concatenate: state carries across the parts.
		var all []pdf.Value
		for i := 0; i < strm.Len(); i++ {
			all = append(all, strm.Index(i))
		}
		g := gstate{ctm: ctm, th: 1}
		for _, s := range all {
			g = in.stream(s, res, g, depth)
		}
		return
	}
	in.stream(strm, res, gstate{ctm: ctm, th: 1}, depth)
}

func (in *interp) fontOf(res pdf.Value, name string) *font {
	v := res.Key("Font").Key(name)
	key := fmt.Sprint(v.GetPtr())
	if f, ok := in.fonts[key]; ok && key != "{0 0}" {
		return f
	}
	f := loadFont(v)
	in.fonts[key] = f
	return f
}

func (in *interp) stream(strm pdf.Value, res pdf.Value, g gstate, depth int) gstate {
	if strm.Kind() != pdf.Stream {
		return g
	}
	var stack []gstate
	var path [][2]float64 // current subpath points (device space)
	var segs [][4]float64 // candidate segments of the current path
	var rects [][4]float64
	show := func(s string) {
		if g.fnt == nil {
			return
		}
		step := 1
		if g.fnt.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(s); i += step {
			raw := s[i : i+step]
			c := int(raw[0])
			if step == 2 {
				c = c<<8 | int(raw[1])
			}
			w0 := g.fnt.width(c) / 1000
			trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(g.tm).mul(g.ctm)
			x, y := trm[4], trm[5]
			size := math.Hypot(trm[2], trm[3])
			txt := g.fnt.text(c, raw)
			if txt != "" && txt != " " {
				in.budget--
				if in.budget < 0 {
					panic("too many glyphs")
				}
				in.page.Glyphs = append(in.page.Glyphs, Glyph{X: x, Y: y, W: w0 * g.size * g.th * math.Hypot(g.tm[0], g.tm[1]) * math.Hypot(g.ctm[0], g.ctm[1]), Size: size, Font: g.fnt.name, S: txt})
			}
			tx := (w0*g.size + g.tc) * g.th
			if step == 1 && raw == " " {
				tx += g.tw * g.th
			}
			g.tm = matrix{1, 0, 0, 1, tx, 0}.mul(g.tm)
		}
	}
	flush := func(keep bool) {
		if keep {
			for _, s := range segs {
				if math.Abs(s[1]-s[3]) < 1 && math.Abs(s[0]-s[2]) > 5 {
					in.page.Rules = append(in.page.Rules, Rule{X0: math.Min(s[0], s[2]), X1: math.Max(s[0], s[2]), Y: (s[1] + s[3]) / 2})
				}
			}
			for _, r := range rects {
				if r[3]-r[1] < 2 && r[2]-r[0] > 5 {
					in.page.Rules = append(in.page.Rules, Rule{X0: r[0], X1: r[2], Y: (r[1] + r[3]) / 2})
				}
			}
		}
		path, segs, rects = nil, nil, nil
	}
	if err := contentOK(strm); err != nil {
		panic(err.Error())
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack); k > 0 {
				g, stack = stack[k-1], stack[:k-1]
			}
		case "cm":
			if n == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = ident, ident
		case "Tf":
			if n == 2 {
				g.fnt = in.fontOf(res, args[0].Name())
				g.size = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			g.tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
		case "Tm":
			if n == 6 {
				g.tm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				g.tlm = g.tm
			}
		case "T*":
			g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
				g.tm = g.tlm
			}
			if op == "\"" && n == 3 {
				g.tw, g.tc = num(0), num(1)
			}
			if n > 0 {
				show(args[n-1].RawString())
			}
		case "TJ":
			if n == 1 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						g.tm = matrix{1, 0, 0, 1, -x.Float64() / 1000 * g.size * g.th, 0}.mul(g.tm)
					}
				}
			}
		case "m":
			x, y := g.ctm.apply(num(0), num(1))
			path = [][2]float64{{x, y}}
		case "l":
			x, y := g.ctm.apply(num(0), num(1))
			if k := len(path); k > 0 {
				segs = append(segs, [4]float64{path[k-1][0], path[k-1][1], x, y})
			}
			path = append(path, [2]float64{x, y})
		case "re":
			x0, y0 := g.ctm.apply(num(0), num(1))
			x1, y1 := g.ctm.apply(num(0)+num(2), num(1)+num(3))
			rects = append(rects, [4]float64{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)})
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			flush(true)
		case "n":
			flush(false)
		case "Do":
			if n == 1 && depth < 8 {
				x := res.Key("XObject").Key(args[0].Name())
				if x.Key("Subtype").Name() == "Form" {
					m := ident
					if mv := x.Key("Matrix"); mv.Len() == 6 {
						m = matrix{mv.Index(0).Float64(), mv.Index(1).Float64(), mv.Index(2).Float64(), mv.Index(3).Float64(), mv.Index(4).Float64(), mv.Index(5).Float64()}
					}
					r := x.Key("Resources")
					if r.Kind() == pdf.Null {
						r = res
					}
					in.stream(x, r, gstate{ctm: m.mul(g.ctm), th: 1}, depth+1)
				}
			}
		}
	})
	return g
}

// inherited looks key up on the page and its ancestors (PDF 32000, 7.7.3.4).
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; !v.IsNull() && i < 64; i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// maxContent bounds the decoded bytes of one content stream.
const maxContent = 64 << 20

// contentOK scans a content stream the way the library's lexer will and
// rejects a literal "(…" or hex "<…" string that the stream ends inside:
// github.com/digitorus/pdf v0.1.2 reads a newline for ever at the end of
// its input, so such a string never ends (found by FuzzRead).
func contentOK(strm pdf.Value) error {
	b, err := io.ReadAll(io.LimitReader(strm.Reader(), maxContent+1))
	if err != nil {
		return fmt.Errorf("content stream: %v", err)
	}
	if len(b) > maxContent {
		return fmt.Errorf("content stream larger than %d bytes", maxContent)
	}
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case '(':
			depth := 1
			for i++; depth > 0; i++ {
				if i >= len(b) {
					return errors.New("content stream ends inside a string")
				}
				switch b[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			i--
		case '<':
			if i+1 < len(b) && b[i+1] == '<' {
				i++
				continue
			}
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return errors.New("content stream ends inside a hex string")
			}
			i += j
		}
	}
	return nil
}
