package compare

import (
	"strings"
	"unicode/utf8"
)

// Names the gazetteer does not know, misspelt known names, analyst aliases, and the helpers
// the alignment step uses to compare names across articles and scripts.

// aliasIndex is the per-call index of analyst-confirmed aliases (Options.Aliases).
type aliasIndex struct {
	byKey     map[string]Alias // joined fold keys of the surface
	maxLen    map[string]int
	bySurface map[string]Alias // FoldForSearch(surface)
}

func compileAliases(as []Alias, g *gazetteer) aliasIndex {
	ix := aliasIndex{}
	if len(as) == 0 {
		return ix
	}
	ix.byKey, ix.maxLen, ix.bySurface = map[string]Alias{}, map[string]int{}, map[string]Alias{}
	for _, a := range as {
		if a.ActorID == "" || strings.TrimSpace(a.Surface) == "" {
			continue
		}
		if a.Label == "" || a.Type == "" {
			if i, ok := g.byID[a.ActorID]; ok {
				if a.Label == "" {
					a.Label = g.actors[i].label
				}
				if a.Type == "" {
					a.Type = g.actors[i].typ
				}
			}
		}
		if a.Label == "" {
			a.Label = a.ActorID
		}
		if a.Type == "" {
			a.Type = ActorPerson
		}
		toks := tokenize(a.Surface, g.morph)
		if len(toks) == 0 {
			continue
		}
		keys := make([]string, len(toks))
		for i, t := range toks {
			keys[i] = t.fold
		}
		ix.byKey[strings.Join(keys, " ")] = a
		if len(toks) > ix.maxLen[keys[0]] {
			ix.maxLen[keys[0]] = len(toks)
		}
		ix.bySurface[FoldForSearch(a.Surface)] = a
	}
	return ix
}

func (ix aliasIndex) longest(toks []token, i int) (match, bool) {
	if ix.byKey == nil {
		return match{}, false
	}
	n := ix.maxLen[toks[i].fold]
	if n > len(toks)-i {
		n = len(toks) - i
	}
	for ; n >= 1; n-- {
		keys := make([]string, n)
		for k := 0; k < n; k++ {
			keys[k] = toks[i+k].fold
		}
		if a, ok := ix.byKey[strings.Join(keys, " ")]; ok {
			return match{i: i, j: i + n, start: toks[i].start, end: toks[i+n-1].end, actor: -1,
				id: a.ActorID, label: a.Label, typ: a.Type, conf: confExact}, true
		}
	}
	return match{}, false
}

