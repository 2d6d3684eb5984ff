package compare

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Claims: numbers that count or measure the same thing in the same story state one claim,
// whatever their values. "35 muertos", "61 Tote" and "死亡人数升至12人" all state the death
// toll; they align, and only then are their values compared. A claim's concept comes from
// the cue words around each number (concepts.go); its "whose or where" from the places its
// sentence names; its time from the article's publication instant.

// claimMaxRatio bounds how far apart two values of one claim may be before they are taken
// for two different claims with the same concept (a toll of 5 in one building and 5,000 in
// the country).
const claimMaxRatio = 10

// claimCloseRatio and claimFarMinContext: beyond claimCloseRatio, two values of one concept
// need to be their articles' only such figures, or to share claimFarMinContext of context.
const (
	claimCloseRatio    = 5
	claimFarMinContext = 0.5
)

// claimConceptWeight is what a shared specific concept adds to a pair's score, and
// claimUniqueWeight what each side adds when it is its article's only figure of that concept.
// claimAgreeWeight is what agreeing values add on top of claimConceptWeight.
const (
	claimConceptWeight = 0.3
	claimUniqueWeight  = 0.1
	claimAgreeWeight   = 0.1
)

// claimConcept returns the concept a number states a claim about, or "" when its concept is
// unknown or too generic ("people", "count") to say that two numbers are the same claim.
func claimConcept(f Fact) string {
	if f.Kind != KindNumber || f.Ordinal || f.Vague && f.Magnitude <= 0 {
		return ""
	}
	switch f.Concept {
	case "", "people", "count", "victims", "rank", "rescuers", "floors":
		// Ranks are background far more often than claims that versions state differently;
		// rescuers are counted by team, by country and in all, so two counts are rarely one
		// claim. Durations are claims only with context (contextualConcept).
		return ""
	}
	if _, ok := numValue(f); !ok && !f.Vague {
		return ""
	}
	return f.Concept
}

// contextualConcept reports whether figures of a concept state one claim only when their
// sentences say so: "three years ago" and "for two days" are background far more often than
// claims, but "a three-month state of emergency" and "for six months", said of the same
// announcement, are one claim that the versions state differently.
func contextualConcept(c string) bool { return loadConcepts().contextual[c] }

// unitBound reports whether two figures of a concept are compared only in one unit: measures,
// and the concepts the number grammar's unit codes name (durations in days, months, years).
func unitBound(c string) bool {
	if measureConcept(c) {
		return true
	}
	for _, uc := range loadConcepts().byUnit {
		if uc == c {
			return true
		}
	}
	return false
}

// sameUnitCode reports whether two numbers carry the same unit (the number grammar writes
// one code per unit: km, USD, %): a measure with no unit, or in another unit, is not
// compared (units are not converted across versions).
func sameUnitCode(u, v string) bool {
	return u != "" && strings.EqualFold(u, v)
}

// measureConcept reports whether a concept is measured in units (lengths, areas, money…),
// as opposed to counted.
func measureConcept(c string) bool {
	switch c {
	case "distance", "depth", "length", "height", "width", "area", "volume", "weight", "speed", "money":
		return true
	}
	return false
}

// conceptsClash reports whether two numbers are known to count different things.
func conceptsClash(f, g Fact) bool {
	if f.Kind != KindNumber || f.Concept == "" || g.Concept == "" || f.Concept == g.Concept {
		return false
	}
	generic := func(c string) bool { return c == "people" || c == "count" || c == "victims" }
	if generic(f.Concept) || generic(g.Concept) {
		// "victims" or "people" may be the dead or the injured; only a unit family clash
		// (a percentage against a count of people) is certain.
		fam := loadConcepts().family
		return fam[f.Concept] != "" && fam[g.Concept] != "" && fam[f.Concept] != fam[g.Concept]
	}
	return true
}

// unitOnlyMeasure reports whether a measure's concept may come from its unit alone: a length
// in km or m takes distance or length from the unit ("a pipeline of 8,850 km") unless a cue
// word names its side ("8850 Kilometer lange", "59 m wide"), so it may be another version's
// length, width or depth of the same value.
func unitOnlyMeasure(f Fact) bool {
	lx := loadConcepts()
	return f.Kind == KindNumber && measureConcept(f.Concept) && lx.family[f.Concept] != "" &&
		lx.byUnit[strings.ToLower(f.Unit)] == f.Concept
}

