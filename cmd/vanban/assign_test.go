package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"vanban/internal/register"
)

// A number typed with -so must be 1..register.MaxNumber: anything else is a
// Vietnamese error that changes nothing, and the series stays usable.
func TestAssign_NumberRange(t *testing.T) {
	ws := workspaceOf(t, 2)
	out := filepath.Join(ws, "out")
	kh := filepath.Join(ws, "kh-01.toml")
	for _, n := range []string{"-3", "0", "10000000", "9223372036854775807"} {
		code, stdout, stderr := cli(t, "assign", "-so", n, "-ngay", "2024-05-08", "-o", out, kh)
		if code != exitDiag || !strings.Contains(stderr, "[R007]") || strings.Contains(stdout, "Đã cấp") {
			t.Errorf("-so %s: exit %d\n%s%s", n, code, stdout, stderr)
		}
	}
	if code, _, stderr := cli(t, "assign", "-so", "99999999999999999999", kh); code != exitUsage {
		t.Errorf("a number past int64: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := cli(t, "assign", "-ngay", "2024-05-08", "-o", out, kh)
	if code != exitOK || !strings.Contains(stdout, "Đã cấp số 01/KH-UBND") {
		t.Fatalf("after refused numbers: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := cli(t, "assign", "-so", "9999999", "-ngay", "2024-05-08", "-o", out, filepath.Join(ws, "kh-02.toml")); code != exitOK || !strings.Contains(stdout, "Đã cấp số 9999999/KH-UBND") {
		t.Errorf("the largest number: exit %d\n%s%s", code, stdout, stderr)
	}
}

// A register written by an older build with a value no number can be (the
// old -so 9223372036854775807 stored it as a float) gives a positioned,
// explained error on every command, never an internal error.
func TestAssign_PoisonedRegister(t *testing.T) {
	ws := workspaceOf(t, 2)
	db, err := sql.Open("sqlite", filepath.Join(ws, register.FileName))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE TABLE entries (
	series TEXT NOT NULL, year INTEGER NOT NULL, number INTEGER NOT NULL, doc TEXT NOT NULL, symbol TEXT NOT NULL,
	date TEXT NOT NULL, type TEXT NOT NULL, summary TEXT NOT NULL, signer TEXT NOT NULL, recipients TEXT NOT NULL,
	cancelled INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (series, year, number));
CREATE UNIQUE INDEX one_number_per_doc ON entries(doc) WHERE cancelled = 0;
INSERT INTO entries VALUES ('UBND', 2024, 9.2233720368547758e18, 'kh-01', 'KH-UBND', '2024-05-08', 'Kế hoạch', 'x', 'y', 'z', 0);`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"assign", "-ngay", "2024-05-08", "-o", filepath.Join(ws, "out"), filepath.Join(ws, "kh-02.toml")},
		{"build", "-o", filepath.Join(ws, "out"), ws},
		{"register", ws},
	} {
		code, stdout, stderr := cli(t, args...)
		if code != exitDiag || !strings.Contains(stderr, register.FileName+": lỗi: sổ đăng ký văn bản đi có dòng hỏng") || !strings.Contains(stderr, "[R008]") {
			t.Errorf("%s: exit %d\n%s%s", args[0], code, stdout, stderr)
		}
	}
}
