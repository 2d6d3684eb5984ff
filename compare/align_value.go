package compare

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Value compatibility: do two values say the same thing once precision and qualifiers are
// taken into account?

type compat int

const (
	incompatible  compat = iota
	unknownCompat        // one side has no usable value (an unresolved relative date)
	compatible           // same thing at another precision or within a qualifier
	exact                // the same value
)

// valueRange is a value as the inclusive interval of what it allows.
type valueRange struct {
	lo, hi float64
	ok     bool
}

func dateRange(f Fact) valueRange {
	if f.Unresolved {
		return valueRange{}
	}
	lo, hi, _, ok := parseDateRange(dateValue(f))
	return valueRange{float64(lo), float64(hi), ok}
}

// vagueSpan bounds what a vague quantity of magnitude M allows: M up to M·vagueSpan.
const vagueSpan = 100

// atLeastSpan bounds what "at least x" / "more than x" allows: up to x·atLeastSpan.
const atLeastSpan = 1.5

// numberRange widens a number by its qualifier: "more than 10,000" allows 14,000, "about
// 5 million" allows 5.3 million.
func numberRange(f Fact) valueRange {
	x, ok := numValue(f)
	if !ok {
		if f.Vague && f.Magnitude > 0 {
			// "Thousands" allows 1,000 up to the next-but-one order ("des milliers de
			// disparus" for 10,100 missing); "dozens", 10 to 999.
			return valueRange{f.Magnitude, f.Magnitude*vagueSpan - 1, true}
		}
		return valueRange{}
	}
	switch f.Qualifier {
	case QualifierAtLeast, QualifierMoreThan:
		// "More than 1,500" is how a press rounds 1,530 or 1,900, not 3,000: a reporter with
		// twice the figure writes it. Above half as much again it is another figure.
		if x > 0 {
			return valueRange{x, x * atLeastSpan, true}
		}
		return valueRange{x, math.Inf(1), true}
	case QualifierUpTo, QualifierLessThan:
		return valueRange{math.Inf(-1), x, true}
	case QualifierAbout:
		d := math.Abs(x) * 0.15
		return valueRange{x - d, x + d, true}
	}
	return valueRange{x, x, true}
}

func factRange(f Fact) valueRange {
	switch f.Kind {
	case KindDate:
		return dateRange(f)
	case KindNumber:
		return numberRange(f)
	}
	return valueRange{}
}

func (r valueRange) intersect(o valueRange) valueRange {
	if !r.ok {
		return o
	}
	if !o.ok {
		return r
	}
	return valueRange{math.Max(r.lo, o.lo), math.Min(r.hi, o.hi), true}
}

func (r valueRange) empty() bool { return r.ok && r.lo > r.hi }

// compareValues says whether two facts of the same kind can state the same thing.
func compareValues(f, g Fact) compat {
	if f.Kind != g.Kind {
		return incompatible
	}
	switch f.Kind {
	case KindActor:
		if actorID(f) != "" && actorID(f) == actorID(g) {
			return exact
		}
		return incompatible
	case KindDate:
		if c, ok := comparePartial(f, g); ok {
			return c
		}
		if f.Unresolved || g.Unresolved || dateValue(f) == "" || dateValue(g) == "" {
			return unknownCompat
		}
		if dateValue(f) == dateValue(g) {
			return exact
		}
		a, b := dateRange(f), dateRange(g)
		if !a.ok || !b.ok {
			return unknownCompat
		}
		// A day inside the month (or week, or year) another version gives agrees with it.
		if a.lo <= b.lo && b.hi <= a.hi || b.lo <= a.lo && a.hi <= b.hi {
			return compatible
		}
		return incompatible
	case KindNumber:
		x, ok1 := numValue(f)
		y, ok2 := numValue(g)
		if f.Vague && f.Magnitude > 0 || g.Vague && g.Magnitude > 0 {
			// A vague quantity agrees with the figures its words allow ("thousands" and
			// 10,100), and with a vague quantity of its magnitude.
			if !ok1 && !ok2 && f.Vague && g.Vague {
				if f.Magnitude == g.Magnitude {
					return compatible
				}
				return incompatible
			}
			if (ok1 || ok2) && !numberRange(f).intersect(numberRange(g)).empty() {
				return compatible
			}
			if ok1 || ok2 {
				return incompatible
			}
		}
		if !ok1 || !ok2 {
			return unknownCompat
		}
		if x == y && f.Qualifier == g.Qualifier {
			return exact
		}
		if x == y || roundsTo(x, y) && !boundExcludes(g, x) || roundsTo(y, x) && !boundExcludes(f, y) {
			return compatible
		}
		if r := numberRange(f).intersect(numberRange(g)); !r.empty() {
			return compatible
		}
		return incompatible
	}
	return incompatible
}

