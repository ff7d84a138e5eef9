package docimport

import (
	"strings"

	"vanban/internal/data"
	"vanban/internal/tmpl"
)

// AttachedKeys name the keys that hold a text the document issues (Phụ lục
// III, Mẫu 1.3: a Quyết định that issues a Quy chế printed after it).
type AttachedKeys struct {
	Type    string // the text's tên loại, e.g. "kem_theo_ten_loai"
	Summary string // its trích yếu, e.g. "kem_theo_trich_yeu"
	Body    string // its body (CommonMark), e.g. "kem_theo"
}

// KindsOf lists the templates of set for Options.Kinds.
func KindsOf(set *tmpl.Set) []Kind {
	var out []Kind
	for _, n := range set.Names() {
		t, ok := set.Get(n)
		if !ok {
			continue
		}
		k := Kind{Name: t.Name, Type: t.Type, Code: t.Code, Letter: t.Letter, Fields: map[string]bool{},
			Unnumbered: t.Unnumbered, NoRecipients: t.NoRecipients, NoSummary: t.NoSummary, Columns: map[string][]string{}}
		if t.Schema != nil {
			for _, f := range t.Schema.Fields {
				k.Fields[f.Key] = true
				if f.Kind == data.KindTableList {
					for _, c := range f.Sub {
						k.Columns[f.Key] = append(k.Columns[f.Key], c.Key)
					}
				}
			}
			k.Attached = attachedKeys(t.Schema.Fields)
		}
		out = append(out, k)
	}
	return out
}

// attachedKeys finds, in a template's front matter, a body field P with
// string fields P_ten_loai and P_trich_yeu beside it: the keys of an
// attached text. It returns nil when there is none.
func attachedKeys(fields []data.Field) *AttachedKeys {
	kinds := map[string]data.Kind{}
	for _, f := range fields {
		kinds[f.Key] = f.Kind
	}
	for _, f := range fields {
		if f.Kind != data.KindMarkdown || strings.HasSuffix(f.Key, "_") {
			continue
		}
		typ, sum := f.Key+"_ten_loai", f.Key+"_trich_yeu"
		if kt, ok := kinds[typ]; ok && kt == data.KindString {
			if ks, ok := kinds[sum]; ok && ks == data.KindString {
				return &AttachedKeys{Type: typ, Summary: sum, Body: f.Key}
			}
		}
	}
	return nil
}
