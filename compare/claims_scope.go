package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"parallax/assets"
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
// sum of money (its flag, its owner) say whose, not where. One pass over the sentences keeps
// it linear in the article's length.
func claimScopes(a *article) []string {
	out := make([]string, len(a.facts))
	var prev []string // per sentence: the scope the paragraph has set before it
	var all []string  // every country some toll of the article is said of
	for i, f := range a.facts {
		if f.Kind != KindNumber || !loadConcepts().cumulative[claimConcept(f)] || i >= len(a.factSent) {
			continue // a ship's length or a pipeline's volume is not counted per country
		}
		if prev == nil {
			prev = paragraphScopes(a)
		}
		si := a.factSent[i]
		switch ids := clauseCountries(a, i); {
		case len(ids) > 0:
			out[i] = scopeKey(ids)
		case saysTotal(a, si):
			out[i] = scopeTotal
			continue
		case si >= 0 && si < len(prev):
			out[i] = prev[si]
		}
		for _, id := range strings.Split(out[i], "+") {
			if id != "" {
				all = appendUnique(all, id)
			}
		}
	}
	// "In both countries" is the sum over the countries the article counts: the same claim
	// as a toll said of "Turkey and Syria" by name.
	for i := range out {
		if out[i] == scopeTotal {
			out[i] = ""
			if len(all) > 1 {
				out[i] = scopeKey(all)
			}
		}
	}
	return out
}

// storyScopes returns claimScopes for every article of a story, each scope keeping only the
// countries that scope some toll in at least two versions. A country one version alone puts
// beside its toll is where the speaker sat ("said by video link from Tunis") or whose the
// agency is, not a place the versions count apart: kept, it set that version's "missing in
// Libya and Tunisia" against every other version's "missing in Libya". Tolls the versions
// do count per country (Turkey, Syria) are named by several of them.
func storyScopes(arts []*article) [][]string {
	out := make([][]string, len(arts))
	versions := map[string]int{}
	for ai, a := range arts {
		out[ai] = claimScopes(a)
		seen := map[string]bool{}
		for _, k := range out[ai] {
			for _, id := range strings.Split(k, "+") {
				if id != "" && !seen[id] {
					seen[id] = true
					versions[id]++
				}
			}
		}
	}
	for _, sc := range out {
		for i, k := range sc {
			if k == "" {
				continue
			}
			var kept []string
			for _, id := range strings.Split(k, "+") {
				if versions[id] >= 2 {
					kept = append(kept, id)
				}
			}
			sc[i] = strings.Join(kept, "+") // already sorted
		}
	}
	return out
}

// scopeTotal marks, while claimScopes runs, a figure its sentence calls a sum over places.
const scopeTotal = "*total"

// paragraphScopes returns, per sentence, the countries (as a scope key) of the nearest
// earlier sentence of its paragraph that names any, "" when none does.
func paragraphScopes(a *article) []string {
	out := make([]string, len(a.sentStart))
	cur := ""
	for s := range a.sentStart {
		if paragraphBreak(a, s) {
			cur = ""
		}
		out[s] = cur
		if ids := countriesOfSentence(a, s); len(ids) > 0 {
			cur = scopeKey(ids)
		}
	}
	return out
}

// clauseCountries lists the countries scoping number fact i within its own sentence: all
// that the sentence names, or, when it gives another figure of the same concept with another
// value (or a bare figure) and names several countries, the one of fact i's clause. A
// sentence that counts place by place keeps one order: "in Turkey 3,100, in Syria 1,700"
// (place first: each figure takes the last country before it) or "3,100 died in Turkey and
// 1,700 in Syria" (figure first: each takes the first country after it).
func clauseCountries(a *article, i int) []string {
	f := a.facts[i]
	var ids []string
	type mention struct {
		id    string
		start int
	}
	var countries []mention
	several := false
	firstFigure := f.Start
	for _, j := range a.sentenceFacts(a.factSent[i]) {
		g := a.facts[j]
		if g.Kind == KindNumber && j != i && !g.Ordinal && (claimConcept(g) == claimConcept(f) || g.Concept == "") && compareValues(f, g) == incompatible {
			// Another figure of the concept, or an elliptical one ("… in Turkey and 1,700
			// in Syria"), with another value: the sentence counts place by place.
			several = true
			firstFigure = min(firstFigure, g.Start)
		}
		if g.Kind != KindActor || g.Type != ActorCountry {
			continue
		}
		if id := actorID(g); id != "" {
			ids = appendUnique(ids, id)
			countries = append(countries, mention{id, g.Start})
		}
	}
	if !several || len(ids) < 2 {
		return ids
	}
	slices.SortFunc(countries, func(x, y mention) int { return x.start - y.start })
	if countries[0].start < firstFigure {
		near := ""
		for _, c := range countries {
			if c.start < f.Start {
				near = c.id
			}
		}
		if near == "" {
			return nil
		}
		return []string{near}
	}
	for _, c := range countries {
		if c.start >= f.End {
			return []string{c.id}
		}
	}
	return nil
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

// totalsTable holds scope-totals.tsv: per language, the lower-case forms that make a figure a
// sum over places.
var loadTotals = sync.OnceValue(func() map[string][]string {
	data, err := assets.Lang.ReadFile("lang/scope-totals.tsv")
	if err != nil {
		panic("compare: embedded scope totals table is missing: " + err.Error())
	}
	out := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 {
			panic("compare: scope totals table: bad line " + line)
		}
		for _, f := range strings.Split(cols[1], "|") {
			if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
				out[cols[0]] = append(out[cols[0]], f)
			}
		}
	}
	return out
})

// saysTotal reports whether sentence s of a calls its figures a sum over places (a form of
// scope-totals.tsv in the article's language). Forms in scripts that glue clitics to words
// (Arabic) or write no spaces (Han) match anywhere; others only as whole words.
func saysTotal(a *article, s int) bool {
	if a.runes == nil || s < 0 || s >= len(a.sentStart) {
		return false
	}
	end := len(a.runes)
	if s+1 < len(a.sentStart) {
		end = a.sentStart[s+1]
	}
	lo := a.sentStart[s]
	if lo < 0 || lo > end || end > len(a.runes) {
		return false
	}
	text := []rune(strings.ToLower(string(a.runes[lo:end])))
	for _, form := range loadTotals()[a.doc.Lang] {
		if containsForm(text, []rune(form)) {
			return true
		}
	}
	return false
}

// containsForm reports whether text holds form; a form starting or ending with a letter of
// a spaced, unglued script must not touch another letter there.
func containsForm(text, form []rune) bool {
	if len(form) == 0 {
		return false
	}
	glued := func(r rune) bool { return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Arabic, r) }
	for i := 0; i+len(form) <= len(text); i++ {
		if !slices.Equal(text[i:i+len(form)], form) {
			continue
		}
		if i > 0 && unicode.IsLetter(text[i-1]) && !glued(form[0]) {
			continue
		}
		if j := i + len(form); j < len(text) && unicode.IsLetter(text[j]) && !glued(form[len(form)-1]) {
			continue
		}
		return true
	}
	return false
}
