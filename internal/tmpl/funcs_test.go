package tmpl

import (
	"strings"
	"testing"
	"text/template"
)

// The number functions print as Vietnamese writes numbers (issue 14): "."
// between thousands, "," before decimals, amounts in words.
func TestFuncs_Numbers(t *testing.T) {
	rows := []map[string]any{{"so": int64(1000)}, {"so": int64(254)}}
	cases := []struct {
		src  string
		data any
		want string
	}{
		{`{{ so_dep .n }}`, map[string]any{"n": int64(100000)}, "100.000"},
		{`{{ so_dep .n }}`, map[string]any{"n": 102.7}, "102,7"},
		{`{{ so_tien .n }}`, map[string]any{"n": int64(1500000)}, "1.500.000 đồng"},
		{`{{ bang_chu .n }}`, map[string]any{"n": int64(105000)}, "Một trăm linh năm nghìn đồng"},
		{`{{ tong .r "so" }}`, map[string]any{"r": rows}, "1.254"},
		{`{{ so (tong .r "so") }}`, map[string]any{"r": rows}, "1.254"},
		{`{{ so (dem .r) }}`, map[string]any{"r": rows}, "02"},
		{`{{ if gt (dem .r) 1 }}nhiều{{ end }}`, map[string]any{"r": rows}, "nhiều"},
		{`{{ phan_tram .a .b }}`, map[string]any{"a": int64(1254), "b": int64(1221)}, "102,7"},
		{`{{ phan_tram (tong .r "so") .b }}`, map[string]any{"r": rows, "b": int64(100)}, "1.254,0"},
		{`{{ phan_tram .a .b }}`, map[string]any{"a": int64(3), "b": int64(0)}, "-"},
	}
	for _, c := range cases {
		tp := template.Must(template.New("t").Funcs(funcs()).Parse(c.src))
		var b strings.Builder
		if err := tp.Execute(&b, c.data); err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if b.String() != c.want {
			t.Errorf("%s = %q, want %q", c.src, b.String(), c.want)
		}
	}
}

func TestTally_Thousands(t *testing.T) {
	if got := (Tally{Collectives: 3, Individuals: 1254}).Text(); got != "03 tập thể và 1.254 cá nhân" {
		t.Errorf("got %q", got)
	}
}

// The words of Mẫu 1.3's Điều 1: "Ban hành kèm theo Quyết định này Quy chế
// làm việc của …", from the attached text's tên loại and trích yếu.
func TestFuncs_AttachedTextWords(t *testing.T) {
	tp := template.Must(template.New("t").Funcs(funcs()).Parse(`{{ loai_trong_cau .l }} {{ thuong_dau .t }}`))
	var b strings.Builder
	if err := tp.Execute(&b, map[string]any{"l": "QUY ĐỊNH", "t": "Đánh giá, xếp loại"}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "Quy định đánh giá, xếp loại" {
		t.Errorf("got %q", b.String())
	}
}