// boundExcludes reports whether a figure said as a bound ("more than 8,000", "up to 500")
// rules out the value v on the wrong side of it. A rounded figure agrees with the precise one it
// rounds (7,840 written as 8,000), but "more than 8,000" is no rounding of 7,840: it is a later,
// higher count of the same claim, or a contradiction.
func boundExcludes(bound Fact, v float64) bool {
	x, ok := numValue(bound)
	if !ok {
		return false
	}
	switch bound.Qualifier {
	case QualifierAtLeast, QualifierMoreThan:
		return v < x
	case QualifierUpTo, QualifierLessThan:
		return v > x
	}
	return false
}

// comparePartial compares a year-less date ("--07-20", "--03") with another date by month
// and day: the same day of the year is compatible (the year is unknown, not different),
// another day is not the same claim.
func comparePartial(f, g Fact) (compat, bool) {
	pf, pg := dateValue(f), dateValue(g)
	mf, df, okf := partialDate(pf)
	mg, dg, okg := partialDate(pg)
	if !okf && !okg {
		return 0, false
	}
	monthDayOf := func(v string, partialM, partialD int, partial bool, unresolved bool) (int, int, bool) {
		if partial {
			return partialM, partialD, true
		}
		if unresolved {
			return 0, 0, false
		}
		lo, hi, prec, ok := parseDateRange(v)
		if !ok || v == "" || strings.Contains(v, "/") || prec == PrecisionYear {
			return 0, 0, false
		}
		t := time.Unix(int64(lo)*86400, 0).UTC()
		if prec == PrecisionMonth || lo != hi {
			return int(t.Month()), 0, true
		}
		return int(t.Month()), t.Day(), true
	}
	m1, d1, ok1 := monthDayOf(pf, mf, df, okf, f.Unresolved)
	m2, d2, ok2 := monthDayOf(pg, mg, dg, okg, g.Unresolved)
	if !ok1 || !ok2 {
		return unknownCompat, true
	}
	if m1 != m2 {
		return incompatible, true
	}
	if d1 == d2 || d1 == 0 || d2 == 0 {
		return compatible, true
	}
	return incompatible, true
}

// roundsTo reports whether precise, rounded to as many significant digits as rough shows,
// is rough: 5,310,000 written as 5.3 million.
func roundsTo(precise, rough float64) bool {
	if rough == 0 || precise == rough {
		return precise == rough
	}
	s := strconv.FormatFloat(math.Abs(rough), 'e', -1, 64) // d.ddde±x
	mant := s[:indexByte(s, 'e')]
	digits := len(mant)
	if digits > 1 {
		digits-- // the dot
	}
	// Trailing zeros of an integer are not significant: 52000 shows 2 digits.
	if rough == math.Trunc(rough) {
		digits = len(strconv.FormatFloat(math.Abs(rough), 'f', 0, 64))
		for t := math.Abs(rough); t >= 10 && math.Mod(t, 10) == 0; t /= 10 {
			digits--
		}
	}
	if digits >= 15 {
		return false
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(precise, 'g', digits, 64), 64)
	return r == rough
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return len(s)
}

// dateSpanSpecificity is what a span of dates adds to the specificity of its precision.
const dateSpanSpecificity = 0.1

// specificity is how much an exact match of this value says on its own that two facts state
// the same thing: a day or 52,000 are telling, a year or "4" are not.
func specificity(f Fact) float64 {
	switch f.Kind {
	case KindDate:
		lo, hi, prec, ok := parseDateRange(dateValue(f))
		if !ok || f.Unresolved {
			return 0
		}
		// A span written out (the night of 10 to 11 September, the 1970s, 2006-2007) is
		// rarer in a story than the single day, month or year it starts on: the same span
		// in two versions says more.
		span := 0.0
		if strings.Contains(dateValue(f), "/") && hi > lo {
			span = dateSpanSpecificity
		}
		switch prec {
		case PrecisionDay:
			return 0.3 + span
		case PrecisionMonth:
			return 0.2 + span
		}
		return 0.1 + span
	case KindNumber:
		x, ok := numValue(f)
		if !ok {
			return 0
		}
		switch x = math.Abs(x); {
		case x >= 1000:
			return 0.35
		case x >= 100:
			return 0.25
		case x >= 13:
			return 0.15
		}
	}
	return 0
}
