package store

import (
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
//
// A damaged record does not fail the whole read: an article whose current or older revision
// does not decode or does not match its content hash is left out with its highlights (a set
// holding half an article's history could not be restored), any other record that does not
// decode is left out alone; each is listed by Skipped. What is returned is therefore always a
// set that imports back.
func (db *DB) Snapshot() (Snapshot, error) {
	s := Snapshot{Schema: currentSchema()}
	err := db.view("read workspace", func(tx *bolt.Tx) error {
		ab, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		rb, err := mustBucket(tx, bucketRevisions)
		if err != nil {
			return err
		}
		bad := map[string]bool{}
		if err := ab.ForEach(func(k, v []byte) error {
			cur, ok := db.readableArticle(k, v)
			if !ok {
				bad[string(k)] = true
				return nil
			}
			var revs []Article
			if b := rb.Bucket(k); b != nil {
				_ = b.ForEach(func(rk, rv []byte) error {
					if a, ok := db.readableArticle(k, rv); ok {
						revs = append(revs, a)
					} else {
						bad[string(k)] = true
					}
					return nil
				})
			}
			if len(revs) != cur.Revision-1 && !bad[string(k)] {
				db.skip("article %q (%s): %d of its %d earlier revisions are stored", k, cur.Source, len(revs), cur.Revision-1)
				bad[string(k)] = true
			}
			if bad[string(k)] {
				db.skip("article %q (%s) was left out whole, with its highlights", k, cur.Source)
				return nil
			}
			s.Articles = append(s.Articles, cur)
			s.Revisions = append(s.Revisions, revs...)
			return nil
		}); err != nil {
			return err
		}
		hb, err := mustBucket(tx, bucketHighlights)
		if err != nil {
			return err
		}
		if err := hb.ForEachBucket(func(k []byte) error {
			if bad[string(k)] || ab.Get(k) == nil {
				return nil
			}
			s.Highlights, err = readHighlights(hb.Bucket(k), k, s.Highlights, db.skip)
			return err
		}); err != nil {
			return err
		}
		if s.Tags, err = readTags(tx); err != nil {
			return err
		}
		if err := forEachJSON(tx, bucketAliases, db.skip, func(_ []byte, a *LearnedAlias) { s.Aliases = append(s.Aliases, *a) }); err != nil {
			return err
		}
		if err := forEachJSON(tx, bucketVerdicts, db.skip, func(_ []byte, v *Verdict) { s.Verdicts = append(s.Verdicts, *v) }); err != nil {
			return err
		}
		if err := forEachJSON(tx, bucketLinks, db.skip, func(_ []byte, l *ManualLink) {
			for _, m := range l.Members {
				if bad[m.Article] {
					db.skip("link %q: it joins article %q, which was left out", l.ID, m.Article)
					return
				}
			}
			s.Links = append(s.Links, *l)
		}); err != nil {
			return err
		}
		return forEachJSON(tx, bucketStories, db.skip, func(_ []byte, o *StoryOverride) {
			if !bad[o.Article] {
				s.StoryOverrides = append(s.StoryOverrides, *o)
			}
		})
	})
	sortArticles(s.Articles)
	sortHighlights(s.Highlights)
	return s, err
}
