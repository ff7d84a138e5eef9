// Package batch runs many documents at once: a manifest of input hashes
// and output checksums that tells which outputs are stale, atomic writes of
// the outputs, and a bounded, cancellable pool of workers.
package batch

import (
	"context"
	"sync"
)

// Run calls f(i) for i in [0, n) on at most workers goroutines and waits.
// done, if not nil, is called after each f, one call at a time, with the
// number finished so far.
func Run(n, workers int, f func(i int), done func(finished, i int)) {
	RunContext(context.Background(), n, workers, f, done)
}

// RunContext is Run that stops starting items once ctx is done: items in
// progress finish (and get their done call), none starts after, and it
// returns how many started, k. The items started are exactly 0..k-1, as
// items are taken in order and ctx is checked under the same lock.
func RunContext(ctx context.Context, n, workers int, f func(i int), done func(finished, i int)) int {
	if workers < 1 {
		workers = 1
	}
	var (
		mu       sync.Mutex // guards next
		next     int
		doneMu   sync.Mutex // serialises done and guards finished
		finished int
		wg       sync.WaitGroup
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= n || ctx.Err() != nil {
			return 0, false
		}
		next++
		return next - 1, true
	}
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, ok := take()
				if !ok {
					return
				}
				f(i)
				if done != nil {
					doneMu.Lock()
					finished++
					done(finished, i)
					doneMu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return next
}
