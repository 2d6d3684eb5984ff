package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Event discrepancies: an article that stands alone in its story but shares the theme of
// another story — the same kind of actors, the same countries — most likely reports a
// similar event at another time (a new round of accusations, last year's summit). The
// analyst should know it is there and why it was kept apart, so the flag names the
// evidence on both sides: the dates and the rare actors one side has and the other lacks.
// The same holds when several versions of the other event form a story of their own (see
// multiEventDiscrepancies); there the dates must also lie far apart.

const (
	// themeMinShare is the least part of the article's feature weight (priors only, so
	// common actors count) found in the story for the two to share a theme.
	themeMinShare = 0.25
	// themeMinShared is the least number of shared features.
	themeMinShared = 3
	// themeMaxCandidates bounds the stories compared with one lone article or story.
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
	types := map[*article]map[string]bool{}
	for _, a := range w.arts {
		types[a] = a.kindsOfEvent()
	}
	var out []Discrepancy
	for si, st := range stories {
		if len(st.arts) != 1 {
			continue
		}
		ai := idx[st.arts[0]]
		best, bestScore := -1, 0.0
		for _, ti := range themeCandidates(w.feats[ai].prior, post) {
			if ti == si {
				continue
			}
			sc, n := themeScore(w.feats[ai].prior, count[ti], len(stories[ti].arts))
			if n >= themeMinShared && sc >= themeMinShare &&
				(sc > bestScore || sc == bestScore && len(stories[ti].arts) > len(stories[best].arts)) {
				best, bestScore = ti, sc
			}
		}
		if best < 0 {
			best = sameKindStory(stories, si, w, idx, types)
		}
		if best < 0 {
			continue
		}
		var d Discrepancy
		var ok bool
		w.withFacts(append([]*article{st.arts[0]}, stories[best].arts...), func() {
			d, ok = eventDiscrepancy(w, idx, ai, stories[best], count[best])
		})
		if ok {
			out = append(out, d)
		}
	}
	return append(out, multiEventDiscrepancies(stories, w, idx, count, post)...)
}

// sameKindStory finds, for a lone article that shares little vocabulary with any story (a
// look back at an earlier disaster names other people and other days), the story of two
// articles or more that reports the same kind of event in a country or place the article
// also names; -1 when there is none.
func sameKindStory(stories []*story, si int, w *workspace, idx map[*article]int, types map[*article]map[string]bool) int {
	a := stories[si].arts[0]
	if len(types[a]) == 0 {
		return -1
	}
	mine := w.feats[idx[a]].prior
	best, bestShared := -1, 0
	for ti, t := range stories {
		if ti == si || len(t.arts) < 2 || !shareKey(types[a], storyEventTypes(t, types)) {
			continue
		}
		shared := 0
		seen := map[string]bool{}
		for _, o := range t.arts {
			for _, k := range o.placeKeys() {
				if _, ok := mine[k]; ok && !seen[k] {
					seen[k] = true
					shared++
				}
			}
		}
		if shared > bestShared {
			best, bestShared = ti, shared
		}
	}
	return best
}

func shareKey(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// multiEventDiscrepancies raises the event flag between two stories of two articles or more:
// two language versions of this year's sanctions beside four versions of an older hack
// share a theme as surely as one lone article does, and the analyst wants the same warning.
// Each story is compared, through the same inverted index and candidate bound as a lone
// article, with at most themeMaxCandidates others, so the work stays linear in the stories.
// A pair is judged from its smaller story's side (the "other event"), the flag goes on the
// larger one, and each smaller story raises at most one flag — against the story it
// resembles most — as a lone article does. Lone stories are left to the lone-article rule.
func multiEventDiscrepancies(stories []*story, w *workspace, idx map[*article]int, count []map[string]int, post map[string][]int) []Discrepancy {
	// A story's theme profile: each feature at its prior, scaled by the share of the
	// story's articles carrying it, so a lone article's profile is its own priors and the
	// score below is the lone-article measure (themeScore). Features are interned and kept
	// sorted, so scoring a pair is a merge of two short lists rather than a hash lookup
	// per feature: that is most of this pass's cost on a large workspace.
	ids := map[string]int32{}
	prof := make([][]themeFeat, len(stories))
	names := make([][]string, len(stories))
	tot := make([]float64, len(stories))
	for si, st := range stories {
		if len(st.arts) < 2 {
			continue
		}
		p := map[string]float64{}
		for _, a := range st.arts {
			for k, pr := range w.feats[idx[a]].prior {
				p[k] = max(p[k], pr)
			}
		}
		v := make([]themeFeat, 0, len(p))
		names[si] = make([]string, 0, len(p))
		for k, pr := range p {
			names[si] = append(names[si], k)
			id, ok := ids[k]
			if !ok {
				id = int32(len(ids))
				ids[k] = id
			}
			share := float64(count[si][k]) / float64(len(st.arts))
			v = append(v, themeFeat{id: id, weight: pr * share, share: share})
		}
		sort.Slice(v, func(i, j int) bool { return v[i].id < v[j].id })
		for _, f := range v {
			tot[si] += f.weight
		}
		prof[si] = v
	}
	type pick struct {
		to    int
		score float64
	}
	best := map[int]pick{}
	for si := range stories {
		if prof[si] == nil {
			continue
		}
		for _, ti := range themeCandidateKeys(names[si], post) {
			if ti == si {
				continue
			}
			// Either side may find the pair; it is always scored from the smaller side.
			s, t := si, ti
			if !smallerStory(stories[s], stories[t]) {
				s, t = t, s
			}
			sc, n := themeScoreSorted(prof[s], tot[s], prof[t])
			if n < themeMinShared || sc < themeMinShare {
				continue
			}
			b, ok := best[s]
			if !ok || sc > b.score || sc == b.score && (len(stories[t].arts) > len(stories[b.to].arts) ||
				len(stories[t].arts) == len(stories[b.to].arts) && stories[t].id < stories[b.to].id) {
				best[s] = pick{t, sc}
			}
		}
	}
	smaller := make([]int, 0, len(best))
	for s := range best {
		smaller = append(smaller, s)
	}
	sort.Ints(smaller)
	var out []Discrepancy
	for _, s := range smaller {
		t := best[s].to
		var d Discrepancy
		var ok bool
		w.withFacts(append(slices.Clone(stories[s].arts), stories[t].arts...), func() {
			d, ok = storyEventDiscrepancy(w, idx, stories[s], count[s], stories[t], count[t])
		})
		if ok {
			out = append(out, d)
		}
	}
	return out
}

// themeFeat is one feature of a story's theme profile: its prior times the share of the
// story's articles carrying it, and that share alone.
type themeFeat struct {
	id     int32
	weight float64
	share  float64
}

// themeScoreSorted is themeScore over two interned profiles sorted by feature: the part of
// the first profile's weight (tot) that the second story carries, each shared feature
// counted by the share of the second story's articles that have it.
func themeScoreSorted(a []themeFeat, tot float64, b []themeFeat) (float64, int) {
	if tot == 0 {
		return 0, 0
	}
	var shared float64
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			shared += a[i].weight * b[j].share
			n++
			i++
			j++
		}
	}
	return shared / tot, n
}

