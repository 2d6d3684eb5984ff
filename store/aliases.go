package store

import (
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// PutAlias stores (or replaces) the analyst's statement that a surface form names an actor.
// Surface and ActorID are required; Created is set now when zero.
func (db *DB) PutAlias(a LearnedAlias) error {
	a.Surface = strings.TrimSpace(a.Surface)
	switch {
	case a.Surface == "":
		return fmt.Errorf("save alias in workspace %s: the surface form is empty: %w", db.path, ErrInvalid)
	case strings.TrimSpace(a.ActorID) == "":
		return fmt.Errorf("save alias %q in workspace %s: it names no actor: %w", a.Surface, db.path, ErrInvalid)
	}
	if a.Created.IsZero() {
		a.Created = db.now().UTC()
	}
	return db.update("save alias", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketAliases)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(a.Surface), a)
	})
}

// DeleteAlias forgets the alias of a surface form, or returns ErrNotFound.
func (db *DB) DeleteAlias(surface string) error {
	surface = strings.TrimSpace(surface)
	return db.update("delete alias", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketAliases)
		if err != nil {
			return err
		}
		if b.Get([]byte(surface)) == nil {
			return fmt.Errorf("alias %q: %w", surface, ErrNotFound)
		}
		return b.Delete([]byte(surface))
	})
}

// Aliases returns every learned alias sorted by surface form.
func (db *DB) Aliases() ([]LearnedAlias, error) {
	var out []LearnedAlias
	err := db.view("list aliases", func(tx *bolt.Tx) error {
		return forEachJSON(tx, bucketAliases, db.skip, func(k []byte, a *LearnedAlias) { out = append(out, *a) })
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Surface < out[j].Surface })
	return out, err
}

// forEachJSON decodes every value of a top-level bucket into a fresh T and hands it to fn.
//
// A record that cannot be decoded is left out and reported to skip (see DB.Skipped), so one
// damaged record does not hide all the others.
func forEachJSON[T any](tx *bolt.Tx, name []byte, skip func(string, ...any), fn func(k []byte, v *T)) error {
	b, err := mustBucket(tx, name)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			skip("%s: unexpected nested bucket %q", name, k)
			return nil
		}
		var t T
		if err := decode(v, &t); err != nil {
			skip("%s %q: %v", name, k, err)
			return nil
		}
		fn(k, &t)
		return nil
	})
}
