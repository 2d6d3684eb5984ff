package compare

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Alignment within a story.
//
// Two date or number facts in different versions are aligned when their values are
// compatible (compareValues) AND enough else says they state the same claim: the other facts
// of their sentences (actors, dates, numbers), each weighted by how rare it is among the
// story's sentences; the counted thing when both name it; how telling the value is on its
// own (a day, 52,000 — not "4"); and, weakly, where the sentence sits in the article. So two
// "4"s in unrelated sentences stay apart. Each fact is matched at most once per other
// article (best score first), and matches are chained into groups with a union-find that
// refuses groups whose values contradict each other and pairs the analyst unlinked.
//
// Actor mentions align by canonical id: one alignment per actor named in two versions or
// more. Analyst links come first and always hold.

const (
	// alignMinScore is the least pair score for two facts to align.
	alignMinScore = 0.4
	// unresolvedMinContext is the least context score for aligning a date that has no
	// value (an unresolved relative date) — it can only be placed by its sentence.
	unresolvedMinContext = 0.5
	// positionWeight scales the sentence-position evidence.
	positionWeight = 0.1
)

// prepareContext computes the story's context weights: a feature found in few of the
// story's sentences weighs more than one found in many.
func (s *story) prepareContext() {
	sf := map[string]int{}
	total := 0
	for _, a := range s.arts {
		a.sentKeys = make([][]string, len(a.sentStart))
		for i, f := range a.facts {
			if k := factKey(f); k != "" {
				si := a.factSent[i]
				a.sentKeys[si] = appendUnique(a.sentKeys[si], k)
			}
			if f.Kind == KindNumber && f.Unit != "" {
				si := a.factSent[i]
				a.sentKeys[si] = appendUnique(a.sentKeys[si], "u:"+strings.ToLower(f.Unit))
			}
		}
		for _, ks := range a.sentKeys {
			if len(ks) == 0 {
				continue
			}
			total++
			for _, k := range ks {
				sf[k]++
			}
		}
	}
	s.ctxW = make(map[string]float64, len(sf))
	for k, c := range sf {
		s.ctxW[k] = math.Log(1 + float64(total)/float64(c))
	}
}

func appendUnique(s []string, k string) []string {
	for _, x := range s {
		if x == k {
			return s
		}
	}
	return append(s, k)
}

// contextScore compares the sentence contexts of fact i of a and fact j of b: the weight of
// the features both sentences carry over the geometric mean of each side's weight. The facts'
// own values are left out — they are judged by compareValues.
func (s *story) contextScore(a *article, i int, b *article, j int) float64 {
	ka, kb := a.sentKeys[a.factSent[i]], b.sentKeys[b.factSent[j]]
	self1, self2 := factKey(a.facts[i]), factKey(b.facts[j])
	var wa, wb, shared float64
	for _, k := range ka {
		if k == self1 || k == self2 {
			continue
		}
		wa += s.ctxW[k]
	}
	for _, k := range kb {
		if k == self1 || k == self2 {
			continue
		}
		wb += s.ctxW[k]
		for _, k2 := range ka {
			if k2 == k {
				shared += s.ctxW[k]
				break
			}
		}
	}
	if wa == 0 || wb == 0 {
		return 0
	}
	return shared / math.Sqrt(wa*wb)
}

