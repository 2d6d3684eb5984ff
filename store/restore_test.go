package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func history(id, source string, texts ...string) ArticleHistory {
	var h ArticleHistory
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	for i, text := range texts {
		h = append(h, Article{ID: id, Revision: i + 1, Source: source, Lang: "ar", Title: "t", Format: "txt",
			Text: text, Hash: textHash(text), ImportedAt: t0, UpdatedAt: t0})
	}
	return h
}

// Merge is one transaction: a set whose articles are fine but whose last highlight does not fit
// its text (found only inside the transaction, after the articles were written) leaves the
// file byte for byte as it was.
func TestMerge_FailureWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parallax")
	db := MustOpenDBAt(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in := SetRecords{
		Articles: []ArticleHistory{history("aaaaaaaaaaaa", "a.txt", "الصين تنفي 👩‍👩‍👧", "الصين تنفي الاتهامات 👩‍👩‍👧")},
		Tags:     DefaultTags(),
		Highlights: []Highlight{
			{ID: "h1", Article: "aaaaaaaaaaaa", Revision: 1, Start: 0, End: 5, Quote: "الصين", Tags: []string{}},
			{ID: "h2", Article: "aaaaaaaaaaaa", Revision: 2, Start: 22, End: 24, Quote: "\u200d👩", Tags: []string{}}, // inside the family
		},
	}
	_, err = db.Merge(in)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "nothing was imported") || !strings.Contains(err.Error(), "h2") || !strings.Contains(err.Error(), "splits a character") {
		t.Fatalf("Merge: %v", err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("a failed Merge changed the workspace file")
	}
	if n, _ := db.ArticleCount(); n != 0 {
		t.Fatalf("%d articles after a failed Merge", n)
	}

	// The same set without the bad highlight restores exactly: ids, revisions, times.
	in.Highlights = in.Highlights[:1]
	res, err := db.Merge(in)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Restored || res.Articles.Added != 1 || res.Highlights.Added != 1 {
		t.Fatalf("restore: %+v", res)
	}
	revs, err := db.Revisions("aaaaaaaaaaaa")
	if err != nil || len(revs) != 2 || !revs[0].ImportedAt.Equal(in.Articles[0][0].ImportedAt) || revs[1].Text != in.Articles[0][1].Text {
		t.Fatalf("revisions after restore: %+v, %v", revs, err)
	}
}

// Merge refuses what it can see is broken before it opens a transaction.
func TestMerge_Validation(t *testing.T) {
	db := MustOpenDB(t)
	good := history("aaaaaaaaaaaa", "a.txt", "نص")
	bad := []struct {
		name string
		in   SetRecords
		want string
	}{
		{"hash", SetRecords{Articles: []ArticleHistory{{func() Article { a := good[0]; a.Text = "نص آخر"; return a }()}}}, "does not match its hash"},
		{"numbering", SetRecords{Articles: []ArticleHistory{{func() Article { a := good[0]; a.Revision = 2; return a }()}}}, "revisions must be 1..1"},
		{"duplicate article", SetRecords{Articles: []ArticleHistory{good, good}}, "appears twice"},
		{"highlight elsewhere", SetRecords{Articles: []ArticleHistory{good}, Highlights: []Highlight{{ID: "h", Article: "zz"}}}, "does not hold"},
		{"verdict value", SetRecords{Verdicts: []Verdict{{Discrepancy: "d", Verdict: "maybe"}}}, "not confirmed"},
		{"link of one", SetRecords{Articles: []ArticleHistory{good}, Links: []ManualLink{{ID: "l", Members: nil}}}, "at least two"},
		{"tag keys", SetRecords{Tags: []Tag{{Name: "a", Color: "#000000", Key: "1"}, {Name: "b", Color: "#000000", Key: "1"}}}, "both use the key"},
	}
	for _, c := range bad {
		if _, err := db.Merge(c.in); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// The merge's indexed span check agrees with validateSpan on every span of a text full of
// clusters: Arabic marks, emoji sequences, flags, combining letters NFC cannot compose.
func TestSpanIndex_AgreesWithValidateSpan(t *testing.T) {
	text := "قالَ المُتَحَدِّثُ 👩‍👩‍👧 🇫🇷 q̃ 👍🏽 e\u0301\n中国"
	idx := newSpanIndex(text)
	n := len([]rune(text))
	for s := -1; s <= n+1; s++ {
		for e := s - 1; e <= n+1; e++ {
			quote := spanText(text, s, e)
			a, b := validateSpan(text, s, e, quote), idx.check(s, e, quote)
			if (a == nil) != (b == nil) {
				t.Fatalf("[%d,%d): validateSpan %v, spanIndex %v", s, e, a, b)
			}
		}
	}
}
