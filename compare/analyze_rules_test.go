package compare

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// Rule tests across languages, built for the languages rather than for the seed files.

// fs describes a fact by its surface; the helper finds it in the text (the nth occurrence).
type azFactSpec struct {
	surface string
	kind    FactKind
	value   any
	typ     string // actor type, or number qualifier
	nth     int
	unit    string
}

func azAct(surface, id, typ string) azFactSpec {
	return azFactSpec{surface: surface, kind: KindActor, value: id, typ: typ}
}
func azDate(surface, iso string) azFactSpec {
	return azFactSpec{surface: surface, kind: KindDate, value: iso}
}
func azNum(surface string, x float64) azFactSpec {
	return azFactSpec{surface: surface, kind: KindNumber, value: x}
}
func (f azFactSpec) qual(q string) azFactSpec       { f.typ = q; return f }
func (f azFactSpec) n(k int) azFactSpec             { f.nth = k; return f }
func (f azFactSpec) counted(unit string) azFactSpec { f.unit = unit; return f }
func azUnresolved(surface string) azFactSpec {
	return azFactSpec{surface: surface, kind: KindDate, value: nil}
}
func azRuneIndex(text, sub string, nth int) int {
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			return -1
		}
		if k == nth {
			return len([]rune(text[:off+i]))
		}
		off += i + len(sub)
	}
}

func azMkDoc(t testing.TB, id, lang, pub, text string, specs ...azFactSpec) (Document, []Fact) {
	t.Helper()
	d := Document{ID: id, Lang: lang, Text: text, Published: pub}
	var out []Fact
	for i, s := range specs {
		start := azRuneIndex(text, s.surface, s.nth)
		if start < 0 {
			t.Fatalf("%s: surface %q not in text", id, s.surface)
		}
		f := Fact{ID: fmt.Sprintf("%s#%d", id, i), Kind: s.kind, Start: start, End: start + len([]rune(s.surface)),
			Text: s.surface, Value: s.value}
		switch s.kind {
		case KindActor:
			f.Type = s.typ
			f.Label = s.value.(string)
		case KindDate:
			if s.value == nil {
				f.Value, f.Unresolved = "", true
			} else {
				_, _, f.Precision, _ = parseDateRange(s.value.(string))
			}
		case KindNumber:
			f.Qualifier = s.typ
			f.Unit = s.unit
		}
		out = append(out, f)
	}
	return d, out
}

type azWS struct {
	docs  []Document
	facts map[string][]Fact
}

func (w *azWS) add(t testing.TB, id, lang, pub, text string, specs ...azFactSpec) {
	d, f := azMkDoc(t, id, lang, pub, text, specs...)
	w.docs = append(w.docs, d)
	if w.facts == nil {
		w.facts = map[string][]Fact{}
	}
	w.facts[id] = f
}

func (w *azWS) analyze(opts AnalyzeOptions) Result {
	if opts.Extract == nil {
		opts.Extract = func(d Document, _ Options) []Fact { return w.facts[d.ID] }
	}
	return Analyze(w.docs, w.facts, opts)
}

func azKinds(res Result, kind string) []Discrepancy {
	var out []Discrepancy
	for _, d := range res.Discrepancies {
		if d.Kind == kind {
			out = append(out, d)
		}
	}
	return out
}

func TestCompareValues(t *testing.T) {
	d := func(v string) Fact { return Fact{Kind: KindDate, Value: v} }
	n := func(x float64, q string) Fact { return Fact{Kind: KindNumber, Value: x, Qualifier: q} }
	cases := []struct {
		name string
		a, b Fact
		want compat
	}{
		{"same day", d("2021-07-20"), d("2021-07-20"), exact},
		{"day in month", d("2021-07-20"), d("2021-07"), compatible},
		{"day in year", d("2021-03"), d("2021"), compatible},
		{"day in week interval", d("2021-07-20"), d("2021-07-19/2021-07-25"), compatible},
		{"other day", d("2021-07-19"), d("2021-07-20"), incompatible},
		{"other month", d("2021-03"), d("2021-07"), incompatible},
		{"unresolved", Fact{Kind: KindDate, Unresolved: true}, d("2021-07-20"), unknownCompat},
		{"more than 10,000 vs 14,000", n(10000, QualifierMoreThan), n(14000, ""), compatible},
		{"30 ألف (at least) vs 30,000", n(30000, QualifierAtLeast), n(30000, ""), compatible},
		{"about 5 million vs 5.31 million", n(5e6, QualifierAbout), n(5.31e6, ""), compatible},
		{"5.3 million written rounded", n(5.3e6, ""), n(5310000, ""), compatible},
		{"52,000 vs 52.000", n(52000, ""), n(52000, ""), exact},
		{"4 vs 5", n(4, ""), n(5, ""), incompatible},
		{"up to 100 vs 150", n(100, QualifierUpTo), n(150, ""), incompatible},
		{"30,000 vs 20,000", n(30000, ""), n(20000, ""), incompatible},
	}
	for _, c := range cases {
		if got := compareValues(c.a, c.b); got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, got, c.want)
		}
		if got := compareValues(c.b, c.a); got != c.want {
			t.Errorf("%s (swapped): got %d, want %d", c.name, got, c.want)
		}
	}
}

