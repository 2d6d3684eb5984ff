package compare

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"parallax/assets"
)

// The gazetteer is compiled once, at first use, from assets/gazetteer into immutable maps:
// every name of every actor is tokenized like article text and indexed by the joined fold keys
// of its tokens. Nothing in it changes afterwards, so extraction is safe for concurrent use.

// actorInfo is one actor of the gazetteer.
type actorInfo struct {
	id, label, typ string
	country        string // for capitals: the country a mission "in" it is accredited to
	the            bool   // takes "the" inside composed ids
	models         bool   // @models: its name takes a model number (波音737 is a Boeing 737)
}

// Kinds of gazetteer name beyond real actors.
const (
	typProduct = "product" // consumed by longest match, never a fact
	typAdj     = "adj"     // a country adjective: not a mention on its own
)

// candidate is one name of one actor as indexed under a fold key.
type candidate struct {
	actor    int32
	langs    []string // primary languages the name belongs to; nil = every language
	en       bool     // the name is English (English names are tried in every article)
	exact    string   // joined exact keys, Cyrillic stemmed: distinguishes Pékin from Pekin
	capFirst bool     // the name starts with a capital: so must the text
	acronym  bool     // the name is all capitals (UE, США): so must the text
	short    bool     // a "~" short form: only where the article names the actor in full
	adj      bool     // a country adjective (actor is the country)
	product  bool
	weak     bool // a generated place name (places.tsv) or a "?" name: yields to a longer capitalised name
	common   bool // a "!" name, also an ordinary word: counts only where the article names its @country
	nTok     int
}

type gazetteer struct {
	actors []actorInfo
	byID   map[string]int32
	names  map[string][]candidate // joined fold keys → candidates
	maxLen map[string]int         // first fold key → most tokens of a name starting with it
	// firsts holds every key of maxLen: most words of a text start no name and fail this
	// test, which is much cheaper than the maxLen look-up it saves. prefixes and fullNames
	// do the same for the keys of prefix and names.
	firsts, prefixes, fullNames *keyFilter
	// lowerFirsts holds the first fold keys of the names a word not capitalised may start
	// (demonyms, products, names in scripts without capitals): a lower-case Latin or Cyrillic
	// word ("the", "de", "в") starts many names, but only ever as a capital.
	lowerFirsts *keyFilter
	lowerFirst  map[string]bool    // the keys of lowerFirsts, while compiling
	prefix      map[string]bool    // joined fold keys of every proper token prefix of a name
	persons     map[string][]int32 // fold key of any token of a person name → persons
	// personFolds holds, for each actor in persons, its label's FoldForSearch key and the
	// number of words in it (closestPerson compares every person sharing a word).
	personFolds []foldedName
	// personSounds: a person's Latin name (every listed form, full or family name alone) by
	// its conventionKey, for the spellings presses of other languages use (Sergej Schoigu).
	personSounds map[string][]int32
	morph        *morphology
	frames       map[string][]frame     // per language
	frameIx      map[string]*frameIndex // per language; "" = the main languages together
	// arSkeleton maps the consonant skeleton of Arabic country names (ا و ي dropped) to the
	// country, for misspelt hosts in mission frames (نيزيلاندا for نيوزيلندا).
	arSkeleton map[string]int32
	// placeStems holds the fold keys of one-word country and place names, without a final
	// vowel (liby, europ), for telling demonyms (Libyan, European) from unknown names.
	placeStems map[string]bool
	// heads and headPats are the named places built on a place name (heads.tsv).
	heads        []headRule
	headPats     map[string][]headPattern
	headSuffixes map[string][]headSuffix
	// hanSound is the Latin sound of the characters Chinese transcribes names with.
	hanSound map[rune]string
	// pinyinSpellings holds the other Latin spellings of Mandarin initials, finals and
	// whole syllables (pinyin-romanizations.tsv), keyed by part then pinyin.
	pinyinSpellings map[string]map[string][]string
	// japanese holds the Japanese family names Chinese writes in ordinary characters.
	japanese japaneseNames
	// listHeadData holds, per language, the plural heads written before a list of places
	// (list-heads.tsv).
	listHeadData map[string]*listHeadData
	// orgWords[lang] are the words that end an organisation's name after a country
	// (org-words.tsv: 海岸警卫队, coast guard), longest first; enAdjectives[country] the
	// country's English adjectives, folded (swedish); enAdjective[country] the first of
	// them as written (Swedish), for the names composeOrgName spells.
	orgWords     map[string][]orgWord
	enAdjectives map[int32][]string
	enAdjective  map[int32]string
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
	gazErr  error
)

// loadGazetteer returns the compiled gazetteer. A broken embedded file is a programming error
// caught by the package tests, so callers panic with the message.
func loadGazetteer() *gazetteer {
	gazOnce.Do(func() { gaz, gazErr = compileGazetteer(assets.Gazetteer) })
	if gazErr != nil {
		panic("compare: embedded gazetteer is broken: " + gazErr.Error())
	}
	return gaz
}

