package app_test

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/internal/wsgen"
	"parallax/store"
	"parallax/store/ingest"
)

// genUI opens the window on a generated workspace of n articles (internal/wsgen) and waits
// for its analysis.
func genUI(t *testing.T, n int) (*app.UI, *store.DB) {
	t.Helper()
	db := openDB(t, t.TempDir())
	if err := wsgen.Fill(db, n); err != nil {
		t.Fatal(err)
	}
	u, _ := newUI(t, db)
	return u, db
}

// sameLabelStories returns two stories that would read the same in a list (same date,
// languages and first title): the generated undated copies make many.
func sameLabelStories(t *testing.T, u *app.UI) (string, string) {
	t.Helper()
	sel := u.Compare.StorySelect
	ids := u.Compare.StoryIDs()
	if len(ids) != len(sel.Options) {
		t.Fatalf("%d story ids for %d options", len(ids), len(sel.Options))
	}
	seen := map[string]string{}
	for i, opt := range sel.Options {
		base, _, _ := strings.Cut(opt, " (") // numbered duplicates: "… (2)"
		if first, ok := seen[base]; ok {
			return first, ids[i]
		}
		seen[base] = ids[i]
	}
	t.Fatalf("the generated workspace has no two stories with the same label: %q", sel.Options)
	return "", ""
}

// Issue 14.1: with two stories of the same label, Compare story recursed without end
// (ShowStory → Select.SetSelected → OnChanged → ShowStory of the other one).
func TestCompare_SameLabelStoriesSelectByID(t *testing.T) {
	// Endless recursion would otherwise take minutes and gigabytes to overflow the stack.
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	db := openDB(t, t.TempDir())
	// Three reports of different events under one headline, date and language.
	var docs []ingest.Document
	for i, body := range []string{
		"On 3 May 2024 the ministry in Lyon said 40 people were hurt in a fire at the Part-Dieu station.",
		"On 12 January 2019 the police in Oslo said 7 cars burned near the Storting.",
		"On 28 August 2022 Kenya's electoral commission in Nairobi counted 14 million ballots.",
	} {
		d, err := ingest.Bytes(fmt.Sprintf("same%d.txt", i), []byte("---\ntitle: Ministry statement\nlang: en\npublished: 2024-05-03\n---\n"+body+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
		t.Fatal(err)
	}
	u, _ := newUI(t, db)
	a, b := sameLabelStories(t, u)

	u.OpenStory(b)
	if got := u.Compare.Story(); got != b {
		t.Fatalf("OpenStory(%s) shows story %s", b, got)
	}
	u.OpenStory(a)
	if got := u.Compare.Story(); got != a {
		t.Fatalf("OpenStory(%s) shows story %s", a, got)
	}
	// Every option opens its own story, and the select shows that option.
	sel := u.Compare.StorySelect
	labels := map[string]bool{}
	for i, id := range u.Compare.StoryIDs() {
		if labels[sel.Options[i]] {
			t.Errorf("option %q appears twice", sel.Options[i])
		}
		labels[sel.Options[i]] = true
		if id != a && id != b {
			continue
		}
		sel.SetSelectedIndex(i)
		if got := u.Compare.Story(); got != id {
			t.Errorf("picking option %d (%q) shows story %s, want %s", i, sel.Options[i], got, id)
		}
		if sel.SelectedIndex() != i {
			t.Errorf("after picking option %d the select shows option %d", i, sel.SelectedIndex())
		}
	}
}
