package compare

import (
	"math"
	"testing"
)

// A rate that moves by percentage points states a change, not a share: "a quarter of a
// percentage point" is 0.25 pp (it was read as a 25 % share), and "0.25 percentage points",
// "0,25 Prozentpunkte", "0,25 điểm phần trăm" and "0.25个百分点" are one claim with one unit
// (they carried the nouns "percentage", "prozentpunkte", "điểm phần" and "个", and Vietnamese
// "trăm" was read as a stray 100).
func TestPercentagePoints(t *testing.T) {
	cases := []struct {
		lang, text string
		number     string // the first number fact's text
		value      float64
		unit       string
		concept    string // "" = not checked
	}{
		{"en", "The bank cut its main rate by a quarter of a percentage point on Monday.", "a quarter of a percentage point", 0.25, "pp", "percentage_points"},
		{"en", "Economists had expected half a percentage point, not less.", "half a percentage point", 0.5, "pp", "percentage_points"},
		{"en", "The lender raised its rate by 0.75 percentage points to 5%.", "0.75 percentage points", 0.75, "pp", "percentage_points"},
		{"en", "Voter turnout rose by 3 percentage points from the last election.", "3 percentage points", 3, "pp", "turnout"},
		{"de", "Die Notenbank senkte den Leitzins um 0,25 Prozentpunkte auf 3,5 Prozent.", "0,25 Prozentpunkte", 0.25, "pp", "percentage_points"},
		{"de", "Die Wahlbeteiligung stieg um vier Prozentpunkte.", "vier Prozentpunkte", 4, "pp", "turnout"},
		{"vi", "Ngân hàng trung ương giảm lãi suất 0,5 điểm phần trăm, xuống 3%.", "0,5 điểm phần trăm", 0.5, "pp", "percentage_points"},
		{"vi", "Lãi suất có thể giảm thêm nửa điểm phần trăm trong quý tới.", "nửa điểm phần trăm", 0.5, "pp", "percentage_points"},
		{"zh", "央行宣布将基准利率下调0.25个百分点。", "0.25个百分点", 0.25, "pp", "percentage_points"},
		{"fr", "La banque a relevé son taux de 0,5 point de pourcentage.", "0,5 point de pourcentage", 0.5, "pp", "percentage_points"},
		{"es", "El banco subió los tipos 0,25 puntos porcentuales.", "0,25 puntos porcentuales", 0.25, "pp", "percentage_points"},
		// A part of another measure is that much of it; a part of people stays a share.
		{"en", "The tanker lost half a tonne of fuel in the harbour.", "half a tonne", 0.5, "t", ""},
		{"en", "A quarter of the economists surveyed disagreed with the cut.", "A quarter of", 25, "%", ""},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text, Published: "2025-03-10"}, Options{})
		checkSpans(t, c.text, facts)
		var got *Fact
		for i := range facts {
			if facts[i].Kind == KindNumber {
				got = &facts[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%s %q: no number", c.lang, c.text)
			continue
		}
		v, _ := got.Value.(float64)
		if got.Text != c.number || math.Abs(v-c.value) > 1e-9 || got.Unit != c.unit || c.concept != "" && got.Concept != c.concept {
			t.Errorf("%s %q: %q = %v %s (%s), want %q = %v %s (%s)", c.lang, c.text, got.Text, got.Value, got.Unit, got.Concept, c.number, c.value, c.unit, c.concept)
		}
		for _, f := range facts {
			if f.Kind == KindNumber && f.Text == "trăm" {
				t.Errorf("%s %q: stray number %q", c.lang, c.text, f.Text)
			}
		}
	}
}
