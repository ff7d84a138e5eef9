package model

import (
	"vanban/internal/diag"
)

// Node is any node of the tree.
type Node interface {
	Pos() diag.Pos
}

// Block is a body-level node: Para, Heading or Table.
type Block interface {
	Node
	block()
}

// Document is one administrative document.
type Document struct {
	Kind   string // template name, e.g. "ke-hoach"
	Source diag.Pos
	Header Header
	Number Number
	Place  string // "Địa danh", e.g. "Vạn Giã"
	Date   Date
	Title  Title
	// Authority is the "thẩm quyền ban hành" line of a Quyết định, e.g.
	// "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN VẠN GIÃ" (Phụ lục III, Mẫu 1.2);
	// empty for other kinds.
	Authority string
	// Addressees is "Kính gửi" (ô 9a): the bodies a Tờ trình, a Báo cáo sent
	// upward or a Công văn is addressed to; empty for other kinds.
	Addressees []string
	Body       []Block
	Signature  Signature
	// CoSigner is a second signature beside Signature, in the left
	// column: the thư ký's of a Biên bản, whose chủ tọa (chủ trì) signs
	// as Signature on the right (Phụ lục III, Mẫu 1.9); nil for every
	// other document. With one, Nơi nhận goes under the two signatures.
	CoSigner *Signature
	// Confirmation is the block under Nơi nhận and the signature, in the
	// left column, where another body confirms the document: the
	// "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ
	// phép" of a Giấy nghỉ phép (Phụ lục III, Mẫu 1.10); nil for most
	// documents.
	Confirmation *Confirmation
	Recipients   Recipients
	// Unnumbered marks a document printed without "Số, ký hiệu" (ô 3):
	// a Biên bản of a kind its body does not number (template front
	// matter khong_so).
	Unnumbered bool
	// Undated marks a document without the "địa danh và thời gian" line
	// (ô 4) under the motto: a Biên bản records its time in its content
	// (Phụ lục III, Mẫu 1.9; template front matter khong_ngay). Date still
	// dates the file (metadata, register).
	Undated bool
	// NoRecipients marks a document printed without "Nơi nhận" (ô 9b):
	// a báo cáo thành tích, which goes with a nomination file and is sent
	// to no one (template front matter khong_noi_nhan). Recipients is
	// then empty.
	NoRecipients bool
	// Issuer is the issuing body's name as written in a sentence ("Ủy ban
	// nhân dân thị trấn Vạn Giã"), for the "(Kèm theo …)" line of appendices.
	IssuerName string
	// Appendices are attached after the signature, each starting on a new
	// page and numbered from 1 (Phụ lục I, III.1).
	Appendices []Appendix
	// Marks are ô 10a–13 and the draft marking; the zero value has none.
	Marks Marks
	// Edition is paper or electronic (ban = "giay" | "dien-tu").
	Edition Edition
	// SeparateAppendices issues each appendix of an electronic document in
	// a file of its own, which the văn thư signs with the organisation's
	// digital signature (ô 14), its "(Kèm theo …)" line left unfilled
	// (Phụ lục I, III.1.c–d; key phu_luc_rieng). Without it, or on paper,
	// the appendices follow the signature in the document's file and only
	// the document is signed.
	SeparateAppendices bool
}

// Separate reports whether doc's appendices are issued in files of their
// own: an electronic document with appendices and SeparateAppendices.
func (d *Document) Separate() bool {
	return d.SeparateAppendices && d.Edition == Electronic && len(d.Appendices) > 0
}

// Appendix is a "Phụ lục" or attached list ("Danh sách …") of a document,
// or a text the document issues (Kind AttachedText).
type Appendix struct {
	At        diag.Pos
	Kind      AppendixKind
	Title     string // tên phụ lục, e.g. "DANH SÁCH …"; the trích yếu of an attached text
	Landscape bool   // laid out on a landscape page (Phụ lục I, I.2)
	// Type is the tên loại of an attached text, e.g. "QUY CHẾ"; empty for
	// a phụ lục.
	Type string
	Body []Block
}

// AppendixKind tells what an appendix is.
type AppendixKind uint8

// Appendix kinds.
const (
	// PlainAppendix is a phụ lục or an attached list: title, "(Kèm theo
	// …)" line, content (Phụ lục I, III.1; Phụ lục III, Mẫu 2.1). With two
	// or more, each is numbered "Phụ lục I", "Phụ lục II", ….
	PlainAppendix AppendixKind = iota
	// AttachedText is a text a Quyết định issues or approves, a Quy chế or
	// Quy định (Phụ lục III, Mẫu 1.3, "Mẫu văn bản được ban hành, phê
	// duyệt kèm theo quyết định"): its own header (issuing body, Quốc hiệu
	// and Tiêu ngữ, without number and date), tên loại, trích yếu, "(Kèm
	// theo Quyết định số …)", its content, and the decision's signature
	// at its end. It is not numbered among the phụ lục.
	AttachedText
)

// Pos returns the position of the document's data file.
func (d *Document) Pos() diag.Pos { return d.Source }

// Header is the issuing side of the header: "Tên cơ quan, tổ chức chủ quản
// trực tiếp" (Parent, may be empty) and "Tên cơ quan, tổ chức ban hành văn
// bản" (Issuer), one element per printed line.
type Header struct {
	Parent []string
	Issuer []string
}

