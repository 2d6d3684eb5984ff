package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"parallax/assets"
)

// Date claims: a day stated with the word for what happened on it ("the election on
// Sunday", "ran aground on 23 March", "选举于11日举行") states when that kind of event
// happened. When most versions put it on one day and one version on another day close by,
// the odd one out is a date an analyst wants to check. Each article must give one day for
// the event (an article that dates the quake and its aftershock on two days says nothing
// about which is "the" day), and the majority day must have two articles behind it. A night
// across two days ("the night of 10-11 September") is such a day: another night is another
// date, a day inside it is the same.

// dateClaimMaxDays is the widest gap between two days taken for one event dated
// differently; further apart they are more likely two events (a quake and a later one).
const dateClaimMaxDays = 3

// dateClaimMaxMonthDays is the widest gap when a month is dated ("launched in February",
// "im April begonnen"): a few months apart is a slip, further apart another campaign.
const dateClaimMaxMonthDays = 100

// dateCueClausePenalty is what one clause mark between a date and an event word adds to
// their distance, in runes.
const dateCueClausePenalty = 40

// datedEvent is one date stated with an event word: a day, or a night across two days
// (lo < hi: "the night of 10-11 September", "в ночь с 10 на 11").
type datedEvent struct {
	art, fact int
	lo, hi    int
}

// dayKey is a dated event's day or night.
type dayKey struct{ lo, hi int }

// isMonth reports whether the key is a month ("in February"), not a day or a night.
func (k dayKey) isMonth() bool { return k.hi-k.lo > 1 }

// compatible reports whether two days or nights can be the same: equal, or a day inside a
// night or a month. Two different nights are two different dates even when they share a day
// (10-11 and 11-12 September).
func (k dayKey) compatible(o dayKey) bool {
	switch {
	case k.isMonth() || o.isMonth():
		return k.lo <= o.hi && o.lo <= k.hi
	case k == o:
		return true
	case k.lo == k.hi && o.lo != o.hi:
		return o.lo <= k.lo && k.lo <= o.hi
	case k.lo != k.hi && o.lo == o.hi:
		return k.lo <= o.lo && o.lo <= k.hi
	}
	return false
}

func (k dayKey) String() string {
	if k.lo == k.hi {
		return humanDay(k.lo)
	}
	if k.isMonth() {
		return humanDate(dayISO(k.lo)[:7])
	}
	lo, hi := dayISO(k.lo), dayISO(k.hi)
	if lo[:7] == hi[:7] { // "the night of 10 to 11 September 2023"
		return "the night of " + strings.TrimLeft(lo[8:], "0") + " to " + humanDay(k.hi)
	}
	return "the night of " + humanDay(k.lo) + " to " + humanDay(k.hi)
}

// loadDateEvents reads date-events.tsv: words for a story's main event of any kind
// ("disaster"), cues for the date-claim check only.
var loadDateEvents = sync.OnceValue(func() *conceptLexicon {
	lx, err := compileConcepts(assets.Lang, "lang/date-events.tsv")
	if err != nil {
		panic("compare: embedded date-events table is broken: " + err.Error())
	}
	return lx
})

// dateEventTypes are the types date-events.tsv names.
var dateEventTypes = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, forms := range loadDateEvents().forms {
		for _, e := range forms {
			out[e.concept] = true
		}
	}
	return out
})

// dateCues are the event words a date may be stated with: events.tsv's kinds and
// date-events.tsv's, in text order.
func dateCues(a *article) []conceptCue {
	more := loadDateEvents().findCues(a.tokens(), a.doc.Lang)
	if len(more) == 0 {
		return a.eventCues()
	}
	cues := append(append([]conceptCue(nil), a.eventCues()...), more...)
	sort.SliceStable(cues, func(i, j int) bool { return cues[i].ti < cues[j].ti })
	return cues
}

