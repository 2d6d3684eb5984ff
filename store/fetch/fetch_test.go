package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var fetchTime = time.Date(2024, 10, 31, 9, 0, 0, 0, time.UTC)

// testFetcher talks to the test server only, with no pause between requests.
func testFetcher(opts Options) *Fetcher {
	if opts.HostInterval == 0 {
		opts.HostInterval = -1
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "Parallax/9.9.9 (test)"
	}
	opts.Now = func() time.Time { return fetchTime }
	return New(opts)
}

// TestPage_Fixtures reads the news pages of the eight languages, through each charset and
// transfer encoding, and compares the documents with testdata/golden.
func TestPage_Fixtures(t *testing.T) {
	srv := newTestServer(t)
	f := testFetcher(Options{})
	cases := []struct{ name, path string }{
		{"en-jsonld", "/en/article"},
		{"fr-latin1-header", "/fr/article"},
		{"ar-cp1256-http-equiv", "/ar/article"},
		{"ru-koi8-meta", "/ru/koi8"},
		{"ru-cp1251-header", "/ru/cp1251"},
		{"zh-gb2312-jsonld-array", "/zh/article"},
		{"es-amp", "/es/amp"},
		{"de-opengraph", "/de/article"},
		{"vi-no-charset-no-type", "/vi/article"},
		{"gzip", "/gzip"},
		{"brotli-koi8", "/br"},
		{"redirect-chain", "/redirect/3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := f.Page(context.Background(), srv.URL+tc.path)
			if err != nil {
				t.Fatalf("Page: %v", err)
			}
			if len(doc.Raw) == 0 || !doc.FetchedAt.Equal(fetchTime) {
				t.Errorf("raw page %d bytes, fetched at %v", len(doc.Raw), doc.FetchedAt)
			}
			doc.Raw = nil
			out, _ := json.MarshalIndent(doc, "", "  ")
			got := strings.ReplaceAll(string(out), srv.URL, "http://news.test") + "\n"
			golden := filepath.Join("testdata", "golden", tc.name+".json")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("differs from %s:\n got: %s\nwant: %s", golden, got, want)
			}
		})
	}
}

// failing dials give the network failures no test may cause for real.
func failingDial(err error) http.RoundTripper {
	return &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, err
	}}
}

// TestPage_Failures: every way a fetch fails is an *Error naming the URL, with its sentinel
// and a message that says what happened.
func TestPage_Failures(t *testing.T) {
	srv := newTestServer(t)
	tls := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(tls.Close)
	closed := httptest.NewServer(http.NotFoundHandler())
	refused := closed.URL
	closed.Close()

	cases := []struct {
		name, url string
		opts      Options
		cause     error
		says      string
	}{
		{"forbidden", srv.URL + "/status/403", Options{}, ErrStatus, "refused to serve the page (403 Forbidden)"},
		{"not found", srv.URL + "/status/404", Options{}, ErrStatus, "no such page (404 Not Found)"},
		{"gone", srv.URL + "/status/410", Options{}, ErrStatus, "no such page (410 Gone)"},
		{"rate limited", srv.URL + "/status/429", Options{}, ErrStatus, "slow down (429 Too Many Requests) (it asks to wait 2m0s)"},
		{"server error", srv.URL + "/status/500", Options{}, ErrStatus, "server failed (500 Internal Server Error); try again later"},
		{"unavailable", srv.URL + "/status/503", Options{}, ErrStatus, "503 Service Unavailable"},
		{"login", srv.URL + "/status/401", Options{}, ErrStatus, "needs a login"},
		{"redirect loop", srv.URL + "/loop", Options{}, ErrRedirects, "redirected more than 10 times"},
		{"too many redirects", srv.URL + "/redirect/3", Options{MaxRedirects: 2}, ErrRedirects, "more than 2 times"},
		{"redirect to ftp", srv.URL + "/to-ftp", Options{}, ErrRedirects, "not a web page"},
		{"slow server", srv.URL + "/slow", Options{Timeout: 300 * time.Millisecond}, ErrTimeout, "did not answer within 300ms"},
		{"stalled body", srv.URL + "/slow-body", Options{Timeout: 300 * time.Millisecond}, ErrTimeout, "stopped sending"},
		{"50 MB with length", srv.URL + "/huge", Options{}, ErrTooLarge, "the page is 50 MiB, over the 10 MiB limit"},
		{"50 MB chunked", srv.URL + "/huge-chunked", Options{}, ErrTooLarge, "more than 10 MiB"},
		{"gzip bomb", srv.URL + "/gzip-bomb", Options{}, ErrTooLarge, "over the 10 MiB limit"},
		{"pdf", srv.URL + "/report.pdf", Options{}, ErrNotPage, "serves a PDF document (application/pdf)"},
		{"image", srv.URL + "/photo.jpg", Options{}, ErrNotPage, "serves an image (image/jpeg)"},
		{"pdf as html", srv.URL + "/download", Options{}, ErrNotPage, "a PDF document"},
		{"cookie wall", srv.URL + "/cookie", Options{}, ErrNoArticle, "cookie-consent, login or subscription wall"},
		{"paywall", srv.URL + "/paywall", Options{}, ErrNoArticle, "subscription wall"},
		{"script page", srv.URL + "/spa", Options{}, ErrNoArticle, "build itself with scripts"},
		{"a feed", srv.URL + "/feed/rss", Options{}, ErrNotPage, "is a news feed (RSS or Atom), not an article"},
		{"ftp", "ftp://files.example/a.txt", Options{}, ErrBadURL, "http:// and https://"},
		{"no host", "https:///path", Options{}, ErrBadURL, "names no site"},
		{"words", "not a link", Options{}, ErrBadURL, "not a web address"},
		{"dns", "https://no-such-outlet.example/a", Options{Transport: failingDial(&net.DNSError{Err: "no such host", Name: "no-such-outlet.example", IsNotFound: true})}, ErrNetwork, "cannot find the site no-such-outlet.example"},
		{"offline", "https://news.example/a", Options{Transport: failingDial(&net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ENETUNREACH)})}, ErrNetwork, "seems to be offline"},
		{"refused", refused + "/a", Options{}, ErrNetwork, "refused the connection"},
		{"bad certificate", tls.URL + "/a", Options{}, ErrNetwork, "certificate is not valid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testFetcher(tc.opts).Page(context.Background(), tc.url)
			var fe *Error
			if !errors.As(err, &fe) || fe.URL != tc.url {
				t.Fatalf("err = %v, want an *Error for %s", err, tc.url)
			}
			if !errors.Is(err, tc.cause) {
				t.Errorf("err = %v, want cause %v", err, tc.cause)
			}
			if !strings.Contains(err.Error(), tc.says) || !strings.HasPrefix(err.Error(), tc.url+": ") {
				t.Errorf("message %q\nshould start with the URL and say %q", err, tc.says)
			}
		})
	}
}

