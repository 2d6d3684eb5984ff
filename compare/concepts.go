package compare

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/assets"
)

// Concepts: what a number counts or measures, shared across languages ("deaths", "injured",
// "magnitude", "distance"…), read from the words around it. The words are data
// (assets/lang/concepts.tsv); the rule is one for every language: each cue word goes to the
// nearest number of its sentence, and each number takes its strongest, nearest cue. A unit
// written with the number ("km", "%", "美元") decides unless a cue of the same family is
// near ("на глубине 10 км": depth, not distance).

// cueTier orders cue strength: a generic word for people yields to a weak cue ("victims",
// "toll"), which yields to a specific one ("killed", "blessés", "失踪").
type cueTier int

const (
	tierGeneric cueTier = iota
	tierWeak
	tierStrong
)

// conceptMaxDistance is how many words may separate a number from its cue.
const conceptMaxDistance = 7

// countedNounBefore is how far before a number a counted noun ("leaks", "плотины") may
// stand and still name it: none, as the noun follows its number in every core language
// ("в стране семидневный траур" counts no countries, "в районе утечек два подводных
// взрыва" no leaks).
const countedNounBefore = 0

// conceptClausePenalty is what one clause mark between a cue and a number adds to their
// distance in words.
const conceptClausePenalty = 3

// isClauseMark reports whether r ends a clause inside a sentence, in any of the core scripts.
func isClauseMark(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '，', '、', '；', '：', '（', '）', '،', '؛', '—', '–':
		return true
	}
	return false
}

type conceptEntry struct {
	concept string
	tier    cueTier
	unit    bool
	// familyOnly marks a word that gives its concept only to a number it stands right
	// before, and only over a unit of the concept's family: "avait 67 ans", "было 67 лет",
	// "tenía 67 años" make years an age, but "avait 3 enfants" counts no age.
	familyOnly bool
}

type conceptLexicon struct {
	// forms maps lang → fold keys of the form's tokens joined by " " → entry.
	forms  map[string]map[string]conceptEntry
	maxLen map[string]int
	// family maps a concept to its family ("depth" → "length").
	family map[string]string
	// cumulative holds the concepts whose figure runs up as news comes in (tolls).
	cumulative map[string]bool
	// contextual holds the concepts whose figures state a claim only when their sentences
	// share context (durations).
	contextual map[string]bool
	// counted holds the concepts of things counted by a noun after the number.
	counted map[string]bool
	// byUnit maps a unit code of the number grammar to the concept a number in that unit
	// takes when no cue names one ("трехмесячный": month → duration).
	byUnit map[string]string
	// first holds, per language, the fold keys forms start with, each with the most tokens
	// of a form starting with it: most tokens start none, and findCues skips them without
	// building a key. prefix holds the keys of every proper beginning of a form of two or
	// more tokens: findCues extends a key only while it begins some form.
	first  map[string]map[string]int
	prefix map[string]map[string]bool
	// coords holds, per language, the fold keys of the words that join coordinated members
	// ("and", "et", "和"), and coordClitics the ones glued to the next word (Arabic و).
	coords       map[string]map[string]bool
	coordClitics map[string][]string
	// links holds, per language, the fold keys of the words that put a running figure's
	// value after its subject ("rose to", "возросло до", "بلغ").
	links map[string]map[string]bool
}

// coordCuePenalty is what a coordinating word between a number and a cue after it adds to
// their distance: the cue opens the next member ("1541 and injured 9733", "١٥٤١ والجرحى
// ٩٧٣٣") and names the number after it.
const coordCuePenalty = 2

// linkMaxGap is how many words (a qualifier: "more than", "أكثر من") may stand between a
// link word and its number.
const linkMaxGap = 2

// cueKeys joins the fold keys of a form's tokens, as findCues matches them.
func cueKeys(form string, m *morphology) string {
	toks := tokenize(form, m)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.fold
	}
	return strings.Join(keys, " ")
}

