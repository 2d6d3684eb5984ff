package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the schema this build writes. A workspace with a smaller version is
// migrated at Open; one with a larger version is refused with ErrNewerSchema.
//
// It always equals len(migrations): adding a migration is what bumps it (a test checks).
const SchemaVersion = 2

// formatMarker is stored under meta/format; it is what tells a Parallax workspace apart from
// any other bbolt file.
const formatMarker = "parallax-workspace"

// Keys of the meta bucket.
var (
	metaFormat     = []byte("format")
	metaSchema     = []byte("schema")
	metaCreatedBy  = []byte("created_by")
	metaCreatedAt  = []byte("created_at")
	metaMigratedBy = []byte("migrated_by")
	metaMigratedAt = []byte("migrated_at")
)

// schema0Buckets are the buckets a pre-release build of Parallax wrote. It wrote no meta
// bucket, so a bbolt file holding only (some of) these is a schema-0 workspace.
var schema0Buckets = map[string]bool{"articles": true, "highlights": true, "tags": true}

// A migration upgrades a workspace from schema from to from+1 inside the transaction it is
// given. It must not commit, roll back or touch anything but the transaction: all the
// migrations an Open needs run in one transaction, so a failure leaves the file as it was.
type migration struct {
	from int
	what string
	run  func(tx *bolt.Tx, now time.Time) error
}

// migrations is the ordered registry: migrations[i] upgrades schema i to i+1.
var migrations = []migration{
	{from: 0, what: "add meta, revisions, content hashes and the analysis buckets; nest highlights by article; order the tag set", run: migrate0to1},
	{from: 1, what: "add the pages bucket (web pages as served, kept beside the revisions fetched from them)", run: migrate1to2},
}

// currentSchema is the schema Open upgrades to; tests lengthen the registry to exercise it.
func currentSchema() int { return len(migrations) }

// workspaceState is what Open found in the file before doing anything to it.
type workspaceState struct {
	fresh  bool // a bbolt file with no buckets at all: just created, or created and killed
	schema int
}

// prepare classifies the file, then creates, migrates or accepts it. It writes nothing unless
// the file is fresh or needs a migration.
func (db *DB) prepare(appVersion string) error {
	var st workspaceState
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		st, err = classify(tx)
		return err
	}); err != nil {
		var nw notWorkspace
		if errors.As(err, &nw) {
			return fmt.Errorf("%s is not a Parallax workspace (%s); it was left untouched, choose another file: %w", db.path, nw.detail, ErrNotWorkspace)
		}
		return fmt.Errorf("read schema of workspace %s: %w", db.path, err)
	}
	want := currentSchema()
	switch {
	case st.fresh:
		if db.readOnly {
			return fmt.Errorf("workspace %s is empty (never initialised): %w", db.path, ErrNeedsMigration)
		}
		return db.update("initialise new workspace", func(tx *bolt.Tx) error { return initialise(tx, appVersion, db.now()) })
	case st.schema > want:
		return fmt.Errorf("workspace %s has schema %d, this Parallax knows up to %d; it was left untouched: %w", db.path, st.schema, want, ErrNewerSchema)
	case st.schema < want:
		if db.readOnly {
			return fmt.Errorf("workspace %s has schema %d, this Parallax needs %d: %w", db.path, st.schema, want, ErrNeedsMigration)
		}
		return db.migrate(st.schema, want, appVersion)
	}
	return nil
}

// classify reads what kind of file tx is on: a fresh bbolt file, a Parallax workspace of some
// schema, or (ErrNotWorkspace) a bbolt file that belongs to something else.
func classify(tx *bolt.Tx) (workspaceState, error) {
	if meta := tx.Bucket(bucketMeta); meta != nil {
		if f := meta.Get(metaFormat); string(f) != formatMarker {
			return workspaceState{}, notWorkspace{fmt.Sprintf("its meta bucket has no Parallax marker (format %q)", f)}
		}
		n, err := strconv.Atoi(string(meta.Get(metaSchema)))
		if err != nil || n < 0 {
			return workspaceState{}, notWorkspace{fmt.Sprintf("unreadable schema version %q", meta.Get(metaSchema))}
		}
		return workspaceState{schema: n}, nil
	}
	var names []string
	foreign := false
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		names = append(names, string(name))
		if !schema0Buckets[string(name)] {
			foreign = true
		}
		return nil
	})
	switch {
	case len(names) == 0:
		return workspaceState{fresh: true}, nil
	case foreign:
		return workspaceState{}, notWorkspace{fmt.Sprintf("a bbolt file of another program, with buckets %q", names)}
	}
	return workspaceState{schema: 0}, nil
}

