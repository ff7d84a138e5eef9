package engine

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"vanban/internal/data"
	"vanban/internal/diag"
	"vanban/internal/format"
	"vanban/internal/law"
	"vanban/internal/model"
)

// loaded is a document's input, cached for citations.
type loaded struct {
	in    *data.Input
	diags diag.List
}

// input loads a document of a workspace, once per engine.
func (e *Engine) input(j Job) (*data.Input, diag.List) {
	key := cacheKey(j)
	if c, ok := e.inputs[key]; ok {
		return c.in, c.diags
	}
	set, _ := e.Templates(j.Dir)
	var broken diag.List // the own problems of the document's template
	opt := data.Options{Schema: func(name string) (*data.Schema, []string, bool) {
		if ds := set.Diags(name); ds.HasErrors() {
			broken = ds
			return nil, nil, false
		}
		return set.Schema(name)
	}, Covers: e.fonts.Has, Year: e.opt.Year}
	if prof := e.profile(j.Dir); prof != nil && j.Name != ProfileName {
		opt.Profile, opt.Shared = ProfileName, prof
	}
	var fsys fs.FS = os.DirFS(j.Dir)
	switch raw, ok := e.inputsState.raw[key]; {
	case j.Src != nil:
		fsys = overlay{fsys, j.Name, j.Src}
	case ok:
		// Read for its key just before: the same bytes, not a second read.
		delete(e.inputsState.raw, key)
		fsys = overlay{fsys, j.Name, raw}
		e.inputsState.loaded(key, raw)
	default:
		fsys = capture{fsys, j.Name, func(b []byte) { e.inputsState.loaded(key, b) }}
	}
	in, ds := data.Load(fsys, j.Name, opt)
	if broken != nil {
		in, ds = nil, broken
	}
	ds = relocate(ds, j.Dir)
	e.inputs[key] = loaded{in, ds}
	return in, ds
}

// profile returns the shared profile of the workspace dir, read once per
// engine; nil when it has none.
func (e *Engine) profile(dir string) *data.Profile {
	if p, ok := e.profiles[dir]; ok {
		return p
	}
	var p *data.Profile
	if _, err := os.Stat(filepath.Join(dir, ProfileName)); err == nil {
		p = data.ReadProfile(os.DirFS(dir), ProfileName, e.fonts.Has)
	}
	if e.profiles == nil {
		e.profiles = map[string]*data.Profile{}
	}
	e.profiles[dir] = p
	return p
}

// cacheKey is the key of a document in the engine's caches: its path, or,
// for edited text (Job.Src), a key no file has.
func cacheKey(j Job) string {
	if j.Src != nil {
		return "\x00edited:" + j.Path()
	}
	return j.Path()
}

// prepared is a document's input with its citations resolved.
type prepared struct {
	in    *data.Input // nil when the document has errors
	diags diag.List   // its own load, citation and inheritance problems
}

// Input returns a document's data as the model is built from it: loaded,
// with its register number and date, citations resolved and lists
// inherited; nil when it has errors.
func (e *Engine) Input(j Job) (*data.Input, diag.List) { return e.prepare(j) }

// release drops a document from the caches once its files are made, unless
// another document cites it: memory then stays flat however large the
// workspace. A document cited later than that is loaded again, which gives
// the same result.
func (e *Engine) release(j Job) {
	if key := j.Path(); !e.cited[key] {
		delete(e.inputs, key)
		delete(e.prepared, key)
	}
}

// prepare loads a document and resolves its citations, once per engine.
// The cited documents are prepared first, so a Quyết định that inherits its
// lists from a Tờ trình shows them to a Báo cáo that cites the decision.
func (e *Engine) prepare(j Job) (*data.Input, diag.List) {
	key := cacheKey(j)
	if p, ok := e.prepared[key]; ok {
		return p.in, p.diags
	}
	if j.Src != nil {
		// Edited text is prepared afresh each time and forgotten after.
		defer func() { delete(e.inputs, key); delete(e.prepared, key) }()
	}
	e.prepared[key] = prepared{} // guards against re-entry while resolving
	in, ds := e.input(j)
	if in != nil {
		ds = append(append(diag.List{}, ds...), relocate(e.applyRegister(j, in), j.Dir)...)
		ds = append(ds, relocate(e.resolve(j, in), j.Dir)...)
		if ds.HasErrors() {
			in = nil
		} else {
			e.inherit(j, in)
		}
	}
	e.prepared[key] = prepared{in, ds}
	return in, ds
}