// unknownNames finds names the gazetteer lacks among the tokens no match consumed:
// runs of two or more capitalised Latin or Cyrillic words, and in Arabic the two words after a
// title (الرئيس، وزير الخارجية البريطاني …). A run that is a misspelt known person links to
// that person; the rest get a local id "local:<FoldForSearch key>".
func (g *gazetteer) unknownNames(toks []token, rs []rune, ms []match, lang string) (found []match, absorbed map[int]bool) {
	used := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.i; k < m.j && k < len(toks); k++ {
			used[k] = true
		}
	}
	// Words the article also writes in lower case are common words, not names, when they
	// open a sentence ("Comment", "Suivez").
	lower := lowerWritten(toks, used)
	// endAt[j] is the match ending at token j (-1: none), for orgBefore.
	endAt := make([]int32, len(toks)+1)
	for k := range endAt {
		endAt[k] = -1
	}
	for k, m := range ms {
		if m.j >= 0 && m.j <= len(toks) && endAt[m.j] < 0 {
			endAt[m.j] = int32(k)
		}
	}
	var out []match
	m := g.morph
	drop := map[int]bool{} // gazetteer matches absorbed into a longer unknown name
	// A known person's family name after an unknown capitalised word may be the person's full
	// name misspelt (Anthony Blinken for Antony Blinken): take both words when they are close.
	for _, pm := range ms {
		if pm.typ != ActorPerson || pm.actor < 0 || pm.i == 0 || used[pm.i-1] {
			continue
		}
		p := toks[pm.i-1]
		if !nameLike(p) || m.isStop(lang, p.key) || !onlySpaceBetween(rs, p.end, toks[pm.i].start) {
			continue
		}
		surface := string(rs[p.start:pm.end])
		if a, d, ok := g.closestPerson(FoldForSearch(surface), pm.j-pm.i+1); ok && a == pm.actor {
			nm := pm
			nm.i, nm.start, nm.conf = pm.i-1, p.start, confSpelling
			if d == 0 {
				nm.conf = confFolded
			}
			drop[pm.i] = true
			used[pm.i-1] = true
			out = append(out, nm)
		}
	}
	titled := titleCaseLines(toks)
	for i := 0; i < len(toks); {
		t := toks[i]
		if used[i] || !nameLike(t) || m.isStop(lang, t.key) {
			i++
			continue
		}
		j := g.runEnd(toks, rs, used, i, lang)
		// Drop a sentence-initial common word.
		s := i
		if toks[s].sentStart && (lower[toks[s].key] || s+1 < j && m.adjectival(lang, toks[s].key)) {
			s++
		}
		// "Hamburger Schulte-Gruppe", "Moskauer Stadtgericht": a place's adjective before
		// a name qualifies it.
		if s+1 < j && g.placeAdjective(lang, toks[s]) {
			s++
		}
		// "Residents of Vlochos", "Thousands of Syrians": a sentence's first word joined
		// to a name by a connector is a common noun (a hyphened particle, as in Marie
		// el-Drese, is part of the name).
		if s == i && toks[s].sentStart && s+1 < j && m.connectors[lang][toks[s+1].key] && rs[toks[s+1].end] != '-' {
			s++
			for s < j && m.connectors[lang][toks[s].key] {
				s++
			}
		}
		// A known company followed by two or more unknown capitalised words is a longer
		// company name (Xiaomi Miui Hellas), not the company plus a person; an acronym
		// (ООН Фархан Хак) or a name of common words (Всемирной метеорологической
		// организации Петтери Таалас) is not such a company.
		// A title after the company starts a person's name (Kandilli Observatory Director
		// Haluk Özener).
		if org, ok := orgBefore(ms, endAt, toks, rs, s); ok && j-s >= 2 && j-s <= 4 && brandLike(toks[org.i:org.j]) &&
			m.roleOf(lang, toks[s]) != ActorPerson {
			nm := g.nameMatch(toks, rs, org.i, j, lang)
			if nm.actor < 0 {
				nm.typ = ActorOrg
				out = append(out, nm)
				drop[org.i] = true
				i = j
				continue
			}
		}
		for _, seg := range g.segments(toks, rs, s, j, lang) {
			n := seg.j - seg.i
			if n > 6 || n == 1 && !seg.alone && !g.loneName(toks, seg.i, lang, lower, titled) {
				continue
			}
			end := seg.j
			if seg.tail {
				end++
			}
			nm := g.nameMatch(toks, rs, seg.i, end, lang)
			if nm.actor < 0 {
				nm.typ = g.typeOf(toks, seg, nm.typ, lang)
				nm = nameHead(nm, seg, toks)
				if k := endAt[seg.i]; nm.typ == ActorOrg && k >= 0 && seg.i > 0 {
					// "Danish Energy Agency", "Japan Socialist Party": the country
					// before an organisation's name is part of it.
					if pm := ms[k]; pm.actor >= 0 && g.actors[pm.actor].typ == ActorCountry && toks[pm.i].capFirst &&
						onlySpaceBetween(rs, toks[seg.i-1].end, toks[seg.i].start) {
						surface := string(rs[pm.start:nm.end])
						nm.i, nm.start = pm.i, pm.start
						nm.id, nm.label = "local:"+FoldForSearch(surface), localLabel(surface, lang)
						drop[pm.i] = true
					}
				}
			}
			out = append(out, nm)
		}
		i = j
	}
	// A dateline is no name the runs above already took (AN AAAA (…) was both).
	for _, o := range out {
		for x := o.i; x < o.j; x++ {
			used[x] = true
		}
	}
	out = append(out, g.datelines(toks, rs, used)...)
	out = definedAcronyms(toks, rs, ms, out)
	if lang == "ar" || lang == "" {
		// An adjective of nationality qualifies a title like any article-bearing word
		// (الرئيس التركي فؤاد أوقطاي): the title's words may pass over it.
		var qualifier []bool
		for _, o := range ms {
			if o.adj {
				if qualifier == nil {
					qualifier = make([]bool, len(toks))
				}
				for k := o.i; k < o.j && k < len(toks); k++ {
					qualifier[k] = true
				}
			}
		}
		out = append(out, g.titledArabicNames(toks, rs, used, qualifier)...)
	}
	if lang == "zh" || lang == "" {
		for _, o := range out {
			for x := o.i; x < o.j; x++ {
				used[x] = true
			}
		}
		// A generated place name beside a name dot or after a title is a piece of a
		// transcribed name (伊丽莎白·博尔内 and 总理博尔内 hold 博尔, Bor in Serbia): the
		// name may take its characters.
		freed := map[int]int{} // token → index in ms of the place it was
		for k, pm := range ms {
			if !pm.weak || pm.i >= pm.j {
				continue
			}
			if pm.start > 0 && strings.ContainsRune(nameDots, rs[pm.start-1]) ||
				pm.end < len(rs) && strings.ContainsRune(nameDots, rs[pm.end]) ||
				g.afterHanTitle(rs, pm.start) {
				for x := pm.i; x < pm.j && x < len(toks); x++ {
					used[x], freed[x] = false, k
				}
			}
		}
		hn := g.hanNames(toks, rs, used)
		for _, h := range hn {
			for x := h.i; x < h.j; x++ {
				if k, ok := freed[x]; ok {
					drop[ms[k].i] = true
				}
			}
		}
		for x, k := range freed {
			if !drop[ms[k].i] {
				used[x] = true
			}
		}
		out = append(out, hn...)
	}
	// One Cyrillic name in several cases (Сергей Аксёнов, Сергея Аксёнова, Сергеем
	// Аксёновым) is one actor: every form takes the id and label of the shortest, which is
	// the nominative for most names (the endings of the other cases add letters). Stems are
	// compared without their last vowels, which the stemmer leaves in some cases and not in
	// others (Аркадий → аркад, Аркадием → аркади).
	sameStems := map[string]int{}
	for k, o := range out {
		if o.actor >= 0 || o.typ != ActorPerson || o.j-o.i < 2 || toks[o.i].sc != scCyrillic {
			continue
		}
		var kb []string
		for x := o.i; x < o.j; x++ {
			kb = append(kb, strings.TrimRight(toks[x].fold, "аеёиоуыэюяй"))
		}
		key := strings.Join(kb, " ")
		r, seen := sameStems[key]
		if !seen || utf8.RuneCountInString(string(rs[o.start:o.end])) < utf8.RuneCountInString(string(rs[out[r].start:out[r].end])) {
			sameStems[key] = k
		}
	}
	for k, o := range out {
		if o.actor >= 0 || o.typ != ActorPerson || o.j-o.i < 2 || toks[o.i].sc != scCyrillic {
			continue
		}
		var kb []string
		for x := o.i; x < o.j; x++ {
			kb = append(kb, strings.TrimRight(toks[x].fold, "аеёиоуыэюяй"))
		}
		if r := out[sameStems[strings.Join(kb, " ")]]; r.id != o.id {
			out[k].id, out[k].label = r.id, r.label
		}
	}
	// A family name alone refers to a person the article named in full (…, a déclaré Smith),
	// in any case the language inflects it in (Пригожина, Пригожину for Пригожин; the German
	// genitive Prigoschins).
	// In a language that capitalises nouns, a word with an ending the language adds to names
	// (the German genitive s) on the family name of a person named in full is that person,
	// and ends or starts an unknown run it stands in: "Prigoschins Kämpfer", "die Rede
	// Prigoschins" are his fighters, his speech. Elsewhere a name may end in s (Reyes).
	lastKeys := map[string]bool{}
	for _, list := range [][]match{ms, out} {
		for _, o := range list {
			if o.typ == ActorPerson && o.j-o.i >= 2 && !o.short {
				lastKeys[familyKey(toks[o.j-1])] = true
			}
		}
	}
	genitiveKey := func(t token) (string, bool) {
		if t.sc != scLatin || !m.capsNouns[lang] {
			return "", false
		}
		for _, suf := range m.nameSuffixes[lang] {
			if strings.HasSuffix(t.key, suf) && utf8.RuneCountInString(t.key) >= utf8.RuneCountInString(suf)+3 {
				if k := strings.TrimSuffix(t.key, suf); lastKeys[k] {
					return k, true
				}
			}
		}
		return "", false
	}
	genitiveRun := func(o match) bool {
		_, first := genitiveKey(toks[o.i])
		_, last := genitiveKey(toks[o.j-1])
		return o.j-o.i >= 2 && (first || last)
	}
	fam := map[string]match{}
	for _, o := range ms {
		if o.typ == ActorPerson && o.j-o.i >= 2 && !o.short {
			fam[familyKey(toks[o.j-1])] = o
		}
	}
	for _, o := range out {
		if _, known := fam[familyKey(toks[o.j-1])]; o.typ == ActorPerson && o.j-o.i >= 2 && !known && !genitiveRun(o) {
			fam[familyKey(toks[o.j-1])] = o
		}
		// A known person written family name first (Abe Shinzo): the first word too.
		if _, known := fam[familyKey(toks[o.i])]; o.actor >= 0 && o.typ == ActorPerson && o.j-o.i == 2 && !known {
			fam[familyKey(toks[o.i])] = o
		}
	}
	familyOf := func(t token) (match, bool) {
		if o, ok := fam[familyKey(t)]; ok {
			return o, true
		}
		if k, ok := genitiveKey(t); ok {
			o, ok := fam[k]
			return o, ok
		}
		return match{}, false
	}
	for k, o := range out {
		if o.actor >= 0 || !strings.HasPrefix(o.id, "local:") || !genitiveRun(o) {
			continue
		}
		x := o.i
		if _, first := genitiveKey(toks[o.i]); !first {
			x = o.j - 1
		}
		p, ok := familyOf(toks[x])
		if !ok {
			continue
		}
		t := toks[x]
		out[k] = match{i: x, j: x + 1, start: t.start, end: t.end, actor: p.actor,
			id: p.id, label: p.label, typ: p.typ, conf: p.conf * 0.9}
	}
	// A lone word taken above may be such a family name.
	for k, o := range out {
		if o.j-o.i == 1 && o.actor < 0 && strings.HasPrefix(o.id, "local:") {
			if p, ok := familyOf(toks[o.i]); ok {
				out[k].actor, out[k].id, out[k].label, out[k].typ, out[k].conf = p.actor, p.id, p.label, p.typ, p.conf*0.9
			}
		}
	}
	if len(fam) > 0 {
		for k := range out {
			for x := out[k].i; x < out[k].j; x++ {
				used[x] = true
			}
		}
		for i, t := range toks {
			// A word hyphened to the one before it heads a compound (Benzin-Pipeline): no
			// family name alone.
			if used[i] || !t.capFirst || t.allCaps || t.start > 0 && rs[t.start-1] == '-' {
				continue
			}
			if o, ok := familyOf(t); ok {
				out = append(out, match{i: i, j: i + 1, start: t.start, end: t.end, actor: o.actor,
					id: o.id, label: o.label, typ: o.typ, conf: o.conf * 0.9})
			}
		}
	}
	out = g.loneRepeats(toks, rs, used, out, lang, lower)
	g.genitiveNames(toks, out, lang)
	return out, drop
}

