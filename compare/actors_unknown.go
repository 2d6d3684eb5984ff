package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Runs of capitalised words the gazetteer does not know, cut into names: the language rules
// (role words, compound endings, connectors, languages that capitalise nouns) come from
// morph.tsv; see unknownNames in names.go for where the names go.

// runEnd extends a run of capitalised words that starts at i: words one space or hyphen
// apart, lower-case connectors between two of them (Cape of Good Hope), and a one-digit
// number after them (Nord Stream 2).
func (g *gazetteer) runEnd(toks []token, rs []rune, used []bool, i int, lang string) int {
	m := g.morph
	t := toks[i]
	next := func(k int) bool {
		return k < len(toks) && !used[k] && nameLike(toks[k]) && toks[k].sc == t.sc &&
			onlySpaceBetween(rs, toks[k-1].end, toks[k].start) && !m.isStop(lang, toks[k].key)
	}
	conn := m.connectors[lang]
	j := i + 1
	for {
		if next(j) {
			j++
			continue
		}
		k := j
		for k < len(toks) && k-j < 2 && !used[k] && conn[toks[k].key] && !toks[k].capFirst &&
			onlySpaceBetween(rs, toks[k-1].end, toks[k].start) {
			k++
		}
		if k > j && next(k) {
			j = k + 1
			continue
		}
		break
	}
	// The lower-case syllable after a hyphen ends an East Asian given name written in two
	// syllables (Ko Wen-je, Hou Yu-ih, Kim Jong-un): the run has a family name and the first
	// syllable (short), and the last part is shaped like one syllable, not an English
	// compound's word (Biden-era, Kremlin-backed).
	if j-i >= 2 && j < len(toks) && !used[j] && toks[j].sc == scLatin && !toks[j].capFirst &&
		toks[j].start == toks[j-1].end+1 && rs[toks[j-1].end] == '-' && !toks[j].gluedNext &&
		utf8.RuneCountInString(toks[j-1].text) <= 5 &&
		romanSyllable(toks[j].key) && (toks[j].end == len(rs) || rs[toks[j].end] != '-') {
		j++
	}
	if j < len(toks) && !used[j] && toks[j].sc == scDigit && utf8.RuneCountInString(toks[j].text) == 1 &&
		onlySpaceBetween(rs, toks[j-1].end, toks[j].start) && !toks[j].gluedNext &&
		(j+1 == len(toks) || toks[j+1].sc != scDigit) && (toks[j].end == len(rs) || !strings.ContainsRune(".,:/", rs[toks[j].end]) ||
		toks[j].end+1 == len(rs) || !unicode.IsDigit(rs[toks[j].end+1])) {
		j++
	}
	return j
}

// romanSyllable reports whether a lower-case word is shaped like one syllable of a
// romanised Chinese or Korean name: at most three consonants, a run of vowels, and at most
// an n, ng or h after them (je, ih, wen, un, yu, ching, hsiung).
func romanSyllable(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 6 { // six letters: hsiung, chiang, shuang
		return false
	}
	rs := []rune(w)
	k := 0
	for k < len(rs) && k < 3 && strings.ContainsRune("bcdfghjklmnpqrstvwxz", rs[k]) {
		k++
	}
	v := k
	for v < len(rs) && strings.ContainsRune("aeiouy", rs[v]) {
		v++
	}
	if v == k {
		return false
	}
	switch string(rs[v:]) {
	case "", "n", "ng", "h":
		return true
	}
	return false
}

// segment is one candidate name inside a run.
type segment struct {
	i, j  int
	role  string // type given by a role word beside it
	alone bool   // a single word may be a name here (after a role word, before a hyphened role)
	// head is the English word of a role word hyphened after the segment that belongs to
	// the name (Wagner-Gruppe, Wagner Group; compound-head in morph.tsv); "" for none.
	head string
	// tail: the lower-case organisation word after the segment (at seg.j) is part of the
	// name (Европейско-Азиатские новости).
	tail bool
}