// endsWithPhrase reports whether the tokens before index end (exclusive) spell one of the
// phrases (fold keys joined by spaces), of up to maxWords words.
func endsWithPhrase(toks []token, end int, phrases map[string]bool, maxWords int) bool {
	if len(phrases) == 0 {
		return false
	}
	// The key grows leftwards at the end of a stack buffer, kbuf[pos:] (a map look-up with
	// string(bytes) does not allocate); a key too long for it is built as strings.
	var kbuf [128]byte
	pos := len(kbuf)
	for n := 1; n <= maxWords && end-n >= 0; n++ {
		w := toks[end-n].fold
		need := len(w)
		if pos < len(kbuf) {
			need++ // the space before the words so far
		}
		if need > pos {
			return endsWithPhraseStrings(toks, end, phrases, maxWords)
		}
		if pos < len(kbuf) {
			pos--
			kbuf[pos] = ' '
		}
		pos -= len(w)
		copy(kbuf[pos:], w)
		if phrases[string(kbuf[pos:])] {
			return true
		}
	}
	return false
}

// endsWithPhraseStrings is endsWithPhrase building its keys as strings.
func endsWithPhraseStrings(toks []token, end int, phrases map[string]bool, maxWords int) bool {
	key := ""
	for n := 1; n <= maxWords && end-n >= 0; n++ {
		if key == "" {
			key = toks[end-n].fold
		} else {
			key = toks[end-n].fold + " " + key
		}
		if phrases[key] {
			return true
		}
	}
	return false
}

var (
	conceptsOnce sync.Once
	concepts     *conceptLexicon
	conceptsErr  error
)

func loadConcepts() *conceptLexicon {
	conceptsOnce.Do(func() { concepts, conceptsErr = compileConcepts(assets.Lang, "lang/concepts.tsv") })
	if conceptsErr != nil {
		panic("compare: embedded concepts table is broken: " + conceptsErr.Error())
	}
	return concepts
}

