package desk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"vanban/internal/desk"
	"vanban/internal/engine"
)

const token = "khoa-thu"

// copyDir copies the sample workspace into a temporary folder.
func copyDir(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(from, "*.toml"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(n)), b, 0o644)
	}
	return dir
}

type client struct {
	t      testing.TB
	base   string // http://127.0.0.1:PORT
	port   int
	dir    string
	srv    *httptest.Server
	cookie string
}

// start serves a copy of the sample workspace on a free loopback port.
func start(t testing.TB) *client {
	t.Helper()
	dir := copyDir(t, "../../testdata/van-gia-2024")
	d, err := desk.New(desk.Options{Dir: dir, Token: token, NewEngine: func() (*engine.Engine, error) {
		return engine.New(engine.Options{Version: "test"})
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	srv.Config.Handler = d.Handler(port)
	srv.Start()
	t.Cleanup(func() { srv.Close(); d.Close() })
	return &client{t: t, base: "http://127.0.0.1:" + strconv.Itoa(port), port: port, dir: dir, srv: srv, cookie: "vanban_t_" + strconv.Itoa(port) + "=" + token}
}

// do sends a request with the token cookie and the desk's origin, then
// applies mod.
func (c *client) do(method, path string, body any, mod func(*http.Request)) (int, []byte) {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.base+path, rd)
	req.Header.Set("Cookie", c.cookie)
	if method == http.MethodPost {
		req.Header.Set("Origin", c.base)
	}
	if mod != nil {
		mod(req)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestDesk_Token(t *testing.T) {
	c := start(t)
	noCookie := func(r *http.Request) { r.Header.Del("Cookie") }
	if code, _ := c.do("GET", "/", nil, noCookie); code != 403 {
		t.Errorf("no token: %d, want 403", code)
	}
	if code, _ := c.do("GET", "/api/docs", nil, noCookie); code != 403 {
		t.Errorf("no token, api: %d, want 403", code)
	}
	if code, _ := c.do("GET", "/?t=sai", nil, noCookie); code != 403 {
		t.Errorf("wrong token: %d, want 403", code)
	}
	if code, _ := c.do("GET", "/", nil, func(r *http.Request) { r.Header.Set("Cookie", "vanban_t_1="+token) }); code != 403 {
		t.Errorf("cookie of another port: %d, want 403", code)
	}
	req, _ := http.NewRequest("GET", c.base+"/?t="+token, nil)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("token in URL: %d", resp.StatusCode)
	}
	ck := resp.Header.Get("Set-Cookie")
	if !strings.Contains(ck, "vanban_t_"+strconv.Itoa(c.port)+"="+token) || !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") {
		t.Errorf("cookie %q", ck)
	}
	if code, _ := c.do("GET", "/api/docs", nil, nil); code != 200 {
		t.Errorf("cookie: %d", code)
	}
}

func TestDesk_Host(t *testing.T) {
	c := start(t)
	for host, want := range map[string]int{
		"127.0.0.1:" + strconv.Itoa(c.port):    200,
		"localhost:" + strconv.Itoa(c.port):    200,
		"evil.example:" + strconv.Itoa(c.port): 403,
		"localhost":                            403,
		"127.0.0.1:1":                          403,
	} {
		code, _ := c.do("GET", "/api/docs", nil, func(r *http.Request) { r.Host = host })
		if code != want {
			t.Errorf("Host %s: %d, want %d", host, code, want)
		}
	}
}

func TestDesk_Origin(t *testing.T) {
	c := start(t)
	body := map[string]any{"ten": "ke-hoach.toml", "src": "", "sua": nil}
	for origin, want := range map[string]int{
		"":                    403,
		"null":                403,
		"http://evil.example": 403,
		"https://127.0.0.1:" + strconv.Itoa(c.port): 403,
		c.base: 200,
		"http://localhost:" + strconv.Itoa(c.port): 200,
	} {
		src, _ := os.ReadFile(filepath.Join(c.dir, "ke-hoach.toml"))
		body["src"] = string(src)
		code, b := c.do("POST", "/api/preview", body, func(r *http.Request) {
			r.Header.Del("Origin")
			if origin != "" {
				r.Header.Set("Origin", origin)
			}
		})
		if code != want {
			t.Errorf("Origin %q: %d, want %d (%s)", origin, code, want, b)
		}
	}
}

// No name reaches a file outside the workspace's documents and its output
// folder.
func TestDesk_Paths(t *testing.T) {
	c := start(t)
	os.WriteFile(filepath.Join(filepath.Dir(c.dir), "ngoai.toml"), []byte(`mau = "ke-hoach"`), 0o644)
	for _, name := range []string{"../ngoai.toml", "..%2Fngoai.toml", "/etc/passwd", "vanban.toml", "ke-hoach", "sub/ke-hoach.toml", `..\ngoai.toml`} {
		if code, _ := c.do("GET", "/api/doc?ten="+name, nil, nil); code != 404 {
			t.Errorf("doc %q: %d, want 404", name, code)
		}
		if code, _ := c.do("POST", "/api/save", map[string]string{"ten": name, "src": "mau = \"x\"\n", "base": ""}, nil); code != 404 {
			t.Errorf("save %q: %d, want 404", name, code)
		}
	}
	os.MkdirAll(filepath.Join(c.dir, "out"), 0o755)
	os.WriteFile(filepath.Join(c.dir, "bi-mat.pdf"), []byte("%PDF"), 0o644)
	os.Symlink(filepath.Join(c.dir, "bi-mat.pdf"), filepath.Join(c.dir, "out", "lien-ket.pdf"))
	for _, p := range []string{"/out/..%2Fbi-mat.pdf", "/out/../bi-mat.pdf", "/out/lien-ket.pdf", "/out/ke-hoach.toml", "/out/.ke-hoach.pdf.tmp"} {
		// ServeMux answers a path with ".." by a redirect to the
		// cleaned path, which is outside /out/ and not found.
		if code, _ := c.do("GET", p, nil, nil); code == 200 {
			t.Errorf("%s: 200", p)
		}
	}
	for _, p := range []string{"/fonts/4.ttf", "/fonts/..%2F..%2Fgo.mod"} {
		if code, _ := c.do("GET", p, nil, nil); code == 200 {
			t.Errorf("%s: 200", p)
		}
	}
	if code, b := c.do("POST", "/api/new", map[string]string{"mau": "ke-hoach", "ten": "../ngoai2"}, nil); code != 400 {
		t.Errorf("new ../ngoai2: %d %s", code, b)
	}
}

type preview struct {
	Src   string   `json:"src"`
	Pages []string `json:"trang"`
	Diags []struct {
		Key, Msg string
		Muc      string `json:"muc"`
		Khoa     string `json:"key"`
	} `json:"chan_doan"`
}

func (c *client) preview(name, src string, edits ...map[string]any) preview {
	c.t.Helper()
	code, b := c.do("POST", "/api/preview", map[string]any{"ten": name, "src": src, "sua": edits}, nil)
	if code != 200 {
		c.t.Fatalf("preview: %d %s", code, b)
	}
	var p preview
	json.Unmarshal(b, &p)
	return p
}

func (c *client) open(name string) (src, base string) {
	c.t.Helper()
	code, b := c.do("GET", "/api/doc?ten="+name, nil, nil)
	if code != 200 {
		c.t.Fatalf("doc: %d %s", code, b)
	}
	var d struct{ Src, Base string }
	json.Unmarshal(b, &d)
	return d.Src, d.Base
}

// An unsaved edit shows in the preview; Lưu writes only that value.
func TestDesk_PreviewAndSave(t *testing.T) {
	c := start(t)
	src, base := c.open("ke-hoach.toml")
	p := c.preview("ke-hoach.toml", src, map[string]any{"khoa": "trich_yeu", "gia_tri": "Thi đua chào mừng ngày hội mới"})
	if len(p.Pages) != 3 || !strings.Contains(strings.Join(p.Pages, ""), "mừng") {
		t.Fatalf("%d pages; the new trích yếu is not drawn", len(p.Pages))
	}
	disk, _ := os.ReadFile(filepath.Join(c.dir, "ke-hoach.toml"))
	if string(disk) != src {
		t.Fatal("preview wrote the file")
	}
	code, b := c.do("POST", "/api/save", map[string]string{"ten": "ke-hoach.toml", "src": p.Src, "base": base}, nil)
	if code != 200 {
		t.Fatalf("save: %d %s", code, b)
	}
	after, _ := os.ReadFile(filepath.Join(c.dir, "ke-hoach.toml"))
	changed := diffLines(string(disk), string(after))
	if len(changed) != 1 || changed[0] != `trich_yeu = "Thi đua chào mừng ngày hội mới"` {
		t.Errorf("lines changed: %q", changed)
	}
}

// diffLines returns the lines of b that differ from a, line by line (the
// files have the same number of lines).
func diffLines(a, b string) []string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) != len(lb) {
		return []string{"line count " + strconv.Itoa(len(la)) + " → " + strconv.Itoa(len(lb))}
	}
	var out []string
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, lb[i])
		}
	}
	return out
}

