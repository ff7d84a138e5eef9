package engine

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"vanban/internal/batch"
	"vanban/internal/copyblock"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/register"
	"vanban/internal/render/pdf"
)

// CopyRequest is what the clerk asks of Copy (vanban sao).
type CopyRequest struct {
	Kind format.CopyKind
	// Electronic makes the electronic copy (Phụ lục I, Phần II, I): the
	// organisation's signature information in ô 14, no copy block. The
	// original itself is built in its own edition (key ban, or the
	// engine's Options.Edition).
	Electronic bool
	// Date is the copy's date; zero takes Today's. A copy already in the
	// register keeps the date it was registered with.
	Date  data.Date
	Today func() time.Time // the clock for a zero Date; nil: Date must be given
	// Recipients are the Nơi nhận items of a paper copy; "Lưu: VT." is
	// always added (Phụ lục III, Mẫu 3.1).
	Recipients []string
	// Out is the folder the copy's PDF is written into (atomically, as
	// CopyName, or ExtractName for a trích sao); "" writes nothing.
	Out string
	// Parts is the part a trích sao reproduces (vanban sao -phan); it is
	// required with TrichSao and refused with the other kinds.
	Parts Selection
}

// CopyResult is what Copy gives.
type CopyResult struct {
	Entry  register.Entry // the copy's line in the register
	PDF    []byte
	Pages  int
	Path   string // the file written; "" when none
	Diags  diag.List
	Layout *layout.Result // the copy's pages; nil when the original has errors
	// Placement is where the copy block of a paper copy went.
	Placement copyblock.Placement
	// Part says what a trích sao reproduces, in the document's order:
	// "Điều 1; Phụ lục (Trần Văn Bình)"; "" for the other kinds.
	Part string
}

// CopySeries is the register's series of a body's copies: one series for
// sao y, sao lục and trích sao together (Phụ lục I, Phần II, II.1.c: "được
// đánh chung cho các loại bản sao"), numbered from 01 each year, apart from
// the body's documents.
func CopySeries(abbrev string) string { return abbrev + "/sao" }

// CopyIdentity is a copy's identity in the register: the document's stem
// and the kind, "quyet-dinh-khen-thuong.sao-y". One number per document and
// kind: copying the same document again in the same kind takes no new
// number (UNCERTAIN: a body that makes a second sao y of a document on
// another day gives it a new number in practice; vanban has no way yet to
// ask for that).
func CopyIdentity(j Job, k format.CopyKind) string { return j.Stem() + "." + k.Slug() }

// CopyName is the file name of a copy's PDF: "quyet-dinh-khen-thuong.sao-y.pdf".
func CopyName(j Job, k format.CopyKind) string { return CopyIdentity(j, k) + ".pdf" }

// ExtractIdentity is a trích sao's identity in the register: the kind's
// CopyIdentity and a key of the part it reproduces (CopyResult.Part),
// "quyet-dinh-khen-thuong.trich-sao.dieu-1.phu-luc-tran-van-binh". Two
// parts of one document are two copies, with two numbers and two files
// (the commonest trích sao is one person's line of a commendation list,
// made for each person); the same part again takes no new number.
func ExtractIdentity(j Job, part string) string {
	return CopyIdentity(j, format.TrichSao) + "." + partKey(part)
}

// ExtractName is the file name of a trích sao's PDF: its ExtractIdentity
// and ".pdf".
func ExtractName(j Job, part string) string { return ExtractIdentity(j, part) + ".pdf" }