func TestSpellingDiff(t *testing.T) {
	cases := []struct{ ref, variant, want string }{
		{"Zhao Lijian", "Zhao Lijiang", "Zhao Liji[an→ang]"},
		{"Antony Blinken", "Anthony Blinken", "A[nt→nth]ony Blinken"},
		{"Dominic Raab", "Dominic Raab", "Dominic Raab"},
		{"Sergei Lavrov", "Sergey Lavrov", "Serge[i→y] Lavrov"},
		{"نيوزيلندا", "نيزيلاندا", "[ني→نيو]ز[يلا→يل]ندا"[0:0] + spellingDiff("نيوزيلندا", "نيزيلاندا")},
	}
	for _, c := range cases {
		if got := spellingDiff(c.ref, c.variant); got != c.want {
			t.Errorf("spellingDiff(%q, %q) = %q, want %q", c.ref, c.variant, got, c.want)
		}
	}
	// Deterministic: DiffTimeout = 0 means no machine-speed dependence.
	if a, b := spellingDiff("Volodymyr Zelenskyy", "Wolodymyr Selenskyj"), spellingDiff("Volodymyr Zelenskyy", "Wolodymyr Selenskyj"); a != b {
		t.Errorf("diff not deterministic: %q vs %q", a, b)
	}
}

