package compare

import (
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/assets"
)

// The lexicon: every word and phrase the date and number extractors know for one language,
// compiled once from assets/lang (CLDR tables plus hand-written additions) into a trie over
// normalised tokens. Compiled lexicons are immutable and shared by all goroutines.

type itemKind uint8

const (
	itMonth           itemKind = iota + 1 // val: 1..12; abbr when flag&flagAbbr
	itWeekday                             // val: 0 (Sunday)..6; s: part of the day glued on ("Montagabend")
	itRelDay                              // val: day offset from the publication date
	itAnaphor                             // val: day offset from the date just named
	itRelPeriod                           // s: unit (year, month, week, weekend); val: offset
	itRelWeekday                          // val: weekday; val2: -1 last, +1 next
	itUnit                                // s: dnDuration unit
	itCountedUnit                         // s: unit; f: count ("يومين" = two days)
	itDirPrefix                           // val: -1 past, +1 future
	itDirSuffix                           // val: -1 past, +1 future
	itDayPrefix                           // "ngày", "يوم"
	itDaySuffix                           // "日", "er", "."
	itMonthSuffix                         // "月"
	itYearPrefix                          // "năm", "عام"
	itYearSuffix                          // "年", "г.", "году"
	itConnector                           // "de", "del", "и"
	itYearCue                             // "en", "in": a bare year after it is a date
	itMonthCue                            // "en", "in", "في": a bare month name after it is a date
	itSpanPrefix                          // "в", "во": kept in the span before a weekday or year
	itIntervalOpen                        // val: frame index
	itIntervalMid                         // val: frame index
	itModifier                            // "plus tôt", "early": kept in the span, value unchanged
	itNumber                              // f: value
	itNumMult                             // f: multiplier of the digit before it (cent, 百, trăm)
	itScale                               // f: value; flag&flagShort for abbreviations
	itQualifier                           // s: qualifier
	itPostQualifier                       // s: qualifier
	itVague                               // "millions", "des dizaines": no single value
	itFunction                            // function words (articles, prepositions, conjunctions)
	itPercent                             // "pour cent", "%"
	itTimeMarker                          // "h", "Uhr", "giờ"
	itClassifier                          // Chinese measure words
	itOrdinalPrefix                       // "第", "thứ"
	itArticle                             // "a", "un", "ein": a number only before a scale or unit
	itFurniture                           // "Lire aussi", "Read more": the article body has ended
	itVagueMag                            // f: magnitude ("dozens" 10, "des centaines" 100, "数万" 10000)
	itApprox                              // f: value, about ("une vingtaine" 20, "a dozen or so")
	itVagueLink                           // "of", "de": joins "tens of thousands"
	itCounted                             // f: count a word carries ("twice", "zweimal", "صاروخين")
	itNumSuffix                           // s: unit code; a suffix after "47-": "ми", "летний", "year-old"
	itUnitCode                            // s: unit code ("km", "USD", "%"); flag&flagPrefix when written before
	itOrdinalWord                         // f: rank ("second", "deuxième", "второй")
	itSuperlative                         // "largest", "plus grand", "大": an ordinal before or after it carries a fact
	itEventDir                            // "later", "plus tard": a duration measured from another event, not a date
	itFraction                            // f: value ("half", "la moitié", "الثلث", "一半")
	itRangeLink                           // "bis", "to", "و": "14 bis 15 Millionen"
	itHalf                                // "and a half", "rưỡi", "半" after a unit
	itCountCue                            // "aged", "magnitude", "القتلى": a bare number after it is a count
	itLabel                               // "No.", "رقم", "№": a number after it is an identifier
	itMoneyScale                          // f: value; "m" of "€850m": a scale only after a currency
	itDayAlone                            // "日", "号": a bare day of the month, month from the anchor
	itDayPart                             // s: part of the day ("晚" evening, "凌晨" early_morning), kept in the span
	itFutureCue                           // "will", "sẽ", "将", "prochain": a lone weekday lies ahead
	itNight                               // "la nuit de", "в ночь на": a night, alone or to the next day
	itNightLink                           // "à", "на", "إلى", "rạng sáng": joins a night's two days
	itDecadePrefix                        // "années", "những năm": a year ending in 0 names a decade
	itDecadeSuffix                        // "s", "-х": "1970s", "1970-х" name a decade
	itDecadeWord                          // val: first year ("años setenta" 1970, "السبعينيات" 1970)
	itSeason                              // val: first month; val2: last month; f: year offset ("今冬")
	itTimePrefix                          // "a las", "um", "à": hours and minutes after it are a time ("a las 18.50")
	itEventLink                           // "من" of "بعد يومين من الانفجار": the duration before it counts from that event
	itQualNumber                          // f: value after a qualifier ("более тысячи" 1000; "тысячи" alone is vague)
	itPostNumber                          // f: value of a number word that follows its noun ("كيلومتر واحد")
	itMeasureAdj                          // "tall", "deep": after "93m" the letter is a unit
	itDayWord                             // val: a day of the month written as a word ("тринадцатого", "premier")
	itPercentPrefix                       // "百分之": the number after it is a percentage
	itSeasonName                          // val: first month; val2: last month ("summer", "летом"): with a year after it
	itPluralUnit                          // s: unit; a plural time unit that alone is a vague duration after a cue ("for years")
	itPluralCue                           // "for", "seit", "after": a bare plural time unit after it is a vague duration
	itMonthLastPre                        // val: -1 past, +1 next; "last", "el pasado", "im vergangenen" before a month
	itMonthLastPost                       // val: -1 past, +1 next; "dernier", "الماضي", "vừa qua" after a month
	itEvery                               // "jeder", "каждый": with an ordinal after it, a share ("jeder zweite" 50 %)
	itDottedDayPrefix                     // "ngày": a day word after which day.month is a date ("ngày 13.10")
)

