package compare

import (
	"sort"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Options carries what the analyst has taught the machine into an analysis.
type Options struct {
	// Aliases confirmed by the analyst; they win over the gazetteer and clustering.
	Aliases []Alias
	// Horizon (ISO YYYY-MM-DD) is the latest date the weekday rule may place a year-less date
	// on ("Mardi 26 mars" in an undated article → the latest year not after Horizon in which
	// 26 March was a Tuesday). Callers with a clock pass today's date; "" means
	// DefaultHorizon, so that extraction never depends on when it runs.
	Horizon string
}

// ExtractorVersion identifies the fact extractors' behaviour; stored fact caches keyed by an
// older version are recomputed. Bump it whenever extraction output can change.
const ExtractorVersion = "18"

// DefaultHorizon is the horizon used when Options.Horizon is empty: the end of the year this
// extractor version was built in. It only bounds the weekday rule for undated articles.
const DefaultHorizon = "2026-12-31"

// ExtractFacts finds the dates, numbers and named actors of one article and normalises them.
// Facts are sorted by Start (then End, then kind) and numbered "f1", "f2", … in that order.
// The result depends only on doc and opts.
func ExtractFacts(doc Document, opts Options) []Fact {
	dates, nums := extractDatesNumbers(doc, opts)
	facts := make([]Fact, 0, len(dates)+len(nums)+16)
	facts = append(facts, dates...)
	facts = append(facts, nums...)
	// Actors and number concepts read the same tokens: the text is tokenized once, into
	// buffers reused across calls (nothing returned refers to them).
	buf := extractBufs.Get().(*extractBuf)
	defer buf.release()
	rs := buf.runes(doc.Text)
	toks := tokenizeRunesInto(buf.toks[:0], doc.Text, rs, loadGazetteer().morph)
	buf.toks = toks
	actors := extractActorsTokens(doc, opts, rs, toks)
	facts = dropNamedNumbers(facts, actors, rs)
	facts = append(facts, actors...)
	assignConceptsTokens(doc.Text, doc.Lang, facts, rs, toks)
	kindRank := map[FactKind]int{KindDate: 0, KindNumber: 1, KindActor: 2}
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return kindRank[a.Kind] < kindRank[b.Kind]
	})
	for i := range facts {
		facts[i].ID = "f" + strconv.Itoa(i+1)
	}
	return facts
}

// extractDates returns the date facts of doc.
func extractDates(doc Document, opts Options) []Fact {
	d, _ := extractDatesNumbers(doc, opts)
	return d
}

// extractNumbers returns the number facts of doc.
func extractNumbers(doc Document, opts Options) []Fact {
	_, n := extractDatesNumbers(doc, opts)
	return n
}

// extractDatesNumbers runs both grammars over one scan of the text: numbers skip what dates
// took (years, days of month).
func extractDatesNumbers(doc Document, opts Options) ([]Fact, []Fact) {
	buf := extractBufs.Get().(*extractBuf)
	defer buf.release()
	sc := newScanInto(buf.dtoks[:0], doc.Text, lexiconFor(doc.Lang))
	buf.dtoks = sc.toks
	specs := sc.parseDates()
	r := &resolver{}
	if d, ok := parseISODay(doc.Published); ok {
		r.base = anchor{ok: true, d: d, from: "published"}
	} else if k, ok := sc.datelineSpec(specs); ok {
		s := specs[k]
		r.base = anchor{ok: true, d: mkDay(s.y, s.m, s.d), from: "dateline"}
	} else if lo, hi, prec, ok := parseDateRange(doc.Published); ok && prec != PrecisionDay {
		// Published in 2021-07 (or 2021): not a day that "yesterday" can count from, but
		// the year of "20 July".
		r.coarse = anchor{ok: true, d: day((lo + hi) / 2), from: "published"}
	}
	r.horizon, _ = parseISODay(DefaultHorizon)
	if h, ok := parseISODay(opts.Horizon); ok {
		r.horizon = h
	}
	var dates []Fact
	for k := range specs {
		ds := &specs[k]
		f := Fact{Kind: KindDate}
		sc.setSpan(&f, ds.s, ds.e)
		r.resolve(ds, &f)
		f.PartOfDay = ds.part
		if f.Value == "" && !f.Unresolved {
			continue
		}
		dates = append(dates, f)
	}
	specsN := sc.parseNumbers()
	nums := make([]Fact, 0, len(specsN))
	for _, ns := range specsN {
		f := Fact{Kind: KindNumber, Value: ns.value, Qualifier: ns.qualifier, Unit: ns.unit, Ordinal: ns.ordinal}
		if ns.vague {
			f.Value, f.Vague, f.Magnitude = nil, true, ns.magnitude
		}
		sc.setRuneSpan(&f, ns.rs, ns.re)
		nums = append(nums, f)
	}
	return dates, nums
}

