package engine

import (
	"fmt"
	"strconv"
	"strings"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/layout"
	"vanban/internal/model"
	"vanban/internal/unit"
)

// ApplyMarks fills the NĐ 30 marks (ô 10a–13, the draft marking) and the
// edition of doc from the values of in (keys khan, mat, luu_hanh,
// nguoi_soan_thao, so_ban, du_thao, ban, phu_luc_rieng and co_quan.dia_chi, dien_thoai,
// fax, email, website). edition, when not "", is the edition asked for on
// the command line, and wins over the data. A value vanban does not know
// is a positioned error; doc is left as it was for that key.
//
// ô 13 is printed only on a công văn (Phụ lục I, II.12 names no kind, but
// Mẫu 1.5 is the one showing it; the other forms leave it out): a choice.
func ApplyMarks(doc *model.Document, in *data.Input, edition string) diag.List {
	var l diag.List
	str := func(key string) string {
		s, _ := in.Values[key].(string)
		return strings.TrimSpace(s)
	}
	bad := func(key, v string, allowed []string) {
		q := make([]string, len(allowed))
		for i, a := range allowed {
			q[i] = fmt.Sprintf("%q", a)
		}
		l.Add(diag.New(in.At(key), diag.CodeType, key, strings.Join(q, ", ")+` hoặc ""`, fmt.Sprintf("%q", v), q[0]))
	}
	m := model.Marks{At: in.At("khan")}
	if v := str("khan"); v != "" {
		if _, _, ok := format.UrgencyStamp(v); ok {
			m.Urgency = v
		} else {
			bad("khan", v, format.UrgencyLevels())
		}
	}
	if v := str("mat"); v != "" {
		if _, _, ok := format.SecrecyStamp(v); ok {
			m.Secrecy = v
		} else {
			bad("mat", v, format.SecrecyLevels())
		}
	}
	m.Circulation = str("luu_hanh")
	m.Drafter = str("nguoi_soan_thao")
	if n, ok := in.Values["so_ban"].(int64); ok && n > 0 {
		m.Copies = int(min(n, 1_000_000))
	}
	m.Draft = str("du_thao")
	if doc.Title.Letter {
		org, _ := in.Values["co_quan"].(map[string]any)
		get := func(k string) string { s, _ := org[k].(string); return s }
		m.Contact = format.ContactLines(format.Contact{Address: get("dia_chi"), Phone: get("dien_thoai"),
			Fax: get("fax"), Email: get("email"), Website: get("website")})
	}
	doc.Marks = m
	key := "ban"
	if edition == "" {
		edition = str("ban")
	}
	switch edition {
	case "", "giay":
		doc.Edition = model.Paper
	case "dien-tu":
		doc.Edition = model.Electronic
	default:
		bad(key, edition, []string{"giay", "dien-tu"})
	}
	// phu_luc_rieng = true (Phụ lục I, III.1.d; only the electronic
	// edition is concerned, see model.Document.Separate).
	doc.SeparateAppendices, _ = in.Values["phu_luc_rieng"].(bool)
	return l
}

// SigningMapJSON returns the signing map of an electronic document as
// written next to its PDF, <stem>.ky-so.json: for ô 7c (chu_ky), ô 8
// (con_dau), the clear area (vung_ky), ô 3 (so), ô 4 (ngay) and ô 14
// (o_14), the page from 1 and the rectangle twice: in PDF points from the
// bottom left corner of the page (x, y of the lower left corner, as PDF
// and the signing tools want it) and in millimetres from the top left
// corner. The map of a phụ lục in a file of its own has o_14 alone
// (layout.Signing.Box14Only). Numbers have two decimals; the bytes depend
// only on r.
func SigningMapJSON(r *layout.Result) []byte {
	sg := &r.Signing
	var b strings.Builder
	b.WriteString("{\n  \"don_vi\": {\"pt\": \"điểm PDF, gốc góc dưới bên trái trang\", \"mm\": \"milimét, gốc góc trên bên trái trang\"},\n")
	spots := []struct {
		key string
		s   layout.Spot
	}{{"chu_ky", sg.Signature}, {"con_dau", sg.Seal}, {"vung_ky", sg.Area}, {"so", sg.Number}, {"ngay", sg.Date}, {"o_14", sg.Box14}}
	if sg.Box14Only {
		// A phụ lục in a file of its own: only the organisation signs it,
		// at ô 14, which then shows the number and the signing time
		// (Phụ lục I, III.1.d).
		spots = spots[len(spots)-1:]
	}
	for i, sp := range spots {
		rc := sp.s.Rect
		h := r.Pages[sp.s.Page].H
		pt := func(l unit.Length) string { return strconv.FormatFloat(l.Points(), 'f', 2, 64) }
		mm := func(l unit.Length) string { return strconv.FormatFloat(float64(l)/float64(unit.MM), 'f', 2, 64) }
		fmt.Fprintf(&b, "  %q: {\"trang\": %d, \"pt\": {\"x\": %s, \"y\": %s, \"rong\": %s, \"cao\": %s}, \"mm\": {\"x\": %s, \"y\": %s, \"rong\": %s, \"cao\": %s}}",
			sp.key, sp.s.Page+1, pt(rc.X), pt(h-rc.Y-rc.H), pt(rc.W), pt(rc.H), mm(rc.X), mm(rc.Y), mm(rc.W), mm(rc.H))
		if i < len(spots)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return []byte(b.String())
}