func dateClaimConflicts(st *story) []Discrepancy {
	lx := loadEventTypes()
	byType := map[string][]datedEvent{}
	// others: the days an article gives its event besides the one it gives most.
	others := map[int][]dayKey{}
	for ai, a := range st.arts {
		if lx.forms[a.doc.Lang] == nil {
			continue
		}
		toks, cues := a.tokens(), dateCues(a)
		if len(cues) == 0 {
			continue
		}
		mine := map[string][]datedEvent{}
		for fi, f := range a.facts {
			if f.Kind != KindDate || f.Unresolved {
				continue
			}
			lo, hi, prec, ok := parseDateRange(dateValue(f))
			if !ok || prec == PrecisionYear || prec == PrecisionDay && hi-lo > 1 ||
				prec == PrecisionMonth && strings.Contains(dateValue(f), "/") {
				continue // a year, a week, a span of months
			}
			typ, dist := nearestEventCueDist(a, fi, toks, cues)
			if dateEventTypes()[typ] && dist > dateEventMaxDistance {
				// A word for "the disaster" dates it only right next to the date ("the
				// disaster struck on the night of…"), not a clause away.
				continue
			}
			if typ != "" {
				mine[typ] = append(mine[typ], datedEvent{ai, fi, lo, hi})
			}
		}
		for typ, evs := range mine {
			// One day for the event in this article (a day inside the night it names is the
			// same), given as its night when it names one.
			one, key := true, evs[0].key()
			for _, e := range evs[1:] {
				switch {
				case !e.key().compatible(key):
					one = false
				case key.isMonth() && !e.key().isMonth(), e.hi == e.lo+1 && key.hi == key.lo:
					// The narrowest: a day within the month, the night a day lies in.
					key = e.key()
				}
			}
			if !one {
				// Several days: the day most of its mentions give is the article's, when one
				// does (the event's word also stands near the day of the inquiry into it);
				// the others are kept to tell whether it knows the story's day.
				if best, ok := mostMentioned(evs); ok {
					var kept []datedEvent
					for _, e := range evs {
						if e.key() == best {
							kept = append(kept, e)
						} else {
							others[ai] = append(others[ai], e.key())
						}
					}
					evs, one, key = kept, true, best
				}
			}
			if one {
				for _, e := range evs {
					e.lo, e.hi = key.lo, key.hi
					byType[typ] = append(byType[typ], e)
				}
			}
		}
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	var out []Discrepancy
	for _, typ := range types {
		evs := byType[typ]
		arts := map[dayKey]map[int]bool{} // day or night → articles
		for _, e := range evs {
			if arts[e.key()] == nil {
				arts[e.key()] = map[int]bool{}
			}
			arts[e.key()][e.art] = true
		}
		if len(arts) < 2 {
			continue
		}
		keys := make([]dayKey, 0, len(arts))
		for k := range arts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].lo != keys[j].lo {
				return keys[i].lo < keys[j].lo
			}
			return keys[i].hi < keys[j].hi
		})
		var major dayKey
		majorN := 0
		for _, k := range keys {
			if len(arts[k]) > majorN {
				major, majorN = k, len(arts[k])
			}
		}
		if majorN < 2 {
			continue
		}
		for _, d := range keys {
			as := arts[d]
			maxGap := dateClaimMaxDays
			if d.isMonth() || major.isMonth() {
				maxGap = dateClaimMaxMonthDays
			}
			if d.compatible(major) || len(as) >= majorN || abs(d.lo-major.lo) > maxGap {
				continue
			}
			if loneNight(st, evs, d, major) || loneNight(st, evs, major, d) {
				// "In der Nacht zum Donnerstag", "в ночь на четверг" is read as Thursday,
				// "Wednesday night" as Wednesday: one night either way.
				continue
			}
			if knowsDay(as, others, major) {
				// The odd version gives the story's day too: an event over two days (a fire
				// at night, put out in the morning), not a contradiction.
				continue
			}
			var ms []Member
			var odd, agree []string
			for _, e := range evs {
				if e.key() == d || e.key() == major {
					ms = append(ms, memberOf(st.arts[e.art], e.fact))
				}
			}
			for ai := range as {
				odd = append(odd, st.arts[ai].doc.displayName())
			}
			for ai := range arts[major] {
				agree = append(agree, st.arts[ai].doc.displayName())
			}
			sort.Strings(odd)
			sort.Strings(agree)
			sortMembers(ms)
			summary := fmt.Sprintf("The %s is dated %s in %s but %s in %s", typ, d,
				strings.Join(odd, ", "), major, strings.Join(agree, ", "))
			out = append(out, Discrepancy{ID: discrepancyID(DiscDate, ms), Story: st.id, Kind: DiscDate,
				Severity: SeverityMajor, Summary: summary, Members: ms, Relation: RelationContradiction, Claim: typ + "_date"})
		}
	}
	return out
}

