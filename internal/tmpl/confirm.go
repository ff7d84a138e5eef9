package tmpl

import (
	"strings"

	"vanban/internal/diag"
	"vanban/internal/model"
)

// confirmDirective opens the block another body signs to confirm the
// document (Phụ lục III, Mẫu 1.10), written by the template after the
// body:
//
//	::: xac-nhan
//	Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép
//	(Chữ ký, dấu)
//
// The lines up to the next blank line are the block: its title lines, and
// last, when written in parentheses, the note on what it takes. It stands
// in the left column under Nơi nhận and the signature; the signature and
// the name are written by hand.
const confirmDirective = "::: xac-nhan"

// confirmation takes the confirmation block out of a template's output,
// as coSigner does the co-signer's: it returns the block (nil when there
// is none) and the output with the block blanked, its offsets and lines
// kept. A block without a title, or a second block, is a positioned
// diagnostic at the template's line.
func confirmation(src []byte, o origin) (*model.Confirmation, []byte, diag.List) {
	blocks, src := takeBlocks(src, confirmDirective)
	var diags diag.List
	var out *model.Confirmation
	for _, b := range blocks {
		texts := b.texts
		c := &model.Confirmation{Title: texts}
		if n := len(texts); n > 1 && strings.HasPrefix(texts[n-1], "(") && strings.HasSuffix(texts[n-1], ")") {
			c.Title, c.Note = texts[:n-1], texts[n-1]
		}
		at := diag.Pos{File: o.file, Line: b.line, Col: 1}
		switch {
		case out != nil:
			diags.Add(diag.New(at, diag.CodeMarkup, "hai khối \""+confirmDirective+"\"", "văn bản chỉ có một khối xác nhận"))
		case len(texts) == 0:
			diags.Add(diag.New(at, diag.CodeMarkup, "khối \""+confirmDirective+"\" không có dòng tiêu đề",
				"viết dòng \"Xác nhận của …\" rồi dòng \"(Chữ ký, dấu)\", mỗi thứ một dòng, ngay dưới dòng \""+confirmDirective+"\""))
		default:
			out = c
		}
	}
	return out, src, diags
}
