package store

import (
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The verdicts an analyst gives a discrepancy.
const (
	VerdictConfirmed = "confirmed"
	VerdictRejected  = "rejected"
	VerdictUnsure    = "unsure"
)

// PutVerdict stores (or replaces) the analyst's verdict on a discrepancy. Discrepancy is
// required and Verdict must be one of VerdictConfirmed, VerdictRejected, VerdictUnsure.
// Updated is set now.
func (db *DB) PutVerdict(v Verdict) error {
	switch {
	case strings.TrimSpace(v.Discrepancy) == "":
		return fmt.Errorf("save verdict in workspace %s: it names no discrepancy: %w", db.path, ErrInvalid)
	case v.Verdict != VerdictConfirmed && v.Verdict != VerdictRejected && v.Verdict != VerdictUnsure:
		return fmt.Errorf("save verdict on %q in workspace %s: %q is not confirmed, rejected or unsure: %w", v.Discrepancy, db.path, v.Verdict, ErrInvalid)
	}
	v.Updated = db.now().UTC()
	return db.update("save verdict", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketVerdicts)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(v.Discrepancy), v)
	})
}

// DeleteVerdict withdraws the verdict on a discrepancy, or returns ErrNotFound.
func (db *DB) DeleteVerdict(discrepancy string) error {
	return db.update("delete verdict", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketVerdicts)
		if err != nil {
			return err
		}
		if b.Get([]byte(discrepancy)) == nil {
			return fmt.Errorf("verdict on %q: %w", discrepancy, ErrNotFound)
		}
		return b.Delete([]byte(discrepancy))
	})
}

// Verdicts returns every verdict sorted by discrepancy key.
func (db *DB) Verdicts() ([]Verdict, error) {
	var out []Verdict
	err := db.view("list verdicts", func(tx *bolt.Tx) error {
		return forEachJSON(tx, bucketVerdicts, db.skip, func(_ []byte, v *Verdict) { out = append(out, *v) })
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Discrepancy < out[j].Discrepancy })
	return out, err
}
