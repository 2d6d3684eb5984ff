package store_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
)

var t0 = time.Date(2021, 7, 20, 14, 49, 0, 0, time.UTC)

func TestImportDocuments_DedupeAndRevisions(t *testing.T) {
	type step struct {
		docs []ingest.Document
		want []store.ImportStatus
		revs []int
	}
	withURL := func(d ingest.Document, url string) ingest.Document { d.URL = url; return d }
	cases := []struct {
		name  string
		steps []step
		count int
	}{
		{"new articles", []step{{
			docs: []ingest.Document{store.Doc("a.txt", "fr", "Pékin a démenti."), store.Doc("b.txt", "ru", "Пекин отверг.")},
			want: []store.ImportStatus{store.StatusAdded, store.StatusAdded}, revs: []int{1, 1},
		}}, 2},
		{"identical re-import", []step{
			{docs: []ingest.Document{store.Doc("a.txt", "fr", "Pékin a démenti.")}, want: []store.ImportStatus{store.StatusAdded}, revs: []int{1}},
			{docs: []ingest.Document{store.Doc("a.txt", "fr", "Pékin a démenti.")}, want: []store.ImportStatus{store.StatusUnchanged}, revs: []int{1}},
		}, 1},
		{"same text under another source", []step{
			{docs: []ingest.Document{store.Doc("a.txt", "fr", "Pékin a démenti."), store.Doc("copy/a.txt", "fr", "Pékin a démenti.")},
				want: []store.ImportStatus{store.StatusAdded, store.StatusUnchanged}, revs: []int{1, 1}},
		}, 1},
		{"new text for a source is a revision", []step{
			{docs: []ingest.Document{store.Doc("a.txt", "fr", "v1")}, want: []store.ImportStatus{store.StatusAdded}, revs: []int{1}},
			{docs: []ingest.Document{store.Doc("a.txt", "fr", "v2"), store.Doc("a.txt", "fr", "v3")}, want: []store.ImportStatus{store.StatusRevised, store.StatusRevised}, revs: []int{2, 3}},
			{docs: []ingest.Document{store.Doc("a.txt", "fr", "v1")}, want: []store.ImportStatus{store.StatusUnchanged}, revs: []int{1}},
		}, 1},
		{"URL identifies across paths", []step{
			{docs: []ingest.Document{withURL(store.Doc("dl/1.html", "en", "old"), "https://ex.org/a")}, want: []store.ImportStatus{store.StatusAdded}, revs: []int{1}},
			{docs: []ingest.Document{withURL(store.Doc("dl/2.html", "en", "new"), "https://ex.org/a")}, want: []store.ImportStatus{store.StatusRevised}, revs: []int{2}},
		}, 1},
		{"no source: identity is the text", []step{
			{docs: []ingest.Document{store.Doc("", "en", "one"), store.Doc("", "en", "two")}, want: []store.ImportStatus{store.StatusAdded, store.StatusAdded}, revs: []int{1, 1}},
		}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := store.MustOpenDB(t)
			for i, s := range tc.steps {
				res, err := db.ImportDocuments(s.docs, t0)
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				for j, d := range res.Docs {
					if d.Status != s.want[j] || d.Revision != s.revs[j] {
						t.Errorf("step %d doc %d: %s rev %d, want %s rev %d", i, j, d.Status, d.Revision, s.want[j], s.revs[j])
					}
					if len(d.ID) != 12 {
						t.Errorf("step %d doc %d: ID %q, want 12 hex digits", i, j, d.ID)
					}
				}
			}
			if n, _ := db.ArticleCount(); n != tc.count {
				t.Errorf("%d articles, want %d", n, tc.count)
			}
		})
	}
}

