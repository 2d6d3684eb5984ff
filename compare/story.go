package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Story clustering.
//
// Each article is reduced to a set of features — the actors it names, the dates and the
// numbers it states — each weighted by a prior for how event-specific its kind is (a
// person or a day says more than a country or a year) times its inverse document frequency
// across the workspace (China is everywhere, Blinken is not). Two articles are linked when
// the weight they share is a large enough part of the smaller one's weight. Linking is
// single-linkage through a union-find, strongest links first, with one veto: two groups
// whose event times (see article.eventTime) lie more than eventWindowDays apart never merge,
// however much vocabulary they share — that is what keeps last year's similar event apart.
// Follow-ups published weeks later (the ransom recovered, the hearing) are the exception:
// once every group is formed, a later group joins an event's group when each of its
// articles refers back to the event's days and the link names the event's rare actors
// (joinFollowUps); the joined group keeps the event's window, so nothing chains on.
// Last, an article linked to a group by the setting alone (the storm, the sea, the
// countries: last week's floods next door) is taken out as a story of its own
// (splitStrays), and the event flag then tells the analyst about it.
//
// Only features rarer than candidateMaxDF propose candidate pairs, so the pairs examined
// grow linearly with the workspace, not quadratically.

const (
	// linkMinShare is the least part of the smaller article's feature weight the two
	// articles must share to be linked.
	linkMinShare = 0.25
	// linkMinWeight is the least absolute shared weight, in units of the weight of a person
	// named by just two articles of the workspace: at least one rare feature's worth, so
	// two short articles naming only China and the US are not linked.
	linkMinWeight = 0.8
	// eventWindowDays is how far apart two versions of one event can be dated.
	eventWindowDays = 14
	// candidateMaxDF bounds the posting lists that propose candidate pairs.
	candidateMaxDF = 64
	// idfMinArticles: rarity is counted as if the workspace held at least this many
	// articles, the others sharing nothing. In a workspace of a few articles of one event
	// (five versions fetched into an empty workspace) every feature is in every article, so
	// a true IDF weighs them all near zero and splits the versions into stories of one.
	idfMinArticles = 20
)

// story is one cluster of articles with the per-story context the alignment needs.
type story struct {
	id   string
	arts []*article
	// ctxW weighs a context feature by how rare it is among the story's sentences.
	ctxW map[string]float64
}

func (s *story) articleIDs() []string {
	ids := make([]string, len(s.arts))
	for i, a := range s.arts {
		ids[i] = a.doc.ID
	}
	sort.Strings(ids) // the contract lists a story's articles by ID, whatever the analysis order
	return ids
}

// storyFeatures is an article's clustering features: key → prior weight, plus the first
// fact carrying each (for evidence in summaries).
type storyFeatures struct {
	prior map[string]float64
	first map[string]int
	// partial marks the month-day keys that come from a year-less date. A month-day key
	// only links an article with a year-less date to another one; between two dated
	// articles the full dates already say it, and month-days recur every year, which
	// would make the candidate pairs grow with the square of a multi-year archive.
	partial map[string]bool
}

// counts reports whether feature k counts for this article against one with other.
func (sf storyFeatures) counts(k string, other storyFeatures) bool {
	return !strings.HasPrefix(k, "md:") || sf.partial[k] || other.partial[k]
}

func featuresOf(a *article) storyFeatures {
	sf := storyFeatures{prior: map[string]float64{}, first: map[string]int{}, partial: map[string]bool{}}
	for i, f := range a.facts {
		k := factKey(f)
		if k == "" {
			continue
		}
		p := featurePrior(f)
		if p <= 0 {
			continue
		}
		if p > sf.prior[k] {
			sf.prior[k] = p
		}
		if _, ok := sf.first[k]; !ok {
			sf.first[k] = i
		}
	}
	// The day of the year, without the year: an undated article's "20/7" meets the
	// "20 July 2021" of the others.
	for i, f := range a.facts {
		if f.Kind != KindDate {
			continue
		}
		if md := monthDay(f); md != "" {
			k := "md:" + md
			sf.prior[k] = monthDayPrior
			if f.Unresolved {
				sf.partial[k] = true
			}
			if _, ok := sf.first[k]; !ok {
				sf.first[k] = i
			}
		}
	}
	return sf
}

