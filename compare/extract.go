package compare

import (
	"cmp"
	"slices"
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
const ExtractorVersion = "19"

// DefaultHorizon is the horizon used when Options.Horizon is empty: the end of the year this
// extractor version was built in. It only bounds the weekday rule for undated articles.
const DefaultHorizon = "2026-12-31"

// ExtractFacts finds the dates, numbers and named actors of one article and normalises them.
// Facts are sorted by Start (then End, then kind) and numbered "f1", "f2", … in that order.
// The result depends only on doc and opts.
func ExtractFacts(doc Document, opts Options) []Fact {
	// The facts in extraction order (dates, numbers, actors) go in a reused buffer: concepts
	// are assigned in that order, and only the sorted copy is returned. Actors and number
	// concepts read the same tokens: the text is tokenized once, into buffers reused across
	// calls too (nothing returned refers to them).
	buf := extractBufs.Get().(*extractBuf)
	defer buf.release()
	facts, _ := appendDatesNumbers(buf, buf.facts[:0], doc, opts)
	buf.facts = facts
	nDatesNumbers := len(facts)
	rs := buf.runes(doc.Text)
	toks := tokenizeRunesInto(buf.toks[:0], doc.Text, rs, loadGazetteer().morph, buf.tokMemo())
	buf.toks = toks
	facts = appendActorsTokens(facts, doc, opts, rs, toks)
	buf.facts = facts
	// dropNamedNumbers reads the actors (the tail of facts) before it filters facts in place.
	facts = dropNamedNumbers(facts, facts[nDatesNumbers:], rs)
	assignConceptsTokens(doc.Text, doc.Lang, facts, rs, toks, &buf.clauses)
	return sortedFacts(facts)
}

// sortedFacts returns a copy of facts sorted by Start, then End, then kind (date, number,
// actor), ties in their order, numbered "f1", "f2", … in that order. Facts are large: it
// sorts small keys and copies each fact once.
func sortedFacts(facts []Fact) []Fact {
	type key struct{ start, end, rank, k int32 }
	keys := make([]key, len(facts))
	for k := range facts {
		f := &facts[k]
		keys[k] = key{int32(f.Start), int32(f.End), factKindRank(f.Kind), int32(k)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.end, b.end); c != 0 {
			return c
		}
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	out := make([]Fact, len(facts))
	for i, x := range keys {
		out[i] = facts[x.k]
		out[i].ID = "f" + strconv.Itoa(i+1)
	}
	return out
}

// factKindRank orders facts of one span: dates, then numbers, then actors.
func factKindRank(k FactKind) int32 {
	switch k {
	case KindNumber:
		return 1
	case KindActor:
		return 2
	}
	return 0
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
	all, nd := appendDatesNumbers(buf, buf.facts[:0], doc, opts)
	buf.facts = all
	var dates []Fact
	if nd > 0 {
		dates = slices.Clone(all[:nd])
	}
	nums := make([]Fact, len(all)-nd)
	copy(nums, all[nd:])
	return dates, nums
}

// appendDatesNumbers is extractDatesNumbers appending the dates, then the numbers, to dst;
// it returns the result and the number of dates. The scan of the text is in buf's buffers.
func appendDatesNumbers(buf *extractBuf, dst []Fact, doc Document, opts Options) ([]Fact, int) {
	sc := newScanInto(buf, doc.Text, lexiconFor(doc.Lang))
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
	dates := dst
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
	nd := len(dates) - len(dst)
	specsN := sc.parseNumbers()
	nums := dates
	for _, ns := range specsN {
		f := Fact{Kind: KindNumber, Value: ns.value, Qualifier: ns.qualifier, Unit: ns.unit, Ordinal: ns.ordinal}
		if ns.vague {
			f.Value, f.Vague, f.Magnitude = nil, true, ns.magnitude
		}
		sc.setRuneSpan(&f, ns.rs, ns.re)
		nums = append(nums, f)
	}
	return nums, nd
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
	facts []Fact
	// scan is the date and number grammars' scan of the article (its phrase matches and
	// taken tokens are reused too).
	scan dnScan
	// clauses is assignConceptsTokens' count of clause marks before each rune.
	clauses []int32
	// Word-key memos of the two tokenizers (see tokenizeRunesInto, scanTokensInto): emptied
	// for each article, but their tables keep their size instead of growing again from
	// nothing.
	keyMemo  map[string]keyPair
	dkeyMemo map[string]string
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

// tokMemo returns b's empty memo for tokenizeRunesInto.
func (b *extractBuf) tokMemo() map[string]keyPair {
	if b.keyMemo == nil {
		b.keyMemo = map[string]keyPair{}
	}
	return b.keyMemo
}

// scanMemo returns b's empty memo for scanTokensInto.
func (b *extractBuf) scanMemo() map[string]string {
	if b.dkeyMemo == nil {
		b.dkeyMemo = map[string]string{}
	}
	return b.dkeyMemo
}

// release clears the token and fact slices and the memos (so the pool keeps no article's
// strings alive) and returns b to the pool.
func (b *extractBuf) release() {
	clear(b.toks)
	clear(b.dtoks)
	clear(b.facts)
	b.keyMemo = clearedMemo(b.keyMemo)
	b.dkeyMemo = clearedMemo(b.dkeyMemo)
	b.toks, b.dtoks, b.facts = b.toks[:0], b.dtoks[:0], b.facts[:0]
	b.scan = dnScan{first: b.scan.first[:0], ms: b.scan.ms[:0], taken: b.scan.taken[:0]}
	extractBufs.Put(b)
}

// maxKeptMemo is the most words a memo may hold and still be kept for the next article:
// clearing a map costs its size, and one long text must not make every later short one pay.
const maxKeptMemo = 4096

// clearedMemo returns m emptied, or nil when it grew too large to keep.
func clearedMemo[V any](m map[string]V) map[string]V {
	if len(m) > maxKeptMemo {
		return nil
	}
	clear(m)
	return m
}
