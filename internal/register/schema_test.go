package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// oldSchema is the DDL of registers written before schema version 1.
const oldSchema = `
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

// rawDB makes a database at path with ddl and runs the statements.
func rawDB(t *testing.T, path, ddl string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range append([]string{ddl}, stmts...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func oldRow(number string, doc string, cancelled int) string {
	return fmt.Sprintf(`INSERT INTO entries VALUES ('UBND', 2024, %s, '%s', 'KH-UBND', '2024-05-08', 'Kế hoạch', 'Trích yếu', 'Người ký', 'Nơi nhận', %d)`,
		number, doc, cancelled)
}

// dump lists a register's rows in a fixed text form.
func dump(t *testing.T, r *Register) string {
	t.Helper()
	all, err := r.List(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range all {
		fmt.Fprintf(&b, "%+v\n", e)
	}
	return b.String()
}

func TestOpen_MigratesOldSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	rawDB(t, path, oldSchema,
		oldRow("1", "ke-hoach", 0), oldRow("2", "to-trinh", 1), oldRow("3", "to-trinh", 0),
		`INSERT INTO entries VALUES ('UBND', 2025, '7', 'chu-so', 'KH-UBND', '2025-01-02', 'Kế hoạch', 'Số viết bằng chữ số', 'A', 'B', 0)`)
	r := open(t, path)
	got := dump(t, r)
	want := `{Series:UBND Year:2024 Number:1 Doc:ke-hoach Symbol:KH-UBND Date:2024-05-08 Type:Kế hoạch Summary:Trích yếu Signer:Người ký Recipients:Nơi nhận Addressees: Archive: Cancelled:false}
{Series:UBND Year:2024 Number:2 Doc:to-trinh Symbol:KH-UBND Date:2024-05-08 Type:Kế hoạch Summary:Trích yếu Signer:Người ký Recipients:Nơi nhận Addressees: Archive: Cancelled:true}
{Series:UBND Year:2024 Number:3 Doc:to-trinh Symbol:KH-UBND Date:2024-05-08 Type:Kế hoạch Summary:Trích yếu Signer:Người ký Recipients:Nơi nhận Addressees: Archive: Cancelled:false}
{Series:UBND Year:2025 Number:7 Doc:chu-so Symbol:KH-UBND Date:2025-01-02 Type:Kế hoạch Summary:Số viết bằng chữ số Signer:A Recipients:B Addressees: Archive: Cancelled:false}
`
	if got != want {
		t.Errorf("after migration:\n%s\nwant:\n%s", got, want)
	}
	var ddl string
	var v int
	r.db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'entries'`).Scan(&ddl)
	r.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if !strings.Contains(ddl, "STRICT") || v != schemaVersion {
		t.Errorf("version %d, table %s", v, ddl)
	}
	// The migrated register keeps working: constraints, numbering, the
	// one-number-per-document index.
	if e, err := r.Allocate(ctx, req("bao-cao", 2024)); err != nil || e.Number != 4 {
		t.Errorf("next number after migration: %d %v", e.Number, err)
	}
	if _, err := r.db.Exec(`INSERT INTO entries VALUES ('UBND', 2024, 8, 'ke-hoach', '', '', '', '', '', '', 0)`); err == nil {
		t.Error("two active numbers for one document after migration")
	}
	if _, err := r.db.Exec(`INSERT INTO entries VALUES ('UBND', 2024, 9.5, 'x', '', '', '', '', '', '', 0)`); err == nil {
		t.Error("a REAL number accepted after migration")
	}
	// Reopening does not migrate again.
	r.Close()
	if got2 := dump(t, open(t, path)); !strings.Contains(got2, "Number:4 Doc:bao-cao") || strings.Count(got2, "\n") != 5 {
		t.Errorf("after reopening:\n%s", got2)
	}
}

