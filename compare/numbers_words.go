package compare

import "strings"

// Quantities that are not a plain numeral: vague ones ("dozens", "des dizaines de milliers",
// "数百", "hàng chục nghìn", "عشرات الآلاف"), approximate ones ("une vingtaine"), words that
// carry a count ("twice", "zweimal", "صاروخين"), ranks that carry a fact ("the second
// largest", "第五大", "lớn thứ hai"), fractions ("half of", "الثلث", "一半"), and units
// ("km", "USD", "ans"). Every form is language data (assets/lang/extra/*.json,
// assets/lang/units.tsv); the rules here are the same for every language.

// unitCodeAt returns the normalised unit written at token e ("km", "USD", "%", "year").
func (sc *dnScan) unitCodeAt(e int) (string, int, bool) {
	if e >= len(sc.toks) || sc.toks[e].newline || sc.taken[e] {
		return "", 0, false
	}
	// A unit of units.tsv wins over a time unit of the date tables: "69 m." is metres, not
	// months.
	best, code := -1, ""
	for _, m := range sc.at(e) {
		if m.it.kind == itUnitCode && m.it.flag&flagPrefix == 0 && m.end > best {
			best, code = m.end, m.it.s
		}
	}
	timeUnit := false
	if best < 0 {
		for _, m := range sc.at(e) {
			if m.it.kind == itUnit && m.end > best {
				best, code, timeUnit = m.end, m.it.s, true
			}
		}
	}
	if best < 0 {
		return "", 0, false
	}
	// A time unit that is also a function word of the language ("a", CLDR's year in French
	// and Spanish, is "has" and "to") is that word when more text follows on the line:
	// "magnitude 6,1 a touché", "de 30 a 45 muertos" count no years.
	if timeUnit && best == e+1 && sc.has(e, itFunction) && best < len(sc.toks) && !sc.toks[best].newline &&
		(sc.isWord(best) || sc.isNum(best)) {
		return "", 0, false
	}
	// A unit of one Latin or Cyrillic letter ("m", "t", "м") only right after the number or
	// with a space, never before a letter of the same word.
	if best == e+1 && sc.toks[e].end-sc.toks[e].start == 1 && !sc.toks[e].ideo {
		if best < len(sc.toks) && sc.glued(best) && sc.isWord(best) {
			return "", 0, false
		}
		if sc.isPunct(best, "-") && sc.glued(best) {
			return "", 0, false // "5 m-long"? keep it simple: a dash joins a word
		}
	}
	return code, best, true
}

// smallerPart parses a second, smaller scaled number after a scaled one: "3 миллиона 200
// тысяч", "1 tỷ 200 triệu", "3亿2000万". It never crosses punctuation or a line.
func (sc *dnScan) smallerPart(e int, total, last float64) (float64, int, bool) {
	if e >= len(sc.toks) || sc.toks[e].newline || sc.taken[e] {
		return 0, 0, false
	}
	// "5 ملايين و586 ألف": the conjunction is a clitic glued to the digits (or to the
	// number word, "ستة آلاف وخمسمئة").
	linked := sc.cliticLink(e)
	if sc.isWord(e) && sc.cliticsOnly(e) && sc.isNum(e+1) && sc.glued(e+1) {
		e++
		linked = true
	}
	var v float64
	var k int
	switch {
	case sc.isNum(e):
		if sc.isPunct(e+1, ".") || sc.isPunct(e+1, ",") {
			return 0, 0, false
		}
		n, nd := sc.numVal(e)
		if n < 0 || nd > 4 {
			return 0, 0, false
		}
		v, k = float64(n), e+1
	case sc.isWord(e):
		w, we, ok := sc.numberWords(e)
		if !ok {
			return 0, 0, false
		}
		v, k = w, we
	default:
		return 0, 0, false
	}
	se, it, ok := sc.find(k, itScale)
	if (!ok || k >= len(sc.toks) || sc.toks[k].newline) && linked && v >= 10 && v < last {
		return v, k, true // "ستة آلاف وخمسمئة": a last part with no scale of its own
	}
	if k >= len(sc.toks) || sc.toks[k].newline {
		return 0, 0, false
	}
	if !ok || it.f >= last || v*it.f >= last {
		return 0, 0, false
	}
	return v * it.f, se, true
}

