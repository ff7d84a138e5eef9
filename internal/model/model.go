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
	Recipients Recipients
	// Issuer is the issuing body's name as written in a sentence ("Ủy ban
	// nhân dân thị trấn Vạn Giã"), for the "(Kèm theo …)" line of appendices.
	IssuerName string
	// Appendices are attached after the signature, each starting on a new
	// page and numbered from 1 (Phụ lục I, III.1).
	Appendices []Appendix
}

// Appendix is a "Phụ lục" or attached list ("Danh sách …") of a document.
type Appendix struct {
	At        diag.Pos
	Title     string // tên phụ lục, e.g. "DANH SÁCH …"
	Landscape bool   // laid out on a landscape page (Phụ lục I, I.2)
	Body      []Block
}

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
