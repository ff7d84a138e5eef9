package check

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/diag"
	"vanban/internal/docimport/docx"
)

// Rule lengths (Phụ lục I): the rule under the Tiêu ngữ is as long as the
// Tiêu ngữ (II.1.b); the rules under the issuing body (II.2.b) and under
// the trích yếu (II.5.b) are 1/3 to 1/2 of the line above. format renders
// them at RuleNum/RuleDen of the widest line. The slack covers what a
// DOCX shows only approximately: widths are estimated from the standard
// Times metrics, and where a line wraps its widest line lies between the
// even split and the box.
const (
	fracLo, fracHi   = 1.0/3 - 0.03, 1.0/2 + 0.03
	mottoLo, mottoHi = 0.85, 1.15
)

// ruleCase is one rule to look for.
type ruleCase struct {
	anchor int   // the line the rule lies under
	group  []int // the lines whose widest one sets its length
	name   string
	motto  bool // as long as the line (Tiêu ngữ) rather than 1/3–1/2
}

func ruleCases(ls []line, p parts) []ruleCase {
	var out []ruleCase
	if p.tieu >= 0 {
		out = append(out, ruleCase{p.tieu, []int{p.tieu}, "Tiêu ngữ", true})
	}
	var iss []int
	for _, i := range p.issuer {
		if ls[i].bold {
			iss = append(iss, i)
		}
	}
	if len(iss) > 0 {
		out = append(out, ruleCase{iss[len(iss)-1], iss, "tên cơ quan ban hành", false})
	}
	switch {
	case len(p.summary) > 0:
		out = append(out, ruleCase{p.summary[len(p.summary)-1], p.summary, "trích yếu", false})
	case p.titleType >= 0:
		out = append(out, ruleCase{p.titleType, []int{p.titleType}, "tên loại văn bản", false})
	}
	return out
}

// ruleMissing reports a rule case whose line has no rule under it; a rule
// typed as characters on the next line is reported by checkLines instead.
func ruleMissing(fs *findings, ls []line, c ruleCase) bool {
	if ls[c.anchor].rule > 0 {
		return false
	}
	if n := c.anchor + 1; n < len(ls) && reRuleTyped.MatchString(ls[n].text) {
		return true
	}
	fs.add(&ls[c.anchor], RuleRule, diag.Error, "không có đường kẻ", "đường kẻ ngang, nét liền dưới "+c.name,
		"thiếu đường kẻ ngang, nét liền dưới "+c.name)
	return true
}

func ruleLength(fs *findings, l *line, c ruleCase, lo, hi float64) {
	rule := float64(l.rule)
	want, wlo, whi := "1/3–1/2 độ dài dòng chữ", fracLo, fracHi
	if c.motto {
		want, wlo, whi = "bằng độ dài dòng chữ", mottoLo, mottoHi
	}
	if rule >= wlo*lo && rule <= whi*hi {
		return
	}
	ratio := rule / hi
	if rule > whi*hi {
		ratio = rule / lo
	}
	found := fmt.Sprintf("đường kẻ dài %d mm (%d%% dòng chữ)", twMM(int64(rule)), int(math.Round(ratio*100)))
	fs.add(l, RuleRule, diag.Warning, found, want, fmt.Sprintf("đường kẻ dưới %s dài %d mm, phải %s", c.name, twMM(int64(rule)), want))
}

// checkRulesDOCX checks the rules of a DOCX; widths are estimated.
func checkRulesDOCX(fs *findings, ls []line, p parts) {
	for _, c := range ruleCases(ls, p) {
		l := &ls[c.anchor]
		if ruleMissing(fs, ls, c) || l.rule <= 1 {
			continue
		}
		lo, hi := 0.0, 0.0
		wrapped := false
		for _, i := range c.group {
			g := &ls[i]
			w := textWidth(g.text, g.size, g.bold)
			box := 0.0
			if g.p != nil && g.box > 0 {
				box = float64(g.box - g.p.IndLeft - g.p.IndRight)
			}
			a, b := w, w
			if box > 0 && w > box {
				n := math.Ceil(w / box)
				a, b = w/n, box
				wrapped = true
			}
			lo, hi = math.Max(lo, a), math.Max(hi, b)
		}
		if lo == 0 || c.motto && wrapped {
			continue
		}
		ruleLength(fs, l, c, lo, hi)
	}
}

