package check

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"vanban/internal/check/pdfread"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/unit"
)

const ptPerMM = 72 / 25.4

func mmOf(p float64) int { return int(math.Round(p / ptPerMM)) }

// pdfLines groups the glyphs of a page into lines (same baseline), and
// splits a line where a gap wider than twice the size separates two
// columns.
func pdfLines(pg pdfread.Page, page int) []line {
	gs := append([]pdfread.Glyph(nil), pg.Glyphs...)
	sort.SliceStable(gs, func(i, j int) bool {
		if math.Abs(gs[i].Y-gs[j].Y) > 2 {
			return gs[i].Y > gs[j].Y
		}
		return gs[i].X < gs[j].X
	})
	var rows [][]pdfread.Glyph
	for _, g := range gs {
		if k := len(rows); k > 0 && math.Abs(rows[k-1][0].Y-g.Y) <= 2 {
			rows[k-1] = append(rows[k-1], g)
			continue
		}
		rows = append(rows, []pdfread.Glyph{g})
	}
	var out []line
	mid := pg.W / 2
	// Centred lines are centred on the text area, which the margins of
	// Phụ lục I (left 30–35, right 15–20 mm) put right of the page's middle.
	sh := format.NewSheet("")
	textMid := (sh.Left.Points() + pg.W - sh.Right.Points()) / 2
	for _, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].X < row[j].X })
		start := 0
		for i := 1; i <= len(row); i++ {
			if i < len(row) && row[i].X-(row[i-1].X+row[i-1].W) < 2*row[i].Size {
				continue
			}
			seg := row[start:i]
			start = i
			var b strings.Builder
			sizes := map[int]int{}
			l := line{page: page, bold: true, italic: true}
			for k, g := range seg {
				if k > 0 && g.X-(seg[k-1].X+seg[k-1].W) > 0.15*g.Size {
					b.WriteByte(' ')
				}
				b.WriteString(g.S)
				sizes[int(math.Round(g.Size*2))]++
				f := strings.ToLower(g.Font)
				l.bold = l.bold && (strings.Contains(f, "bold") || strings.Contains(f, "black") || strings.Contains(f, "heavy"))
				l.italic = l.italic && (strings.Contains(f, "italic") || strings.Contains(f, "oblique"))
			}
			best := -1
			for sz, n := range sizes {
				if n > best || n == best && sz < l.size {
					l.size, best = sz, n
				}
			}
			x0, x1 := seg[0].X, seg[len(seg)-1].X+seg[len(seg)-1].W
			l.text = nfc(b.String())
			l.x0, l.x1, l.base = x0, x1, seg[0].Y
			l.xmm = mmOf(x0)
			l.ymm = mmOf(pg.H - (seg[0].Y + 0.7*seg[0].Size))
			switch {
			case x1 < mid+10:
				l.col = 1
			case x0 > mid-30:
				l.col = 2
			}
			l.center = math.Abs((x0+x1)/2-textMid) < 20 && x0 > sh.Left.Points()+8 && x1 < pg.W-sh.Right.Points()-8
			out = append(out, l)
		}
	}
	attachRules(out, pg.Rules)
	return out
}

// attachRules gives each drawn rule to the nearest line above it that it
// lies under (its centre within the line's extent, or the line's centre
// within the rule): the rule of the Tiêu ngữ, of the issuer, of the trích
// yếu. Lengths are stored in twips, as DOCX lines have them.
func attachRules(ls []line, rules []pdfread.Rule) {
	for _, r := range rules {
		best, gap := -1, math.Inf(1)
		rc := (r.X0 + r.X1) / 2
		for i := range ls {
			l := &ls[i]
			d := l.base - r.Y
			if d <= 0 || d > 1.6*float64(l.size)/2+8 || d >= gap {
				continue
			}
			lc := (l.x0 + l.x1) / 2
			if (rc < l.x0 || rc > l.x1) && (lc < r.X0 || lc > r.X1) {
				continue
			}
			best, gap = i, d
		}
		if best >= 0 {
			if w := int(math.Round((r.X1 - r.X0) * 20)); w > ls[best].rule {
				ls[best].rule = w
			}
		}
	}
}