// inherit copies into in the lists its template inherits (front matter
// ke_thua = "to_trinh"): each table-list field left empty takes the value
// of the document cited by that field. A Quyết định thus grants exactly
// what its Tờ trình proposed, typed once.
func (e *Engine) inherit(j Job, in *data.Input) {
	set, _ := e.Templates(j.Dir)
	t, ok := set.Get(in.Template)
	if !ok || t.Inherits == "" {
		return
	}
	ref, ok := in.Values[t.Inherits].(data.DocRef)
	if !ok || ref.Ref == "" {
		return
	}
	cj := Job{Dir: j.Dir, Name: ref.Ref + ".toml"}
	e.cited[cj.Path()] = true
	e.cites(j, cj.Path())
	cited, _ := e.prepare(cj)
	if cited == nil {
		return
	}
	for k, v := range in.Values {
		if rows, isList := v.([]data.Row); isList && len(rows) == 0 {
			if src, ok := cited.Values[k].([]data.Row); ok {
				in.Values[k] = src
			}
		}
	}
}

// resolve fills in every citation of a workspace document (a DocRef with
// Ref set) from the cited document's data: its type, number and symbol,
// date and issuer. A cited document without a number yet gives blanks and a
// warning; an unknown document, one with errors, or citations that go round
// in a circle are errors at the citation.
func (e *Engine) resolve(j Job, in *data.Input) diag.List {
	var l diag.List
	visit(in.Values, func(r *data.DocRef, row *data.Row) {
		if r.Ref == "" {
			return
		}
		if chain, ok := e.cycle(j, r.Ref, []string{strings.TrimSuffix(j.Name, ".toml")}); ok {
			l.Add(diag.New(r.At, diag.CodeCiteCycle, strings.Join(chain, " → ")))
			return
		}
		cj := Job{Dir: j.Dir, Name: r.Ref + ".toml"}
		if _, err := os.Stat(cj.Path()); err != nil {
			l.Add(diag.New(r.At, diag.CodeCiteUnknown, r.Ref, strings.Join(WorkspaceDocs(j.Dir), ", ")).WithLen(len([]rune(r.Ref)) + 2))
			return
		}
		e.cited[cj.Path()] = true
		e.cites(j, cj.Path())
		cited, ds := e.prepare(cj)
		if cited == nil {
			l.Add(diag.New(r.At, diag.CodeCiteBroken, r.Ref, firstError(ds)))
			return
		}
		set, _ := e.Templates(j.Dir)
		t, _ := set.Get(cited.Template)
		if cited.Org.FullName == "" {
			l.Add(diag.New(r.At, diag.CodeNoIssuerName, "trích dẫn "+r.Ref))
			return
		}
		r.Type = format.SentenceCase(t.Type)
		r.Number = model.Number{Value: cited.Number, Symbol: t.Symbol(cited)}.Text()
		r.Date = cited.Date
		r.Issuer = cited.Org.FullName
		r.Summary = lowerFirst(t.SummaryOf(cited))
		r.Pending = cited.Number == 0
		if r.Pending {
			l.Add(diag.New(r.At, diag.CodeCitePending, r.Ref))
		}
		l.Append(countCheck(r, row, cited))
	})
	return l
}

