package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	bolt "go.etcd.io/bbolt"
)

// validateSpan checks that [start, end) is a non-empty span of text in runes that starts and
// ends on grapheme-cluster boundaries (UAX #29: never between a letter and its combining mark,
// inside an emoji sequence or a flag) and that quote is exactly its text.
func validateSpan(text string, start, end int, quote string) error {
	n := utf8.RuneCountInString(text)
	switch {
	case start < 0 || end > n || start >= end:
		return fmt.Errorf("span [%d,%d) is not a non-empty part of the text's %d characters: %w", start, end, n, ErrInvalid)
	}
	if got := spanText(text, start, end); got != quote {
		return fmt.Errorf("span [%d,%d) reads %q, not the quote %q (was it made on another revision?): %w", start, end, got, quote, ErrInvalid)
	}
	startOK, endOK := false, end == n
	pos := 0
	state := -1
	rest := text
	for len(rest) > 0 && pos <= end {
		if pos == start {
			startOK = true
		}
		if pos == end {
			endOK = true
		}
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		pos += utf8.RuneCountInString(cluster)
	}
	if !startOK || !endOK {
		return fmt.Errorf("span [%d,%d) splits a character (a letter and its marks, or an emoji sequence); extend it to whole characters: %w", start, end, ErrInvalid)
	}
	return nil
}

// newID returns a random identifier with a prefix: random rather than sequential so that
// records made in two workspaces do not collide when one set is imported into the other.
func newID(prefix string) string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return prefix + hex.EncodeToString(b[:])
}

// PutHighlight creates (ID "") or replaces a highlight and returns it as stored.
//
// The span must lie inside the text of the article revision it names (Revision 0 means the
// current one), on character boundaries, and Quote must be that text exactly (an empty Quote
// is filled in). Every tag must be in the tag set, except tags the stored highlight already
// carries. Created is kept from the stored highlight (or set now), Updated is set now.
func (db *DB) PutHighlight(h Highlight) (Highlight, error) {
	if len(h.ID) > 200 {
		return Highlight{}, fmt.Errorf("save highlight in workspace %s: its id is longer than 200 bytes: %w", db.path, ErrInvalid)
	}
	err := db.update("save highlight", func(tx *bolt.Tx) error {
		if h.Revision == 0 {
			b, err := mustBucket(tx, bucketArticles)
			if err != nil {
				return err
			}
			cur, err := getArticle(b, h.Article)
			if err != nil {
				return err
			}
			h.Revision = cur.Revision
		}
		a, err := getRevision(tx, h.Article, h.Revision)
		if err != nil {
			return err
		}
		if h.Quote == "" {
			h.Quote = spanText(a.Text, h.Start, h.End)
		}
		if err := validateSpan(a.Text, h.Start, h.End, h.Quote); err != nil {
			return fmt.Errorf("highlight on article %q: %w", h.Article, err)
		}
		hb, err := mustBucket(tx, bucketHighlights)
		if err != nil {
			return err
		}
		ab, err := hb.CreateBucketIfNotExists([]byte(h.Article))
		if err != nil {
			return err
		}
		var old *Highlight
		if h.ID == "" {
			h.ID = newID("h")
		} else if v := ab.Get([]byte(h.ID)); v != nil {
			old = new(Highlight)
			if err := decode(v, old); err != nil {
				return fmt.Errorf("highlight %q: %w", h.ID, err)
			}
		}
		tags, err := readTags(tx)
		if err != nil {
			return err
		}
		h.Tags = uniqueStrings(h.Tags)
		for _, name := range h.Tags {
			known := slices.ContainsFunc(tags, func(t Tag) bool { return t.Name == name })
			if !known && (old == nil || !slices.Contains(old.Tags, name)) {
				return fmt.Errorf("highlight uses tag %q, which is not in the tag set; add it first: %w", name, ErrInvalid)
			}
		}
		now := db.now().UTC()
		switch {
		case old != nil:
			h.Created = old.Created
		case h.Created.IsZero():
			h.Created = now
		}
		h.Updated = now
		return putJSON(ab, []byte(h.ID), h)
	})
	if err != nil {
		return Highlight{}, err
	}
	return h, nil
}

// DeleteHighlight removes a highlight, or returns ErrNotFound.
func (db *DB) DeleteHighlight(articleID, id string) error {
	return db.update("delete highlight", func(tx *bolt.Tx) error {
		hb, err := mustBucket(tx, bucketHighlights)
		if err != nil {
			return err
		}
		ab := hb.Bucket([]byte(articleID))
		if ab == nil || ab.Get([]byte(id)) == nil {
			return fmt.Errorf("highlight %q of article %q: %w", id, articleID, ErrNotFound)
		}
		return ab.Delete([]byte(id))
	})
}

func readHighlights(ab *bolt.Bucket, article []byte, out []Highlight, skip func(string, ...any)) ([]Highlight, error) {
	err := ab.ForEach(func(k, v []byte) error {
		var h Highlight
		if err := decode(v, &h); err != nil {
			skip("highlight %q of article %q: %v", k, article, err)
			return nil
		}
		out = append(out, h)
		return nil
	})
	return out, err
}

func sortHighlights(hs []Highlight) {
	sort.Slice(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		switch {
		case a.Article != b.Article:
			return a.Article < b.Article
		case a.Start != b.Start:
			return a.Start < b.Start
		case a.End != b.End:
			return a.End < b.End
		}
		return a.ID < b.ID
	})
}

// Highlights returns an article's highlights (on all its revisions) sorted by Start, then End.
// It returns ErrNotFound when the article does not exist.
func (db *DB) Highlights(articleID string) ([]Highlight, error) {
	var out []Highlight
	err := db.view("list highlights", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		if b.Get([]byte(articleID)) == nil {
			return fmt.Errorf("article %q: %w", articleID, ErrNotFound)
		}
		hb, err := mustBucket(tx, bucketHighlights)
		if err != nil {
			return err
		}
		if ab := hb.Bucket([]byte(articleID)); ab != nil {
			out, err = readHighlights(ab, []byte(articleID), out, db.skip)
		}
		return err
	})
	sortHighlights(out)
	return out, err
}

// AllHighlights returns every highlight of the workspace sorted by article, then Start.
func (db *DB) AllHighlights() ([]Highlight, error) {
	var out []Highlight
	err := db.view("list highlights", func(tx *bolt.Tx) error {
		hb, err := mustBucket(tx, bucketHighlights)
		if err != nil {
			return err
		}
		return hb.ForEachBucket(func(k []byte) error {
			var err error
			out, err = readHighlights(hb.Bucket(k), bytes.Clone(k), out, db.skip)
			return err
		})
	})
	sortHighlights(out)
	return out, err
}

// uniqueStrings returns ss without repeats, in first-seen order.
func uniqueStrings(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
