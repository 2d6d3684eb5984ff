package compare

import (
	"fmt"
	"sort"
	"strings"
)

// Rule 5 of the spelling check: rule 2 for names in Han characters and Arabic letters, which
// rule 2's five-letter floor leaves out (赖清德 is three characters, دياب four letters).
// Within one article, a name written two ways is a slip when the two ways differ as slips do
// in that script:
//
//   - Han: one character replaced by another with the same Mandarin reading, the typing
//     slip of a pinyin keyboard (赖清得 for 赖清德, 马克隆 for 马克龙), once traditional
//     characters are read as simplified ones (賴清德 is 赖清德).
//   - Arabic: one consonant lost, added or written as one of another sound (بلوت for
//     بلونت), clitics and the article aside; long vowels and hamza seats (ميشال, ميشيل), a
//     letter for the same sound (ت, ط) and the word's first and last letters (a clitic, an
//     ending) are where spellings of one name differ, not slips.
//
// Both ways must name the same actor (the extractor linked them), or, for names no table
// knows, share the other words of the mention (جوزيف بلوت beside جوزيف بلونت). The flag names
// the actor's mentions in the other versions too.

// inScriptMaxOthers caps the mentions in other versions a rule-5 flag names.
const inScriptMaxOthers = 3

// inScriptOcc is one Han or Arabic word of an actor mention.
type inScriptOcc struct {
	fact  int
	w     wordSpan
	key   string   // simplified Han, or the Arabic word
	rest  []string // the mention's other words, so normalised
	id    string
	label string
}

func inScriptSpelling(st *story) []Discrepancy {
	var out []Discrepancy
	for ai, a := range st.arts {
		byKey := map[string][]inScriptOcc{}
		for fi, f := range a.facts {
			if f.Kind != KindActor || f.Type == ActorCountry || actorID(f) == "" {
				continue
			}
			words := wordsIn(a, f.Start, f.End)
			keys := make([]string, len(words))
			for i, w := range words {
				keys[i] = inScriptKey(w.text)
			}
			for i, w := range words {
				if keys[i] == "" {
					continue
				}
				rest := append(append([]string{}, keys[:i]...), keys[i+1:]...)
				label := f.Label
				if label == "" {
					label = actorID(f)
				}
				byKey[keys[i]] = append(byKey[keys[i]], inScriptOcc{fi, w, keys[i], rest, actorID(f), label})
			}
		}
		list := make([]string, 0, len(byKey))
		for k := range byKey {
			list = append(list, k)
		}
		sort.Strings(list)
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				u, v := list[x], list[y]
				if !inScriptSlip(u, v) || !inScriptRelated(byKey[u], byKey[v]) {
					continue
				}
				common, rare := u, v
				if len(byKey[v]) > len(byKey[u]) || len(byKey[v]) == len(byKey[u]) && byKey[v][0].w.start < byKey[u][0].w.start {
					common, rare = v, u
				}
				out = append(out, inScriptFlag(st, ai, byKey[rare], byKey[common][0]))
			}
		}
	}
	return out
}

// inScriptKey normalises a word for rule 5: Han words of two to four characters read
// simplified, Arabic words of three letters or more as written; "" for anything else.
func inScriptKey(w string) string {
	switch {
	case hanLetters(w) == w:
		rs := []rune(w)
		if len(rs) < minPinyinName || len(rs) > maxPinyinName {
			return ""
		}
		simp := loadGazetteer().morph.simplified
		for i, r := range rs {
			if s, ok := simp[r]; ok {
				rs[i] = s
			}
		}
		return string(rs)
	case allArabic(w):
		if len([]rune(w)) < 3 {
			return ""
		}
		return w
	}
	return ""
}

// arabicForms are an Arabic word as written and without what may be a clitic or the
// article (normWord): the ب of بلونت is the name's own letter, the ل of لحداد is not.
func arabicForms(w string) []string {
	if n := normWord(w); n != w {
		return []string{w, n}
	}
	return []string{w}
}

