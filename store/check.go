package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// maxProblems caps how many problems Check lists; past that the file needs a person, not a
// longer list.
const maxProblems = 50

// Check verifies the workspace: first bbolt's own consistency check of the file's pages
// (Tx.Check), then Parallax's invariants — the schema marker, every article whole (its text's
// SHA-256 equals Hash, its revisions 1..Revision all present and consistent), the content index
// pointing at exactly the revisions that hold each text, highlights and cached facts belonging
// to existing article revisions with valid spans. It returns nil or an error listing the
// problems found. It reads in one transaction and changes nothing.
func (db *DB) Check() error {
	var problems []error
	add := func(format string, args ...any) {
		if len(problems) < maxProblems {
			problems = append(problems, fmt.Errorf(format, args...))
		}
	}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			add("bbolt: %w", err)
		}
		if len(problems) > 0 {
			return nil // the logical checks would read damaged pages
		}
		checkLogical(tx, add)
		return nil
	})
	if err != nil {
		return fmt.Errorf("check workspace %s: %w", db.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("workspace %s failed its check (%d problems): %w", db.path, len(problems), errors.Join(problems...))
	}
	return nil
}

func checkLogical(tx *bolt.Tx, add func(string, ...any)) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(metaFormat)) != formatMarker {
		add("meta bucket or its format marker is missing")
	} else if n, err := strconv.Atoi(string(meta.Get(metaSchema))); err != nil || n != currentSchema() {
		add("schema version %q, want %d", meta.Get(metaSchema), currentSchema())
	}
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			add("bucket %q is missing", name)
		}
	}
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if string(name) == string(bucketStoryCache) || string(name) == string(bucketFeatures) {
			return nil // derived, optional (storycache.go)
		}
		for _, known := range allBuckets {
			if string(known) == string(name) {
				return nil
			}
		}
		add("unknown bucket %q", name)
		return nil
	})
	articles, revisions, hashes := tx.Bucket(bucketArticles), tx.Bucket(bucketRevisions), tx.Bucket(bucketHashes)
	if articles == nil || revisions == nil || hashes == nil {
		return
	}

	// Every revision of every article: whole, numbered, indexed.
	// The SHA-256 of every stored revision's text, not the texts: holding every text of a
	// workspace of 100,000 articles would take half a gigabyte each time it is opened for
	// writing. A highlight's span is checked against its revision's text read again.
	type revRef struct {
		id  string
		rev int
	}
	sums := map[revRef]string{}
	_ = articles.ForEach(func(k, v []byte) error {
		id := string(k)
		var cur Article
		if err := decode(v, &cur); err != nil {
			add("article %q: %v", id, err)
			return nil
		}
		revs := map[int]Article{cur.Revision: cur}
		if rb := revisions.Bucket(k); rb != nil {
			_ = rb.ForEach(func(rk, rv []byte) error {
				var a Article
				if err := decode(rv, &a); err != nil {
					add("article %q revision %x: %v", id, rk, err)
					return nil
				}
				if string(rk) != string(revKey(a.Revision)) {
					add("article %q: revision %d stored under key %x", id, a.Revision, rk)
				}
				if a.Revision >= cur.Revision {
					add("article %q: old revision %d is not older than the current %d", id, a.Revision, cur.Revision)
				}
				revs[a.Revision] = a
				return nil
			})
		}
		if cur.Revision < 1 || len(revs) != cur.Revision {
			add("article %q: current revision %d but %d revisions stored", id, cur.Revision, len(revs))
		}
		for rev, a := range revs {
			if a.ID != id {
				add("article %q revision %d: says it is article %q", id, rev, a.ID)
			}
			sum := textHash(a.Text)
			if sum != a.Hash {
				add("article %q revision %d: text does not match its hash (torn or altered)", id, rev)
			}
			var ref hashRef
			if v := hashes.Get([]byte(a.Hash)); v == nil {
				add("article %q revision %d: its text is missing from the content index", id, rev)
			} else if err := decode(v, &ref); err != nil {
				add("content index entry %s: %v", a.Hash, err)
			}
			sums[revRef{id, rev}] = sum
		}
		return nil
	})
	_ = revisions.ForEachBucket(func(k []byte) error {
		if articles.Get(k) == nil {
			add("revisions of missing article %q", k)
		}
		return nil
	})
	if pages := tx.Bucket(bucketPages); pages != nil {
		_ = pages.ForEachBucket(func(k []byte) error {
			return pages.Bucket(k).ForEach(func(rk, _ []byte) error {
				if len(rk) != 4 || sums[revRef{string(k), int(binary.BigEndian.Uint32(rk))}] == "" {
					add("fetched page %x of article %q belongs to no stored revision", rk, k)
				}
				return nil
			})
		})
	}
	_ = hashes.ForEach(func(k, v []byte) error {
		var ref hashRef
		if err := decode(v, &ref); err != nil {
			add("content index entry %s: %v", k, err)
			return nil
		}
		sum, ok := sums[revRef{ref.Article, ref.Revision}]
		if !ok {
			add("content index entry %s points to missing article %q revision %d", k, ref.Article, ref.Revision)
		} else if sum != string(k) {
			add("content index entry %s points to article %q revision %d, which holds another text", k, ref.Article, ref.Revision)
		}
		return nil
	})

	if hb := tx.Bucket(bucketHighlights); hb != nil {
		_ = hb.ForEach(func(k, v []byte) error {
			if v != nil {
				add("highlights: stray value under %q", k)
				return nil
			}
			_ = hb.Bucket(k).ForEach(func(hk, hv []byte) error {
				var h Highlight
				if err := decode(hv, &h); err != nil {
					add("highlight %q of article %q: %v", hk, k, err)
					return nil
				}
				_, ok := sums[revRef{string(k), h.Revision}]
				switch {
				case !ok:
					add("highlight %q: article %q revision %d does not exist", hk, k, h.Revision)
				case h.Article != string(k) || h.ID != string(hk):
					add("highlight %q of article %q: stored under the wrong key", hk, k)
				default:
					a, err := getRevision(tx, string(k), h.Revision)
					if err == nil {
						err = validateSpan(a.Text, h.Start, h.End, h.Quote)
					}
					if err != nil {
						add("highlight %q of article %q: %v", hk, k, err)
					}
				}
				return nil
			})
			return nil
		})
	}
	if fb := tx.Bucket(bucketFacts); fb != nil {
		_ = fb.ForEachBucket(func(k []byte) error {
			_ = fb.Bucket(k).ForEach(func(fk, _ []byte) error {
				rev, ok := factKeyRevision(fk)
				if _, exists := sums[revRef{string(k), rev}]; !ok || !exists {
					add("cached facts %x: article %q revision %d does not exist", fk, k, rev)
				}
				return nil
			})
			return nil
		})
	}
	for _, b := range []struct {
		name []byte
		v    func() any
	}{
		{bucketAliases, func() any { return new(LearnedAlias) }},
		{bucketVerdicts, func() any { return new(Verdict) }},
		{bucketLinks, func() any { return new(ManualLink) }},
		{bucketStories, func() any { return new(StoryOverride) }},
	} {
		if bb := tx.Bucket(b.name); bb != nil {
			_ = bb.ForEach(func(k, v []byte) error {
				if v == nil {
					add("%s: unexpected nested bucket %q", b.name, k)
				} else if err := decode(v, b.v()); err != nil {
					add("%s %q: %v", b.name, k, err)
				}
				return nil
			})
		}
	}
	if tb := tx.Bucket(bucketTags); tb != nil {
		if tags, err := readTags(tx); err != nil {
			add("tag set: %v", err)
		} else if err := validateTags(tags); err != nil {
			add("tag set: %v", err)
		}
	}
}