func compileConcepts(fsys fs.FS, path string) (*conceptLexicon, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lx := &conceptLexicon{forms: map[string]map[string]conceptEntry{}, maxLen: map[string]int{}, family: map[string]string{}, cumulative: map[string]bool{}, contextual: map[string]bool{}, counted: map[string]bool{}, byUnit: map[string]string{}, first: map[string]map[string]int{}, prefix: map[string]map[string]bool{},
		coords: map[string]map[string]bool{}, coordClitics: map[string][]string{}, links: map[string]map[string]bool{}}
	m := loadGazetteer().morph
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	var dups []error
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", path, line, len(cols))
		}
		if cols[0] == "cumulative" {
			for _, c := range strings.Fields(cols[2]) {
				lx.cumulative[c] = true
			}
			continue
		}
		if cols[0] == "contextual" {
			for _, c := range strings.Fields(cols[2]) {
				lx.contextual[c] = true
			}
			continue
		}
		if cols[0] == "counted" {
			for _, c := range strings.Fields(cols[2]) {
				lx.counted[c] = true
			}
			continue
		}
		if cols[0] == "unitcode" {
			for _, u := range strings.Fields(cols[2]) {
				lx.byUnit[u] = cols[1]
			}
			continue
		}
		if cols[0] == "and" || cols[0] == "link" {
			set := lx.coords
			if cols[0] == "link" {
				set = lx.links
			}
			if set[cols[1]] == nil {
				set[cols[1]] = map[string]bool{}
			}
			for _, form := range strings.Split(cols[2], "|") {
				if cl, ok := strings.CutSuffix(form, "+"); ok && cols[0] == "and" {
					lx.coordClitics[cols[1]] = append(lx.coordClitics[cols[1]], cueKeys(cl, m))
					continue
				}
				if k := cueKeys(form, m); k != "" {
					set[cols[1]][k] = true
				}
			}
			continue
		}
		if cols[0] == "family" {
			for _, c := range strings.Fields(cols[2]) {
				lx.family[c] = cols[1]
			}
			continue
		}
		concept, lang := cols[0], cols[1]
		if lx.forms[lang] == nil {
			lx.forms[lang] = map[string]conceptEntry{}
		}
		for _, form := range strings.Split(cols[2], "|") {
			e := conceptEntry{concept: concept, tier: tierStrong}
			switch {
			case strings.HasPrefix(form, "~"):
				e.tier, form = tierWeak, form[1:]
			case strings.HasPrefix(form, "@"):
				e.unit, form = true, form[1:]
			case strings.HasPrefix(form, "="):
				e.familyOnly, form = true, form[1:]
			}
			if concept == "people" {
				e.tier = tierGeneric
			}
			toks := tokenize(form, m)
			if len(toks) == 0 {
				if e.unit && strings.TrimSpace(form) != "" {
					// A symbol unit ("%", "$", "€"): looked up by the rune next to the number.
					lx.forms[lang]["sym:"+strings.TrimSpace(form)] = e
					continue
				}
				return nil, fmt.Errorf("%s:%d: form %q has no letters", path, line, form)
			}
			keys := make([]string, len(toks))
			for i, t := range toks {
				keys[i] = t.fold
			}
			k := strings.Join(keys, " ")
			if lx.first[lang] == nil {
				lx.first[lang], lx.prefix[lang] = map[string]int{}, map[string]bool{}
			}
			lx.first[lang][keys[0]] = max(lx.first[lang][keys[0]], len(keys))
			for n := 2; n < len(keys); n++ {
				lx.prefix[lang][strings.Join(keys[:n], " ")] = true
			}
			if old, ok := lx.forms[lang][k]; ok && old.concept != concept && old.unit == e.unit {
				// The same word listed under two concepts: the first (more specific, by the
				// file's order) wins; a later duplicate is a curation slip to report.
				dups = append(dups, fmt.Errorf("%s:%d: form %q (%s) is already listed for %s", path, line, form, lang, old.concept))
			}
			if _, ok := lx.forms[lang][k]; !ok {
				lx.forms[lang][k] = e
			}
			if len(toks) > lx.maxLen[lang] {
				lx.maxLen[lang] = len(toks)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(dups) > 0 {
		return nil, errors.Join(dups...)
	}
	return lx, nil
}

// conceptCue is one cue word (or phrase) found in a text.
type conceptCue struct {
	ti, tj int // token span
	conceptEntry
}

// findCues lists the concept cues of a tokenised text, longest match first.
func (lx *conceptLexicon) findCues(toks []token, lang string) []conceptCue {
	forms := lx.forms[lang]
	if forms == nil {
		return nil
	}
	g := loadGazetteer()
	maxN := lx.maxLen[lang]
	first, prefix := lx.first[lang], lx.prefix[lang]
	var out []conceptCue
	// Keys are joined in one reused buffer: a strings.Builder after Reset allocates anew, and
	// a map look-up with string(bytes) does not allocate.
	var kbArr [128]byte
	var fvBuf [8]firstVariant
	for i := 0; i < len(toks); {
		matched := 0
		var best conceptEntry
		fvs := g.firstVariants(toks[i], fvBuf[:0])
		if art := g.morph.article; art != "" && toks[i].sc == scArabic && strings.HasPrefix(toks[i].key, art) && utf8.RuneCountInString(toks[i].key)-utf8.RuneCountInString(art) >= 3 {
			// Cue words are listed without the article ("قتلى" for القتلى), as names are
			// not: the gazetteer keeps it (الصين), so firstVariants leaves it on.
			rest := toks[i].key[len(art):]
			fvs = append(fvs, firstVariant{fold: rest, exact: rest})
		}
		for _, fv := range fvs {
			longest := first[fv.fold]
			if longest == 0 {
				continue
			}
			// The words from i as far as they begin some form, on one line.
			reach, limit := 1, min(longest, maxN, len(toks)-i)
			kb := append(kbArr[:0], fv.fold...)
			for reach < limit && !toks[i+reach].lineStart && (reach == 1 || prefix[string(kb)]) {
				kb = append(append(kb, ' '), toks[i+reach].fold...)
				reach++
			}
			// Then the longest form among those words: drop a word from the end each time.
			for n := reach; n >= 1 && n > matched; n-- {
				if e, hit := forms[string(kb)]; hit {
					matched, best = n, e
					break
				}
				if n > 1 {
					kb = kb[:len(kb)-len(toks[i+n-1].fold)-1]
				}
			}
		}
		if matched == 0 {
			i++
			continue
		}
		out = append(out, conceptCue{ti: i, tj: i + matched, conceptEntry: best})
		i += matched
	}
	return out
}

// assignConceptsTokens sets Concept on the number facts of a text from the cues around them.
// The caller passes the text's runes and actor tokens (ExtractFacts tokenizes once for actors
// and concepts); nil rs means compute them here. scratch, when not nil, holds a buffer to
// reuse for the per-rune clause counts.
func assignConceptsTokens(text, lang string, facts []Fact, rs []rune, toks []token, scratch *[]int32) {
	lx := loadConcepts()
	if lx.forms[lang] == nil {
		return
	}
	var nums []int
	for i := range facts {
		if facts[i].Kind == KindNumber {
			nums = append(nums, i)
		}
	}
	if len(nums) == 0 {
		return
	}
	if rs == nil {
		rs = []rune(text)
		toks = tokenizeRunes(text, rs, loadGazetteer().morph)
	}
	cues := lx.findCues(toks, lang)
	sents := splitSentences(rs, lang)
	sentOf := func(r int) int {
		lo, hi := 0, len(sents)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if sents[mid] <= r {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo
	}
	// Token span of each number: the tokens its rune span covers.
	type numPos struct{ ti, tj, sent int }
	pos := make([]numPos, len(nums))
	k := 0
	for n, fi := range nums {
		f := facts[fi]
		for k > 0 && toks[k-1].end > f.Start {
			k--
		}
		for k < len(toks) && toks[k].end <= f.Start {
			k++
		}
		ti := k
		tj := ti
		for tj < len(toks) && toks[tj].start < f.End {
			tj++
		}
		pos[n] = numPos{ti, tj, sentOf(f.Start)}
	}
	// clauses[r] counts the clause marks (commas, semicolons, colons, brackets, dashes of
	// every script) before rune r: a cue across one is further away than its word count says
	// ("35人死亡，236人受伤": 死亡 belongs to 35, not to the 236 it touches).
	var clauses []int32
	if scratch != nil {
		clauses = resized(*scratch, len(rs)+1)
		*scratch = clauses
	} else {
		clauses = make([]int32, len(rs)+1)
	}
	clauses[0] = 0
	for r, c := range rs {
		clauses[r+1] = clauses[r]
		if isClauseMark(c) {
			clauses[r+1]++
		}
	}
	// Each cue goes to the nearest number of its sentence; a cue after a number is a little
	// nearer than one before it ("5 000 morts et 20 000 blessés", "killed 35 and injured 236").
	type assigned struct {
		cue    conceptCue
		dist   float64
		before bool // the cue stands before the number
	}
	byNum := make([][]assigned, len(nums))
	for _, c := range cues {
		if c.ti < len(toks) && c.tj > 0 {
			cs := sentOf(toks[c.ti].start)
			best, bestD := -1, math.Inf(1)
			for n, p := range pos {
				if p.sent != cs || p.tj <= p.ti {
					continue
				}
				var d float64
				switch {
				case c.ti >= p.tj:
					d = float64(c.ti - p.tj)
				case c.tj <= p.ti:
					d = float64(p.ti-c.tj) + 0.5
				default:
					d = 0 // inside the number's span ("5 000 morts" taken whole by the grammar)
				}
				// Clause marks in the gap between the two spans.
				var gapFrom, gapTo int
				switch {
				case c.ti >= p.tj:
					gapFrom, gapTo = toks[p.tj-1].end, toks[c.ti].start
				case c.tj <= p.ti:
					gapFrom, gapTo = toks[c.tj-1].end, toks[p.ti].start
				}
				if gapTo > gapFrom {
					d += conceptClausePenalty * float64(clauses[gapTo]-clauses[gapFrom])
				}
				if c.ti >= p.tj && lx.opensMember(toks, c, p.tj, lang) {
					d += coordCuePenalty
				}
				if c.tj <= p.ti && lx.counted[c.concept] && d > countedNounBefore {
					continue // a counted noun names the number after it, not one further on
				}
				if d < bestD {
					best, bestD = n, d
				}
			}
			if best >= 0 && bestD <= conceptMaxDistance {
				byNum[best] = append(byNum[best], assigned{c, bestD, c.tj <= pos[best].ti})
			}
		}
	}
	symbols := lx.forms[lang]
	for n, fi := range nums {
		f := &facts[fi]
		// A unit symbol next to the number: "$9.6", "40,05 %", "€850m".
		var unit *conceptEntry
		for _, r := range []int{f.Start - 1, f.End, f.Start - 2, f.End + 1} {
			if r < 0 || r >= len(rs) {
				continue
			}
			var kbuf [8]byte // "sym:" and the rune, joined without allocating
			if e, ok := symbols[string(utf8.AppendRune(append(kbuf[:0], "sym:"...), rs[r]))]; ok {
				hit := e // a new variable only on a hit: &e made every look-up allocate
				unit = &hit
				break
			}
		}
		// The number's own unit code (units.tsv) wins over a symbol near it: "€850m" is
		// money, not metres.
		if isCurrencyCode(f.Unit) {
			unit = &conceptEntry{concept: "money", unit: true}
		}
		// The unit the grammar read in the number's own words says what it measures: a time
		// unit inside an adjective ("трехмесячный", "siebentägige", "3个月") a duration, unless
		// a cue of its family is near ("41-летний": an age); "400-metre" a length.
		if c := lx.byUnit[f.Unit]; c != "" {
			unit = &conceptEntry{concept: c, unit: true}
		}
		if unit == nil && f.Unit == "%" {
			if e, ok := symbols["sym:%"]; ok {
				unit = &e
			}
		}
		// A counted noun right after the number ends what the number measures: in "قتل 45
		// شخصا يوم الاثنين" (45 people killed on Monday) يوم is the day of the date, not a
		// unit of 45.
		nounAfter := math.Inf(1)
		for _, a := range byNum[n] {
			if !a.cue.unit && !a.cue.familyOnly && !a.before {
				nounAfter = math.Min(nounAfter, a.dist)
			}
		}
		// A strong cue right before the number ("magnitude 7.5") names it better than a unit
		// word one word after it: "magnitude 7.5 followed hours later" measures no hours.
		cueBefore := false
		for _, a := range byNum[n] {
			if !a.cue.unit && !a.cue.familyOnly && a.before && a.dist <= 0.5 && a.cue.tier >= tierStrong {
				cueBefore = true
			}
		}
		var pick, familyCue *assigned
		for i := range byNum[n] {
			a := &byNum[n][i]
			// A unit word follows its number ("30 km", "20 долларов"); one before it is
			// another word that folds to the same letters ("huy động 13": not đồng).
			if a.cue.unit && a.dist <= 1 && !a.before && unit == nil && a.dist <= nounAfter && (a.dist < 1 || !cueBefore) {
				e := a.cue.conceptEntry
				unit = &e
				continue
			}
			if a.cue.unit {
				continue
			}
			if a.cue.familyOnly {
				if a.before && a.dist <= 0.5 {
					familyCue = a
				}
				continue
			}
			if pick == nil || a.cue.tier > pick.cue.tier || a.cue.tier == pick.cue.tier && a.dist < pick.dist {
				pick = a
			}
		}
		if unit == nil && (pick == nil || pick.cue.tier == tierGeneric) {
			// "The death toll from the storm … has risen to 11,300": the figure's cue is the
			// subject of its clause, out of reach of the nearest-cue rule.
			if c, ok := lx.linkedCue(toks, cues, pos[n].ti, lang, func(ti int) bool { return sentOf(toks[ti].start) == pos[n].sent }); ok {
				pick = &assigned{cue: c, before: true}
			}
		}
		switch {
		case unit != nil:
			f.Concept = unit.concept
			// A cue of the unit's family overrides it: depth, height, length for metres.
			if pick != nil && lx.family[pick.cue.concept] != "" && lx.family[pick.cue.concept] == lx.family[unit.concept] {
				f.Concept = pick.cue.concept
			} else if familyCue != nil && lx.family[familyCue.cue.concept] != "" && lx.family[familyCue.cue.concept] == lx.family[unit.concept] {
				f.Concept = familyCue.cue.concept
			}
		case pick != nil:
			f.Concept = pick.cue.concept
		}
	}
	shareCoordinatedConcepts(rs, facts, nums)
	appositiveAges(rs, facts, nums)
}

// ageMax bounds the figure an apposition after a name may give as an age.
const ageMax = 120

// appositiveAges gives the concept "age" to a whole number between commas right after a
// person's name, bare or in years: "Tetsuya Yamagami, 41, an unemployed man", "le tireur,
// Pierre Martin, 41 ans, a été", "محمد علي، 41 عاما،". Every core language that writes
// commas sets an age off that way.
func appositiveAges(rs []rune, facts []Fact, nums []int) {
	personEnd := map[int]bool{}
	for _, f := range facts {
		if f.Kind == KindActor && f.Type == ActorPerson {
			personEnd[f.End] = true
		}
	}
	if len(personEnd) == 0 {
		return
	}
	isComma := func(r rune) bool { return r == ',' || r == '،' || r == '，' }
	for _, n := range nums {
		f := &facts[n]
		x, ok := numValue(*f)
		if !ok || f.Vague || f.Ordinal || x < 1 || x > ageMax || x != math.Trunc(x) || f.Qualifier != "" {
			continue
		}
		if f.Unit != "" && f.Unit != "year" {
			continue // a measure ("Paris, 58 km,"); a cue ("Hartley, 58, was arrested") yields
		}
		k := f.Start - 1
		for k >= 0 && rs[k] == ' ' {
			k--
		}
		if k < 1 || !isComma(rs[k]) {
			continue
		}
		k--
		for k >= 0 && rs[k] == ' ' {
			k--
		}
		if !personEnd[k+1] {
			continue
		}
		e := f.End
		for e < len(rs) && rs[e] == ' ' {
			e++
		}
		if e < len(rs) && (isComma(rs[e]) || rs[e] == ')' || rs[e] == ';') {
			f.Concept = "age"
		}
	}
}

// coordMaxLetters bounds the word between two coordinated numbers: "and", "bis", "и",
// "و", "đến", "和" — a short linking word, never a noun of its own.
const coordMaxLetters = 3

// shareCoordinatedConcepts gives a number with no concept the concept of a number it is
// coordinated with ("magnitude 2.1 and 2.3", "14 bis 15 Millionen Dollar", "12 و14 مليون
// دولار", "18,000-20,000 dead"): the cue names the pair, though it stands nearer one. A
// measure takes the unit too, so that both are compared in it.
func shareCoordinatedConcepts(rs []rune, facts []Fact, nums []int) {
	for k := 0; k+1 < len(nums); k++ {
		f, g := &facts[nums[k]], &facts[nums[k+1]]
		if (f.Concept == "") == (g.Concept == "") || g.Start < f.End || g.Start > len(rs) {
			continue
		}
		letters, ok := 0, true
		for _, r := range rs[f.End:g.Start] {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsSpace(r) || r == '-' || r == '–' || r == '/':
			default:
				ok = false
			}
		}
		if !ok || letters > coordMaxLetters {
			continue
		}
		from, to := f, g
		if f.Concept == "" {
			from, to = g, f
		}
		to.Concept = from.Concept
		if measureConcept(from.Concept) {
			to.Unit = from.Unit
		}
	}
}

// isCurrencyCode reports whether a number's unit is an ISO 4217 code (units.tsv writes money
// that way: USD, EUR, RUB).
func isCurrencyCode(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// opensMember reports whether cue c, found after a number whose tokens end at numEnd, opens
// a coordinated member: a coordinating word stands between them right before it ("and
// injured"), or is glued to it (Arabic "والجرحى", matched through its stem).
func (lx *conceptLexicon) opensMember(toks []token, c conceptCue, numEnd int, lang string) bool {
	if c.ti > numEnd && endsWithPhrase(toks, c.ti, lx.coords[lang], min(3, c.ti-numEnd)) {
		return true
	}
	t := toks[c.ti]
	if c.tj-c.ti != 1 || lx.forms[lang][t.fold].concept != "" {
		return false // the word itself is the form: no clitic was taken off ("وفيات")
	}
	for _, cl := range lx.coordClitics[lang] {
		if strings.HasPrefix(t.fold, cl) && len([]rune(t.fold)) > len([]rune(cl))+2 {
			return true
		}
	}
	return false
}

// linkedCue finds the cue of a number that follows a link word ("rose to", "возросло до",
// "بلغ", "升至"), a qualifier or two allowed between: the nearest cue of a running figure
// (a cumulative concept: the dead, the injured, not the bridge or the country the sentence
// names on the way) before the link in the number's sentence (inSentence tells whether a
// token is in it).
func (lx *conceptLexicon) linkedCue(toks []token, cues []conceptCue, numStart int, lang string, inSentence func(int) bool) (conceptCue, bool) {
	links := lx.links[lang]
	if len(links) == 0 {
		return conceptCue{}, false
	}
	linkStart := -1
	for gap := 0; gap <= linkMaxGap && numStart-gap > 0; gap++ {
		end := numStart - gap
		if !inSentence(end - 1) {
			break
		}
		for n := 1; n <= 3 && end-n >= 0; n++ {
			if endsWithPhrase(toks, end, links, n) && !endsWithPhrase(toks, end, links, n-1) {
				linkStart = end - n
				break
			}
		}
		if linkStart >= 0 {
			break
		}
	}
	if linkStart < 0 {
		return conceptCue{}, false
	}
	best := -1
	for k, c := range cues {
		if c.tj > linkStart || c.unit || c.tier == tierGeneric || !lx.cumulative[c.concept] || c.ti >= len(toks) || !inSentence(c.ti) {
			continue
		}
		best = k // cues are in text order: the last one before the link is the nearest
	}
	if best < 0 {
		return conceptCue{}, false
	}
	return cues[best], true
}

// countedNounKind says what a word right after a number counts, as the concept table knows
// it: nothing, people in general ("Menschen", "شخصا", "personnes"), or a toll or a
// counted thing ("Tote", "قتيلا", "morts", "maisons").
type countedNounKind int

const (
	countsNothing countedNounKind = iota
	countsPeople                  // a word for people in general ("Menschen", "شخصا")
	countsToll                    // a word of a toll's concept ("Tote", "قتيلا", "pompiers")
	countsThing                   // a counted thing ("maisons", "ships")
)

// countedNounWord reports what the word (one token of text in lang) counts when it follows a
// number: a word of the people family or of a counted thing. Verbs of the tolls' concepts
// are cues like the nouns (the table cannot tell "killed" from "dead"), so callers take
// countsToll only where a verb cannot stand.
func countedNounWord(word, lang string) countedNounKind {
	lx := loadConcepts()
	if lx.forms[lang] == nil {
		return countsNothing
	}
	toks := tokenize(word, loadGazetteer().morph)
	if len(toks) != 1 {
		return countsNothing
	}
	for _, c := range lx.findCues(toks, lang) {
		if c.ti != 0 || c.tj != 1 || c.unit || c.familyOnly {
			continue
		}
		switch {
		case c.concept == "people":
			return countsPeople
		case lx.family[c.concept] == "people":
			return countsToll
		case lx.counted[c.concept]:
			return countsThing
		}
	}
	return countsNothing
}
