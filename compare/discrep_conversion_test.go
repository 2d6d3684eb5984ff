package compare

import "testing"

// Conversions written in brackets, in the eight languages, with units the number grammar
// gives no code (hectares, acres, knots, inches, litres, gallons) or cuts short ("square
// miles"). Each right conversion has a wrong twin.
func TestConversionUnitWords(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "The fire burned 5,000 hectares (12,355 acres) of forest.\n", false},
		{"en", "The fire burned 5,000 hectares (2,000 acres) of forest.\n", true},
		{"en", "The reservoir covers 120 square kilometres (46 square miles).\n", false},
		{"en", "The reservoir covers 120 square kilometres (75 square miles).\n", true},
		{"en", "Gusts reached 100 knots (185 km/h) overnight.\n", false},
		{"en", "Gusts reached 100 knots (100 km/h) overnight.\n", true},
		{"en", "Snow fell 30 cm (12 inches) deep in one night.\n", false},
		{"en", "Snow fell 30 cm (30 inches) deep in one night.\n", true},
		{"en", "The tanker leaked 40,000 litres (10,567 gallons) of fuel.\n", false},
		{"en", "The tanker leaked 40,000 litres (40,000 gallons) of fuel.\n", true},
		{"en", "Gusts reached 180 km/h (112 mph) on the coast.\n", false},
		{"en", "Gusts reached 180 km/h (180 mph) on the coast.\n", true},
		{"fr", "L'incendie a détruit 5 000 hectares (3 000 acres) de forêt.\n", true},
		{"fr", "Les rafales ont atteint 100 nœuds (185 km/h) sur la côte.\n", false},
		{"fr", "Les rafales ont atteint 100 nœuds (120 km/h) sur la côte.\n", true},
		{"es", "El incendio arrasó 5.000 hectáreas (12.355 acres) de bosque.\n", false},
		{"es", "La tormenta dejó 30 centímetros (25 pulgadas) de nieve.\n", true},
		{"de", "Der Stausee bedeckt 120 Quadratkilometer (46 Quadratmeilen).\n", false},
		{"de", "Der Stausee bedeckt 120 Quadratkilometer (90 Quadratmeilen).\n", true},
		{"ru", "Пожар уничтожил 5000 гектаров (12 355 акров) леса.\n", false},
		{"ru", "Пожар уничтожил 5000 гектаров (1200 акров) леса.\n", true},
		{"ar", "التهم الحريق 5000 هكتار (12355 أكر) من الغابات.\n", false},
		{"ar", "بلغت سرعة الرياح 180 كيلومترا في الساعة (40 ميلا في الساعة).\n", true},
		{"vi", "Gió giật 180 km/h (112 dặm/giờ) ở ven biển.\n", false},
		{"vi", "Gió giật 180 km/h (200 dặm/giờ) ở ven biển.\n", true},
		{"zh", "大火烧毁了5000公顷（12355英亩）森林。\n", false},
		{"zh", "大火烧毁了5000公顷（3000英亩）森林。\n", true},
	}
	for _, c := range cases {
		res := Analyze([]Document{{ID: "a", Lang: c.lang, Text: c.text}}, nil, AnalyzeOptions{})
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

// Sums converted into another currency, at the rate of the article's year (2024: one euro
// was about 1.08 dollars).
func TestConversionCurrencies(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "The ministry pledged $10 million (€9.2 million) in aid.\n", false},
		{"en", "The ministry pledged $5 million (€3 million) in aid.\n", true},
		{"fr", "Le ministère a promis 10 millions d'euros (10,8 millions de dollars).\n", false},
		{"fr", "Le ministère a promis 10 millions d'euros (15 millions de dollars).\n", true},
		{"es", "El ministerio prometió 10 millones de euros (10,8 millones de dólares).\n", false},
		{"de", "Das Ministerium sagte 10 Millionen Euro (16 Millionen Dollar) zu.\n", true},
		{"ru", "Министерство выделило 10 млн долларов (9,2 млн евро).\n", false},
		{"zh", "该部承诺提供1000万美元（约7200万元人民币）援助。\n", false},
	}
	for _, c := range cases {
		res := Analyze([]Document{{ID: "a", Lang: c.lang, Text: c.text, Published: "2024-05-02"}}, nil, AnalyzeOptions{})
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
