package compare

// Dates: a token grammar over the language's lexicon finds absolute dates in their local forms
// (20 تموز 2021, ngày 20/7, 19 июля, 2024年3月25日, July 19, 19. Juli, ISO), years and months,
// intervals, relative expressions (hier, يوم أمس الإثنين, во вторник, three weeks ago, cette
// année) and anaphors (Cùng ngày, la veille); dates_resolve.go turns them into values.

type dateKind uint8

const (
	dkAbs        dateKind = iota + 1 // y/m/d as written (some may be missing)
	dkRelDay                         // off days from the publication date
	dkAnaphor                        // off days from the date just named
	dkRelPeriod                      // unit year/month, off
	dkRelWeekday                     // wd, off -1/+1
	dkWeekday                        // a weekday alone: the most recent such day
	dkDuration                       // "3 days ago", "in 2 years"
	dkSeason                         // m to d (months), off years from the anchor: "今冬", "this summer"
)

// dateSpec is one date expression as parsed, before resolution.
type dateSpec struct {
	s, e     int // tokens [s, e)
	kind     dateKind
	y, m, d  int // 0 when not written
	wd       int // weekday written with it, -1 when none
	off      int
	unit     string
	dur      dnDuration
	interval *dateSpec // the end of an interval; s/e then cover both
	// fromEvent: a duration measured from another event ("later", "plus tard", "спустя").
	fromEvent bool
	// future: a weekday in a sentence that looks ahead ("will … on Sunday", "до воскресенья").
	future bool
	// part is the part of the day the text gives ("evening" of "29日晚", "Montagabend").
	part string
	// yearOff is the year a month written without one is in, relative to the anchor, when a
	// relative year goes with it ("в январе прошлого года", "去年1月"): set when hasYearOff.
	yearOff    int
	hasYearOff bool
	// monthDir puts a month written without a year in the last (-1) or the next (+1) such
	// month from the anchor: "last March", "mars dernier", "el próximo mes de mayo".
	monthDir int
}

// dnDuration is a signed offset in calendar units.
type dnDuration struct {
	years, months, weeks, days, hours, minutes, seconds float64
}

func (d dnDuration) smallest() string {
	switch {
	case d.hours != 0 || d.minutes != 0 || d.seconds != 0 || d.days != 0 || d.weeks != 0:
		return PrecisionDay
	case d.months != 0:
		return PrecisionMonth
	default:
		return PrecisionYear
	}
}

// parseDates finds every date expression in text order; later expressions never overlap
// earlier ones.
func (sc *dnScan) parseDates() []dateSpec {
	var out []dateSpec
	for i := 0; i < len(sc.toks); {
		if sc.toks[i].url || !sc.mayStartDate(i) {
			i++
			continue
		}
		if d, ok := sc.parseAt(i); ok && d.e > i {
			if d.kind == dkDuration && d.fromEvent && (len(out) > 0 || sc.wordsBefore(d.s)) {
				// "Three weeks later", "two days before the vote", "drei Tage danach" in running
				// text: measured from an event the text names, so a number (numbers.go), not a
				// date. Alone, with nothing before it, it counts from the publication.
				i = d.e
				continue
			}
			out = append(out, d)
			for k := d.s; k < d.e; k++ {
				sc.taken[k] = true
			}
			i = d.e
			if b, okB := sc.bracketed(d); okB {
				out = append(out, b)
				for k := b.s; k < b.e; k++ {
					sc.taken[k] = true
				}
				i = b.e
			}
			continue
		}
		i++
	}
	return sc.joinRelativeYears(out)
}

// dateStartKinds are the lexicon item kinds a date rule can begin with: the first step of
// every rule parseAt tries (parseSimple with parseAbs, parseAbsCore, parseRel and
// parseDuration; interval frames, nights, day parts, modifiers, span prefixes). The other
// first steps are digits and a number written as one word (numberWords' compoundNumeral).
// A rule that begins with another kind must add it here; TestDateStartFilter checks that
// no token the filter skips starts a date.
var dateStartKinds = newKindSet(
	itWeekday, itDayPrefix, itDayWord, itMonth, itYearPrefix, itDecadeWord, itDecadePrefix, // absolute dates
	itRelDay, itAnaphor, itSeason, itSeasonName, itRelPeriod, itRelWeekday, // relative dates
	itDirPrefix, itCountedUnit, itNumber, itNumMult, itArticle, // durations ("il y a", "يومين", "three", "a")
	itDayPart, itModifier, itSpanPrefix, itIntervalOpen, itNight, // words before a date
)

// kindSet is a set of item kinds.
type kindSet [4]uint64

func newKindSet(kinds ...itemKind) kindSet {
	var s kindSet
	for _, k := range kinds {
		s[k>>6] |= 1 << (k & 63)
	}
	return s
}

func (s *kindSet) has(k itemKind) bool { return s[k>>6]&(1<<(k&63)) != 0 }

// mayStartDate reports whether some date rule can begin at token i: false means parseAt
// surely finds nothing there, so most words are not tried against every rule.
func (sc *dnScan) mayStartDate(i int) bool {
	t := &sc.toks[i]
	if t.kind == dtNum {
		return true
	}
	for _, m := range sc.at(i) {
		if dateStartKinds.has(m.it.kind) {
			return true
		}
	}
	return t.kind == dtWord && sc.lx.mayBeCompoundNumeral(t.key)
}

