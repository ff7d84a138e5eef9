package format

import (
	"strings"

	"vanban/internal/model"
	"vanban/internal/unit"
)

// Copies of documents: bản sao y, bản sao lục, bản trích sao (NĐ 30
// Điều 25; Phụ lục I, Phần II; Phụ lục III, Mẫu 3.1 and 3.2).
//
//	component (ô of Phần II, II.3)    printed as                        clause
//	hình thức sao (ô 1)               "SAO Y", UP bold 14 pt            II.2.b: UP, 13–14 pt, upright, bold
//	tên cơ quan sao (ô 2)             as the issuer: UP bold 13 pt,     II.2.c → Phần I, II.2 (12–13 pt)
//	                                  a rule under it                   Mẫu 3.1 shows the rule
//	số, ký hiệu bản sao (ô 3)         "Số: 05/SY-UBND", 13 pt           II.1.c, II.2.c → Phần I, II.3
//	địa danh, ngày sao (ô 4)          italic 14 pt                      II.2.c → Phần I, II.4
//	chức vụ, họ tên (ô 5a–5c)         as the signature block            II.2.c → Phần I, II.7
//	nơi nhận (ô 7)                    12 pt label, 11 pt items          II.2.c → Phần I, II.9
//	the whole block                   under a full-width solid rule,    II.2.a
//	                                  right after the last line
//	electronic copy (ô 14)            TNR 10 pt, lower case, upright,   Phần II, I.3
//	                                  black, top right of page 1

// CopyKind is the hình thức sao (Phụ lục I, Phần II, I.1 and II.1.a).
type CopyKind uint8

// The copy kinds (NĐ 30, Điều 25).
const (
	SaoY     CopyKind = iota + 1 // sao y: the original reproduced in full
	SaoLuc                       // sao lục: made from a sao y
	TrichSao                     // trích sao: part of the content, the format recreated
)

// ParseCopyKind reads a copy kind's slug ("sao-y", "sao-luc",
// "trich-sao"); ok is false for any other text.
func ParseCopyKind(slug string) (CopyKind, bool) {
	for _, k := range []CopyKind{SaoY, SaoLuc, TrichSao} {
		if k.Slug() == slug {
			return k, true
		}
	}
	return 0, false
}

// CopyKinds lists the slugs of the copy kinds, for messages.
func CopyKinds() []string { return []string{"sao-y", "sao-luc", "trich-sao"} }

// Slug is the kind's stable name: in the CLI flag, the output file name
// and the register's document identity.
func (k CopyKind) Slug() string {
	switch k {
	case SaoY:
		return "sao-y"
	case SaoLuc:
		return "sao-luc"
	case TrichSao:
		return "trich-sao"
	}
	return ""
}

// Text is the hình thức sao as printed in the copy block (Phần II,
// II.1.a, II.2.b: "SAO Y", "SAO LỤC", "TRÍCH SAO", upper case).
func (k CopyKind) Text() string {
	switch k {
	case SaoY:
		return "SAO Y"
	case SaoLuc:
		return "SAO LỤC"
	case TrichSao:
		return "TRÍCH SAO"
	}
	return ""
}

// Symbol is the abbreviation of the copy kind in the copy's ký hiệu
// (Phụ lục III, I, "Bản sao văn bản": SY, TrS, SL).
func (k CopyKind) Symbol() string {
	switch k {
	case SaoY:
		return "SY"
	case SaoLuc:
		return "SL"
	case TrichSao:
		return "TrS"
	}
	return ""
}

// Type is the copy's tên loại as the register's "Tên loại và trích yếu"
// column writes it: "Bản sao y" (Phụ lục III, I names them "Bản sao y",
// "Bản trích sao", "Bản sao lục").
func (k CopyKind) Type() string {
	switch k {
	case SaoY:
		return "Bản sao y"
	case SaoLuc:
		return "Bản sao lục"
	case TrichSao:
		return "Bản trích sao"
	}
	return ""
}

// CopySymbol is a copy's ký hiệu: the kind's abbreviation, then the copying
// body's, "SY-UBND" (Phụ lục I, Phần II, II.1.c; Phụ lục III, Mẫu 3.1:
// "Số: …/…-…", notes 3–5).
func CopySymbol(k CopyKind, abbrev string) string {
	if abbrev = strings.TrimSpace(abbrev); abbrev == "" {
		return k.Symbol()
	}
	return k.Symbol() + "-" + abbrev
}

