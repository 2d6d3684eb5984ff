package store

import (
	bolt "go.etcd.io/bbolt"
)

// ArticleMetas is Articles without the texts: every readable article's current revision,
// sorted by source then ID, with Text empty. A bounded-memory analysis lists a large
// workspace this way and reads each text (Article) only while it needs it.
func (db *DB) ArticleMetas() ([]Article, error) {
	var out []Article
	err := db.view("list articles", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			if a, ok := db.readableArticle(k, v); ok {
				a.Text = ""
				out = append(out, a)
			}
			return nil
		})
	})
	sortArticles(out)
	return out, err
}

// ArticlesByID returns the current revision of each named article, in the order given,
// in one read transaction.
func (db *DB) ArticlesByID(ids []string) ([]Article, error) {
	out := make([]Article, len(ids))
	err := db.view("read articles", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		for i, id := range ids {
			if out[i], err = getArticle(b, id); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
