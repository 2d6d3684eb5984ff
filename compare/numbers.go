package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers: digits of any script with the language's separators (52.000, 5,31, 30,000, 52 000,
// ٣٠٬٠٠٠), number words (quatre, четыре, أربعة, hai mươi lăm, 三百), scale words (ألف, triệu,
// млн, millions, 万), qualifiers (at least, plus de, khoảng, более, ما لا يقل عن) and the counted
// noun after them. Numbers inside names (APT31, G7, COVID-19), clock times, phone numbers, URLs,
// ordinals and the years dates already took are not facts.

// numSpec is one number found in the text.
type numSpec struct {
	rs, re    int // rune span
	value     float64
	qualifier string
	unit      string
	// vague: no single value (value is unused); magnitude is the order the words give.
	vague     bool
	magnitude float64
	ordinal   bool
}

// numberWords parses a number written in words at token k: "quatre", "vingt-cinq", "deux
// cents", "hai mươi lăm", "三百二十", "خمسة وعشرون", "twenty five". Scale words are left to the
// caller.
func (sc *dnScan) numberWords(k int) (float64, int, bool) {
	section, pending := 0.0, 0.0
	n := 0
	j := k
	end := k
	lastConn := false
	for j < len(sc.toks) {
		if n > 0 && (sc.toks[j].newline || sc.toks[j].kind == dtPunct && sc.toks[j].key != "-") {
			break
		}
		if n > 0 && sc.toks[j].space && sc.toks[j].ideo {
			break
		}
		// Joiners inside a number: "vingt-cinq", "vingt et un", "hundred and five".
		if n > 0 && (sc.isPunct(j, "-") && !sc.toks[j].space || sc.has(j, itConnector) && !lastConn) {
			if e, _, ok := sc.find(j, itConnector); ok {
				j = e
			} else {
				j++
			}
			lastConn = true
			continue
		}
		// "خمسة وعشرون", "ثلاثمئة وخمسة وعشرون": the connector is a clitic glued to the
		// number word after it.
		if n > 0 && !lastConn && sc.cliticConnector(j) {
			lastConn = true
		}
		var num, mult float64
		var numEnd, multEnd int
		for _, m := range sc.at(j) {
			switch m.it.kind {
			case itNumber:
				if m.end > numEnd {
					num, numEnd = m.it.f, m.end
				}
			case itNumMult:
				if m.end > multEnd {
					mult, multEnd = m.it.f, m.end
				}
			}
		}
		if numEnd == 0 && multEnd == 0 && sc.toks[j].kind == dtWord {
			// "dreiundzwanzig", "sechstausend": a number written as one word.
			if v, ok := sc.lx.compoundNumeral(sc.toks[j].key); ok {
				num, numEnd = v, j+1
			}
		}
		if n == 0 && numEnd > 0 && sc.lx.compoundOnly[sc.toks[j].key] && numEnd == j+1 && !sc.countsAt(numEnd) &&
			!(num > 0 && sc.measuredAt(numEnd)) {
			return 0, 0, false
		}
		switch {
		case multEnd > 0 && multEnd >= numEnd:
			if pending == 0 {
				pending = 1
			}
			section += pending * mult
			pending = 0
			j = multEnd
		case numEnd > 0:
			switch {
			case pending == 0:
				pending = num
			case pending >= 100 && int(pending)%100 == 0 && num < 100:
				pending += num // двести двадцать
			case pending >= 20 && int(pending)%10 == 0 && num < 10:
				pending += num // twenty five
			case pending >= 1000 && int(pending)%1000 == 0 && num < 1000 && lastConn:
				pending += num // ألفان وثلاثمئة
			case int(pending)%100 > 0 && int(pending)%100 < 10 && num >= 20 && num < 100 && int(num)%10 == 0 && lastConn:
				pending += num // خمسة وعشرون, ثلاثمئة وخمسة وعشرون
			default:
				goto done
			}
			j = numEnd
		default:
			goto done
		}
		n++
		end = j
		lastConn = false
	}
done:
	if n == 0 {
		return 0, 0, false
	}
	return section + pending, end, true
}

// parseNumbers finds the numbers of the text; tokens dates took are skipped.
func (sc *dnScan) parseNumbers() []numSpec {
	var out []numSpec
	var vocab map[string]bool
	for i := 0; i < len(sc.toks); i++ {
		if sc.taken[i] || sc.toks[i].url {
			continue
		}
		if ns, next, ok := sc.postNumberAt(i); ok {
			out = append(out, ns)
			i = next - 1
			continue
		}
		if ns, next, ok := sc.prefixedPercentAt(i); ok {
			out = append(out, ns)
			i = next - 1
			continue
		}
		q := ""
		j := i
		// A qualifier that is the end of another word is none: 约 of 北约 (NATO) or 纽约 (New
		// York) before "32个成员国" (block_before).
		if e, it, ok := sc.find(i, itQualifier); ok && e < len(sc.toks) && !sc.toks[e].newline && !sc.blocked(i, e) {
			q, j = it.s, e
		}
		// A unit written before the number: "$5", "US$ 2,5", "€3".
		pre, preStart := "", -1
		if e, it, ok := sc.find(j, itUnitCode); ok && it.flag&flagPrefix != 0 && e < len(sc.toks) && sc.isNum(e) && !sc.toks[e].newline {
			pre, preStart, j = it.s, sc.toks[j].start, e
		}
		var ns numSpec
		var next int
		var ok bool
		if e, it, found := sc.find(j, itQualNumber); found && q != "" && !sc.takenIn(j, e) && !sc.has(e, itScale) && !sc.has(e, itVagueMag) &&
			!(q == QualifierUpTo && sc.has(j, itUnit)) && !sc.has(e, itDayPart) && !sc.has(e, itTimeMarker) &&
			!(sc.has(j, itUnit) && (sc.has(e, itDirSuffix) || sc.endsBefore(i, itDirPrefix))) {
			// "более тысячи", "около тысячи": after a qualifier the form is one thousand,
			// not thousands; "менее суток", "أقل من يوم": a time unit alone is one of it.
			ns, next, ok = numSpec{rs: sc.toks[j].start, re: sc.toks[e-1].end, value: it.f}, e, true
			if code, ue, isUnit := sc.unitCodeAt(j); isUnit && ue == e {
				ns.unit = code
				// "أكثر من عام ونصف": and a half.
				if he, _, half := sc.find(e, itHalf); half && e < len(sc.toks) && !sc.toks[e].newline && !sc.takenIn(e, he) {
					ns.value += 0.5
					ns.re, next = sc.toks[he-1].end, he
				}
			} else {
				ns.unit, _ = sc.unitAfter(e)
			}
		} else if e, _, found := sc.find(j, itApprox); found && e > j+1 {
			// "два десятка" (20) before "два" (2).
			ns, next, ok = sc.wordQuantityAt(j)
		}
		if !ok {
			ns, next, ok = sc.numberAt(j, q != "" || pre != "", &vocab)
		}
		if !ok {
			ns, next, ok = sc.wordQuantityAt(j)
		}
		if !ok && j != i {
			// A qualifier that is also a vague quantity: "quelques heures".
			if ns, next, ok = sc.wordQuantityAt(i); ok {
				q, pre = "", ""
			}
		}
		if !ok {
			continue
		}
		if q != "" {
			ns.qualifier = q
		}
		if pre != "" {
			ns.unit, ns.rs = pre, preStart
		}
		if next > i {
			i = next - 1
		}
		if ns.value != ns.value { // NaN guard
			continue
		}
		out = append(out, ns)
	}
	return out
}

