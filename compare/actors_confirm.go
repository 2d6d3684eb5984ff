package compare

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Arabic and Chinese mark no name with a capital, so a name the gazetteer lacks and no title
// introduces goes unseen there (درنة, 埃尔比斯坦) while the Latin and Cyrillic versions of the
// same story find it by its capitals (Derna, Elbistan, Эльбистан). confirmStoryNames reads
// the Arabic and Chinese versions again with the story's other names in hand: a run of words
// (Arabic) or of transcription characters (Chinese, han-sounds.tsv) that sounds like an actor
// another version writes in Latin or Cyrillic letters is that actor, and takes its id, label
// and type, so the Arabic درنة is the Derna of the English version, not a name of its own.
//
// The same reading also gives a title-found Arabic name the story's actor it sounds like
// (relabelArabic), and a body written as country + body word (丹麦能源署, الهلال الأحمر
// الليبي) the organisation a Latin-script version names with that country and the body's
// English words (org-words.tsv; translatedOrgs). Precision comes first: a key two actors
// share confirms neither, three Arabic consonants count only for one word that opens as the
// Latin name does, and a gazetteer actor needs four (its Arabic name is known anyway).

// confConfirmed is the confidence of a name found through another version's spelling.
const confConfirmed = 0.65

// maxHanName bounds the characters of one transcribed name (阿卜杜勒-阿齐兹·本·萨勒曼 is fewer), so
// that a long run of transcription characters costs time in proportion to its length.
const maxHanName = 16

// storyAnchor is an actor a Latin- or Cyrillic-script version names, as the other versions
// may transcribe it.
type storyAnchor struct {
	id, label, typ string
	// rank decides between two actors that sound alike: a gazetteer actor over a local
	// one, then the English version's spelling (Abu Mansour) over another Latin one (Abu
	// Mansur), which the spelling check compares, then a Latin spelling over a Cyrillic one.
	rank int
}

// anchorKeys indexes the story's anchors by sound: consonants (Arabic writes few vowels) and
// vowels kept (Chinese transcribes every syllable).
type anchorKeys struct {
	cons   map[string]storyAnchor
	vowels map[string]storyAnchor
	// consL is cons with r written l, for Chinese transcriptions whose vowels stray
	// (卡赫拉曼马拉什, Kahramanmaraş).
	consL map[string]storyAnchor
	// vowelStart records, per consonant key, whether the Latin name opens with a vowel: a
	// three-consonant key is only trusted when the Arabic word opens the same way (Idlib,
	// إدلب, not طلب).
	vowelStart map[string]bool
	// orgs are the organisations the Latin-script versions name (translatedOrgs).
	orgs []storyAnchor
	// pinyin are the people and places the Latin-script versions name, which Chinese may
	// write in ordinary characters read in Mandarin (confirmPinyin).
	pinyin []pinyinAnchor
}

// rankKnown is the rank of a gazetteer actor, above every local one.
const rankKnown = 3

// anchorAmbiguous marks a key two different actors share: it confirms neither.
var anchorAmbiguous = storyAnchor{id: "\x00ambiguous"}

func (k *anchorKeys) add(m map[string]storyAnchor, key string, a storyAnchor) {
	if key == "" {
		return
	}
	old, ok := m[key]
	switch {
	case !ok:
		m[key] = a
	case old.id == a.id:
		// Another version's mention of the same actor keeps the higher rank, which a
		// third actor with this key must beat (Peter Berdowski in en and es, Boskalis
		// Peter Berdowski in vi).
		if a.rank > old.rank {
			m[key] = a
		}
	case old.id == anchorAmbiguous.id:
	case a.rank > old.rank:
		m[key] = a
	case a.rank == old.rank:
		m[key] = anchorAmbiguous
	}
}

func (k *anchorKeys) lookup(m map[string]storyAnchor, key string) (storyAnchor, bool) {
	a, ok := m[key]
	if !ok || a.id == anchorAmbiguous.id {
		return storyAnchor{}, false
	}
	return a, true
}

