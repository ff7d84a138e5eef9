// Package desk is the clerk's desk: a local web page, served on the
// loopback interface only, that lists a workspace's documents, edits them
// in a form generated from their template's keys or as raw TOML, shows
// the pages live as SVG (render/svg, from the same layout as the PDF),
// saves in place (tomledit, comments kept), builds PDF and DOCX, assigns
// numbers and shows the register. It calls the engine, as the CLI does, so
// the two never disagree about a document.
//
// Security: every request must carry the access token (the ?t= of the URL
// the command prints, then a cookie); the Host header must name the
// loopback address and port (against DNS rebinding); requests that change
// anything must come from the desk's own origin; only the workspace's own
// documents (by name) and its output folder are ever read or written.
package desk

import (
	"crypto/subtle"
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"vanban/internal/engine"
)

//go:embed static
var static embed.FS

// Options configure a desk.
type Options struct {
	Dir   string // the workspace folder; absolute
	Token string // the access token; must not be empty
	// NewEngine makes an engine, as the CLI makes it (same version, same
	// fonts). The desk makes a fresh one after anything is written, since
	// an engine caches the documents it read.
	NewEngine func() (*engine.Engine, error)
	Now       func() time.Time // the clock, for the default date of Cấp số; nil means time.Time{}
	Out       string           // the output folder for PDF and DOCX; "" means Dir/out
}

// Server serves one workspace.
type Server struct {
	opt Options
	mu  sync.Mutex // serialises the engine: it is used by one goroutine at a time
	eng *engine.Engine
}

// New returns a desk for opt.Dir.
func New(opt Options) (*Server, error) {
	if opt.Token == "" {
		return nil, fmt.Errorf("desk: empty token")
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return time.Time{} }
	}
	if opt.Out == "" {
		opt.Out = filepath.Join(opt.Dir, "out")
	}
	e, err := opt.NewEngine()
	if err != nil {
		return nil, err
	}
	return &Server{opt: opt, eng: e}, nil
}

// Close releases the engine.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eng.Close()
}

// fresh replaces the engine after files changed; s.mu must be held.
func (s *Server) fresh() error {
	e, err := s.opt.NewEngine()
	if err != nil {
		return err
	}
	s.eng.Close()
	s.eng = e
	return nil
}

// cookieName is per port: browsers share cookies between the ports of
// one host, and two desks may run at once.
func cookieName(port int) string { return "vanban_t_" + strconv.Itoa(port) }

// Handler returns the desk's handler for a server listening on port of
// the loopback interface.
func (s *Server) Handler(port int) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	sub, _ := fs.Sub(static, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(sub)))
	mux.HandleFunc("GET /fonts/{style}", s.font)
	mux.HandleFunc("GET /api/docs", s.docs)
	mux.HandleFunc("GET /api/doc", s.doc)
	mux.HandleFunc("GET /api/templates", s.templates)
	mux.HandleFunc("POST /api/preview", s.preview)
	mux.HandleFunc("POST /api/save", s.save)
	mux.HandleFunc("POST /api/new", s.newDoc)
	mux.HandleFunc("POST /api/build", s.build)
	mux.HandleFunc("GET /api/assign", s.peekNumber)
	mux.HandleFunc("POST /api/assign", s.assign)
	mux.HandleFunc("GET /api/register", s.register)
	mux.HandleFunc("GET /out/{file}", s.output)
	hosts := map[string]bool{"127.0.0.1:" + strconv.Itoa(port): true, "localhost:" + strconv.Itoa(port): true}
	cookie := cookieName(port)
	token := []byte(s.opt.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// DNS rebinding: a page of another site that resolves its own
		// name to 127.0.0.1 sends its own name as Host.
		if !hosts[r.Host] {
			http.Error(w, "sai tên máy (Host)", http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if o := r.Header.Get("Origin"); !hosts[trimScheme(o)] {
				http.Error(w, "yêu cầu không đến từ trang của vanban (Origin)", http.StatusForbidden)
				return
			}
		}
		ok := false
		if q := r.URL.Query().Get("t"); q != "" && subtle.ConstantTimeCompare([]byte(q), token) == 1 {
			ok = true
			http.SetCookie(w, &http.Cookie{Name: cookie, Value: s.opt.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		} else if c, err := r.Cookie(cookie); err == nil && subtle.ConstantTimeCompare([]byte(c.Value), token) == 1 {
			ok = true
		}
		if !ok {
			http.Error(w, "thiếu mã truy cập: mở bàn làm việc bằng đường dẫn lệnh vanban mo in ra", http.StatusForbidden)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "no-referrer")
		mux.ServeHTTP(w, r)
	})
}

// trimScheme returns the host:port of an http origin; "" for anything
// else (an https or a null origin).
func trimScheme(origin string) string {
	const p = "http://"
	if len(origin) > len(p) && origin[:len(p)] == p {
		return origin[len(p):]
	}
	return ""
}
