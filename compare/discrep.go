package compare

import (
	"fmt"
	"sort"
	"strings"
)

// Discrepancies within a story.
//
// Precision comes first: each rule asks for positive evidence that two spans state the same
// claim before it says they disagree, and values that agree once precision and qualifiers
// are considered never disagree (compareValues).

const (
	// conflictMinContext is the least context score for two facts with incompatible values
	// to be called the same claim stated differently. Higher than alignMinScore: a wrong
	// alignment hides a little, a wrong discrepancy costs the analyst's trust.
	conflictMinContext = 0.6
	// conflictMinShared is the least number of shared context features behind a conflict.
	conflictMinShared = 2
	// omissionMinArticles and omissionMinShare: a fact most versions carry — at least this
	// many articles and this share of the story — is missed when one version leaves it out.
	omissionMinArticles = 3
	omissionMinShare    = 0.75
)

func storyDiscrepancies(st *story, al *storyAlign) []Discrepancy {
	var out []Discrepancy
	out = append(out, conflicts(st, al)...)
	out = append(out, claimConflicts(st, al)...)
	out = append(out, dateClaimConflicts(st)...)
	out = append(out, roleActorDiscrepancies(st, al)...)
	out = append(out, affiliationDiscrepancies(st)...)
	out = append(out, attributionDiscrepancies(st)...)
	out = append(out, statementDateDiscrepancies(st)...)
	out = append(out, spellingDiscrepancies(st)...)
	out = append(out, omissions(st, al)...)
	vocab := newStoryVocab(st.arts)
	for _, a := range st.arts {
		out = append(out, garbledDiscrepancies(st.id, a, vocab)...)
		out = append(out, conversionDiscrepancies(st.id, a)...)
		out = append(out, headlineDiscrepancies(st.id, a)...)
		out = append(out, weekdayDiscrepancies(st.id, a)...)
		out = append(out, ageDiscrepancies(st.id, a)...)
	}
	return dropSubsumed(out)
}

// dropSubsumed leaves out a flag whose members all stand in another flag of its kind: two
// rules that see one difference (a person in an aligned claim, the holder of a role) would
// otherwise show it twice, and a pair of versions once more for each version that agrees.
func dropSubsumed(ds []Discrepancy) []Discrepancy {
	type span struct {
		art        string
		start, end int
	}
	sets := make([]map[span]bool, len(ds))
	for i, d := range ds {
		sets[i] = map[span]bool{}
		for _, m := range d.Members {
			sets[i][span{m.Article, m.Start, m.End}] = true
		}
	}
	within := func(i, j int) bool {
		if ds[i].Kind != ds[j].Kind || len(sets[i]) > len(sets[j]) {
			return false
		}
		for k := range sets[i] {
			if !sets[j][k] {
				return false
			}
		}
		return true
	}
	out := ds[:0:0]
	for i := range ds {
		drop := false
		for j := range ds {
			// Of two flags with the same members the first stays.
			if j != i && within(i, j) && (len(sets[i]) < len(sets[j]) || j < i) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, ds[i])
		}
	}
	return out
}

// sharedContext lists the context features two facts' sentences share, and how many.
func (s *story) sharedContext(a *article, i int, b *article, j int) []string {
	ka, kb := a.sentKeys[a.factSent[i]], b.sentKeys[b.factSent[j]]
	self1, self2 := factKey(a.facts[i]), factKey(b.facts[j])
	var out []string
	for _, k := range kb {
		if k == self1 || k == self2 {
			continue
		}
		for _, k2 := range ka {
			if k == k2 {
				out = append(out, k)
				break
			}
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if s.ctxW[out[x]] != s.ctxW[out[y]] {
			return s.ctxW[out[x]] > s.ctxW[out[y]]
		}
		return out[x] < out[y]
	})
	return out
}