// familyKey is how a family name is looked up: Cyrillic words by their stem, so that every
// case of the name finds it (Пригожина, Пригожину → пригожин).
func familyKey(t token) string {
	if t.sc == scCyrillic {
		return t.fold
	}
	return t.key
}

// orgBefore finds a gazetteer organisation that ends right before token s, one space away.
func orgBefore(ms []match, endAt []int32, toks []token, rs []rune, s int) (match, bool) {
	if s == 0 || endAt[s] < 0 {
		return match{}, false
	}
	// Matches do not overlap, so at most one ends at s.
	m := ms[endAt[s]]
	if m.typ == ActorOrg && !m.product && !m.adj && m.actor >= 0 && m.conf == confExact &&
		onlySpaceBetween(rs, toks[s-1].end, toks[s].start) && toks[m.i].capFirst {
		return m, true
	}
	return match{}, false
}

// lowerWritten returns the keys of the name-like words (the only ones asked about) that the
// article also writes in lower case. Asking only about those keeps this from
// hashing every word of the text: a length and first-byte filter skips most words.
func lowerWritten(toks []token, used []bool) map[string]bool {
	var need map[string]bool
	var lens uint64
	var firsts [4]uint64
	for i, t := range toks {
		if used[i] || !nameLike(t) {
			continue
		}
		if need == nil {
			need = map[string]bool{}
		}
		need[t.key] = false
		lens |= 1 << (len(t.key) & 63)
		firsts[t.key[0]>>6] |= 1 << (t.key[0] & 63)
	}
	if need == nil {
		return nil
	}
	for _, t := range toks {
		if t.capFirst || t.key == "" || lens&(1<<(len(t.key)&63)) == 0 || firsts[t.key[0]>>6]&(1<<(t.key[0]&63)) == 0 {
			continue
		}
		if _, ok := need[t.key]; ok {
			need[t.key] = true
		}
	}
	return need
}