// wordQuantityAt parses a quantity that is not a numeral at token j: a vague or approximate
// quantity, a word that carries a count, a rank with a superlative, a fraction.
func (sc *dnScan) wordQuantityAt(j int) (numSpec, int, bool) {
	if j >= len(sc.toks) || sc.taken[j] || sc.toks[j].url {
		return numSpec{}, 0, false
	}
	if ns, e, ok := sc.rankAt(j); ok {
		return ns, e, true
	}
	if ns, e, ok := sc.everyNthAt(j); ok {
		return ns, e, true
	}
	if sc.toks[j].kind != dtWord {
		return numSpec{}, 0, false
	}
	// A plural time unit with no number is a vague duration after a cue of duration ("after
	// years of conflict", "seit Jahren", "لسنوات", "pendant des semaines"), or as one end of
	// a range of them ("days to weeks").
	if pe, pu, ok := sc.find(j, itPluralUnit); ok && !sc.takenIn(j, pe) && !sc.has(j, itUnitCode) {
		ns := numSpec{rs: sc.toks[j].start, re: sc.toks[pe-1].end, vague: true, unit: pu.s}
		if le, _, ok := sc.find(pe, itRangeLink); ok && le < len(sc.toks) && !sc.toks[pe].newline && !sc.toks[le].newline {
			if qe, _, ok := sc.find(le, itPluralUnit); ok && !sc.takenIn(pe, qe) {
				ns.re = sc.toks[qe-1].end
				return ns, qe, true
			}
		}
		if sc.pluralCued(j, pe) {
			return ns, pe, true
		}
	}
	// A time unit that carries its count, and a half: "ساعة ونصف" (1.5 hours), "ساعتين
	// ونصف" (2.5 hours).
	if ce, cu, ok := sc.find(j, itCountedUnit); ok && !sc.takenIn(j, ce) && ce < len(sc.toks) && !sc.toks[ce].newline {
		if he, _, ok := sc.find(ce, itHalf); ok && !sc.takenIn(ce, he) {
			return numSpec{rs: sc.toks[j].start, re: sc.toks[he-1].end, value: cu.f + 0.5, unit: cu.s}, he, true
		}
	}
	// The longest of the word forms at j.
	best, bi := -1, (*dnItem)(nil)
	for _, m := range sc.at(j) {
		switch m.it.kind {
		case itVagueMag, itVague, itApprox, itCounted, itFraction:
			if m.end > best || m.end == best && m.it.kind == itVagueMag {
				best, bi = m.end, m.it
			}
		}
	}
	if best < 0 {
		return sc.compoundAt(j)
	}
	if sc.takenIn(j, best) {
		return numSpec{}, 0, false
	}
	// A word inside a longer word of a script without spaces: "数" of "数据".
	if sc.toks[j].ideo && sc.glued(j) && sc.isWord(j-1) && sc.toks[j-1].ideo && !sc.has(j-1, itQualifier) && !sc.endsBefore(j, itQualifier) && bi.kind != itVagueMag && bi.kind != itFraction && !sc.classifiedAt(best) {
		return numSpec{}, 0, false
	}
	ns := numSpec{rs: sc.toks[j].start}
	e := best
	switch bi.kind {
	case itApprox:
		ns.value, ns.qualifier = bi.f, QualifierAbout
	case itCounted:
		ns.value = bi.f
		// A scale that carries its count, then a smaller part or a half: "ألف وخمسمئة"
		// (1500), "ألفان وثلاثمئة" (2300), "مليون ونصف" (1.5 million).
		if sc.has(best-1, itScale) {
			scale := 0.0
			for _, m := range sc.at(best - 1) {
				if m.it.kind == itScale && m.end == best {
					scale = m.it.f
				}
			}
			if scale >= 1000 {
				if v, se, ok := sc.smallerPart(e, bi.f, scale); ok {
					ns.value += v
					e = se
				} else if he, ok := sc.halfOfScale(e, best-1); ok {
					ns.value += scale / 2
					e = he
				}
			}
		}
	case itFraction:
		// A share, as news compares it with percentages: half = 50 %, a third = 33.3 %.
		// A fraction that is also an ordinal, after an article and right before a noun, is
		// the ordinal: "a third consecutive term", "a third day of protests" (the share
		// takes "of": "a third of the roof").
		if sc.has(j, itArticle) && sc.has(best-1, itOrdinalWord) && best < len(sc.toks) && !sc.toks[best].newline &&
			sc.isWord(best) && !sc.has(best, itFunction) && !sc.has(best, itVagueLink) {
			return numSpec{}, 0, false
		}
		// A fraction after an ordinal is a part of a period or a match, not a share: "in the
		// second half", "the first half of the year", "in der zweiten Hälfte".
		if sc.endsBefore(j, itOrdinalWord) {
			return numSpec{}, 0, false
		}
		ns.value, ns.unit = bi.f, "%"
	case itVagueMag, itVague:
		ns.vague, ns.magnitude = true, bi.f
		// "des dizaines de milliers", "tens of thousands", "数十万", "hàng chục nghìn",
		// "vài trăm", "عشرات الآلاف": a scale (or another vague order) multiplies.
		for n := 0; n < 2 && e < len(sc.toks) && !sc.toks[e].newline; n++ {
			k := e
			if le, _, ok := sc.find(k, itVagueLink); ok && le < len(sc.toks) && !sc.toks[le].newline {
				k = le
			}
			mag := 0.0
			me := 0
			for _, m := range sc.at(k) {
				if (m.it.kind == itScale || m.it.kind == itVagueMag || m.it.kind == itNumMult && sc.toks[k].ideo) && m.end > me {
					mag, me = m.it.f, m.end
				}
			}
			if me == 0 || sc.takenIn(k, me) || k == e && sc.toks[k].space && sc.toks[k].ideo {
				break
			}
			if ns.magnitude == 0 {
				ns.magnitude = 1
			}
			ns.magnitude *= mag
			e = me
		}
	}
	ns.re = sc.toks[e-1].end
	// What is counted.
	nounAfter, measured := false, false
	if bi.kind == itFraction {
		// A part of a time unit is a duration: "half an hour" (0.5 hour), "نصف ساعة", "nửa
		// giờ", "a quarter of an hour" is left to the share.
		k := e
		if sc.has(k, itArticle) && k < len(sc.toks) && !sc.toks[k].newline {
			k++
		}
		if ue, u, ok := sc.find(k, itUnit); ok && !sc.toks[k].newline && !sc.takenIn(e, ue) && !sc.has(k, itPluralUnit) {
			ns.value, ns.unit = bi.f/100, u.s
			ns.re, e = sc.toks[ue-1].end, ue
		} else if code, ue, ok := sc.unitCodeAt(k); ok && code != "%" && !sc.takenIn(e, ue) {
			// A part of a measure is that much of it: "a quarter of a percentage point"
			// (0.25 pp, not a 25 % share), "half a tonne", "nửa điểm phần trăm".
			ns.value, ns.unit = bi.f/100, code
			ns.re, e = sc.toks[ue-1].end, ue
		}
		return ns, e, true
	}
	if code, ue, ok := sc.unitCodeAt(e); ok {
		ns.unit, nounAfter, measured = code, true, true
		if bi.kind != itFraction {
			ns.re, e = sc.toks[ue-1].end, ue
		}
	} else if sc.has(e, itClassifier) {
		ns.unit, nounAfter = sc.tokText(e), true
	} else {
		k := e
		if le, _, ok := sc.find(k, itVagueLink); ok {
			k = le
		}
		ns.unit, nounAfter = sc.unitAfter(k)
	}
	// A dual of a time unit: "أسبوعين" is two weeks.
	if bi.kind == itCounted && best == j+1 {
		if _, cu, ok := sc.find(j, itCountedUnit); ok && cu.f == bi.f && !measured {
			ns.unit = cu.s
		}
	}
	switch bi.kind {
	case itVague:
		// "quelques heures", "several days", "数件", "vài trăm": without an order of
		// magnitude, a quantity only when it measures (a unit) or counts with a measure word.
		if ns.magnitude == 0 && !measured && !sc.has(e, itClassifier) {
			return numSpec{}, e, false
		}
	case itVagueMag:
		if sc.lx.needClassifier && sc.toks[j].ideo && sc.toks[j].space && !nounAfter {
			return numSpec{}, e, false
		}
	}
	return ns, e, true
}