// pairScore scores two facts of the same kind in two articles; ok is false when they cannot
// be aligned at all.
func (s *story) pairScore(a *article, i int, b *article, j int) (score float64, ok bool) {
	f, g := a.facts[i], b.facts[j]
	c := compareValues(f, g)
	if conceptsClash(f, g) && !(c != incompatible && measuresMayMatch(f, g)) || sameLangUnits(a, f, b, g) == -1 {
		return 0, false
	}
	sameClaim := claimConcept(f) != "" && claimConcept(f) == claimConcept(g)
	if sameClaim && f.Kind == KindNumber && !personalConcept(claimConcept(f)) && erasDiffer(a, i, b, j) {
		// The toll of the 1999 earthquake recalled beside this one's, agreeing or not.
		return 0, false
	}
	if c == incompatible {
		if !sameClaim {
			return 0, false
		}
		return s.claimPairScore(a, i, b, j)
	}
	if sameClaim && countriesDisjoint(a, i, b, j) {
		// Agreeing values of one concept said of different countries (Turkey's 1,541 dead,
		// Syria's 1,509) are two claims that happen to be close.
		return 0, false
	}
	ctx := s.contextScore(a, i, b, j)
	pos := positionWeight * (1 - math.Abs(a.position(i)-b.position(j)))
	switch c {
	case unknownCompat:
		if ctx < unresolvedMinContext {
			return 0, false
		}
		return ctx + pos, true
	case compatible:
		score = ctx + 0.5*math.Min(specificity(f), specificity(g)) + pos
	case exact:
		score = ctx + specificity(f) + pos
		if f.Kind == KindNumber && !sameClaim && specificity(f) >= uniqueNumberMinSpecificity && valueCount(a, f) == 1 && valueCount(b, g) == 1 {
			// The only statement of that figure in both versions (100 units of blood,
			// "mehr als 100 Blutkonserven"). Figures of a known concept are scored as
			// claims instead.
			score += 2 * uniqueValueWeight
		} else if f.Kind == KindNumber && !sameClaim && specificity(f) > 0 && (f.Concept == "" || g.Concept == "") && valueCount(a, f) == 1 && valueCount(b, g) == 1 {
			// A smaller figure (13 to 99) each version states once, where at most one side
			// knows what it counts (17 states, "17个州"), is as telling: lifted to
			// alignMinScore. Two known concepts are left to the claim rules.
			score += math.Max(0, alignMinScore-specificity(f))
		}
		if pastPeriod(a, f) && pastPeriod(b, g) && periodCount(a, f) == 1 && periodCount(b, g) == 1 {
			// A year or month long past that each version names once (the worst quake since
			// 1939, prices not seen since 2014, a group active since last August) recalls
			// the same background fact: it aligns though the sentences share nothing else.
			score += math.Max(0, alignMinScore-specificity(f))
		}
		if f.Kind == KindDate && dayCount(a, f) == 1 && dayCount(b, g) == 1 {
			// The only mention of that day in both versions ("on Thursday", "25日") dates
			// the same thing far more often than not, whatever else the sentences say.
			score += 2 * uniqueValueWeight
		}
	}
	if sameLangUnits(a, f, b, g) == 1 {
		score += 0.2
	}
	if sameClaim && !contextualConcept(claimConcept(f)) {
		// Agreeing figures of one claim outrank disagreeing ones with the same context
		// (claimPairScore), so 7.8 pairs with 7.8 before 7.5.
		score += claimConceptWeight + claimAgreeWeight
		if conceptCount(a, f.Concept) == 1 && conceptCount(b, g.Concept) == 1 {
			score += 2 * claimUniqueWeight
		}
	}
	return score, score >= alignMinScore
}

// sameLangUnits compares the counted things of two numbers: 1 same, -1 different, 0 cannot
// tell. Units are words of the article's language, so only same-language versions compare.
func sameLangUnits(a *article, f Fact, b *article, g Fact) int {
	if f.Kind != KindNumber || f.Unit == "" || g.Unit == "" || a.doc.Lang == "" || a.doc.Lang != b.doc.Lang {
		return 0
	}
	if strings.EqualFold(f.Unit, g.Unit) {
		return 1
	}
	return -1
}

// node is one fact of one article of the story.
type node struct{ art, fact int }

// storyAlign is the alignment of one story: the fact groups, by node.
type storyAlign struct {
	st     *story
	nodes  []node
	nodeOf map[node]int
	uf     *unionFind
	rng    []valueRange // per root: the values the group allows
	// forbid holds cannot-link pairs of nodes (analyst unlinks).
	forbid map[int][]int
	manual []bool // per root: contains an analyst link
	extra  map[int][]Member
	// concept is, per root, the claim concept of its numbers ("" when none is known), and
	// members its nodes: a group of one claim may hold disagreeing values, but never two
	// concepts, nor two disagreeing values from the same article.
	concept []string
	// unitOnly is, per root, whether its concept came from the units of its measures alone
	// (unitOnlyMeasure): such a group may take agreeing measures of another concept of the
	// family.
	unitOnly []bool
	members  map[int][]int
	split    []bool // per root: holds disagreeing values of one claim
	// span is, per root, the least and greatest positive number of the group.
	span [][2]float64
	// halves holds, per article and fact, the half of the day a date puts its event in
	// (dayHalves): -1 before noon, 1 after, 0 unknown.
	halves [][]int
	// actions holds, per article and fact, the action a date is said with (datedActions).
	actions [][]string
	// furniture marks, per article and fact, the dates of datelines:
	// they state no claim, so they neither align nor conflict.
	furniture [][]bool
	// scope is, per root, the place its claim figures apply to (claims_scope.go), "" when
	// none is known: two groups of differently scoped figures are two claims.
	scope []string
}