// nameLike: a capitalised Latin or Cyrillic word of two or more letters, standing alone (not a
// piece of a glued token).
func nameLike(t token) bool {
	if t.sc != scLatin && t.sc != scCyrillic {
		return false
	}
	if !t.capFirst || t.allCaps && utf8.RuneCountInString(t.text) > 5 {
		return false
	}
	if t.glued || t.gluedNext {
		return false
	}
	return utf8.RuneCountInString(t.text) >= 2
}

func onlySpaceBetween(rs []rune, a, b int) bool {
	if b-a != 1 {
		return false
	}
	return rs[a] == ' ' || rs[a] == '-' || rs[a] == '\u00a0'
}

// nameMatch turns tokens [i, j) into an actor: a known person when the transliteration is
// within a small edit distance of one (Zhao Lijiang → Zhao Lijian), else a local actor.
func (g *gazetteer) nameMatch(toks []token, rs []rune, i, j int, lang string) match {
	surface := string(rs[toks[i].start:toks[j-1].end])
	key := FoldForSearch(surface)
	m := match{i: i, j: j, start: toks[i].start, end: toks[j-1].end, actor: -1}
	if p, d, ok := g.closestPerson(key, j-i); ok {
		m.actor = p
		m.id, m.label, m.typ = g.actors[p].id, g.actors[p].label, ActorPerson
		m.conf = confSpelling
		if d == 0 {
			m.conf = confFolded
		}
		return m
	}
	if j-i >= 2 && isLatinName(surface) {
		// Another press's convention for a known person's full name (Sergej Schoigu for
		// Sergei Shoigu, Sergueï Choïgou): one known person only. A single word is too
		// short for vowels to be any letter (Patan is no Putin).
		if ck := conventionKey(key); ck != "" && len(g.personSounds[ck]) == 1 {
			ps := g.personSounds[ck]
			m.actor = ps[0]
			m.id, m.label, m.typ, m.conf = g.actors[ps[0]].id, g.actors[ps[0]].label, ActorPerson, confFolded
			return m
		}
	}
	if j-i == 2 {
		// Family name first (Abe Shinzo, Hayashi Yoshimasa): the known person written the
		// other way round.
		var kbuf [128]byte
		rev := joinKeys(kbuf[:0], []string{toks[j-1].fold, toks[i].fold})
		for _, c := range g.names[string(rev)] {
			if a := g.actors[c.actor]; a.typ == ActorPerson && !c.adj && !c.product && !c.short {
				m.actor, m.id, m.label, m.typ, m.conf = c.actor, a.id, a.label, ActorPerson, confFolded
				return m
			}
		}
	}
	m.id = "local:" + key
	m.label = localLabel(surface, lang)
	m.typ = ActorPerson
	for k := i; k < j; k++ {
		if g.morph.orgCues[toks[k].key] || toks[k].allCaps {
			m.typ = ActorOrg
		}
	}
	m.conf = confUnknown
	return m
}