// segments cuts the run [s, j) at role words (Provinz, Bergungsfirma, Seismologe): they are
// not part of a name and type the name after them. In languages that capitalise nouns a role
// word after the name is cut too (SPD-Politiker), and the word hyphened to it is a name of
// its own. An acronym before a name of two words or more is a name of its own (SCA Osama
// Rabie).
func (g *gazetteer) segments(toks []token, rs []rune, s, j int, lang string) []segment {
	m := g.morph
	s = g.trimNouns(toks, rs, s, j, lang)
	var out []segment
	role, rolePos := "", -1
	if s > 0 && !toks[s].sentStart && onlySpaceBetweenTokens(toks[s-1], toks[s]) {
		// A lower-case role word before the run: "la province de Hatay", "tỉnh Nara".
		p := s - 1
		if p > 0 && m.connectors[lang][toks[p].key] {
			p--
		}
		if !toks[p].capFirst || m.capsNouns[lang] {
			role, rolePos = m.roleOf(lang, toks[p]), p
		}
		// "Энской области Иван Петров": a place word right after a name is that name's
		// (placeAfter below), not a description of the name after it.
		if role == ActorPlace && j-s >= 2 && p > 0 && toks[p-1].capFirst && !m.capsNouns[lang] && !m.isStop(lang, toks[p-1].key) &&
			onlySpaceBetweenTokens(toks[p-1], toks[p]) {
			role = ""
		}
	}
	// "Энской области", "Kurgan region": a lower-case place word right after the run says
	// the name before it is the place, whatever title stands before it. A lone word opening
	// a sentence is more often a common noun (Полиция префектуры Нара).
	placeAfter := j < len(toks) && !(j-s == 1 && toks[s].sentStart) && !m.capsNouns[lang] && !toks[j].capFirst && !toks[j].lineStart &&
		onlySpaceBetweenTokens(toks[j-1], toks[j]) && m.roleOf(lang, toks[j]) == ActorPlace
	orgAfter := j < len(toks) && j > s && !m.capsNouns[lang] && !toks[j].capFirst && !toks[j].lineStart && m.orgCues[toks[j].key] &&
		onlySpaceBetweenTokens(toks[j-1], toks[j]) && m.adjectival(lang, toks[j-1].key)
	start := s
	for k := s; k <= j; k++ {
		r := ""
		if k < j {
			r = m.roleOf(lang, toks[k])
			// "Hatay Province": after a name, the word is part of it; but a person's
			// title between two names parts them (North Carolina Governor Roy Cooper).
			if r != "" && !m.capsNouns[lang] && k > start && (r != ActorPerson || k+1 >= j) {
				r = ""
			}
		}
		if k < j && r == "" {
			continue
		}
		if k > start {
			seg := segment{i: start, j: k, role: role}
			if seg.role == ActorPlace && rolePos >= 0 && g.personRoleBefore(toks, rolePos, lang) && k-start >= 2 && !m.adjectival(lang, toks[start].key) {
				// "Губернатор региона Олег Богомолов", "le maire de la ville Jean Dupont",
				// "Bürgermeister der Stadt Hans Müller": the place word is the complement
				// of a person's title, and the full name after both is the person's (a
				// single word stays the place: мэр города Курган).
				seg.role = ActorPerson
			}
			if k == j && placeAfter {
				seg.role = ActorPlace
			}
			if k == j && orgAfter && seg.role != ActorPlace {
				// "Европейско-Азиатские новости": adjectives and the lower-case noun after
				// them name an outlet, never a person; the noun is part of the name.
				seg.role, seg.alone, seg.tail = ActorOrg, true, true
			}
			if seg.role != "" {
				seg.alone = true
			}
			if r != "" && k > 0 && rs[toks[k-1].end] == '-' {
				seg.alone, seg.role = true, ActorOrg // Boskalis-Chef, SPD-Politiker
				seg.head = m.compoundHeads[lang][toks[k].key]
			}
			out = append(out, g.splitAcronym(toks, seg)...)
		}
		role, rolePos = r, k
		start = k + 1
	}
	return out
}

