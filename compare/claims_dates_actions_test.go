package compare

import (
	"strings"
	"testing"
)

// Each case is a sentence dating one action (date-actions.tsv), in each language the table
// covers, and the action the date must be read with; "" where the action word stands too far
// from the date or is missing.
func TestDatedActions(t *testing.T) {
	cases := []struct {
		lang, text, date, want string
	}{
		{"en", "The port authority suspended all shipping on 3 May after the collision.", "3 May", "suspension"},
		{"fr", "Le trafic ferroviaire a été suspendu le 3 mai après la collision.", "3 mai", "suspension"},
		{"es", "El alcalde murió el 3 de mayo en el hospital central.", "3 de mayo", "death"},
		{"de", "Der Verdächtige wurde am 3. Mai in seiner Wohnung festgenommen.", "3. Mai", "arrest"},
		{"ru", "Движение по мосту было возобновлено 3 мая после ремонта.", "3 мая", "resumption"},
		{"ar", "جرت الجنازة في 3 مايو بحضور آلاف المشيعين.", "3 مايو", "funeral"},
		{"vi", "Ông ấy qua đời ngày 3/5 tại bệnh viện.", "ngày 3/5", "death"},
		{"zh", "运河于5月3日暂停通航。", "5月3日", "suspension"},
		{"fr", "Le Premier ministre s'est rendu sur place le 3 mai avec les secours.", "3 mai", "visit"},
		{"ru", "Президент встретился с губернатором 3 мая в Ростове.", "3 мая", "meeting"},
		{"es", "Ambas partes firmaron el acuerdo el 3 de mayo en Minsk.", "3 de mayo", "signature"},
		{"ar", "سيطرت القوات على المدينة في 3 مايو بعد معارك عنيفة.", "3 مايو", "capture"},
		{"zh", "大桥于5月3日坍塌。", "5月3日", "collapse"},
		{"de", "Die Kanzlerin besuchte am 3. Mai die Unglücksstelle.", "3. Mai", "visit"},
		{"vi", "Hai bên ký thỏa thuận ngày 3/5 tại Minsk.", "ngày 3/5", "signature"},
		{"en", "The tower collapsed on 3 May after the fire.", "3 May", "collapse"},
		// No action word: a date of the story's main event alone.
		{"en", "The earthquake struck on 3 May at dawn.", "3 May", ""},
		// The action is a sentence away: it does not date it.
		{"en", "The minister resigned. On 3 May the storm reached the coast and the harbour flooded badly.", "3 May", ""},
	}
	for _, c := range cases {
		d := Document{ID: c.lang, Lang: c.lang, Text: c.text, Published: "2024-05-06"}
		a := newArticle(d, ExtractFacts(d, Options{}))
		a.load()
		got, found := "", false
		acts := datedActions(a)
		for i, f := range a.facts {
			if f.Kind == KindDate && f.Text == c.date {
				got, found = acts[i], true
			}
		}
		if !found {
			t.Errorf("%s %q: no date %q among %v", c.lang, c.text, c.date, a.facts)
			continue
		}
		if got != c.want {
			t.Errorf("%s %q: date %q read with action %q, want %q", c.lang, c.text, c.date, got, c.want)
		}
	}
}

// Two versions that date the same action to the same weekday align though their sentences
// share nothing else; the weekday of another action in the same versions stays apart.
func TestAlignDatedAction(t *testing.T) {
	en := Document{ID: "en", Lang: "en", Published: "2024-05-04",
		Text: "Ferry crisis deepens\n\nThe port authority suspended all ferry traffic on Thursday, citing the storm.\n\n" +
			"Crews worked through the night. A harbour pilot was arrested on Thursday as well, police said.\n"}
	de := Document{ID: "de", Lang: "de", Published: "2024-05-04",
		Text: "Fährkrise verschärft sich\n\nDie Hafenbehörde setzte den gesamten Fährverkehr am Donnerstag aus.\n\n" +
			"Die Arbeiten dauerten die ganze Nacht.\n"}
	st := storyOf(en, de)
	st.prepareContext()
	als, _ := alignStory(st, AnalyzeOptions{})
	// The English text is ASCII: byte offsets are rune offsets.
	secondPara := strings.Index(en.Text, "Crews")
	var suspended, arrested bool
	for _, al := range als {
		if al.Kind != string(KindDate) {
			continue
		}
		for _, m := range al.Members {
			if m.Article == "en" {
				suspended = suspended || m.Start < secondPara
				arrested = arrested || m.Start > secondPara
			}
		}
	}
	if !suspended {
		t.Errorf("the suspension dated Thursday in both versions is not aligned: %+v", als)
	}
	if arrested {
		t.Errorf("the arrest on Thursday aligned with the German suspension: %+v", als)
	}
}
