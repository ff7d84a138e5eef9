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
