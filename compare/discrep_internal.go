package compare

import (
	"bufio"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/assets"
)

// Internal discrepancies: one article contradicting itself. A conversion written in brackets
// that does not hold ("17.9 km (29 miles)": 17.9 km is 11 miles) is the kind a reader cannot
// tell from the text alone which half is right, so it is flagged with both halves.

// conversionTolerance is how far a bracketed conversion may be from the exact one and still
// count as rounding ("400 m (1,300 ft)", "about 6 miles").
const conversionTolerance = 0.12

type unitDef struct {
	unit, base string
	factor     float64
}

// unitTable maps a unit code (Fact.Unit) to its conversion.
type unitTable map[string]unitDef

var loadUnits = sync.OnceValue(func() unitTable {
	t := unitTable{}
	for _, cols := range langTableRows("unit-factors.tsv", 3) {
		factor, err := strconv.ParseFloat(cols[1], 64)
		if err != nil {
			panic("compare: unit-factors.tsv: bad factor: " + strings.Join(cols, "\t"))
		}
		t[cols[0]] = unitDef{cols[0], cols[2], factor}
	}
	return t
})

// langTableRows reads an embedded table of assets/lang (tab-separated, "#" comments and
// blank lines skipped) whose rows all have n columns; a malformed embedded table is a
// build defect, so it panics.
func langTableRows(name string, n int) [][]string {
	f, err := assets.Lang.Open("lang/" + name)
	if err != nil {
		panic("compare: embedded " + name + " is missing: " + err.Error())
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != n {
			panic(fmt.Sprintf("compare: %s: want %d tab-separated columns: %s", name, n, line))
		}
		rows = append(rows, cols)
	}
	if err := sc.Err(); err != nil {
		panic("compare: reading embedded " + name + ": " + err.Error())
	}
	return rows
}

// conversionForm is a unit word of conversion-units.tsv, lower case.
type conversionForm struct {
	code string
	form []rune
}

// loadConversionUnits reads conversion-units.tsv: language → forms, longest first.
var loadConversionUnits = sync.OnceValue(func() map[string][]conversionForm {
	out := map[string][]conversionForm{}
	for _, cols := range langTableRows("conversion-units.tsv", 3) {
		for _, form := range strings.Split(cols[2], "|") {
			out[cols[1]] = append(out[cols[1]], conversionForm{cols[0], []rune(strings.ToLower(form))})
		}
	}
	for _, forms := range out {
		sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].form) > len(forms[j].form) })
	}
	return out
})

// conversionUnit returns the unit a number is written with, for the conversion check, and
// where the number and its unit end: the longest unit word of conversion-units.tsv that
// starts inside the number's span or right after it and reaches past its end ("12,355
// acres", "46 square miles", "180 كيلومترا في الساعة" whose span holds "كيلومترا" only), else
// the unit code of Fact.Unit when unit-factors.tsv knows it.
func conversionUnit(t unitTable, a *article, f Fact) (u unitDef, end int, ok bool) {
	rs := a.runes
	after := f.End
	if after < len(rs) && (rs[after] == ' ' || rs[after] == '\u00a0' || rs[after] == '-') {
		after++
	}
	forms := loadConversionUnits()
	best := -1
	for p := f.Start + 1; p <= after && p < len(rs); p++ {
		if p > f.Start+1 && p < after && isWordLetter(rs[p-1]) && !unicode.Is(unicode.Han, rs[p]) {
			continue // not the start of a word
		}
		for _, lang := range []string{a.doc.Lang, "*"} {
			for _, cf := range forms[lang] {
				n := len(cf.form)
				if p+n <= best || p+n < f.End || p+n > len(rs) || !runesEqual(lowerRunes(rs[p:p+n]), cf.form) {
					continue
				}
				if p+n < len(rs) && isWordLetter(rs[p+n]) && !unicode.Is(unicode.Han, rs[p+n-1]) {
					continue // "ha" of "hab.", "in" of "inch" is matched whole only
				}
				if cu, known := t[cf.code]; known {
					u, best = cu, p+n
				}
			}
		}
	}
	if best >= 0 {
		return u, best, true
	}
	if cu, known := t[f.Unit]; known {
		return cu, f.End, true
	}
	return unitDef{}, 0, false
}

