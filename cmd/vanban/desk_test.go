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
// the file, comments intact. Screenshots go to docs/.
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
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "..", "docs", name), png, 0o644); err != nil {
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

	// The nominee list of the Tờ trình, pasted from a spreadsheet: a
	// header row and 25 rows, mapped by header.
	tsv := "Họ và tên\tChức vụ\tHình thức\tThành tích\n"
	for i := 1; i <= 25; i++ {
		tsv += "Người Thứ " + strconv.Itoa(i) + "\tCông chức\tGiấy khen\tHoàn thành xuất sắc nhiệm vụ\n"
	}
	step("open the Tờ trình", chromedp.Click(`#quay-lai`), chromedp.WaitVisible(`tr[data-ten="to-trinh-khen-thuong.toml"]`),
		chromedp.Click(`tr[data-ten="to-trinh-khen-thuong.toml"]`), chromedp.WaitVisible(`#bang-ca_nhan`), chromedp.WaitVisible(`#xem-truoc svg text`))
	pagesBefore := eval(`document.querySelectorAll("#xem-truoc svg").length`)
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
	t.Logf("Tờ trình: %d pages before the paste, %d after", pagesBefore, eval(`document.querySelectorAll("#xem-truoc svg").length`))
	shot("desk-nominees.png")
	cancel()
	<-done
}

func quoteJS(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}