// conflicts finds date and number facts of two versions that sit in the same claim (strongly
// shared sentence context) but whose values cannot be reconciled, where neither version
// states the other's value in that claim.
func conflicts(st *story, al *storyAlign) []Discrepancy {
	type pair struct {
		ai, i, bi, j int
		ctx          float64
	}
	// Every pair of versions is compared, so what depends on one fact alone is computed once:
	// whether it can be contradicted, its alignment group, and the groups each article has.
	cand := make([][]bool, len(st.arts))
	grp := make([][]int, len(st.arts))
	has := make([]map[int]bool, len(st.arts))
	for ai, a := range st.arts {
		cand[ai] = make([]bool, len(a.facts))
		grp[ai] = make([]int, len(a.facts))
		has[ai] = map[int]bool{}
		for i, f := range a.facts {
			cand[ai][i] = conflictCandidate(f) && !(ai < len(al.furniture) && al.furniture[ai][i])
			grp[ai][i] = al.group(ai, i)
			if grp[ai][i] >= 0 {
				has[ai][grp[ai][i]] = true
			}
		}
	}
	// reaches reports whether fact i of article ai is aligned with anything in article bi.
	reaches := func(ai, i, bi int) bool { return grp[ai][i] >= 0 && has[bi][grp[ai][i]] }
	var out []Discrepancy
	for ai := 0; ai < len(st.arts); ai++ {
		for bi := ai + 1; bi < len(st.arts); bi++ {
			a, b := st.arts[ai], st.arts[bi]
			bestA := map[int]pair{}
			bestB := map[int]pair{}
			for i, f := range a.facts {
				if !cand[ai][i] || reaches(ai, i, bi) {
					continue
				}
				lo, hi := pairRange(len(a.facts), i, len(b.facts))
				for j := lo; j < hi; j++ {
					g := b.facts[j]
					if g.Kind != f.Kind || !cand[bi][j] || reaches(bi, j, ai) {
						continue
					}
					if compareValues(f, g) != incompatible || nightBeside(f, g) {
						continue
					}
					if sameLangUnits(a, f, b, g) == -1 {
						continue
					}
					if f.Kind == KindDate && !st.sameDatedClaim(a, i, b, j) {
						continue // two statements of one speaker on two days are no contradiction
					}
					ctx := st.contextScore(a, i, b, j)
					if ctx < conflictMinContext || len(st.sharedContext(a, i, b, j)) < conflictMinShared {
						continue
					}
					p := pair{ai, i, bi, j, ctx}
					if q, ok := bestA[i]; !ok || ctx > q.ctx {
						bestA[i] = p
					}
					if q, ok := bestB[j]; !ok || ctx > q.ctx {
						bestB[j] = p
					}
				}
			}
			keys := make([]int, 0, len(bestA))
			for i := range bestA {
				keys = append(keys, i)
			}
			sort.Ints(keys)
			for _, i := range keys {
				p := bestA[i]
				if q := bestB[p.j]; q.i != i {
					continue // not each other's best counterpart
				}
				out = append(out, conflictDiscrepancy(st, p.ai, p.i, p.bi, p.j))
			}
		}
	}
	return out
}

// nightBeside reports whether two dates a day apart may be one night: a night given by one
// day ("Wednesday night" read as Wednesday) may be either side of midnight, and the small
// hours of a day ("in der Nacht zum Donnerstag", "в ночь на четверг") are the night that
// began the day before.
func nightBeside(f, g Fact) bool {
	if f.Kind != KindDate || g.Kind != KindDate {
		return false
	}
	lf, hf, _, okF := parseDateRange(dateValue(f))
	lg, hg, _, okG := parseDateRange(dateValue(g))
	if !okF || !okG || lf != hf || lg != hg {
		return false
	}
	return sameNight(f.PartOfDay, lf, g.PartOfDay, lg) || sameNight(g.PartOfDay, lg, f.PartOfDay, lf)
}

// sameNight reports whether day x said with part px may be the same night as day y said
// with part py.
func sameNight(px string, x int, py string, y int) bool {
	switch {
	case px == "night" && abs(x-y) <= 1:
		return true
	case px == "early_morning" && x == y+1:
		return py == "night" || py == "evening" || py == "early_morning"
	}
	return false
}

