package compare

import "testing"

// TestListHeadsBefore: a plural head before a list of places makes each of them the named
// place of the singular head, in every language list-heads.tsv covers; one place after a
// plural, or places without the head, stay as they are.
func TestListHeadsBefore(t *testing.T) {
	cases := []struct {
		lang, text string
		want       map[string]string // surface → label
	}{
		{"ar", "ارتفع عدد الضحايا في محافظات حلب واللاذقية وحماة وطرطوس، بحسب الوزارة.",
			map[string]string{"حلب": "Aleppo Governorate", "اللاذقية": "Latakia Governorate", "حماة": "Hama Governorate", "طرطوس": "Tartus Governorate"}},
		{"ar", "وصلت فرق الإنقاذ إلى محافظتي إدلب وحلب صباح الثلاثاء.",
			map[string]string{"إدلب": "Idlib Governorate", "حلب": "Aleppo Governorate"}},
		{"ar", "وصل الوفد إلى حلب ثم إلى حماة.", map[string]string{"حلب": "Aleppo", "حماة": "Hama"}},
		{"en", "Rescuers reached the provinces of Hatay, Adana and Gaziantep on Monday.",
			map[string]string{"Adana": "Adana Province", "Gaziantep": "Gaziantep Province"}},
		{"en", "Officials in Adana and Gaziantep said the provinces of Adana were spared.",
			map[string]string{"Gaziantep": "Gaziantep"}},
		{"fr", "Les secours ont atteint les provinces de Hatay, d'Adana et de Gaziantep lundi.",
			map[string]string{"Adana": "Adana Province", "Gaziantep": "Gaziantep Province"}},
		{"es", "Las provincias de Hatay, Adana y Gaziantep sufrieron daños.",
			map[string]string{"Adana": "Adana Province", "Gaziantep": "Gaziantep Province"}},
		{"vi", "Các tỉnh Hatay, Adana và Gaziantep bị thiệt hại nặng.",
			map[string]string{"Adana": "Adana Province", "Gaziantep": "Gaziantep Province"}},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
		for surface, want := range c.want {
			found := false
			for _, f := range facts {
				if f.Kind == KindActor && f.Text == surface {
					found = true
					if f.Label != want {
						t.Errorf("%s %q: %q is %q, want %q", c.lang, c.text, surface, f.Label, want)
					}
				}
			}
			if !found {
				t.Errorf("%s %q: no actor %q", c.lang, c.text, surface)
			}
		}
	}
}
