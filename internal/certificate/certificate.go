// Package certificate prints the Giấy khen and danh hiệu certificates of a
// Quyết định khen thưởng: one A4 landscape page per tập thể or cá nhân of
// its lists, either as a full page (Quốc hiệu, the awarding authority and
// the award in red, a frame) or as only the variable text at the positions
// of a pre-printed form (phôi) that the workspace profile sets in mm
// (see form.go). Every text is measured with the document fonts and shrinks
// or wraps to stay inside its place; what cannot fit is a diagnostic, never
// text outside the page.
//
// It produces a *layout.Result that render/pdf draws, without going through
// the model: a certificate is not an NĐ 30 document.
package certificate

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/law"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/render/pdf"
	"vanban/internal/unit"
)

// Template is the template name of the decisions certificates are printed
// from.
const Template = "quyet-dinh-khen-thuong"

// Recipient is one tập thể or cá nhân of the decision's lists.
type Recipient struct {
	Name        string // ho_ten of a cá nhân, ten of a tập thể, as written
	Position    string // chuc_vu of a cá nhân, don_vi of a tập thể; may be empty
	Award       string // hinh_thuc, as written: "Giấy khen", "Lao động tiên tiến"
	Title       bool   // the award is a danh hiệu thi đua (law.Award.Title)
	Achievement string // thanh_tich
	Collective  bool
	At          diag.Pos // the row's [[…]] header, for diagnostics
}

// Set is what every certificate of one decision shares, and its recipients.
type Set struct {
	Authority  string   // who grants, in capitals: "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ"
	Decision   string   // "Quyết định số 12/QĐ-UBND ngày 25/11/2024"
	Number     string   // "12/QĐ-UBND", for the PDF keywords
	PlaceDate  string   // "Vạn Giã, ngày 25 tháng 11 năm 2024"
	SignLines  []string // "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
	SignerName string   // may be empty: the name is then written by hand
	Date       data.Date
	Identity   string // the decision's file, for the PDF /ID
	Recipients []Recipient
}

var upper = cases.Upper(language.Vietnamese)

// FromInput takes the certificates of a quyet-dinh-khen-thuong document as
// the engine prepares it (lists inherited from its Tờ trình); symbol is its
// ký hiệu, "QĐ-UBND". A document of another template, or with empty lists,
// is a diagnostic.
func FromInput(in *data.Input, symbol string) (*Set, diag.List) {
	var ds diag.List
	if in.Template != Template {
		ds.Add(diag.New(in.At("mau"), diag.CodeUnknownTmpl, in.Template, Template).
			WithHint("giấy khen in từ quyết định khen thưởng (mau = \"" + Template + "\")"))
		return nil, ds
	}
	authority := in.Authority
	if authority == "" {
		authority = strings.Join(in.Org.Name, " ")
	}
	num := model.Number{Value: in.Number, Symbol: symbol}
	s := &Set{
		Authority:  upper.String(strings.Join(strings.Fields(authority), " ")),
		Decision:   "Quyết định số " + strings.TrimSpace(num.Text()) + " ngày " + in.Date.Short(),
		Number:     num.Text(),
		PlaceDate:  in.Org.Place + ", " + in.Date.Long(),
		SignLines:  format.SignatureLines(in.Signer.Authority, in.Signer.OnBehalfOf, in.Signer.Head, in.Signer.Title),
		SignerName: in.Signer.Name,
		Date:       in.Date,
		Identity:   in.File,
	}
	if in.Number == 0 {
		s.Number = ""
	}
	for _, list := range []struct {
		key, name, pos string
		collective     bool
	}{{"tap_the", "ten", "don_vi", true}, {"ca_nhan", "ho_ten", "chuc_vu", false}} {
		rows, _ := in.Values[list.key].([]data.Row)
		for _, r := range rows {
			rc := Recipient{
				Name: r.Str(list.name), Position: r.Str(list.pos), Award: r.Str("hinh_thuc"),
				Achievement: r.Str("thanh_tich"), Collective: list.collective, At: r.At,
			}
			if a, ok := law.Match(rc.Award); ok {
				rc.Title = a.Title
			}
			s.Recipients = append(s.Recipients, rc)
		}
	}
	if len(s.Recipients) == 0 {
		ds.Add(diag.New(in.At("ca_nhan"), diag.CodeMissing, "danh sách tập thể, cá nhân được khen thưởng", "ca_nhan").
			WithHint("ghi [[tap_the]], [[ca_nhan]] trong quyết định hoặc trong tờ trình mà quyết định trích dẫn (to_trinh)"))
		return nil, ds
	}
	return s, ds
}

// Verb is the line before the award: "TẶNG" for a hình thức khen thưởng
// (then "GIẤY KHEN"), "TẶNG DANH HIỆU" for a danh hiệu thi đua.
func (r Recipient) Verb() string {
	if r.Title {
		return "TẶNG DANH HIỆU"
	}
	return "TẶNG"
}

// AwardLine is the award as the certificate prints it, in capitals.
func (r Recipient) AwardLine() string { return upper.String(r.Award) }