// currencyTolerance is how far a sum converted into another currency may be from the
// yearly average rate: rates move within a year, and writers round.
const currencyTolerance = 0.2

// moneyBase is the base "unit" of sums of money in a conversion.
const moneyBase = "money:USD"

// loadCurrencyRates reads currency-rates.tsv: year → currency code → US dollars per unit.
var loadCurrencyRates = sync.OnceValue(func() map[int]map[string]float64 {
	out := map[int]map[string]float64{}
	for _, cols := range langTableRows("currency-rates.tsv", 3) {
		y, err1 := strconv.Atoi(cols[0])
		r, err2 := strconv.ParseFloat(cols[2], 64)
		if err1 != nil || err2 != nil || r <= 0 {
			panic("compare: currency-rates.tsv: bad year or rate: " + strings.Join(cols, "\t"))
		}
		if out[y] == nil {
			out[y] = map[string]float64{}
		}
		out[y][cols[1]] = r
	}
	return out
})

// moneyUnit returns a sum's currency as a unit of the conversion check, at the yearly rate of
// the article's publication year; false for an article with no known date, a year the table
// does not hold, or a currency it does not list.
func moneyUnit(a *article, f Fact) (unitDef, int, bool) {
	d, ok := parseISODay(a.doc.Published)
	if !ok {
		return unitDef{}, 0, false
	}
	y, _, _ := d.date()
	r, ok := loadCurrencyRates()[y][f.Unit]
	if !ok {
		return unitDef{}, 0, false
	}
	return unitDef{unit: f.Unit, base: moneyBase, factor: r}, f.End, true
}

// conversionDiscrepancies flags bracketed conversions that do not hold in one article.
func conversionDiscrepancies(storyID string, a *article) []Discrepancy {
	t := loadUnits()
	var nums []int
	for i, f := range a.facts {
		if f.Kind == KindNumber && !f.Vague {
			if _, ok := numValue(f); ok {
				nums = append(nums, i)
			}
		}
	}
	sort.Slice(nums, func(x, y int) bool { return a.facts[nums[x]].Start < a.facts[nums[y]].Start })
	rs := a.runes
	var out []Discrepancy
	for k := 0; k+1 < len(nums); k++ {
		f, g := a.facts[nums[k]], a.facts[nums[k+1]]
		if f.End > len(rs) || g.Start > len(rs) || g.Start-f.End > 24 {
			continue
		}
		u1, end1, ok := conversionUnit(t, a, f)
		if !ok {
			u1, end1, ok = moneyUnit(a, f)
		}
		if !ok || end1 > g.Start {
			continue
		}
		// Only an opening bracket (and a hedge word or two) between the unit and the
		// converted figure.
		gap := strings.TrimSpace(string(rs[end1:g.Start]))
		if !strings.HasPrefix(gap, "(") && !strings.HasPrefix(gap, "（") {
			continue
		}
		if strings.ContainsAny(gap[1:], "().;:!?") || len([]rune(gap)) > 12 {
			continue
		}
		u2, _, ok := conversionUnit(t, a, g)
		if !ok {
			u2, _, ok = moneyUnit(a, g)
		}
		if !ok || u1.base != u2.base || u1.unit == u2.unit {
			continue
		}
		x, _ := numValue(f)
		y, _ := numValue(g)
		want := x * u1.factor / u2.factor
		tolerance := conversionTolerance
		if u1.base == moneyBase {
			tolerance = currencyTolerance
		}
		if want == 0 || math.Abs(y-want)/math.Max(math.Abs(y), math.Abs(want)) <= tolerance {
			continue
		}
		ms := []Member{memberOf(a, nums[k]), memberOf(a, nums[k+1])}
		summary := fmt.Sprintf("%s converts %s %s to %s %s; it is about %s %s", a.doc.displayName(),
			humanNumber(x), u1.unit, humanNumber(y), u2.unit, roundForSummary(want), u2.unit)
		out = append(out, Discrepancy{ID: discrepancyID(DiscInternal, ms), Story: storyID, Kind: DiscInternal,
			Severity: SeverityMinor, Summary: summary, Members: ms})
	}
	return out
}