// measuresMayMatch reports whether two measures of different concepts of one family (a
// distance and a length, a length and a width) may state the same thing: in one unit, where
// one side's concept came from the unit alone. Their values must still agree.
func measuresMayMatch(f, g Fact) bool {
	lx := loadConcepts()
	return f.Concept != g.Concept && measureConcept(f.Concept) && measureConcept(g.Concept) &&
		lx.family[f.Concept] != "" && lx.family[f.Concept] == lx.family[g.Concept] &&
		sameUnitCode(f.Unit, g.Unit) && (unitOnlyMeasure(f) || unitOnlyMeasure(g))
}

// placesDiffer reports whether the sentences of two figures are about different places: they
// name different sets of countries (Turkey against Turkey and Syria), or disjoint places.
func placesDiffer(a *article, i int, b *article, j int) bool {
	ca, cb := sentenceActors(a, i, "country"), sentenceActors(b, j, "country")
	if len(ca) > 0 && len(cb) > 0 && !sameSet(ca, cb) {
		return true
	}
	pa, pb := sentenceActors(a, i, "place"), sentenceActors(b, j, "place")
	return len(pa) > 0 && len(pb) > 0 && disjoint(pa, pb)
}

// erasDiffer reports whether the sentences of two figures date them to different times: both
// give dates (of a day or a month) whose years they do not share, or one gives only dates at
// least two years before its article was published (a past event recalled as background: "the
// earthquake of 17 August 1999, which killed 17,000") while the other gives none. A bare year
// says less ("the worst disaster since 1939", "born in 1981") and is not read.
func erasDiffer(a *article, i int, b *article, j int) bool {
	ya, yb := sentenceYears(a, i), sentenceYears(b, j)
	if len(ya) > 0 && len(yb) > 0 {
		return disjointInts(ya, yb)
	}
	return pastOnly(a, ya) || pastOnly(b, yb)
}

