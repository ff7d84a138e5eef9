package resolve

import (
	"testing"

	"vanban/internal/format"
)

// TestResolve_SignSplit (issue 8): a short list never splits; a long one
// splits right after the entry that reaches the foot of the signature
// column, and the head never exceeds a page.
func TestResolve_SignSplit(t *testing.T) {
	s := format.NewSheet("ke-hoach")
	ones := func(n int) []int {
		c := make([]int, n)
		for i := range c {
			c[i] = 1
		}
		return c
	}
	// 2 + 24 mm + 1 lines of 16 pt: the signature column is 116 pt high;
	// the label (14 pt) and 8 entries (13 pt) reach 118 pt.
	for _, c := range []struct{ n, head int }{{1, 1}, {40, 40}, {51, 51}, {52, 8}, {60, 8}, {1000, 8}} {
		head, h := signSplit(s, 0, 1, ones(c.n), 2, 1)
		if head != c.head {
			t.Errorf("%d entries: head of %d, want %d", c.n, head, c.head)
		}
		if h+s.SignGap > s.PageH-s.Top-s.Bottom {
			t.Errorf("%d entries: the head is %v high, more than a page", c.n, h)
		}
	}
	if head, _ := signSplit(s, 0, 1, append([]int{3, 20}, ones(60)...), 2, 1); head != 2 {
		t.Errorf("head of %d entries, want 2 (the second one wraps past the signature)", head)
	}
}