// pluralCued reports whether a cue of duration stands right before the plural time unit at
// [j, e) ("for", "seit", "منذ"), is glued to it as a clitic (the ل of "لسنوات"), or follows
// it ("Wochen dauern").
func (sc *dnScan) pluralCued(j, e int) bool {
	if sc.endsBefore(j, itPluralCue) && !sc.toks[j].newline {
		return true
	}
	// After it, the unit must not follow an article or a function word ("Die Tage nach dem
	// Beben" names the days).
	if e < len(sc.toks) && !sc.toks[e].newline && sc.has(e, itPluralCue) && sc.isWord(e) &&
		j > 0 && !sc.toks[j].newline && sc.isWord(j-1) && !sc.has(j-1, itFunction) && !sc.has(j-1, itArticle) {
		return true
	}
	key := sc.toks[j].key
	if sc.lx.root[key] != nil {
		return false
	}
	for _, c := range sc.lx.clitics {
		if len(key) > len(c) && key[:len(c)] == c {
			if n := sc.lx.root[c]; n != nil {
				for _, it := range n.items {
					if it.kind == itPluralCue {
						return true
					}
				}
			}
		}
	}
	return false
}

// halfOfScale reads a half after a scale word at token k: "مليون ونصف" (1.5 million),
// "triệu rưỡi", with the scale named again after it ("مليون ونصف المليون"). It returns the
// end of what it read.
func (sc *dnScan) halfOfScale(e, k int) (int, bool) {
	if e >= len(sc.toks) || sc.toks[e].newline || sc.taken[e] || !sc.isWord(k) {
		return 0, false
	}
	he, _, ok := sc.find(e, itHalf)
	if !ok || sc.takenIn(e, he) {
		return 0, false
	}
	// The scale again, with the article: "ونصف المليون", "ونصف الألف".
	if he < len(sc.toks) && !sc.toks[he].newline && sc.isWord(he) && sc.toks[he].key != sc.toks[k].key &&
		strings.HasSuffix(sc.toks[he].key, sc.toks[k].key) {
		he++
	}
	return he, true
}

