package model

import (
	"strings"
	"testing"
)

// Fingerprint tells documents apart exactly when Dump does, even when a
// text holds what would otherwise delimit it.
func TestFingerprint_Unambiguous(t *testing.T) {
	doc := func(runs ...string) *Document {
		p := &Para{Role: RoleBody}
		for _, r := range runs {
			p.Runs = append(p.Runs, Run{Text: r})
		}
		return &Document{Kind: "ke-hoach", Body: []Block{p}}
	}
	print := func(f func(w *strings.Builder, d *Document), d *Document) string {
		var b strings.Builder
		f(&b, d)
		return b.String()
	}
	fp := func(w *strings.Builder, d *Document) { Fingerprint(w, d) }
	dump := func(w *strings.Builder, d *Document) { Dump(w, d) }
	pairs := [][2]*Document{
		{doc("a b"), doc("a", " b")},
		{doc("x\n    Run \"y\""), doc("x", "y")},
		{doc("5:ab"), doc("ab")},
		{doc("Việt"), doc("Viêt")},
	}
	for _, p := range pairs {
		if print(dump, p[0]) == print(dump, p[1]) {
			t.Fatalf("Dump confuses %q and %q", print(dump, p[0]), print(dump, p[1]))
		}
		if print(fp, p[0]) == print(fp, p[1]) {
			t.Errorf("Fingerprint confuses:\n%s\n%s", print(fp, p[0]), print(fp, p[1]))
		}
	}
	if print(fp, doc("a")) != print(fp, doc("a")) {
		t.Error("Fingerprint is not stable")
	}
}
