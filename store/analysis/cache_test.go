package analysis

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
)

// TestWorkspace_StoryCache: analysing a workspace fills its story cache; the next analysis
// reads it back and writes the same report; after an import only the touched stories are
// new, the report equals an analysis without the cache, and stale stories are pruned. Check
// accepts the cache bucket.
func TestWorkspace_StoryCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parallax")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ImportDocuments(seedDocs(t), time.Now()); err != nil {
		t.Fatal(err)
	}
	report := func(opts Options) []byte {
		t.Helper()
		rep, err := Workspace(db, opts)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, rep); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := report(Options{})
	n, keys := storyCacheKeys(t, db)
	if n == 0 {
		t.Fatal("the first analysis cached no story")
	}
	if second := report(Options{}); !bytes.Equal(second, first) {
		t.Error("the report read back from the story cache differs from the first")
	}
	if fresh := report(Options{NoStoryCache: true}); !bytes.Equal(fresh, first) {
		t.Error("the report without the story cache differs")
	}

	extra := ingest.Document{Source: "extra.txt", Lang: "fr",
		Text: "Le 20 juillet 2021, Pékin a rejeté les accusations de Washington sur Microsoft Exchange.\n"}
	if _, err := db.ImportDocuments([]ingest.Document{extra}, time.Now()); err != nil {
		t.Fatal(err)
	}
	got := report(Options{})
	if want := report(Options{NoStoryCache: true}); !bytes.Equal(got, want) {
		t.Error("after an import, the cached report differs from a fresh one")
	}
	n2, keys2 := storyCacheKeys(t, db)
	kept := 0
	for k := range keys2 {
		if keys[k] {
			kept++
		}
	}
	if kept == 0 || kept == n || n2 < kept+1 {
		t.Errorf("after an import: %d cached stories, %d kept of %d; want the untouched kept, the touched replaced", n2, kept, n)
	}
	if err := db.Check(); err != nil {
		t.Errorf("check after caching stories: %v", err)
	}
}

func storyCacheKeys(t *testing.T, db *store.DB) (int, map[string]bool) {
	t.Helper()
	keys, err := db.StoryCacheKeys()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return len(keys), m
}
