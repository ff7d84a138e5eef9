package register

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// schemaVersion is stored in PRAGMA user_version. Version 0 is the first
// schema (untyped columns, no CHECKs): a number that overflowed to a REAL
// could enter a series and break every later allocation of its year.
// Version 2 adds the Kính gửi addressees and the archive (Lưu) of each
// entry, for the register's "Nơi nhận" and "bản lưu" columns; entries
// made before have them empty.
const schemaVersion = 2

// table is the DDL of the entries table under a given name: STRICT, so
// SQLite refuses a value of another type than declared, and CHECKs that
// keep every number and year in range.
func table(name string) string {
	return fmt.Sprintf(`CREATE TABLE %s (
	series     TEXT    NOT NULL,
	year       INTEGER NOT NULL CHECK (year BETWEEN %d AND %d),
	number     INTEGER NOT NULL CHECK (number BETWEEN 1 AND %d),
	doc        TEXT    NOT NULL,
	symbol     TEXT    NOT NULL,
	date       TEXT    NOT NULL,
	type       TEXT    NOT NULL,
	summary    TEXT    NOT NULL,
	signer     TEXT    NOT NULL,
	recipients TEXT    NOT NULL,
	cancelled  INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
	addressees TEXT    NOT NULL DEFAULT '',
	archive    TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (series, year, number)
) STRICT`, name, MinYear, MaxYear, MaxNumber)
}

const index = `CREATE UNIQUE INDEX IF NOT EXISTS one_number_per_doc ON entries(doc) WHERE cancelled = 0`

// columns are the selected columns, in the order scanRow reads them.
const columns = columnsV1 + `, addressees, archive`

// columnsV1 are the columns of schema versions 0 and 1.
const columnsV1 = `rowid, series, year, number, doc, symbol, date, type, summary, signer, recipients, cancelled`

