package docx

import (
	"math"
	"strconv"
	"strings"
)

// lineShape finds a horizontal line drawn as a shape under n (a w:drawing,
// a w:pict or the mc:AlternateContent around them) and returns its length
// in twips. DrawingML lines and connectors are read from their extent
// (EMU), VML v:line from its from/to points and VML connector shapes from
// the width of their style. Shapes taller than 1 mm are not rules.
func lineShape(n *node) (int, bool) {
	if n == nil {
		return 0, false
	}
	switch n.name {
	case "AlternateContent":
		// The Choice (DrawingML) first; the Fallback (VML) otherwise.
		for _, k := range n.kids {
			if w, ok := lineShape(k); ok {
				return w, true
			}
		}
		return 0, false
	case "inline", "anchor":
		if !hasLineGeom(n, 0) {
			return 0, false
		}
		ext := n.child("extent")
		cx, _ := ext.attr("cx")
		cy, _ := ext.attr("cy")
		x, errx := strconv.ParseInt(cx, 10, 64)
		y, _ := strconv.ParseInt(cy, 10, 64)
		if errx != nil || x <= 0 || y > 36000 { // 1 mm in EMU
			return 0, false
		}
		return int(x / 635), true
	case "line":
		from, _ := n.attr("from")
		to, _ := n.attr("to")
		x0, y0, ok0 := vmlPoint(from)
		x1, y1, ok1 := vmlPoint(to)
		if !ok0 || !ok1 || math.Abs(y1-y0) > 2.8 || math.Abs(x1-x0) < 1 {
			return 0, false
		}
		return int(math.Round(math.Abs(x1-x0) * 20)), true
	case "shape":
		st, _ := n.attr("style")
		typ, _ := n.attr("type")
		spt, _ := n.attr("spt")
		if !strings.Contains(typ, "_t32") && !strings.Contains(typ, "_t20") && spt != "32" && spt != "20" {
			return 0, false
		}
		w, okw := vmlStyleLen(st, "width")
		h, _ := vmlStyleLen(st, "height")
		if !okw || w < 1 || h > 2.8 {
			return 0, false
		}
		return int(math.Round(w * 20)), true
	}
	for _, k := range n.kids {
		if w, ok := lineShape(k); ok {
			return w, true
		}
	}
	return 0, false
}

// hasLineGeom reports whether a DrawingML shape under n is a line or a
// straight connector.
func hasLineGeom(n *node, depth int) bool {
	if depth > 16 {
		return false
	}
	if n.name == "prstGeom" {
		v, _ := n.attr("prst")
		return v == "line" || v == "straightConnector1"
	}
	for _, k := range n.kids {
		if hasLineGeom(k, depth+1) {
			return true
		}
	}
	return false
}

// vmlPoint reads "192.15pt,6.6pt" (points; bare numbers are points too in
// the v:line of Word) into points.
func vmlPoint(s string) (x, y float64, ok bool) {
	a, b, found := strings.Cut(s, ",")
	if !found {
		return 0, 0, false
	}
	x, okx := vmlLen(a)
	y, oky := vmlLen(b)
	return x, y, okx && oky
}

// vmlStyleLen reads a length property of a VML style attribute, in points.
func vmlStyleLen(style, prop string) (float64, bool) {
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.TrimSpace(k) == prop {
			return vmlLen(v)
		}
	}
	return 0, false
}

// vmlLen reads a CSS length ("449.65pt", "2in", "5mm", "12") in points.
func vmlLen(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	mul := 1.0
	for _, u := range []struct {
		suf string
		k   float64
	}{{"pt", 1}, {"in", 72}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"px", 0.75}} {
		if strings.HasSuffix(s, u.suf) {
			s, mul = strings.TrimSuffix(s, u.suf), u.k
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v * mul, true
}
