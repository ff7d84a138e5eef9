package format

import (
	"strconv"
	"strings"

	"vanban/internal/unit"
)

// The marks of NĐ 30, Phụ lục I, II.10–12 (ô 10a, 10b, 11, 12, 13 of the
// layout figure, Phụ lục I, IV) and the marking of drafts.
//
//	mark                         printed as                        clause
//	độ mật (ô 10a)               framed UP bold 13 pt, red         II.10.a; sizes: Thông tư 24/2020/TT-BCA (UNCERTAIN, see SecrecyStamp)
//	độ khẩn (ô 10b)              framed UP bold 13 pt, red,        II.10.b: 13–14 pt; HỎA TỐC 30×8, THƯỢNG KHẨN 40×8,
//	                             the decree's frame size           KHẨN 20×8 mm; "màu đỏ tươi"
//	phạm vi lưu hành (ô 11)      framed UP bold 13 pt, black       II.10.c: 13–14 pt, "khung hình chữ nhật viền đơn"
//	người soạn thảo, số bản      "NVA.(05)" 11 pt upright          II.11: ký hiệu UP, Arabic digits, 11 pt
//	(ô 12)                       under Nơi nhận
//	địa chỉ, ĐT, email (ô 13)    11 pt upright, page 1 foot,       II.12: 11–12 pt, "dưới một đường kẻ nét liền kéo dài
//	                             under a full-width rule           hết chiều ngang của vùng trình bày"
//	dự thảo                      framed UP bold 13 pt, top right   not in the decree: a choice

// StampHeight is the height of every framed mark: 8 mm, the height of the
// urgency stamps (Phụ lục I, II.10.b).
const StampHeight = 8 * unit.MM

// StampPad is the least room left and right of the words inside a frame
// whose width the decree does not fix (ô 11, the draft marking): a choice.
const StampPad = 3 * unit.MM

// StampGap is the space above a framed mark under the line before it: a
// choice, as the figure of Phụ lục I, IV gives no number.
const StampGap = 4 * unit.Point

// UrgencyStamp returns the words and the frame width of an urgency level
// (Phụ lục I, II.10.b: "30 mm x 8 mm, 40 mm x 8 mm và 20 mm x 8 mm, trên
// đó các từ HOẢ TỐC, THƯỢNG KHẨN và KHẨN"); ok is false for an unknown
// level. The decree spells "HOẢ"; we write "HỎA" as the rest of vanban's
// text does (the two are the same word in the old and new tone placement).
func UrgencyStamp(level string) (text string, w unit.Length, ok bool) {
	switch level {
	case "khan":
		return "KHẨN", 20 * unit.MM, true
	case "thuong-khan":
		return "THƯỢNG KHẨN", 40 * unit.MM, true
	case "hoa-toc":
		return "HỎA TỐC", 30 * unit.MM, true
	}
	return "", 0, false
}

// UrgencyLevels lists the values of khan, for messages.
func UrgencyLevels() []string { return []string{"khan", "thuong-khan", "hoa-toc"} }

// SecrecyStamp returns the words and the frame width of a secrecy level
// (ô 10a). The decree leaves the stamps to the law on state secrets
// (Phụ lục I, II.10.a). UNCERTAIN: the sizes 20, 30 and 40 × 8 mm for MẬT,
// TỐI MẬT, TUYỆT MẬT and the red ink follow our reading of Thông tư
// 24/2020/TT-BCA (mẫu dấu độ mật), which is not in shared/decree; the
// words are the decree's.
func SecrecyStamp(level string) (text string, w unit.Length, ok bool) {
	switch level {
	case "mat":
		return "MẬT", 20 * unit.MM, true
	case "toi-mat":
		return "TỐI MẬT", 30 * unit.MM, true
	case "tuyet-mat":
		return "TUYỆT MẬT", 40 * unit.MM, true
	}
	return "", 0, false
}

// SecrecyLevels lists the values of mat, for messages.
func SecrecyLevels() []string { return []string{"mat", "toi-mat", "tuyet-mat"} }

