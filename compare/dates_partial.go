package compare

import "strings"

// Partial and compound date expressions: a day of the month alone (8日, 29号), parts of the
// day kept in the span (29日晚, dimanche soir, مساء الأحد, Montagabend), decades (1970s, années
// 1970, 1970-х), nights across two days (la nuit de dimanche à lundi, в ночь с 10 на 11
// сентября, in der Nacht zum Montag, ليل الأحد إلى الاثنين, đêm 10/9 rạng sáng 11/9) and the
// cues that put a lone weekday ahead of the publication date rather than behind it.

// dayAlone parses a day of the month written alone with a day word ("8日", "29号"); its month
// and year come from the anchor.
func (sc *dnScan) dayAlone(i int) (dateSpec, bool) {
	if !sc.isNum(i) || sc.gluedLetters(i) || sc.glued(i) && (sc.isNum(i-1) || sc.isPunct(i-1, ".") || sc.isPunct(i-1, "/")) {
		return dateSpec{}, false
	}
	v, nd := sc.numVal(i)
	if nd > 2 || v < 1 || v > 31 {
		return dateSpec{}, false
	}
	e, _, ok := sc.find(i+1, itDayAlone)
	if !ok || !sc.glued(i+1) {
		return dateSpec{}, false
	}
	if sc.endsBefore(i, itOrdinalPrefix) {
		return dateSpec{}, false // "第6号台风": typhoon No. 6, a label, not the 6th of the month
	}
	return dateSpec{s: i, e: e, kind: dkAbs, d: v, wd: -1}, true
}

// decade parses "1970s", "1970-х", "1970er", "années 1970", "những năm 1970": the ten years
// from a year ending in 0.
func (sc *dnScan) decade(i int) (dateSpec, bool) {
	if e, it, ok := sc.find(i, itDecadeWord); ok {
		// "años setenta", "السبعينيات من القرن الماضي".
		d := absDate(i, e, it.val, 0, 0)
		end := absDate(e, e, it.val+9, 0, 0)
		d.interval = &end
		return d, true
	}
	j := i
	prefixed := false
	if e, _, ok := sc.find(i, itDecadePrefix); ok {
		j, prefixed = e, true
	}
	if !sc.isNum(j) || sc.gluedLetters(j) {
		return dateSpec{}, false
	}
	v, nd := sc.numVal(j)
	if nd == 2 && v%10 == 0 && v >= 20 {
		// "los años 90", "les années 80", "90-е", "90er", "90s": the century is the last one.
		if _, _, suffixed := sc.find(j+1, itDecadeSuffix); prefixed || suffixed && sc.glued(j+1) {
			v, nd = v+1900, 4
		}
	}
	if nd != 4 || v%10 != 0 || v < 1000 || v > 2990 {
		return dateSpec{}, false
	}
	e := j + 1
	if se, _, ok := sc.find(e, itDecadeSuffix); ok && sc.glued(e) {
		e = se
	} else if !prefixed {
		return dateSpec{}, false
	}
	if se, _, ok := sc.find(e, itYearSuffix); ok {
		e = se
	}
	d := absDate(i, e, v, 0, 0)
	end := absDate(e, e, v+9, 0, 0)
	d.interval = &end
	return d, true
}

// dayLike reports whether d names one day, so that a part of the day may go with it.
func (d *dateSpec) dayLike() bool {
	switch d.kind {
	case dkAbs:
		return d.d != 0 && d.interval == nil
	case dkRelDay, dkAnaphor, dkWeekday, dkRelWeekday:
		return true
	}
	return false
}

// withDayPart widens a day-like expression over the part of the day after it ("29日晚",
// "Sunday evening", "周六晚间").
func (sc *dnScan) withDayPart(d dateSpec) dateSpec {
	if !d.dayLike() {
		return d
	}
	for n := 0; n < 2; n++ {
		e, it, ok := sc.find(d.e, itDayPart)
		if !ok || sc.toks[d.e].newline {
			break
		}
		d.e = e
		if it.s != "" {
			d.part = it.s
		}
	}
	return d
}

