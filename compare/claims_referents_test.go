package compare

import (
	"strings"
	"testing"
)

// TestClaimsOfCountedThings: figures counted by a noun that has a concept (shots, leaks,
// tugs) or written as an adjective ("трехмесячный") are claims: two versions that give
// them differently are flagged, on the right claim.
func TestClaimsOfCountedThings(t *testing.T) {
	cases := []struct {
		name, claim string
		docs        []claimDoc
	}{
		{"shots: two against three", "shots", []claimDoc{
			{"en", "en", "2022-07-08T10:00:00Z", "The gunman fired two shots at Shinzo Abe in Nara on Friday, police said.\n"},
			{"ru", "ru", "2022-07-08T10:00:00Z", "Нападавший произвел три выстрела в Синдзо Абэ в Наре в пятницу, сообщила полиция.\n"},
		}},
		{"leaks: three against four, days apart: an update", "leaks", []claimDoc{
			{"de", "de", "2022-09-27T12:00:00Z", "Nach Angaben der dänischen Behörden gibt es an Nord Stream inzwischen drei Lecks nahe Bornholm.\n"},
			{"es", "es", "2022-09-30T10:00:00Z", "Según las autoridades, hay en total cuatro fugas en Nord Stream cerca de Bornholm.\n"},
		}},
		{"a state of emergency: three months against six", "duration", []claimDoc{
			{"de", "de", "2023-02-07T18:00:00Z", "Recep Tayyip Erdoğan verhängte am Dienstag für sechs Monate den Ausnahmezustand im Süden der Türkei.\n"},
			{"ru", "ru", "2023-02-07T18:00:00Z", "Реджеп Тайип Эрдоган объявил во вторник трехмесячный режим чрезвычайного положения на юге Турции.\n"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			flags := numberFlags(analyzeClaimDocs(c.docs))
			var got []string
			for _, f := range flags {
				if f.Claim == c.claim {
					return
				}
				got = append(got, f.Claim+": "+f.Summary)
			}
			t.Errorf("no number flag on the %s claim (flags: %q)", c.claim, got)
		})
	}
}

// TestDistinctReferentsAreNotConflicts: an article that gives two values of one concept for
// two different things (two tremors, a length and a span read as two lengths, two shares)
// does not contradict a version that names only one of them.
func TestDistinctReferentsAreNotConflicts(t *testing.T) {
	cases := []struct {
		name string
		docs []claimDoc
	}{
		{"two tremors", []claimDoc{
			{"en", "en", "2022-09-27T10:00:00Z", "Swedish seismologists recorded two underwater explosions near Bornholm on Monday, of magnitude 2.1 and 2.3.\n"},
			{"fr", "fr", "2022-09-27T10:00:00Z", "Les sismologues suédois ont enregistré lundi près de Bornholm une explosion de magnitude 2,1.\n"},
			{"es", "es", "2022-09-27T10:00:00Z", "Los sismólogos suecos registraron el lunes cerca de Bornholm una explosión de magnitud 2,3.\n"},
		}},
		{"two lengths", []claimDoc{
			{"en", "en", "2021-03-25T10:00:00Z", "The Ever Given is 400 metres long. Its bow section alone is 59 metres long, engineers in Suez said.\n"},
			{"de", "de", "2021-03-25T10:00:00Z", "Die Ever Given ist 400 Meter lang, teilten Ingenieure in Suez mit.\n"},
		}},
		{"two shares", []claimDoc{
			{"en", "en", "2022-09-28T10:00:00Z", "Denmark said 33% of the gas in Nord Stream had escaped and 50% of the emissions came from one line.\n"},
			{"fr", "fr", "2022-09-28T10:00:00Z", "Le Danemark estime que 50 % des émissions de Nord Stream proviennent d'une seule conduite.\n"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range numberFlags(analyzeClaimDocs(c.docs)) {
				t.Errorf("false flag: %s", f.Summary)
			}
		})
	}
}

// TestClaimFlagsIgnoreArticleNames: the same versions under other names give the same
// flags (values are clustered in an order fixed by what they say).
func TestClaimFlagsIgnoreArticleNames(t *testing.T) {
	docs := []claimDoc{
		{"a", "en", "2021-03-27T10:00:00Z", "The canal authority says it loses between 12 and 14 million dollars a day, Osama Rabie said in Suez.\n"},
		{"b", "de", "2021-03-27T10:00:00Z", "Analysten zufolge verliert die Kanalbehörde täglich 15 Millionen Dollar, sagte Osama Rabie in Suez.\n"},
		{"c", "es", "2021-03-27T10:00:00Z", "El canal pierde al menos 12 millones de dólares al día, dijo Osama Rabie en Suez.\n"},
	}
	summaries := func(ds []claimDoc) string {
		var s []string
		for _, f := range numberFlags(analyzeClaimDocs(ds)) {
			s = append(s, f.Claim+"|"+f.Relation+"|"+f.Severity)
		}
		return strings.Join(s, ";")
	}
	want := summaries(docs)
	renamed := []claimDoc{docs[2], docs[0], docs[1]}
	renamed[0].id, renamed[1].id, renamed[2].id = "z", "y", "x"
	if got := summaries(renamed); got != want {
		t.Errorf("renaming the articles changed the number flags: %q, was %q", got, want)
	}
}

// TestLikeValuesPairFirst: when two versions both give two values of one concept (the main
// shock and the second), each value aligns with its equal, never across.
func TestLikeValuesPairFirst(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2023-02-06T10:00:00Z", "A magnitude 7.8 earthquake struck southern Turkey on Monday, and a second quake of magnitude 7.5 followed hours later near Elbistan.\n"},
		{"fr", "fr", "2023-02-06T12:00:00Z", "Une seconde secousse de magnitude 7,5 a frappé Elbistan lundi, après le séisme de magnitude 7,8 qui a dévasté le sud de la Turquie.\n"},
	}
	res := analyzeClaimDocs(docs)
	value := map[string]float64{}
	for id, fs := range res.Facts {
		for _, f := range fs {
			if x, ok := numValue(f); ok && f.Kind == KindNumber {
				value[id+"/"+f.ID] = x
			}
		}
	}
	pairs := 0
	for _, al := range res.Alignments {
		if al.Kind != string(KindNumber) {
			continue
		}
		var vs []float64
		for _, m := range al.Members {
			vs = append(vs, value[m.Article+"/"+m.Fact])
		}
		for _, v := range vs[1:] {
			if v != vs[0] {
				t.Errorf("alignment mixes values %v: each magnitude should pair with its equal", vs)
			}
		}
		pairs++
	}
	if pairs != 2 {
		t.Errorf("%d number alignments, want 2 (7.8 with 7.8, 7.5 with 7.5)", pairs)
	}
}

// TestFoldedCueWords: words that fold to a cue's letters do not take its concept ("zwei
// starke Explosionen" is not a magnitude, though "Stärke" folds to "starke"), and a unit the
// grammar reads glued to the number names its measure ("a 400-metre ship").
func TestFoldedCueWords(t *testing.T) {
	cases := []struct{ lang, text, num, want string }{
		{"de", "Seismologen haben zwei starke Explosionen registriert.", "zwei", "explosions"},
		{"de", "Afad gab die Stärke mit 7,7 an.", "7,7", "magnitude"},
		{"de", "Ein Beben der Stärke 7,8 erschütterte die Region.", "7,8", "magnitude"},
		{"en", "The Ever Given, a 400-metre container ship, ran aground.", "400-metre", "length"},
		{"ru", "Береговая охрана зарегистрировала в районе утечек два подводных взрыва.", "два", "explosions"},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
		found := false
		for _, f := range facts {
			if f.Kind == KindNumber && f.Text == c.num {
				found = true
				if f.Concept != c.want {
					t.Errorf("%s %q in %q: concept %q, want %q", c.lang, f.Text, c.text, f.Concept, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: %q not extracted from %q", c.lang, c.num, c.text)
		}
	}
}

// TestClaimGroupsStayWithinRatio: pairs of tolls that each fit cannot chain a toll of 15
// into one claim with a toll fifty times larger.
func TestClaimGroupsStayWithinRatio(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2023-09-10T08:00:00Z", "Floods hit the coast on Sunday. The death toll rose to 15, the civil defence said.\n"},
		{"fr", "fr", "2023-09-11T08:00:00Z", "Les inondations ont frappé la côte dimanche. Le bilan s'élève à 100 morts, selon la protection civile.\n"},
		{"es", "es", "2023-09-12T08:00:00Z", "Las inundaciones golpearon la costa el domingo. El balance asciende a 700 muertos, según protección civil.\n"},
	}
	res := analyzeClaimDocs(docs)
	value := map[string]float64{}
	for id, fs := range res.Facts {
		for _, f := range fs {
			if x, ok := numValue(f); ok && f.Kind == KindNumber {
				value[id+"/"+f.ID] = x
			}
		}
	}
	for _, al := range res.Alignments {
		if al.Kind != string(KindNumber) {
			continue
		}
		lo, hi := 0.0, 0.0
		for _, m := range al.Members {
			v := value[m.Article+"/"+m.Fact]
			if lo == 0 || v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
		if lo > 0 && hi > lo*claimMaxRatio {
			t.Errorf("one claim holds %v and %v, more than %d× apart", lo, hi, claimMaxRatio)
		}
	}
}

// TestVagueQuantitiesJoinTheirClaim: "thousands missing" aligns with "10,100 missing" (the
// words allow it) but never raises a number flag of its own, and not with a figure its
// words rule out.
func TestVagueQuantitiesJoinTheirClaim(t *testing.T) {
	docs := []claimDoc{
		{"fr", "fr", "2023-09-13T08:00:00Z", "À Derna, des milliers de personnes sont portées disparues après les inondations, selon le Croissant-Rouge.\n"},
		{"en", "en", "2023-09-13T09:00:00Z", "In Derna, 10,100 people are missing after the floods, the Red Crescent said.\n"},
		{"es", "es", "2023-09-13T10:00:00Z", "En Derna hay 40 desaparecidos tras las inundaciones, según la Media Luna Roja.\n"},
	}
	res := analyzeClaimDocs(docs)
	for _, d := range numberFlags(res) {
		for _, m := range d.Members {
			if m.Article == "fr" {
				t.Errorf("a vague quantity is a member of a number flag: %s", d.Summary)
			}
		}
	}
	text := map[string]string{}
	for id, fs := range res.Facts {
		for _, f := range fs {
			text[id+"/"+f.ID] = f.Text
		}
	}
	joined := false
	for _, al := range res.Alignments {
		var ts []string
		for _, m := range al.Members {
			ts = append(ts, text[m.Article+"/"+m.Fact])
		}
		s := strings.Join(ts, " | ")
		if strings.Contains(s, "des milliers") && strings.Contains(s, "10,100") {
			joined = true
		}
		if strings.Contains(s, "des milliers") && strings.Contains(s, "40") {
			t.Errorf("thousands aligned with 40: %s", s)
		}
	}
	if !joined {
		t.Error("\"des milliers\" and 10,100 missing are not aligned")
	}
}

// TestNoOmissionOfBackgroundFigures: a duration most versions give (seven days of
// mourning) and one leaves out is not an omission an analyst wants flagged.
func TestNoOmissionOfBackgroundFigures(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2023-02-07T10:00:00Z", "Recep Tayyip Erdoğan declared seven days of national mourning in Turkey on Monday. At least 3,000 people were killed.\n"},
		{"fr", "fr", "2023-02-07T10:00:00Z", "Recep Tayyip Erdoğan a décrété lundi sept jours de deuil national en Turquie. Au moins 3 000 personnes ont été tuées.\n"},
		{"es", "es", "2023-02-07T10:00:00Z", "Recep Tayyip Erdoğan decretó el lunes siete días de luto nacional en Turquía. Al menos 3.000 personas murieron.\n"},
		{"de", "de", "2023-02-07T10:00:00Z", "Recep Tayyip Erdoğan äußerte sich am Montag in der Türkei. Mindestens 3000 Menschen wurden getötet.\n"},
	}
	for _, d := range analyzeClaimDocs(docs).Discrepancies {
		if d.Kind == DiscOmission {
			t.Errorf("omission flag on a background figure: %s", d.Summary)
		}
	}
}

// TestNoOmissionWhereTheFigureDiffers: a version that gives the pipeline another length in
// the same unit states the figure (wrongly, perhaps); it does not leave it out. The flag
// would point the analyst at an absence that is not there.
func TestNoOmissionWhereTheFigureDiffers(t *testing.T) {
	docs := []claimDoc{
		{"en", "en", "2021-05-10T10:00:00Z", "Colonial Pipeline shut its 8,850 km pipeline on Friday after a ransomware attack by the DarkSide group. The pipeline carries 45% of the fuel of the East Coast.\n"},
		{"fr", "fr", "2021-05-10T10:00:00Z", "Colonial Pipeline a fermé vendredi son oléoduc de 8 850 km après une attaque au rançongiciel du groupe DarkSide. L'oléoduc transporte 45 % du carburant de la côte Est.\n"},
		{"de", "de", "2021-05-10T10:00:00Z", "Colonial Pipeline hat am Freitag seine 8850 Kilometer lange Leitung nach einem Angriff der Gruppe DarkSide abgeschaltet. Sie transportiert 45 Prozent des Treibstoffs der Ostküste.\n"},
		{"ru", "ru", "2021-05-10T10:00:00Z", "Colonial Pipeline в пятницу остановила трубопровод длиной 8850 км после атаки группы DarkSide. По нему идет 45% топлива Восточного побережья.\n"},
		{"vi", "vi", "2021-05-10T10:00:00Z", "Colonial Pipeline đã đóng đường ống dài 8.850 km hôm thứ Sáu sau cuộc tấn công của nhóm DarkSide. Đường ống chở 45% nhiên liệu của Bờ Đông.\n"},
		{"es", "es", "2021-05-10T10:00:00Z", "Colonial Pipeline cerró el viernes tras un ataque del grupo DarkSide. El oleoducto, de 5.500 kilómetros, estuvo parado seis días y transporta el 45 % del combustible de la costa este.\n"},
	}
	for _, d := range analyzeClaimDocs(docs).Discrepancies {
		if d.Kind == DiscOmission {
			t.Errorf("omission flag on a figure the version gives otherwise: %s", d.Summary)
		}
	}
}
