package docx

import (
	"fmt"
	"strconv"
	"strings"
)

// rprops are run properties; nil fields are not set at this level.
type rprops struct {
	b, i, u, caps *bool
	sz            *int
	font          *string
}

func (r *rprops) merge(o rprops) {
	if o.b != nil {
		r.b = o.b
	}
	if o.i != nil {
		r.i = o.i
	}
	if o.u != nil {
		r.u = o.u
	}
	if o.caps != nil {
		r.caps = o.caps
	}
	if o.sz != nil {
		r.sz = o.sz
	}
	if o.font != nil {
		r.font = o.font
	}
}

// pprops are paragraph properties; nil fields are not set at this level.
type pprops struct {
	jc                              *Align
	indL, indR, indF, before, after *int
	numID                           *string
	ilvl                            *int
	line                            *int
	lineRule                        *string
	bdrTop, bdrBottom               *int
}

func (p *pprops) merge(o pprops) {
	if o.jc != nil {
		p.jc = o.jc
	}
	for _, f := range []struct {
		dst **int
		src *int
	}{{&p.indL, o.indL}, {&p.indR, o.indR}, {&p.indF, o.indF}, {&p.before, o.before}, {&p.after, o.after}, {&p.ilvl, o.ilvl}, {&p.line, o.line}, {&p.bdrTop, o.bdrTop}, {&p.bdrBottom, o.bdrBottom}} {
		if f.src != nil {
			*f.dst = f.src
		}
	}
	if o.numID != nil {
		p.numID = o.numID
	}
	if o.lineRule != nil {
		p.lineRule = o.lineRule
	}
}

type style struct {
	id, name, typ, basedOn string
	p                      pprops
	r                      rprops
}

type level struct{ format, text string }

type reader struct {
	pk       *pkg
	lim      Limits
	defP     pprops
	defR     rprops
	styles   map[string]*style
	defPara  string // default paragraph style ID
	nums     map[string]map[int]level
	paras    int
	tables   int
	fonts    []string
	fontSeen map[string]bool
}

func bval(n *node) *bool {
	v, ok := n.attr("val")
	t := !ok || (v != "0" && v != "false" && v != "off" && v != "none")
	return &t
}

func ival(s string) *int {
	// Some writers put fractional twips ("567.0"); keep the integer part.
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &v
}

func readR(n *node) rprops {
	var r rprops
	if n == nil {
		return r
	}
	for _, k := range n.kids {
		switch k.name {
		case "b":
			r.b = bval(k)
		case "i":
			r.i = bval(k)
		case "caps":
			r.caps = bval(k)
		case "u":
			v, _ := k.attr("val")
			t := v != "none" && v != ""
			r.u = &t
		case "sz":
			if v, ok := k.attr("val"); ok {
				r.sz = ival(v)
			}
		case "rFonts":
			for _, a := range []string{"ascii", "hAnsi", "cs", "eastAsia"} {
				if v, ok := k.attr(a); ok && v != "" {
					r.font = &v
					break
				}
			}
		}
	}
	return r
}

func readP(n *node) pprops {
	var p pprops
	if n == nil {
		return p
	}
	for _, k := range n.kids {
		switch k.name {
		case "jc":
			v, _ := k.attr("val")
			var a Align
			switch v {
			case "center":
				a = Center
			case "right", "end":
				a = Right
			case "both", "distribute":
				a = Justify
			default:
				a = Left
			}
			p.jc = &a
		case "ind":
			for _, m := range []struct {
				names []string
				dst   **int
			}{{[]string{"left", "start"}, &p.indL}, {[]string{"right", "end"}, &p.indR}} {
				for _, a := range m.names {
					if v, ok := k.attr(a); ok {
						*m.dst = ival(v)
						break
					}
				}
			}
			if v, ok := k.attr("firstLine"); ok {
				p.indF = ival(v)
			}
			if v, ok := k.attr("hanging"); ok {
				if h := ival(v); h != nil {
					neg := -*h
					p.indF = &neg
				}
			}
		case "spacing":
			if v, ok := k.attr("before"); ok {
				p.before = ival(v)
			}
			if v, ok := k.attr("after"); ok {
				p.after = ival(v)
			}
			if v, ok := k.attr("line"); ok {
				p.line = ival(v)
			}
			if v, ok := k.attr("lineRule"); ok {
				p.lineRule = &v
			}
		case "pBdr":
			for _, side := range []struct {
				name string
				dst  **int
			}{{"top", &p.bdrTop}, {"bottom", &p.bdrBottom}} {
				if b := k.child(side.name); b != nil {
					w := 0
					if v, _ := b.attr("val"); v != "nil" && v != "none" && v != "" {
						w = 2 // w:sz absent: the narrowest line
						if sz, ok := b.attr("sz"); ok {
							if i := ival(sz); i != nil && *i > 0 {
								w = *i
							}
						}
					}
					*side.dst = &w
				}
			}
		case "numPr":
			if id := k.child("numId"); id != nil {
				v, _ := id.attr("val")
				p.numID = &v
			}
			if l := k.child("ilvl"); l != nil {
				v, _ := l.attr("val")
				p.ilvl = ival(v)
			}
		}
	}
	return p
}