// personRoleBefore reports whether a person's title (role-person) stands before the place
// word at p, directly (глава района) or across connectors and short lower-case articles (maire
// de la ville, governor of the region).
func (g *gazetteer) personRoleBefore(toks []token, p int, lang string) bool {
	m := g.morph
	for k, hops := p-1, 0; k >= 0 && hops < 3; k, hops = k-1, hops+1 {
		t := toks[k]
		if m.roleOf(lang, t) == ActorPerson {
			return true
		}
		if t.capFirst && !m.capsNouns[lang] || !m.connectors[lang][t.key] && utf8.RuneCountInString(t.key) > 3 {
			return false
		}
		if !onlySpaceBetweenTokens(t, toks[k+1]) && !strings.HasSuffix(t.text, "'") {
			return false
		}
	}
	return false
}

func (g *gazetteer) splitAcronym(toks []token, seg segment) []segment {
	if seg.j-seg.i < 3 || !toks[seg.i].allCaps {
		return []segment{seg}
	}
	for k := seg.i + 1; k < seg.j; k++ {
		if toks[k].allCaps {
			return []segment{seg}
		}
	}
	return []segment{{i: seg.i, j: seg.i + 1, role: ActorOrg, alone: true}, {i: seg.i + 1, j: seg.j, role: seg.role}}
}

// loneName reports whether the capitalised word at i, alone, is a name: an acronym (kept
// only where the text defines it, see definedAcronyms); or, in a Latin-script language that
// writes only names with capitals, a word after a place preposition that the article never
// writes in lower case, outside a headline set in title case.
func (g *gazetteer) loneName(toks []token, i int, lang string, lower map[string]bool, titled []bool) bool {
	m := g.morph
	t := toks[i]
	if t.allCaps {
		return !m.acronymStop[t.key] && utf8.RuneCountInString(t.text) <= 5
	}
	if t.sc != scLatin || m.capsNouns[lang] || lang == "" || titled[i] || lower[t.key] || m.orgCues[t.key] || m.roleOf(lang, t) != "" {
		return false
	}
	if utf8.RuneCountInString(t.text) < 3 || g.adjectiveLike(t) {
		return false
	}
	// A word alone on its line is a heading or a section name (Экономика, Sport).
	if t.lineStart && (i+1 == len(toks) || toks[i+1].lineStart) {
		return false
	}
	// Only a place preposition makes a lone word a name here (in Derna, à Antakya): other
	// lone capitalised words are as often titles, demonyms or sentence openers, and a lone
	// name's id seldom is the actor's canonical one.
	if i == 0 || !m.placePrep[lang][toks[i-1].key] {
		return false
	}
	if !t.sentStart {
		// After a capitalised word one space away the word ends a run cut by a stop word
		// ("Comment Faire", "Lire Aussi"), which is no evidence of a name.
		return i == 0 || !toks[i-1].capFirst || !onlySpaceBetweenTokens(toks[i-1], t)
	}
	for k, o := range toks {
		if k != i && !o.sentStart && o.key == t.key && o.capFirst {
			return true
		}
	}
	return false
}

// nameHead makes an unknown name whose hyphened role word is part of it (Wagner-Gruppe) one
// name with that word, labelled as the English press writes it (Wagner Group), so that it
// is the same actor as the other versions' name with the word (Wagner Group, groupe Wagner
// aside); the role word is the token at seg.j.
func nameHead(nm match, seg segment, toks []token) match {
	if seg.head == "" || nm.actor >= 0 || seg.j >= len(toks) {
		return nm
	}
	nm.j, nm.end = seg.j+1, toks[seg.j].end
	nm.label = nm.label + " " + seg.head
	nm.id = "local:" + FoldForSearch(nm.label)
	return nm
}

// typeOf chooses the type of an unknown name: from a role word beside it, an organisation
// cue or acronym inside it, a place preposition before a lone word; a person otherwise.
func (g *gazetteer) typeOf(toks []token, seg segment, typ, lang string) string {
	if seg.role != "" {
		return seg.role
	}
	if typ == ActorOrg {
		return typ
	}
	// The last word may say what the name is: Hatay Province, Suez Canal Authority.
	if r := g.morph.roleOf(lang, toks[seg.j-1]); r != "" && seg.j-seg.i > 1 {
		return r
	}
	if seg.j-seg.i == 1 {
		if seg.i > 0 && g.morph.placePrep[lang][toks[seg.i-1].key] {
			return ActorPlace
		}
	}
	return typ
}

