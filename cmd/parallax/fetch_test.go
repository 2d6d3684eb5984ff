package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// storyServer serves five versions of one story (the fixtures of store/fetch, in UTF-8),
// a missing page and a feed of the story.
func storyServer(t *testing.T) *httptest.Server {
	t.Helper()
	fetchHostInterval = -1
	t.Cleanup(func() { fetchHostInterval = 0 })
	pages := map[string]string{
		"/en": "en-jsonld.html", "/fr": "fr-latin1.html", "/de": "de-og.html", "/es": "es-amp.html", "/vi": "vi-nocharset.html",
	}
	mux := http.NewServeMux()
	for p, file := range pages {
		data, err := os.ReadFile(filepath.Join("../../store/fetch/testdata/pages", file))
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(data)
		})
	}
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valencia</title>
<item><title>English</title><link>/en</link><pubDate>Wed, 30 Oct 2024 14:05:00 GMT</pubDate></item>
<item><title>Deutsch</title><link>/de</link></item>
<item><title>Tiếng Việt</title><link>/vi</link></item></channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// Five URLs of one story become five dated, titled articles with their outlets, in one story;
// a bad URL is reported at the end without stopping the others.
func TestFetch_FiveURLsOneStory(t *testing.T) {
	srv := storyServer(t)
	db := filepath.Join(t.TempDir(), "w.parallax")
	// A workspace that holds other stories too, as a real one does: story clustering weighs a
	// feature by how rare it is in the workspace.
	if r := runCLI(t, "import", "--db", db, "--samples"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	args := []string{"fetch", "--db", db}
	for _, p := range []string{"/en", "/fr", "/missing", "/de", "/es", "/vi"} {
		args = append(args, srv.URL+p)
	}
	r := runCLI(t, args...)
	if r.code != 1 || !strings.Contains(r.stderr, "1 of 6 URLs could not be fetched (the other pages were stored)") ||
		!strings.Contains(r.stderr, srv.URL+"/missing: no such page (404 Not Found)") {
		t.Fatalf("fetch: code %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "5 added, 0 revised, 0 unchanged") || !strings.Contains(r.stdout, `Le Quotidien, fr, 2024-10-30: "Inondations en Espagne : au moins 95 morts dans la région de Valence"`) {
		t.Errorf("stdout: %s", r.stdout)
	}

	r = runCLI(t, "analyze", "--json", "--db", db)
	if r.code != 0 {
		t.Fatalf("analyze: %d %s", r.code, r.stderr)
	}
	var rep struct {
		Articles []struct {
			ID, Title, Lang, Source string
			Published               *string
		}
		Stories []struct{ Articles []string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	fetched := map[string]bool{}
	for _, a := range rep.Articles {
		if !strings.HasPrefix(a.Source, srv.URL) {
			continue
		}
		fetched[a.ID] = true
		if a.Title == "" || a.Published == nil || !strings.HasPrefix(*a.Published, "2024-10-3") || a.Lang == "" {
			t.Errorf("article %+v lacks a title, date or language", a)
		}
	}
	if len(fetched) != 5 {
		t.Fatalf("%d fetched articles, want 5", len(fetched))
	}
	grouped := false
	for _, st := range rep.Stories {
		n := 0
		for _, id := range st.Articles {
			if fetched[id] {
				n++
			}
		}
		grouped = grouped || (n == 5 && len(st.Articles) == 5)
	}
	if !grouped {
		t.Errorf("stories = %+v, want the five fetched articles in one story of their own", rep.Stories)
	}

	// Fetching again changes nothing.
	r = runCLI(t, "fetch", "--db", db, srv.URL+"/en")
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 0 revised, 1 unchanged") {
		t.Errorf("re-fetch: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

func TestFetch_Feed(t *testing.T) {
	srv := storyServer(t)
	db := filepath.Join(t.TempDir(), "w.parallax")
	r := runCLI(t, "fetch", "--feed", srv.URL+"/feed", "--list")
	if r.code != 0 || !strings.Contains(r.stdout, "Valencia — 3 items") || !strings.Contains(r.stdout, "2024-10-30  English\n            "+srv.URL+"/en") {
		t.Fatalf("--list: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "fetch", "--db", db, srv.URL+"/en"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r = runCLI(t, "fetch", "--db", db, "--feed", srv.URL+"/feed")
	if r.code != 0 || !strings.Contains(r.stdout, "2 added, 0 revised, 0 unchanged") || strings.Contains(r.stdout, srv.URL+"/en ") {
		t.Fatalf("feed: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "fetch", "--db", db, "--feed", srv.URL+"/feed")
	if r.code != 0 || !strings.Contains(r.stdout, "nothing new in the feed") {
		t.Errorf("feed again: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "fetch", "--db", db, "--feed", srv.URL+"/en")
	if r.code != 1 || !strings.Contains(r.stderr, "not a feed") {
		t.Errorf("a page as feed: %d %s", r.code, r.stderr)
	}
}

func TestFetch_Misuse(t *testing.T) {
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"fetch"}, "give at least one URL"},
		{[]string{"fetch", "https://a.example/"}, "--db FILE is required"},
		{[]string{"fetch", "--list", "--db", "x"}, "--list needs --feed"},
	} {
		if r := runCLI(t, tc.args...); r.code != 2 || !strings.Contains(r.stderr, tc.says) {
			t.Errorf("%v: %d %s", tc.args, r.code, r.stderr)
		}
	}
	r := runCLI(t, "fetch", "--db", filepath.Join(t.TempDir(), "w"), "ftp://files.example/a")
	if r.code != 1 || !strings.Contains(r.stderr, "ftp://files.example/a: not a web address") || !strings.Contains(r.stderr, "nothing was stored") {
		t.Errorf("ftp: %d %s", r.code, r.stderr)
	}
}

// Interrupting a fetch stores nothing and exits 130.
func TestFetch_Interrupted(t *testing.T) {
	srv := storyServer(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	t.Cleanup(slow.Close)
	db := filepath.Join(t.TempDir(), "w.parallax")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	var out, errb bytes.Buffer
	code := run(ctx, []string{"fetch", "--db", db, srv.URL + "/en", slow.URL + "/a"}, strings.NewReader(""), &out, &errb)
	// The fetch's own message, or the one every interrupted command gives.
	if msg := errb.String(); code != 130 || !strings.Contains(msg, "nothing was stored") && !strings.Contains(msg, "nothing half-done was saved") {
		t.Fatalf("code %d, stderr %s", code, errb.String())
	}
	if r := runCLI(t, "export", "--db", db); r.code != 0 || strings.Contains(r.stdout, srv.URL) {
		t.Errorf("the page fetched before the interrupt was stored: %d %s", r.code, r.stderr)
	}
}

// pageServer serves fixture pages of store/fetch/testdata/pages (UTF-8) by path; the page
// behind a path can be swapped while the test runs.
type pageServer struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]string
}

func newPageServer(t *testing.T, pages map[string]string) *pageServer {
	t.Helper()
	fetchHostInterval = -1
	t.Cleanup(func() { fetchHostInterval = 0 })
	s := &pageServer{pages: pages}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		file, ok := s.pages[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join("../../store/fetch/testdata/pages", file))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *pageServer) serve(path, file string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = file
}

// Five short versions of one event in five languages and scripts, fetched into an empty
// workspace, are one story: each states the same few facts (the day, the country, the
// city, 14 hospitals, 2,300 operations), which in a workspace of five are in every article.
func TestFetch_FiveLanguagesEmptyWorkspaceOneStory(t *testing.T) {
	langs := []string{"en", "fr", "es", "ru", "zh"}
	pages := map[string]string{}
	for _, l := range langs {
		pages["/"+l] = "cyber-" + l + ".html"
	}
	srv := newPageServer(t, pages)
	db := filepath.Join(t.TempDir(), "w.parallax")
	args := []string{"fetch", "--db", db}
	for _, l := range langs {
		args = append(args, srv.URL+"/"+l)
	}
	if r := runCLI(t, args...); r.code != 0 || !strings.Contains(r.stdout, "5 added") {
		t.Fatalf("fetch: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := runCLI(t, "analyze", "--json", "--db", db)
	if r.code != 0 {
		t.Fatalf("analyze: %d %s", r.code, r.stderr)
	}
	var rep struct {
		Articles []struct {
			Title, Lang, Outlet string
			Published           *string
		}
		Stories []struct{ Articles []string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, a := range rep.Articles {
		if a.Title == "" || a.Outlet == "" || a.Published == nil || *a.Published != "2025-03-04" {
			t.Errorf("article %+v lacks a title, outlet or date", a)
		}
	}
	if len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != 5 {
		t.Errorf("stories = %+v, want the five versions in one", rep.Stories)
	}
}

// The same URL fetched again after the outlet edited the article is a new revision, and
// the analysis flags the edit — the toll, the name, the paragraph that went — with both
// revisions' times, in analyze --json and in every export.
func TestFetch_RefetchShowsEdit(t *testing.T) {
	srv := newPageServer(t, map[string]string{"/ferry": "edit-v1.html"})
	db := filepath.Join(t.TempDir(), "w.parallax")
	if r := runCLI(t, "fetch", "--db", db, srv.URL+"/ferry"); r.code != 0 || !strings.Contains(r.stdout, "1 added") {
		t.Fatalf("fetch: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	srv.serve("/ferry", "edit-v2.html")
	r := runCLI(t, "fetch", "--db", db, srv.URL+"/ferry")
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 1 revised, 0 unchanged") {
		t.Fatalf("re-fetch: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "analyze", "--json", "--db", db)
	if r.code != 0 {
		t.Fatalf("analyze: %d %s", r.code, r.stderr)
	}
	var rep struct {
		Discrepancies []struct {
			Kind, Summary string
			Edits         []struct{ Kind, Change, Old, New string }
			Revisions     []struct {
				Revision          int
				Fetched, Modified string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range rep.Discrepancies {
		if d.Kind != "edit" {
			continue
		}
		found = true
		var got []string
		for _, e := range d.Edits {
			got = append(got, e.Kind+" "+e.Change+" "+e.Old+"→"+e.New)
		}
		all := strings.Join(got, "\n")
		for _, want := range []string{"number changed 12→35", "Peter Kalua→James Kadadzera", "paragraph removed Witnesses said"} {
			if !strings.Contains(all, want) {
				t.Errorf("edits lack %q:\n%s", want, all)
			}
		}
		if len(d.Revisions) != 2 || d.Revisions[0].Modified != "2025-05-12T08:00:00Z" || d.Revisions[1].Modified != "2025-05-12T16:25:00Z" ||
			d.Revisions[0].Fetched == "" || d.Revisions[1].Fetched == "" {
			t.Errorf("revisions = %+v", d.Revisions)
		}
	}
	if !found {
		t.Fatalf("no edit discrepancy in %s", r.stdout)
	}
	for _, format := range []string{"parallax", "md", "html"} {
		r := runCLI(t, "export", "--db", db, "--format", format)
		if r.code != 0 || !strings.Contains(r.stdout, "was edited: number “12” → “35”") {
			t.Errorf("export --format %s: %d %s\n%.2000s", format, r.code, r.stderr, r.stdout)
		}
	}
}
