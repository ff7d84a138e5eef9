package docimport

import (
	"fmt"
	"regexp"
	"strings"

	"vanban/internal/docimport/docx"
)

// attached is a text the document issues, printed after its signature on
// new pages (Phụ lục III, Mẫu 1.3: "Ban hành kèm theo Quyết định này Quy
// chế …"): its own header, tên loại, trích yếu, "(Kèm theo …)" line, body
// and the signature repeated.
type attached struct {
	typeName string     // "QUY CHẾ"
	summary  string     // its trích yếu
	title    line       // where the tên loại was read
	items    []bodyItem // its body
	signed   bool       // its closing signature was read: the text is over
}

// attachedTitleNext says whether the paragraph at i (an upper-case,
// centred line after the signature) opens an attached text rather than a
// phụ lục: a centred trích yếu follows it, then a "(Kèm theo …)" line.
func attachedTitleNext(blocks []docx.Block, i int) bool {
	seen := 0
	for k := i + 1; k < len(blocks) && seen < 4; k++ {
		p := blocks[k].Para
		if p == nil {
			return false
		}
		t := clean(p.Text())
		if t == "" {
			continue
		}
		seen++
		if seen == 1 && !summaryLike(p, t) {
			return false
		}
		if seen > 1 && strings.HasPrefix(t, "(Kèm theo") {
			return true
		}
	}
	return false
}

// appendixTable places a table met after the signature: the header of an
// attached text, a table or the closing signature of one, or the list of
// a phụ lục.
func (dr *draft) appendixTable(t *docx.Table, rec, unplaced func(line, string)) {
	left, right := columns(t)
	switch {
	case dr.att == nil && dr.appendix == nil && dr.appendixTitle == "" && headerLike(left, right):
		dr.att = &attached{}
		for _, l := range append(left, right...) {
			if l.text != "" {
				rec(l, "đầu văn bản kèm theo (vanban tự tạo)")
			}
		}
	case dr.att != nil && !dr.att.signed && dr.sameSigner(right):
		dr.att.signed = true
		for _, l := range append(left, right...) {
			if l.text != "" {
				rec(l, "chữ ký cuối văn bản kèm theo (vanban tự tạo)")
			}
		}
	case dr.att != nil && !dr.att.signed:
		dr.att.items = append(dr.att.items, bodyItem{t: t})
		rec(line{where: fmt.Sprintf("bảng %d", t.N), text: firstCell(t)}, "bảng trong văn bản kèm theo")
	case dr.att == nil && dr.appendix == nil:
		dr.appendix = t
		rec(line{where: fmt.Sprintf("bảng %d", t.N), text: dr.appendixTitle}, "bảng danh sách kèm theo")
	default:
		unplacedTable(t, "bảng sau phần cuối văn bản: chưa đặt được", unplaced)
	}
}

// unplacedTable reports every non-empty paragraph of t.
func unplacedTable(t *docx.Table, why string, unplaced func(line, string)) {
	left, right := columns(t)
	for _, l := range append(left, right...) {
		if l.text != "" {
			unplaced(l, why)
		}
	}
}

// sameSigner says whether the signer column right ends with the name that
// signed the document.
func (dr *draft) sameSigner(right []line) bool {
	name := strings.TrimSpace(dr.signerName)
	for k := len(right) - 1; k >= 0; k-- {
		if right[k].text != "" {
			return name != "" && right[k].text == name
		}
	}
	return false
}

// attachedPara places the paragraph at i of an attached text: its tên
// loại, trích yếu (with its continuation lines), the "(Kèm theo …)" line
// vanban writes, or its body. It returns the index of the last paragraph
// used.
func (dr *draft) attachedPara(blocks []docx.Block, i int, l line, rec func(line, string)) int {
	a := dr.att
	p := blocks[i].Para
	switch {
	case a.typeName == "" && len(a.items) == 0 && isUpper(l.text) && (p.Align == docx.Center || attachedTitleNext(blocks, i)):
		a.typeName, a.title = l.text, l
		rec(l, "tên loại văn bản kèm theo")
	case a.typeName != "" && a.summary == "" && len(a.items) == 0 && summaryLike(p, l.text):
		a.summary = l.text
		// As for the document's own trích yếu (Import): continuation
		// lines only while centred or bold.
		for i+1 < len(blocks) && blocks[i+1].Para != nil && titleLook(p) && titleLook(blocks[i+1].Para) {
			n := mkLine(blocks[i+1].Para, nil, 0)
			if n.text == "" || !summaryLike(blocks[i+1].Para, n.text) {
				break
			}
			a.summary += " " + n.text
			i++
		}
		rec(l, "trích yếu văn bản kèm theo")
	case len(a.items) == 0 && strings.HasPrefix(l.text, "(Kèm theo"):
		if m := reAttached.FindStringSubmatch(l.text); m != nil {
			dr.fullName = m[1]
		}
		dr.attachedLine = l
		rec(l, "dòng kèm theo (vanban tự tạo)")
	default:
		a.items = append(a.items, bodyItem{l: &l})
	}
	return i
}

