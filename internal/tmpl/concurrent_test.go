package tmpl

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"vanban/internal/model"
)

// One Set builds documents on many goroutines, as the engine does, with its
// one goldmark parser: every model is the one a lone Build gives (run with
// -race to check the sharing).
func TestBuild_Concurrent(t *testing.T) {
	body := "# I. MỤC ĐÍCH\n\n{{ .ten }} **đậm** *nghiêng*\n\n- một\n- hai\n\n1) a\n2) b\n\n" +
		"> Căn cứ A\n\n| A | B |\n|---|---|\n| x | y |\n\n~~~\nmã\n~~~\n\n::: phu-luc\n# PHỤ LỤC\n\nx\n"
	s := builtins(t, fstest.MapFS{"tot.md": own(body)})
	dump := func(name string) string {
		in := input(name, map[string]any{"ten": "A"})
		in.Org.FullName = "Ủy ban nhân dân xã Vạn Giã"
		doc, ds := s.Build(in)
		if doc == nil {
			t.Errorf("Build(%s): %v", name, ds)
			return ""
		}
		var b strings.Builder
		if err := model.Dump(&b, doc); err != nil {
			t.Error(err)
		}
		return b.String()
	}
	want := dump("tot")
	if !strings.Contains(want, "PHỤ LỤC") {
		t.Fatalf("the model lacks its appendix:\n%s", want)
	}
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() {
			for range 20 {
				got[i] = dump("tot")
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d built another model:\n%s\nwant\n%s", i, g, want)
		}
	}
}
