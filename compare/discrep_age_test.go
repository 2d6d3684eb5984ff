package compare

import "testing"

// An age and a birth year of one person that do not agree. The articles are published in
// July 2022: someone born in 1954 is 67 or 68.
func TestAgeBirthYearMismatch(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "Former minister Rui Sousa, 67, was arrested in Porto. Sousa, who was born in 1954, denies the charges.\n", false},
		{"en", "Former minister Rui Sousa, 61, was arrested in Porto. Sousa, who was born in 1954, denies the charges.\n", true},
		{"en", "The 67-year-old Rui Sousa was born on 21 September 1954 in Porto.\n", false},
		{"en", "The 71-year-old Rui Sousa was born on 21 September 1954 in Porto.\n", true},
		{"fr", "Rui Sousa, 67 ans, né en 1954 à Porto, a été arrêté.\n", false},
		{"fr", "Rui Sousa, 57 ans, né en 1954 à Porto, a été arrêté.\n", true},
		{"es", "Rui Sousa, de 67 años, nacido en 1954 en Oporto, fue detenido.\n", false},
		{"es", "Rui Sousa, de 76 años, nacido en 1954 en Oporto, fue detenido.\n", true},
		{"de", "Der 67-jährige Rui Sousa, geboren 1954 in Porto, wurde festgenommen.\n", false},
		{"de", "Der 64-jährige Rui Sousa, geboren 1954 in Porto, wurde festgenommen.\n", true},
		{"ru", "67-летний Руй Соуза родился в 1954 году в Порту.\n", false},
		{"ru", "72-летний Руй Соуза родился в 1954 году в Порту.\n", true},
		{"ar", "روي سوزا البالغ من العمر 67 عاما، المولود عام 1954، اعتقل في بورتو.\n", false},
		{"ar", "روي سوزا البالغ من العمر 60 عاما، المولود عام 1954، اعتقل في بورتو.\n", true},
		{"vi", "Ông Rui Sousa, 67 tuổi, sinh năm 1954, bị bắt tại Porto.\n", false},
		{"vi", "Ông Rui Sousa, 77 tuổi, sinh năm 1954, bị bắt tại Porto.\n", true},
		{"zh", "现年67岁的鲁伊·索萨生于1954年。\n", false},
		{"zh", "现年62岁的鲁伊·索萨生于1954年。\n", true},
		// The age at the event the sentence dates, years before publication.
		{"en", "Rui Sousa, who was born in 1940, died on 3 May 2010 at the age of 70.\n", false},
		// Two people: the age is the son's, the birth year the father's.
		{"en", "Rui Sousa, 30, spoke for his father Pedro Sousa, who was born in 1954.\n", false},
	}
	for _, c := range cases {
		res := Analyze([]Document{{ID: "a", Lang: c.lang, Text: c.text, Published: "2022-07-08"}}, nil, AnalyzeOptions{})
		got := false
		for _, d := range res.Discrepancies {
			if d.Kind == DiscInternal {
				got = true
				t.Logf("%s: %s", c.lang, d.Summary)
			}
		}
		if got != c.want {
			t.Errorf("%s %q: internal flag %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
