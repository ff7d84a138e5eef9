package data

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"vanban/internal/diag"
)

// A profile read once (ReadProfile) and shared by many documents loads
// each of them exactly as reading it per document does: the same input,
// the same diagnostics (the profile's own warnings included), and no
// document's values leak into the next through the shared profile.
func TestLoad_SharedProfile(t *testing.T) {
	// The profile has a warning of its own: a doubled space.
	prof := profile + "\n[khac]\n" // an unknown table: an error in every document
	for _, pr := range []string{profile, profile[:len(profile)-1] + "  \n", prof} {
		docs := []string{`mau = "ke-hoach"
so = 3
ngay = 2024-05-08
trich_yeu = "Về việc thử"
noi_nhan = ["Như trên"]
noi_dung = "Nội dung./."
[nguoi_ky]
quyen_han = "KT."
thu_truong = "CHỦ TỊCH"
chuc_vu = "PHÓ CHỦ TỊCH"
ho_ten = "Trần Thị B"
[co_quan]
dia_danh = "Vạn Ninh"
`, `mau = "ke-hoach"
trich_yeu = "Về việc  khác"
noi_nhan = ["Như trên"]
noi_dung = "Nội dung khác./."
`}
		fsys := fstest.MapFS{"vanban.toml": {Data: []byte(pr)}}
		for i, d := range docs {
			fsys[fmt.Sprintf("d%d.toml", i)] = &fstest.MapFile{Data: []byte(d)}
		}
		shared := ReadProfile(fsys, "vanban.toml", nil)
		for round := range 2 {
			for i := range docs {
				name := fmt.Sprintf("d%d.toml", i)
				want, wantDiags := Load(fsys, name, opts())
				opt := opts()
				opt.Shared = shared
				got, gotDiags := Load(fsys, name, opt)
				if fmt.Sprint(gotDiags) != fmt.Sprint(wantDiags) {
					t.Errorf("round %d, %s: diagnostics\n%v\nwant\n%v", round, name, gotDiags, wantDiags)
				}
				if (got == nil) != (want == nil) {
					t.Fatalf("round %d, %s: input %v, want %v", round, name, got != nil, want != nil)
				}
				if got == nil {
					continue
				}
				var a, b bytes.Buffer
				Dump(&a, got)
				Dump(&b, want)
				if a.String() != b.String() {
					t.Errorf("round %d, %s: input\n%s\nwant\n%s", round, name, a.String(), b.String())
				}
			}
		}
	}
}

// The [giay_khen] table of the profile (certificate form positions) is
// read by package certificate: documents of the workspace build with it.
func TestLoad_ForeignTableSkipped(t *testing.T) {
	fsys := fstest.MapFS{
		"vanban.toml": {Data: []byte(profile + "\n[giay_khen]\nlech_x = 2\n[giay_khen.ten]\nx = 148\n")},
		"kh.toml":     {Data: []byte("mau = \"ke-hoach\"\ntrich_yeu = \"Về việc thử\"\nnoi_nhan = [\"Như trên\"]\nnoi_dung = \"Nội dung./.\"\n")},
	}
	in, ds := Load(fsys, "kh.toml", opts())
	if in == nil || len(ds) != 0 {
		t.Fatalf("load with [giay_khen]: %v", ds)
	}
	// In a document it is still an unknown key.
	fsys["kh.toml"] = &fstest.MapFile{Data: append(fsys["kh.toml"].Data, "[giay_khen]\nx = 1\n"...)}
	if in, _ := Load(fsys, "kh.toml", opts()); in != nil {
		t.Error("a document's own [giay_khen] was accepted")
	}
}

// A profile's own body and signer, converted as for a document, with no
// document's overrides; a profile with a bad signer gives none.
func TestProfile_Body(t *testing.T) {
	fsys := fstest.MapFS{"vanban.toml": {Data: []byte(profile)}}
	org, signer, ok := ReadProfile(fsys, "vanban.toml", nil).Body()
	if !ok || org.Abbrev != "UBND" || org.Place != "Vạn Giã" || len(org.Name) != 2 || org.Level != Commune ||
		signer.Authority != "TM." || signer.Name != "Nguyễn Hữu Trường" {
		t.Errorf("body %+v, signer %+v, ok %v", org, signer, ok)
	}
	fsys["vanban.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(profile, `quyen_han = "TM."`, `quyen_han = "XX."`, 1))}
	if _, _, ok := ReadProfile(fsys, "vanban.toml", nil).Body(); ok {
		t.Error("a profile with a bad quyen_han gave a signer")
	}
}

// A yes/no key (phu_luc_rieng) is a TOML boolean: true or false without
// quotes; a string is a type error at the value, saying so.
func TestLoad_Bool(t *testing.T) {
	boolSchema := &Schema{Template: "ke-hoach", Fields: append(Common(),
		Field{Key: "noi_dung", Kind: KindMarkdown, Required: true, Label: "nội dung"})}
	opt := opts()
	opt.Schema = func(string) (*Schema, []string, bool) { return boolSchema, nil, true }
	doc := "mau = \"ke-hoach\"\ntrich_yeu = \"Về việc thử\"\nnoi_nhan = [\"Như trên\"]\nnoi_dung = \"Nội dung./.\"\n"
	for src, want := range map[string]any{"phu_luc_rieng = true\n": true, "": false} {
		fsys := fstest.MapFS{"vanban.toml": {Data: []byte(profile)}, "kh.toml": {Data: []byte(doc + src)}}
		in, ds := Load(fsys, "kh.toml", opt)
		if in == nil || in.Values["phu_luc_rieng"] != want {
			t.Errorf("%q: %v %v", src, in, ds)
		}
	}
	fsys := fstest.MapFS{"vanban.toml": {Data: []byte(profile)}, "kh.toml": {Data: []byte(doc + "phu_luc_rieng = \"true\"\n")}}
	in, ds := Load(fsys, "kh.toml", opt)
	if in != nil || len(ds) == 0 || ds[0].Code != diag.CodeType || ds[0].Pos.Line != 5 || !strings.Contains(ds[0].Msg, "true hoặc false") {
		t.Errorf("a quoted \"true\": %v", ds)
	}
}