// featurePriorOrg weighs an organisation; people and groups weigh more (see featurePrior).
const featurePriorOrg = 0.8

// monthDayPrior weighs a day of the year without its year.
const monthDayPrior = 0.7

// featurePrior is how much a fact of this sort says about which event an article reports.
func featurePrior(f Fact) float64 {
	switch f.Kind {
	case KindActor:
		switch f.Type {
		case ActorPerson, ActorGroup:
			return 1
		case ActorOrg:
			return featurePriorOrg
		case ActorPlace:
			return 0.5
		case ActorCountry:
			return 0.25
		}
		return 0.6
	case KindDate:
		_, _, prec, ok := parseDateRange(dateValue(f))
		if !ok {
			return 0
		}
		if strings.Contains(dateValue(f), "/") {
			return 0.5
		}
		switch prec {
		case PrecisionDay:
			return 1
		case PrecisionMonth:
			return 0.5
		}
		return 0.25
	case KindNumber:
		x, ok := numValue(f)
		if !ok {
			return 0
		}
		switch x = math.Abs(x); {
		case x >= 1000:
			return 0.8
		case x >= 100:
			return 0.5
		}
		return 0.25
	}
	return 0
}

// workspace holds the clustering features of every article.
type workspace struct {
	arts  []*article
	feats []storyFeatures
	idf   map[string]float64
	total []float64  // Σ weight per article
	keys  [][]string // each article's feature keys, sorted
	// storyOf maps an article index to its story index.
	storyOf []int
	// load, set by AnalyzeStream, gives articles whose facts were dropped their current
	// facts and text back for a while (see withFacts); err keeps its first failure.
	load    func(arts []*article) (unload func(), n int, err error)
	err     error
	loaded  []loadedBatch
	nLoaded int
}

// withFacts runs fn with the facts and text of arts at hand: they always are for Analyze;
// AnalyzeStream loads them for the call. Loaded articles stay loaded for the calls that
// follow (one story is often the evidence for several flags) until more than
// eventLoadBudget are, when the oldest loads are dropped. When loading fails, fn does not
// run and the error is kept in w.err.
func (w *workspace) withFacts(arts []*article, fn func()) {
	if w.load == nil {
		fn()
		return
	}
	if w.err != nil {
		return
	}
	for len(w.loaded) > 0 && w.nLoaded+len(arts) > eventLoadBudget {
		w.loaded[0].unload()
		w.nLoaded -= w.loaded[0].n
		w.loaded = w.loaded[1:]
	}
	unload, n, err := w.load(arts)
	if err != nil {
		w.err = err
		return
	}
	w.loaded = append(w.loaded, loadedBatch{unload, n})
	w.nLoaded += n
	fn()
}

// unloadAll drops every article withFacts loaded.
func (w *workspace) unloadAll() {
	for _, b := range w.loaded {
		b.unload()
	}
	w.loaded, w.nLoaded = nil, 0
}

// eventLoadBudget bounds the articles AnalyzeStream keeps loaded for event evidence.
const eventLoadBudget = 2048

type loadedBatch struct {
	unload func()
	n      int
}

func (w *workspace) weight(i int, k string) float64 {
	return w.feats[i].prior[k] * w.idf[k]
}

