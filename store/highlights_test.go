package store_test

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"parallax/store"
	"parallax/store/ingest"
)

func importOne(t *testing.T, db *store.DB, source, lang, text string) string {
	t.Helper()
	res, err := db.ImportDocuments([]ingest.Document{store.Doc(source, lang, text)}, t0)
	if err != nil {
		t.Fatal(err)
	}
	return res.Docs[0].ID
}

// runeIndex returns the rune offset of the first occurrence of sub in s.
func runeIndex(t *testing.T, s, sub string) int {
	t.Helper()
	for i := range s {
		if len(s[i:]) >= len(sub) && s[i:i+len(sub)] == sub {
			return utf8.RuneCountInString(s[:i])
		}
	}
	t.Fatalf("%q not in %q", sub, s)
	return -1
}

func TestPutHighlight_SpanValidation(t *testing.T) {
	// Arabic with harakat (combining marks), a letter with a combining tilde that has no
	// precomposed form (so NFC keeps two code points), a ZWJ emoji sequence and a flag.
	const arabic = "نفت الصينُ الاتهاماتِ يوم الثلاثاء"
	const mixed = "Zhao Lijian q\u0303 said 👩\u200d💻 hackers 🇨🇳 denied"
	cases := []struct {
		name       string
		text       string
		start, end int
		quote      string // "" = filled in
		ok         bool
	}{
		{"arabic word with its marks", arabic, 4, 10, "الصينُ", true},
		{"arabic: end between letter and damma", arabic, 4, 9, "الصين", false},
		{"arabic: start on a kasra", arabic, 20, 25, "", false},
		{"whole text", mixed, 0, utf8.RuneCountInString(mixed), "", true},
		{"combining: whole cluster", mixed, 12, 14, "q\u0303", true},
		{"combining: mark cut off", mixed, 12, 13, "q", false},
		{"emoji ZWJ sequence whole", mixed, 20, 23, "👩\u200d💻", true},
		{"emoji ZWJ sequence split", mixed, 20, 21, "👩", false},
		{"flag whole", mixed, 32, 34, "🇨🇳", true},
		{"flag split", mixed, 33, 34, "🇳", false},
		{"quote differs", mixed, 0, 4, "Zhau", false},
		{"empty span", mixed, 3, 3, "", false},
		{"reversed", mixed, 5, 2, "", false},
		{"negative", mixed, -1, 2, "", false},
		{"past the end", mixed, 30, 99, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := store.MustOpenDB(t)
			id := importOne(t, db, "a.txt", "und", tc.text)
			h, err := db.PutHighlight(store.Highlight{Article: id, Start: tc.start, End: tc.end, Quote: tc.quote, Tags: []string{"claim"}})
			if tc.ok != (err == nil) {
				t.Fatalf("PutHighlight [%d,%d) %q: err %v, want ok=%v", tc.start, tc.end, tc.quote, err, tc.ok)
			}
			if err != nil && !errors.Is(err, store.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			if err == nil && (h.ID == "" || h.Quote == "" || h.Revision != 1) {
				t.Errorf("stored highlight %+v: want an ID, the quote and revision 1", h)
			}
		})
	}
}

func TestHighlights_RoundTrip(t *testing.T) {
	db := store.MustOpenDB(t)
	clock := t0
	db.SetClock(func() time.Time { return clock })
	const text = "Пекин отверг обвинения США во вторник."
	id := importOne(t, db, "ru.txt", "ru", text)
	other := importOne(t, db, "fr.txt", "fr", "Pékin a démenti.")

	late, err := db.PutHighlight(store.Highlight{Article: id, Start: runeIndex(t, text, "США"), End: runeIndex(t, text, "США") + 3, Tags: []string{"actor"}})
	if err != nil {
		t.Fatal(err)
	}
	early, err := db.PutHighlight(store.Highlight{Article: id, Start: 0, End: 5, Tags: []string{"actor", "actor"}, Note: "Beijing"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutHighlight(store.Highlight{Article: other, Start: 0, End: 5, Tags: []string{"actor"}}); err != nil {
		t.Fatal(err)
	}
	if len(early.Tags) != 1 || early.Quote != "Пекин" || !early.Created.Equal(t0) {
		t.Errorf("stored %+v", early)
	}

	clock = t0.Add(time.Hour)
	early.Note = "= Beijing"
	upd, err := db.PutHighlight(early)
	if err != nil {
		t.Fatal(err)
	}
	if !upd.Created.Equal(t0) || !upd.Updated.Equal(clock) {
		t.Errorf("update: created %v updated %v; want created kept, updated now", upd.Created, upd.Updated)
	}

	hs, err := db.Highlights(id)
	if err != nil || len(hs) != 2 || hs[0].ID != early.ID || hs[1].ID != late.ID || hs[0].Note != "= Beijing" {
		t.Fatalf("Highlights sorted by start = %+v, %v", hs, err)
	}
	all, _ := db.AllHighlights()
	if len(all) != 3 {
		t.Errorf("AllHighlights = %d, want 3", len(all))
	}
	if _, err := db.PutHighlight(store.Highlight{Article: id, Start: 0, End: 5, Tags: []string{"nonsense"}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("unknown tag accepted: %v", err)
	}
	if _, err := db.PutHighlight(store.Highlight{Article: "missing", Start: 0, End: 1}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("highlight on a missing article: %v", err)
	}
	if err := db.DeleteHighlight(id, late.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteHighlight(id, late.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := db.Highlights("missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Highlights(missing): %v", err)
	}

	// A highlight stays on the revision it was made on; a new one goes on the current text.
	if _, err := db.ImportDocuments([]ingest.Document{store.Doc("ru.txt", "ru", "Китай отверг.")}, t0); err != nil {
		t.Fatal(err)
	}
	h2, err := db.PutHighlight(store.Highlight{Article: id, Start: 0, End: 5, Tags: []string{"actor"}})
	if err != nil || h2.Revision != 2 || h2.Quote != "Китай" {
		t.Fatalf("highlight on the new revision: %+v, %v", h2, err)
	}
	if _, err := db.PutHighlight(store.Highlight{Article: id, Revision: 1, Start: 0, End: 5, Quote: "Пекин", Tags: []string{"actor"}}); err != nil {
		t.Errorf("highlight on the old revision: %v", err)
	}
}