// CopyStyles are the styles of the copy block of a paper copy (Phụ lục I,
// Phần II, II.2.b–c).
type CopyStyles struct {
	Kind       Style // hình thức sao (ô 1)
	Body       Style // tên cơ quan, tổ chức sao văn bản (ô 2)
	Number     Style // số, ký hiệu bản sao (ô 3)
	PlaceDate  Style // địa danh và thời gian sao (ô 4)
	Authority  Style // quyền hạn, chức vụ của người ký (ô 5a, 5b)
	Name       Style // họ tên của người ký (ô 5c)
	Label      Style // "Nơi nhận:" (ô 7)
	Recipient  Style // the Nơi nhận items (ô 7)
	SignSpace  unit.Length
	RuleWidth  unit.Length // the full-width rule above the block and the rule under ô 2
	RuleGap    unit.Length // from the bottom of ô 2's line box down to its rule
	ColumnsGap unit.Length // from the bottom of the first row (ô 1–4) to the second (ô 5, 7)
}

// CopyStyles returns the styles of the copy block. Phần II, II.2.c sends
// ô 2–5 and 7 to the clauses of the components they repeat (Phần I, II.2,
// 3, 4, 7, 9), so they are the sheet's own styles of those components; ô 1
// is the one style of its own (II.2.b). The signature space is the paper
// one: a copy block is signed by hand and sealed.
func (s *Sheet) CopyStyles() CopyStyles {
	return CopyStyles{
		// II.2.b: "chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm";
		// 14 pt is a choice within the range, the size of the tên loại the
		// words stand in for.
		Kind:       Style{Size: 28, Font: model.Bold, Upper: true, Align: Center, Line: unit.Pt(16)},
		Body:       s.styles[Issuer],
		Number:     s.styles[Number],
		PlaceDate:  s.styles[PlaceDate],
		Authority:  s.styles[SignAuthority],
		Name:       s.styles[SignName],
		Label:      s.styles[RecipientsLabel],
		Recipient:  s.styles[RecipientsItem],
		SignSpace:  NewSheet("").SignSpace,
		RuleWidth:  s.RuleWidth,
		RuleGap:    s.RuleGap,
		ColumnsGap: s.SignGap,
	}
}

// CopyRuleGap is the space between the bottom of the last line of the
// copied document and the full-width rule above the copy block: Phần II,
// II.2.a says "ngay sau phần cuối cùng" (right after), with no number; 12 pt,
// one blank line of body text, is a choice.
const CopyRuleGap = 12 * unit.Point

// CopyBlockGap is the space between the full-width rule and the first line
// of the copy block: a choice, as the rule's own gap to a header block.
const CopyBlockGap = 6 * unit.Point

// CopyArchive is the Lưu line of a copy's Nơi nhận: "Lưu: VT." as Mẫu 3.1
// of Phụ lục III writes it.
const CopyArchive = "VT"

// The ô 14 text of an electronic copy (Phụ lục I, Phần II, I.3.c: "Times
// New Roman, chữ in thường, kiểu chữ đứng, cỡ chữ 10, màu đen").
const (
	Box14Size = 20              // half-points: 10 pt
	Box14Line = 12 * unit.Point // line pitch: a choice, 1.2 × the size
)

// SigningTimeBlank stands for the signing time the signing tool writes
// when the organisation signs the copy (Phần II, I.3.c: "ngày tháng năm;
// giờ phút giây; múi giờ Việt Nam theo tiêu chuẩn ISO 8601").
const SigningTimeBlank = "Thời gian ký: …"

// Box14Lines returns the ô 14 text of an electronic copy, in the order of
// Phụ lục III, Mẫu 3.2 ("…1…; …2…; ngày/tháng/năm; giờ: phút: giây"): the
// hình thức sao and the copying body on one line, the signing time's
// blank on the next. Phần II, I.3.c asks for lower case: the kind is
// written "Sao y" (UNCERTAIN: the notes of Mẫu 3.2 quote it "SAO Y"; we
// follow I.3.c, which governs the style). body is the body's name as a
// sentence writes it ("Ủy ban nhân dân thị trấn Vạn Giã").
func Box14Lines(k CopyKind, body string) []string {
	kind := SentenceCase(k.Text())
	if body = strings.TrimSpace(body); body != "" {
		kind += "; " + body
	}
	return []string{kind, SigningTimeBlank}
}

// CopyRuns returns text as one run in style st: upper-cased when st says
// so (with the Vietnamese rules, as Text does) and in st's font.
func CopyRuns(st Style, text string) []model.Run {
	if st.Upper {
		text = upper.String(text)
	}
	return []model.Run{{Text: text, Style: st.Font}}
}
