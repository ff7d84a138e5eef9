package docimport

import "vanban/internal/tmpl"

// KindsOf lists the templates of set for Options.Kinds.
func KindsOf(set *tmpl.Set) []Kind {
	var out []Kind
	for _, n := range set.Names() {
		t, ok := set.Get(n)
		if !ok {
			continue
		}
		k := Kind{Name: t.Name, Type: t.Type, Code: t.Code, Letter: t.Letter, Fields: map[string]bool{}}
		if t.Schema != nil {
			for _, f := range t.Schema.Fields {
				k.Fields[f.Key] = true
			}
		}
		out = append(out, k)
	}
	return out
}
