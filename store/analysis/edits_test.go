package analysis

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/compare"
	"parallax/store"
	"parallax/store/ingest"
)

// An article stored again from its URL with other text is flagged as edited, in its story,
// with both revisions' times as evidence; the previous revision's facts are cached; an
// article stored once is not flagged.
func TestWorkspace_EditDiscrepancy(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "w.parallax"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ImportDocuments(seedDocs(t), time.Now()); err != nil {
		t.Fatal(err)
	}
	page := func(toll, spokesman, extra string, fetched time.Time) ingest.Document {
		text := "At least " + toll + " people died when an overloaded ferry sank on Lake Malawi on Sunday, police in Malawi said.\n\n" +
			"Police spokesman " + spokesman + " said 41 people had been rescued.\n\n" + extra +
			"President Lazarus Chakwera declared three days of national mourning."
		return ingest.Document{Source: "https://wire.example/ferry", URL: "https://wire.example/ferry", SourceName: "Example Wire",
			Title: "Ferry sinks on Lake Malawi", Lang: "en", Published: "2025-05-12", Text: text, Format: "html",
			FetchedAt: fetched, Modified: fetched.Add(-5 * time.Minute).Format(time.RFC3339)}
	}
	t0 := time.Date(2025, 5, 12, 8, 10, 0, 0, time.UTC)
	if _, err := db.ImportDocuments([]ingest.Document{page("12", "Peter Kalua", "Witnesses said the captain had ignored a storm warning.\n\n", t0)}, t0); err != nil {
		t.Fatal(err)
	}
	rep, err := Workspace(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Discrepancies {
		if d.Kind == compare.DiscEdit {
			t.Fatalf("an article stored once is flagged as edited: %+v", d)
		}
	}
	t1 := t0.Add(8 * time.Hour)
	res, err := db.ImportDocuments([]ingest.Document{page("35", "James Kadadzera", "", t1)}, t1)
	if err != nil || res.Revised != 1 {
		t.Fatalf("re-import: %+v, %v", res, err)
	}
	id := res.Docs[0].ID
	rep, err = Workspace(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var edits []compare.Discrepancy
	for _, d := range rep.Discrepancies {
		if d.Kind == compare.DiscEdit {
			edits = append(edits, d)
		}
	}
	if len(edits) != 1 {
		t.Fatalf("%d edit discrepancies, want 1: %+v", len(edits), edits)
	}
	d := edits[0]
	inStory := false
	for _, st := range rep.Stories {
		for _, a := range st.Articles {
			inStory = inStory || (st.ID == d.Story && a == id)
		}
	}
	if !inStory {
		t.Errorf("story %q of the flag does not hold article %s", d.Story, id)
	}
	var got []string
	for _, e := range d.Edits {
		got = append(got, e.Kind+" "+e.Change+" "+e.Old+"→"+e.New)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"number changed 12→35", "Peter Kalua→James Kadadzera", "paragraph removed Witnesses said"} {
		if !strings.Contains(all, want) {
			t.Errorf("edits lack %q:\n%s", want, all)
		}
	}
	if len(d.Revisions) != 2 || d.Revisions[0].Fetched != "2025-05-12T08:10:00Z" || d.Revisions[1].Fetched != "2025-05-12T16:10:00Z" ||
		d.Revisions[1].Modified != "2025-05-12T16:05:00Z" {
		t.Errorf("revisions = %+v", d.Revisions)
	}
	if !strings.HasPrefix(d.Summary, "Example Wire (en) was edited: number “12” → “35”") {
		t.Errorf("summary = %q", d.Summary)
	}
	if _, ok, err := db.CachedFacts(id, 1, compare.ExtractorVersion); !ok || err != nil {
		t.Errorf("revision 1's facts are not cached: %v, %v", ok, err)
	}
	// The cached facts give the same flag.
	again, err := Workspace(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d2 := range again.Discrepancies {
		if d2.Kind == compare.DiscEdit {
			n++
			if d2.ID != d.ID || d2.Summary != d.Summary {
				t.Errorf("second run: %q %q, first %q %q", d2.ID, d2.Summary, d.ID, d.Summary)
			}
		}
	}
	if n != 1 {
		t.Errorf("second run: %d edit flags", n)
	}
}