// conflictCandidate: a fact whose value can be contradicted. Years and spans of years are
// background more often than claims, and a value-less fact has nothing to contradict.
func conflictCandidate(f Fact) bool {
	switch f.Kind {
	case KindDate:
		_, _, prec, ok := parseDateRange(dateValue(f))
		return ok && !f.Unresolved && prec != PrecisionYear
	case KindNumber:
		// A small bare number ("2", "7.4") says too little on its own to contradict another;
		// numbers with a known concept are judged as claims (claimConflicts).
		return specificity(f) > 0 && claimConcept(f) == ""
	}
	return false
}

func conflictDiscrepancy(st *story, ai, i, bi, j int) Discrepancy {
	a, b := st.arts[ai], st.arts[bi]
	f, g := a.facts[i], b.facts[j]
	ctx := st.sharedContext(a, i, b, j)
	var about []string
	for _, k := range ctx {
		if len(about) == 3 {
			break
		}
		if l := keyLabel(st, k); l != "" {
			about = append(about, l)
		}
	}
	kind := DiscDate
	noun := "date"
	if f.Kind == KindNumber {
		kind, noun = DiscNumber, "number"
	}
	summary := fmt.Sprintf("The %s differs in the same claim (with %s): %q = %s in %s, %q = %s in %s",
		noun, strings.Join(about, ", "), f.Text, factLabel(f), a.doc.displayName(), g.Text, factLabel(g), b.doc.displayName())
	ms := []Member{memberOf(a, i), memberOf(b, j)}
	return Discrepancy{ID: discrepancyID(kind, ms), Story: st.id, Kind: kind, Severity: SeverityMajor,
		Summary: summary, Members: ms}
}

// keyLabel names a context feature for a summary.
func keyLabel(st *story, k string) string {
	if len(k) < 3 {
		return ""
	}
	switch k[:2] {
	case "a:":
		for _, a := range st.arts {
			for _, f := range a.facts {
				if f.Kind == KindActor && actorID(f) == k[2:] {
					return factLabel(f)
				}
			}
		}
		return k[2:]
	case "d:":
		return humanDate(k[2:])
	case "n:":
		var x float64
		if _, err := fmt.Sscan(k[2:], &x); err == nil {
			return humanNumber(x)
		}
	case "u:":
		return k[2:]
	}
	return ""
}

// omissions flags a date, number or person that most versions state and one leaves out —
// unless that version states a compatible value anywhere (then it is there, only not
// recognised as the same claim).
func omissions(st *story, al *storyAlign) []Discrepancy {
	n := len(st.arts)
	if n < omissionMinArticles {
		return nil
	}
	groups := map[int][]node{}
	var roots []int
	for i, nd := range al.nodes {
		r := al.uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], nd)
	}
	var out []Discrepancy
	for _, r := range roots {
		nds := groups[r]
		first := st.arts[nds[0].art].facts[nds[0].fact]
		// Only a counted claim (a toll, a magnitude) is checked: a version that gives no
		// figure of that kind at all leaves it out. Names and dates are written in too many
		// ways (a missed Arabic name, an unresolved "that day") for their absence to be
		// evidence, and a flag must be something the analyst wants to see.
		concept := al.concept[r]
		if concept == "" || al.split[r] || contextualConcept(concept) {
			continue // a duration or a count of countries left out is background, not an omission
		}
		has := map[int]int{}
		for _, nd := range nds {
			if _, ok := has[nd.art]; !ok {
				has[nd.art] = nd.fact
			}
		}
		if len(has) < omissionMinArticles || float64(len(has)) < omissionMinShare*float64(n) || len(has) == n {
			continue
		}
		for ai, a := range st.arts {
			if _, ok := has[ai]; ok || statesCompatible(a, first) || statesConcept(a, concept) || statesUnit(a, first.Unit) {
				continue
			}
			var ms []Member
			arts := make([]int, 0, len(has))
			for x := range has {
				arts = append(arts, x)
			}
			sort.Ints(arts)
			var in []string
			for _, x := range arts {
				ms = append(ms, memberOf(st.arts[x], has[x]))
				in = append(in, st.arts[x].doc.displayName())
			}
			// The omitting article takes part as an empty span at its start.
			ms = append(ms, Member{Article: a.doc.ID, Start: 0, End: 0})
			what := fmt.Sprintf("the %s figure (%s)", strings.ReplaceAll(concept, "_", " "), factLabel(first))
			summary := fmt.Sprintf("%s leaves out %s, which %d of %d versions state (%s)",
				a.doc.displayName(), what, len(has), n, strings.Join(in, ", "))
			out = append(out, Discrepancy{ID: discrepancyID(DiscOmission, ms), Story: st.id, Kind: DiscOmission,
				Severity: SeverityMinor, Summary: summary, Members: ms})
		}
	}
	return out
}

