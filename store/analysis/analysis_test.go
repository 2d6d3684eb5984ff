package analysis

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/compare"
	"parallax/store"
	"parallax/store/ingest"
)

func seedDocs(t *testing.T) []ingest.Document {
	t.Helper()
	docs, errs := ingest.Paths([]string{filepath.Join("..", "..", "seeds")}, ingest.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return docs
}

func TestDocumentsReport(t *testing.T) {
	rep, err := Documents(seedDocs(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Version != ReportVersion || len(rep.Articles) != 5 {
		t.Fatalf("version %d, %d articles", rep.Version, len(rep.Articles))
	}
	for _, a := range rep.Articles {
		runes := []rune(a.Text)
		if len(a.Facts) == 0 {
			t.Errorf("%s: no facts", a.Source)
		}
		for _, f := range a.Facts {
			if f.Start < 0 || f.End > len(runes) || f.Start >= f.End {
				t.Fatalf("%s: fact %s span [%d,%d) outside the text", a.Source, f.ID, f.Start, f.End)
			}
			if got := string(runes[f.Start:f.End]); got != f.Text {
				t.Errorf("%s: fact %s text %q, span holds %q", a.Source, f.ID, f.Text, got)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "5 articles") {
		t.Errorf("text report lacks the summary line:\n%s", buf.String())
	}
}

func TestWorkspaceCachesFacts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parallax")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ImportDocuments(seedDocs(t), time.Now()); err != nil {
		t.Fatal(err)
	}
	first, err := Workspace(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range first.Articles {
		cached, ok, err := db.CachedFacts(a.ID, 1, compare.ExtractorVersion)
		if err != nil || !ok {
			t.Fatalf("%s: facts not cached (%v)", a.ID, err)
		}
		if len(cached) != len(a.Facts) {
			t.Errorf("%s: cached %d facts, report has %d", a.ID, len(cached), len(a.Facts))
		}
	}
	// A second run reads the cache and must report the same facts.
	var calls int
	second, err := Workspace(db, Options{Progress: func(int, int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 0 {
		t.Errorf("second run extracted %d articles again instead of using the cache", calls)
	}
	for i := range first.Articles {
		if len(first.Articles[i].Facts) != len(second.Articles[i].Facts) {
			t.Errorf("article %d: %d facts then %d", i, len(first.Articles[i].Facts), len(second.Articles[i].Facts))
		}
	}
}

func TestDocumentsLeavesNoTemporaryWorkspace(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if _, err := Documents(seedDocs(t), Options{}); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(tmp)
	if len(left) != 0 {
		t.Errorf("analyze left %d files in the temporary directory", len(left))
	}
}

// TestDisplayName: summaries name an article as a person would — outlet, else the URL's
// host, else a short headline — and never by a percent-encoded slug or a hash when anything
// better is known.
func TestDisplayName(t *testing.T) {
	for _, tc := range []struct {
		a    store.Article
		want string
	}{
		{store.Article{ID: "ab12", Outlet: "Le Courrier du Levant", Lang: "fr", Source: "x/001_ec630aab.txt"}, "Le Courrier du Levant (fr)"},
		{store.Article{ID: "ab12", URL: "https://www.rferl.org/a/%D0%BA%D0%B8%D1%82%D0%B0%D0%B9/31369386.html", Lang: "ru"}, "www.rferl.org (ru)"},
		{store.Article{ID: "ab12", Title: "Séisme en Turquie", Lang: "fr", Source: "d/001_ec630aab71b8f3cf.txt"}, "«Séisme en Turquie» (fr)"},
		{store.Article{ID: "ab12", Title: strings.Repeat("long headline ", 10), Source: "d/%D0%BA%D0%B8.txt", Lang: "ru"}, "ки.txt (ru)"},
		{store.Article{ID: "ab12"}, "ab12"},
	} {
		if got := DisplayName(tc.a); got != tc.want {
			t.Errorf("DisplayName(%+v) = %q, want %q", tc.a, got, tc.want)
		}
	}
}