// sentenceYears lists the years of the dates of a day or a month in the sentence of fact i.
func sentenceYears(a *article, i int) []int {
	var out []int
	for _, j := range a.sentenceFacts(a.factSent[i]) {
		f := a.facts[j]
		if f.Kind != KindDate || f.Precision != PrecisionDay && f.Precision != PrecisionMonth {
			continue
		}
		v, _ := f.Value.(string)
		if len(v) < 4 {
			continue
		}
		y, err := strconv.Atoi(v[:4])
		if err == nil && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	return out
}

// pastOnly reports whether years is not empty and every year in it is at least two before the
// article's publication.
func pastOnly(a *article, years []int) bool {
	t, ok := publishedAt(a)
	if !ok || len(years) == 0 {
		return false
	}
	for _, y := range years {
		if t.Year()-y < 2 {
			return false
		}
	}
	return true
}

func disjointInts(a, b []int) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// sentenceActors lists, by id, the actors of the given types named in the sentence of fact i.
func sentenceActors(a *article, i int, types ...string) []string {
	var out []string
	for _, j := range a.sentenceFacts(a.factSent[i]) {
		f := a.facts[j]
		if f.Kind != KindActor || !slices.Contains(types, f.Type) {
			continue
		}
		if id := actorID(f); id != "" {
			out = appendUnique(out, id)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	return !someMissing(a, b)
}

// someMissing reports whether some element of a is missing from b.
func someMissing(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// personalConcept reports whether a concept is a property of one person (an age).
func personalConcept(c string) bool { return c == "age" }

func disjoint(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}

// claimPairScore scores two numbers of one concept in two articles whose values disagree;
// ok is false when they are better taken for different claims.
func (s *story) claimPairScore(a *article, i int, b *article, j int) (float64, bool) {
	f, g := a.facts[i], b.facts[j]
	x, _ := numValue(f)
	y, _ := numValue(g)
	ratio := math.Max(x, y) / math.Min(x, y)
	if x <= 0 || y <= 0 || ratio > claimMaxRatio {
		return 0, false
	}
	if unitBound(claimConcept(f)) && !sameUnitCode(f.Unit, g.Unit) {
		// Units are not converted here (30 km and 19 miles), and a measure with no unit may
		// be in another one (a width in metres against a length in miles). Counts carry the
		// counted noun as their unit ("people", "Tote"), which says nothing here.
		return 0, false
	}
	if placesDiffer(a, i, b, j) {
		return 0, false // deaths in Syria, deaths in Turkey, deaths in both
	}
	if statesValue(a, g) || statesValue(b, f) {
		// One version gives both values (the main shock 7.8 and the second 7.5; a ship
		// 400 m long and a span of 59 m): each value pairs with its equal, not the other.
		return 0, false
	}
	if personalConcept(claimConcept(f)) {
		// An age is a person's: two ages of two named people are two claims.
		if pa, pb := sentenceActors(a, i, ActorPerson), sentenceActors(b, j, ActorPerson); len(pa) > 0 && len(pb) > 0 && disjoint(pa, pb) {
			return 0, false
		}
	}
	ctx := s.contextScore(a, i, b, j)
	if contextualConcept(claimConcept(f)) && ctx < claimFarMinContext {
		return 0, false // two durations with little in common are background, not one claim
	}
	pos := positionWeight * (1 - math.Abs(a.position(i)-b.position(j)))
	score := claimConceptWeight + ctx + pos
	// The only figure of its kind in its article (the toll) needs no more context.
	uniqueA, uniqueB := conceptCount(a, f.Concept) == 1, conceptCount(b, g.Concept) == 1
	if uniqueA {
		score += claimUniqueWeight
	}
	if uniqueB {
		score += claimUniqueWeight
	}
	if ratio > claimCloseRatio && !(uniqueA && uniqueB) && ctx < claimFarMinContext {
		// Far apart (a slipped zero: 100,000 for 10,100) is one claim only when each is its
		// article's only figure of the kind, or the sentences say so.
		return 0, false
	}
	return score, true
}

// conceptCount counts the distinct values an article gives for a concept.
func conceptCount(a *article, concept string) int {
	if a.conceptN == nil {
		a.conceptN = map[string]int{}
		seen := map[string]bool{}
		for _, f := range a.facts {
			if f.Kind != KindNumber || f.Concept == "" {
				continue
			}
			x, ok := numValue(f)
			if !ok {
				continue
			}
			k := f.Concept + "|" + strconv.FormatFloat(x, 'g', -1, 64)
			if !seen[k] {
				seen[k] = true
				a.conceptN[f.Concept]++
			}
		}
	}
	return a.conceptN[concept]
}

// publishedAt returns an article's publication instant, ok false when only a day or
// nothing is known.
func publishedAt(a *article) (time.Time, bool) {
	if a.doc.PublishedTime == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, a.doc.PublishedTime)
	return t, err == nil
}

// claimConflicts flags the claims whose aligned values disagree, and says how: a later
// update of a running figure, figures from different sources, or a contradiction.
func claimConflicts(st *story, al *storyAlign) []Discrepancy {
	groups := map[int][]node{}
	var roots []int
	for i, n := range al.nodes {
		f := st.arts[n.art].facts[n.fact]
		if claimConcept(f) == "" || f.Vague {
			continue // a vague quantity ("thousands") aligns with its claim but is not a value to dispute
		}
		r := al.uf.find(i)
		if al.manual[r] {
			continue
		}
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], n)
	}
	sort.Ints(roots)
	// An article that states its figure twice (headline and body) may have each statement
	// matched to a different version; two groups that share a figure of one article are one
	// claim. Groups are joined through an index of (article, concept, value).
	uf := newUnionFind(len(roots))
	owner := map[string]int{}
	for x, r := range roots {
		for _, n := range groups[r] {
			f := st.arts[n.art].facts[n.fact]
			k := strconv.Itoa(n.art) + "|" + claimConcept(f) + "|" + factKey(f) + "|" + f.Qualifier
			if y, ok := owner[k]; ok {
				if rx, ry := uf.find(x), uf.find(y); rx != ry {
					uf.union(rx, ry)
				}
			} else {
				owner[k] = x
			}
		}
	}
	merged := map[int][]node{}
	var order []int
	for x, r := range roots {
		k := uf.find(x)
		if _, ok := merged[k]; !ok {
			order = append(order, k)
		}
		merged[k] = append(merged[k], groups[r]...)
	}
	var out []Discrepancy
	for _, k := range order {
		if d, ok := claimConflict(st, merged[k]); ok {
			out = append(out, d)
		}
	}
	return out
}

// valueCluster is one value of a claim and the facts that state it.
type valueCluster struct {
	rep   Fact
	nodes []node
}

func claimConflict(st *story, ns []node) (Discrepancy, bool) {
	// Values are clustered greedily, so the order is fixed by what the facts say (plain
	// values first, as they make sharper cluster heads than "at least 12 million"; then
	// value, qualifier, language, place in the text), never by how articles are named.
	ns = slices.Clone(ns)
	sort.SliceStable(ns, func(x, y int) bool {
		ax, ay := st.arts[ns[x].art], st.arts[ns[y].art]
		fx, fy := ax.facts[ns[x].fact], ay.facts[ns[y].fact]
		vx, _ := numValue(fx)
		vy, _ := numValue(fy)
		switch {
		case (fx.Qualifier == "") != (fy.Qualifier == ""):
			return fx.Qualifier == ""
		case vx != vy:
			return vx < vy
		case fx.Qualifier != fy.Qualifier:
			return fx.Qualifier < fy.Qualifier
		case ax.doc.Lang != ay.doc.Lang:
			return ax.doc.Lang < ay.doc.Lang
		case ax.doc.Title != ay.doc.Title:
			return ax.doc.Title < ay.doc.Title
		}
		return fx.Start < fy.Start
	})
	var clusters []*valueCluster
	arts := map[int]bool{}
	for _, n := range ns {
		f := st.arts[n.art].facts[n.fact]
		arts[n.art] = true
		placed := false
		for _, c := range clusters {
			if compareValues(c.rep, f) != incompatible {
				c.nodes = append(c.nodes, n)
				placed = true
				break
			}
		}
		if !placed {
			clusters = append(clusters, &valueCluster{rep: f, nodes: []node{n}})
		}
	}
	if len(clusters) < 2 || len(arts) < 2 {
		return Discrepancy{}, false
	}
	// Two values in one article only (headline against body) are an internal matter, not
	// a difference between versions.
	clusterArts := func(c *valueCluster) map[int]bool {
		m := map[int]bool{}
		for _, n := range c.nodes {
			m[n.art] = true
		}
		return m
	}
	// Two versions disagree only when neither states the other's value: an article that
	// gives both (two tremors of 2.1 and 2.3, a ship 400 m long and 59 m wide read as two
	// lengths) speaks of two referents, and its counterpart names one of them.
	// A figure that does not run up (a magnitude, a length) given with both values by some
	// version is two referents in the story (two tremors), not one claim in dispute.
	bothStated := func(x, y *valueCluster) bool {
		if loadConcepts().cumulative[claimConcept(x.rep)] {
			return false // a toll given twice is an update told in one article
		}
		for _, a := range st.arts {
			if statesValue(a, x.rep) && statesValue(a, y.rep) {
				return true
			}
		}
		return false
	}
	crossArticle := false
	for x := range clusters {
		for y := x + 1; y < len(clusters); y++ {
			if bothStated(clusters[x], clusters[y]) {
				continue
			}
			ax, ay := clusterArts(clusters[x]), clusterArts(clusters[y])
			for a := range ax {
				for b := range ay {
					if a != b && !statesValue(st.arts[a], clusters[y].rep) && !statesValue(st.arts[b], clusters[x].rep) {
						crossArticle = true
					}
				}
			}
		}
	}
	if !crossArticle {
		return Discrepancy{}, false
	}
	sort.SliceStable(clusters, func(x, y int) bool {
		vx, _ := numValue(clusters[x].rep)
		vy, _ := numValue(clusters[y].rep)
		return vx < vy
	})
	concept := claimConcept(clusters[0].rep)
	if unitBound(concept) {
		// Measures disagree only in one unit (units are not converted across versions).
		for _, n := range ns {
			if !sameUnitCode(st.arts[n.art].facts[n.fact].Unit, clusters[0].rep.Unit) {
				return Discrepancy{}, false
			}
		}
	}
	relation, why := claimRelation(st, concept, clusters)
	severity := SeverityMajor
	if relation != RelationContradiction {
		severity = SeverityMinor
	}
	var parts []string
	var ms []Member
	for _, c := range clusters {
		var names []string
		seen := map[int]bool{}
		for _, n := range c.nodes {
			ms = append(ms, memberOf(st.arts[n.art], n.fact))
			if !seen[n.art] {
				seen[n.art] = true
				names = append(names, st.arts[n.art].doc.displayName())
			}
		}
		parts = append(parts, fmt.Sprintf("%s in %s", factLabel(c.rep), strings.Join(names, ", ")))
	}
	sortMembers(ms)
	summary := fmt.Sprintf("%s: %s — %s", conceptTitle(concept), strings.Join(parts, "; "), why)
	return Discrepancy{ID: discrepancyID(DiscNumber, ms), Story: st.id, Kind: DiscNumber, Severity: severity,
		Summary: summary, Members: ms, Relation: relation, Claim: concept}, true
}

// statesValue reports whether an article gives a figure of f's claim concept with f's value
// (the same number, or it rounded: 33.3 and 33, 5,310,000 and 5.3 million). Qualifiers do
// not widen it: "at least 12 million" does not state 14 million. An index of the article's
// values and their roundings keeps it a few map lookups, however long the article.
func statesValue(a *article, f Fact) bool {
	x, ok := numValue(f)
	if !ok {
		return false
	}
	if a.stated == nil {
		a.stated = map[string]*statedValues{}
		for _, g := range a.facts {
			c := claimConcept(g)
			y, ok := numValue(g)
			if g.Kind != KindNumber || c == "" || !ok {
				continue
			}
			sv := a.stated[c]
			if sv == nil {
				sv = &statedValues{exact: map[float64][]Fact{}, rounded: map[float64][]float64{}}
				a.stated[c] = sv
			}
			sv.exact[y] = append(sv.exact[y], g)
			for _, r := range roundings(y) {
				sv.rounded[r] = append(sv.rounded[r], y)
			}
		}
	}
	sv := a.stated[claimConcept(f)]
	if sv == nil {
		return false
	}
	if len(sv.exact[x]) > 0 {
		return true
	}
	for _, y := range sv.rounded[x] {
		if !boundExcludes(f, y) {
			return true // a figure of the article rounds to it (not 7,840 for "more than 8,000")
		}
	}
	for _, r := range roundings(x) {
		for _, g := range sv.exact[r] {
			if !boundExcludes(g, x) {
				return true // x rounds to a figure of the article (7,840 is not "more than 8,000")
			}
		}
	}
	return false
}

// statedValues indexes the values an article gives for one concept: as written, and every
// rounding of them with the figures that round to it.
type statedValues struct {
	exact   map[float64][]Fact
	rounded map[float64][]float64
}

// roundings lists a number rounded to each count of significant digits it has, fewest
// first: 7,840 → 8,000, 7,800, 7,840.
func roundings(x float64) []float64 {
	var out []float64
	for k := 1; k < 15; k++ {
		r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', k, 64), 64)
		if err != nil || r == x {
			break
		}
		out = append(out, r)
	}
	return out
}

// claimRelation says why the values of one claim differ. A running figure (a toll) that
// grows from earlier versions to later ones is an update; figures credited to different
// sources are a difference of sources; anything else is a contradiction.
func claimRelation(st *story, concept string, clusters []*valueCluster) (relation, why string) {
	if loadConcepts().cumulative[concept] {
		ok := true
		var prevLatest time.Time
		var chain []string
		for k, c := range clusters {
			earliest, latest := time.Time{}, time.Time{}
			for _, n := range c.nodes {
				t, known := publishedAt(st.arts[n.art])
				if !known {
					ok = false
					break
				}
				if earliest.IsZero() || t.Before(earliest) {
					earliest = t
				}
				if t.After(latest) {
					latest = t
				}
			}
			if !ok {
				break
			}
			if k > 0 && !earliest.After(prevLatest) {
				ok = false
				break
			}
			prevLatest = latest
			chain = append(chain, fmt.Sprintf("%s (%s)", factLabel(c.rep), earliest.UTC().Format("2 Jan 15:04 UTC")))
		}
		if ok {
			return RelationUpdate, "a running figure updated between versions: " + strings.Join(chain, " → ")
		}
	}
	var srcs [][]string
	for _, c := range clusters {
		var s []string
		for _, n := range c.nodes {
			for _, id := range sentenceActors(st.arts[n.art], n.fact, ActorOrg, ActorPerson) {
				s = appendUnique(s, id)
			}
		}
		srcs = append(srcs, s)
	}
	distinct := true
	for x := range srcs {
		if len(srcs[x]) == 0 {
			distinct = false
			break
		}
		for y := x + 1; y < len(srcs); y++ {
			if !disjoint(srcs[x], srcs[y]) {
				distinct = false
			}
		}
	}
	if distinct {
		var named []string
		for _, s := range srcs {
			named = append(named, strings.Join(s, " / "))
		}
		return RelationSource, "the figures come from different sources: " + strings.Join(named, " vs ")
	}
	return RelationContradiction, "the versions contradict each other on the same claim"
}

// conceptTitle names a concept for a summary: "deaths" → "Deaths".
func conceptTitle(c string) string {
	c = strings.ReplaceAll(c, "_", " ")
	if c == "" {
		return "Figure"
	}
	return strings.ToUpper(c[:1]) + c[1:]
}
