package compare

import (
	"strings"
	"testing"
)

// Claim tests run the real extractor on short versions of one invented story in several
// languages, as `parallax analyze` does, and check what an analyst would be shown.

type claimDoc struct{ id, lang, pubTime, text string }

func analyzeClaimDocs(docs []claimDoc) Result {
	var ds []Document
	for _, d := range docs {
		ds = append(ds, Document{ID: d.id, Name: d.id, Lang: d.lang, Text: d.text,
			Published: d.pubTime[:10], PublishedTime: d.pubTime})
	}
	// Every version is about one event: the test is about claims, not clustering.
	over := map[string]string{}
	for _, d := range ds {
		over[d.ID] = "s"
	}
	return Analyze(ds, nil, AnalyzeOptions{StoryOverrides: over})
}

func numberFlags(res Result) []Discrepancy {
	var out []Discrepancy
	for _, d := range res.Discrepancies {
		if d.Kind == DiscNumber {
			out = append(out, d)
		}
	}
	return out
}

func TestClaimRelations(t *testing.T) {
	cases := []struct {
		name         string
		docs         []claimDoc
		wantRelation string // "" when no number flag is wanted
		wantSeverity string
	}{
		{
			name: "toll rises hour by hour: an update",
			docs: []claimDoc{
				{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. At least 12 people were killed, officials said.\n"},
				{"fr", "fr", "2024-05-01T20:00:00Z", "Un séisme a frappé l'est de la Turquie mardi. Le bilan s'élève à 35 morts, selon les autorités.\n"},
				{"es", "es", "2024-05-02T09:00:00Z", "Un terremoto sacudió el este de Turquía el martes. El sismo dejó 61 muertos, según las autoridades.\n"},
			},
			wantRelation: RelationUpdate, wantSeverity: SeverityMinor,
		},
		{
			name: "two tolls at the same hour: a contradiction",
			docs: []claimDoc{
				{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. At least 12 people were killed, officials said.\n"},
				{"de", "de", "2024-05-01T08:00:00Z", "Ein Erdbeben erschütterte am Dienstag den Osten der Türkei. Es gab 40 Tote, teilten die Behörden mit.\n"},
			},
			wantRelation: RelationContradiction, wantSeverity: SeverityMajor,
		},
		{
			name: "the same toll rounded: no flag",
			docs: []claimDoc{
				{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. More than 1,500 people were killed, officials said.\n"},
				{"fr", "fr", "2024-05-01T20:00:00Z", "Un séisme a frappé l'est de la Turquie mardi. Le bilan s'élève à 1 530 morts, selon les autorités.\n"},
			},
		},
		{
			// 7,830 rounds to 8,000, but "more than 8,000" rules it out: a later count.
			name: "a precise toll below a later 'more than' figure it rounds to: an update",
			docs: []claimDoc{
				{"fr", "fr", "2024-05-01T08:00:00Z", "Un séisme a frappé l'est de la Turquie mardi. Le bilan s'élève à 7 830 morts, selon les autorités.\n"},
				{"ru", "ru", "2024-05-01T20:00:00Z", "Во вторник землетрясение произошло на востоке Турции. Число погибших превысило 8000, сообщили власти.\n"},
				{"zh", "zh", "2024-05-02T09:00:00Z", "土耳其东部周二发生地震。当局说，已有8000多人死亡。\n"},
			},
			wantRelation: RelationUpdate, wantSeverity: SeverityMinor,
		},
		{
			name: "a precise toll above the 'more than' figure it rounds to: no flag",
			docs: []claimDoc{
				{"es", "es", "2024-05-01T08:00:00Z", "Un terremoto sacudió el este de Turquía el martes. El sismo dejó 8.120 muertos, según las autoridades.\n"},
				{"zh", "zh", "2024-05-02T09:00:00Z", "土耳其东部周二发生地震。当局说，已有8000多人死亡。\n"},
			},
		},
		{
			name: "a precise toll above an 'up to' figure it rounds to: a contradiction",
			docs: []claimDoc{
				{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. Up to 300 people were killed, officials said.\n"},
				{"de", "de", "2024-05-01T08:00:00Z", "Ein Erdbeben erschütterte am Dienstag den Osten der Türkei. Es gab 320 Tote, teilten die Behörden mit.\n"},
			},
			wantRelation: RelationContradiction, wantSeverity: SeverityMajor,
		},
		{
			name: "deaths and injured are different claims: no flag",
			docs: []claimDoc{
				{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. 12 people were killed, officials said.\n"},
				{"fr", "fr", "2024-05-01T08:00:00Z", "Un séisme a frappé l'est de la Turquie mardi. On compte 30 blessés, selon les autorités.\n"},
			},
		},
		{
			name: "a toll beside the year of a record it beats is still the toll: a contradiction",
			docs: []claimDoc{
				{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. At least 12 people were killed, officials said.\n"},
				{"de", "de", "2024-05-01T08:00:00Z", "Ein Erdbeben erschütterte am Dienstag den Osten der Türkei. Es ist das schwerste Beben seit 1939: Es gab 40 Tote, teilten die Behörden mit.\n"},
			},
			wantRelation: RelationContradiction, wantSeverity: SeverityMajor,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			flags := numberFlags(analyzeClaimDocs(c.docs))
			if c.wantRelation == "" {
				if len(flags) > 0 {
					t.Fatalf("want no number flag, got %q", flags[0].Summary)
				}
				return
			}
			if len(flags) != 1 {
				var s []string
				for _, f := range flags {
					s = append(s, f.Summary)
				}
				t.Fatalf("want one number flag, got %d: %q", len(flags), s)
			}
			f := flags[0]
			if f.Relation != c.wantRelation || f.Severity != c.wantSeverity || f.Claim != "deaths" {
				t.Errorf("relation %q severity %q claim %q, want %q %q deaths (%s)", f.Relation, f.Severity, f.Claim, c.wantRelation, c.wantSeverity, f.Summary)
			}
			arts := map[string]bool{}
			for _, m := range f.Members {
				arts[m.Article] = true
			}
			if len(arts) != len(c.docs) {
				t.Errorf("members name %d articles, want %d: %+v", len(arts), len(c.docs), f.Members)
			}
		})
	}
}

func TestConversionInsideOneArticle(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "The quake struck at a depth of 17.9 kilometres (29 miles) near the city.\n", true},
		{"en", "The quake struck at a depth of 17.9 kilometres (11 miles) near the city.\n", false},
		{"en", "The gas bubble was up to 1 km (1.6 miles) across.\n", true},
		{"fr", "La fuite mesure environ 1 km (0,6 mille) de diamètre.\n", false},
		{"de", "Die Brücke ist 19 Kilometer (12 Meilen) lang.\n", false},
		{"de", "Die Brücke ist 19 Kilometer (19 Meilen) lang.\n", true},
	}
	for _, c := range cases {
		res := Analyze([]Document{{ID: "a", Lang: c.lang, Text: c.text}}, nil, AnalyzeOptions{})
		got := false
		for _, d := range res.Discrepancies {
			if d.Kind == DiscInternal {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s %q: internal flag %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

func TestLoneMisspeltName(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2024-05-01T08:00:00Z", "The harbour master, Osman Kaya, said the ship ran aground on Tuesday. Kaya spoke to reporters.\n"},
		{"de", "de", "2024-05-01T09:00:00Z", "Hafenmeister Osman Kaya sagte, das Schiff sei am Dienstag auf Grund gelaufen.\n"},
		{"es", "es", "2024-05-01T10:00:00Z", "El capitán del puerto, Osmn Kaya, dijo que el buque encalló el martes.\n"},
		{"fr", "fr", "2024-05-01T11:00:00Z", "Le capitaine du port, Ousmane Kaya, a déclaré que le navire s'était échoué mardi.\n"},
	}
	res := analyzeClaimDocs(docs)
	var spelling []Discrepancy
	for _, d := range res.Discrepancies {
		if d.Kind == DiscSpelling {
			spelling = append(spelling, d)
		}
	}
	if len(spelling) != 1 || !strings.Contains(spelling[0].Summary, "Osmn") {
		var s []string
		for _, d := range spelling {
			s = append(s, d.Summary)
		}
		t.Fatalf("want one spelling flag on Osmn, got %q", s)
	}
}

func TestDateClaim(t *testing.T) {
	base := []claimDoc{
		{"en", "en", "2022-07-11T08:00:00Z", "The upper house election was held on 10 July 2022, two days after the attack.\n"},
		{"fr", "fr", "2022-07-11T09:00:00Z", "L'élection sénatoriale s'est tenue le 10 juillet 2022, deux jours après l'attaque.\n"},
	}
	odd := claimDoc{"zh", "zh", "2022-07-11T10:00:00Z", "参议院选举于2022年7月11日举行。\n"}
	same := claimDoc{"zh", "zh", "2022-07-11T10:00:00Z", "参议院选举于2022年7月10日举行。\n"}
	count := func(docs []claimDoc) int {
		n := 0
		for _, d := range analyzeClaimDocs(docs).Discrepancies {
			if d.Kind == DiscDate {
				n++
			}
		}
		return n
	}
	if n := count(append(append([]claimDoc{}, base...), odd)); n != 1 {
		t.Errorf("election dated 11 July in one version against 10 July in two: %d date flags, want 1", n)
	}
	if n := count(append(append([]claimDoc{}, base...), same)); n != 0 {
		t.Errorf("all versions agree: %d date flags, want 0", n)
	}
}

// TestIsDatelineDate: the day of a dateline (a short place heading the line, a comma, the
// date, then a dash, an agency in brackets or a stop) is told from a day that opens a
// sentence of the story, in each core script.
func TestIsDatelineDate(t *testing.T) {
	cases := []struct {
		line, date string
		want       bool
	}{
		{"LYON, France, March 3 — The river rose overnight.", "March 3", true},
		{"BERLIN, 3. März (dpa) - Der Fluss stieg in der Nacht.", "3. März", true},
		{"МИНСК, 3 марта. /ИТАР/. Река поднялась ночью.", "3 марта", true},
		{"Sevilla (España), 3 mar (EFE).- El río creció de noche.", "3 mar", true},
		{"LILLE (France), 3 mars (AFP) — La rivière a monté.", "3 mars", true},
		{"本报巴黎3月3日电 河水夜间上涨。", "3月3日", true},
		{"دمشق، 3 آذار (سانا) - ارتفع منسوب النهر ليلا.", "3 آذار", true},
		{"HÀ NỘI, 3/3 (TTXVN) - Nước sông dâng cao trong đêm.", "3/3", true},
		{"Trong đêm 3/3, nước sông dâng cao.", "3/3", false},
		{"On 3 March, the river rose overnight.", "3 March", false},
		{"3 марта президент посетил город.", "3 марта", false},
		{"Mardi soir, le porte-parole a parlé.", "Mardi soir", false},
		{"In the city, March 3 was a quiet day.", "March 3", false},
		{"The minister said on Tuesday, 3 March - a day late - that it rose.", "3 March", false},
	}
	for _, c := range cases {
		rs := []rune(c.line)
		start := strings.Index(c.line, c.date)
		if start < 0 {
			t.Fatalf("%q not in %q", c.date, c.line)
		}
		s := len([]rune(c.line[:start]))
		if got := isDatelineDate(rs, s, s+len([]rune(c.date))); got != c.want {
			t.Errorf("isDatelineDate(%q, %q) = %v, want %v", c.line, c.date, got, c.want)
		}
	}
}

// TestBareFigureRestatesItsClaim: a large figure said again without its noun (a headline,
// "far from the 4,210 of the Red Cross") joins the alignment of the article's figure of that
// value, even when that claim's values disagree across versions.
func TestBareFigureRestatesItsClaim(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2024-05-02T08:00:00Z", "Floods: the toll climbs\n\nThe floods in the valley have killed 4,210 people, the Red Cross said on Wednesday.\n"},
		{"es", "es", "2024-05-02T09:00:00Z", "Sanidad cifra en 2.950 los muertos, lejos de los 4.210 de la Cruz Roja\n\nLas autoridades elevaron a 2.950 el número de fallecidos en el valle, frente a los 4.210 muertos de la Cruz Roja.\n"},
		{"fr", "fr", "2024-05-02T10:00:00Z", "Inondations\n\nLes inondations dans la vallée ont fait 2 950 morts selon les autorités.\n"},
	}
	res := analyzeClaimDocs(docs)
	for _, al := range res.Alignments {
		if al.Kind != string(KindNumber) {
			continue
		}
		n := 0
		for _, m := range al.Members {
			if m.Article == "es" && m.Text == "4.210" {
				n++
			}
		}
		if n == 1 {
			t.Errorf("only one of the Spanish 4.210s is in the alignment: %+v", al.Members)
		}
	}
}

// TestNightSpansAlign: the same night written out in each version ("the night of 3 to 4
// March", "в ночь с 3 на 4 марта", "đêm 3/3 rạng sáng 4/3") aligns on its value alone: a
// span of days is rarer in a story than any single day.
func TestNightSpansAlign(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2024-03-06T08:00:00Z", "The river burst its banks on the night of 3 to 4 March, flooding the old town.\n"},
		{"ru", "ru", "2024-03-06T09:00:00Z", "Река вышла из берегов в ночь с 3 на 4 марта и затопила старый город.\n"},
		{"vi", "vi", "2024-03-06T10:00:00Z", "Nước sông tràn bờ vào đêm 3/3 rạng sáng 4/3, gây ngập khu phố cổ.\n"},
	}
	res := analyzeClaimDocs(docs)
	for _, al := range res.Alignments {
		if al.Kind == string(KindDate) && len(al.Members) == 3 {
			return
		}
	}
	t.Errorf("the three nights are not one alignment: %+v", res.Alignments)
}

// TestDayHalvesApart: dates of one day in opposite halves of it (before dawn, in the evening)
// are two events, and no chain of pairs puts them in one alignment.
func TestDayHalvesApart(t *testing.T) {
	docs := []claimDoc{
		{"de", "de", "2024-03-06T08:00:00Z", "Die erste Explosion bei Odessa ereignete sich am Dienstagmorgen, die zweite am Dienstagabend.\n"},
		{"zh", "zh", "2024-03-06T09:00:00Z", "敖德萨附近的第一次爆炸发生在5日凌晨，第二次爆炸发生在5日晚。\n"},
		{"en", "en", "2024-03-06T10:00:00Z", "The second blast near Odesa came on Tuesday evening, hours after the first on Tuesday morning.\n"},
	}
	res := analyzeClaimDocs(docs)
	for _, al := range res.Alignments {
		if al.Kind != string(KindDate) {
			continue
		}
		var texts []string
		for _, m := range al.Members {
			texts = append(texts, m.Text)
		}
		joined := strings.Join(texts, " | ")
		morning := strings.Contains(joined, "morgen") || strings.Contains(joined, "凌晨") || strings.Contains(joined, "morning")
		evening := strings.Contains(joined, "abend") || strings.Contains(joined, "晚") || strings.Contains(joined, "evening")
		if morning && evening {
			t.Errorf("one alignment holds both halves of the day: %s", joined)
		}
	}
}

// TestDayHalves: a date's half of the day comes from its part of day, else from a clock time
// right beside it, in each language's way of writing one; "night" and midday tell nothing.
func TestDayHalves(t *testing.T) {
	cases := []struct {
		lang, text, date string
		want             int
	}{
		{"en", "The first blast came at 2:03 a.m. on 26 September.", "26 September", -1},
		{"en", "The second came at 7:03 p.m. on 26 September.", "26 September", 1},
		{"fr", "La seconde a eu lieu lundi à 19 h 03 près de l'île.", "lundi", 1},
		{"de", "Die erste ereignete sich am Montag um 2.03 Uhr.", "Montag", -1},
		{"zh", "爆炸发生在26日凌晨。", "26日凌晨", -1},
		{"ru", "Второй взрыв произошел вечером 26 сентября.", "26 сентября", 1},
		{"en", "The ministry said on Monday that the count, last updated at 7:03 p.m. yesterday after a long night of work, stood at 40.", "Monday", 0},
	}
	for _, c := range cases {
		doc := Document{ID: "x", Lang: c.lang, Text: c.text, Published: "2022-09-27"}
		a := newArticle(doc, ExtractFacts(doc, Options{}))
		found := false
		for i, h := range dayHalves(a) {
			if f := a.facts[i]; f.Kind == KindDate && strings.Contains(f.Text, c.date) {
				found = true
				if h != c.want {
					t.Errorf("%s %q: half %d, want %d", c.lang, f.Text, h, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no date %q in %q", c.lang, c.date, c.text)
		}
	}
}

// TestLoneDayAligns: a day each version names once ("on Thursday", "am Donnerstag", "25日")
// aligns on its value even when the sentences share nothing else.
func TestLoneDayAligns(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2021-03-27T08:00:00Z", "Egypt halted all traffic through the waterway on Thursday as crews failed again.\n"},
		{"de", "de", "2021-03-27T09:00:00Z", "Die Behörde setzte den Verkehr am Donnerstag vollständig aus.\n"},
		{"zh", "zh", "2021-03-27T10:00:00Z", "管理局于25日宣布暂停通航。\n"},
	}
	res := analyzeClaimDocs(docs)
	for _, al := range res.Alignments {
		if al.Kind == string(KindDate) && len(al.Members) == 3 {
			return
		}
	}
	t.Errorf("the three Thursdays are not one alignment: %+v", res.Alignments)
}

// TestLoneFigureAligns: a figure of a hundred or more that each version states once aligns on
// its value, though its noun has no concept and the sentences share nothing else.
func TestLoneFigureAligns(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2022-07-08T08:00:00Z", "Surgeons gave him more than 100 units of blood.\n"},
		{"de", "de", "2022-07-08T09:00:00Z", "Die Ärzte verabreichten ihm mehr als 100 Blutkonserven.\n"},
		{"ru", "ru", "2022-07-08T10:00:00Z", "Ему перелили более 100 единиц крови.\n"},
	}
	res := analyzeClaimDocs(docs)
	for _, al := range res.Alignments {
		if al.Kind == string(KindNumber) && len(al.Members) == 3 {
			return
		}
	}
	t.Errorf("the three figures of 100 are not one alignment: %+v", res.Alignments)
}

// A past disaster's toll recalled as background (the 1999 earthquake, dated to its day) is
// another claim than this disaster's toll, even where it is the article's only figure of its
// kind: the two never share an alignment, so no update or contradiction can join them.
func TestBackgroundTollIsAnotherClaim(t *testing.T) {
	res := analyzeClaimDocs([]claimDoc{
		{"en", "en", "2024-05-01T08:00:00Z", "An earthquake struck eastern Turkey on Tuesday. At least 12,000 people were killed, officials said.\n"},
		{"fr", "fr", "2024-05-01T20:00:00Z", "Un séisme a frappé l'est de la Turquie mardi. Le pays n'avait pas connu pareille secousse depuis celle du 17 août 1999, qui avait fait 17 000 morts.\n"},
		{"zh", "zh", "2024-05-01T10:00:00Z", "土耳其东部周二发生强烈地震。1999年8月17日,土耳其西北部曾发生强震,造成1.7万多人死亡。\n"},
		{"ru", "ru", "2024-05-01T12:00:00Z", "Во вторник на востоке Турции произошло землетрясение. Землетрясение 17 августа 1999 года унесло жизни 17 тысяч человек.\n"},
	})
	for _, al := range res.Alignments {
		if al.Kind != string(KindNumber) {
			continue
		}
		var vals []string
		for _, m := range al.Members {
			vals = append(vals, m.Article+":"+m.Text)
		}
		joined := strings.Join(vals, " ")
		if strings.Contains(joined, "en:12,000") && len(al.Members) > 1 {
			t.Errorf("this earthquake's toll is aligned with other figures: %s", joined)
		}
	}
}

// TestUnitOnlyMeasureAligns: a length whose concept came from its unit alone ("a 1,240 km
// pipeline": distance) aligns with the same length a cue word names in another version
// ("1240 Kilometer lange", "длиной 1240 км", "全长1240公里"), but a measure of another value
// stays apart (the pipeline's 90 cm width is not its length).
func TestUnitOnlyMeasureAligns(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2021-05-10T08:00:00Z", "The operator shut its 1,240 km pipeline on Friday after a cyberattack. The line is 90 cm wide.\n"},
		{"de", "de", "2021-05-10T09:00:00Z", "Der Betreiber schloss am Freitag die 1240 Kilometer lange Leitung nach einem Cyberangriff.\n"},
		{"ru", "ru", "2021-05-10T10:00:00Z", "В пятницу оператор остановил трубопровод длиной 1240 км после кибератаки.\n"},
		{"zh", "zh", "2021-05-10T11:00:00Z", "运营商周五因网络攻击关闭了全长1240公里的管道。\n"},
	}
	text := map[string]string{}
	for _, d := range docs {
		text[d.id] = d.text
	}
	res := analyzeClaimDocs(docs)
	for _, al := range res.Alignments {
		if al.Kind != string(KindNumber) {
			continue
		}
		var texts []string
		for _, m := range al.Members {
			texts = append(texts, string([]rune(text[m.Article])[m.Start:m.End]))
		}
		joined := strings.Join(texts, " | ")
		if strings.Contains(joined, "90") {
			t.Errorf("the width joined a length: %s", joined)
		}
		if len(al.Members) == 4 {
			return
		}
	}
	t.Errorf("the four lengths of 1,240 km are not one alignment: %+v", res.Alignments)
}

// TestLonePastYearAligns: a year (or month) long past that each version names once aligns on
// its value though the sentences share nothing else ("the worst since 1939", "seit 1939",
// "1939年以来"); the event's own year, named in every version, gets no such lift.
func TestLonePastYearAligns(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2024-02-07T08:00:00Z", "Rescuers dug through the night. It is the deadliest disaster since 1939, officials said.\n"},
		{"de", "de", "2024-02-07T09:00:00Z", "Die Helfer gruben die ganze Nacht. Eine solche Katastrophe hat das Land seit 1939 nicht erlebt.\n"},
		{"ru", "ru", "2024-02-07T10:00:00Z", "Спасатели работали всю ночь. Это крупнейшая катастрофа в стране с 1939 года.\n"},
		{"zh", "zh", "2024-02-07T11:00:00Z", "救援人员彻夜搜救。这是该国自1939年以来最严重的灾难。\n"},
	}
	found := false
	for _, al := range analyzeClaimDocs(docs).Alignments {
		found = found || al.Kind == string(KindDate) && len(al.Members) == 4
	}
	if !found {
		t.Errorf("the four years 1939 are not one alignment")
	}
	// A month of last year, named once: the group was first seen last August.
	months := []claimDoc{
		{"en", "en", "2021-05-10T08:00:00Z", "The group was first seen in August 2020, researchers say.\n"},
		{"fr", "fr", "2021-05-10T09:00:00Z", "Le groupe est apparu en août 2020 selon des chercheurs.\n"},
		{"zh", "zh", "2021-05-10T11:00:00Z", "研究人员称，该组织于2020年8月首次出现。\n"},
	}
	for _, al := range analyzeClaimDocs(months).Alignments {
		if al.Kind == string(KindDate) && len(al.Members) == 3 {
			return
		}
	}
	t.Errorf("the three months of August 2020 are not one alignment")
}

func TestPastPeriod(t *testing.T) {
	a := &article{doc: Document{PublishedTime: "2024-02-07T08:00:00Z"}}
	for _, c := range []struct {
		value, prec string
		want        bool
	}{
		{"1939", PrecisionYear, true}, {"2022", PrecisionYear, true}, {"2024", PrecisionYear, false},
		{"2023", PrecisionYear, false}, {"1970/1979", PrecisionYear, true}, {"2021/2023", PrecisionYear, false},
		{"2023-08", PrecisionMonth, true}, {"2024-01", PrecisionMonth, true}, {"2024-02", PrecisionMonth, false},
		{"2024-02-01", PrecisionDay, false},
	} {
		f := Fact{Kind: KindDate, Value: c.value, Precision: c.prec}
		if got := pastPeriod(a, f); got != c.want {
			t.Errorf("pastPeriod(%s) = %v, want %v", c.value, got, c.want)
		}
	}
}

// TestLoneSmallFigureAligns: a figure of 13 to 99 that each version states once aligns on its
// value though the sentences share nothing else and only one side names what it counts; a
// figure a version states twice gets no such lift.
func TestLoneSmallFigureAligns(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2021-05-10T08:00:00Z", "Governors of 17 states signed orders on Monday.\n"},
		{"de", "de", "2021-05-10T09:00:00Z", "Inzwischen gilt der Notstand in 17 Bundesstaaten.\n"},
		{"zh", "zh", "2021-05-10T11:00:00Z", "目前已有17个州进入紧急状态。\n"},
	}
	for _, al := range analyzeClaimDocs(docs).Alignments {
		if al.Kind == string(KindNumber) && len(al.Members) == 3 {
			return
		}
	}
	t.Errorf("the three figures of 17 are not one alignment")
}