// numberAt parses the number at token j; hasQual tells whether a qualifier precedes it.
func (sc *dnScan) numberAt(j int, hasQual bool, vocab *map[string]bool) (numSpec, int, bool) {
	if j >= len(sc.toks) || sc.taken[j] || sc.toks[j].url {
		return numSpec{}, 0, false
	}
	var ns numSpec
	t := sc.toks[j]
	e := j
	plain := false // digits with no separator, scale or qualifier
	fromWords := false
	nounAfter := false
	switch t.kind {
	case dtNum:
		if sc.endsBefore(j, itLabel) {
			return numSpec{}, 0, false // "Hangar No. 12", "العنبر رقم 12", "№ 5"
		}
		v, end, isPlain, ok := sc.digitNumber(j)
		if !ok {
			return numSpec{}, end, false
		}
		ns.value, e, plain = v, end, isPlain
		ns.rs = t.start
	case dtWord:
		if sc.endsBefore(j, itOrdinalPrefix) {
			return numSpec{}, 0, false
		}
		if fe, _, ok := sc.find(j, itFraction); ok && fe > j+1 {
			// "zwei Drittel", "two thirds": a share (numbers_words.go), unless a number
			// phrase goes further ("a quarter of a million").
			if _, ne, ok := sc.numberWords(j); !ok || ne <= fe {
				return numSpec{}, 0, false
			}
		}
		if v, end, ok := sc.numberWords(j); ok {
			if t.upper && !sc.sentenceStart(j) {
				return numSpec{}, 0, false // "Ba Lan", "Elf"
			}
			if sc.glued(j) && sc.isWord(j-1) && !sc.toks[j].ideo {
				return numSpec{}, 0, false
			}
			ns.value, e, fromWords = v, end, true
			ns.rs = t.start
			// Chinese numerals inside words (统一, 一些) are not numbers.
			if t.ideo && sc.glued(j) && sc.isWord(j-1) && sc.toks[j-1].ideo && !sc.has(j-1, itQualifier) && !sc.endsBefore(j, itQualifier) && !sc.classifiedAt(end) {
				return numSpec{}, 0, false
			}
		} else if v, runes, ok := sc.gluedNumberWord(j, vocab); ok {
			// "troismembres": a number word glued to the noun it counts.
			ns.value, ns.rs, ns.re = v, t.start, t.start+runes
			ns.unit = string([]rune(t.key)[runes:])
			return ns, j + 1, true
		} else {
			return numSpec{}, 0, false
		}
	default:
		return numSpec{}, 0, false
	}
	// "€850m", "$3m": a short scale that only money takes.
	if t.kind == dtNum && sc.glued(e) && (sc.currencyBefore(j) || sc.countedMillions(j, e)) {
		if me, it, ok := sc.find(e, itMoneyScale); ok {
			ns.value *= it.f
			e = me
			plain = false
		}
	}
	// A case ending or an age suffix after a dash: "47-ми тысяч", "41-летний", "67-year-old".
	suffixUnit := ""
	if sc.isPunct(e, "-") && sc.glued(e) && sc.glued(e+1) && sc.isWord(e+1) {
		if se, it, ok := sc.find(e+1, itNumSuffix); ok {
			suffixUnit, e = it.s, se
			plain = false
		}
	}
	// Scale words: "30 ألف", "5,31 triệu", "3 млн", "2 millions", "5万", "nghìn tỷ".
	scaled := false
	last := 0.0
	for n := 0; n < 2 && e < len(sc.toks) && !sc.toks[e].newline; n++ {
		se, it, ok := sc.find(e, itScale)
		if !ok || sc.taken[e] {
			break
		}
		// A unit that starts with a scale is the unit: "19千米" is 19 km, not 19,000 m.
		if _, ue, isUnit := sc.unitCodeAt(e); isUnit && ue > se {
			break
		}
		ns.value *= it.f
		e = se
		scaled = true
		if last == 0 || it.f < last {
			last = it.f
		}
	}
	// A range sharing its scale: "14 bis 15 Millionen", "بين 12 و14 مليون", "2 to 3 million".
	if !scaled {
		if f, ok := sc.rangeScale(e); ok {
			ns.value *= f
			plain = false
		}
	}
	// A smaller scaled part: "3 миллиона 200 тысяч", "1 tỷ 200 triệu", "3亿2000万"; or
	// half the scale: "1 triệu rưỡi", "مليونان ونصف".
	if scaled {
		if v, se, ok := sc.smallerPart(e, ns.value, last); ok {
			ns.value += v
			e = se
			// And a smaller one again: "5 ملايين و586 ألفا و19", "2 triệu 300 nghìn 50".
			for n := 0; n < 2 && v >= 1000; n++ {
				part := 1000.0
				for part*1000 <= v {
					part *= 1000
				}
				if v, se, ok = sc.smallerPart(e, ns.value, part); !ok {
					break
				}
				ns.value += v
				e = se
			}
		} else if he, ok := sc.halfOfScale(e, e-1); ok {
			ns.value += last / 2
			e = he
		}
	}
	ns.re = sc.toks[e-1].end
	if scaled {
		plain = false
	}
	// The second number of "10-15 billion" is the upper bound.
	if _, ok := sc.dashRangeStart(j); ok && t.kind == dtNum && !hasQual {
		ns.qualifier = QualifierUpTo
		plain = false
	}
	// Percent: "50%", "50 pour cent".
	if pe, _, ok := sc.find(e, itPercent); ok && !sc.toks[e].newline {
		ns.unit = "%"
		e = pe
		plain = false
	}
	if pe, it, ok := sc.find(e, itPostQualifier); ok && !sc.toks[e].newline && !sc.taken[e] {
		ns.qualifier = it.s
		e = pe
	}
	if hasQual {
		plain = false
	}
	// A unit: "12 km", "3米", "20 долларов", "trois ans", "two days".
	measured := false
	ce := e
	if scaled && ns.unit == "" {
		// "2,5 millones de dólares", "5 millions d'euros", "3 million of dollars".
		if le, _, ok := sc.find(e, itVagueLink); ok {
			if _, _, ok := sc.unitCodeAt(le); ok {
				ce = le
			}
		}
	}
	if code, ue, ok := sc.unitCodeAt(ce); ok && ns.unit == "" {
		measured = true
		ns.unit = code
		ns.re = sc.toks[ue-1].end
		e = ue
		nounAfter = true
		plain = false
		// "一周以上", "3年多": a qualifier after the unit.
		if pe, it, ok := sc.find(e, itPostQualifier); ok && ns.qualifier == "" && !sc.toks[e].newline && !sc.taken[e] {
			ns.qualifier = it.s
			e = pe
		}
		// "ba ngày rưỡi", "三天半", "tres días y medio": and a half.
		if he, _, ok := sc.find(e, itHalf); ok && !sc.toks[e].newline {
			ns.value += 0.5
			ns.re = sc.toks[he-1].end
			e = he
		}
	} else if suffixUnit != "" {
		ns.unit, nounAfter = suffixUnit, true
	}
	// Counted noun.
	if ns.unit == "" {
		ns.unit, nounAfter = sc.unitAfter(e)
		// "1444 شخصا على الأقل", "20 people at least": a qualifier after the counted noun.
		if nounAfter && ns.qualifier == "" && !hasQual {
			k := e + len(strings.Fields(ns.unit))
			if sc.has(e, itClassifier) {
				k = e + 1
			}
			if _, it, ok := sc.find(k, itPostQualifier); ok && k < len(sc.toks) && !sc.toks[k].newline && !sc.taken[k] {
				ns.qualifier = it.s
			}
		}
	} else {
		nounAfter = true
	}
	if fromWords {
		one := ns.value == 1 && !scaled && !measured
		// "two on Nord Stream 1 and one on Nord Stream 2", "на одной из двух ниток": a one
		// whose noun was named with the other counts counts too.
		countedOne := one && !nounAfter && !hasQual && sc.countedOne(j, e)
		if one && !countedOne && (sc.has(j, itArticle) || !nounAfter && !sc.elliptic(j, e, 2)) {
			return numSpec{}, e, false // "un", "ein", "một", "一": an article more often than a count
		}
		// "عدد القتلى ألفين وخمسمئة": after a cue that names a count, no noun is needed.
		cued := ns.value >= 2 && sc.endsBefore(j, itCountCue)
		if !scaled && !nounAfter && !hasQual && !countedOne && !cued && !sc.elliptic(j, e, ns.value) && !sc.listedCount(j, e, ns.value) {
			return numSpec{}, e, false
		}
		if sc.lx.needClassifier && sc.toks[j].ideo && !scaled && !measured && !sc.has(e, itClassifier) {
			return numSpec{}, e, false
		}
	}
	// The minutes of a time written in words: "الساعة السادسة وسبع دقائق" (6.07), a time
	// mark, the hour, then the minutes.
	if ns.unit == "minute" && j >= 2 && !sc.toks[j].newline && !sc.toks[j-1].newline && sc.isWord(j-1) && sc.has(j-2, itTimeMarker) {
		return numSpec{}, e, false
	}
	if t.kind == dtNum && !scaled && !measured && sc.yearRange(j) {
		return numSpec{}, e, false
	}
	if plain && !sc.keepPlain(j, e, ns.value) {
		return numSpec{}, e, false
	}
	return ns, e, true
}