// A batch goes past bad URLs, keeps the order given, fetches a repeated URL once and
// reports progress for each URL.
func TestPages_BatchContinues(t *testing.T) {
	srv := newTestServer(t)
	f := testFetcher(Options{Workers: 3})
	urls := []string{srv.URL + "/en/article", srv.URL + "/status/404", srv.URL + "/fr/article", " " + srv.URL + "/en/article#comments", srv.URL + "/cookie"}
	var calls atomic.Int32
	docs, errs := f.Pages(context.Background(), urls, func(done, total int, _ string) {
		calls.Add(1)
		if total != 4 {
			t.Errorf("progress total %d, want 4 (the repeated URL counted once)", total)
		}
	})
	if len(docs) != 2 || !strings.HasSuffix(docs[0].Source, "/en/article") || !strings.HasSuffix(docs[1].Source, "/fr/article") {
		t.Fatalf("docs = %d %v", len(docs), docs)
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrStatus) || !errors.Is(errs[1], ErrNoArticle) {
		t.Fatalf("errs = %v", errs)
	}
	if calls.Load() != 4 {
		t.Errorf("progress called %d times, want 4", calls.Load())
	}
}

// Cancelling a batch returns at once with nothing for the URLs not finished.
func TestPages_Cancel(t *testing.T) {
	srv := newTestServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for len(srv.log()) == 0 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	docs, errs := testFetcher(Options{Workers: 1}).Pages(ctx, []string{srv.URL + "/slow", srv.URL + "/en/article"}, nil)
	if len(docs) != 0 || len(errs) != 0 {
		t.Fatalf("after cancel: %d docs, errs %v; want nothing", len(docs), errs)
	}
}

// recordingTransport notes when each request leaves the client: the moment the pause per
// host governs (arrival at the server adds the network's jitter).
type recordingTransport struct {
	mu    sync.Mutex
	sent  []time.Time
	inner http.RoundTripper
}

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.sent = append(r.sent, time.Now())
	r.mu.Unlock()
	return r.inner.RoundTrip(req)
}