// Copy makes a copy of document j: it builds the original as Build does,
// registers the copy in the workspace's register (once per document and
// kind), adds the copy block (paper) or the ô 14 text (electronic) and
// renders the PDF. The copying body and the signer are the workspace
// profile's (vanban.toml), or the document's where the profile has none.
// Problems the clerk can fix are in the result's Diags; nothing is
// registered or written when the original has errors.
func (e *Engine) Copy(ctx context.Context, j Job, req CopyRequest) (CopyResult, error) {
	var out CopyResult
	if req.Kind.Slug() == "" {
		return out, fmt.Errorf("engine: unknown copy kind %d", req.Kind)
	}
	switch {
	case req.Kind == format.TrichSao && req.Parts.IsZero():
		return out, partErr(`trích sao cần -phan: phần nội dung cần trích, ví dụ -phan "Điều 1; Phụ lục: Nguyễn Văn An"`)
	case req.Kind != format.TrichSao && !req.Parts.IsZero():
		return out, partErr("-phan chỉ dùng với -loai trich-sao; %s sao đầy đủ văn bản", strings.ToLower(req.Kind.Type()))
	}
	res, err := e.Model(j, Formats{PDF: true})
	out.Diags = res.Diags
	if err != nil || res.Doc == nil {
		return out, err
	}
	id := CopyIdentity(j, req.Kind)
	if req.Kind == format.TrichSao {
		// The part is chosen on the model, before layout: the copy is
		// the document re-made with its thể thức and that part (Điều
		// 25.3.b), laid out afresh. A part the document lacks stops
		// here, before the register.
		ext, err := req.Parts.apply(res.Doc)
		if err != nil {
			return out, err
		}
		res.Doc, out.Part = ext.doc, ext.desc
		id = ExtractIdentity(j, ext.desc)
	}
	if err := e.Layout(&res); err != nil || res.Layout == nil {
		out.Diags = res.Diags
		return out, err
	}
	in, _ := e.prepare(j)
	if in == nil {
		return out, fmt.Errorf("engine: %s: no input after a model", j.Path())
	}
	by := e.copyingBody(j.Dir, in)
	entry, ds, err := e.registerCopy(ctx, j, in, by, req, id, out.Part)
	out.Diags.Append(ds)
	if err != nil {
		if d, ok := registerDiag(j.Dir, err); ok {
			out.Diags.Add(d)
			return out, nil
		}
		return out, err
	}
	if ds.HasErrors() {
		return out, nil
	}
	out.Entry = entry
	date, _ := data.ParseDate(entry.Date)
	number := model.Number{Value: int64(entry.Number), Symbol: entry.Symbol}

	var lay *layout.Result
	if req.Electronic {
		lay, err = copyblock.Electronic(res.Layout, format.Box14Lines(req.Kind, by.full))
	} else {
		items := format.RecipientLines(model.Recipients{Items: req.Recipients, Archive: format.CopyArchive})
		lay, out.Placement, err = copyblock.Paper(res.Layout, format.NewSheet(res.Doc.Kind), copyblock.Block{
			Kind: req.Kind, Body: by.name, Number: format.NumberLine(number),
			PlaceDate: format.DateLine(by.place, date),
			Authority: format.SignatureLines(by.signer.Authority, by.signer.OnBehalfOf, by.signer.Head, by.signer.Title),
			Name:      by.signer.Name, Recipients: items,
		})
	}
	if err != nil {
		return out, err
	}
	// The copy's own metadata: its date, its identity, its number.
	lay.Meta.Time = format.Timestamp(date)
	lay.Meta.Identity = res.Layout.Meta.Identity + "#" + req.Kind.Slug()
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, lay, pdf.Options{PDFA: true, Keywords: number.Text()}); err != nil {
		return out, err
	}
	out.PDF, out.Pages, out.Layout = buf.Bytes(), len(lay.Pages), lay
	if req.Out != "" {
		path := filepath.Join(req.Out, id+".pdf")
		if err := batch.WriteFile(path, out.PDF); err != nil {
			out.Diags.Add(diag.New(diag.Pos{File: j.Path()}, diag.CodeOutput, req.Out, err.Error()))
			return out, nil
		}
		out.Path = path
	}
	return out, nil
}