func (r *reader) loadStyles(dir string) error {
	r.styles = map[string]*style{}
	r.nums = map[string]map[int]level{}
	if b, err := r.pk.read(dir + "/styles.xml"); err == nil {
		root, err := parseXML(b, r.lim.MaxDepth, "styles.xml")
		if err != nil {
			return err
		}
		if dd := root.child("docDefaults"); dd != nil {
			r.defR = readR(dd.child("rPrDefault").child("rPr"))
			r.defP = readP(dd.child("pPrDefault").child("pPr"))
		}
		for _, k := range root.kids {
			if k.name != "style" {
				continue
			}
			s := &style{}
			s.id, _ = k.attr("styleId")
			s.typ, _ = k.attr("type")
			if n := k.child("name"); n != nil {
				s.name, _ = n.attr("val")
			}
			if n := k.child("basedOn"); n != nil {
				s.basedOn, _ = n.attr("val")
			}
			s.p, s.r = readP(k.child("pPr")), readR(k.child("rPr"))
			r.styles[s.id] = s
			if d, _ := k.attr("default"); (d == "1" || d == "true") && s.typ == "paragraph" {
				r.defPara = s.id
			}
		}
	} else if e, ok := err.(*Error); ok && e.Kind == TooLarge {
		return err
	}
	if b, err := r.pk.read(dir + "/numbering.xml"); err == nil {
		root, err := parseXML(b, r.lim.MaxDepth, "numbering.xml")
		if err != nil {
			return err
		}
		abstract := map[string]map[int]level{}
		for _, k := range root.kids {
			if k.name != "abstractNum" {
				continue
			}
			id, _ := k.attr("abstractNumId")
			lv := map[int]level{}
			for _, l := range k.kids {
				if l.name != "lvl" {
					continue
				}
				il, _ := l.attr("ilvl")
				n := ival(il)
				if n == nil {
					continue
				}
				var v level
				if f := l.child("numFmt"); f != nil {
					v.format, _ = f.attr("val")
				}
				if t := l.child("lvlText"); t != nil {
					v.text, _ = t.attr("val")
				}
				lv[*n] = v
			}
			abstract[id] = lv
		}
		for _, k := range root.kids {
			if k.name != "num" {
				continue
			}
			id, _ := k.attr("numId")
			if a := k.child("abstractNumId"); a != nil {
				v, _ := a.attr("val")
				r.nums[id] = abstract[v]
			}
		}
	} else if e, ok := err.(*Error); ok && e.Kind == TooLarge {
		return err
	}
	return nil
}

// chain returns the style and its ancestors, root first.
func (r *reader) chain(id string) []*style {
	var out []*style
	for i := 0; id != "" && i < 32; i++ {
		s, ok := r.styles[id]
		if !ok {
			break
		}
		out = append([]*style{s}, out...)
		id = s.basedOn
	}
	return out
}

// story reads the body (or a header/footer) of a part.
func (r *reader) story(src []byte, body bool) ([]Block, []Section, error) {
	root, err := parseXML(src, r.lim.MaxDepth, "document.xml")
	if err != nil {
		return nil, nil, err
	}
	container := root
	if b := root.child("body"); b != nil {
		container = b
	}
	var secs []Section
	blocks, err := r.blocks(container, &secs)
	if err != nil {
		return nil, nil, err
	}
	if s := container.child("sectPr"); s != nil {
		secs = append(secs, readSection(s))
	}
	return blocks, secs, nil
}

