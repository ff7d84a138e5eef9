// Package docx reads a WordprocessingML (.docx) file into plain values:
// paragraphs with their effective formatting resolved through the
// inheritance chain (document defaults → paragraph style chain → paragraph
// properties → character style chain → run properties), tables of rows and
// cells, sections (page size, orientation, margins) and the header and
// footer parts.
//
// It is the reader behind "vanban nhap" and is meant for any checker of
// foreign documents too. It never trusts its input: the archive is bounded
// (uncompressed size, part count, XML depth, text size), and the usual
// wrong files (not a zip, an encrypted or legacy .doc compound file, a
// macro-enabled document) give an *Error with a Vietnamese message.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bound what Read accepts; zero fields take the defaults.
type Limits struct {
	MaxParts      int   // parts in the archive; default 2000
	MaxPartSize   int64 // uncompressed bytes of one XML part read; default 64 MiB
	MaxTotalSize  int64 // uncompressed bytes of all parts read; default 256 MiB
	MaxDepth      int   // XML element nesting; default 256
	MaxParagraphs int   // paragraphs in all parts; default 200000
}

func (l Limits) withDefaults() Limits {
	if l.MaxParts == 0 {
		l.MaxParts = 2000
	}
	if l.MaxPartSize == 0 {
		l.MaxPartSize = 64 << 20
	}
	if l.MaxTotalSize == 0 {
		l.MaxTotalSize = 256 << 20
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = 256
	}
	if l.MaxParagraphs == 0 {
		l.MaxParagraphs = 200000
	}
	return l
}

// ErrorKind classifies why a file cannot be read.
type ErrorKind int

// The kinds of Error.
const (
	NotZip    ErrorKind = iota + 1 // not a zip archive at all
	LegacyDoc                      // an OLE compound file: Word 97–2003 .doc
	Encrypted                      // an OLE compound file holding an encrypted package
	Macro                          // a macro-enabled document (.docm)
	TooLarge                       // a bound of Limits was exceeded (zip bomb)
	Broken                         // a zip, but not a readable WordprocessingML package
)

// Error says, in Vietnamese, why a file cannot be read.
type Error struct {
	Kind   ErrorKind
	Detail string // Vietnamese detail; may be empty
}

