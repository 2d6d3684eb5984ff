package compare

import "testing"

// TestHeadInsideUnknownName: a head word that a language capitalises is written inside the run
// of capitals of an unknown place (German nouns); the run is the place the head's row names,
// not a person. Names without a head stay as they are.
func TestHeadInsideUnknownName(t *testing.T) {
	cases := []struct {
		lang, text, surface, label, typ string
	}{
		{"de", "Der Zug hielt am Bahnhof Kirchwaldau an.", "Bahnhof Kirchwaldau", "Kirchwaldau Station", ActorPlace},
		{"de", "Fischer fanden am Ufer des Morvaner-See einen Kahn.", "Morvaner-See", "Lake Morvaner", ActorPlace},
		{"de", "Die Provinz Kelmaran meldete neue Schäden.", "Provinz Kelmaran", "Kelmaran Province", ActorPlace},
		{"en", "Divers searched Lake Morvaner on Friday.", "Lake Morvaner", "Lake Morvaner", ActorPlace},
		{"en", "The train stopped at Kirchwaldau Station overnight.", "Kirchwaldau Station", "Kirchwaldau Station", ActorPlace},
		// No head inside: a person's name is left alone.
		{"de", "Der Sprecher Jonas Kirchwald sagte nichts.", "Jonas Kirchwald", "Jonas Kirchwald", ActorPerson},
	}
	for _, c := range cases {
		var got *Fact
		facts := ExtractFacts(Document{Lang: c.lang, Text: c.text}, Options{})
		for i := range facts {
			if facts[i].Kind == KindActor && facts[i].Text == c.surface {
				got = &facts[i]
			}
		}
		if got == nil {
			t.Errorf("%s %q: no actor %q in %v", c.lang, c.text, c.surface, facts)
			continue
		}
		if got.Label != c.label || got.Type != c.typ {
			t.Errorf("%s %q: %q is %q (%s), want %q (%s)", c.lang, c.text, c.surface, got.Label, got.Type, c.label, c.typ)
		}
	}
}

// TestHeadOnCountry: a row typed "+country" (heads.tsv) reads a country's name too, in every
// language it lists (the Gulf of Mexico); other rows leave a country alone (the port of Spain
// is no Port of Spain).
func TestHeadOnCountry(t *testing.T) {
	cases := []struct {
		lang, text, surface, label string
	}{
		{"en", "Refineries on the Gulf of Mexico slowed.", "Gulf of Mexico", "Gulf of Mexico"},
		{"fr", "Les raffineries du golfe du Mexique ralentissent.", "golfe du Mexique", "Gulf of Mexico"},
		{"es", "Las refinerías del golfo de México frenan.", "golfo de México", "Gulf of Mexico"},
		{"de", "Die Raffinerien am Golf von Mexiko drosseln.", "Golf von Mexiko", "Gulf of Mexico"},
		{"ar", "تباطأت مصافي خليج المكسيك", "خليج المكسيك", "Gulf of Mexico"},
		{"en", "Ships left the port of Spain at dawn.", "Spain", "Spain"},
	}
	for _, c := range cases {
		var got *Fact
		facts := ExtractFacts(Document{Lang: c.lang, Text: c.text}, Options{})
		for i := range facts {
			if facts[i].Kind == KindActor && facts[i].Text == c.surface {
				got = &facts[i]
			}
		}
		if got == nil {
			t.Errorf("%s %q: no actor %q in %v", c.lang, c.text, c.surface, facts)
			continue
		}
		if got.Label != c.label {
			t.Errorf("%s %q: %q is %q, want %q", c.lang, c.text, c.surface, got.Label, c.label)
		}
	}
}
