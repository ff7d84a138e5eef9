package tmpl

import (
	"bytes"
	"strings"

	"vanban/internal/diag"
	"vanban/internal/model"
)

// coSignDirective opens the second signature of a Biên bản (Phụ lục III,
// Mẫu 1.9), written by the template after the body:
//
//	::: ky-ben-trai
//	THƯ KÝ
//	{{ .thu_ky }}
//
// The lines up to the next blank line are the signature: every line but
// the last is a title line ("THƯ KÝ"), the last is the name. They stand in
// the left column, the main signer (nguoi_ky) in the right.
const coSignDirective = "::: ky-ben-trai"

// coSigner takes the co-signer block out of a template's output: it
// returns the signature (nil when there is none) and the output with the
// block blanked, its offsets and lines kept. A block without a name, or a
// second block, is a positioned diagnostic at the template's line.
func coSigner(src []byte, o origin) (*model.Signature, []byte, diag.List) {
	blocks, src := takeBlocks(src, coSignDirective)
	var diags diag.List
	var out *model.Signature
	for _, b := range blocks {
		at := diag.Pos{File: o.file, Line: b.line, Col: 1}
		switch {
		case out != nil:
			diags.Add(diag.New(at, diag.CodeMarkup, "hai khối \""+coSignDirective+"\"", "một biên bản chỉ có một người ký bên trái (thư ký)"))
		case len(b.texts) == 0 || b.texts[len(b.texts)-1] == "":
			diags.Add(diag.New(at, diag.CodeMarkup, "khối \""+coSignDirective+"\" không có họ tên người ký",
				"viết chức danh (THƯ KÝ) rồi họ tên, mỗi thứ một dòng, ngay dưới dòng \""+coSignDirective+"\""))
		default:
			out = &model.Signature{Lines: b.texts[:len(b.texts)-1], Name: b.texts[len(b.texts)-1]}
		}
	}
	return out, src, diags
}

// directiveBlock is a block a template opens with a directive line: the
// line of the directive (from 1) and the text lines up to the next blank
// line, trimmed and unescaped.
type directiveBlock struct {
	line  int
	texts []string
}

// takeBlocks takes the blocks opened by directive out of a template's
// output: it returns them in order, and the output with their lines
// blanked, its offsets and lines kept (src is not modified).
func takeBlocks(src []byte, directive string) ([]directiveBlock, []byte) {
	if !bytes.Contains(src, []byte(directive)) {
		return nil, src
	}
	src = bytes.Clone(src)
	var blocks []directiveBlock
	lines := bytes.SplitAfter(src, []byte("\n"))
	off := 0
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(string(lines[i])) != directive {
			off += len(lines[i])
			continue
		}
		b := directiveBlock{line: i + 1}
		blank(src[off : off+len(bytes.TrimRight(lines[i], "\n"))])
		off += len(lines[i])
		for i+1 < len(lines) && len(bytes.TrimSpace(lines[i+1])) > 0 {
			i++
			b.texts = append(b.texts, strings.TrimSpace(string(unescape(bytes.TrimSpace(lines[i])))))
			blank(src[off : off+len(bytes.TrimRight(lines[i], "\n"))])
			off += len(lines[i])
		}
		blocks = append(blocks, b)
	}
	return blocks, src
}
