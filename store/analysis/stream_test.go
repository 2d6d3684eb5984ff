package analysis

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
// WriteJSON writes for Workspace's report, on a cold workspace (facts extracted), a warm
// one (facts and stories cached), after an article is added, and through a throwaway
// workspace (analyze --json DIR).
func TestWriteWorkspaceJSON_SameAsReport(t *testing.T) {
	docs := variedSeeds(t)
	open := func(name string) *store.DB {
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
	report := func(db *store.DB) []byte {
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
