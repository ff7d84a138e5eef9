package resolve

import (
	"errors"
	"strings"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/measure"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Resolve decides the presentation of doc by the rules of s, measuring with
// f. It fails only on a document no renderer can draw (an empty body).
func Resolve(doc *model.Document, s *format.Sheet, f *font.Set) (*Document, error) {
	if len(doc.Body) == 0 {
		return nil, errors.New("resolve: empty body")
	}
	if doc.Edition == model.Electronic {
		s, doc = electronic(s, doc)
	}
	r := resolver{s: s, f: f}
	out := &Document{
		Sheet: s,
		Meta: Meta{
			Title:    s.Text(format.TitleType, oneLine(doc.Title.Type)) + " " + oneLine(doc.Title.Summary),
			Subject:  oneLine(doc.Title.Summary),
			Author:   strings.Join(doc.Header.Issuer, " "),
			Time:     format.Timestamp(doc.Date),
			Identity: doc.Source.File,
		},
		PageNumber: s.Style(format.PageNumber),
		Header:     r.header(doc),
		Title:      r.title(doc),
		Addressees: r.addressees(doc.Addressees),
		Body:       r.blocks(doc.Body),
		Sign:       r.sign(doc),
		Marks:      r.marks(doc),
		Edition:    doc.Edition,
	}
	if doc.Authority != "" {
		p := r.plain(format.AuthorityLine, doc.Authority)
		r.balance(&p, s.TextWidth())
		out.Authority = &p
	}
	out.Appendices = r.appendices(doc)
	return out, nil
}

// appendices resolves the appendices of doc; with two or more phụ lục,
// each is numbered "Phụ lục I", "Phụ lục II", … (Phụ lục I, III.1.a–b);
// one is not (its title alone). Attached texts are not counted.
func (r resolver) appendices(doc *model.Document) []Appendix {
	plain := 0
	for _, a := range doc.Appendices {
		if a.Kind == model.PlainAppendix {
			plain++
		}
	}
	var out []Appendix
	n := 0
	for _, a := range doc.Appendices {
		ra := r.appendix(doc, a)
		if a.Kind == model.PlainAppendix {
			n++
			if plain >= 2 {
				p := r.plain(format.AppendixNumber, format.AppendixNumberText(n))
				ra.Number = &p
			}
		}
		out = append(out, ra)
	}
	return out
}

// resolver resolves against one sheet: the document's, or an appendix's.
type resolver struct {
	s *format.Sheet
	f *font.Set
}

// para is a paragraph of element e: the casing and the font of e applied to
// runs.
func (r resolver) para(e format.Element, runs []model.Run) Para {
	return Para{Element: e, Style: r.s.Style(e), Runs: r.s.Runs(e, runs)}
}

// plain is a paragraph of element e holding text in the element's style.
func (r resolver) plain(e format.Element, text string) Para {
	return r.para(e, []model.Run{{Text: text}})
}

// plains is a paragraph of element e per text.
func (r resolver) plains(e format.Element, texts []string) []Para {
	out := make([]Para, 0, len(texts))
	for _, t := range texts {
		out = append(out, r.plain(e, t))
	}
	return out
}

// center centres p by direct formatting, without indent.
func center(p *Para) {
	p.Center = true
	p.Style.Align, p.Style.Indent = format.Center, 0
}

// lines breaks p into lines w wide, the first one too (the measurement of
// centred blocks and columns, which have no first-line indent).
func (r resolver) lines(p Para, w unit.Length) []measure.Line {
	return measure.Break(r.f, measure.Words(r.f, p.Runs, p.Style.Size), p.Style.Size, w, w)
}

// widest returns the natural width of the widest line of ps broken w wide.
func (r resolver) widest(ps []Para, w unit.Length) unit.Length {
	var out unit.Length
	for _, p := range ps {
		out = max(out, measure.Widest(r.lines(p, w)))
	}
	return out
}

// count returns how many lines ps take w wide.
func (r resolver) count(ps []Para, w unit.Length) int {
	n := 0
	for _, p := range ps {
		n += len(r.lines(p, w))
	}
	return n
}

// header resolves the two-column header (Phụ lục I, II.1–4): the rule under
// the issuer is a fraction of its widest line, the one under the motto
// exactly as long as the motto.
func (r resolver) header(doc *model.Document) Header {
	s := r.s
	h := Header{
		Parent:   r.plains(format.Parent, doc.Header.Parent),
		Issuer:   r.plains(format.Issuer, doc.Header.Issuer),
		QuocHieu: r.plain(format.QuocHieu, format.QuocHieuText),
		TieuNgu:  r.plain(format.TieuNgu, format.TieuNguText),
	}
	if !doc.Unnumbered {
		p := r.plain(format.Number, format.NumberLine(doc.Number))
		h.Number = &p
	}
	if !doc.Undated {
		p := r.plain(format.PlaceDate, format.DateLine(doc.Place, doc.Date))
		h.PlaceDate = &p
	}
	w := r.headerWidth()
	r.fitParent(h.Parent, w)
	r.balanceAll(h.Parent, w)
	r.balanceAll(h.Issuer, w)
	h.IssuerRule = measure.Rule(s, r.widest(h.Issuer, s.LeftCol))
	h.MottoRule = r.widest([]Para{h.TieuNgu}, s.RightCol)
	if doc.Title.Letter {
		// A công văn's trích yếu goes under its number (ô 5b).
		p := r.plain(format.LetterSummary, format.LetterSummaryText(doc.Title.Summary))
		r.balance(&p, s.LeftCol)
		h.Letter = &p
	}
	return h
}

// title resolves tên loại and trích yếu (Phụ lục I, II.5.b); a công văn has
// none, and a form printed without its trích yếu (model.Title.NoSummary)
// has the tên loại alone.
func (r resolver) title(doc *model.Document) *Title {
	if doc.Title.Letter {
		return nil
	}
	t := &Title{Type: r.plain(format.TitleType, doc.Title.Type)}
	r.balance(&t.Type, r.s.TextWidth())
	if doc.Title.NoSummary {
		// Mẫu 1.8, 1.10: the rule right under the tên loại, as long as
		// under a trích yếu, a fraction of the line above it.
		t.Rule = measure.Rule(r.s, r.widest([]Para{t.Type}, r.s.TextWidth()))
		return t
	}
	p := r.plain(format.TitleSummary, doc.Title.Summary)
	r.balance(&p, r.s.TextWidth())
	t.Summary = &p
	t.Rule = measure.Rule(r.s, r.widest([]Para{p}, r.s.TextWidth()))
	return t
}

// addressees resolves "Kính gửi:" (ô 9a, Phụ lục I, II.9.b).
func (r resolver) addressees(list []string) *Addressees {
	if len(list) == 0 {
		return nil
	}
	lines := format.AddresseeLines(list)
	if len(lines) == 1 {
		p := r.plain(format.Addressee, format.AddresseeLabel+" "+lines[0])
		center(&p)
		return &Addressees{Line: &p}
	}
	a := &Addressees{Label: r.plain(format.Addressee, format.AddresseeLabel), Items: r.plains(format.Addressee, lines)}
	a.X, a.Indent, a.Width = measure.AddresseeGeometry(r.f, r.s, lines)
	return a
}

// appendix resolves an appendix against the sheet of its orientation.
func (r resolver) appendix(doc *model.Document, a model.Appendix) Appendix {
	if a.Landscape {
		r.s = r.s.Landscape()
	}
	out := Appendix{
		Sheet: r.s,
		Title: r.plain(format.AppendixTitle, a.Title),
		Note:  r.plain(format.AppendixNote, format.AttachedLine(doc)),
		Body:  r.blocks(a.Body),
	}
	if a.Kind == model.AttachedText {
		// Mẫu 1.3: the text's own header, without number and date; tên
		// loại and trích yếu styled as a document's title.
		d := *doc
		d.Unnumbered, d.Undated = true, true
		d.Title.Letter = false
		h := r.header(&d)
		out.Header = &h
		t := r.plain(format.TitleType, a.Type)
		r.balance(&t, r.s.TextWidth())
		out.Type = &t
		out.Title = r.plain(format.TitleSummary, a.Title)
		out.Sign = &Signer{Authority: r.plains(format.SignAuthority, doc.Signature.Lines), Name: r.plain(format.SignName, doc.Signature.Name)}
		out.SignHeight = r.signerHeight(out.Sign.Authority, out.Sign.Name, r.s.RightCol)
	}
	r.balance(&out.Title, r.s.TextWidth())
	r.balance(&out.Note, r.s.TextWidth())
	out.Rule = measure.Rule(r.s, r.widest([]Para{out.Note}, r.s.TextWidth()))
	return out
}