func (al *storyAlign) canUnion(x, y int) bool {
	rx, ry := al.uf.find(x), al.uf.find(y)
	if rx == ry {
		return false
	}
	cx, cy := al.concept[rx], al.concept[ry]
	if cx != "" && cy != "" && cx != cy {
		// Two concepts are one claim only as agreeing measures where one side's concept
		// came from its unit alone (8,850 km and 8850 Kilometer lange).
		if !(al.unitOnly[rx] || al.unitOnly[ry]) || loadConcepts().family[cx] != loadConcepts().family[cy] ||
			al.split[rx] || al.split[ry] || al.rng[rx].intersect(al.rng[ry]).empty() {
			return false
		}
	}
	if (al.split[rx] || al.split[ry]) && (cx == "" || cx != cy) {
		return false // a group of disagreeing values takes only facts of its claim
	}
	if (al.split[rx] || al.split[ry] || al.rng[rx].intersect(al.rng[ry]).empty()) && !al.spanFits(rx, ry) {
		// One claim's values stay within claimMaxRatio of each other: chaining pairs that
		// each fit must not join a toll of 15 in Greece to one of 11,300 in Libya.
		return false
	}
	if al.rng[rx].intersect(al.rng[ry]).empty() {
		// Disagreeing values join only as one claim, and only from different articles —
		// except a running toll, which one article may give as of two times or from two
		// sources ("5,300 according to the ministry, 11,300 according to the Red Crescent").
		if cx == "" || cx != cy || !loadConcepts().cumulative[cx] && !al.valuesFitPerArticle(rx, ry) {
			return false
		}
	}
	if al.dayPartsClash(rx, ry) {
		return false
	}
	if sx, sy := al.scope[rx], al.scope[ry]; sx != "" && sy != "" && sx != sy {
		return false // deaths in Turkey, deaths in Syria, deaths in both
	}
	for n, bad := range al.forbid {
		rn := al.uf.find(n)
		if rn != rx && rn != ry {
			continue
		}
		for _, m := range bad {
			rm := al.uf.find(m)
			if (rn == rx && rm == ry) || (rn == ry && rm == rx) {
				return false
			}
		}
	}
	return true
}

func (al *storyAlign) union(x, y int) {
	rx, ry := al.uf.find(x), al.uf.find(y)
	if rx == ry {
		return
	}
	r := al.uf.union(rx, ry)
	if joined := al.rng[rx].intersect(al.rng[ry]); !joined.empty() {
		al.rng[r] = joined
	} else {
		al.rng[r] = valueRange{} // one claim, several values: judged by claimConflicts
		al.split[r] = true
	}
	al.split[r] = al.split[r] || al.split[rx] || al.split[ry]
	al.span[r] = [2]float64{math.Min(al.span[rx][0], al.span[ry][0]), math.Max(al.span[rx][1], al.span[ry][1])}
	al.manual[r] = al.manual[rx] || al.manual[ry]
	o := rx
	if r == rx {
		o = ry
	}
	if al.concept[r] == "" || al.unitOnly[r] && !al.unitOnly[o] && al.concept[o] != "" {
		// A concept a cue word gave wins over one taken from the unit.
		al.concept[r] = al.concept[o]
		al.unitOnly[r] = al.unitOnly[o]
	} else if al.concept[o] != "" {
		al.unitOnly[r] = al.unitOnly[r] && al.unitOnly[o]
	}
	if al.scope[r] == "" {
		al.scope[r] = al.scope[o]
	}
	al.members[r] = append(al.members[r], al.members[o]...)
	delete(al.members, o)
	al.extra[r] = append(al.extra[r], al.extra[o]...)
	delete(al.extra, o)
}

// spanFits reports whether the numbers of two groups, taken together, stay within
// claimMaxRatio of each other (span holds each root's least and greatest value).
func (al *storyAlign) spanFits(rx, ry int) bool {
	x, y := al.span[rx], al.span[ry]
	lo, hi := math.Min(x[0], y[0]), math.Max(x[1], y[1])
	return math.IsInf(lo, 1) || hi <= lo*claimMaxRatio
}

// countriesDisjoint reports whether the sentences of fact i of a and fact j of b both name
// countries, and no country in common.
func countriesDisjoint(a *article, i int, b *article, j int) bool {
	ca, cb := sentenceActors(a, i, ActorCountry), sentenceActors(b, j, ActorCountry)
	return len(ca) > 0 && len(cb) > 0 && disjoint(ca, cb)
}

// dayHalf places a part of the day before or after noon: -1 for the early morning and the
// morning, 1 for the afternoon and the evening, 0 when it cannot tell ("night" may be the
// evening or the small hours; midday is both).
func dayHalf(part string) int {
	switch part {
	case "early_morning", "morning":
		return -1
	case "afternoon", "evening":
		return 1
	}
	return 0
}

