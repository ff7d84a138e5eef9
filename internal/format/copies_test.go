package format

import (
	"reflect"
	"testing"

	"vanban/internal/model"
)

func TestCopies_Rules(t *testing.T) {
	for _, c := range []struct {
		name, slug, text, sym, typ string
		kind                       CopyKind
	}{
		{"PL1_PhanII_II.1.a_PL3_I_sao_y", "sao-y", "SAO Y", "SY", "Bản sao y", SaoY},
		{"PL1_PhanII_II.1.a_PL3_I_sao_luc", "sao-luc", "SAO LỤC", "SL", "Bản sao lục", SaoLuc},
		{"PL1_PhanII_II.1.a_PL3_I_trich_sao", "trich-sao", "TRÍCH SAO", "TrS", "Bản trích sao", TrichSao},
	} {
		t.Run(c.name, func(t *testing.T) {
			k, ok := ParseCopyKind(c.slug)
			if !ok || k != c.kind || k.Slug() != c.slug || k.Text() != c.text || k.Symbol() != c.sym || k.Type() != c.typ {
				t.Errorf("%q: kind %v ok %v, slug %q text %q symbol %q type %q", c.slug, k, ok, k.Slug(), k.Text(), k.Symbol(), k.Type())
			}
		})
	}
	if _, ok := ParseCopyKind("sao"); ok {
		t.Error("unknown copy kind accepted")
	}
	if got := CopySymbol(SaoY, "UBND"); got != "SY-UBND" {
		t.Errorf("PL1_PhanII_II.1.c CopySymbol = %q, want SY-UBND", got)
	}
	if got := (model.Number{Value: 5, Symbol: CopySymbol(TrichSao, "UBND")}).Text(); got != "05/TrS-UBND" {
		t.Errorf("PL1_PhanII_II.1.c number from 01: %q", got)
	}
}

func TestCopies_Styles(t *testing.T) {
	s := NewSheet("quyet-dinh")
	cs := s.CopyStyles()
	for _, c := range []struct {
		name   string
		st     Style
		lo, hi int // half-points
		font   model.RunStyle
		upper  bool
	}{
		{"PL1_PhanII_II.2.b_hinh_thuc_sao_UP_13-14_bold", cs.Kind, 26, 28, model.Bold, true},
		{"PL1_PhanII_II.2.c_PhanI_II.2_ten_co_quan_UP_12-13_bold", cs.Body, 24, 26, model.Bold, true},
		{"PL1_PhanII_II.2.c_PhanI_II.3_so_ky_hieu_13", cs.Number, 26, 26, 0, false},
		{"PL1_PhanII_II.2.c_PhanI_II.4_dia_danh_13-14_italic", cs.PlaceDate, 26, 28, model.Italic, false},
		{"PL1_PhanII_II.2.c_PhanI_II.7_quyen_han_chuc_vu_UP_13-14_bold", cs.Authority, 26, 28, model.Bold, true},
		{"PL1_PhanII_II.2.c_PhanI_II.7_ho_ten_13-14_bold", cs.Name, 26, 28, model.Bold, false},
		{"PL1_PhanII_II.2.c_PhanI_II.9_noi_nhan_12_bold_italic", cs.Label, 24, 24, model.Bold | model.Italic, false},
		{"PL1_PhanII_II.2.c_PhanI_II.9_noi_nhan_items_11", cs.Recipient, 22, 22, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.st.Size < c.lo || c.st.Size > c.hi || c.st.Font != c.font || c.st.Upper != c.upper {
				t.Errorf("%+v; want %d–%d hp, font %v, upper %v", c.st, c.lo, c.hi, c.font, c.upper)
			}
		})
	}
	// The copy block is signed by hand even under an electronic original.
	if e := s.Electronic().CopyStyles(); e.SignSpace != s.SignSpace {
		t.Errorf("sign space %v under an electronic sheet, want the paper %v", e.SignSpace, s.SignSpace)
	}
	if Box14Size != 20 {
		t.Errorf("PL1_PhanII_I.3.c ô 14 size %d hp, want 10 pt", Box14Size)
	}
	if Box14Line*2 > Box14H {
		t.Errorf("two ô 14 lines (%v) taller than ô 14 (%v)", Box14Line*2, Box14H)
	}
}

func TestCopies_Box14Lines(t *testing.T) {
	got := Box14Lines(SaoLuc, " Ủy ban nhân dân thị trấn Vạn Giã ")
	want := []string{"Sao lục; Ủy ban nhân dân thị trấn Vạn Giã", "Thời gian ký: …"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PL1_PhanII_I.3.c Box14Lines = %q, want %q", got, want)
	}
	if got := Box14Lines(TrichSao, ""); got[0] != "Trích sao" {
		t.Errorf("without a body: %q", got)
	}
}