// checkRulesPDF checks the rules of a PDF, where widths are measured.
func checkRulesPDF(fs *findings, ls []line, p parts) {
	for _, c := range ruleCases(ls, p) {
		l := &ls[c.anchor]
		if ruleMissing(fs, ls, c) {
			continue
		}
		w := 0.0
		for _, i := range c.group {
			w = math.Max(w, (ls[i].x1-ls[i].x0)*20)
		}
		if w > 0 {
			ruleLength(fs, l, c, w, w)
		}
	}
}

// textWidth estimates the width in twips of s set in Times New Roman at
// halfPoints, from the widths of the PDF standard fonts Times-Roman and
// Times-Bold (Liberation Serif and Tinos share them); a Vietnamese letter
// takes the width of its base letter.
func textWidth(s string, halfPoints int, bold bool) float64 {
	if halfPoints == 0 {
		halfPoints = 26
	}
	tab := &timesRoman
	if bold {
		tab = &timesBold
	}
	units := 0
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'Đ':
			r = 'D'
		case r == 'đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		if r >= 32 && r < 127 {
			units += int(tab[r-32])
		} else {
			units += 500
		}
	}
	return float64(units) * float64(halfPoints) * 10 / 1000
}

// Advance widths of ASCII 32–126 in Times-Roman and Times-Bold (Adobe
// core-font metrics, 1/1000 em).
var timesRoman = [95]int16{
	250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
	921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
	556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
	333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
	500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
}

var timesBold = [95]int16{
	250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278,
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
	930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
	611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
	333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
	556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
}

var (
	reAuthority = regexp.MustCompile(`^(?:TM|KT|Q|TL|TUQ)\.\s`)
	reRoman     = regexp.MustCompile(`^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)\.\s`)
	reArabic    = regexp.MustCompile(`^[0-9]{1,2}\.\s`)
	reBasis     = regexp.MustCompile(`^Căn\s+cứ\s`)
)

// checkSigner checks the signer block (Phụ lục I, II.7.đ): the lines of
// the right column after "Nơi nhận": quyền hạn (TM., KT., Q., TL., TUQ.)
// and chức vụ in bold capitals, the name in bold, all centred in the
// column. Placeholder lines in brackets (the decree's samples) are skipped.
func checkSigner(fs *findings, ls []line, p parts) {
	if p.recipients < 0 {
		return
	}
	var sig []int
	tbl := -1
	label := &ls[p.recipients]
	for i := p.recipients + 1; i < len(ls) && i < p.recipients+60; i++ {
		l := &ls[i]
		if label.p == nil {
			// PDF: the signature sits beside Nơi nhận, on its page, within
			// the height of a signature block.
			if l.page != label.page || l.ymm > label.ymm+70 {
				break
			}
		} else if l.col == 0 {
			break
		}
		if l.col != 2 || strings.HasPrefix(l.text, "(") {
			continue
		}
		if tbl < 0 {
			tbl = l.tbl
		} else if l.tbl != tbl {
			break
		}
		sig = append(sig, i)
	}
	if len(sig) < 2 {
		return
	}
	name := sig[len(sig)-1]
	for _, i := range sig {
		l := &ls[i]
		if i == name {
			if !l.bold {
				fs.add(l, RuleSigner, diag.Error, "chữ không đậm", "chữ in thường, đậm", "họ tên người ký phải in đậm")
			}
			if isUpper(l.text) {
				fs.add(l, RuleSigner, diag.Warning, l.text, "chữ in thường", "họ tên người ký viết chữ in thường (chữ cái đầu viết hoa)")
			}
			continue
		}
		what := "chức vụ người ký"
		if reAuthority.MatchString(l.text) {
			what = "quyền hạn người ký (" + strings.Fields(l.text)[0] + ")"
		}
		if !l.bold {
			fs.add(l, RuleSigner, diag.Error, "chữ không đậm", "chữ in hoa, đậm", what+" phải in đậm")
		}
		if !isUpper(l.text) {
			fs.add(l, RuleSigner, diag.Error, l.text, upperVI.String(l.text), what+" phải viết chữ in hoa")
		}
	}
	// Centred in the column: DOCX by alignment, PDF by a common centre.
	var centres []float64
	for _, i := range sig {
		if l := &ls[i]; l.p == nil && l.x1 > l.x0 {
			centres = append(centres, (l.x0+l.x1)/2)
		}
	}
	sort.Float64s(centres)
	for _, i := range sig {
		l := &ls[i]
		off := l.p != nil && l.p.Align != docx.Center
		if l.p == nil && len(centres) > 0 {
			off = math.Abs((l.x0+l.x1)/2-centres[len(centres)/2]) > 4
		}
		if off {
			fs.add(l, RuleSigner, diag.Error, "không căn giữa", "căn giữa cột chữ ký", "khối chữ ký (quyền hạn, chức vụ, họ tên) căn giữa trong cột chữ ký")
			break
		}
	}
}

