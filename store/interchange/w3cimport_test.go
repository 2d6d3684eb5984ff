package interchange_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

type hlKey struct {
	article    string
	start, end int
	tags, note string
}

func highlightKeys(t *testing.T, db *store.DB) []hlKey {
	t.Helper()
	hs, err := db.AllHighlights()
	if err != nil {
		t.Fatal(err)
	}
	var out []hlKey
	for _, h := range hs {
		tags := slices.Clone(h.Tags)
		slices.Sort(tags)
		out = append(out, hlKey{h.Article, h.Start, h.End, strings.Join(tags, ","), h.Note})
	}
	slices.SortFunc(out, func(a, b hlKey) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return out
}

// The W3C export of an annotated workspace, imported into another workspace holding the same
// articles, gives the same highlights (spans, tags, notes); importing it again adds nothing.
// The discrepancy annotations are Parallax's own flags and are skipped, not reported as lost.
func TestImportW3C_RoundTrip(t *testing.T) {
	db1, _ := openDB(t)
	seedWorkspace(t, db1, "Amira Haddad")
	set, _ := export(t, db1, true)
	var doc bytes.Buffer
	if err := interchange.WriteW3C(&doc, set); err != nil {
		t.Fatal(err)
	}
	db2, _ := openDB(t)
	if _, err := db2.ImportDocuments(seedDocs(t), time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	rep, err := interchange.ImportW3C(db2, bytes.NewReader(doc.Bytes()), "set.jsonld", "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != len(set.Highlights) || len(rep.Unanchored) != 0 || rep.Flags != len(set.Analysis.Discrepancies) {
		t.Fatalf("report %s; want %d highlights and %d flags skipped", rep, len(set.Highlights), len(set.Analysis.Discrepancies))
	}
	if got, want := highlightKeys(t, db2), highlightKeys(t, db1); !slices.Equal(got, want) {
		t.Errorf("highlights differ after the W3C round trip:\ngot  %v\nwant %v", got, want)
	}
	hs, _ := db2.AllHighlights()
	if hs[0].Author != "Amira Haddad" {
		t.Errorf("author %q, want the annotation's creator", hs[0].Author)
	}
	again, err := interchange.ImportW3C(db2, bytes.NewReader(doc.Bytes()), "set.jsonld", "")
	if err != nil || again.Imported != 0 || again.Already != len(set.Highlights) {
		t.Errorf("second import: %s, %v; want all already there", again, err)
	}
}

// Annotations made on the web pages with Hypothesis (API rows) and Recogito (W3C JSON-LD)
// land on the stored articles by URL, through whitespace and repeated quotes; what cannot be
// anchored is reported with its reason.
func TestImportW3C_OtherTools(t *testing.T) {
	db, _ := openDB(t)
	text := "Pékin a démenti les accusations de Washington.\n\nPékin a démenti hier, selon le porte-parole Zhao Lijian, toute attaque contre Microsoft.\n"
	src := "---\ntitle: Pékin dément\nurl: https://www.example.org/monde/pekin-dement\nsource: Exemple\nlang: fr\n---\n" + text
	d, err := ingest.Bytes("pekin.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportDocuments([]ingest.Document{d}, time.Now()); err != nil {
		t.Fatal(err)
	}
	runeAt := func(s string, nth int) int { // rune offset of the nth occurrence of s in text
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return utf8.RuneCountInString(text[:i])
	}
	doc := `{"total": 4, "rows": [
	 {"id": "hyp-1", "uri": "https://example.org/monde/pekin-dement/", "user": "acct:amira@hypothes.is",
	  "created": "2026-03-02T10:00:00Z", "updated": "2026-03-02T10:05:00Z",
	  "text": "À vérifier contre la dépêche", "tags": ["Claim", "source-check"],
	  "target": [{"source": "https://example.org/monde/pekin-dement/", "selector": [
	    {"type": "TextPositionSelector", "start": 512, "end": 540},
	    {"type": "TextQuoteSelector", "exact": "le porte-parole\n Zhao  Lijian", "prefix": "selon ", "suffix": ", toute"}]}]},
	 {"id": "hyp-2", "uri": "https://example.org/monde/pekin-dement", "tags": [],
	  "target": [{"source": "https://example.org/monde/pekin-dement", "selector": [
	    {"type": "TextQuoteSelector", "exact": "Pékin a démenti", "prefix": "Washington.\n\n", "suffix": " hier"}]}]},
	 {"id": "hyp-3", "uri": "https://example.org/monde/pekin-dement",
	  "target": [{"source": "https://example.org/monde/pekin-dement", "selector": [
	    {"type": "TextQuoteSelector", "exact": "a reconnu l'attaque"}]}]},
	 {"id": "hyp-4", "uri": "https://example.org/autre-page",
	  "target": [{"source": "https://example.org/autre-page", "selector": [{"type": "TextQuoteSelector", "exact": "Pékin"}]}]}
	]}`
	rep, err := interchange.ImportW3C(db, strings.NewReader(doc), "hypothesis.json", "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Annotations != 4 || rep.Imported != 2 || len(rep.Unanchored) != 2 {
		t.Fatalf("report %s; want 2 highlights and 2 not anchored", rep)
	}
	if !strings.Contains(rep.Unanchored[0].Reason, "not in the stored text") || !strings.Contains(rep.Unanchored[1].Reason, "no stored article") {
		t.Errorf("reasons: %+v", rep.Unanchored)
	}
	if !slices.Equal(rep.TagsAdded, []string{"source-check"}) {
		t.Errorf("tags added %v, want source-check (Claim is the workspace's claim)", rep.TagsAdded)
	}
	recogito := `[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#rec-1", "type": "Annotation",
	  "creator": {"type": "Person", "name": "Lê Thu"},
	  "body": [{"type": "TextualBody", "purpose": "tagging", "value": "actor"},
	           {"type": "TextualBody", "purpose": "commenting", "value": "Nom complet"}],
	  "target": {"source": "http://example.org/monde/pekin-dement", "selector": [
	    {"type": "TextQuoteSelector", "exact": "Microsoft"}, {"type": "TextPositionSelector", "start": 3, "end": 12}]}},
	 {"id": "#rec-2", "type": "Annotation", "body": [], "target": {"source": "http://example.org/monde/pekin-dement",
	    "selector": {"type": "TextQuoteSelector", "exact": "Pékin a démenti"}}}]`
	rep2, err := interchange.ImportW3C(db, strings.NewReader(recogito), "recogito.jsonld", "Analyst")
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Imported != 1 || len(rep2.Unanchored) != 1 || !strings.Contains(rep2.Unanchored[0].Reason, "occurs 2 times") {
		t.Fatalf("recogito report %s; want 1 highlight and the repeated quote reported", rep2)
	}
	zhao := runeAt("le porte-parole Zhao Lijian", 0)
	want := []hlKey{
		{d0(t, db), zhao, zhao + utf8.RuneCountInString("le porte-parole Zhao Lijian"), "claim,source-check", "À vérifier contre la dépêche"},
		{d0(t, db), runeAt("Pékin a démenti", 1), runeAt("Pékin a démenti", 1) + 15, "", ""},
		{d0(t, db), runeAt("Microsoft", 0), runeAt("Microsoft", 0) + 9, "actor", "Nom complet"},
	}
	slices.SortFunc(want, func(a, b hlKey) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	if got := highlightKeys(t, db); !slices.Equal(got, want) {
		t.Errorf("highlights\ngot  %v\nwant %v", got, want)
	}
	hs, _ := db.AllHighlights()
	for _, h := range hs {
		if h.Note == "À vérifier contre la dépêche" && (h.Author != "amira" || !h.Created.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))) {
			t.Errorf("hypothesis highlight %+v: want author amira, created 10:00", h)
		}
		if h.Note == "Nom complet" && h.Author != "Lê Thu" {
			t.Errorf("recogito highlight author %q", h.Author)
		}
	}
	if _, err := interchange.ImportW3C(db, strings.NewReader(`{"format": "parallax-set"}`), "x.json", ""); err == nil {
		t.Error("a document without annotations was accepted")
	}
}

func d0(t *testing.T, db *store.DB) string {
	as, err := db.Articles()
	if err != nil || len(as) != 1 {
		t.Fatalf("articles %v %v", as, err)
	}
	return as[0].ID
}