const (
	flagAbbr   = 1 << iota // abbreviated month or weekday
	flagShort              // abbreviated scale ("k", "млн")
	flagCase               // needs a capital on its last word (vi weekday names)
	flagPrefix             // a unit written before the number ("$", "US$", "€")
)

type dnItem struct {
	kind itemKind
	flag uint8
	val  int
	val2 int
	f    float64
	s    string
}

type dnTrie struct {
	items []dnItem
	next  map[string]*dnTrie
}

// dnLexicon is the compiled table of one language.
type dnLexicon struct {
	lang  string
	root  map[string]*dnTrie
	order string // numeric date order: "dmy", "mdy" or "ymd"
	// decimal and group are the number separators the language uses.
	decimal, group map[string]bool
	bareMonths     bool // month words need no cue (tháng 3, 3月)
	needClassifier bool // numerals in words count only before a measure word (Chinese)
	unitMaxWords   int
	clitics        []string
	blockBefore    map[string]map[string]bool
	ordinalSuffix  map[string]bool
	// numberPrefix holds words glued before digits that leave them a number: the Arabic
	// article of "الـ2750 طنا".
	numberPrefix map[string]bool
	// numberWords lists single-token number words, longest first, for glued-text recovery.
	numberWords []string
	// compoundOnly holds number words that never start a number ("không" is also "not").
	compoundOnly map[string]bool
	// capNouns: nouns are capitalised (German), so a capitalised word may be a counted unit.
	capNouns bool
	// stems are number stems of compound words ("семи" of "семидневный", "zwei" of
	// "zweijährigen"), longest first.
	stems []numStem
	// freeOrder: a bare number may follow a name and still count ("с Путиным 27 встреч").
	freeOrder bool
	// glueIndex maps the first two bytes of a number word to the words, for glued-text recovery.
	glueIndex map[string][]string
	// futureSuffixes are word endings of the future tense ("votarán", "será"): such a verb
	// near a lone weekday puts it ahead of the publication date, as a future cue does.
	futureSuffixes []string
	// frames counts interval frames ("de … à") so merged lexicons keep them apart.
	frames int
	// numeralJoiners are the words inside a number written as one word ("und" of
	// "dreiundzwanzig"); a language that has them writes numbers glued, and numeralParts then
	// holds its number words of one piece (1–19, the tens, 100, 1000) to split such a word.
	numeralJoiners []string
	numeralParts   map[string]float64
	// numeralHeads holds the first numeralHeadLen bytes of every numeral part and joiner (the
	// shortest one's length): a word that begins with none of them is no compound numeral.
	numeralHeads   map[string]bool
	numeralHeadLen int
}

