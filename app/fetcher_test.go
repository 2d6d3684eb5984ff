package app_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/store"
	"parallax/store/fetch"
	"parallax/store/ingest"
)

// newsServer serves three versions of the Valencia floods story (store/fetch's fixtures), a
// missing page and a feed of the three.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for p, file := range map[string]string{"/en": "en-jsonld.html", "/fr": "fr-latin1.html", "/de": "de-og.html"} {
		data, err := os.ReadFile(filepath.Join("..", "store", "fetch", "testdata", "pages", file))
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
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valencia floods</title>
<item><title>English</title><link>/en</link></item><item><title>Français</title><link>/fr</link></item>
<item><title>Deutsch</title><link>/de</link></item></channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// newFetchUI is newUI with fetching pointed at the test server and no pause between pages.
func newFetchUI(t *testing.T, db *store.DB) (*app.UI, fyne.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	u := app.Create(a, w, db, app.Options{
		Samples: func() ([]ingest.Document, error) { return seedDocs(t), nil },
		Fetch:   fetch.Options{HostInterval: -1},
	})
	u.WaitIdle()
	w.Resize(fyne.NewSize(1400, 900))
	return u, a, w
}

// findObjects lists the objects of type T in the window's top overlay (an open dialog).
func findObjects[T fyne.CanvasObject](w fyne.Window) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
		}
		if wdg, ok := o.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(wdg).Objects() {
				walk(ch)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return out
}

func TestWorkbench_ImportURLs(t *testing.T) {
	srv := newsServer(t)
	db := openDB(t, t.TempDir())
	u, _, w := newFetchUI(t, db)
	u.ImportURLs([]string{srv.URL + "/en", srv.URL + "/missing", srv.URL + "/fr", srv.URL + "/de"})
	u.WaitIdle()
	if n, _ := db.ArticleCount(); n != 8 {
		t.Errorf("%d articles, want the 5 samples and 3 fetched", n)
	}
	if !strings.Contains(u.Status.Text, "Fetched: 3 added") {
		t.Errorf("status %q", u.Status.Text)
	}
	var said []string
	for _, l := range findObjects[*widget.Label](w) {
		said = append(said, l.Text)
	}
	if all := strings.Join(said, "\n"); !strings.Contains(all, srv.URL+"/missing: no such page (404 Not Found)") {
		t.Errorf("the failed URL is not reported; the dialog says %q", all)
	}
	a := articleBySource(t, db, "fr")
	if a.Outlet != "Le Quotidien" || a.Published != "2024-10-30" || a.FetchedAt.IsZero() || !strings.HasPrefix(a.Title, "Inondations en Espagne") {
		t.Errorf("fetched article = %+v", a)
	}
}

// Pasting addresses on the library fetches them; pasting them into the paste dialog too.
func TestWorkbench_PasteURLsOnLibrary(t *testing.T) {
	srv := newsServer(t)
	db := openDB(t, t.TempDir())
	u, a, w := newFetchUI(t, db)
	a.Clipboard().SetContent(srv.URL + "/en\n" + srv.URL + "/de\n")
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: a.Clipboard()})
	u.WaitIdle()
	if n, _ := db.ArticleCount(); n != 7 {
		t.Errorf("after pasting two URLs on the library: %d articles, want 7", n)
	}
	u.ImportText("", srv.URL+"/fr")
	u.WaitIdle()
	if n, _ := db.ArticleCount(); n != 8 {
		t.Errorf("after pasting a URL as text: %d articles, want 8 (fetched, not stored as text)", n)
	}
}

// A feed's items are listed with the stored ones unticked; Import fetches the ticked ones.
func TestWorkbench_Feed(t *testing.T) {
	srv := newsServer(t)
	db := openDB(t, t.TempDir())
	u, _, w := newFetchUI(t, db)
	u.ImportURLs([]string{srv.URL + "/en"})
	u.WaitIdle()
	u.OpenFeed(srv.URL + "/feed")
	u.WaitIdle()
	checks := findObjects[*widget.Check](w)
	if len(checks) != 3 || checks[0].Checked || !checks[1].Checked || !strings.Contains(checks[0].Text, "already in the workspace") {
		var got []string
		for _, c := range checks {
			got = append(got, fmt.Sprintf("%q %v", c.Text, c.Checked))
		}
		t.Fatalf("feed items: %v", got)
	}
	for _, b := range findObjects[*widget.Button](w) {
		if b.Text == "Import ticked" {
			test.Tap(b)
		}
	}
	u.WaitIdle()
	if n, _ := db.ArticleCount(); n != 8 {
		t.Errorf("after importing the feed's new items: %d articles, want 8", n)
	}
}