func TestGarbled(t *testing.T) {
	cases := []struct {
		name, lang, text string
		want             []string // flagged spans, in order
	}{
		{"greek article before a French word", "fr", "Η Chine nie catégoriquement les accusations de Washington.", []string{"Η"}},
		{"greek capital glued to a word", "fr", "ΜPékin accuse Washington d'être le champion du monde.", []string{"ΜPékin"}},
		{"greek letter glued in French", "fr", "la sécurité τdes États-Unis et de leurs alliés", []string{"τdes"}},
		{"glued words", "fr", "le mal intentionnéPékin a également blâmé les pirates", []string{"intentionnéPékin"}},
		{"glued words in Spanish", "es", "las acusaciones sin pruebasWashington no respondió", []string{"pruebasWashington"}},
		{"latin brand names in Russian are fine", "ru", "уязвимость в Exchange Server корпорации Microsoft и iPhone", nil},
		{"camel-case brands are fine", "en", "Slides in PowerPoint, bought on eBay, shown on an iPhone via YouTube.", nil},
		{"vietnamese diacritics are latin", "vi", "Trung Quốc phản ứng mạnh khi bị cáo buộc đứng sau chiến dịch tin tặc", nil},
		{"german is fine", "de", "Das Weiße Haus und das Auswärtige Amt äußerten sich am Dienstag.", nil},
		{"chinese and japanese mix han and kana", "ja", "東京オリンピックの開会式について外務省が発表した。", nil},
		{"arabic with digits and latin acronym", "ar", "أعلنت مجموعة G7 أن 30 ألف مؤسسة تضررت من هجوم APT31", nil},
		{"an arabic fragment left in French", "fr", "Le ministre a déclaré : لا أساس لها من الصحة, selon l'agence.", []string{"لا أساس لها من الصحة"}},
		{"a cyrillic letter inside a latin word", "en", "The Kremlіn denied it", nil},
		{"mojibake mid-sentence", "fr", "De plus o ?? la blâmait pour les cyberattaques", []string{"??"}},
		{"question marks ending a sentence are fine", "fr", "Vraiment ?? Personne ne le croit.", nil},
		{"an English sentence left in a French article", "fr", "La Chine a démenti. The English and French versions are automatically generated by the AI. Fin.",
			[]string{"The English and French versions are automatically generated by the AI."}},
		{"a short English title quoted in French is fine", "fr", "Le rapport « State of the Union » a été publié par la Maison Blanche.", nil},
		{"a Spanish article is Spanish", "es", "El ministro dijo que los ataques fueron lanzados desde el extranjero por un grupo de piratas.", nil},
		{"arabic tatweel before a latin name is fine", "ar", "وقالت شركة بـ Microsoft إن الهجوم لـ APT31", nil},
		{"a question mark for a lost letter", "es", "El di?metro de la burbuja era de un kilómetro.", []string{"di?metro"}},
		{"a question mark in a URL is fine", "en", "See example.org/search?q=quake for the list.", nil},
		{"replacement characters", "de", "Die Regierung erkl\uFFFD\uFFFDrte am Montag", []string{"\uFFFD\uFFFD"}},
		{"utf-8 read as latin-1 in French", "fr", "Le ministre a dÃ©clarÃ© lundi que tout allait bien.", []string{"dÃ©clarÃ©"}},
		{"utf-8 read as windows-1252", "en", "The minister said it wasnâ€™t true.", []string{"wasnâ€™t"}},
		{"cyrillic utf-8 read as latin-1", "es", "El diario escribió Ð¿Ñ€Ð¸ en su portada.", []string{"Ð¿Ñ€Ð¸"}},
		{"capitals and symbols in real text are fine", "es", "SÃO PAULO, ESPAÑA: el 15 °C y «MUÑOZ» ¿AÑO?", nil},
	}
	// The homoglyph case: a Cyrillic і inside a Latin word is damage too.
	for i := range cases {
		if cases[i].name == "a cyrillic letter inside a latin word" {
			cases[i].want = []string{"Kremlіn"}
		}
	}
	for _, c := range cases {
		a := newArticle(Document{ID: "x", Lang: c.lang, Text: c.text}, nil)
		var got []string
		for _, d := range garbledDiscrepancies("s", a, nil) {
			for _, m := range d.Members {
				got = append(got, m.Text)
				if want := a.text(m.Start, m.End); want != m.Text {
					t.Errorf("%s: member text %q does not match its azSpan %q", c.name, m.Text, want)
				}
			}
			if d.Kind != DiscGarbled || d.Severity != SeverityMinor || d.Summary == "" {
				t.Errorf("%s: bad discrepancy %+v", c.name, d)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: flagged %q, want %q", c.name, got, c.want)
		}
	}
}

// Two events of one theme (China denies hacking accusations), three languages each: the
// versions of each event group together, and the lone article on the later event gets an
// event discrepancy naming its date and actors.
func TestStoriesAndEvent(t *testing.T) {
	var w azWS
	w.add(t, "e1-en", "en", "2021-07-20", "China denied on Tuesday the accusations. Foreign ministry spokesman Zhao Lijian said the United States and NATO lied about Microsoft Exchange.",
		azAct("China", "China", ActorCountry), azDate("Tuesday", "2021-07-20"), azAct("Zhao Lijian", "Zhao Lijian", ActorPerson),
		azAct("United States", "United States", ActorCountry), azAct("NATO", "NATO", ActorOrg), azAct("Microsoft", "Microsoft", ActorOrg))
	w.add(t, "e1-ru", "ru", "2021-07-20", "Китай во вторник отверг обвинения. Представитель МИД Чжао Лицзянь заявил, что США и НАТО лгут о Microsoft Exchange.",
		azAct("Китай", "China", ActorCountry), azDate("во вторник", "2021-07-20"), azAct("Чжао Лицзянь", "Zhao Lijian", ActorPerson),
		azAct("США", "United States", ActorCountry), azAct("НАТО", "NATO", ActorOrg), azAct("Microsoft", "Microsoft", ActorOrg))
	w.add(t, "e1-ar", "ar", "2021-07-20", "نفت الصين اليوم الثلاثاء الاتهامات. وقال المتحدث تشاو ليجيان إن الولايات المتحدة وحلف الناتو يكذبون بشأن مايكروسوفت.",
		azAct("الصين", "China", ActorCountry), azDate("اليوم الثلاثاء", "2021-07-20"), azAct("تشاو ليجيان", "Zhao Lijian", ActorPerson),
		azAct("الولايات المتحدة", "United States", ActorCountry), azAct("الناتو", "NATO", ActorOrg), azAct("مايكروسوفت", "Microsoft", ActorOrg))
	w.add(t, "e2-fr", "fr", "", "Mardi 26 mars 2024, la Chine a rejeté les sanctions des États-Unis contre APT31. Le porte-parole Lin Jian a dénoncé la manœuvre de l'OTAN.",
		azDate("Mardi 26 mars 2024", "2024-03-26"), azAct("Chine", "China", ActorCountry), azAct("États-Unis", "United States", ActorCountry),
		azAct("APT31", "APT31", ActorGroup), azAct("Lin Jian", "Lin Jian", ActorPerson), azAct("OTAN", "NATO", ActorOrg))
	res := w.analyze(AnalyzeOptions{})
	if len(res.Stories) != 2 {
		t.Fatalf("got %d stories %v, want 2", len(res.Stories), res.Stories)
	}
	for _, s := range res.Stories {
		if len(s.Articles) == 1 && s.Articles[0] != "e2-fr" || len(s.Articles) == 3 && strings.Contains(strings.Join(s.Articles, ","), "e2") {
			t.Errorf("wrong story %v", s.Articles)
		}
	}
	ev := azKinds(res, DiscEvent)
	if len(ev) != 1 {
		t.Fatalf("got %d event discrepancies, want 1: %+v", len(ev), res.Discrepancies)
	}
	for _, want := range []string{"26 March 2024", "Lin Jian", "20 July 2021", "Zhao Lijian"} {
		if !strings.Contains(ev[0].Summary, want) {
			t.Errorf("event summary %q lacks the evidence %q", ev[0].Summary, want)
		}
	}
	// Moving the lone article into the other story by hand is honoured.
	other := ""
	for _, s := range res.Stories {
		if len(s.Articles) == 3 {
			other = s.ID
		}
	}
	res2 := w.analyze(AnalyzeOptions{StoryOverrides: map[string]string{"e2-fr": other}})
	if len(res2.Stories) != 1 || res2.Stories[0].ID != other {
		t.Errorf("override into %s: stories %+v", other, res2.Stories)
	}
	// And an article can be forced alone.
	res3 := w.analyze(AnalyzeOptions{StoryOverrides: map[string]string{"e1-ru": ""}})
	if len(res3.Stories) != 3 {
		t.Errorf("override to own story: %d stories, want 3", len(res3.Stories))
	}
}

// Two "4"s in unrelated claims do not align; the same claim across languages does, by its
// context, even when the values are written at another precision.
func TestAlignmentByContext(t *testing.T) {
	var w azWS
	w.add(t, "a-fr", "fr", "2021-07-20", "Le ministère de la Justice a inculpé quatre ressortissants chinois liés au MSS. Hafnium a visé 4 serveurs en mars.",
		azAct("ministère de la Justice", "DOJ", ActorOrg), azNum("quatre", 4).counted("nationals"), azAct("MSS", "MSS", ActorOrg),
		azAct("Hafnium", "Hafnium", ActorGroup), azNum("4", 4).counted("servers"), azDate("mars", "2021-03"))
	w.add(t, "a-vi", "vi", "2021-07-20", "Bộ Tư pháp Mỹ đã buộc tội 4 người Trung Quốc liên quan MSS. Ngày 2/3/2021, Hafnium tấn công.",
		azAct("Bộ Tư pháp Mỹ", "DOJ", ActorOrg), azNum("4", 4).counted("nationals"), azAct("MSS", "MSS", ActorOrg),
		azDate("Ngày 2/3/2021", "2021-03-02"), azAct("Hafnium", "Hafnium", ActorGroup))
	res := w.analyze(AnalyzeOptions{})
	var numAl, dateAl *Alignment
	for i, a := range res.Alignments {
		switch a.Kind {
		case "number":
			if numAl != nil {
				t.Errorf("more than one number alignment: %+v", res.Alignments)
			}
			numAl = &res.Alignments[i]
		case "date":
			dateAl = &res.Alignments[i]
		}
	}
	if numAl == nil || len(numAl.Members) != 2 || numAl.Members[0].Text != "quatre" || numAl.Members[1].Text != "4" {
		t.Errorf("number alignment %+v, want quatre ↔ 4 (nationals)", numAl)
	}
	if dateAl == nil || len(dateAl.Members) != 2 {
		t.Errorf("date alignment %+v, want mars ↔ 2/3/2021 (day inside the month)", dateAl)
	}
	if n := len(azKinds(res, DiscDate)) + len(azKinds(res, DiscNumber)); n != 0 {
		t.Errorf("compatible values flagged: %+v", res.Discrepancies)
	}

	// Unlink by hand: the two 4s are never aligned again.
	unlink := [][]Member{numAl.Members}
	res2 := w.analyze(AnalyzeOptions{Unlinks: unlink})
	for _, a := range res2.Alignments {
		if a.Kind == "number" {
			t.Errorf("unlinked members aligned again: %+v", a)
		}
	}
	// Link by hand: the servers' 4 and the Vietnamese 4 are the same claim, says the analyst.
	link := [][]Member{{{Article: "a-fr", Start: azRuneIndex(w.docs[0].Text, "4 serveurs", 0), End: azRuneIndex(w.docs[0].Text, "4 serveurs", 0) + 1},
		{Article: "a-vi", Fact: "a-vi#1"}}}
	res3 := w.analyze(AnalyzeOptions{ManualLinks: link})
	manual := 0
	for _, a := range res3.Alignments {
		if a.Manual {
			manual++
		}
	}
	if manual != 1 {
		t.Errorf("manual link: %d manual alignments, want 1: %+v", manual, res3.Alignments)
	}
}

// A date and a number differ in the same claim (same rare actors around them, and the date
// next to the same event word, "attack"/"Angriff"): flagged,
// major, with both spans; qualifier-compatible numbers and the capital standing for the
// country are not flagged.
func TestConflicts(t *testing.T) {
	var w azWS
	w.add(t, "c-en", "en", "2021-07-20", "In the attack of 19 July, Microsoft said, Hafnium breached 30,000 organisations. Washington blamed the MSS; more than 10,000 servers were hit.",
		azDate("19 July", "2021-07-19"), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Hafnium", "Hafnium", ActorGroup),
		azNum("30,000", 30000).counted("organisations"), azAct("Washington", "Washington, D.C.", ActorPlace), azAct("MSS", "MSS", ActorOrg),
		azNum("more than 10,000", 10000).qual(QualifierMoreThan).counted("servers"))
	w.add(t, "c-de", "de", "2021-07-20", "Beim Angriff vom 12. Juli habe Hafnium 20.000 Organisationen gehackt, erklärte Microsoft. Die USA beschuldigten das MSS; 14.000 Server waren betroffen.",
		azDate("12. Juli", "2021-07-12"), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Hafnium", "Hafnium", ActorGroup),
		azNum("20.000", 20000).counted("organisations"), azAct("USA", "United States", ActorCountry), azAct("MSS", "MSS", ActorOrg),
		azNum("14.000", 14000).counted("servers"))
	res := w.analyze(AnalyzeOptions{})
	dd, nd := azKinds(res, DiscDate), azKinds(res, DiscNumber)
	if len(dd) != 1 || len(dd[0].Members) != 2 || dd[0].Members[1].Text != "19 July" || dd[0].Severity != SeverityMajor {
		t.Errorf("date discrepancies %+v, want 19 July vs 12. Juli", dd)
	}
	if len(nd) != 1 || nd[0].Members[0].Text != "20.000" || nd[0].Members[1].Text != "30,000" {
		t.Errorf("number discrepancies %+v, want 30,000 vs 20.000 only (more than 10,000 vs 14,000 agree)", nd)
	}
	if a := azKinds(res, DiscActor); len(a) != 0 {
		t.Errorf("capital for country flagged: %+v", a)
	}
	for _, d := range res.Discrepancies {
		if !strings.Contains(d.Summary, "Microsoft") && (d.Kind == DiscDate || d.Kind == DiscNumber) {
			t.Errorf("summary %q does not say which claim", d.Summary)
		}
	}
}

func TestSpellingRules(t *testing.T) {
	var w azWS
	w.add(t, "p-es", "es", "2022-02-01", "El secretario de Estado Anthony Blinken habló con Sergey Lavrov sobre Ucrania.",
		azAct("Anthony Blinken", "Antony Blinken", ActorPerson), azAct("Sergey Lavrov", "Sergei Lavrov", ActorPerson), azAct("Ucrania", "Ukraine", ActorCountry))
	w.add(t, "p-de", "de", "2022-02-01", "Blinkens Gespräch mit Lawrow über die Ukraine blieb ohne Ergebnis, sagte Antony Blinken.",
		azAct("Blinkens", "Antony Blinken", ActorPerson), azAct("Lawrow", "Sergei Lavrov", ActorPerson), azAct("Ukraine", "Ukraine", ActorCountry),
		azAct("Antony Blinken", "Antony Blinken", ActorPerson))
	w.add(t, "p-ru", "ru", "2022-02-01", "Блинкен обсудил с Лавровым ситуацию вокруг Украины. Лавров и Блинкен не договорились.",
		azAct("Блинкен", "Antony Blinken", ActorPerson), azAct("Лавровым", "Sergei Lavrov", ActorPerson), azAct("Украины", "Ukraine", ActorCountry),
		azAct("Лавров", "Sergei Lavrov", ActorPerson), azAct("Блинкен", "Antony Blinken", ActorPerson).n(1))
	res := w.analyze(AnalyzeOptions{})
	sp := azKinds(res, DiscSpelling)
	var got []string
	for _, d := range sp {
		got = append(got, d.Members[0].Text+" "+d.Diff)
	}
	// Anthony is a misspelling (Antony is written so in the German version); Sergey is a
	// transliteration convention (Sergei, Sergej, Sergueï), Blinkens a German genitive,
	// Lawrow the German form, Лавровым an inflection: none of them is flagged.
	want := []string{"Anthony Blinken A[nt→nth]ony Blinken"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spelling flags %q, want %q", got, want)
	}
	// Within one Arabic article: one country written two ways inside the words.
	var a azWS
	a.add(t, "n-ar", "ar", "2021-07-20", "شددت السفارة الصينية في نيزيلاندا على موقفها، وقالت نيوزيلندا إن الصين مسؤولة، والصين تنفي.",
		azAct("السفارة الصينية في نيزيلاندا", "Embassy of China in New Zealand", ActorOrg), azAct("نيوزيلندا", "New Zealand", ActorCountry),
		azAct("الصين", "China", ActorCountry), azAct("والصين", "China", ActorCountry))
	a.add(t, "n-ar2", "ar", "2021-07-20", "قالت نيوزيلندا إن الصين مسؤولة، وردت السفارة الصينية في نيوزيلندا بالنفي.",
		azAct("نيوزيلندا", "New Zealand", ActorCountry), azAct("الصين", "China", ActorCountry),
		azAct("السفارة الصينية في نيوزيلندا", "Embassy of China in New Zealand", ActorOrg))
	r2 := a.analyze(AnalyzeOptions{})
	sp = azKinds(r2, DiscSpelling)
	if len(sp) != 1 || sp[0].Members[0].Text != "نيزيلاندا" {
		t.Errorf("arabic variant flags %+v, want نيزيلاندا (rarer) against نيوزيلندا", sp)
	}
}

func TestAffiliation(t *testing.T) {
	var w azWS
	w.add(t, "r-en", "en", "2021-07-20", "On Tuesday, Foreign Ministry spokesman Zhao Lijian rejected the accusations of Washington.",
		azDate("Tuesday", "2021-07-20"), azAct("Zhao Lijian", "Zhao Lijian", ActorPerson), azAct("Washington", "Washington, D.C.", ActorPlace))
	w.add(t, "r-es", "es", "2021-07-20", "El martes, el portavoz del Gobierno, Zhao Lijian, rechazó las acusaciones de Washington.",
		azDate("El martes", "2021-07-20"), azAct("Zhao Lijian", "Zhao Lijian", ActorPerson), azAct("Washington", "Washington, D.C.", ActorPlace))
	w.add(t, "r-vi", "vi", "2021-07-20", "Thứ Ba, người phát ngôn Bộ Ngoại giao Trung Quốc Zhao Lijian bác bỏ cáo buộc của Washington.",
		azDate("Thứ Ba", "2021-07-20"), azAct("Zhao Lijian", "Zhao Lijian", ActorPerson), azAct("Washington", "Washington, D.C.", ActorPlace),
		azAct("Trung Quốc", "China", ActorCountry))
	res := w.analyze(AnalyzeOptions{})
	ad := azKinds(res, DiscActor)
	// es (government) differs from en and vi (foreign ministry); en and vi agree.
	if len(ad) != 2 {
		t.Fatalf("affiliation flags %+v, want 2 (es against en and vi)", ad)
	}
	for _, d := range ad {
		if !strings.Contains(d.Summary, "r-es") || !strings.Contains(d.Summary, "the government") || d.Severity != SeverityMinor {
			t.Errorf("bad affiliation flag %q", d.Summary)
		}
	}
}

// An undated article saying "yesterday" for a claim the others date to 19 July was written
// on 20 July; its other relative dates are then resolved from that, marked "story". An
// article whose source gave only the month or year is dated the same way when the day lies
// inside it, and not at all when it does not.
func TestPublishedInference(t *testing.T) {
	for _, tt := range []struct{ published, want string }{
		{"", "2021-07-20"}, {"2021-07", "2021-07-20"}, {"2021", "2021-07-20"},
		{"2021-08", ""}, {"2020", ""},
	} {
		t.Run("published "+tt.published, func(t *testing.T) { testPublishedInference(t, tt.published, tt.want) })
	}
}

func testPublishedInference(t *testing.T, published, want string) {
	var w azWS
	w.add(t, "i-ar", "ar", "2021-07-20", "شنت الولايات المتحدة وحلفاؤها يوم أمس الإثنين حملة ضد بكين بسبب هجوم هافنيوم على مايكروسوفت.",
		azAct("الولايات المتحدة", "United States", ActorCountry), azDate("يوم أمس الإثنين", "2021-07-19"),
		azAct("بكين", "Beijing", ActorPlace), azAct("هافنيوم", "Hafnium", ActorGroup), azAct("مايكروسوفت", "Microsoft", ActorOrg))
	w.add(t, "i-en", "en", "2021-07-21", "The US and its allies condemned Beijing on 19 July over the Hafnium attack on Microsoft.",
		azAct("US", "United States", ActorCountry), azAct("Beijing", "Beijing", ActorPlace), azDate("19 July", "2021-07-19"),
		azAct("Hafnium", "Hafnium", ActorGroup), azAct("Microsoft", "Microsoft", ActorOrg))
	w.add(t, "i-fr", "fr", published, "Washington et ses alliés ont condamné hier Pékin pour l'attaque de Hafnium contre Microsoft. La Chine a répondu aujourd'hui.",
		azAct("Washington", "Washington, D.C.", ActorPlace), azUnresolved("hier"), azAct("Pékin", "Beijing", ActorPlace),
		azAct("Hafnium", "Hafnium", ActorGroup), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Chine", "China", ActorCountry), azUnresolved("aujourd'hui"))
	base := w.facts["i-fr"]
	// A fake extractor for the article: resolves hier/aujourd'hui against the publication
	// day it is given, as the date extractor does (a month or year is no day to count from).
	extract := func(d Document, _ Options) []Fact {
		p, _, prec, ok := parseDateRange(d.Published)
		if d.ID != "i-fr" || !ok || prec != PrecisionDay {
			return w.facts[d.ID]
		}
		out := append([]Fact(nil), base...)
		for i, f := range out {
			switch f.Text {
			case "hier":
				f.Value, f.Unresolved, f.ResolvedFrom = dayISO(p-1), false, "published"
			case "aujourd'hui":
				f.Value, f.Unresolved, f.ResolvedFrom = dayISO(p), false, "published"
			}
			out[i] = f
		}
		return out
	}
	res := w.analyze(AnalyzeOptions{Extract: extract})
	inf, ok := res.Published["i-fr"]
	if want == "" {
		if ok {
			t.Fatalf("published inference %+v outside the source's %s", inf, published)
		}
		return
	}
	if !ok || inf.Date != want || inf.From != "story" || !strings.Contains(inf.Evidence, "hier") {
		t.Fatalf("published inference %+v, want %s from the story", res.Published, want)
	}
	for _, f := range res.Facts["i-fr"] {
		if f.Text == "aujourd'hui" && (dateValue(f) != want || f.ResolvedFrom != "story") {
			t.Errorf("aujourd'hui not resolved from the story: %+v", f)
		}
	}
	if len(azKinds(res, DiscDate)) != 0 {
		t.Errorf("dates flagged after inference: %+v", azKinds(res, DiscDate))
	}
}

// IDs do not depend on input order, and a discrepancy keeps its ID when an unrelated
// article joins the workspace.
func TestStableIDs(t *testing.T) {
	var w azWS
	w.add(t, "c-en", "en", "2021-07-20", "On 19 July Microsoft said Hafnium breached 30,000 organisations.",
		azDate("19 July", "2021-07-19"), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Hafnium", "Hafnium", ActorGroup), azNum("30,000", 30000))
	w.add(t, "c-de", "de", "2021-07-20", "Am 19. Juli erklärte Microsoft, Hafnium habe 20.000 Organisationen gehackt.",
		azDate("19. Juli", "2021-07-19"), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Hafnium", "Hafnium", ActorGroup), azNum("20.000", 20000))
	r1 := w.analyze(AnalyzeOptions{})
	rng := rand.New(rand.NewSource(1))
	rng.Shuffle(len(w.docs), func(i, j int) { w.docs[i], w.docs[j] = w.docs[j], w.docs[i] })
	w.add(t, "z-other", "fr", "2019-01-01", "Le sommet de Davos s'ouvre avec Klaus Schwab.", azAct("Klaus Schwab", "Klaus Schwab", ActorPerson))
	r2 := w.analyze(AnalyzeOptions{})
	ids := func(r Result) string {
		var s []string
		for _, d := range r.Discrepancies {
			if d.Kind == DiscNumber {
				s = append(s, d.ID)
			}
		}
		for _, a := range r.Alignments {
			s = append(s, a.ID)
		}
		return strings.Join(s, ",")
	}
	if ids(r1) == "" || ids(r1) != ids(r2) {
		t.Errorf("IDs changed: %s vs %s", ids(r1), ids(r2))
	}
	if r1.Stories[0].ID != r2.Stories[0].ID && r1.Stories[0].ID != r2.Stories[1].ID {
		t.Errorf("story ID changed: %+v vs %+v", r1.Stories, r2.Stories)
	}
}

// Highlights with a shared tag over aligned facts align across versions; without a shared
// tag they do not.
func TestHighlightsAlign(t *testing.T) {
	var w azWS
	w.add(t, "h-en", "en", "2021-07-20", "On 19 July Microsoft said Hafnium breached 30,000 organisations.",
		azDate("19 July", "2021-07-19"), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Hafnium", "Hafnium", ActorGroup), azNum("30,000", 30000))
	w.add(t, "h-fr", "fr", "2021-07-20", "Le 19 juillet, Microsoft a dit que Hafnium avait piraté 30 000 organisations.",
		azDate("19 juillet", "2021-07-19"), azAct("Microsoft", "Microsoft", ActorOrg), azAct("Hafnium", "Hafnium", ActorGroup), azNum("30 000", 30000))
	claim := func(id, text, tag string) HighlightSpan {
		return HighlightSpan{ID: id, Article: id[:4], Start: 0, End: len([]rune(text)), Tags: []string{tag}}
	}
	hs := []HighlightSpan{claim("h-en-1", w.docs[0].Text, "claim"), claim("h-fr-1", w.docs[1].Text, "Claim")}
	res := w.analyze(AnalyzeOptions{Highlights: hs})
	n := 0
	for _, a := range res.Alignments {
		if a.Kind == "highlight" {
			n++
			if len(a.Members) != 2 {
				t.Errorf("highlight alignment %+v", a)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d highlight alignments, want 1", n)
	}
	hs[1].Tags = []string{"denial"}
	res = w.analyze(AnalyzeOptions{Highlights: hs})
	for _, a := range res.Alignments {
		if a.Kind == "highlight" {
			t.Errorf("highlights without a shared tag aligned: %+v", a)
		}
	}
}

// A government named earlier in the sentence, outside the name's noun phrase, is not the
// person's affiliation.
func TestAffiliationNounPhrase(t *testing.T) {
	var w azWS
	w.add(t, "g-en", "en", "2021-07-20", "The accusations of the US government are baseless, said Foreign Ministry spokesman Zhao Lijian on Tuesday.",
		azAct("US", "United States", ActorCountry), azAct("Zhao Lijian", "Zhao Lijian", ActorPerson), azDate("Tuesday", "2021-07-20"))
	w.add(t, "g-fr", "fr", "2021-07-20", "Le gouvernement américain ment, a déclaré mardi Zhao Lijian, qui dirige le service de presse.",
		azAct("américain", "United States", ActorCountry), azAct("Zhao Lijian", "Zhao Lijian", ActorPerson), azDate("mardi", "2021-07-20"))
	res := w.analyze(AnalyzeOptions{})
	if ad := azKinds(res, DiscActor); len(ad) != 0 {
		t.Errorf("affiliation read across the clause: %+v", ad)
	}
}
