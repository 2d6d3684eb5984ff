package compare

import (
	"testing"
	"testing/fstest"
)

// TestNumberConcepts checks, in each core language, that a number takes the concept its own
// words give it: the same toll or measure written the way each language's press writes it.
func TestNumberConcepts(t *testing.T) {
	cases := []struct {
		lang, text string
		want       map[string]string // number text → concept
	}{
		{"en", "At least 35 people were killed and 236 injured, officials said.", map[string]string{"35": "deaths", "236": "injured"}},
		{"fr", "Le bilan s'élève à 35 morts et 236 blessés selon la police.", map[string]string{"35": "deaths", "236": "injured"}},
		{"es", "El sismo dejó 35 muertos y 236 heridos, según las autoridades.", map[string]string{"35": "deaths", "236": "injured"}},
		{"de", "Bei dem Unglück gab es 35 Tote und 236 Verletzte.", map[string]string{"35": "deaths", "236": "injured"}},
		{"ru", "В результате взрыва погибли 35 человек, ещё 236 получили ранения.", map[string]string{"35": "deaths"}},
		{"ar", "أسفر الانفجار عن 35 قتيلا، فيما أصيب 236 آخرون بحسب وزارة الصحة.", map[string]string{"35": "deaths", "236": "injured"}},
		{"vi", "Vụ nổ khiến 35 người chết và 236 người bị thương.", map[string]string{"35": "deaths", "236": "injured"}},
		{"zh", "爆炸已造成35人死亡，236人受伤。", map[string]string{"35": "deaths", "236": "injured"}},
		// A cue after a coordinating word opens the next member: it names the number after
		// it ("والجرحى إلى 236" is the injured, not the 35 before it).
		{"ar", "وأعلن الوزير ارتفاع عدد القتلى إلى 35 والجرحى إلى 236 في المدينة.", map[string]string{"35": "deaths", "236": "injured"}},
		{"en", "The toll of the dead climbed to 35 and injured to 236 in the city.", map[string]string{"35": "deaths", "236": "injured"}},
		// A link word ("rose to", "возросло до", "بلغ") gives a figure the cue of the subject
		// of its clause, however many words stand between.
		{"en", "The number of people killed by the storm that hit the coastal town last week has risen to 356.", map[string]string{"356": "deaths"}},
		{"ru", "Число погибших в результате обрушения моста через реку на севере страны возросло до 356 человек.", map[string]string{"356": "deaths"}},
		{"fr", "Le nombre de blessés dans l'effondrement du pont au nord du pays s'élève à 356 personnes.", map[string]string{"356": "injured"}},
		{"es", "El número de heridos por el derrumbe del puente en el norte del país ascendió a 356 personas.", map[string]string{"356": "injured"}},
		{"de", "Die Zahl der Verletzten nach dem Einsturz der Brücke im Norden des Landes stieg auf 356 Menschen.", map[string]string{"356": "injured"}},
		{"ar", "وقالت الوزارة إن عدد المصابين جراء انهيار الجسر في شمال البلاد بلغ 356 شخصا.", map[string]string{"356": "injured"}},
		{"vi", "Số người bị thương do sập cầu ở miền bắc nước này đã lên tới 356 người.", map[string]string{"356": "injured"}},
		{"zh", "北部大桥坍塌事故造成的受伤人数在当地时间周二已升至356人。", map[string]string{"356": "injured"}},
		// A verb of killing before the toll names it, also in a headline where the figure
		// stands alone ("kills 45 in"): a bare number after such a verb is a count.
		{"en", "Landslide kills 45 in northern Peru\n\nRescuers searched the mud on Monday.", map[string]string{"45": "deaths"}},
		{"de", "Erdrutsch tötet 45 Menschen in Peru\n\nRetter suchten am Montag im Schlamm.", map[string]string{"45": "deaths"}},
		{"es", "Un alud mata a 45 personas en el norte de Perú.", map[string]string{"45": "deaths"}},
		{"ru", "Оползень унёс жизни 45 человек на севере Перу.", map[string]string{"45": "deaths"}},
		{"ar", "انهيار أرضي يقتل 45 شخصا في شمال البيرو.", map[string]string{"45": "deaths"}},
		// A counted noun right after the number ends what it measures: in "45 شخصا يوم
		// الاثنين" the day is the date's, not a unit of 45.
		{"ar", "قتل 45 شخصا يوم الاثنين في انهيار أرضي.", map[string]string{"45": "deaths"}},
		{"ar", "أصيب 12 شخصا يوم الأحد في حادث سير.", map[string]string{"12": "injured"}},
		{"en", "The storm lasted 3 days in the north.", map[string]string{"3": "duration"}},
		// An age in years: right after a verb of having or being ("avait 58 ans"), or set
		// off by commas after a person's name ("Jean Dupont, 58,").
		{"fr", "Le maire de la ville avait 58 ans et il y a 3 ans qu'il dirigeait la commune.", map[string]string{"58": "age"}},
		{"es", "El alcalde de la ciudad tenía 58 años cuando fue elegido.", map[string]string{"58": "age"}},
		{"ru", "Мэру города было 58 лет, он руководил городом 3 года.", map[string]string{"58": "age", "3": "duration"}},
		{"en", "Police named the driver as Michael Hartley, 58, a retired teacher.", map[string]string{"58": "age"}},
		{"fr", "Le conducteur, Michel Hartley, 58 ans, a été interpellé.", map[string]string{"58": "age"}},
		{"de", "Der Fahrer, Michael Hartley, 58, wurde festgenommen.", map[string]string{"58": "age"}},
		{"fr", "L'entreprise avait 58 salariés.", map[string]string{"58": "people"}},
		// "Toll" alone is the death toll, a weak cue that any specific one near it overrides.
		{"en", "The ministry put the toll in the northern region at 356.", map[string]string{"356": "deaths"}},
		{"en", "The toll rose as 356 people were injured.", map[string]string{"356": "injured"}},
		// The article on a cue word (القتلى) is no part of it.
		{"ar", "أعلنت السلطات أن القتلى 48 والمفقودين 12.", map[string]string{"48": "deaths"}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
			got := map[string]string{}
			for _, f := range facts {
				if f.Kind == KindNumber {
					got[f.Text] = f.Concept
				}
			}
			for num, want := range c.want {
				found := false
				for text, concept := range got {
					if containsDigits(text, num) {
						found = true
						if concept != want {
							t.Errorf("%q: concept %q, want %q (all numbers: %v)", num, concept, want, got)
						}
					}
				}
				if !found {
					t.Errorf("number %q not extracted (numbers: %v)", num, got)
				}
			}
		})
	}
}

func containsDigits(text, digits string) bool {
	d := []rune{}
	for _, r := range text {
		if r >= '0' && r <= '9' {
			d = append(d, r)
		}
	}
	return string(d) == digits
}

// TestConceptTableRefusesDuplicates keeps a curation slip — one word under two concepts —
// from silently deciding a figure's meaning by file order.
func TestConceptTableRefusesDuplicates(t *testing.T) {
	fsys := fstest.MapFS{"c.tsv": {Data: []byte("deaths\ten\tkilled|dead\ninjured\ten\tinjured|dead\n")}}
	if _, err := compileConcepts(fsys, "c.tsv"); err == nil {
		t.Fatal("a form listed under two concepts was accepted")
	}
	fsys = fstest.MapFS{"c.tsv": {Data: []byte("deaths\ten\tkilled\n")}}
	if _, err := compileConcepts(fsys, "c.tsv"); err != nil {
		t.Fatal(err)
	}
}
