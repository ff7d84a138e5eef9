package data

import (
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"vanban/internal/diag"
)

// Dump writes a stable text form of in, the golden format of the data
// stage: the typed facts, then every value by key in key order with the
// position it was written at ("@" when it came from no file: a default or
// a computed value).
func Dump(w io.Writer, in *Input) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Input file=%s template=%q\n", in.File, in.Template)
	fmt.Fprintf(&b, "  number=%d date=%s numbering=%s\n", in.Number, in.Date.ISO(), in.Numbering)
	fmt.Fprintf(&b, "  org parent=%q name=%q abbrev=%q place=%q full=%q level=%s\n",
		in.Org.Parent, in.Org.Name, in.Org.Abbrev, in.Org.Place, in.Org.FullName, in.Org.Level)
	fmt.Fprintf(&b, "  signer authority=%q on-behalf-of=%q head=%q title=%q name=%q\n",
		in.Signer.Authority, in.Signer.OnBehalfOf, in.Signer.Head, in.Signer.Title, in.Signer.Name)
	keys := make([]string, 0, len(in.Values))
	for k := range in.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dumpValue(&b, "  ", k, in.Values[k], in.Pos[k], in.Pos, k)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dumpValue(b *strings.Builder, indent, key string, v any, at diag.Pos, pos map[string]diag.Pos, path string) {
	where := " @" + posText(at)
	switch v := v.(type) {
	case map[string]any:
		fmt.Fprintf(b, "%s%s%s\n", indent, key, where)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			dumpValue(b, indent+"  ", k, v[k], pos[path+"."+k], pos, path+"."+k)
		}
	case []Row:
		fmt.Fprintf(b, "%s%s%s rows=%d\n", indent, key, where, len(v))
		for i, r := range v {
			fmt.Fprintf(b, "%s  [%d] @%s\n", indent, i, posText(r.At))
			keys := make([]string, 0, len(r.Values))
			for k := range r.Values {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				dumpValue(b, indent+"    ", k, r.Values[k], r.Cell(k), nil, "")
			}
		}
	case DocRef:
		fmt.Fprintf(b, "%s%s%s = DocRef ref=%q type=%q number=%q date=%s issuer=%q pending=%v\n",
			indent, key, where, v.Ref, v.Type, v.Number, v.Date.ISO(), v.Issuer, v.Pending)
	case Date:
		fmt.Fprintf(b, "%s%s%s = %s\n", indent, key, where, v.ISO())
	case string:
		fmt.Fprintf(b, "%s%s%s = %q\n", indent, key, where, v)
	case []string:
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = fmt.Sprintf("%q", s)
		}
		fmt.Fprintf(b, "%s%s%s = [%s]\n", indent, key, where, strings.Join(q, " "))
	default:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
			fmt.Fprintf(b, "%s%s%s = %q\n", indent, key, where, rv.String())
			return
		}
		fmt.Fprintf(b, "%s%s%s = %v\n", indent, key, where, v)
	}
}

func posText(p diag.Pos) string {
	if !p.IsValid() {
		return ""
	}
	return p.String()
}
