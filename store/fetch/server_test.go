package fetch

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"golang.org/x/text/encoding/htmlindex"
)

// fixture is a page the test server serves: a file of testdata/pages (written in UTF-8 so it
// can be read and diffed), encoded into charset before it is sent, with a Content-Type.
type fixture struct {
	file, contentType, charset string
}

// fixtures model the markup of news sites in the eight languages: JSON-LD in a @graph, in an
// array, with a plain-string publisher; Open Graph only; AMP; legacy charsets declared in the
// header, in <meta charset>, in http-equiv, or not at all.
var fixtures = map[string]fixture{
	"/en/article": {"en-jsonld.html", "text/html; charset=utf-8", ""},
	"/fr/article": {"fr-latin1.html", "text/html; charset=ISO-8859-1", "iso-8859-1"},
	"/ar/article": {"ar-cp1256.html", "text/html", "windows-1256"},
	"/ru/koi8":    {"ru-koi8.html", "text/html", "koi8-r"},
	"/ru/cp1251":  {"ru-cp1251.html", "text/html; charset=windows-1251", "windows-1251"},
	"/zh/article": {"zh-gb2312.html", "text/html", "gb2312"},
	"/es/amp":     {"es-amp.html", "text/html; charset=utf-8", ""},
	"/de/article": {"de-og.html", "text/html;charset=UTF-8", ""},
	"/vi/article": {"vi-nocharset.html", "", ""},
	"/cookie":     {"cookie-wall.html", "text/html; charset=utf-8", ""},
	"/paywall":    {"paywall.html", "text/html; charset=utf-8", ""},
	"/spa":        {"spa.html", "text/html; charset=utf-8", ""},
	"/feed/rss":   {"../feeds/world.rss", "application/rss+xml; charset=utf-8", ""},
	"/feed/atom":  {"../feeds/europe.atom", "application/atom+xml", ""},
}

// hugeSize is the body of /huge and friends: 50 MB, five times DefaultMaxBytes.
const hugeSize = 50 << 20

// testServer serves the fixtures and the failure modes on the loopback interface.
type testServer struct {
	*httptest.Server
	mu       sync.Mutex
	hits     []hit
	gzipBomb []byte
}

type hit struct {
	path, userAgent string
	at              time.Time
}

func (s *testServer) log() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.hits...)
}

func fixtureBytes(t testing.TB, f fixture) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pages", f.file))
	if err != nil {
		t.Fatal(err)
	}
	if f.charset == "" {
		return data
	}
	enc, err := htmlindex.Get(f.charset)
	if err != nil {
		t.Fatal(err)
	}
	out, err := enc.NewEncoder().Bytes(data)
	if err != nil {
		t.Fatalf("encode %s as %s: %v", f.file, f.charset, err)
	}
	return out
}

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	s := &testServer{}
	pages := map[string][]byte{}
	for p, f := range fixtures {
		pages[p] = fixtureBytes(t, f)
	}
	mux := http.NewServeMux()
	for p, f := range fixtures {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			if f.contentType != "" {
				w.Header().Set("Content-Type", f.contentType)
			} else {
				w.Header()["Content-Type"] = nil // no header at all, as some old servers
			}
			w.Write(pages[p])
		})
	}
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n <= 0 {
			http.Redirect(w, r, "/en/article", http.StatusMovedPermanently)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop?consent=1", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/a.txt", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>The first paragraph arrives, then nothing"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(hugeSize))
		writeHuge(w)
	})
	mux.HandleFunc("/huge-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		writeHuge(w)
	})
	mux.HandleFunc("/gzip-bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(s.gzipBomb)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(pages["/en/article"])
		zw.Close()
	})
	mux.HandleFunc("/br", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // the page's <meta charset> says KOI8-R
		w.Header().Set("Content-Encoding", "br")
		bw := brotli.NewWriter(w)
		bw.Write(pages["/ru/koi8"])
		bw.Close()
	})
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(r.PathValue("code"))
		if code == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "120")
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(code)
		w.Write([]byte("<html><body><h1>Error</h1></body></html>"))
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"))
	})
	mux.HandleFunc("/photo.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("\xff\xd8\xff\xe0\x00\x10JFIF"))
	})
	mux.HandleFunc("/download", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // a lie: the bytes are a PDF
		w.Write([]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n"))
	})
	mux.HandleFunc("/edited", func(w http.ResponseWriter, r *http.Request) {
		// The article as first published, then (?v=2) as edited: the toll rose.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := string(pages["/de/article"])
		if r.URL.Query().Get("v") == "2" {
			page = strings.ReplaceAll(page, "95", "158")
		}
		w.Write([]byte(page))
	})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, hit{r.URL.Path, r.UserAgent(), time.Now()})
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	})
	s.gzipBomb = gzipBomb()
	s.Server = httptest.NewServer(handler)
	t.Cleanup(s.Close)
	return s
}

// gzipBomb is a page of 50 MB of NULs after gzip (about 50 KB), made once for all tests.
var gzipBomb = sync.OnceValue(func() []byte {
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestSpeed)
	zw.Write([]byte("<html><body><p>"))
	zw.Write(make([]byte, hugeSize))
	zw.Close()
	return bomb.Bytes()
})

// writeHuge streams hugeSize bytes of markup, stopping when the client hangs up.
func writeHuge(w http.ResponseWriter) {
	chunk := bytes.Repeat([]byte("<p>lorem ipsum dolor sit amet</p>\n"), 1024)
	for n := 0; n < hugeSize; n += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), hugeSize-n)]); err != nil {
			return
		}
	}
}