// registerCopy gives the copy (identity id) its number: the one the
// register holds for it, else the next of the body's copy series in the
// year of the copy's date. part is what a trích sao reproduces, said in
// its trích yếu; "" for the other kinds.
func (e *Engine) registerCopy(ctx context.Context, j Job, in *data.Input, by copier, req CopyRequest, id, part string) (register.Entry, diag.List, error) {
	fail := func(code diag.Code, args ...any) (register.Entry, diag.List, error) {
		return register.Entry{}, diag.List{diag.New(diag.Pos{File: j.Path()}, code, args...)}, nil
	}
	reg, err := e.Register(j.Dir, true)
	if err != nil {
		return register.Entry{}, nil, err
	}
	cur, has, err := reg.Lookup(ctx, id)
	if err != nil {
		return cur, nil, err
	}
	if has {
		var l diag.List
		if d, _ := data.ParseDate(cur.Date); !req.Date.IsZero() && req.Date != d {
			l.Add(diag.New(diag.Pos{File: j.Path()}, diag.CodeRegDate, req.Date.Short(), d.Short()))
		}
		return cur, l, nil
	}
	d := req.Date
	if d.IsZero() && req.Today != nil {
		now := req.Today()
		d = data.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
	}
	if !d.Complete() {
		return fail(diag.CodeRegNoDate)
	}
	set, _ := e.Templates(j.Dir)
	t, _ := set.Get(in.Template)
	orig := fmt.Sprintf("%s số %s ngày %s", format.SentenceCase(t.Type), strings.TrimSpace(model.Number{Value: in.Number, Symbol: t.Symbol(in)}.Text()),
		in.Date.Short())
	if s := strings.TrimSpace(t.SummaryOf(in)); s != "" {
		orig += " " + lowerFirst(s)
	}
	if part != "" {
		// The register row reads "Bản trích sao quyết định số … về việc
		// … — phần trích: Điều 1; Phụ lục (Trần Văn Bình)".
		orig += " — phần trích: " + part
	}
	entry, err := reg.Allocate(ctx, register.Request{Entry: register.Entry{
		Series: CopySeries(by.abbrev), Year: d.Year, Doc: id, Symbol: format.CopySymbol(req.Kind, by.abbrev),
		Date: d.ISO(), Type: req.Kind.Type(), Summary: orig, Signer: by.signer.Name,
		Recipients: strings.Join(req.Recipients, "; "), Archive: format.CopyArchive,
	}})
	return entry, nil, err
}

// copier is the body that makes a copy and who signs it.
type copier struct {
	name   []string // tên cơ quan (ô 2), as the header's issuer
	full   string   // the name in a sentence, for ô 14
	abbrev string   // viet_tat, in the copy's ký hiệu
	place  string   // dia_danh
	signer data.Signer
}

// copyingBody returns the body copying documents of workspace dir: the
// [co_quan] and [nguoi_ky] of its profile, as data converts them, each
// falling back to the document's own (in) when the profile has none. A
// document's input holds the profile merged with the document's overrides
// (a Quyết định signed by the Chủ tịch in person, a Tờ trình of the Hội
// đồng Thi đua - Khen thưởng), while a copy is made and signed by the body
// itself (NĐ 30, Điều 27.1). A profile with errors is left to the build's
// own diagnostics: the document's values are used.
func (e *Engine) copyingBody(dir string, in *data.Input) copier {
	c := copier{name: in.Org.Name, full: in.Org.FullName, abbrev: in.Org.Abbrev, place: in.Org.Place, signer: in.Signer}
	org, signer, ok := e.profile(dir).Body()
	if !ok {
		return c
	}
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	if len(org.Name) > 0 {
		c.name = org.Name
		// The profile's body: its sentence name too, never the
		// document's (another body's) one.
		c.full = ""
	}
	set(&c.full, org.FullName)
	if c.full == "" {
		c.full = format.SentenceCase(strings.Join(c.name, " "))
	}
	set(&c.abbrev, org.Abbrev)
	set(&c.place, org.Place)
	if strings.TrimSpace(signer.Name) != "" {
		c.signer = signer
	}
	return c
}

// ParseCopyKind reads a copy kind's slug ("sao-y", "sao-luc",
// "trich-sao"), for the CLI, which leaves format to the engine.
func ParseCopyKind(slug string) (format.CopyKind, bool) { return format.ParseCopyKind(slug) }

// CopyKinds lists the slugs of the copy kinds, for usage messages.
func CopyKinds() []string { return format.CopyKinds() }