// A file edited on disk after it was opened is not overwritten.
func TestDesk_SaveConflict(t *testing.T) {
	c := start(t)
	src, base := c.open("ke-hoach.toml")
	path := filepath.Join(c.dir, "ke-hoach.toml")
	other := strings.Replace(src, "# Kế hoạch", "# Sửa bằng Notepad. Kế hoạch", 1)
	os.WriteFile(path, []byte(other), 0o644)
	code, b := c.do("POST", "/api/save", map[string]string{"ten": "ke-hoach.toml", "src": src + "\n", "base": base}, nil)
	if code != 409 || !strings.Contains(string(b), "sửa ở nơi khác") {
		t.Errorf("save over a changed file: %d %s", code, b)
	}
	if got, _ := os.ReadFile(path); string(got) != other {
		t.Error("the file edited on disk was overwritten")
	}
}

// Of concurrent saves from the same version, one wins; the others are
// told the file changed, and the file is one of the versions, whole.
func TestDesk_ConcurrentSaves(t *testing.T) {
	c := start(t)
	src, base := c.open("ke-hoach.toml")
	const n = 8
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := strings.Replace(src, "trich_yeu = \"", "trich_yeu = \"Bản "+strconv.Itoa(i)+" ", 1)
			codes[i], _ = c.do("POST", "/api/save", map[string]string{"ten": "ke-hoach.toml", "src": s, "base": base}, nil)
		}()
	}
	wg.Wait()
	ok := 0
	for _, code := range codes {
		switch code {
		case 200:
			ok++
		case 409:
		default:
			t.Errorf("status %d", code)
		}
	}
	got, _ := os.ReadFile(filepath.Join(c.dir, "ke-hoach.toml"))
	if ok != 1 || !strings.Contains(string(got), `trich_yeu = "Bản `) {
		t.Errorf("%d saves won (want 1); file has the edit: %v", ok, strings.Contains(string(got), "Bản "))
	}
}

