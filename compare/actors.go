package compare

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Actor extraction: longest match of gazetteer names over normalised tokens, then diplomatic
// mission frames, then names the gazetteer does not know. See gazetteer.go for the data and
// actors_tokens.go for how damaged text is cut into tokens.

// Confidence of the ways an actor is found.
const (
	confExact    = 1.0
	confFolded   = 0.9  // matched without diacritics (Etats-Unis for États-Unis)
	confShort    = 0.85 // a family name standing for a person named in full elsewhere
	confSpelling = 0.8  // a misspelt known person (Zhao Lijiang)
	confImplicit = 0.7  // a mission whose sending country the sentence leaves out
	confUnknown  = 0.6  // a capitalised name the gazetteer does not know
	confTitled   = 0.5  // an Arabic name found after a title (الرئيس …)
)

// match is one actor mention (or a consumed non-actor: adjective, product) over tokens [i, j).
type match struct {
	i, j       int
	start, end int // rune span
	actor      int32
	id, label  string
	typ        string
	conf       float64
	adj        bool
	product    bool
	short      bool
	weak       bool
	homograph  bool // a "!" name, also an ordinary word: kept only beside its country
	inflected  bool // found with an ending its language adds to names (Naras, Japans)
}

// extractActors finds the named actors of doc. Facts are in text order, do not overlap, and
// carry the canonical id in Value, the English label and the type; Text is the surface as
// written (a misspelt name keeps its spelling so alignment can flag it).
func extractActors(doc Document, opts Options) []Fact {
	g := loadGazetteer()
	rs := []rune(doc.Text)
	return appendActorsTokens(nil, doc, opts, rs, tokenizeRunes(doc.Text, rs, g.morph))
}

