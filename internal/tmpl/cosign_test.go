package tmpl

import (
	"strings"
	"testing"

	"vanban/internal/diag"
)

func TestCoSigner(t *testing.T) {
	o := origin{file: "t.md"}
	src := "Nội dung./.\n\n::: ky-ben-trai\nTHƯ KÝ\nNguyễn Văn An\n\nSau.\n"
	sig, out, ds := coSigner([]byte(src), o)
	if len(ds) > 0 || sig == nil || strings.Join(sig.Lines, "|") != "THƯ KÝ" || sig.Name != "Nguyễn Văn An" {
		t.Fatalf("got %+v %v", sig, ds)
	}
	if len(out) != len(src) || strings.Contains(string(out), "THƯ KÝ") || !strings.Contains(string(out), "Sau.") ||
		strings.Count(string(out), "\n") != strings.Count(src, "\n") {
		t.Errorf("output %q", out)
	}
	// An escaped value comes back as typed.
	if sig, _, _ := coSigner([]byte("::: ky-ben-trai\nTHƯ KÝ\nNguyễn Văn A\\.\n"), o); sig == nil || sig.Name != "Nguyễn Văn A." {
		t.Errorf("escaped name: %+v", sig)
	}
	if sig, _, _ := coSigner([]byte("Không có.\n"), o); sig != nil {
		t.Error("a document without the block has a co-signer")
	}
	// No name, or two blocks: positioned errors at the directive.
	for _, bad := range []string{"a\n::: ky-ben-trai\n\n", "::: ky-ben-trai\nX\nY\n\n::: ky-ben-trai\nZ\nW\n"} {
		_, _, ds := coSigner([]byte(bad), o)
		if len(ds) != 1 || ds[0].Code != diag.CodeMarkup || ds[0].Pos.File != "t.md" || ds[0].Pos.Line < 1 {
			t.Errorf("%q: %v", bad, ds)
		}
	}
}

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{"cuộc họp": "Cuộc họp", "đại hội": "Đại hội", "": "", "Hội nghị": "Hội nghị"} {
		if got := capitalize(in); got != want {
			t.Errorf("capitalize(%q) = %q, want %q", in, got, want)
		}
	}
}
