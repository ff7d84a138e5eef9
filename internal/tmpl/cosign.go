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
	if !bytes.Contains(src, []byte(coSignDirective)) {
		return nil, src, nil
	}
	src = bytes.Clone(src)
	var diags diag.List
	var out *model.Signature
	lines := bytes.SplitAfter(src, []byte("\n"))
	off := 0
	at := func(i int) diag.Pos {
		p := diag.Pos{File: o.file, Line: i + 1, Col: 1}
		return p
	}
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(string(lines[i])) != coSignDirective {
			off += len(lines[i])
			continue
		}
		start := i
		blank(src[off : off+len(bytes.TrimRight(lines[i], "\n"))])
		off += len(lines[i])
		var texts []string
		for i+1 < len(lines) && len(bytes.TrimSpace(lines[i+1])) > 0 {
			i++
			texts = append(texts, strings.TrimSpace(string(unescape(bytes.TrimSpace(lines[i])))))
			blank(src[off : off+len(bytes.TrimRight(lines[i], "\n"))])
			off += len(lines[i])
		}
		switch {
		case out != nil:
			diags.Add(diag.New(at(start), diag.CodeMarkup, "hai khối \""+coSignDirective+"\"", "một biên bản chỉ có một người ký bên trái (thư ký)"))
		case len(texts) == 0 || texts[len(texts)-1] == "":
			diags.Add(diag.New(at(start), diag.CodeMarkup, "khối \""+coSignDirective+"\" không có họ tên người ký",
				"viết chức danh (THƯ KÝ) rồi họ tên, mỗi thứ một dòng, ngay dưới dòng \""+coSignDirective+"\""))
		default:
			out = &model.Signature{Lines: texts[:len(texts)-1], Name: texts[len(texts)-1]}
		}
	}
	return out, src, diags
}