// setSpan sets f's span to tokens [s, e), widened to grapheme boundaries, and its text.
func (sc *dnScan) setSpan(f *Fact, s, e int) {
	a, b := sc.toks[s], sc.toks[e-1]
	f.Start, f.End = snapToGraphemes(sc.text, a.bstart, a.start, b.bend, b.end)
	f.Text = runeSlice(sc.text, a.bstart, a.start, f.Start, f.End)
}

// setRuneSpan sets f's span to runes [rs, re), widened to grapheme boundaries.
func (sc *dnScan) setRuneSpan(f *Fact, rs, re int) {
	// Find the token holding rs to get a byte position near it.
	lo, hi := 0, len(sc.toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if sc.toks[mid].end <= rs {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	t := sc.toks[lo]
	bs := t.bstart
	for r := t.start; r < rs; r++ {
		_, w := utf8.DecodeRuneInString(sc.text[bs:])
		bs += w
	}
	f.Start, f.End = snapToGraphemes(sc.text, bs, rs, 0, re)
	f.Text = runeSlice(sc.text, bs, rs, f.Start, f.End)
}

// runeSlice returns text[start:end) in runes, given a known byte position bpos of rune rpos at
// or after start (it walks back when the span was widened).
func runeSlice(text string, bpos, rpos, start, end int) string {
	for rpos > start {
		_, w := utf8.DecodeLastRuneInString(text[:bpos])
		bpos -= w
		rpos--
	}
	for rpos < start {
		_, w := utf8.DecodeRuneInString(text[bpos:])
		bpos += w
		rpos++
	}
	b := bpos
	for r := start; r < end && b < len(text); r++ {
		_, w := utf8.DecodeRuneInString(text[b:])
		b += w
	}
	return text[bpos:b]
}

// dropNamedNumbers removes bare numbers that continue the name of an organisation or a
// product right before them, where the script has no capitals to tell ("بوينغ 737",
// "波音737"): the model number is part of the name. Chinese writes every number against the
// word before it (国民党52席, the Kuomintang's 52 seats), so after a name in Han characters
// only a maker of numbered models (@models in actors.tsv: 波音737) takes the number. rs is
// the text's runes (a rune at an offset, without walking the text from its start for each).
func dropNamedNumbers(facts, actors []Fact, rs []rune) []Fact {
	if len(actors) == 0 {
		return facts
	}
	g := loadGazetteer()
	ends := map[int]bool{}
	for _, a := range actors {
		if a.Type != ActorOrg {
			continue
		}
		if a.End > 0 && isHan(runeAt(rs, a.End-1)) {
			id, _ := a.Value.(string)
			if k, ok := g.byID[id]; !ok || !g.actors[k].models {
				continue
			}
		}
		ends[a.End] = true
	}
	if len(ends) == 0 {
		return facts
	}
	out := facts[:0]
	for _, f := range facts {
		if f.Kind == KindNumber && allDigits(f.Text) && (ends[f.Start] || ends[f.Start-1] && f.Start > 0 && runeAt(rs, f.Start-1) == ' ') {
			continue
		}
		out = append(out, f)
	}
	return out
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// runeAt returns rs[i] (0 when out of range).
func runeAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// extractBuf holds the large per-article slices of one extraction — the text's runes and both
// tokenizers' tokens — for reuse by the next: allocating them afresh for every article made
// them most of what extraction allocated, and so most of its garbage-collection time. No
// fact refers to them (fact texts are copies or substrings of the text).
type extractBuf struct {
	rs    []rune
	toks  []token
	dtoks []dtok
}

var extractBufs = sync.Pool{New: func() any { return new(extractBuf) }}

// runes returns []rune(text) in b's buffer (an invalid byte is one U+FFFD, as in the
// conversion).
func (b *extractBuf) runes(text string) []rune {
	rs := b.rs[:0]
	if n := utf8.RuneCountInString(text); cap(rs) < n {
		rs = make([]rune, 0, n)
	}
	for _, r := range text {
		rs = append(rs, r)
	}
	b.rs = rs
	return rs
}

// release clears the token slices (so the pool keeps no article's strings alive) and returns
// b to the pool.
func (b *extractBuf) release() {
	clear(b.toks)
	clear(b.dtoks)
	b.toks, b.dtoks = b.toks[:0], b.dtoks[:0]
	extractBufs.Put(b)
}
