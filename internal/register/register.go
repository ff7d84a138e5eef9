// Package register keeps the outgoing-documents register (Sổ đăng ký văn bản
// đi, NĐ 30/2020 Điều 15–16 and Phụ lục IV) of a workspace in an SQLite
// database (modernc.org/sqlite, pure Go): it allocates numbers per series and
// calendar year of the issue date, from 01 on 1 January, one transaction per
// allocation, never twice for a document and never again after a number is
// cancelled.
package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite"
)

// FileName is the register's file inside a workspace.
const FileName = "so-van-ban-di.sqlite"

// Entry is one line of the register.
type Entry struct {
	Series     string // numbering series, e.g. "UBND" or "UBND/KH"
	Year       int    // calendar year of the issue date
	Number     int    // 1, 2, …
	Doc        string // the document's identity: its file stem in the workspace
	Symbol     string // "KH-UBND"
	Date       string // issue date, YYYY-MM-DD
	Type       string // tên loại, "Kế hoạch"
	Summary    string // trích yếu
	Signer     string // người ký
	Recipients string // nơi nhận, "; "-joined
	Cancelled  bool
}

// Errors.
var (
	ErrTaken     = errors.New("register: number already used")
	ErrHasNumber = errors.New("register: document already has another number")
	ErrNotFound  = errors.New("register: document not in the register")
)

// Register is an open register.
type Register struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS entries (
	series     TEXT    NOT NULL,
	year       INTEGER NOT NULL,
	number     INTEGER NOT NULL,
	doc        TEXT    NOT NULL,
	symbol     TEXT    NOT NULL,
	date       TEXT    NOT NULL,
	type       TEXT    NOT NULL,
	summary    TEXT    NOT NULL,
	signer     TEXT    NOT NULL,
	recipients TEXT    NOT NULL,
	cancelled  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (series, year, number)
);
CREATE UNIQUE INDEX IF NOT EXISTS one_number_per_doc ON entries(doc) WHERE cancelled = 0;
`

// Open opens the register at path, creating it if needed. Waits for other
// processes holding the write lock up to ten seconds.
func Open(path string) (*Register, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("register: %s: %w", path, err)
	}
	return &Register{db: db}, nil
}

// Close closes the register.
func (r *Register) Close() error { return r.db.Close() }

// Request asks for a number for a document.
type Request struct {
	Entry      // Series, Year, Doc, Symbol, Date, Type, Summary, Signer, Recipients
	Number int // a given number; 0 takes the next free one
}

// Allocate gives req.Doc a number in one immediate transaction: the number
// it already has (allocation is idempotent), else req.Number if it is free,
// else the next after every number ever used in the series and year, so a
// cancelled number is never handed out again.
func (r *Register) Allocate(ctx context.Context, req Request) (Entry, error) {
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
		n := req.Number
		if n == 0 {
			if err := c.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM entries WHERE series = ? AND year = ?`,
				req.Series, req.Year).Scan(&n); err != nil {
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
		e.Number = n
		_, err = c.ExecContext(ctx, `INSERT INTO entries (series, year, number, doc, symbol, date, type, summary, signer, recipients)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Series, e.Year, e.Number, e.Doc, e.Symbol, e.Date, e.Type, e.Summary, e.Signer, e.Recipients)
		out = e
		return err
	})
	return out, err
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
// register order: series, year, number.
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

const columns = `series, year, number, doc, symbol, date, type, summary, signer, recipients, cancelled`

type scanner interface{ Scan(...any) error }

func scan(s scanner) (Entry, error) {
	var e Entry
	var c int
	err := s.Scan(&e.Series, &e.Year, &e.Number, &e.Doc, &e.Symbol, &e.Date, &e.Type, &e.Summary, &e.Signer, &e.Recipients, &c)
	e.Cancelled = c != 0
	return e, err
}

func lookup(ctx context.Context, c *sql.Conn, doc string) (Entry, bool, error) {
	e, err := scan(c.QueryRowContext(ctx, `SELECT `+columns+` FROM entries WHERE doc = ? AND cancelled = 0`, doc))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	return e, err == nil, err
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
