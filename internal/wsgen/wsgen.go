// Package wsgen makes large workspaces for tests, benchmarks and trying the window at real
// size: N unique articles made from the five sample articles. Copy k of sample s keeps the
// sample's text, title and language and gains a closing line naming the copy, so every article
// is distinct (its own id); most copies get a publication date of their own, so they cluster
// into stories of several versions, while the undated ones make hundreds of stories that share
// one label (date · languages · title) — the case that once made Compare story recurse without
// end.
package wsgen

import (
	"fmt"
	iofs "io/fs"
	"time"

	"parallax/seeds"
	"parallax/store"
	"parallax/store/ingest"
)

// Documents returns n unique articles decoded through the same ingest path as user files.
func Documents(n int) ([]ingest.Document, error) {
	names := seeds.Names()
	base := make([]ingest.Document, 0, len(names))
	for _, name := range names {
		data, err := iofs.ReadFile(seeds.FS(), name)
		if err != nil {
			return nil, fmt.Errorf("read sample %s: %w", name, err)
		}
		d, err := ingest.Bytes("samples/"+name, data)
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", name, err)
		}
		base = append(base, d)
	}
	docs := make([]ingest.Document, 0, n)
	for i := range n {
		d := base[i%len(base)]
		copyNo := i / len(base)
		d.Source = fmt.Sprintf("gen/%05d-%s", i, names[i%len(base)])
		d.Text += fmt.Sprintf("\n\nCopy %d.", copyNo)
		// Two editions in three are dated (three days apart, so their versions form stories of
		// several languages); the third keeps the samples' undated form, and its single-version
		// stories share their labels by the hundred.
		if copyNo%3 != 2 {
			d.Published = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, copyNo*3).Format("2006-01-02")
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Fill imports n generated articles into db in batches of 500 (one transaction each).
func Fill(db *store.DB, n int) error {
	docs, err := Documents(n)
	if err != nil {
		return err
	}
	for len(docs) > 0 {
		k := min(500, len(docs))
		if _, err := db.ImportDocuments(docs[:k], time.Now()); err != nil {
			return err
		}
		docs = docs[k:]
	}
	return nil
}
