package engine_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vanban/internal/engine"
	"vanban/internal/format"
	"vanban/internal/testutil"
)

func selection(t *testing.T, s string) engine.Selection {
	t.Helper()
	sel, err := engine.ParseSelection(s)
	if err != nil {
		t.Fatal(err)
	}
	return sel
}

// pdfText writes b and reads it back with pdftotext, lines joined by
// spaces (table cells break lines where the layout wraps them).
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "copy.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(testutil.Run(t, "pdftotext", p, "-")), " ")
}

// TestCopy_ExtractDecision: the commonest trích sao, Điều 1 of the
// Quyết định khen thưởng and one person's line of its list (NĐ 30, Điều
// 3.12, 25.3.b): the thể thức of the original (header, number, date, tên
// loại, trích yếu, thẩm quyền, căn cứ, signature, Nơi nhận), Điều 1, the
// list with its header, the "II. CÁ NHÂN" group row and that one row, then
// the TRÍCH SAO block; no other article, no other person. The register
// says which part; the same part again takes no new number, another part
// takes the next one and another file.
func TestCopy_ExtractDecision(t *testing.T) {
	j := copyWorkspace(t)
	out := t.TempDir()
	req := engine.CopyRequest{Kind: format.TrichSao, Date: copyDate(t, "2024-12-02"), Out: out,
		Parts: selection(t, "Phụ lục: Trần Văn Bình; Điều 1")}
	res := makeCopy(t, j, req)
	if res.Part != "Điều 1; Phụ lục (Trần Văn Bình)" {
		t.Errorf("part %q", res.Part)
	}
	if want := regexp.MustCompile(`^quyet-dinh-khen-thuong\.trich-sao\.dieu-1\.phu-luc-tran-van-binh-[0-9a-f]{8}\.pdf$`); filepath.Dir(res.Path) != out || !want.MatchString(filepath.Base(res.Path)) {
		t.Errorf("path %q", res.Path)
	}
	got := pdfText(t, res.PDF)
	at := 0
	for _, w := range []string{"ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 01/QĐ-UBND",
		"Vạn Giã, ngày 25 tháng 11 năm 2024", "QUYẾT ĐỊNH", "Về việc tặng Giấy khen", "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ",
		"Căn cứ Luật Tổ chức chính quyền địa phương", "QUYẾT ĐỊNH:", "Điều 1. Khen thưởng", "Nơi nhận:", "- Như Điều 3;",
		"CHỦ TỊCH", "Nguyễn Hữu Trường", "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "STT", "II. CÁ NHÂN",
		"2 Trần Văn Bình Công chức Tư pháp - Hộ tịch Giấy khen", "TRÍCH SAO", "Số: 01/TrS-UBND",
		"Vạn Giã, ngày 02 tháng 12 năm 2024", "TM. ỦY BAN NHÂN DÂN"} {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Fatalf("the trích sao lacks %q after …%q\n%s", w, got[max(0, at-80):at], got)
		}
		at += i + len(w)
	}
	for _, w := range []string{"Điều 2", "Điều 3.", "Nguyễn Thị Thu Hà", "Lê Thị Mỹ Duyên", "Bộ phận Tiếp nhận", "I. TẬP THỂ", "SAO Y"} {
		if strings.Contains(got, w) {
			t.Errorf("the trích sao has %q", w)
		}
	}
	if e := res.Entry; e.Number != 1 || e.Symbol != "TrS-UBND" || e.Doc+".pdf" != filepath.Base(res.Path) ||
		!strings.HasSuffix(e.Summary, "năm 2024 — phần trích: Điều 1; Phụ lục (Trần Văn Bình)") {
		t.Errorf("entry %+v", e)
	}
	// The same part, typed another way: the same copy.
	again := makeCopy(t, j, engine.CopyRequest{Kind: format.TrichSao, Date: copyDate(t, "2024-12-02"),
		Parts: selection(t, "dieu 1 ; phụ lục : trần văn bình")})
	if again.Entry != res.Entry {
		t.Errorf("again: %+v", again.Entry)
	}
	// Another person: another copy, the next number.
	other := makeCopy(t, j, engine.CopyRequest{Kind: format.TrichSao, Date: copyDate(t, "2024-12-02"), Out: out,
		Parts: selection(t, "Điều 1; Phụ lục: Lê Thị Mỹ Duyên")})
	if other.Entry.Number != 2 || !strings.HasPrefix(filepath.Base(other.Path), "quyet-dinh-khen-thuong.trich-sao.dieu-1.phu-luc-le-thi-my-duyen-") {
		t.Errorf("other person: %+v %s", other.Entry, other.Path)
	}
	if txt := pdfText(t, other.PDF); !strings.Contains(txt, "Lê Thị Mỹ Duyên") || strings.Contains(txt, "Trần Văn Bình") {
		t.Errorf("other person's copy:\n%s", txt)
	}
}

