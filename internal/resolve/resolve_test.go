package resolve_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/engine"
	"vanban/internal/format"
	"vanban/internal/resolve"
	"vanban/internal/testutil"
)

// samples are the shared sample workspaces and the documents of each.
var samples = []struct {
	dir   string
	names []string
}{
	{"../../testdata/van-gia-2024", []string{"ke-hoach", "ke-hoach-thi-dua", "to-trinh-khen-thuong", "quyet-dinh-khen-thuong", "bao-cao-ket-qua"}},
	{"../../testdata/van-ninh-2025", []string{"cong-van", "ke-hoach-thi-dua", "to-trinh-khen-thuong", "quyet-dinh-khen-thuong", "bao-cao-ket-qua"}},
	{"../../cmd/vanban/testdata/stress", []string{"nhieu-trang"}},
}

// TestResolve_SamplesGolden: the resolved form of every sample document,
// built from its model, matches testdata/<workspace>/<name>.resolve.
func TestResolve_SamplesGolden(t *testing.T) {
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	for _, ws := range samples {
		for _, name := range ws.names {
			golden := filepath.Join("testdata", filepath.Base(ws.dir), name+".resolve")
			t.Run(filepath.Base(ws.dir)+"/"+name, func(t *testing.T) {
				res, err := eng.Model(engine.Job{Dir: ws.dir, Name: name + ".toml"}, engine.AllFormats)
				if err != nil {
					t.Fatal(err)
				}
				if res.Doc == nil {
					t.Fatalf("no model: %v", res.Diags)
				}
				rd, err := resolve.Resolve(res.Doc, format.NewSheet(res.Doc.Kind), eng.Fonts())
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := resolve.Dump(&b, rd); err != nil {
					t.Fatal(err)
				}
				// The source path depends on where the test runs from.
				got := strings.ReplaceAll(b.String(), filepath.ToSlash(ws.dir)+"/", "")
				testutil.Golden(t, golden, []byte(got))
			})
		}
	}
}