// closestPerson finds a gazetteer person whose Latin name is within a small edit distance of
// key (a FoldForSearch form with n words), sharing at least one word with it.
func (g *gazetteer) closestPerson(key string, n int) (int32, int, bool) {
	seen := map[int32]bool{}
	best, bestD := int32(-1), 1<<30
	for _, w := range strings.Fields(key) {
		for _, p := range g.persons[w] {
			if seen[p] {
				continue
			}
			seen[p] = true
			name := g.personFolds[p]
			if name.words != n {
				continue
			}
			d := editDistance(key, name.fold)
			if d < bestD {
				best, bestD = p, d
			}
		}
	}
	if best < 0 || !closeEnough(bestD, utf8.RuneCountInString(key)) {
		return -1, 0, false
	}
	return best, bestD, true
}

// closeEnough: at most one edit per six letters, and never more than two.
func closeEnough(d, n int) bool {
	return d <= 2 && d*6 <= n
}

// titledArabicNames takes the name after an Arabic title (الفريق أسامة ربيع، وزير الصحة
// عثمان عبد الجليل) as a person's: words qualifying the title (they carry the article) are
// skipped; a name is one or two words without the article, a compound given name (عبد
// الحميد) counting as one, and a family name with the article only where the phrase ends
// there (عبد الحميد الدبيبة،). A noun after the title that names an institution (رئيس هيئة …)
// means there is no name.
func (g *gazetteer) titledArabicNames(toks []token, rs []rune, used, qualifier []bool) []match {
	var out []match
	m := g.morph
	plain := func(k int) bool {
		t := toks[k]
		// "للحكومة" is ل + the article: a noun, as "الحكومة" is (رئيسة للحكومة); a short
		// word may be a name that begins so (للا, Lalla).
		contracted := m.contracted != "" && strings.HasPrefix(t.key, m.contracted) && utf8.RuneCountInString(t.key) >= 5
		return !used[k] && t.sc == scArabic && !t.lineStart && !strings.HasPrefix(t.key, m.article) && !contracted &&
			!m.isStop("ar", t.key) && !m.titles[t.key] && !m.titleBlockers[t.key] && utf8.RuneCountInString(t.key) >= 2
	}
	phraseEnd := func(k int) bool {
		return k+1 >= len(toks) || toks[k+1].start-toks[k].end != 1 || rs[toks[k].end] != ' ' || toks[k+1].lineStart
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.sc != scArabic || !m.titles[stripClitic(t.key, m)] {
			continue
		}
		k := i + 1
		for k < len(toks) && k-i <= 4 && toks[k].sc == scArabic && (!used[k] || qualifier != nil && qualifier[k]) &&
			(strings.HasPrefix(toks[k].key, m.article) || m.titles[toks[k].key]) {
			k++
		}
		if k >= len(toks) || !plain(k) || toks[k].gluedNext {
			continue
		}
		j := k + 1
		if m.namePrefixes[toks[k].key] {
			if j >= len(toks) || used[j] || toks[j].sc != scArabic || phraseEnd(k) {
				continue
			}
			j++ // عبد الحميد, أبو بكر
		}
		if !phraseEnd(j-1) && j < len(toks) && toks[j].sc == scArabic && !used[j] {
			switch {
			case plain(j):
				j++
			case strings.HasPrefix(toks[j].key, m.article) && !m.isStop("ar", toks[j].key) && phraseEnd(j) &&
				utf8.RuneCountInString(toks[j].key) >= 4:
				j++
			}
		}
		if j-k < 2 {
			continue // a given name alone is too often a common word
		}
		surface := string(rs[toks[k].start:toks[j-1].end])
		out = append(out, match{i: k, j: j, start: toks[k].start, end: toks[j-1].end, actor: -1,
			id: "local:" + FoldForSearch(surface), label: Transliterate(surface, "ar"), typ: ActorPerson, conf: confTitled})
		for x := k; x < j; x++ {
			used[x] = true
		}
		i = j - 1
	}
	// After a speech verb, a titled person's family name alone is that person (وأوضح ربيع);
	// so it is before a colon that opens a quote, as headlines attribute one (ربيع: …).
	fam := map[string]match{}
	for _, o := range out {
		fam[toks[o.j-1].key] = o
	}
	for i := 0; i < len(toks) && len(fam) > 0; i++ {
		if used[i] || toks[i].sc != scArabic {
			continue
		}
		quoted := toks[i].end < len(rs) && rs[toks[i].end] == ':' && (i == 0 || toks[i].sentStart)
		if !quoted && (i == 0 || !m.speechVerbs[stripClitic(toks[i-1].key, m)]) {
			continue
		}
		if o, ok := fam[toks[i].key]; ok {
			o.i, o.j, o.start, o.end = i, i+1, toks[i].start, toks[i].end
			out = append(out, o)
			used[i] = true
		}
	}
	return out
}

