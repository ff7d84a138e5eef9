package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"vanban/internal/book"
	"vanban/internal/render/pdf"

	"vanban/internal/batch"
	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/register"
	"vanban/internal/tmpl"
	"vanban/internal/tomledit"
)

// Register returns the register of a workspace; nil when it has none and
// create is false.
func (e *Engine) Register(dir string, create bool) (*register.Register, error) {
	if r, ok := e.registers[dir]; ok && (r != nil || !create) {
		return r, nil
	}
	path := filepath.Join(dir, register.FileName)
	if _, err := os.Stat(path); err != nil && !create {
		e.registers[dir] = nil // looked for once per engine
		return nil, nil
	}
	r, err := register.Open(path)
	if err != nil {
		return nil, err
	}
	e.registers[dir] = r
	return r, nil
}

// series is the numbering series of a document: one per issuing body (an
// advisory council such as the Hội đồng Thi đua - Khen thưởng has its own
// abbreviation and so its own series, NĐ 30 Phụ lục I, II.3.a), and one per
// kind when the profile asks for it.
func series(in *data.Input, code string) string {
	if in.Numbering == data.SeriesPerKind {
		return in.Org.Abbrev + "/" + code
	}
	return in.Org.Abbrev
}

// applyRegister puts the number and date the register holds for a document
// into its input. A number typed in the file must agree with the register.
func (e *Engine) applyRegister(j Job, in *data.Input) diag.List {
	var l diag.List
	reg, err := e.Register(j.Dir, false)
	if err != nil {
		l.Add(readDiag(j.Dir, err))
		return l
	}
	if reg == nil {
		return l
	}
	entry, ok, err := reg.Lookup(context.Background(), j.Stem())
	if err != nil {
		l.Add(readDiag(j.Dir, err))
		return l
	}
	if !ok {
		if in.Number != 0 {
			l.Add(diag.New(in.At("so"), diag.CodeRegUnknown, in.Number, j.Name))
		}
		return l
	}
	if in.Number != 0 && in.Number != int64(entry.Number) {
		l.Add(diag.New(in.At("so"), diag.CodeRegMismatch, in.Number, entry.Number, j.Name))
		return l
	}
	d, reason := data.ParseDate(entry.Date)
	if reason != "" {
		l.Add(diag.New(diag.Pos{File: register.FileName}, diag.CodeBadDate, entry.Date, reason))
		return l
	}
	if in.Date.Complete() && in.Date != d {
		l.Add(diag.New(in.At("ngay"), diag.CodeRegDate, in.Date.Short(), d.Short()))
	}
	in.Number, in.Date = int64(entry.Number), d
	in.Values["so"], in.Values["ngay"], in.Values["nam"] = in.Number, d, int64(d.Year)
	return l
}

// AssignRequest is what the clerk asks of Assign.
type AssignRequest struct {
	Number   int64     // the number wanted; 0 takes the next free one unless Explicit
	Explicit bool      // Number was typed by the clerk (-so): it must be 1..register.MaxNumber
	Date     data.Date // the issue date; zero takes the document's own
	Cancel   bool      // cancel the document's number instead
	Today    func() time.Time
}

// ErrNotAssigned is returned by Assign with Cancel for a document that has
// no number.
var ErrNotAssigned = errors.New("engine: document has no number")

// Assign allocates (or cancels) the number of document j in its
// workspace's register. Allocation is idempotent: a document that has a
// number keeps it. Problems the clerk can fix come back as diagnostics;
// the register entry is valid only when both are empty.
func (e *Engine) Assign(ctx context.Context, j Job, req AssignRequest) (register.Entry, diag.List, error) {
	in, ds := e.input(j)
	if in == nil {
		return register.Entry{}, ds, nil
	}
	fail := func(code diag.Code, args ...any) (register.Entry, diag.List, error) {
		return register.Entry{}, diag.List{diag.New(diag.Pos{File: j.Path()}, code, args...)}, nil
	}
	if req.Explicit {
		if err := register.CheckNumber(req.Number); err != nil {
			return fail(diag.CodeRegRange, req.Number, register.MaxNumber)
		}
	}
	entry, ds, err := e.assign(ctx, j, in, req)
	if d, ok := registerDiag(j.Dir, err); ok {
		return entry, diag.List{d}, nil
	}
	return entry, ds, err
}

