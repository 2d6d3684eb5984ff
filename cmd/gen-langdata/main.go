// Command gen-langdata turns CLDR JSON (the npm packages cldr-dates-full and cldr-numbers-full)
// into the compact per-language tables that compare reads from assets/lang/cldr/<lang>.json.
//
// Usage (from the repository root, after `npm install cldr-dates-full cldr-numbers-full` in a
// scratch directory — node_modules is never committed):
//
//	go run ./cmd/gen-langdata -cldr /tmp/cldr/node_modules -out assets/lang/cldr
//
// Every CLDR locale is read; locales are merged by their primary language subtag (ar-LB, ar-MA
// and ar-TN all feed "ar", so Levantine and Maghreb month names come for free). A surface form
// that two locales of one language map to different values is dropped rather than guessed, and
// reported on stderr.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// table is the generated data for one primary language. Keys are surface forms as CLDR writes
// them; compare normalises them the same way it normalises article text.
type table struct {
	Lang         string             `json:"lang"`
	Locales      []string           `json:"locales"`
	Months       map[string]int     `json:"months,omitempty"`
	MonthsAbbr   map[string]int     `json:"months_abbr,omitempty"`
	Weekdays     map[string]int     `json:"weekdays,omitempty"`
	WeekdaysAbbr map[string]int     `json:"weekdays_abbr,omitempty"`
	RelDays      map[string]int     `json:"rel_days,omitempty"`
	RelPeriods   map[string]relPer  `json:"rel_periods,omitempty"`
	RelWeekdays  map[string][2]int  `json:"rel_weekdays,omitempty"`
	Units        map[string]string  `json:"units,omitempty"`
	CountedUnits map[string]counted `json:"counted_units,omitempty"`
	DirPrefix    map[string]string  `json:"dir_prefix,omitempty"`
	DirSuffix    map[string]string  `json:"dir_suffix,omitempty"`
	Order        string             `json:"order,omitempty"`
	DaySuffix    []string           `json:"day_suffix,omitempty"`
	MonthSuffix  []string           `json:"month_suffix,omitempty"`
	YearSuffix   []string           `json:"year_suffix,omitempty"`
	Decimal      []string           `json:"decimal,omitempty"`
	Group        []string           `json:"group,omitempty"`
	Scales       map[string]float64 `json:"scales,omitempty"`
	ScalesShort  map[string]float64 `json:"scales_short,omitempty"`
}

type relPer struct {
	Unit   string `json:"unit"`
	Offset int    `json:"offset"`
}

type counted struct {
	Unit  string `json:"unit"`
	Count int    `json:"count"`
}

// merger collects values per form and remembers forms that disagree.
type merger[V comparable] struct {
	vals map[string]V
	bad  map[string]bool
}

func newMerger[V comparable]() *merger[V] {
	return &merger[V]{vals: map[string]V{}, bad: map[string]bool{}}
}

func (m *merger[V]) add(form string, v V) {
	form = strings.TrimSpace(form)
	if form == "" {
		return
	}
	key := strings.ToLower(form)
	for f, old := range m.vals {
		if strings.ToLower(f) == key && old != v {
			m.bad[key] = true
		}
	}
	m.vals[form] = v
}

