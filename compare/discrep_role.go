package compare

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Affiliation discrepancies: the same person introduced as speaking for different
// institutions ("porte-parole du gouvernement, Zhao Lijian" against "представитель МИД
// Китая Чжао Лицзянь"). The institution is read from the few words right before the name,
// with the multilingual word list in analyze_roles.tsv, or from the English label of an
// organisation actor found there.

//go:embed analyze_roles.tsv
var rolesTSV string

type rolePattern struct {
	class string
	pat   []rune
	stem  bool
}

// rolePatterns is parsed once from embedded data and never changed.
var rolePatterns = parseRoles(rolesTSV)

func parseRoles(s string) []rolePattern {
	var out []rolePattern
	for _, line := range strings.Split(s, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cls, pat, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		p := rolePattern{class: cls}
		if strings.HasSuffix(pat, "*") {
			p.stem = true
			pat = strings.TrimSuffix(pat, "*")
		}
		p.pat = []rune(strings.ToLower(pat))
		out = append(out, p)
	}
	return out
}

var roleNames = map[string]string{
	"government": "the government", "foreign_ministry": "the foreign ministry",
	"defence_ministry": "the defence ministry", "presidency": "the presidency", "embassy": "an embassy",
}

// affiliationWindowWords is how many words before a name may hold its affiliation.
const affiliationWindowWords = 5

// roleMatch is an institution found before a name.
type roleMatch struct {
	class      string
	start, end int // rune span in the article
}

// findRole looks for the last institution word in text (lowercased runes) that starts at a
// word boundary; offset maps positions back to the article.
func findRole(text []rune, offset int) (roleMatch, bool) {
	best := roleMatch{start: -1}
	for _, p := range rolePatterns {
		n := len(p.pat)
		for i := 0; i+n <= len(text); i++ {
			if i > 0 && isWordLetter(text[i-1]) {
				continue
			}
			if !runesEqual(text[i:i+n], p.pat) {
				continue
			}
			end := i + n
			if !p.stem && end < len(text) && isWordLetter(text[end]) {
				continue
			}
			for p.stem && end < len(text) && isWordLetter(text[end]) {
				end++
			}
			if i+offset > best.start || i+offset == best.start && end+offset > best.end {
				best = roleMatch{class: p.class, start: i + offset, end: end + offset}
			}
		}
	}
	return best, best.start >= 0
}

// lowerRunes lowercases rune by rune, so offsets into the result are offsets into the input.
func lowerRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

func isWordLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) }

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// affiliation finds the institution a person mention is introduced with.
func affiliation(a *article, pi int) (roleMatch, bool) {
	p := a.facts[pi]
	sentStart := a.sentStart[a.factSent[pi]]
	// Walk back over at most affiliationWindowWords words, not past the sentence start
	// nor past another person.
	start := p.Start
	words := 0
	inWord := false
	for start > sentStart && words <= affiliationWindowWords {
		r := a.runes[start-1]
		// The title belongs to the name only within its noun phrase: stop at clause
		// punctuation, and at a comma unless it is the apposition comma just before the
		// name ("porte-parole du gouvernement, Zhao Lijiang").
		if strings.ContainsRune(".;:!?\"«»“”()", r) || r == ',' && strings.TrimSpace(string(a.runes[start:p.Start])) != "" {
			break
		}
		if isWordLetter(r) {
			if !inWord {
				words++
				inWord = true
			}
		} else {
			inWord = false
		}
		if words > affiliationWindowWords {
			break
		}
		start--
	}
	for i, f := range a.facts {
		if i != pi && f.Kind == KindActor && f.Type == ActorPerson && f.End <= p.Start && f.End > start {
			start = f.End
		}
	}
	var found roleMatch
	ok := false
	// An organisation actor in the window: its English label names the institution.
	for i, f := range a.facts {
		if i == pi || f.Kind != KindActor || f.Start < start || f.End > p.Start {
			continue
		}
		if f.Type != ActorOrg && f.Type != "" {
			continue
		}
		if m, hit := findRole([]rune(strings.ToLower(f.Label+" "+actorID(f))), 0); hit {
			if !ok || f.Start > found.start {
				found, ok = roleMatch{class: m.class, start: f.Start, end: f.End}, true
			}
		}
	}
	window := lowerRunes(a.runes[start:p.Start])
	if m, hit := findRole(window, start); hit && (!ok || m.start > found.start) {
		found, ok = m, true
	}
	return found, ok
}

func affiliationDiscrepancies(st *story) []Discrepancy {
	type aff struct {
		art, fact int
		m         roleMatch
	}
	byActor := map[string][]aff{}
	var ids []string
	for ai, a := range st.arts {
		got := map[string]bool{}
		for i, f := range a.facts {
			if f.Kind != KindActor || f.Type != ActorPerson || actorID(f) == "" || got[actorID(f)] {
				continue
			}
			m, ok := affiliation(a, i)
			if !ok {
				continue
			}
			got[actorID(f)] = true // the first introduction counts
			if _, seen := byActor[actorID(f)]; !seen {
				ids = append(ids, actorID(f))
			}
			byActor[actorID(f)] = append(byActor[actorID(f)], aff{ai, i, m})
		}
	}
	sort.Strings(ids)
	var out []Discrepancy
	for _, id := range ids {
		list := byActor[id]
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				p, q := list[x], list[y]
				if p.m.class == q.m.class {
					continue
				}
				a, b := st.arts[p.art], st.arts[q.art]
				ms := []Member{memberOf(a, p.fact), roleMember(a, p.m), memberOf(b, q.fact), roleMember(b, q.m)}
				summary := fmt.Sprintf("%s is attached to another institution: %s in %s (%q), %s in %s (%q)",
					factLabel(a.facts[p.fact]), roleNames[p.m.class], a.doc.displayName(), a.text(p.m.start, p.m.end),
					roleNames[q.m.class], b.doc.displayName(), b.text(q.m.start, q.m.end))
				out = append(out, Discrepancy{ID: discrepancyID(DiscActor, ms), Story: st.id, Kind: DiscActor,
					Severity: SeverityMinor, Summary: summary, Members: ms})
			}
		}
	}
	return out
}

func roleMember(a *article, m roleMatch) Member {
	return Member{Article: a.doc.ID, Start: m.start, End: m.end, Text: a.text(m.start, m.end)}
}
