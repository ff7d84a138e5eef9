package law

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"vanban/internal/data"
	"vanban/internal/diag"
)

// Check returns the problems of thi đua, khen thưởng data in a document:
// awards that are unknown or that the granting body may not grant at that
// level and date, nominees listed twice, deadlines before the issue date, a
// district body after the reform. grants says who grants the listed awards:
// the issuing body, the level in cap_xet, or nobody (a report: no award is
// checked, but a counted award that matches none vanban knows is a warning,
// since its count cannot be compared with the cited decision).
func Check(in *data.Input, grants Grantor) diag.List {
	var l diag.List
	level := NoLevel
	switch grants {
	case GrantsIssuer:
		level = IssuerLevel(in)
	case GrantsSuperior:
		level, _ = in.Values["cap_xet"].(Level)
	}
	for _, k := range slices.Sorted(maps.Keys(in.Values)) {
		switch v := in.Values[k].(type) {
		case []data.Row:
			l.Append(checkRows(in, k, v, grants, level))
		case data.Date:
			if strings.HasPrefix(k, "han_") && !v.IsZero() && !in.Date.IsZero() && Before(v, in.Date) {
				l.Add(diag.New(in.At(k), diag.CodeDeadline, k, v.Short(), in.Date.Short()))
			}
		}
	}
	if !in.Date.IsZero() && !Before(in.Date, Reform()) {
		l.Append(district(in))
	}
	return l
}

func checkRows(in *data.Input, key string, rows []data.Row, grants Grantor, level Level) diag.List {
	var l diag.List
	seen := map[string]diag.Pos{}
	for _, r := range rows {
		pos, cellAt := r.At, r.Cell
		if name := nominee(r); name != "" {
			id := strings.ToLower(name + "|" + r.Str("don_vi") + "|" + r.Str("chuc_vu"))
			if first, dup := seen[id]; dup {
				l.Add(diag.New(pos, diag.CodeDuplicate, name, first.Line))
			} else {
				seen[id] = pos
			}
		}
		award := r.Str("hinh_thuc")
		if award == "" {
			continue
		}
		if grants == NoGrantor {
			l.Append(countLabel(in, r, award))
			continue
		}
		a, ok := Find(award)
		if !ok {
			l.Add(diag.New(cellAt("hinh_thuc"), diag.CodeAwardUnknown, award, strings.Join(Names(), "; ")).WithLen(len([]rune(award)) + 2))
			continue
		}
		if level == NoLevel || in.Date.IsZero() {
			continue
		}
		if _, ok := a.GrantedBy(level, in.Date); !ok {
			l.Add(diag.New(cellAt("hinh_thuc"), diag.CodeAwardLevel, fmt.Sprintf("%q", award), level.Name(), in.Date.Short(), authority(a, in.Date)).
				WithLen(len([]rune(award)) + 2))
		}
	}
	return l
}

// authority is the hint of an award a body may not grant: who may, and by
// which clause.
func authority(a Award, d data.Date) string {
	gs := a.Granters(d)
	if len(gs) == 0 {
		return "hình thức này không còn từ ngày 01/7/2025 (không còn cấp huyện)"
	}
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.Level.Name() + " (" + g.Clause + ")"
	}
	return "thẩm quyền tặng: " + strings.Join(parts, "; ")
}

// countLabel warns about a row of a report that states a count
// (so_tap_the, so_ca_nhan) of an award vanban does not know: the count
// against the cited decision's list cannot be checked, and D019 would
// otherwise be skipped without a word. A warning, not an error: a report
// may rightly count awards outside vanban's table (Bằng khen của Thủ tướng,
// Huân chương, Kỷ niệm chương), and the document is still correct.
func countLabel(in *data.Input, r data.Row, award string) diag.List {
	var l diag.List
	_, hasT := r.Values["so_tap_the"]
	_, hasC := r.Values["so_ca_nhan"]
	if !hasT && !hasC {
		return l
	}
	if _, ok := Match(award); ok {
		return l
	}
	cited := "quyết định được trích dẫn"
	for _, k := range slices.Sorted(maps.Keys(r.Values)) {
		if ref, ok := r.Values[k].(data.DocRef); ok && ref.Ref != "" {
			cited = ref.Ref
			break
		}
	}
	l.Add(diag.New(r.Cell("hinh_thuc"), diag.CodeCountUnknown, award, cited, strings.Join(Names(), "; ")).WithLen(len([]rune(award)) + 2))
	return l
}

// nominee returns the name of a list row: ho_ten of a person, ten of a
// collective.
func nominee(r data.Row) string {
	if s := r.Str("ho_ten"); s != "" {
		return s
	}
	return r.Str("ten")
}

// district warns about a district named in the header, the addressees or
// the recipients of a document dated after the reform, when there is no
// district level any more.
func district(in *data.Input) diag.List {
	var l diag.List
	check := func(key string, names []string) bool {
		for _, n := range names {
			if strings.Contains(strings.ToLower(n), "huyện") {
				l.Add(diag.New(in.At(key), diag.CodeNoDistrict, in.Date.Short(), n))
				return true
			}
		}
		return false
	}
	if !check("co_quan.ten", append(append([]string{}, in.Org.Parent...), in.Org.Name...)) && IssuerLevel(in) == District {
		l.Add(diag.New(in.At("co_quan.ten"), diag.CodeNoDistrict, in.Date.Short(), strings.Join(in.Org.Name, " ")))
	}
	check("kinh_gui", in.Addressees)
	check("noi_nhan", in.Recipients)
	return l
}