// dayPartsClashMaxPairs bounds the member pairs dayPartsClash compares.
const dayPartsClashMaxPairs = 400

// dayPartsClash reports whether joining two groups would put dates of opposite halves of a
// day in one (al.halves): chained pairs must not join what no pair would.
func (al *storyAlign) dayPartsClash(rx, ry int) bool {
	mx, my := al.members[rx], al.members[ry]
	if len(mx)*len(my) > dayPartsClashMaxPairs {
		return false
	}
	for _, x := range mx {
		nx := al.nodes[x]
		hx := al.halves[nx.art][nx.fact]
		if hx == 0 {
			continue
		}
		for _, y := range my {
			if ny := al.nodes[y]; hx*al.halves[ny.art][ny.fact] == -1 {
				return true
			}
		}
	}
	return false
}

// clockMaxGap is how far (in runes) a clock time may stand from a date and still time it:
// "at 2:03 a.m. on 26 September", "lundi à 19 h 03"; clockWindow is how much text around
// the date is searched for one (a clock time is up to a dozen runes long).
const (
	clockMaxGap = 12
	clockWindow = clockMaxGap + 16
)

// dayHalves gives each date fact of an article the half of the day it puts its event in:
// from its part of day ("26日凌晨", "am Montagabend"), else from the nearest clock time
// beside it on its line ("the second at 7:03 p.m. the same day"); 0 when neither
// tells (the article must be loaded).
func dayHalves(a *article) []int {
	out := make([]int, len(a.facts))
	for i, f := range a.facts {
		if f.Kind != KindDate {
			continue
		}
		if h := dayHalf(f.PartOfDay); h != 0 || a.runes == nil {
			out[i] = h
			continue
		}
		if dv := dateValue(f); dv == "" || strings.Contains(dv, "/") {
			continue // a span of days has no one half
		}
		// A window around the date, within its line: sentences are no bound here, as "a.m."
		// ends one for the splitter.
		lo, hi := max(0, f.Start-clockWindow), min(a.nRunes, f.End+clockWindow)
		for k := f.Start - 1; k >= lo; k-- {
			if a.runes[k] == '\n' {
				lo = k + 1
				break
			}
		}
		for k := f.End; k < hi; k++ {
			if a.runes[k] == '\n' {
				hi = k
				break
			}
		}
		cs := clockTimes(a.runes[lo:hi], a.doc.Lang)
		best, bestGap := "", clockMaxGap+1
		for _, c := range cs {
			gap := max(c.start+lo-f.End, f.Start-(c.end+lo))
			if gap < bestGap {
				best, bestGap = c.value, gap
			}
		}
		if best == "" {
			continue
		}
		switch h := (int(best[0]-'0')*10 + int(best[1]-'0')); {
		case h < 11:
			out[i] = -1
		case h >= 14:
			out[i] = 1
		}
	}
	return out
}

// valuesFitPerArticle reports whether no article would hold two disagreeing values in the
// union of two groups.
func (al *storyAlign) valuesFitPerArticle(rx, ry int) bool {
	for _, x := range al.members[rx] {
		nx := al.nodes[x]
		fx := al.st.arts[nx.art].facts[nx.fact]
		for _, y := range al.members[ry] {
			ny := al.nodes[y]
			if ny.art == nx.art && compareValues(fx, al.st.arts[ny.art].facts[ny.fact]) == incompatible {
				return false
			}
		}
	}
	return true
}

// group returns the root of a fact's group, or -1 when the fact is not a node.
func (al *storyAlign) group(ai, fi int) int {
	n, ok := al.nodeOf[node{ai, fi}]
	if !ok {
		return -1
	}
	return al.uf.find(n)
}

