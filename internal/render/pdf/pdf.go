// Package pdf draws a laid-out document with codeberg.org/go-pdf/fpdf, used
// as a drawing layer only: every position comes from package layout. It is
// the only package that imports the PDF library.
package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"vanban/internal/font"
	"vanban/internal/layout"
)

// Producer is written in the PDF metadata instead of the library's name, so
// a dependency upgrade does not change every document.
const Producer = "vanban"

var styles = [4]string{"", "B", "I", "BI"}

// Write renders r as PDF to w. The bytes depend only on r: dates come from
// the document's issue date and the /ID from a hash of the content.
func Write(w io.Writer, r *layout.Result) (err error) {
	defer func() {
		// fpdf panics on some inputs (invalid UTF-8, runes beyond the BMP);
		// data validation rejects those first, so a panic here is a bug.
		if p := recover(); p != nil {
			err = fmt.Errorf("render/pdf: %v", p)
		}
	}()
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: fpdf.SizeType{Wd: r.W.Points(), Ht: r.H.Points()},
	})
	p.SetCompression(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetCatalogSort(true)
	stamp := r.Meta.Time
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	p.SetProducer(Producer, true)
	p.SetCreator(Producer, true)
	p.SetTitle(r.Meta.Title, true)
	p.SetSubject(r.Meta.Subject, true)
	p.SetAuthor(r.Meta.Author, true)
	p.SetLang("vi-VN")
	// The family name shows in the PDF's font list ("utf8liberationserif").
	family := strings.ReplaceAll(r.Fonts.Family, " ", "")
	for i := range 4 {
		face := r.Fonts.Face(font.Style(i))
		p.AddUTF8FontFromBytes(family, styles[i], face.Data)
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("render/pdf: fonts: %w", err)
	}
	for _, pg := range r.Pages {
		p.AddPageFormat("P", fpdf.SizeType{Wd: pg.W.Points(), Ht: pg.H.Points()})
		p.SetTextColor(0, 0, 0)
		p.SetDrawColor(0, 0, 0)
		for _, it := range pg.Items {
			switch it.Kind {
			case layout.Text:
				p.SetFont(family, styles[it.Style], float64(it.Size)/2)
				p.Text(it.X.Points(), it.Y.Points(), it.Text)
			case layout.Rule:
				p.SetLineWidth(it.Stroke.Points())
				if it.W < 0 { // vertical
					p.Line(it.X.Points(), it.Y.Points(), it.X.Points(), (it.Y - it.W).Points())
				} else {
					p.Line(it.X.Points(), it.Y.Points(), (it.X + it.W).Points(), it.Y.Points())
				}
			}
		}
	}
	// PDF 1.4 at least (NĐ 30, Phụ lục I, Phần II.I.2): an opaque normal
	// blend state raises fpdf's version without changing what is drawn.
	p.SetAlpha(1, "Normal")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return fmt.Errorf("render/pdf: %w", err)
	}
	out := withID(buf.Bytes(), r.Meta.Identity)
	_, err = w.Write(out)
	return err
}

// withID adds a trailer /ID derived from the content and the document
// identity (fpdf writes none), keeping every xref offset valid: the entry
// goes into the trailer dictionary, after the cross-reference table.
func withID(pdf []byte, identity string) []byte {
	i := bytes.LastIndex(pdf, []byte("trailer\n<<"))
	if i < 0 {
		return pdf
	}
	sum := sha256.Sum256(append([]byte(identity+"\x00"), pdf...))
	id := fmt.Sprintf("\n/ID [<%x> <%x>]", sum[:16], sum[:16])
	j := i + len("trailer\n<<")
	out := make([]byte, 0, len(pdf)+len(id))
	out = append(out, pdf[:j]...)
	out = append(out, id...)
	out = append(out, pdf[j:]...)
	// startxref points before the trailer, so it stays right.
	return out
}
