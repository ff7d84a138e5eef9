package data

import (
	"strings"
	"testing"
	"testing/fstest"

	"vanban/internal/diag"
)

// kh builds a ke-hoach document from the raw TOML text of its values:
// trich_yeu on line 2, noi_nhan on line 3, noi_dung on line 4.
func kh(trichYeu, noiNhan, noiDung string) string {
	return "mau = \"ke-hoach\"\ntrich_yeu = " + trichYeu + "\nnoi_nhan = " + noiNhan + "\nnoi_dung = " + noiDung + "\n"
}

// only returns the diagnostics of code c, failing unless there is exactly
// one.
func only(t *testing.T, ds diag.List, c diag.Code) diag.Diagnostic {
	t.Helper()
	var got []diag.Diagnostic
	for _, d := range ds {
		if d.Code == c {
			got = append(got, d)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one %s, got %v", c, ds)
	}
	return got[0]
}

func at(file string, line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }

// Escapes are decoded before NFC, so escaped combining marks compose.
func TestLoad_NFCAfterUnescape(t *testing.T) {
	for raw, want := range map[string]string{
		`"Vie\u0302\u0323t Nam"`:        "Việt Nam",
		`"Pha\u0301t đo\u0323\u0302ng"`: "Phát động",
		`"""Ca\u0300"""`:                "Cà",
	} {
		in, ds := load(t, kh(raw, `["x"]`, `"y"`))
		if in == nil {
			t.Fatalf("%s: %v", raw, ds)
		}
		if in.Summary != want {
			t.Errorf("%s: summary %q (% x), want %q", raw, in.Summary, in.Summary, want)
		}
	}
	in, ds := load(t, kh(`"a"`, `["x"]`, `"Vie\u0302\u0323t"`))
	if in == nil || in.Values["noi_dung"] != Markdown("Việt") {
		t.Errorf("noi_dung %q, %v", in.Values["noi_dung"], ds)
	}
}

// Every class of forbidden character is an error where it is written:
// the rune itself, or the backslash of its escape.
func TestLoad_BadChars(t *testing.T) {
	cases := []struct {
		name, doc string
		pos       diag.Pos
		key, cp   string
	}{
		{"C0 escape", kh(`"a\u0001b"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+0001"},
		{"vertical tab", kh(`"a\u000bb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+000B"},
		{"backspace escape", kh(`"a\bb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+0008"},
		{"form feed escape", kh(`"a\fb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+000C"},
		{"DEL escape", kh(`"a\u007Fb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+007F"},
		{"C1 escape", kh(`"a\u0085b"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+0085"},
		{"C0 literal", kh("\"a\x01b\"", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+0001"},
		{"DEL literal", kh("\"a\x7fb\"", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+007F"},
		{"C1 literal", kh("\"a\u0085b\"", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+0085"},
		{"lone CR literal", kh("\"a\rb\"", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+000D"},
		{"C0 in literal string", kh("'a\x02b'", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+0002"},
		{"noncharacter FDD0", kh(`"a\uFDD0b"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+FDD0"},
		{"noncharacter FFFE", kh(`"a\ufffeb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+FFFE"},
		{"noncharacter FFFF", kh(`"a\uFFFFb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+FFFF"},
		{"noncharacter 1FFFF", kh(`"a\U0001FFFFb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+1FFFF"},
		{"noncharacter literal", kh("\"a\uFDEFb\"", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+FDEF"},
		{"replacement escape", kh(`"a\ufffdb"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+FFFD"},
		{"replacement literal", kh("\"a\uFFFDb\"", `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+FFFD"},
		{"lone surrogate", kh(`"a\uD800b"`, `["x"]`, `"y"`), at("kh.toml", 2, 15), "trich_yeu", "U+D800"},
		{"in a list", kh(`"a"`, `["ok", "a\u0001"]`, `"y"`), at("kh.toml", 3, 21), "noi_nhan", "U+0001"},
		{"in a multi-line body", kh(`"a"`, `["x"]`, "\"\"\"\nabc\n de\\u0007f\n\"\"\""), at("kh.toml", 6, 4), "noi_dung", "U+0007"},
		{"in a literal body", kh(`"a"`, `["x"]`, "'''\nabc\n d\x1bf\n'''"), at("kh.toml", 6, 3), "noi_dung", "U+001B"},
		{"in a table", kh(`"a"`, `["x"]`, `"y"`) + "[nguoi_ky]\nho_ten = \"Tr\\u0000n\"\n", at("kh.toml", 6, 13), "nguoi_ky.ho_ten", "U+0000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, ds := load(t, c.doc)
			if in != nil {
				t.Fatalf("loaded despite the bad character: %+v", in)
			}
			d := only(t, ds, diag.CodeBadChar)
			if d.Pos != c.pos {
				t.Errorf("position %v, want %v", d.Pos, c.pos)
			}
			if !strings.Contains(d.Msg, `khóa "`+c.key+`"`) || !strings.Contains(d.Msg, c.cp) {
				t.Errorf("message %q lacks key %s or %s", d.Msg, c.key, c.cp)
			}
			for _, d := range ds {
				if d.Code == diag.CodeSyntax {
					t.Errorf("also a syntax error: %v", d)
				}
			}
		})
	}
}

// The profile is checked like a document.
func TestLoad_BadCharInProfile(t *testing.T) {
	fsys := fstest.MapFS{
		"vanban.toml": {Data: []byte(strings.Replace(profile, `viet_tat = "UBND"`, `viet_tat = "UB\u0001ND"`, 1))},
		"kh.toml":     {Data: []byte(kh(`"a"`, `["x"]`, `"y"`))},
	}
	_, ds := Load(fsys, "kh.toml", opts())
	if d := only(t, ds, diag.CodeBadChar); d.Pos != at("vanban.toml", 4, 15) {
		t.Errorf("position %v", d.Pos)
	}
}

// Tabs become spaces in single-line values and stay in the body; CRLF and
// escaped CRs become LF.
func TestLoad_TabsAndLineEnds(t *testing.T) {
	doc := strings.ReplaceAll(kh(`"Về\tviệc"`, "[\"Như\ttrên\", \"a\\r\\nb\"]", "\"\"\"\n\tmã\nx\"\"\""), "\n", "\r\n")
	in, ds := load(t, doc)
	if in == nil {
		t.Fatal(ds)
	}
	if in.Summary != "Về việc" {
		t.Errorf("summary %q", in.Summary)
	}
	if got := strings.Join(in.Recipients, "|"); got != "Như trên|a\nb" {
		t.Errorf("recipients %q", got)
	}
	if got := in.Values["noi_dung"]; got != Markdown("\tmã\nx") {
		t.Errorf("noi_dung %q", got)
	}
	if p := in.Pos["noi_dung"]; p != at("kh.toml", 4, 12) {
		t.Errorf("noi_dung at %v", p)
	}
}

// Text typed in TCVN3 or VNI is converted, with a warning at the value.
func TestLoad_LegacyText(t *testing.T) {
	prof := strings.Replace(profile, `ten = ["ỦY BAN NHÂN DÂN", "THỊ TRẤN VẠN GIÃ"]`,
		`ten = ["UÛY BAN NHAÂN DAÂN", "THÒ TRAÁN VAÏN GIAÕ"]`, 1)
	fsys := fstest.MapFS{
		"vanban.toml": {Data: []byte(prof)},
		"kh.toml": {Data: []byte(kh(`"VÒ viÖc ph¸t ®éng phong trµo thi ®ua n¨m 2024"`, `["Nh­ trªn", "L­u: VT"]`,
			"\"\"\"\nC¨n cø NghÞ ®Þnh sè 30/2020/N§-CP.\n\"\"\""))},
	}
	in, ds := Load(fsys, "kh.toml", opts())
	if in == nil {
		t.Fatal(ds)
	}
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if in.Summary != "Về việc phát động phong trào thi đua năm 2024" {
		t.Errorf("summary %q", in.Summary)
	}
	if got := strings.Join(in.Recipients, "|"); got != "Như trên|Lưu: VT" {
		t.Errorf("recipients %q", got)
	}
	if got := in.Values["noi_dung"]; got != Markdown("Căn cứ Nghị định số 30/2020/NĐ-CP.\n") {
		t.Errorf("noi_dung %q", got)
	}
	if got := strings.Join(in.Org.Name, "|"); got != "ỦY BAN NHÂN DÂN|THỊ TRẤN VẠN GIÃ" {
		t.Errorf("org name %q", got)
	}
	want := map[diag.Pos]string{
		at("kh.toml", 2, 13):    `khóa "trich_yeu" có vẻ gõ bằng bảng mã TCVN3 (ABC, .VnTime); đã chuyển sang Unicode: "Về việc phát động phong trào …"`,
		at("kh.toml", 3, 12):    `khóa "noi_nhan[0]" có vẻ gõ bằng bảng mã TCVN3 (ABC, .VnTime); đã chuyển sang Unicode: "Như trên"`,
		at("kh.toml", 4, 12):    `khóa "noi_dung" có vẻ gõ bằng bảng mã TCVN3 (ABC, .VnTime); đã chuyển sang Unicode: "Căn cứ Nghị định số 30/2020/NĐ-CP."`,
		at("vanban.toml", 3, 7): `khóa "co_quan.ten[0]" có vẻ gõ bằng bảng mã VNI (VNI-Times); đã chuyển sang Unicode: "ỦY BAN NHÂN DÂN"`,
	}
	got := map[string]bool{}
	for _, d := range ds {
		if d.Code != diag.CodeLegacyText {
			t.Errorf("unexpected %v", d)
			continue
		}
		if d.Severity != diag.Warning {
			t.Errorf("not a warning: %v", d)
		}
		got[d.Pos.String()+" "+d.Msg] = true
	}
	for p, m := range want {
		if m != "" && !got[p.String()+" "+m] {
			t.Errorf("missing warning %v: %s\ngot %v", p, m, ds)
		}
	}
	// noi_nhan[1] ("Lưu: VT") and co_quan.ten[1] are converted too.
	if n := len(ds); n != 6 {
		t.Errorf("%d warnings, want 6: %v", n, ds)
	}
}

// Unicode text with Latin-1 letters, "©" and the like is left alone.
func TestLoad_NoLegacyFalsePositive(t *testing.T) {
	in, ds := load(t, kh(`"© 2024 Bé Tí, hoà bình, café"`, `["Như trên", "Khoá học"]`, `"Copyright © 2024. 1½ cups; 25°C."`))
	if in == nil || len(ds) != 0 {
		t.Fatalf("%v", ds)
	}
	if in.Summary != "© 2024 Bé Tí, hoà bình, café" {
		t.Errorf("summary %q", in.Summary)
	}
}