func TestRevisions_KeepOldTextsAndAnalystEdits(t *testing.T) {
	db := store.MustOpenDB(t)
	d := store.Doc("seeds/001.txt", "fr", "Pékin a démenti mardi.")
	d.Title, d.Published, d.PublishedFrom = "Titre", "2021-07-20", "front matter"
	res, err := db.ImportDocuments([]ingest.Document{d}, t0)
	if err != nil {
		t.Fatal(err)
	}
	id := res.Docs[0].ID
	title, pub := "Le titre corrigé", "2021-07-19"
	if err := db.UpdateArticleMeta(id, &title, nil, &pub); err != nil {
		t.Fatal(err)
	}
	d.Text, d.Title = "Pékin a démenti mardi soir.", "Titre du fichier"
	if _, err := db.ImportDocuments([]ingest.Document{d}, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	revs, err := db.Revisions(id)
	if err != nil || len(revs) != 2 {
		t.Fatalf("Revisions = %d, %v", len(revs), err)
	}
	if revs[0].Text != "Pékin a démenti mardi." || revs[1].Text != "Pékin a démenti mardi soir." || revs[1].Revision != 2 {
		t.Errorf("revisions %q / %q", revs[0].Text, revs[1].Text)
	}
	cur, _ := db.Article(id)
	if cur.Title != title || cur.Published != pub || cur.TitleFrom != store.FromAnalyst || cur.Lang != "fr" {
		t.Errorf("analyst edits lost in the new revision: %+v", cur)
	}
	if old, err := db.ArticleRevision(id, 1); err != nil || old.Text != revs[0].Text {
		t.Errorf("ArticleRevision(1) = %q, %v", old.Text, err)
	}
	if _, err := db.ArticleRevision(id, 3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ArticleRevision(3): %v, want ErrNotFound", err)
	}
	bad := "20 juillet"
	if err := db.UpdateArticleMeta(id, nil, nil, &bad); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("non-ISO date accepted: %v", err)
	}
	if err := db.UpdateArticleMeta("nope", &title, nil, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("edit of a missing article: %v", err)
	}
}

// A batch with one bad document stores nothing: the file is byte for byte as before.
func TestImportDocuments_BadInputStoresNothing(t *testing.T) {
	good := store.Doc("good.txt", "en", "A good article.")
	cases := []struct {
		name string
		doc  ingest.Document
		msg  string
	}{
		{"empty", store.Doc("empty.txt", "en", ""), "no text"},
		{"blank", store.Doc("blank.txt", "en", " \n\t "), "no text"},
		{"invalid UTF-8", store.Doc("bad.txt", "en", "abc\xff\xfe"), "UTF-8"},
		{"BOM", store.Doc("bom.txt", "en", "\uFEFFtext"), "byte-order mark"},
		{"not NFC", store.Doc("nfd.txt", "vi", "Vie\u0323\u0302t Nam"), "NFC"},
		{"bad date", func() ingest.Document { d := store.Doc("d.txt", "en", "x"); d.Published = "20/07/2021"; return d }(), "ISO 8601"},
		{"bad lang", store.Doc("l.txt", "French", "x"), "BCP 47"},
		{"too large", store.Doc("big.txt", "en", strings.Repeat("a", store.MaxTextBytes+1)), "limit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := store.MustOpenDB(t)
			if _, err := db.ImportDocuments([]ingest.Document{good}, t0); err != nil {
				t.Fatal(err)
			}
			before := store.FileBytes(t, db.Path())
			_, err := db.ImportDocuments([]ingest.Document{store.Doc("other.txt", "en", "Another good one."), tc.doc}, t0)
			if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), tc.doc.Source) {
				t.Fatalf("error %v; want ErrInvalid naming %s and saying %q", err, tc.doc.Source, tc.msg)
			}
			if !bytes.Equal(before, store.FileBytes(t, db.Path())) {
				t.Error("the failed import changed the file")
			}
			if n, _ := db.ArticleCount(); n != 1 {
				t.Errorf("%d articles after a failed import, want 1", n)
			}
		})
	}
}

func TestArticles_SortedBySource(t *testing.T) {
	db := store.MustOpenDB(t)
	_, err := db.ImportDocuments([]ingest.Document{
		store.Doc("c.txt", "en", "c"), store.Doc("a.txt", "en", "a"), store.Doc("b.txt", "en", "b"),
	}, t0)
	if err != nil {
		t.Fatal(err)
	}
	arts, _ := db.Articles()
	var got []string
	for _, a := range arts {
		got = append(got, a.Source)
		if a.Hash == "" || !a.ImportedAt.Equal(t0) {
			t.Errorf("%s: hash %q imported %v", a.Source, a.Hash, a.ImportedAt)
		}
	}
	if strings.Join(got, " ") != "a.txt b.txt c.txt" {
		t.Errorf("order %v", got)
	}
	if _, err := db.Article("missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing): %v", err)
	}
}
