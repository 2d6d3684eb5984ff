package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Snapshot is everything the analyst made in a workspace, read in one transaction so that its
// parts agree with each other (no highlight of an article the same export lacks). It is what an
// export is built from. The fact cache is not part of it: facts are derived and recomputed.
type Snapshot struct {
	Schema         int             `json:"schema"`
	Articles       []Article       `json:"articles"`  // current revisions, sorted by source
	Revisions      []Article       `json:"revisions"` // older revisions, by article then revision
	Highlights     []Highlight     `json:"highlights"`
	Tags           []Tag           `json:"tags"`
	Aliases        []LearnedAlias  `json:"aliases"`
	Verdicts       []Verdict       `json:"verdicts"`
	Links          []ManualLink    `json:"links"`
	StoryOverrides []StoryOverride `json:"story_overrides"`
}

// Snapshot reads the whole workspace (except the fact cache) in one read transaction.
func (db *DB) Snapshot() (Snapshot, error) {
	s := Snapshot{Schema: currentSchema()}
	err := db.view("read workspace", func(tx *bolt.Tx) error {
		if err := forEachJSON(tx, bucketArticles, func(_ []byte, a *Article) { s.Articles = append(s.Articles, *a) }); err != nil {
			return err
		}
		rb, err := mustBucket(tx, bucketRevisions)
		if err != nil {
			return err
		}
		if err := rb.ForEachBucket(func(id []byte) error {
			return rb.Bucket(id).ForEach(func(k, v []byte) error {
				var a Article
				if err := decode(v, &a); err != nil {
					return fmt.Errorf("article %q revision %x: %w", id, k, err)
				}
				s.Revisions = append(s.Revisions, a)
				return nil
			})
		}); err != nil {
			return err
		}
		hb, err := mustBucket(tx, bucketHighlights)
		if err != nil {
			return err
		}
		if err := hb.ForEachBucket(func(k []byte) error {
			s.Highlights, err = readHighlights(hb.Bucket(k), k, s.Highlights)
			return err
		}); err != nil {
			return err
		}
		if s.Tags, err = readTags(tx); err != nil {
			return err
		}
		if err := forEachJSON(tx, bucketAliases, func(_ []byte, a *LearnedAlias) { s.Aliases = append(s.Aliases, *a) }); err != nil {
			return err
		}
		if err := forEachJSON(tx, bucketVerdicts, func(_ []byte, v *Verdict) { s.Verdicts = append(s.Verdicts, *v) }); err != nil {
			return err
		}
		if err := forEachJSON(tx, bucketLinks, func(_ []byte, l *ManualLink) { s.Links = append(s.Links, *l) }); err != nil {
			return err
		}
		return forEachJSON(tx, bucketStories, func(_ []byte, o *StoryOverride) { s.StoryOverrides = append(s.StoryOverrides, *o) })
	})
	sortArticles(s.Articles)
	sortHighlights(s.Highlights)
	return s, err
}