// langFile is the union of the generated and hand-written table formats.
type langFile struct {
	Months         map[string]int           `json:"months"`
	MonthsAbbr     map[string]int           `json:"months_abbr"`
	Weekdays       map[string]int           `json:"weekdays"`
	WeekdaysAbbr   map[string]int           `json:"weekdays_abbr"`
	RelDays        map[string]int           `json:"rel_days"`
	Anaphors       map[string]int           `json:"anaphors"`
	RelPeriods     map[string]relPeriodJSON `json:"rel_periods"`
	RelWeekdays    map[string][2]int        `json:"rel_weekdays"`
	Units          map[string]string        `json:"units"`
	CountedUnits   map[string]countedJSON   `json:"counted_units"`
	DirPrefix      map[string]string        `json:"dir_prefix"`
	DirSuffix      map[string]string        `json:"dir_suffix"`
	Order          string                   `json:"order"`
	DayPrefix      []string                 `json:"day_prefix"`
	DottedDay      []string                 `json:"dotted_day_prefix"`
	DaySuffix      []string                 `json:"day_suffix"`
	MonthSuffix    []string                 `json:"month_suffix"`
	YearPrefix     []string                 `json:"year_prefix"`
	YearSuffix     []string                 `json:"year_suffix"`
	Connectors     []string                 `json:"connectors"`
	YearCues       []string                 `json:"year_cues"`
	MonthCues      []string                 `json:"month_cues"`
	SpanPrefix     []string                 `json:"span_prefix"`
	Intervals      [][2]string              `json:"intervals"`
	Modifiers      []string                 `json:"modifiers"`
	Decimal        []string                 `json:"decimal"`
	Group          []string                 `json:"group"`
	Scales         map[string]float64       `json:"scales"`
	ScalesShort    map[string]float64       `json:"scales_short"`
	Numbers        map[string]float64       `json:"numbers"`
	NumberMults    map[string]float64       `json:"number_mults"`
	Qualifiers     map[string]string        `json:"qualifiers"`
	PostQualifiers map[string]string        `json:"post_qualifiers"`
	Vague          []string                 `json:"vague"`
	FunctionWords  []string                 `json:"function_words"`
	Percent        []string                 `json:"percent"`
	TimeMarkers    []string                 `json:"time_markers"`
	TimePrefixes   []string                 `json:"time_prefixes"`
	EventLinks     []string                 `json:"event_links"`
	QualNumbers    map[string]float64       `json:"qualified_numbers"`
	Classifiers    []string                 `json:"classifiers"`
	OrdinalPrefix  []string                 `json:"ordinal_prefixes"`
	OrdinalSuffix  []string                 `json:"ordinal_suffixes"`
	NumberPrefix   []string                 `json:"number_prefixes"`
	Articles       []string                 `json:"articles"`
	BlockBefore    map[string][]string      `json:"block_before"`
	Clitics        []string                 `json:"clitics"`
	BareMonths     bool                     `json:"bare_months"`
	WeekdayCase    bool                     `json:"weekday_case"`
	RequireClass   bool                     `json:"require_classifier"`
	UnitMaxWords   int                      `json:"unit_max_words"`
	CompoundOnly   []string                 `json:"compound_only"`
	CapNouns       bool                     `json:"capitalized_nouns"`
	Furniture      []string                 `json:"furniture_markers"`
	FreeOrder      bool                     `json:"free_word_order"`
	VagueMagnitude map[string]float64       `json:"vague_magnitude"`
	ApproxNumbers  map[string]float64       `json:"approx_numbers"`
	VagueLinks     []string                 `json:"vague_links"`
	CountedWords   map[string]float64       `json:"counted_words"`
	NumberSuffixes map[string]string        `json:"number_suffixes"`
	Ordinals       map[string]float64       `json:"ordinals"`
	Superlatives   []string                 `json:"superlatives"`
	EventDirs      []string                 `json:"event_directions"`
	Fractions      map[string]float64       `json:"fractions"`
	RangeLinks     []string                 `json:"range_links"`
	HalfWords      []string                 `json:"half_words"`
	NumberStems    map[string]float64       `json:"number_stems"`
	CountCues      []string                 `json:"count_cues"`
	LabelWords     []string                 `json:"label_words"`
	MoneyScales    map[string]float64       `json:"money_scales"`
	DayAlone       []string                 `json:"day_alone_suffix"`
	DayParts       map[string]string        `json:"day_parts"`
	WeekdayParts   map[string]string        `json:"weekday_part_suffixes"`
	FutureCues     []string                 `json:"future_cues"`
	FutureSuffixes []string                 `json:"future_suffixes"`
	NightOf        []string                 `json:"night_of"`
	NightTo        []string                 `json:"night_to"`
	NightLinks     []string                 `json:"night_links"`
	DecadePrefix   []string                 `json:"decade_prefix"`
	DecadeSuffix   []string                 `json:"decade_suffix"`
	DecadeWords    map[string]int           `json:"decade_words"`
	Seasons        map[string][3]int        `json:"seasons"`
	NumeralJoiners []string                 `json:"numeral_joiners"`
	PostNumbers    map[string]float64       `json:"post_numbers"`
	MeasureAdjs    []string                 `json:"measure_adjectives"`
	DayWords       map[string]int           `json:"day_words"`
	PercentPrefix  []string                 `json:"percent_prefixes"`
	SeasonNames    map[string][2]int        `json:"season_names"`
	PluralUnits    map[string]string        `json:"plural_units"`
	// MonthDirBefore and MonthDirAfter are words that put a month written without a year in
	// the last or the next such month before or after the anchor ("last March", "mars
	// dernier", "مارس الماضي"): -1 past, +1 ahead.
	MonthDirBefore map[string]int `json:"month_dir_before"`
	MonthDirAfter  map[string]int `json:"month_dir_after"`
	PluralCues     []string       `json:"plural_unit_cues"`
	EveryWords     []string       `json:"every_words"`
}

