package register

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"testing"
)

func TestAllocate_Range(t *testing.T) {
	ctx := context.Background()
	// Refused before the database is touched: a closed register would fail
	// any query with another error.
	closed := open(t, filepath.Join(t.TempDir(), FileName))
	closed.Close()
	for _, n := range []int{-3, MaxNumber + 1, math.MaxInt64, math.MinInt64} {
		_, err := closed.Allocate(ctx, Request{Entry: req("vb", 2024).Entry, Number: n})
		var re *RangeError
		if !errors.As(err, &re) || re.Number != int64(n) || !errors.Is(err, ErrRange) {
			t.Errorf("Allocate(-so %d) = %v, want *RangeError{%d}", n, err, n)
		}
	}
	for _, n := range []int64{-3, 0, MaxNumber + 1, math.MaxInt64} {
		if err := CheckNumber(n); !errors.Is(err, ErrRange) {
			t.Errorf("CheckNumber(%d) = %v", n, err)
		}
	}
	for _, n := range []int64{1, MaxNumber} {
		if err := CheckNumber(n); err != nil {
			t.Errorf("CheckNumber(%d) = %v", n, err)
		}
	}

	r := open(t, filepath.Join(t.TempDir(), FileName))
	// 0 takes the next number.
	if e, err := r.Allocate(ctx, Request{Entry: req("dau", 2024).Entry, Number: 0}); err != nil || e.Number != 1 {
		t.Fatalf("Number 0: %d %v", e.Number, err)
	}
	if e, err := r.Allocate(ctx, Request{Entry: req("cuoi", 2024).Entry, Number: MaxNumber}); err != nil || e.Number != MaxNumber {
		t.Fatalf("Number MaxNumber: %d %v", e.Number, err)
	}
	// The series is full: the next automatic number is refused, and the
	// refusal does not poison the series or another year.
	for range 2 {
		_, err := r.Allocate(ctx, req("tran", 2024))
		var re *RangeError
		if !errors.As(err, &re) || re.Number != MaxNumber+1 {
			t.Fatalf("automatic number past MaxNumber: %v", err)
		}
	}
	if e, err := r.Allocate(ctx, Request{Entry: req("giua", 2024).Entry, Number: 5}); err != nil || e.Number != 5 {
		t.Errorf("a free number in a full series: %d %v", e.Number, err)
	}
	if e, err := r.Allocate(ctx, req("nam-sau", 2025)); err != nil || e.Number != 1 {
		t.Errorf("next year: %d %v", e.Number, err)
	}
	if _, err := r.Allocate(ctx, req("nam-0", 0)); err == nil {
		t.Error("year 0 accepted")
	}
	all, err := r.List(ctx, 0)
	if err != nil || len(all) != 4 {
		t.Errorf("List: %d entries, %v", len(all), err)
	}
}

// The CHECKs hold against raw SQL too, so no other writer can put a number
// out of range or of the wrong type into a series.
func TestSchema_RefusesPoison(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), FileName))
	for _, q := range []string{
		`INSERT INTO entries VALUES ('UBND', 2024, 9223372036854775807, 'a', '', '', '', '', '', '', 0)`,
		`INSERT INTO entries VALUES ('UBND', 2024, 0, 'a', '', '', '', '', '', '', 0)`,
		`INSERT INTO entries VALUES ('UBND', 2024, 9.5, 'a', '', '', '', '', '', '', 0)`,
		`INSERT INTO entries VALUES ('UBND', 2024, 'mười', 'a', '', '', '', '', '', '', 0)`,
		`INSERT INTO entries VALUES ('UBND', 12345, 1, 'a', '', '', '', '', '', '', 0)`,
		`INSERT INTO entries VALUES ('UBND', 2024, 1, 'a', '', '', '', '', '', '', 2)`,
		`INSERT INTO entries VALUES ('UBND', 2024, 1, x'00', '', '', '', '', '', '', 0)`,
	} {
		if _, err := r.db.Exec(q); err == nil {
			t.Errorf("accepted: %s", q)
		}
	}
}