// statesUnit reports whether an article gives a figure in a unit of measure (km, t, USD):
// a pipeline of 5,500 km where the others say 8,850 km is a figure that differs, not one
// left out. Words that count people or things are no unit of measure here.
func statesUnit(a *article, unit string) bool {
	if unit == "" || !isUnitCode(unit) {
		return false
	}
	for _, g := range a.facts {
		if g.Kind == KindNumber && g.Unit == unit {
			return true
		}
	}
	return false
}

// isUnitCode: a unit of measure with a conversion (unit-factors.tsv) or money.
func isUnitCode(unit string) bool {
	_, ok := loadUnits()[unit]
	return ok || isCurrencyCode(unit)
}

// statesConcept reports whether an article gives any figure of a concept.
func statesConcept(a *article, concept string) bool {
	for _, g := range a.facts {
		if g.Kind == KindNumber && g.Concept == concept {
			return true
		}
	}
	return false
}

func statesCompatible(a *article, f Fact) bool {
	for _, g := range a.facts {
		if g.Kind != f.Kind {
			continue
		}
		switch compareValues(f, g) {
		case exact, compatible:
			return true
		case unknownCompat:
			if f.Kind == KindDate {
				return true // an unresolved date may well be this one
			}
		}
	}
	return false
}

// roleActorDiscrepancies flags a different person or group in the same role: two aligned
// facts (the same date or number in the same claim) whose sentences each name exactly one
// person (or group), different ones, where neither version names the other's anywhere.
func roleActorDiscrepancies(st *story, al *storyAlign) []Discrepancy {
	seen := map[string]bool{}
	var out []Discrepancy
	groups := map[int][]node{}
	var roots []int
	for i, nd := range al.nodes {
		f := st.arts[nd.art].facts[nd.fact]
		if f.Kind == KindActor {
			continue
		}
		r := al.uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], nd)
	}
	// soleActor scans an article's facts; pairs of nodes ask about the same sentences again
	// and again, so answers are kept.
	type saKey struct {
		art, sent int
		typ       string
	}
	type saVal struct {
		fact int
		ok   bool
	}
	sole := map[saKey]saVal{}
	// The facts of each sentence, per article, so that a question about one sentence does not
	// scan the whole article (quadratic in a long one).
	bySent := make([][][]int, len(st.arts))
	soleOf := func(ai, fact int, typ string) (int, bool) {
		a := st.arts[ai]
		k := saKey{ai, a.factSent[fact], typ}
		v, ok := sole[k]
		if !ok {
			if bySent[ai] == nil {
				bySent[ai] = factsBySentence(a)
			}
			v.fact, v.ok = soleActor(a, bySent[ai][k.sent], typ)
			sole[k] = v
		}
		return v.fact, v.ok
	}
	for _, r := range roots {
		nds := groups[r]
		for x := 0; x < len(nds); x++ {
			for y := x + 1; y < len(nds); y++ {
				if nds[x].art == nds[y].art {
					continue
				}
				a, b := st.arts[nds[x].art], st.arts[nds[y].art]
				if !roleAnchor(st, al, r, a, nds[x].fact, b, nds[y].fact) {
					continue
				}
				for _, typ := range []string{ActorPerson, ActorGroup} {
					pa, okA := soleOf(nds[x].art, nds[x].fact, typ)
					pb, okB := soleOf(nds[y].art, nds[y].fact, typ)
					if !okA || !okB || actorID(a.facts[pa]) == actorID(b.facts[pb]) {
						continue
					}
					if !comparableActors(a.facts[pa], b.facts[pb]) {
						continue
					}
					if names(a, actorID(b.facts[pb])) || names(b, actorID(a.facts[pa])) {
						continue
					}
					ms := []Member{memberOf(a, pa), memberOf(b, pb)}
					id := discrepancyID(DiscActor, ms)
					if seen[id] {
						continue
					}
					seen[id] = true
					claim := a.facts[nds[x].fact]
					summary := fmt.Sprintf("Another %s in the same claim (%s): %s in %s, %s in %s",
						typ, factLabel(claim), factLabel(a.facts[pa]), a.doc.displayName(), factLabel(b.facts[pb]), b.doc.displayName())
					out = append(out, Discrepancy{ID: id, Story: st.id, Kind: DiscActor, Severity: SeverityMajor,
						Summary: summary, Members: ms})
				}
			}
		}
	}
	return out
}

