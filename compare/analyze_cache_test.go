package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// jsonCache is a StoryCache that keeps results as JSON, as the workspace does, and counts
// hits and misses.
type jsonCache struct {
	m            map[string][]byte
	hits, misses int
}

func (c *jsonCache) Story(key string) (StoryResult, bool) {
	b, ok := c.m[key]
	if !ok {
		c.misses++
		return StoryResult{}, false
	}
	var r StoryResult
	if err := json.Unmarshal(b, &r); err != nil {
		panic(err)
	}
	c.hits++
	return r, true
}

func (c *jsonCache) PutStory(key string, r StoryResult) {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}
	c.m[key] = b
}

// cacheDocs reads the five samples plus a copy of each whose years and person differ (a
// second set of stories), in the Document form Analyze takes.
func cacheDocs(t *testing.T) []Document {
	t.Helper()
	names, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("samples: %v", err)
	}
	langs := map[string]string{"000": "ar", "001": "fr", "002": "vi", "003": "fr", "004": "ru"}
	var docs []Document
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(n)
		d := Document{ID: base, Lang: langs[base[:3]], Text: string(b)}
		docs = append(docs, d)
		c := d
		c.ID = "copy-" + base
		c.Text = strings.NewReplacer("2021", "2017", "2024", "2020").Replace(d.Text) + "\n\nKalomi Renvata.\n"
		docs = append(docs, c)
	}
	return docs
}

// TestAnalyze_StoryCache: a run that reads every story back from the cache, and a run after
// an article is added or revised, give exactly what a run without cache gives; only the
// stories the change touches are analysed again.
func TestAnalyze_StoryCache(t *testing.T) {
	docs := cacheDocs(t)
	plain := func(ds []Document) Result { return Analyze(ds, nil, AnalyzeOptions{}) }
	cache := &jsonCache{m: map[string][]byte{}}
	cached := func(ds []Document, revs map[string]string) Result {
		return Analyze(ds, nil, AnalyzeOptions{Cache: cache, Revisions: revs, CacheSalt: "test"})
	}
	same := func(t *testing.T, got, want Result) {
		t.Helper()
		// Through JSON, as the report is written: a cached value is a float64 where a fresh
		// one may be an int.
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("cached analysis differs from a fresh one:\n got %.600s\nwant %.600s", g, w)
		}
	}

	want := plain(docs)
	same(t, cached(docs, nil), want)
	if cache.hits != 0 || cache.misses != len(want.Stories) {
		t.Errorf("cold run: %d hits, %d misses; want 0 and %d", cache.hits, cache.misses, len(want.Stories))
	}
	cache.hits, cache.misses = 0, 0
	same(t, cached(docs, nil), want)
	if cache.hits != len(want.Stories) || cache.misses != 0 {
		t.Errorf("warm run: %d hits, %d misses; want %d and 0", cache.hits, cache.misses, len(want.Stories))
	}

	// One more version of the copied 2017 story: that story (and the new article's own, if
	// it stands alone) misses, every other hits.
	added := append(append([]Document(nil), docs...), Document{ID: "zz-extra", Lang: "fr",
		Text: "Le 20 juillet 2017, la Chine a rejeté les accusations de Washington. Kalomi Renvata.\n"})
	want = plain(added)
	cache.hits, cache.misses = 0, 0
	same(t, cached(added, nil), want)
	if cache.misses == 0 || cache.misses > 2 || cache.hits < len(want.Stories)-2 {
		t.Errorf("after adding one article: %d hits, %d misses of %d stories; want at most 2 misses",
			cache.hits, cache.misses, len(want.Stories))
	}

	// A new revision of one article misses its story even when the text is the same.
	revs := map[string]string{}
	for _, d := range added {
		revs[d.ID] = "1"
	}
	cached(added, revs)
	cache.hits, cache.misses = 0, 0
	revs[docs[0].ID] = "2"
	same(t, cached(added, revs), want)
	if cache.misses != 1 {
		t.Errorf("after revising one article: %d misses, want 1", cache.misses)
	}

	// Teaching (an alias, a hand link) changes the key of the stories it concerns.
	cache.hits, cache.misses = 0, 0
	link := [][]Member{{{Article: docs[0].ID, Start: 0, End: 5}, {Article: docs[2].ID, Start: 0, End: 5}}}
	got := Analyze(added, nil, AnalyzeOptions{Cache: cache, Revisions: revs, CacheSalt: "test", ManualLinks: link})
	same(t, got, Analyze(added, nil, AnalyzeOptions{ManualLinks: link}))
	if cache.misses != 1 {
		t.Errorf("after a hand link: %d misses, want 1 (the linked story)", cache.misses)
	}
	cached(added, revs)
	cache.hits, cache.misses = 0, 0
	aliases := AnalyzeOptions{Options: Options{Aliases: []Alias{{Surface: "Renvata", ActorID: "x", Type: "person"}}},
		Cache: cache, Revisions: revs, CacheSalt: "test"}
	Analyze(added, nil, aliases)
	if cache.hits != 0 {
		t.Errorf("after an alias: %d hits, want none (aliases change every story's facts)", cache.hits)
	}
}

// TestAnalyze_DoesNotChangeFacts: Analyze resolves facts on its own copies, never the
// caller's (it shares them until a story changes them).
func TestAnalyze_DoesNotChangeFacts(t *testing.T) {
	docs := cacheDocs(t)
	facts := map[string][]Fact{}
	for _, d := range docs {
		facts[d.ID] = ExtractFacts(d, Options{})
	}
	before, _ := json.Marshal(facts)
	res := Analyze(docs, facts, AnalyzeOptions{})
	after, _ := json.Marshal(facts)
	if string(before) != string(after) {
		t.Error("Analyze changed the facts it was given")
	}
	changed := 0
	for id, fs := range res.Facts {
		if !reflect.DeepEqual(fs, facts[id]) {
			changed++
		}
	}
	ids := make([]string, 0, len(res.Published))
	for id := range res.Published {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("%d of %d articles' facts resolved by their story; published inferred for %v", changed, len(docs), ids)
}

// BenchmarkAnalyzeStoryCache times Analyze over 1,000 synthetic articles (facts given) with
// an empty story cache, with a full one, and with a full one after 5 articles were added (one
// copy of the samples): the incremental case of issue 15. Reported as s/cold, s/warm, s/+5.
func BenchmarkAnalyzeStoryCache(b *testing.B) {
	docs, facts, extract := azSynthetic(b, 1005)
	base := docs[:1000]
	for b.Loop() {
		cache := &jsonCache{m: map[string][]byte{}}
		run := func(ds []Document) float64 {
			start := time.Now()
			Analyze(ds, facts, AnalyzeOptions{Extract: extract, Cache: cache, CacheSalt: "bench"})
			return time.Since(start).Seconds()
		}
		b.ReportMetric(run(base), "s/cold")
		b.ReportMetric(run(base), "s/warm")
		b.ReportMetric(run(docs), "s/+5")
	}
}
