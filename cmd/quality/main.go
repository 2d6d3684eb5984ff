// Command quality scores Parallax's engine on the project's own corpus of original
// multilingual news (compare/testdata/news): facts per kind and language, stories, alignment
// of claims across versions, discrepancies found and flags raised, through the same code path
// as `parallax analyze --json`. It writes docs/quality.md.
//
//	go run ./cmd/quality                 # score both halves, write docs/quality.md
//	go run ./cmd/quality -cases dev      # also print the dev half's misses and stray facts
//	go run ./cmd/quality -align          # list the dev half's missed and spurious claim alignments
//	go run ./cmd/quality -check          # only check that every gold span sits on its text
//
// The test half is read by its figures only; its cases are listed only with -cases test.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	corpus := flag.String("corpus", "compare/testdata/news", "corpus `DIR` (one folder per event)")
	out := flag.String("o", "docs/quality.md", "write the Markdown report to `FILE` (- for stdout, empty for none)")
	cases := flag.String("cases", "dev", "comma-separated splits whose cases the report lists; with -facts also prints their fact misses")
	facts := flag.Bool("facts", false, "print every missed, wrong and spurious fact of the -cases splits to stdout")
	alignOut := flag.Bool("align", false, "print the missed and spurious claim alignments of the -cases splits to stdout")
	checkOnly := flag.Bool("check", false, "only check the gold against its texts")
	jsonOut := flag.Bool("json", false, "print the headline figures as JSON to stdout")
	flag.Parse()

	events, err := LoadCorpus(*corpus)
	if err != nil {
		fail("%v", err)
	}
	var probs []string
	for _, ev := range events {
		probs = append(probs, ev.Check()...)
	}
	if len(probs) > 0 {
		fail("the gold does not fit its texts:\n%s", strings.Join(probs, "\n"))
	}
	if *checkOnly {
		fmt.Printf("%d events, gold fits the texts\n", len(events))
		return
	}
	results, err := ScoreAll(events)
	if err != nil {
		fail("%v", err)
	}
	show := map[string]bool{}
	for _, s := range strings.Split(*cases, ",") {
		show[strings.TrimSpace(s)] = true
	}
	var buf bytes.Buffer
	WriteMarkdown(&buf, results, show)
	switch *out {
	case "":
	case "-":
		os.Stdout.Write(buf.Bytes())
	default:
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			fail("write the report: %v", err)
		}
	}
	for _, r := range results {
		if *facts && show[r.Split] {
			for _, l := range append(append([]string(nil), r.FactMisses...), r.Spurious...) {
				fmt.Println(l)
			}
		}
		if *alignOut {
			// The split's tally by kind is an aggregate figure, shown for every split.
			for _, k := range sortedKeys(r.AlignByKind) {
				c := r.AlignByKind[k]
				fmt.Fprintf(os.Stderr, "%s alignment %s: gold %d pred %d covered %d (P %.2f R %.2f F1 %.2f)\n", r.Split, k, c.Gold, c.Pred, c.TP, c.P(), c.R(), c.F1())
			}
		}
		if *alignOut && show[r.Split] {
			for _, l := range r.AlignCases {
				fmt.Println(l)
			}
		}
	}
	if *jsonOut {
		all := map[string]map[string]float64{}
		for _, r := range results {
			all[r.Split] = r.Metrics()
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(all)
		return
	}
	for _, r := range results {
		m := r.Metrics()
		var parts []string
		for _, k := range sortedKeys(m) {
			parts = append(parts, fmt.Sprintf("%s %.3f", k, m[k]))
		}
		fmt.Fprintf(os.Stderr, "%s: %s\n", r.Split, strings.Join(parts, ", "))
	}
}

// ScoreAll scores each split (dev first) on its own analysis run.
func ScoreAll(events []*Event) ([]*SplitResult, error) {
	bySplit := map[string][]*Event{}
	for _, ev := range events {
		bySplit[ev.Split] = append(bySplit[ev.Split], ev)
	}
	splits := sortedKeys(bySplit)
	sort.SliceStable(splits, func(i, j int) bool { return splits[i] == "dev" })
	var out []*SplitResult
	for _, s := range splits {
		r, err := Score(s, bySplit[s])
		if err != nil {
			return nil, fmt.Errorf("%s split: %w", s, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "quality: "+format+"\n", args...)
	os.Exit(1)
}