// countCheck compares the counts a row states ("so_tap_the", "so_ca_nhan")
// with the lists of the document it cites ("tap_the", "ca_nhan"): the
// entries of the row's award (hinh_thuc), or all of them when the list has
// one award only under another wording.
func countCheck(r *data.DocRef, row *data.Row, cited *data.Input) diag.List {
	var l diag.List
	if row == nil {
		return l
	}
	cells := row.Cells
	for _, k := range []struct{ count, list, label string }{
		{"so_tap_the", "tap_the", "số tập thể"}, {"so_ca_nhan", "ca_nhan", "số cá nhân"},
	} {
		n, ok := row.Values[k.count].(int64)
		list, has := cited.Values[k.list].([]data.Row)
		if !ok || !has || n == 0 && cells[k.count] == (diag.Pos{}) {
			continue
		}
		want, ok := awardCount(list, row.Str("hinh_thuc"))
		if ok && int(n) != want {
			l.Add(diag.New(cells[k.count], diag.CodeCountMismatch, k.label, n, r.Ref, want))
		}
	}
	return l
}

// cycle reports whether following the citations from ref comes back to
// the document j, and the chain of documents if so.
func (e *Engine) cycle(j Job, ref string, chain []string) ([]string, bool) {
	chain = append(chain, ref)
	if ref == chain[0] {
		return chain, true
	}
	if len(chain) > 50 {
		return nil, false
	}
	in, _ := e.input(Job{Dir: j.Dir, Name: ref + ".toml"})
	if in == nil {
		return nil, false
	}
	var found []string
	visit(in.Values, func(r *data.DocRef, _ *data.Row) {
		if found != nil || r.Ref == "" {
			return
		}
		for _, c := range chain[1:] {
			if c == r.Ref {
				return // a cycle not through j is reported at its own documents
			}
		}
		if c, ok := e.cycle(j, r.Ref, chain); ok {
			found = c
		}
	})
	return found, found != nil
}

// Cited returns the workspace documents that in cites by name (its
// DocRefs with a Ref), in its fields and in the rows of its lists, in key
// order: what a new number of one of them changes in in.
func Cited(in *data.Input) []string {
	var out []string
	visit(in.Values, func(r *data.DocRef, _ *data.Row) {
		if r.Ref != "" {
			out = append(out, r.Ref)
		}
	})
	return out
}

// visit calls f for every DocRef among values, in key order, including those
// inside table-list rows (with the row), and stores what f changed.
func visit(values map[string]any, f func(r *data.DocRef, row *data.Row)) {
	for _, k := range slices.Sorted(maps.Keys(values)) {
		switch v := values[k].(type) {
		case data.DocRef:
			f(&v, nil)
			values[k] = v
		case []data.Row:
			for i := range v {
				visitRow(&v[i], f)
			}
		}
	}
}

func visitRow(row *data.Row, f func(r *data.DocRef, row *data.Row)) {
	for _, k := range slices.Sorted(maps.Keys(row.Values)) {
		if v, ok := row.Values[k].(data.DocRef); ok {
			f(&v, row)
			row.Values[k] = v
		}
	}
}

func firstError(l diag.List) string {
	for _, d := range l {
		if d.Severity == diag.Error {
			return fmt.Sprintf("%s: %s", d.Pos, d.Msg)
		}
	}
	return ""
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// awardCount counts the entries of list granted award, comparing awards
// as law knows them (case and spacing aside); ok is false when that cannot
// be told: no entry has it, and the list mixes awards of which some are
// unknown to law. A known award that a list of known awards lacks counts
// 0, so a report stating otherwise is a mismatch, not a silent skip.
func awardCount(list []data.Row, name string) (int, bool) {
	key := awardKey(name)
	n := 0
	kinds := map[string]bool{}
	allKnown := true
	for _, r := range list {
		a := r.Str("hinh_thuc")
		k := awardKey(a)
		kinds[k] = true
		if _, ok := law.Match(a); !ok {
			allKnown = false
		}
		if k == key {
			n++
		}
	}
	_, known := law.Match(name)
	switch {
	case n > 0:
		return n, true
	case len(kinds) <= 1:
		return len(list), true // one award, under another wording
	case known && allKnown:
		return 0, true
	}
	return 0, false
}

// awardKey identifies an award label: the name law knows it by, or the
// label itself, case and spacing aside.
func awardKey(label string) string {
	if a, ok := law.Match(label); ok {
		return a.Name
	}
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}