func checkPDF(r *Report, b []byte) {
	d, err := pdfread.Read(b, pdfread.Limits{})
	if err != nil {
		switch {
		case errors.Is(err, pdfread.ErrEncrypted):
			r.Err = "tệp PDF đã đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi kiểm tra lại"
		case strings.Contains(err.Error(), "not a PDF"):
			r.Err = "tệp không phải PDF"
		case errors.Is(err, pdfread.ErrTimeout):
			r.Err = "tệp PDF bị hỏng: đọc quá 30 giây chưa xong, đã bỏ qua"
		default:
			r.Err = "tệp PDF bị hỏng hoặc quá lớn, không đọc được"
		}
		return
	}
	if len(d.Pages) == 0 {
		r.Err = "tệp PDF không có trang nào"
		return
	}
	sh := format.NewSheet("")
	fs := &findings{}
	a4w, a4h := sh.PageW.Points(), sh.PageH.Points()
	var all []line
	minLeft := math.Inf(1)
	fontSeen := map[string]bool{}
	unmapped := 0
	for i, pg := range d.Pages {
		page := i + 1
		at := &line{page: page}
		portrait := math.Abs(pg.W-a4w) < 3 && math.Abs(pg.H-a4h) < 3
		landscape := math.Abs(pg.W-a4h) < 3 && math.Abs(pg.H-a4w) < 3
		if !portrait && !landscape {
			fs.add(at, RulePaper, diag.Error, fmt.Sprintf("%d × %d mm", mmOf(pg.W), mmOf(pg.H)), "A4 (210 × 297 mm)", fmt.Sprintf("khổ giấy trang %d là %d × %d mm, phải là A4", page, mmOf(pg.W), mmOf(pg.H)))
		}
		if page == 1 && landscape {
			fs.add(at, RuleOrientation, diag.Error, "khổ ngang", "khổ dọc", "văn bản trình bày theo chiều dài khổ A4")
		}
		ls := pdfLines(pg, page)
		// Page numbers: a line of digits alone in the top margin.
		top := sh.Top.Points()
		var body []line
		for _, l := range ls {
			yTop := float64(l.ymm) * ptPerMM
			if isDigits(l.text) && yTop < top-2 {
				if page == 1 {
					fs.add(&l, RulePageNumber, diag.Error, "trang 1 có số trang "+l.text, "không hiển thị số trang thứ nhất", "số trang hiện ở trang đầu; trang 1 không đánh số")
				}
				continue
			}
			if isDigits(l.text) && float64(l.ymm)*ptPerMM > pg.H-sh.Bottom.Points() {
				fs.addAgg(&l, RulePageNumber, diag.Warning, "số trang ở lề dưới", "giữa lề trên", "số trang đặt canh giữa trong phần lề trên của văn bản")
				continue
			}
			body = append(body, l)
		}
		// Margins from the extents of the text.
		if !landscape {
			checkExtents(fs, pg, page, sh)
		}
		for _, g := range pg.Glyphs {
			if g.S == "" {
				unmapped++
			}
			if !fontSeen[g.Font] {
				fontSeen[g.Font] = true
				if legacy, ok := fontKind(strings.ReplaceAll(strings.Split(g.Font, ",")[0], "-", " ")); legacy || !ok && !strings.Contains(strings.ToLower(g.Font), "times") && !strings.Contains(strings.ToLower(g.Font), "liberationserif") && !strings.Contains(strings.ToLower(g.Font), "tinos") {
					sev := diag.Warning
					if legacy {
						sev = diag.Error
					}
					fs.add(at, RuleFont, sev, g.Font, "Times New Roman (Unicode)", "phông chữ \""+g.Font+"\"; văn bản dùng phông Times New Roman, bộ mã Unicode")
				}
			}
		}
		for _, l := range body {
			if l.col != 2 && !isDigits(l.text) {
				minLeft = math.Min(minLeft, float64(l.xmm))
			}
		}
		all = append(all, body...)
	}
	if unmapped > 0 {
		fs.add(nil, RuleFont, diag.Warning, fmt.Sprintf("%d ký tự không đọc được chữ", unmapped), "phông Unicode có bảng ToUnicode", "có ký tự không chuyển được thành chữ Unicode (phông không nhúng bảng mã)")
	}
	if maxLeft := float64((sh.Left + marginSlack) / unit.MM); minLeft < math.Inf(1) && minLeft > maxLeft+2 {
		fs.add(&line{page: 1}, RuleMargins, diag.Warning, fmt.Sprintf("chữ bắt đầu cách mép trái %d mm", int(minLeft)), fmt.Sprintf("lề trái %d–%d mm", sh.Left/unit.MM, (sh.Left+marginSlack)/unit.MM), "lề trái có vẻ lớn hơn 35 mm")
	}
	p := checkLines(fs, all, sh)
	checkRulesPDF(fs, all, p)
	// Body size: the size most of the body's characters have.
	sizes := map[int]int{}
	first := -1
	for i := p.bodyStart; i < p.bodyEnd; i++ {
		if n := len([]rune(all[i].text)); n >= 20 && all[i].size > 0 {
			sizes[all[i].size] += n
			if first < 0 {
				first = i
			}
		}
	}
	mode, best := 0, 0
	for sz, n := range sizes {
		if n > best || n == best && sz < mode {
			mode, best = sz, n
		}
	}
	if rr := sizeRange[format.Body]; mode > 0 && (mode < rr[0] || mode > rr[1]) {
		fs.add(&all[first], RuleBodySize, diag.Error, "cỡ chữ "+pt(mode), "cỡ chữ "+ptRange(rr), "nội dung cỡ chữ "+pt(mode)+", phải "+ptRange(rr))
	}
	r.Findings = fs.done()
}