// joinRelativeYears makes a month written without a year and a relative year beside it one
// date: "January last year", "в январе прошлого года", "janvier de l'année dernière", "يناير
// من العام الماضي", "去年1月" are a month of the year before the anchor, not a month of this
// year and a year. Only a function word may stand between them.
func (sc *dnScan) joinRelativeYears(out []dateSpec) []dateSpec {
	isMonth := func(d dateSpec) bool {
		return d.kind == dkAbs && d.y == 0 && d.m != 0 && d.interval == nil
	}
	isYear := func(d dateSpec) bool {
		return d.kind == dkRelPeriod && d.unit == "year" && d.interval == nil
	}
	adjacent := func(a, b dateSpec) bool {
		if b.s < a.e || b.s-a.e > 1 {
			return false
		}
		for k := a.e; k < b.s; k++ {
			if sc.toks[k].newline || !sc.has(k, itFunction) {
				return false
			}
		}
		return b.s >= len(sc.toks) || !sc.toks[b.s].newline
	}
	joined := out[:0]
	for k := 0; k < len(out); k++ {
		d := out[k]
		if k+1 < len(out) {
			next := out[k+1]
			switch {
			case isMonth(d) && isYear(next) && adjacent(d, next):
				d.e, d.yearOff, d.hasYearOff = next.e, next.off, true
				k++
			case isYear(d) && isMonth(next) && adjacent(d, next):
				next.s, next.yearOff, next.hasYearOff = d.s, d.off, true
				d = next
				k++
			}
		}
		joined = append(joined, d)
	}
	return joined
}

// parseAt tries every grammar rule at token i and keeps the longest expression.
func (sc *dnScan) parseAt(i int) (dateSpec, bool) {
	best, ok := sc.parseSimple(i, true)
	// Interval frames: "de 2011 à 2018", "from … to …", "từ … đến …", "с … по …".
	for _, m := range sc.at(i) {
		if m.it.kind != itIntervalOpen {
			continue
		}
		a, okA := sc.parseSimple(m.end, false)
		weekdays := okA && a.kind == dkWeekday
		if !okA || a.kind != dkAbs && !weekdays {
			a, okA = sc.dayOnly(m.end)
			if !okA {
				continue
			}
		}
		for _, mid := range sc.at(a.e) {
			if mid.it.kind != itIntervalMid || mid.it.val != m.it.val {
				continue
			}
			b, okB := sc.parseSimple(mid.end, false)
			if weekdays {
				// "from Monday to Thursday", "du lundi au jeudi".
				if !okB || b.kind != dkWeekday {
					continue
				}
			} else if !okB || b.kind != dkAbs || !compatibleInterval(&a, &b) {
				continue
			}
			iv := a
			iv.s, iv.e = i, b.e
			bb := b
			iv.interval = &bb
			if !ok || iv.e > best.e {
				best, ok = iv, true
			}
		}
	}
	if ok && best.kind == dkAbs && best.interval == nil {
		// "2011-2018", "1 сентября 1939 — 2 сентября 1945", "2011至2018年".
		j := best.e
		if sc.isPunct(j, "-") || sc.has(j, itIntervalMid) && sc.midWithoutOpen(j) {
			next := j + 1
			if e, _, ok := sc.find(j, itIntervalMid); ok {
				next = e
			}
			if b, okB := sc.intervalEnd(&best, next); okB {
				bb := sc.withDayPart(b)
				best.interval = &bb
				best.e = bb.e
			}
		}
	}
	if d, okD := sc.dayBeforeDate(i); okD && (!ok || d.e > best.e) {
		best, ok = d, true
	}
	if n, okN := sc.parseNight(i); okN && (!ok || n.e > best.e) {
		best, ok = n, true
	}
	for _, m := range sc.at(i) {
		// "vào đêm 10/9 rạng sáng 11/9", "в ночь с 10 на 11 сентября" after a modifier.
		if m.it.kind == itModifier || m.it.kind == itSpanPrefix {
			if n, okN := sc.parseNight(m.end); okN && (!ok || n.e > best.e) {
				n.s = i
				best, ok = n, true
			}
		}
	}
	return best, ok
}

// midWithoutOpen reports whether token j starts an interval word of a frame that has no
// opening word (Chinese 至).
func (sc *dnScan) midWithoutOpen(j int) bool {
	return sc.toks[j].ideo
}

// gluedLetters reports whether token i touches a letter word before it ("APT31", "G7"); an
// ideograph before it does not count, Chinese has no spaces ("赵立坚7月20日").
func (sc *dnScan) gluedLetters(i int) bool {
	return sc.glued(i) && sc.isWord(i-1) && !sc.toks[i-1].ideo
}

// dayOnly parses a bare day number that an interval's second date completes ("du 3 au 5 mars").
func (sc *dnScan) dayOnly(i int) (dateSpec, bool) {
	if !sc.isNum(i) {
		return dateSpec{}, false
	}
	v, nd := sc.numVal(i)
	if nd > 2 || v < 1 || v > 31 {
		return dateSpec{}, false
	}
	e := i + 1
	if end, _, ok := sc.find(e, itDaySuffix); ok && sc.glued(e) {
		e = end
	}
	return dateSpec{s: i, e: e, kind: dkAbs, d: v, wd: -1}, true
}

// compatibleInterval checks that b can end an interval starting with a, completing a's missing
// month or year from b.
func compatibleInterval(a, b *dateSpec) bool {
	if a.d != 0 && a.m == 0 && b.d != 0 && b.m == 0 && a.y == 0 && b.y == 0 {
		return a.d < b.d // "28日晚至29日凌晨": both months come from the anchor
	}
	if a.d != 0 && a.m == 0 {
		if b.m == 0 || b.d == 0 {
			return false
		}
		a.m = b.m
		if a.y == 0 {
			a.y = b.y
		}
	}
	if a.y == 0 && b.y != 0 && a.m != 0 {
		a.y = b.y
	}
	if a.y != 0 && b.y != 0 {
		if a.y > b.y {
			return false
		}
		if a.y == b.y && a.m > b.m {
			return false
		}
	}
	return a.y != 0 || a.m != 0
}