// AchievementLine is the achievement as the certificate prints it.
func (r Recipient) AchievementLine() string {
	a := strings.TrimSpace(r.Achievement)
	if a == "" {
		return ""
	}
	return "Đã có thành tích: " + a
}

// BookLine is the "Số sổ vàng" line of the i-th certificate (from 0) when
// the book numbers start at first; first 0 leaves the number to be written
// by hand.
func BookLine(first, i int) string {
	if first <= 0 {
		return "Số sổ vàng: ............"
	}
	return fmt.Sprintf("Số sổ vàng: %d", first+i)
}

// Options choose how the certificates are printed.
type Options struct {
	// Form, when not nil, prints only the variable text at its positions
	// (phôi); nil prints full pages.
	Form *Form
	// FirstBook is the số sổ vàng of the first certificate, the others
	// following in order; 0 leaves the numbers blank.
	FirstBook int
}

// FitError is a text that does not fit its place even at the smallest size.
type FitError struct {
	At    diag.Pos // the recipient's row, or the decision
	Field string   // Vietnamese name of the text
	Text  string
}

func (e *FitError) Error() string {
	return fmt.Sprintf("certificate: %s %q does not fit its place", e.Field, e.Text)
}

// Diag is e as a diagnostic for the clerk.
func (e *FitError) Diag() diag.Diagnostic {
	t := []rune(e.Text)
	if len(t) > 60 {
		t = append(t[:60], '…')
	}
	return diag.New(e.At, diag.CodeTooManyPages, e.Field+" quá dài, không vừa giấy khen ngay cả với cỡ chữ nhỏ nhất: \""+string(t)+"\"").
		WithHint("rút gọn nội dung này trong danh sách")
}

// The page: A4 landscape.
var (
	pageW = unit.MMs(297)
	pageH = unit.MMs(210)
)

// Place lays out one page per recipient of s with the fonts f.
func Place(s *Set, f *font.Set, opt Options) (*layout.Result, error) {
	res := &layout.Result{W: pageW, H: pageH, Fonts: f, Meta: layout.Meta{
		Title:    "GIẤY KHEN",
		Subject:  s.Decision,
		Author:   s.Authority,
		Time:     format.Timestamp(s.Date),
		Identity: s.Identity + "#giay-khen",
	}}
	for i, r := range s.Recipients {
		var items []layout.Item
		var err error
		if opt.Form != nil {
			items, err = placeForm(s, r, BookLine(opt.FirstBook, i), f, opt.Form)
		} else {
			items, err = placeFull(s, r, BookLine(opt.FirstBook, i), f)
		}
		if err != nil {
			return nil, err
		}
		res.Pages = append(res.Pages, layout.Page{W: pageW, H: pageH, Items: items})
	}
	return res, nil
}

// Write renders a result of Place or Calibration as PDF.
func Write(w io.Writer, r *layout.Result, number string) error {
	return pdf.WriteOptions(w, r, pdf.Options{Keywords: strings.TrimSpace(number)})
}

// writer collects the items of one page.
type writer struct {
	f     *font.Set
	items []layout.Item
}

// text places one line centred on cx (or starting at x when cx is 0) with
// its baseline at y.
func (w *writer) line(s string, cx, y unit.Length, st font.Style, hp int, c layout.Color) {
	width := w.f.Face(st).Width(s, hp)
	w.items = append(w.items, layout.Item{Kind: layout.Text, X: cx - width/2, Y: y, W: width, Style: st, Size: hp, Text: s, Color: c})
}

// block places the lines of ft centred on cx, the first line's top at top;
// it returns the bottom of the last line.
func (w *writer) block(ft fitted, cx, top unit.Length, c layout.Color) unit.Length {
	lh := lineHeight(ft.size)
	asc := w.f.Face(ft.style).Ascent(ft.size)
	for i, s := range ft.lines {
		base := top + unit.Length(i)*lh + (lh-asc-w.f.Face(ft.style).Descent(ft.size))/2 + asc
		w.line(s, cx, base, ft.style, ft.size, c)
	}
	return top + ft.height()
}

// The full page, in mm from the top left corner (practice of the Giấy khen
// of Chủ tịch UBND cấp xã, huyện and of the Sở: no decree fixes it).
var (
	frameOuter = unit.MMs(10)            // red frame, 1.5 pt
	frameInner = unit.MMs(13)            // thin inner frame
	textLeft   = unit.MMs(25)            // the text column
	textWidth  = pageW - 2*textLeft      // 247 mm
	centre     = pageW / 2               // 148.5 mm
	bodyTop    = unit.MMs(44)            // under the Tiêu ngữ
	bodyBottom = unit.MMs(143)           // above the place and date
	signCentre = unit.MMs(211)           // centre of the signature column
	signWidth  = unit.MMs(120)           // its width
	leftCentre = textLeft + unit.MMs(55) // centre of the decision lines
	leftWidth  = unit.MMs(110)
)

// fullBoxes are the texts of the body, top to bottom, at scale 1.
type fullText struct {
	field string
	text  string
	st    font.Style
	b     box
	c     layout.Color
	gap   unit.Length // space above
}