// issueDate is the date a number is given for: the one asked for, else
// the document's own; a document dated only to the month (or not at all)
// in the current year takes today. ok is false when neither gives a full
// date.
func issueDate(in *data.Input, req AssignRequest) (data.Date, bool) {
	d := in.Date
	if !req.Date.IsZero() {
		d = req.Date
	}
	if d.Complete() {
		return d, true
	}
	if !req.Date.IsZero() || !in.Date.IsZero() && in.Date.Year != req.Today().Year() {
		return d, false
	}
	now := req.Today()
	return data.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}, true
}

// newEntry is the register entry of document j dated d, before its number.
func newEntry(j Job, in *data.Input, t *tmpl.Template, d data.Date) register.Entry {
	return register.Entry{
		Series: series(in, t.Code), Year: d.Year, Doc: j.Stem(), Symbol: t.Symbol(in),
		Date: d.ISO(), Type: format.SentenceCase(t.Type),
		Summary: t.SummaryOf(in), Signer: in.Signer.Name,
		Recipients: strings.Join(in.Recipients, "; "),
		Addressees: strings.Join(in.Addressees, "; "), Archive: in.Archive,
	}
}

// PeekNumber returns the entry Assign would give document j for req now,
// number included, without taking it; has is true when j already has its
// number (the entry is then that one). Another process may take the
// number first: Assign decides.
func (e *Engine) PeekNumber(ctx context.Context, j Job, req AssignRequest) (entry register.Entry, has bool, ds diag.List, err error) {
	in, ds := e.input(j)
	if in == nil {
		return entry, false, ds, nil
	}
	reg, err := e.Register(j.Dir, false)
	if err != nil {
		if d, ok := registerDiag(j.Dir, err); ok {
			return entry, false, diag.List{d}, nil
		}
		return entry, false, nil, err
	}
	if reg != nil {
		cur, has, err := reg.Lookup(ctx, j.Stem())
		if err != nil || has {
			return cur, has, nil, err
		}
	}
	set, _ := e.Templates(j.Dir)
	t, _ := set.Get(in.Template)
	d, ok := issueDate(in, req)
	if !ok {
		return entry, false, diag.List{diag.New(diag.Pos{File: j.Path()}, diag.CodeRegNoDate)}, nil
	}
	entry = newEntry(j, in, t, d)
	entry.Number = 1
	if reg != nil {
		if entry.Number, err = reg.Next(ctx, entry.Series, d.Year); err != nil {
			if d, ok := registerDiag(j.Dir, err); ok {
				return entry, false, diag.List{d}, nil
			}
			return entry, false, nil, err
		}
	}
	return entry, false, nil, nil
}

// readDiag is the diagnostic of a register that cannot be read while a
// document is built: a damaged row or number as registerDiag says, any
// other failure as the file that cannot be read.
func readDiag(dir string, err error) diag.Diagnostic {
	if d, ok := registerDiag(dir, err); ok {
		return d
	}
	return diag.New(diag.Pos{File: register.FileName}, diag.CodeReadFile, err.Error())
}

// registerDiag turns the register errors a clerk can act on into
// diagnostics: a damaged row (R008) and a number out of range (R007).
func registerDiag(dir string, err error) (diag.Diagnostic, bool) {
	var ce *register.CorruptError
	var re *register.RangeError
	at := diag.Pos{File: filepath.Join(dir, register.FileName)}
	switch {
	case errors.As(err, &ce):
		return diag.New(at, diag.CodeRegCorrupt, ce.Row, ce.Detail), true
	case errors.As(err, &re):
		return diag.New(at, diag.CodeRegRange, re.Number, register.MaxNumber), true
	}
	return diag.Diagnostic{}, false
}