// parseSimple parses one date expression (no interval) at token i. Span prefixes (в, во) and
// modifiers (plus tôt, early) widen it without changing its value.
func (sc *dnScan) parseSimple(i int, outer bool) (dateSpec, bool) {
	if i >= len(sc.toks) || sc.toks[i].url {
		return dateSpec{}, false
	}
	var best dateSpec
	ok := false
	try := func(d dateSpec, good bool) {
		if good && (!ok || d.e > best.e) {
			best, ok = d, true
		}
	}
	try(sc.parseAbs(i))
	try(sc.parseRel(i))
	if ok {
		best = sc.withDayPart(best)
	}
	for _, m := range sc.at(i) {
		if m.it.kind == itDayPart && m.end < len(sc.toks) && !sc.toks[m.end].newline {
			// "مساء الأحد", "ظهر اليوم", "dimanche soir" written the other way round.
			// outer: "утром в субботу", "Morning on Saturday" keep the span prefix between.
			d, good := sc.parseSimple(m.end, true)
			if pe, _, isPrefix := sc.find(m.end, itSpanPrefix); isPrefix && sc.has(pe, itWeekday) {
				// "Вечером в пятницу, 23 июня": the weekday and its date after the prefix.
				if wd, found := sc.parseAbs(pe); found && (!good || wd.e > d.e) {
					d, good = wd, true
				}
			}
			if good && d.dayLike() {
				d.s = i
				if d.part == "" {
					d.part = m.it.s
				}
				try(d, true)
			}
		}
	}
	if outer {
		for _, m := range sc.at(i) {
			if (m.it.kind == itModifier || m.it.kind == itSpanPrefix) && m.end < len(sc.toks) && !sc.toks[m.end].newline {
				if d, good := sc.parseSimple(m.end, false); good {
					if m.it.kind == itSpanPrefix && d.kind == dkAbs && d.d != 0 {
						continue // "в 19 июля" does not occur; "в" then belongs to something else
					}
					d.s = i
					try(d, true)
				}
			}
		}
	}
	if ok && best.kind == dkWeekday {
		best = sc.weekdayOfWeek(best)
	}
	if ok && (best.kind == dkWeekday || best.kind == dkRelWeekday && best.off == 0) {
		best.future = sc.futureContext(best.s, best.e)
	}
	return best, ok
}

// weekdayOfWeek widens a weekday over the week named right after it, a function word or a
// connector between: "Dienstag vergangener Woche", "во вторник на прошлой неделе", "mardi de
// la semaine dernière", "Tuesday of last week" are that day of that week, not the latest
// such day.
func (sc *dnScan) weekdayOfWeek(d dateSpec) dateSpec {
	for k, n := d.e, 0; n < 2 && k < len(sc.toks) && !sc.toks[k].newline; n++ {
		for _, m := range sc.at(k) {
			if m.it.kind == itRelPeriod && m.it.s == "week" {
				w := d
				w.kind, w.off, w.e = dkRelWeekday, 0, m.end
				w.dur = dnDuration{weeks: float64(m.it.val)}
				return w
			}
		}
		if !sc.has(k, itFunction) && !sc.has(k, itConnector) {
			break
		}
		k++
	}
	return d
}

// parseAbs parses absolute dates, with an optional weekday before or after.
func (sc *dnScan) parseAbs(i int) (dateSpec, bool) {
	var best dateSpec
	ok := false
	if e, wd, found := sc.find(i, itWeekday); found {
		j := e
		if sc.isPunct(j, ".") && sc.glued(j) {
			j++
		}
		if sc.isPunct(j, ",") || sc.isPunct(j, "،") {
			j++
			if ce, _, okC := sc.find(j, itConnector); okC {
				j = ce // "Samstag, den 24. Juni", "Mittwoch, dem 24. März"
			}
		}
		if d, good := sc.parseAbsCore(j); good && d.d != 0 {
			d.s = i
			d.wd = wd.val
			best, ok = d, true
		}
	}
	if !ok {
		best, ok = sc.parseAbsCore(i)
	}
	if ok && best.d != 0 && best.wd < 0 {
		// "21 сентября 2021г., вторник"
		j := best.e
		if sc.isPunct(j, ",") || sc.isPunct(j, "،") {
			if e, wd, found := sc.find(j+1, itWeekday); found && wd.flag&flagAbbr == 0 {
				best.wd = wd.val
				best.e = e
			}
		}
	}
	return best, ok
}

func absDate(s, e, y, m, d int) dateSpec {
	return dateSpec{s: s, e: e, kind: dkAbs, y: y, m: m, d: d, wd: -1}
}

// parseAbsCore tries the absolute date shapes at token i and keeps the longest.
func (sc *dnScan) parseAbsCore(i int) (dateSpec, bool) {
	var best dateSpec
	ok := false
	try := func(d dateSpec, good bool) {
		if good && validDate(d.y, d.m, d.d) && (!ok || d.e > best.e) {
			best, ok = d, true
		}
	}
	try(sc.numericDate(i, false))
	if e, _, found := sc.find(i, itDayPrefix); found {
		if d, good := sc.numericDate(e, true); good {
			d.s = i
			try(d, true)
		}
		if d, good := sc.dayMonth(e); good {
			d.s = i
			try(d, true)
		}
	}
	if d, good := sc.dayAlone(i); good && (!ok || d.e > best.e) {
		best, ok = d, true
	}
	try(sc.decade(i))
	try(sc.dayMonth(i))
	try(sc.monthFirst(i))
	try(sc.yearFirst(i))
	try(sc.yearAlone(i))
	return best, ok
}

func validDate(y, m, d int) bool {
	if m < 0 || m > 12 || d < 0 || d > 31 || (d != 0 && m == 0) {
		return false
	}
	if y != 0 && (y < 1000 || y > 2999) {
		return false
	}
	if d != 0 {
		days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
		if d > days[m] {
			return false
		}
		if m == 2 && d == 29 && y != 0 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return false
		}
	}
	return true
}

// year2 expands a two-digit year: 00–49 → 2000s, 50–99 → 1900s.
func year2(v int) int {
	if v < 50 {
		return 2000 + v
	}
	return 1900 + v
}

