package resolve

import (
	"strings"

	"vanban/internal/format"
	"vanban/internal/model"
)

// blocks resolves content blocks.
func (r resolver) blocks(in []model.Block) []Block {
	out := make([]Block, 0, len(in))
	for _, b := range in {
		switch n := b.(type) {
		case *model.Heading:
			p := r.para(format.HeadingElement(n.Level), n.Runs)
			p.KeepNext = true // a heading keeps with what follows
			out = append(out, &p)
		case *model.Para:
			p := r.para(format.Body, paraRuns(n))
			if n.Role != model.RoleBody {
				p.Role = n.Role
			}
			if n.Center {
				center(&p)
				// A centred all-bold line ("Chương III", "QUYẾT ĐỊNH:")
				// heads what follows: kept with it, as a heading.
				p.KeepNext = allBold(p.Runs)
			}
			out = append(out, &p)
		case *model.Table:
			out = append(out, r.table(n))
		}
	}
	return out
}

// paraRuns returns the runs of a body paragraph as printed: a căn cứ in
// italics, a list marker before the text in the style of its start, so a
// bold item gets a bold number.
func paraRuns(p *model.Para) []model.Run {
	runs := p.Runs
	if f := RoleFont(p.Role); f != 0 {
		runs = withStyle(runs, f)
	}
	if p.Marker != "" {
		var st model.RunStyle
		if len(runs) > 0 {
			st = runs[0].Style
		}
		runs = append([]model.Run{{Text: p.Marker + " ", Style: st}}, runs...)
	}
	return runs
}

// withStyle returns runs with st added to the style of each.
func withStyle(runs []model.Run, st model.RunStyle) []model.Run {
	out := make([]model.Run, len(runs))
	for i, r := range runs {
		out[i] = model.Run{Text: r.Text, Style: r.Style | st}
	}
	return out
}

// RoleFont returns the font a paragraph role adds to every run of the
// paragraph: italics for a căn cứ line (Phụ lục I, II.6.a: "Căn cứ …" in
// italics, as the samples of Phụ lục III print it); none for the others.
func RoleFont(role model.Role) model.RunStyle {
	if role == model.RoleBasis {
		return model.Italic
	}
	return 0
}

// allBold reports whether runs have text and all of it is bold.
func allBold(runs []model.Run) bool {
	text := false
	for _, r := range runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if r.Style&model.Bold == 0 {
			return false
		}
		text = true
	}
	return text
}