// mostMentioned returns the day or night most of an article's mentions of an event give,
// false when two tie.
func mostMentioned(evs []datedEvent) (dayKey, bool) {
	n := map[dayKey]int{}
	for _, e := range evs {
		n[e.key()]++
	}
	var best dayKey
	top, tie := 0, false
	for k, c := range n {
		switch {
		case c > top:
			best, top, tie = k, c, false
		case c == top:
			tie = true
		}
	}
	return best, !tie
}

// loneNight reports whether every dated event on day k may be the same night as one on
// day o (nightBeside): a night given by one day ("Wednesday night"), the small hours of the
// day after ("the night to Thursday"); the text does not say which side of midnight.
func loneNight(st *story, evs []datedEvent, k, o dayKey) bool {
	n := 0
	for _, e := range evs {
		if e.key() != k {
			continue
		}
		if k.lo != k.hi || o.lo != o.hi {
			return false
		}
		f := st.arts[e.art].facts[e.fact]
		near := false
		for _, g := range evs {
			if g.key() == o && sameNight(f.PartOfDay, k.lo, st.arts[g.art].facts[g.fact].PartOfDay, o.lo) {
				near = true
				break
			}
		}
		if !near {
			return false
		}
		n++
	}
	return n > 0
}

// knowsDay reports whether one of the articles gives day among the other days it gives an
// event.
func knowsDay(arts map[int]bool, others map[int][]dayKey, day dayKey) bool {
	for ai := range arts {
		for _, k := range others[ai] {
			if k.compatible(day) {
				return true
			}
		}
	}
	return false
}

// sameDatedClaim reports whether date facts i of a and j of b date the same thing, so that
// two different days are a contradiction: the word for what happened (events.tsv) nearest
// each date in its sentence is of one type, or the two sentences share a figure (a number, a
// unit, another date) besides their actors. A shared speaker, organisation or place is not
// enough: Peskov said one thing on Tuesday and another on Wednesday, and two versions that
// each report one of them do not contradict each other.
func (st *story) sameDatedClaim(a *article, i int, b *article, j int) bool {
	if sameDatedEvent(a, i, b, j) {
		return true
	}
	for _, k := range st.sharedContext(a, i, b, j) {
		if !strings.HasPrefix(k, "a:") {
			return true
		}
	}
	return false
}

// sameDatedEvent reports whether date facts i of a and j of b date the same kind of event:
// the word for what happened nearest each date in its sentence is of one type.
func sameDatedEvent(a *article, i int, b *article, j int) bool {
	lx := loadEventTypes()
	if lx.forms[a.doc.Lang] == nil || lx.forms[b.doc.Lang] == nil {
		return false
	}
	ta := nearestEventCue(a, i, a.tokens(), a.eventCues())
	return ta != "" && ta == nearestEventCue(b, j, b.tokens(), b.eventCues())
}

// dateEventMaxDistance is how far, in runes, a date-events.tsv word may be from the date it
// dates.
const dateEventMaxDistance = 24

// nearestEventCue returns the event type of the cue nearest to date fact fi in its
// sentence, "" when the sentence has none.
func nearestEventCue(a *article, fi int, toks []token, cues []conceptCue) string {
	typ, _ := nearestEventCueDist(a, fi, toks, cues)
	return typ
}

// nearestEventCueDist is nearestEventCue with the cue's distance (runes, clause marks
// counted as dateCueClausePenalty each).
func nearestEventCueDist(a *article, fi int, toks []token, cues []conceptCue) (string, int) {
	f := a.facts[fi]
	si := a.factSent[fi]
	lo := a.sentStart[si]
	hi := a.nRunes
	if si+1 < len(a.sentStart) {
		hi = a.sentStart[si+1]
	}
	best, bestD := "", -1
	// Cues are in text order: start at the first one inside the sentence.
	k := sort.Search(len(cues), func(k int) bool { return toks[cues[k].ti].start >= lo })
	for _, c := range cues[k:] {
		s, e := toks[c.ti].start, toks[c.tj-1].end
		if s >= hi {
			break
		}
		if e > hi {
			continue
		}
		// Distance in runes, and a clause mark between them counts as a long way: "held on
		// 10 July, two days after the attack" dates the election, not the attack.
		d, from, to := 0, 0, 0
		switch {
		case e <= f.Start:
			d, from, to = f.Start-e, e, f.Start
		case s >= f.End:
			d, from, to = s-f.End, f.End, s
		}
		for r := from; r < to; r++ {
			if isClauseMark(a.runes[r]) {
				d += dateCueClausePenalty
			}
		}
		if bestD < 0 || d < bestD {
			best, bestD = c.concept, d
		}
	}
	return best, bestD
}