// roleAnchorMinContext is the least context score two aligned facts need before the people
// of their sentences are compared: a date alone is in too many sentences to say they tell
// the same thing.
const roleAnchorMinContext = 0.3

// roleAnchor reports whether two aligned facts say enough on their own that their sentences
// tell the same thing: a telling value (a day, a large figure, a counted claim) that the
// versions agree on, and more shared context than the value itself.
func roleAnchor(st *story, al *storyAlign, root int, a *article, i int, b *article, j int) bool {
	if al.split[root] {
		return false // the values disagree: that is the flag, not who is in the sentence
	}
	f := a.facts[i]
	if claimConcept(f) == "" && specificity(f) < 0.25 {
		return false
	}
	return st.contextScore(a, i, b, j) >= roleAnchorMinContext
}

// comparableActors reports whether two actors can be told apart with confidence: both known
// to the gazetteer or the analyst (a name found only in one text cannot be matched across
// scripts), and not one name written in another order or in part ("Abe Shinzo", "Shinzo
// Abe", "Abe").
func comparableActors(f, g Fact) bool {
	idf, idg := actorID(f), actorID(g)
	if strings.HasPrefix(idf, "local:") || strings.HasPrefix(idg, "local:") {
		return false
	}
	tf := strings.Fields(strings.ToLower(foldAccents(idf)))
	tg := strings.Fields(strings.ToLower(foldAccents(idg)))
	shared := 0
	for _, x := range tf {
		for _, y := range tg {
			if x == y {
				shared++
				break
			}
		}
	}
	return shared == 0
}

// factsBySentence lists the indices of an article's facts per sentence.
func factsBySentence(a *article) [][]int {
	n := 0
	for _, s := range a.factSent {
		n = max(n, s+1)
	}
	out := make([][]int, n)
	for i, s := range a.factSent {
		out[s] = append(out[s], i)
	}
	return out
}

// soleActor returns the only actor of the type named in a sentence, whose facts are inSent.
func soleActor(a *article, inSent []int, typ string) (int, bool) {
	found := -1
	for _, i := range inSent {
		f := a.facts[i]
		if f.Kind != KindActor || f.Type != typ {
			continue
		}
		if found >= 0 && actorID(a.facts[found]) != actorID(f) {
			return -1, false
		}
		if found < 0 {
			found = i
		}
	}
	return found, found >= 0
}

func names(a *article, id string) bool {
	for _, f := range a.facts {
		if f.Kind == KindActor && actorID(f) == id {
			return true
		}
	}
	return false
}

// levenshtein is the edit distance between two rune slices.
func levenshtein(a, b []rune) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	// Short names are the common case: their rows live on the stack.
	var pb, cb [48]int
	prev, cur := pb[:0], cb[:0]
	if len(b)+1 > len(pb) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
