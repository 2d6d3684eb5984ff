package ingest_test

import (
	"errors"
	"fmt"

	"parallax/store/ingest"
)

func ExampleBytes() {
	doc, err := ingest.Bytes("pasted.md", []byte("---\ntitle: Pékin dément\npublished: 2021-07-20T14:49:00+02:00\n---\r\nLe ministère a rejeté mardi les accusations.\r\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s (%s) | %s from %s | %q\n", doc.Title, doc.Published, doc.PublishedFrom, doc.Lang, doc.LangFrom, doc.Text)

	_, err = ingest.Bytes("photo.txt", []byte("\x89PNG\r\n\x1a\n..."))
	fmt.Println(errors.Is(err, ingest.ErrBinary), err)
	// Output:
	// Pékin dément | 2021-07-20 (front matter) | fr from detected | "Le ministère a rejeté mardi les accusations.\n"
	// true photo.txt: this is a PNG image, not text; Parallax reads articles as .txt, .md or .html — save the article's text in one of those
}