// Requests to one host keep their distance, and name Parallax.
func TestFetcher_PolitePerHost(t *testing.T) {
	srv := newTestServer(t)
	const gap = 150 * time.Millisecond
	rec := &recordingTransport{inner: http.DefaultTransport}
	f := testFetcher(Options{HostInterval: gap, UserAgent: "Parallax/1.2.3 (news comparison workbench)", Transport: rec})
	_, errs := f.Pages(context.Background(), []string{srv.URL + "/en/article", srv.URL + "/de/article", srv.URL + "/es/amp"}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, h := range srv.log() {
		if h.userAgent != "Parallax/1.2.3 (news comparison workbench)" {
			t.Errorf("User-Agent %q", h.userAgent)
		}
	}
	if len(rec.sent) != 3 {
		t.Fatalf("%d requests, want 3", len(rec.sent))
	}
	for i := 1; i < len(rec.sent); i++ {
		// A lower bound only: a slow machine spaces them more, never less. The slack is the
		// few instructions between claiming the moment and sending.
		if d := rec.sent[i].Sub(rec.sent[i-1]); d < gap-2*time.Millisecond {
			t.Errorf("requests %d and %d to one host sent %v apart, want at least %v", i-1, i, d, gap)
		}
	}
}

// The same URL fetched again with changed text is the next revision of the same article,
// and each revision keeps its page.
func TestPage_RefetchIsRevision(t *testing.T) {
	srv := newTestServer(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "w.parallax"), store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f := testFetcher(Options{})
	var ids []string
	for i, u := range []string{"/edited", "/edited", "/edited?v=2"} {
		doc, err := f.Page(context.Background(), srv.URL+u)
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.ImportDocuments([]ingest.Document{doc}, fetchTime)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.ImportStatus{store.StatusAdded, store.StatusUnchanged, store.StatusRevised}[i]
		if res.Docs[0].Status != want {
			t.Errorf("fetch %d of %s: %s, want %s", i+1, u, res.Docs[0].Status, want)
		}
		ids = append(ids, res.Docs[0].ID)
	}
	if ids[0] != ids[2] {
		t.Fatalf("the edited page became another article (%s, %s)", ids[0], ids[2])
	}
	revs, err := db.Revisions(ids[0])
	if err != nil || len(revs) != 2 || !strings.Contains(revs[0].Text, "95") || !strings.Contains(revs[1].Text, "158") {
		t.Fatalf("revisions = %v, %v", len(revs), err)
	}
	if revs[1].URL != "https://www.zeitung.example/ausland/spanien-unwetter-valencia-100.html" || revs[1].Outlet != "Beispiel Zeitung" || !revs[1].FetchedAt.Equal(fetchTime) {
		t.Errorf("revision 2 = %+v", revs[1])
	}
	for rev := 1; rev <= 2; rev++ {
		if raw, err := db.RawPage(ids[0], rev); err != nil || !strings.Contains(string(raw), "<html") {
			t.Errorf("RawPage(%d): %d bytes, %v", rev, len(raw), err)
		}
	}
}

func TestFeed(t *testing.T) {
	srv := newTestServer(t)
	f := testFetcher(Options{})
	rss, err := f.Feed(context.Background(), srv.URL+"/feed/rss")
	if err != nil {
		t.Fatal(err)
	}
	if rss.Title != "Example World News - Europe" || len(rss.Items) != 2 {
		t.Fatalf("rss = %+v (the item without a link is left out)", rss)
	}
	if it := rss.Items[1]; it.Title != "Rescuers search for the missing in Paiporta & Chiva" || it.Link != srv.URL+"/de/article" ||
		!it.Published.Equal(time.Date(2024, 10, 30, 11, 48, 0, 0, time.UTC)) {
		t.Errorf("rss item = %+v", it)
	}
	atom, err := f.Feed(context.Background(), srv.URL+"/feed/atom")
	if err != nil {
		t.Fatal(err)
	}
	if len(atom.Items) != 2 || atom.Items[0].Link != srv.URL+"/es/amp" || atom.Items[1].Published.IsZero() {
		t.Fatalf("atom = %+v", atom)
	}
	// Every item fetches.
	var links []string
	for _, it := range append(rss.Items, atom.Items...) {
		links = append(links, it.Link)
	}
	if docs, errs := f.Pages(context.Background(), links, nil); len(docs) != 4 || len(errs) != 0 {
		t.Errorf("items: %d docs, errs %v", len(docs), errs)
	}

	for _, tc := range []struct{ path, says string }{
		{"/en/article", "the page names its feed(s): " + srv.URL + "/feeds/world.rss"},
		{"/spa", "serves no RSS or Atom feed"},
	} {
		_, err := f.Feed(context.Background(), srv.URL+tc.path)
		if !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("Feed(%s) = %v, want ErrNotFeed saying %q", tc.path, err, tc.says)
		}
	}
	if _, err := f.Feed(context.Background(), srv.URL+"/status/404"); !errors.Is(err, ErrStatus) {
		t.Errorf("Feed of a 404: %v", err)
	}
}

func TestCanonical(t *testing.T) {
	final, _ := url.Parse("https://news.example/world/2024/10/30/floods.amp?x=1#top")
	for _, tc := range []struct{ link, want string }{
		{"", "https://news.example/world/2024/10/30/floods.amp?x=1"},
		{"/world/2024/10/30/floods", "https://news.example/world/2024/10/30/floods"},
		{"https://www.news.example/world/floods#comments", "https://www.news.example/world/floods"},
		{"https://news.example/", "https://news.example/world/2024/10/30/floods.amp?x=1"}, // a template's home-page canonical
		{"https://news.example", "https://news.example/world/2024/10/30/floods.amp?x=1"},
		{"https://news.example/?p=123", "https://news.example/?p=123"},
		{"javascript:void(0)", "https://news.example/world/2024/10/30/floods.amp?x=1"},
		{"http://[::1", "https://news.example/world/2024/10/30/floods.amp?x=1"},
	} {
		if got := canonical(final, tc.link); got != tc.want {
			t.Errorf("canonical(%q) = %q, want %q", tc.link, got, tc.want)
		}
	}
}