// yearRange reports whether the digits at token j are an end of a range of years the date
// grammar left (before 1900: "zwischen 1163 und 1345", "from 1163 to 1345", "1163-1345",
// "بين 1163 و1345", "từ năm 1163 đến năm 1345"): two figures of a year's size joined by a
// range link, and nothing counted after them ("between 1500 and 2000 people" counts).
func (sc *dnScan) yearRange(j int) bool {
	if !sc.yearSized(j) {
		return false
	}
	first, last := -1, -1
	if k := sc.afterLink(j + 1); sc.yearRangeLink(j+1) && sc.yearSized(k) {
		first, last = j, k+1
	} else if k := sc.beforeLink(j - 1); sc.yearRangeLink(j-1) && sc.yearSized(k) {
		first, last = k, j+1
	}
	if last < 0 || sc.countedNounAt(last) != countsNothing || sc.has(last, itScale) || sc.has(last, itUnitCode) {
		return false
	}
	// "The toll rose from 1200 to 1500": a count named before the range in its clause.
	return !sc.countNamedBefore(first, false)
}

// countNamedBefore reports whether a count cue or a counted noun stands in the clause before
// token j, at most eight tokens back: "The toll rose from 1200 to 1500", "Число жертв выросло
// до 1541", "Die Zahl der Toten erreichte 5000", "Số người chết đạt 5000". A bare number
// there is the count, not a year or a label. With tollOnly, only people and tolls count as
// named: "El puente estuvo cerrado hasta 1998" names a bridge, and 1998 is its year.
func (sc *dnScan) countNamedBefore(j int, tollOnly bool) bool {
	for k := j - 1; k >= 0 && k >= j-8; k-- {
		if sc.toks[k].kind == dtPunct || sc.toks[k+1].newline {
			break
		}
		if sc.has(k, itCountCue) {
			return true
		}
		if c := sc.countedNounAt(k); c == countsPeople || c == countsToll || c != countsNothing && !tollOnly {
			return true
		}
	}
	return false
}

// countedAfter reports whether what follows token e makes the number before it a count: a
// counted noun, a unit, a scale or a percent sign on the same line ("до 1800 человек",
// "hasta 1800 personas", "حتى 1800 شخص").
func (sc *dnScan) countedAfter(e int) bool {
	if e >= len(sc.toks) || sc.toks[e].newline || sc.taken[e] {
		return false
	}
	if sc.has(e, itScale) || sc.has(e, itPercent) || sc.has(e, itUnitCode) || sc.has(e, itClassifier) {
		return true
	}
	return sc.countedNounAt(e) != countsNothing
}

// yearSized reports whether token k is four digits that could be a year (1000–2099), with
// no separator or other digits glued to them.
func (sc *dnScan) yearSized(k int) bool {
	if !sc.isNum(k) {
		return false
	}
	v, nd := sc.numVal(k)
	if nd != 4 || v < 1000 || v > 2099 {
		return false
	}
	for _, n := range []int{k, k + 1} {
		if n > 0 && n < len(sc.toks) && sc.glued(n) && (sc.isNum(n-1) && n-1 != k || sc.isNum(n) && n != k ||
			sc.toks[n].kind == dtPunct && (sc.toks[n].key == "." || sc.toks[n].key == ",") && sc.isNum(n+1) ||
			sc.toks[n-1].kind == dtPunct && (sc.toks[n-1].key == "." || sc.toks[n-1].key == ",") && sc.isNum(n-2)) {
			return false
		}
	}
	return true
}

// yearRangeLink reports whether token k joins the two ends of a range ("bis", "and", "-",
// the Arabic و glued to the digits after it).
func (sc *dnScan) yearRangeLink(k int) bool {
	if k <= 0 || k >= len(sc.toks) || sc.toks[k].newline {
		return false
	}
	return sc.has(k, itRangeLink) || sc.has(k, itIntervalMid) || sc.isPunct(k, "—")
}

// afterLink is the token after the range link at k (and the year word of "bis zum Jahr");
// beforeLink the one before it.
func (sc *dnScan) afterLink(k int) int {
	e := k + 1
	if le, _, ok := sc.find(k, itRangeLink); ok {
		e = le
	} else if le, _, ok := sc.find(k, itIntervalMid); ok {
		e = le
	}
	if ye, _, ok := sc.find(e, itYearPrefix); ok && !sc.isNum(e) {
		e = ye
	}
	return e
}

func (sc *dnScan) beforeLink(k int) int {
	if k-1 >= 0 && sc.has(k-1, itYearPrefix) && !sc.isNum(k-1) {
		return k - 2
	}
	return k - 1
}

// countedNounAt tells what the word at token e counts (concepts.go): people, a toll or a
// counted thing, or nothing (not a word, another line).
func (sc *dnScan) countedNounAt(e int) countedNounKind {
	if !sc.isWord(e) || sc.toks[e].newline || sc.taken[e] {
		return countsNothing
	}
	return countedNounWord(sc.tokText(e), sc.lx.lang)
}

// sentenceStart reports whether token j begins a sentence or a line.
func (sc *dnScan) sentenceStart(j int) bool {
	if j == 0 || sc.toks[j].newline {
		return true
	}
	p := sc.toks[j-1]
	return p.kind == dtPunct && strings.ContainsAny(p.key, ".!?:«\"“»”—-")
}