// clusterStories groups the articles into stories.
func clusterStories(arts []*article, overrides map[string]string) ([]*story, *workspace) {
	n := len(arts)
	w := &workspace{arts: arts, feats: make([]storyFeatures, n), idf: map[string]float64{},
		total: make([]float64, n), storyOf: make([]int, n)}
	df := map[string]int{}
	for i, a := range arts {
		w.feats[i] = a.features()
		for k := range w.feats[i].prior {
			df[k]++
		}
	}
	for k, c := range df {
		w.idf[k] = math.Log((float64(max(n, idfMinArticles)) + 1) / float64(c))
	}
	// An article's weight counts only what it could share: a feature no other article has
	// says nothing about which article it goes with, and would make long articles with many
	// singular details look unlike everything.
	// Sums run over each article's keys in sorted order: a float sum in map order differs in
	// its last bits from run to run, and a pair at the threshold would link in one run and
	// not the next.
	w.keys = make([][]string, n)
	for i := range arts {
		w.keys[i] = sortedKeys(w.feats[i].prior)
	}
	for i := range arts {
		for _, k := range w.keys[i] {
			if df[k] >= 2 && (!strings.HasPrefix(k, "md:") || w.feats[i].partial[k]) {
				w.total[i] += w.weight(i, k)
			}
		}
	}

	fixed := make([]bool, n)
	for i, a := range arts {
		if _, ok := overrides[a.doc.ID]; ok {
			fixed[i] = true
		}
	}

	edges := w.candidateEdges(df, fixed)
	uf := newUnionFind(n)
	lo := make([]int, n)
	hi := make([]int, n)
	doy := make([]yearDays, n)
	for i, a := range arts {
		lo[i], hi[i] = a.eventLo, a.eventHi
		doy[i] = a.dayOfYear()
	}
	// Links the event-time veto refuses but that may join a follow-up to its event, judged
	// once every group is formed (see joinFollowUps).
	var later []edge
	for _, e := range edges {
		ra, rb := uf.find(e.a), uf.find(e.b)
		if ra == rb {
			continue
		}
		// The event-time veto, checked on whole groups so a chain of links cannot carry
		// an article into a group whose dates it contradicts.
		nl, nh := lo[ra], hi[ra]
		if lo[rb] != noDay {
			if nl == noDay {
				nl, nh = lo[rb], hi[rb]
			} else {
				nl, nh = min(nl, lo[rb]), max(nh, hi[rb])
			}
		}
		if nl != noDay && nh-nl > eventWindowDays {
			if _, _, ok := w.followUpPair(uf, e, lo, hi); ok {
				later = append(later, e)
			}
			continue
		}
		// The same veto on the day of the year, for articles that write their days without
		// the year: undated, they have no event time, and without it versions of events a
		// day apart chained into stories of a hundred (TestStories_NoChaining).
		nd := doy[ra].merge(doy[rb])
		if nd.span() > eventWindowDays {
			continue
		}
		r := uf.union(ra, rb)
		lo[r], hi[r] = nl, nh
		doy[r] = nd
	}
	w.joinFollowUps(uf, later, lo, hi, doy)

	groups := map[int][]int{}
	var roots []int
	for i := range arts {
		if fixed[i] {
			continue
		}
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	roots = w.splitStrays(groups, roots)
	var stories []*story
	byID := map[string]*story{}
	for _, r := range roots {
		st := &story{}
		for _, i := range groups[r] {
			st.arts = append(st.arts, arts[i])
		}
		st.id = storyID(st.arts)
		stories = append(stories, st)
		byID[st.id] = st
	}
	// Analyst overrides: join a named automatic story, or form stories by key.
	keyed := map[string]*story{}
	var keys []string
	for i, a := range arts {
		if !fixed[i] {
			continue
		}
		key := overrides[a.doc.ID]
		if st, ok := byID[key]; ok && key != "" {
			st.arts = append(st.arts, a)
			continue
		}
		if key == "" {
			key = "\x00own:" + a.doc.ID
		}
		st, ok := keyed[key]
		if !ok {
			st = &story{}
			keyed[key] = st
			keys = append(keys, key)
		}
		st.arts = append(st.arts, a)
	}
	for _, k := range keys {
		st := keyed[k]
		st.id = storyID(st.arts)
		stories = append(stories, st)
	}
	idx := map[*article]int{}
	for i, a := range arts {
		idx[a] = i
	}
	for si, st := range stories {
		sortArticles(st.arts)
		for _, a := range st.arts {
			w.storyOf[idx[a]] = si
		}
	}
	return stories, w
}

const (
	// followUpMaxDays is how long after an event a follow-up (the ransom recovered, the
	// inquiry's hearing) may be published and still join it: weeks, not years — a look
	// back a year on is about its anniversary, another news event.
	followUpMaxDays = 92
	// followUpMinActors is how many rare people, groups and organisations a follow-up
	// must name with the event's version it links to.
	followUpMinActors = 2
)

// followUpPair reports whether link e joins two groups of which one may follow up on the
// other's event, and which article of e is in the earlier group and which in the later.
func (w *workspace) followUpPair(uf *unionFind, e edge, lo, hi []int) (early, late int, ok bool) {
	ra, rb := uf.find(e.a), uf.find(e.b)
	early, late = e.a, e.b
	if lo[rb] != noDay && (lo[ra] == noDay || lo[rb] < lo[ra]) {
		early, late, ra, rb = e.b, e.a, rb, ra
	}
	return early, late, w.followsUp(late, early, lo[ra], hi[ra], lo[rb])
}

// joinFollowUps joins follow-ups published weeks after an event (the ransom recovered, the
// hearing) to the event's group, through the links the event-time veto refused (strongest
// first) that followUpPair accepts, when every article of the later group refers back to
// a day of the earlier group's event. The joined group keeps the event's window: a later
// article still has to fall in it or refer back to it, so follow-ups cannot chain one event
// into the next. It runs after all other links so a later group is judged whole: a thin
// report of the next attack that links to the follow-up keeps both apart from the event.
func (w *workspace) joinFollowUps(uf *unionFind, links []edge, lo, hi []int, doy []yearDays) {
	if len(links) == 0 {
		return
	}
	members := map[int][]int{}
	for i := range w.arts {
		r := uf.find(i)
		members[r] = append(members[r], i)
	}
	for _, e := range links {
		if uf.find(e.a) == uf.find(e.b) {
			continue
		}
		early, late, ok := w.followUpPair(uf, e, lo, hi)
		if !ok {
			continue
		}
		re, rl := uf.find(early), uf.find(late)
		all := true
		for _, m := range members[rl] {
			if !w.refersBack(m, lo[re], hi[re]) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		r := uf.union(re, rl)
		lo[r], hi[r], doy[r] = lo[re], hi[re], doy[re]
		members[r] = append(members[re], members[rl]...)
		if r != re {
			delete(members, re)
		} else {
			delete(members, rl)
		}
	}
}

// refersBack reports whether article i states a day of an event whose reports span [lo, hi]:
// a day in that window or in the eventWindowDays before it (an event precedes its reports).
func (w *workspace) refersBack(i, lo, hi int) bool {
	for _, k := range w.keys[i] {
		if !strings.HasPrefix(k, "d:") {
			continue
		}
		if d0, d1, prec, ok := parseDateRange(k[2:]); ok && prec == PrecisionDay && d0 == d1 &&
			d0 >= lo-eventWindowDays && d0 <= hi {
			return true
		}
	}
	return false
}

// followsUp reports whether article late, of a group whose event time starts at lateLo,
// reports back on the event of article early's group, whose event time is [lo, hi]: it is
// published within followUpMaxDays of it, and the two articles share a day of that event
// (the attack, which both date: a day in the window or in the eventWindowDays before it,
// since an event precedes its reports) and followUpMinActors rare actors (the company,
// the attackers, the chief executive) worth one rare feature together. Countries, years
// and numbers do not count: a later event of the same kind shares those.
func (w *workspace) followsUp(late, early int, lo, hi, lateLo int) bool {
	if lo == noDay || lateLo == noDay || lateLo-hi <= eventWindowDays || lateLo-hi > followUpMaxDays {
		return false
	}
	fe, fl := w.feats[early], w.feats[late]
	day := false
	actors := 0
	var actorW float64
	for _, k := range w.keys[early] {
		if _, ok := fl.prior[k]; !ok || !fe.counts(k, fl) {
			continue
		}
		switch {
		case strings.HasPrefix(k, "d:"):
			if d0, d1, prec, ok := parseDateRange(k[2:]); ok && prec == PrecisionDay && d0 == d1 &&
				d0 >= lo-eventWindowDays && d0 <= hi {
				day = true
			}
		case strings.HasPrefix(k, "a:") && min(fe.prior[k], fl.prior[k]) >= featurePriorOrg:
			actors++
			actorW += math.Min(w.weight(early, k), w.weight(late, k))
		}
	}
	return day && actors >= followUpMinActors && actorW >= w.minShared()
}

// minShared is the least absolute weight two linked articles share (see linkMinWeight).
func (w *workspace) minShared() float64 {
	return linkMinWeight * math.Log((float64(max(len(w.arts), idfMinArticles))+1)/2)
}

const (
	// strayMinStory is the least size of a group whose members are checked for strays:
	// with three others or more, "most of the others" means something.
	strayMinStory = 4
	// strayMaxCoverage is the most a stray's features may be found among the others of
	// its group (see splitStrays).
	strayMaxCoverage = 0.2
)

// splitStrays takes out of each group, as stories of their own, the articles linked to it by
// the setting alone: an article that names none of the people, groups and organisations
// most of the group's other articles name, and whose features (at their priors, its own
// details included) are mostly absent from them. Last week's floods in the neighbouring
// country share the storm, the sea, the region's cities and a date to come with the dam
// collapse that followed; a version of the collapse, however short, names the city's
// officials or the Red Crescent. It returns the roots, those of the new one-article groups
// (the stray's own index) appended.
func (w *workspace) splitStrays(groups map[int][]int, roots []int) []int {
	for _, r := range slices.Clone(roots) {
		g := groups[r]
		if len(g) < strayMinStory {
			continue
		}
		var strays []int
		for _, m := range g {
			if w.stray(m, g) {
				strays = append(strays, m)
			}
		}
		// One stray at most: more than one is a split of the group, not an intruder.
		if len(strays) != 1 {
			continue
		}
		m := strays[0]
		keep := slices.DeleteFunc(slices.Clone(g), func(i int) bool { return i == m })
		if m == r {
			// The root leaves: the group goes on under its smallest remaining index.
			delete(groups, r)
			nr := keep[0]
			groups[nr] = keep
			roots[slices.Index(roots, r)] = nr
			groups[m] = []int{m}
			roots = append(roots, m)
			continue
		}
		groups[r] = keep
		groups[m] = []int{m}
		roots = append(roots, m)
	}
	return roots
}

// stray reports whether article m is linked to its group g by the setting alone (see
// splitStrays).
func (w *workspace) stray(m int, g []int) bool {
	others := len(g) - 1
	cnt := map[string]int{}
	for _, o := range g {
		if o == m {
			continue
		}
		for _, k := range w.keys[o] {
			if _, ok := w.feats[m].prior[k]; ok {
				cnt[k]++
			}
		}
	}
	var tot, found float64
	for _, k := range w.keys[m] {
		p := w.feats[m].prior[k]
		if strings.HasPrefix(k, "a:") && p >= featurePriorOrg && cnt[k]*2 > others {
			return false
		}
		tot += p
		found += p * float64(cnt[k]) / float64(others)
	}
	return tot > 0 && found/tot < strayMaxCoverage
}

// yearDays is the range of days of the year (0–365, on a leap-year calendar) of a group of
// articles, kept twice: as is and turned half a year (so a group around New Year, days 360
// and 2, has a short span too). ok is false when no article of the group gives one.
type yearDays struct {
	lo, hi, lo2, hi2 int
	ok               bool
}

func newYearDays(d int) yearDays {
	d2 := (d + 183) % 366
	return yearDays{lo: d, hi: d, lo2: d2, hi2: d2, ok: true}
}

func (y yearDays) merge(o yearDays) yearDays {
	switch {
	case !y.ok:
		return o
	case !o.ok:
		return y
	}
	return yearDays{lo: min(y.lo, o.lo), hi: max(y.hi, o.hi), lo2: min(y.lo2, o.lo2), hi2: max(y.hi2, o.hi2), ok: true}
}

// span is the group's spread in days around the year; 0 when unknown.
func (y yearDays) span() int {
	if !y.ok {
		return 0
	}
	return min(y.hi-y.lo, y.hi2-y.lo2)
}

// dayOfYearOf is the day of the year of an article's event: that of its event time, else that
// of the latest day it writes without a year (as eventTime takes the latest dated day).
func dayOfYearOf(a *article) yearDays {
	if a.eventLo != noDay {
		t := time.Unix(int64(a.eventLo)*86400, 0).UTC()
		return newYearDays(leapYearDay(int(t.Month()), t.Day()))
	}
	best := -1
	for _, f := range a.facts {
		if f.Kind != KindDate || !f.Unresolved {
			continue
		}
		if m, d, ok := partialDate(dateValue(f)); ok && d > 0 && m >= 1 && m <= 12 {
			best = max(best, leapYearDay(m, d))
		}
	}
	if best < 0 {
		return yearDays{}
	}
	return newYearDays(best)
}

// leapYearDay numbers month m, day d on the calendar of a leap year, from 0.
func leapYearDay(m, d int) int {
	return time.Date(2000, time.Month(m), d, 0, 0, 0, 0, time.UTC).YearDay() - 1
}

// storyID derives a story's ID from its smallest article ID (see Analyze).
func storyID(arts []*article) string {
	m := arts[0].doc.ID
	for _, a := range arts[1:] {
		if a.doc.ID < m {
			m = a.doc.ID
		}
	}
	return "s-" + shortHash(m, 12)
}

func shortHash(s string, n int) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:n]
}

