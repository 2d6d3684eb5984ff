package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parallax/compare"
)

// The fact cache keeps what compare extracted from each article revision so that opening a
// workspace does not re-run extraction. An entry is keyed by article, revision and extractor
// version: a new revision or a new extractor simply misses the cache, and writing an entry
// prunes the article's entries of other extractor versions, which nothing will read again.

func factKey(revision int, extractorVersion string) []byte {
	return append(revKey(revision), extractorVersion...)
}

// CachedFacts returns the facts cached for an article revision by the given extractor version;
// ok is false when there are none (never computed, or computed by another version).
func (db *DB) CachedFacts(articleID string, revision int, extractorVersion string) (facts []compare.Fact, ok bool, err error) {
	err = db.view("read cached facts", func(tx *bolt.Tx) error {
		fb, err := mustBucket(tx, bucketFacts)
		if err != nil {
			return err
		}
		ab := fb.Bucket([]byte(articleID))
		if ab == nil {
			return nil
		}
		v := ab.Get(factKey(revision, extractorVersion))
		if v == nil {
			return nil
		}
		if err := decode(v, &facts); err != nil {
			return fmt.Errorf("cached facts of article %q revision %d: %w", articleID, revision, err)
		}
		ok = true
		return nil
	})
	return facts, ok, err
}

// FactSet is the facts found in one article revision, for PutFactSets.
type FactSet struct {
	Article  string
	Revision int
	Facts    []compare.Fact
}

// PutFacts caches the facts extractorVersion found in an article revision, replacing what was
// cached for them and dropping the article's entries of every other extractor version. The
// revision must exist.
func (db *DB) PutFacts(articleID string, revision int, extractorVersion string, facts []compare.Fact) error {
	return db.PutFactSets([]FactSet{{Article: articleID, Revision: revision, Facts: facts}}, extractorVersion)
}

// PutFactSets is PutFacts for many articles in one transaction: an analysis of a whole
// workspace caches its results with one commit, not one per article.
func (db *DB) PutFactSets(sets []FactSet, extractorVersion string) error {
	if extractorVersion == "" {
		return fmt.Errorf("cache facts in workspace %s: no extractor version given: %w", db.path, ErrInvalid)
	}
	return db.update("cache facts", func(tx *bolt.Tx) error {
		fb, err := mustBucket(tx, bucketFacts)
		if err != nil {
			return err
		}
		for _, set := range sets {
			if err := putFactSet(tx, fb, set, extractorVersion); err != nil {
				return err
			}
		}
		return nil
	})
}

func putFactSet(tx *bolt.Tx, fb *bolt.Bucket, set FactSet, extractorVersion string) error {
	facts := set.Facts
	if facts == nil {
		facts = []compare.Fact{} // "extracted, found nothing" is a result worth caching
	}
	if _, err := getRevision(tx, set.Article, set.Revision); err != nil {
		return err
	}
	ab, err := fb.CreateBucketIfNotExists([]byte(set.Article))
	if err != nil {
		return err
	}
	var stale [][]byte
	_ = ab.ForEach(func(k, _ []byte) error {
		if len(k) < 4 || !bytes.Equal(k[4:], []byte(extractorVersion)) {
			stale = append(stale, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range stale {
		if err := ab.Delete(k); err != nil {
			return err
		}
	}
	return putJSON(ab, factKey(set.Revision, extractorVersion), facts)
}

// factKeyRevision decodes the revision of a fact cache key.
func factKeyRevision(k []byte) (int, bool) {
	if len(k) < 4 {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(k[:4])), true
}
