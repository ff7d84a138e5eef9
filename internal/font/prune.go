package font

import "errors"

// prune returns the TrueType file t (a program built by program, parsed)
// with every glyph that used does not report emptied: its glyf entry has
// zero length (equal loca offsets), while its id, advance and cmap entry
// stay. .notdef and the components of kept composite glyphs, at any depth,
// are kept too. All other tables are copied unchanged, so the result
// numbers and measures glyphs exactly as t does; only outlines go.
//
// This is what PDF producers do for fonts addressed by glyph id
// (CIDToGIDMap Identity): ids need not be known before the content is
// written, and the program still holds only what the document draws.
func prune(t *tables, used func(id int) bool) ([]byte, error) {
	n := t.numGlyphs
	keep := make([]bool, n)
	work := make([]uint16, 0, 64)
	add := func(id int) {
		if id < n && !keep[id] {
			keep[id] = true
			work = append(work, uint16(id))
		}
	}
	add(0)
	for id := 1; id < n; id++ {
		if used(id) {
			add(id)
		}
	}
	// A worklist, not one pass: a component may be a character glyph of a
	// lower id ('a' in 'á') or a composite itself.
	size := 0
	for len(work) > 0 {
		id := work[len(work)-1]
		work = work[:len(work)-1]
		g := t.glyph(id)
		size += (len(g) + 3) &^ 3
		if err := components(g, func(at int) { add(int(be.Uint16(g[at:]))) }); err != nil {
			return nil, err
		}
	}

	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(n+1))
	for id := range n {
		be.PutUint32(loca[4*id:], uint32(len(glyf)))
		if !keep[id] {
			continue
		}
		glyf = append(glyf, t.glyph(uint16(id))...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := t.dir["head"]
	if be.Uint16(head[50:]) != 1 {
		return nil, errors.New("prune: program without long loca offsets")
	}
	head = append([]byte(nil), head...)
	be.PutUint32(head[8:], 0) // checkSumAdjustment, set by assemble
	out := make(map[string][]byte, len(t.dir))
	for tag, b := range t.dir {
		out[tag] = b
	}
	out["glyf"], out["loca"], out["head"] = glyf, loca, head
	return assemble(out)
}
