package store

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
)

// compressPage gzips a page as served. News pages are mostly markup and scripts, which
// compress about fivefold, so keeping every fetched revision's page costs little.
func compressPage(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// putPage stores a compressed page under pages/id/revision, in the caller's transaction.
func putPage(tx *bolt.Tx, id string, rev int, gz []byte) error {
	pages, err := mustBucket(tx, bucketPages)
	if err != nil {
		return err
	}
	b, err := pages.CreateBucketIfNotExists([]byte(id))
	if err != nil {
		return err
	}
	return b.Put(revKey(rev), gz)
}

// RawPage returns the web page, exactly as the server sent it, that revision rev of article
// id was read from; ErrNotFound when that revision did not come from the web (a file, pasted
// text) or the article does not exist.
func (db *DB) RawPage(id string, rev int) ([]byte, error) {
	var gz []byte
	err := db.view("read fetched page", func(tx *bolt.Tx) error {
		pages, err := mustBucket(tx, bucketPages)
		if err != nil {
			return err
		}
		if b := pages.Bucket([]byte(id)); b != nil {
			if v := b.Get(revKey(rev)); v != nil {
				gz = bytes.Clone(v) // valid only inside the transaction
			}
		}
		if gz == nil {
			return fmt.Errorf("article %q revision %d was not fetched from the web, so no page is kept for it: %w", id, rev, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("article %q revision %d: the kept page is damaged; the workspace is damaged (run a check): %w", id, rev, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("article %q revision %d: the kept page is damaged; the workspace is damaged (run a check): %w", id, rev, err)
	}
	return raw, nil
}
