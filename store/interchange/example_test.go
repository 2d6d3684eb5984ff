package interchange_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// A set exported from one workspace rebuilds another: Export, Write, Read, Import.
func Example() {
	dir, _ := os.MkdirTemp("", "parallax-example-*")
	defer os.RemoveAll(dir)
	open := func(name string) *store.DB {
		db, err := store.Open(filepath.Join(dir, name), store.Options{NoSync: true})
		if err != nil {
			panic(err)
		}
		return db
	}
	mine := open("mine.parallax")
	defer mine.Close()
	res, _ := mine.ImportDocuments([]ingest.Document{{Source: "ar.txt", Lang: "ar", Format: "txt",
		Text: "الصين تنفي الاتهامات الأمريكية."}}, time.Now())
	_, _ = mine.PutHighlight(store.Highlight{Article: res.Docs[0].ID, Start: 0, End: 5, Tags: []string{"actor"}, Author: "Amira"})

	set, _ := interchange.Export(mine, interchange.ExportOptions{})
	var file bytes.Buffer
	_ = interchange.Write(&file, set)

	received, err := interchange.Read(&file, "set.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	theirs := open("theirs.parallax")
	defer theirs.Close()
	report, err := interchange.Import(theirs, received, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report)
	hs, _ := theirs.AllHighlights()
	fmt.Printf("%s by %s\n", hs[0].Quote, hs[0].Author)
	// Output:
	// restored into an empty workspace: articles 1 added; highlights 1 added
	// الصين by Amira
}