func (e *Error) Error() string {
	var s string
	switch e.Kind {
	case NotZip:
		s = "tệp không phải văn bản Word .docx (không phải tệp nén zip)"
	case LegacyDoc:
		s = "tệp là văn bản Word 97–2003 (.doc), vanban chỉ đọc .docx; hãy mở bằng Word và lưu lại dạng .docx, hoặc chạy: soffice --headless --convert-to docx TỆP.doc"
	case Encrypted:
		s = "tệp Word đã đặt mật khẩu (mã hóa); hãy mở bằng Word, gỡ mật khẩu rồi lưu lại"
	case Macro:
		s = "tệp Word có macro (.docm); vanban không đọc tệp có macro, hãy lưu lại dạng .docx (Word Document)"
	case TooLarge:
		s = "tệp quá lớn hoặc có cấu trúc bất thường (có thể là tệp nén độc hại)"
	case Broken:
		s = "tệp .docx bị hỏng hoặc không đúng cấu trúc văn bản Word"
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Is lets errors.Is match on the kind: errors.Is(err, &Error{Kind: NotZip}).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// oleMagic starts every OLE2 compound file (.doc, .xls, and an encrypted
// OOXML package).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Document is a read .docx.
type Document struct {
	Body     []Block   // the main story in order
	Sections []Section // in order; the last is the body's final section
	Headers  []Part    // header parts, in relationship order
	Footers  []Part    // footer parts
	Fonts    []string  // distinct font names used by runs, sorted by first use
}

// Part is a header or footer story.
type Part struct {
	Name   string // part name, e.g. "word/header1.xml"
	Blocks []Block
}

// Block is a paragraph or a table; exactly one field is set.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Align is a paragraph's justification.
type Align string

// Justifications as WordprocessingML writes them (start/end normalised).
const (
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Paragraph is one paragraph with its effective formatting.
type Paragraph struct {
	N           int    // 1-based number among all paragraphs of the body, tables included
	Style       string // style ID; "" for none
	StyleName   string // style display name
	Align       Align
	IndLeft     int      // left indent, twips
	IndRight    int      // right indent, twips
	IndFirst    int      // first-line indent (negative: hanging), twips
	SpaceBefore int      // twips
	SpaceAfter  int      // twips
	Line        int      // w:spacing w:line: twips when LineRule is exact or at least, 240ths of a line when auto; 0 when unset
	LineRule    LineRule // how Line is read
	// BorderTop and BorderBottom are the widths, in eighths of a point, of
	// the paragraph's top and bottom borders (w:pBdr); 0 when none. A rule
	// drawn as a border is as wide as the paragraph (its box less indents).
	BorderTop, BorderBottom int
	// Lines are the horizontal lines drawn as shapes anchored in the
	// paragraph's runs (DrawingML line or connector, VML v:line), as their
	// lengths in twips.
	Lines      []int
	List       *List // automatic numbering; nil when none
	Runs       []Run
	SectionEnd bool // the paragraph ends a section (its sectPr is in Sections)
}

// LineRule says how Paragraph.Line is read (w:spacing w:lineRule).
type LineRule string

// Line rules.
const (
	LineAuto    LineRule = "auto"    // Line in 240ths of the single line
	LineExact   LineRule = "exact"   // Line in twips, exactly
	LineAtLeast LineRule = "atLeast" // Line in twips, at least
)

// List is a paragraph's automatic numbering.
type List struct {
	NumID  string
	Level  int
	Format string // numFmt: "bullet", "decimal", "lowerLetter", "upperRoman", …
	Text   string // lvlText, e.g. "%1." or "-"
}

// Run is a stretch of text with one effective formatting. Tabs are "\t",
// line breaks "\n".
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
	Caps      bool // w:caps: shown in capitals
	Size      int  // half-points; 0 when unknown
	Font      string
}

// Text is the paragraph's text.
func (p *Paragraph) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Table is a table of rows.
type Table struct {
	N    int // 1-based number among the body's tables, nested ones included
	Rows []Row
}

// Row is a table row.
type Row struct {
	Cells  []Cell
	Header bool // repeated as header row
}

// Cell is a table cell.
type Cell struct {
	Blocks []Block
	Width  int  // w:tcW in twips; 0 when not given in twips
	Span   int  // grid columns spanned; 1 at least
	Merged bool // continues a vertical merge from the row above
}

// Text is the cell's paragraphs joined with "\n".
func (c *Cell) Text() string {
	var parts []string
	for _, b := range c.Blocks {
		if b.Para != nil {
			parts = append(parts, b.Para.Text())
		} else if b.Table != nil {
			for _, r := range b.Table.Rows {
				for i := range r.Cells {
					parts = append(parts, r.Cells[i].Text())
				}
			}
		}
	}
	return strings.Join(parts, "\n")
}

// Section is a section's page setup, in twips.
type Section struct {
	Width, Height            int
	Landscape                bool
	Top, Right, Bottom, Left int
}

// ReadFile reads the .docx at name.
func ReadFile(name string, lim Limits) (*Document, error) {
	b, err := readAllLimited(name, lim.withDefaults().MaxTotalSize)
	if err != nil {
		return nil, err
	}
	return Read(b, lim)
}

// Read reads a .docx from its bytes.
func Read(b []byte, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	if bytes.HasPrefix(b, oleMagic) {
		if bytes.Contains(b, utf16("EncryptedPackage")) || bytes.Contains(b, utf16("EncryptionInfo")) {
			return nil, &Error{Kind: Encrypted}
		}
		return nil, &Error{Kind: LegacyDoc}
	}
	if !bytes.HasPrefix(b, []byte("PK")) {
		if looksRTF(b) {
			return nil, &Error{Kind: NotZip, Detail: "tệp là RTF; hãy mở bằng Word và lưu lại dạng .docx"}
		}
		return nil, &Error{Kind: NotZip}
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, &Error{Kind: NotZip, Detail: "không mở được tệp nén"}
	}
	if len(z.File) > lim.MaxParts {
		return nil, &Error{Kind: TooLarge, Detail: fmt.Sprintf("có %d phần, giới hạn %d", len(z.File), lim.MaxParts)}
	}
	pk := &pkg{files: map[string]*zip.File{}, lim: lim}
	for _, f := range z.File {
		pk.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if f, ok := pk.files["word/vbaProject.bin"]; ok && f != nil {
		return nil, &Error{Kind: Macro}
	}
	ct, err := pk.read("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	if bytes.Contains(ct, []byte("macroEnabled")) {
		return nil, &Error{Kind: Macro}
	}
	main := pk.mainPart()
	if main == "" {
		return nil, &Error{Kind: Broken, Detail: "không có phần nội dung chính (word/document.xml)"}
	}
	r := &reader{pk: pk, lim: lim, fontSeen: map[string]bool{}}
	if err := r.loadStyles(path.Dir(main)); err != nil {
		return nil, err
	}
	rels := pk.rels(main)
	doc := &Document{}
	src, err := pk.read(main)
	if err != nil {
		return nil, err
	}
	body, secs, err := r.story(src, true)
	if err != nil {
		return nil, err
	}
	doc.Body, doc.Sections = body, secs
	for _, rel := range rels {
		var dst *[]Part
		switch {
		case strings.HasSuffix(rel.typ, "/header"):
			dst = &doc.Headers
		case strings.HasSuffix(rel.typ, "/footer"):
			dst = &doc.Footers
		default:
			continue
		}
		src, err := pk.read(rel.target)
		if err != nil {
			var e *Error
			if errors.As(err, &e) && e.Kind == TooLarge {
				return nil, err
			}
			continue // a missing header part is not fatal
		}
		saved := r.paras
		blocks, _, err := r.story(src, false)
		r.paras = saved // header paragraphs do not count in the body's numbering
		if err != nil {
			return nil, err
		}
		*dst = append(*dst, Part{Name: rel.target, Blocks: blocks})
	}
	doc.Fonts = r.fonts
	return doc, nil
}

func looksRTF(b []byte) bool { return bytes.HasPrefix(b, []byte(`{\rtf`)) }

func utf16(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

func readAllLimited(name string, max int64) ([]byte, error) {
	f, err := openFile(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &Error{Kind: TooLarge, Detail: fmt.Sprintf("lớn hơn %d MB", max>>20)}
	}
	return b, nil
}