// localLabel is the English label of an unknown name: Latin names as written (Mehmet
// Yıldız), words in capitals in title case (ANTAKYA → Antakya), other scripts transliterated
// (Cyrillic as the English press spells it: pressLabel).
func localLabel(surface, lang string) string {
	latin := true
	for _, r := range surface {
		if unicode.IsLetter(r) && runeScript(r) != scLatin {
			latin = false
			break
		}
	}
	if !latin {
		return pressLabel(surface)
	}
	if capsOnly(surface) && utf8.RuneCountInString(surface) > 5 {
		return titleCase(surface)
	}
	return strings.Join(strings.Fields(surface), " ")
}

func titleCase(s string) string {
	var b strings.Builder
	first := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if first {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			first = false
			continue
		}
		first = true
		b.WriteRune(r)
	}
	return b.String()
}

// datelines finds the place a dateline names: words in capitals that open a line, followed
// by a comma, a parenthesis or a dash (ANTAKYA (AFP) —, DERNA, Libya —).
func (g *gazetteer) datelines(toks []token, rs []rune, used []bool) []match {
	var out []match

	for i := 0; i < len(toks); i++ {
		if !toks[i].lineStart || used[i] || !toks[i].allCaps || toks[i].sc != scLatin && toks[i].sc != scCyrillic {
			continue
		}
		j := i + 1
		for j < len(toks) && !used[j] && toks[j].allCaps && toks[j].sc == toks[i].sc && onlySpaceBetween(rs, toks[j-1].end, toks[j].start) {
			j++
		}
		end := toks[j-1].end
		k := end
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if k >= len(rs) || !strings.ContainsRune(",(—–-", rs[k]) || j-i > 3 {
			continue
		}
		surface := string(rs[toks[i].start:end])
		if utf8.RuneCountInString(surface) < 3 || g.morph.acronymStop[toks[i].key] {
			continue
		}
		for x := i; x < j; x++ {
			used[x] = true
		}
		out = append(out, match{i: i, j: j, start: toks[i].start, end: end, actor: -1,
			id: "local:" + FoldForSearch(surface), label: titleCase(surface), typ: ActorPlace, conf: confUnknown})
		i = j - 1
	}
	return out
}

// titleCaseLines marks the tokens of lines written in title case (a headline: "Quake Kills
// Thousands In Turkey"), where a capital does not make a word a name.
func titleCaseLines(toks []token) []bool {
	out := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && !toks[j].lineStart {
			j++
		}
		words, caps := 0, 0
		for k := i; k < j; k++ {
			if (toks[k].sc == scLatin || toks[k].sc == scCyrillic) && utf8.RuneCountInString(toks[k].text) >= 4 {
				words++
				if toks[k].capFirst {
					caps++
				}
			}
		}
		if words >= 6 && caps*10 >= words*6 {
			for k := i; k < j; k++ {
				out[k] = true
			}
		}
		i = j
	}
	return out
}

func onlySpaceBetweenTokens(a, b token) bool { return b.start-a.end == 1 && !b.glued }

// adjectiveLike reports whether a capitalised word is formed on a country or place name the
// gazetteer knows (Libyan, European, Yugoslav): an adjective or demonym, not a name.
func (g *gazetteer) adjectiveLike(t token) bool {
	rs := []rune(t.fold)
	for n := len(rs); n >= 4 && len(rs)-n <= 5; n-- {
		// The ending of a demonym starts with a vowel: Liby-an, Europ-ean, Yugoslav.
		if g.placeStems[string(rs[:n])] && (n == len(rs) || strings.ContainsRune("aeiouy", rs[n])) {
			return true
		}
	}
	return false
}

