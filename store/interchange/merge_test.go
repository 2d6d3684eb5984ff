package interchange_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// roundTrip writes a set and reads it back, as a colleague's file would arrive.
func roundTrip(t *testing.T, set *interchange.Set) *interchange.Set {
	t.Helper()
	var buf bytes.Buffer
	if err := interchange.Write(&buf, set); err != nil {
		t.Fatal(err)
	}
	got, err := interchange.Read(&buf, "colleague.json")
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func highlightsBy(t *testing.T, db *store.DB) map[string][]store.Highlight {
	t.Helper()
	hs, err := db.AllHighlights()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]store.Highlight{}
	for _, h := range hs {
		out[h.Author] = append(out[h.Author], h)
	}
	return out
}

// Two analysts work on the same seeds in their own workspaces; Amira's set merges into
// Bao's: no article is duplicated, both analysts' highlights are kept with their authors,
// opposite verdicts are a reported conflict with Bao's kept, agreeing ones merge silently.
func TestMerge_TwoAnalysts(t *testing.T) {
	amira, _ := openDB(t)
	rep := seedWorkspace(t, amira, "Amira Haddad")
	amiraSet, _ := export(t, amira, true)

	bao, _ := openDB(t)
	// Bao imported the same files a day later: same ids and texts, other import times.
	if _, err := bao.ImportDocuments(seedDocs(t), time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	d0, d1 := rep.Discrepancies[0], rep.Discrepancies[1]
	m := d0.Members[len(d0.Members)-1]
	if _, err := bao.PutHighlight(store.Highlight{Article: m.Article, Start: m.Start, End: m.End, Tags: []string{"claim"}, Note: "Bao's reading", Author: "Bao Nguyen"}); err != nil {
		t.Fatal(err)
	}
	// Amira confirmed d0 and rejected d1; Bao rejects d0 (opposite) and rejects d1 (agrees).
	for _, v := range []store.Verdict{
		{Discrepancy: d0.ID, Verdict: store.VerdictRejected, Note: "same day, other time zone", Author: "Bao Nguyen"},
		{Discrepancy: d1.ID, Verdict: store.VerdictRejected, Author: "Bao Nguyen"},
	} {
		if err := bao.PutVerdict(v); err != nil {
			t.Fatal(err)
		}
	}
	baoBefore := highlightsBy(t, bao)

	got, err := interchange.Import(bao, roundTrip(t, amiraSet), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("merge: %s", got)
	if got.Restored {
		t.Fatal("merge into a workspace with Bao's work reported a restore")
	}
	if n, _ := bao.ArticleCount(); n != len(amiraSet.Articles) || got.Articles.Unchanged != n || got.Articles.Added != 0 {
		t.Errorf("articles: %d in workspace, report %+v; want the %d seeds, none duplicated", n, got.Articles, len(amiraSet.Articles))
	}
	after := highlightsBy(t, bao)
	if len(after["Amira Haddad"]) != len(amiraSet.Highlights) || len(after["Bao Nguyen"]) != len(baoBefore["Bao Nguyen"]) {
		t.Errorf("highlights after merge: %d by Amira (want %d), %d by Bao (want %d)",
			len(after["Amira Haddad"]), len(amiraSet.Highlights), len(after["Bao Nguyen"]), len(baoBefore["Bao Nguyen"]))
	}
	vs, err := bao.Verdicts()
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]store.Verdict{}
	for _, v := range vs {
		byKey[v.Discrepancy] = v
	}
	if v := byKey[d0.ID]; v.Verdict != store.VerdictRejected || v.Author != "Bao Nguyen" {
		t.Errorf("conflicting verdict on %s was overwritten: %+v", d0.ID, v)
	}
	if len(got.Conflicts) != 1 || got.Conflicts[0].Kind != "verdict" || got.Conflicts[0].Key != d0.ID {
		t.Fatalf("conflicts %+v, want exactly the opposite verdicts on %s", got.Conflicts, d0.ID)
	}
	c := got.Conflicts[0]
	if c.Local.(store.Verdict).Verdict != store.VerdictRejected || c.Incoming.(store.Verdict).Verdict != store.VerdictConfirmed {
		t.Errorf("conflict does not carry both verdicts: %+v", c)
	}
	if !strings.Contains(c.Detail, "Bao Nguyen") || !strings.Contains(c.Detail, "Amira Haddad") {
		t.Errorf("conflict detail does not name both analysts: %q", c.Detail)
	}
	if !strings.Contains(got.String(), "1 conflict") {
		t.Errorf("summary hides the conflict: %s", got)
	}
	// Amira's third verdict (unsure, on a discrepancy Bao has not judged) is added; on d1 both
	// rejected, and Bao's verdict without a note takes Amira's note.
	if got.Verdicts.Added != len(amiraSet.Verdicts)-2 || got.Verdicts.Updated != 1 {
		t.Errorf("verdict counts %+v", got.Verdicts)
	}
	if v := byKey[d1.ID]; v.Verdict != store.VerdictRejected || v.Note == "" {
		t.Errorf("agreeing verdict on %s did not take the note: %+v", d1.ID, v)
	}

	// The merged workspace exports a set that fits the schema and holds both analysts' work.
	merged, _ := export(t, bao, true)
	authors := map[string]bool{}
	for _, h := range merged.Highlights {
		authors[h.Author] = true
	}
	if !authors["Amira Haddad"] || !authors["Bao Nguyen"] {
		t.Errorf("merged export lacks an analyst: %v", authors)
	}
}

// The same highlight (same id) edited in both workspaces after it was shared is a conflict;
// edited in one only, the edit is taken.
func TestMerge_HighlightEdits(t *testing.T) {
	amira, _ := openDB(t)
	doc := ingest.Document{Source: "wire/ar.txt", Lang: "ar", Format: "txt",
		Text: "قالت وزارة الخارجية الصينية إن 👩‍👩‍👧 الاتهامات لا أساس لها، وإن الصين تعارض الهجمات. الصين ترفض."}
	if _, err := amira.ImportDocuments([]ingest.Document{doc}, time.Now()); err != nil {
		t.Fatal(err)
	}
	arts, _ := amira.Articles()
	a := arts[0]
	h1, err := amira.PutHighlight(store.Highlight{Article: a.ID, Start: 0, End: 4, Tags: []string{"attribution"}, Author: "Amira Haddad"})
	if err != nil {
		t.Fatal(err)
	}
	h2, err := amira.PutHighlight(store.Highlight{Article: a.ID, Start: 5, End: 11, Tags: []string{"actor"}, Author: "Amira Haddad"})
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := export(t, amira, false)

	bao, _ := openDB(t)
	if _, err := interchange.Import(bao, roundTrip(t, shared), ""); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Millisecond) // edits must be later than creation
	// Both edit h1, differently; only Amira edits h2.
	h1a := h1
	h1a.Note = "Amira: the ministry, not the spokesman"
	if _, err := amira.PutHighlight(h1a); err != nil {
		t.Fatal(err)
	}
	h1b := h1
	h1b.Tags = []string{"attribution", "claim"}
	if _, err := bao.PutHighlight(h1b); err != nil {
		t.Fatal(err)
	}
	h2a := h2
	h2a.Note = "Amira: which ministry?"
	if _, err := amira.PutHighlight(h2a); err != nil {
		t.Fatal(err)
	}
	update, _ := export(t, amira, false)

	got, err := interchange.Import(bao, roundTrip(t, update), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("merge: %s", got)
	if got.Highlights.Conflicts != 1 || got.Highlights.Updated != 1 || len(got.Conflicts) != 1 || got.Conflicts[0].Key != h1.ID {
		t.Fatalf("highlights %+v, conflicts %+v; want h1 in conflict and h2 updated", got.Highlights, got.Conflicts)
	}
	if d := got.Conflicts[0].Detail; !strings.Contains(d, "note") || !strings.Contains(d, "tags") {
		t.Errorf("conflict detail %q does not say what differs", d)
	}
	hs, _ := bao.Highlights(a.ID)
	for _, h := range hs {
		switch h.ID {
		case h1.ID:
			if h.Note != "" || !slices.Equal(h.Tags, h1b.Tags) {
				t.Errorf("h1 was overwritten: %+v", h)
			}
		case h2.ID:
			if h.Note != h2a.Note {
				t.Errorf("h2 did not take Amira's edit: %+v", h)
			}
		}
	}

	// Importing Amira's original set again changes nothing: Bao's h1 edit is newer than the
	// unedited original, and h2's original is older than the edit Bao now holds.
	again, err := interchange.Import(bao, roundTrip(t, shared), "")
	if err != nil {
		t.Fatal(err)
	}
	if again.Highlights.Updated+again.Highlights.Added+again.Highlights.Conflicts != 0 {
		t.Errorf("re-importing the older set changed highlights: %+v", again.Highlights)
	}
}

// Articles are matched by source (new text becomes a revision, highlights follow it) and by
// content hash (the same text under another file name is not duplicated); the set's author
// names records that carry none.
func TestMerge_RevisionsAndHashes(t *testing.T) {
	amira, _ := openDB(t)
	v1 := ingest.Document{Source: "wire/zh.txt", Lang: "zh", Format: "txt", Text: "中国外交部发言人赵立坚7月20日表示，美方指责毫无根据。"}
	other := ingest.Document{Source: "wire/ru.txt", Lang: "ru", Format: "txt", Text: "Пекин отверг обвинения США 20 июля."}
	if _, err := amira.ImportDocuments([]ingest.Document{v1, other}, time.Now()); err != nil {
		t.Fatal(err)
	}
	v2 := v1
	v2.Text = "中国外交部发言人赵立坚7月20日表示，美方的指责毫无根据。🇨🇳"
	if _, err := amira.ImportDocuments([]ingest.Document{v2}, time.Now()); err != nil {
		t.Fatal(err)
	}
	zh, err := amira.Article(articleID(t, amira, "wire/zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := amira.PutHighlight(store.Highlight{Article: zh.ID, Start: 8, End: 11, Tags: []string{"actor"}}); err != nil {
		t.Fatal(err)
	}
	set, _ := export(t, amira, false)

	bao, path := openDB(t)
	// Bao has revision 1 of the Chinese article, and the Russian text under another name.
	renamed := other
	renamed.Source = "inbox/пекин.txt"
	if _, err := bao.ImportDocuments([]ingest.Document{v1, renamed}, time.Now()); err != nil {
		t.Fatal(err)
	}
	got, err := interchange.Import(bao, roundTrip(t, set), "Amira Haddad")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("merge: %s; remapped %v", got, got.Remapped)
	if n, _ := bao.ArticleCount(); n != 2 {
		t.Errorf("%d articles after merge, want 2 (Chinese with its new revision, Russian once)", n)
	}
	if got.Revisions != 1 || got.Articles.Updated != 1 || got.Articles.Unchanged != 1 {
		t.Errorf("report %+v", got.MergeResult)
	}
	zhBao, err := bao.Article(articleID(t, bao, "wire/zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if zhBao.Revision != 2 || zhBao.Text != v2.Text {
		t.Errorf("Chinese article here is revision %d %q, want revision 2 with the new text", zhBao.Revision, zhBao.Text)
	}
	hs, _ := bao.Highlights(zhBao.ID)
	if len(hs) != 1 || hs[0].Revision != 2 || hs[0].Quote != "赵立坚" || hs[0].Author != "Amira Haddad" {
		t.Errorf("highlight after merge: %+v", hs)
	}
	_ = path
}

func articleID(t *testing.T, db *store.DB, source string) string {
	t.Helper()
	arts, err := db.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Source == source {
			return a.ID
		}
	}
	t.Fatalf("no article from %s", source)
	return ""
}
