package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const corpusDir = "../../compare/testdata/news"

// TestGoldFitsTexts: every gold span sits on its text, and the gold keeps the corpus's
// conventions (kinds, values, concepts, claims glossed), and the corpus keeps its shape:
// at least 10 events in 5 domains, each in 5 languages, every language in 6 events, both
// splits present.
func TestGoldFitsTexts(t *testing.T) {
	events, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		for _, p := range ev.Check() {
			t.Error(p)
		}
	}
	domains := map[string]bool{}
	eventsPerLang := map[string]int{}
	splits := map[string]int{}
	for _, ev := range events {
		domains[ev.Domain] = true
		splits[ev.Split]++
		langs := map[string]bool{}
		for _, a := range ev.Articles {
			if a.Story == "main" {
				langs[a.Lang] = true
			}
		}
		if len(langs) < 5 {
			t.Errorf("%s: %d languages, the corpus wants at least 5 per event", ev.Name, len(langs))
		}
		for l := range langs {
			eventsPerLang[l]++
		}
	}
	if len(events) < 10 || len(domains) < 5 {
		t.Errorf("%d events in %d domains; the corpus wants at least 10 in 5", len(events), len(domains))
	}
	for l := range languages {
		if eventsPerLang[l] < 6 {
			t.Errorf("language %s is in %d events; the corpus wants every language in at least 6", l, eventsPerLang[l])
		}
	}
	if splits["dev"] == 0 || splits["test"] == 0 || splits["dev"]+splits["test"] != len(events) {
		t.Errorf("splits %v: every event is dev or test, and both halves exist", splits)
	}
}

// TestQualityFloors runs the scorer on both halves and fails when a headline figure falls
// below the floor recorded in floors.json: a regression, never a timing.
func TestQualityFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("the scorer analyses the whole corpus")
	}
	events, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	results, err := ScoreAll(events)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("floors.json")
	if err != nil {
		t.Fatal(err)
	}
	var floors map[string]map[string]float64
	if err := json.Unmarshal(raw, &floors); err != nil {
		t.Fatalf("floors.json: %v", err)
	}
	for _, r := range results {
		got := r.Metrics()
		t.Logf("%s: %v", r.Split, got)
		for name, floor := range floors[r.Split] {
			v, ok := got[name]
			if !ok {
				t.Errorf("%s: floors.json names %s, which the scorer does not compute", r.Split, name)
				continue
			}
			if v < floor-1e-9 {
				t.Errorf("%s %s = %.3f, below its floor %.3f: a change made the engine worse on the corpus (see go run ./cmd/quality)", r.Split, name, v, floor)
			}
		}
	}
	for split := range floors {
		found := false
		for _, r := range results {
			found = found || r.Split == split
		}
		if !found {
			t.Errorf("floors.json has a %s split the corpus does not", split)
		}
	}
}

// TestMarkdownHidesTestCases: the report lists the dev half's cases and only the test half's
// figures, so nobody tunes on the test half by reading it.
func TestMarkdownHidesTestCases(t *testing.T) {
	dev := &SplitResult{Split: "dev", Misses: []Miss{{Event: "e1", GoldFlag: GoldFlag{Kind: "date", Why: "dev-miss"}}}}
	test := &SplitResult{Split: "test", Misses: []Miss{{Event: "e2", GoldFlag: GoldFlag{Kind: "date", Why: "test-miss"}}}}
	var b strings.Builder
	WriteMarkdown(&b, []*SplitResult{dev, test}, map[string]bool{"dev": true})
	if !strings.Contains(b.String(), "dev-miss") || strings.Contains(b.String(), "test-miss") {
		t.Errorf("report shows the wrong cases:\n%s", b.String())
	}
}

func TestCountsAndMatching(t *testing.T) {
	c := Counts{Gold: 4, Pred: 2, TP: 2}
	if c.P() != 1 || c.R() != 0.5 || c.F1() < 0.666 || c.F1() > 0.667 {
		t.Errorf("P %v R %v F1 %v", c.P(), c.R(), c.F1())
	}
	if (Counts{}).F1() != 1 {
		t.Errorf("nothing to find and nothing found reads 1")
	}
	for _, tc := range []struct {
		v  string
		ok bool
	}{{"2023", true}, {"2023-02", true}, {"2023-02-06", true}, {"2023-02-06/2023-02-07", true}, {"2023-2-6", false}, {"6 Feb", false}, {"", false}} {
		if validISO(tc.v) != tc.ok {
			t.Errorf("validISO(%q) = %v", tc.v, !tc.ok)
		}
	}
	if foldName("Recep Tayyip Erdoğan") != foldName("recep tayyip erdogan") {
		t.Errorf("folding keeps diacritics")
	}
}