// Rows no new schema accepts, written by an older build (the overflow of
// "-so 9223372036854775807" followed by an automatic number) or by hand:
// opening fails with a *CorruptError naming the row, and the register is
// left as it was.
func TestOpen_PoisonedOldRow(t *testing.T) {
	cases := []struct {
		name   string
		stmts  []string
		row    int64
		detail string
	}{
		{"overflow", []string{oldRow("1", "a", 0), oldRow("9223372036854775807", "b", 0),
			`INSERT INTO entries SELECT series, year, MAX(number) + 1, 'c', symbol, date, type, summary, signer, recipients, 0 FROM entries`},
			2, "cột number (số) bằng 9223372036854775807, ngoài khoảng 1–9999999"},
		{"real", []string{oldRow("1", "a", 0), oldRow("9.2233720368547758e18", "c", 0)},
			2, "cột number (số) phải là số nguyên, nhưng là số thực 9.223372036854776e+18"},
		{"negative", []string{oldRow("-3", "a", 0)}, 1, "cột number (số) bằng -3, ngoài khoảng 1–9999999"},
		{"text", []string{oldRow("1", "a", 0), oldRow("'mười'", "b", 0)}, 2, `cột number (số) phải là số nguyên, nhưng là chữ "mười"`},
		{"blob doc", []string{`INSERT INTO entries VALUES ('UBND', 2024, 1, x'00ff', '', '', '', '', '', '', 0)`}, 1, "cột doc (văn bản) phải là chữ, nhưng là dữ liệu nhị phân 2 byte"},
		{"cancelled", []string{oldRow("1", "a", 5)}, 1, "cột cancelled (đánh dấu hủy) bằng 5, ngoài khoảng 0–1"},
		{"year", []string{`INSERT INTO entries VALUES ('UBND', 'năm nay', 1, 'a', '', '', '', '', '', '', 0)`}, 1, `cột year (năm) phải là số nguyên, nhưng là chữ "năm nay"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			rawDB(t, path, oldSchema, c.stmts...)
			r, err := Open(path)
			if err == nil {
				r.Close()
				t.Fatal("opened")
			}
			var ce *CorruptError
			if !errors.As(err, &ce) || ce.Row != c.row || ce.Detail != c.detail || !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %#v (%v), want row %d %q", ce, err, c.row, c.detail)
			}
			if strings.Contains(err.Error(), "Scan") {
				t.Errorf("driver error leaked: %v", err)
			}
			// Nothing was changed: still the old table with every row.
			db, _ := sql.Open("sqlite", "file:"+path)
			defer db.Close()
			var n, v int
			var ddl string
			db.QueryRow(`SELECT COUNT(*) FROM entries`).Scan(&n)
			db.QueryRow(`PRAGMA user_version`).Scan(&v)
			db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'entries'`).Scan(&ddl)
			if want := strings.Count(strings.Join(c.stmts, ";"), "INSERT"); n < want || v != 0 || strings.Contains(ddl, "STRICT") {
				t.Errorf("register changed by a failed migration: %d rows, version %d, %s", n, v, ddl)
			}
		})
	}
}

// A register whose table was replaced by hand with an untyped one (its
// version says current): every read of a poisoned row is a *CorruptError,
// never a driver scan error.
func TestRead_CorruptRow(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	rawDB(t, path, oldSchema, oldRow("1", "a", 0), oldRow("9.2233720368547758e18", "b", 0),
		`ALTER TABLE entries ADD COLUMN addressees TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE entries ADD COLUMN archive TEXT NOT NULL DEFAULT ''`,
		fmt.Sprintf(`PRAGMA user_version = %d`, schemaVersion))
	r := open(t, path)
	check := func(what string, err error) {
		t.Helper()
		var ce *CorruptError
		if !errors.As(err, &ce) || ce.Row != 2 || !strings.Contains(ce.Detail, "số thực") {
			t.Errorf("%s: %v, want *CorruptError for row 2", what, err)
		}
	}
	_, err := r.List(ctx, 2024)
	check("List", err)
	_, _, err = r.Lookup(ctx, "b")
	check("Lookup", err)
	_, err = r.Allocate(ctx, req("c", 2024))
	check("Allocate", err)
	_, err = r.Cancel(ctx, "b")
	check("Cancel", err)
	if e, ok, err := r.Lookup(ctx, "a"); err != nil || !ok || e.Number != 1 {
		t.Errorf("a good row: %v %v %v", e, ok, err)
	}
}

// A version-1 register (STRICT, no addressees or archive) gains the two
// columns in place: every row kept with its rowid, the new values empty,
// and new allocations store them.
func TestOpen_MigratesV1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	v1 := strings.Replace(strings.Replace(table("entries"), "\taddressees TEXT    NOT NULL DEFAULT '',\n", "", 1),
		"\tarchive    TEXT    NOT NULL DEFAULT '',\n", "", 1)
	if strings.Contains(v1, "archive") {
		t.Fatalf("no version-1 table:\n%s", v1)
	}
	rawDB(t, path, v1, index, oldRow("1", "ke-hoach", 0), oldRow("2", "to-trinh", 1), `PRAGMA user_version = 1`)
	r := open(t, path)
	want := `{Series:UBND Year:2024 Number:1 Doc:ke-hoach Symbol:KH-UBND Date:2024-05-08 Type:Kế hoạch Summary:Trích yếu Signer:Người ký Recipients:Nơi nhận Addressees: Archive: Cancelled:false}
{Series:UBND Year:2024 Number:2 Doc:to-trinh Symbol:KH-UBND Date:2024-05-08 Type:Kế hoạch Summary:Trích yếu Signer:Người ký Recipients:Nơi nhận Addressees: Archive: Cancelled:true}
`
	if got := dump(t, r); got != want {
		t.Errorf("after migration:\n%s\nwant:\n%s", got, want)
	}
	rq := req("cong-van", 2024)
	rq.Addressees, rq.Archive = "Sở Nội vụ; UBND tỉnh", "VT, TH"
	e, err := r.Allocate(ctx, rq)
	if err != nil || e.Number != 3 {
		t.Fatalf("allocate after migration: %+v %v", e, err)
	}
	got, ok, err := r.Lookup(ctx, "cong-van")
	if err != nil || !ok || got.Addressees != "Sở Nội vụ; UBND tỉnh" || got.Archive != "VT, TH" {
		t.Errorf("stored %+v %v %v", got, ok, err)
	}
	var v int
	r.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != schemaVersion {
		t.Errorf("version %d", v)
	}
}
