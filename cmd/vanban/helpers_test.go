package main

import (
	"os"
	"testing"

	"vanban/internal/data"
	"vanban/internal/model"
	"vanban/internal/tmpl"
)

func loadDoc(t *testing.T, eng *engine, set *tmpl.Set, j job) (*data.Input, *model.Document) {
	t.Helper()
	in, ds := data.Load(os.DirFS(j.dir), j.name, data.Options{Profile: ProfileName, Schema: set.Schema, Covers: eng.fonts.Has})
	if in == nil {
		t.Fatalf("load: %v", ds)
	}
	doc, ds := set.Build(in)
	if doc == nil {
		t.Fatalf("build: %v", ds)
	}
	return in, doc
}