// inScriptSlip reports whether two keys of one script differ as a slip does (see rule 5).
func inScriptSlip(u, v string) bool {
	ru, rv := []rune(u), []rune(v)
	if isHan(ru[0]) != isHan(rv[0]) {
		return false
	}
	if isHan(ru[0]) {
		if len(ru) != len(rv) {
			return false
		}
		diff := -1
		for i := range ru {
			if ru[i] != rv[i] {
				if diff >= 0 {
					return false
				}
				diff = i
			}
		}
		return diff >= 0 && sameReading(ru[diff], rv[diff])
	}
	// Arabic: the same word once a clitic or the article is stripped is no slip; else some
	// pair of forms must differ as a slip, after a first letter they share (a letter more
	// in front is a clitic normWord kept for a short word: بعون).
	fu, fv := arabicForms(u), arabicForms(v)
	for _, x := range fu {
		for _, y := range fv {
			if x == y {
				return false
			}
		}
	}
	for _, x := range fu {
		for _, y := range fv {
			if arabicConsonantSlip([]rune(x), []rune(y)) {
				return true
			}
		}
	}
	return false
}

// sameReading reports whether two Han characters share a toneless Mandarin reading.
func sameReading(a, b rune) bool {
	rd := hanReadings(string([]rune{a, b}))
	if rd == nil {
		return false
	}
	for _, x := range rd[0] {
		for _, y := range rd[1] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// arabicConsonantSlip reports whether two Arabic words differ by one consonant lost, added
// or changed to one of another sound, neither in the first letter nor in the last of either,
// in words of four letters or more (the longer).
func arabicConsonantSlip(u, v []rune) bool {
	if len(u) < len(v) {
		u, v = v, u
	}
	if len(u) < 4 || len(u)-len(v) > 1 {
		return false
	}
	i := 0
	for i < len(v) && u[i] == v[i] {
		i++
	}
	if i == 0 || i >= len(v)-1 && len(u) == len(v) || i >= len(v) {
		return false // the first letter (a clitic), the last (an ending), or no difference
	}
	cu, okU := arabicConsonants[u[i]]
	if len(u) == len(v)+1 {
		// One letter more in u: it must be a consonant, not a doubled one.
		return okU && string(u[i+1:]) == string(v[i:]) && u[i+1] != u[i] && (i == 0 || u[i-1] != u[i])
	}
	cv, okV := arabicConsonants[v[i]]
	if !okU || !okV || string(u[i+1:]) != string(v[i+1:]) {
		return false
	}
	for _, c := range cu {
		if strings.ContainsRune(cv, c) {
			return false // two letters for one sound (ت, ط; س, ص): a convention
		}
	}
	return true
}

// inScriptRelated reports whether the two ways name one actor: some mentions share the id,
// or, for names no table knows, the same other words stand beside them.
func inScriptRelated(us, vs []inScriptOcc) bool {
	for _, p := range us {
		for _, q := range vs {
			if p.id == q.id {
				return true
			}
			if isLocalID(p.id) && isLocalID(q.id) && len(p.rest) > 0 && strings.Join(p.rest, " ") == strings.Join(q.rest, " ") {
				return true
			}
		}
	}
	return false
}

// inScriptFlag builds the flag: the rare way's words, the common way's first word, and the
// first mention of the common way's actor in each other version.
func inScriptFlag(st *story, ai int, rare []inScriptOcc, common inScriptOcc) Discrepancy {
	a := st.arts[ai]
	var ms []Member
	for _, o := range rare {
		ms = append(ms, Member{Article: a.doc.ID, Fact: a.facts[o.fact].ID, Start: o.w.start, End: o.w.end, Text: o.w.text, Value: o.id})
	}
	ms = append(ms, Member{Article: a.doc.ID, Fact: a.facts[common.fact].ID, Start: common.w.start, End: common.w.end,
		Text: common.w.text, Value: common.id})
	var others []string
	for bi, b := range st.arts {
		if bi == ai || len(others) >= inScriptMaxOthers {
			continue
		}
		for j, g := range b.facts {
			if g.Kind == KindActor && actorID(g) == common.id {
				ms = append(ms, memberOf(b, j))
				others = append(others, fmt.Sprintf("%s has %q", b.doc.displayName(), b.text(g.Start, g.End)))
				break
			}
		}
	}
	summary := fmt.Sprintf("%s is written two ways in %s: %q and %q", common.label, a.doc.displayName(), rare[0].w.text, common.w.text)
	if len(others) > 0 {
		summary += " (" + strings.Join(others, "; ") + ")"
	}
	return Discrepancy{ID: discrepancyID(DiscSpelling, ms), Story: st.id, Kind: DiscSpelling, Severity: SeverityMinor,
		Summary: summary, Members: ms, Diff: spellingDiff(common.w.text, rare[0].w.text)}
}