// morphology holds the tables of morph.tsv.
type morphology struct {
	stemSuffixes []string // Cyrillic, longest first
	clitics      []string // Arabic proclitics, longest first
	article      string
	contracted   string
	glue         map[string][]string
	nameSuffixes map[string][]string // lang → endings the language adds to names (genitive s)
	// declension[lang]: the endings an adjective inside a name takes by case (Europäische,
	// Europäischen); genitiveEndings[lang]: those of the name's last word (Parlaments).
	declension, genitiveEndings map[string][]string
	stop                        map[string]map[string]bool
	titles                      map[string]bool
	orgCues                     map[string]bool
	endings                     map[rune]bool // last letters of stemSuffixes: most words skip the suffix scan

	// Unknown names (names.go): role words by language ("*" = every language) and fold key,
	// giving the type of the name beside them; compound endings that make a word a role;
	// connectors inside names; languages that capitalise nouns; all-capital non-names;
	// prepositions that make a lone name a place.
	roles       map[string]map[string]string
	roleSuffix  map[string][]roleSuffix
	connectors  map[string]map[string]bool
	capsNouns   map[string]bool
	acronymStop map[string]bool
	placePrep   map[string]map[string]bool
	// hanOrgSuffixes end a company's name after a transcribed name (博斯卡利斯公司).
	hanOrgSuffixes []string
	// hanTitles are titles after which a run of transcription characters is a person (总统查克维拉).
	hanTitles []string
	// placeSuffixes[lang] are the words a language glues to the end of a place's name (zh
	// 市, 州, 县, 省): a generated place name with one is also known without it.
	placeSuffixes map[string][]string
	// listJoiners[lang] part the items of a list (、 和); listClosers[lang] close it before a
	// word that heads every item (等 in 阿勒颇和哈马等省). See listHeads.
	listJoiners, listClosers map[string][]string
	// adjEndings end adjectives and participles, per language.
	adjEndings map[string][]string
	// compoundHeads[lang][role key] is the English word of a role word that a language
	// hyphens to a name as part of it (Wagner-Gruppe: Group), see nameHead.
	compoundHeads map[string]map[string]string
	// placeAdjSuffixes[lang] turn a place's name into its adjective (Hamburg, Hamburger
	// Reederei): such a word before an unknown name qualifies it and is no part of it.
	placeAdjSuffixes map[string][]string
	rawRoles         [][3]string // lang, type, word: folded once the stem suffixes are known

	// Arabic names after titles: nouns after a title that name an institution, not a
	// person; first words of compound given names; speech verbs.
	// shortNames[lang] derives family names from a person's full name: the part after
	// a separator (乔·拜登 → 拜登), the head of a name of a given length (安倍晋三 → 安倍).
	shortNames map[string]shortNameRule

	titleBlockers map[string]bool
	namePrefixes  map[string]bool
	speechVerbs   map[string]bool

	// zoneAfter[lang] and zoneBefore[lang] are the words that make a place name beside
	// them a clock (北京时间, Beijing time, بتوقيت مكة): no actor. A zone-after word is the
	// tokens' keys run together (时间 is two Han tokens).
	zoneAfter, zoneBefore map[string]map[string]bool

	// simplified maps a traditional Chinese character to the simplified one (han-variants.tsv):
	// a Han token is read simplified, so 東京 and 东京 are one name.
	simplified map[rune]rune
}

// traditional reports whether s holds a character han-variants.tsv simplifies.
func (m *morphology) traditional(s string) bool {
	for _, r := range s {
		if _, ok := m.simplified[r]; ok {
			return true
		}
	}
	return false
}

// loadHanVariants reads han-variants.tsv into m.simplified.
func (m *morphology) loadHanVariants(fsys fs.FS) error {
	m.simplified = map[rune]rune{}
	return readTSV(fsys, "han-variants.tsv", func(f []string) error {
		if len(f) != 2 || utf8.RuneCountInString(f[0]) != 1 || utf8.RuneCountInString(f[1]) != 1 {
			return fmt.Errorf("want a traditional character and its simplified one")
		}
		t, _ := utf8.DecodeRuneInString(f[0])
		s, _ := utf8.DecodeRuneInString(f[1])
		m.simplified[t] = s
		return nil
	})
}

// shortNameRule: see morphology.shortNames.
type shortNameRule struct {
	sep            string
	length, prefix int
}