func stripClitic(key string, m *morphology) string {
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(key, c) && utf8.RuneCountInString(key) > 3 {
			return key[len(c):]
		}
	}
	return key
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			if prev[j]+1 < c {
				c = prev[j] + 1
			}
			if cur[j-1]+1 < c {
				c = cur[j-1] + 1
			}
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// NameDistance is the edit distance between the Latin transliterations of two names
// (FoldForSearch keys), in runes: NameDistance("Zhao Lijiang", "Чжао Лицзянь") == 1.
func NameDistance(a, b string) int {
	return editDistance(FoldForSearch(a), FoldForSearch(b))
}

// SameName reports whether two names, in any scripts, are spellings of one name: their
// transliterations are equal or differ by at most one edit per six letters (two at most).
func SameName(a, b string) bool {
	ka, kb := FoldForSearch(a), FoldForSearch(b)
	if ka == "" || kb == "" {
		return false
	}
	n := utf8.RuneCountInString(ka)
	if m := utf8.RuneCountInString(kb); m < n {
		n = m
	}
	return closeEnough(editDistance(ka, kb), n)
}

// ClusterNames groups names (surface forms from any articles and scripts) that spell the same
// name, for linking the local actors of unknown names across the versions of a story: it
// returns groups of indexes into names, each group in ascending order, groups ordered by their
// first index. Two names join when SameName holds; the relation is closed transitively.
// Cost is quadratic in len(names): call it per story, with the unknown names only.
func ClusterNames(names []string) [][]int {
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = FoldForSearch(n)
	}
	parent := make([]int, len(names))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if find(i) == find(j) || keys[i] == "" || keys[j] == "" {
				continue
			}
			n := utf8.RuneCountInString(keys[i])
			if m := utf8.RuneCountInString(keys[j]); m < n {
				n = m
			}
			if keys[i] == keys[j] || closeEnough(editDistance(keys[i], keys[j]), n) {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range names {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([][]int, 0, len(order))
	for _, r := range order {
		out = append(out, groups[r])
	}
	return out
}

// CanonicalName is the canonical (English label) spelling of an actor id, for spelling
// comparisons: CanonicalName("Zhao Lijian") == "Zhao Lijian"; for a local id it is the
// transliteration key ("local:nguyen phuong" → "nguyen phuong"); "" for an unknown id.
func CanonicalName(id string) string {
	if k, ok := strings.CutPrefix(id, "local:"); ok {
		return k
	}
	g := loadGazetteer()
	if a, ok := g.byID[id]; ok {
		return g.actors[a].label
	}
	return ""
}

// LookupActor looks one surface form up in the gazetteer, with the same normalisation as
// extraction (case, diacritics, Arabic clitics, Russian endings): LookupActor("Китаю", "ru")
// gives "China", "China", "country". The whole surface must be one name; adjectives and
// product names are not actors and give ok == false.
func LookupActor(surface, lang string) (id, label, typ string, ok bool) {
	g := loadGazetteer()
	toks := tokenize(surface, g.morph)
	if len(toks) == 0 {
		return "", "", "", false
	}
	lang = primaryLang(lang)
	// Articles and elided words before the name do not count: l'OTAN, the White House.
	for i := 0; i < len(toks); i++ {
		if m, found := g.longest(toks, i, lang); found {
			if m.j != len(toks) || m.adj || m.product {
				return "", "", "", false
			}
			return m.id, m.label, m.typ, true
		}
		if !g.morph.isStop(lang, toks[i].key) {
			break
		}
	}
	return "", "", "", false
}

// brandLike: every word of a name capitalised, none all capitals (Xiaomi, Deutsche Telekom).
func brandLike(ts []token) bool {
	for _, t := range ts {
		if !t.capFirst || t.allCaps {
			return false
		}
	}
	return len(ts) > 0
}

// cyrillicVariant reports whether two Cyrillic spellings of a name differ only in letters
// Russian writes either way in foreign names (Тэцуя/Тецуя, Алёна/Алена): a convention, not
// a slip.
func cyrillicVariant(a, b string) bool {
	f := func(r rune) rune {
		switch r {
		case 'э', 'ё':
			return 'е'
		case 'Э', 'Ё':
			return 'Е'
		}
		return r
	}
	return a != b && strings.Map(f, a) == strings.Map(f, b)
}

// placeAdjective reports whether t is a known place's or country's name with an ending that
// makes it an adjective (Hamburger, Moskauer; place-adjective-suffix in morph.tsv); see
// placeOfAdjective.
func (g *gazetteer) placeAdjective(lang string, t token) bool {
	return g.placeOfAdjective(lang, t, true) >= 0
}

// adjectival reports whether a word ends like an adjective or participle of the language
// (morph.tsv adj-ending): at the start of a sentence such a word before a name is a common
// word (Подозреваемый Тэцуя Ямагами, Позднее Морское управление), not a given name.
func (m *morphology) adjectival(lang, key string) bool {
	for _, e := range m.adjEndings[lang] {
		if strings.HasSuffix(key, e) && utf8.RuneCountInString(key)-utf8.RuneCountInString(e) >= 3 {
			return true
		}
	}
	return false
}