// setup creates the table of a new register or migrates an old one. The
// version is read first without a lock, so opening a current register for
// reading never waits for writers; otherwise it is read again inside the
// write transaction, as another process may have migrated meanwhile.
func (r *Register) setup(ctx context.Context) error {
	var v int
	if err := r.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v == schemaVersion {
		return nil
	}
	if v > schemaVersion {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", v, schemaVersion)
	}
	return r.tx(ctx, func(c *sql.Conn) error {
		if err := c.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
			return err
		}
		if v == schemaVersion {
			return nil
		}
		var n int
		if err := c.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'entries'`).Scan(&n); err != nil {
			return err
		}
		switch {
		case n == 0:
			if _, err := c.ExecContext(ctx, table("entries")); err != nil {
				return err
			}
		case v == 1:
			// Two text columns with defaults: SQLite adds them in place.
			for _, q := range []string{
				`ALTER TABLE entries ADD COLUMN addressees TEXT NOT NULL DEFAULT ''`,
				`ALTER TABLE entries ADD COLUMN archive TEXT NOT NULL DEFAULT ''`,
			} {
				if _, err := c.ExecContext(ctx, q); err != nil {
					return fmt.Errorf("migrate: %w", err)
				}
			}
		default:
			if err := migrate(ctx, c); err != nil {
				return err
			}
		}
		if _, err := c.ExecContext(ctx, index); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, schemaVersion))
		return err
	})
}

// migrate copies the rows of a version-0 table into a new STRICT table,
// keeping their rowids, and puts it in its place. Every row is decoded
// first: one that does not fit is a *CorruptError and the caller's
// transaction is rolled back, so no row is ever dropped silently.
func migrate(ctx context.Context, c *sql.Conn) error {
	rows, err := c.QueryContext(ctx, `SELECT `+columnsV1+` FROM entries ORDER BY rowid`)
	if err != nil {
		return err
	}
	type row struct {
		id int64
		e  Entry
	}
	var all []row
	for rows.Next() {
		id, e, err := scanRow(rows, 12)
		if err != nil {
			rows.Close()
			return err
		}
		all = append(all, row{id, e})
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if _, err := c.ExecContext(ctx, `DROP TABLE IF EXISTS entries_v1`); err != nil {
		return err
	}
	if _, err := c.ExecContext(ctx, table("entries_v1")); err != nil {
		return err
	}
	for _, r := range all {
		e := r.e
		cancelled := 0
		if e.Cancelled {
			cancelled = 1
		}
		if _, err := c.ExecContext(ctx, `INSERT INTO entries_v1 (rowid, series, year, number, doc, symbol, date, type, summary, signer, recipients, cancelled)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.id, e.Series, e.Year, e.Number, e.Doc, e.Symbol, e.Date, e.Type, e.Summary, e.Signer, e.Recipients, cancelled); err != nil {
			return fmt.Errorf("migrate row %d: %w", r.id, err)
		}
	}
	for _, q := range []string{`DROP TABLE entries`, `ALTER TABLE entries_v1 RENAME TO entries`} {
		if _, err := c.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

type scanner interface{ Scan(...any) error }

// scan reads one row selected with columns.
func scan(s scanner) (Entry, error) {
	_, e, err := scanRow(s, 14)
	return e, err
}

// scanRow reads one row selected with columns (n = 14) or columnsV1
// (n = 12) into untyped values and checks each, so a wrong value is a
// *CorruptError naming the row, never a driver scan error.
func scanRow(s scanner, n int) (int64, Entry, error) {
	v := make([]any, n)
	p := make([]any, len(v))
	for i := range v {
		p[i] = &v[i]
	}
	if err := s.Scan(p...); err != nil {
		return 0, Entry{}, err
	}
	id, ok := v[0].(int64)
	if !ok {
		return 0, Entry{}, &CorruptError{Row: 0, Detail: "dòng không có mã (rowid)"}
	}
	d := decoder{row: id}
	e := Entry{
		Series:     d.text(v[1], "series", "dãy số"),
		Year:       int(d.integer(v[2], "year", "năm", MinYear, MaxYear)),
		Number:     int(d.integer(v[3], "number", "số", 1, MaxNumber)),
		Doc:        d.text(v[4], "doc", "văn bản"),
		Symbol:     d.text(v[5], "symbol", "ký hiệu"),
		Date:       d.text(v[6], "date", "ngày"),
		Type:       d.text(v[7], "type", "tên loại"),
		Summary:    d.text(v[8], "summary", "trích yếu"),
		Signer:     d.text(v[9], "signer", "người ký"),
		Recipients: d.text(v[10], "recipients", "nơi nhận"),
		Cancelled:  d.integer(v[11], "cancelled", "đánh dấu hủy", 0, 1) == 1,
	}
	if n > 12 {
		e.Addressees = d.text(v[12], "addressees", "kính gửi")
		e.Archive = d.text(v[13], "archive", "nơi lưu")
	}
	if d.err != nil {
		return id, Entry{}, d.err
	}
	return id, e, nil
}

// decoder checks the values of one row and keeps the first problem.
type decoder struct {
	row int64
	err *CorruptError
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = &CorruptError{Row: d.row, Detail: fmt.Sprintf(format, args...)}
	}
}

func (d *decoder) text(v any, col, label string) string {
	s, ok := v.(string)
	if !ok {
		d.fail("cột %s (%s) phải là chữ, nhưng là %s", col, label, describe(v))
	}
	return s
}

func (d *decoder) integer(v any, col, label string, lo, hi int64) int64 {
	n, ok := v.(int64)
	switch {
	case !ok:
		d.fail("cột %s (%s) phải là số nguyên, nhưng là %s", col, label, describe(v))
	case n < lo || n > hi:
		d.fail("cột %s (%s) bằng %d, ngoài khoảng %d–%d", col, label, n, lo, hi)
	}
	return n
}

// describe names a stored value and its SQLite type, in Vietnamese.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "trống (NULL)"
	case int64:
		return fmt.Sprintf("số nguyên %d", x)
	case float64:
		return fmt.Sprintf("số thực %s", strings.TrimSuffix(fmt.Sprintf("%g", x), ".0"))
	case string:
		if len([]rune(x)) > 40 {
			x = string([]rune(x)[:40]) + "…"
		}
		return fmt.Sprintf("chữ %q", x)
	case []byte:
		return fmt.Sprintf("dữ liệu nhị phân %d byte", len(x))
	default:
		return fmt.Sprintf("%T", v)
	}
}
