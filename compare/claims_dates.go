package compare

import (
	"fmt"
	"sort"
	"strings"
)

// Date claims: a day stated with the word for what happened on it ("the election on
// Sunday", "ran aground on 23 March", "选举于11日举行") states when that kind of event
// happened. When most versions put it on one day and one version on another day close by,
// the odd one out is a date an analyst wants to check. Each article must give one day for
// the event (an article that dates the quake and its aftershock on two days says nothing
// about which is "the" day), and the majority day must have two articles behind it.

// dateClaimMaxDays is the widest gap between two days taken for one event dated
// differently; further apart they are more likely two events (a quake and a later one).
const dateClaimMaxDays = 3

// dateCueClausePenalty is what one clause mark between a date and an event word adds to
// their distance, in runes.
const dateCueClausePenalty = 40

type datedEvent struct {
	art, fact int
	day       int
}

func dateClaimConflicts(st *story) []Discrepancy {
	lx := loadEventTypes()
	byType := map[string][]datedEvent{}
	for ai, a := range st.arts {
		if lx.forms[a.doc.Lang] == nil {
			continue
		}
		toks, cues := a.tokens(), a.eventCues()
		if len(cues) == 0 {
			continue
		}
		mine := map[string][]datedEvent{}
		for fi, f := range a.facts {
			if f.Kind != KindDate || f.Unresolved {
				continue
			}
			lo, hi, prec, ok := parseDateRange(dateValue(f))
			if !ok || prec != PrecisionDay || lo != hi {
				continue
			}
			if typ := nearestEventCue(a, fi, toks, cues); typ != "" {
				mine[typ] = append(mine[typ], datedEvent{ai, fi, lo})
			}
		}
		for typ, evs := range mine {
			one := true
			for _, e := range evs[1:] {
				if e.day != evs[0].day {
					one = false
				}
			}
			if one {
				byType[typ] = append(byType[typ], evs...)
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
		arts := map[int]map[int]bool{} // day → articles
		for _, e := range evs {
			if arts[e.day] == nil {
				arts[e.day] = map[int]bool{}
			}
			arts[e.day][e.art] = true
		}
		if len(arts) < 2 {
			continue
		}
		major, majorN := 0, 0
		for d, as := range arts {
			if len(as) > majorN || len(as) == majorN && d < major {
				major, majorN = d, len(as)
			}
		}
		if majorN < 2 {
			continue
		}
		for d, as := range arts {
			if d == major || len(as) >= majorN || abs(d-major) > dateClaimMaxDays {
				continue
			}
			var ms []Member
			var odd, agree []string
			for _, e := range evs {
				if e.day == d || e.day == major {
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
			summary := fmt.Sprintf("The %s is dated %s in %s but %s in %s", typ, humanDay(d),
				strings.Join(odd, ", "), humanDay(major), strings.Join(agree, ", "))
			out = append(out, Discrepancy{ID: discrepancyID(DiscDate, ms), Story: st.id, Kind: DiscDate,
				Severity: SeverityMajor, Summary: summary, Members: ms, Relation: RelationContradiction, Claim: typ + "_date"})
		}
	}
	return out
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

// nearestEventCue returns the event type of the cue nearest to date fact fi in its
// sentence, "" when the sentence has none.
func nearestEventCue(a *article, fi int, toks []token, cues []conceptCue) string {
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
	return best
}

// humanDay renders a day number (days since 1970-01-01) as "6 February 2023".
func humanDay(d int) string {
	return humanDate(dayISO(d))
}