// numericDate parses 20/7/2021, 2021-07-20, 20.07.2021, 26. 10.21, and — only after a day word
// such as "ngày" (afterPrefix) — 20/7 without a year.
func (sc *dnScan) numericDate(i int, afterPrefix bool) (dateSpec, bool) {
	if !sc.isNum(i) || (sc.gluedLetters(i) || sc.glued(i) && sc.isNum(i-1)) {
		return dateSpec{}, false
	}
	// A number glued after "." or ":" is part of something else (a version, a time).
	if sc.glued(i) && (sc.isPunct(i-1, ".") || sc.isPunct(i-1, ":") || sc.isPunct(i-1, "/")) {
		return dateSpec{}, false
	}
	parts := []int{i}
	sep := ""
	j := i + 1
	for len(parts) < 3 && j+1 < len(sc.toks) {
		t := sc.toks[j]
		if t.kind != dtPunct || (t.key != "/" && t.key != "-" && t.key != ".") {
			break
		}
		if sep != "" && t.key != sep {
			break
		}
		// Only "." may have spaces around it ("26 . 10.21"), and only inside a full date.
		if (t.space || sc.toks[j+1].space) && t.key != "." {
			break
		}
		if !sc.isNum(j + 1) {
			break
		}
		sep = t.key
		parts = append(parts, j+1)
		j += 2
	}
	if len(parts) < 2 {
		return dateSpec{}, false
	}
	e := parts[len(parts)-1] + 1
	// A fourth part, or letters glued on, means a version number, an IP address, a code.
	if (sc.isPunct(e, sep) && sc.isNum(e+1) && !sc.toks[e+1].space) || (sc.glued(e) && sc.isWord(e) && !sc.has(e, itYearSuffix) && !sc.has(e, itDaySuffix)) {
		return dateSpec{}, false
	}
	vals := make([]int, len(parts))
	nds := make([]int, len(parts))
	for k, p := range parts {
		vals[k], nds[k] = sc.numVal(p)
	}
	if len(parts) == 2 {
		// "am 15.4.", "am 15.04.": where the day is written with a dot (German), a day and a
		// month each closed by one are a date without its year, wherever they stand.
		dotted := sep == "." && sc.isPunct(e, ".") && sc.glued(e) && sc.has(e, itDaySuffix) &&
			!sc.toks[parts[1]].space && !(sc.isNum(e+1) && !sc.toks[e+1].space)
		if dotted && sc.lx.order == "dmy" {
			return absDate(i, e, 0, vals[1], vals[0]), nds[0] <= 2 && nds[1] <= 2
		}
		// After some day words a dot separates day and month too ("ngày 13.10", as
		// Vietnamese papers write it); not after "vào", where "6.5" may be a decimal.
		dottedDay := sep == "." && sc.endsBefore(i, itDottedDayPrefix) && !sc.toks[parts[1]].space && !sc.toks[parts[1]-1].space
		if !afterPrefix || sep != "/" && !dottedDay {
			return dateSpec{}, false
		}
		if sc.isPunct(e, ":") {
			return dateSpec{}, false
		}
		d, m := vals[0], vals[1]
		if sc.lx.order == "mdy" {
			d, m = m, d
		}
		return absDate(i, e, 0, m, d), nds[0] <= 2 && nds[1] <= 2
	}
	spaced := false
	for _, p := range parts[1:] {
		if sc.toks[p].space || sc.toks[p-1].space {
			spaced = true
		}
	}
	if spaced && sep != "." {
		return dateSpec{}, false
	}
	// A time glued to the last part is not a year ("29.02.2020 13.12" is fine, "1.2.3:4" not).
	if sc.isPunct(e, ":") && !sc.toks[e].space && sc.isNum(e+1) && !sc.toks[e+1].space {
		return dateSpec{}, false
	}
	var y, m, d int
	switch {
	case nds[0] == 4:
		y, m, d = vals[0], vals[1], vals[2]
		if nds[1] > 2 || nds[2] > 2 {
			return dateSpec{}, false
		}
	case nds[2] == 4 || nds[2] == 2:
		y = vals[2]
		if nds[2] == 2 {
			y = year2(y)
		}
		if nds[0] > 2 || nds[1] > 2 {
			return dateSpec{}, false
		}
		a, b := vals[0], vals[1]
		if sc.lx.order == "mdy" {
			m, d = a, b
			if m > 12 && d <= 12 {
				m, d = d, m
			}
		} else {
			d, m = a, b
			if m > 12 && d <= 12 {
				m, d = d, m
			}
		}
	default:
		return dateSpec{}, false
	}
	if m < 1 || d < 1 {
		return dateSpec{}, false
	}
	return absDate(i, e, y, m, d), true
}

// monthAt parses a month name at token i, with an abbreviation's dot and the paired form
// "آذار/مارس"; bare tells whether it needs no cue (it has a digit: "tháng 3", "3月").
func (sc *dnScan) monthAt(i int) (month, end int, abbr, digit bool, ok bool) {
	e, it, found := sc.find(i, itMonth)
	if !found {
		return 0, 0, false, false, false
	}
	abbr = it.flag&flagAbbr != 0
	for k := i; k < e; k++ {
		if sc.toks[k].kind == dtNum {
			digit = true
		}
	}
	if sc.isPunct(e, ".") && sc.glued(e) && abbr {
		e++
	}
	// Paired forms: آذار/مارس, "March/Mars".
	if sc.isPunct(e, "/") {
		if e2, it2, f2 := sc.find(e+1, itMonth); f2 && it2.val == it.val {
			e = e2
			abbr = false
		}
	}
	return it.val, e, abbr, digit, true
}

// yearAfter parses an optional year after a day and month: [","] [connector] [year prefix]
// 2021 [year suffix].
func (sc *dnScan) yearAfter(j int) (int, int) {
	k := j
	if sc.isPunct(k, ",") || sc.isPunct(k, "،") {
		k++
	}
	for n := 0; n < 2; n++ {
		if e, _, ok := sc.find(k, itConnector); ok {
			k = e
		} else if e, _, ok := sc.find(k, itYearPrefix); ok {
			k = e
		}
	}
	if !sc.isNum(k) || (sc.glued(k) && !(sc.isPunct(k-1, ",") || sc.isPunct(k-1, "'"))) && sc.isWord(k-1) {
		return 0, j
	}
	v, nd := sc.numVal(k)
	e := k + 1
	// A clock time is not a year: "19 июля в 10:00". A colon before a space ends a heading
	// or a chronicle's entry: "22. November 2005: Merkel erhält 397 Stimmen" keeps its year.
	if sc.isPunct(e, ":") && sc.isNum(e+1) && !sc.toks[e+1].space || sc.isPunct(e, ".") && sc.isNum(e+1) && !sc.toks[e+1].space {
		return 0, j
	}
	switch nd {
	case 4:
	case 2:
		// "2 Декабрь 95" — only when the line ends or a time follows.
		if !(e >= len(sc.toks) || sc.toks[e].newline || sc.toks[e].kind == dtPunct && sc.toks[e].key != "%" ||
			sc.isNum(e) && sc.isPunct(e+1, ":")) && !sc.has(e, itYearSuffix) {
			return 0, j
		}
		v = year2(v)
	default:
		return 0, j
	}
	if v < 1000 || v > 2999 {
		return 0, j
	}
	if sc.glued(e) && sc.isWord(e) && !sc.has(e, itYearSuffix) {
		return 0, j
	}
	if se, _, ok := sc.find(e, itYearSuffix); ok {
		e = se
	}
	return v, e
}

