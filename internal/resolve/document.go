// Package resolve decides the presentation of a document once, between the
// model and the renderers (typst's "realize"; pandoc's writers only write):
// the final text of every paragraph after the casing of NĐ 30, the final
// style of every run (căn cứ in italics, list markers in the style of their
// text), table column widths, spans, alignment and header rows, the length
// of every rule, the geometry of "Kính gửi:", the split of the Nơi nhận and
// signature block, and the document's metadata — all from package format,
// measured with package measure.
//
// Package layout only places a resolved document on pages (line breaking
// and pagination stay there), and package render/docx only writes it; a
// preview would consume the same Document.
package resolve

import (
	"time"

	"vanban/internal/format"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// Document is a document whose presentation is decided: what each renderer
// draws or writes, but not where on which page.
type Document struct {
	Sheet      *format.Sheet // page setup and styles of the document's pages
	Meta       Meta
	PageNumber format.Style // the page numbers in the top margin, from page 2
	Header     Header
	Title      *Title      // tên loại and trích yếu; nil for a công văn
	Authority  *Para       // thẩm quyền ban hành of a Quyết định; nil when none
	Addressees *Addressees // "Kính gửi:" (ô 9a); nil when none
	Body       []Block
	Sign       Sign
	Appendices []Appendix
	Marks      Marks         // ô 10a–11, 13 and the draft marking; ô 12 is the last of Sign.Items
	Edition    model.Edition // paper or electronic
	// Part marks an appendix issued as a file of its own (Parts): the
	// document is its one appendix, without header, title, body or
	// signature of the main document, and ô 14 of its first page is kept
	// for the organisation's digital signature.
	Part bool
}

// Meta is the document's metadata, as PDF and DOCX properties carry it.
type Meta struct {
	Title    string    // tên loại (cased as printed) and trích yếu
	Subject  string    // trích yếu
	Author   string    // the issuing body, its lines joined by spaces
	Time     time.Time // creation and modification time: format.Timestamp of the issue date
	Identity string    // stable identity of the document (its source file)
}

// Para is a paragraph of one element with its final text and styles.
type Para struct {
	Element format.Element
	Style   format.Style // the element's style; centred and unindented when Center
	Runs    []model.Run  // text after casing; styles include the element's font
	// Center marks a paragraph centred by direct formatting against its
	// element's alignment ("QUYẾT ĐỊNH:", a single addressee, a centred
	// table column).
	Center bool
	// KeepNext keeps the paragraph with the first lines of what follows,
	// or with the first rows of a table (headings; the DOCX heading styles
	// say it themselves).
	KeepNext bool
	// Role is what a body paragraph is for (model.RoleBasis: a căn cứ
	// line, in the font of RoleFont); empty for every other paragraph. The
	// DOCX gives each role a named style of its own.
	Role model.Role
}

// Text returns the paragraph's text.
func (p *Para) Text() string { return model.PlainText(p.Runs) }

// Block is a block of the content: *Para or *Table.
type Block interface{ block() }

func (*Para) block()  {}
func (*Table) block() {}

// Header is the two-column header of page 1 (Phụ lục I, II.1–4).
type Header struct {
	Parent     []Para      // tên cơ quan chủ quản, one per line; may be empty
	Issuer     []Para      // tên cơ quan ban hành, one per line
	IssuerRule unit.Length // the rule under the issuer: a fraction of its widest line
	QuocHieu   Para
	TieuNgu    Para
	MottoRule  unit.Length // the rule under the motto: as long as the motto
	Number     *Para       // "Số: …"; nil for a document printed without (model.Document.Unnumbered)
	Letter     *Para       // "V/v …" of a công văn under its number (ô 5b); nil otherwise
	PlaceDate  *Para       // "Vạn Giã, ngày … tháng … năm …"; nil for a document without (model.Document.Undated)
}

// Title is tên loại and trích yếu with the rule under them (Phụ lục I, II.5).
type Title struct {
	Type    Para
	Summary *Para       // nil for a form printed without (model.Title.NoSummary: Mẫu 1.8, 1.10)
	Rule    unit.Length // a fraction of the widest line of the summary, or of the type without one
}

// Addressees is "Kính gửi:" (Phụ lục I, II.9.b): one addressee on the
// label's line, centred (Line); several as a list whose dashes align right
// of the label, the whole block centred on the text area.
type Addressees struct {
	Line   *Para       // label and the one addressee on one centred line; nil for a list
	Label  Para        // "Kính gửi:" before a list
	Items  []Para      // a list, one paragraph per addressee
	X      unit.Length // the label's left edge on the page
	Indent unit.Length // from the label's left edge to the items
	Width  unit.Length // the width of the items
}

// Table is a bordered table of the content. Rows never split; the header
// rows repeat on every page.
type Table struct {
	Widths     []unit.Length // column widths, adding up to the text width; empty for a table without cells
	HeaderRows int
	PadX, PadY unit.Length // the padding inside a cell: left and right; top and bottom
	Rows       []Row
}

// Row is one row of a table; a row shorter than the table is filled with
// empty cells.
type Row struct {
	Header bool
	Cells  []Cell
}

// Cell is a table cell: one paragraph spanning Span columns, Width wide.
type Cell struct {
	Para  Para
	Span  int         // columns covered, at least 1
	Width unit.Length // the widths of the covered columns added up
}

// Sign is the Nơi nhận block (left column, ô 9b) beside the signature
// (right column, ô 7), with its split decided (Phụ lục I, II.7, II.9).
//
// A block that fits on a page with two lines of the body is never split. A
// longer one (many recipients) splits: its head — "Nơi nhận:", the first
// Head recipient lines and the signature — keeps with the body and never
// splits; the other recipient lines continue below it and on the next
// pages (in DOCX, a second table row that may break).
type Sign struct {
	Label     Para   // "Nơi nhận:"
	Items     []Para // one per recipient, "- Lưu: …" last
	Authority []Para // quyền hạn, chức vụ, one per line
	Name      Para   // họ tên
	// Co is the second signature, in the left column beside the main one:
	// the thư ký of a Biên bản (Phụ lục III, Mẫu 1.9); nil for other
	// documents. With it the block is two rows: the two signatures, then
	// "Nơi nhận:" and its list in the left column, SignGap below them.
	// The head is then the signatures' row, with the whole list when all
	// fits on a page (Head is len(Items)), or without it (Head is 0: the
	// label and every item flow below, over the next pages).
	Co *Signer
	// NoRecipients marks a block printed without "Nơi nhận" (model.
	// Document.NoRecipients: a báo cáo thành tích): Label and Items are
	// empty and the block is its signatures alone, Head 0.
	NoRecipients bool
	// Confirm is the confirmation block under the whole block, in the
	// left column (model.Document.Confirmation: Phụ lục III, Mẫu 1.10);
	// nil for most documents.
	Confirm *Confirm
	// Head is how many Items stand beside the signature; len(Items) when
	// the block does not split.
	Head int
	// Height is the height of the head, the part that keeps with the body;
	// with a kept Confirm, SignGap and the Confirm's height included.
	Height unit.Length
}

// Confirm is the block another body signs under Nơi nhận and the
// signature, in the left column (Phụ lục III, Mẫu 1.10): its title lines,
// the note, the signature space and an empty line for the name, written
// by hand. It stands SignGap below the block, and keeps with it when the
// block does not split (Kept); after a split block it follows the list,
// whole, on its page or the next.
type Confirm struct {
	Title  []Para
	Note   *Para // "(Chữ ký, dấu)"; nil without one
	Kept   bool  // part of the head of the block (Sign.Height)
	Height unit.Length
}

// Signer is one signature of a block: title lines and name.
type Signer struct {
	Authority []Para // the lines above the signature, e.g. "THƯ KÝ"
	Name      Para   // họ tên
}

// Split reports whether the block splits after its head.
func (s *Sign) Split() bool { return s.Head < len(s.Items) }

// Appendix is an appendix on pages of its own orientation (Phụ lục I, III.1),
// or a text the document issues (model.AttachedText: Phụ lục III, Mẫu 1.3).
type Appendix struct {
	Sheet *format.Sheet // portrait or landscape page setup
	// Number is "Phụ lục I", "Phụ lục II", … above the title when the
	// document has two or more phụ lục (Phụ lục I, III.1.a–b); nil with
	// one, and for an attached text.
	Number *Para
	// Header is an attached text's own header: issuing body, Quốc hiệu and
	// Tiêu ngữ, without number and date (Mẫu 1.3); nil for a phụ lục.
	Header *Header
	// Type is an attached text's tên loại ("QUY CHẾ"), above Title, its
	// trích yếu; nil for a phụ lục.
	Type  *Para
	Title Para
	Note  Para        // "(Kèm theo …)"
	Rule  unit.Length // a fraction of the widest line of the note
	Body  []Block
	// Sign is the signature that closes an attached text, the decision's
	// own, in the right column; nil for a phụ lục. SignHeight is its
	// height, which keeps with the end of the body.
	Sign       *Signer
	SignHeight unit.Length
}