func (e *Engine) assign(ctx context.Context, j Job, in *data.Input, req AssignRequest) (register.Entry, diag.List, error) {
	reg, err := e.Register(j.Dir, true)
	if err != nil {
		return register.Entry{}, nil, err
	}
	fail := func(code diag.Code, args ...any) (register.Entry, diag.List, error) {
		return register.Entry{}, diag.List{diag.New(diag.Pos{File: j.Path()}, code, args...)}, nil
	}
	cur, has, err := reg.Lookup(ctx, j.Stem())
	if err != nil {
		return cur, nil, err
	}
	if req.Cancel {
		if !has {
			return cur, nil, ErrNotAssigned
		}
		// The file first: killed between the two steps, the register
		// still holds the number and fills it in at the next build.
		if in.Number != 0 {
			if err := tomledit.SetFile(j.Path(), tomledit.Pair{Path: "so", Value: ""}); err != nil {
				return cur, nil, fmt.Errorf("engine: write so back into %s: %w", j.Path(), err)
			}
		}
		entry, err := reg.Cancel(ctx, j.Stem())
		if errors.Is(err, register.ErrNotFound) {
			return entry, nil, ErrNotAssigned
		}
		return entry, nil, err
	}
	if has {
		if req.Number != 0 && req.Number != int64(cur.Number) {
			return fail(diag.CodeRegHasNumber, cur.Number, isoShort(cur.Date), j.Path())
		}
		return cur, nil, writeBack(j, in, cur)
	}
	set, _ := e.Templates(j.Dir)
	t, _ := set.Get(in.Template)
	d, ok := issueDate(in, req)
	if !ok {
		return fail(diag.CodeRegNoDate)
	}
	entry, err := reg.Allocate(ctx, register.Request{Number: int(req.Number), Entry: newEntry(j, in, t, d)})
	switch {
	case errors.Is(err, register.ErrTaken):
		return fail(diag.CodeRegTaken, req.Number, d.Year, series(in, t.Code))
	case errors.Is(err, register.ErrHasNumber):
		return fail(diag.CodeRegHasNumber, entry.Number, isoShort(entry.Date), j.Path())
	case err != nil:
		return entry, nil, err
	}
	return entry, nil, writeBack(j, in, entry)
}

// writeBack writes the register's number and date of a document into its
// TOML file (so = 5, ngay = "2024-05-08"), keeping everything else of the
// file as the clerk wrote it, so the file and the register agree. Only the
// keys that differ are written. The register is the record: a failure here
// leaves a valid allocation, and the next build still takes the number
// from the register.
func writeBack(j Job, in *data.Input, e register.Entry) error {
	var pairs []tomledit.Pair
	if in.Number != int64(e.Number) {
		pairs = append(pairs, tomledit.Pair{Path: "so", Value: e.Number})
	}
	if d, reason := data.ParseDate(e.Date); reason == "" && in.Date != d {
		pairs = append(pairs, tomledit.Pair{Path: "ngay", Value: e.Date})
	}
	if len(pairs) == 0 {
		return nil
	}
	if err := tomledit.SetFile(j.Path(), pairs...); err != nil {
		return fmt.Errorf("engine: write so and ngay back into %s: %w", j.Path(), err)
	}
	return nil
}

// isoShort spells a register date (YYYY-MM-DD) as documents and clerks
// write it: "08/5/2024".
func isoShort(iso string) string {
	d, reason := data.ParseDate(iso)
	if reason != "" {
		return iso
	}
	return d.Short()
}

// EntryDate is an entry's issue date as clerks write it: "08/5/2024".
func EntryDate(e register.Entry) string { return isoShort(e.Date) }

// RegisterRows reads a workspace's register: the header and one row per
// entry of year (0: every year). ok is false when the workspace has no
// register yet.
func (e *Engine) RegisterRows(ctx context.Context, dir string, year int) (rows [][]string, ok bool, ds diag.List, err error) {
	entries, ok, ds, err := e.entries(ctx, dir, year)
	if !ok || ds.HasErrors() || err != nil {
		return nil, ok, ds, err
	}
	rows = [][]string{RegisterColumns()}
	for _, en := range entries {
		rows = append(rows, RegisterRow(en))
	}
	return rows, true, nil, nil
}

// entries reads the entries of year (0: every year) of a workspace's
// register, in series, year and number order; ok is false when the
// workspace has no register yet; a damaged register is a diagnostic.
func (e *Engine) entries(ctx context.Context, dir string, year int) (entries []register.Entry, ok bool, ds diag.List, err error) {
	reg, err := e.Register(dir, false)
	if reg != nil && err == nil {
		entries, err = reg.List(ctx, year)
	}
	if d, isReg := registerDiag(dir, err); isReg {
		return nil, true, diag.List{d}, nil
	}
	return entries, reg != nil, nil, err
}