// takenIn reports whether a date took any token of [s, e).
func (sc *dnScan) takenIn(s, e int) bool {
	for k := s; k < e && k < len(sc.toks); k++ {
		if sc.taken[k] {
			return true
		}
	}
	return false
}

// rankAt parses a rank that carries a fact: an ordinal ("second", "deuxième", "второй",
// "第二", "thứ hai", "2nd") next to a superlative ("largest", "plus grande", "大", "lớn",
// "по величине", "أكبر"), before or after it, at most one word apart.
func (sc *dnScan) rankAt(j int) (numSpec, int, bool) {
	var rank float64
	e := -1
	if oe, it, ok := sc.find(j, itOrdinalWord); ok {
		rank, e = it.f, oe
	} else if pe, _, ok := sc.find(j, itOrdinalPrefix); ok && pe < len(sc.toks) && !sc.toks[pe].newline {
		switch {
		case sc.isNum(pe) && sc.glued(pe) == sc.toks[j].ideo:
			n, nd := sc.numVal(pe)
			if n <= 0 || nd > 3 {
				return numSpec{}, 0, false
			}
			rank, e = float64(n), pe+1
		case sc.isWord(pe):
			v, we, ok := sc.numberWords(pe)
			if !ok {
				return numSpec{}, 0, false
			}
			rank, e = v, we
		}
	} else if sc.isNum(j) && sc.glued(j+1) && sc.isWord(j+1) && sc.lx.ordinalSuffix[sc.toks[j+1].key] {
		n, nd := sc.numVal(j)
		if n <= 0 || nd > 3 {
			return numSpec{}, 0, false
		}
		rank, e = float64(n), j+2
	}
	if e < 0 || rank < 1 || rank != float64(int(rank)) || sc.takenIn(j, e) {
		return numSpec{}, 0, false
	}
	// The superlative: right after ("second-largest", "第五大", "deuxième plus grande"), one
	// word after ("segunda ciudad más grande"), or right before ("lớn thứ hai", "أكبر ... ثاني").
	super := false
	k := e
	if sc.isPunct(k, "-") && sc.glued(k) {
		k++
	}
	for gap := 0; gap < 2 && k < len(sc.toks) && !sc.toks[k].newline; gap++ {
		if se, _, ok := sc.find(k, itSuperlative); ok {
			super = true
			if gap == 0 {
				e = se
			}
			break
		}
		if !sc.isWord(k) || sc.has(k, itFunction) {
			break
		}
		k++
	}
	if !super && sc.has(j, itSuperlative) {
		super = true // "zweitgrößte": one word holds both
	}
	if !super && sc.endsBefore(j, itSuperlative) {
		super = true
	}
	if !super {
		return numSpec{}, 0, false
	}
	return numSpec{rs: sc.toks[j].start, re: sc.toks[e-1].end, value: rank, ordinal: true}, e, true
}