// dayNumber parses a day of month at i with its ordinal or day suffix ("1er", "22nd", "19.",
// "25日"), or written as an ordinal word ("тринадцатого").
func (sc *dnScan) dayNumber(i int) (int, int, bool) {
	if !sc.isNum(i) {
		// "тринадцатого января", "premier mai": the day as an ordinal word.
		if e, it, ok := sc.find(i, itDayWord); ok {
			return it.val, e, true
		}
		return 0, 0, false
	}
	v, nd := sc.numVal(i)
	if nd > 2 || v < 1 || v > 31 {
		return 0, 0, false
	}
	e := i + 1
	if se, _, ok := sc.find(e, itDaySuffix); ok && (sc.glued(e) || sc.isWord(e)) {
		e = se
	} else if sc.glued(e) && sc.isWord(e) {
		return 0, 0, false // "5G", "10km"
	}
	return v, e, true
}

// dayMonth parses "20 تموز 2021", "19 июля", "1er février", "19. Juli 2014", "12 de junio del
// 2012", "12 tháng 4 năm 1939".
func (sc *dnScan) dayMonth(i int) (dateSpec, bool) {
	if sc.gluedLetters(i) || sc.glued(i) && sc.isNum(i-1) {
		return dateSpec{}, false
	}
	d, j, ok := sc.dayNumber(i)
	if !ok {
		return dateSpec{}, false
	}
	if e, _, ok := sc.find(j, itConnector); ok {
		if _, _, _, _, okM := sc.monthAt(e); okM {
			j = e
		}
	}
	dashed := false
	if sc.isPunct(j, "-") && sc.glued(j) && sc.glued(j+1) {
		j++ // "12-Mär-2014"
		dashed = true
	}
	m, e, _, _, okM := sc.monthAt(j)
	if !okM || sc.toks[j].newline {
		return dateSpec{}, false
	}
	if dashed {
		if sc.isPunct(e, "-") && sc.glued(e) && sc.isNum(e+1) && sc.glued(e+1) {
			if y, e2 := sc.yearAfter(e + 1); y != 0 {
				return absDate(i, e2, y, m, d), true
			}
		}
		return dateSpec{}, false
	}
	y, e2 := sc.yearAfter(e)
	return absDate(i, e2, y, m, d), true
}

// monthFirst parses "July 19, 2021", "décembre 5 2014", "Tháng Mười Hai 29, 2013", "mars 2021",
// "3月26日", and a month alone after a cue ("en mars", "في آذار/مارس", "hồi tháng 3").
func (sc *dnScan) monthFirst(i int) (dateSpec, bool) {
	m, e, abbr, digit, ok := sc.monthAt(i)
	if !ok {
		return dateSpec{}, false
	}
	if sc.gluedLetters(i) {
		return dateSpec{}, false
	}
	// Day after the month.
	k := e
	if sc.isPunct(k, ",") {
		k++
	}
	if d, de, okD := sc.dayNumber(k); okD && !(sc.isPunct(de, ":")) && !(k == e && sc.glued(k) && !sc.toks[k].ideo && !sc.toks[k-1].ideo) {
		y, ye := sc.yearAfter(de)
		if y == 0 {
			// "Wed Aug 05 12:00:00 2015": a time between the day and the year.
			if t := sc.skipTime(de); t > de {
				if y2, ye2 := sc.yearAfter(t); y2 != 0 {
					return absDate(i, ye2, y2, m, d), true
				}
			}
		}
		return absDate(i, ye, y, m, d), true
	}
	// Year after the month: "mars 2021", "tháng 8 năm 1940", "March of 2020".
	if y, ye := sc.yearAfter(e); y != 0 {
		return absDate(i, ye, y, m, 0), true
	}
	if abbr {
		return dateSpec{}, false
	}
	start, dir := i, 0
	for s := i - 1; s >= 0 && s >= i-4 && dir == 0; s-- {
		for _, mm := range sc.at(s) {
			if mm.it.kind == itMonthLastPre && mm.end == i {
				start, dir = s, mm.it.val
			}
		}
	}
	end := e
	if dir == 0 && !sc.toks[min(e, len(sc.toks)-1)].newline {
		for _, mm := range sc.at(e) {
			if mm.it.kind == itMonthLastPost && mm.end > end {
				end, dir = mm.end, mm.it.val
			}
		}
	}
	bare := (sc.lx.bareMonths && digit) || sc.endsBefore(i, itMonthCue) || sc.endsBefore(i, itModifier) ||
		(e > i+1 && sc.isPunct(e-2, "/")) || dir != 0
	if !bare {
		return dateSpec{}, false
	}
	d := absDate(start, end, 0, m, 0)
	d.monthDir = dir
	return d, true
}

// skipTime skips a clock time (12:00, 12:00:00, 10h11) at j and returns the token after it.
func (sc *dnScan) skipTime(j int) int {
	if !sc.isNum(j) {
		return j
	}
	k := j + 1
	for n := 0; n < 2 && sc.isPunct(k, ":") && sc.isNum(k+1); n++ {
		k += 2
	}
	if k == j+1 {
		return j
	}
	return k
}