// notWorkspace says why a bbolt file is not a Parallax workspace.
type notWorkspace struct{ detail string }

func (e notWorkspace) Error() string        { return "not a Parallax workspace: " + e.detail }
func (e notWorkspace) Is(target error) bool { return target == ErrNotWorkspace }

// initialise lays out a new workspace of the current schema with the default tag set.
func initialise(tx *bolt.Tx, appVersion string, now time.Time) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	for k, v := range map[string]string{
		string(metaFormat):    formatMarker,
		string(metaSchema):    strconv.Itoa(currentSchema()),
		string(metaCreatedBy): appVersion,
		string(metaCreatedAt): now.UTC().Format(time.RFC3339),
	} {
		if err := meta.Put([]byte(k), []byte(v)); err != nil {
			return err
		}
	}
	return writeTags(tx, DefaultTags())
}

// migrate upgrades the file from schema from to schema to. It first copies the file to
// "<path>.schema<from>.bak" (a consistent snapshot, mode 0600) so the analyst keeps the
// pre-upgrade workspace, then runs every needed migration in one transaction. If any step
// fails the transaction is rolled back (the file is as it was) and the backup removed.
func (db *DB) migrate(from, to int, appVersion string) error {
	backup := fmt.Sprintf("%s.schema%d.bak", db.path, from)
	if err := db.backup(backup); err != nil {
		return fmt.Errorf("back up workspace %s before upgrading it from schema %d: %w (nothing was changed)", db.path, from, err)
	}
	now := db.now()
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, m := range migrations[from:to] {
			if err := m.run(tx, now); err != nil {
				return fmt.Errorf("schema %d→%d (%s): %w", m.from, m.from+1, m.what, err)
			}
		}
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		if meta.Get(metaCreatedBy) == nil {
			// Pre-release files do not say who made them.
			if err := meta.Put(metaCreatedBy, []byte("unknown (schema "+strconv.Itoa(from)+")")); err != nil {
				return err
			}
		}
		for k, v := range map[string]string{
			string(metaFormat):     formatMarker,
			string(metaSchema):     strconv.Itoa(to),
			string(metaMigratedBy): appVersion,
			string(metaMigratedAt): now.UTC().Format(time.RFC3339),
		} {
			if err := meta.Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		_ = os.Remove(backup)
		return fmt.Errorf("upgrade workspace %s from schema %d to %d: %w; the file was left as it was", db.path, from, to, err)
	}
	return nil
}