type relPeriodJSON struct {
	Unit   string `json:"unit"`
	Offset int    `json:"offset"`
}

type countedJSON struct {
	Unit  string `json:"unit"`
	Count int    `json:"count"`
}

// coreLangs are the languages Parallax is built for; a document of unknown language is read
// with all of their tables at once.
var coreLangs = []string{"ar", "de", "en", "es", "fr", "ru", "vi", "zh"}

var lexicons sync.Map // lang → *lexEntry

type lexEntry struct {
	once sync.Once
	lx   *dnLexicon
}

// lexiconFor returns the compiled lexicon of lang ("" or an unknown language: the core
// languages together). Compilation happens once per language.
func lexiconFor(lang string) *dnLexicon {
	if lx, ok := lexiconsByTag.Load(lang); ok {
		return lx.(*dnLexicon)
	}
	lx := lexiconForTag(lang)
	lexiconsByTag.Store(lang, lx)
	return lx
}

// lexiconsByTag maps each language tag asked for to its lexicon: every article asks, and
// finding the tag's language file again each time cost more than the look-up.
var lexiconsByTag sync.Map

// lexiconForTag is lexiconFor without lexiconsByTag.
func lexiconForTag(lang string) *dnLexicon {
	lang = strings.ToLower(strings.SplitN(strings.SplitN(lang, "-", 2)[0], "_", 2)[0])
	if lang != "" {
		if _, err := assets.Lang.Open("lang/cldr/" + lang + ".json"); err != nil {
			if _, err := assets.Lang.Open("lang/extra/" + lang + ".json"); err != nil {
				lang = ""
			}
		}
	}
	v, _ := lexicons.LoadOrStore(lang, &lexEntry{})
	e := v.(*lexEntry)
	e.once.Do(func() {
		langs := []string{lang}
		if lang == "" {
			langs = coreLangs
		}
		e.lx = compileLexicon(lang, langs)
	})
	return e.lx
}

