package store

import (
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// PutStoryOverride stores (or replaces) the analyst's decision to move an article into a story
// of its own (Story "") or into the named story. The article must exist; Created is set now
// when zero.
func (db *DB) PutStoryOverride(o StoryOverride) error {
	if o.Created.IsZero() {
		o.Created = db.now().UTC()
	}
	return db.update("save story override", func(tx *bolt.Tx) error {
		articles, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		if articles.Get([]byte(o.Article)) == nil {
			return fmt.Errorf("article %q: %w", o.Article, ErrNotFound)
		}
		b, err := mustBucket(tx, bucketStories)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(o.Article), o)
	})
}

// DeleteStoryOverride hands an article back to automatic clustering, or returns ErrNotFound.
func (db *DB) DeleteStoryOverride(articleID string) error {
	return db.update("delete story override", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketStories)
		if err != nil {
			return err
		}
		if b.Get([]byte(articleID)) == nil {
			return fmt.Errorf("story override of article %q: %w", articleID, ErrNotFound)
		}
		return b.Delete([]byte(articleID))
	})
}

// StoryOverrides returns every story override sorted by article ID.
func (db *DB) StoryOverrides() ([]StoryOverride, error) {
	var out []StoryOverride
	err := db.view("list story overrides", func(tx *bolt.Tx) error {
		return forEachJSON(tx, bucketStories, db.skip, func(_ []byte, o *StoryOverride) { out = append(out, *o) })
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Article < out[j].Article })
	return out, err
}