// roundForSummary renders a computed value with sensible precision: 11.1, 1,312, 0.62.
func roundForSummary(x float64) string {
	switch ax := math.Abs(x); {
	case ax >= 100:
		return humanNumber(math.Round(x))
	case ax >= 10:
		return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// headlineSpan returns where an article's headline lies in its text: the line among the
// first few that is the document's title (scraped pages open with a breadcrumb or a menu
// line before it), or else a first line with no sentence end, as scraped pages repeat the
// title. end is 0 when there is none.
func headlineSpan(a *article) (start, end int) {
	rs := a.runes
	title := strings.TrimSpace(a.doc.Title)
	lineStart, first := 0, true
	for n, i := 0, 0; i <= len(rs) && n < headlineMaxLines; i++ {
		if i < len(rs) && rs[i] != '\n' {
			continue
		}
		line := strings.TrimSpace(string(rs[lineStart:i]))
		if first && line != "" {
			first = false
			if last, _ := utf8.DecodeLastRuneInString(line); len([]rune(line)) <= 200 && !strings.ContainsRune(".!?。！？", last) {
				start, end = lineStart, i // the first line, unless the title is further down
			}
		}
		if title != "" && line != "" && (line == title || len([]rune(line)) >= 12 && len([]rune(title)) >= 12 &&
			(strings.Contains(title, line) || strings.Contains(line, title))) {
			return lineStart, i
		}
		if line != "" {
			n++
		}
		lineStart = i + 1
	}
	return start, end
}

// headlineMaxLines is how many non-empty lines from the top are searched for the title.
const headlineMaxLines = 5

// headlineDiscrepancies flags a figure in the headline that the body contradicts: the body
// gives one figure for the same claim, and it is not the headline's (a stale headline left
// after the body was updated).
func headlineDiscrepancies(storyID string, a *article) []Discrepancy {
	start, end := headlineSpan(a)
	if end == 0 {
		return nil
	}
	var out []Discrepancy
	for hi, h := range a.facts {
		concept := claimConcept(h)
		if h.Start < start || h.Start >= end || concept == "" || h.Vague || contextualConcept(concept) {
			continue
		}
		var body []int
		agree := false
		hv, _ := numValue(h)
		for bi, b := range a.facts {
			if b.Start < end || b.Kind != KindNumber {
				continue
			}
			if bv, ok := numValue(b); ok && bv == hv && b.Unit == h.Unit {
				// The body states the headline's figure, whatever the extractor took it to
				// count ("rose to 15 after four more bodies were found"): not stale.
				agree = true
				break
			}
			if claimConcept(b) != concept {
				continue
			}
			if compareValues(h, b) != incompatible {
				agree = true
				break
			}
			if ph, pb := sentenceActors(a, hi, "place", "country"), sentenceActors(a, bi, "place", "country"); len(ph) > 0 && len(pb) > 0 && disjoint(ph, pb) {
				continue
			}
			body = append(body, bi)
		}
		if agree || len(body) == 0 {
			continue
		}
		// The body must give one figure: several disagreeing body figures are a timeline
		// (Monday's toll, Tuesday's), not a stale headline.
		one := true
		for _, bi := range body[1:] {
			if compareValues(a.facts[body[0]], a.facts[bi]) == incompatible {
				one = false
				break
			}
		}
		if !one {
			continue
		}
		b := a.facts[body[0]]
		ms := []Member{memberOf(a, hi), memberOf(a, body[0])}
		summary := fmt.Sprintf("%s: the headline gives %s %s, the body %s", a.doc.displayName(),
			strings.ReplaceAll(concept, "_", " "), factLabel(h), factLabel(b))
		out = append(out, Discrepancy{ID: discrepancyID(DiscInternal, ms), Story: storyID, Kind: DiscInternal,
			Severity: SeverityMinor, Summary: summary, Members: ms, Claim: concept})
	}
	return out
}
