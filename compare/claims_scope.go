package compare

import (
	"slices"
	"strings"
)

// Claim scope: a figure's claim includes where it applies. "3,381 dead in Turkey", "1,509 в
// Сирии" and "两国共计5000人" are three claims of one concept (deaths), not three values of
// one. The scope of a number is the countries named in its sentence — the one nearest to it
// when the sentence gives several figures of its concept for several countries ("3,381 in
// Turkey and 1,509 in Syria") — or, when its sentence names none, those of the nearest
// preceding sentence of its paragraph that names one ("In Syria, … . The toll there rose
// to 812."). Scopes come from the actor facts (gazetteer countries in every language), not
// from per-language rules. Alignment never joins two groups of one concept whose scopes
// differ (storyAlign.canUnion).

// claimScopes returns, per fact of a, the scope of its claim as a key (sorted country ids
// joined by "+"), or "" when the fact is no toll or no country scopes it. Only tolls
// (concepts.tsv: cumulative) are counted per place; the countries beside a ship's length or a
// sum of money (its flag, its owner) say whose, not where.
func claimScopes(a *article) []string {
	out := make([]string, len(a.facts))
	for i, f := range a.facts {
		if f.Kind != KindNumber || !loadConcepts().cumulative[claimConcept(f)] || i >= len(a.factSent) {
			continue // a ship's length or a pipeline's volume is not counted per country
		}
		out[i] = scopeOf(a, i)
	}
	return out
}

// scopeOf returns the scope key of number fact i of a.
func scopeOf(a *article, i int) string {
	si := a.factSent[i]
	if ids := clauseCountries(a, i); len(ids) > 0 {
		return scopeKey(ids)
	}
	for s := si - 1; s >= 0 && !paragraphBreak(a, s+1); s-- {
		if ids := countriesOfSentence(a, s); len(ids) > 0 {
			return scopeKey(ids)
		}
	}
	return ""
}

// clauseCountries lists the countries scoping number fact i within its own sentence: all
// that the sentence names, or, when it gives another figure of the same concept with another
// value and names several countries, the one nearest to fact i.
func clauseCountries(a *article, i int) []string {
	f := a.facts[i]
	var ids []string
	var near string
	best := -1
	several := false
	for _, j := range a.sentenceFacts(a.factSent[i]) {
		g := a.facts[j]
		if g.Kind == KindNumber && j != i && claimConcept(g) == claimConcept(f) && compareValues(f, g) == incompatible {
			several = true
		}
		if g.Kind != KindActor || g.Type != ActorCountry {
			continue
		}
		id := actorID(g)
		if id == "" {
			continue
		}
		ids = appendUnique(ids, id)
		d := g.Start - f.End
		if g.End <= f.Start {
			d = f.Start - g.End
		}
		if d < 0 {
			d = 0
		}
		if best < 0 || d < best {
			best, near = d, id
		}
	}
	if several && len(ids) > 1 {
		return []string{near}
	}
	return ids
}

// countriesOfSentence lists the countries sentence s names.
func countriesOfSentence(a *article, s int) []string {
	var ids []string
	for _, j := range a.sentenceFacts(s) {
		g := a.facts[j]
		if g.Kind == KindActor && g.Type == ActorCountry {
			if id := actorID(g); id != "" {
				ids = appendUnique(ids, id)
			}
		}
	}
	return ids
}

// paragraphBreak reports whether sentence s opens a paragraph: a line break stands between
// the start of sentence s-1 and its own start. Without the text, every sentence does.
func paragraphBreak(a *article, s int) bool {
	if s <= 0 || s >= len(a.sentStart) || a.runes == nil {
		return true
	}
	lo, hi := a.sentStart[s-1], a.sentStart[s]
	if lo < 0 || hi > len(a.runes) || lo > hi {
		return true
	}
	return slices.Contains(a.runes[lo:hi], '\n')
}

func scopeKey(ids []string) string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return strings.Join(ids, "+")
}