// blocks reads the paragraphs and tables under n, looking through the
// wrappers writers put around them (content controls, custom XML, tracked
// insertions, alternate content).
func (r *reader) blocks(n *node, secs *[]Section) ([]Block, error) {
	var out []Block
	for _, k := range n.kids {
		switch k.name {
		case "p":
			p, err := r.para(k, secs)
			if err != nil {
				return nil, err
			}
			out = append(out, Block{Para: p})
		case "tbl":
			t, err := r.table(k, secs)
			if err != nil {
				return nil, err
			}
			out = append(out, Block{Table: t})
		case "sdt", "sdtContent", "customXml", "ins", "smartTag", "AlternateContent", "Choice":
			bs, err := r.blocks(k, secs)
			if err != nil {
				return nil, err
			}
			out = append(out, bs...)
		}
	}
	return out, nil
}

func (r *reader) table(n *node, secs *[]Section) (*Table, error) {
	r.tables++
	t := &Table{N: r.tables}
	for _, tr := range n.kids {
		if tr.name != "tr" {
			continue
		}
		var row Row
		if pr := tr.child("trPr"); pr != nil && pr.child("tblHeader") != nil {
			row.Header = true
		}
		for _, tc := range tr.kids {
			if tc.name != "tc" {
				continue
			}
			c := Cell{Span: 1}
			if pr := tc.child("tcPr"); pr != nil {
				if g := pr.child("gridSpan"); g != nil {
					v, _ := g.attr("val")
					if s := ival(v); s != nil && *s > 1 && *s < 1000 {
						c.Span = *s
					}
				}
				if w := pr.child("tcW"); w != nil {
					if t, _ := w.attr("type"); t == "dxa" || t == "" {
						v, _ := w.attr("w")
						if i := ival(v); i != nil && *i > 0 {
							c.Width = *i
						}
					}
				}
				if m := pr.child("vMerge"); m != nil {
					v, _ := m.attr("val")
					c.Merged = v != "restart"
				}
			}
			bs, err := r.blocks(tc, secs)
			if err != nil {
				return nil, err
			}
			c.Blocks = bs
			row.Cells = append(row.Cells, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func (r *reader) para(n *node, secs *[]Section) (*Paragraph, error) {
	r.paras++
	if r.paras > r.lim.MaxParagraphs {
		return nil, &Error{Kind: TooLarge, Detail: fmt.Sprintf("quá %d đoạn văn", r.lim.MaxParagraphs)}
	}
	p := &Paragraph{N: r.paras}
	ppr := n.child("pPr")
	p.Style = r.defPara
	if ppr != nil {
		if s := ppr.child("pStyle"); s != nil {
			p.Style, _ = s.attr("val")
		}
	}
	// Effective paragraph and paragraph-level run properties.
	pp, pr := r.defP, r.defR
	for _, s := range r.chain(p.Style) {
		pp.merge(s.p)
		pr.merge(s.r)
		p.StyleName = s.name
	}
	pp.merge(readP(ppr))
	if pp.jc != nil {
		p.Align = *pp.jc
	} else {
		p.Align = Left
	}
	deref := func(v *int) int {
		if v == nil {
			return 0
		}
		return *v
	}
	p.IndLeft, p.IndRight, p.IndFirst = deref(pp.indL), deref(pp.indR), deref(pp.indF)
	p.SpaceBefore, p.SpaceAfter = deref(pp.before), deref(pp.after)
	p.Line = deref(pp.line)
	p.LineRule = LineAuto
	if pp.lineRule != nil {
		switch *pp.lineRule {
		case "exact":
			p.LineRule = LineExact
		case "atLeast":
			p.LineRule = LineAtLeast
		}
	}
	p.BorderTop, p.BorderBottom = deref(pp.bdrTop), deref(pp.bdrBottom)
	if pp.numID != nil && *pp.numID != "0" && *pp.numID != "" {
		l := &List{NumID: *pp.numID, Level: deref(pp.ilvl)}
		if lv, ok := r.nums[l.NumID][l.Level]; ok {
			l.Format, l.Text = lv.format, lv.text
		}
		p.List = l
	}
	if ppr != nil {
		if s := ppr.child("sectPr"); s != nil {
			p.SectionEnd = true
			*secs = append(*secs, readSection(s))
		}
	}
	r.runs(n, pr, p)
	return p, nil
}

// runs appends the runs under n (looking through hyperlinks, fields,
// content controls and tracked insertions; skipping deletions).
func (r *reader) runs(n *node, base rprops, p *Paragraph) {
	for _, k := range n.kids {
		switch k.name {
		case "r":
			r.run(k, base, p)
		case "hyperlink", "fldSimple", "smartTag", "customXml", "ins", "sdt", "sdtContent", "moveTo", "AlternateContent", "Choice", "bdo", "dir":
			r.runs(k, base, p)
		}
	}
}

func (r *reader) run(n *node, base rprops, p *Paragraph) {
	rp := base
	rpr := n.child("rPr")
	if rpr != nil {
		if s := rpr.child("rStyle"); s != nil {
			id, _ := s.attr("val")
			for _, st := range r.chain(id) {
				rp.merge(st.r)
			}
		}
		rp.merge(readR(rpr))
	}
	var b strings.Builder
	for _, k := range n.kids {
		switch k.name {
		case "t":
			b.WriteString(k.text)
		case "tab", "ptab":
			b.WriteByte('\t')
		case "br", "cr":
			if t, _ := k.attr("type"); t == "page" || t == "column" {
				b.WriteByte('\n')
			} else {
				b.WriteByte('\n')
			}
		case "noBreakHyphen":
			b.WriteByte('-')
		case "softHyphen":
		case "sym":
			if c, ok := k.attr("char"); ok {
				if v, err := strconv.ParseUint(c, 16, 32); err == nil {
					if v >= 0xF000 {
						v -= 0xF000
					}
					b.WriteRune(rune(v))
				}
			}
		case "drawing", "pict", "AlternateContent":
			// Drawn lines (the rules of a header drawn as shapes).
			if w, ok := lineShape(k); ok {
				p.Lines = append(p.Lines, w)
			}
		}
	}
	if b.Len() == 0 {
		return
	}
	run := Run{Text: b.String()}
	if rp.b != nil {
		run.Bold = *rp.b
	}
	if rp.i != nil {
		run.Italic = *rp.i
	}
	if rp.u != nil {
		run.Underline = *rp.u
	}
	if rp.caps != nil {
		run.Caps = *rp.caps
	}
	if rp.sz != nil {
		run.Size = *rp.sz
	}
	if rp.font != nil {
		run.Font = *rp.font
		if !r.fontSeen[run.Font] {
			r.fontSeen[run.Font] = true
			r.fonts = append(r.fonts, run.Font)
		}
	}
	// Merge with the previous run when the formatting is the same.
	if k := len(p.Runs); k > 0 {
		last := &p.Runs[k-1]
		t := last.Text
		last.Text = ""
		same := *last == Run{Bold: run.Bold, Italic: run.Italic, Underline: run.Underline, Caps: run.Caps, Size: run.Size, Font: run.Font}
		last.Text = t
		if same {
			last.Text += run.Text
			return
		}
	}
	p.Runs = append(p.Runs, run)
}

func readSection(n *node) Section {
	var s Section
	if pg := n.child("pgSz"); pg != nil {
		if v, ok := pg.attr("w"); ok {
			if i := ival(v); i != nil {
				s.Width = *i
			}
		}
		if v, ok := pg.attr("h"); ok {
			if i := ival(v); i != nil {
				s.Height = *i
			}
		}
		o, _ := pg.attr("orient")
		s.Landscape = o == "landscape" || s.Width > s.Height
	}
	if m := n.child("pgMar"); m != nil {
		for _, f := range []struct {
			a string
			d *int
		}{{"top", &s.Top}, {"right", &s.Right}, {"bottom", &s.Bottom}, {"left", &s.Left}} {
			if v, ok := m.attr(f.a); ok {
				if i := ival(v); i != nil {
					*f.d = *i
				}
			}
		}
	}
	return s
}