// A save of text that is not TOML is refused.
func TestDesk_SaveInvalid(t *testing.T) {
	c := start(t)
	_, base := c.open("ke-hoach.toml")
	if code, _ := c.do("POST", "/api/save", map[string]string{"ten": "ke-hoach.toml", "src": "mau = \n", "base": base}, nil); code != 422 {
		t.Errorf("invalid TOML: %d, want 422", code)
	}
}

// Diagnostics come in the CLI's words, at the key they point to.
func TestDesk_Diagnostics(t *testing.T) {
	c := start(t)
	src, _ := c.open("ke-hoach.toml")
	p := c.preview("ke-hoach.toml", src, map[string]any{"khoa": "ngay", "gia_tri": "2024-02-31"})
	found := false
	for _, d := range p.Diags {
		if d.Khoa == "ngay" && d.Muc == "lỗi" {
			found = true
		}
	}
	if !found || len(p.Pages) != 0 {
		t.Errorf("no error at ngay for 31/02 (pages %d): %+v", len(p.Pages), p.Diags)
	}
	code, b := c.do("GET", "/api/docs", nil, nil)
	if code != 200 || !strings.Contains(string(b), `"cho_cap_so":true`) || !strings.Contains(string(b), "ke-hoach.toml") {
		t.Errorf("docs: %d %s", code, b)
	}
}