// TestCopy_ExtractElectronic: the electronic trích sao is the same part,
// with "Trích sao; …" in ô 14 and no copy block.
func TestCopy_ExtractElectronic(t *testing.T) {
	j := copyWorkspace(t)
	res := makeCopy(t, j, engine.CopyRequest{Kind: format.TrichSao, Electronic: true, Date: copyDate(t, "2024-12-02"),
		Parts: selection(t, "Điều 2")})
	got := pdfText(t, res.PDF)
	for _, w := range []string{"Trích sao; Ủy ban nhân dân thị trấn Vạn Giã", "Điều 2. Tiền thưởng", "QUYẾT ĐỊNH:", "Nguyễn Hữu Trường"} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
	for _, w := range []string{"Điều 1.", "Điều 3.", "DANH SÁCH", "TRÍCH SAO"} {
		if strings.Contains(got, w) {
			t.Errorf("has %q:\n%s", w, got)
		}
	}
}

// TestCopy_ExtractSection: a section of the Kế hoạch by its number, and a
// sub-section by its heading, which comes under its parent's heading; the
// Kế hoạch's opening text and the other sections are not copied.
func TestCopy_ExtractSection(t *testing.T) {
	j := copyWorkspace(t)
	j.Name = "ke-hoach.toml"
	for _, c := range []struct {
		sel, part string
		has, not  []string
	}{
		{"II", "Mục II", []string{"KẾ HOẠCH", "Phát động phong trào thi đua trong lĩnh vực Nội vụ năm 2024",
			"II. NỘI DUNG PHONG TRÀO THI ĐUA", "1. Tiếp tục thực hiện", "5. Phối hợp", "TM. ỦY BAN NHÂN DÂN", "TRÍCH SAO"},
			[]string{"Thực hiện Kế hoạch số 424", "I. MỤC ĐÍCH", "III. TỔ CHỨC THỰC HIỆN", "Trên đây là Kế hoạch"}},
		{"Yêu cầu", "Mục I.2", []string{"I. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu", "Phổ biến, quán triệt"},
			[]string{"1. Mục đích", "Tạo khí thế", "II. NỘI DUNG"}},
	} {
		res := makeCopy(t, j, engine.CopyRequest{Kind: format.TrichSao, Date: copyDate(t, "2024-12-02"), Parts: selection(t, c.sel)})
		if res.Part != c.part {
			t.Errorf("%s: part %q", c.sel, res.Part)
		}
		got := pdfText(t, res.PDF)
		for _, w := range c.has {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lacks %q", c.sel, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: has %q", c.sel, w)
			}
		}
	}
}

