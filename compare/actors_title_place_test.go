package compare

import "testing"

// TestTitleOfPlace: a place word that completes a person's title (губернатор региона, maire
// de la ville) does not make the full name after it a place, and a region's adjectival name
// before a lower-case place word (Курганской области) is a place, whatever title stands
// before it. Each case lists the actors the sentence must give, as surface → type.
func TestTitleOfPlace(t *testing.T) {
	cases := []struct {
		lang, text string
		want       map[string]string
		absent     []string
	}{
		{"ru", "Губернатор региона Олег Богомолов выехал на место.", map[string]string{"Олег Богомолов": ActorPerson}, nil},
		{"ru", "Об этом сообщил глава района Сергей Петров.", map[string]string{"Сергей Петров": ActorPerson}, nil},
		{"ru", "Мэр города Андрей Соколов заявил, что угрозы нет.", map[string]string{"Андрей Соколов": ActorPerson}, nil},
		{"fr", "Le maire de la ville Jean Dupont s'est rendu sur place.", map[string]string{"Jean Dupont": ActorPerson}, nil},
		{"en", "The governor of the region John Smith visited the site.", map[string]string{"John Smith": ActorPerson}, nil},
		{"es", "El alcalde de la ciudad Juan Pérez visitó el lugar.", map[string]string{"Juan Pérez": ActorPerson}, nil},
		{"de", "Der Bürgermeister der Stadt Hans Müller besuchte den Ort.", map[string]string{"Hans Müller": ActorPerson}, nil},
		// A single word after the title and the place word is the place's name.
		{"ru", "Мэр города Кургана заявил, что угрозы нет.", map[string]string{"Кургана": ActorPlace}, nil},
		{"fr", "Le maire de la ville de Lyon a parlé.", map[string]string{"Lyon": ActorPlace}, nil},
		{"de", "In der Stadt Hans Müller wohnt niemand.", map[string]string{"Hans Müller": ActorPlace}, nil},
		// An adjectival region name after a title.
		{"ru", "Губернатор Курганской области Олег Богомолов выехал на место.",
			map[string]string{"Курганской области": ActorPlace, "Олег Богомолов": ActorPerson}, []string{"Курганской"}},
		{"ru", "Об этом сообщил губернатор Челябинской области Алексей Текслер.",
			map[string]string{"Челябинской области": ActorPlace, "Алексей Текслер": ActorPerson}, nil},
		{"ru", "Губернатор Энской области Иван Петров выехал на место.",
			map[string]string{"Энской": ActorPlace, "Иван Петров": ActorPerson}, []string{"области Иван Петров"}},
		// A word opening a sentence before a place word is a common noun.
		{"ru", "Полиция префектуры Нара задержала стрелявшего.", map[string]string{}, []string{"Полиция"}},
		{"en", "It happened near the Danish island of Bornholm.", map[string]string{"Bornholm": ActorPlace}, nil},
	}
	for _, c := range cases {
		got := map[string]string{}
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{}) {
			if f.Kind == KindActor {
				got[f.Text] = f.Type
			}
		}
		for surface, typ := range c.want {
			if g, ok := got[surface]; !ok {
				t.Errorf("%s %q: no actor %q (got %v)", c.lang, c.text, surface, got)
			} else if g != typ {
				t.Errorf("%s %q: %q is a %s, want %s", c.lang, c.text, surface, g, typ)
			}
		}
		for _, surface := range c.absent {
			if _, ok := got[surface]; ok {
				t.Errorf("%s %q: %q should be no actor", c.lang, c.text, surface)
			}
		}
	}
}

// TestPeriodDatelineAndOutlet: a known place that opens the text and is closed by a period
// is a dateline (Курган. Один человек погиб…), and adjectives with the lower-case noun
// "новости" after them name an outlet, never a person.
func TestPeriodDatelineAndOutlet(t *testing.T) {
	cases := []struct{ lang, text, surface, typ string }{
		{"ru", "Курган. Один человек погиб при взрыве на заводе.", "Курган", ActorPlace},
		{"fr", "Kourgan. Une personne a été tuée dans l'explosion.", "Kourgan", ActorPlace},
		{"en", "Kurgan. One person died in the blast at the plant.", "Kurgan", ActorPlace},
		{"ru", "Об этом сообщило агентство Европейско-Азиатские новости.", "Европейско-Азиатские новости", ActorOrg},
		{"ru", "Как сообщают Европейско-Азиатские новости, погибли двое.", "Европейско-Азиатские новости", ActorOrg},
	}
	for _, c := range cases {
		found := false
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{}) {
			if f.Kind != KindActor {
				continue
			}
			if f.Type == ActorPerson {
				t.Errorf("%s %q: %q is a person", c.lang, c.text, f.Text)
			}
			if f.Text == c.surface {
				found = true
				if f.Type != c.typ {
					t.Errorf("%s %q: %q is a %s, want %s", c.lang, c.text, f.Text, f.Type, c.typ)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: no actor %q", c.lang, c.text, c.surface)
		}
	}
}