// The nominee table filled from rows (what a paste from Excel sends).
func TestDesk_Rows(t *testing.T) {
	c := start(t)
	src, _ := c.open("to-trinh-khen-thuong.toml")
	before := c.preview("to-trinh-khen-thuong.toml", src)
	var rows []any
	for i := range 25 {
		rows = append(rows, []any{"Nguyễn Văn Thứ " + strconv.Itoa(i+1), "Công chức", "Giấy khen", "Hoàn thành xuất sắc nhiệm vụ"})
	}
	p := c.preview("to-trinh-khen-thuong.toml", src, map[string]any{"khoa": "[[ca_nhan]]", "gia_tri": map[string]any{"cot": []string{"ho_ten", "chuc_vu", "hinh_thuc", "thanh_tich"}, "hang": rows}})
	if strings.Count(p.Src, "[[ca_nhan]]") != 25 || !strings.Contains(p.Src, "[[tap_the]]") {
		t.Errorf("rows: %d [[ca_nhan]]", strings.Count(p.Src, "[[ca_nhan]]"))
	}
	for _, d := range p.Diags {
		if d.Muc == "lỗi" {
			t.Errorf("error: %+v", d)
		}
	}
	if len(before.Pages) == 0 || !strings.Contains(strings.Join(p.Pages, ""), "Thứ 25") || strings.Contains(strings.Join(p.Pages, ""), "Thu Hà") {
		t.Errorf("the 25 nominees did not replace the list (%d pages)", len(p.Pages))
	}
}

// Build, then the PDF is served from the output folder.
func TestDesk_BuildAndAssign(t *testing.T) {
	c := start(t)
	code, b := c.do("POST", "/api/build", map[string]string{"ten": "ke-hoach.toml", "dinh_dang": "pdf"}, nil)
	if code != 200 || !strings.Contains(string(b), "/out/ke-hoach.pdf") {
		t.Fatalf("build: %d %s", code, b)
	}
	code, pdf := c.do("GET", "/out/ke-hoach.pdf", nil, nil)
	if code != 200 || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("pdf: %d", code)
	}
	code, b = c.do("POST", "/api/assign", map[string]string{"ten": "ke-hoach.toml", "ngay": "2024-05-10"}, nil)
	if code != 200 || !strings.Contains(string(b), `/KH-UBND`) {
		t.Fatalf("assign: %d %s", code, b)
	}
	code, b = c.do("GET", "/api/register?nam=2024", nil, nil)
	if code != 200 || !strings.Contains(string(b), "KH-UBND") {
		t.Errorf("register: %d %s", code, b)
	}
	code, b = c.do("GET", "/api/register?dang=csv", nil, nil)
	if code != 200 || !strings.Contains(string(b), "KH-UBND") {
		t.Errorf("register csv: %d", code)
	}
}

// BenchmarkPreview measures a keystroke's round trip on the server: apply
// the edit, build, lay out and draw the 3-page plan.
func BenchmarkPreview(b *testing.B) {
	c := start(b)
	src, _ := c.open("ke-hoach.toml")
	b.ResetTimer()
	for i := range b.N {
		c.preview("ke-hoach.toml", src, map[string]any{"khoa": "trich_yeu", "gia_tri": "Phát động thi đua " + strconv.Itoa(i)})
	}
}

// peek asks Cấp số what it would give.
func (c *client) peek(name, date string) desk.Peek {
	c.t.Helper()
	code, b := c.do("GET", "/api/assign?ten="+name+"&ngay="+date, nil, nil)
	var p desk.Peek
	if code != 200 || json.Unmarshal(b, &p) != nil {
		c.t.Fatalf("peek %s: %d %s", name, code, b)
	}
	return p
}

// assign gives name its number and returns the progress lines.
func (c *client) assign(name, date string) []desk.Progress {
	c.t.Helper()
	code, b := c.do("POST", "/api/assign", map[string]string{"ten": name, "ngay": date}, nil)
	if code != 200 {
		c.t.Fatalf("assign %s: %d %s", name, code, b)
	}
	var out []desk.Progress
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var p desk.Progress
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			c.t.Fatalf("assign %s: line %q: %v", name, l, err)
		}
		out = append(out, p)
	}
	return out
}

