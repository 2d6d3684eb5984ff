package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestWeb(t *testing.T) {
	page := func(body string) []byte {
		return []byte("<html lang=fr><body><article><h1>Titre</h1><p>" + body + "</p></article></body></html>")
	}
	for _, tc := range []struct {
		name, contentType string
		data              []byte
		text              string // a part of the text, or the error's message
		cause             error
	}{
		{"utf-8 declared", "text/html; charset=utf-8", page("Pékin a démenti mardi."), "Pékin a démenti mardi.", nil},
		{"latin-1 in header", "text/html; charset=iso-8859-1", page("P\xe9kin a d\xe9menti mardi."), "Pékin a démenti mardi.", nil},
		{"windows-1252 by default", "text/html", page("P\xe9kin \x96 mardi."), "Pékin – mardi.", nil},
		{"a bad byte in UTF-8", "text/html; charset=utf-8", page("Pékin \xff mardi."), "Pékin \uFFFD mardi.", nil},
		{"plain text", "text/plain; charset=utf-8", []byte("Pékin a démenti.\r\n"), "Pékin a démenti.\n", nil},
		{"empty", "text/html", []byte{}, "the file is empty", ErrEmpty},
		{"a PDF", "text/html", []byte("%PDF-1.4 ..."), "a PDF document", ErrBinary},
		{"scripts only", "text/html", []byte("<html><body><script>x()</script></body></html>"), "no readable text", ErrNoText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Web("https://news.example/a", tc.data, tc.contentType)
			if tc.cause != nil {
				if !errors.Is(err, tc.cause) || !strings.Contains(err.Error(), tc.text) || !strings.HasPrefix(err.Error(), "https://news.example/a: ") {
					t.Fatalf("err = %v, want %v saying %q", err, tc.cause, tc.text)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Text, tc.text) || doc.Source != "https://news.example/a" || string(doc.Raw) != string(tc.data) {
				t.Errorf("doc = %+v", doc)
			}
		})
	}
}
