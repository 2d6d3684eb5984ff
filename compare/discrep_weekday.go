package compare

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Weekday discrepancies: a date written with a weekday it did not fall on ("Monday 12 March
// 2024": the 12th was a Tuesday; "الاثنين 12 مارس", "thứ Hai (12/3)", "3月12日（星期一）").
// The article contradicts itself, and a reader cannot tell whether the day or the weekday is
// wrong, so both are the flag's members. The weekday is the one written inside the date's
// span, or a lone weekday written right beside it (the date extractor keeps "thứ Hai (12/3)"
// and "3月12日（周一）" as two facts). Weekday names come from the date lexicon (CLDR), so
// every language the dates read is covered.

// weekdayGapMax is how many runes of brackets, commas and spaces may stand between a date
// and the lone weekday that goes with it.
const weekdayGapMax = 3

// writtenWeekdays lists the weekdays (0 Sunday … 6 Saturday) named in text, in order.
func writtenWeekdays(text, lang string) []int {
	lx := lexiconFor(lang)
	if lx == nil {
		return nil
	}
	sc := newScan(text, lx)
	var out []int
	for i := 0; i < len(sc.toks); {
		// "mar" is March and martes, "Mi" Mittwoch and a name: a word that is also a month
		// is the month.
		if e, it, ok := sc.find(i, itWeekday); ok && !sc.has(i, itMonth) {
			out = append(out, it.val)
			i = e
			continue
		}
		i++
	}
	return out
}

// hasRelativeDay reports whether text names a day by its distance from the publication
// ("yesterday", "hier", "أمس", "昨天"): with a weekday beside it, the two must agree.
func hasRelativeDay(text, lang string) bool {
	lx := lexiconFor(lang)
	if lx == nil {
		return false
	}
	sc := newScan(text, lx)
	for i := range sc.toks {
		if sc.has(i, itRelDay) {
			return true
		}
	}
	return false
}

// hasDigit reports whether s holds a digit of any script (a day number).
func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// loneWeekday returns the weekday a date fact states by its weekday alone ("Tuesday",
// "thứ Hai", "周一"), false when it holds a day number or no weekday.
func loneWeekday(f Fact, lang string) (int, bool) {
	if f.Kind != KindDate || hasDigit(f.Text) {
		return 0, false
	}
	wds := writtenWeekdays(f.Text, lang)
	if len(wds) != 1 {
		return 0, false
	}
	return wds[0], true
}

// besideEachOther reports whether only brackets, commas and spaces stand between two spans.
func besideEachOther(a *article, end, start int) bool {
	if start < end || start-end > weekdayGapMax {
		return false
	}
	for _, r := range a.runes[end:start] {
		if !unicode.IsSpace(r) && !strings.ContainsRune("(),，（）、", r) {
			return false
		}
	}
	return true
}

// weekdayDiscrepancies flags the dates of one article written with the wrong weekday.
func weekdayDiscrepancies(storyID string, a *article) []Discrepancy {
	lang := a.doc.Lang
	var out []Discrepancy
	for i, f := range a.facts {
		if f.Kind != KindDate || f.Unresolved || f.Precision != PrecisionDay || f.ResolvedFrom == "weekday" {
			continue
		}
		days, ok := statedDays(a, f)
		if !ok || !hasDigit(f.Text) && !hasRelativeDay(f.Text, lang) {
			continue // a lone weekday, a week
		}
		members := []int{i}
		wds := writtenWeekdays(f.Text, lang)
		if len(wds) == 0 {
			// A lone weekday right before or after the date: "thứ Hai (12/3)", "12日周一".
			for _, j := range []int{i - 1, i + 1} {
				if j < 0 || j >= len(a.facts) {
					continue
				}
				g := a.facts[j]
				wd, lone := loneWeekday(g, lang)
				if !lone {
					continue
				}
				if j < i && besideEachOther(a, g.End, f.Start) || j > i && besideEachOther(a, f.End, g.Start) {
					wds = []int{wd}
					members = append(members, j)
					break
				}
			}
		}
		// A day takes one weekday; a night across two days ("dans la nuit du lundi 11 au
		// mardi 12") takes one for each day, in order.
		if len(wds) != len(days) {
			continue
		}
		bad := -1
		for k, d := range days {
			if day(d).weekday() != wds[k] {
				bad = k
				break
			}
		}
		if bad < 0 {
			continue
		}
		y, m, dd := day(days[bad]).date()
		if f.Inferred && weekdayFitsNamedYear(a, m, dd, wds[bad], y) {
			// The year is not written: the weekday may be right in a year the article
			// names (a story about 2018 published in 2024), and the inference wrong.
			continue
		}
		if len(members) == 2 && members[1] < members[0] {
			members[0], members[1] = members[1], members[0]
		}
		var ms []Member
		for _, j := range members {
			ms = append(ms, memberOf(a, j))
		}
		summary := fmt.Sprintf("%s writes %s for %s, which was a %s", a.doc.displayName(),
			time.Weekday(wds[bad]), humanDay(days[bad]), time.Weekday(day(days[bad]).weekday()))
		out = append(out, Discrepancy{ID: discrepancyID(DiscInternal, ms), Story: storyID, Kind: DiscInternal,
			Severity: SeverityMinor, Summary: summary, Members: ms})
	}
	return out
}

// weekdayFitsNamedYear reports whether month m, day d fell on weekday wd in a year other
// than y that the article writes out (a year it only infers proves nothing).
func weekdayFitsNamedYear(a *article, m, d, wd, y int) bool {
	for _, f := range a.facts {
		if f.Kind != KindDate || f.Inferred || f.Unresolved || len(dateValue(f)) < 4 {
			continue
		}
		var fy int
		if _, err := fmt.Sscanf(dateValue(f)[:4], "%04d", &fy); err != nil || fy == y {
			continue
		}
		if validDate(fy, m, d) && mkDay(fy, m, d).weekday() == wd {
			return true
		}
	}
	return false
}

// statedDays returns the day, or the two days of a night, a date fact states. A year the
// text does not write is the one the publication date gives: the extractor may have moved
// it to a year where the written weekday fits ("mercredi 12 mars" published in March 2024 →
// 2025), which would hide the very mismatch looked for here.
func statedDays(a *article, f Fact) ([]int, bool) {
	pub, pubOK := parseISODay(a.doc.Published)
	var days []int
	for _, part := range strings.Split(dateValue(f), "/") {
		d, ok := parseISODay(part)
		if !ok || len(part) != 10 {
			return nil, false
		}
		if f.Inferred && pubOK {
			_, m, dd := d.date()
			if y := newsYear(pub, m, dd); validDate(y, m, dd) {
				d = mkDay(y, m, dd)
			}
		}
		days = append(days, int(d))
	}
	if len(days) == 2 && days[1]-days[0] != 1 || len(days) > 2 {
		return nil, false
	}
	return days, len(days) > 0
}
