// Package register keeps the outgoing-documents register (Sổ đăng ký văn bản
// đi, NĐ 30/2020 Điều 15–16 and Phụ lục IV) of a workspace in an SQLite
// database (modernc.org/sqlite, pure Go): it allocates numbers per series and
// calendar year of the issue date, from 01 on 1 January, one transaction per
// allocation, never twice for a document and never again after a number is
// cancelled.
//
// The table is STRICT with CHECK constraints (schema.go), so no value of the
// wrong type or out of range can enter a series; registers made by older
// builds are migrated when opened. Rows are read through decode, which
// turns any value that is still wrong (a file edited by hand) into a
// *CorruptError naming the row instead of a driver scan error.
package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
)

// FileName is the register's file inside a workspace.
const FileName = "so-van-ban-di.sqlite"

// MaxNumber is the largest document number the register gives or accepts.
// Seven digits are far above what an issuing body uses in a year, and far
// below any integer overflow.
const MaxNumber = 9_999_999

// Years an issue date may have (a CHECK on the table).
const (
	MinYear = 1
	MaxYear = 9999
)

// Entry is one line of the register.
type Entry struct {
	Series     string // numbering series, e.g. "UBND" or "UBND/KH"
	Year       int    // calendar year of the issue date, MinYear..MaxYear
	Number     int    // 1..MaxNumber
	Doc        string // the document's identity: its file stem in the workspace
	Symbol     string // "KH-UBND"
	Date       string // issue date, YYYY-MM-DD
	Type       string // tên loại, "Kế hoạch"
	Summary    string // trích yếu
	Signer     string // người ký
	Recipients string // nơi nhận, "; "-joined
	Addressees string // kính gửi, "; "-joined; empty for a document without, or allocated before schema 2
	Archive    string // lưu: "VT, TH"; empty when allocated before schema 2
	Cancelled  bool
}

// Errors.
var (
	ErrTaken     = errors.New("register: number already used")
	ErrHasNumber = errors.New("register: document already has another number")
	ErrNotFound  = errors.New("register: document not in the register")
	ErrRange     = errors.New("register: number out of range")  // matched by every *RangeError
	ErrCorrupt   = errors.New("register: corrupt register row") // matched by every *CorruptError
)

// RangeError reports a number outside 1..MaxNumber: one asked for, or the
// next automatic number of a full series. errors.Is(err, ErrRange) holds.
type RangeError struct {
	Number int64 // the number refused
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("register: number %d outside 1..%d", e.Number, MaxNumber)
}

// Is makes errors.Is(err, ErrRange) true.
func (e *RangeError) Is(target error) bool { return target == ErrRange }

