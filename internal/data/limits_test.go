package data

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vanban/internal/diag"
)

// wide is the test schema plus a list and a table list, for the item and
// depth bounds.
var wide = &Schema{Template: "ke-hoach", Fields: append(Common(),
	Field{Key: "noi_dung", Kind: KindMarkdown, Required: true, Label: "nội dung"},
	Field{Key: "ds", Kind: KindList, Label: "danh sách"},
	Field{Key: "hang", Kind: KindTableList, Label: "hàng", Sub: []Field{{Key: "ten", Kind: KindString, Label: "tên"}}},
)}

func loadWide(t testing.TB, doc string) (*Input, diag.List) {
	fsys := fstest.MapFS{"vanban.toml": {Data: []byte(profile)}, "kh.toml": {Data: []byte(doc)}}
	return Load(fsys, "kh.toml", Options{Profile: "vanban.toml", Schema: func(string) (*Schema, []string, bool) {
		return wide, nil, true
	}})
}

// limitAt checks that ds holds exactly one D025, at pos.
func limitAt(t *testing.T, in *Input, ds diag.List, pos diag.Pos) {
	t.Helper()
	if in != nil {
		t.Errorf("loaded past the bound")
	}
	if d := only(t, ds, diag.CodeLimit); d.Pos != pos {
		t.Errorf("position %v, want %v (%s)", d.Pos, pos, d.Msg)
	}
}

func noLimit(t *testing.T, in *Input, ds diag.List) {
	t.Helper()
	if in == nil || len(ds) != 0 {
		t.Fatalf("rejected at the bound: %v", ds)
	}
}

func timed(t *testing.T, what string, f func()) {
	t.Helper()
	start := time.Now()
	f()
	t.Logf("%s: %v", what, time.Since(start))
}

func TestLimit_FileSize(t *testing.T) {
	base := kh(`"a"`, `["x"]`, `"y"`) + "# "
	pad := func(n int) string { return base + strings.Repeat("x", n-len(base)-1) + "\n" }
	var in *Input
	var ds diag.List
	timed(t, "file of MaxFileSize bytes", func() { in, ds = load(t, pad(MaxFileSize)) })
	noLimit(t, in, ds)
	in, ds = load(t, pad(MaxFileSize+1))
	limitAt(t, in, ds, diag.Pos{File: "kh.toml"})
	if d := only(t, ds, diag.CodeLimit); !strings.Contains(d.Msg, "4.194.305 byte, tối đa 4.194.304 byte") {
		t.Errorf("message %q", d.Msg)
	}
}

func TestLimit_Body(t *testing.T) {
	body := func(n int) string {
		return `"""` + strings.Repeat("Nội dung. ", n/12) + strings.Repeat("x", n%12) + `"""`
	}
	var in *Input
	var ds diag.List
	timed(t, "body of MaxBodySize bytes", func() { in, ds = load(t, kh(`"a"`, `["x"]`, body(MaxBodySize))) })
	noLimit(t, in, ds)
	if n := len(in.Values["noi_dung"].(Markdown)); n != MaxBodySize {
		t.Fatalf("body of %d bytes", n)
	}
	in, ds = load(t, kh(`"a"`, `["x"]`, body(MaxBodySize+1)))
	limitAt(t, in, ds, at("kh.toml", 4, 12))
}

func TestLimit_Value(t *testing.T) {
	in, ds := load(t, kh(`"`+strings.Repeat("a", MaxValueSize)+`"`, `["x"]`, `"y"`))
	noLimit(t, in, ds)
	in, ds = load(t, kh(`"`+strings.Repeat("a", MaxValueSize+1)+`"`, `["x"]`, `"y"`))
	limitAt(t, in, ds, at("kh.toml", 2, 13))
	// One line of a list.
	in, ds = load(t, kh(`"a"`, `["x", "`+strings.Repeat("a", MaxValueSize+1)+`"]`, `"y"`))
	limitAt(t, in, ds, at("kh.toml", 3, 12))
	if d := only(t, ds, diag.CodeLimit); !strings.Contains(d.Msg, `"noi_nhan[1]"`) {
		t.Errorf("message %q", d.Msg)
	}
}

func list(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`"Nơi %d"`, i)
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func TestLimit_Recipients(t *testing.T) {
	in, ds := load(t, kh(`"a"`, list(MaxRecipients), `"y"`))
	noLimit(t, in, ds)
	in, ds = load(t, kh(`"a"`, list(MaxRecipients+1), `"y"`))
	limitAt(t, in, ds, at("kh.toml", 3, 12))
}

func TestLimit_Items(t *testing.T) {
	in, ds := loadWide(t, kh(`"a"`, `["x"]`, `"y"`)+"ds = "+list(MaxItems)+"\n")
	noLimit(t, in, ds)
	in, ds = loadWide(t, kh(`"a"`, `["x"]`, `"y"`)+"ds = "+list(MaxItems+1)+"\n")
	limitAt(t, in, ds, at("kh.toml", 5, 6))

	rows := func(n int) string {
		return strings.Repeat("[[hang]]\nten = \"Nguyễn Văn A\"\n", n)
	}
	in, ds = loadWide(t, kh(`"a"`, `["x"]`, `"y"`)+rows(MaxItems))
	noLimit(t, in, ds)
	if n := len(in.Values["hang"].([]Row)); n != MaxItems {
		t.Fatalf("%d rows", n)
	}
	// The error points at the header of the first row too many.
	in, ds = loadWide(t, kh(`"a"`, `["x"]`, `"y"`)+rows(MaxItems+1))
	limitAt(t, in, ds, at("kh.toml", 5+2*MaxItems, 1))
}

func TestLimit_Depth(t *testing.T) {
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + `"x"` + strings.Repeat(close, n)
	}
	doc := kh(`"a"`, `["x"]`, `"y"`) + "ds = "
	// At the bound the scanner lets the parser decide (a type error here).
	_, ds := loadWide(t, doc+nest("[", "]", MaxDepth)+"\n")
	for _, d := range ds {
		if d.Code == diag.CodeLimit {
			t.Errorf("depth %d rejected: %v", MaxDepth, d)
		}
	}
	in, ds := loadWide(t, doc+nest("[", "]", MaxDepth+1)+"\n")
	limitAt(t, in, ds, at("kh.toml", 5, 6+MaxDepth))
	in, ds = loadWide(t, doc+nest("{a = ", "}", MaxDepth+1)+"\n")
	limitAt(t, in, ds, at("kh.toml", 5, 6+5*MaxDepth))
	// A hostile depth is rejected before BurntSushi/toml, which needs
	// minutes for it.
	for _, open := range []string{"[", "{a="} {
		start := time.Now()
		close := map[string]string{"[": "]", "{a=": "}"}[open]
		in, ds = loadWide(t, doc+nest(open, close, 100000)+"\n")
		limitAt(t, in, ds, at("kh.toml", 5, 6+len(open)*MaxDepth))
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("depth 100000 of %q took %v", open, el)
		}
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 2097152: "2.097.152", -1234: "-1.234"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
}