// definedAcronyms gives an unknown acronym the actor of the name it abbreviates where the
// text defines it: "Suez Canal Authority (SCA)" makes every SCA that authority. An acronym
// the text does not define is left out: its id would be no actor's.
func definedAcronyms(toks []token, rs []rune, ms, out []match) []match {
	var def map[string]match
	at := func(list []match) {
		for _, m := range list {
			k := m.j
			if m.adj || m.product || k+1 > len(toks) || k >= len(toks) || !toks[k].allCaps {
				continue
			}
			if gap := string(rs[m.end:toks[k].start]); gap != " (" && gap != "(" {
				continue
			}
			if toks[k].end >= len(rs) || rs[toks[k].end] != ')' {
				continue
			}
			if def == nil {
				def = map[string]match{}
			}
			if _, ok := def[toks[k].key]; !ok {
				def[toks[k].key] = m
			}
		}
	}
	at(ms)
	at(out)
	kept := out[:0]
	for _, o := range out {
		if o.j-o.i != 1 || !toks[o.i].allCaps || !strings.HasPrefix(o.id, "local:") || o.typ == ActorPlace {
			kept = append(kept, o)
			continue
		}
		if d, ok := def[toks[o.i].key]; ok {
			o.actor, o.id, o.label, o.typ = d.actor, d.id, d.label, d.typ
			kept = append(kept, o)
		}
	}
	return kept
}

// nounLexicon tells common nouns from names in a language that capitalises every noun
// (caps-nouns in morph.tsv), from its word list (assets/lang/words) and caps-nouns.tsv.
type nounLexicon struct {
	words      map[string]bool // the frequent words
	nouns      map[string]bool // those that are common nouns
	adjSuffix  []string        // endings that make a word an adjective (-sch, -lich)
	declension []string        // the endings an adjective takes (morph.tsv adj-declension)
}

// declined counts the declined forms of the adjective stem the word list has (gut: gute,
// guten, guter, gutes, gutem).
func (nl *nounLexicon) declined(stem string) int {
	n := 0
	for _, e := range nl.declension {
		if nl.words[stem+e] {
			n++
		}
	}
	return n
}

// adjective reports whether the word, or the word less a declension ending, has at least
// forms of its declined forms in the list.
func (nl *nounLexicon) adjective(w string, forms int) bool {
	if nl.declined(w) >= forms {
		return true
	}
	for _, e := range nl.declension {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 3 && nl.declined(stem) >= forms {
			return true
		}
	}
	return false
}

// commonNouns holds, per language that capitalises nouns, its nounLexicon: where every noun
// has a capital, a run of capitalised words may hold nouns that are no part of a name
// ("Colonial Lösegeld" is Colonial and a ransom). A frequent word is a noun when:
//   - no other Latin-script language's list has it: a word the lists share is as often a
//     name or a loanword (Peter, Berlin, Club, Hotel);
//   - it is no adjective: four or more of its five declined forms are in the list (gute,
//     guten, guter, gutes); verbs have three (arbeite, arbeiten, Arbeiter);
//   - it has four letters or more.
var commonNouns = sync.OnceValue(func() map[string]*nounLexicon {
	g := loadGazetteer()
	lex := loadWordRules().lexicon
	suffixes := map[string][]string{}
	for _, line := range embeddedLines("lang/words/caps-nouns.tsv") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("compare: caps-nouns.tsv: want language, kind and values: " + line)
		}
		switch f[1] {
		case "adjective-suffixes":
			suffixes[f[0]] = append(suffixes[f[0]], strings.Fields(f[2])...)
		default:
			panic("compare: caps-nouns.tsv: unknown kind " + f[1])
		}
	}
	out := map[string]*nounLexicon{}
	for lang := range g.morph.capsNouns {
		words := lex[lang]
		if words == nil {
			continue
		}
		nl := &nounLexicon{words: words, nouns: map[string]bool{}, adjSuffix: suffixes[lang],
			declension: g.morph.declension[lang]}
	word:
		for w := range words {
			if utf8.RuneCountInString(w) < 4 || nl.adjective(w, 4) {
				continue
			}
			for other, ow := range lex {
				if other != lang && ow[w] && latinLexicon(other) {
					continue word
				}
			}
			nl.nouns[w] = true
		}
		out[lang] = nl
	}
	return out
})