// declined lists the other case forms of a name of two words or more in a language that
// declines the adjectives inside names (morph.tsv adj-declension: die Europäische Union, der
// Europäischen Union; das Rote Kreuz, des Roten Kreuzes): every adjective takes each ending
// in turn, all of them the same (they agree), and the last word also each genitive ending.
// A word counts as an adjective when it ends in one of the endings and keeps three letters
// before it.
func (m *morphology) declined(lang, name string) []string {
	ends := m.declension[lang]
	if len(ends) == 0 {
		return nil
	}
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	stems := make([]string, len(words))
	adjectives := 0
	for i, w := range words[:len(words)-1] {
		for _, e := range ends {
			if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 3 {
				stems[i] = strings.TrimSuffix(w, e)
				adjectives++
				break
			}
		}
	}
	lasts := []string{words[len(words)-1]}
	last := lasts[0]
	r, _ := utf8.DecodeLastRuneInString(last)
	for _, e := range m.genitiveEndings[lang] {
		// A word ending in a sibilant takes only the ending with a vowel (Hauses, not Hauss).
		if !strings.ContainsRune("sßxz", r) || strings.ContainsRune("aeiou", rune(e[0])) {
			lasts = append(lasts, last+e)
		}
	}
	endings := []string{""}
	if adjectives > 0 {
		endings = ends
	}
	var out []string
	for _, e := range endings {
		form := make([]string, len(words))
		for i, w := range words {
			form[i] = w
			if stems[i] != "" {
				form[i] = stems[i] + e
			}
		}
		for _, l := range lasts {
			form[len(form)-1] = l
			if v := strings.Join(form, " "); v != name {
				out = append(out, v)
			}
		}
	}
	return out
}

func byLenDesc(vals []string) []string {
	out := append([]string(nil), vals...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// shortForms are the family names a person's full name in lang may be shortened to.
func (m *morphology) shortForms(lang, name string) []string {
	r, ok := m.shortNames[lang]
	if !ok {
		return nil
	}
	if r.sep != "" {
		if i := strings.LastIndex(name, r.sep); i >= 0 {
			if fam := name[i+len(r.sep):]; utf8.RuneCountInString(fam) >= 2 {
				return []string{fam}
			}
			return nil
		}
	}
	if rs := []rune(name); r.length > 0 && len(rs) == r.length && r.prefix < r.length {
		return []string{string(rs[:r.prefix])}
	}
	return nil
}

// roleSuffix is a compound ending that makes a word a role of the given type.
type roleSuffix struct{ suffix, typ string }

func (m *morphology) foldKey(key string, sc script) string {
	switch sc {
	case scCyrillic:
		return m.stem(key)
	case scLatin:
		return foldLatin(key)
	}
	return key
}

// stem strips the longest inflection ending that leaves a stem of at least four letters, or
// three for a one-letter ending: Китая → кита (not кит), Риме → рим, Японией → япон.
func (m *morphology) stem(key string) string {
	if m == nil {
		return key
	}
	last, _ := utf8.DecodeLastRuneInString(key)
	if !m.endings[last] {
		return key
	}
	n := utf8.RuneCountInString(key)
	for _, suf := range m.stemSuffixes {
		sn := utf8.RuneCountInString(suf)
		min := 4
		if sn == 1 {
			min = 3
		}
		if strings.HasSuffix(key, suf) && n-sn >= min {
			return key[:len(key)-len(suf)]
		}
	}
	return key
}

func addKeys(set map[string]bool, vals []string) map[string]bool {
	if set == nil {
		set = map[string]bool{}
	}
	for _, v := range vals {
		set[tokenKey(v)] = true
	}
	return set
}

// roleOf reports the type a role word gives the name beside it ("" when t is no role word).
func (m *morphology) roleOf(lang string, t token) string {
	if typ, ok := m.roles[lang][t.fold]; ok {
		return typ
	}
	if typ, ok := m.roles["*"][t.fold]; ok {
		return typ
	}
	n := utf8.RuneCountInString(t.key)
	for _, rs := range m.roleSuffix[lang] {
		if strings.HasSuffix(t.key, rs.suffix) && (t.key == rs.suffix || n-utf8.RuneCountInString(rs.suffix) >= 3) {
			return rs.typ
		}
	}
	return ""
}

func (m *morphology) isStop(lang, key string) bool {
	if s := m.stop[lang]; s != nil && s[key] {
		return true
	}
	if lang == "" {
		for _, s := range m.stop {
			if s[key] {
				return true
			}
		}
	}
	return false
}

func readTSV(fsys fs.FS, name string, fn func(fields []string) error) error {
	f, err := fsys.Open("gazetteer/" + name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s line %d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// expandAlt expands "(a|b|)" groups and top-level "|" into every combination.
func expandAlt(s string) []string {
	// split at top-level |
	var parts []string
	depth, last := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, s[last:i])
				last = i + 1
			}
		}
	}
	parts = append(parts, s[last:])
	if len(parts) > 1 {
		var out []string
		for _, p := range parts {
			out = append(out, expandAlt(p)...)
		}
		return out
	}
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return []string{s}
	}
	depth = 0
	closeAt := -1
	for i := open; i < len(s); i++ {
		if s[i] == '(' {
			depth++
		} else if s[i] == ')' {
			depth--
			if depth == 0 {
				closeAt = i
				break
			}
		}
	}
	if closeAt < 0 {
		return []string{s}
	}
	var out []string
	for _, alt := range expandAlt(s[open+1 : closeAt]) {
		for _, rest := range expandAlt(s[closeAt+1:]) {
			out = append(out, s[:open]+alt+rest)
		}
	}
	return out
}

