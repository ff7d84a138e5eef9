package resolve

import (
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// sign resolves the Nơi nhận block and the signature (Phụ lục I, II.7,
// II.9) and decides where the block splits, from the lines its columns
// take.
func (r resolver) sign(doc *model.Document) Sign {
	cf := r.confirm(doc.Confirmation)
	var extra unit.Length
	if cf != nil {
		extra = r.s.SignGap + cf.Height
	}
	b := r.signBlock(doc, extra)
	if cf != nil && !b.Split() {
		cf.Kept = true
		b.Height += extra
	}
	b.Confirm = cf
	return b
}

// confirm resolves a confirmation block (Phụ lục III, Mẫu 1.10) in the
// left column; nil for nil.
func (r resolver) confirm(c *model.Confirmation) *Confirm {
	if c == nil {
		return nil
	}
	s := r.s
	cf := &Confirm{Title: r.plains(format.ConfirmTitle, c.Title)}
	r.balanceAll(cf.Title, s.LeftCol)
	cf.Height = unit.Length(r.count(cf.Title, s.LeftCol))*s.Style(format.ConfirmTitle).Line +
		s.SignSpace + s.Style(format.SignName).Line
	if c.Note != "" {
		p := r.plain(format.ConfirmNote, c.Note)
		cf.Note = &p
		cf.Height += unit.Length(len(r.lines(p, s.LeftCol))) * p.Style.Line
	}
	return cf
}

// signBlock is sign without the confirmation block, which takes extra
// room under it.
func (r resolver) signBlock(doc *model.Document, extra unit.Length) Sign {
	s := r.s
	if doc.NoRecipients {
		// The signatures alone; ô 12 has no list to close, so a drafter's
		// mark is not printed either.
		b := Sign{NoRecipients: true, Authority: r.plains(format.SignAuthority, doc.Signature.Lines),
			Name: r.plain(format.SignName, doc.Signature.Name)}
		b.Height = r.signerHeight(b.Authority, b.Name, s.RightCol)
		if c := doc.CoSigner; c != nil {
			b.Co = &Signer{Authority: r.plains(format.SignAuthority, c.Lines), Name: r.plain(format.SignName, c.Name)}
			b.Height = max(b.Height, r.signerHeight(b.Co.Authority, b.Co.Name, s.LeftCol))
		}
		return b
	}
	b := Sign{
		Label:     r.plain(format.RecipientsLabel, format.RecipientsLabelText),
		Items:     r.plains(format.RecipientsItem, format.RecipientLines(doc.Recipients)),
		Authority: r.plains(format.SignAuthority, doc.Signature.Lines),
		Name:      r.plain(format.SignName, doc.Signature.Name),
	}
	if d := r.drafter(doc); d != nil {
		// ô 12 stands under Nơi nhận (Phụ lục I, IV), so it flows as the
		// list's last line.
		b.Items = append(b.Items, *d)
	}
	counts := make([]int, len(b.Items))
	for i, it := range b.Items {
		counts[i] = len(r.lines(it, s.LeftCol))
	}
	if c := doc.CoSigner; c != nil {
		b.Co = &Signer{Authority: r.plains(format.SignAuthority, c.Lines), Name: r.plain(format.SignName, c.Name)}
		b.Head, b.Height = coSplit(s, extra, len(r.lines(b.Label, s.LeftCol)), counts,
			max(r.signerHeight(b.Authority, b.Name, s.RightCol), r.signerHeight(b.Co.Authority, b.Co.Name, s.LeftCol)))
		return b
	}
	b.Head, b.Height = signSplit(s, extra, len(r.lines(b.Label, s.LeftCol)), counts,
		r.count(b.Authority, s.RightCol), len(r.lines(b.Name, s.RightCol)))
	return b
}

// signSplit returns how many recipient entries (of counts lines each) stay
// beside the signature column, and the height of that unbreakable part,
// given the lines of the label, of the authority and of the name. All
// entries stay when the whole block, with the space above it and the
// extra room of a confirmation block under it, fits on a page below two
// body lines; otherwise the head ends with the first entry
// that reaches the foot of the signature column, so the rows of the left
// column follow on without a gap.
func signSplit(s *format.Sheet, extra unit.Length, label int, counts []int, auth, name int) (int, unit.Length) {
	lines := func(e format.Element, n int) unit.Length { return unit.Length(n) * s.Style(e).Line }
	rh := lines(format.SignAuthority, auth) + s.SignSpace + lines(format.SignName, name)
	lh := lines(format.RecipientsLabel, label)
	total := 0
	for _, c := range counts {
		total += c
	}
	whole := max(lh+lines(format.RecipientsItem, total), rh)
	if s.SignGap+whole+extra <= s.PageH-s.Top-s.Bottom-2*s.Style(format.Body).Line {
		return len(counts), whole
	}
	for i, c := range counts {
		if lh >= rh {
			return i, lh
		}
		lh += lines(format.RecipientsItem, c)
	}
	return len(counts), max(lh, rh)
}

// signerHeight returns the height of a signature w wide: its title lines,
// the signature space, its name.
func (r resolver) signerHeight(auth []Para, name Para, w unit.Length) unit.Length {
	s := r.s
	return unit.Length(r.count(auth, w))*s.Style(format.SignAuthority).Line + s.SignSpace +
		unit.Length(len(r.lines(name, w)))*s.Style(format.SignName).Line
}

// coSplit is signSplit for a block of two signatures (Phụ lục III, Mẫu
// 1.9): the signatures' row of height sig keeps with the body; "Nơi nhận:"
// (label lines) and its entries (counts lines each) follow SignGap below
// it; extra is the room of a confirmation block under them. The whole block keeps together when it fits on a page below two
// body lines (head len(counts), its full height); otherwise the head is
// the signatures' row alone (head 0) and the list flows on.
func coSplit(s *format.Sheet, extra unit.Length, label int, counts []int, sig unit.Length) (int, unit.Length) {
	lines := func(e format.Element, n int) unit.Length { return unit.Length(n) * s.Style(e).Line }
	total := 0
	for _, c := range counts {
		total += c
	}
	whole := sig + s.SignGap + lines(format.RecipientsLabel, label) + lines(format.RecipientsItem, total)
	if s.SignGap+whole+extra <= s.PageH-s.Top-s.Bottom-2*s.Style(format.Body).Line {
		return len(counts), whole
	}
	return 0, sig
}