var (
	reIssueArt1 = regexp.MustCompile(`^Điều 1\.\s*(.+?) kèm theo Quyết định này (.+)$`)
	reIssueArt2 = regexp.MustCompile(`^Điều 2\.\s*(.+)$`)
	reIssueArt3 = regexp.MustCompile(`^Điều 3\.\s*(.+?) chịu trách nhiệm thi hành Quyết định này\./\.$`)
	reProposer  = regexp.MustCompile(`^Theo đề nghị của (.+?)[.;]?$`)
)

// issuing takes the fields of a decision that issues an attached text
// (templates/quyet-dinh-ban-hanh.md) out of its body and writes the
// attached text into the keys k.Attached names. What does not fit stays in
// the returned items (reported when the template has no free body).
func (dr *draft) issuing(w *tomlWriter, k *Kind, items []bodyItem, rec, unplaced func(line, string)) []bodyItem {
	t := &w.top
	if k.Fields["tham_quyen"] && dr.authority != "" {
		w.kv(t, "tham_quyen", quote(dr.authority))
		dr.authorityPlaced = true
	}
	// The căn cứ block: every quoted line; the last "Theo đề nghị của …"
	// is de_nghi_cua when the template has it.
	var bases []line
	for len(items) > 0 && items[0].l != nil && isQuote(items[0].l.p) {
		bases = append(bases, *items[0].l)
		items = items[1:]
	}
	if n := len(bases); n > 0 && k.Fields["de_nghi_cua"] {
		if m := reProposer.FindStringSubmatch(bases[n-1].text); m != nil {
			w.kv(t, "de_nghi_cua", quote(m[1]))
			rec(bases[n-1], "người đề nghị (de_nghi_cua)")
			bases = bases[:n-1]
		}
	}
	if len(bases) > 0 {
		if k.Fields["can_cu"] {
			var cc []string
			for _, b := range bases {
				cc = append(cc, strings.TrimRight(b.text, ";. "))
				rec(b, "căn cứ (can_cu)")
			}
			w.kv(t, "can_cu", list(cc))
		} else {
			pre := make([]bodyItem, len(bases))
			for j := range bases {
				pre[j] = bodyItem{l: &bases[j]}
			}
			items = append(pre, items...)
		}
	}
	a := dr.att
	var rest []bodyItem
	for _, it := range items {
		if it.l == nil {
			rest = append(rest, it)
			continue
		}
		s := it.l.text
		switch m1, m2, m3 := reIssueArt1.FindStringSubmatch(s), reIssueArt2.FindStringSubmatch(s), reIssueArt3.FindStringSubmatch(s); {
		case s == "QUYẾT ĐỊNH:":
			rec(*it.l, "chữ \"QUYẾT ĐỊNH:\" (vanban tự tạo)")
		case m1 != nil && strings.EqualFold(strings.TrimSuffix(m1[2], "."), a.typeName+" "+a.summary):
			if m1[1] != "Ban hành" && k.Fields["hanh_dong"] {
				w.kv(t, "hanh_dong", quote(m1[1]))
			}
			rec(*it.l, "Điều 1: ban hành văn bản kèm theo (vanban tự tạo từ tên loại, trích yếu)")
		case m3 != nil && k.Fields["thi_hanh"]:
			w.kv(t, "thi_hanh", quote(m3[1]))
			rec(*it.l, "Điều 3: thi hành (thi_hanh)")
		case m2 != nil && k.Fields["hieu_luc"]:
			w.kv(t, "hieu_luc", quote(m2[1]))
			rec(*it.l, "Điều 2: hiệu lực (hieu_luc)")
		default:
			rest = append(rest, it)
		}
	}
	ak := k.Attached
	w.kv(t, ak.Type, quote(a.typeName))
	w.kv(t, ak.Summary, quote(a.summary))
	if body := strings.TrimSpace(markdown(a.items, rec)); body != "" {
		w.kv(t, ak.Body, multiline(body+"\n"))
	}
	return rest
}

// attachedMarkdown writes an attached text as the body markup of a
// template that has no keys for one: "::: van-ban-kem-theo TÊN LOẠI", its
// trích yếu as the first heading, then its body.
func (a *attached) markdown(rec func(line, string)) string {
	typ := a.typeName
	if typ == "" {
		typ = "VĂN BẢN"
	}
	s := "::: van-ban-kem-theo " + escape(typ) + "\n"
	if a.summary != "" {
		s += "# " + escape(a.summary) + "\n"
	}
	return s + "\n" + markdown(a.items, rec)
}
