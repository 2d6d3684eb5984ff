package store

import (
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// PutLink stores (or replaces) a link the analyst made between spans ("same claim"), or a
// machine alignment the analyst broke (Unlink). It returns the link as stored.
//
// A link needs at least two members; each must name an existing article and a span of its
// current text ([Start, End) in runes). ID is assigned when empty; Created is set now when
// zero.
func (db *DB) PutLink(l ManualLink) (ManualLink, error) {
	if len(l.Members) < 2 {
		return ManualLink{}, fmt.Errorf("save link in workspace %s: it has %d members, a link needs at least two: %w", db.path, len(l.Members), ErrInvalid)
	}
	if l.ID == "" {
		l.ID = newID("l")
	}
	if l.Created.IsZero() {
		l.Created = db.now().UTC()
	}
	err := db.update("save link", func(tx *bolt.Tx) error {
		articles, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		for i, m := range l.Members {
			a, err := getArticle(articles, m.Article)
			if err != nil {
				return fmt.Errorf("link member %d: %w", i+1, err)
			}
			quote := m.Text
			if quote == "" {
				quote = spanText(a.Text, m.Start, m.End)
			}
			if err := validateSpan(a.Text, m.Start, m.End, quote); err != nil {
				return fmt.Errorf("link member %d (article %q): %w", i+1, m.Article, err)
			}
		}
		b, err := mustBucket(tx, bucketLinks)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(l.ID), l)
	})
	if err != nil {
		return ManualLink{}, err
	}
	return l, nil
}

// DeleteLink removes a manual link, or returns ErrNotFound.
func (db *DB) DeleteLink(id string) error {
	return db.update("delete link", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketLinks)
		if err != nil {
			return err
		}
		if b.Get([]byte(id)) == nil {
			return fmt.Errorf("link %q: %w", id, ErrNotFound)
		}
		return b.Delete([]byte(id))
	})
}

// Links returns every manual link, oldest first.
func (db *DB) Links() ([]ManualLink, error) {
	var out []ManualLink
	err := db.view("list links", func(tx *bolt.Tx) error {
		return forEachJSON(tx, bucketLinks, db.skip, func(_ []byte, l *ManualLink) { out = append(out, *l) })
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.Before(out[j].Created)
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}
