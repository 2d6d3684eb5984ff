package compare

import "testing"

// A toll's scope is the country its clause or sentence names, else that of the nearest
// earlier sentence of its paragraph; "both countries" is the sum over the countries the
// article counts. Sentences written for this test.
func TestClaimScopes(t *testing.T) {
	const both = "Syria+Turkey"
	cases := []struct {
		lang, text string
		want       map[string]string // figure as written → scope key
	}{
		{"en", "Quake toll rises\n\nIn Turkey, 3,100 people were killed. By evening the toll had reached 3,200 dead.\n\nIn total, 4,900 people died in both countries. In Syria 1,700 people were killed.",
			map[string]string{"3,100": "Turkey", "3,200": "Turkey", "4,900": both, "1,700": "Syria"}},
		{"en", "Quake toll rises\n\nOfficials said 3,100 people died in Turkey and 1,700 in Syria.",
			map[string]string{"3,100": "Turkey"}}, // the bare 1,700 is no toll to the engine
		{"en", "Quake toll rises\n\nOfficials said 3,100 people died in Turkey and 1,700 people died in Syria.",
			map[string]string{"3,100": "Turkey", "1,700": "Syria"}},
		{"ru", "Число жертв растёт\n\nВ Турции погибли 3100 человек, а в Сирии погибли 1700 человек.",
			map[string]string{"3100": "Turkey", "1700": "Syria"}},
		{"en", "Ship refloated\n\nThe 400-metre ship, owned by a firm in Japan, sails under the flag of Panama.",
			map[string]string{"400-metre": ""}}, // a length is not counted per country
		{"en", "Quake toll rises\n\nIn Syria, rescuers kept digging.\n\nThe toll rose to 900 dead.",
			map[string]string{"900": ""}}, // another paragraph says nothing of this figure
		{"fr", "Le bilan s'alourdit\n\nEn Turquie, 3 100 personnes ont été tuées. Le soir, le bilan atteignait 3 200 morts.\n\nAu total, 4 900 morts ont été recensés dans les deux pays. En Syrie, 1 700 personnes ont été tuées.",
			map[string]string{"3 100": "Turkey", "3 200": "Turkey", "4 900": both, "1 700": "Syria"}},
		{"de", "Die Zahl der Toten steigt\n\nIn der Türkei wurden 3100 Menschen getötet. Am Abend lag die Zahl bei 3200 Toten.\n\nIn Syrien kamen 1700 Menschen ums Leben. Insgesamt starben 4900 Menschen in beiden Ländern.",
			map[string]string{"3100": "Turkey", "3200": "Turkey", "1700": "Syria", "4900": both}},
		{"es", "Sube el balance\n\nEn Turquía murieron 3.100 personas. Por la noche el balance llegó a 3.200 muertos.\n\nEn Siria murieron 1.700 personas.",
			map[string]string{"3.100": "Turkey", "3.200": "Turkey", "1.700": "Syria"}},
		{"ru", "Число жертв растёт\n\nВ Турции погибли 3100 человек. К вечеру число погибших выросло до 3200.\n\nВ Сирии погибли 1700 человек. Всего в обеих странах погибли 4900 человек.",
			map[string]string{"3100": "Turkey", "3200": "Turkey", "1700": "Syria", "4900": both}},
		{"ar", "ارتفاع الحصيلة\n\nفي تركيا قتل 3100 شخص. وفي المساء ارتفعت الحصيلة إلى 3200 قتيل.\n\nفي سوريا قتل 1700 شخص. وبلغ عدد القتلى في البلدين 4900 قتيل.",
			map[string]string{"3100": "Turkey", "3200": "Turkey", "1700": "Syria", "4900": both}},
		{"zh", "死亡人数上升\n\n在土耳其，地震已造成3100人死亡。当晚死亡人数升至3200人。\n\n在叙利亚，地震造成1700人死亡。两国共有4900人遇难。",
			map[string]string{"3100": "Turkey", "3200": "Turkey", "1700": "Syria", "4900": both}},
		{"vi", "Số người chết tăng\n\nTại Thổ Nhĩ Kỳ, 3.100 người thiệt mạng. Đến tối, số người chết lên 3.200.\n\nTại Syria, 1.700 người thiệt mạng.",
			map[string]string{"3.100": "Turkey", "3.200": "Turkey", "1.700": "Syria"}},
	}
	for _, c := range cases {
		doc := Document{ID: "a", Lang: c.lang, Text: c.text}
		a := newArticle(doc, ExtractFacts(doc, Options{}))
		a.load()
		sc := claimScopes(a)
		got := map[string]string{}
		for i, f := range a.facts {
			if f.Kind == KindNumber {
				got[f.Text] = sc[i]
			}
		}
		for fig, want := range c.want {
			g, ok := got[fig]
			if !ok || g != want {
				t.Errorf("%s %q: %q scoped %q, want %q (all: %v)", c.lang, c.text, fig, g, want, got)
			}
		}
	}
}

// A country only one version names beside its toll (where the briefing was given) drops out of
// that version's scope; the countries several versions count apart stay. Sentences written for
// this test.
func TestStoryScopesDropLoneCountries(t *testing.T) {
	docs := []struct{ lang, text string }{
		{"en", "Flood toll rises\n\nIn Libya, 9,000 people are missing, an aid official told reporters by video link from Egypt."},
		{"fr", "Le bilan s'alourdit\n\nEn Libye, 9 000 personnes sont portées disparues, selon un responsable humanitaire."},
		{"ar", "ارتفاع الحصيلة\n\nقال مسؤول إغاثة إن عدد المفقودين في ليبيا بلغ 9000 شخص."},
		{"de", "Die Zahl der Opfer steigt\n\nIn Libyen werden 9000 Menschen vermisst. In Tunesien werden 12 Menschen vermisst."},
		{"es", "Sube el balance\n\nEn Libia hay 9.000 desaparecidos. En Túnez hay 14 desaparecidos."},
	}
	var arts []*article
	for i, d := range docs {
		doc := Document{ID: string(rune('a' + i)), Lang: d.lang, Text: d.text}
		a := newArticle(doc, ExtractFacts(doc, Options{}))
		a.load()
		arts = append(arts, a)
	}
	scopes := storyScopes(arts)
	want := map[string]string{"9,000": "Libya", "9 000": "Libya", "9000": "Libya", "9.000": "Libya", "12": "Tunisia", "14": "Tunisia"}
	for ai, a := range arts {
		for i, f := range a.facts {
			if w, ok := want[f.Text]; ok && f.Kind == KindNumber && scopes[ai][i] != w {
				t.Errorf("%s %q: scoped %q, want %q (one version alone names Egypt; two name Tunisia)", a.doc.Lang, f.Text, scopes[ai][i], w)
			}
		}
	}
}