// storyAnchors collects the actors the story's Latin- and Cyrillic-script versions name. A
// country is left out: the gazetteer knows every country's name in every language, and a
// short country name (Oman, Iran) would sound like too many words.
func storyAnchors(st *story) *anchorKeys {
	k := &anchorKeys{cons: map[string]storyAnchor{}, vowels: map[string]storyAnchor{}, consL: map[string]storyAnchor{},
		vowelStart: map[string]bool{}}
	for _, a := range st.arts {
		sc := articleScript(a.doc.Text)
		if sc != scLatin && sc != scCyrillic {
			continue
		}
		rank := 0
		if sc == scLatin {
			rank = 1
			if primaryLang(a.doc.Lang) == "en" {
				rank = 2
			}
		}
		for _, f := range a.facts {
			if f.Kind != KindActor || f.Type == ActorCountry {
				continue
			}
			id, _ := f.Value.(string)
			if id == "" || !isLatinName(f.Label) {
				continue
			}
			an := storyAnchor{id: id, label: f.Label, typ: f.Type, rank: rank}
			if !strings.HasPrefix(id, "local:") {
				an.rank = rankKnown
			}
			if f.Type == ActorOrg && sc == scLatin {
				k.orgs = append(k.orgs, an)
			}
			if (f.Type == ActorPerson || f.Type == ActorPlace) && sc == scLatin {
				k.pinyin = append(k.pinyin, pinyinAnchor{words: latinSyllableWords(f.Label), an: an})
				if f.Text != f.Label && nameScript(f.Text) == scLatin {
					k.pinyin = append(k.pinyin, pinyinAnchor{words: latinSyllableWords(f.Text), an: an})
				}
			}
			// A known actor by its English name (its other spellings are the gazetteer's,
			// which found it); a local one also as this version writes it.
			names := []string{f.Label}
			if sc := nameScript(f.Text); sc == scLatin && f.Text != f.Label && strings.HasPrefix(id, "local:") {
				names = append(names, f.Text)
			}
			for _, n := range names {
				c := consonantKey(n)
				if c == "" {
					continue
				}
				// Words count as the Latin spelling separates them (al-Kharraz is one word,
				// as الخراز is): a run of Arabic words whose articles add the consonants of
				// a shorter name (أمضى الأهالي الساعات, Middle East) is no transcription.
				// A known actor's three consonants are too often an Arabic word (برس, the
				// "Presse" of an agency's name, and Paris), and the gazetteer has its Arabic
				// name anyway.
				if an.rank != rankKnown || utf8.RuneCountInString(c) >= 4 {
					c += "#" + strconv.Itoa(len(strings.Fields(n)))
					k.add(k.cons, c, an)
					k.vowelStart[c] = startsWithVowel(FoldForSearch(n))
				}
				k.add(k.vowels, vowelKey(n), an)
				k.add(k.consL, consonantKeyR(n, true), an)
			}
			// Later mentions give a person's family name alone (索伊卢, Soylu). Chinese only:
			// Arabic consonants of one short word are too often a verb's (يبحثون, Putin).
			if words := strings.Fields(f.Label); f.Type == ActorPerson && len(words) >= 2 {
				k.add(k.vowels, vowelKey(words[len(words)-1]), an)
			}
		}
	}
	if len(k.cons) == 0 {
		return nil
	}
	return k
}