func placeFull(s *Set, r Recipient, book string, f *font.Set) ([]layout.Item, error) {
	w := &writer{f: f}
	w.items = append(w.items,
		layout.Item{Kind: layout.Box, X: frameOuter, Y: frameOuter, W: pageW - 2*frameOuter, H: pageH - 2*frameOuter, Stroke: unit.Pt(3) / 2, Color: layout.Red},
		layout.Item{Kind: layout.Box, X: frameInner, Y: frameInner, W: pageW - 2*frameInner, H: pageH - 2*frameInner, Stroke: unit.Pt(1) / 2, Color: layout.Red},
	)
	// Quốc hiệu and Tiêu ngữ as NĐ 30 writes them (Phụ lục I, II.1).
	w.line(format.QuocHieuText, centre, unit.MMs(26), font.Bold, 26, 0)
	w.line(format.TieuNguText, centre, unit.MMs(33), font.Bold, 28, 0)
	mw := f.Face(font.Bold).Width(format.TieuNguText, 28)
	w.items = append(w.items, layout.Item{Kind: layout.Rule, X: centre - mw/2, Y: unit.MMs(35), W: mw, Stroke: unit.Pt(1) / 2})

	texts := []fullText{
		{"tên người tặng", s.Authority, font.Bold, box{textWidth, 34, 26, 20, 2}, layout.Red, 0},
		{"", r.Verb(), font.Bold, box{textWidth, 32, 32, 24, 1}, 0, unit.MMs(4)},
		{"hình thức khen thưởng", r.AwardLine(), font.Bold, box{textWidth, 64, 40, 28, 2}, layout.Red, unit.MMs(2)},
		{"tên tập thể, cá nhân", r.Name, font.Bold, box{textWidth, 52, 36, 24, 2}, 0, unit.MMs(5)},
		{"chức vụ, đơn vị", r.Position, font.Italic, box{textWidth, 30, 26, 20, 2}, 0, unit.MMs(2)},
		{"thành tích", r.AchievementLine(), font.Regular, box{textWidth, 30, 30, 18, 3}, 0, unit.MMs(3)},
	}
	// Fit at full scale; when the body is taller than its room, fit again
	// with every size scaled down, to 60 %.
	var fts []fitted
	for scale := 10; ; scale-- {
		fts = fts[:0]
		total := unit.Length(0)
		for _, t := range texts {
			b := t.b
			b.max, b.soft, b.min = max(b.max*scale/10, 16), max(b.soft*scale/10, 16), max(b.min*scale/10, 16)
			ft, ok := fit(f, t.text, t.st, b)
			if !ok {
				if scale > 6 {
					break
				}
				return nil, &FitError{At: r.At, Field: t.field, Text: t.text}
			}
			fts = append(fts, ft)
			total += t.gap + ft.height()
		}
		if len(fts) == len(texts) && total <= bodyBottom-bodyTop {
			// Centre the body vertically in its room.
			y := bodyTop + (bodyBottom-bodyTop-total)/2
			for i, ft := range fts {
				y = w.block(ft, centre, y+texts[i].gap, texts[i].c)
			}
			break
		}
		if scale == 6 {
			return nil, &FitError{At: r.At, Field: "nội dung", Text: r.Name + " — " + r.Achievement}
		}
	}
	if err := w.bottom(s, r, book, signCentre, unit.MMs(150), leftCentre, unit.MMs(168)); err != nil {
		return nil, err
	}
	return w.items, nil
}

// bottom places the decision and book lines centred on lc from ly, and
// the place, date and signature centred on sc from sy.
func (w *writer) bottom(s *Set, r Recipient, book string, sc, sy, lc, ly unit.Length) error {
	y := sy
	for _, t := range []struct {
		text string
		st   font.Style
		hp   int
	}{{s.PlaceDate, font.Italic, 28}} {
		ft, ok := fit(w.f, t.text, t.st, box{signWidth, t.hp, 20, 20, 1})
		if !ok {
			return &FitError{At: r.At, Field: "địa danh, ngày tháng", Text: t.text}
		}
		y = w.block(ft, sc, y, 0)
	}
	for _, l := range s.SignLines {
		ft, ok := fit(w.f, l, font.Bold, box{signWidth, 28, 20, 20, 1})
		if !ok {
			return &FitError{At: r.At, Field: "chức vụ người ký", Text: l}
		}
		y = w.block(ft, sc, y, 0)
	}
	if s.SignerName != "" {
		ft, ok := fit(w.f, s.SignerName, font.Bold, box{signWidth, 28, 20, 20, 1})
		if !ok {
			return &FitError{At: r.At, Field: "họ tên người ký", Text: s.SignerName}
		}
		w.block(ft, sc, unit.MMs(187), 0)
	}
	y = ly
	for _, l := range []string{s.Decision, book} {
		ft, ok := fit(w.f, l, font.Regular, box{leftWidth, 24, 18, 18, 2})
		if !ok {
			return &FitError{At: r.At, Field: "số quyết định", Text: l}
		}
		y = w.block(ft, lc, y, 0)
	}
	return nil
}
