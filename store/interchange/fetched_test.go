package interchange_test

import (
	"bytes"
	"testing"
	"time"

	"parallax/store/ingest"
	"parallax/store/interchange"
)

// An article fetched from the web keeps its fetch time and modification time through export
// and import; the page as served stays in the workspace (it is not part of the set).
func TestRoundTrip_FetchedArticle(t *testing.T) {
	src, _ := openDB(t)
	fetched := time.Date(2024, 10, 31, 9, 0, 0, 0, time.UTC)
	doc := ingest.Document{
		Source: "https://news.example/amp/floods", URL: "https://news.example/floods", SourceName: "Example News",
		Title: "Floods", Lang: "en", LangFrom: "html", Format: "html", Text: "At least 95 people died.",
		Published: "2024-10-30", PublishedFrom: "json-ld", PublishedTime: "2024-10-30T14:05:00Z",
		Modified: "2024-10-30T18:40:12Z", FetchedAt: fetched, Raw: []byte("<html>…</html>"),
	}
	if _, err := src.ImportDocuments([]ingest.Document{doc}, fetched); err != nil {
		t.Fatal(err)
	}
	set, first := export(t, src, false) // validates against the schema
	if a := set.Articles[0]; !a.FetchedAt.Equal(fetched) || a.Modified != doc.Modified {
		t.Fatalf("exported article = %+v", a.Article)
	}
	read, err := interchange.Read(bytes.NewReader(first), "fetched.json")
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openDB(t)
	if _, err := interchange.Import(dst, read, ""); err != nil {
		t.Fatal(err)
	}
	if _, second := export(t, dst, false); !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs:\n%s", firstDiff(first, second))
	}
}
