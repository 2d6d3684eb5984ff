package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestSchemaVersionIsTheRegistryLength(t *testing.T) {
	if SchemaVersion != len(migrations) {
		t.Fatalf("SchemaVersion %d but %d migrations registered", SchemaVersion, len(migrations))
	}
	for i, m := range migrations {
		if m.from != i {
			t.Errorf("migrations[%d] is from schema %d; the registry must be ordered without gaps", i, m.from)
		}
	}
}

// writeSchema0 builds what a pre-release build wrote: no meta bucket; articles without
// revision, hash or times; highlights under flat "<article>/<id>" keys; tags keyed by name.
func writeSchema0(t *testing.T, path string) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	put := func(bk *bolt.Bucket, k string, v any) {
		data, _ := json.Marshal(v)
		if err := bk.Put([]byte(k), data); err != nil {
			t.Fatal(err)
		}
	}
	err = b.Update(func(tx *bolt.Tx) error {
		arts, _ := tx.CreateBucket([]byte("articles"))
		put(arts, "a1", map[string]string{"id": "a1", "source": "seeds/000.txt", "lang": "ar", "title": "الصين", "text": "نفت الصينُ الاتهامات يوم الثلاثاء."})
		put(arts, "a2", map[string]string{"id": "a2", "source": "seeds/001.txt", "lang": "fr", "text": "Pékin a démenti mardi."})
		put(arts, "a3", map[string]string{"id": "a3", "source": "copy/001.txt", "lang": "fr", "text": "Pékin a démenti mardi."}) // not deduplicated then
		hl, _ := tx.CreateBucket([]byte("highlights"))
		put(hl, "a2/h1", map[string]any{"start": 0, "end": 5, "tags": []string{"actor"}, "note": "Beijing"})
		put(hl, "a2/h2", map[string]any{"start": 0, "end": 99, "tags": []string{"claim"}})  // past the text: dropped
		put(hl, "gone/h3", map[string]any{"start": 0, "end": 1, "tags": []string{"claim"}}) // article gone: dropped
		tags, _ := tx.CreateBucket([]byte("tags"))
		put(tags, "zeta", map[string]string{"color": "#112233", "key": "2"})
		put(tags, "actor", map[string]string{"color": "#445566", "key": "1"})
		put(tags, "loose", map[string]string{"color": "#778899"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrate_Schema0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.parallax")
	writeSchema0(t, path)
	db := MustOpenDBAt(t, path)

	checkSchema0Backup(t, path+".schema0.bak")
	arts, err := db.Articles()
	if err != nil || len(arts) != 3 {
		t.Fatalf("Articles = %d, %v", len(arts), err)
	}
	for _, a := range arts {
		if a.Revision != 1 || a.Hash != textHash(a.Text) || a.ImportedAt.IsZero() {
			t.Errorf("article %s not upgraded: rev %d hash %q imported %v", a.ID, a.Revision, a.Hash, a.ImportedAt)
		}
	}
	hs, err := db.AllHighlights()
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].ID != "h1" || hs[0].Article != "a2" || hs[0].Quote != "Pékin" || hs[0].Revision != 1 {
		t.Fatalf("highlights after upgrade = %+v, want only h1 on a2 quoting Pékin", hs)
	}
	tags, _ := db.Tags()
	var names []string
	for _, tg := range tags {
		names = append(names, tg.Name)
	}
	if strings.Join(names, ",") != "actor,zeta,loose" {
		t.Errorf("tags after upgrade %v, want actor,zeta,loose (by key, keyless last)", names)
	}
	// The content index now deduplicates.
	res, err := db.ImportDocuments([]ingestDoc{Doc("elsewhere.txt", "fr", "Pékin a démenti mardi.")}, time.Now())
	if err != nil || res.Unchanged != 1 {
		t.Fatalf("re-import of an upgraded text: %+v, %v", res, err)
	}
	// Opening again migrates nothing and writes nothing.
	db.Close()
	now := FileBytes(t, path)
	db2 := MustOpenDBAt(t, path)
	db2.Close()
	if !bytes.Equal(now, FileBytes(t, path)) {
		t.Error("opening a current workspace changed the file")
	}
}

// A failing step leaves the file exactly as it was, even after earlier steps ran in the same
// transaction, and removes its backup.
func TestMigrate_FailureLeavesFileAsItWas(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...), migration{from: 1, what: "a broken step", run: func(tx *bolt.Tx, _ time.Time) error {
		if err := tx.Bucket(bucketArticles).Put([]byte("half"), []byte("{}")); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}})

	path := filepath.Join(t.TempDir(), "old.parallax")
	writeSchema0(t, path)
	before := FileBytes(t, path)
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || !strings.Contains(err.Error(), "left as it was") {
		t.Fatalf("Open with a failing migration: %v", err)
	}
	if !bytes.Equal(before, FileBytes(t, path)) {
		t.Error("a failed migration changed the file")
	}
	if _, err := os.Stat(path + ".schema0.bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backup of a failed migration left behind: %v", err)
	}
	// Read-only never migrates.
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsMigration) {
		t.Errorf("read-only Open of an old workspace: %v, want ErrNeedsMigration", err)
	}
}

// An article whose ID prefix is taken by another source gets a longer ID, and is found again.
func TestArticleID_CollisionSafe(t *testing.T) {
	db := MustOpenDB(t)
	a := Article{Source: "b.txt"}
	id12, _, _ := func() (string, *Article, error) {
		var id string
		err := db.bolt.View(func(tx *bolt.Tx) error {
			var err error
			id, _, err = locateArticle(tx.Bucket(bucketArticles), identity(a))
			return err
		})
		return id, nil, err
	}()
	if len(id12) != 12 {
		t.Fatalf("first ID %q, want 12 hex digits", id12)
	}
	// Plant another article at that ID, as a SHA-256 prefix collision would.
	if _, err := db.ImportDocuments([]ingestDoc{Doc("other.txt", "en", "squatter")}, time.Now()); err != nil {
		t.Fatal(err)
	}
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		var sq Article
		c := b.Cursor()
		k, v := c.First()
		_ = json.Unmarshal(v, &sq)
		_ = b.Delete(k)
		sq.ID = id12
		if err := putJSON(b, []byte(id12), sq); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketHashes), []byte(sq.Hash), hashRef{Article: id12, Revision: 1})
	})
	if err != nil {
		t.Fatal(err)
	}
	r1, err := db.ImportDocuments([]ingestDoc{Doc("b.txt", "en", "first text")}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	id := r1.Docs[0].ID
	if len(id) != 16 || !strings.HasPrefix(id, id12) {
		t.Fatalf("colliding article got ID %q, want a 16-digit extension of %q", id, id12)
	}
	r2, err := db.ImportDocuments([]ingestDoc{Doc("b.txt", "en", "second text")}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if r2.Docs[0].ID != id || r2.Docs[0].Status != StatusRevised {
		t.Fatalf("re-import of the colliding source: %+v, want a revision of %s", r2.Docs[0], id)
	}
}

// checkSchema0Backup verifies the backup holds the pre-upgrade workspace (bbolt rewrites the
// pages when it copies, so the bytes differ; the content must not).
func checkSchema0Backup(t *testing.T, path string) {
	t.Helper()
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v, %v; want a 0600 file", fi, err)
	}
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta) != nil || tx.Bucket(bucketHighlights).Get([]byte("gone/h3")) == nil {
			t.Error("the backup is not the schema-0 file")
		}
		return nil
	})
}
