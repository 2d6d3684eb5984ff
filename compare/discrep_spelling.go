package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spelling discrepancies: one actor written differently.
//
// Rules, all conservative (rules 3 to 6 are in discrep_spelling_rare.go,
// discrep_spelling_witness.go, discrep_spelling_inscript.go and discrep_spelling_arabic.go):
//
//  1. A person or group written in Latin script close to, but not exactly as, its canonical
//     English name ("Anthony Blinken" for Antony Blinken, "Zhao Lijiang" for Zhao Lijian):
//     names of people do not change between Latin-script languages, so a near miss is a
//     misspelling. Accents and case are ignored.
//  2. Within one language, a word of an actor's name written two ways that differ inside
//     the word, not only at its end (an ending may be inflection: Китай/Китая), where both
//     words name the same actor or an actor containing it (New Zealand in "the Chinese
//     embassy in New Zealand").
//
// Names in other scripts are not compared with the English form: a transliteration cannot
// tell a misspelling from a convention.

// knownFormConfidence is the extractor confidence from which a surface is a form the
// gazetteer lists for the actor (exactly or without accents); 0 means "not said".
const knownFormConfidence = 0.9

// wordSpan is one word of an article.
type wordSpan struct {
	start, end int
	text       string
}

// wordsIn splits [start,end) of the article into words (letters and marks).
func wordsIn(a *article, start, end int) []wordSpan {
	var out []wordSpan
	i := max(0, start)
	end = min(end, len(a.runes))
	for i < end {
		if !isLetterish(a.runes[i]) {
			i++
			continue
		}
		j := i
		for j < end && isLetterish(a.runes[j]) {
			j++
		}
		out = append(out, wordSpan{i, j, string(a.runes[i:j])})
		i = j
	}
	return out
}

