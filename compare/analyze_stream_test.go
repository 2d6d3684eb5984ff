package compare

import (
	"encoding/json"
	"fmt"
	"testing"
)

// streamRun runs AnalyzeStream over docs (facts extracted up front, as a workspace caches
// them) and assembles its output as a Result, keeping the loader's contract: once a story
// changed an article's facts, Load returns the changed ones.
func streamRun(t *testing.T, docs []Document, facts map[string][]Fact, opts AnalyzeOptions) (Result, int) {
	t.Helper()
	byID := map[string]Document{}
	current := map[string][]Fact{}
	for _, d := range docs {
		byID[d.ID] = d
		current[d.ID] = facts[d.ID]
	}
	loads := 0
	src := StreamSource{
		Each: func(yield func(Document, []Fact) bool) error {
			for _, d := range docs {
				if !yield(d, facts[d.ID]) {
					break
				}
			}
			return nil
		},
		Load: func(ids []string) ([]Document, [][]Fact, error) {
			loads += len(ids)
			ds := make([]Document, len(ids))
			fs := make([][]Fact, len(ids))
			for i, id := range ids {
				d, ok := byID[id]
				if !ok {
					return nil, nil, fmt.Errorf("no article %s", id)
				}
				ds[i], fs[i] = d, current[id]
			}
			return ds, fs, nil
		},
	}
	res := Result{Facts: map[string][]Fact{}, Published: map[string]PublishedInference{}}
	events, err := AnalyzeStream(src, opts, func(o StoryOutput) error {
		res.Stories = append(res.Stories, o.Story)
		res.Alignments = append(res.Alignments, o.Alignments...)
		res.Discrepancies = append(res.Discrepancies, o.Discrepancies...)
		for id, fs := range o.Facts {
			current[id] = fs
		}
		for id, p := range o.Published {
			res.Published[id] = p
		}
		return nil
	})
	if err != nil {
		t.Fatalf("AnalyzeStream: %v", err)
	}
	res.Discrepancies = append(res.Discrepancies, events...)
	for _, d := range docs {
		res.Facts[d.ID] = current[d.ID]
	}
	if len(res.Published) == 0 {
		res.Published = nil
	}
	sortResult(&res)
	return res, loads
}

func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		lo := max(0, i-300)
		t.Errorf("%s: streamed analysis differs from Analyze at byte %d:\n got …%.600s\nwant …%.600s", what, i, g[lo:], w[lo:])
	}
}

// TestAnalyzeStream_SameAsAnalyze: the two-pass analysis finds exactly what Analyze finds,
// on the samples with a second set of stories, and on 300 synthetic articles (60 events of
// five versions), with and without a story cache; a warm run loads no article.
func TestAnalyzeStream_SameAsAnalyze(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs []Document
	}{
		{"samples", cacheDocs(t)},
		{"synthetic-300", azSyntheticTexts(t, 300)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			facts := map[string][]Fact{}
			for _, d := range tc.docs {
				facts[d.ID] = ExtractFacts(d, Options{})
			}
			want := Analyze(tc.docs, facts, AnalyzeOptions{})
			got, _ := streamRun(t, tc.docs, facts, AnalyzeOptions{})
			sameJSON(t, "no cache", got, want)

			cache := &jsonCache{m: map[string][]byte{}}
			opts := AnalyzeOptions{Cache: cache, CacheSalt: "test"}
			cold, _ := streamRun(t, tc.docs, facts, opts)
			sameJSON(t, "cold cache", cold, want)
			cache.hits, cache.misses = 0, 0
			warm, loads := streamRun(t, tc.docs, facts, opts)
			sameJSON(t, "warm cache", warm, want)
			if cache.misses != 0 {
				t.Errorf("warm run: %d stories missed the cache, want 0", cache.misses)
			}
			t.Logf("%d stories, %d event flags; warm run loaded %d articles for event evidence",
				len(want.Stories), countKind(want.Discrepancies, DiscEvent), loads)
		})
	}
}

func countKind(ds []Discrepancy, kind string) int {
	n := 0
	for _, d := range ds {
		if d.Kind == kind {
			n++
		}
	}
	return n
}
