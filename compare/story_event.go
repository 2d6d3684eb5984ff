package compare

import (
	"fmt"
	"sort"
	"strings"
)

// Event discrepancies: an article that stands alone in its story but shares the theme of
// another story — the same kind of actors, the same countries — most likely reports a
// similar event at another time (a new round of accusations, last year's summit). The
// analyst should know it is there and why it was kept apart, so the flag names the
// evidence on both sides: the dates and the rare actors one side has and the other lacks.

const (
	// themeMinShare is the least part of the article's feature weight (priors only, so
	// common actors count) found in the story for the two to share a theme.
	themeMinShare = 0.25
	// themeMinShared is the least number of shared features.
	themeMinShared = 3
	// themeMaxCandidates bounds the stories compared with one lone article.
	themeMaxCandidates = 64
)

func eventDiscrepancies(stories []*story, w *workspace) []Discrepancy {
	// Story-level profile: for each feature, how many of the story's articles carry it.
	count := make([]map[string]int, len(stories))
	post := map[string][]int{}
	idx := map[*article]int{}
	for i, a := range w.arts {
		idx[a] = i
	}
	for si, st := range stories {
		count[si] = map[string]int{}
		for _, a := range st.arts {
			for k := range w.feats[idx[a]].prior {
				if count[si][k] == 0 && len(st.arts) >= 2 {
					post[k] = append(post[k], si)
				}
				count[si][k]++
			}
		}
	}
	var out []Discrepancy
	for si, st := range stories {
		if len(st.arts) != 1 {
			continue
		}
		ai := idx[st.arts[0]]
		best, bestScore := -1, 0.0
		for _, ti := range themeCandidates(w.feats[ai], post) {
			if ti == si {
				continue
			}
			sc, n := themeScore(w.feats[ai], count[ti], len(stories[ti].arts))
			if n >= themeMinShared && sc >= themeMinShare &&
				(sc > bestScore || sc == bestScore && len(stories[ti].arts) > len(stories[best].arts)) {
				best, bestScore = ti, sc
			}
		}
		if best < 0 {
			continue
		}
		if d, ok := eventDiscrepancy(w, idx, ai, stories[best], count[best]); ok {
			out = append(out, d)
		}
	}
	return out
}

// themeCandidates lists the stories sharing the article's rarest features first, so the
// work per article stays bounded however large the workspace.
func themeCandidates(f storyFeatures, post map[string][]int) []int {
	keys := make([]string, 0, len(f.prior))
	for k := range f.prior {
		if len(post[k]) > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(post[keys[i]]) != len(post[keys[j]]) {
			return len(post[keys[i]]) < len(post[keys[j]])
		}
		return keys[i] < keys[j]
	})
	seen := map[int]bool{}
	var out []int
	for _, k := range keys {
		for _, s := range post[k] {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
				if len(out) >= themeMaxCandidates {
					return out
				}
			}
		}
	}
	return out
}

// themeScore is the part of the article's prior weight that the story carries, each shared
// feature counted by the share of the story's articles that have it.
func themeScore(f storyFeatures, cnt map[string]int, size int) (float64, int) {
	var tot, shared float64
	n := 0
	for k, p := range f.prior {
		tot += p
		if c := cnt[k]; c > 0 {
			shared += p * float64(c) / float64(size)
			n++
		}
	}
	if tot == 0 {
		return 0, 0
	}
	return shared / tot, n
}

type evidence struct {
	key   string
	label string
	art   *article
	fact  int
}

func eventDiscrepancy(w *workspace, idx map[*article]int, ai int, target *story, cnt map[string]int) (Discrepancy, bool) {
	a := w.arts[ai]
	own := storyFeatures{prior: map[string]float64{}}
	for _, t := range target.arts {
		for k, p := range w.feats[idx[t]].prior {
			own.prior[k] = max(own.prior[k], p)
		}
	}
	// The article's side: its event date, and its rarest actors the story never names.
	var mine []evidence
	if d, ok := eventDateEvidence([]*article{a}); ok && cnt[d.key] == 0 {
		mine = append(mine, d)
	}
	mine = append(mine, topActors(w, ai, func(k string) bool { return cnt[k] == 0 }, 2)...)
	// The story's side: its most common day, and its actors most of its articles name
	// that the article does not.
	var theirs []evidence
	if d, ok := eventDateEvidence(target.arts); ok && w.feats[ai].prior[d.key] == 0 {
		theirs = append(theirs, d)
	}
	theirs = append(theirs, storyTopActors(w, idx, target, cnt, func(k string) bool {
		_, has := w.feats[ai].prior[k]
		return !has
	}, 2)...)
	if len(mine) == 0 || len(theirs) == 0 {
		// Nothing distinguishes them that the facts can show: do not cry wolf.
		return Discrepancy{}, false
	}
	members := []Member{{Article: a.doc.ID, Start: 0, End: 0, Text: ""}}
	for _, e := range append(append([]evidence{}, mine...), theirs...) {
		members = append(members, memberOf(e.art, e.fact))
	}
	summary := fmt.Sprintf("%s reports another event (%s) than the story it resembles (%s: %s)",
		a.doc.displayName(), joinLabels(mine), joinNames(target), joinLabels(theirs))
	d := Discrepancy{Story: target.id, Kind: DiscEvent, Severity: SeverityMajor, Summary: summary, Members: members}
	d.ID = discrepancyID(d.Kind, d.Members)
	return d, true
}

