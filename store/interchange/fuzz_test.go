package interchange_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"parallax/store/interchange"
)

// FuzzRead: Read never panics, and what it accepts writes back to a document it reads as the
// same set. Seeded with a valid set and every case of the bad-input table.
func FuzzRead(f *testing.F) {
	base := badBase(f)
	valid, err := json.Marshal(base)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	for _, c := range badCases {
		if c.raw != nil {
			if doc := c.raw(valid); len(doc) < 1<<16 {
				f.Add(doc)
			}
			continue
		}
		d := deepCopy(f, base)
		c.mutate(d)
		doc, err := json.Marshal(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		set, err := interchange.Read(bytes.NewReader(doc), "fuzz.json")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := interchange.Write(&buf, set); err != nil {
			t.Fatal(err)
		}
		again, err := interchange.Read(&buf, "rewritten.json")
		if err != nil {
			t.Fatalf("an accepted set, written again, is refused: %v", err)
		}
		if !reflect.DeepEqual(set, again) {
			t.Fatal("an accepted set reads back different")
		}
	})
}
