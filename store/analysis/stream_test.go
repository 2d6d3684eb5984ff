package analysis

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/compare"
	"parallax/store"
	"parallax/store/ingest"
)

// variedSeeds is the samples plus a copy of each whose years and closing person differ, so
// the workspace holds two sets of stories and event flags between them.
func variedSeeds(t *testing.T) []ingest.Document {
	t.Helper()
	docs := seedDocs(t)
	out := append([]ingest.Document(nil), docs...)
	for _, d := range docs {
		b, err := os.ReadFile(d.Source)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.NewReplacer("2021", "2017", "2024", "2020").Replace(string(b)) + "\n\nKalomi Renvata.\n"
		c, err := ingest.Bytes("copy-"+filepath.Base(d.Source), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// sameBytes reports where two documents first differ.
func sameBytes(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-200)
	t.Errorf("%s: streamed document differs from the report's at byte %d of %d/%d:\n got …%.400q\nwant …%.400q",
		what, i, len(got), len(want), got[lo:], want[lo:])
}

// TestWriteWorkspaceJSON_SameAsReport: the bounded-memory document is byte for byte what
// openWithDocs opens a new workspace named name under a temporary folder, holding docs.
func openWithDocs(t *testing.T, name string, docs []ingest.Document) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), name), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
		t.Fatal(err)
	}
	return db
}

// inMemoryReport is the JSON document WriteJSON writes for Workspace's report (no story
// cache): what the streamed document must equal byte for byte.
func inMemoryReport(t *testing.T, db *store.DB) []byte {
	t.Helper()
	rep, err := Workspace(db, Options{NoStoryCache: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// WriteJSON writes for Workspace's report, on a cold workspace (facts extracted), a warm
// one (facts and stories cached), after an article is added, and through a throwaway
// workspace (analyze --json DIR).
func TestWriteWorkspaceJSON_SameAsReport(t *testing.T) {
	docs := variedSeeds(t)
	open := func(name string) *store.DB { return openWithDocs(t, name, docs) }
	report := func(db *store.DB) []byte { return inMemoryReport(t, db) }
	stream := func(db *store.DB) []byte {
		var b bytes.Buffer
		if err := WriteWorkspaceJSON(db, &b, Options{}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	ref := open("ref.parallax")
	ws := open("ws.parallax")
	want := report(ref)
	sameBytes(t, "cold", stream(ws), want)
	keys, err := ws.StoryCacheKeys()
	if err != nil || len(keys) == 0 {
		t.Errorf("the streamed analysis cached %d stories (%v), want every story", len(keys), err)
	}
	sameBytes(t, "warm", stream(ws), want)

	extra, err := ingest.Bytes("zz-extra.txt", []byte("Le 20 juillet 2017, la Chine a rejeté les accusations de Washington. Kalomi Renvata.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range []*store.DB{ref, ws} {
		if _, err := db.ImportDocuments([]ingest.Document{extra}, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	sameBytes(t, "after adding an article", stream(ws), report(ref))

	rep, err := Documents(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wantDir, gotDir bytes.Buffer
	if err := WriteJSON(&wantDir, rep); err != nil {
		t.Fatal(err)
	}
	if err := DocumentsJSON(t.TempDir(), docs, &gotDir, Options{}); err != nil {
		t.Fatal(err)
	}
	sameBytes(t, "throwaway workspace", gotDir.Bytes(), wantDir.Bytes())
	if t.Failed() {
		fmt.Fprintf(os.Stderr, "%d bytes\n", len(want))
	}
}

// TestWriteWorkspaceJSON_FeatureCache: the first streamed analysis caches every article's
// clustering features; a later one clusters from them instead of the facts (here with the
// story cache off, so every story is formed and analysed again) and writes the same bytes;
// a new revision misses and is read from its facts.
func TestWriteWorkspaceJSON_FeatureCache(t *testing.T) {
	if buildStamp() == "" {
		t.Skip("no build stamp: the feature cache is off")
	}
	docs := variedSeeds(t)
	open := func(name string) *store.DB { return openWithDocs(t, name, docs) }
	report := func(db *store.DB) []byte { return inMemoryReport(t, db) }
	stream := func(db *store.DB, opts Options) []byte {
		var b bytes.Buffer
		if err := WriteWorkspaceJSON(db, &b, opts); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	cached := func(db *store.DB) (n, of int) {
		metas, err := db.ArticleMetas()
		if err != nil {
			t.Fatal(err)
		}
		ids, stamps := make([]string, len(metas)), make([]string, len(metas))
		for i, a := range metas {
			ids[i], stamps[i] = a.ID, strconv.Itoa(a.Revision)+":"+compare.ExtractorVersion+":"+buildStamp()
		}
		fs, err := db.CachedFeaturesMany(ids, stamps)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f != nil {
				n++
			}
		}
		return n, len(metas)
	}
	ref, ws := open("ref.parallax"), open("ws.parallax")
	sameBytes(t, "cold", stream(ws, Options{}), report(ref))
	if n, of := cached(ws); n != of {
		t.Fatalf("the first analysis cached the features of %d of %d articles", n, of)
	}
	sameBytes(t, "from cached features, stories analysed again", stream(ws, Options{NoStoryCache: true}), report(ref))

	// A new revision of one article: its features are read from its facts again.
	first := docs[0]
	first.Text += "\nLe bilan a été revu le lendemain.\n"
	for _, db := range []*store.DB{ref, ws} {
		if _, err := db.ImportDocuments([]ingest.Document{first}, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if n, of := cached(ws); n != of-1 {
		t.Errorf("after a new revision %d of %d articles have features under their stamp, want all but one", n, of)
	}
	sameBytes(t, "after a new revision", stream(ws, Options{}), report(ref))
	if n, of := cached(ws); n != of {
		t.Errorf("after the analysis of a new revision %d of %d articles have cached features, want all", n, of)
	}
	if err := ws.Check(); err != nil {
		t.Errorf("the workspace with a feature cache fails its check: %v", err)
	}
}
