package compare

import (
	"fmt"
	"sort"
	"time"
)

// Publication dates inferred from the story.
//
// An undated article that says "hier" for a claim the other versions date to Monday 19 July
// 2021 was written on 20 July 2021. For each unresolved relative date of an undated
// article, the resolved date of the other versions with the most similar sentence context
// (strong context required) is taken as its value D. The extractor itself then says what
// publication date P turns the expression into D: one trial extraction with P = D shows the
// expression's offset k (hier → −1), so P = D − k, and a second extraction with that P must
// resolve the expression to D — otherwise the guess is dropped. Facts of an article dated
// this way are re-extracted with P, and every fact whose value changed is marked
// ResolvedFrom "story".

// inferMaxTries bounds the relative dates tried per article (at most two extractions each, one per trial publication day).
const inferMaxTries = 4

func inferPublished(st *story, extract func(Document, Options) []Fact, opts Options, out map[string]PublishedInference) {
	if len(st.arts) < 2 {
		return
	}
	st.prepareContext()
	for _, a := range st.arts {
		// A publication month or year is kept as a bound: the story may still name the day,
		// which must fall inside it.
		lo, hi, prec, dated := parseDateRange(a.doc.Published)
		if dated && prec == PrecisionDay {
			continue
		}
		type vote struct {
			n        int
			evidence string
			facts    []Fact
		}
		votes := map[int]*vote{}
		// One extraction per trial publication day: the tries of one article mostly aim at
		// the same day (the story's event day), and the confirming extraction at P is the
		// trial one when the expression means "today".
		trials := map[int][]Fact{}
		extractAt := func(day int) []Fact {
			fs, ok := trials[day]
			if !ok {
				probe := a.doc
				probe.Published = dayISO(day)
				fs = extract(probe, opts)
				trials[day] = fs
			}
			return fs
		}
		tries := 0
		for i, f := range a.facts {
			if f.Kind != KindDate || !f.Unresolved {
				continue
			}
			if tries >= inferMaxTries {
				break
			}
			bj, bi, ok := bestDatedCounterpart(st, a, i)
			if !ok {
				continue
			}
			tries++
			b := st.arts[bi]
			target, _, _, _ := parseDateRange(dateValue(b.facts[bj]))
			got, ok := resolvedAt(extractAt(target), f)
			if !ok {
				continue
			}
			pub := target - (got - target)
			if dated && (pub < lo || pub > hi) {
				continue
			}
			if v := votes[pub]; v != nil {
				v.n++
				continue
			}
			fs := extractAt(pub)
			if got, ok := resolvedAt(fs, f); !ok || got != target {
				continue
			}
			votes[pub] = &vote{n: 1, facts: fs, evidence: fmt.Sprintf(
				"%q in %s states the same claim as %q in %s (%s)", f.Text, a.doc.ID,
				b.facts[bj].Text, b.doc.ID, humanDate(dateValue(b.facts[bj])))}
		}
		if len(votes) == 0 {
			continue
		}
		days := make([]int, 0, len(votes))
		for d := range votes {
			days = append(days, d)
		}
		sort.Slice(days, func(x, y int) bool {
			if votes[days[x]].n != votes[days[y]].n {
				return votes[days[x]].n > votes[days[y]].n
			}
			return days[x] < days[y]
		})
		if len(days) > 1 && votes[days[0]].n == votes[days[1]].n {
			continue // the story is ambiguous about this article's date: leave it undated
		}
		best := votes[days[0]]
		a.facts = markStoryResolved(a.facts, best.facts)
		a.doc.Published = dayISO(days[0])
		a.index()
		out[a.doc.ID] = PublishedInference{Date: a.doc.Published, From: "story", Evidence: best.evidence}
	}
}

// bestDatedCounterpart finds, in the other articles, the resolved day-precise date whose
// sentence context is most like that of fact i of a.
func bestDatedCounterpart(st *story, a *article, i int) (fact, art int, ok bool) {
	best := unresolvedMinContext
	for bi, b := range st.arts {
		if b == a {
			continue
		}
		lo, hi := pairRange(len(a.facts), i, len(b.facts))
		for j := lo; j < hi; j++ {
			g := b.facts[j]
			if g.Kind != KindDate || g.Unresolved {
				continue
			}
			_, _, prec, okd := parseDateRange(dateValue(g))
			if !okd || prec != PrecisionDay {
				continue
			}
			if c := st.contextScore(a, i, b, j); c >= best {
				best, fact, art, ok = c, j, bi, true
			}
		}
	}
	return fact, art, ok
}

// resolvedAt finds the fact at the same span as f in fs and returns its day.
func resolvedAt(fs []Fact, f Fact) (int, bool) {
	for _, g := range fs {
		if g.Kind == KindDate && g.Start == f.Start && g.End == f.End && !g.Unresolved {
			lo, hi, prec, ok := parseDateRange(dateValue(g))
			if ok && prec == PrecisionDay && lo == hi {
				return lo, true
			}
		}
	}
	return 0, false
}

// markStoryResolved returns the re-extracted facts, marking as resolved from the story those
// the extractor resolved against the publication date (which came from the story) and those
// whose value changed.
func markStoryResolved(old, fresh []Fact) []Fact {
	type span struct{ s, e int }
	before := map[span]Fact{}
	for _, f := range old {
		before[span{f.Start, f.End}] = f
	}
	out := make([]Fact, len(fresh))
	for i, f := range fresh {
		if f.Kind == KindDate && !f.Unresolved {
			o, ok := before[span{f.Start, f.End}]
			if f.ResolvedFrom == "published" || !ok || o.Unresolved || o.Value != f.Value {
				f.ResolvedFrom = "story"
			}
		}
		out[i] = f
	}
	return out
}

// resolveYearsFromStory gives year-less dates ("20/7", "mars" in an undated article) the
// year that puts them nearest the story's event time, marked Inferred and resolved from the
// story. It returns whether anything changed.
func resolveYearsFromStory(st *story) bool {
	var times []int
	for _, a := range st.arts {
		if a.eventLo != noDay {
			times = append(times, a.eventLo)
		}
	}
	if len(times) == 0 {
		return false
	}
	sort.Ints(times)
	event := times[len(times)/2]
	y := time.Unix(int64(event)*86400, 0).UTC().Year()
	changed := false
	for _, a := range st.arts {
		touched := false
		for i, f := range a.facts {
			if f.Kind != KindDate || !f.Unresolved {
				continue
			}
			m, d, ok := partialDate(dateValue(f))
			if !ok {
				continue
			}
			best, bestDist := "", 1<<30
			for yy := y - 1; yy <= y+1; yy++ {
				var v string
				var lo, hi int
				if d == 0 {
					v = fmt.Sprintf("%04d-%02d", yy, m)
					lo, hi = days(yy, m, 1), days(yy, m+1, 1)-1
				} else {
					v = fmt.Sprintf("%04d-%02d-%02d", yy, m, d)
					lo, hi = days(yy, m, d), days(yy, m, d)
				}
				dist := 0
				if event < lo {
					dist = lo - event
				} else if event > hi {
					dist = event - hi
				}
				if dist < bestDist {
					best, bestDist = v, dist
				}
			}
			f.Value, f.Unresolved, f.Inferred, f.ResolvedFrom = best, false, true, "story"
			if d == 0 {
				f.Precision = PrecisionMonth
			} else {
				f.Precision = PrecisionDay
			}
			a.facts[i] = f
			touched = true
		}
		if touched {
			a.index()
			changed = true
		}
	}
	return changed
}