// compoundAt parses what is left: a compound word made of a number stem and a unit suffix
// ("семидневный", "трехмесячный", "siebentägige", "zweijährigen"), or an article before a
// unit ("a day", "einen Tag", "un kilomètre": one).
func (sc *dnScan) compoundAt(j int) (numSpec, int, bool) {
	t := sc.toks[j]
	if sc.has(j, itArticle) {
		// "$9.6bn of trade a day", "twice a day": a rate, unless a direction follows ("a
		// day later"); "a second quake": an adjective before a noun.
		if j > 0 && sc.isWord(j-1) && !sc.has(j-1, itFunction) && !sc.endsBefore(j, itQualifier) && !sc.toks[j].newline {
			if ue, _, ok := sc.find(j+1, itUnit); !ok || !sc.has(ue, itEventDir) && !sc.has(ue, itDirSuffix) {
				return numSpec{}, 0, false
			}
		}
		if code, ue, ok := sc.unitCodeAt(j + 1); ok && code != "%" && !sc.toks[j+1].newline && !sc.lowerNounAt(ue) && !sc.has(j+1, itOrdinalWord) {
			ns := numSpec{rs: t.start, re: sc.toks[ue-1].end, value: 1, unit: code}
			// "an hour and a half": and a half.
			if he, _, ok := sc.find(ue, itHalf); ok && ue < len(sc.toks) && !sc.toks[ue].newline && !sc.takenIn(ue, he) {
				ns.value, ns.re, ue = 1.5, sc.toks[he-1].end, he
			}
			return ns, ue, true
		}
		return numSpec{}, 0, false
	}
	if len(sc.lx.stems) == 0 || t.ideo || t.url {
		return numSpec{}, 0, false
	}
	for _, st := range sc.lx.stems {
		if len(t.key) <= len(st.s)+2 || t.key[:len(st.s)] != st.s {
			continue
		}
		node := sc.lx.root[t.key[len(st.s):]]
		if node == nil {
			continue
		}
		for _, it := range node.items {
			if it.kind == itNumSuffix && it.s != "" {
				return numSpec{rs: t.start, re: t.end, value: st.f, unit: it.s}, j + 1, true
			}
		}
	}
	return numSpec{}, 0, false
}

// isNumeralPart reports whether v is a number word of one piece in a glued numeral: 1–19, a
// ten, a hundred or a thousand ("zweihundert" is two pieces, "zwei" and "hundert").
func isNumeralPart(v float64) bool {
	n := int(v)
	if float64(n) != v || n < 1 {
		return false
	}
	return n < 20 || n < 100 && n%10 == 0 || n == 100 || n == 1000
}