func readLangFile(path string) *langFile {
	b, err := assets.Lang.ReadFile(path)
	if err != nil {
		return nil
	}
	var f langFile
	if err := json.Unmarshal(b, &f); err != nil {
		// The tables are embedded and checked by TestLangDataParses; a broken file must not
		// take the analysis down, it only loses that language's words.
		return nil
	}
	return &f
}

func compileLexicon(name string, langs []string) *dnLexicon {
	lx := &dnLexicon{
		lang: name, root: map[string]*dnTrie{},
		decimal: map[string]bool{}, group: map[string]bool{},
		blockBefore: map[string]map[string]bool{}, ordinalSuffix: map[string]bool{},
		compoundOnly: map[string]bool{}, glueIndex: map[string][]string{},
		unitMaxWords: 1,
	}
	for _, l := range langs {
		gen, extra := readLangFile("lang/cldr/"+l+".json"), readLangFile("lang/extra/"+l+".json")
		if gen != nil && extra != nil && extra.WeekdayCase {
			// The capital rule is the language's, not one file's: CLDR's "Thứ Hai" is
			// Monday, "lớn thứ hai" is "second largest".
			gen.WeekdayCase = true
		}
		if gen != nil && extra != nil && len(extra.WeekdayParts) > 0 {
			// The compounds are built from the generated weekday names too ("Montag"+"abend").
			gen.WeekdayParts = extra.WeekdayParts
		}
		for _, f := range []*langFile{gen, extra} {
			if f != nil {
				lx.addFile(f, len(langs) > 1)
			}
		}
	}
	lx.addUnits(langs)
	if lx.order == "" {
		lx.order = "dmy"
	}
	if len(lx.decimal) == 0 {
		lx.decimal["."] = true
		lx.group[","] = true
	}
	seen := map[string]bool{}
	for k, n := range lx.root {
		for _, it := range n.items {
			if it.kind == itNumber && it.f > 1 && utf8.RuneCountInString(k) >= 4 && !seen[k] {
				seen[k] = true
				lx.numberWords = append(lx.numberWords, k)
			}
		}
	}
	sort.Slice(lx.stems, func(i, j int) bool {
		if len(lx.stems[i].s) != len(lx.stems[j].s) {
			return len(lx.stems[i].s) > len(lx.stems[j].s)
		}
		return lx.stems[i].s < lx.stems[j].s
	})
	sort.Slice(lx.numberWords, func(i, j int) bool {
		a, b := lx.numberWords[i], lx.numberWords[j]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	if len(lx.numeralJoiners) > 0 {
		lx.numeralParts = map[string]float64{}
		for k, n := range lx.root {
			for _, it := range n.items {
				if it.kind == itNumber && isNumeralPart(it.f) && !strings.Contains(k, " ") {
					lx.numeralParts[k] = it.f
				}
			}
		}
		lx.numeralHeads, lx.numeralHeadLen = numeralHeads(lx.numeralParts, lx.numeralJoiners)
	}
	for _, w := range lx.numberWords {
		if !lx.compoundOnly[w] {
			lx.glueIndex[w[:2]] = append(lx.glueIndex[w[:2]], w)
		}
	}
	return lx
}

// numeralHeads returns the first n bytes of every part and joiner, n the shortest one's
// length in bytes (0 and no set when some joiner is empty or there are none).
func numeralHeads(parts map[string]float64, joiners []string) (map[string]bool, int) {
	n := -1
	for k := range parts {
		if n < 0 || len(k) < n {
			n = len(k)
		}
	}
	for _, j := range joiners {
		if n < 0 || len(j) < n {
			n = len(j)
		}
	}
	if n <= 0 {
		return nil, 0
	}
	heads := map[string]bool{}
	for k := range parts {
		heads[k[:n]] = true
	}
	for _, j := range joiners {
		heads[j[:n]] = true
	}
	return heads, n
}

// phraseKeys tokenizes a table phrase exactly like article text.
func phraseKeys(s string) []string {
	toks := scanTokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.key
	}
	return out
}

func (lx *dnLexicon) add(phrase string, it dnItem) {
	keys := phraseKeys(phrase)
	if len(keys) == 0 {
		return
	}
	m := lx.root
	var n *dnTrie
	for _, k := range keys {
		n = m[k]
		if n == nil {
			n = &dnTrie{}
			m[k] = n
		}
		if n.next == nil {
			n.next = map[string]*dnTrie{}
		}
		m = n.next
	}
	for _, old := range n.items {
		if old == it {
			return
		}
	}
	n.items = append(n.items, it)
}

func dirVal(s string) int {
	if s == "past" {
		return -1
	}
	return 1
}

// lastUpper reports whether the last word of a table phrase starts with a capital.
func lastUpper(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return unicode.IsUpper(r)
}

func (lx *dnLexicon) addFile(f *langFile, merged bool) {
	for s, v := range f.Months {
		lx.add(s, dnItem{kind: itMonth, val: v})
	}
	for s, v := range f.MonthsAbbr {
		lx.add(s, dnItem{kind: itMonth, val: v, flag: flagAbbr})
	}
	for s, v := range f.Weekdays {
		var fl uint8
		if f.WeekdayCase && lastUpper(s) {
			fl = flagCase
		}
		if f.WeekdayCase && !lastUpper(s) {
			continue
		}
		lx.add(s, dnItem{kind: itWeekday, val: v, flag: fl})
	}
	// "Montagabend", "Dienstagmittag": a weekday with a part of the day glued on is that day.
	for s, v := range f.Weekdays {
		if f.WeekdayCase {
			continue
		}
		for suf, part := range f.WeekdayParts {
			lx.add(s+suf, dnItem{kind: itWeekday, val: v, s: part})
		}
	}
	for s, v := range f.WeekdaysAbbr {
		lx.add(s, dnItem{kind: itWeekday, val: v, flag: flagAbbr})
	}
	for s, v := range f.RelDays {
		lx.add(s, dnItem{kind: itRelDay, val: v})
	}
	for s, v := range f.Anaphors {
		lx.add(s, dnItem{kind: itAnaphor, val: v})
	}
	for s, v := range f.RelPeriods {
		if v.Unit == "year" || v.Unit == "month" || v.Unit == "week" || v.Unit == "weekend" {
			lx.add(s, dnItem{kind: itRelPeriod, s: v.Unit, val: v.Offset})
		}
	}
	for s, v := range f.RelWeekdays {
		lx.add(s, dnItem{kind: itRelWeekday, val: v[0], val2: v[1]})
	}
	for s, v := range f.Units {
		lx.add(s, dnItem{kind: itUnit, s: v})
	}
	for s, v := range f.CountedUnits {
		lx.add(s, dnItem{kind: itCountedUnit, s: v.Unit, f: float64(v.Count)})
	}
	for s, v := range f.DirPrefix {
		lx.add(s, dnItem{kind: itDirPrefix, val: dirVal(v)})
	}
	for s, v := range f.DirSuffix {
		lx.add(s, dnItem{kind: itDirSuffix, val: dirVal(v)})
	}
	if f.Order != "" && (lx.order == "" || !merged) {
		lx.order = f.Order
	}
	addAll := func(list []string, k itemKind) {
		for _, s := range list {
			lx.add(s, dnItem{kind: k})
		}
	}
	addAll(f.DayPrefix, itDayPrefix)
	addAll(f.DottedDay, itDottedDayPrefix)
	addAll(f.DaySuffix, itDaySuffix)
	addAll(f.MonthSuffix, itMonthSuffix)
	addAll(f.YearPrefix, itYearPrefix)
	addAll(f.YearSuffix, itYearSuffix)
	addAll(f.Connectors, itConnector)
	addAll(f.YearCues, itYearCue)
	addAll(f.MonthCues, itMonthCue)
	addAll(f.SpanPrefix, itSpanPrefix)
	addAll(f.Modifiers, itModifier)
	addAll(f.Vague, itVague)
	addAll(f.FunctionWords, itFunction)
	addAll(f.Percent, itPercent)
	addAll(f.TimeMarkers, itTimeMarker)
	addAll(f.TimePrefixes, itTimePrefix)
	addAll(f.EventLinks, itEventLink)
	addAll(f.MeasureAdjs, itMeasureAdj)
	addAll(f.PercentPrefix, itPercentPrefix)
	addAll(f.PluralCues, itPluralCue)
	addAll(f.EveryWords, itEvery)
	for s, v := range f.PluralUnits {
		lx.add(s, dnItem{kind: itPluralUnit, s: v})
	}
	for s, v := range f.MonthDirBefore {
		lx.add(s, dnItem{kind: itMonthLastPre, val: v})
	}
	for s, v := range f.MonthDirAfter {
		lx.add(s, dnItem{kind: itMonthLastPost, val: v})
	}
	for s, v := range f.SeasonNames {
		lx.add(s, dnItem{kind: itSeasonName, val: v[0], val2: v[1]})
	}
	for s, v := range f.DayWords {
		lx.add(s, dnItem{kind: itDayWord, val: v})
	}
	for s, v := range f.PostNumbers {
		lx.add(s, dnItem{kind: itPostNumber, f: v})
	}

	for s, v := range f.QualNumbers {
		lx.add(s, dnItem{kind: itQualNumber, f: v})
	}
	addAll(f.Classifiers, itClassifier)
	addAll(f.OrdinalPrefix, itOrdinalPrefix)
	addAll(f.Articles, itArticle)
	addAll(f.Furniture, itFurniture)
	addAll(f.VagueLinks, itVagueLink)
	addAll(f.Superlatives, itSuperlative)
	addAll(f.EventDirs, itEventDir)
	addAll(f.RangeLinks, itRangeLink)
	addAll(f.HalfWords, itHalf)
	addAll(f.CountCues, itCountCue)
	addAll(f.LabelWords, itLabel)
	addAll(f.DayAlone, itDayAlone)
	for s, part := range f.DayParts {
		lx.add(s, dnItem{kind: itDayPart, s: part})
	}
	addAll(f.FutureCues, itFutureCue)
	addAll(f.NightOf, itNight)
	for _, s := range f.NightTo {
		lx.add(s, dnItem{kind: itNight, val: 1})
	}
	addAll(f.NightLinks, itNightLink)
	addAll(f.DecadePrefix, itDecadePrefix)
	addAll(f.DecadeSuffix, itDecadeSuffix)
	for s, v := range f.Seasons {
		lx.add(s, dnItem{kind: itSeason, val: v[0], val2: v[1], f: float64(v[2])})
	}
	for s, v := range f.DecadeWords {
		lx.add(s, dnItem{kind: itDecadeWord, val: v})
	}
	for s, v := range f.MoneyScales {
		lx.add(s, dnItem{kind: itMoneyScale, f: v})
	}
	for st, v := range f.NumberStems {
		k := strings.Join(phraseKeys(st), "")
		if k != "" && !merged {
			lx.stems = append(lx.stems, numStem{k, v})
		}
	}
	for s, v := range f.VagueMagnitude {
		lx.add(s, dnItem{kind: itVagueMag, f: v})
	}
	for s, v := range f.ApproxNumbers {
		lx.add(s, dnItem{kind: itApprox, f: v})
	}
	for s, v := range f.CountedWords {
		lx.add(s, dnItem{kind: itCounted, f: v})
	}
	for s, v := range f.NumberSuffixes {
		lx.add(s, dnItem{kind: itNumSuffix, s: v})
	}
	for s, v := range f.Ordinals {
		lx.add(s, dnItem{kind: itOrdinalWord, f: v})
	}
	for s, v := range f.Fractions {
		lx.add(s, dnItem{kind: itFraction, f: v})
	}
	for i, fr := range f.Intervals {
		// Frames are numbered per file; the offset keeps languages apart in merged lexicons.
		id := lx.frames + i + 1
		if fr[0] != "" {
			lx.add(fr[0], dnItem{kind: itIntervalOpen, val: id})
		}
		lx.add(fr[1], dnItem{kind: itIntervalMid, val: id})
	}
	lx.frames += len(f.Intervals)
	for _, s := range f.Decimal {
		lx.decimal[s] = true
	}
	for _, s := range f.Group {
		lx.group[s] = true
	}
	for s, v := range f.Scales {
		if okScaleForm(s) {
			lx.add(s, dnItem{kind: itScale, f: v, s: s})
		}
	}
	for s, v := range f.ScalesShort {
		if okScaleForm(s) {
			lx.add(s, dnItem{kind: itScale, f: v, flag: flagShort, s: s})
		}
	}
	for s, v := range f.Numbers {
		lx.add(s, dnItem{kind: itNumber, f: v})
	}
	for s, v := range f.NumberMults {
		lx.add(s, dnItem{kind: itNumMult, f: v})
	}
	for s, v := range f.Qualifiers {
		lx.add(s, dnItem{kind: itQualifier, s: v})
	}
	for s, v := range f.PostQualifiers {
		lx.add(s, dnItem{kind: itPostQualifier, s: v})
	}
	for w, list := range f.BlockBefore {
		k := strings.Join(phraseKeys(w), " ")
		if lx.blockBefore[k] == nil {
			lx.blockBefore[k] = map[string]bool{}
		}
		for _, b := range list {
			lx.blockBefore[k][strings.Join(phraseKeys(b), " ")] = true
		}
	}
	for _, s := range f.OrdinalSuffix {
		lx.ordinalSuffix[strings.Join(phraseKeys(s), "")] = true
	}
	for _, s := range f.NumberPrefix {
		if lx.numberPrefix == nil {
			lx.numberPrefix = map[string]bool{}
		}
		lx.numberPrefix[strings.Join(phraseKeys(s), "")] = true
	}
	for _, s := range f.CompoundOnly {
		lx.compoundOnly[strings.Join(phraseKeys(s), " ")] = true
	}
	lx.capNouns = lx.capNouns || (f.CapNouns && !merged)
	lx.freeOrder = lx.freeOrder || (f.FreeOrder && !merged)
	lx.clitics = append(lx.clitics, f.Clitics...)
	if !merged {
		lx.futureSuffixes = append(lx.futureSuffixes, f.FutureSuffixes...)
		lx.numeralJoiners = append(lx.numeralJoiners, f.NumeralJoiners...)
	}
	lx.bareMonths = lx.bareMonths || (f.BareMonths && !merged)
	lx.needClassifier = lx.needClassifier || (f.RequireClass && !merged)
	if f.UnitMaxWords > lx.unitMaxWords && !merged {
		lx.unitMaxWords = f.UnitMaxWords
	}
}

// okScaleForm keeps scale abbreviations that cannot be mistaken for a model name: one-letter
// forms only when they are the usual k/K/M/B ("5G" stays a name, "30k" is 30,000).
func okScaleForm(s string) bool {
	if utf8.RuneCountInString(s) > 1 {
		return true
	}
	switch s {
	case "k", "K", "M", "B":
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isIdeoRune(r)
}

// addUnits adds the unit forms of assets/lang/units.tsv for langs (and those of every
// language, "*").
func (lx *dnLexicon) addUnits(langs []string) {
	b, err := assets.Lang.ReadFile("lang/units.tsv")
	if err != nil {
		return // checked by TestLangDataParses
	}
	want := map[string]bool{"*": true}
	for _, l := range langs {
		want[l] = true
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || !want[cols[1]] {
			continue
		}
		for _, form := range strings.Split(cols[2], "|") {
			it := dnItem{kind: itUnitCode, s: cols[0]}
			if strings.HasPrefix(form, "^") {
				form = form[1:]
				it.flag = flagPrefix
			}
			lx.add(form, it)
		}
	}
}

// numStem is the number stem of a compound word.
type numStem struct {
	s string
	f float64
}