// futureContext reports whether a future cue ("will", "sẽ", "将", "до", "حتى") comes before
// token s in its clause (up to fourteen tokens: "is due to meet the head of the fund in
// Brussels on Friday"), or right after e.
func (sc *dnScan) futureContext(s, e int) bool {
	for k := s - 1; k >= 0 && k >= s-14; k-- {
		t := sc.toks[k]
		if t.kind == dtPunct && sentenceEnd(t.key) {
			break
		}
		for _, m := range sc.at(k) {
			if m.it.kind == itFutureCue && m.end <= s {
				return true
			}
		}
		if sc.futureVerb(k) {
			return true
		}
		if t.newline {
			break
		}
	}
	// "Sunday's vote … would go ahead": a day in the possessive heads its noun, and the
	// verb comes after that noun's words, within the clause.
	if (sc.isPunct(e, "'") || sc.isPunct(e, "’")) && sc.isWord(e+1) && sc.toks[e+1].key == "s" {
		for k := e + 2; k < len(sc.toks) && k < e+2+possessiveFutureReach && !sc.toks[k].newline; k++ {
			if sc.toks[k].kind == dtPunct && !sc.isPunct(k, "'") && !sc.isPunct(k, "’") {
				break
			}
			if sc.futureVerb(k) || sc.has(k, itFutureCue) {
				return true
			}
		}
	}
	// "El lunes será día no laborable", "в понедельник Путин проведёт": the verb right
	// after, or after the name of its subject.
	for k, n := e, 0; k < len(sc.toks) && n < 2 && !sc.toks[k].newline && sc.isWord(k); k, n = k+1, n+1 {
		if sc.futureVerb(k) || sc.has(k, itFutureCue) {
			return true
		}
		if !sc.toks[k].upper {
			break
		}
	}
	return false
}

// possessiveFutureReach is how many words after a day in the possessive ("Sunday's vote for
// the upper house would…") the verb of its noun may come.
const possessiveFutureReach = 10

// futureVerb reports whether word token k ends in a future-tense ending of the language
// ("votarán", "será"), with at least two letters before it.
func (sc *dnScan) futureVerb(k int) bool {
	if len(sc.lx.futureSuffixes) == 0 || !sc.isWord(k) {
		return false
	}
	key := sc.toks[k].key
	for _, suf := range sc.lx.futureSuffixes {
		if len(key) > len(suf)+1 && strings.HasSuffix(key, suf) {
			return true
		}
	}
	return false
}

func sentenceEnd(k string) bool {
	switch k {
	case ".", "!", "?", "。", "！", "？", "؟", ";", "；":
		return true
	}
	return false
}

// parseNight parses a night across two days at token i: the night word, the first day, a link
// and the second day; "the night to X" alone (в ночь на понедельник) is the day X.
func (sc *dnScan) parseNight(i int) (dateSpec, bool) {
	var best dateSpec
	ok := false
	for _, m := range sc.at(i) {
		if m.it.kind != itNight || m.end >= len(sc.toks) || sc.toks[m.end].newline {
			continue
		}
		a, okA := sc.nightDay(m.end)
		if sc.has(i, itDayPrefix) {
			// "đêm 10/9": the night word is also the day's own prefix.
			if p, okP := sc.parseSimple(i, false); okP && (!okA || p.e > a.e) {
				a, okA = p, true
			}
		}
		if !okA || !(a.dayLike() || a.interval != nil) {
			continue
		}
		iv := a
		iv.s = i
		iv.part = "night"
		if m.it.val == 1 && a.interval == nil {
			// The night to a day (в ночь на понедельник, in der Nacht zum Montag) is that
			// day's small hours.
			iv.part = "early_morning"
		}
		if a.interval == nil && m.it.val == 0 {
			if b, okB := sc.nightSecond(&a); okB {
				bb := b
				iv = a
				iv.s, iv.e = i, b.e
				iv.interval = &bb
				iv.part = "night"
			}
		}
		if !ok || iv.e > best.e {
			best, ok = iv, true
		}
	}
	return best, ok
}

