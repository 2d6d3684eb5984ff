package compare

import "testing"

// Classes of noise found by running the extractor over real Arabic, French and Spanish wire
// copy (courts, disasters, elections). The sentences are written for this test.

// A time unit that is also a function word ("a": CLDR's year in French and Spanish, and the
// verb "has" / the preposition "to") measures nothing when text follows it.
func TestFunctionWordIsNoTimeUnit(t *testing.T) {
	cases := []struct {
		lang, text, num string
		value           float64
	}{
		{"fr", "Une secousse de magnitude 6,1 a touché la côte mardi.", "6,1", 6.1},
		{"fr", "Le bilan de 12 a été revu à la hausse dans la soirée.", "12", 12},
		{"es", "El número de víctimas pasó de 30 a 45 en dos días.", "30", 30},
		{"es", "Un sismo de 5,4 a las diez de la mañana sacudió la región.", "5,4", 5.4},
	}
	for _, c := range cases {
		found := false
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text, Published: "2024-03-10"}, Options{}) {
			if f.Kind != KindNumber || f.Text != c.num {
				continue
			}
			found = true
			if v, _ := f.Value.(float64); v != c.value || f.Unit == "year" || f.Concept == "duration" {
				t.Errorf("%s: %q = %v %q (%s), want %v and no years", c.lang, f.Text, f.Value, f.Unit, f.Concept, c.value)
			}
		}
		if !found {
			t.Errorf("%s: no number %q in %q", c.lang, c.num, c.text)
		}
	}
	// The years themselves still count.
	for _, c := range []struct{ lang, text, span string }{
		{"es", "Fue condenado a seis años de prisión.", "seis años"},
		{"fr", "Il a été condamné à deux ans de prison.", "deux ans"},
	} {
		ok := false
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{}) {
			ok = ok || f.Kind == KindNumber && f.Text == c.span && f.Unit == "year"
		}
		if !ok {
			t.Errorf("%s: %q lost its years", c.lang, c.span)
		}
	}
}

// Courts and prosecutors named by a capitalised head word are organisations, not people.
func TestCourtNamesAreOrgs(t *testing.T) {
	cases := []struct{ lang, text, name string }{
		{"es", "El Tribunal Supremo confirmó la pena del exalcalde.", "Tribunal Supremo"},
		{"es", "La Audiencia Provincial de Sevilla rebajó la condena.", "Audiencia Provincial"},
		{"es", "La Fiscalía Anticorrupción pidió ocho años para el exministro.", "Fiscalía Anticorrupción"},
		{"es", "La Sección Tercera de la sala dictó la sentencia.", "Sección Tercera"},
		{"fr", "Le Tribunal Administratif a rejeté le recours du maire.", "Tribunal Administratif"},
	}
	for _, c := range cases {
		found := false
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{}) {
			if f.Kind == KindActor && f.Text == c.name {
				found = true
				if f.Type != ActorOrg {
					t.Errorf("%s: %q is a %s, want org", c.lang, c.name, f.Type)
				}
			}
		}
		if !found {
			t.Errorf("%s: %q not found in %q", c.lang, c.name, c.text)
		}
	}
	// A person's name stays a person's.
	for _, f := range ExtractFacts(Document{ID: "x", Lang: "es", Text: "El delantero Emiliano Sala jugaba en Francia."}, Options{}) {
		if f.Text == "Emiliano Sala" && f.Type != ActorPerson {
			t.Errorf("Emiliano Sala is a %s", f.Type)
		}
	}
}

// "a los" (es) and "البالغ" (ar) give an age only right before a number of years: "a los
// tres acusados", "البالغ عددهم 40" count people.
func TestAgeCueOnlyBeforeYears(t *testing.T) {
	cases := []struct {
		lang, text, num string
		age             bool
	}{
		{"es", "El juez condenó a los tres acusados por el robo.", "tres", false},
		{"es", "Murió a los 84 años en su casa de Valencia.", "84 años", true},
		{"ar", "أفرجت السلطات عن المعتقلين البالغ عددهم 40 شخصا.", "40", false},
		{"ar", "توفي الكاتب البالغ 70 عاما في بيروت.", "70 عاما", true},
	}
	for _, c := range cases {
		found := false
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{}) {
			if f.Kind == KindNumber && f.Text == c.num {
				found = true
				if (f.Concept == "age") != c.age {
					t.Errorf("%s: %q concept %q, want age=%v", c.lang, c.num, f.Concept, c.age)
				}
			}
		}
		if !found {
			t.Errorf("%s: no number %q in %q", c.lang, c.num, c.text)
		}
	}
}

// Arabic common words that are no names: نادي (club) is not Nadi in Fiji; a noun with the
// contracted article (للحكومة), an institution (حركة, حزب) or a date word (غدا) after a title
// starts no person's name.
func TestArabicCommonWordsAreNoActors(t *testing.T) {
	for _, text := range []string{
		"وقال رئيس نادي الزمالك إن اللاعبين بخير.",
		"عينت الرئيسة امرأة رئيسة للحكومة لتكون مسؤولة عن الإصلاحات.",
		"طرد السكان رئيس البرلمان زعيم حركة النهضة من المسجد.",
		"وقال رئيس حزب العمال إن الانتخابات ستجرى في موعدها.",
		"قال المتحدث إن الفريق سيعود غدا إلى المدينة.",
	} {
		for _, f := range ExtractFacts(Document{ID: "x", Lang: "ar", Text: text, Published: "2024-03-10"}, Options{}) {
			if f.Kind == KindActor && (f.Type == ActorPerson || f.Value == "Nadi") {
				t.Errorf("%q: %q taken as %s %v", text, f.Text, f.Type, f.Value)
			}
		}
	}
}

// A strong cue right before a number beats a unit word one word after it: the hours of
// "magnitude 7.5 followed hours later" are no unit of 7.5.
func TestCueBeforeBeatsUnitAWordAway(t *testing.T) {
	cases := []struct{ lang, text, num, concept string }{
		{"en", "A second quake of magnitude 7.5 followed hours later near the coast.", "7.5", "magnitude"},
		{"es", "Un temblor de magnitud 6,2 siguió horas después en la costa.", "6,2", "magnitude"},
		{"en", "The rescue took 36 hours in all.", "36 hours", "duration"},
	}
	for _, c := range cases {
		found := false
		for _, f := range ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{}) {
			if f.Kind == KindNumber && f.Text == c.num {
				found = true
				if f.Concept != c.concept {
					t.Errorf("%s: %q concept %q, want %q", c.lang, c.num, f.Concept, c.concept)
				}
			}
		}
		if !found {
			t.Errorf("%s: no number %q in %q", c.lang, c.num, c.text)
		}
	}
}
