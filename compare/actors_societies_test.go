package compare

import "testing"

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