// RegisterColumns returns the columns of the Sổ đăng ký văn bản đi (NĐ 30,
// Phụ lục IV, I: at least these ten), a fresh slice each call.
func RegisterColumns() []string { return register.BookColumns() }

// RegisterRow is one entry as a row of RegisterColumns. "Nơi nhận" lists
// the Kính gửi addressees, then the Nơi nhận block; the archive column is
// the document's Lưu.
func RegisterRow(e register.Entry) []string {
	note := ""
	if e.Cancelled {
		note = "Đã hủy"
	}
	var to []string
	for _, part := range []string{e.Addressees, e.Recipients} {
		if part != "" {
			to = append(to, part)
		}
	}
	return []string{
		EntryNumber(e), isoShort(e.Date), e.Type + " " + lowerFirst(e.Summary), e.Signer,
		strings.Join(to, "; "), e.Archive, "", "", "", note,
	}
}

// RegisterBooks reads a workspace's register as books to print: one per
// series and year (only year when not 0), sorted by series then year, the
// entries of each by date then number. The issuer on a book's cover is
// that of a document of the series still in the workspace (the series'
// abbreviation when none is). ok is false when the workspace has no
// register yet.
func (e *Engine) RegisterBooks(ctx context.Context, dir string, year int) (books []register.Book, ok bool, ds diag.List, err error) {
	entries, ok, ds, err := e.entries(ctx, dir, year)
	if !ok || ds.HasErrors() || err != nil {
		return nil, ok, ds, err
	}
	// List gives series, year, number order.
	for i := 0; i < len(entries); {
		k := i
		for k < len(entries) && entries[k].Series == entries[i].Series && entries[k].Year == entries[i].Year {
			k++
		}
		group := append([]register.Entry(nil), entries[i:k]...)
		sort.SliceStable(group, func(a, b int) bool {
			if group[a].Date != group[b].Date {
				return group[a].Date < group[b].Date
			}
			return group[a].Number < group[b].Number
		})
		b := register.Book{Series: group[0].Series, Year: group[0].Year, Issuer: []string{group[0].Series}}
		lo, hi := group[0], group[0]
		for _, en := range group {
			b.Rows = append(b.Rows, RegisterRow(en))
			if en.Number < lo.Number {
				lo = en
			}
			if en.Number > hi.Number {
				hi = en
			}
		}
		for _, en := range group {
			if in, _ := e.input(Job{Dir: dir, Name: en.Doc + ".toml"}); in != nil && len(in.Org.Name) > 0 {
				b.Issuer = append(append([]string{}, in.Org.Parent...), in.Org.Name...)
				break
			}
		}
		b.FromNumber, b.ToNumber = model.Padded(int64(lo.Number)), model.Padded(int64(hi.Number))
		b.FromDate, b.ToDate = isoShort(group[0].Date), isoShort(group[len(group)-1].Date)
		books = append(books, b)
		i = k
	}
	return books, true, nil, nil
}

// WriteBooksXLSX writes the register books as a workbook ready to print
// and bind (see register.WriteBooks), atomically.
func WriteBooksXLSX(path string, books []register.Book) error {
	var buf bytes.Buffer
	if err := register.WriteBooks(&buf, books); err != nil {
		return err
	}
	return batch.WriteFile(path, buf.Bytes())
}

// WriteBooksPDF writes the register books as a PDF/A to print and bind: per
// book a cover, then the ten columns on landscape A4 with the header on
// every page (see package book), atomically.
func (e *Engine) WriteBooksPDF(path string, books []register.Book) error {
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, book.Layout(books, e.fonts), pdf.Options{PDFA: true}); err != nil {
		return err
	}
	return batch.WriteFile(path, buf.Bytes())
}

// EntryNumber spells an entry's number and symbol as documents print it:
// "05/KH-UBND".
func EntryNumber(e register.Entry) string {
	return model.Number{Value: int64(e.Number), Symbol: e.Symbol}.Text()
}

// WriteCSV writes rows as a CSV file that Excel reads in UTF-8, cells that
// a spreadsheet would take for formulas neutralised, atomically.
func WriteCSV(path string, rows [][]string) error {
	var b bytes.Buffer
	if err := register.WriteCSV(&b, rows); err != nil {
		return err
	}
	return batch.WriteFile(path, b.Bytes())
}