// vowelKey is a name's sound with its vowels, for transcriptions that write every syllable:
// digraphs one letter (soundFold), r written l, y written i and v written f as Chinese
// transcribes them, letters doubled in spelling single, spaces and hyphens gone (Soylu,
// 索伊卢 → "soilu").
func vowelKey(s string) string {
	var b strings.Builder
	var last rune
	rs := []rune(soundFold(FoldForSearch(s)))
	for k, r := range rs {
		switch r {
		case ' ', '-', '\'':
			continue
		case 'r':
			r = 'l'
		case 'y':
			r = 'i'
		case 'w':
			// A w after a vowel and before a consonant or the word's end is the f that
			// German and Slavic names say and Chinese writes with 夫 (Berdowski,
			// 贝尔多夫斯基; Rostow); elsewhere it is a u (Wagner, 瓦格纳).
			r = 'u'
			if k > 0 && strings.ContainsRune("aeiou", rs[k-1]) && (k+1 == len(rs) || !strings.ContainsRune("aeiouy", rs[k+1])) {
				r = 'f'
			}
		case 'v':
			r = 'f' // 夫 writes both (博斯科夫, Bødskov)
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

func startsWithVowel(s string) bool {
	return s != "" && strings.ContainsRune("aeiouy", rune(s[0]))
}

// articleScript is the script most of a text's letters are written in.
func articleScript(text string) script {
	var n [scDigit + 1]int
	for _, r := range text {
		n[runeScript(r)]++
	}
	best := scOther
	for sc := scLatin; sc < scDigit; sc++ {
		if n[sc] > n[best] || best == scOther && n[sc] > 0 {
			best = sc
		}
	}
	return best
}

// confirmStoryNames adds to the story's Arabic- and Chinese-script versions the actors found
// through another version's spelling (see the top of this file). Facts stay in text order;
// a new fact takes the next free id.
func confirmStoryNames(st *story) {
	keys := storyAnchors(st)
	g := loadGazetteer()
	for _, a := range st.arts {
		sc := articleScript(a.doc.Text)
		if sc != scArabic && sc != scHan {
			continue
		}
		if keys == nil {
			// No Latin or Cyrillic version to confirm names with: only the bodies whose
			// English name the words themselves spell.
			rs := a.runes
			if rs == nil {
				rs = []rune(a.doc.Text)
			}
			g.composedOrgs(a.facts, rs, factsTaken(a.facts, rs), primaryLang(a.doc.Lang))
			continue
		}
		rs := a.runes
		if rs == nil {
			rs = []rune(a.doc.Text)
		}
		taken := factsTaken(a.facts, rs)
		toks := a.tokens()
		if sc == scArabic {
			g.relabelArabic(a.facts, keys)
		}
		g.translatedOrgs(a.facts, rs, taken, keys.orgs, primaryLang(a.doc.Lang))
		g.composedOrgs(a.facts, rs, taken, primaryLang(a.doc.Lang))
		extra := g.translatedOrgsBefore(toks, rs, taken, keys.orgs, primaryLang(a.doc.Lang))
		var ms []match
		if sc == scArabic {
			ms = g.confirmArabic(toks, rs, taken, keys)
		} else {
			// A family name taken as unknown after a title (总统查克维拉) may be the name
			// another version spells: it is open to confirmation, and gives way to it.
			loose := looseHanNames(a.facts)
			for _, k := range loose {
				for p := a.facts[k].Start; p < a.facts[k].End; p++ {
					taken[p] = false
				}
			}
			ms = g.confirmJapanese(toks, rs, taken, a.facts, keys.pinyin)
			ms = append(ms, g.confirmHan(toks, rs, taken, keys)...)
			if len(loose) > 0 {
				a.facts = dropOverlapped(a.facts, loose, ms)
				taken = factsTaken(a.facts, rs)
			}
			for _, m := range ms {
				for p := m.start; p < m.end; p++ {
					taken[p] = true
				}
			}
			ms = append(ms, g.confirmPinyin(toks, rs, taken, keys.pinyin)...)
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
		}
		if len(ms) == 0 && len(extra) == 0 {
			continue
		}
		ms = g.confirmedHeads(toks, rs, taken, ms, primaryLang(a.doc.Lang))
		ms = append(ms, extra...)
		found := make([]Fact, len(ms))
		for i, m := range ms {
			found[i] = Fact{Kind: KindActor, Start: m.start, End: m.end, Text: string(rs[m.start:m.end]),
				Value: m.id, Label: m.label, Type: m.typ, Confidence: confConfirmed}
		}
		next := len(a.facts)
		for _, f := range a.facts {
			if n, err := strconv.Atoi(strings.TrimPrefix(f.ID, "f")); err == nil && n > next {
				next = n
			}
		}
		for i := range found {
			next++
			found[i].ID = "f" + strconv.Itoa(next)
		}
		a.facts = append(a.facts, found...)
		sort.SliceStable(a.facts, func(i, j int) bool { return a.facts[i].Start < a.facts[j].Start })
		g.listHeads(a.facts, rs, primaryLang(a.doc.Lang))
		g.listHeadsBefore(a.facts, rs, primaryLang(a.doc.Lang))
		a.factSent = make([]int, len(a.facts))
		for i, f := range a.facts {
			a.factSent[i] = a.sentenceAt(f.Start)
		}
	}
}

// looseHanNames lists the unknown people written in Chinese transcription characters without a
// name dot: family names found after a title, which a confirmed spelling may replace.
func looseHanNames(facts []Fact) []int {
	var out []int
	for k, f := range facts {
		id, _ := f.Value.(string)
		if f.Kind != KindActor || f.Type != ActorPerson || !strings.HasPrefix(id, "local:") ||
			strings.ContainsAny(f.Text, nameDots) || !hasHan(f.Text) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// dropOverlapped removes the facts at the given indexes that a confirmed match overlaps.
func dropOverlapped(facts []Fact, idx []int, ms []match) []Fact {
	gone := map[int]bool{}
	for _, k := range idx {
		f := facts[k]
		for _, m := range ms {
			if m.start < f.End && f.Start < m.end {
				gone[k] = true
				break
			}
		}
	}
	if len(gone) == 0 {
		return facts
	}
	kept := facts[:0]
	for k, f := range facts {
		if !gone[k] {
			kept = append(kept, f)
		}
	}
	return kept
}

// factsTaken marks the runes the facts hold.
func factsTaken(facts []Fact, rs []rune) []bool {
	taken := make([]bool, len(rs)+1)
	for _, f := range facts {
		for p := max(f.Start, 0); p < f.End && p < len(rs); p++ {
			taken[p] = true
		}
	}
	return taken
}

// confirmArabic finds, among Arabic words no fact holds, runs of one to four words whose
// consonants are those of an anchor. Proclitics (و، ب، ل، وال …) are left out of the span; a
// word with the article is also tried without it (الخراز for Kharraz).
func (g *gazetteer) confirmArabic(toks []token, rs []rune, taken []bool, keys *anchorKeys) []match {
	m := g.morph
	free := func(k int) bool {
		t := toks[k]
		if t.sc != scArabic || m.isStop("ar", t.key) || m.titles[t.key] || m.titleBlockers[t.key] {
			return false
		}
		for p := t.start; p < t.end; p++ {
			if taken[p] {
				return false
			}
		}
		return true
	}
	var out []match
	var fvBuf [8]firstVariant
	for i := 0; i < len(toks); i++ {
		if !free(i) {
			continue
		}
		n := 1
		for n < 4 && i+n < len(toks) && free(i+n) && onlySpaceBetweenTokens(toks[i+n-1], toks[i+n]) && !toks[i+n].lineStart {
			n++
		}
		done := false
		for ; n >= 1 && !done; n-- {
			for _, fv := range g.firstVariants(toks[i], fvBuf[:0]) {
				words := make([]string, n)
				words[0] = fv.exact
				for k := 1; k < n; k++ {
					words[k] = toks[i+k].key
				}
				a, ok := keys.arabic(words, m)
				if !ok {
					continue
				}
				out = append(out, match{i: i, j: i + n, start: toks[i].start + fv.skip, end: toks[i+n-1].end, actor: -1,
					id: a.id, label: a.label, typ: a.typ, conf: confConfirmed})
				i += n - 1
				done = true
				break
			}
		}
	}
	return out
}

// arabic looks up Arabic words (clitics removed) by their consonants: as written, with the
// article dropped from the last word (عبد الحميد الدبيبة, Abdelhamid Dbeibah), and from every
// word (الخراز, Kharraz). A compound given name (عبد الحميد) counts as one word or two, as
// Latin spellings write it (Abdelhamid, Abu Mansour).
func (k *anchorKeys) arabic(words []string, m *morphology) (storyAnchor, bool) {
	n := len(words)
	for _, w := range words[:n-1] {
		if m.namePrefixes[w] {
			n--
		}
	}
	bare := func(w string) string {
		if m.article != "" && strings.HasPrefix(w, m.article) && utf8.RuneCountInString(w)-utf8.RuneCountInString(m.article) >= 3 {
			return w[len(m.article):]
		}
		return w
	}
	asWritten := strings.Join(words, " ")
	last := slices.Clone(words)
	last[len(last)-1] = bare(last[len(last)-1])
	all := make([]string, len(words))
	for i, w := range words {
		all[i] = bare(w)
	}
	tries := []string{asWritten, strings.Join(last, " "), strings.Join(all, " ")}
	for t, s := range tries {
		if t > 0 && s == tries[t-1] {
			continue
		}
		cons := consonantKey(Transliterate(s, "ar"))
		nc := utf8.RuneCountInString(cons)
		if nc < 3 {
			continue
		}
		for _, words := range []int{len(words), n} {
			c := cons + "#" + strconv.Itoa(words)
			if nc == 3 {
				// Three consonants are a common Arabic word as often as a name (طلب,
				// request, and Idlib share tlb): only one word that opens as the Latin
				// name does.
				if words > 1 || arabicVowelStart(s) != k.vowelStart[c] {
					continue
				}
			}
			if a, ok := k.lookup(k.cons, c); ok {
				return a, true
			}
		}
	}
	return storyAnchor{}, false
}

// arabicVowelStart: the word opens with a letter a Latin spelling writes as a vowel (an alif
// or ʿayn: إدلب Idlib, عثمان Othman).
func arabicVowelStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("اأإآع", r)
}

// confirmHan finds, among Chinese transcription characters no fact holds, a run of two or
// more whose sound is an anchor's: the whole run, or a part of it at least five sounds long
// (a run may take in a common character beside the name, such as 向 or 的 when they
// transcribe too).
func (g *gazetteer) confirmHan(toks []token, rs []rune, taken []bool, keys *anchorKeys) []match {
	var out []match
	tokAt := hanTokens(toks)
	sound := func(p int) bool {
		return p >= 0 && p < len(rs) && !taken[p] && (g.hanSound[rs[p]] != "" ||
			strings.ContainsRune(nameDots, rs[p]) && p > 0 && g.hanSound[rs[p-1]] != "" && p+1 < len(rs) && g.hanSound[rs[p+1]] != "")
	}
	for s := 0; s < len(rs); {
		if !sound(s) {
			s++
			continue
		}
		e := s
		for e < len(rs) && sound(e) {
			e++
		}
		// Longest part first, leftmost first.
		p := s
		for p < e {
			matched := false
			for q := min(e, p+maxHanName); q-p >= 2 && !matched; q-- {
				if strings.ContainsRune(nameDots, rs[p]) || strings.ContainsRune(nameDots, rs[q-1]) {
					continue
				}
				whole := p == s && q == e
				a, ok := keys.han(g.hanSoundOf(string(rs[p:q])), whole)
				if !ok {
					continue
				}
				m, ok := confirmedHanMatch(tokAt, p, q, a.id, a.label, a.typ)
				if !ok {
					continue
				}
				out = append(out, m)
				p, matched = q, true
			}
			if !matched {
				p++
			}
		}
		s = e
	}
	return out
}

// han looks up the sound of Chinese transcription characters: by vowels and consonants,
// exactly for a short name and within an edit for a whole run of six sounds or more, or by
// six consonants or more alone (r written l).
func (k *anchorKeys) han(sound string, whole bool) (storyAnchor, bool) {
	v := vowelKey(sound)
	n := utf8.RuneCountInString(v)
	if n < 4 || !whole && n < 5 {
		return storyAnchor{}, false
	}
	if a, ok := k.lookup(k.vowels, v); ok {
		return a, true
	}
	// Six consonants or more in order are a name's skeleton whatever vowels the characters
	// add.
	if c := consonantKeyR(sound, true); whole && utf8.RuneCountInString(c) >= 6 {
		if a, ok := k.lookup(k.consL, c); ok {
			return a, true
		}
	}
	if n >= 6 && whole {
		var best storyAnchor
		found := false
		for key, a := range k.vowels {
			if a.id == anchorAmbiguous.id || abs(utf8.RuneCountInString(key)-n) > 1 {
				continue
			}
			if editDistance(key, v) <= 1 {
				if found && best.id != a.id {
					return storyAnchor{}, false
				}
				best, found = a, true
			}
		}
		if found {
			return best, true
		}
	}
	return storyAnchor{}, false
}

// confirmedHeads widens a confirmed name written with a head word (heads.tsv: سد أبو منصور,
// وادي درنة, 博恩霍尔姆岛) into the named place, as extraction does for the gazetteer's places:
// the head says what the name is, even where the version it was found through took it for a
// person (Abu Mansour). A phrase that would take in another fact's words is left alone.
func (g *gazetteer) confirmedHeads(toks []token, rs []rune, taken []bool, ms []match, lang string) []match {
	in := make([]match, len(ms))
	for k, m := range ms {
		in[k] = m
		if m.typ == ActorPerson {
			in[k].typ = "" // applyHeads widens places and untyped local names only
		}
	}
	wide := g.applyHeads(toks, rs, in, lang)
	out := make([]match, 0, len(ms))
	for _, w := range wide {
		orig, widened := match{}, true
		for _, m := range ms {
			if m.i == w.i && m.j == w.j {
				orig, widened = m, false
				break
			}
		}
		if !widened {
			out = append(out, orig)
			continue
		}
		free := true
		for p := w.start; p < w.end; p++ {
			free = free && !taken[p]
		}
		if !free {
			// Keep the names the phrase held, as found.
			for _, m := range ms {
				if m.i >= w.i && m.j <= w.j {
					out = append(out, m)
				}
			}
			continue
		}
		w.conf = confConfirmed
		out = append(out, w)
	}
	return out
}

// relabelArabic gives a local Arabic name found by a cue (a title: رئيس الحكومة عبد الحميد
// الدبيبة) the actor of the story it sounds like, with every mention of it: the consonant
// comparison here knows the Arabic spellings (compound given names, the article) that
// linkStoryNames's does not.
func (g *gazetteer) relabelArabic(facts []Fact, keys *anchorKeys) {
	for i := range facts {
		f := facts[i]
		id, _ := f.Value.(string)
		// An analyst's alias (confExact) is never relabelled.
		if f.Kind != KindActor || !strings.HasPrefix(id, "local:") || nameScript(f.Text) != scArabic || f.Confidence >= confExact {
			continue
		}
		ts := tokenize(f.Text, g.morph)
		if len(ts) == 0 || len(ts) > 4 {
			continue
		}
		words := make([]string, len(ts))
		for k, t := range ts {
			words[k] = t.key
		}
		a, ok := keys.arabic(words, g.morph)
		if !ok || a.id == id {
			continue
		}
		for k := range facts {
			if facts[k].Kind == KindActor && facts[k].Value == f.Value && facts[k].Confidence < confExact {
				facts[k].Value, facts[k].Label = a.id, a.label
			}
		}
	}
}

// orgWord is one row of org-words.tsv.
type orgWord struct {
	native  string
	english [][]string // alternatives, each a list of folded words
	// name spells the body's English name from the country's English adjective ({A}:
	// "{A} Coast Guard"); empty when the bodies the word ends are named too diversely for
	// one pattern (a ministry, a parliament).
	name string
}

// loadOrgWords reads org-words.tsv into g.orgWords.
func (g *gazetteer) loadOrgWords(fsys fs.FS) error {
	g.orgWords = map[string][]orgWord{}
	err := readTSV(fsys, "org-words.tsv", func(f []string) error {
		if len(f) != 3 && len(f) != 4 || f[1] == "" {
			return fmt.Errorf("want lang, native word, English words and maybe an English name")
		}
		w := orgWord{native: f[1]}
		if len(f) == 4 {
			if !strings.Contains(f[3], "{A}") {
				return fmt.Errorf("the English name %q lacks {A}", f[3])
			}
			w.name = f[3]
		}
		for _, alt := range strings.Split(f[2], "|") {
			if words := strings.Fields(FoldForSearch(alt)); len(words) > 0 {
				w.english = append(w.english, words)
			}
		}
		if len(w.english) == 0 {
			return fmt.Errorf("no English words for %q", f[1])
		}
		g.orgWords[f[0]] = append(g.orgWords[f[0]], w)
		return nil
	})
	for _, ws := range g.orgWords {
		sort.SliceStable(ws, func(i, j int) bool {
			return utf8.RuneCountInString(ws[i].native) > utf8.RuneCountInString(ws[j].native)
		})
	}
	return err
}

// maxOrgGap bounds the characters between a country and the word that ends its body's name
// (瑞典国家地震台网: 国家).
const maxOrgGap = 6

// translatedOrgs turns a country written right before a word that ends a body's name
// (瑞典海岸警卫队: Sweden, then 海岸警卫队, coast guard) into that body, when exactly one
// organisation the story's Latin-script versions name holds the country's name or adjective
// and the body's English words (Swedish Coast Guard). Without one, composedOrgs may spell
// the name from the words themselves; else the country stays.
func (g *gazetteer) translatedOrgs(facts []Fact, rs []rune, taken []bool, orgs []storyAnchor, lang string) {
	words := g.orgWords[lang]
	if len(words) == 0 || len(orgs) == 0 {
		return
	}
	for k := range facts {
		f := &facts[k]
		if f.Kind != KindActor || f.Type != ActorCountry {
			continue
		}
		country, ok := g.byID[fmt.Sprint(f.Value)]
		if !ok {
			continue
		}
		end, word := g.orgWordAfter(rs, taken, f.End, words)
		if end < 0 {
			continue
		}
		found, ok := g.onlyOrgOf(country, word, orgs)
		if !ok {
			continue
		}
		for p := f.End; p < end; p++ {
			taken[p] = true
		}
		f.End, f.Text = end, string(rs[f.Start:end])
		f.Value, f.Label, f.Type, f.Confidence = found.id, found.label, found.typ, confConfirmed
	}
}

// composedOrgs turns a country written right before a word that ends a body's name into the
// body named in English from the country's adjective (瑞典海岸警卫队 → Swedish Coast Guard),
// when no other version told its name (translatedOrgs runs first). Only a word glued to the
// country composes: a word after a gap (瑞典国家地震台网) holds words no pattern spells.
// The id is the local one an English version's capitalised mention of the body gets, so the
// two link.
func (g *gazetteer) composedOrgs(facts []Fact, rs []rune, taken []bool, lang string) {
	words := g.orgWords[lang]
	if len(words) == 0 {
		return
	}
	for k := range facts {
		f := &facts[k]
		if f.Kind != KindActor || f.Type != ActorCountry {
			continue
		}
		country, ok := g.byID[fmt.Sprint(f.Value)]
		if !ok || g.enAdjective[country] == "" {
			continue
		}
		end, word := g.orgWordAfter(rs, taken, f.End, words)
		if end < 0 || word.name == "" || end-utf8.RuneCountInString(word.native) != f.End {
			continue
		}
		for p := f.End; p < end; p++ {
			taken[p] = true
		}
		label := strings.ReplaceAll(word.name, "{A}", g.enAdjective[country])
		f.End, f.Text = end, string(rs[f.Start:end])
		f.Value, f.Label, f.Type, f.Confidence = "local:"+FoldForSearch(label), label, ActorOrg, confConfirmed
	}
}

// orgWordAfter finds, within maxOrgGap Han characters no fact holds after position p, the
// end of a word of words; -1 when there is none.
func (g *gazetteer) orgWordAfter(rs []rune, taken []bool, p int, words []orgWord) (int, orgWord) {
	for gap := 0; gap <= maxOrgGap; gap++ {
		s := p + gap
		if s > len(rs) || gap > 0 && (taken[s-1] || !isHan(rs[s-1])) {
			break
		}
		for _, w := range words {
			wr := []rune(w.native)
			e := s + len(wr)
			if e > len(rs) || string(rs[s:e]) != w.native {
				continue
			}
			free := true
			for q := s; q < e; q++ {
				free = free && !taken[q]
			}
			if free {
				return e, w
			}
		}
	}
	return -1, orgWord{}
}

// holdsOne reports whether the padded folded label holds every word of one alternative.
func holdsOne(label string, alts [][]string) bool {
	for _, alt := range alts {
		all := true
		for _, w := range alt {
			all = all && strings.Contains(label, " "+w+" ")
		}
		if all {
			return true
		}
	}
	return false
}

// translatedOrgsBefore finds, among the words no fact holds, a body's name written before the
// country's adjective (الهلال الأحمر الليبي: the Red Crescent, Libyan), and makes it the
// organisation a Latin-script version names with that country and those English words
// (Libyan Red Crescent), when exactly one does; translatedOrgs is the same for a country
// written first.
func (g *gazetteer) translatedOrgsBefore(toks []token, rs []rune, taken []bool, orgs []storyAnchor, lang string) []match {
	var out []match
	if len(orgs) == 0 {
		return nil
	}
	free := func(k int) bool {
		for p := toks[k].start; p < toks[k].end; p++ {
			if taken[p] {
				return false
			}
		}
		return true
	}
	var fvBuf [8]firstVariant
	for _, w := range g.orgWords[lang] {
		wt := tokenize(w.native, g.morph)
		n := len(wt)
		if n == 0 || wt[0].sc == scHan {
			continue
		}
		for i := 0; i+n < len(toks); i++ {
			skip := -1
			for _, fv := range g.firstVariants(toks[i], fvBuf[:0]) {
				if fv.exact == wt[0].key {
					skip = fv.skip
					break
				}
			}
			if skip < 0 || !free(i) {
				continue
			}
			ok := true
			for k := 1; k < n && ok; k++ {
				ok = toks[i+k].key == wt[k].key && free(i+k) && onlySpaceBetweenTokens(toks[i+k-1], toks[i+k])
			}
			if !ok || !free(i+n) || !onlySpaceBetweenTokens(toks[i+n-1], toks[i+n]) {
				continue
			}
			adj, found := g.longest(toks, i+n, lang)
			if !found || !adj.adj || adj.actor < 0 || g.actors[adj.actor].typ != ActorCountry {
				continue
			}
			a, ok := g.onlyOrgOf(adj.actor, w, orgs)
			if !ok {
				continue
			}
			m := match{i: i, j: adj.j, start: toks[i].start + skip, end: adj.end, actor: -1,
				id: a.id, label: a.label, typ: a.typ, conf: confConfirmed}
			for p := m.start; p < m.end; p++ {
				taken[p] = true
			}
			out = append(out, m)
		}
	}
	return out
}

// onlyOrgOf is the one organisation of orgs whose name holds the country's name or English
// adjective and the English words of w; false when none or several do.
func (g *gazetteer) onlyOrgOf(country int32, w orgWord, orgs []storyAnchor) (storyAnchor, bool) {
	names := append([]string{FoldForSearch(g.actors[country].label)}, g.enAdjectives[country]...)
	var found *storyAnchor
	for i := range orgs {
		label := " " + FoldForSearch(orgs[i].label) + " "
		named := false
		for _, n := range names {
			named = named || strings.Contains(label, " "+n+" ")
		}
		if !named || !holdsOne(label, w.english) {
			continue
		}
		if found != nil && found.id != orgs[i].id {
			return storyAnchor{}, false
		}
		found = &orgs[i]
	}
	if found == nil {
		return storyAnchor{}, false
	}
	return *found, true
}
