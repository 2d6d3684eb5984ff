// Command serve is a fixture web server for trying `parallax fetch` and the window's
// Import from URL by hand, without the internet. It serves the pages of
// store/fetch/testdata/pages on the loopback interface:
//
//	go run ./store/fetch/testdata/serve -addr 127.0.0.1:8765
//
//	/cyber/{en,fr,es,ru,zh}   one event (a hospital cyberattack) in five languages
//	/valencia/{en,fr,de,es,vi} another event, in legacy charsets where the page says so
//	/cyber.rss, /valencia.rss feeds of the five pages of each event
//	/ferry                    an article that is edited: the first version until /ferry/edit
//	                          is requested, the edited one after (/ferry/reset goes back)
//
// It is a tool for people, not a test: the tests use httptest with the same pages.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"golang.org/x/text/encoding/htmlindex"
)

type page struct{ file, charset string }

var pages = map[string]page{
	"/cyber/en": {"cyber-en.html", ""}, "/cyber/fr": {"cyber-fr.html", ""}, "/cyber/es": {"cyber-es.html", ""},
	"/cyber/ru": {"cyber-ru.html", ""}, "/cyber/zh": {"cyber-zh.html", ""},
	"/valencia/en": {"en-jsonld.html", ""}, "/valencia/fr": {"fr-latin1.html", "iso-8859-1"},
	"/valencia/de": {"de-og.html", ""}, "/valencia/es": {"es-amp.html", ""}, "/valencia/vi": {"vi-nocharset.html", ""},
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8765", "address to listen on (keep it on the loopback interface)")
	flag.Parse()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "pages")

	mux := http.NewServeMux()
	for path, p := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { serveFile(w, dir, p) })
	}
	var edited atomic.Bool
	mux.HandleFunc("/ferry", func(w http.ResponseWriter, r *http.Request) {
		file := "edit-v1.html"
		if edited.Load() {
			file = "edit-v2.html"
		}
		serveFile(w, dir, page{file: file})
	})
	mux.HandleFunc("/ferry/edit", func(w http.ResponseWriter, r *http.Request) {
		edited.Store(true)
		fmt.Fprintln(w, "/ferry now serves the edited article")
	})
	mux.HandleFunc("/ferry/reset", func(w http.ResponseWriter, r *http.Request) {
		edited.Store(false)
		fmt.Fprintln(w, "/ferry now serves the first version")
	})
	feeds := map[string][]string{"cyber": {"en", "fr", "es", "ru", "zh"}, "valencia": {"en", "fr", "de", "es", "vi"}}
	for name, langs := range feeds {
		mux.HandleFunc("/"+name+".rss", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			var items strings.Builder
			for _, l := range langs {
				fmt.Fprintf(&items, "<item><title>%s (%s)</title><link>http://%s/%s/%s</link></item>\n", name, l, r.Host, name, l)
			}
			fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Wire: %s</title>
%s</channel></rss>`, name, items.String())
		})
	}
	log.Printf("serving %s on http://%s", dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// serveFile sends a page of dir, encoded into the page's legacy charset when it has one (the
// files are UTF-8 so they can be read and diffed).
func serveFile(w http.ResponseWriter, dir string, p page) {
	data, err := os.ReadFile(filepath.Join(dir, p.file))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ct := "text/html; charset=utf-8"
	if p.charset != "" {
		enc, err := htmlindex.Get(p.charset)
		if err == nil {
			data, err = enc.NewEncoder().Bytes(data)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ct = "text/html; charset=" + p.charset
	}
	w.Header().Set("Content-Type", ct)
	w.Write(data)
}
