package compare

import (
	"strings"
	"testing"
)

// TestNationalRedCrossSocieties: a country's Red Cross or Red Crescent society, written with the
// country's adjective or name in each language's order and case, is the society English names
// from the country's adjective (templates.tsv, {adj}); the movement's name alone is no country.
func TestNationalRedCrossSocieties(t *testing.T) {
	cases := []struct{ lang, text, surface, want string }{
		{"en", "Volunteers of the Lebanese Red Cross carried the wounded.", "Lebanese Red Cross", "Lebanese Red Cross"},
		{"en", "The Turkish Red Crescent sent tents.", "Turkish Red Crescent", "Turkish Red Crescent"},
		{"fr", "La Croix-Rouge libanaise a transporté les blessés.", "Croix-Rouge libanaise", "Lebanese Red Cross"},
		{"fr", "Le Croissant-Rouge libyen a compté les morts.", "Croissant-Rouge libyen", "Libyan Red Crescent"},
		{"es", "La Cruz Roja Libanesa trasladó a los heridos.", "Cruz Roja Libanesa", "Lebanese Red Cross"},
		{"es", "La Media Luna Roja libia contó los muertos.", "Media Luna Roja libia", "Libyan Red Crescent"},
		{"de", "Helfer des Libanesischen Roten Kreuzes brachten Verletzte weg.", "Libanesischen Roten Kreuzes", "Lebanese Red Cross"},
		{"de", "Der Türkische Rote Halbmond schickte Zelte.", "Türkische Rote Halbmond", "Turkish Red Crescent"},
		{"ru", "Волонтёры Ливанского Красного Креста вывезли раненых.", "Ливанского Красного Креста", "Lebanese Red Cross"},
		{"ru", "Ливийский Красный Полумесяц подсчитал погибших.", "Ливийский Красный Полумесяц", "Libyan Red Crescent"},
		{"ar", "نقل الصليب الأحمر اللبناني الجرحى.", "الصليب الأحمر اللبناني", "Lebanese Red Cross"},
		{"vi", "Hội Chữ thập đỏ Li-băng đã chở người bị thương.", "Hội Chữ thập đỏ Li-băng", "Lebanese Red Cross"},
		{"zh", "黎巴嫩红十字会运送了伤员。", "黎巴嫩红十字会", "Lebanese Red Cross"},
		{"zh", "叙利亚红新月会统计了死者。", "叙利亚红新月会", "Syrian Arab Red Crescent"},
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
			t.Errorf("%s %q: no actor %q", c.lang, c.text, c.surface)
			continue
		}
		if got.Value != c.want || got.Type != ActorOrg {
			t.Errorf("%s %q: %q is %v (%s), want %q (org)", c.lang, c.text, c.surface, got.Value, got.Type, c.want)
		}
	}
}

// TestShortFormsOfKnown: after an organisation's full name, the article's shorter form of it
// (the words of its name without the country) is that organisation; with two organisations
// the short form could be, it stays unknown. (The French and German bare forms, Croix-Rouge,
// Rote Kreuz, are typed person by the unknown-name rules and are left out for now.)
func TestShortFormsOfKnown(t *testing.T) {
	cases := []struct{ lang, text, surface, want string }{
		{"es", "La Media Luna Roja libia contó los muertos. Según la Media Luna Roja, faltan miles.", "Media Luna Roja", "Libyan Red Crescent"},
		{"en", "The Libyan Red Crescent counted the dead. The Red Crescent said thousands were missing.", "Red Crescent", "Libyan Red Crescent"},
		{"en", "The Libyan Red Crescent and the Turkish Red Crescent sent teams. The Red Crescent said more would come.", "Red Crescent", ""},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{Lang: c.lang, Text: c.text}, Options{})
		var got *Fact
		for i := range facts {
			if facts[i].Kind == KindActor && facts[i].Text == c.surface {
				got = &facts[i]
			}
		}
		if got == nil {
			t.Errorf("%s %q: no actor %q", c.lang, c.text, c.surface)
			continue
		}
		id, _ := got.Value.(string)
		if c.want == "" && !strings.HasPrefix(id, "local:") || c.want != "" && id != c.want {
			t.Errorf("%s %q: %q is %v, want %q", c.lang, c.text, c.surface, got.Value, c.want)
		}
	}
}
