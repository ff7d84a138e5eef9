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
	s := r.s
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
	b.Head, b.Height = signSplit(s, len(r.lines(b.Label, s.LeftCol)), counts,
		r.count(b.Authority, s.RightCol), len(r.lines(b.Name, s.RightCol)))
	return b
}

// signSplit returns how many recipient entries (of counts lines each) stay
// beside the signature column, and the height of that unbreakable part,
// given the lines of the label, of the authority and of the name. All
// entries stay when the whole block, with the space above it, fits on a
// page below two body lines; otherwise the head ends with the first entry
// that reaches the foot of the signature column, so the rows of the left
// column follow on without a gap.
func signSplit(s *format.Sheet, label int, counts []int, auth, name int) (int, unit.Length) {
	lines := func(e format.Element, n int) unit.Length { return unit.Length(n) * s.Style(e).Line }
	rh := lines(format.SignAuthority, auth) + s.SignSpace + lines(format.SignName, name)
	lh := lines(format.RecipientsLabel, label)
	total := 0
	for _, c := range counts {
		total += c
	}
	whole := max(lh+lines(format.RecipientsItem, total), rh)
	if s.SignGap+whole <= s.PageH-s.Top-s.Bottom-2*s.Style(format.Body).Line {
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