// yearFirst parses year-first dates written with suffixes: 2024年3月25日, 2016年6月, 2020年,
// 2016年 2月 5日, 2024년 3월 25일.
func (sc *dnScan) yearFirst(i int) (dateSpec, bool) {
	if !sc.isNum(i) || (sc.gluedLetters(i)) {
		return dateSpec{}, false
	}
	y, nd := sc.numVal(i)
	if nd != 4 {
		return dateSpec{}, false
	}
	e, _, ok := sc.find(i+1, itYearSuffix)
	if !ok || !sc.toks[i+1].ideo && !sc.toks[i+1].space && sc.lx.bareMonths {
		if !ok {
			return dateSpec{}, false
		}
	}
	out := absDate(i, e, y, 0, 0)
	// Month: digits + month suffix, or a month name.
	if sc.isNum(e) {
		mv, mnd := sc.numVal(e)
		if me, _, okM := sc.find(e+1, itMonthSuffix); okM && mnd <= 2 && mv >= 1 && mv <= 12 {
			out.m, out.e = mv, me
			if sc.isNum(me) {
				dv, dnd := sc.numVal(me)
				if dnd > 2 && dnd <= 4 && sc.isPunct(me+1, ":") {
					// "2016年6月2911:30": the day runs into the time.
					dv, _ = dv/100, 0
					if dnd == 3 {
						dv = dv / 10
					}
					out.d, out.e = dv, me+1
					if dv >= 1 && dv <= 31 {
						return out, true
					}
					out.d = 0
				} else if dnd <= 2 && dv >= 1 && dv <= 31 {
					out.d, out.e = dv, me+1
					if de, _, okD := sc.find(me+1, itDaySuffix); okD {
						out.e = de
					}
				}
			}
		}
	} else if m, me, _, _, okM := sc.monthAt(e); okM {
		out.m, out.e = m, me
	}
	return out, true
}

// yearAlone parses a year on its own: after a year word ("năm 2020", "عام 2020"), with a suffix
// ("2020 г.", "1989 году", "2020年"), after a cue ("en 2021", "in 2021"), or bare when nothing
// makes it a count.
func (sc *dnScan) yearAlone(i int) (dateSpec, bool) {
	s := i
	if e, _, ok := sc.find(i, itYearPrefix); ok && sc.isNum(e) {
		i = e
	}
	if !sc.isNum(i) {
		return dateSpec{}, false
	}
	if sc.gluedLetters(i) || sc.glued(i) && (sc.isNum(i-1) || sc.isPunct(i-1, ".") || sc.isPunct(i-1, ",") || sc.isPunct(i-1, "-") || sc.isPunct(i-1, ":")) {
		return dateSpec{}, false
	}
	v, nd := sc.numVal(i)
	if nd != 4 || v < 1000 || v > 2999 {
		return dateSpec{}, false
	}
	e := i + 1
	if sc.isPunct(e, ",") || sc.isPunct(e, ".") || sc.isPunct(e, "٫") || sc.isPunct(e, "٬") {
		if sc.isNum(e+1) && !sc.toks[e+1].space && !sc.toks[e].space {
			return dateSpec{}, false // 2021.5, 2,021
		}
	}
	if sc.isPunct(e, ":") && sc.isNum(e+1) && !sc.toks[e+1].space || sc.isPunct(e, "%") {
		return dateSpec{}, false // "2005:30" is no year; "2005: the first vote" is
	}
	if se, _, ok := sc.find(e, itYearSuffix); ok {
		return absDate(s, se, v, 0, 0), true
	}
	if sc.glued(e) && sc.isWord(e) {
		return dateSpec{}, false
	}
	// A cue that is also a qualifier ("до", "hasta", "حتى": until and up to) before a count:
	// "до 1800 человек", "Число жертв выросло до 1541".
	if s == i && sc.endsBefore(i, itYearCue) && sc.endsBefore(i, itQualifier) &&
		(sc.countedAfter(e) || sc.countNamedBefore(i, true)) {
		return dateSpec{}, false
	}
	if s < i || sc.endsBefore(i, itYearCue) || sc.endsBefore(i, itIntervalOpen) {
		// Before 1500 ("en 1163", "in 1345") only when no counted noun follows.
		early := v >= 1000 && (e >= len(sc.toks) || sc.toks[e].newline || !sc.isWord(e) || sc.has(e, itFunction))
		return absDate(s, e, v, 0, 0), v >= 1500 || early
	}
	// After "to", "إلى", "до" alone (no "from" before), a year only in the span of news
	// years: "ارتفع عدد القتلى إلى ١٥٤١" is a count.
	if sc.endsBefore(i, itIntervalMid) {
		return absDate(s, e, v, 0, 0), v >= 1900 && v <= 2099
	}
	// Bare year: a plausible news year followed by nothing that makes it a count.
	if v < 1900 || v > 2099 || sc.endsBefore(i, itQualifier) {
		return dateSpec{}, false
	}
	if e < len(sc.toks) && !sc.toks[e].newline {
		if sc.has(e, itScale) || sc.has(e, itPercent) || sc.has(e, itUnit) || sc.has(e, itClassifier) {
			return dateSpec{}, false
		}
		if sc.isWord(e) && !sc.has(e, itFunction) && !sc.has(e, itMonth) && !sc.verbAfterYear(e) {
			return dateSpec{}, false
		}
	}
	return absDate(s, e, v, 0, 0), true
}

// verbAfterYear reports whether the lower-case word at e, after a bare year, is no adjective
// of a counted noun in a language that capitalises nouns: "1999 waren bei …", "2018
// eröffnet." read as years, "2000 neue Wohnungen" stays a count.
func (sc *dnScan) verbAfterYear(e int) bool {
	if !sc.lx.capNouns || !sc.lowerNounAt(e) {
		return false
	}
	n := e + 1
	if n >= len(sc.toks) || sc.toks[n].newline {
		return true
	}
	t := sc.toks[n]
	return !(t.kind == dtWord && t.upper)
}