// smallerStory reports whether a is the side of the pair {a, b} that reports the other
// event: the story with fewer articles, or on a tie the one whose ID sorts last, so the
// flag lands on the larger story or else on the one whose ID sorts first.
func smallerStory(a, b *story) bool {
	if len(a.arts) != len(b.arts) {
		return len(a.arts) < len(b.arts)
	}
	return a.id > b.id
}

// storyEventDiscrepancy builds the event flag of story other against the story target it
// resembles, or reports false when the facts do not show two events.
func storyEventDiscrepancy(w *workspace, idx map[*article]int, other *story, ocnt map[string]int, target *story, tcnt map[string]int) (Discrepancy, bool) {
	od, ook := eventDateEvidence(other.arts)
	td, tok := eventDateEvidence(target.arts)
	// Both stories must date their event, and far enough apart: two stories of one week
	// that share a theme are more likely one event the clustering split (a thin version,
	// a missing link) than two, and calling that "another event" would be crying wolf.
	if !ook || !tok || abs(od.day-td.day) <= eventWindowDays {
		return Discrepancy{}, false
	}
	mine := []evidence{od}
	mine = append(mine, storyTopActors(w, idx, other, ocnt, func(k string) bool { return tcnt[k] == 0 }, 2)...)
	theirs := []evidence{td}
	theirs = append(theirs, storyTopActors(w, idx, target, tcnt, func(k string) bool { return ocnt[k] == 0 }, 2)...)
	var members []Member
	for _, a := range other.arts {
		members = append(members, Member{Article: a.doc.ID, Start: 0, End: 0, Text: ""})
	}
	for _, e := range append(append([]evidence{}, mine...), theirs...) {
		members = append(members, memberOf(e.art, e.fact))
	}
	summary := fmt.Sprintf("%s report another event (%s) than the story they resemble (%s: %s)",
		joinNames(other), joinLabels(mine), joinNames(target), joinLabels(theirs))
	d := Discrepancy{Story: target.id, Kind: DiscEvent, Severity: SeverityMajor, Summary: summary, Members: members}
	d.ID = discrepancyID(d.Kind, d.Members)
	return d, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// themeCandidates lists the stories sharing the profile's rarest features first, so the
// work per article or story stays bounded however large the workspace.
func themeCandidates(prior map[string]float64, post map[string][]int) []int {
	keys := make([]string, 0, len(prior))
	for k := range prior {
		keys = append(keys, k)
	}
	return themeCandidateKeys(keys, post)
}

// themeCandidateKeys is themeCandidates over a list of feature keys.
func themeCandidateKeys(all []string, post map[string][]int) []int {
	// Each posting list is looked up once, not once per comparison of the sort.
	type key struct {
		k    string
		list []int
	}
	keys := make([]key, 0, len(all))
	for _, k := range all {
		if l := post[k]; len(l) > 0 {
			keys = append(keys, key{k, l})
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i].list) != len(keys[j].list) {
			return len(keys[i].list) < len(keys[j].list)
		}
		return keys[i].k < keys[j].k
	})
	seen := map[int]bool{}
	var out []int
	for _, k := range keys {
		for _, s := range k.list {
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

// themeScore is the part of the profile's prior weight that the story carries, each shared
// feature counted by the share of the story's articles that have it.
func themeScore(prior map[string]float64, cnt map[string]int, size int) (float64, int) {
	var tot, shared float64
	n := 0
	for k, p := range prior {
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
	day   int // the day of a date evidence
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
	return evidence{key: bestKey, label: humanDate(bestKey[2:]), day: best.day, art: best.art, fact: best.fact}, true
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
