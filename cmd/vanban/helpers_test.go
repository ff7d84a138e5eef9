package main

import (
	"os"
	"testing"
	"vanban/internal/engine"

	"vanban/internal/data"
	"vanban/internal/model"
	"vanban/internal/tmpl"
)

func loadDoc(t *testing.T, eng *engine.Engine, set *tmpl.Set, j engine.Job) (*data.Input, *model.Document) {
	t.Helper()
	in, ds := data.Load(os.DirFS(j.Dir), j.Name, data.Options{Profile: ProfileName, Schema: set.Schema, Covers: eng.Fonts().Has})
	if in == nil {
		t.Fatalf("load: %v", ds)
	}
	doc, ds := set.Build(in)
	if doc == nil {
		t.Fatalf("build: %v", ds)
	}
	return in, doc
}
