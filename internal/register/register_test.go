package register

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"testing"
)

func req(doc string, year int) Request {
	return Request{Entry: Entry{Series: "UBND", Year: year, Doc: doc, Symbol: "KH-UBND",
		Date: fmt.Sprintf("%d-05-08", year), Type: "Kế hoạch", Summary: "Thử", Signer: "A", Recipients: "B"}}
}

func open(t *testing.T, path string) *Register {
	t.Helper()
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestAllocate_IdempotentCancelYear(t *testing.T) {
	ctx := context.Background()
	r := open(t, filepath.Join(t.TempDir(), FileName))
	a, _ := r.Allocate(ctx, req("ke-hoach", 2024))
	b, _ := r.Allocate(ctx, req("to-trinh", 2024))
	again, err := r.Allocate(ctx, req("ke-hoach", 2024))
	if err != nil || a.Number != 1 || b.Number != 2 || again.Number != 1 {
		t.Fatalf("numbers %d %d again %d (%v)", a.Number, b.Number, again.Number, err)
	}
	// A new year starts at 1 again (the year of the issue date, not of the clock).
	if c, _ := r.Allocate(ctx, req("bao-cao", 2025)); c.Number != 1 {
		t.Errorf("2025 starts at %d", c.Number)
	}
	// A cancelled number is never handed out again; the document gets a new one.
	if _, err := r.Cancel(ctx, "to-trinh"); err != nil {
		t.Fatal(err)
	}
	if c, _ := r.Allocate(ctx, req("to-trinh", 2024)); c.Number != 3 {
		t.Errorf("after cancelling 2, the next number is %d, want 3", c.Number)
	}
	if _, err := r.Allocate(ctx, Request{Entry: req("quyet-dinh", 2024).Entry, Number: 2}); !errors.Is(err, ErrTaken) {
		t.Errorf("the cancelled number 2 was given again: %v", err)
	}
	if c, err := r.Allocate(ctx, Request{Entry: req("quyet-dinh", 2024).Entry, Number: 10}); err != nil || c.Number != 10 {
		t.Errorf("a free given number: %d %v", c.Number, err)
	}
	if _, err := r.Allocate(ctx, Request{Entry: req("ke-hoach", 2024).Entry, Number: 7}); !errors.Is(err, ErrHasNumber) {
		t.Errorf("a second number for one document: %v", err)
	}
	all, _ := r.List(ctx, 2024)
	var got []string
	for _, e := range all {
		got = append(got, fmt.Sprintf("%d %s %v", e.Number, e.Doc, e.Cancelled))
	}
	want := "[1 ke-hoach false 2 to-trinh true 3 to-trinh false 10 quyet-dinh false]"
	if fmt.Sprint(got) != want {
		t.Errorf("register %v, want %s", got, want)
	}
}

// Many handles (as many processes would) allocating at once get unique,
// consecutive numbers.
func TestAllocate_Concurrent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	open(t, path)
	const n = 16
	var wg sync.WaitGroup
	nums := make([]int, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := Open(path)
			if err != nil {
				errs[i] = err
				return
			}
			defer r.Close()
			e, err := r.Allocate(ctx, req(fmt.Sprintf("vb-%02d", i), 2024))
			nums[i], errs[i] = e.Number, err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Ints(nums)
	for i, v := range nums {
		if v != i+1 {
			t.Fatalf("numbers %v are not 1..%d", nums, n)
		}
	}
}

// Next previews the number Allocate gives, takes nothing, and counts a
// cancelled number as used, as Allocate does.
func TestNext_Previews(t *testing.T) {
	ctx := context.Background()
	r := open(t, filepath.Join(t.TempDir(), FileName))
	next := func(year int) int {
		t.Helper()
		n, err := r.Next(ctx, "UBND", year)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := next(2024); n != 1 {
		t.Fatalf("empty register: next %d", n)
	}
	if n := next(2024); n != 1 {
		t.Fatalf("Next took a number: %d", n)
	}
	for i, doc := range []string{"a", "b"} {
		e, err := r.Allocate(ctx, req(doc, 2024))
		if err != nil || e.Number != i+1 {
			t.Fatal(e, err)
		}
	}
	if _, err := r.Cancel(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	want := next(2024)
	e, err := r.Allocate(ctx, req("c", 2024))
	if err != nil || want != 3 || e.Number != want {
		t.Errorf("next %d, allocated %d (%v); want 3", want, e.Number, err)
	}
	if n := next(2025); n != 1 {
		t.Errorf("a new year: next %d", n)
	}
}
