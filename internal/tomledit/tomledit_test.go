package tomledit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
)

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(string(bytes.TrimPrefix(b, []byte(bomUTF8))), &v); err != nil {
		t.Fatalf("decode: %v\n%s", err, b)
	}
	return v
}

// want is m with path set to value, as BurntSushi decodes it.
func want(m map[string]any, path string, value any) {
	keys := strings.Split(path, ".")
	for _, k := range keys[:len(keys)-1] {
		sub, ok := m[k].(map[string]any)
		if !ok {
			sub = map[string]any{}
			m[k] = sub
		}
		m = sub
	}
	switch x := value.(type) {
	case int:
		value = int64(x)
	case []string:
		a := make([]any, len(x))
		for i, s := range x {
			a[i] = s
		}
		value = a
	}
	m[keys[len(keys)-1]] = value
}

// roundTrip sets path in src and checks that the result parses to the
// original values with only path changed, and that it differs from src in
// at most maxLines lines (by line-wise comparison of the common prefix and
// suffix).
func roundTrip(t *testing.T, src []byte, path string, value any, maxLines int) []byte {
	t.Helper()
	out, err := Set(src, path, value)
	if err != nil {
		t.Fatalf("Set(%s): %v", path, err)
	}
	exp := decode(t, src)
	if s, ok := value.(string); ok && bytes.Contains(src, []byte("\r\n")) {
		value = strings.ReplaceAll(s, "\n", "\r\n") // see quote
	}
	want(exp, path, value)
	if d := cmp.Diff(exp, decode(t, out)); d != "" {
		t.Fatalf("Set(%s): values differ (-want +got):\n%s", path, d)
	}
	a, b := strings.SplitAfter(string(src), "\n"), strings.SplitAfter(string(out), "\n")
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	if changed := len(b) - pre - suf; changed > maxLines || len(a)-pre-suf > maxLines {
		t.Errorf("Set(%s) changed %d lines, want at most %d:\n%s", path, changed, maxLines, strings.Join(b[pre:len(b)-suf], ""))
	}
	return out
}

func samples(t *testing.T) []string {
	names, _ := filepath.Glob("../../testdata/*/*.toml")
	if len(names) < 10 {
		t.Fatalf("only %d sample files", len(names))
	}
	return names
}

// Every sample document: so and ngay replaced (or inserted) in one line
// each, comments, other values and multi-line strings untouched.
func TestSet_Samples(t *testing.T) {
	for _, name := range samples(t) {
		t.Run(filepath.Base(filepath.Dir(name))+"/"+filepath.Base(name), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out := roundTrip(t, src, "so", 12, 1)
			out = roundTrip(t, out, "ngay", "2024-05-08", 1)
			out = roundTrip(t, out, "so", "", 1)
			if !bytes.Contains(out, []byte("so = \"\"")) {
				t.Errorf("no so = \"\" line:\n%s", out)
			}
		})
	}
}

// A replaced value keeps the spacing and the comment after it.
func TestSet_KeepsComment(t *testing.T) {
	src := "mau = \"ke-hoach\"\nso = \"\"                  # chưa cấp số\nngay = \"2024-05\"  # chưa có ngày\n"
	out, err := SetAll([]byte(src), Pair{"so", 7}, Pair{"ngay", "2024-05-08"})
	if err != nil {
		t.Fatal(err)
	}
	exp := "mau = \"ke-hoach\"\nso = 7                  # chưa cấp số\nngay = \"2024-05-08\"  # chưa có ngày\n"
	if string(out) != exp {
		t.Errorf("got\n%s\nwant\n%s", out, exp)
	}
}