// parseRel parses relative expressions at token i.
func (sc *dnScan) parseRel(i int) (dateSpec, bool) {
	var best dateSpec
	ok := false
	try := func(d dateSpec, good bool) {
		if good && (!ok || d.e > best.e) {
			best, ok = d, true
		}
	}
	for _, m := range sc.at(i) {
		switch m.it.kind {
		case itRelDay:
			if sc.blocked(i, m.end) {
				continue
			}
			d := dateSpec{s: i, e: m.end, kind: dkRelDay, off: m.it.val, wd: -1}
			// "يوم أمس الإثنين", "اليوم الثلاثاء", "hier lundi", "вчера, в понедельник".
			j := m.end
			if sc.isPunct(j, ",") || sc.isPunct(j, "،") {
				j++
			}
			if e, _, found := sc.find(j, itSpanPrefix); found {
				j = e
			}
			if e, _, found := sc.find(j, itDayPrefix); found {
				j = e
			}
			if e, wd, found := sc.find(j, itWeekday); found && wd.flag&flagAbbr == 0 && !sc.toks[j].newline {
				d.wd, d.e = wd.val, e
			}
			try(d, true)
		case itAnaphor:
			try(dateSpec{s: i, e: m.end, kind: dkAnaphor, off: m.it.val, wd: -1}, true)
		case itSeason:
			try(dateSpec{s: i, e: m.end, kind: dkSeason, m: m.it.val, d: m.it.val2, off: int(m.it.f), wd: -1}, true)
		case itSeasonName:
			// "im Sommer 2023", "летом 2023 года", "the summer of 2023", "el verano de 2023".
			j := m.end
			if e, _, ok := sc.find(j, itVagueLink); ok {
				j = e
			}
			if y, e := sc.yearAfter(j); y != 0 && !sc.isPunct(j, ",") && !sc.isPunct(j, "،") {
				try(dateSpec{s: i, e: e, kind: dkSeason, m: m.it.val, d: m.it.val2, y: y, wd: -1}, true)
			}
		case itRelPeriod:
			try(dateSpec{s: i, e: m.end, kind: dkRelPeriod, unit: m.it.s, off: m.it.val, wd: -1}, true)
		case itRelWeekday:
			try(dateSpec{s: i, e: m.end, kind: dkRelWeekday, wd: m.it.val, off: m.it.val2}, true)
		case itWeekday:
			if m.it.flag&flagAbbr != 0 {
				continue
			}
			// "Sunday Times", "Monday Night Football": a capitalised word right after a
			// capitalised weekday makes it part of a name; a weekday written in lower case
			// ("в понедельник Путин", "el lunes Macron") stays a date.
			if e := m.end; sc.toks[m.end-1].upper && e < len(sc.toks) && sc.isWord(e) && sc.toks[e].upper && !sc.toks[e].newline && !sc.has(e, itMonth) && !sc.has(e, itRelDay) {
				continue
			}
			try(dateSpec{s: i, e: m.end, kind: dkWeekday, wd: m.it.val, part: m.it.s}, true)
		case itDayPrefix:
			// "يوم الاثنين"
			if e, wd, found := sc.find(m.end, itWeekday); found && wd.flag&flagAbbr == 0 {
				try(dateSpec{s: i, e: e, kind: dkWeekday, wd: wd.val}, true)
			}
		}
	}
	try(sc.parseDuration(i))
	return best, ok
}

// blocked reports whether the word at [i, e) is preceded by a word that changes its meaning
// ("la mañana" is the morning, not tomorrow).
func (sc *dnScan) blocked(i, e int) bool {
	if i == 0 || len(sc.lx.blockBefore) == 0 {
		return false
	}
	key := ""
	for k := i; k < e; k++ {
		if k > i {
			key += " "
		}
		key += sc.toks[k].key
	}
	bb := sc.lx.blockBefore[key]
	if bb == nil {
		return false
	}
	return bb[sc.toks[i-1].key] || (i > 1 && bb[sc.toks[i-2].key+" "+sc.toks[i-1].key])
}

// parseDuration parses "3 days ago", "il y a 2 heures", "vor 3 Stunden", "через 8 месяцев",
// "منذ يومين", "sau 5 năm nữa", "2小时前", "1 year, 2 months and 3 days ago".
func (sc *dnScan) parseDuration(i int) (dateSpec, bool) {
	sign := 0
	j := i
	eventDir := false // "three weeks later", "two days before": measured from another event
	prefixed := false
	if e, it, ok := sc.find(i, itDirPrefix); ok {
		// A sign glued to the word before it is a hyphen ("67-year-old"), not a direction.
		if sc.toks[i].kind == dtPunct && sc.glued(i) {
			return dateSpec{}, false
		}
		sign, j = it.val, e
		eventDir = sc.has(i, itEventDir)
		prefixed = true
	}
	// Components with their own sign ("-1 decade +2 years") keep it; the others take the
	// direction of the whole expression.
	var dur, signed dnDuration
	n := 0
	for {
		k := j
		compSign := 0
		if n > 0 {
			if sc.isPunct(k, ",") || sc.isPunct(k, "，") || sc.isPunct(k, "،") {
				k++
			}
			if e, _, ok := sc.find(k, itConnector); ok {
				k = e
			} else if sc.isWord(k) && (sc.toks[k].key == "and" || sc.toks[k].key == "et" || sc.toks[k].key == "и" || sc.toks[k].key == "y" || sc.toks[k].key == "و") {
				k++
			}
			if (sc.isPunct(k, "+") || sc.isPunct(k, "-")) && sc.isNum(k+1) && !sc.toks[k+1].space {
				compSign = 1
				if sc.isPunct(k, "-") {
					compSign = -1
				}
				k++
			}
		}
		qty, unit, e, ok := sc.durComponent(k, sign != 0 || n > 0)
		if !ok {
			break
		}
		if compSign != 0 {
			addDuration(&signed, unit, float64(compSign)*qty)
		} else {
			addDuration(&dur, unit, qty)
		}
		n++
		j = e
	}
	if n == 0 {
		return dateSpec{}, false
	}
	if e, it, ok := sc.find(j, itDirSuffix); ok && !sc.toks[j].newline {
		if sign == 0 || (it.val == sign) || it.val > 0 && sign > 0 {
			sign = it.val
			eventDir = eventDir || sc.has(j, itEventDir)
			j = e
		}
	}
	if sign == 0 {
		return dateSpec{}, false
	}
	// "بعد أربع سنوات من ضم القرم": four years after another event, not after publication.
	if j < len(sc.toks) && !sc.toks[j].newline && sc.has(j, itEventLink) {
		eventDir = true
	}
	// "in 24 hours", "binnen 48 Stunden", "خلال 24 ساعة" in running text: hours ahead are how
	// long something took ("754 mm of rain in 24 hours", "€850m in 48 hours"), a number, not
	// a day to come. Alone ("in 2 hours") they still count from the publication.
	if sign > 0 && prefixed && dur.years == 0 && dur.months == 0 && dur.weeks == 0 && dur.days == 0 &&
		signed == (dnDuration{}) && sc.wordsBefore(i) {
		return dateSpec{}, false
	}
	// "d'ici cinq ans", "in fünf Jahren", "within five years": years ahead are a span of
	// time, not a year to come.
	if sign > 0 && prefixed && dur.years != 0 && signed == (dnDuration{}) && sc.wordsBefore(i) {
		return dateSpec{}, false
	}
	if sign < 0 {
		dur = dur.neg()
	}
	dur = dur.plus(signed)
	return dateSpec{s: i, e: j, kind: dkDuration, dur: dur, wd: -1, fromEvent: eventDir}, true
}

