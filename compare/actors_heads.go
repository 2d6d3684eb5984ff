package compare

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names built on a place name (heads.tsv): "canal de Suez", "قناة السويس", "苏伊士运河" are the
// Suez Canal, not Suez; "la province de Hatay" is Hatay Province. The head words and the place
// become one mention whose value is the English title the row composes from the place's
// English label, so every version of the story gives the same value whatever its script.

// headPattern is one way a language writes a head beside a place name.
type headPattern struct {
	rule          int
	before, after []string // fold keys of the words before and after the name
	glued         bool     // no space between head and name (Chinese)
}

type headRule struct {
	english []string // title patterns, {} for the place's label; the first known one wins
	typ     string
	// countries: the head also names a feature on a country's name (the Gulf of Mexico);
	// other heads read a country's name as no place of theirs.
	countries bool
}

// headSuffix is a head a language writes as the end of one compound word with the place
// (Suezkanal).
type headSuffix struct {
	rule   int
	suffix string // exact key
}

func (p headPattern) size() int { return len(p.before) + len(p.after) }

// loadHeads reads heads.tsv into g.heads and g.headPats (per language, longest first).
func (g *gazetteer) loadHeads(fsys fs.FS) error {
	g.headPats = map[string][]headPattern{}
	g.headSuffixes = map[string][]headSuffix{}
	err := readTSV(fsys, "heads.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want English pattern, type, lang:patterns")
		}
		rule := headRule{english: strings.Split(f[0], "|"), typ: f[1]}
		rule.typ, rule.countries = strings.CutSuffix(rule.typ, "+country")
		if f[0] == "!" {
			rule.english = nil // a phrase that blocks the rows below
		}
		for _, e := range rule.english {
			if strings.Count(e, "{}") != 1 {
				return fmt.Errorf("the English pattern %q needs exactly one {}", e)
			}
		}
		switch rule.typ {
		case ActorPlace, ActorOrg, ActorGroup:
		default:
			if rule.english != nil {
				return fmt.Errorf("type %q is not place, org or group", rule.typ)
			}
		}
		g.heads = append(g.heads, rule)
		for _, field := range f[2:] {
			lang, pats, ok := strings.Cut(field, ":")
			if !ok {
				return fmt.Errorf("field %q is not lang:patterns", field)
			}
			for _, p := range strings.Split(pats, "|") {
				before, after, ok := strings.Cut(p, "{}")
				if !ok || strings.Contains(after, "{}") {
					return fmt.Errorf("pattern %q needs exactly one {}", p)
				}
				if r, _ := utf8.DecodeRuneInString(after); before == "" && unicode.IsLetter(r) && runeScript(r) == scLatin {
					// A compound word (Suezkanal): the head is the end of the name's word.
					g.headSuffixes[lang] = append(g.headSuffixes[lang], headSuffix{rule: len(g.heads) - 1, suffix: tokenKey(after)})
					continue
				}
				hp := headPattern{rule: len(g.heads) - 1, before: g.headWords(before), after: g.headWords(after)}
				hp.glued = before != "" && !strings.HasSuffix(before, " ") && !strings.HasSuffix(before, "'") ||
					after != "" && !strings.HasPrefix(after, " ") && !strings.HasPrefix(after, "-")
				if hp.size() == 0 {
					return fmt.Errorf("pattern %q has no head word", p)
				}
				g.headPats[lang] = append(g.headPats[lang], hp)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for l := range g.headPats {
		slices.SortStableFunc(g.headPats[l], func(a, b headPattern) int { return b.size() - a.size() })
	}
	return nil
}

func (g *gazetteer) headWords(s string) []string {
	var out []string
	for _, t := range tokenize(s, g.morph) {
		out = append(out, t.fold)
	}
	return out
}

// headGap reports whether the text between two tokens of a head phrase is what the pattern
// allows: nothing for a glued head, else one space, hyphen or apostrophe (d'Alep).
func headGap(rs []rune, a, b int, glued bool) bool {
	if glued {
		return a == b
	}
	return b-a == 1 && strings.ContainsRune(" -\u00a0'’", rs[a])
}

// headWord reports whether token t is the head word w; the first word of an Arabic phrase may
// carry proclitics (لقناة، وميناء).
func (g *gazetteer) headWord(t token, w string, first bool) bool {
	if t.fold == w || t.key == w {
		return true
	}
	if first && t.sc == scArabic {
		for _, c := range g.morph.clitics {
			if strings.HasPrefix(t.key, c) && t.key[len(c):] == w {
				return true
			}
		}
	}
	return false
}

// headAt tries pattern p around the place match m; it returns the token range of the phrase.
func (g *gazetteer) headAt(toks []token, rs []rune, m match, p headPattern) (int, int, bool) {
	i, j := m.i-len(p.before), m.j+len(p.after)
	if i < 0 || j > len(toks) {
		return 0, 0, false
	}
	for k := i; k < j; k++ {
		if k >= m.i && k < m.j {
			continue
		}
		w := ""
		if k < m.i {
			w = p.before[k-i]
		} else {
			w = p.after[k-m.j]
		}
		if !g.headWord(toks[k], w, k == i) {
			return 0, 0, false
		}
		// the gap on the phrase side of this word
		if k < m.i && !headGap(rs, toks[k].end, toks[k+1].start, p.glued) {
			return 0, 0, false
		}
		if k >= m.j && !headGap(rs, toks[k-1].end, toks[k].start, p.glued) {
			return 0, 0, false
		}
	}
	return i, j, true
}

// applyHeads widens place matches written with a head word (heads.tsv) into the named place or
// body, dropping the matches the wider phrase covers. ms is in text order.
func (g *gazetteer) applyHeads(toks []token, rs []rune, ms []match, lang string) []match {
	if len(g.heads) == 0 {
		return ms
	}
	var pats []headPattern
	if lang == "" {
		for _, l := range []string{"en", "fr", "es", "de", "ru", "ar", "vi", "zh"} {
			pats = append(pats, g.headPats[l]...)
		}
	} else {
		pats = g.headPats[lang]
		if lang != "en" {
			pats = append(pats[:len(pats):len(pats)], g.headPats["en"]...)
		}
	}
	if len(pats) == 0 {
		return ms
	}
	out := make([]match, 0, len(ms))
	next := 0                     // first token not yet covered by a widened phrase
	var redef map[string][2]match // acronym key → the place it was given, the phrase
	for _, m := range ms {
		if m.i < next {
			continue
		}
		if m.adj || m.product {
			out = append(out, m)
			continue
		}
		if w, ok := g.headInside(toks, rs, m, pats, lang); ok {
			out = append(out, w)
			next = m.j
			continue
		}
		country := m.typ == ActorCountry
		if !(m.typ == ActorPlace || country || m.actor < 0 && m.typ != ActorPerson) {
			out = append(out, m)
			continue
		}
		best, bi, bj := -1, 0, 0
		for k, p := range pats {
			if best >= 0 && p.size() < pats[best].size() {
				break
			}
			if country && !g.heads[p.rule].countries {
				continue
			}
			if i, j, ok := g.headAt(toks, rs, m, p); ok && (best < 0 || j-i > bj-bi) {
				best, bi, bj = k, i, j
			}
		}
		if best < 0 || g.heads[pats[best].rule].english == nil {
			out = append(out, m)
			continue
		}
		for len(out) > 0 && out[len(out)-1].j > bi {
			out = out[:len(out)-1] // a head word that another match had taken
		}
		w := g.headMatch(toks, m, bi, bj, g.heads[pats[best].rule])
		out = append(out, w)
		next = bj
		// "Autoridad del Canal de Suez (ACS)": the acronym the text defines after the
		// phrase had been given the place's actor (definedAcronyms); it is the phrase's.
		if bj < len(toks) && toks[bj].allCaps && toks[bj].end < len(rs) && rs[toks[bj].end] == ')' {
			if gap := string(rs[w.end:toks[bj].start]); gap == " (" || gap == "(" {
				if redef == nil {
					redef = map[string][2]match{}
				}
				redef[toks[bj].key] = [2]match{m, w}
			}
		}
	}
	for k, o := range out {
		if d, ok := redef[toks[o.i].key]; ok && o.j-o.i == 1 && o.id == d[0].id {
			out[k].actor, out[k].id, out[k].label, out[k].typ = d[1].actor, d[1].id, d[1].label, d[1].typ
		}
	}
	return out
}

// headInside reads an unknown name whose own first or last words are a head (a language
// that capitalises nouns writes Bahnhof Yamato-Saidaiji, Hazar-See as one run of capitals):
// the other words are the place, and the run is the place the head's row names (Yamato-Saidaiji
// Station, Lake Hazar). The place keeps at least one word; a phrase row ("!") blocks.
func (g *gazetteer) headInside(toks []token, rs []rune, m match, pats []headPattern, lang string) (match, bool) {
	if m.actor >= 0 || !strings.HasPrefix(m.id, "local:") {
		return match{}, false
	}
	for _, p := range pats {
		nb, na := len(p.before), len(p.after)
		if nb > 0 && na > 0 || p.glued || m.j-m.i <= nb+na {
			continue
		}
		inner := match{i: m.i + nb, j: m.j - na, actor: -1, conf: m.conf, typ: ActorPlace}
		ok := true
		for k := 0; k < nb && ok; k++ {
			ok = g.headWord(toks[m.i+k], p.before[k], k == 0) && headGap(rs, toks[m.i+k].end, toks[m.i+k+1].start, false)
		}
		for k := 0; k < na && ok; k++ {
			t := m.j - na + k
			ok = g.headWord(toks[t], p.after[k], false) && headGap(rs, toks[t-1].end, toks[t].start, false)
		}
		if !ok {
			continue
		}
		rule := g.heads[p.rule]
		if rule.english == nil {
			return match{}, false
		}
		inner.start, inner.end = toks[inner.i].start, toks[inner.j-1].end
		inner.label = localLabel(string(rs[inner.start:inner.end]), lang)
		inner.id = "local:" + FoldForSearch(inner.label)
		return g.headMatch(toks, inner, m.i, m.j, rule), true
	}
	return match{}, false
}

// regionBase is the name a place's region title stands on when the head names no region:
// the airport of Hatay, read as Hatay Province, is Hatay Airport.
func regionBase(base string, rule headRule) string {
	for _, suf := range regionSuffixes {
		b, ok := strings.CutSuffix(base, suf)
		if !ok || b == "" {
			continue
		}
		for _, e := range rule.english {
			if strings.HasSuffix(e, suf) {
				return base
			}
		}
		return b
	}
	return base
}

// headMatch is the phrase [i, j) around place m as the actor rule composes.
func (g *gazetteer) headMatch(toks []token, m match, i, j int, rule headRule) match {
	nm := g.headMatchLabel(m, rule)
	nm.i, nm.j, nm.start, nm.end = i, j, toks[i].start, toks[j-1].end
	return nm
}

// headMatchLabel is the actor the rule composes around place m (span left unset).
func (g *gazetteer) headMatchLabel(m match, rule headRule) match {
	base := m.label
	if m.actor >= 0 {
		base = g.actors[m.actor].label
	}
	nm := match{actor: -1, conf: m.conf, typ: rule.typ}
	base = regionBase(base, rule)
	for _, e := range rule.english {
		// The place is already the named one (province du Hatay: Hatay is Hatay Province).
		if pre, suf, _ := strings.Cut(e, "{}"); len(base) > len(pre)+len(suf) && strings.HasPrefix(base, pre) && strings.HasSuffix(base, suf) {
			nm.actor, nm.id, nm.label, nm.typ = m.actor, m.id, m.label, m.typ
			return nm
		}
	}
	for _, e := range rule.english {
		if a, ok := g.byID[strings.Replace(e, "{}", base, 1)]; ok {
			info := g.actors[a]
			nm.actor, nm.id, nm.label, nm.typ = a, info.id, info.label, info.typ
			return nm
		}
	}
	nm.label = strings.Replace(rule.english[0], "{}", base, 1)
	nm.id = "local:" + FoldForSearch(nm.label)
	return nm
}

// compoundHeads finds the compound words of a known place and a head (Suezkanal) among the
// tokens no match holds. ms is in text order; the result is too.
func (g *gazetteer) compoundHeads(toks []token, rs []rune, ms []match, lang string) []match {
	sufs := g.headSuffixes[lang]
	if lang == "" {
		sufs = nil
		for _, l := range []string{"en", "fr", "es", "de", "ru", "ar", "vi", "zh"} {
			sufs = append(sufs, g.headSuffixes[l]...)
		}
	}
	if len(sufs) == 0 {
		return ms
	}
	var add []match
	k := 0
	for i, t := range toks {
		for k < len(ms) && ms[k].j <= i {
			k++
		}
		if k < len(ms) && ms[k].i <= i || t.sc != scLatin || !t.capFirst {
			continue
		}
		// The compound may carry the genitive ending of its last word (des Suezkanals).
		keys := []string{t.key}
		for _, e := range g.morph.genitiveEndings[lang] {
			if k, ok := strings.CutSuffix(t.key, e); ok {
				keys = append(keys, k)
			}
		}
		for _, hs := range sufs {
			base, ok := "", false
			for _, k := range keys {
				if base, ok = strings.CutSuffix(k, hs.suffix); ok {
					break
				}
			}
			if !ok || utf8.RuneCountInString(base) < 3 {
				continue
			}
			a := int32(-1)
			for _, c := range g.names[foldLatin(base)] {
				if c.nTok == 1 && !c.adj && !c.product && g.actors[c.actor].typ == ActorPlace && c.allows(lang) {
					a = c.actor
					break
				}
			}
			if a < 0 {
				continue
			}
			m := match{i: i, j: i + 1, start: t.start, end: t.end, actor: a, id: g.actors[a].id, label: g.actors[a].label,
				typ: ActorPlace, conf: confFolded}
			add = append(add, g.headMatch(toks, m, i, i+1, g.heads[hs.rule]))
			break
		}
	}
	if len(add) == 0 {
		return ms
	}
	return sortByStart(append(ms, add...))
}

// listHeads gives a head written once after a list of places to every place of the list
// (阿勒颇、拉塔基亚、哈马和伊德利卜等省: four governorates, not four cities). Only glued heads
// after the name (Chinese) are read this way; the list's joiners and the word that closes it
// (等, "and others") come from morph.tsv. Each place keeps its own span. facts are in text
// order; it runs on an article's facts after extraction and again after the story's names
// are confirmed (a place the other versions confirmed may complete the list).
func (g *gazetteer) listHeads(facts []Fact, rs []rune, lang string) {
	joiners, closers := g.morph.listJoiners[lang], g.morph.listClosers[lang]
	if len(joiners) == 0 {
		return
	}
	var pats []headPattern
	for _, p := range g.headPats[lang] {
		if p.glued && len(p.before) == 0 && len(p.after) == 1 && g.heads[p.rule].english != nil {
			pats = append(pats, p)
		}
	}
	at := func(p int, w string) int { // end of w written at p, or -1
		wr := []rune(w)
		if p >= 0 && p+len(wr) <= len(rs) && string(rs[p:p+len(wr)]) == w {
			return p + len(wr)
		}
		return -1
	}
	isPlace := func(f Fact) bool { return f.Kind == KindActor && f.Type == ActorPlace }
	var places []int
	for k := range facts {
		if isPlace(facts[k]) {
			places = append(places, k)
		}
	}
	for li := len(places) - 1; li > 0; li-- {
		last := facts[places[li]]
		// The closing word and the head after the last place.
		rule := -1
		for _, c := range closers {
			e := at(last.End, c)
			if e < 0 {
				continue
			}
			for _, p := range pats {
				if at(e, p.after[0]) >= 0 {
					rule = p.rule
					break
				}
			}
		}
		if rule < 0 {
			continue
		}
		// The places before it, each parted from the next by a joiner alone.
		fi := li
		for fi > 0 {
			gap := string(rs[max(facts[places[fi-1]].End, 0):max(facts[places[fi]].Start, 0)])
			joined := false
			for _, j := range joiners {
				joined = joined || gap == j
			}
			if !joined {
				break
			}
			fi--
		}
		if fi == li {
			continue // one place before 等省 may be that province or its city: left alone
		}
		for k := fi; k <= li; k++ {
			f := &facts[places[k]]
			m := match{actor: -1, id: fmt.Sprint(f.Value), label: f.Label, typ: f.Type, conf: f.Confidence}
			if a, ok := g.byID[m.id]; ok {
				m.actor = a
			}
			w := g.headMatchLabel(m, g.heads[rule])
			f.Value, f.Label, f.Type = w.id, w.label, w.typ
		}
		li = fi
	}
}

// adjectiveHeads reads a head word after a place's adjective (placeAdjective: Hamburger,
// Frankfurter) as the head phrase on that place: der Hamburger Hafen is the Port of Hamburg,
// am Frankfurter Flughafen Frankfurt Airport. The head is a row's word written before the
// place (Hafen von {}, Flughafen {}, Bahnhof {}). ms is in text order; the result is too.
func (g *gazetteer) adjectiveHeads(toks []token, rs []rune, ms []match, lang string) []match {
	suffixes := g.morph.placeAdjSuffixes[lang]
	if len(suffixes) == 0 {
		return ms
	}
	used := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.i; k < m.j && k < len(toks); k++ {
			used[k] = true
		}
	}
	var add []match
	for i := 0; i+1 < len(toks); i++ {
		t, h := toks[i], toks[i+1]
		if used[i] || used[i+1] || t.sc != scLatin || !t.capFirst || !h.capFirst || !onlySpaceBetweenTokens(t, h) {
			continue
		}
		rule := -1
		for _, p := range g.headPats[lang] {
			if len(p.after) == 0 && g.heads[p.rule].english != nil && p.before[0] == h.fold &&
				(len(p.before) == 1 || len(p.before) == 2 && p.before[1] == "von") {
				rule = p.rule
				break
			}
		}
		if rule < 0 {
			continue
		}
		a := g.placeOfAdjective(lang, t, false)
		if a < 0 {
			continue
		}
		m := match{i: i, j: i + 1, start: t.start, end: t.end, actor: a, id: g.actors[a].id, label: g.actors[a].label,
			typ: g.actors[a].typ, conf: confFolded}
		add = append(add, g.headMatch(toks, m, i, i+2, g.heads[rule]))
		i++
	}
	if len(add) == 0 {
		return ms
	}
	return sortByStart(append(ms, add...))
}

// placeOfAdjective is the place (or, with countries, the country) whose name with an ending
// of place-adjective-suffix (morph.tsv) the token is (Hamburger → Hamburg), -1 for none. The
// name left must be four letters or more, so that a family name (Becker) is no adjective of a
// short place's name.
func (g *gazetteer) placeOfAdjective(lang string, t token, countries bool) int32 {
	for _, suf := range g.morph.placeAdjSuffixes[lang] {
		base, ok := strings.CutSuffix(t.fold, suf)
		if !ok || utf8.RuneCountInString(base) < 4 {
			continue
		}
		for i := range g.names[base] {
			c := &g.names[base][i]
			if c.actor < 0 || !c.allows(lang) || c.adj {
				continue
			}
			if typ := g.actors[c.actor].typ; typ == ActorPlace || countries && typ == ActorCountry {
				return c.actor
			}
		}
	}
	return -1
}
