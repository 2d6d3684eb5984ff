package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parallax/compare"
)

// The story cache keeps each story's analysis (compare.StoryResult) under the key
// compare.Analyze derives from the story's article revisions, the engine and the analyst's
// teaching, so re-analysing a workspace redoes only the stories that changed. It is derived
// data: its bucket is created by the first write, a workspace without it (a new one, an older
// build's, a salvaged one) simply misses, and Check accepts it without requiring it.

var bucketStoryCache = []byte("story-cache") // story key → compare.StoryResult

// CachedStory returns the analysis cached under a story key; ok is false when there is none.
func (db *DB) CachedStory(key string) (r compare.StoryResult, ok bool, err error) {
	err = db.view("read cached story analysis", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStoryCache)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(key))
		if v == nil {
			return nil
		}
		if err := decode(v, &r); err != nil {
			return fmt.Errorf("cached story analysis %s: %w", key, err)
		}
		ok = true
		return nil
	})
	return r, ok, err
}

// PutStoryCache stores new story analyses and drops every cached one whose key keep does not
// hold (stories that no longer exist as they were), in one transaction.
func (db *DB) PutStoryCache(add map[string]compare.StoryResult, keep map[string]bool) error {
	return db.update("cache story analyses", func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketStoryCache)
		if err != nil {
			return err
		}
		var stale [][]byte
		_ = b.ForEach(func(k, _ []byte) error {
			if !keep[string(k)] {
				stale = append(stale, append([]byte(nil), k...))
			}
			return nil
		})
		for _, k := range stale {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		for k, r := range add {
			if err := putJSON(b, []byte(k), r); err != nil {
				return err
			}
		}
		return nil
	})
}

// StoryCacheKeys lists the keys of the cached story analyses.
func (db *DB) StoryCacheKeys() ([]string, error) {
	var keys []string
	err := db.view("list cached story analyses", func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketStoryCache); b != nil {
			return b.ForEach(func(k, _ []byte) error {
				keys = append(keys, string(k))
				return nil
			})
		}
		return nil
	})
	return keys, err
}

// AddStoryCache stores story analyses without pruning: a long analysis writes its results
// in batches as it goes (memory stays bounded) and prunes once at the end.
func (db *DB) AddStoryCache(add map[string]compare.StoryResult) error {
	if len(add) == 0 {
		return nil
	}
	return db.update("cache story analyses", func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketStoryCache)
		if err != nil {
			return err
		}
		for k, r := range add {
			if err := putJSON(b, []byte(k), r); err != nil {
				return err
			}
		}
		return nil
	})
}

// PruneStoryCache drops every cached story analysis whose key keep does not hold.
func (db *DB) PruneStoryCache(keep map[string]bool) error {
	return db.PutStoryCache(nil, keep)
}

// CachedFactsMany is CachedFacts for many article revisions in one read transaction; an
// entry is nil (and ok[i] false) where none is cached.
func (db *DB) CachedFactsMany(ids []string, revisions []int, extractorVersion string) (facts [][]compare.Fact, ok []bool, err error) {
	facts, ok = make([][]compare.Fact, len(ids)), make([]bool, len(ids))
	err = db.view("read cached facts", func(tx *bolt.Tx) error {
		fb, err := mustBucket(tx, bucketFacts)
		if err != nil {
			return err
		}
		for i, id := range ids {
			ab := fb.Bucket([]byte(id))
			if ab == nil {
				continue
			}
			v := ab.Get(factKey(revisions[i], extractorVersion))
			if v == nil {
				continue
			}
			if err := decode(v, &facts[i]); err != nil {
				return fmt.Errorf("cached facts of article %q revision %d: %w", id, revisions[i], err)
			}
			ok[i] = true
		}
		return nil
	})
	return facts, ok, err
}

// The feature cache keeps, per article, what the first pass of a streamed analysis keeps of
// it (compare.StreamSource.Features: its clustering features and event time, about a tenth
// of its facts as JSON), so that a warm analysis reads that instead of decoding every
// article's facts. Like the story cache it is derived data in its own bucket, created by the
// first write and accepted (not required) by Check. One entry per article: the stamp the
// caller gives (revision, extractor version, build) followed by the features; an entry with
// another stamp is a miss and is overwritten.

var bucketFeatures = []byte("feature-cache") // article id → stamp + 0x00 + features

// CachedFeaturesMany returns the cached features of the articles ids under the stamps given,
// one read transaction for all; an entry is nil where none is cached under that stamp.
func (db *DB) CachedFeaturesMany(ids, stamps []string) ([][]byte, error) {
	out := make([][]byte, len(ids))
	err := db.view("read cached features", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeatures)
		if b == nil {
			return nil
		}
		for i, id := range ids {
			v := b.Get([]byte(id))
			if len(v) > len(stamps[i]) && string(v[:len(stamps[i])]) == stamps[i] && v[len(stamps[i])] == 0 {
				out[i] = append([]byte(nil), v[len(stamps[i])+1:]...)
			}
		}
		return nil
	})
	return out, err
}

// PutFeatures stores the features of the articles ids under the stamps given, in one
// transaction.
func (db *DB) PutFeatures(ids, stamps []string, features [][]byte) error {
	if len(ids) == 0 {
		return nil
	}
	return db.update("cache clustering features", func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketFeatures)
		if err != nil {
			return err
		}
		for i, id := range ids {
			v := make([]byte, 0, len(stamps[i])+1+len(features[i]))
			v = append(append(append(v, stamps[i]...), 0), features[i]...)
			if err := b.Put([]byte(id), v); err != nil {
				return err
			}
		}
		return nil
	})
}