func (d dnDuration) neg() dnDuration {
	return dnDuration{-d.years, -d.months, -d.weeks, -d.days, -d.hours, -d.minutes, -d.seconds}
}

func (d dnDuration) plus(o dnDuration) dnDuration {
	return dnDuration{d.years + o.years, d.months + o.months, d.weeks + o.weeks, d.days + o.days,
		d.hours + o.hours, d.minutes + o.minutes, d.seconds + o.seconds}
}

func addDuration(d *dnDuration, unit string, q float64) {
	switch unit {
	case "decade":
		d.years += 10 * q
	case "year":
		d.years += q
	case "month":
		d.months += q
	case "fortnight":
		d.weeks += 2 * q
	case "week":
		d.weeks += q
	case "day":
		d.days += q
	case "hour":
		d.hours += q
	case "minute":
		d.minutes += q
	case "second":
		d.seconds += q
	}
}

// durComponent parses one "quantity unit" pair of a duration. A unit without a quantity counts
// one ("час назад"); a counted form carries its own ("يومين").
func (sc *dnScan) durComponent(k int, directed bool) (float64, string, int, bool) {
	if e, it, ok := sc.find(k, itCountedUnit); ok {
		return it.f, it.s, e, true
	}
	q, qe, okQ := sc.durQuantity(k)
	if !okQ {
		if e, it, ok := sc.find(k, itUnit); ok && directed {
			// "منذ عام 1939": the unit names the year that follows (since the year 1939),
			// it is not "a year ago".
			if nv, nd := sc.numValAt(e); nd == 4 && nv >= 1000 && !sc.toks[e].newline {
				return 0, "", 0, false
			}
			return 1, it.s, e, true
		}
		return 0, "", 0, false
	}
	if e, it, ok := sc.find(qe, itCountedUnit); ok {
		return q, it.s, e, true
	}
	if e, it, ok := sc.find(qe, itUnit); ok && !sc.toks[qe].newline {
		// "three weeks' time": the possessive belongs to the suffix.
		return q, it.s, e, true
	}
	return 0, "", 0, false
}

// durQuantity parses the count of a duration: digits (2.5, 0,5), number words, an article.
func (sc *dnScan) durQuantity(k int) (float64, int, bool) {
	if sc.isNum(k) {
		v, nd := sc.numVal(k)
		if nd > 6 {
			return 0, 0, false
		}
		q := float64(v)
		e := k + 1
		if (sc.isPunct(e, ".") || sc.isPunct(e, ",")) && sc.isNum(e+1) && !sc.toks[e].space && !sc.toks[e+1].space {
			f, fnd := sc.numVal(e + 1)
			div := 1.0
			for x := 0; x < fnd; x++ {
				div *= 10
			}
			q += float64(f) / div
			e += 2
		}
		return q, e, true
	}
	if v, e, ok := sc.numberWords(k); ok {
		return v, e, true
	}
	if e, _, ok := sc.find(k, itArticle); ok {
		return 1, e, true
	}
	return 0, 0, false
}

// wordsBefore reports whether a word comes before token i in the text.
func (sc *dnScan) wordsBefore(i int) bool {
	for k := 0; k < i; k++ {
		if sc.toks[k].kind == dtWord {
			return true
		}
	}
	return false
}

// dayBeforeDate parses a bare day that the date after it completes: "24–25 июня", "24-25.
// Juni" (a dash: the interval of both days) and "23. und 24. Juni", "23 и 24 июня", "23 et
// 24 juin" (another range link: the first day alone, its month and year from the second).
func (sc *dnScan) dayBeforeDate(i int) (dateSpec, bool) {
	a, ok := sc.dayOnly(i)
	if !ok || sc.gluedLetters(i) || a.e >= len(sc.toks) || sc.toks[a.e].newline {
		return dateSpec{}, false
	}
	le, _, isLink := sc.find(a.e, itRangeLink)
	if !isLink || le >= len(sc.toks) || sc.toks[le].newline {
		return dateSpec{}, false
	}
	b, okB := sc.parseSimple(le, false)
	if !okB || b.s != le || b.kind != dkAbs || b.d == 0 || b.m == 0 || b.interval != nil || !compatibleInterval(&a, &b) || a.d >= b.d {
		return dateSpec{}, false
	}
	if sc.isDash(a.e) {
		iv := a
		iv.e = b.e
		bb := b
		iv.interval = &bb
		return iv, true
	}
	return a, true
}

// numValAt returns the value and digit count of the number token at i, or 0, 0 when there
// is none.
func (sc *dnScan) numValAt(i int) (int, int) {
	if !sc.isNum(i) {
		return 0, 0
	}
	return sc.numVal(i)
}
