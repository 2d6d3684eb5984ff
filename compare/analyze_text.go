package compare

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// article is one document with what the analysis needs to know about it, computed once.
type article struct {
	doc Document
	// runes is the text as runes while the article's story is being analysed (load), nil
	// otherwise: held for every article at once they were most of a large workspace's
	// memory, and passes over them missed the cache.
	runes  []rune
	nRunes int
	facts  []Fact
	// sentStart holds the rune offset where each sentence starts, ascending; sentence i
	// runs to sentStart[i+1] (or the end of the text).
	sentStart []int
	factSent  []int // sentence index of each fact
	// sentKeys holds, per sentence, the fact keys (and counted units) it carries; filled
	// by story.prepareContext.
	sentKeys [][]string
	// pubDay is the publication day (days since 1970-01-01), or noDay.
	pubDay int
	// eventLo/eventHi bound the article's event time (see eventTime), or noDay.
	eventLo, eventHi int
	// toks and evCues are the article's tokens and event-word cues, computed once while its
	// story is analysed and dropped with the runes; evTypes (the kinds of event it reports,
	// see eventTypes) is kept for the event flag, which runs after every story.
	toks    []token
	evCues  []conceptCue
	evTypes map[string]bool
	// evTypesSet tells a memoised nil from none (the story cache may fill evTypes).
	evTypesSet bool
	// bySent lists the facts of each sentence and conceptN the distinct values per number
	// concept: built on first use, so per-fact questions do not rescan the article.
	bySent   [][]int
	conceptN map[string]int
	// dayN counts the day-precise date facts per value (dayCount), built on first use.
	dayN map[string]int
	// yearN counts the year- and month-precise date facts per value (periodCount), built on first use.
	yearN map[string]int
	// valueN counts the number facts per value (valueCount), built on first use.
	valueN map[float64]int

	// What AnalyzeStream keeps of an article between its passes, its facts and text being
	// loaded only while its story is analysed: its clustering features and day of the year
	// (computed when it was read), a hash of its text when the caller gives no revision, and
	// the countries and places it names after story resolution (the event flag compares
	// them). places is computed from the facts when placesSet is false.
	pre     *clusterPre
	textSum string
	// order is the article's analysis order key (orderKey), computed while the text is held.
	order     string
	places    []string
	placesSet bool

	// stated holds, per claim concept, every value the article gives for it and every
	// rounding of those values (statesValue), built on first use.
	stated map[string]*statedValues
}

// clusterPre is an article's clustering input computed ahead of clustering.
type clusterPre struct {
	feats storyFeatures
	doy   yearDays
}

// features returns the article's clustering features.
func (a *article) features() storyFeatures {
	if a.pre != nil {
		return a.pre.feats
	}
	return featuresOf(a)
}

// dayOfYear returns the article's day of the year for the clustering veto.
func (a *article) dayOfYear() yearDays {
	if a.pre != nil {
		return a.pre.doy
	}
	return dayOfYearOf(a)
}

// placeKeys returns the keys of the countries and places the article names (its facts, or
// what was kept of them).
func (a *article) placeKeys() []string {
	if !a.placesSet {
		a.places, a.placesSet = placeKeysOf(a.facts), true
	}
	return a.places
}

