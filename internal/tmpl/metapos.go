package tmpl

import (
	"regexp"
	"strconv"

	"github.com/BurntSushi/toml"

	"vanban/internal/data"
	"vanban/internal/diag"
)

// metaPos finds where the keys of a template's front matter are written,
// so that its diagnostics point at the key's line:col. The front matter
// starts at line 2 of the file, after the "+++" line.
type metaPos struct {
	file       string
	keys, vals map[string]diag.Pos
	counts     map[string]int // [[…]] tables handed out so far, by header name
}

func newMetaPos(file, meta string) *metaPos {
	keys, vals := data.Positions(file, meta, 2)
	return &metaPos{file: file, keys: keys, vals: vals, counts: map[string]int{}}
}

// has reports whether the key path is written in the front matter.
func (p *metaPos) has(path string) bool { return p.keys[path].IsValid() }

// key returns the position of the key path, or the start of the front
// matter when it is not written there.
func (p *metaPos) key(path string) diag.Pos {
	if k := p.keys[path]; k.IsValid() {
		return k
	}
	return diag.Pos{File: p.file, Line: 2, Col: 1}
}

// val returns the position of the value of the key path, or of the key.
func (p *metaPos) val(path string) diag.Pos {
	if v := p.vals[path]; v.IsValid() {
		return v
	}
	return p.key(path)
}

// next returns the path of the next [[header]] table: "truong.cot[0]",
// "truong.cot[1]", … in the order the decoder reads them.
func (p *metaPos) next(header string) string {
	n := p.counts[header]
	p.counts[header] = n + 1
	return header + "[" + strconv.Itoa(n) + "]"
}

var arrayIndex = regexp.MustCompile(`\[[0-9]+\]`)

// first returns the position of the earliest written of keys, keys as the
// decoder names them (without the indexes of arrays of tables).
func (p *metaPos) first(keys []toml.Key) diag.Pos {
	want := map[string]bool{}
	for _, k := range keys {
		want[k.String()] = true
	}
	best := diag.Pos{}
	for path, at := range p.keys {
		if !want[arrayIndex.ReplaceAllString(path, "")] {
			continue
		}
		if !best.IsValid() || at.Line < best.Line || at.Line == best.Line && at.Col < best.Col {
			best = at
		}
	}
	if !best.IsValid() {
		return p.key("")
	}
	return best
}
