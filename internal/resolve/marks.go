package resolve

import (
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Stamp is a framed mark: its words centred in a W × H frame with a single
// stroke (Phụ lục I, II.10).
type Stamp struct {
	Para Para
	W, H unit.Length
	Red  bool // red ink: the urgency and secrecy stamps
}

// Marks are the marks of Phụ lục I, II.10–12 and the draft marking, as
// printed; nil or empty for the ones a document does not carry.
type Marks struct {
	Secrecy     *Stamp // ô 10a: under the number (and the V/v of a công văn), left column
	Urgency     *Stamp // ô 10b: under ô 10a
	Circulation *Stamp // ô 11: under the place and date, right column
	Draft       *Stamp // "DỰ THẢO": top right of page 1, above the header
	Contact     []Para // ô 13: foot of page 1, under a full-width rule
}

// Empty reports whether m carries nothing.
func (m *Marks) Empty() bool {
	return m.Secrecy == nil && m.Urgency == nil && m.Circulation == nil && m.Draft == nil && len(m.Contact) == 0
}

// marks resolves the marks of doc. Unknown levels were rejected when the
// data was read; here they are left out.
func (r resolver) marks(doc *model.Document) Marks {
	m := doc.Marks
	var out Marks
	if text, w, ok := format.SecrecyStamp(m.Secrecy); ok {
		out.Secrecy = r.stamp(format.Stamp, text, w, true)
	}
	if text, w, ok := format.UrgencyStamp(m.Urgency); ok {
		out.Urgency = r.stamp(format.Stamp, text, w, true)
	}
	if m.Circulation != "" {
		out.Circulation = r.stamp(format.Stamp, format.CirculationText(m.Circulation), 0, false)
	}
	if m.Draft != "" {
		out.Draft = r.stamp(format.DraftMark, m.Draft, 0, false)
	}
	out.Contact = r.plains(format.ContactLine, m.Contact)
	return out
}

// stamp resolves a framed mark of text; a zero width fits the frame to the
// words with format.StampPad on each side, within the right column.
func (r resolver) stamp(e format.Element, text string, w unit.Length, red bool) *Stamp {
	p := r.plain(e, text)
	if w == 0 {
		w = min(r.widest([]Para{p}, r.s.RightCol)+2*format.StampPad, r.s.RightCol)
	}
	return &Stamp{Para: p, W: w, H: format.StampHeight, Red: red}
}

// drafter returns ô 12 as a paragraph, or nil when the document has none
// (Phụ lục I, II.11).
func (r resolver) drafter(doc *model.Document) *Para {
	text := format.DrafterText(doc.Marks.Drafter, doc.Marks.Copies)
	if text == "" {
		return nil
	}
	p := r.plain(format.DrafterLine, text)
	return &p
}

// electronic returns the sheet and the document of the electronic edition:
// the clear signature area (format.SignArea), and, while the register has
// not given the document its number, "Số:" and the day and month of the
// date left blank for the stamp the văn thư adds with the signing tool
// after the leader signs (NĐ 30, Điều 15.3: the system gives them). doc is
// not changed; a changed copy is returned.
func electronic(s *format.Sheet, doc *model.Document) (*format.Sheet, *model.Document) {
	d := *doc
	if d.Number.Value == 0 {
		d.Date = model.Date{Year: d.Date.Year}
	}
	return s.Electronic(), &d
}