// Title is "Tên loại và trích yếu nội dung".
type Title struct {
	Type    string // "KẾ HOẠCH"
	Summary string // "Phát động phong trào thi đua …"
	// Letter marks a công văn: its type is not printed and the summary
	// goes under the number as "V/v …" (NĐ 30, Phụ lục I, II.5.b; Mẫu 1.5).
	Letter bool
	// NoSummary marks a form printed without its trích yếu, the rule right
	// under the tên loại: a Giấy giới thiệu, a Giấy nghỉ phép (Phụ lục
	// III, Mẫu 1.8, 1.10; template front matter khong_trich_yeu). Summary
	// still names the document in its metadata and in the register.
	NoSummary bool
}

// Confirmation is a block another body signs to confirm a document (Phụ
// lục III, Mẫu 1.10): its title lines, a note on what it takes (the
// "(Chữ ký, dấu)" line), then room for the signature and seal and for the
// name, written by hand.
type Confirmation struct {
	Title []string // e.g. ["Xác nhận của cơ quan (tổ chức) …"]
	Note  string   // e.g. "(Chữ ký, dấu)"; may be empty
}

// Signature is "Quyền hạn, chức vụ, họ tên và chữ ký của người có thẩm quyền".
type Signature struct {
	Lines []string // e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
	Name  string
}

// Recipients is the "Nơi nhận" block (NĐ 30/2020, Phụ lục I, II.9).
type Recipients struct {
	Items   []string // without the "- " and ";" the decree adds
	Archive string   // "VT, TH": the "Lưu:" line without its punctuation
}

// Role tells what a paragraph is for.
type Role string

// Paragraph roles.
const (
	RoleBody  Role = "body"
	RoleBasis Role = "can-cu" // "Căn cứ …" lines, italic
	// RoleArticle is a paragraph opening with its article: "Điều 1. …" of a
	// Quyết định or Nghị quyết (Phụ lục I, II.6.b), the label written bold.
	RoleArticle Role = "dieu"
)

// Para is a body paragraph. Marker is a list marker typed before the text
// ("-", "1.", "a)"); empty for plain paragraphs.
type Para struct {
	At     diag.Pos
	Role   Role
	Marker string
	Depth  int  // list nesting, 0 for plain paragraphs
	Center bool // centred, without indent ("QUYẾT ĐỊNH:")
	Runs   []Run
}

// Heading is a section heading of the content: level 1 "I. …", level 2
// "1. …", level 3 "a) …" (NĐ 30, Phụ lục I, II.6.c–đ).
type Heading struct {
	At    diag.Pos
	Level int
	Runs  []Run
}

// Table is a table of the content. The first HeaderRows rows repeat on every
// page.
type Table struct {
	At         diag.Pos
	HeaderRows int
	Align      []Align // per column; may be shorter than a row
	Rows       [][]Cell
}

// Cell is one table cell. A row of one cell whose Span is the number of
// columns is a group row ("I. TẬP THỂ").
type Cell struct {
	Runs []Run
	Span int // columns covered; 0 or 1 for an ordinary cell
}

// Align is a horizontal alignment.
type Align uint8

// Alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Run is text in one style.
type Run struct {
	Text  string
	Style RunStyle
}

// RunStyle is a bit set of character styles.
type RunStyle uint8

// Run styles.
const (
	Bold RunStyle = 1 << iota
	Italic
)

func (p *Para) Pos() diag.Pos    { return p.At }
func (h *Heading) Pos() diag.Pos { return h.At }
func (t *Table) Pos() diag.Pos   { return t.At }
func (*Para) block()             {}
func (*Heading) block()          {}
func (*Table) block()            {}

// PlainText returns the concatenated text of runs.
func PlainText(runs []Run) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		b = append(b, r.Text...)
	}
	return string(b)
}

// Marks are the NĐ 30 marks a document may carry besides its nine
// components (Phụ lục I, II.10–12 and Phụ lục I, IV: ô 10a–13), and the
// marking of a draft. The zero value carries none.
type Marks struct {
	At diag.Pos // where the first mark is written; the data file when unknown
	// Secrecy is the "dấu chỉ độ mật" (ô 10a): "mat", "toi-mat",
	// "tuyet-mat" or "" (Phụ lục I, II.10.a).
	Secrecy string
	// Urgency is the "dấu chỉ mức độ khẩn" (ô 10b): "khan", "thuong-khan",
	// "hoa-toc" or "" (Phụ lục I, II.10.b).
	Urgency string
	// Circulation is the "chỉ dẫn về phạm vi lưu hành" (ô 11), as printed
	// before casing: "Xem xong trả lại", "Lưu hành nội bộ"; "" for none
	// (Phụ lục I, II.10.c).
	Circulation string
	// Drafter is the "ký hiệu người soạn thảo văn bản" (ô 12), e.g. "NVA";
	// Copies the "số lượng bản phát hành", 0 when not given (Phụ lục I,
	// II.11).
	Drafter string
	Copies  int
	// Contact is ô 13: the issuing body's address, phone, fax, e-mail and
	// website, one printed line each, on page 1 (Phụ lục I, II.12).
	Contact []string
	// Draft is the text of the draft marking ("Dự thảo", "Dự thảo lần
	// 2"); "" for a document that is not a draft. Not an NĐ 30 component.
	Draft string
}

// Edition is how a document is issued: on paper (the zero value) or as an
// electronic document signed digitally (NĐ 30, Điều 15; Phụ lục I, II.7–8).
type Edition uint8

// Editions.
const (
	Paper      Edition = iota // "giay": printed, signed by hand, sealed
	Electronic                // "dien-tu": signed digitally; number and date stamped by the system
)
