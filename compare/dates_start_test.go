package compare

import (
	"testing"
)

// dateStartSentences are dates that begin with each kind of first step the grammar has, in
// every language: digits, month and weekday names, relative words, direction words, number
// words (Han numerals, a number written as one word), articles, counted units, parts of the
// day, nights, interval frames, decades and seasons.
var dateStartSentences = []struct{ lang, text string }{
	{"ar", "قال يوم الأحد إن الاجتماع عقد قبل ثلاثة أيام"},
	{"ar", "وصل الوفد أمس بعد يومين من الانفجار"},
	{"ar", "في السبعينيات من القرن الماضي ومساء الأحد 5 آذار/مارس 2023"},
	{"ar", "من 2011 إلى 2018 وفي ليل الأحد إلى الاثنين"},
	{"de", "Am Dienstag, den 14. März 2023, sagte er, vor drei Wochen"},
	{"de", "zweiundzwanzig Jahre zuvor und dreiundzwanzig Tage danach"},
	{"de", "in den 90er Jahren und im Sommer 2021, Montagabend"},
	{"de", "in der Nacht zum Montag und vom 3. bis 5. Mai"},
	{"en", "On Tuesday, March 14, 2023, a week ago, three days later"},
	{"en", "early July, in the 1970s, the night of Sunday to Monday"},
	{"en", "from 2011 to 2018, last year, yesterday evening"},
	{"es", "el lunes 13 de marzo de 2023, hace dos semanas, en los años setenta"},
	{"es", "a las 18.50 del martes y desde 2011 hasta 2018, el verano de 2021"},
	{"fr", "le premier mai, il y a une semaine, la veille au soir"},
	{"fr", "dans la nuit de dimanche à lundi, de 2011 à 2018, les années 1970"},
	{"fr", "mardi 14 mars 2023, trois jours plus tard, l'an dernier"},
	{"ru", "во вторник, 14 марта 2023 года, три дня назад, утром в субботу"},
	{"ru", "в ночь на понедельник, с 2011 по 2018 год, тринадцатого января"},
	{"ru", "в 1970-х годах, летом 2021 года, в прошлом месяце"},
	{"vi", "Thứ Ba, ngày 14/3/2023, ba ngày trước, hôm qua"},
	{"vi", "từ năm 2011 đến năm 2018, đêm 10/9 rạng sáng 11/9, những năm 1970"},
	{"zh", "2023年3月14日，三天前，周二晚间，今冬，去年1月"},
	{"zh", "两年前的28日晚至29日凌晨，2011至2018年，上周二"},
}

// TestDateStartFilter checks that the date grammar finds nothing at a token mayStartDate
// skips: in the sentences above, the dev half of the corpus and the sample articles, each
// read with its own language's lexicon and with the merged one.
func TestDateStartFilter(t *testing.T) {
	check := func(name string, d Document) {
		for _, lang := range []string{d.Lang, ""} {
			sc := newScan(d.Text, lexiconFor(lang))
			for i := range sc.toks {
				if sc.toks[i].url || sc.mayStartDate(i) {
					continue
				}
				if got, ok := sc.parseAt(i); ok && got.e > i {
					t.Errorf("%s (%q lexicon): a date starts at %q (token %d) but mayStartDate skips it: %q",
						name, lang, sc.tokText(i), i, sc.text[sc.toks[got.s].bstart:sc.toks[got.e-1].bend])
				}
			}
		}
	}
	for _, c := range dateStartSentences {
		check(c.lang+" "+c.text, Document{Lang: c.lang, Text: c.text})
	}
	for _, c := range extractCases {
		check(c.lang+" "+c.text, Document{Lang: c.lang, Text: c.text})
	}
	for _, d := range devCorpusDocs(t) {
		check(d.ID, d)
	}
	seeds, _ := azLoadSeeds(t)
	for _, d := range seeds {
		check("seed "+d.ID, d)
	}
}

// TestDateStartFilterSkips checks that the filter lets ordinary words through untried, and
// that the dates of the sentences above are still found where they start.
func TestDateStartFilterSkips(t *testing.T) {
	cases := []struct {
		lang, text string
		skip, try  []string // words mayStartDate must skip / must try
	}{
		{"en", "The minister said three days later", []string{"minister", "said", "days"}, []string{"three"}},
		{"fr", "Le ministre a parlé mardi", []string{"ministre", "parlé"}, []string{"mardi"}},
		{"de", "Die Regierung nannte dreiundzwanzig Tage", []string{"regierung", "nannte"}, []string{"dreiundzwanzig"}},
		{"ru", "Министр сказал во вторник", []string{"министр", "сказал"}, []string{"во", "вторник"}},
		{"ar", "قال الوزير يوم الأحد", []string{"قال", "الوزير"}, []string{"يوم"}},
		{"es", "El ministro habló hace dos días", []string{"ministro", "habló"}, []string{"hace", "dos"}},
		{"vi", "Bộ trưởng phát biểu hôm qua", []string{"trưởng", "phát"}, []string{"hôm"}},
		{"zh", "部长三天前表示", []string{"部", "长", "表"}, []string{"三"}},
	}
	for _, c := range cases {
		sc := newScan(c.text, lexiconFor(c.lang))
		want := map[string]bool{}
		for _, w := range c.skip {
			want[w] = false
		}
		for _, w := range c.try {
			want[w] = true
		}
		seen := map[string]bool{}
		for i, tk := range sc.toks {
			w, ok := want[tk.key]
			if !ok {
				continue
			}
			seen[tk.key] = true
			if got := sc.mayStartDate(i); got != w {
				t.Errorf("%s %q: mayStartDate(%q) = %v, want %v", c.lang, c.text, tk.key, got, w)
			}
		}
		for w := range want {
			if !seen[w] {
				t.Errorf("%s %q: no token %q", c.lang, c.text, w)
			}
		}
	}
}

// TestMayBeCompoundNumeral checks that the head filter passes every number written as one
// word and stops words that begin as no numeral does.
func TestMayBeCompoundNumeral(t *testing.T) {
	lx := lexiconFor("de")
	for _, w := range []string{"dreiundzwanzig", "sechstausend", "zweihundertfünfzig", "einundvierzig", "fünfundsiebzig"} {
		if _, ok := lx.compoundNumeral(w); !ok {
			t.Errorf("compoundNumeral(%q) fails", w)
		}
		if !lx.mayBeCompoundNumeral(w) {
			t.Errorf("mayBeCompoundNumeral(%q) = false for a numeral", w)
		}
	}
	for _, w := range []string{"regierung", "bundeskanzler", "hafen"} {
		if lx.mayBeCompoundNumeral(w) {
			t.Errorf("mayBeCompoundNumeral(%q) = true", w)
		}
	}
	if h, n := numeralHeads(map[string]float64{"drei": 3, "zwanzig": 20}, []string{"und"}); n != 3 || !h["dre"] || !h["zwa"] || !h["und"] || len(h) != 3 {
		t.Errorf("numeralHeads = %v, %d", h, n)
	}
	if h, n := numeralHeads(map[string]float64{"drei": 3}, []string{""}); n != 0 || h != nil {
		t.Errorf("numeralHeads with an empty joiner = %v, %d; want no filter", h, n)
	}
}