// nightDay parses the first day of a night: a date, a weekday (with its day number: "lunes
// 11"), or a bare day number that the second day completes ("с 10 на 11 сентября").
func (sc *dnScan) nightDay(j int) (dateSpec, bool) {
	for _, m := range sc.at(j) {
		if m.it.kind == itIntervalOpen || m.it.kind == itConnector {
			if d, ok := sc.nightDay(m.end); ok {
				d.s = j
				return d, true
			}
		}
	}
	d, ok := sc.parseAt(j)
	if ok && (d.kind == dkWeekday || d.kind == dkRelWeekday) {
		if n, okN := sc.dayOnly(d.e); okN {
			n.s, n.wd = j, d.wd
			return n, true
		}
	}
	if ok {
		return d, true
	}
	return sc.dayOnly(j)
}

// nightSecond parses the link and the second day of a night after a, completing a's month.
func (sc *dnScan) nightSecond(a *dateSpec) (dateSpec, bool) {
	j := a.e
	link := -1
	if e, _, ok := sc.find(j, itNightLink); ok {
		link = e
	} else if sc.isPunct(j, "-") {
		link = j + 1
	}
	if link < 0 {
		return dateSpec{}, false
	}
	for _, k := range []int{link, j} {
		b, ok := sc.parseSimple(k, false)
		if !ok {
			continue
		}
		if a.kind == dkAbs && b.kind == dkAbs {
			if a.m == 0 && b.m != 0 {
				a.m, a.y = b.m, b.y
			}
			if a.d == 0 || b.d == 0 {
				continue
			}
			return b, true
		}
		if (a.kind == dkWeekday || a.kind == dkRelWeekday) && (b.kind == dkWeekday || b.kind == dkRelWeekday) {
			return b, true
		}
	}
	return dateSpec{}, false
}

// intervalEnd parses what follows the dash of "2006-2007" or "September 4-7": a full date, a
// year after a year, or a day after a day and month.
func (sc *dnScan) intervalEnd(a *dateSpec, next int) (dateSpec, bool) {
	if b, ok := sc.parseSimple(next, false); ok && b.kind == dkAbs && compatibleInterval(a, &b) &&
		(a.d == 0) == (b.d == 0) && (a.m == 0) == (b.m == 0) {
		return b, true
	}
	if !sc.isNum(next) || sc.glued(next+1) && sc.isWord(next+1) && !sc.has(next+1, itYearSuffix) {
		return dateSpec{}, false
	}
	v, nd := sc.numVal(next)
	switch {
	case a.y != 0 && a.m == 0 && nd == 4 && v > a.y && v <= a.y+100:
		e := next + 1
		if se, _, ok := sc.find(e, itYearSuffix); ok {
			e = se
		}
		return absDate(next, e, v, 0, 0), true
	case a.d != 0 && a.m != 0 && nd <= 2 && v > a.d && validDate(a.y, a.m, v):
		if sc.isPunct(next+1, ":") || sc.isPunct(next+1, "-") {
			return dateSpec{}, false
		}
		return absDate(next, next+1, a.y, a.m, v), true
	}
	return dateSpec{}, false
}

// bracketed parses a day and month restated in brackets right after a date ("chiều qua
// (29/3, giờ địa phương)", "hôm qua (8/7)"): the brackets stand for the day word.
func (sc *dnScan) bracketed(prev dateSpec) (dateSpec, bool) {
	j := prev.e
	if !prev.dayLike() || !sc.isPunct(j, "(") || !sc.glued(j+1) {
		return dateSpec{}, false
	}
	d, ok := sc.numericDate(j+1, true)
	if !ok || !validDate(d.y, d.m, d.d) {
		return dateSpec{}, false
	}
	return d, true
}
