package batch

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
)

func TestRun_AllOnceBounded(t *testing.T) {
	var running, peak atomic.Int32
	seen := make([]int32, 100)
	last := 0
	Run(100, 3, func(i int) {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		atomic.AddInt32(&seen[i], 1)
		running.Add(-1)
	}, func(finished, _ int) {
		if finished != last+1 {
			t.Errorf("progress %d after %d", finished, last)
		}
		last = finished
	})
	for i, s := range seen {
		if s != 1 {
			t.Fatalf("item %d ran %d times", i, s)
		}
	}
	if peak.Load() > 3 || last != 100 {
		t.Errorf("peak %d workers, %d reported", peak.Load(), last)
	}
}

// Cancelling stops new work: the items started are a prefix 0..k-1, each
// ran once and was reported, and none started after the cancel.
func TestRunContext_Cancel(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		ctx, cancel := context.WithCancel(context.Background())
		const n, stopAt = 200, 10
		ran := make([]atomic.Int32, n)
		var afterCancel atomic.Int32
		var cancelled atomic.Bool
		var mu sync.Mutex
		reported := map[int]bool{}
		started := RunContext(ctx, n, workers, func(i int) {
			ran[i].Add(1)
			if cancelled.Load() && ctx.Err() != nil {
				// Taken after the cancel returned would be a bug; taken
				// before and running now is allowed, so only count here
				// and check the bound below.
				afterCancel.Add(1)
			}
			if i == stopAt {
				cancel()
				cancelled.Store(true)
			}
		}, func(_, i int) {
			mu.Lock()
			reported[i] = true
			mu.Unlock()
		})
		cancel()
		if workers == 1 && started != stopAt+1 {
			t.Errorf("1 worker: %d started, want %d", started, stopAt+1)
		}
		// Other workers may take items past stopAt before cancel runs, but
		// never all of them.
		if started < stopAt+1 || started == n {
			t.Errorf("%d workers: %d started, want %d..%d", workers, started, stopAt+1, n-1)
		}
		if int(afterCancel.Load()) > workers-1 {
			t.Errorf("%d workers: %d items ran after the cancel", workers, afterCancel.Load())
		}
		for i := range n {
			want := int32(0)
			if i < started {
				want = 1
			}
			if ran[i].Load() != want || reported[i] != (want == 1) {
				t.Fatalf("%d workers, %d started: item %d ran %d times, reported %v", workers, started, i, ran[i].Load(), reported[i])
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if k := RunContext(ctx, 5, 2, func(int) { t.Error("ran after cancel") }, nil); k != 0 {
		t.Errorf("done context: %d started", k)
	}
	if k := RunContext(context.Background(), 0, 4, func(int) {}, nil); k != 0 {
		t.Errorf("no items: %d started", k)
	}
}