// alignStory aligns the facts of one story and returns its alignments.
func alignStory(st *story, opts AnalyzeOptions) ([]Alignment, *storyAlign) {
	al := &storyAlign{st: st, nodeOf: map[node]int{}, forbid: map[int][]int{}, extra: map[int][]Member{}}
	for ai, a := range st.arts {
		for fi, f := range a.facts {
			if f.Kind == KindDate || f.Kind == KindNumber || f.Kind == KindActor {
				al.nodeOf[node{ai, fi}] = len(al.nodes)
				al.nodes = append(al.nodes, node{ai, fi})
			}
		}
	}
	al.uf = newUnionFind(len(al.nodes))
	al.rng = make([]valueRange, len(al.nodes))
	al.manual = make([]bool, len(al.nodes))
	al.concept = make([]string, len(al.nodes))
	al.unitOnly = make([]bool, len(al.nodes))
	al.split = make([]bool, len(al.nodes))
	al.span = make([][2]float64, len(al.nodes))
	al.members = make(map[int][]int, len(al.nodes))
	al.scope = make([]string, len(al.nodes))
	scopes := storyScopes(st.arts)
	for i, n := range al.nodes {
		al.scope[i] = scopes[n.art][n.fact]
		f := st.arts[n.art].facts[n.fact]
		al.rng[i] = factRange(f)
		al.concept[i] = claimConcept(f)
		al.unitOnly[i] = al.concept[i] != "" && unitOnlyMeasure(f)
		al.span[i] = [2]float64{math.Inf(1), math.Inf(-1)}
		if v, ok := numValue(f); ok && f.Kind == KindNumber && v > 0 {
			al.span[i] = [2]float64{v, v}
		}
		al.members[i] = []int{i}
	}
	artIdx := map[string]int{}
	for i, a := range st.arts {
		artIdx[a.doc.ID] = i
	}

	// Analyst unlinks: no two of these members may share a group.
	for _, set := range opts.Unlinks {
		var ns []int
		for _, m := range set {
			ns = append(ns, al.matchMember(artIdx, m)...)
		}
		for x := range ns {
			for y := range ns {
				if x != y {
					al.forbid[ns[x]] = append(al.forbid[ns[x]], ns[y])
				}
			}
		}
	}
	// Analyst links: always hold, whatever the values say.
	for _, set := range opts.ManualLinks {
		if len(set) == 0 {
			continue
		}
		if _, ok := artIdx[set[0].Article]; !ok {
			continue // this link belongs to another story
		}
		first := -1
		var raw []Member
		for _, m := range set {
			ns := al.matchMember(artIdx, m)
			if len(ns) == 0 {
				raw = append(raw, m)
				continue
			}
			for _, n := range ns {
				if first < 0 {
					first = n
					al.manual[n] = true
					continue
				}
				rf, rn := al.uf.find(first), al.uf.find(n)
				if rf != rn {
					r := al.uf.union(rf, rn)
					al.rng[r] = valueRange{} // the analyst overrides value checks
					al.span[r] = [2]float64{math.Min(al.span[rf][0], al.span[rn][0]), math.Max(al.span[rf][1], al.span[rn][1])}
					al.manual[r] = true
					o := rf
					if r == rf {
						o = rn
					}
					al.members[r] = append(al.members[r], al.members[o]...)
					delete(al.members, o)
					al.extra[r] = append(al.extra[r], al.extra[o]...)
					delete(al.extra, o)
				}
			}
		}
		if first >= 0 {
			r := al.uf.find(first)
			al.extra[r] = append(al.extra[r], raw...)
		}
	}

	// Dates and numbers: best-first one-to-one matching per pair of articles.
	type cand struct {
		x, y  int
		score float64
	}
	var cands []cand
	// Dates of datelines state no claim (align_dateline.go).
	furniture := make([][]bool, len(st.arts))
	for ai, a := range st.arts {
		furniture[ai] = datelineDates(a)
		// A caption's day dates the picture, unless the caption names the event beside it
		// ("the cathedral in flames on 15 April").
		types := datedEventTypes(a)
		for i, c := range captionDates(a) {
			furniture[ai][i] = furniture[ai][i] || c && types[i] == ""
		}
	}
	al.furniture = furniture
	// The half of the day each date puts its event in (its part of day, else a clock time
	// beside it): the blast before dawn and the one in the evening are two events.
	al.halves = make([][]int, len(st.arts))
	for ai, a := range st.arts {
		al.halves[ai] = dayHalves(a)
	}
	// The action each date is said with (a death, traffic suspended): the same action on
	// the same day is one claim even when nothing else in the sentences is shared.
	al.actions = make([][]string, len(st.arts))
	for ai, a := range st.arts {
		al.actions[ai] = datedActions(a)
	}
	for ai := 0; ai < len(st.arts); ai++ {
		for bi := ai + 1; bi < len(st.arts); bi++ {
			a, b := st.arts[ai], st.arts[bi]
			var pc []cand
			for i, f := range a.facts {
				if f.Kind != KindDate && f.Kind != KindNumber {
					continue
				}
				lo, hi := pairRange(len(a.facts), i, len(b.facts))
				for j := lo; j < hi; j++ {
					if b.facts[j].Kind != f.Kind || al.halves[ai][i]*al.halves[bi][j] == -1 {
						continue
					}
					sc, ok := st.pairScore(a, i, b, j)
					if act := al.actions[ai][i]; act != "" && act == al.actions[bi][j] && sc > 0 {
						// Both versions date one action (a death, traffic suspended) to
						// agreeing days: that is their claim, though nothing else is shared.
						sc += dateActionWeight
						ok = sc >= alignMinScore
					}
					if ok {
						pc = append(pc, cand{al.nodeOf[node{ai, i}], al.nodeOf[node{bi, j}], sc})
					}
				}
			}
			sort.Slice(pc, func(p, q int) bool {
				if pc[p].score != pc[q].score {
					return pc[p].score > pc[q].score
				}
				if pc[p].x != pc[q].x {
					return pc[p].x < pc[q].x
				}
				return pc[p].y < pc[q].y
			})
			usedA, usedB := map[int]bool{}, map[int]bool{}
			for _, c := range pc {
				if usedA[c.x] || usedB[c.y] {
					continue
				}
				usedA[c.x], usedB[c.y] = true, true
				cands = append(cands, c)
			}
		}
	}
	sort.SliceStable(cands, func(p, q int) bool { return cands[p].score > cands[q].score })
	for _, c := range cands {
		if al.canUnion(c.x, c.y) {
			al.union(c.x, c.y)
		}
	}
	// Dates restated: an article that dates the same event twice ("the quake struck on 6
	// February", "地震发生在6日4时17分") states one claim twice.
	al.joinDateRestatements()
	// Restatements: an article that gives one telling value twice (headline and body, a
	// toll repeated) states one claim twice; the second statement joins the first's group.
	// Facts are keyed by concept and value, so an article of thousands of facts costs one
	// pass, not a comparison of every pair.
	for ai, a := range st.arts {
		firstWith := map[string]int{}
		for i, f := range a.facts {
			if !telling(f) {
				continue
			}
			// The qualifier is left out of the key: a headline drops the "roughly" or "more
			// than" of its body ("holds up $9.6bn of trade", "roughly $9.6bn of goods").
			k := f.Concept + "|" + factKey(f)
			p, seen := firstWith[k]
			if !seen {
				firstWith[k] = i
				continue
			}
			x, y := al.nodeOf[node{ai, p}], al.nodeOf[node{ai, i}]
			if al.canUnion(x, y) {
				al.union(x, y)
			}
		}
		// A large figure said again without its noun (a headline, "far from the 11,300 of
		// the Red Crescent") restates the one figure of the article with that value and a
		// concept.
		byValue := map[string][]int{}
		for i, f := range a.facts {
			if telling(f) {
				byValue[factKey(f)] = append(byValue[factKey(f)], i)
			}
		}
		for i, f := range a.facts {
			if f.Kind != KindNumber || f.Vague || f.Ordinal || claimConcept(f) != "" || f.Concept != "" || specificity(f) < restateMinSpecificity {
				continue
			}
			same := byValue[factKey(f)]
			if len(same) == 0 || !oneConcept(a, same) {
				continue
			}
			x, y := al.nodeOf[node{ai, same[0]}], al.nodeOf[node{ai, i}]
			ry := al.uf.find(y)
			if len(al.members[ry]) == 1 && al.concept[ry] == "" {
				// Alone, it restates that figure's claim: a group of disagreeing values of
				// the claim may take it.
				al.concept[ry] = al.concept[al.uf.find(x)]
			}
			if al.canUnion(x, y) {
				al.union(x, y)
			}
		}
	}
	// Actors: every mention of one canonical actor.
	firstOf := map[string]int{}
	for i, n := range al.nodes {
		f := st.arts[n.art].facts[n.fact]
		if f.Kind != KindActor || actorID(f) == "" {
			continue
		}
		if p, ok := firstOf[actorID(f)]; ok {
			if al.canUnion(p, i) {
				al.union(p, i)
			}
		} else {
			firstOf[actorID(f)] = i
		}
	}

	var out []Alignment
	groups := map[int][]int{}
	var roots []int
	for i := range al.nodes {
		r := al.uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, r := range roots {
		ns := groups[r]
		arts := map[int]bool{}
		var members []Member
		for _, n := range ns {
			if nd := al.nodes[n]; al.furniture[nd.art][nd.fact] {
				// A dateline's day links the versions' mentions of that day (it is what
				// they share most), but states no claim of its own.
				continue
			}
			arts[al.nodes[n].art] = true
			members = append(members, memberOf(st.arts[al.nodes[n].art], al.nodes[n].fact))
		}
		members = append(members, al.extra[r]...)
		if len(arts) < 2 && !al.manual[r] {
			continue
		}
		if len(members) < 2 {
			continue
		}
		sortMembers(members)
		kind := string(st.arts[al.nodes[ns[0]].art].facts[al.nodes[ns[0]].fact].Kind)
		out = append(out, Alignment{ID: alignmentID(kind, members), Story: st.id, Kind: kind,
			Members: members, Manual: al.manual[r], Claim: al.concept[r]})
	}
	out = append(out, alignHighlights(st, al, opts.Highlights)...)
	return out, al
}

// uniqueValueWeight is what each side adds to an exact match of days (or of bare figures)
// when it is its article's only mention of that value.
const uniqueValueWeight = 0.05

// uniqueNumberMinSpecificity is how telling a figure must be (100 or more) for its being
// the only one of its value in both versions to count.
const uniqueNumberMinSpecificity = 0.25

// valueCount counts the number facts of an article with f's value.
func valueCount(a *article, f Fact) int {
	x, ok := numValue(f)
	if !ok {
		return 0
	}
	if a.valueN == nil {
		a.valueN = map[float64]int{}
		for _, g := range a.facts {
			if y, ok := numValue(g); ok && g.Kind == KindNumber {
				a.valueN[y]++
			}
		}
	}
	return a.valueN[x]
}

// dayCount counts the date facts of an article with f's value, day precision only (0 for
// anything else).
func dayCount(a *article, f Fact) int {
	if f.Precision != PrecisionDay || f.Unresolved || strings.Contains(dateValue(f), "/") {
		return 0
	}
	if a.dayN == nil {
		a.dayN = map[string]int{}
		for _, g := range a.facts {
			if g.Kind == KindDate && g.Precision == PrecisionDay && !g.Unresolved {
				a.dayN[dateValue(g)]++
			}
		}
	}
	return a.dayN[dateValue(f)]
}

// pastYearMinAge: a year (or a span of years) recalled as background ends at least this many
// years before the article's publication; the event's own year is named everywhere and says
// nothing. A month is background when it ends before the publication's month starts.
const pastYearMinAge = 2

// pastPeriod reports whether f is a year, a month or a span of them wholly in the past of the
// article (pastYearMinAge).
func pastPeriod(a *article, f Fact) bool {
	if f.Kind != KindDate || f.Precision != PrecisionYear && f.Precision != PrecisionMonth || f.Unresolved {
		return false
	}
	t, ok := publishedAt(a)
	if !ok {
		return false
	}
	_, hi, _, ok := parseDateRange(dateValue(f))
	if !ok {
		return false
	}
	end := time.Unix(int64(hi)*86400, 0).UTC()
	if f.Precision == PrecisionYear {
		return t.Year()-end.Year() >= pastYearMinAge
	}
	return end.Before(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
}

// periodCount counts the year- and month-precise dates of an article with f's value.
func periodCount(a *article, f Fact) int {
	if a.yearN == nil {
		a.yearN = map[string]int{}
		for _, g := range a.facts {
			if g.Kind == KindDate && (g.Precision == PrecisionYear || g.Precision == PrecisionMonth) && !g.Unresolved {
				a.yearN[dateValue(g)]++
			}
		}
	}
	return a.yearN[dateValue(f)]
}

// restateMinSpecificity is how telling a bare figure must be (a thousand or more) to be
// taken for a restatement of the article's figure of that value.
const restateMinSpecificity = 0.35

// oneConcept reports whether the facts (indices into a.facts) share one concept.
func oneConcept(a *article, idx []int) bool {
	for _, i := range idx[1:] {
		if a.facts[i].Concept != a.facts[idx[0]].Concept {
			return false
		}
	}
	return true
}

// telling reports whether a value said twice in one article is surely one claim said twice:
// a figure of a known concept.
// A date said twice is often two events of one day (the attack and the death), so only
// numbers count.
func telling(f Fact) bool {
	c := claimConcept(f)
	return f.Kind == KindNumber && c != "" && !f.Vague && !contextualConcept(c)
}

// matchMember finds the fact nodes an analyst's member names: by fact ID, else by overlap.
func (al *storyAlign) matchMember(artIdx map[string]int, m Member) []int {
	ai, ok := artIdx[m.Article]
	if !ok {
		return nil
	}
	a := al.st.arts[ai]
	var out []int
	for fi, f := range a.facts {
		n, isNode := al.nodeOf[node{ai, fi}]
		if !isNode {
			continue
		}
		if m.Fact != "" {
			if f.ID == m.Fact {
				return []int{n}
			}
			continue
		}
		if f.Start < m.End && m.Start < f.End {
			out = append(out, n)
		}
	}
	return out
}

// alignHighlights aligns analyst highlights of different articles that share a tag and
// cover facts of one alignment group.
func alignHighlights(st *story, al *storyAlign, hs []HighlightSpan) []Alignment {
	artIdx := map[string]int{}
	for i, a := range st.arts {
		artIdx[a.doc.ID] = i
	}
	type hl struct {
		h      HighlightSpan
		art    int
		groups map[int]bool
	}
	var mine []hl
	for _, h := range hs {
		ai, ok := artIdx[h.Article]
		if !ok {
			continue
		}
		g := map[int]bool{}
		for fi, f := range st.arts[ai].facts {
			if f.Start < h.End && h.Start < f.End {
				if r := al.group(ai, fi); r >= 0 {
					g[r] = true
				}
			}
		}
		mine = append(mine, hl{h, ai, g})
	}
	uf := newUnionFind(len(mine))
	for x := range mine {
		for y := x + 1; y < len(mine); y++ {
			if mine[x].art == mine[y].art || !shareTag(mine[x].h.Tags, mine[y].h.Tags) {
				continue
			}
			for g := range mine[x].groups {
				if mine[y].groups[g] {
					if rx, ry := uf.find(x), uf.find(y); rx != ry {
						uf.union(rx, ry)
					}
					break
				}
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range mine {
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []Alignment
	for _, r := range roots {
		if len(groups[r]) < 2 {
			continue
		}
		var members []Member
		for _, i := range groups[r] {
			h := mine[i]
			members = append(members, Member{Article: h.h.Article, Start: h.h.Start, End: h.h.End,
				Text: st.arts[h.art].text(h.h.Start, h.h.End)})
		}
		sortMembers(members)
		out = append(out, Alignment{ID: alignmentID("highlight", members), Story: st.id, Kind: "highlight", Members: members})
	}
	return out
}

func shareTag(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

func sortMembers(ms []Member) {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Article != ms[j].Article {
			return ms[i].Article < ms[j].Article
		}
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
}

// spanKey renders members as the sorted "article:start-end" list IDs are derived from.
func spanKey(kind string, ms []Member) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Article + ":" + itoa(m.Start) + "-" + itoa(m.End)
	}
	sort.Strings(parts)
	return kind + "|" + strings.Join(parts, "|")
}

func alignmentID(kind string, ms []Member) string { return "a-" + shortHash(spanKey(kind, ms), 16) }

func discrepancyID(kind string, ms []Member) string {
	return "d-" + shortHash(spanKey(kind, ms), 16)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// joinDisputedDates adds to an alignment the dates that a date discrepancy of its story
// disputes against it: versions that date one claim differently state one claim, so its facts
// align whatever their values (DESIGN: agreement or conflict is decided afterwards). A
// disputed date joins only when it is in no alignment yet and the discrepancy's other dates
// are all in one alignment; two alignments are never merged this way (a discrepancy about
// "the earthquake" may hold the dates of two tremors of one day).
func joinDisputedDates(als []Alignment, ds []Discrepancy) []Alignment {
	type key struct {
		art        string
		start, end int
	}
	owner := map[key]int{} // member → index of its date alignment in als
	for x, al := range als {
		if al.Kind != string(KindDate) || al.Manual {
			continue
		}
		for _, m := range al.Members {
			owner[key{m.Article, m.Start, m.End}] = x
		}
	}
	add := map[int][]Member{}
	for _, d := range ds {
		if d.Kind != DiscDate {
			continue
		}
		target, ok := -1, true
		var loose []Member
		for _, m := range d.Members {
			x, in := owner[key{m.Article, m.Start, m.End}]
			switch {
			case !in:
				loose = append(loose, m)
			case target < 0:
				target = x
			case x != target:
				ok = false
			}
		}
		if !ok || target < 0 || len(loose) == 0 {
			continue
		}
		arts := map[string]bool{}
		for _, m := range als[target].Members {
			arts[m.Article] = true
		}
		for _, m := range loose {
			if !arts[m.Article] {
				// A version with a date of its own in the claim already keeps it.
				add[target] = append(add[target], m)
			}
		}
	}
	if len(add) == 0 {
		return als
	}
	out := slices.Clone(als)
	for x, ms := range add {
		joined := dedupMembers(append(slices.Clone(out[x].Members), ms...))
		sortMembers(joined)
		out[x].Members = joined
		out[x].ID = alignmentID(out[x].Kind, joined)
	}
	return out
}

// dedupMembers drops members that repeat one span.
func dedupMembers(ms []Member) []Member {
	seen := map[[3]any]bool{}
	out := ms[:0:0]
	for _, m := range ms {
		k := [3]any{m.Article, m.Start, m.End}
		if !seen[k] {
			seen[k] = true
			out = append(out, m)
		}
	}
	return out
}