// Cấp số shows the number before it is given, gives that very number,
// then rebuilds the document and the documents citing it (directly or
// through another), one progress line each, and nothing else.
func TestDesk_PeekAndAssign(t *testing.T) {
	c := start(t)
	p := c.peek("ke-hoach.toml", "2024-05-10")
	if p.Number != "01/KH-UBND" || p.Date != "10/5/2024" || p.Series != "UBND" || p.Year != 2024 || p.Has {
		t.Fatalf("peek: %+v", p)
	}
	// The Báo cáo and the Tờ trình cite the plan; the Quyết định cites
	// the Tờ trình; the Kế hoạch thi đua cites none of them.
	want := []string{"ke-hoach.toml", "bao-cao-ket-qua.toml", "to-trinh-khen-thuong.toml", "quyet-dinh-khen-thuong.toml"}
	if strings.Join(p.Citers, " ") != strings.Join(want, " ") {
		t.Errorf("rebuilt with it: %v, want %v", p.Citers, want)
	}
	if _, err := os.Stat(filepath.Join(c.dir, "so-van-ban-di.sqlite")); err == nil {
		t.Errorf("peek made a register")
	}

	lines := c.assign("ke-hoach.toml", "2024-05-10")
	if len(lines) != 2+len(want) || lines[0].Step != "so" || lines[0].Number != p.Number || lines[len(lines)-1].Step != "xong" {
		t.Fatalf("progress: %+v", lines)
	}
	for i, l := range lines[1 : len(lines)-1] {
		if l.Step != "tao" || l.Done != i+1 || l.Total != len(want) {
			t.Errorf("progress line %d: %+v", i+1, l)
		}
	}
	for _, d := range lines[len(lines)-1].Diags {
		if d.Severity == "lỗi" {
			t.Errorf("rebuild: %s", d.Text)
		}
	}
	built, _ := filepath.Glob(filepath.Join(c.dir, "out", "*.pdf"))
	if len(built) != len(want) {
		t.Errorf("rebuilt %d documents, want %d: %v", len(built), len(want), built)
	}
	if _, err := os.Stat(filepath.Join(c.dir, "out", "ke-hoach-thi-dua.pdf")); err == nil {
		t.Errorf("a document that does not cite the plan was rebuilt")
	}
	if src, _ := os.ReadFile(filepath.Join(c.dir, "ke-hoach.toml")); !strings.Contains(string(src), "so = 1") {
		t.Errorf("the number is not in the file")
	}

	// Asked again: the number it has. The next document of the series
	// and year takes 02; another year starts at 01.
	if p := c.peek("ke-hoach.toml", ""); !p.Has || p.Number != "01/KH-UBND" {
		t.Errorf("peek after: %+v", p)
	}
	if p := c.peek("bao-cao-ket-qua.toml", ""); p.Number != "02/BC-UBND" || p.Date != "28/11/2024" {
		t.Errorf("next of the series: %+v", p)
	}
	if p := c.peek("bao-cao-ket-qua.toml", "2025-01-02"); p.Number != "01/BC-UBND" || p.Year != 2025 {
		t.Errorf("next year: %+v", p)
	}
	// The Tờ trình is the council's (Hội đồng Thi đua - Khen thưởng): its
	// own series, which starts at 01.
	if p := c.peek("to-trinh-khen-thuong.toml", ""); p.Number != "01/TTr-HĐTĐKT" || p.Series != "HĐTĐKT" {
		t.Errorf("the council's series: %+v", p)
	}
	if code, _ := c.do("GET", "/api/assign?ten=../x.toml", nil, nil); code != 404 {
		t.Errorf("peek outside the workspace: %d", code)
	}
	if code, _ := c.do("GET", "/api/assign?ten=ke-hoach.toml&ngay=31/02/2024", nil, nil); code != 400 {
		t.Errorf("peek with a wrong date: %d", code)
	}
}