func isDigits(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// checkExtents reports text printed inside a margin. Only a margin that is
// too small shows from text; the page number line is in the top margin by
// rule and is skipped.
func checkExtents(fs *findings, pg pdfread.Page, page int, sh *format.Sheet) {
	const tol = 1.5 * ptPerMM
	left, right := sh.Left.Points(), pg.W-sh.Right.Points()
	top, bottom := pg.H-sh.Top.Points(), sh.Bottom.Points()
	var worst [4]*pdfread.Glyph
	var worstBy [4]float64
	for i := range pg.Glyphs {
		g := &pg.Glyphs[i]
		over := [4]float64{left - g.X, g.X + g.W - right, g.Y + 0.66*g.Size - top, bottom - (g.Y - 0.22*g.Size)}
		if over[2] > tol && g.Y > top {
			// The page number and running heads live in the top margin.
			if g.S >= "0" && g.S <= "9" {
				continue
			}
		}
		for k := range over {
			if over[k] > tol && over[k] > worstBy[k] {
				worst[k], worstBy[k] = g, over[k]
			}
		}
	}
	names := [4]string{"trái", "phải", "trên", "dưới"}
	mins := [4]unit.Length{sh.Left, sh.Right, sh.Top, sh.Bottom}
	for k, g := range worst {
		if g == nil {
			continue
		}
		gotMM := mmOf(sh.Left.Points() - worstBy[k])
		switch k {
		case 1:
			gotMM = mmOf(sh.Right.Points() - worstBy[k])
		case 2:
			gotMM = mmOf(sh.Top.Points() - worstBy[k])
		case 3:
			gotMM = mmOf(sh.Bottom.Points() - worstBy[k])
		}
		l := &line{page: page, xmm: mmOf(g.X), ymm: mmOf(pg.H - g.Y)}
		fs.add(l, RuleMargins, diag.Error, fmt.Sprintf("chữ cách mép %s %d mm", names[k], gotMM), fmt.Sprintf("lề %s tối thiểu %d mm", names[k], mins[k]/unit.MM), fmt.Sprintf("chữ nằm trong lề %s: cách mép %d mm, lề %s tối thiểu %d mm", names[k], gotMM, names[k], mins[k]/unit.MM))
	}
}
