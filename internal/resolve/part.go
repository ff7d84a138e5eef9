package resolve

import (
	"errors"
	"fmt"
	"strings"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
)

// Parts resolves each appendix of doc as a document of its own: the files
// of an electronic document issued with its appendices apart
// (model.Document.Separate; Phụ lục I, III.1.c–d). Each part holds one
// appendix, numbered among the document's phụ lục as in the document's
// own file, with its "(Kèm theo …)" line unfilled: number, day, month and
// year left blank whatever the register holds, as the decree asks of
// electronic appendices (the number and the signing time are shown by the
// organisation's digital signature, ô 14, top right of the part's first
// page). The main document is resolved by Resolve without its
// appendices.
func Parts(doc *model.Document, s *format.Sheet, f *font.Set) ([]*Document, error) {
	if len(doc.Appendices) == 0 {
		return nil, errors.New("resolve: no appendices")
	}
	if doc.Edition == model.Electronic {
		s, doc = electronic(s, doc)
	}
	d := *doc
	d.Number.Value = 0
	d.Date = model.Date{}
	r := resolver{s: s, f: f}
	apps := r.appendices(&d)
	out := make([]*Document, len(apps))
	for i := range apps {
		a := &apps[i]
		title := oneLine(doc.Appendices[i].Title)
		if a.Number != nil {
			title = model.PlainText(a.Number.Runs) + " " + title
		}
		out[i] = &Document{
			Sheet: a.Sheet,
			Meta: Meta{
				Title:    title,
				Subject:  oneLine(doc.Title.Summary),
				Author:   strings.Join(doc.Header.Issuer, " "),
				Time:     format.Timestamp(doc.Date),
				Identity: fmt.Sprintf("%s#phu-luc-%d", doc.Source.File, i+1),
			},
			PageNumber: s.Style(format.PageNumber),
			Appendices: apps[i : i+1],
			Edition:    doc.Edition,
			Part:       true,
		}
	}
	return out, nil
}