// latinLexicon reports whether a word list is of a Latin-script language (its words may be
// spelt like another Latin-script language's names).
func latinLexicon(lang string) bool {
	switch lang {
	case "ar", "ru", "zh":
		return false
	}
	return true
}

// commonNoun reports whether the capitalised token t is one of the language's common nouns;
// with compound set, also a compound whose last part is one of five letters or more, with
// three letters or more before it (Schiffsagenten, Erdbebenwarte; shorter heads such as Mann
// or Berg end family and place names: Zimmermann, Heidelberg).
func commonNoun(lang string, t token, compound bool) bool {
	nl := commonNouns()[lang]
	if nl == nil || t.sc != scLatin || !t.capFirst || t.allCaps {
		return false
	}
	if nl.nouns[t.key] {
		return true
	}
	if !compound {
		return false
	}
	rs := []rune(t.key)
	for k := 3; k+5 <= len(rs); k++ {
		if nl.nouns[string(rs[k:])] {
			return true
		}
	}
	return false
}

// capitalAdjective reports whether the capitalised token t is an adjective of a language
// that capitalises nouns: a frequent one (three declined forms in the list: Freie), or one
// with an adjective's ending before its declension ending (Schwedische, Nationale).
func capitalAdjective(lang string, t token) bool {
	nl := commonNouns()[lang]
	if nl == nil || t.sc != scLatin {
		return false
	}
	if nl.adjective(t.key, 3) {
		return true
	}
	for _, e := range nl.declension {
		stem, ok := strings.CutSuffix(t.key, e)
		if !ok {
			continue
		}
		for _, s := range nl.adjSuffix {
			if strings.HasSuffix(stem, s) && utf8.RuneCountInString(stem) > utf8.RuneCountInString(s)+2 {
				return true
			}
		}
	}
	return false
}

// trimNouns cuts the common nouns off the start of the run [s, j) in a language that
// capitalises nouns: a noun before the name describes it (Schiffsagenten Leth Agencies), and a
// noun hyphened to the word after it makes a compound noun with it (Benzin-Pipeline). The
// end of the run is left alone: a family name may be a noun (Tim Sauer, Eva Richter).
func (g *gazetteer) trimNouns(toks []token, rs []rune, s, j int, lang string) int {
	for j-s >= 2 && toks[s+1].capFirst && g.describingNoun(lang, toks[s]) {
		if rs[toks[s].end] == '-' && !g.nameWord(lang, toks[s+1]) {
			s++ // the compound's head goes with it
		}
		s++
	}
	return s
}

// describingNoun reports whether the capitalised token t is a common noun that describes a
// name beside it rather than being part of it, in a language that capitalises nouns (die
// Staatsanwaltschaft Köln, die Schiffsagenten Leth Agencies): a common noun (commonNoun,
// compounds too) that is no capitalised adjective (it starts a name: Freie Universität) and
// no word of a name (nameWord).
func (g *gazetteer) describingNoun(lang string, t token) bool {
	return g.morph.capsNouns[lang] && commonNoun(lang, t, true) && !capitalAdjective(lang, t) && !g.nameWord(lang, t)
}

// nameWord reports whether t is a word that belongs with the name beside it: a role word
// (segments types the name by it: Provinz Hatay), an organisation cue (Universität, Agentur)
// or a head word (Bahnhof Yamato-Saidaiji, heads.tsv).
func (g *gazetteer) nameWord(lang string, t token) bool {
	return g.morph.roleOf(lang, t) != "" || g.morph.orgCues[t.key] || g.headWordOf(lang, t)
}

// headWordOf reports whether t is a word of a head phrase (heads.tsv) of the language.
func (g *gazetteer) headWordOf(lang string, t token) bool {
	for _, p := range g.headPats[lang] {
		if slices.Contains(p.before, t.fold) || slices.Contains(p.after, t.fold) {
			return true
		}
	}
	return false
}

