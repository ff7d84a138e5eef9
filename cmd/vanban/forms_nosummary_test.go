package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/layout"
	"vanban/internal/unit"
)

// TestForms_NoSummary: a Giấy giới thiệu (Mẫu 1.8) prints no trích yếu,
// whether or not its data has one: the line after "GIẤY GIỚI THIỆU" is the
// body's first, and the rule, 1/3–1/2 of the tên loại, lies centred right
// under it. The trích yếu given, or the one built from the data, names
// the document in the register and in the metadata.
func TestForms_NoSummary(t *testing.T) {
	dir := copyWorkspace(t, formsDir)
	const given = "Liên hệ công tác về hồ sơ khen thưởng"
	src := string(mustRead(t, filepath.Join(dir, "giay-gioi-thieu.toml")))
	if strings.Contains(src, "trich_yeu") {
		t.Fatal("the sample giấy giới thiệu has a trich_yeu")
	}
	with := strings.Replace(src, `noi_nhan = ["Như trên"]`, "trich_yeu = \""+given+"\"\n"+`noi_nhan = ["Như trên"]`, 1)
	if with == src {
		t.Fatal("sample changed: no noi_nhan line to add trich_yeu before")
	}
	os.WriteFile(filepath.Join(dir, "ggt-co-trich-yeu.toml"), []byte(with), 0o644)

	for _, c := range []struct{ name, summary string }{
		{"giay-gioi-thieu", "Ông (bà) Nguyễn Văn An đến Sở Nội vụ tỉnh Khánh Hòa"},
		{"ggt-co-trich-yeu", given},
	} {
		t.Run(c.name, func(t *testing.T) {
			all, pages, res := text(t, dir, c.name)
			if res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			// pdftotext: the title, then straight the body.
			if want := "GIẤY GIỚI THIỆU Ủy ban nhân dân xã Vạn Ninh trân trọng giới thiệu:"; !strings.Contains(all, want) {
				t.Errorf("no %q in:\n%s", want, pages[0])
			}
			if strings.Contains(all, given) {
				t.Errorf("the trích yếu is printed:\n%s", pages[0])
			}
			d := strings.Join(words(docxText(t, res.DOCX)), " ")
			if !strings.Contains(d, "GIẤY GIỚI THIỆU Ủy ban nhân dân xã Vạn Ninh trân trọng giới thiệu:") || strings.Contains(d, given) {
				t.Errorf("DOCX reads: %.400s", d)
			}
			if res.Doc.Title.Summary != c.summary || res.Layout.Meta.Subject != c.summary {
				t.Errorf("summary %q, metadata subject %q, want %q", res.Doc.Title.Summary, res.Layout.Meta.Subject, c.summary)
			}
			// The rule: under the title, above the body, 1/3–1/2 of the
			// title's width, centred on it.
			var title, body layout.Item
			var rules []layout.Item
			for _, it := range res.Layout.Pages[0].Items {
				switch {
				case it.Kind == layout.Text && it.Text == "GIẤY GIỚI THIỆU":
					title = it
				case it.Kind == layout.Text && body.Text == "" && strings.HasPrefix(it.Text, "Ủy") && it.Y > title.Y && title.Text != "":
					body = it
				case it.Kind == layout.Rule:
					rules = append(rules, it)
				}
			}
			if title.Text == "" || body.Text == "" || len(rules) != 3 {
				t.Fatalf("title %q, body %q, %d rules", title.Text, body.Text, len(rules))
			}
			r := rules[2] // issuer, motto, title
			if r.Y <= title.Y || r.Y >= body.Y || r.Y-title.Y > unit.Length(title.Size)*unit.Point {
				t.Errorf("rule at y %v: title at %v, body at %v", r.Y, title.Y, body.Y)
			}
			if ratio := float64(r.W) / float64(title.W); ratio < 1.0/3 || ratio > 0.5 {
				t.Errorf("rule is %.2f of the title", ratio)
			}
			if dc := (r.X + r.W/2) - (title.X + title.W/2); dc < -unit.MM/10 || dc > unit.MM/10 {
				t.Errorf("rule off centre by %v", dc)
			}
		})
	}

	// The register: the given trích yếu, or the one built from the data.
	out := filepath.Join(dir, "out")
	for _, n := range []string{"giay-gioi-thieu", "ggt-co-trich-yeu"} {
		if code, stdout, stderr := cli(t, "assign", "-ngay", "2026-05-08", "-o", out, filepath.Join(dir, n+".toml")); code != exitOK {
			t.Fatalf("assign %s: exit %d\n%s%s", n, code, stdout, stderr)
		}
	}
	code, stdout, stderr := cli(t, "register", dir)
	if code != exitOK {
		t.Fatalf("register: exit %d\n%s", code, stderr)
	}
	reg := strings.Join(strings.Fields(stdout), " ")
	for _, w := range []string{"Giấy giới thiệu ông (bà) Nguyễn Văn An đến Sở Nội vụ tỉnh Khánh Hòa",
		"Giấy giới thiệu " + strings.ToLower(given[:1]) + given[1:]} {
		if !strings.Contains(reg, w) {
			t.Errorf("register lacks %q:\n%s", w, stdout)
		}
	}
}

// TestForms_Confirmation: a Giấy nghỉ phép with xac_nhan_noi_nghi prints
// the confirmation block of Mẫu 1.10 in the left column under Nơi nhận and
// the signature, in PDF and DOCX; without it, none.
func TestForms_Confirmation(t *testing.T) {
	const title = "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"
	all, _, res := text(t, formsDir, "giay-nghi-phep")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	want := title + " (Chữ ký, dấu)"
	if !strings.Contains(all, "Lê Văn Thành "+want) {
		t.Errorf("PDF lacks %q after the signer:\n%s", want, all)
	}
	if d := strings.Join(words(docxText(t, res.DOCX)), " "); !strings.Contains(d, want) {
		t.Errorf("DOCX lacks %q:\n%s", want, d)
	}
	if strings.Contains(all, "NGHỈ PHÉP Nghỉ phép năm 2026") {
		t.Errorf("the trích yếu is printed:\n%s", all)
	}
	// Left column, below the signer's name.
	var name, conf layout.Item
	last := res.Layout.Pages[len(res.Layout.Pages)-1].Items
	for _, it := range last {
		switch {
		case it.Kind == layout.Text && strings.Contains(it.Text, "Thành"):
			name = it
		case it.Kind == layout.Text && strings.HasPrefix(it.Text, "Xác") && conf.Text == "":
			conf = it
		}
	}
	s := res.Layout.Doc.Sheet
	if name.Text == "" || conf.Text == "" || conf.Y <= name.Y || conf.X+conf.W > s.Left+s.LeftCol || name.X < s.Left+s.LeftCol {
		t.Errorf("confirmation at %+v, signer's name at %+v", conf, name)
	}

	dir := copyWorkspace(t, formsDir)
	edit(t, dir, "giay-nghi-phep.toml", "xac_nhan_noi_nghi = true", "")
	all, _, res = text(t, dir, "giay-nghi-phep")
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	if strings.Contains(all, "Xác nhận") || strings.Contains(docxText(t, res.DOCX), "Xác nhận") {
		t.Errorf("confirmation printed without xac_nhan_noi_nghi:\n%s", all)
	}
}