// appendActorsTokens is extractActors over the text's runes and tokens (tokenizeRunes with
// the gazetteer's morphology), which it does not modify, appending the actors to dst.
func appendActorsTokens(dst []Fact, doc Document, opts Options, rs []rune, toks []token) []Fact {
	g := loadGazetteer()
	lang := primaryLang(doc.Lang)
	if len(toks) == 0 {
		return dst
	}
	al := compileAliases(opts.Aliases, g)

	// About one token in twenty names an actor in news text; growing from there is cheap.
	ms := make([]match, 0, len(toks)/20+8)
	for i := 0; i < len(toks); {
		if m, ok := al.longest(toks, i); ok {
			ms = append(ms, m)
			i = m.j
			continue
		}
		if m, ok := g.longest(toks, i, lang); ok {
			ms = append(ms, m)
			i = m.j
			continue
		}
		i++
	}
	ms = g.dropWeak(toks, rs, ms, lang)
	ms = g.dropClocks(toks, ms, lang)
	ms = g.dropInsideTranscriptions(rs, ms)
	// Short forms count only where the article names the actor in full.
	full := map[int32]bool{}
	for _, m := range ms {
		if !m.short && !m.adj && !m.product && m.actor >= 0 {
			full[m.actor] = true
		}
	}
	kept := ms[:0]
	for _, m := range ms {
		if m.short && !full[m.actor] {
			continue
		}
		kept = append(kept, m)
	}
	ms = kept
	ms = g.dropHomographs(ms)

	ms = g.applyFrames(toks, ms, lang)
	g.countryModifiers(toks, rs, ms, lang)
	unknown, absorbed := g.unknownNames(toks, rs, ms, lang)
	if len(absorbed) > 0 {
		kept := ms[:0]
		for _, m := range ms {
			if !absorbed[m.i] {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	ms = append(ms, unknown...)
	ms = sortByStart(ms)
	ms = g.applyHeads(toks, rs, ms, lang)
	ms = g.compoundHeads(toks, rs, ms, lang)
	ms = g.adjectiveHeads(toks, rs, ms, lang)

	out := slices.Grow(dst, len(ms))
	for _, m := range ms {
		if m.adj || m.product {
			continue
		}
		f := Fact{
			Kind:       KindActor,
			Start:      m.start,
			End:        m.end,
			Text:       string(rs[m.start:m.end]),
			Value:      m.id,
			Label:      m.label,
			Type:       m.typ,
			Confidence: m.conf,
		}
		out = append(out, f)
	}
	facts := out[len(dst):]
	g.listHeads(facts, rs, lang)
	g.listHeadsBefore(facts, rs, lang)
	if al.bySurface != nil {
		for k := range facts {
			f := &facts[k]
			if a, ok := al.bySurface[FoldForSearch(f.Text)]; ok {
				f.Value, f.Label, f.Type, f.Confidence = a.ActorID, a.Label, a.Type, confExact
			}
		}
	}
	shortFormsOfKnown(facts)
	return out
}

// dropHomographs removes a name that is also an ordinary word of its language (Arabic سيول is
// Seoul and "torrents") unless the article also names the place's country or the place by
// another name: a flood story's torrents are no South Korean capital.
func (g *gazetteer) dropHomographs(ms []match) []match {
	has := false
	for _, m := range ms {
		has = has || m.homograph
	}
	if !has {
		return ms
	}
	named := map[int32]bool{}
	for _, m := range ms {
		if !m.homograph && m.actor >= 0 {
			named[m.actor] = true
		}
	}
	kept := ms[:0]
	for _, m := range ms {
		if m.homograph && !named[m.actor] {
			c, ok := g.byID[g.actors[m.actor].country]
			if !ok || !named[c] {
				continue
			}
		}
		kept = append(kept, m)
	}
	return kept
}

// shortFormsOfKnown gives an unknown organisation whose words are a run of the words of one
// known organisation the article names in full (Media Luna Roja after Media Luna Roja libia,
// Red Crescent after Libyan Red Crescent) that organisation: the article's short form of it.
// A short form two known organisations hold stays unknown; an analyst's alias is kept.
func shortFormsOfKnown(facts []Fact) {
	// Each distinct known name is folded once, and each distinct unknown name looked up once:
	// a long text names the same organisations again and again.
	type knownName struct {
		words []string
		at    int // a fact naming it
	}
	var known []knownName
	seen := map[string]bool{}
	for i, f := range facts {
		if id, _ := f.Value.(string); f.Type == ActorOrg && id != "" && !strings.HasPrefix(id, "local:") {
			key := id + "\x00" + f.Text
			if seen[key] {
				continue
			}
			seen[key] = true
			known = append(known, knownName{strings.Fields(FoldForSearch(f.Text)), i})
		}
	}
	if len(known) == 0 {
		return
	}
	resolved := map[string]int{} // unknown name → the fact it takes its actor from, or < 0
	for i := range facts {
		f := &facts[i]
		id, _ := f.Value.(string)
		if f.Kind != KindActor || f.Type != ActorOrg || !strings.HasPrefix(id, "local:") || f.Confidence >= confExact {
			continue
		}
		found, done := resolved[f.Text]
		if !done {
			found = -1
			if words := strings.Fields(FoldForSearch(f.Text)); len(words) >= 2 {
				for _, k := range known {
					if len(k.words) <= len(words) || !containsRun(k.words, words) {
						continue
					}
					if found >= 0 && facts[found].Value != facts[k.at].Value {
						found = -2
						break
					}
					found = k.at
				}
			}
			resolved[f.Text] = found
		}
		if found >= 0 {
			f.Value, f.Label = facts[found].Value, facts[found].Label
		}
	}
}

// containsRun reports whether words occur in full as one contiguous run.
func containsRun(full, words []string) bool {
	for s := 0; s+len(words) <= len(full); s++ {
		if slices.Equal(full[s:s+len(words)], words) {
			return true
		}
	}
	return false
}

// sortByStart orders matches by start (ties keep their order). Matches are large, so it sorts
// small (start, index) pairs and moves each match once.
func sortByStart(ms []match) []match {
	type key struct{ start, k int32 }
	keys := make([]key, len(ms))
	for k, m := range ms {
		keys[k] = key{int32(m.start), int32(k)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	out := make([]match, len(ms))
	for k, x := range keys {
		out[k] = ms[x.k]
	}
	return out
}

func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

func (g *gazetteer) matchOf(c *candidate, i, j, start, end int, conf float64) match {
	a := g.actors[c.actor]
	return match{i: i, j: j, start: start, end: end, actor: c.actor, id: a.id, label: a.label,
		typ: a.typ, conf: conf, adj: c.adj, product: c.product, short: c.short, weak: c.weak,
		homograph: c.common}
}

// firstVariant is one reading of the first token of a candidate name: as written, or with
// Arabic proclitics removed (والصين → الصين, للصين → الصين).
type firstVariant struct {
	fold, exact string
	skip        int // runes of clitics before the name
}

// firstVariants appends the readings of t to buf (callers pass a small array, so the common
// case allocates nothing).
func (g *gazetteer) firstVariants(t token, buf []firstVariant) []firstVariant {
	v := append(buf, firstVariant{fold: t.fold, exact: exactOf(t)})
	if t.sc != scArabic {
		return v
	}
	m := g.morph
	key := t.key
	n := utf8.RuneCountInString(key)
	if m.contracted != "" && strings.HasPrefix(key, m.contracted) && n > 3 {
		rest := m.article + key[len(m.contracted):]
		v = append(v, firstVariant{fold: rest, exact: rest, skip: 0})
	}
	for _, c := range m.clitics {
		if strings.HasPrefix(key, c) && n-utf8.RuneCountInString(c) >= 2 {
			rest := key[len(c):]
			// A clitic that ends in the article (وال، بال) leaves the article in the span:
			// واللاذقية is اللاذقية, whether the gazetteer writes the name with it or not.
			skip := utf8.RuneCountInString(c)
			if m.article != "" && strings.HasSuffix(c, m.article) && len(c) > len(m.article) {
				skip -= utf8.RuneCountInString(m.article)
			}
			v = append(v, firstVariant{fold: rest, exact: rest, skip: skip})
			if m.contracted != "" && strings.HasPrefix(rest, m.contracted) && utf8.RuneCountInString(rest) > 3 {
				r2 := m.article + rest[len(m.contracted):]
				v = append(v, firstVariant{fold: r2, exact: r2, skip: utf8.RuneCountInString(c)})
			}
		}
	}
	return v
}

func exactOf(t token) string {
	if t.sc == scCyrillic {
		return t.fold
	}
	return t.key
}

// longest finds the longest gazetteer name starting at token i; a capitalised word that is
// no name may be one with an ending its language adds to names (German genitive: Japans,
// Dänemarks), and then it is that name.
func (g *gazetteer) longest(toks []token, i int, lang string) (match, bool) {
	if m, ok := g.longestAsWritten(toks, i, lang); ok {
		return m, true
	}
	t := toks[i]
	if !t.capFirst || t.allCaps || t.sc != scLatin {
		return match{}, false
	}
	for _, suf := range g.morph.nameSuffixes[lang] {
		if !strings.HasSuffix(t.key, suf) || utf8.RuneCountInString(t.key) < utf8.RuneCountInString(suf)+3 {
			continue
		}
		k := t.key[:len(t.key)-len(suf)]
		if m, ok := g.pick([]string{foldLatin(k)}, []string{k}, toks[i:i+1], lang, i, i+1, t.start, t.end); ok && !m.adj && !m.product {
			m.inflected = true
			return m, true
		}
	}
	return match{}, false
}

func (g *gazetteer) longestAsWritten(toks []token, i int, lang string) (match, bool) {
	capFirst := toks[i].capFirst
	if toks[i].sc != scArabic && !g.mayStartAs(toks[i].fold, capFirst) {
		return match{}, false // the common case: no name starts with this word
	}
	var best match
	found := false
	glue := g.morph.glue[lang]
	// Keys are joined in stack buffers: map look-ups with string(bytes) do not allocate.
	var kbuf [128]byte
	var fvBuf [8]firstVariant
	var foldArr, exactArr [8]string
	for k, fv := range g.firstVariants(toks[i], fvBuf[:0]) {
		// The first variant is the word as written, asked above unless the word is Arabic.
		if (k > 0 || toks[i].sc == scArabic) && !g.mayStartAs(fv.fold, capFirst) {
			continue
		}
		maxN := g.maxLen[fv.fold]
		if maxN == 0 {
			continue
		}
		if maxN > len(toks)-i {
			maxN = len(toks) - i
		}
		// Extend only while the words so far begin some name.
		reach := 1
		key := append(kbuf[:0], fv.fold...)
		// Han characters are a token each: a name's characters touch (人,大 is no 人大).
		// maxLen ≥ 2 already says the first word alone begins some name: prefix is asked from
		// the second word on.
		for reach < maxN && (reach == 1 || g.prefixes.has(string(key)) && g.prefix[string(key)]) && !toks[i+reach].lineStart &&
			(toks[i+reach].sc != scHan || toks[i+reach].start == toks[i+reach-1].end) {
			key = append(append(key, ' '), toks[i+reach].fold...)
			reach++
		}
		maxN = reach
		if found && maxN <= best.j-best.i {
			continue
		}
		for n := maxN; n >= 1; n-- {
			if found && n <= best.j-best.i {
				break
			}
			if n > 1 && !sameLine(toks[i+n-2], toks[i+n-1]) {
				continue
			}
			folds, exacts := foldArr[:0], exactArr[:0]
			if n > len(foldArr) {
				folds, exacts = make([]string, 0, n), make([]string, 0, n)
			}
			folds, exacts = append(folds, fv.fold), append(exacts, fv.exact)
			for k := 1; k < n; k++ {
				folds, exacts = append(folds, toks[i+k].fold), append(exacts, exactOf(toks[i+k]))
			}
			start := toks[i].start + fv.skip
			end := toks[i+n-1].end
			if m, ok := g.pick(folds, exacts, toks[i:i+n], lang, i, i+n, start, end); ok {
				best, found = m, true
				break
			}
			// Damaged text glues a short word onto a name: Лицзяньчто = Лицзянь + что.
			if n >= 2 {
				last := toks[i+n-1]
				for _, suf := range glue {
					if strings.HasSuffix(last.key, suf) && utf8.RuneCountInString(last.key) > utf8.RuneCountInString(suf)+2 {
						k := last.key[:len(last.key)-len(suf)]
						folds[n-1] = g.morph.foldKey(k, last.sc)
						exacts[n-1] = k
						if last.sc == scCyrillic {
							exacts[n-1] = folds[n-1]
						}
						if m, ok := g.pick(folds, exacts, toks[i:i+n], lang, i, i+n, start, end-utf8.RuneCountInString(suf)); ok {
							best, found = m, true
							break
						}
					}
				}
				if found {
					break
				}
			}
		}
	}
	return best, found
}

// joinKeys joins keys with single spaces into buf.
func joinKeys(buf []byte, keys []string) []byte {
	for k, s := range keys {
		if k > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, s...)
	}
	return buf
}

func sameLine(a, b token) bool { return !b.lineStart }

// pick chooses the best candidate for one key, or none.
func (g *gazetteer) pick(folds, exacts []string, span []token, lang string, i, j, start, end int) (match, bool) {
	var kbuf, ebuf [128]byte
	key := joinKeys(kbuf[:0], folds)
	if !g.fullNames.has(string(key)) {
		return match{}, false
	}
	cands := g.names[string(key)]
	if len(cands) == 0 {
		return match{}, false
	}
	exact := joinKeys(ebuf[:0], exacts)
	first := span[0]
	bestScore := -1
	var best *candidate
	var bestConf float64
	for k := range cands {
		c := &cands[k]
		if !c.allows(lang) {
			continue
		}
		if c.acronym && !first.allCaps {
			continue
		}
		if c.capFirst && !first.capFirst {
			continue
		}
		conf := confExact
		if c.exact != string(exact) {
			if utf8.RuneCount(key) < 5 {
				continue // Mỹ is not My, Ý is not y
			}
			conf = confFolded
		}
		// A lower-case name (a demonym, "gouvernement chinois") loses to a capitalised one
		// when the text is capitalised: Spanish "China" is the country, "china" the adjective.
		score := 0
		if c.capFirst == first.capFirst {
			score += 4
		}
		if conf == confExact {
			score += 2
		}
		if c.langs != nil && !c.en || lang == "en" {
			score++
		}
		if !c.adj && !c.product {
			score += 8
		}
		if score > bestScore {
			bestScore, best, bestConf = score, c, conf
		}
	}
	if best == nil {
		return match{}, false
	}
	if best.short {
		bestConf = confShort
	}
	return g.matchOf(best, i, j, start, end, bestConf), true
}

// dropWeak removes generated place names (places.tsv) that are a piece of a longer name (Suez
// in Suez Canal Authority, Yamaguchi in Otoya Yamaguchi, Мари in Мари эль-Дрезе) or open a
// sentence without the article capitalising them elsewhere (Most, Sur): there a city's name
// is more often another word.
func (g *gazetteer) dropWeak(toks []token, rs []rune, ms []match, lang string) []match {
	m := g.morph
	// A common noun beside a place describes it (die Staatsanwaltschaft Köln): no longer name.
	// A role word is never part of an unknown name (Губернатор Курганской области is the
	// governor of Kurgan Oblast).
	capWord := func(k int) bool {
		return k >= 0 && k < len(toks) && (toks[k].sc == scLatin || toks[k].sc == scCyrillic) &&
			toks[k].capFirst && !m.isStop(lang, toks[k].key) && !g.describingNoun(lang, toks[k]) &&
			m.roleOf(lang, toks[k]) == ""
	}
	var midCaps map[string]bool
	kept := ms[:0]
	for _, x := range ms {
		if !x.weak {
			kept = append(kept, x)
			continue
		}
		t := toks[x.i]
		// A place in a case form (Naras, Бейрута) is no piece of a longer name: names
		// are written whole in the nominative (Einwohner Naras, Губернатор Бейрута Марван
		// Аббуд are the residents of Nara, the governor of Beirut Marwan Abboud).
		inflected := x.inflected || x.j-x.i == 1 && t.sc == scCyrillic && x.conf < confExact
		if !inflected && x.i > 0 && capWord(x.i-1) && onlySpaceBetween(rs, toks[x.i-1].end, t.start) {
			continue
		}
		// A name ending in a lower-case word (Курганской области) ends there: the capitalised
		// words after it are another name (губернатор Курганской области Олег Богомолов).
		lowerEnd := x.j-x.i > 1 && !toks[x.j-1].capFirst && !m.capsNouns[lang]
		if !inflected && !lowerEnd && x.j < len(toks) && onlySpaceBetween(rs, toks[x.j-1].end, toks[x.j].start) {
			if capWord(x.j) {
				continue
			}
			if m.connectors[lang][toks[x.j].key] && x.j+1 < len(toks) && capWord(x.j+1) &&
				onlySpaceBetween(rs, toks[x.j].end, toks[x.j+1].start) {
				continue
			}
		}
		if t.lineStart && (datelineFrom(toks, rs, x.j) || periodDateline(toks, rs, x.j)) {
			kept = append(kept, x) // a dateline: Bengasi (Libia), 16 sep (EFE), Tokio/Nara (dpa)
			continue
		}
		if t.sentStart && (t.sc == scLatin || t.sc == scCyrillic) {
			if midCaps == nil {
				midCaps = map[string]bool{}
				for _, o := range toks {
					if o.capFirst && !o.sentStart {
						midCaps[o.key] = true
					}
				}
			}
			if !midCaps[t.key] {
				continue
			}
		}
		kept = append(kept, x)
	}
	return kept
}

// dropClocks removes a place or country named as a time zone (北京时间, Beijing time, بتوقيت
// مكة): the text tells the hour there, not about the place. The words come from morph.tsv
// (zone-after, zone-before).
func (g *gazetteer) dropClocks(toks []token, ms []match, lang string) []match {
	after, before := g.morph.zoneAfter[lang], g.morph.zoneBefore[lang]
	if len(after) == 0 && len(before) == 0 {
		return ms
	}
	kept := ms[:0]
	for _, m := range ms {
		if (m.typ == ActorPlace || m.typ == ActorCountry) && (g.clockAfter(toks, m.j, after) || g.clockBefore(toks, m, before)) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// clockAfter: a zone word starts at token j, right after the name (touching for Han).
func (g *gazetteer) clockAfter(toks []token, j int, after map[string]bool) bool {
	if j >= len(toks) || j == 0 || len(after) == 0 {
		return false
	}
	var key string
	for k := j; k < len(toks) && k-j < 4; k++ {
		t := toks[k]
		if t.sc == scHan {
			if t.start != toks[k-1].end {
				return false
			}
		} else if k > j || t.start-toks[k-1].end != 1 {
			return false
		}
		key += t.key
		if after[key] {
			return true
		}
	}
	return false
}

// clockBefore: the word before the name is a zone word, clitics (بتوقيت) allowed.
func (g *gazetteer) clockBefore(toks []token, m match, before map[string]bool) bool {
	if m.i == 0 || len(before) == 0 || m.start-toks[m.i-1].end > 1 {
		return false
	}
	var buf [8]firstVariant
	for _, v := range g.firstVariants(toks[m.i-1], buf[:0]) {
		if before[v.exact] {
			return true
		}
	}
	return false
}

func nextNonSpace(rs []rune, i int) rune {
	for ; i < len(rs); i++ {
		if rs[i] != ' ' {
			return rs[i]
		}
	}
	return 0
}

// datelineFrom reports whether the words of a line's first name, ending before token j, are a
// dateline: a comma, a parenthesis or a dash follows them, maybe after more places joined by
// slashes (Istanbul/Damaskus (dpa), Kyiv/Moscow —).
// periodDateline reports whether the place that opens a line and ends at token j is a
// dateline closed by a period: "Курган. Один человек погиб…", "Kurgan. One person died…":
// the period follows the name directly and the line's first sentence starts after it.
func periodDateline(toks []token, rs []rune, j int) bool {
	if j >= len(toks) || toks[j].lineStart || !toks[j].capFirst {
		return false
	}
	return strings.TrimRight(string(rs[toks[j-1].end:toks[j].start]), " ") == "."
}

func datelineFrom(toks []token, rs []rune, j int) bool {
	for hops := 0; j <= len(toks) && hops < 4; hops++ {
		end := toks[j-1].end
		if end >= len(rs) {
			return false
		}
		c := nextNonSpace(rs, end)
		if strings.ContainsRune(",(—–", c) {
			return true
		}
		if c != '/' || j == len(toks) || toks[j].lineStart || !toks[j].capFirst {
			return false
		}
		// The next place: capitalised words one space apart after the slash.
		if strings.TrimSpace(string(rs[end:toks[j].start])) != "/" {
			return false
		}
		j++
		for j < len(toks) && toks[j].capFirst && !toks[j].lineStart && onlySpaceBetweenTokens(toks[j-1], toks[j]) {
			j++
		}
	}
	return false
}

// countryModifiers makes a country hyphened to the noun after it, in a language that writes
// such compounds as one word (US-Pipeline, Russland-Reise, China-Politik), an adjective: the
// compound says American, Russian, Chinese, and names no actor, like the adjectives the
// gazetteer lists. Organisations and people keep their mention (SPD-Politiker, Wagner-Chef).
func (g *gazetteer) countryModifiers(toks []token, rs []rune, ms []match, lang string) {
	if !g.morph.capsNouns[lang] {
		return
	}
	for k := range ms {
		m := &ms[k]
		if m.adj || m.product || m.actor < 0 || m.typ != ActorCountry || m.j >= len(toks) {
			continue
		}
		end, next := toks[m.j-1].end, toks[m.j]
		if end >= len(rs) || rs[end] != '-' || next.start != end+1 || next.sc != scLatin || !next.capFirst {
			continue
		}
		m.adj = true
	}
}
