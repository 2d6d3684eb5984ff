package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Metrics flattens a split's headline figures into named values, the form floors.json keeps.
func (r *SplitResult) Metrics() map[string]float64 {
	m := map[string]float64{
		"story_f1":           r.Stories.F1(),
		"alignment_f1":       r.Alignment.F1(),
		"discrepancy_recall": r.DiscrepancyRecall(),
		"flag_precision":     r.FlagPrecision(),
	}
	for kind, langs := range r.Facts {
		if s := langs["all"]; s != nil {
			m[kind+"_f1"] = s.Span.F1()
			m[kind+"_value_f1"] = s.Value.F1()
		}
	}
	return m
}

var langOrder = []string{"ar", "de", "en", "es", "fr", "ru", "vi", "zh", "all"}

// WriteMarkdown writes the report of docs/quality.md. Cases (misses and unmatched flags) are
// listed only for the splits in showCases: the test half is read by its figures alone.
func WriteMarkdown(w io.Writer, results []*SplitResult, showCases map[string]bool) {
	fmt.Fprintln(w, "# Quality on the project's corpus")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Written by `go run ./cmd/quality` from `compare/testdata/news/` (original articles and")
	fmt.Fprintln(w, "their gold, see that folder's README). Every figure comes from the same code path as")
	fmt.Fprintln(w, "`parallax analyze --json`. The dev half is for tuning; the test half is read by its")
	fmt.Fprintln(w, "figures only (its cases are not listed here), to see whether a change generalises.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| split | events | articles | story F1 | alignment P / R / F1 | discrepancies found | flags raised | flag precision | false alarms |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %d | %d | %.2f | %.2f / %.2f / **%.2f** | %d of %d (**%.2f**) | %d | **%.2f** | %d |\n",
			r.Split, len(r.Events), r.Articles, r.Stories.F1(),
			r.Alignment.P(), r.Alignment.R(), r.Alignment.F1(),
			r.FlagsFound, r.Flags.Gold, r.DiscrepancyRecall(), r.Flags.Pred, r.FlagPrecision(), len(r.FalseAlarms))
	}
	for _, r := range results {
		fmt.Fprintf(w, "\n## %s: %s\n\n", r.Split, strings.Join(r.Events, ", "))
		fmt.Fprintln(w, "Facts: span F1 (a found fact overlaps a gold fact of its kind) / **value F1** (and its")
		fmt.Fprintln(w, "normalised value is the gold one), with gold and found counts.")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| kind | "+strings.Join(langOrder, " | ")+" |")
		fmt.Fprintln(w, "|---"+strings.Repeat("|---", len(langOrder))+"|")
		for _, kind := range []string{"date", "number", "actor"} {
			row := []string{kind}
			for _, l := range langOrder {
				s := r.Facts[kind][l]
				if s == nil || s.Span.Gold+s.Span.Pred == 0 {
					row = append(row, "–")
					continue
				}
				row = append(row, fmt.Sprintf("%.2f / **%.2f** (%d, %d)", s.Span.F1(), s.Value.F1(), s.Span.Gold, s.Span.Pred))
			}
			fmt.Fprintln(w, "| "+strings.Join(row, " | ")+" |")
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Value precision / recall per kind (all languages):")
		fmt.Fprintln(w)
		for _, kind := range []string{"date", "number", "actor"} {
			if s := r.Facts[kind]["all"]; s != nil {
				fmt.Fprintf(w, "- %s: P %.2f, R %.2f\n", kind, s.Value.P(), s.Value.R())
			}
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Discrepancies found, by kind:")
		fmt.Fprintln(w)
		kinds := sortedKeys(r.ByKind)
		for _, k := range kinds {
			fmt.Fprintf(w, "- %s: %d of %d\n", k, r.ByKind[k][1], r.ByKind[k][0])
		}
		unmatchedByKind := map[string]int{}
		for _, f := range r.Unmatched {
			unmatchedByKind[f.Kind]++
		}
		if len(unmatchedByKind) > 0 {
			var parts []string
			for _, k := range sortedKeys(unmatchedByKind) {
				parts = append(parts, fmt.Sprintf("%s %d", k, unmatchedByKind[k]))
			}
			fmt.Fprintf(w, "\nFlags matching no listed discrepancy, by kind: %s.\n", strings.Join(parts, ", "))
		}
		if !showCases[r.Split] {
			continue
		}
		if len(r.Misses) > 0 {
			fmt.Fprintf(w, "\n### Missed discrepancies (%d)\n\n", len(r.Misses))
			for _, m := range r.Misses {
				var spans []string
				for _, mm := range m.Members {
					spans = append(spans, fmt.Sprintf("%s %q", mm.Article, mm.Text))
				}
				rel := ""
				if m.Relation != "" {
					rel = ", " + m.Relation
				}
				fmt.Fprintf(w, "- %s · %s (%s%s): %s — %s\n", m.Event, m.Kind, m.Severity, rel, m.Why, strings.Join(spans, "; "))
			}
		}
		if len(r.Unmatched) > 0 {
			fmt.Fprintf(w, "\n### Flags matching no listed discrepancy (%d)\n\n", len(r.Unmatched))
			alarms := map[Flag]bool{}
			for _, f := range r.FalseAlarms {
				alarms[f] = true
			}
			sorted := append([]Flag(nil), r.Unmatched...)
			sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Event < sorted[j].Event })
			for _, f := range sorted {
				mark := ""
				if alarms[f] {
					mark = " **(on a listed non-discrepancy)**"
				}
				fmt.Fprintf(w, "- %s · %s %s%s: %s\n", f.Event, f.Kind, f.Severity, mark, oneLine(f.Summary, 240))
			}
		}
	}
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