// keepPlain decides whether a bare integer ("31", "2020", "24") is a count.
func (sc *dnScan) keepPlain(j, e int, v float64) bool {
	// Years are dates or nothing, unless people are counted right after them: "2000
	// Menschen", "2000 شخص", "2000 personnes" (the date grammar took the years it could).
	if v >= 1900 && v <= 2099 && sc.toks[j].end-sc.toks[j].start == 4 && sc.countedNounAt(e) != countsPeople {
		return false
	}
	// One count of a list: "KMT 52 ghế", "the KMT 52 and the TPP 8".
	if sc.listedDigits(j, e) {
		return true
	}
	// A label after a noun: "Groupe … avancées 31 ou", "فرانس 24", "Windows 10.", "page 3".
	// In a script with capitals, a lower-case word before a number that a comma or a
	// semicolon ends is rather a verb ("obtuvo 51, el KMT…").
	lowerHead := j > 0 && sc.isWord(j-1) && !sc.toks[j-1].upper && sc.cased(j-1) &&
		e < len(sc.toks) && !sc.toks[e].newline && sc.toks[e].kind == dtPunct && sc.toks[e].key != "."
	if j > 0 && !lowerHead && sc.isWord(j-1) && !sc.toks[j-1].newline && !sc.has(j-1, itFunction) &&
		!sc.endsBefore(j, itQualifier) && !sc.endsBefore(j, itIntervalOpen) && !sc.endsBefore(j, itCountCue) &&
		!sc.countNamedBefore(j, false) {
		// "51 из 113", "51 of 113", "51 de los 113": a share of a total counts.
		share := sc.has(e, itFunction) && (sc.isNum(e+1) || sc.has(e+1, itFunction) && sc.isNum(e+2))
		if e >= len(sc.toks) || sc.toks[e].newline || sc.toks[e].kind == dtPunct || sc.has(e, itFunction) && !share {
			return false
		}
	}
	// An ordinal written with a dot where nouns are capitalised: "im 19. Jahrhundert", "der
	// 2. Weltkrieg" (a sentence ending in a number goes on with an article or a pronoun).
	if sc.lx.capNouns && sc.isPunct(e, ".") && sc.glued(e) && e+1 < len(sc.toks) && !sc.toks[e+1].newline &&
		sc.isWord(e+1) && sc.toks[e+1].upper && !sc.has(e+1, itFunction) && !sc.has(e+1, itMonth) {
		return false
	}
	// Page furniture: a number on a line of its own or with a word or two ("12 Shares").
	// A short line that ends a sentence is a sentence: Russian and Arabic say "Паводок
	// разрушил 7 мостов." and "دمر الفيضان 7 جسور." in three words.
	// A headline is no furniture when it counts: a verb of killing before the number
	// ("Quake kills 45", "زلزال يقتل 45") or a counted noun after it ("Séisme : 45 morts",
	// "Погибли 45 человек").
	if n := sc.lineWords(j); n <= 3 && (n < 2 || !sc.lineEndsSentence(j)) &&
		(n < 2 || !sc.endsBefore(j, itCountCue) && sc.countedNounAt(e) == countsNothing) {
		return false
	}
	// The end of a quoted name: «Северный поток — 2», "Apollo 11".
	if e < len(sc.toks) && sc.toks[e].kind == dtPunct && !sc.toks[e].space && strings.ContainsAny(sc.toks[e].key, "»”\"」』") {
		return false
	}
	// List numbering: "1.", "2)" at the start of a line.
	if (j == 0 || sc.toks[j].newline) && (sc.isPunct(e, ".") || sc.isPunct(e, ")")) && sc.glued(e) {
		return false
	}
	// Phone numbers and codes: a leading zero, or bare digit groups side by side ("020 7946
	// 0018").
	if k := sc.toks[j].key; len(k) > 1 && k[0] == '0' {
		return false
	}
	if sc.isNum(e) && !sc.taken[e] && !sc.toks[e].newline || j > 0 && sc.isNum(j-1) && !sc.taken[j-1] && !sc.toks[j].newline {
		return false
	}
	// A number inside a name: "Nord Stream 2", "Boeing 737", "Falcon 9" — a capitalised word
	// inside the sentence right before it. Where every noun is capitalised (German), only when
	// no noun follows ("Polizei 20 Menschen" counts).
	if j > 0 && sc.isWord(j-1) && sc.toks[j-1].upper && !sc.toks[j-1].ideo && !sc.toks[j].newline && !sc.sentenceStart(j-1) &&
		!sc.has(j-1, itFunction) && !sc.endsBefore(j, itQualifier) && !sc.has(j-1, itMonth) && !sc.taken[j-1] {
		nounNext := sc.isWord(e) && !sc.toks[e].newline && !sc.has(e, itFunction)
		switch {
		case sc.lx.freeOrder:
			// "с Путиным 27 встреч": a counted noun after the number makes it a count.
			if !nounNext {
				return false
			}
		case sc.lx.capNouns:
			if !(nounNext && sc.toks[e].upper) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// lineWords counts the word tokens on token j's line (up to 4). It looks outwards from j and
// stops at the fourth word, so a text without line breaks costs no more than one with them.
// lineEndsSentence tells whether the line of token j ends with a full stop, a question or
// an exclamation mark in any script.
func (sc *dnScan) lineEndsSentence(j int) bool {
	last := -1
	for k := j + 1; k < len(sc.toks) && !sc.toks[k].newline; k++ {
		last = k
	}
	if last < 0 || sc.toks[last].kind != dtPunct {
		return false
	}
	return strings.ContainsAny(sc.toks[last].key, ".!?。！？؟…")
}

func (sc *dnScan) lineWords(j int) int {
	n := 0
	for k := j; k >= 0; k-- {
		if sc.toks[k].kind == dtWord {
			if n++; n == 4 {
				return n
			}
		}
		if sc.toks[k].newline {
			break
		}
	}
	for k := j + 1; k < len(sc.toks) && !sc.toks[k].newline; k++ {
		if sc.toks[k].kind == dtWord {
			if n++; n == 4 {
				return n
			}
		}
	}
	return n
}

// unitAfter returns the counted noun after a number ("مؤسسة", "máy chủ", "personnes") and
// whether a noun-like word follows at all.
func (sc *dnScan) unitAfter(e int) (string, bool) {
	if e >= len(sc.toks) || sc.toks[e].newline {
		return "", false
	}
	if sc.has(e, itClassifier) {
		return sc.tokText(e), true
	}
	// French "de": "5 millions de personnes".
	k := e
	var words []string
	for n := 0; n < sc.lx.unitMaxWords && k < len(sc.toks); n++ {
		t := sc.toks[k]
		if t.kind != dtWord || t.ideo || (n > 0 && t.newline) || sc.has(k, itFunction) || sc.has(k, itMonth) && n == 0 {
			break
		}
		if t.upper && !sc.lx.capNouns {
			// English capitalises adjectives of nationality: "four Chinese nationals". A
			// capitalised word right after the number is part of the counted thing when a
			// lower-case noun follows it; otherwise it starts a name and ends the unit.
			if n != 0 || !sc.lowerNounAt(k+1) {
				break
			}
		}
		words = append(words, strings.ToLower(sc.tokText(k)))
		k++
	}
	if len(words) == 0 {
		return "", false
	}
	return strings.Join(words, " "), true
}

// lowerNounAt reports whether token k is a lower-case word on the same line that is not a
// function word: the noun an adjective before it qualifies.
func (sc *dnScan) lowerNounAt(k int) bool {
	if k >= len(sc.toks) {
		return false
	}
	t := sc.toks[k]
	return t.kind == dtWord && !t.ideo && !t.upper && !t.newline && t.space && !sc.has(k, itFunction) && !sc.has(k, itMonth)
}

// digitNumber parses digits with separators at token j. It rejects digits that belong to a name
// (APT31, G7, COVID-19, 5G), a time (14:49, 14h40), a phone number or an ordinal (1er, 21st).
// plain is true for an integer written without separators.
func (sc *dnScan) digitNumber(j int) (float64, int, bool, bool) {
	// The second number of a range written with a dash: "10-15 млрд", "3,000-5,000 people".
	rangeFrom, rangeEnd := sc.dashRangeStart(j)
	// Glued to letters or to a dash after letters: part of a name.
	if sc.glued(j) && !rangeEnd {
		p := sc.toks[j-1]
		switch {
		case p.kind == dtWord && !p.ideo && !sc.cliticsOnly(j-1) && !sc.lx.numberPrefix[p.key]:
			return 0, j + 1, false, false
		case p.kind == dtPunct && (p.key == "-" || p.key == "/" || p.key == "+" || p.key == "#" || p.key == "№" || p.key == ":" || p.key == "." || p.key == ","):
			if p.key != "-" || j < 2 || sc.glued(j-1) && sc.toks[j-2].kind != dtPunct {
				return 0, j + 1, false, false
			}
		case p.kind == dtNum:
			return 0, j + 1, false, false
		}
	}
	// Collect digit groups joined by separators.
	groups := []int{j}
	var seps []string
	k := j + 1
	for k+1 < len(sc.toks) {
		t := sc.toks[k]
		if t.kind == dtPunct && !t.space && sc.isNum(k+1) && !sc.toks[k+1].space {
			switch t.key {
			case ".", ",", "٫", "٬", "'", "،":
				groups = append(groups, k+1)
				seps = append(seps, t.key)
				k += 2
				continue
			}
		}
		// A space as group separator: "52 000" (only after at most three digits, before three).
		if t.kind == dtNum && t.space && !t.newline && sc.spaceGroups() && len(t.key) == 3 && len(seps) == len(groups)-1 {
			prev := sc.toks[groups[len(groups)-1]]
			if len(groups) == 1 && len(prev.key) <= 3 || len(groups) > 1 && len(prev.key) == 3 && (len(seps) == 0 || seps[len(seps)-1] == " ") {
				groups = append(groups, k)
				seps = append(seps, " ")
				k++
				continue
			}
		}
		break
	}
	e := k
	// Times and dates in disguise.
	if sc.isPunct(e, ":") && !sc.toks[e].space && sc.isNum(e+1) {
		return 0, e + 2, false, false
	}
	rangeStart := false
	if (sc.isPunct(e, "/") || sc.isDash(e)) && !sc.toks[e].space && sc.isNum(e+1) && !sc.toks[e+1].space {
		// "$10-15 billion", "20-25%", "10-12 people": a range whose second number carries
		// the scale or the counted noun; the first counts (numberAt applies the scale), the
		// second is read on its own (dashRangeStart).
		if !sc.isDash(e) || !sc.dashRangeCounts(e) {
			// 555-123-4567, 3/4, 20-7, 24-25 June: not a count we can normalise.
			return 0, e + 2, false, false
		}
		rangeStart = true
	}
	if sc.glued(e) && sc.isWord(e) && !sc.toks[e].ideo {
		if !sc.has(e, itScale) && !sc.has(e, itPercent) && !sc.gluedUnit(e) && !(sc.has(e, itMoneyScale) && sc.currencyBefore(j)) &&
			!sc.measuredBy(e) && !(sc.endsBefore(j, itMeasureAdj) && sc.has(e, itUnitCode)) && !sc.countedMillions(j, e) {
			return 0, e + 1, false, false // 5G, 1er, 21st, 14h40
		}
	}
	if e < len(sc.toks) && sc.has(e, itTimeMarker) && sc.isNum(e+1) && !sc.toks[e+1].newline && sc.clockMarker(j, e) {
		return 0, e + 2, false, false // "19 h 21", "14 giờ 30"
	}
	// The minutes of a time: "17 h 03", "17时03分", "в 3 часа 15 минут". A marker that is also
	// a unit of duration makes a time only after a time word: "длилось 3 часа 15 минут" is
	// a duration.
	if j >= 2 && sc.isNum(j-2) && sc.has(j-1, itTimeMarker) && !sc.toks[j].newline && len(sc.toks[j].key) == 2 {
		if sc.clockMarker(j-2, j-1) {
			return 0, e, false, false
		}
	}
	// A day of the month written with its suffix: "8日", "11号" (a date the date grammar left).
	if e < len(sc.toks) && sc.toks[e].ideo && !sc.toks[e].space && sc.has(e, itDaySuffix) && len(groups) == 1 {
		return 0, e + 1, false, false
	}
	v, ok := sc.groupValue(groups, seps)
	if rangeEnd && v <= rangeFrom || rangeStart && !sc.rangeRises(e, v) {
		return 0, e, false, false // "20-7": a score, not a range
	}
	// "08.00", "09:30": hours with a leading zero and minutes are a time wherever they stand.
	if ok && len(seps) == 1 && (seps[0] == "." || seps[0] == ":") && len(sc.toks[j].key) == 2 && sc.toks[j].key[0] == '0' && len(sc.toks[groups[1]].key) == 2 {
		return 0, e, false, false
	}
	// Hours and minutes after a time word: "a las 18.50", "um 6.07", "à 18:50".
	if ok && v < 25 && len(seps) == 1 && (seps[0] == "." || seps[0] == ":") && len(sc.toks[groups[1]].key) == 2 &&
		sc.toks[groups[1]].key < "60" && sc.endsBefore(j, itTimePrefix) {
		return 0, e, false, false
	}
	// A time of day: "17.03 Uhr", "11 h", "9 pm", "17时". A marker that is also a unit of
	// duration ("heures", "часов", "giờ") makes a time only after hours and minutes.
	if ok && v <= 24 && e < len(sc.toks) && !sc.toks[e].newline && sc.has(e, itTimeMarker) {
		hm := len(seps) == 1 && (seps[0] == "." || seps[0] == ":") && len(sc.toks[groups[1]].key) == 2
		short := sc.toks[e].end-sc.toks[e].start == 1 && !sc.toks[e].ideo
		// A marker longer than the unit it starts with: "10 часов утра" is a time, "10
		// часов" a duration.
		me, _, _ := sc.find(e, itTimeMarker)
		ue, _, isUnit := sc.find(e, itUnit)
		// After a time word the hours alone are a time: "в 10 часов", "à 18 heures" ("las 24
		// horas" is round the clock).
		if hm || short || !isUnit || me > ue || v < 24 && sc.endsBefore(j, itTimePrefix) {
			return 0, e + 1, false, false
		}
	}
	return v, e, ok && len(seps) == 0, ok
}

// clockMarker reports whether the time marker at m after the hours at h makes them a clock
// time: a marker that is no unit of duration ("h", "giờ" after a word, "утра"), one letter
// long, or any marker after a time word ("в 3 часа 15 минут"); "длилось 3 часа 15 минут"
// is a duration.
func (sc *dnScan) clockMarker(h, m int) bool {
	_, _, isUnit := sc.find(m, itUnit)
	return !isUnit || sc.toks[m].end-sc.toks[m].start == 1 || sc.endsBefore(h, itTimePrefix)
}

func (sc *dnScan) spaceGroups() bool {
	return sc.lx.group[" "] || sc.lx.group["\u00a0"] || sc.lx.group["\u202f"]
}

// groupValue interprets digit groups and separators with the language's conventions: the last
// of two different separators is the decimal one; a separator repeated, or followed by exactly
// three digits where the language groups with it, groups thousands.
func (sc *dnScan) groupValue(groups []int, seps []string) (float64, bool) {
	digits := func(g int) string { return sc.toks[g].key }
	if len(seps) == 0 {
		return atof(digits(groups[0])), true
	}
	decimalAt := -1
	last := seps[len(seps)-1]
	distinct := map[string]bool{}
	for _, s := range seps {
		distinct[s] = true
	}
	switch {
	case last == "٫":
		decimalAt = len(seps) - 1
	case last == "٬" || last == " " || last == "'":
		decimalAt = -1
	case len(distinct) > 1:
		decimalAt = len(seps) - 1
	case len(seps) > 1:
		decimalAt = -1
	default:
		three := len(digits(groups[1])) == 3
		switch {
		case three && sc.lx.group[last] && !(sc.lx.decimal[last] && len(sc.lx.group) == 0):
			decimalAt = -1
		case sc.lx.decimal[last] || !three:
			decimalAt = 0
		default:
			decimalAt = -1
		}
	}
	var b strings.Builder
	for gi, g := range groups {
		if gi > 0 {
			if gi-1 == decimalAt {
				b.WriteByte('.')
			} else if len(digits(g)) != 3 {
				return 0, false // a malformed grouping: "1,23,4"
			}
		}
		b.WriteString(digits(g))
	}
	return atof(b.String()), true
}

func atof(s string) float64 {
	v, frac, div := 0.0, false, 1.0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			frac = true
			continue
		}
		if frac {
			div *= 10
			v += float64(c-'0') / div
		} else {
			v = v*10 + float64(c-'0')
		}
	}
	return v
}

// gluedNumberWord recovers a number word glued to the next word by damaged text
// ("troismembres"): the word must start with a known number word, and the rest must itself
// occur as a word elsewhere in the same text — so "septembre" or "centrale" never split.
func (sc *dnScan) gluedNumberWord(j int, vocab *map[string]bool) (float64, int, bool) {
	t := sc.toks[j]
	key := t.key
	if t.ideo || len(key) < 6 || t.upper || utf8.RuneCountInString(key) != t.end-t.start {
		return 0, 0, false
	}
	cands := sc.lx.glueIndex[key[:2]]
	if len(cands) == 0 {
		return 0, 0, false
	}
	for _, w := range cands {
		if !strings.HasPrefix(key, w) {
			continue
		}
		rest := key[len(w):]
		if utf8.RuneCountInString(rest) < 3 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLetter(r) || sc.lx.ordinalSuffix[rest] {
			continue
		}
		if *vocab == nil {
			*vocab = map[string]bool{}
			for _, o := range sc.toks {
				if o.kind == dtWord {
					(*vocab)[o.key] = true
				}
			}
		}
		if !(*vocab)[rest] {
			continue
		}
		node := sc.lx.root[w]
		for _, it := range node.items {
			if it.kind == itNumber && it.f > 1 {
				return it.f, utf8.RuneCountInString(w), true
			}
		}
	}
	return 0, 0, false
}

// classifiedAt reports whether a measure word, a scale or a unit follows at token e, glued:
// "两声", "三万", "5米". A numeral glued to the word before it counts only so.
func (sc *dnScan) classifiedAt(e int) bool {
	if e >= len(sc.toks) || sc.toks[e].space {
		return false
	}
	if sc.has(e, itPostQualifier) && e+1 < len(sc.toks) && !sc.toks[e+1].space {
		e++ // "二十多名"
	}
	return sc.has(e, itClassifier) || sc.has(e, itScale) || sc.has(e, itUnitCode)
}

// countsAt reports whether token k is a measure word, a scale or a multiplier on the same line:
// after it, a number word that is also another word ("năm" is five and year) counts ("năm
// người", "năm trăm").
func (sc *dnScan) countsAt(k int) bool {
	if k >= len(sc.toks) || sc.toks[k].newline {
		return false
	}
	return sc.has(k, itClassifier) || sc.has(k, itScale) || sc.has(k, itNumMult)
}

// measuredAt reports whether token k is a unit on the same line that is no mark of a time of
// day: after it, a number word that is also another word counts ("năm năm" five years, "năm
// tuổi", "năm km"; "năm giờ sáng" is a time).
func (sc *dnScan) measuredAt(k int) bool {
	if k >= len(sc.toks) || sc.toks[k].newline || sc.has(k, itTimeMarker) {
		return false
	}
	if sc.has(k, itUnit) {
		return true
	}
	_, _, ok := sc.unitCodeAt(k)
	return ok
}

// cliticsOnly reports whether word token k is nothing but one or two of the language's
// one-letter clitics glued to what follows: "و236", "بـ35", "وب25".
func (sc *dnScan) cliticsOnly(k int) bool {
	key := sc.toks[k].key
	if key == "" || len(sc.lx.clitics) == 0 || k > 0 && !sc.toks[k].space && sc.toks[k-1].kind == dtWord {
		return false
	}
	for n := 0; n < 2 && key != ""; n++ {
		found := false
		for _, c := range sc.lx.clitics {
			if len(key) >= len(c) && key[:len(c)] == c {
				key = key[len(c):]
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return key == ""
}

// gluedUnit reports whether the word glued after a number at token e is a unit of two letters
// or more ("13km", "1,640ft", "30kg"); a single letter ("5G", "10m") stays a name or is
// ambiguous.
func (sc *dnScan) gluedUnit(e int) bool {
	if sc.toks[e].end-sc.toks[e].start < 2 {
		return false
	}
	for _, m := range sc.at(e) {
		if m.it.kind == itUnitCode && m.it.flag&flagPrefix == 0 {
			return true
		}
	}
	return false
}

// rangeScale returns the scale of the second number of a range that starts right after the
// first one: "14 bis 15 Millionen" makes 14 fourteen million.
func (sc *dnScan) rangeScale(e int) (float64, bool) {
	le, _, ok := sc.find(e, itRangeLink)
	if !ok && sc.cliticLink(e) {
		le, ok = e, true // "ثلاثة وخمسة مليارات": the link is a clitic of the second number
	}
	if !ok || le >= len(sc.toks) || sc.toks[le].newline || sc.taken[e] {
		return 0, false
	}
	k := le
	switch {
	case sc.isNum(k):
		k++
		for sc.isPunct(k, ".") || sc.isPunct(k, ",") {
			if !sc.isNum(k+1) || sc.toks[k+1].space {
				break
			}
			k += 2
		}
	case sc.isWord(k):
		_, we, ok := sc.numberWords(k)
		if !ok {
			return 0, false
		}
		k = we
	default:
		return 0, false
	}
	if k >= len(sc.toks) || sc.toks[k].newline {
		return 0, false
	}
	_, it, ok := sc.find(k, itScale)
	if !ok {
		return 0, false
	}
	return it.f, true
}

// elliptic reports whether a number word with no noun after it still counts: "two on Nord
// Stream 1", "Three of the victims", "deux sur", "две —", "dos en la zona". The noun was
// named before; what follows is a preposition, a dash or a colon.
func (sc *dnScan) elliptic(j, e int, v float64) bool {
	if v < 2 || e >= len(sc.toks) || sc.toks[e].newline {
		return false
	}
	// "los años setenta", "les années soixante": a decade, not a count.
	if j > 0 && !sc.toks[j].newline && sc.has(j-1, itUnit) {
		return false
	}
	if sc.has(e, itFunction) || sc.has(e, itVagueLink) {
		return true
	}
	t := sc.toks[e]
	return t.kind == dtPunct && (t.key == "-" && t.space || t.key == ":" || t.key == "—" || t.key == "–")
}

// listedCount reports whether a number word of two or more with no noun after it ends a
// clause of a list of counts: "Die KMT gewann 52 Sitze, die TPP acht.", "the KMT won 52
// seats and the TPP eight." Another count with a noun after it stands earlier in the sentence,
// and a comma, a semicolon or the end of the sentence follows the word.
func (sc *dnScan) listedCount(j, e int, v float64) bool {
	if v < 2 || j == 0 || e >= len(sc.toks) || sc.toks[e].newline || sc.toks[j].newline {
		return false
	}
	if t := sc.toks[e]; t.kind != dtPunct || !strings.ContainsAny(t.key, ".,;،؛") {
		return false
	}
	return sc.earlierCountNoun(j) >= 0
}

// earlierCountNoun returns the noun of a count earlier in token j's sentence, at most twelve
// tokens back ("52 Sitze", "51 ghế"), or -1.
func (sc *dnScan) earlierCountNoun(j int) int {
	for k := j - 2; k >= 0 && k >= j-12; k-- {
		t := sc.toks[k]
		if t.kind == dtPunct && strings.ContainsAny(t.key, ".!?。！？؟") || sc.toks[k+1].newline {
			return -1
		}
		if sc.countWordAt(k) && !sc.taken[k] && sc.isWord(k+1) && !sc.toks[k+1].newline && !sc.has(k+1, itFunction) && !sc.taken[k+1] {
			return k + 1
		}
	}
	return -1
}

// listedDigits reports whether the bare digits at [j, e) after a word are one count of a list
// whose first count named its noun: "DPP giành 51 ghế, KMT 52 ghế" (the same noun again) or
// "The DPP won 51 seats, the KMT 52 and the TPP 8" (after an acronym, before a comma, a full
// stop or a conjunction; in a script without capitals after any word, "والكومينتانغ بـ52،").
// Names with numbers ("Nord Stream 2", "Windows 10") have no acronym before them and no
// repeated noun after them.
func (sc *dnScan) listedDigits(j, e int) bool {
	if j == 0 || !sc.isWord(j-1) || sc.toks[j].newline || e >= len(sc.toks) || sc.toks[e].newline {
		return false
	}
	n := sc.earlierCountNoun(j)
	if n < 0 {
		return false
	}
	if sc.isWord(e) && sc.toks[e].key == sc.toks[n].key {
		return true
	}
	// In a script without capitals the word before may be anything ("والكومينتانغ بـ52،").
	if !sc.acronym(j-1) && sc.cased(j-1) {
		return false
	}
	t := sc.toks[e]
	return t.kind == dtPunct && strings.ContainsAny(t.key, ".,;،؛") || sc.has(e, itRangeLink) || sc.has(e, itConnector)
}

// acronym reports whether word token k is two or more capital letters and nothing else
// ("KMT", "TPP", "ДПП").
func (sc *dnScan) acronym(k int) bool {
	t := sc.toks[k]
	word := sc.text[t.bstart:t.bend]
	if utf8.RuneCountInString(word) < 2 {
		return false
	}
	for _, r := range word {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// cliticConnector reports whether word token j is a number word behind a one-letter clitic
// that joins number words ("وعشرون": "و" + "عشرون").
func (sc *dnScan) cliticConnector(j int) bool {
	if !sc.isWord(j) || len(sc.lx.clitics) == 0 || sc.lx.root[sc.toks[j].key] != nil {
		return false
	}
	key := sc.toks[j].key
	for _, c := range sc.lx.clitics {
		if len(key) <= len(c) || key[:len(c)] != c {
			continue
		}
		if n := sc.lx.root[c]; n != nil {
			for _, it := range n.items {
				if it.kind == itConnector {
					return sc.has(j, itNumber) || sc.has(j, itNumMult)
				}
			}
		}
	}
	return false
}

// cliticLink reports whether word token e starts with a clitic that is also a range link ("و")
// and is a number word without it: "وخمسة".
func (sc *dnScan) cliticLink(e int) bool {
	if !sc.isWord(e) || len(sc.lx.clitics) == 0 || !sc.has(e, itNumber) {
		return false
	}
	key := sc.toks[e].key
	for _, c := range sc.lx.clitics {
		if len(key) > len(c) && key[:len(c)] == c {
			if n := sc.lx.root[c]; n != nil {
				for _, it := range n.items {
					if it.kind == itRangeLink {
						return true
					}
				}
			}
		}
	}
	return false
}

// currencyBefore reports whether a currency sign or code is written right before token j
// ("€850m", "US$ 3m").
func (sc *dnScan) currencyBefore(j int) bool {
	for s := j - 1; s >= 0 && s >= j-3; s-- {
		for _, m := range sc.at(s) {
			if m.it.kind == itUnitCode && m.it.flag&flagPrefix != 0 && m.end == j {
				return true
			}
		}
	}
	return false
}

// cased reports whether word token k is written in a script with capital letters.
func (sc *dnScan) cased(k int) bool {
	t := sc.toks[k]
	r, _ := utf8.DecodeRuneInString(sc.text[t.bstart:t.bend])
	return unicode.IsUpper(r) || unicode.IsLower(r) && unicode.ToUpper(r) != r
}

func (sc *dnScan) isDash(i int) bool { return sc.isPunct(i, "-") || sc.isPunct(i, "–") }

// digitsAt reads the digit groups of a number starting at token k ("5,000", "2.5") and
// returns its value and the token after it.
func (sc *dnScan) digitsAt(k int) (float64, int, bool) {
	if !sc.isNum(k) {
		return 0, 0, false
	}
	groups := []int{k}
	var seps []string
	e := k + 1
	for e+1 < len(sc.toks) && sc.toks[e].kind == dtPunct && !sc.toks[e].space && sc.isNum(e+1) && !sc.toks[e+1].space {
		sep := sc.toks[e].key
		if sep != "," && sep != "." && sep != "٬" && sep != "٫" {
			break
		}
		groups = append(groups, e+1)
		seps = append(seps, sep)
		e += 2
	}
	v, ok := sc.groupValue(groups, seps)
	return v, e, ok
}

// dashRangeStart returns the first number of a range written with a dash when the range's
// second number starts at token j: "10-15 млрд" and "3,000-5,000" (j at 15 and at 5), "100亿
// -150亿" (a scale may end the first number). The dash is glued on both sides and nothing but
// a currency sign is glued before the first number, so a chain of dashed digit groups (a
// phone number) is no range.
func (sc *dnScan) dashRangeStart(j int) (float64, bool) {
	if j < 2 || !sc.isNum(j) || !sc.glued(j) || !sc.isDash(j-1) || !sc.glued(j-1) {
		return 0, false
	}
	k := j - 2
	if sc.isWord(k) && sc.has(k, itScale) && sc.glued(k) {
		k--
	}
	if !sc.isNum(k) {
		return 0, false
	}
	// Back to the first digit group of the first number.
	for k >= 2 && sc.glued(k) && sc.glued(k-1) && sc.isNum(k-2) && (sc.isPunct(k-1, ",") || sc.isPunct(k-1, ".") || sc.isPunct(k-1, "٬") || sc.isPunct(k-1, "٫")) {
		k -= 2
	}
	if sc.glued(k) && sc.toks[k-1].kind == dtPunct && !sc.has(k-1, itUnitCode) {
		return 0, false
	}
	if sc.glued(k) && (sc.isNum(k-1) || sc.isWord(k-1) && !sc.toks[k-1].ideo && !sc.has(k-1, itUnitCode) && !sc.cliticsOnly(k-1)) {
		return 0, false
	}
	a, _, ok := sc.digitsAt(k)
	return a, ok
}

// dashRangeCounts reports whether the number after the dash at token e ends a range that
// counts something: a scale, a percent sign, a unit or a counted noun follows it ("10-15
// billion", "20-25%", "10-12 people"), not a month ("24-25 June") or another dash.
func (sc *dnScan) dashRangeCounts(e int) bool {
	_, k, ok := sc.digitsAt(e + 1)
	if !ok || k >= len(sc.toks) || sc.toks[k].newline || sc.isDash(k) {
		return false
	}
	if sc.has(k, itScale) || sc.has(k, itPercent) || sc.has(k, itUnitCode) || sc.has(k, itClassifier) {
		return true
	}
	t := sc.toks[k]
	return t.kind == dtWord && t.space && !t.ideo && (!t.upper || sc.lx.capNouns) &&
		!sc.has(k, itMonth) && !sc.has(k, itFunction) && !sc.has(k, itTimeMarker)
}

// rangeRises reports whether the number after the dash at token e is larger than a, the
// number before it: "10-15" is a range, "20-7" a score.
func (sc *dnScan) rangeRises(e int, a float64) bool {
	b, _, ok := sc.digitsAt(e + 1)
	return ok && b > a
}

// countedOne reports whether the number word "one" at [j, e), with no noun after it, counts a
// noun named just before: it stands in a list of elliptic counts of one sentence ("deux sur
// Nord Stream 1 et une sur Nord Stream 2", "zwei … , eines an …") or picks one of a counted set
// ("одной из двух ниток", "one of the two pipelines"). A preposition, a dash or a colon
// must follow it, as after any elliptic count.
func (sc *dnScan) countedOne(j, e int) bool {
	// "l'une …, l'autre …" is a pronoun; "one or two weeks" a range.
	if !sc.elliptic(j, e, 2) || sc.glued(j) || sc.has(e, itRangeLink) && sc.countWordAt(e+1) {
		return false
	}
	// One of a counted set: a function word or two, then a number.
	for k := e; k < e+3 && k < len(sc.toks) && !sc.toks[k].newline; k++ {
		if k > e && sc.countWordAt(k) {
			return true
		}
		if !sc.has(k, itFunction) {
			break
		}
	}
	// A list of counts: another count earlier in the sentence.
	for k := j - 1; k >= 0 && k >= j-12; k-- {
		t := sc.toks[k]
		if t.kind == dtPunct && strings.ContainsAny(t.key, ".!?;。！？؟") || sc.toks[k+1].newline {
			return false
		}
		if sc.taken[k] || t.url {
			continue
		}
		// The other count stands alone too, before the same word ("deux sur … une sur",
		// "zwei an … eines an", "две — … одна —"), not before its own noun ("two men aged
		// 58 and 65, …, one of the worst-hit towns").
		if sc.countWordAt(k) && k+1 < e && sc.toks[k+1].key == sc.toks[e].key && sc.elliptic(k, k+1, 2) {
			return true
		}
	}
	return false
}

// countWordAt reports whether token k is digits or a number word of two or more.
func (sc *dnScan) countWordAt(k int) bool {
	if sc.isNum(k) {
		return true
	}
	for _, m := range sc.at(k) {
		if m.it.kind == itNumber && m.it.f >= 2 && m.end == k+1 {
			return true
		}
	}
	return false
}

// postNumberAt parses a unit followed by the number word that counts it, where the language
// puts one and two after the noun as adjectives: "كيلومتر واحد" (1 km), "يوما واحدا" (one
// day). The span holds both words. Only units: after other nouns the same word is as often
// "one and the same" or "a single" as a count.
func (sc *dnScan) postNumberAt(i int) (numSpec, int, bool) {
	k := i + 1
	if !sc.isWord(i) || k >= len(sc.toks) || sc.toks[k].newline || !sc.toks[k].space || sc.taken[k] ||
		sc.has(i, itFunction) || sc.has(i, itNumber) || sc.has(i, itPostNumber) || sc.has(i, itCounted) {
		return numSpec{}, 0, false
	}
	e, it, ok := sc.find(k, itPostNumber)
	if !ok {
		return numSpec{}, 0, false
	}
	ns := numSpec{rs: sc.toks[i].start, re: sc.toks[e-1].end, value: it.f}
	code, ue, ok := sc.unitCodeAt(i)
	if !ok || ue != k {
		return numSpec{}, 0, false
	}
	ns.unit = code
	return ns, e, true
}

// measuredBy reports whether the one-letter unit glued to a number at token e is a unit
// because a measuring adjective follows: "93m tall", "43m deep" ("10m" alone may be a name or
// millions).
func (sc *dnScan) measuredBy(e int) bool {
	if e+1 >= len(sc.toks) || sc.toks[e+1].newline || !sc.toks[e+1].space {
		return false
	}
	return sc.has(e, itUnitCode) && sc.has(e+1, itMeasureAdj)
}

// countedMillions reports whether the short money scale glued to the number that starts at
// token j and ends at e counts people or votes without a currency: "5.58m votes", "19.5m
// people". Only after a decimal figure (a whole "10m" is as often ten metres) and before a
// noun that is no unit and no measuring adjective, and not after an article.
func (sc *dnScan) countedMillions(j, e int) bool {
	if !sc.has(e, itMoneyScale) || e-j < 3 || !sc.isPunct(e-2, ".") && !sc.isPunct(e-2, ",") {
		return false
	}
	if j > 0 && sc.has(j-1, itArticle) {
		return false // "a 2.5m wall": one thing measured, not millions
	}
	k := e + 1
	if k >= len(sc.toks) || sc.toks[k].newline || !sc.toks[k].space || !sc.isWord(k) || sc.toks[k].upper {
		return false
	}
	return !sc.has(k, itFunction) && !sc.has(k, itMeasureAdj) && !sc.has(k, itUnitCode) && !sc.has(k, itUnit)
}

// prefixedPercentAt parses a percentage written with its sign before the number, in words or
// digits: "百分之四十" (40 %), "百分之40.1", "百分之五十点五" is left at 50.
func (sc *dnScan) prefixedPercentAt(i int) (numSpec, int, bool) {
	pe, _, ok := sc.find(i, itPercentPrefix)
	if !ok || pe >= len(sc.toks) || sc.toks[pe].newline || sc.takenIn(i, pe+1) {
		return numSpec{}, 0, false
	}
	ns := numSpec{rs: sc.toks[i].start, unit: "%"}
	var e int
	if sc.isNum(pe) {
		v, de, ok := sc.digitsAt(pe)
		if !ok {
			return numSpec{}, 0, false
		}
		ns.value, e = v, de
	} else {
		v, we, ok := sc.numberWords(pe)
		if !ok {
			return numSpec{}, 0, false
		}
		ns.value, e = v, we
	}
	ns.re = sc.toks[e-1].end
	return ns, e, true
}
