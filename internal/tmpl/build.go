package tmpl

import (
	"strings"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/model"
)

// Build returns the document model of in, built with the template in names.
func (s *Set) Build(in *data.Input) (*model.Document, diag.List) {
	var diags diag.List
	t, ok := s.byName[in.Template]
	if !ok {
		diags.Add(diag.New(diag.Pos{File: in.File, Line: 1, Col: 1}, diag.CodeUnknownTmpl, in.Template, strings.Join(s.Names(), ", ")))
		return nil, diags
	}
	if t.diags.HasErrors() || t.body == nil {
		diags.Append(t.diags)
		return nil, diags
	}
	out, err := t.execute(in, MaxOutput)
	if err != nil {
		at := diag.Pos{File: t.File, Line: t.line, Col: 1}
		if isLimit(err) {
			diags.Add(diag.New(at, diag.CodeTmplLimit, limitText(err)))
		} else {
			diags.Add(diag.New(at, diag.CodeTmplExec, err.Error()))
		}
		return nil, diags
	}
	o := origin{file: t.File, spans: out.spans}
	co, src, ds := coSigner(out.buf.Bytes(), o)
	diags.Append(ds)
	if ds.HasErrors() {
		return nil, diags
	}
	confirm, src, ds := confirmation(src, o)
	diags.Append(ds)
	if ds.HasErrors() {
		return nil, diags
	}
	body, apps, ds := parseDocument(s.md, src, o)
	diags.Append(ds)
	if ds.HasErrors() {
		return nil, diags
	}
	recipients := format.RecipientItems(in.Recipients, len(in.Addressees) > 0)
	if len(apps) > 0 && in.Org.FullName == "" {
		diags.Add(diag.New(diag.Pos{File: in.File, Line: 1, Col: 1}, diag.CodeNoIssuerName, "dòng \"(Kèm theo …)\" của phụ lục"))
		return nil, diags
	}
	doc := &model.Document{
		Kind:       t.Name,
		Source:     diag.Pos{File: in.File},
		Header:     model.Header{Parent: in.Org.Parent, Issuer: in.Org.Name},
		Number:     model.Number{Value: in.Number, Symbol: t.Symbol(in)},
		Place:      in.Org.Place,
		Date:       in.Date,
		Title:      model.Title{Type: t.Type, Summary: t.SummaryOf(in), Letter: t.Letter, NoSummary: t.NoSummary},
		Authority:  in.Authority,
		Addressees: in.Addressees,
		Body:       body,
		IssuerName: in.Org.FullName,
		Appendices: apps,
		Signature: model.Signature{
			Lines: format.SignatureLines(in.Signer.Authority, in.Signer.OnBehalfOf, in.Signer.Head, in.Signer.Title),
			Name:  in.Signer.Name,
		},
		CoSigner:     co,
		Confirmation: confirm,
		Recipients:   model.Recipients{Items: recipients, Archive: in.Archive},
		Unnumbered:   t.Unnumbered,
		Undated:      t.Undated,
	}
	if t.NoRecipients {
		doc.Recipients, doc.NoRecipients = model.Recipients{}, true
	}
	return doc, diags
}
