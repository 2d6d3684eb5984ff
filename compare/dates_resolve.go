package compare

import (
	"fmt"
	"time"
)

// Resolution turns parsed date expressions into ISO values. Anchors, in order: the publication
// date (Document.Published), else the article's own dateline; for expressions that point back
// into the text (Cùng ngày, la veille) the date just named; for a year-less date with a weekday
// and no other anchor, the latest year not after the horizon in which that day fell on that
// weekday. What no anchor resolves stays Unresolved with a partial value ("--07-20", "--03").

// day is a civil date as a count of days since 1970-01-01.
type day int

func mkDay(y, m, d int) day {
	return day(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) date() (int, int, int) {
	t := time.Unix(int64(d)*86400, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

func (d day) weekday() int { return int(((int(d)+4)%7 + 7) % 7) }

func (d day) iso() string {
	y, m, dd := d.date()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// parseISODay reads YYYY-MM-DD at the start of s (a time after it is ignored).
func parseISODay(s string) (day, bool) {
	if len(s) < 10 {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return 0, false
	}
	return day(t.Unix() / 86400), true
}

type anchor struct {
	ok   bool
	d    day
	from string
}

// resolver carries the anchors while facts are resolved in text order.
type resolver struct {
	base    anchor // publication date or dateline
	coarse  anchor // middle of a publication month or year: gives years, not days
	horizon day
	// prev is the last day-precision date named in the text (prevOK: its year is known;
	// otherwise prevM/prevD hold the partial date).
	prevOK       bool
	prev         day
	prevM, prevD int
	prevYear     int // year of the last month- or day-precision date with a known year
	// last is the last day any date expression named, relative ones included ("le même
	// jour" after "lundi", "un día antes" after "el viernes"): the anchor of anaphors.
	lastOK bool
	last   day
}

// newsYear picks the year of a year-less date relative to the publication date ref: the same
// year, unless that puts it more than half a year after ref (an article of 5 January speaking
// of 28 December means the December before) or nearly a year before it (an article of 28
// December announcing 3 January means the January after).
func newsYear(ref day, m, d int) int {
	ry, _, _ := ref.date()
	dd := d
	if dd == 0 {
		dd = 15
	}
	if !validDate(ry, m, dd) {
		dd = 28
	}
	x := mkDay(ry, m, dd)
	switch {
	case x > ref+183:
		return ry - 1
	case x < ref-330:
		return ry + 1
	}
	return ry
}

// weekdayYear returns the latest year not after the horizon in which m/d fell on weekday wd.
func weekdayYear(m, d, wd int, horizon day) (int, bool) {
	hy, _, _ := horizon.date()
	for y := hy; y > hy-60; y-- {
		if !validDate(y, m, d) {
			continue
		}
		x := mkDay(y, m, d)
		if x <= horizon && x.weekday() == wd {
			return y, true
		}
	}
	return 0, false
}

// relBase is the anchor for expressions relative to "now": the publication date or dateline,
// else the date just named in the text.
func (r *resolver) relBase() anchor {
	if r.base.ok {
		return r.base
	}
	if r.prevOK {
		return anchor{ok: true, d: r.prev, from: "previous_date"}
	}
	return anchor{}
}

func (r *resolver) noteDay(d day) {
	r.prevOK, r.prev = true, d
	r.lastOK, r.last = true, d
	r.prevYear, _, _ = d.date()
}

// resolve fills f's value for spec ds.
func (r *resolver) resolve(ds *dateSpec, f *Fact) {
	if ds.interval != nil && ds.kind != dkAbs {
		r.resolvePair(ds, f)
		return
	}
	switch ds.kind {
	case dkAbs:
		if ds.interval != nil {
			a, b := *f, *f
			r.resolveAbs(ds, &a)
			r.resolveAbs(ds.interval, &b)
			f.Value = fmt.Sprint(a.Value) + "/" + fmt.Sprint(b.Value)
			f.Precision = a.Precision
			f.Inferred = a.Inferred || b.Inferred
			f.Unresolved = a.Unresolved || b.Unresolved
			f.ResolvedFrom = a.ResolvedFrom
			if f.ResolvedFrom == "" {
				f.ResolvedFrom = b.ResolvedFrom
			}
			if f.Unresolved {
				f.ResolvedFrom = ""
			}
			return
		}
		r.resolveAbs(ds, f)
	case dkRelDay:
		f.Precision = PrecisionDay
		if b := r.relBase(); b.ok {
			r.setDay(f, b.d+day(ds.off), b.from)
			return
		}
		markUnresolved(f, "")
	case dkAnaphor:
		f.Precision = PrecisionDay
		switch {
		case r.lastOK:
			r.setDay(f, r.last+day(ds.off), "previous_date")
			r.noteDay(r.last + day(ds.off)) // "le lendemain … le surlendemain" chain
		case r.prevM != 0 && ds.off == 0:
			markUnresolved(f, fmt.Sprintf("--%02d-%02d", r.prevM, r.prevD))
		case r.base.ok:
			r.setDay(f, r.base.d+day(ds.off), r.base.from)
		default:
			markUnresolved(f, "")
		}
	case dkWeekday, dkRelWeekday:
		f.Precision = PrecisionDay
		b := r.relBase()
		if !b.ok {
			markUnresolved(f, "")
			return
		}
		d := b.d
		switch {
		case ds.kind == dkRelWeekday && ds.off < 0:
			d--
			for d.weekday() != ds.wd {
				d--
			}
		case ds.kind == dkRelWeekday && ds.off > 0:
			d++
			for d.weekday() != ds.wd {
				d++
			}
		case ds.kind == dkRelWeekday && ds.off == 0:
			// "本周日", "this Sunday": that day of the week (Monday to Sunday) holding the anchor;
			// "Dienstag vergangener Woche", "во вторник на прошлой неделе": of the week that
			// many weeks away.
			d = d - day((d.weekday()+6)%7) + day((ds.wd+6)%7) + day(7*int(ds.dur.weeks))
		case ds.future:
			// "should be gone by Sunday", "до воскресенья": the next such day.
			for d.weekday() != ds.wd {
				d++
			}
		default:
			for d.weekday() != ds.wd {
				d--
			}
		}
		r.setDay(f, d, b.from)
	case dkRelPeriod:
		b := r.relBase()
		if ds.unit == "week" || ds.unit == "weekend" {
			// "la semaine dernière", "tuần sau", "this week": the whole week, Monday to Sunday,
			// that holds the anchor moved by the offset; "last weekend", "в минувшие выходные":
			// the Saturday and Sunday of that week. A day named in it is no discrepancy, and
			// "this week" is not the publication day.
			f.Precision = PrecisionDay
			if !b.ok {
				markUnresolved(f, "")
				return
			}
			monday := b.d - day((b.d.weekday()+6)%7) + day(7*ds.off)
			first, last := monday, monday+6
			if ds.unit == "weekend" {
				first = monday + 5
			}
			f.Value = first.iso() + "/" + last.iso()
			f.ResolvedFrom = b.from
			return
		}
		if ds.unit == "year" {
			f.Precision = PrecisionYear
		} else {
			f.Precision = PrecisionMonth
		}
		if !b.ok {
			markUnresolved(f, "")
			return
		}
		y, m, _ := b.d.date()
		if ds.unit == "year" {
			f.Value = fmt.Sprintf("%04d", y+ds.off)
		} else {
			t := time.Date(y, time.Month(m)+time.Month(ds.off), 1, 0, 0, 0, 0, time.UTC)
			f.Value = fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
		}
		f.ResolvedFrom = b.from
	case dkSeason:
		// "今冬" published in September 2022: 2022-12/2023-02; "im Sommer 2023": 2023-06/2023-08.
		f.Precision = PrecisionMonth
		b := r.relBase()
		if !b.ok && ds.y == 0 {
			markUnresolved(f, "")
			return
		}
		y := ds.y
		if y == 0 {
			y, _, _ = b.d.date()
			y += ds.off
			f.ResolvedFrom = b.from
		}
		y2 := y
		if ds.d < ds.m {
			y2++
		}
		f.Value = fmt.Sprintf("%04d-%02d/%04d-%02d", y, ds.m, y2, ds.d)
	case dkDuration:
		f.Precision = ds.dur.smallest()
		b := r.relBase()
		if !b.ok {
			markUnresolved(f, "")
			return
		}
		f.ResolvedFrom = b.from
		y, m, d := b.d.date()
		// The time of publication is unknown: count from noon, so that "2 hours ago" stays on
		// the day and "23 hours ago" moves to the day before.
		t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
		du := ds.dur
		t = t.AddDate(int(du.years), int(du.months), 0)
		// Fractions of years and months are rare ("1.5 years"); carry them as days.
		frac := (du.years-float64(int(du.years)))*365.25 + (du.months-float64(int(du.months)))*30.44
		hours := (du.weeks*7+du.days+frac)*24 + du.hours + du.minutes/60 + du.seconds/3600
		t = t.Add(time.Duration(hours * float64(time.Hour)))
		switch f.Precision {
		case PrecisionDay:
			f.Value = t.Format("2006-01-02")
		case PrecisionMonth:
			f.Value = t.Format("2006-01")
		default:
			f.Value = t.Format("2006")
		}
	}
}

func markUnresolved(f *Fact, partial string) {
	f.Value = partial
	f.Unresolved = true
	f.ResolvedFrom = ""
}

// setDay sets a relative expression's value. It becomes the anchor of the anaphors after it
// ("the same day"), not "the date just named": the next relative expression is still counted
// from the same anchor.
func (r *resolver) setDay(f *Fact, d day, from string) {
	r.lastOK, r.last = true, d
	f.Value = d.iso()
	f.Precision = PrecisionDay
	f.ResolvedFrom = from
}

// resolvePair resolves an interval whose ends are relative ("from Monday to Thursday", "la
// nuit de dimanche à lundi"): each end alone, the first moved back a week when it would come
// after the second.
func (r *resolver) resolvePair(ds *dateSpec, f *Fact) {
	one, two := *ds, *ds.interval
	one.interval = nil
	a, b := *f, *f
	r.resolve(&one, &a)
	r.resolve(&two, &b)
	x, okA := parseISODay(fmt.Sprint(a.Value))
	y, okB := parseISODay(fmt.Sprint(b.Value))
	if okA && okB && a.Precision == PrecisionDay && (one.kind == dkWeekday || one.kind == dkRelWeekday) {
		for x > y {
			x -= 7
		}
		for y-x >= 7 {
			x += 7
		}
		a.Value = x.iso()
	}
	f.Value = fmt.Sprint(a.Value) + "/" + fmt.Sprint(b.Value)
	f.Precision = a.Precision
	f.Inferred = a.Inferred || b.Inferred
	f.Unresolved = a.Unresolved || b.Unresolved
	f.ResolvedFrom = a.ResolvedFrom
	if f.Unresolved {
		f.ResolvedFrom = ""
	}
}

// monthOf gives a day of the month written alone ("8日") its month: the anchor's, or the one
// before when the day lies well after the anchor's day (an article of 2 October speaking of
// the 28th).
func (r *resolver) monthOf(d int) (int, int, string, bool) {
	var ref day
	from := ""
	switch {
	case r.base.ok:
		ref, from = r.base.d, r.base.from
	case r.prevOK:
		ref, from = r.prev, "previous_date"
	default:
		return 0, 0, "", false
	}
	y, m, rd := ref.date()
	if d > rd+10 {
		m--
		if m == 0 {
			y, m = y-1, 12
		}
	}
	if !validDate(y, m, d) {
		return 0, 0, "", false
	}
	return y, m, from, true
}

// resolveAbs resolves an absolute date, inferring a missing year.
func (r *resolver) resolveAbs(ds *dateSpec, f *Fact) {
	y, m, d := ds.y, ds.m, ds.d
	if m == 0 && d != 0 {
		f.Precision = PrecisionDay
		f.Inferred = true
		yy, mm, from, ok := r.monthOf(d)
		if !ok {
			markUnresolved(f, fmt.Sprintf("---%02d", d))
			return
		}
		x := mkDay(yy, mm, d)
		f.Value, f.ResolvedFrom = x.iso(), from
		r.noteDay(x)
		return
	}
	switch {
	case d != 0:
		f.Precision = PrecisionDay
	case m != 0:
		f.Precision = PrecisionMonth
	default:
		f.Precision = PrecisionYear
	}
	if y == 0 && d == 0 && ds.monthDir != 0 {
		// "last March" in February 2023 is March 2022; in September, March 2023.
		if b := r.relBase(); b.ok {
			by, bm, _ := b.d.date()
			y = by
			switch {
			case ds.monthDir < 0 && m >= bm:
				y--
			case ds.monthDir > 0 && m <= bm:
				y++
			}
			f.ResolvedFrom = b.from
		}
	}
	if y == 0 && ds.hasYearOff {
		if b := r.relBase(); b.ok {
			yy, _, _ := b.d.date()
			y = yy + ds.yearOff
			f.ResolvedFrom = b.from
		}
	}
	if y == 0 {
		f.Inferred = true
		switch {
		case r.base.ok:
			y = newsYear(r.base.d, m, d)
			if ds.wd >= 0 && d != 0 && mkDay(y, m, d).weekday() != ds.wd {
				for _, alt := range []int{y - 1, y + 1} {
					if validDate(alt, m, d) && mkDay(alt, m, d).weekday() == ds.wd {
						y = alt
						break
					}
				}
			}
			f.ResolvedFrom = r.base.from
		case r.coarse.ok:
			y = newsYear(r.coarse.d, m, d)
			f.ResolvedFrom = r.coarse.from
		case ds.wd >= 0 && d != 0:
			if wy, ok := weekdayYear(m, d, ds.wd, r.horizon); ok {
				y = wy
				f.ResolvedFrom = "weekday"
			}
		case r.prevYear != 0:
			// Narratives move forward: a year-less date after "19 марта 2001" is in 2001.
			y = r.prevYear
			f.ResolvedFrom = "previous_date"
		}
		if y == 0 || !validDate(y, m, d) {
			if d != 0 {
				markUnresolved(f, fmt.Sprintf("--%02d-%02d", m, d))
				r.prevOK, r.prevM, r.prevD = false, m, d
			} else {
				markUnresolved(f, fmt.Sprintf("--%02d", m))
			}
			return
		}
	}
	switch {
	case d != 0:
		x := mkDay(y, m, d)
		f.Value = x.iso()
		r.noteDay(x)
	case m != 0:
		f.Value = fmt.Sprintf("%04d-%02d", y, m)
		r.prevYear = y
	default:
		f.Value = fmt.Sprintf("%04d", y)
	}
}
