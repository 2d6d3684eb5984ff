package store_test

import (
	"errors"
	"reflect"
	"testing"

	"parallax/compare"
	"parallax/store"
)

func TestAliasesVerdictsLinksStories_RoundTrip(t *testing.T) {
	db := store.MustOpenDB(t)
	ru := importOne(t, db, "ru.txt", "ru", "Чжао Лицзянь заявил.")
	zh := importOne(t, db, "zh.txt", "zh", "赵立坚表示。")

	// Aliases.
	if err := db.PutAlias(store.LearnedAlias{Alias: compare.Alias{Surface: " Чжао Лицзянь ", ActorID: "zhao-lijian", Label: "Zhao Lijian", Type: "person"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutAlias(store.LearnedAlias{Alias: compare.Alias{Surface: "x"}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("alias without actor: %v", err)
	}
	as, _ := db.Aliases()
	if len(as) != 1 || as[0].Surface != "Чжао Лицзянь" || as[0].Created.IsZero() {
		t.Fatalf("Aliases = %+v", as)
	}
	if err := db.DeleteAlias("Чжао Лицзянь"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteAlias("Чжао Лицзянь"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second DeleteAlias: %v", err)
	}

	// Verdicts.
	if err := db.PutVerdict(store.Verdict{Discrepancy: "spelling:a:0-5|b:0-5", Verdict: store.VerdictConfirmed, Note: "typo"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutVerdict(store.Verdict{Discrepancy: "k", Verdict: "maybe"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad verdict: %v", err)
	}
	vs, _ := db.Verdicts()
	if len(vs) != 1 || vs[0].Note != "typo" || vs[0].Updated.IsZero() {
		t.Fatalf("Verdicts = %+v", vs)
	}
	if err := db.DeleteVerdict("spelling:a:0-5|b:0-5"); err != nil {
		t.Fatal(err)
	}

	// Links: members must be real spans.
	l, err := db.PutLink(store.ManualLink{Members: []compare.Member{{Article: ru, Start: 0, End: 12}, {Article: zh, Start: 0, End: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	if l.ID == "" {
		t.Error("link got no ID")
	}
	for name, bad := range map[string][]compare.Member{
		"one member":   {{Article: ru, Start: 0, End: 4}},
		"missing":      {{Article: ru, Start: 0, End: 4}, {Article: "nope", Start: 0, End: 1}},
		"out of range": {{Article: ru, Start: 0, End: 4}, {Article: zh, Start: 0, End: 40}},
		"wrong text":   {{Article: ru, Start: 0, End: 4, Text: "Пекин"}, {Article: zh, Start: 0, End: 3}},
	} {
		if _, err := db.PutLink(store.ManualLink{Members: bad}); err == nil {
			t.Errorf("link %s accepted", name)
		}
	}
	ls, _ := db.Links()
	if len(ls) != 1 || !reflect.DeepEqual(ls[0].Members, l.Members) {
		t.Fatalf("Links = %+v", ls)
	}
	if err := db.DeleteLink(l.ID); err != nil {
		t.Fatal(err)
	}

	// Story overrides.
	if err := db.PutStoryOverride(store.StoryOverride{Article: zh}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutStoryOverride(store.StoryOverride{Article: "nope"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("override of a missing article: %v", err)
	}
	ovs, _ := db.StoryOverrides()
	if len(ovs) != 1 || ovs[0].Article != zh {
		t.Fatalf("StoryOverrides = %+v", ovs)
	}
	if err := db.DeleteStoryOverride(zh); err != nil {
		t.Fatal(err)
	}
}

func TestFactCache(t *testing.T) {
	db := store.MustOpenDB(t)
	id := importOne(t, db, "fr.txt", "fr", "Le 20 juillet, 30 000 personnes.")
	facts := []compare.Fact{
		{ID: "f1", Kind: compare.KindDate, Start: 3, End: 13, Text: "20 juillet", Value: "2021-07-20", Precision: compare.PrecisionDay},
		{ID: "f2", Kind: compare.KindNumber, Start: 15, End: 21, Text: "30 000", Value: 30000.0},
	}
	if _, ok, err := db.CachedFacts(id, 1, "x1"); ok || err != nil {
		t.Fatalf("empty cache: ok=%v err=%v", ok, err)
	}
	if err := db.PutFacts(id, 1, "x1", facts); err != nil {
		t.Fatal(err)
	}
	got, ok, err := db.CachedFacts(id, 1, "x1")
	if !ok || err != nil || !reflect.DeepEqual(got, facts) {
		t.Fatalf("CachedFacts = %+v, %v, %v; want %+v", got, ok, err, facts)
	}
	if _, ok, _ := db.CachedFacts(id, 1, "x2"); ok {
		t.Error("another extractor version hit the cache")
	}
	if err := db.PutFacts(id, 1, "x2", nil); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.CachedFacts(id, 1, "x1"); ok {
		t.Error("entry of the old extractor version was not pruned")
	}
	if got, ok, _ := db.CachedFacts(id, 1, "x2"); !ok || len(got) != 0 {
		t.Errorf("an empty result should be cached as found: %v %v", got, ok)
	}
	if err := db.PutFacts(id, 2, "x2", facts); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("facts for a missing revision: %v", err)
	}
	if err := db.PutFacts(id, 1, "", facts); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("facts without extractor version: %v", err)
	}
}

func TestSnapshot(t *testing.T) {
	db := store.MustOpenDB(t)
	a := importOne(t, db, "a.txt", "en", "Beijing denied it.")
	importOne(t, db, "a.txt", "en", "Beijing denied it on Tuesday.")
	b := importOne(t, db, "b.txt", "fr", "Pékin a démenti.")
	if _, err := db.PutHighlight(store.Highlight{Article: b, Start: 0, End: 5, Tags: []string{"actor"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutVerdict(store.Verdict{Discrepancy: "d1", Verdict: store.VerdictRejected}); err != nil {
		t.Fatal(err)
	}
	s, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if s.Schema != store.SchemaVersion || len(s.Articles) != 2 || s.Articles[0].ID != a || s.Articles[0].Revision != 2 ||
		len(s.Revisions) != 1 || s.Revisions[0].Text != "Beijing denied it." || len(s.Highlights) != 1 ||
		len(s.Tags) != 9 || len(s.Verdicts) != 1 {
		t.Fatalf("Snapshot = %+v", s)
	}
}