func isLetterish(r rune) bool {
	if uint32(r) < rcLimit {
		return rcTable[r]&rcLetter != 0 || rcTable[r]&rcMarkJoin != 0 && r != '\u200c' && r != '\u200d'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// allLatin reports whether every letter of s is Latin.
func allLatin(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// nearMiss reports whether variant is a small misspelling of word (both folded): one edit,
// or two in a word of eight letters or more. Two edits in a short name are more often
// another language's convention (Lavrov/Lawrow) than a slip.
func nearMiss(word, variant string) (int, bool) {
	a, b := []rune(word), []rune(variant)
	if len(a) < 4 || len(b) < 4 {
		return 0, false
	}
	d := levenshtein(a, b)
	limit := 1
	if max(len(a), len(b)) >= 8 {
		limit = 2
	}
	return d, d >= 1 && d <= limit
}

func spellingDiscrepancies(st *story) []Discrepancy {
	out := canonicalSpelling(st)
	out = append(out, variantSpelling(st)...)
	// Rule 3 leaves alone what rules 1 and 2 already flagged.
	flagged := map[string]bool{}
	for _, d := range out {
		for _, m := range d.Members {
			flagged[m.Article+":"+itoa(m.Start)] = true
		}
	}
	for _, d := range rareSpelling(st) {
		if !flagged[d.Members[0].Article+":"+itoa(d.Members[0].Start)] {
			out = append(out, d)
		}
	}
	// Rules 4 to 6 (discrep_spelling_witness.go, discrep_spelling_inscript.go,
	// discrep_spelling_arabic.go) leave alone what the rules before them flagged.
	for _, rule := range []func(*story) []Discrepancy{witnessSpelling, inScriptSpelling, arabicLostSpelling} {
		for _, d := range out {
			for _, m := range d.Members {
				flagged[m.Article+":"+itoa(m.Start)] = true
			}
		}
		for _, d := range rule(st) {
			if !flagged[d.Members[0].Article+":"+itoa(d.Members[0].Start)] {
				out = append(out, d)
			}
		}
	}
	return out
}

// canonicalSpelling implements rule 1.
func canonicalSpelling(st *story) []Discrepancy {
	type key struct {
		art     int
		id, sur string
	}
	found := map[key][]int{}
	fixed := map[key]string{}
	var keys []key
	for ai, a := range st.arts {
		for i, f := range a.facts {
			if f.Kind != KindActor || (f.Type != ActorPerson && f.Type != ActorGroup) || f.Label == "" {
				continue
			}
			if f.Confidence >= knownFormConfidence {
				// The gazetteer knows this form (Wladimir Putin in German): a convention,
				// not a slip.
				continue
			}
			surface := a.text(f.Start, f.End)
			if !allLatin(f.Label) {
				continue
			}
			var corrected string
			var fixes []string
			var ok, needWitness bool
			switch {
			case allLatin(surface):
				corrected, fixes, ok = correctAgainst(surface, f.Label, a.doc.Lang)
				needWitness = strings.HasPrefix(actorID(f), "local:")
			case allCyrillic(surface):
				// Across scripts the label's spelling must also be the story's: another
				// version writes the corrected word so.
				corrected, fixes, ok = correctAcrossScripts(surface, f.Label, a.doc.Lang)
				needWitness = true
			}
			if !ok || needWitness && !witnessed(st, ai, actorID(f), fixes) {
				continue
			}
			k := key{ai, actorID(f), surface}
			if _, seen := found[k]; !seen {
				keys = append(keys, k)
			}
			found[k] = append(found[k], i)
			fixed[k] = corrected
		}
	}
	var out []Discrepancy
	for _, k := range keys {
		a := st.arts[k.art]
		var ms []Member
		for _, i := range found[k] {
			ms = append(ms, memberOf(a, i))
		}
		var others []string
		for bi, b := range st.arts {
			if bi == k.art {
				continue
			}
			for j, g := range b.facts {
				if g.Kind == KindActor && actorID(g) == k.id {
					ms = append(ms, memberOf(b, j))
					others = append(others, fmt.Sprintf("%s has %q", b.doc.displayName(), b.text(g.Start, g.End)))
					break
				}
			}
		}
		f := a.facts[found[k][0]]
		summary := fmt.Sprintf("%s is misspelt %q in %s", f.Label, k.sur, a.doc.displayName())
		if len(others) > 0 {
			summary += " (" + strings.Join(others, "; ") + ")"
		}
		out = append(out, Discrepancy{ID: discrepancyID(DiscSpelling, ms), Story: st.id, Kind: DiscSpelling,
			Severity: SeverityMinor, Summary: summary, Members: ms, Diff: spellingDiff(diffForm(fixed[k], a.doc.Lang), diffForm(k.sur, a.doc.Lang))})
	}
	return out
}

// witnessed reports whether every corrected word is written that way in another article of
// the story, in a mention of the same actor. A name the gazetteer does not know has only the
// story's own usage to stand against: its label is one of the story's spellings, not a
// reference.
func witnessed(st *story, art int, id string, words []string) bool {
	for _, w := range words {
		fw := foldAccents(w)
		found := false
		for bi, b := range st.arts {
			if bi == art || found {
				continue
			}
			for _, g := range b.facts {
				if g.Kind != KindActor || actorID(g) != id {
					continue
				}
				for _, x := range wordsIn(b, g.Start, g.End) {
					if foldAccents(x.text) == fw {
						found = true
						break
					}
				}
				if found {
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// correctAgainst compares a Latin surface with the canonical label word by word and
// returns the surface with its misspelt words replaced by the label's (and those label
// words), if any word is a near miss — shaped like a slip, not like a press's convention —
// and every other word matches the label exactly.
func correctAgainst(surface, label, lang string) (string, []string, bool) {
	lw := strings.FieldsFunc(label, func(r rune) bool { return !isLetterish(r) })
	sw := strings.FieldsFunc(surface, func(r rune) bool { return !isLetterish(r) })
	if len(sw) == 0 || len(sw) > len(lw) {
		return "", nil, false
	}
	var fixes []string
	replaced := surface
	miss := false
	for _, w := range sw {
		fw := foldAccents(w)
		best, bestD := "", 1<<30
		for _, l := range lw {
			fl := foldAccents(l)
			if fl == fw {
				best, bestD = l, 0
				break
			}
			if d, ok := nearMiss(fl, fw); ok && d < bestD && !inflected(fl, fw, lang) && slipShaped(fl, fw, true) && !conventionalVariant(fl, fw) {
				best, bestD = l, d
			}
		}
		switch {
		case bestD == 0:
		case best != "":
			miss = true
			replaced = strings.Replace(replaced, w, best, 1)
			fixes = append(fixes, best)
		default:
			return "", nil, false // another form of the name (a title, a nickname): not ours to judge
		}
	}
	return replaced, fixes, miss
}

// inflected reports whether variant is word with an ending the language adds to names (the
// German or English genitive s: morph.tsv's name-suffix rows), so it is no misspelling.
func inflected(word, variant, lang string) bool {
	if !strings.HasPrefix(variant, word) {
		return false
	}
	suffix := variant[len(word):]
	for _, s := range loadGazetteer().morph.nameSuffixes[lang] {
		if suffix == s {
			return true
		}
	}
	return false
}

// normWord normalises a word for comparison within one language: Latin accents are folded,
// and a word in Arabic script loses its proclitic and article (morph.tsv's clitic-prefix and
// article rows, the actor matcher's own tables), keeping at least four letters.
func normWord(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	if runeScript(r) != scArabic {
		return foldAccents(w)
	}
	m := loadGazetteer().morph
	strip := func(w, p string) (string, bool) {
		if p != "" && strings.HasPrefix(w, p) && utf8.RuneCountInString(w)-utf8.RuneCountInString(p) >= 4 {
			return w[len(p):], true
		}
		return w, false
	}
	for _, c := range m.clitics { // longest first
		if rest, ok := strip(w, c); ok {
			w = rest
			break
		}
	}
	if rest, ok := strip(w, m.contracted); ok {
		return rest // للصين = ل + الصين: the article's alif is dropped
	}
	w, _ = strip(w, m.article)
	return w
}

// localVariantMinLen is the shortest word in which an unknown name a slip away from a known
// one is taken for it: short names a letter or two apart are as often two names.
const localVariantMinLen = 8

func isLocalID(id string) bool { return strings.HasPrefix(id, "local:") }

// allLocalIDs reports whether every id is a local one (a name no table knows).
func allLocalIDs(ids []string) bool {
	for _, id := range ids {
		if !isLocalID(id) {
			return false
		}
	}
	return len(ids) > 0
}

// variantSpelling implements rule 2.
func variantSpelling(st *story) []Discrepancy {
	type occ struct {
		art   int
		w     wordSpan
		fact  int
		id    string
		label string
		typ   string
	}
	byLang := map[string]map[string][]occ{}
	for ai, a := range st.arts {
		lang := a.doc.Lang
		if byLang[lang] == nil {
			byLang[lang] = map[string][]occ{}
		}
		for i, f := range a.facts {
			if f.Kind != KindActor || actorID(f) == "" {
				continue
			}
			for _, w := range wordsIn(a, f.Start, f.End) {
				n := normWord(w.text)
				if len([]rune(n)) < 5 {
					continue
				}
				label := f.Label
				if label == "" {
					label = actorID(f)
				}
				byLang[lang][n] = append(byLang[lang][n], occ{ai, w, i, actorID(f), label, f.Type})
			}
		}
	}
	allLocal := func(os []occ) bool {
		ids := make([]string, len(os))
		for i, o := range os {
			ids[i] = o.id
		}
		return allLocalIDs(ids)
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var out []Discrepancy
	for _, lang := range langs {
		words := byLang[lang]
		list := make([]string, 0, len(words))
		for w := range words {
			list = append(list, w)
		}
		sort.Strings(list)
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				u, v := list[x], list[y]
				ru, rv := []rune(u), []rune(v)
				if scriptOfWord(u) != scriptOfWord(v) {
					continue
				}
				if _, ok := nearMiss(u, v); !ok || cyrillicVariant(u, v) {
					continue
				}
				// Differences confined to the last two letters may be inflection.
				cp := 0
				for cp < len(ru) && cp < len(rv) && ru[cp] == rv[cp] {
					cp++
				}
				if cp >= min(len(ru), len(rv))-2 {
					continue
				}
				// Both must name the same actor, or one actor inside the other.
				related, sameID := false, false
				for _, p := range words[u] {
					for _, q := range words[v] {
						if p.id == q.id {
							related, sameID = true, true
						} else if strings.Contains(p.label, q.label) || strings.Contains(q.label, p.label) {
							related = true
						} else if p.typ == q.typ && isLocalID(p.id) != isLocalID(q.id) && min(len(ru), len(rv)) >= localVariantMinLen {
							// A name the gazetteer does not know, a slip away from a known
							// name of the same kind in the same language (Карахманмараш
							// beside Кахраманмараш): the unknown one is the known one misspelt.
							related = true
						}
					}
				}
				// Known forms are not exempt here: two spellings of one name within one
				// language are an inconsistency even when both are in use somewhere.
				if !related {
					continue
				}
				// Shaped like a slip, not like two names or a convention (as in rule 3).
				if !slipShaped(u, v, sameID) || scriptOfWord(u) == "Latin" && conventionalVariant(u, v) {
					continue
				}
				common, rare := u, v
				switch lu, lv := allLocal(words[u]), allLocal(words[v]); {
				case len(words[v]) > len(words[u]):
					common, rare = v, u
				case len(words[v]) == len(words[u]) && lu && !lv:
					// As often as each other: the name the gazetteer does not know is the
					// misspelt one.
					common, rare = v, u
				}
				var ms []Member
				var where []string
				for _, o := range words[rare] {
					a := st.arts[o.art]
					ms = append(ms, Member{Article: a.doc.ID, Fact: a.facts[o.fact].ID, Start: o.w.start, End: o.w.end,
						Text: o.w.text, Value: o.id})
					where = appendUnique(where, a.doc.displayName())
				}
				c := words[common][0]
				ca := st.arts[c.art]
				ms = append(ms, Member{Article: ca.doc.ID, Fact: ca.facts[c.fact].ID, Start: c.w.start, End: c.w.end,
					Text: c.w.text, Value: c.id})
				label := words[rare][0].label
				if len(words[common][0].label) < len(label) {
					label = words[common][0].label
				}
				summary := fmt.Sprintf("%s is written two ways: %q in %s and %q in %s", label,
					words[rare][0].w.text, strings.Join(where, ", "), c.w.text, ca.doc.displayName())
				out = append(out, Discrepancy{ID: discrepancyID(DiscSpelling, ms), Story: st.id, Kind: DiscSpelling,
					Severity: SeverityMinor, Summary: summary, Members: ms,
					Diff: spellingDiff(diffForm(c.w.text, lang), diffForm(words[rare][0].w.text, lang))})
			}
		}
	}
	return out
}