// CRLF files stay CRLF, a BOM stays first, and an inserted line ends in
// CRLF too.
func TestSet_CRLFAndBOM(t *testing.T) {
	for _, name := range samples(t) {
		src, _ := os.ReadFile(name)
		crlf := []byte(bomUTF8 + strings.ReplaceAll(string(src), "\n", "\r\n"))
		out := roundTrip(t, crlf, "so", 3, 1)
		out = roundTrip(t, out, "khoa_moi", "giá trị", 1)
		out = roundTrip(t, out, "nguoi_ky.ho_ten", "Lê Văn A", 4)
		out = roundTrip(t, out, "ghi_chu_dai", "dòng một\ndòng \"hai\"\\", 4)
		if !bytes.HasPrefix(out, []byte(bomUTF8)) {
			t.Errorf("%s: BOM lost", name)
		}
		if n := strings.Count(string(out), "\n"); n != strings.Count(string(out), "\r\n") {
			t.Errorf("%s: %d line ends, %d CRLF", name, n, strings.Count(string(out), "\r\n"))
		}
	}
}

// Keys inside tables: replaced in place, inserted after the table's last
// key (before the blank line and the next table), a missing table appended.
func TestSet_Tables(t *testing.T) {
	src, err := os.ReadFile("../../testdata/van-gia-2024/vanban.toml")
	if err != nil {
		t.Fatal(err)
	}
	out := roundTrip(t, src, "nguoi_ky.ho_ten", "Trần Thị B", 1)
	if !bytes.Contains(out, []byte("ho_ten = \"Trần Thị B\"\n")) {
		t.Errorf("ho_ten not replaced in place:\n%s", out)
	}
	out = roundTrip(t, out, "co_quan.dien_thoai", "0258 3840 000", 1)
	if !bytes.Contains(out, []byte("# tên cơ quan viết trong câu (trích dẫn, \"Kèm theo …\")\ndien_thoai = \"0258 3840 000\"\n\n[nguoi_ky]")) {
		t.Errorf("co_quan.dien_thoai not after the table's last key:\n%s", out)
	}
	out = roundTrip(t, out, "so", 5, 1)
	if !bytes.Contains(out, []byte("# nơi lưu: văn thư và đơn vị soạn thảo\nso = 5\n\n[co_quan]")) {
		t.Errorf("root key not after the root's last key:\n%s", out)
	}
	out = roundTrip(t, out, "ke_hoach_cap_tren.so", 424, 3)
	if !bytes.HasSuffix(out, []byte("\n\n[ke_hoach_cap_tren]\nso = 424\n")) {
		t.Errorf("new table not appended:\n%s", out)
	}
	out = roundTrip(t, out, "noi_nhan", []string{"Như trên", "Lưu: VT"}, 1)
	long := []string{"Phòng Nội vụ huyện (b/c)", "Cán bộ, công chức và NLĐ liên quan", "Thường trực HĐND, UBND xã"}
	roundTrip(t, out, "noi_nhan", long, 5)
}

