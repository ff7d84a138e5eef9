package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"vanban/internal/engine"
	"vanban/internal/testutil"
)

// deskBrowser finds Debian's chromium (or another Chrome); "" when none.
func deskBrowser() string {
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// The desk in a real browser: open it, change the trích yếu in its field
// and see the preview's text change, fill the nominee list by pasting rows
// from a spreadsheet, save and find that only the edited value changed in
// the file, comments intact. With -update its screenshots go to docs/.
func TestDesk_Browser(t *testing.T) {
	browser := deskBrowser()
	if browser == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is missing")
		}
		t.Skip("chromium is missing: apt-get install chromium")
	}
	dir := t.TempDir()
	names, _ := filepath.Glob("../../testdata/van-gia-2024/*.toml")
	for _, n := range names {
		b, _ := os.ReadFile(n)
		os.WriteFile(filepath.Join(dir, filepath.Base(n)), b, 0o644)
	}
	orig, _ := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- cmdDesk(ctx, []string{dir, "-khong-mo"}, pw, io.Discard)
		pw.Close()
	}()
	url, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	url = strings.TrimSpace(url)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.Contains(url, "/?t=") {
		t.Fatalf("first line %q is not the URL", url)
	}

	actx, acancel := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.WindowSize(1500, 1000))...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	step := func(what string, acts ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, acts...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.TextContent(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) int {
		t.Helper()
		n, err := chromedp.Run(bctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return n
	}
	shots := t.TempDir()
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		// The README's pictures are taken again only with -update; a
		// plain run leaves the repository as it is.
		dir := shots
		if testutil.Updating() {
			dir = filepath.Join("..", "..", "docs")
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitText := func(sel, want string) {
		t.Helper()
		_, err := chromedp.Run(bctx, chromedp.Poll[bool](`(document.querySelector(`+quoteJS(sel)+`)||{}).textContent?.includes(`+quoteJS(want)+`) || false`, chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			t.Fatalf("waiting for %q in %s: %v", want, sel, err)
		}
	}

	step("open", chromedp.Navigate(url), chromedp.WaitVisible(`tr[data-ten="ke-hoach.toml"]`))
	shot("desk-list.png")
	step("open the plan", chromedp.Click(`tr[data-ten="ke-hoach.toml"]`), chromedp.WaitVisible(`#xem-truoc svg text`),
		chromedp.Sleep(300*time.Millisecond)) // the web fonts
	before := text("#xem-truoc")
	step("type", chromedp.SendKeys(`#f-trich_yeu`, " đợt hai"))
	waitText("#xem-truoc", "đợt hai")
	after := text("#xem-truoc")
	shot("desk-preview.png")
	step("save", chromedp.Click(`#luu`))
	waitText("#trang-thai", "đã lưu")
	if strings.Contains(before, "đợt hai") || !strings.Contains(after, "đợt hai") {
		t.Errorf("the preview did not change with the field")
	}
	// A click on a body line of the page selects that text in the content
	// field: the clerk finds at once where to edit.
	if n := eval(`(() => {
		const t = [...document.querySelectorAll("#xem-truoc svg text")].find((x) => x.textContent.startsWith("Tạo"));
		if (!t) return 0;
		t.dispatchEvent(new MouseEvent("click", {bubbles: true}));
		return 1;
	})()`); n != 1 {
		t.Fatal("no body line starting with \"Tạo\" in the preview")
	}
	if n := eval(`(() => { const a = document.activeElement; return a && a.id === "f-noi_dung" && a.value.slice(a.selectionStart, a.selectionEnd).toLowerCase().includes("tạo") ? 1 : 0; })()`); n != 1 {
		t.Error("a click on the preview's body text did not select it in the content field")
	}
	saved, _ := os.ReadFile(filepath.Join(dir, "ke-hoach.toml"))
	ol, sl := strings.Split(string(orig), "\n"), strings.Split(string(saved), "\n")
	if len(ol) != len(sl) {
		t.Fatalf("save changed the line count %d → %d", len(ol), len(sl))
	}
	for i := range ol {
		if ol[i] != sl[i] && sl[i] != `trich_yeu = "Phát động phong trào thi đua trong lĩnh vực Nội vụ năm 2024 đợt hai"` {
			t.Errorf("line %d changed: %q → %q", i+1, ol[i], sl[i])
		}
	}

	// In: the PDF built and loaded in the page's print frame.
	step("print", chromedp.Click(`#in`))
	waitText("#trang-thai", "đã mở hộp thoại in /out/ke-hoach.pdf")

	// Cấp số: the number shown before it is given, then in the preview.
	step("cấp số", chromedp.Click(`#cap-so`), chromedp.WaitVisible(`#cap-xem .hop`))
	eval(`(() => { const d = document.querySelector("#ngay-cap"); d.value = "2024-05-10"; d.dispatchEvent(new Event("change")); return 0; })()`)
	waitText("#cap-so-moi", "Số: 01/KH-UBND — ngày 10/5/2024")
	waitText("#cap-mo-ta", "to-trinh-khen-thuong.toml")
	shot("desk-cap-so.png")
	if strings.Contains(text("#xem-truoc"), "01/KH-UBND") {
		t.Errorf("the preview shows the number before it is given")
	}
	step("confirm", chromedp.Click(`#cap-dong-y`))
	waitText("#cap-buoc", "xong: đã tạo lại 4 văn bản")
	step("close", chromedp.Click(`#cap-huy`))
	waitText("#xem-truoc", "Số: 01/KH-UBND")
	waitText("#trang-thai", "đã cấp số 01/KH-UBND")
	shot("desk-da-cap-so.png")
	if _, err := os.Stat(filepath.Join(dir, "out", "ke-hoach-thi-dua.pdf")); err == nil {
		t.Errorf("Cấp số rebuilt a document that does not cite the plan")
	}

	// The nominee list of the Tờ trình, pasted from a spreadsheet: a
	// header row and 25 rows, mapped by header.
	tsv := "Họ và tên\tChức vụ\tHình thức\tThành tích\n"
	for i := 1; i <= 25; i++ {
		tsv += "Người Thứ " + strconv.Itoa(i) + "\tCông chức\tGiấy khen\tHoàn thành xuất sắc nhiệm vụ\n"
	}
	step("open the Tờ trình", chromedp.Click(`#quay-lai`), chromedp.WaitVisible(`tr[data-ten="to-trinh-khen-thuong.toml"]`),
		chromedp.Click(`tr[data-ten="to-trinh-khen-thuong.toml"]`), chromedp.WaitVisible(`#bang-ca_nhan`), chromedp.WaitVisible(`#xem-truoc svg text`))
	pagesBefore := eval(`document.querySelectorAll("#xem-truoc svg").length`)
	// The counts sentence of the template, read from the preview's words.
	words := func() string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Evaluate[string](`[...document.querySelectorAll("#xem-truoc svg text")].map((e) => e.textContent).join(" ").replace(/\s+/g, " ")`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if w := words(); !strings.Contains(w, "04 tập thể và 16 cá nhân") || !strings.Contains(w, "Kế hoạch số 01/KH-") {
		t.Errorf("before the paste, the Tờ trình does not count 04 tập thể và 16 cá nhân or cite 01/KH-UBND:\n%s", w)
	}
	eval(`(() => { const dt = new DataTransfer(); dt.setData("text/plain", ` + quoteJS(tsv) + `);
		document.querySelector("#bang-ca_nhan").dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true})); return 0; })()`)
	step("paste", chromedp.WaitVisible(`#dan-xem .hop`))
	shot("desk-paste.png")
	eval(`document.querySelector("#dan-thay").checked = true, 0`)
	step("add", chromedp.Click(`#dan-dong-y`))
	waitText("#xem-truoc", "Người Thứ 25")
	if n := eval(`document.querySelectorAll("#bang-ca_nhan tbody tr").length`); n != 25 {
		t.Errorf("nominee table has %d rows, want 25", n)
	}
	if w := words(); !strings.Contains(w, "04 tập thể và 25 cá nhân") || strings.Contains(w, "16 cá nhân") {
		t.Errorf("after the paste, the counts of the Tờ trình did not become 04 tập thể và 25 cá nhân")
	}
	t.Logf("Tờ trình: %d pages before the paste, %d after", pagesBefore, eval(`document.querySelectorAll("#xem-truoc svg").length`))
	eval(`document.querySelector("#bang-ca_nhan").scrollIntoView(), document.querySelector("#xem-truoc svg:nth-of-type(2)").scrollIntoView(), 0`)
	shot("desk-nominees.png")

	// A wrong value in the raw tab: its line is highlighted, the message
	// in the CLI's words under the text.
	step("raw tab", chromedp.Click(`#the-toml`))
	eval(`(() => { const t = document.querySelector("#toml"); t.value = t.value.replace('ngay = "2024-11-18"', 'ngay = "2024-11-31"'); t.dispatchEvent(new Event("input")); return 0; })()`)
	waitText("#toml-loi", "không hợp lệ")
	if n := eval(`document.querySelectorAll("#toml-nen .loi").length`); n != 1 {
		t.Errorf("%d highlighted lines, want 1", n)
	}
	if got := eval(`+document.querySelector("#toml-nen .loi").dataset.dong`); got != 7 {
		t.Errorf("highlighted line %d, want 7 (ngay)", got)
	}
	shot("desk-toml-loi.png")

	// The register, with the number just given.
	step("register", chromedp.Click(`#nut-so`))
	waitText("#bang-so", "01/KH-UBND")
	waitText("#so-nam", "2024")
	shot("desk-register.png")
	cancel()
	<-done
}

func quoteJS(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}

// A double-clicked vanban.exe opens the folder it sits in when that holds a
// workspace, else Documents/vanban, made on first run with a sample
// workspace that checks without errors; a second run writes nothing.
func TestDesk_DoubleClickFolder(t *testing.T) {
	eng, err := engine.New(engine.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	set, _ := eng.Templates(".")

	exeDir, home := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(exeDir, "vanban.exe"), nil, 0o755)
	dir, created, err := deskHome(exeDir, home, 2026, set)
	want := filepath.Join(home, "Documents", "vanban")
	if err != nil || dir != want || !created {
		t.Fatalf("first run: %q %v %v, want %q created", dir, created, err, want)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "vanban.toml")); err != nil || !strings.Contains(string(b), "[co_quan]") {
		t.Errorf("vanban.toml: %v\n%s", err, b)
	}
	for _, n := range []string{"ke-hoach.toml", "cong-van.toml"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil || !strings.Contains(string(b), "2026") {
			t.Errorf("%s: %v (dated 2026: %v)", n, err, strings.Contains(string(b), "2026"))
		}
	}
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"check", dir}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Errorf("the sample workspace does not check: exit %d\n%s%s", code, out.String(), errOut.String())
	}

	// The clerk edits the plan; the next double click keeps it.
	plan := filepath.Join(dir, "ke-hoach.toml")
	os.WriteFile(plan, []byte("# của tôi\n"), 0o644)
	if d, created, err := deskHome(exeDir, home, 2027, set); d != want || created || err != nil {
		t.Errorf("second run: %q %v %v", d, created, err)
	}
	if b, _ := os.ReadFile(plan); string(b) != "# của tôi\n" {
		t.Errorf("second run overwrote the plan: %q", b)
	}

	// The exe beside a workspace (a USB stick): that folder, nothing made.
	os.WriteFile(filepath.Join(exeDir, "vanban.toml"), []byte("luu = \"VT\"\n"), 0o644)
	home2 := t.TempDir()
	if d, created, err := deskHome(exeDir, home2, 2026, set); d != exeDir || created || err != nil {
		t.Errorf("workspace beside the exe: %q %v %v", d, created, err)
	}
	if _, err := os.Stat(filepath.Join(home2, "Documents")); !os.IsNotExist(err) {
		t.Errorf("Documents made although the exe's folder is a workspace")
	}
}
