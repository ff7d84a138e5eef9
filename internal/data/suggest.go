package data

import (
	"fmt"
	"strings"
)

// suggest returns a Vietnamese hint naming the known key nearest to key, or
// listing the known keys when none is near.
func suggest(key string, fields []Field) string {
	best, bestD := "", 1<<30
	names := make([]string, 0, len(fields))
	for _, f := range fields {
		names = append(names, f.Key)
		if d := distance(key, f.Key); d < bestD {
			best, bestD = f.Key, d
		}
	}
	if best != "" && bestD <= max(2, len([]rune(key))/3) {
		return fmt.Sprintf("có phải ý bạn là %q?", best)
	}
	return "các khóa hợp lệ ở đây: " + strings.Join(names, ", ")
}

// distance is the Levenshtein distance between a and b, by rune.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