// eventDateEvidence finds the day the articles agree their event happened: the day-precise
// date stated by most of them (the latest on a tie), closest to each article's event time.
func eventDateEvidence(arts []*article) (evidence, bool) {
	type seen struct {
		n    int
		day  int
		art  *article
		fact int
	}
	by := map[string]*seen{}
	for _, a := range arts {
		got := map[string]bool{}
		for i, f := range a.facts {
			if f.Kind != KindDate || f.Unresolved {
				continue
			}
			lo, hi, prec, ok := parseDateRange(dateValue(f))
			if !ok || prec != PrecisionDay || lo != hi {
				continue
			}
			k := factKey(f)
			if got[k] {
				continue
			}
			got[k] = true
			s := by[k]
			if s == nil {
				s = &seen{day: lo, art: a, fact: i}
				by[k] = s
			}
			s.n++
		}
	}
	var best *seen
	var bestKey string
	for k, s := range by {
		if best == nil || s.n > best.n || s.n == best.n && (s.day > best.day || s.day == best.day && k < bestKey) {
			best, bestKey = s, k
		}
	}
	if best == nil {
		return evidence{}, false
	}
	return evidence{key: bestKey, label: humanDate(bestKey[2:]), art: best.art, fact: best.fact}, true
}

func isEventActor(f Fact) bool {
	return f.Kind == KindActor && (f.Type == ActorPerson || f.Type == ActorGroup || f.Type == ActorOrg)
}

func topActors(w *workspace, ai int, keep func(string) bool, n int) []evidence {
	a := w.arts[ai]
	var ev []evidence
	for k, i := range w.feats[ai].first {
		if !isEventActor(a.facts[i]) || !keep(k) {
			continue
		}
		ev = append(ev, evidence{key: k, label: factLabel(a.facts[i]), art: a, fact: i})
	}
	sort.Slice(ev, func(x, y int) bool {
		wx, wy := w.weight(ai, ev[x].key), w.weight(ai, ev[y].key)
		if wx != wy {
			return wx > wy
		}
		return ev[x].key < ev[y].key
	})
	if len(ev) > n {
		ev = ev[:n]
	}
	return ev
}

func storyTopActors(w *workspace, idx map[*article]int, st *story, cnt map[string]int, keep func(string) bool, n int) []evidence {
	best := map[string]evidence{}
	score := map[string]float64{}
	for _, a := range st.arts {
		ai := idx[a]
		for k, i := range w.feats[ai].first {
			if !isEventActor(a.facts[i]) || !keep(k) {
				continue
			}
			if _, ok := best[k]; !ok {
				best[k] = evidence{key: k, label: factLabel(a.facts[i]), art: a, fact: i}
				// What the story is about: named by most of its versions, then rarest.
				score[k] = w.feats[ai].prior[k]*float64(cnt[k]) + 0.01*w.weight(ai, k)
			}
		}
	}
	var ev []evidence
	for _, e := range best {
		ev = append(ev, e)
	}
	sort.Slice(ev, func(x, y int) bool {
		if score[ev[x].key] != score[ev[y].key] {
			return score[ev[x].key] > score[ev[y].key]
		}
		return ev[x].key < ev[y].key
	})
	if len(ev) > n {
		ev = ev[:n]
	}
	return ev
}

func joinLabels(ev []evidence) string {
	s := make([]string, len(ev))
	for i, e := range ev {
		s[i] = e.label
	}
	return strings.Join(s, ", ")
}

// joinNames lists a story's articles for a summary, at most four.
func joinNames(st *story) string {
	ids := make([]string, len(st.arts))
	for i, a := range st.arts {
		ids[i] = a.doc.displayName()
	}
	if len(ids) > 4 {
		return strings.Join(ids[:3], ", ") + fmt.Sprintf(" and %d more", len(ids)-3)
	}
	return strings.Join(ids, ", ")
}
