package compare

import (
	"fmt"
	"strings"
)

// Rule 6 of the spelling check: rule 4 the other way round, an Arabic name that lost a
// consonant its Latin spellings agree on (بلوت where two Latin versions write Blount). Arabic
// writes the consonants of a name, foreign or Arabic, so one the Latin versions all have and
// the Arabic lacks is a slip — unless it is one romanisations add or drop (lostConsonant:
// h-sounds and glides, doubled letters, digraph parts, the article's l, the last letter,
// which covers the silent ends of French names: Laurent, لوران). The Arabic mention must be
// the Latin name word for word, every other word spelt (جوزيف for Joseph), or be linked to
// the same actor; the Latin word must be written so in two articles at least.

// arabicLostMinArticles is how many articles must write the Latin word the Arabic lost a
// consonant of.
const arabicLostMinArticles = 2

func arabicLostSpelling(st *story) []Discrepancy {
	var latins []latinName
	wordArts := map[string]map[int]bool{}
	for ai, a := range st.arts {
		for fi, f := range a.facts {
			surface := a.text(f.Start, f.End)
			if f.Kind != KindActor || !witnessedTypes[f.Type] || actorID(f) == "" || !allLatin(surface) {
				continue
			}
			words := latinSyllableWords(surface)
			latins = append(latins, latinName{ai, fi, actorID(f), surface, words, false})
			for _, w := range words {
				if wordArts[w] == nil {
					wordArts[w] = map[int]bool{}
				}
				wordArts[w][ai] = true
			}
		}
	}
	var out []Discrepancy
	done := map[string]bool{}
	for ai, a := range st.arts {
		for fi, f := range a.facts {
			surface := a.text(f.Start, f.End)
			if f.Kind != KindActor || !witnessedTypes[f.Type] || !allArabic(surface) || done[itoa(ai)+":"+surface] {
				continue
			}
			if f.Confidence >= knownFormConfidence {
				continue // a form the gazetteer lists: the press's own spelling
			}
			aws := strings.FieldsFunc(surface, func(r rune) bool { return !isLetterish(r) })
			for _, l := range latins {
				if l.art == ai || len(l.words) != len(aws) {
					continue
				}
				k, short, ok := arabicLostWord(aws, l.words, len(aws) == 1 && l.id != actorID(f))
				if !ok || len(wordArts[l.words[k]]) < arabicLostMinArticles {
					continue
				}
				done[itoa(ai)+":"+surface] = true
				ms := []Member{memberOf(a, fi)}
				var where []string
				seen := map[int]bool{ai: true}
				for _, m := range latins {
					if seen[m.art] || len(where) >= 3 || !containsWord(m.words, l.words[k]) {
						continue
					}
					seen[m.art] = true
					ms = append(ms, memberOf(st.arts[m.art], m.fact))
					where = append(where, st.arts[m.art].doc.displayName())
				}
				summary := fmt.Sprintf("%q in %s lost a letter of %s: %s write it %q", surface, a.doc.displayName(),
					l.surface, strings.Join(where, ", "), l.surface)
				// The diff shows the Latin name as the Arabic writes it, the lost letter
				// marked (samir b[our→ou]tani): a transliteration of the Arabic would also
				// differ in every unwritten vowel.
				read := append([]string{}, l.words...)
				read[k] = short
				out = append(out, Discrepancy{ID: discrepancyID(DiscSpelling, ms), Story: st.id, Kind: DiscSpelling,
					Severity: SeverityMinor, Summary: summary, Members: ms,
					Diff: spellingDiff(strings.Join(l.words, " "), strings.Join(read, " "))})
				break
			}
		}
	}
	return out
}

// arabicLostWord reports whether the Arabic words write the Latin ones in order, all but one
// spelt (arabicSpells) and that one, k, the Latin word with a consonant lost (short, the
// Latin word so). alone: the mention is one word and another actor's: too little to pair it
// with a Latin name.
func arabicLostWord(arabic, latin []string, alone bool) (k int, short string, ok bool) {
	if alone {
		return 0, "", false
	}
	k = -1
	for i, lw := range latin {
		forms := arabicForms(arabic[i])
		if anySpells(forms, lw) {
			continue
		}
		if k >= 0 || len([]rune(lw)) < witnessMinLetters {
			return 0, "", false
		}
		rs := []rune(lw)
		short = ""
		for j := 1; j < len(rs)-1 && short == ""; j++ {
			s := append(append([]rune{}, rs[:j]...), rs[j+1:]...)
			if lostConsonant(rs, s) && anySpells(forms, string(s)) {
				short = string(s)
			}
		}
		if short == "" {
			return 0, "", false
		}
		k = i
	}
	return k, short, k >= 0
}

func anySpells(forms []string, latin string) bool {
	for _, f := range forms {
		if arabicSpells(f, latin) {
			return true
		}
	}
	return false
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
