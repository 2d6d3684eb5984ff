package compare

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// longVersions returns two language versions of one story of n sentences each, every sentence
// with a date and two numbers: book-length texts with tens of thousands of facts.
func longVersions(n int) []Document {
	var fr, en strings.Builder
	for i := range n {
		fmt.Fprintf(&fr, "Le %d juillet 2021, Pékin a recensé %d blessés et %d morts dans la province %d. ", 1+i%28, 1000+i, 10+i%90, i)
		fmt.Fprintf(&en, "On %d July 2021, Beijing counted %d injured and %d dead in province %d. ", 1+i%28, 1000+i, 10+i%90, i)
	}
	return []Document{
		{ID: "fr", Lang: "fr", Text: fr.String(), Published: "2021-07-30"},
		{ID: "en", Lang: "en", Text: en.String(), Published: "2021-07-30"},
	}
}

// cpuTime is the process's user+system time: unlike the wall clock it does not count the time
// other processes on a shared machine take.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestLongArticlesNearLinear (issue 18, item 10): comparing two versions costs near-linear
// time in their length. Four times the text may cost at most eight times as much (linear is
// four, quadratic sixteen); facts are extracted beforehand so only the comparison is timed.
func TestLongArticlesNearLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses book-length texts")
	}
	measure := func(n int) (time.Duration, int) {
		docs := longVersions(n)
		facts := map[string][]Fact{}
		total := 0
		for _, d := range docs {
			facts[d.ID] = ExtractFacts(d, Options{})
			total += len(facts[d.ID])
		}
		start := cpuTime()
		res := Analyze(docs, facts, AnalyzeOptions{})
		if len(res.Stories) != 1 || len(res.Alignments) == 0 {
			t.Fatalf("%d sentences: %d stories, %d alignments; want one story, aligned", n, len(res.Stories), len(res.Alignments))
		}
		return cpuTime() - start, total
	}
	n := 1000 // sentences: 4000 facts a version, past pairBudget
	if raceEnabled {
		n = 400
	}
	measure(200) // warm the gazetteer and the tables
	small, fs := measure(n)
	large, fl := measure(4 * n)
	ratio := float64(large) / float64(small)
	t.Logf("%d facts: %v CPU; %d facts: %v CPU; ratio %.1f", fs, small, fl, large, ratio)
	if ratio > 8 {
		t.Errorf("4× the text cost %.1f× the time (%v → %v): the comparison is not near-linear", ratio, small, large)
	}
}