func compileGazetteer(fsys fs.FS) (*gazetteer, error) {
	g := &gazetteer{
		byID:       map[string]int32{},
		names:      map[string][]candidate{},
		maxLen:     map[string]int{},
		prefix:     map[string]bool{},
		lowerFirst: map[string]bool{},
		persons:    map[string][]int32{}, personSounds: map[string][]int32{},
		frames: map[string][]frame{},

		arSkeleton: map[string]int32{},
		placeStems: map[string]bool{},
	}
	m := &morphology{glue: map[string][]string{}, nameSuffixes: map[string][]string{}, stop: map[string]map[string]bool{}, titles: map[string]bool{}, orgCues: map[string]bool{},
		roles: map[string]map[string]string{}, roleSuffix: map[string][]roleSuffix{}, connectors: map[string]map[string]bool{},
		capsNouns: map[string]bool{}, acronymStop: map[string]bool{}, placePrep: map[string]map[string]bool{},
		titleBlockers: map[string]bool{}, namePrefixes: map[string]bool{}, speechVerbs: map[string]bool{},
		adjEndings: map[string][]string{}}
	g.morph = m
	err := readTSV(fsys, "morph.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want kind, lang, values")
		}
		vals := strings.Fields(f[2])
		switch f[0] {
		case "stem-suffix":
			m.stemSuffixes = append(m.stemSuffixes, vals...)
		case "clitic-prefix":
			m.clitics = append(m.clitics, vals...)
		case "article":
			m.article = vals[0]
		case "article-contracted":
			m.contracted = vals[0]
		case "glue-suffix":
			m.glue[f[1]] = append(m.glue[f[1]], vals...)
		case "stopword":
			if m.stop[f[1]] == nil {
				m.stop[f[1]] = map[string]bool{}
			}
			for _, v := range vals {
				m.stop[f[1]][tokenKey(v)] = true
			}
		case "org-cue":
			for _, v := range vals {
				m.orgCues[tokenKey(v)] = true
			}
		case "title":
			for _, v := range vals {
				m.titles[tokenKey(v)] = true
			}
		case "name-suffix":
			m.nameSuffixes[f[1]] = append(m.nameSuffixes[f[1]], vals...)
		case "adj-declension":
			if m.declension == nil {
				m.declension = map[string][]string{}
			}
			m.declension[f[1]] = byLenDesc(vals)
		case "genitive-ending":
			if m.genitiveEndings == nil {
				m.genitiveEndings = map[string][]string{}
			}
			m.genitiveEndings[f[1]] = vals
		case "role-person", "role-place", "role-org":
			typ := strings.TrimPrefix(f[0], "role-")
			for _, v := range vals {
				m.rawRoles = append(m.rawRoles, [3]string{f[1], typ, v})
			}
		case "role-suffix-person", "role-suffix-place", "role-suffix-org":
			typ := strings.TrimPrefix(f[0], "role-suffix-")
			for _, v := range vals {
				m.roleSuffix[f[1]] = append(m.roleSuffix[f[1]], roleSuffix{tokenKey(v), typ})
			}
		case "place-adjective-suffix":
			if m.placeAdjSuffixes == nil {
				m.placeAdjSuffixes = map[string][]string{}
			}
			m.placeAdjSuffixes[f[1]] = append(m.placeAdjSuffixes[f[1]], vals...)
		case "compound-head":
			if m.compoundHeads == nil {
				m.compoundHeads = map[string]map[string]string{}
			}
			if m.compoundHeads[f[1]] == nil {
				m.compoundHeads[f[1]] = map[string]string{}
			}
			for _, v := range vals {
				word, en, ok := strings.Cut(v, ":")
				if !ok || en == "" {
					return fmt.Errorf("compound-head %q is not word:English", v)
				}
				m.compoundHeads[f[1]][tokenKey(word)] = en
			}
		case "connector":
			m.connectors[f[1]] = addKeys(m.connectors[f[1]], vals)
		case "caps-nouns":
			m.capsNouns[f[1]] = true
		case "acronym-stop":
			for _, v := range vals {
				m.acronymStop[tokenKey(v)] = true
			}
		case "short-name":
			if len(vals) != 3 {
				return fmt.Errorf("short-name wants separator, length, prefix")
			}
			var r shortNameRule
			r.sep = vals[0]
			if _, err := fmt.Sscanf(vals[1]+" "+vals[2], "%d %d", &r.length, &r.prefix); err != nil {
				return fmt.Errorf("short-name: %w", err)
			}
			if m.shortNames == nil {
				m.shortNames = map[string]shortNameRule{}
			}
			m.shortNames[f[1]] = r
		case "title-blocker":
			m.titleBlockers = addKeys(m.titleBlockers, vals)
		case "name-prefix":
			m.namePrefixes = addKeys(m.namePrefixes, vals)
		case "speech-verb":
			m.speechVerbs = addKeys(m.speechVerbs, vals)
		case "adj-ending":
			m.adjEndings[f[1]] = append(m.adjEndings[f[1]], vals...)
		case "han-org-suffix":
			m.hanOrgSuffixes = append(m.hanOrgSuffixes, vals...)
		case "han-title":
			m.hanTitles = append(m.hanTitles, vals...)
		case "list-joiner", "list-closer":
			lists := &m.listJoiners
			if f[0] == "list-closer" {
				lists = &m.listClosers
			}
			if *lists == nil {
				*lists = map[string][]string{}
			}
			(*lists)[f[1]] = append((*lists)[f[1]], vals...)
		case "place-suffix":
			if m.placeSuffixes == nil {
				m.placeSuffixes = map[string][]string{}
			}
			m.placeSuffixes[f[1]] = append(m.placeSuffixes[f[1]], vals...)
		case "place-prep":
			m.placePrep[f[1]] = addKeys(m.placePrep[f[1]], vals)
		case "zone-after", "zone-before":
			zones := &m.zoneAfter
			if f[0] == "zone-before" {
				zones = &m.zoneBefore
			}
			if *zones == nil {
				*zones = map[string]map[string]bool{}
			}
			(*zones)[f[1]] = addKeys((*zones)[f[1]], vals)
		default:
			return fmt.Errorf("unknown kind %q", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := m.loadHanVariants(fsys); err != nil {
		return nil, err
	}
	byLen := func(s []string) {
		sort.SliceStable(s, func(i, j int) bool { return utf8.RuneCountInString(s[i]) > utf8.RuneCountInString(s[j]) })
	}
	byLen(m.stemSuffixes)
	m.endings = map[rune]bool{}
	for _, suf := range m.stemSuffixes {
		r, _ := utf8.DecodeLastRuneInString(suf)
		m.endings[r] = true
	}
	byLen(m.clitics)
	for _, r := range m.rawRoles {
		lang, typ, w := r[0], r[1], r[2]
		if m.roles[lang] == nil {
			m.roles[lang] = map[string]string{}
		}
		k := tokenKey(w)
		sc := scLatin
		if rr, _ := utf8.DecodeRuneInString(k); isCyrillic(rr) {
			sc = scCyrillic
		}
		m.roles[lang][m.foldKey(k, sc)] = typ
	}
	m.rawRoles = nil

	actor := func(id, typ string) int32 {
		if a, ok := g.byID[id]; ok {
			return a
		}
		g.actors = append(g.actors, actorInfo{id: id, label: id, typ: typ})
		g.byID[id] = int32(len(g.actors) - 1)
		return g.byID[id]
	}
	// countryNames[lang] lists (country, name) for template expansion.
	type cname struct {
		actor int32
		name  string
	}
	countryNames := map[string][]cname{}

	// CLDR countries: id, type, code, name=langs…
	err = readTSV(fsys, "countries.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want id, type, code, names")
		}
		a := actor(f[0], f[1])
		for _, nl := range f[3:] {
			eq := strings.LastIndexByte(nl, '=')
			if eq < 0 {
				return fmt.Errorf("name %q has no =langs", nl)
			}
			langs := strings.Split(nl[eq+1:], ",")
			g.addName(a, nl[:eq], langs, candidate{})
			for _, l := range langs {
				for _, v := range m.declined(l, nl[:eq]) {
					g.addName(a, v, []string{l}, candidate{})
				}
			}
			for _, l := range langs {
				if mainLang[l] {
					countryNames[l] = append(countryNames[l], cname{a, nl[:eq]})
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	curated := func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want id, type, names")
		}
		a := actor(f[0], f[1])
		info := &g.actors[a]
		if f[1] != info.typ && f[1] != "" {
			info.typ = f[1]
		}
		for _, field := range f[2:] {
			if strings.HasPrefix(field, "@") {
				k, v, _ := strings.Cut(field[1:], "=")
				switch k {
				case "the":
					info.the = true
				case "models":
					info.models = true
				case "country":
					info.country = v
				case "label":
					info.label = v
				default:
					return fmt.Errorf("unknown attribute @%s", k)
				}
				continue
			}
			lang, names, ok := strings.Cut(field, ":")
			if !ok {
				return fmt.Errorf("field %q is not lang:names", field)
			}
			var langs []string
			if lang != "*" {
				langs = []string{lang}
			}
			for _, n := range strings.Split(names, "|") {
				c := candidate{}
				if strings.HasPrefix(n, "~") {
					c.short = true
					n = n[1:]
				}
				if strings.HasPrefix(n, "!") {
					// Also an ordinary word of its language (سيول, torrents): only
					// beside the place's country.
					c.common = true
					n = n[1:]
				}
				if strings.HasPrefix(n, "?") {
					// Also a given name (Lazarus, of Lazarus Chakwera): it yields to a
					// longer capitalised name, as a generated place name does.
					c.weak = true
					n = n[1:]
				}
				if f[1] == typProduct {
					c.product = true
				}
				g.addName(a, n, langs, c)
				if info.typ != ActorPerson && !c.short && langs != nil {
					for _, v := range m.declined(lang, n) {
						g.addName(a, v, langs, c)
					}
				}
				if info.typ == ActorPerson && !c.short {
					for _, sf := range m.shortForms(lang, n) {
						g.addName(a, sf, langs, candidate{short: true})
					}
				}
				if info.typ == ActorCountry && mainLang[lang] {
					countryNames[lang] = append(countryNames[lang], cname{a, n})
				}
			}
		}
		return nil
	}
	if err := readTSV(fsys, "countries_extra.tsv", curated); err != nil {
		return nil, err
	}
	if err := readTSV(fsys, "actors.tsv", curated); err != nil {
		return nil, err
	}
	if err := g.loadPlaces(fsys); err != nil {
		return nil, err
	}
	g.addRegionBases()
	if err := g.loadHeads(fsys); err != nil {
		return nil, err
	}
	if err := g.loadListHeads(fsys); err != nil {
		return nil, err
	}
	if err := g.loadHanSounds(fsys); err != nil {
		return nil, err
	}
	if err := g.loadPinyinSpellings(fsys); err != nil {
		return nil, err
	}
	if err := g.loadJapaneseNames(fsys); err != nil {
		return nil, err
	}
	if err := g.loadOrgWords(fsys); err != nil {
		return nil, err
	}
	for _, a := range g.actors {
		if a.country != "" {
			if _, ok := g.byID[a.country]; !ok {
				return nil, fmt.Errorf("actor %q: @country=%q is not in the gazetteer", a.id, a.country)
			}
		}
	}

	// Adjectives.
	adjNames := map[string][]cname{}
	err = readTSV(fsys, "adjectives.tsv", func(f []string) error {
		a, ok := g.byID[f[0]]
		if !ok {
			return fmt.Errorf("unknown country %q", f[0])
		}
		for _, field := range f[1:] {
			lang, forms, ok := strings.Cut(field, ":")
			if !ok {
				return fmt.Errorf("field %q is not lang:forms", field)
			}
			for _, form := range expandAlt(forms) {
				form = strings.ReplaceAll(form, "_", " ")
				g.addName(a, form, []string{lang}, candidate{adj: true})
				adjNames[lang] = append(adjNames[lang], cname{a, form})
				if lang == "en" {
					if g.enAdjectives == nil {
						g.enAdjectives = map[int32][]string{}
					}
					g.enAdjectives[a] = append(g.enAdjectives[a], FoldForSearch(form))
					if g.enAdjective == nil {
						g.enAdjective = map[int32]string{}
					}
					if g.enAdjective[a] == "" {
						g.enAdjective[a] = form
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Templates.
	overrides := map[string]string{}
	type tmpl struct{ lang, pattern, id, typ string }
	var tmpls []tmpl
	err = readTSV(fsys, "templates.tsv", func(f []string) error {
		if len(f) != 4 && !(len(f) == 3 && f[0] == "=") {
			return fmt.Errorf("want lang, pattern, id template, type")
		}
		if f[0] == "=" {
			overrides[f[1]] = f[2]
			return nil
		}
		tmpls = append(tmpls, tmpl{f[0], f[1], f[2], f[3]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, t := range tmpls {
		for _, p := range expandAlt(t.pattern) {
			p = strings.ReplaceAll(p, "_", " ")
			var fill []cname
			slot := ""
			switch {
			case strings.Contains(p, "{C}"):
				fill, slot = countryNames[t.lang], "{C}"
			case strings.Contains(p, "{A}"):
				fill, slot = adjNames[t.lang], "{A}"
			default:
				return nil, fmt.Errorf("templates.tsv: pattern %q has no {C} or {A}", t.pattern)
			}
			for _, c := range fill {
				if g.actors[c.actor].typ != ActorCountry {
					continue
				}
				id := strings.ReplaceAll(t.id, "{id}", g.actors[c.actor].id)
				if strings.Contains(id, "{adj}") {
					// A body named from the country's English adjective (Lebanese Red Cross).
					if g.enAdjective[c.actor] == "" {
						continue
					}
					id = strings.ReplaceAll(id, "{adj}", g.enAdjective[c.actor])
				}
				if o, ok := overrides[id]; ok {
					id = o
				}
				a := actor(id, t.typ)
				name := strings.Replace(p, slot, c.name, 1)
				g.addName(a, name, []string{t.lang}, candidate{})
			}
		}
	}

	if err := g.loadFrames(fsys); err != nil {
		return nil, err
	}
	g.frameIx = map[string]*frameIndex{}
	var all []frame
	for _, l := range []string{"en", "fr", "ar", "vi", "ru", "es", "de", "zh"} {
		all = append(all, g.frames[l]...)
	}
	for l, frs := range g.frames {
		g.frameIx[l] = buildFrameIndex(frs)
	}
	g.frameIx[""] = buildFrameIndex(all)
	g.firsts = newKeyFilter(len(g.maxLen))
	for k := range g.maxLen {
		g.firsts.add(k)
	}
	g.prefixes = newKeyFilter(len(g.prefix))
	for k := range g.prefix {
		g.prefixes.add(k)
	}
	g.fullNames = newKeyFilter(len(g.names))
	for k := range g.names {
		g.fullNames.add(k)
	}
	g.lowerFirsts = newKeyFilter(len(g.lowerFirst))
	for k := range g.lowerFirst {
		g.lowerFirsts.add(k)
	}
	g.lowerFirst = nil // only the filter is asked
	g.personFolds = make([]foldedName, len(g.actors))
	for _, ps := range g.persons {
		for _, p := range ps {
			if g.personFolds[p].fold == "" {
				f := FoldForSearch(g.actors[p].label)
				g.personFolds[p] = foldedName{f, len(strings.Fields(f))}
			}
		}
	}
	return g, nil
}

// mainLang are the languages Parallax is tuned for; an article of unknown language is matched
// with their names.
var mainLang = map[string]bool{"ar": true, "fr": true, "vi": true, "ru": true, "en": true, "es": true, "de": true, "zh": true}

func (g *gazetteer) addName(a int32, name string, langs []string, c candidate) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	toks := tokenize(name, g.morph)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	exact := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.fold
		exact[i] = t.key
		if t.sc == scCyrillic {
			exact[i] = t.fold
		}
	}
	key := strings.Join(keys, " ")
	c.actor = a
	c.exact = strings.Join(exact, " ")
	c.nTok = len(toks)
	c.capFirst = toks[0].capFirst
	c.acronym = len(toks) == 1 && toks[0].allCaps && utf8.RuneCountInString(toks[0].text) <= 6
	for _, l := range langs {
		if l == "en" {
			c.en = true
		}
	}
	if langs != nil {
		c.langs = langs
	}
	if c.product {
		c.capFirst = false
	}
	// Skip exact duplicates (same actor, same exact form, same kind). An acronym and its
	// capitalised spelling (IRNA, Irna) are two forms: the acronym alone needs capitals.
	for i, old := range g.names[key] {
		if old.actor == a && old.exact == c.exact && old.adj == c.adj && old.short == c.short && old.capFirst == c.capFirst && old.acronym == c.acronym {
			if old.langs == nil || c.langs == nil {
				g.names[key][i].langs = nil
			} else {
				merged := append(append([]string{}, old.langs...), c.langs...)
				g.names[key][i].langs = merged
			}
			g.names[key][i].en = old.en || c.en
			return
		}
	}
	g.names[key] = append(g.names[key], c)
	for k := 1; k < len(keys); k++ {
		g.prefix[strings.Join(keys[:k], " ")] = true
	}
	if len(toks) > g.maxLen[keys[0]] {
		g.maxLen[keys[0]] = len(toks)
	}
	if !c.capFirst {
		g.lowerFirst[keys[0]] = true
	}
	if t := g.actors[a].typ; (t == ActorCountry || t == ActorPlace) && len(toks) == 1 && toks[0].sc == scLatin && !c.short {
		k := strings.TrimRight(keys[0], "aeiouy")
		if utf8.RuneCountInString(k) >= 4 {
			g.placeStems[k] = true
		}
	}
	if g.actors[a].typ == ActorCountry && !c.adj && toks[0].sc == scArabic {
		if sk := arabicSkeleton(strings.Join(exact, "")); utf8.RuneCountInString(sk) >= 4 {
			if _, ok := g.arSkeleton[sk]; !ok {
				g.arSkeleton[sk] = a
			}
		}
	}
	if g.actors[a].typ == ActorPerson && !c.adj && !c.product && isLatinName(name) {
		if k := conventionKey(FoldForSearch(name)); k != "" && !containsActor(g.personSounds[k], a) {
			g.personSounds[k] = append(g.personSounds[k], a)
		}
	}
	if g.actors[a].typ == ActorPerson && !c.short && len(toks) >= 2 {
		for _, t := range toks {
			fk := FoldForSearch(t.text)
			if !containsActor(g.persons[fk], a) {
				g.persons[fk] = append(g.persons[fk], a)
			}
		}
	}
}

// foldedName is a name's FoldForSearch key and its number of words.
type foldedName struct {
	fold  string
	words int
}

func containsActor(list []int32, a int32) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// mayStart reports whether some name could start with fold key k (false: surely none).
func (g *gazetteer) mayStart(k string) bool {
	return g.firsts.has(k)
}

// mayStartAs is mayStart for a word written with (capFirst) or without a capital: a name
// that must be capitalised (the candidate's capFirst) cannot start at a lower-case word.
func (g *gazetteer) mayStartAs(k string, capFirst bool) bool {
	return g.firsts.has(k) && (capFirst || g.lowerFirsts.has(k))
}

// allows reports whether a candidate name is used for an article in lang.
func (c *candidate) allows(lang string) bool {
	if c.langs == nil || c.en {
		return true
	}
	if lang == "" {
		for _, l := range c.langs {
			if mainLang[l] {
				return true
			}
		}
		return false
	}
	for _, l := range c.langs {
		if l == lang {
			return true
		}
	}
	return false
}

// arabicSkeleton drops the letters Arabic spelling of foreign names varies most (long vowels
// ا و ي ى and hamza), keeping the consonants.
func arabicSkeleton(key string) string {
	var b strings.Builder
	for _, r := range key {
		switch r {
		case 'ا', 'و', 'ي', 'ى', 'ء', 'ئ', 'ؤ', ' ':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// loadPlaces adds the GeoNames cities and regions of places.tsv (generated, see
// cmd/gen-gazetteer). Curated data wins: a place whose id is already an actor is skipped, and
// so is any name that already names something in that language, or is a stop word there.
func (g *gazetteer) loadPlaces(fsys fs.FS) error {
	var bare []bareName
	err := readTSV(fsys, "places.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want id, type, names")
		}
		if _, ok := g.byID[f[0]]; ok {
			return nil
		}
		var a int32 = -1
		for _, field := range f[2:] {
			lang, names, ok := strings.Cut(field, ":")
			if !ok {
				return fmt.Errorf("field %q is not lang:names", field)
			}
			ns := strings.Split(names, "|")
			if lang == "ar" && g.morph.article != "" {
				// GeoNames writes many Arabic names without the article the press puts on
				// them (سويس for السويس): both forms are names.
				for _, n := range ns {
					if !strings.HasPrefix(n, g.morph.article) && !strings.Contains(n, " ") {
						ns = append(ns, g.morph.article+n)
					}
				}
			}
			for _, n := range ns {
				if g.morph.traditional(n) {
					// GeoNames gives many small places only a traditional-character name;
					// read simplified (han-variants.tsv), it would meet every simplified
					// text, where such a name is more often another place's (維堡,
					// Viborg, for 维堡, Vyborg).
					continue
				}
				toks := tokenize(n, g.morph)
				// An English name is read in every language (candidate.allows): a common
				// word of any of them (de Lage, the situation) is no place there.
				stopLang := lang
				if lang == "en" {
					stopLang = ""
				}
				if len(toks) == 0 || len(toks) == 1 && g.morph.isStop(stopLang, toks[0].key) {
					continue
				}
				keys := make([]string, len(toks))
				for i, t := range toks {
					keys[i] = t.fold
				}
				taken := false
				for _, c := range g.names[strings.Join(keys, " ")] {
					if c.allows(lang) {
						taken = true
						break
					}
				}
				if taken {
					continue
				}
				if a < 0 {
					g.actors = append(g.actors, actorInfo{id: f[0], label: f[0], typ: f[1]})
					a = int32(len(g.actors) - 1)
					g.byID[f[0]] = a
				}
				g.addName(a, n, []string{lang}, candidate{weak: true})
				for _, suf := range g.morph.placeSuffixes[lang] {
					if b, ok := strings.CutSuffix(n, suf); ok && utf8.RuneCountInString(b) >= 3 {
						bare = append(bare, bareName{a, b, lang})
						break
					}
				}
			}
		}
		return nil
	})
	g.addBarePlaces(bare)
	return err
}

// bareName is a generated place name without its glued suffix (加利福尼亚 for 加利福尼亚州).
type bareName struct {
	a          int32
	name, lang string
}

// addBarePlaces adds the bare forms after every full name is in, each only where no name of
// that language has it yet (a place GeoNames writes that way wins) and where one place alone
// would take it: a bare form two places share (two 中山, a 市 and a 县) names neither.
func (g *gazetteer) addBarePlaces(bare []bareName) {
	owners := map[string]map[int32]bool{}
	for _, b := range bare {
		k := b.lang + "\x00" + b.name
		if owners[k] == nil {
			owners[k] = map[int32]bool{}
		}
		owners[k][b.a] = true
	}
	for _, b := range bare {
		if len(owners[b.lang+"\x00"+b.name]) != 1 {
			continue
		}
		toks := tokenize(b.name, g.morph)
		if len(toks) == 0 || len(toks) == 1 && g.morph.isStop(b.lang, toks[0].key) {
			continue
		}
		keys := make([]string, len(toks))
		for i, t := range toks {
			keys[i] = t.fold
		}
		taken := false
		for _, c := range g.names[strings.Join(keys, " ")] {
			if c.allows(b.lang) {
				taken = true
				break
			}
		}
		if !taken {
			g.addName(b.a, b.name, []string{b.lang}, candidate{weak: true})
		}
	}
}

// regionSuffixes end the English titles of first-level regions (Hatay Province, Idlib
// Governorate).
var regionSuffixes = []string{" Province", " Governorate", " Prefecture", " Oblast"}

// addRegionBases gives a region whose English title is "X Province" the English name X when
// no other place is called X: the press writes "flying on to Hatay" for the province, while
// "Aleppo" stays the city (the region is "Aleppo Governorate", or Aleppo after a word for
// province: see heads.tsv).
func (g *gazetteer) addRegionBases() {
	for a := range g.actors {
		info := g.actors[a]
		if info.typ != ActorPlace {
			continue
		}
		for _, suf := range regionSuffixes {
			base, ok := strings.CutSuffix(info.id, suf)
			if !ok || base == "" {
				continue
			}
			keys := g.headWords(base)
			taken := false
			for _, c := range g.names[strings.Join(keys, " ")] {
				if c.allows("en") {
					taken = true
					break
				}
			}
			if !taken {
				g.addName(int32(a), base, []string{"en"}, candidate{weak: true})
			}
		}
	}
}