func (e datedEvent) key() dayKey { return dayKey{e.lo, e.hi} }

// humanDay renders a day number (days since 1970-01-01) as "6 February 2023".
func humanDay(d int) string {
	return humanDate(dayISO(d))
}

// loadDateActions reads date-actions.tsv: words for what happened on a day besides the
// story's main event (a death, an arrest, traffic suspended), read only by alignment.
var loadDateActions = sync.OnceValue(func() *conceptLexicon {
	lx, err := compileConcepts(assets.Lang, "lang/date-actions.tsv")
	if err != nil {
		panic("compare: embedded date-actions table is broken: " + err.Error())
	}
	return lx
})

// alignActionMaxDistance is how near an action word must stand to a date to say what
// happened on it: a verb often sits at the far end of its clause from the day ("suspended all
// traffic through the Suez Canal on Thursday").
const alignActionMaxDistance = 60

// dateActionWeight is what two dates said with a word for the same action add to their pair
// score: enough to align the same day when nothing else in the sentences is shared.
const dateActionWeight = 0.1

// datedActions gives each date fact of an article the action (date-actions.tsv) it is said
// with: the type of the nearest action word in its sentence within alignActionMaxDistance,
// "" when there is none (the article must be loaded).
func datedActions(a *article) []string {
	if a.runes == nil {
		return make([]string, len(a.facts))
	}
	return nearDateCues(a, loadDateActions().findCues(a.tokens(), a.doc.Lang), alignActionMaxDistance)
}

// nearDateCues gives each date fact the type of the nearest cue in its sentence when it is
// within maxDist runes.
func nearDateCues(a *article, cues []conceptCue, maxDist int) []string {
	out := make([]string, len(a.facts))
	if len(cues) == 0 {
		return out
	}
	toks := a.tokens()
	for i, f := range a.facts {
		if f.Kind != KindDate {
			continue
		}
		if typ, d := nearestEventCueDist(a, i, toks, cues); typ != "" && d <= maxDist {
			out[i] = typ
		}
	}
	return out
}

// dateEventMaxCueDistance is how near an event word (events.tsv, date-events.tsv) or action
// word (date-actions.tsv) must stand to a date to say the date is that event's.
const dateEventMaxCueDistance = 30

// datedEventTypes gives each date fact of an article the kind of event or action it dates:
// the type of the nearest event or action word in its sentence within
// dateEventMaxCueDistance, "" when there is none (the article must be loaded).
func datedEventTypes(a *article) []string {
	if a.runes == nil {
		return make([]string, len(a.facts))
	}
	cues := append(append([]conceptCue(nil), dateCues(a)...), loadDateActions().findCues(a.tokens(), a.doc.Lang)...)
	sort.SliceStable(cues, func(i, j int) bool { return cues[i].ti < cues[j].ti })
	return nearDateCues(a, cues, dateEventMaxCueDistance)
}

// dateClocks gives each date fact of an article the times of day its sentence gives
// ("at 4:17 a.m. on 6 February", "6日4时17分"), nil when none (the article must be loaded).
func dateClocks(a *article) [][]string {
	out := make([][]string, len(a.facts))
	if a.runes == nil {
		return out
	}
	bySent := map[int][]string{}
	for _, c := range clockTimes(a.runes, a.doc.Lang) {
		si := a.sentenceAt(c.start)
		bySent[si] = appendUnique(bySent[si], c.value)
	}
	for i, f := range a.facts {
		if f.Kind == KindDate {
			out[i] = bySent[a.factSent[i]]
		}
	}
	return out
}