func (m *merger[V]) result(what, lang string) map[string]V {
	out := map[string]V{}
	for f, v := range m.vals {
		if m.bad[strings.ToLower(f)] {
			continue
		}
		out[f] = v
	}
	for k := range m.bad {
		fmt.Fprintf(os.Stderr, "gen-langdata: %s: %s form %q is ambiguous across locales, dropped\n", lang, what, k)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

type group struct {
	locales                 []string
	months, monthsAbbr      *merger[int]
	weekdays, weekdaysAbbr  *merger[int]
	relDays                 *merger[int]
	relPeriods              *merger[relPer]
	relWeekdays             *merger[[2]int]
	units                   *merger[string]
	countedUnits            *merger[counted]
	dirPrefix, dirSuffix    *merger[string]
	order                   string
	daySuf, monSuf, yearSuf map[string]bool
	decimal, grp            map[string]bool
	scales, scalesShort     *merger[float64]
}

func newGroup() *group {
	return &group{
		months: newMerger[int](), monthsAbbr: newMerger[int](),
		weekdays: newMerger[int](), weekdaysAbbr: newMerger[int](),
		relDays: newMerger[int](), relPeriods: newMerger[relPer](), relWeekdays: newMerger[[2]int](),
		units: newMerger[string](), countedUnits: newMerger[counted](),
		dirPrefix: newMerger[string](), dirSuffix: newMerger[string](),
		daySuf: map[string]bool{}, monSuf: map[string]bool{}, yearSuf: map[string]bool{},
		decimal: map[string]bool{}, grp: map[string]bool{},
		scales: newMerger[float64](), scalesShort: newMerger[float64](),
	}
}

func main() {
	cldr := flag.String("cldr", "/tmp/cldr/node_modules", "directory holding cldr-dates-full and cldr-numbers-full")
	out := flag.String("out", "assets/lang/cldr", "output directory")
	flag.Parse()
	if err := run(*cldr, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen-langdata:", err)
		os.Exit(1)
	}
}

func run(cldr, out string) error {
	datesDir := filepath.Join(cldr, "cldr-dates-full", "main")
	entries, err := os.ReadDir(datesDir)
	if err != nil {
		return fmt.Errorf("reading CLDR dates (run npm install cldr-dates-full cldr-numbers-full first): %w", err)
	}
	groups := map[string]*group{}
	for _, e := range entries {
		loc := e.Name()
		if loc == "root" || loc == "und" {
			continue
		}
		lang := strings.SplitN(loc, "-", 2)[0]
		if foreignScript(cldr, loc, lang) {
			// zh-Latn (pinyin) and the like would mix another script's words into the
			// language's tables; the base locale's script is the one articles use.
			continue
		}
		g := groups[lang]
		if g == nil {
			g = newGroup()
			groups[lang] = g
		}
		g.locales = append(g.locales, loc)
		if err := readDates(cldr, loc, lang, g); err != nil {
			return err
		}
		if err := readNumbers(cldr, loc, g); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	langs := make([]string, 0, len(groups))
	for l := range groups {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		g := groups[l]
		sort.Strings(g.locales)
		t := table{
			Lang: l, Locales: g.locales,
			Months: g.months.result("month", l), MonthsAbbr: g.monthsAbbr.result("month abbreviation", l),
			Weekdays: g.weekdays.result("weekday", l), WeekdaysAbbr: g.weekdaysAbbr.result("weekday abbreviation", l),
			RelDays: g.relDays.result("relative day", l), RelPeriods: g.relPeriods.result("relative period", l),
			RelWeekdays: g.relWeekdays.result("relative weekday", l),
			Units:       g.units.result("unit", l), CountedUnits: g.countedUnits.result("counted unit", l),
			DirPrefix: g.dirPrefix.result("direction prefix", l), DirSuffix: g.dirSuffix.result("direction suffix", l),
			Order: g.order, DaySuffix: keys(g.daySuf), MonthSuffix: keys(g.monSuf), YearSuffix: keys(g.yearSuf),
			Decimal: keys(g.decimal), Group: keys(g.grp),
			Scales: g.scales.result("scale", l), ScalesShort: g.scalesShort.result("short scale", l),
		}
		// A form that is both a full and an abbreviated month keeps the full role only.
		for f := range t.MonthsAbbr {
			if _, ok := t.Months[f]; ok {
				delete(t.MonthsAbbr, f)
			}
		}
		for f := range t.WeekdaysAbbr {
			if _, ok := t.Weekdays[f]; ok {
				delete(t.WeekdaysAbbr, f)
			}
		}
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, l+".json"), append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gen-langdata: wrote %d languages to %s\n", len(langs), out)
	return nil
}

// foreignScript reports whether loc names a Latin-script variant of a language whose base
// locale writes its month names in another script.
func foreignScript(cldr, loc, lang string) bool {
	if !strings.Contains(loc, "-Latn") || loc == lang {
		return false
	}
	ca, err := readJSON(filepath.Join(cldr, "cldr-dates-full", "main", lang, "ca-gregorian.json"))
	if err != nil {
		return false
	}
	s, _ := dig(ca, "main", lang, "dates", "calendars", "gregorian", "months", "format", "wide", "1").(string)
	for _, r := range s {
		if unicode.IsLetter(r) {
			return !unicode.Is(unicode.Latin, r)
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func readJSON(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// dig walks nested JSON objects.
func dig(v any, path ...string) any {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

var weekdayKeys = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func readDates(cldr, loc, lang string, g *group) error {
	ca, err := readJSON(filepath.Join(cldr, "cldr-dates-full", "main", loc, "ca-gregorian.json"))
	if err != nil {
		return err
	}
	greg := dig(ca, "main", loc, "dates", "calendars", "gregorian")
	for _, ctx := range []string{"format", "stand-alone"} {
		for width, m := range map[string]*merger[int]{"wide": g.months, "abbreviated": g.monthsAbbr} {
			for k, v := range obj(dig(greg, "months", ctx, width)) {
				n, _ := strconv.Atoi(k)
				if s, ok := v.(string); ok && !allDigits(s) {
					m.add(s, n)
				}
			}
		}
		for width, m := range map[string]*merger[int]{"wide": g.weekdays, "abbreviated": g.weekdaysAbbr, "short": g.weekdaysAbbr} {
			for i, k := range weekdayKeys {
				// One-letter abbreviations ("一", "M") are too ambiguous to be weekday names.
				if s, ok := dig(greg, "days", ctx, width, k).(string); ok && len([]rune(s)) > 1 {
					m.add(s, i)
				}
			}
		}
	}
	if s, ok := dig(greg, "dateFormats", "short").(string); ok && (loc == lang || g.order == "") {
		g.order = fieldOrder(s)
	}
	for _, k := range []string{"long", "full"} {
		if s, ok := dig(greg, "dateFormats", k).(string); ok {
			literalSuffixes(s, g)
		}
	}

	df, err := readJSON(filepath.Join(cldr, "cldr-dates-full", "main", loc, "dateFields.json"))
	if err != nil {
		return err
	}
	fields := obj(dig(df, "main", loc, "dates", "fields"))
	for _, w := range []string{"", "-short"} {
		for k, v := range obj(fields["day"+w]) {
			if off, ok := relOffset(k); ok {
				if s, ok := v.(string); ok {
					g.relDays.add(s, off)
				}
			}
		}
		for _, unit := range []string{"year", "month", "week"} {
			for k, v := range obj(fields[unit+w]) {
				if off, ok := relOffset(k); ok {
					if s, ok := v.(string); ok {
						g.relPeriods.add(s, relPer{unit, off})
					}
				}
			}
		}
		for i, wd := range weekdayKeys {
			for k, v := range obj(fields[wd+w]) {
				if off, ok := relOffset(k); ok && off != 0 {
					if s, ok := v.(string); ok {
						g.relWeekdays.add(s, [2]int{i, off})
					}
				}
			}
		}
		durationPatterns(fields, w, g)
	}
	return nil
}

func relOffset(k string) (int, bool) {
	if !strings.HasPrefix(k, "relative-type-") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(k, "relative-type-"))
	return n, err == nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// fieldOrder reads "d/M/yy" style patterns into "dmy", "mdy" or "ymd".
func fieldOrder(p string) string {
	var out []byte
	seen := map[byte]bool{}
	inQuote := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '\'' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		var f byte
		switch c {
		case 'd':
			f = 'd'
		case 'M', 'L':
			f = 'm'
		case 'y':
			f = 'y'
		}
		if f != 0 && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	if len(out) != 3 {
		return ""
	}
	return string(out)
}

var patField = regexp.MustCompile(`'[^']*'|[a-zA-Z]+|[^a-zA-Z']+`)

// literalSuffixes records the literal text CLDR's long date pattern writes right after the day,
// month and year fields ("d." in German, "d日" in Chinese, "y 'г'." in Russian, "d 'de'" in
// Spanish): compare accepts them as optional markers after each part.
func literalSuffixes(p string, g *group) {
	parts := patField.FindAllString(p, -1)
	for i, part := range parts {
		var dst map[string]bool
		switch {
		case strings.Trim(part, "d") == "":
			dst = g.daySuf
		case strings.Trim(part, "ML") == "" && len(part) <= 2:
			dst = g.monSuf // numeric month only: "M月"
		case strings.Trim(part, "y") == "":
			dst = g.yearSuf
		default:
			continue
		}
		lit := ""
		for j := i + 1; j < len(parts); j++ {
			q := parts[j]
			if strings.HasPrefix(q, "'") {
				lit += strings.Trim(q, "'")
				continue
			}
			if isLetters(q) {
				break
			}
			lit += q
		}
		lit = strings.TrimFunc(lit, func(r rune) bool {
			return unicode.IsSpace(r) || r == ',' || r == '\u200f' || r == '\u200e' || r == '،' || r == '/' || r == '-'
		})
		if lit != "" && len([]rune(lit)) <= 4 {
			dst[lit] = true
		}
	}
}

func isLetters(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

var unitFields = map[string]string{"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute", "second": "second"}

// durationPatterns splits CLDR's "in {0} days" / "{0} days ago" patterns into direction words
// (the words every unit's pattern shares) and unit forms (what is left).
func durationPatterns(fields map[string]any, w string, g *group) {
	for _, dir := range []string{"past", "future"} {
		type pat struct {
			unit  string
			count string
			text  string
		}
		var pats []pat
		for f, unit := range unitFields {
			for k, v := range obj(dig(fields, f+w, "relativeTime-type-"+dir)) {
				if s, ok := v.(string); ok {
					pats = append(pats, pat{unit, strings.TrimPrefix(k, "relativeTimePattern-count-"), s})
				}
			}
		}
		if len(pats) < 2 {
			continue
		}
		// Common prefix and suffix of the placeholder patterns, in words (or runes for scripts
		// written without spaces).
		var pre, suf []string
		first := true
		for _, p := range pats {
			i := strings.Index(p.text, "{0}")
			if i < 0 {
				continue
			}
			a, b := words(p.text[:i]), words(p.text[i+3:])
			if first {
				pre, suf, first = a, b, false
				continue
			}
			pre = commonPrefix(pre, a)
			suf = commonSuffix(suf, b)
		}
		if first {
			continue
		}
		if len(pre) > 0 {
			g.dirPrefix.add(join(pre), dir)
		}
		if len(suf) > 0 {
			g.dirSuffix.add(join(suf), dir)
		}
		for _, p := range pats {
			i := strings.Index(p.text, "{0}")
			if i >= 0 {
				rest := words(p.text[i+3:])
				before := words(p.text[:i])
				if len(rest) >= len(suf) {
					rest = rest[:len(rest)-len(suf)]
				}
				if len(before) >= len(pre) {
					before = before[len(pre):]
				}
				if u := join(rest); u != "" && len(before) == 0 {
					g.units.add(u, p.unit)
				}
				continue
			}
			// No placeholder: "قبل يومين" (two days ago), "hace un día".
			ws := words(p.text)
			if len(ws) > len(pre)+len(suf) && hasPrefix(ws, pre) && hasSuffix(ws, suf) {
				u := join(ws[len(pre) : len(ws)-len(suf)])
				n := map[string]int{"one": 1, "two": 2}[p.count]
				if n > 0 {
					g.countedUnits.add(u, counted{p.unit, n})
				}
			}
		}
	}
}

// words splits a pattern fragment into words; ideographs are words on their own so that Chinese
// "{0}天前" yields 天 and 前.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200f' || r == '\u200e':
			flush()
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			flush()
			out = append(out, string(r))
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

func join(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && !(isIdeo(w) && isIdeo(ws[i-1])) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func isIdeo(w string) bool {
	for _, r := range w {
		return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
	}
	return false
}

func commonPrefix(a, b []string) []string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

func commonSuffix(a, b []string) []string {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return a[len(a)-n:]
}

func hasPrefix(ws, p []string) bool { return len(commonPrefix(ws, p)) == len(p) }
func hasSuffix(ws, s []string) bool { return len(commonSuffix(ws, s)) == len(s) }

func readNumbers(cldr, loc string, g *group) error {
	nf, err := readJSON(filepath.Join(cldr, "cldr-numbers-full", "main", loc, "numbers.json"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	nums := obj(dig(nf, "main", loc, "numbers"))
	systems := []string{"latn"}
	if d, ok := nums["defaultNumberingSystem"].(string); ok && d != "latn" {
		systems = append(systems, d)
	}
	for _, ns := range systems {
		sym := obj(nums["symbols-numberSystem-"+ns])
		if s, ok := sym["decimal"].(string); ok {
			g.decimal[s] = true
		}
		if s, ok := sym["group"].(string); ok {
			g.grp[s] = true
		}
		for width, m := range map[string]*merger[float64]{"long": g.scales, "short": g.scalesShort} {
			for k, v := range obj(dig(nums, "decimalFormats-numberSystem-"+ns, width, "decimalFormat")) {
				s, ok := v.(string)
				if !ok || s == "0" {
					continue
				}
				mag, err := strconv.ParseFloat(strings.SplitN(k, "-", 2)[0], 64)
				if err != nil {
					continue
				}
				zeros := strings.Count(s, "0")
				if zeros == 0 {
					continue
				}
				scale := mag
				for i := 1; i < zeros; i++ {
					scale /= 10
				}
				word := strings.TrimFunc(strings.ReplaceAll(s, "0", ""), func(r rune) bool {
					return unicode.IsSpace(r) || r == '\u200f' || r == '\u200e' || r == '¤'
				})
				if word != "" && !strings.ContainsAny(word, "¤'") {
					m.add(word, scale)
				}
			}
		}
	}
	return nil
}