// loneRepeats finds the lone capitalised words that name again an unknown name the article
// gave: a one-word place or organisation it named beside a role word (die Insel Bornholm …
// nordöstlich von Bornholm), or the first word of a longer organisation's name (Colonial
// Pipeline … Colonial hatte; Boskalis Westminster … Boskalis). A lone word is no name by
// itself where every noun has a capital or where it opens a sentence, but the article has
// already said what it names. A word the article writes in lower case, a common noun, an
// acronym (definedAcronyms reads those) or a first word two names share is left alone; so
// are persons, whose family names names.go reads.
func (g *gazetteer) loneRepeats(toks []token, rs []rune, used []bool, out []match, lang string, lower map[string]bool) []match {
	m := g.morph
	byKey := map[string]int{} // token key → the name it repeats (index in out), -1 ambiguous
	add := func(key string, k int) {
		if o, seen := byKey[key]; seen && o >= 0 && out[o].id != out[k].id {
			byKey[key] = -1
		} else if !seen {
			byKey[key] = k
		}
	}
	for k, o := range out {
		if o.actor >= 0 || !strings.HasPrefix(o.id, "local:") || o.typ == ActorPerson || o.i >= o.j {
			continue
		}
		t := toks[o.i]
		if t.allCaps || !nameLike(t) || o.j-o.i >= 2 && o.typ != ActorOrg {
			continue
		}
		add(t.key, k)
	}
	if len(byKey) == 0 {
		return out
	}
	for _, o := range out {
		for x := o.i; x < o.j; x++ {
			used[x] = true
		}
	}
	capAt := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].capFirst && !used[k] && !m.isStop(lang, toks[k].key)
	}
	n := len(out)
	for i, t := range toks {
		k, ok := byKey[t.key]
		if !ok || k < 0 || used[i] || !nameLike(t) || t.allCaps || lower[t.key] || m.isStop(lang, t.key) ||
			m.roleOf(lang, t) != "" || commonNoun(lang, t, true) {
			continue
		}
		// A word beside another capitalised word is part of a longer run (Colonial Lösegeld
		// was one), which the runs above judged.
		if capAt(i-1) && onlySpaceBetweenTokens(toks[i-1], t) || capAt(i+1) && onlySpaceBetweenTokens(t, toks[i+1]) {
			continue
		}
		o := out[k]
		out = append(out, match{i: i, j: i + 1, start: t.start, end: t.end, actor: -1, id: o.id, label: o.label,
			typ: o.typ, conf: o.conf * 0.9})
		used[i] = true
	}
	if len(out) == n {
		return out
	}
	return sortByStart(out)
}

// genitiveNames gives an unknown name of several words whose last word carries the genitive
// ending (genitive-ending in morph.tsv: Colonial Pipelines Chef, die Betreiber Nord
// Streams) the actor of the same name without it, where the article writes that too: one
// name, not two.
func (g *gazetteer) genitiveNames(toks []token, out []match, lang string) {
	ends := g.morph.genitiveEndings[lang]
	if len(ends) == 0 {
		return
	}
	key := func(o match, last string) string {
		var b strings.Builder
		for x := o.i; x < o.j-1; x++ {
			b.WriteString(toks[x].key)
			b.WriteByte(' ')
		}
		b.WriteString(last)
		return b.String()
	}
	byName := map[string]int{}
	for k, o := range out {
		if o.j-o.i >= 2 && strings.HasPrefix(o.id, "local:") {
			byName[key(o, toks[o.j-1].key)] = k
		}
	}
	for k, o := range out {
		if o.j-o.i < 2 || !strings.HasPrefix(o.id, "local:") {
			continue
		}
		for _, e := range ends {
			stem, ok := strings.CutSuffix(toks[o.j-1].key, e)
			if !ok || utf8.RuneCountInString(stem) < 3 {
				continue
			}
			if n, ok := byName[key(o, stem)]; ok && n != k {
				out[k].id, out[k].label, out[k].typ = out[n].id, out[n].label, out[n].typ
				break
			}
		}
	}
}