// attachDatedEvents joins a date left alone to the one group whose dates of another
// article say the same kind of event on the same day; failing that, to the one group whose
// dates of that day another article times as its sentence does ("at 4:17 a.m.", "4时17分").
func (al *storyAlign) attachDatedEvents(types [][]string) {
	clocks := make([][][]string, len(al.st.arts))
	byDay := map[string][]node{} // the dates of a day, by value: no scan of every pair
	memo := map[int]int{}        // group → its one article (soleArticle)
	for ai, a := range al.st.arts {
		clocks[ai] = dateClocks(a)
		for i, f := range a.facts {
			if f.Kind == KindDate && dayCount(a, f) > 0 {
				byDay[dateValue(f)] = append(byDay[dateValue(f)], node{ai, i})
			}
		}
	}
	for ai, a := range al.st.arts {
		for i, f := range a.facts {
			if f.Kind != KindDate || al.furniture[ai][i] || dayCount(a, f) == 0 {
				continue
			}
			x := al.nodeOf[node{ai, i}]
			if al.soleArticle(al.uf.find(x), memo) != ai {
				continue
			}
			byType := al.soleDateGroup(ai, i, byDay, memo, func(bi, j int) bool {
				return types[ai][i] != "" && types[ai][i] == types[bi][j]
			})
			if byType == -1 {
				byType = al.soleDateGroup(ai, i, byDay, memo, func(bi, j int) bool {
					for _, c := range clocks[ai][i] {
						if slices.Contains(clocks[bi][j], c) {
							return true
						}
					}
					return false
				})
			}
			if byType >= 0 {
				al.union(x, byType)
				memo[al.uf.find(x)] = -1
			}
		}
	}
}

// soleDateMaxCandidates bounds the dates of one day a lone date is compared with.
const soleDateMaxCandidates = 64

// soleArticle returns the article every fact of group r is of, or -1 when the group spans
// several; memo keeps the answers of this pass (a group that spans several keeps doing so).
func (al *storyAlign) soleArticle(r int, memo map[int]int) int {
	if a, ok := memo[r]; ok {
		return a
	}
	a := -1
	for k, n := range al.members[r] {
		if k == 0 {
			a = al.nodes[n].art
		} else if al.nodes[n].art != a {
			a = -1
			break
		}
	}
	memo[r] = a
	return a
}

// soleDateGroup returns the one group that date fact i of article ai may join: a group
// holding a date of another article on the same day for which same holds. It
// returns -1 when there is none and -2 when there are several.
func (al *storyAlign) soleDateGroup(ai, i int, byDay map[string][]node, memo map[int]int, same func(bi, j int) bool) int {
	f := al.st.arts[ai].facts[i]
	x := al.nodeOf[node{ai, i}]
	target := -1
	same1 := byDay[dateValue(f)]
	if len(same1) > soleDateMaxCandidates {
		return -2 // a day said that often is no telling match
	}
	for _, n := range same1 {
		bi, j := n.art, n.fact
		if bi == ai || al.furniture[bi][j] || !same(bi, j) || compareValues(f, al.st.arts[bi].facts[j]) != exact {
			continue
		}
		r := al.uf.find(al.nodeOf[n])
		if al.soleArticle(r, memo) == bi || r == target || !al.canUnion(x, r) {
			continue
		}
		if target >= 0 {
			return -2
		}
		target = r
	}
	return target
}

// joinDateRestatements joins, within each article, the dates of one day said with a word
// for the same event: one claim stated twice.
func (al *storyAlign) joinDateRestatements() {
	all := make([][]string, len(al.st.arts))
	for ai, a := range al.st.arts {
		all[ai] = datedEventTypes(a)
	}
	defer al.attachDatedEvents(all)
	for ai, a := range al.st.arts {
		types := all[ai]
		first := map[string]int{}
		for i, f := range a.facts {
			if f.Kind != KindDate || types[i] == "" || al.furniture[ai][i] || dayCount(a, f) == 0 {
				continue
			}
			k := dateValue(f) + "|" + types[i]
			p, seen := first[k]
			if !seen {
				first[k] = i
				continue
			}
			x, y := al.nodeOf[node{ai, p}], al.nodeOf[node{ai, i}]
			if len(al.members[al.uf.find(x)]) > 1 && len(al.members[al.uf.find(y)]) > 1 {
				continue
			}
			if al.canUnion(x, y) {
				al.union(x, y)
			}
		}
	}
}