type edge struct {
	a, b int
	sim  float64
}

// candidateEdges scores the article pairs that share at least one rare feature and keeps
// those strong enough to link, strongest first.
func (w *workspace) candidateEdges(df map[string]int, fixed []bool) []edge {
	post := map[string][]int{}
	for i := range w.arts {
		if fixed[i] {
			continue
		}
		for k := range w.feats[i].prior {
			if df[k] >= 2 && df[k] <= candidateMaxDF {
				post[k] = append(post[k], i)
			}
		}
	}
	minShared := w.minShared()
	shared := map[uint64]float64{}
	postKeys := make([]string, 0, len(post))
	for k := range post {
		postKeys = append(postKeys, k)
	}
	sort.Strings(postKeys)
	for _, k := range postKeys {
		list := post[k]
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				i, j := list[x], list[y]
				if !w.feats[i].counts(k, w.feats[j]) {
					continue
				}
				shared[uint64(i)<<32|uint64(j)] += math.Min(w.weight(i, k), w.weight(j, k))
			}
		}
	}
	var edges []edge
	for key, s := range shared {
		i, j := int(key>>32), int(key&0xffffffff)
		// Add what the common features (not indexed) contribute to this pair.
		a, b := i, j
		if len(w.feats[a].prior) > len(w.feats[b].prior) {
			a, b = b, a
		}
		for _, k := range w.keys[a] {
			if df[k] > candidateMaxDF && w.feats[a].counts(k, w.feats[b]) {
				if _, ok := w.feats[b].prior[k]; ok {
					s += math.Min(w.weight(a, k), w.weight(b, k))
				}
			}
		}
		den := math.Min(w.total[i], w.total[j])
		if den <= 0 || s < minShared {
			continue
		}
		if sim := s / den; sim >= linkMinShare {
			edges = append(edges, edge{i, j, sim})
		}
	}
	sort.Slice(edges, func(x, y int) bool {
		if edges[x].sim != edges[y].sim {
			return edges[x].sim > edges[y].sim
		}
		if edges[x].a != edges[y].a {
			return edges[x].a < edges[y].a
		}
		return edges[x].b < edges[y].b
	})
	return edges
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type unionFind struct{ parent, rank []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n), rank: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of two roots and returns the new root.
func (u *unionFind) union(a, b int) int {
	if u.rank[a] < u.rank[b] {
		a, b = b, a
	}
	u.parent[b] = a
	if u.rank[a] == u.rank[b] {
		u.rank[a]++
	}
	return a
}
