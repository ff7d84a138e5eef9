package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"vanban/internal/desk"
	"vanban/internal/engine"
	"vanban/internal/tmpl"
)

// cmdDesk is "vanban mo [THƯ_MỤC] [-cong N] [-khong-mo]": the clerk's desk
// on 127.0.0.1, until ctx is done. The first line on stdout is the URL,
// with its access token.
func cmdDesk(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("mo", flag.ContinueOnError)
	fl.SetOutput(stderr)
	port := fl.Int("cong", 0, "cổng (mặc định: một cổng còn trống)")
	noOpen := fl.Bool("khong-mo", false, "không mở trình duyệt")
	paths, err := parseFlags(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) > 1 || *port < 0 || *port > 65535 {
		fmt.Fprintln(stderr, "cách dùng: vanban mo [THƯ_MỤC] [-cong N] [-khong-mo]")
		return exitUsage
	}
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
	}
	dir, err = filepath.Abs(dir)
	if err == nil {
		var st os.FileInfo
		if st, err = os.Stat(dir); err == nil && !st.IsDir() {
			err = errors.New("không phải thư mục")
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "vanban mo: %s: %v\n", dir, err)
		return exitUsage
	}
	tok := make([]byte, 16)
	rand.Read(tok)
	d, err := desk.New(desk.Options{Dir: dir, Token: hex.EncodeToString(tok), NewEngine: newEngine, Now: time.Now})
	if err != nil {
		fmt.Fprintf(stderr, "vanban mo: %v\n", err)
		return exitInternal
	}
	defer d.Close()
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "vanban mo: không mở được cổng %d: %v\n", *port, err)
		return exitInternal
	}
	p := ln.Addr().(*net.TCPAddr).Port
	url := fmt.Sprintf("http://127.0.0.1:%d/?t=%s", p, hex.EncodeToString(tok))
	fmt.Fprintln(stdout, url)
	fmt.Fprintf(stderr, "Bàn làm việc của thư mục %s đang chạy. Nhấn Ctrl+C để dừng.\n", dir)
	srv := &http.Server{Handler: d.Handler(p), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if !*noOpen {
		openBrowser(url)
	}
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		return exitOK
	case err := <-done:
		fmt.Fprintf(stderr, "vanban mo: %v\n", err)
		return exitInternal
	}
}

// openBrowser opens url in the default browser, best effort: the URL is
// printed anyway.
func openBrowser(url string) {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		c = exec.Command("open", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if c.Start() == nil {
		go c.Wait()
	}
}

// sampleDocs are the templates whose annotated samples a first run copies
// into the new workspace, next to the profile: a plan and a công văn.
var sampleDocs = []string{"ke-hoach", "cong-van"}

// deskHome is the folder a double-clicked vanban.exe opens: exeDir when it
// holds a workspace (a vanban.toml), else home's Documents\vanban. That
// folder is made on first run with a sample workspace: the annotated
// profile and the samples of sampleDocs dated in year. Files already there
// are never overwritten. created tells whether anything was written.
func deskHome(exeDir, home string, year int, set *tmpl.Set) (dir string, created bool, err error) {
	if exeDir != "" {
		if st, err := os.Stat(filepath.Join(exeDir, engine.ProfileName)); err == nil && st.Mode().IsRegular() {
			return exeDir, false, nil
		}
	}
	if home == "" {
		return "", false, errors.New("không tìm thấy thư mục người dùng")
	}
	dir = filepath.Join(home, "Documents", "vanban")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, err
	}
	if _, err := os.Stat(filepath.Join(dir, engine.ProfileName)); err == nil {
		return dir, false, nil
	}
	files := [][2]string{{engine.ProfileName, engine.ProfileSample(year)}}
	for _, name := range sampleDocs {
		if t, ok := set.Get(name); ok {
			files = append(files, [2]string{name + ".toml", engine.Sample(t, year)})
		}
	}
	for _, f := range files {
		w, err := os.OpenFile(filepath.Join(dir, f[0]), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", created, err
		}
		_, err = io.WriteString(w, f[1])
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", created, err
		}
		created = true
	}
	return dir, created, nil
}

// cmdDoubleClick is vanban.exe started by a double click on Windows (no
// arguments, a console of its own): the desk of the folder deskHome picks,
// instead of the help a terminal user gets.
func cmdDoubleClick(ctx context.Context, stdout, stderr io.Writer) int {
	exeDir := ""
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		exeDir = filepath.Dir(exe)
	}
	home, _ := os.UserHomeDir()
	eng := openEngine(stderr)
	if eng == nil {
		return exitInternal
	}
	set, _ := eng.Templates(".")
	dir, created, err := deskHome(exeDir, home, time.Now().Year(), set)
	eng.Close()
	if err != nil {
		fmt.Fprintf(stderr, "vanban: không tạo được thư mục làm việc: %v\n", err)
		return exitInternal
	}
	if created {
		fmt.Fprintf(stderr, "Lần đầu chạy: đã tạo thư mục %s với hồ sơ cơ quan (vanban.toml) và văn bản mẫu.\n", dir)
	}
	fmt.Fprintln(stderr, "Trình duyệt sẽ mở bàn làm việc. Giữ cửa sổ này mở khi làm việc; đóng nó để dừng.")
	return cmdDesk(ctx, []string{dir}, stdout, stderr)
}