// checkBody checks what both formats show of the body: căn cứ lines in
// italics (Phụ lục I, II.6.a) and the headings of parts and sections
// (II.6.đ): "I." in bold capitals, a short "1." heading in bold.
func checkBody(fs *findings, ls []line, p parts) {
	basis, cont := true, false // still in the căn cứ lines; a PDF căn cứ paragraph goes on
	for i := p.bodyStart; i < p.bodyEnd; i++ {
		l := &ls[i]
		if l.table {
			continue
		}
		if cont {
			cont = !endsClause(l.text)
			continue
		}
		if basis && isUpper(l.text) && i < p.bodyStart+2 {
			continue // the thẩm quyền ban hành line of a Quyết định
		}
		if basis && reBasis.MatchString(l.text) && basisPara(ls, i, p.bodyEnd) {
			if !l.italic {
				fs.addAgg(l, RuleBasis, diag.Error, "chữ đứng", "chữ nghiêng", "căn cứ ban hành văn bản phải in nghiêng")
			}
			cont = l.p == nil && !endsClause(l.text)
			continue
		}
		basis = false
		if l.p == nil {
			continue // a PDF line is not a paragraph: a wrapped line may start "1. "
		}
		t := l.text
		n := len([]rune(t))
		switch {
		case reRoman.MatchString(t) && n <= 200:
			if !l.bold {
				fs.addAgg(l, RuleHeading, diag.Warning, "chữ không đậm", "chữ in hoa, đậm", "đề mục \""+strings.Fields(t)[0]+"\" in đậm")
			}
			if !isUpper(t) {
				fs.addAgg(l, RuleHeading, diag.Warning, "chữ in thường", "chữ in hoa, đậm", "đề mục \""+strings.Fields(t)[0]+"\" viết chữ in hoa")
			}
		case reArabic.MatchString(t) && n <= 80 && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ";") && !strings.HasSuffix(t, ":") && !l.bold && !l.italic:
			fs.addAgg(l, RuleHeading, diag.Warning, "chữ không đậm", "chữ đậm", "đề mục \""+strings.Fields(t)[0]+"\" in đậm")
		}
	}
}

// endsClause reports whether a line ends a căn cứ clause or a sentence.
func endsClause(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, ";") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",")
}

// basisPara reports whether the paragraph starting at line i is a căn cứ
// ban hành: it ends with ";" or "." (the last căn cứ), not with the ":"
// of an opening sentence ("Căn cứ …, Ủy ban nhân dân xã ban hành … như
// sau:"). A PDF paragraph runs over the lines up to the one that ends it.
func basisPara(ls []line, i, end int) bool {
	for k := i; k < end && k < i+8; k++ {
		t := strings.TrimSpace(ls[k].text)
		if ls[k].p != nil || endsClause(t) {
			return strings.HasSuffix(t, ";") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",")
		}
	}
	return false
}

// checkLineSpacing checks the line pitch of the DOCX body (Phụ lục I,
// II.6.e: from single to 1.5 lines). Single spacing of Times New Roman is
// 1.15 times the size; an exact or at-least pitch is compared with it.
func checkLineSpacing(fs *findings, ls []line, p parts) {
	for i := p.bodyStart; i < p.bodyEnd; i++ {
		l := &ls[i]
		if l.table || l.p == nil || len([]rune(l.text)) < 90 {
			continue
		}
		size := l.size
		if size == 0 {
			size = 28
		}
		single := float64(size) * 10 * 1.15 // twips
		var pitch float64
		switch l.p.LineRule {
		case docx.LineExact, docx.LineAtLeast:
			pitch = float64(l.p.Line)
		default:
			if l.p.Line == 0 {
				continue
			}
			pitch = single * float64(l.p.Line) / 240
		}
		if l.p.LineRule == docx.LineAtLeast && pitch < single {
			continue // at least less than single is single
		}
		if pitch < single-10 || pitch > 1.5*single+10 {
			found := fmt.Sprintf("giãn dòng %s pt", ptTw(int(math.Round(pitch))))
			fs.addAgg(l, RuleLineSpacing, diag.Warning, found, "từ dòng đơn đến 1,5 dòng", "khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 dòng")
		}
	}
}