// backup writes a consistent copy of the workspace to path (atomically: temp file, fsync,
// rename).
func (db *DB) backup(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = db.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// migrate0to1 upgrades a pre-release workspace. Schema 0 had no meta bucket and three buckets:
//
//	articles:   id → Article JSON without revision, hash or times
//	highlights: "<article id>/<highlight id>" → Highlight JSON without revision
//	tags:       tag name → Tag JSON (no order)
//
// Schema 1 gives every article revision 1, its content hash (indexed in hashes) and times;
// nests highlights under their article (dropping those whose article is gone or whose span
// does not fit its text — the backup keeps them); orders the tags by shortcut key, then name
// (the default set when there were none); and adds the buckets schema 0 did not have.
func migrate0to1(tx *bolt.Tx, now time.Time) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	articles := tx.Bucket(bucketArticles)
	hashes := tx.Bucket(bucketHashes)
	type kv struct{ k, v []byte }
	var old []kv
	if err := articles.ForEach(func(k, v []byte) error {
		old = append(old, kv{bytes.Clone(k), bytes.Clone(v)})
		return nil
	}); err != nil {
		return err
	}
	texts := map[string]string{}
	for _, e := range old {
		var a Article
		if err := decode(e.v, &a); err != nil {
			return fmt.Errorf("article %q: %w", e.k, err)
		}
		a.ID = string(e.k)
		a.Revision = 1
		a.Hash = textHash(a.Text)
		if a.ImportedAt.IsZero() {
			a.ImportedAt = now.UTC()
		}
		if a.UpdatedAt.IsZero() {
			a.UpdatedAt = a.ImportedAt
		}
		if err := putJSON(articles, e.k, a); err != nil {
			return err
		}
		// Pre-release builds did not deduplicate; the first article with a text keeps the
		// index entry, the others stay as they are.
		if hashes.Get([]byte(a.Hash)) == nil {
			if err := putJSON(hashes, []byte(a.Hash), hashRef{Article: a.ID, Revision: 1}); err != nil {
				return err
			}
		}
		texts[a.ID] = a.Text
	}

	// Highlights: flat keys → one bucket per article.
	var flat []kv
	if hb := tx.Bucket(bucketHighlights); hb != nil {
		if err := hb.ForEach(func(k, v []byte) error {
			if v != nil { // a schema-1-style nested bucket would have v == nil
				flat = append(flat, kv{bytes.Clone(k), bytes.Clone(v)})
			}
			return nil
		}); err != nil {
			return err
		}
		for _, e := range flat {
			if err := hb.Delete(e.k); err != nil {
				return err
			}
		}
	}
	for _, e := range flat {
		var h Highlight
		if err := decode(e.v, &h); err != nil {
			return fmt.Errorf("highlight %q: %w", e.k, err)
		}
		art, id, ok := bytes.Cut(e.k, []byte("/"))
		if !ok || len(id) == 0 {
			return fmt.Errorf("highlight key %q is not <article>/<id>", e.k)
		}
		h.Article, h.ID, h.Revision = string(art), string(id), 1
		text, ok := texts[h.Article]
		if !ok {
			continue
		}
		if h.Quote == "" {
			h.Quote = spanText(text, h.Start, h.End)
		}
		if validateSpan(text, h.Start, h.End, h.Quote) != nil {
			continue
		}
		if h.Created.IsZero() {
			h.Created = now.UTC()
		}
		if h.Updated.IsZero() {
			h.Updated = h.Created
		}
		b, err := tx.Bucket(bucketHighlights).CreateBucketIfNotExists([]byte(h.Article))
		if err != nil {
			return err
		}
		if err := putJSON(b, []byte(h.ID), h); err != nil {
			return err
		}
	}

	// Tags: name-keyed → position-keyed, in shortcut order.
	var tags []Tag
	tb := tx.Bucket(bucketTags)
	if err := tb.ForEach(func(k, v []byte) error {
		var t Tag
		if err := decode(v, &t); err != nil {
			return fmt.Errorf("tag %q: %w", k, err)
		}
		if t.Name == "" {
			t.Name = string(k)
		}
		tags = append(tags, t)
		return nil
	}); err != nil {
		return err
	}
	if len(tags) == 0 {
		tags = DefaultTags()
	}
	sort.SliceStable(tags, func(i, j int) bool {
		ki, kj := tags[i].Key, tags[j].Key
		if (ki == "") != (kj == "") {
			return ki != "" // tags with a key first
		}
		if ki != kj {
			return ki < kj
		}
		return tags[i].Name < tags[j].Name
	})
	if err := validateTags(tags); err != nil {
		return fmt.Errorf("tag set: %w", err)
	}
	return writeTags(tx, tags)
}

// migrate1to2 adds the pages bucket. Schema 1 has no fetched articles, so it starts empty;
// the new article fields (modified, fetched_at) are optional and need no rewrite.
func migrate1to2(tx *bolt.Tx, _ time.Time) error {
	_, err := tx.CreateBucketIfNotExists(bucketPages)
	return err
}