func placeKeysOf(facts []Fact) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range facts {
		if f.Kind != KindActor || (f.Type != "country" && f.Type != "place") {
			continue
		}
		if k := factKey(f); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// sentenceFacts returns the indices of the facts of sentence si.
func (a *article) sentenceFacts(si int) []int {
	if a.bySent == nil {
		a.bySent = factsBySentence(a)
	}
	if si < 0 || si >= len(a.bySent) {
		return nil
	}
	return a.bySent[si]
}

// kindsOfEvent returns eventTypes(a), memoised.
func (a *article) kindsOfEvent() map[string]bool {
	if !a.evTypesSet {
		a.evTypes, a.evTypesSet = eventTypes(a), true
	}
	return a.evTypes
}

const noDay = math.MinInt32

func newArticle(d Document, fs []Fact) *article {
	a := &article{doc: d, runes: []rune(d.Text), pubDay: noDay, order: orderKey(d)}
	a.nRunes = len(a.runes)
	// Shared with the caller: Analyze clones an article's facts before its story changes
	// them, and keeps the clone only when they did change (one copy of a large workspace's
	// facts in memory, not two).
	a.facts = fs
	a.sentStart = splitSentences(a.runes, d.Lang)
	a.index()
	return a
}

// load makes the article's runes available (for its story's analysis); unload drops them.
func (a *article) load() {
	if a.runes == nil && a.nRunes > 0 {
		a.runes = []rune(a.doc.Text)
	}
}

func (a *article) unload() { a.runes, a.toks, a.evCues = nil, nil, nil }

// tokens returns the article's tokens (the article must be loaded).
func (a *article) tokens() []token {
	if a.toks == nil && a.runes != nil {
		a.toks = tokenizeRunes(a.doc.Text, a.runes, loadGazetteer().morph)
	}
	return a.toks
}

// eventCues returns the event-word cues of the article (events.tsv), computed once.
func (a *article) eventCues() []conceptCue {
	if a.evCues == nil {
		a.evCues = loadEventTypes().findCues(a.tokens(), a.doc.Lang)
		if a.evCues == nil {
			a.evCues = []conceptCue{}
		}
	}
	return a.evCues
}

// index recomputes what depends on the facts and publication date.
func (a *article) index() {
	// A publication month or year is no day: the event time then comes from the text, as
	// for an undated article.
	if lo, _, prec, ok := parseDateRange(a.doc.Published); ok && prec == PrecisionDay {
		a.pubDay = lo
	} else {
		a.pubDay = noDay
	}
	a.factSent = make([]int, len(a.facts))
	for i, f := range a.facts {
		a.factSent[i] = a.sentenceAt(f.Start)
	}
	a.eventLo, a.eventHi = a.eventTime()
}

// sentenceAt returns the index of the sentence holding rune offset off.
func (a *article) sentenceAt(off int) int {
	lo, hi := 0, len(a.sentStart)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if a.sentStart[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// position is where a fact sits in its article, from 0 (top) to 1 (bottom): weak evidence
// that two facts state the same thing, since versions of a story keep roughly the same order.
func (a *article) position(i int) float64 {
	if a.nRunes == 0 {
		return 0
	}
	return float64(a.facts[i].Start) / float64(a.nRunes)
}

// eventTime bounds when the article's event happened, in days: its publication date when
// known (news reports what just happened), else the latest day-precise date it states. A
// year or a month in the text is usually background ("since 2011"), so it does not count.
//
// A published article most of whose dated days lie long before its publication (a history
// piece, an anniversary, a look back at an earlier disaster) is about those days: its event
// time is the day it states most.
func (a *article) eventTime() (int, int) {
	if a.pubDay != noDay {
		if d, ok := a.pastEventDay(); ok {
			return d, d
		}
		return a.pubDay, a.pubDay
	}
	latest := noDay
	for _, f := range a.facts {
		if f.Kind != KindDate || f.Unresolved {
			continue
		}
		lo, hi, prec, ok := parseDateRange(dateValue(f))
		if !ok || prec != PrecisionDay || hi-lo > 0 {
			continue
		}
		if lo > latest {
			latest = lo
		}
	}
	return latest, latest
}

// pastEventMinDays is how long before publication a day must lie to be another event's.
const pastEventMinDays = 60

// pastEventDay returns the day a published article mostly dates, when most of its
// day-precise dates with a written year lie pastEventMinDays or more before publication.
func (a *article) pastEventDay() (int, bool) {
	count := map[int]int{}
	total, past := 0, 0
	for _, f := range a.facts {
		if f.Kind != KindDate || f.Unresolved || f.Inferred {
			continue
		}
		lo, hi, prec, ok := parseDateRange(dateValue(f))
		if !ok || prec != PrecisionDay || lo != hi {
			continue
		}
		total++
		if lo <= a.pubDay-pastEventMinDays {
			past++
			count[lo]++
		}
	}
	if total < 2 || past*2 <= total {
		return 0, false
	}
	best, bestN := 0, 0
	for d, n := range count {
		if n > bestN || n == bestN && d > best {
			best, bestN = d, n
		}
	}
	return best, true
}

func (a *article) text(start, end int) string {
	start = max(0, min(start, a.nRunes))
	end = max(start, min(end, a.nRunes))
	if a.runes == nil {
		// Outside its story's analysis (event discrepancies): walk the text instead.
		return string([]rune(runeSlice(a.doc.Text, 0, 0, start, end))) // invalid bytes as U+FFFD, like []rune
	}
	return string(a.runes[start:end])
}

// splitSentences returns the rune offsets where sentences start. A sentence ends at a line
// break, or at terminal punctuation followed by a space, a quote or the end of text; a dot
// between digits (52.000, 5.31) does not end one, nor, in languages that write ordinal
// days with a dot (German "am 12. Juli"), a dot after a one- or two-digit number.
func splitSentences(rs []rune, lang string) []int {
	ordinalDot := ordinalDotLangs[lang]
	starts := []int{0}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		end := false
		switch r {
		case '\n':
			end = true
		case '.', '!', '?', '؟', '…':
			if i+1 >= len(rs) || unicode.IsSpace(rs[i+1]) || isQuote(rs[i+1]) {
				end = true
			}
			if r == '.' && ordinalDot && i+1 < len(rs) && rs[i+1] == ' ' && shortNumberBefore(rs, i) {
				end = false
			}
		case '。', '！', '？':
			end = true
		}
		if end && i+1 < len(rs) && starts[len(starts)-1] != i+1 {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// ordinalDotLangs write ordinal numbers, and so days of the month, with a dot.
var ordinalDotLangs = map[string]bool{"de": true, "da": true, "nb": true, "no": true, "fi": true,
	"cs": true, "sk": true, "pl": true, "hu": true, "sl": true, "hr": true, "sr": true, "lv": true, "et": true}

// shortNumberBefore reports whether the dot at i follows a standalone one- or two-digit number.
func shortNumberBefore(rs []rune, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && unicode.IsDigit(rs[j]); j-- {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	return i-n-1 < 0 || !unicode.IsLetter(rs[i-n-1])
}

func isQuote(r rune) bool {
	return strings.ContainsRune("\"'«»“”‘’", r)
}

// parseDateRange reads an ISO 8601 value (YYYY-MM-DD, YYYY-MM, YYYY or start/end) as the
// inclusive range of days it covers, with its precision.
func parseDateRange(v string) (lo, hi int, prec string, ok bool) {
	if v == "" {
		return 0, 0, "", false
	}
	if i := strings.IndexByte(v, '/'); i > 0 {
		l, _, p1, ok1 := parseDateRange(v[:i])
		_, h, _, ok2 := parseDateRange(v[i+1:])
		if !ok1 || !ok2 || h < l {
			return 0, 0, "", false
		}
		return l, h, p1, true
	}
	parts := strings.Split(v, "-")
	y, err := strconv.Atoi(parts[0])
	if err != nil || len(parts[0]) != 4 {
		return 0, 0, "", false
	}
	switch len(parts) {
	case 1:
		return days(y, 1, 1), days(y+1, 1, 1) - 1, PrecisionYear, true
	case 2:
		m, err := strconv.Atoi(parts[1])
		if err != nil || m < 1 || m > 12 {
			return 0, 0, "", false
		}
		return days(y, m, 1), days(y, m+1, 1) - 1, PrecisionMonth, true
	case 3:
		m, err1 := strconv.Atoi(parts[1])
		d, err2 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
			return 0, 0, "", false
		}
		n := days(y, m, d)
		return n, n, PrecisionDay, true
	}
	return 0, 0, "", false
}

func days(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayISO(n int) string {
	return time.Unix(int64(n)*86400, 0).UTC().Format("2006-01-02")
}

// humanDate renders an ISO value for a summary: "20 July 2021", "March 2021", "2021".
func humanDate(v string) string {
	lo, hi, prec, ok := parseDateRange(v)
	if !ok {
		return v
	}
	t := time.Unix(int64(lo)*86400, 0).UTC()
	if strings.Contains(v, "/") {
		return humanDate(v[:strings.IndexByte(v, '/')]) + "–" + humanDate(v[strings.IndexByte(v, '/')+1:])
	}
	_ = hi
	switch prec {
	case PrecisionDay:
		return t.Format("2 January 2006")
	case PrecisionMonth:
		return t.Format("January 2006")
	}
	return t.Format("2006")
}

// partialDate reads a year-less value ("--07-20", "--03") as month and day (day 0 for a
// month).
func partialDate(v string) (m, d int, ok bool) {
	if !strings.HasPrefix(v, "--") {
		return 0, 0, false
	}
	parts := strings.Split(v[2:], "-")
	m, err := strconv.Atoi(parts[0])
	if err != nil || m < 1 || m > 12 {
		return 0, 0, false
	}
	if len(parts) == 2 {
		d, err = strconv.Atoi(parts[1])
		if err != nil || d < 1 || d > 31 {
			return 0, 0, false
		}
	}
	return m, d, true
}

// monthDay is the "MM-DD" of a day-precise date value, full or year-less ("" otherwise).
func monthDay(f Fact) string {
	v := dateValue(f)
	if m, d, ok := partialDate(v); ok {
		if d == 0 {
			return ""
		}
		return fmt.Sprintf("%02d-%02d", m, d)
	}
	if f.Unresolved {
		return ""
	}
	if lo, hi, prec, ok := parseDateRange(v); ok && prec == PrecisionDay && lo == hi {
		return v[5:10]
	}
	return ""
}

// dateValue is a date fact's value as a string ("" when it has none).
func dateValue(f Fact) string {
	s, _ := f.Value.(string)
	return s
}

// numValue is a number fact's value.
func numValue(f Fact) (float64, bool) {
	switch v := f.Value.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	case json.Number:
		x, err := v.Float64()
		return x, err == nil
	}
	return 0, false
}

// actorID is an actor fact's canonical id.
func actorID(f Fact) string {
	s, _ := f.Value.(string)
	return s
}

// humanNumber renders a number for a summary: 30000 → "30,000", 5.31e6 → "5,310,000".
func humanNumber(x float64) string {
	if x != math.Trunc(x) || math.Abs(x) >= 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(x)), 10)
	var b strings.Builder
	if x < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// factKey is the identity of a fact's value for context and clustering: "a:China",
// "d:2021-07-20", "n:30000". Unresolved dates and valueless facts have none.
func factKey(f Fact) string {
	switch f.Kind {
	case KindActor:
		if id := actorID(f); id != "" {
			return "a:" + id
		}
	case KindDate:
		if v := dateValue(f); v != "" && !f.Unresolved {
			return "d:" + v
		}
	case KindNumber:
		if x, ok := numValue(f); ok {
			return "n:" + strconv.FormatFloat(x, 'g', -1, 64)
		}
	}
	return ""
}

// label is a human name for a fact's value in summaries.
func factLabel(f Fact) string {
	switch f.Kind {
	case KindActor:
		if f.Label != "" {
			return f.Label
		}
		return actorID(f)
	case KindDate:
		if f.Unresolved || dateValue(f) == "" {
			return fmt.Sprintf("%q (unresolved)", f.Text)
		}
		return humanDate(dateValue(f))
	case KindNumber:
		if x, ok := numValue(f); ok {
			q := qualifierWords[f.Qualifier]
			s := humanNumber(x)
			if q != "" {
				s = q + " " + s
			}
			if f.Unit != "" {
				s += " " + f.Unit
			}
			return s
		}
	}
	return f.Text
}

var qualifierWords = map[string]string{
	QualifierAtLeast: "at least", QualifierMoreThan: "more than", QualifierAbout: "about",
	QualifierUpTo: "up to", QualifierLessThan: "less than",
}

// memberOf makes a Member from a fact of an article.
func memberOf(a *article, i int) Member {
	f := a.facts[i]
	m := Member{Article: a.doc.ID, Fact: f.ID, Start: f.Start, End: f.End, Text: a.text(f.Start, f.End)}
	if m.Text == "" {
		m.Text = f.Text
	}
	switch f.Kind {
	case KindNumber:
		if x, ok := numValue(f); ok {
			m.Value = x
		}
	default:
		if f.Value != nil && f.Value != "" {
			m.Value = f.Value
		}
	}
	return m
}