// The register filtered by year and series, and exported as CSV and XLSX
// with the same filter.
func TestDesk_RegisterFilter(t *testing.T) {
	c := start(t)
	code, b := c.do("GET", "/api/register", nil, nil)
	var v desk.RegisterView
	if code != 200 || json.Unmarshal(b, &v) != nil || v.Has || len(v.Rows) != 0 {
		t.Fatalf("no register yet: %d %s", code, b)
	}
	c.assign("ke-hoach.toml", "2024-05-10")
	c.assign("to-trinh-khen-thuong.toml", "2025-01-06")
	get := func(q string) desk.RegisterView {
		t.Helper()
		code, b := c.do("GET", "/api/register"+q, nil, nil)
		var v desk.RegisterView
		if code != 200 || json.Unmarshal(b, &v) != nil {
			t.Fatalf("register%s: %d %s", q, code, b)
		}
		return v
	}
	all := get("")
	if !all.Has || len(all.Rows) != 3 || fmt.Sprint(all.Years) != "[2024 2025]" || fmt.Sprint(all.Series) != "[HĐTĐKT UBND]" {
		t.Errorf("all: %+v", all)
	}
	if v := get("?nam=2025"); len(v.Rows) != 2 || v.Rows[1][0] != "01/TTr-HĐTĐKT" || fmt.Sprint(v.Years) != "[2024 2025]" {
		t.Errorf("2025: %+v", v.Rows)
	}
	if v := get("?chuoi=UBND&nam=2024"); len(v.Rows) != 2 || v.Rows[1][0] != "01/KH-UBND" {
		t.Errorf("UBND 2024: %+v", v.Rows)
	}
	if v := get("?chuoi=HĐTĐKT"); len(v.Rows) != 2 || v.Rows[1][0] != "01/TTr-HĐTĐKT" {
		t.Errorf("the council's series: %+v", v.Rows)
	}
	if v := get("?chuoi=HĐ"); len(v.Rows) != 1 {
		t.Errorf("an unknown series: %+v", v.Rows)
	}
	code, csv := c.do("GET", "/api/register?dang=csv&nam=2025", nil, nil)
	if code != 200 || !strings.Contains(string(csv), "01/TTr-HĐTĐKT") || strings.Contains(string(csv), "KH-UBND") {
		t.Errorf("csv 2025: %d %s", code, csv)
	}
	code, xlsx := c.do("GET", "/api/register?dang=xlsx&chuoi=UBND", nil, nil)
	if code != 200 || !bytes.HasPrefix(xlsx, []byte("PK")) {
		t.Errorf("xlsx: %d %.40q", code, xlsx)
	}
	if code, _ := c.do("GET", "/api/register?dang=xlsx&nam=2023", nil, nil); code != 404 {
		t.Errorf("xlsx of an empty year: %d", code)
	}
}

// The form knows which keys are rarely used (the page folds them away),
// and the descriptions read with a year, not the "{{nam}}" mark of the
// templates' examples.
func TestDesk_FieldsRareAndYear(t *testing.T) {
	c := start(t)
	code, b := c.do("GET", "/api/doc?ten=ke-hoach.toml", nil, nil)
	if code != 200 {
		t.Fatalf("%d %s", code, b)
	}
	var d struct {
		Fields []struct {
			Khoa   string `json:"khoa"`
			MoTa   string `json:"mo_ta"`
			ItDung bool   `json:"it_dung"`
		} `json:"truong"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	rare := map[string]bool{}
	for _, f := range d.Fields {
		rare[f.Khoa] = f.ItDung
		if strings.Contains(f.MoTa, "{{") {
			t.Errorf("%s: description shows a template mark: %q", f.Khoa, f.MoTa)
		}
	}
	if len(d.Fields) == 0 || !rare["khan"] || !rare["ban"] || rare["trich_yeu"] || rare["noi_dung"] {
		t.Errorf("rare keys: %v", rare)
	}
}

// An electronic document that issues its appendix apart (phu_luc_rieng)
// shows the appendix's pages after its own, numbered on: the list of
// names is there, as it is when the appendix stays in the document.
func TestDesk_PreviewSeparateAppendix(t *testing.T) {
	c := start(t)
	src, _ := c.open("quyet-dinh-khen-thuong.toml")
	together := c.preview("quyet-dinh-khen-thuong.toml", "ban = \"dien-tu\"\n"+src)
	apart := c.preview("quyet-dinh-khen-thuong.toml", "ban = \"dien-tu\"\nphu_luc_rieng = true\n"+src)
	const name = "Dương Minh Khoa" // a line of the list, in the appendix
	for what, p := range map[string]preview{"together": together, "apart": apart} {
		all := strings.Join(p.Pages, "")
		if !strings.Contains(all, name) {
			t.Errorf("%s: %d pages without the appendix", what, len(p.Pages))
		}
		for i, pg := range p.Pages {
			if !strings.Contains(pg, `id="trang-`+strconv.Itoa(i+1)+`"`) {
				t.Errorf("%s: page %d has not its own id", what, i+1)
			}
		}
	}
}
