package layout

import (
	"bytes"
	"strings"
	"testing"

	"vanban/internal/font"
	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/testutil"
	"vanban/internal/unit"
)

// marked is a công văn carrying every mark of Phụ lục I, II.10–12.
func marked(urgency string, paras int) *model.Document {
	var body []model.Block
	for range paras {
		body = append(body, bodyPara(sentence+sentence))
	}
	d := doc(body...)
	d.Title = model.Title{Summary: "Thử các dấu", Letter: true}
	d.Marks = model.Marks{Secrecy: "mat", Urgency: urgency, Circulation: "noi-bo", Drafter: "nva", Copies: 5,
		Contact: format.ContactLines(format.Contact{Address: "Thôn Tân Đức, xã Vạn Ninh, tỉnh Khánh Hòa",
			Phone: "0258 3840 123", Email: "ubnd.vanninh@khanhhoa.gov.vn", Website: "vanninh.khanhhoa.gov.vn"}),
		Draft: "Dự thảo"}
	return d
}

// TestMarks_Golden: the layout dump of a công văn with every mark.
func TestMarks_Golden(t *testing.T) {
	r, err := layoutModel(marked("thuong-khan", 3), format.NewSheet("cong-van"), fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Dump(&b, r); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "testdata/marks.golden", b.Bytes())
}

func findText(p *Page, prefix string) (Item, bool) {
	for _, it := range p.Items {
		if it.Kind == Text && strings.HasPrefix(it.Text, prefix) {
			return it, true
		}
	}
	return Item{}, false
}

// TestMarks_UrgencyStampND30 (Phụ lục I, II.10.b): the urgency stamp is a
// red single frame 20, 40 or 30 × 8 mm for KHẨN, THƯỢNG KHẨN, HỎA TỐC, its
// words bold, 13–14 pt, upper case, centred inside it, under the number in
// the left column (ô 10b under ô 10a).
func TestMarks_UrgencyStampND30(t *testing.T) {
	s := format.NewSheet("cong-van")
	for _, c := range []struct {
		level, text string
		w           unit.Length
	}{{"khan", "KHẨN", 20 * unit.MM}, {"thuong-khan", "THƯỢNG KHẨN", 40 * unit.MM}, {"hoa-toc", "HỎA TỐC", 30 * unit.MM}} {
		t.Run(c.level, func(t *testing.T) {
			r, err := layoutModel(marked(c.level, 1), s, fontSet(t))
			if err != nil {
				t.Fatal(err)
			}
			p := &r.Pages[0]
			num, _ := findText(p, "Số:")
			secret, _ := findText(p, "MẬT")
			txt, ok := findText(p, c.text)
			if !ok || txt.Color != Red || txt.Size < 26 || txt.Size > 28 || txt.Style != font.Bold {
				t.Fatalf("urgency words %+v; want red bold 13–14 pt %q", txt, c.text)
			}
			var boxes []Item
			for _, it := range p.Items {
				if it.Kind == Box {
					boxes = append(boxes, it)
				}
			}
			var box *Item
			for i := range boxes {
				if b := boxes[i]; txt.X >= b.X && txt.X+txt.W <= b.X+b.W && txt.Y > b.Y && txt.Y < b.Y+b.H {
					box = &boxes[i]
				}
			}
			if box == nil {
				t.Fatalf("no frame around %q", c.text)
			}
			if box.W != c.w || box.H != 8*unit.MM || box.Color != Red || box.Stroke <= 0 {
				t.Errorf("frame %v × %v colour %06x; want %v × 8 mm red", box.W, box.H, uint32(box.Color), c.w)
			}
			if d := (txt.X - box.X) - (box.X + box.W - txt.X - txt.W); d < -unit.EMU*2 || d > unit.EMU*2 {
				t.Errorf("words not centred in the frame: %v", d)
			}
			if box.Y <= num.Y || box.Y <= secret.Y || box.X < s.Left || box.X+box.W > s.Left+s.LeftCol {
				t.Errorf("frame at %v,%v: want under the number (%v) and ô 10a (%v), in the left column", box.X, box.Y, num.Y, secret.Y)
			}
		})
	}
}

// TestMarks_FootND30: ô 12 (Phụ lục I, II.11) is "NVA.(05)" in 11 pt under
// "- Lưu: …"; ô 13 (II.12) stands at the foot of page 1 in 11–12 pt under a
// rule the whole width of the text area, and nothing else on page 1 goes
// below that rule, on a first page full of text too.
func TestMarks_FootND30(t *testing.T) {
	s := format.NewSheet("cong-van")
	for _, n := range []int{1, 12} {
		r, err := layoutModel(marked("khan", n), s, fontSet(t))
		if err != nil {
			t.Fatal(err)
		}
		p := &r.Pages[0]
		var rule *Item
		for i, it := range p.Items {
			if it.Kind == Rule && it.W == s.TextWidth() && it.X == s.Left {
				rule = &p.Items[i]
			}
		}
		if rule == nil {
			t.Fatalf("%d paras: no full-width rule for ô 13", n)
		}
		for _, it := range p.Items {
			if it.Kind != Text || it.Y <= rule.Y {
				continue
			}
			if it.Size < 22 || it.Size > 24 {
				t.Errorf("%q below the ô 13 rule: not an ô 13 line", it.Text)
			}
			if it.Y > s.PageH-s.Bottom {
				t.Errorf("%q below the bottom margin", it.Text)
			}
		}
		if a, ok := findText(p, "Địa chỉ: Thôn"); !ok || a.Y <= rule.Y {
			t.Errorf("%d paras: address %+v not under the rule", n, a)
		}
		var last Page = r.Pages[len(r.Pages)-1]
		lưu, _ := findText(&last, "- Lưu:")
		d, ok := findText(&last, "NVA.(05)")
		if !ok || d.Size != 22 || d.Y <= lưu.Y || d.X != s.Left || d.Style != font.Regular {
			t.Errorf("%d paras: ô 12 %+v; want 11 pt upright at the left margin under %+v", n, d, lưu)
		}
	}
}

// TestMarks_DraftTopRight: the draft marking is framed, flush with the
// right margin, above the header.
func TestMarks_DraftTopRight(t *testing.T) {
	s := format.NewSheet("cong-van")
	r, err := layoutModel(marked("", 1), s, fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	p := &r.Pages[0]
	d, _ := findText(p, "DỰ THẢO")
	q, _ := findText(p, "CỘNG HÒA")
	if p.Items[0].Kind != Box || p.Items[0].X+p.Items[0].W != s.PageW-s.Right || p.Items[0].Y != s.Top {
		t.Errorf("first item %+v; want the draft frame at the top right", p.Items[0])
	}
	if d.Y >= q.Y {
		t.Errorf("draft marking at %v not above the Quốc hiệu at %v", d.Y, q.Y)
	}
}

// TestMarks_NoneUnchanged: a document without marks lays out as before:
// no frame, nothing reserved at the foot.
func TestMarks_NoneUnchanged(t *testing.T) {
	r, err := layoutModel(doc(bodyPara(sentence)), format.NewSheet("ke-hoach"), fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range r.Pages[0].Items {
		if it.Kind == Box || it.Color != 0 {
			t.Errorf("unexpected %+v", it)
		}
	}
}
