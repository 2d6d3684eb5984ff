package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Values are stored as JSON: readable with `bbolt get` when something goes wrong, tolerant of
// added fields (old builds ignore them, new builds read old records with zero values), and the
// same encoding the export uses.

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	return b.Put(key, data)
}

// decode unmarshals a stored value. json.Unmarshal copies, so the result is safe to use after
// the transaction ends.
func decode(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("damaged record: %w", err)
	}
	return nil
}

// hashRef is the value of the hashes bucket: which article revision holds a text.
type hashRef struct {
	Article  string `json:"article"`
	Revision int    `json:"revision"`
}

// textHash is the hex SHA-256 of a text, the Article.Hash.
func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// revKey encodes a revision number as a 4-byte big-endian key, so keys sort by revision.
func revKey(rev int) []byte {
	var k [4]byte
	binary.BigEndian.PutUint32(k[:], uint32(rev))
	return k[:]
}

// mustBucket returns a top-level bucket, or an error saying the workspace is damaged (Check
// explains more).
func mustBucket(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	if b := tx.Bucket(name); b != nil {
		return b, nil
	}
	return nil, fmt.Errorf("bucket %q is missing; the workspace is damaged (run a check)", name)
}
