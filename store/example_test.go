package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"parallax/store"
	"parallax/store/ingest"
)

func ExampleDB_ImportDocuments() {
	dir, _ := os.MkdirTemp("", "parallax-example")
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "w.parallax"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	now := time.Date(2021, 7, 20, 15, 0, 0, 0, time.UTC)
	first := []ingest.Document{
		{Source: "seeds/001.txt", Lang: "fr", Text: "Pékin a démenti mardi."},
		{Source: "seeds/004.txt", Lang: "ru", Text: "Пекин отверг обвинения."},
	}
	again := []ingest.Document{
		{Source: "seeds/001.txt", Lang: "fr", Text: "Pékin a démenti mardi."},      // same text
		{Source: "seeds/004.txt", Lang: "ru", Text: "Пекин отверг все обвинения."}, // new text
	}
	for _, batch := range [][]ingest.Document{first, again} {
		res, err := db.ImportDocuments(batch, now)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, d := range res.Docs {
			fmt.Println(d.Source, d.Status, "revision", d.Revision)
		}
	}
	n, _ := db.ArticleCount()
	fmt.Println(n, "articles")
	// Output:
	// seeds/001.txt added revision 1
	// seeds/004.txt added revision 1
	// seeds/001.txt unchanged revision 1
	// seeds/004.txt revised revision 2
	// 2 articles
}

func ExampleOpen_locked() {
	dir, _ := os.MkdirTemp("", "parallax-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "w.parallax")
	db, _ := store.Open(path, store.Options{})
	defer db.Close()

	_, err := store.Open(path, store.Options{Timeout: 50 * time.Millisecond})
	fmt.Println(errors.Is(err, store.ErrLocked))
	// Output: true
}
