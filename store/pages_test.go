package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// webDoc is a document as store/fetch makes it: a URL source and identity, the page kept.
func webDoc(text, page string, fetched time.Time) ingestDoc {
	d := Doc("https://news.example/a?utm=x", "en", text)
	d.URL, d.Format, d.SourceName = "https://news.example/a", "html", "Example News"
	d.Raw, d.FetchedAt, d.Modified = []byte(page), fetched, "2026-11-30T10:00:00Z"
	return d
}

func TestRawPage_KeptPerRevision(t *testing.T) {
	db := MustOpenDB(t)
	t1 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	page1 := "<html><body><p>Ten dead.</p></body></html>"
	res, err := db.ImportDocuments([]ingestDoc{webDoc("Ten dead.", page1, t1)}, t1)
	if err != nil || res.Added != 1 {
		t.Fatalf("first fetch: %+v, %v", res, err)
	}
	id := res.Docs[0].ID
	// The same page again: unchanged, nothing written. Edited text: revision 2, with its page.
	page2 := "<html><body><p>Twelve dead.</p></body></html>"
	res, err = db.ImportDocuments([]ingestDoc{webDoc("Ten dead.", page1, t1), webDoc("Twelve dead.", page2, t1.Add(time.Hour))}, t1.Add(time.Hour))
	if err != nil || res.Unchanged != 1 || res.Revised != 1 || res.Docs[1].ID != id || res.Docs[1].Revision != 2 {
		t.Fatalf("re-fetch: %+v, %v", res, err)
	}
	for rev, want := range map[int]string{1: page1, 2: page2} {
		got, err := db.RawPage(id, rev)
		if err != nil || string(got) != want {
			t.Errorf("RawPage(%s, %d) = %q, %v; want %q", id, rev, got, err, want)
		}
	}
	a, err := db.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	if !a.FetchedAt.Equal(t1.Add(time.Hour)) || a.FetchedAt.Location() != time.UTC || a.Modified != "2026-11-30T10:00:00Z" || a.Outlet != "Example News" || a.URL != "https://news.example/a" {
		t.Errorf("stored article = %+v", a)
	}
	// A file has no page.
	res, err = db.ImportDocuments([]ingestDoc{Doc("b.txt", "en", "A file.")}, t1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.RawPage(res.Docs[0].ID, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("RawPage of a file: %v, want ErrNotFound", err)
	}
}

// Pages compress: a news page's markup repeats itself.
func TestCompressPage_Ratio(t *testing.T) {
	page := bytes.Repeat([]byte(`<div class="story-body"><p class="para">Le 20 juillet, 30 000 personnes ont manifesté à Paris.</p></div>`+"\n"), 400)
	gz, err := compressPage(page)
	if err != nil {
		t.Fatal(err)
	}
	if len(gz)*5 > len(page) {
		t.Errorf("compressed %d bytes to %d, want at least fivefold", len(page), len(gz))
	}
}

// A schema-1 workspace gains the pages bucket on open, keeps its articles, and passes Check.
func TestMigrate_Schema1AddsPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s1.parallax")
	db := MustOpenDBAt(t, path)
	if _, err := db.ImportDocuments([]ingestDoc{Doc("a.txt", "en", "Beijing denied it.")}, time.Now()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketPages); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(metaSchema, []byte("1"))
	}); err != nil {
		t.Fatal(err)
	}
	bdb.Close()
	db = MustOpenDBAt(t, path)
	if n, err := db.ArticleCount(); err != nil || n != 1 {
		t.Fatalf("articles after upgrade: %d, %v", n, err)
	}
	if err := db.Check(); err != nil {
		t.Fatalf("check after upgrade: %v", err)
	}
}