// Root tables with no keys, dotted keys and inline tables.
func TestSet_Shapes(t *testing.T) {
	cases := []struct {
		name, src, path string
		value           any
		want            string
	}{
		{"empty file", "", "so", 1, "so = 1\n"},
		{"no final newline", "mau = \"x\"", "so", 1, "mau = \"x\"\nso = 1\n"},
		{"only tables", "# đầu tệp\n\n# cơ quan\n[co_quan]\nten = \"A\"\n", "mau", "x",
			"# đầu tệp\n\nmau = \"x\"\n\n# cơ quan\n[co_quan]\nten = \"A\"\n"},
		{"dotted keys", "nguoi_ky.ho_ten = \"A\"\nmau = \"x\"\n", "nguoi_ky.chuc_vu", "CHỦ TỊCH",
			"nguoi_ky.ho_ten = \"A\"\nnguoi_ky.chuc_vu = \"CHỦ TỊCH\"\nmau = \"x\"\n"},
		{"dotted replace", "nguoi_ky.ho_ten = \"A\" # tên\n", "nguoi_ky.ho_ten", "B", "nguoi_ky.ho_ten = \"B\" # tên\n"},
		{"inline replace", "nguoi_ky = { ho_ten = \"A\", chuc_vu = \"B\" }\n", "nguoi_ky.ho_ten", "C",
			"nguoi_ky = { ho_ten = \"C\", chuc_vu = \"B\" }\n"},
		{"quoted key", "\"so\" = 3\n", "so", 4, "\"so\" = 4\n"},
		{"multi-line value replaced", "noi_dung = \"\"\"\nmột\n\"\"\"\nso = 1\n", "noi_dung", "hai", "noi_dung = \"hai\"\nso = 1\n"},
		{"array replaced", "noi_nhan = [\n  \"a\", # x\n  \"b\",\n]\nso = 1\n", "noi_nhan", []string{"c"}, "noi_nhan = [\"c\"]\nso = 1\n"},
		{"date-time", "t = 1979-05-27 07:32:00Z # giờ\nso = 1\n", "so", 2, "t = 1979-05-27 07:32:00Z # giờ\nso = 2\n"},
		{"literal strings", "a = '''x ''' # '''\nb = 'c:\\d'\nso = 1\n", "so", 2, "a = '''x ''' # '''\nb = 'c:\\d'\nso = 2\n"},
		{"table under array", "[[chi_tieu]]\nten = \"a\"\n[co_quan]\nten = \"B\"\n", "co_quan.viet_tat", "UBND",
			"[[chi_tieu]]\nten = \"a\"\n[co_quan]\nten = \"B\"\nviet_tat = \"UBND\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := roundTrip(t, []byte(c.src), c.path, c.value, 10)
			if string(out) != c.want {
				t.Errorf("got\n%q\nwant\n%q", out, c.want)
			}
		})
	}
}

func TestSet_Refused(t *testing.T) {
	cases := []struct {
		name, src, path string
		err             error
	}{
		{"array of tables", "[[chi_tieu]]\nten = \"a\"\n", "chi_tieu.ten", ErrArrayTable},
		{"array of tables, missing", "[[chi_tieu]]\nten = \"a\"\n", "chi_tieu.so", ErrArrayTable},
		{"inline table", "nguoi_ky = { ho_ten = \"A\" }\n", "nguoi_ky.chuc_vu", ErrInline},
		{"value, not table", "so = 1\n", "so.x", nil},
		{"bad input", "so = \n", "so", nil},
		{"bad path", "so = 1\n", "so..x", nil},
		{"unsupported type", "so = 1\n", "so", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v any = 1
			if c.name == "unsupported type" {
				v = 1.5
			}
			out, err := Set([]byte(c.src), c.path, v)
			if err == nil || c.err != nil && !errors.Is(err, c.err) {
				t.Errorf("got %q, %v; want error %v", out, err, c.err)
			}
		})
	}
}

// Strings that need escapes come back as written.
func TestSet_Escapes(t *testing.T) {
	for _, s := range []string{`a "b" \c`, "tab\there", "x\x01y", `"""`, "dòng 1\ndòng \"\"\" 2\n", "kết thúc bằng \"\n\"", "'''"} {
		roundTrip(t, []byte("so = 1\n"), "v", s, 10)
		roundTrip(t, []byte("v = \"\"\"\nx\n\"\"\"\n"), "v", s, 10)
	}
}

// SetFile writes atomically: the result, the file's mode kept, no
// temporary file left; a failed edit leaves the file as it was.
func TestSetFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "kh.toml")
	src := "mau = \"ke-hoach\" # mẫu\r\nso = \"\"\r\n"
	if err := os.WriteFile(name, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SetFile(name, Pair{"so", 4}, Pair{"ngay", "2026-01-06"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(name)
	if exp := "mau = \"ke-hoach\" # mẫu\r\nso = 4\r\nngay = \"2026-01-06\"\r\n"; string(got) != exp {
		t.Errorf("got %q, want %q", got, exp)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}
	if err := SetFile(name, Pair{"so.x", 1}); err == nil {
		t.Error("a refused edit succeeded")
	}
	if again, _ := os.ReadFile(name); !bytes.Equal(again, got) {
		t.Error("a refused edit changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
