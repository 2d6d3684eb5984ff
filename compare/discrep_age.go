package compare

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"parallax/assets"
)

// Age discrepancies: an age and a birth year of one person in one article that do not agree
// ("Abe, 67, … born in 1950"). The age may be stated at the publication date or at the date
// of the event the sentence reports ("killed on 8 July 2022 aged 67"), so it must fit
// neither: the years from birth to the reference, or one fewer (a birthday not yet reached).

// loadBorn reads born.tsv: the words before a birth date.
var loadBorn = sync.OnceValue(func() *conceptLexicon {
	lx, err := compileConcepts(assets.Lang, "lang/born.tsv")
	if err != nil {
		panic("compare: embedded born table is broken: " + err.Error())
	}
	return lx
})

// bornWords is how many words may stand between a birth word and the birth date.
const bornWords = 3

// maxAge bounds the numbers read as ages.
const maxAge = 120

// birthYears lists the date facts of an article written as a birth date ("born in 1954"),
// with the person each belongs to (the nearest person of its sentence, -1 when none).
func birthYears(a *article) map[int]int {
	toks := a.tokens()
	out := map[int]int{}
	cues := loadBorn().findCues(toks, a.doc.Lang)
	for i, f := range a.facts {
		if f.Kind != KindDate || f.Unresolved || f.Inferred || len(dateValue(f)) < 4 || strings.Contains(dateValue(f), "/") {
			continue
		}
		for _, c := range cues {
			cueEnd := toks[c.tj-1].end
			// The cue may end inside the date's span ("sinh năm" of "năm 1954").
			if toks[c.ti].start >= f.Start || cueEnd > f.End || a.factSent[i] != sentOfRune(a, toks[c.ti].start) {
				continue
			}
			between := 0
			for _, t := range toks {
				if t.start >= cueEnd && t.end <= f.Start {
					between++
				}
			}
			if between <= bornWords {
				p, _ := nearestPerson(a, i)
				out[i] = p
				break
			}
		}
	}
	return out
}

// sentOfRune is the sentence index of rune offset r.
func sentOfRune(a *article, r int) int {
	lo, hi := 0, len(a.sentStart)
	for lo < hi {
		m := (lo + hi) / 2
		if a.sentStart[m] <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// nearestPerson returns the person actor of fact i's sentence nearest to it.
func nearestPerson(a *article, i int) (int, bool) {
	best, bestD := -1, 0
	for _, j := range a.sentenceFacts(a.factSent[i]) {
		g := a.facts[j]
		if g.Kind != KindActor || g.Type != ActorPerson {
			continue
		}
		d := abs(g.Start - a.facts[i].Start)
		if best < 0 || d < bestD {
			best, bestD = j, d
		}
	}
	return best, best >= 0
}

// ageOf returns the age a number fact states, false when it is no age: a number the
// concepts read as an age ("67-year-old", "67 岁", "67 عاما"), or a bare number or a number
// of years in apposition right after a person's name ("Abe, 67,", "Abe, 67 ans,", "Abe, de
// 67 años,").
func ageOf(a *article, i int) (int, bool) {
	f := a.facts[i]
	x, ok := numValue(f)
	if f.Kind != KindNumber || !ok || f.Vague || x < 1 || x > maxAge || x != float64(int(x)) || f.Qualifier != "" {
		return 0, false
	}
	if f.Concept == "age" {
		return int(x), true
	}
	if f.Unit != "" && f.Unit != "year" {
		return 0, false
	}
	// Apposition: "Name, 67," with at most a preposition between the comma and the figure.
	for j := i - 1; j >= 0; j-- {
		g := a.facts[j]
		if g.Kind != KindActor {
			continue
		}
		if g.Type != ActorPerson || g.End > f.Start {
			return 0, false
		}
		gap := strings.TrimSpace(a.text(g.End, f.Start))
		if !strings.HasPrefix(gap, ",") && !strings.HasPrefix(gap, "،") {
			return 0, false
		}
		if len([]rune(strings.TrimSpace(strings.TrimLeft(gap, ",،")))) > 3 {
			return 0, false
		}
		after := strings.TrimSpace(a.text(f.End, min(f.End+12, a.nRunes)))
		if f.Unit == "" && !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, ")") {
			return 0, false
		}
		return int(x), true
	}
	return 0, false
}

// ageDiscrepancies flags an age and a birth year of one person that do not agree.
func ageDiscrepancies(storyID string, a *article) []Discrepancy {
	births := birthYears(a)
	if len(births) == 0 {
		return nil
	}
	pubYear := 0
	if d, ok := parseISODay(a.doc.Published); ok {
		pubYear, _, _ = d.date()
	}
	var out []Discrepancy
	for i := range a.facts {
		age, ok := ageOf(a, i)
		if !ok {
			continue
		}
		person, _ := nearestPerson(a, i)
		for _, bi := range sortedIntKeys(births) {
			bp := births[bi]
			// In one sentence the two go together when it names one person at most.
			sameSentence := a.factSent[bi] == a.factSent[i] && personsIn(a, a.factSent[i]) <= 1
			samePerson := person >= 0 && bp >= 0 && actorID(a.facts[person]) == actorID(a.facts[bp])
			if !sameSentence && !samePerson {
				continue
			}
			var by int
			fmt.Sscanf(dateValue(a.facts[bi])[:4], "%d", &by)
			// The references the age may be stated at: the publication, and the dates of
			// the age's sentence (the day of the event it reports).
			refs := []int{pubYear}
			for _, j := range a.sentenceFacts(a.factSent[i]) {
				if g := a.facts[j]; g.Kind == KindDate && j != bi && !g.Unresolved && len(dateValue(g)) >= 4 {
					var y int
					fmt.Sscanf(dateValue(g)[:4], "%d", &y)
					refs = append(refs, y)
				}
			}
			fits := false
			for _, r := range refs {
				if r == 0 || r-by-age == 0 || r-by-age == 1 {
					fits = true
				}
			}
			if fits {
				continue
			}
			ms := []Member{memberOf(a, i), memberOf(a, bi)}
			if bi < i {
				ms[0], ms[1] = ms[1], ms[0]
			}
			who := "a person"
			if samePerson {
				who = factLabel(a.facts[person])
			} else if bp >= 0 {
				who = factLabel(a.facts[bp])
			}
			summary := fmt.Sprintf("%s gives %s's age as %d and the birth year as %d; born in %d, %s was %d or %d in %d",
				a.doc.displayName(), who, age, by, by, who, refs[0]-by-1, refs[0]-by, refs[0])
			out = append(out, Discrepancy{ID: discrepancyID(DiscInternal, ms), Story: storyID, Kind: DiscInternal,
				Severity: SeverityMinor, Summary: summary, Members: ms})
		}
	}
	return out
}

func sortedIntKeys(m map[int]int) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// personsIn counts the different persons sentence si names.
func personsIn(a *article, si int) int {
	ids := map[string]bool{}
	for _, j := range a.sentenceFacts(si) {
		if f := a.facts[j]; f.Kind == KindActor && f.Type == ActorPerson {
			ids[actorID(f)] = true
		}
	}
	return len(ids)
}