// compoundNumeral reads a number written as one word in a language that glues its number
// words ("dreiundzwanzig" 23, "sechstausend" 6000, "zweihundertfünfzig" 250,
// "fünfundzwanzigtausend" 25000). The word must split wholly into number words and joiners,
// in at least two pieces; a word that merely starts with one ("Achtung", "Dreieck") does not.
func (lx *dnLexicon) compoundNumeral(key string) (float64, bool) {
	if !lx.mayBeCompoundNumeral(key) {
		return 0, false
	}
	var parts []float64 // a joiner is -1
	var split func(rest string) (float64, bool)
	split = func(rest string) (float64, bool) {
		if rest == "" {
			return numeralValue(parts)
		}
		for _, j := range lx.numeralJoiners {
			if strings.HasPrefix(rest, j) {
				parts = append(parts, -1)
				if v, ok := split(rest[len(j):]); ok {
					return v, true
				}
				parts = parts[:len(parts)-1]
			}
		}
		for i := len(rest); i > 0; i-- {
			if v, ok := lx.numeralParts[rest[:i]]; ok {
				parts = append(parts, v)
				if v, ok := split(rest[i:]); ok {
					return v, true
				}
				parts = parts[:len(parts)-1]
			}
		}
		return 0, false
	}
	return split(key)
}

// mayBeCompoundNumeral reports whether key may be a number written as one word: it is long
// enough and begins as some numeral part or joiner does (false: compoundNumeral surely
// fails).
func (lx *dnLexicon) mayBeCompoundNumeral(key string) bool {
	if len(lx.numeralParts) == 0 || len(key) < 6 {
		return false
	}
	if lx.numeralHeadLen == 0 {
		return true
	}
	return len(key) >= lx.numeralHeadLen && lx.numeralHeads[key[:lx.numeralHeadLen]]
}

// numeralValue adds up the pieces of a glued numeral, units before tens after a joiner
// ("drei und zwanzig"), hundreds and a thousand multiplying what comes before them; an order
// no number has ("zwanzigdrei", "hunderthundert") is no number.
func numeralValue(parts []float64) (float64, bool) {
	if len(parts) < 2 {
		return 0, false
	}
	total, hundreds, small := 0.0, 0.0, 0.0
	joined, thousand := false, false
	for _, p := range parts {
		switch {
		case p < 0:
			if small == 0 || small >= 10 || joined {
				return 0, false
			}
			joined = true
			continue
		case p == 1000:
			if joined || thousand {
				return 0, false
			}
			n := hundreds + small
			if n == 0 {
				n = 1
			}
			total, hundreds, small, thousand = n*1000, 0, 0, true
		case p == 100:
			if joined || hundreds > 0 || small >= 10 {
				return 0, false
			}
			if small == 0 {
				small = 1
			}
			hundreds, small = small*100, 0
		case small == 0:
			if joined {
				return 0, false
			}
			small = p
		case joined && small < 10 && p >= 20:
			small += p
		default:
			return 0, false
		}
		joined = false
	}
	if joined {
		return 0, false
	}
	return total + hundreds + small, true
}

// everyNthAt parses a share written as "every n-th" at token j: "jeder zweite Wähler" (50 %),
// "каждый третий житель" (33.3 %), "jede zehnte" (10 %). The ordinal must follow the word
// for "every" on the same line and be a plain rank from two to ten, not a superlative
// ("jeder zweitgrößte" is none), and no time unit may follow ("jede zweite Woche").
func (sc *dnScan) everyNthAt(j int) (numSpec, int, bool) {
	ee, _, ok := sc.find(j, itEvery)
	if !ok || ee >= len(sc.toks) || sc.toks[ee].newline || sc.takenIn(j, ee+1) || sc.has(ee, itSuperlative) {
		return numSpec{}, 0, false
	}
	oe, it, ok := sc.find(ee, itOrdinalWord)
	if !ok || it.f < 2 || it.f > 10 || it.f != float64(int(it.f)) {
		return numSpec{}, 0, false
	}
	// "jede zweite Woche", "каждый второй день": a rhythm, not a share.
	if oe < len(sc.toks) && !sc.toks[oe].newline && sc.has(oe, itUnit) {
		return numSpec{}, 0, false
	}
	share := float64(int(1000/it.f+0.5)) / 10 // 33.3, 16.7, 14.3
	return numSpec{rs: sc.toks[j].start, re: sc.toks[oe-1].end, value: share, unit: "%"}, oe, true
}
