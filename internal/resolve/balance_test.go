package resolve

import (
	"strings"
	"testing"

	"vanban/fonts"
	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
)

// Long header names wrap at even, whole-name breaks and keep clear of the
// Quốc hiệu; a parent line that fits at 12 pt shrinks instead of wrapping;
// a "\n" the clerk wrote in trích yếu survives (issue 14).
func TestResolve_LongHeader(t *testing.T) {
	f, err := font.Load(fonts.FS, "Liberation Serif", fonts.Files)
	if err != nil {
		t.Fatal(err)
	}
	s := format.NewSheet("ke-hoach")
	r := resolver{s: s, f: f}
	doc := &model.Document{
		Header: model.Header{
			Parent: []string{"ỦY BAN NHÂN DÂN XÃ VẠN NINH", "ỦY BAN NHÂN DÂN THỊ XÃ"},
			Issuer: []string{"TRUNG TÂM ỨNG DỤNG CÔNG NGHỆ THÔNG TIN VÀ CHUYỂN ĐỔI SỐ XÃ VẠN NINH"},
		},
		Title: model.Title{Type: "KẾ HOẠCH", Summary: "Phát động phong trào thi đua\nnăm 2025"},
	}
	h := r.header(doc)
	if got := h.Parent[0].Text(); got != "ỦY BAN NHÂN DÂN\nXÃ VẠN NINH" || h.Parent[0].Style.Size != 26 {
		t.Errorf("parent: %q at %d hp", got, h.Parent[0].Style.Size)
	}
	if got := h.Parent[1].Text(); strings.Contains(got, "\n") || h.Parent[1].Style.Size != s.ParentMinSize {
		t.Errorf("parent 2: %q at %d hp, want one line at 12 pt", got, h.Parent[1].Style.Size)
	}
	if got, want := h.Issuer[0].Text(), "TRUNG TÂM ỨNG DỤNG\nCÔNG NGHỆ THÔNG TIN\nVÀ CHUYỂN ĐỔI SỐ\nXÃ VẠN NINH"; got != want {
		t.Errorf("issuer: %q, want %q", got, want)
	}
	w := r.headerWidth()
	for _, p := range append(h.Parent, h.Issuer...) {
		if got := r.widest([]Para{p}, w); got > w {
			t.Errorf("%q: %v wider than %v", p.Text(), got, w)
		}
	}
	if w >= s.LeftCol {
		t.Errorf("header width %v leaves no gap in a %v column", w, s.LeftCol)
	}
	ti := r.title(doc)
	if got := ti.Summary.Text(); got != "Phát động phong trào thi đua\nnăm 2025" {
		t.Errorf("summary %q", got)
	}
}