// CorruptError reports a register row that cannot be read or migrated: a
// value of the wrong type or out of range, written by an older build or by
// another tool. errors.Is(err, ErrCorrupt) holds.
type CorruptError struct {
	Row    int64  // the row's SQLite rowid ("mã" in the user message)
	Detail string // what is wrong, in Vietnamese, for the diagnostic
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("register: row %d: %s", e.Row, e.Detail)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

// CheckNumber returns a *RangeError unless 1 <= n <= MaxNumber. Callers
// that let a user type a number (vanban assign -so) use it for every typed
// value, 0 included; Request.Number == 0 itself means "the next number".
func CheckNumber(n int64) error {
	if n < 1 || n > MaxNumber {
		return &RangeError{Number: n}
	}
	return nil
}

// Register is an open register.
type Register struct {
	db *sql.DB
}

// Open opens the register at path, creating it if needed and migrating a
// register of an older schema in one transaction (a row that does not fit
// the new constraints fails the open with a *CorruptError and changes
// nothing). Waits for other processes holding the write lock up to ten
// seconds.
func Open(path string) (*Register, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	r := &Register{db: db}
	// Switching a new file to WAL takes the file for itself, and SQLite
	// does not wait for that on busy_timeout: several processes opening
	// a new register at once (two assigns) retry for the same ten seconds.
	err = r.setup(context.Background())
	for try := 0; try < 500 && isBusy(err); try++ {
		time.Sleep(20 * time.Millisecond)
		err = r.setup(context.Background())
	}
	if err != nil {
		db.Close()
		var ce *CorruptError
		if errors.As(err, &ce) {
			return nil, err
		}
		return nil, fmt.Errorf("register: %s: %w", path, err)
	}
	return r, nil
}

// Close closes the register.
func (r *Register) Close() error { return r.db.Close() }

// Request asks for a number for a document.
type Request struct {
	Entry      // Series, Year, Doc, Symbol, Date, Type, Summary, Signer, Recipients, Addressees, Archive
	Number int // a given number, 1..MaxNumber; 0 takes the next free one
}

// Allocate gives req.Doc a number in one immediate transaction: the number
// it already has (allocation is idempotent), else req.Number if it is free,
// else the next after every number ever used in the series and year, so a
// cancelled number is never handed out again. A req.Number outside
// 1..MaxNumber (other than 0), or a next number past MaxNumber, is a
// *RangeError; the first is refused before the database is touched.
func (r *Register) Allocate(ctx context.Context, req Request) (Entry, error) {
	if req.Number != 0 {
		if err := CheckNumber(int64(req.Number)); err != nil {
			return Entry{}, err
		}
	}
	if req.Year < MinYear || req.Year > MaxYear {
		return Entry{}, fmt.Errorf("register: year %d outside %d..%d", req.Year, MinYear, MaxYear)
	}
	var out Entry
	err := r.tx(ctx, func(c *sql.Conn) error {
		cur, ok, err := lookup(ctx, c, req.Doc)
		if err != nil {
			return err
		}
		if ok {
			if req.Number != 0 && req.Number != cur.Number {
				out = cur
				return ErrHasNumber
			}
			out = cur
			return nil
		}
		n := int64(req.Number)
		if n == 0 {
			last, err := maxNumber(ctx, c, req.Series, req.Year)
			if err != nil {
				return err
			}
			n = last + 1
			if err := CheckNumber(n); err != nil {
				return err
			}
		} else {
			var taken int
			if err := c.QueryRowContext(ctx, `SELECT COUNT(*) FROM entries WHERE series = ? AND year = ? AND number = ?`,
				req.Series, req.Year, n).Scan(&taken); err != nil {
				return err
			}
			if taken > 0 {
				return ErrTaken
			}
		}
		e := req.Entry
		e.Number = int(n)
		e.Cancelled = false
		_, err = c.ExecContext(ctx, `INSERT INTO entries (series, year, number, doc, symbol, date, type, summary, signer, recipients, addressees, archive)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Series, e.Year, e.Number, e.Doc, e.Symbol, e.Date, e.Type, e.Summary, e.Signer, e.Recipients, e.Addressees, e.Archive)
		out = e
		return err
	})
	return out, err
}

// Next returns the number Allocate would give now to a new document of a
// series and year, without taking it: a preview ("Số 05 sẽ được cấp").
// Another process may take it first; Allocate decides.
func (r *Register) Next(ctx context.Context, series string, year int) (int, error) {
	c, err := r.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	last, err := maxNumber(ctx, c, series, year)
	if err != nil {
		return 0, err
	}
	if err := CheckNumber(last + 1); err != nil {
		return 0, err
	}
	return int(last + 1), nil
}

// Cancel marks the number of doc as cancelled; it stays in the register
// and is never given again. The document may then be given a new number.
func (r *Register) Cancel(ctx context.Context, doc string) (Entry, error) {
	var out Entry
	err := r.tx(ctx, func(c *sql.Conn) error {
		cur, ok, err := lookup(ctx, c, doc)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotFound
		}
		_, err = c.ExecContext(ctx, `UPDATE entries SET cancelled = 1 WHERE series = ? AND year = ? AND number = ?`, cur.Series, cur.Year, cur.Number)
		cur.Cancelled = true
		out = cur
		return err
	})
	return out, err
}

// Lookup returns the active entry of doc.
func (r *Register) Lookup(ctx context.Context, doc string) (Entry, bool, error) {
	c, err := r.db.Conn(ctx)
	if err != nil {
		return Entry{}, false, err
	}
	defer c.Close()
	return lookup(ctx, c, doc)
}

// List returns the entries of a year (all years when year is 0), in
// register order: series, year, number. A row that cannot be read is a
// *CorruptError.
func (r *Register) List(ctx context.Context, year int) ([]Entry, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT `+columns+` FROM entries WHERE ? = 0 OR year = ? ORDER BY series, year, number`, year, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// maxNumber returns the largest number used in a series and year, 0 when
// none. It reads the row rather than MAX(number), so that a wrong value in
// a hand-edited register (types sort after integers in SQLite) comes out
// as a *CorruptError naming its row.
func maxNumber(ctx context.Context, c *sql.Conn, series string, year int) (int64, error) {
	var id int64
	var v any
	err := c.QueryRowContext(ctx, `SELECT rowid, number FROM entries WHERE series = ? AND year = ? ORDER BY number DESC LIMIT 1`,
		series, year).Scan(&id, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	d := decoder{row: id}
	n := d.integer(v, "number", "số", 1, MaxNumber)
	if d.err != nil {
		return 0, d.err
	}
	return n, nil
}

func lookup(ctx context.Context, c *sql.Conn, doc string) (Entry, bool, error) {
	e, err := scan(c.QueryRowContext(ctx, `SELECT `+columns+` FROM entries WHERE doc = ? AND cancelled = 0`, doc))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	return e, err == nil, err
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xFF == 5 // SQLITE_BUSY and its extended codes
}

// tx runs f in a BEGIN IMMEDIATE transaction on one connection: the write
// lock is taken first, so concurrent allocations from several processes
// queue instead of reading the same maximum.
func (r *Register) tx(ctx context.Context, f func(c *sql.Conn) error) error {
	c, err := r.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	var berr error
	for try := 0; try < 50; try++ {
		if _, berr = c.ExecContext(ctx, "BEGIN IMMEDIATE"); berr == nil {
			break
		}
		time.Sleep(20 * time.Millisecond) // busy beyond busy_timeout: back off and retry
	}
	if berr != nil {
		return fmt.Errorf("register: begin: %w", berr)
	}
	if err := f(c); err != nil {
		c.ExecContext(ctx, "ROLLBACK")
		return err
	}
	if _, err := c.ExecContext(ctx, "COMMIT"); err != nil {
		c.ExecContext(ctx, "ROLLBACK")
		return fmt.Errorf("register: commit: %w", err)
	}
	return nil
}