// TestCopy_ExtractBad: a part the document lacks is a *PartError naming
// what the document has; nothing is registered, nothing written. So is a
// trích sao without a part, and a part with another kind.
func TestCopy_ExtractBad(t *testing.T) {
	j := copyWorkspace(t)
	out := t.TempDir()
	for _, c := range []struct {
		name string
		kind format.CopyKind
		sel  string
		say  []string
	}{
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "Điều 4", []string{`không có Điều 4`, `Điều 1, 2, 3`, `Phụ lục "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"`}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "Điều 2-5", []string{`không có Điều 4`}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "Điều 1; Phụ lục: Nguyễn Văn Không", []string{`không có dòng nào chứa "Nguyễn Văn Không"`, "Trần Văn Bình"}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "Điều 1; Phụ lục II", []string{"không có Phụ lục II"}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "Điều 1; Phụ lục: |", []string{`không có dòng nào chứa "|"`}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "Phụ lục: Trần Văn Bình", []string{"điều hoặc mục", "Điều 1, 2, 3"}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "II", []string{"không có mục II", "Điều 1, 2, 3"}},
		{"quyet-dinh-khen-thuong.toml", format.TrichSao, "", []string{"trích sao cần -phan"}},
		{"quyet-dinh-khen-thuong.toml", format.SaoY, "Điều 1", []string{"-phan chỉ dùng với -loai trich-sao"}},
		{"ke-hoach.toml", format.TrichSao, "IV", []string{"không có mục IV", "mục I, I.1, I.2, II, III"}},
		{"ke-hoach.toml", format.TrichSao, "Điều 1", []string{"không có Điều 1", "mục I, I.1, I.2, II, III"}},
		{"ke-hoach.toml", format.TrichSao, "Kết quả", []string{`không có mục nào bắt đầu bằng "Kết quả"`}},
		{"ke-hoach.toml", format.TrichSao, "Phụ lục", []string{"không có phụ lục", "mục I"}},
	} {
		req := engine.CopyRequest{Kind: c.kind, Date: copyDate(t, "2024-12-02"), Out: out}
		if c.sel != "" {
			req.Parts = selection(t, c.sel)
		}
		jj := j
		jj.Name = c.name
		res, err := newEng(t, engine.Options{}).Copy(context.Background(), jj, req)
		var pe *engine.PartError
		if !errors.As(err, &pe) || res.PDF != nil || res.Entry.Number != 0 {
			t.Errorf("%s %q: %v %+v", c.name, c.sel, err, res.Entry)
			continue
		}
		for _, w := range c.say {
			if !strings.Contains(pe.Msg, w) {
				t.Errorf("%s %q: %q lacks %q", c.name, c.sel, pe.Msg, w)
			}
		}
	}
	if files, _ := os.ReadDir(out); len(files) != 0 {
		t.Errorf("written: %v", files)
	}
	rows, _, _, _ := newEng(t, engine.Options{}).RegisterRows(context.Background(), j.Dir, 0)
	for _, r := range rows[1:] {
		if strings.Contains(r[0], "TrS-") || strings.Contains(r[0], "SY-") {
			t.Errorf("registered: %q", r)
		}
	}
}

// TestParseSelection: what -phan accepts, said back in the document's
// words; what it refuses.
func TestParseSelection(t *testing.T) {
	for _, s := range []string{"Điều 1", "Điều 1,3", "Điều 1-2", "dieu 2", "II", "II.1", "Mục II.1", "Mục đích", "Phụ lục", "Phụ lục II",
		"Phụ lục: Nguyễn Văn An, Trần Văn Bình", "phu luc 2: An", "Điều 1; Phụ lục: Nguyễn Văn An"} {
		if _, err := engine.ParseSelection(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"", " ; ", "Điều", "Điều x", "Điều 3-1", "Điều 0", "Phụ lục XYZ", "Phụ lục:", "Phụ lục: , "} {
		if _, err := engine.ParseSelection(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

// Two people whose names differ only by a tone mark are two copies: the
// identity's readable part drops diacritics, its hash does not.
func TestExtractIdentity_Diacritics(t *testing.T) {
	j := engine.Job{Dir: ".", Name: "quyet-dinh-khen-thuong.toml"}
	a := engine.ExtractIdentity(j, "Điều 1; Phụ lục (Trần Văn Bình)")
	b := engine.ExtractIdentity(j, "Điều 1; Phụ lục (Trần Văn Bính)")
	if a == b {
		t.Errorf("one identity %q for two people", a)
	}
	if c := engine.ExtractIdentity(j, "Điều 1; Phụ lục (trần văn bình)"); c != a {
		t.Errorf("letter case makes another copy: %q, %q", a, c)
	}
}