// CirculationText returns the printed words of a phạm vi lưu hành value:
// the two the decree names by key ("xem-xong-tra-lai", "noi-bo"), any
// other text as the clerk wrote it (the decree says "như", so the list is
// open; Phụ lục I, II.10.c). Casing is applied by Text(Stamp, …).
func CirculationText(v string) string {
	switch v {
	case "xem-xong-tra-lai":
		return "Xem xong trả lại"
	case "noi-bo", "luu-hanh-noi-bo":
		return "Lưu hành nội bộ"
	}
	return v
}

// DrafterText returns ô 12: the drafter's sign in capitals, then the
// number of copies in brackets, "NVA.(05)" as the Mẫu of Phụ lục I, V
// shows it ("PL.(300)"); the sign alone when copies is 0, the copies
// alone when the sign is empty. Numbers below 10 are written with two
// digits, as document numbers are (a choice).
func DrafterText(drafter string, copies int) string {
	d := upper.String(strings.TrimSpace(drafter))
	if copies <= 0 {
		return d
	}
	n := strconv.Itoa(copies)
	if copies < 10 {
		n = "0" + n
	}
	if d == "" {
		return "(" + n + ")"
	}
	return d + ".(" + n + ")"
}

// Contact describes the body for ô 13; every field may be empty.
type Contact struct {
	Address, Phone, Fax, Email, Website string
}

// ContactLines returns ô 13 as printed (Phụ lục I, V row 12: "Số: … ĐT:
// …, Fax: … E-Mail: …, Website: …"): the address on a line of its own,
// then "ĐT: …, Fax: …" and "E-Mail: …, Website: …", each line only with
// the parts given. Nil when nothing is given.
func ContactLines(c Contact) []string {
	var out []string
	if a := strings.TrimSpace(c.Address); a != "" {
		out = append(out, "Địa chỉ: "+a)
	}
	join := func(parts ...string) {
		var kept []string
		for i := 0; i < len(parts); i += 2 {
			if v := strings.TrimSpace(parts[i+1]); v != "" {
				kept = append(kept, parts[i]+" "+v)
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, ", "))
		}
	}
	join("ĐT:", c.Phone, "Fax:", c.Fax)
	join("E-Mail:", c.Email, "Website:", c.Website)
	return out
}

// ContactGap is the space between the end of what stands above ô 13 and
// its rule, at least: a choice.
const ContactGap = 6 * unit.Point

// The electronic edition (NĐ 30, Điều 15; Phụ lục I, II.7.d, II.8.a, III.1.d;
// Phần II, I.3).
const (
	// SignArea is the height of the clear signature area between the
	// signer's title (ô 7a/7b) and name (ô 7c) of an electronic document:
	// room for the signature image and the seal image (ô 8). The decree
	// fixes no number; about 30 mm is the reading of how the
	// signing tools size the images, a choice.
	SignArea = 30 * unit.MM
	// SignatureW is the width of the signer's signature rectangle, centred
	// in the signature column (Phụ lục I, II.7.d: "ở giữa"); a choice.
	SignatureW = 50 * unit.MM
	// SealDiameter is the seal's diameter when the data gives none
	// (co_quan.duong_kinh_dau_mm): 36 mm, a common size of the round seal
	// of a commune (UNCERTAIN: the seal sizes are set by NĐ 99/2016, not by
	// NĐ 30).
	SealDiameter = 36 * unit.MM
	// Box14W, Box14H are the size of ô 14, kept free at the top right of
	// page 1 for the organisation's signature information on copies and
	// separate attachments (Phụ lục I, II.8.b; Phần II, I.3.a). UNCERTAIN:
	// the decree gives no size; 70 × 15 mm is the issue's. It lies in the
	// top margin of page 1, where nothing is printed (page numbers start on
	// page 2), so keeping it free moves nothing.
	Box14W = 70 * unit.MM
	Box14H = 15 * unit.MM
)

// Electronic returns the sheet of the electronic edition: the same as s
// but with the clear signature area (SignArea) in place of the room for a
// hand signature and seal.
func (s *Sheet) Electronic() *Sheet {
	e := *s
	e.SignSpace = SignArea
	return &e
}
