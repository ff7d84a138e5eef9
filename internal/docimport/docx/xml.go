package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

func openFile(name string) (*os.File, error) { return os.Open(name) }

// node is an XML element reduced to what the reader needs: the local name,
// attributes by local name, children and character data.
type node struct {
	name  string
	attrs []xml.Attr
	kids  []*node
	text  string
}

func (n *node) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
	}
	return nil
}

// parseXML parses b into a tree, refusing documents nested deeper than
// maxDepth.
func parseXML(b []byte, maxDepth int, part string) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.Entity = map[string]string{}
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &Error{Kind: Broken, Detail: fmt.Sprintf("%s: XML lỗi", part)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, &Error{Kind: TooLarge, Detail: fmt.Sprintf("%s: lồng quá %d tầng", part, maxDepth)}
			}
			n := &node{name: t.Name.Local, attrs: t.Copy().Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			if top.name == "t" || top.name == "delText" || top.name == "instrText" {
				top.text += string(t)
			}
		}
	}
	if len(root.kids) == 0 {
		return nil, &Error{Kind: Broken, Detail: fmt.Sprintf("%s: trống", part)}
	}
	return root.kids[0], nil
}

// pkg is the opened archive with a running total of what was inflated.
type pkg struct {
	files map[string]*zip.File
	lim   Limits
	total int64
}

func (p *pkg) read(name string) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		// Part names are case-insensitive in OPC.
		for n, g := range p.files {
			if strings.EqualFold(n, name) {
				f, ok = g, true
				break
			}
		}
	}
	if !ok {
		return nil, &Error{Kind: Broken, Detail: "thiếu phần " + name}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Kind: Broken, Detail: name}
	}
	defer rc.Close()
	max := min(p.lim.MaxPartSize, p.lim.MaxTotalSize-p.total)
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if int64(len(b)) > max {
		return nil, &Error{Kind: TooLarge, Detail: fmt.Sprintf("phần %s giải nén vượt giới hạn", name)}
	}
	if err != nil {
		var ze zip.FileHeader
		_ = ze
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, &Error{Kind: Broken, Detail: name + ": kiểu nén không hỗ trợ"}
		}
		return nil, &Error{Kind: Broken, Detail: name}
	}
	p.total += int64(len(b))
	return b, nil
}

type rel struct{ id, typ, target string }

// rels returns the relationships of part, targets resolved to part names.
func (p *pkg) rels(part string) []rel {
	dir, base := path.Split(part)
	b, err := p.read(dir + "_rels/" + base + ".rels")
	if err != nil {
		return nil
	}
	root, err := parseXML(b, p.lim.MaxDepth, base+".rels")
	if err != nil {
		return nil
	}
	var out []rel
	for _, k := range root.kids {
		if k.name != "Relationship" {
			continue
		}
		id, _ := k.attr("Id")
		typ, _ := k.attr("Type")
		tgt, _ := k.attr("Target")
		if mode, _ := k.attr("TargetMode"); mode == "External" {
			continue
		}
		if strings.HasPrefix(tgt, "/") {
			tgt = strings.TrimPrefix(tgt, "/")
		} else {
			tgt = path.Clean(path.Join(dir, tgt))
		}
		out = append(out, rel{id, typ, tgt})
	}
	return out
}

// mainPart finds the officeDocument part through _rels/.rels, falling back
// to word/document.xml.
func (p *pkg) mainPart() string {
	for _, r := range p.rels("") {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			if _, ok := p.files[r.target]; ok {
				return r.target
			}
		}
	}
	if _, ok := p.files["word/document.xml"]; ok {
		return "word/document.xml"
	}
	return ""
}
