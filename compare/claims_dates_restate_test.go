package compare

import (
	"strings"
	"testing"
)

// dateGroupAt returns the alignment of the date fact inside the first occurrence of snippet
// in article id ("" when it is in none), and whether there is such a date.
func dateGroupAt(st *story, als []Alignment, id, snippet string) (string, bool) {
	for _, a := range st.arts {
		if a.doc.ID != id {
			continue
		}
		bi := strings.Index(a.doc.Text, snippet)
		if bi < 0 {
			return "", false
		}
		lo := len([]rune(a.doc.Text[:bi]))
		hi := lo + len([]rune(snippet))
		for _, f := range a.facts {
			if f.Kind != KindDate || f.Start < lo || f.End > hi {
				continue
			}
			for _, al := range als {
				if al.Kind != string(KindDate) {
					continue
				}
				for _, m := range al.Members {
					if m.Article == id && m.Start == f.Start {
						return al.ID, true
					}
				}
			}
			return "", true
		}
	}
	return "", false
}

// A version that dates the story's event twice states one claim twice: the second mention
// joins the alignment of the first, though each other version has one mention to match it
// with. The same holds for a date timed as another version times it. want lists the dates
// (by an article id and the words around each) that must share one alignment; apart, a date
// of that day said of something else, which must stay out of it.
func TestAlignRestatedEventDate(t *testing.T) {
	cases := []struct {
		name        string
		docs        []Document
		want, apart []string
	}{
		{
			name: "a quake dated twice, by its event word",
			docs: []Document{
				{ID: "en", Lang: "en", Published: "2023-02-07", Text: "Quake toll climbs\n\nThe earthquake struck on Monday near the border, officials said.\n\nAid arrived slowly.\n"},
				{ID: "de", Lang: "de", Published: "2023-02-07", Text: "Zahl der Toten steigt\n\nDas Erdbeben ereignete sich am Montag im Grenzgebiet.\n\nDie Helfer suchten die ganze Nacht. Das Beben vom Montag zerstörte Hunderte Häuser.\n\nDer Minister besuchte am Montag ein Krankenhaus.\n\nHelfer suchen am Montag in den Trümmern einer Schule. Foto: Max Muster/dpa\n"},
				{ID: "fr", Lang: "fr", Published: "2023-02-07", Text: "Le bilan s'alourdit\n\nLe séisme a frappé lundi la région frontalière.\n\nLes secours ont travaillé toute la nuit.\n"},
			},
			want: []string{"en|struck on Monday", "de|ereignete sich am Montag", "de|Beben vom Montag", "fr|frappé lundi"},
			// A visit that day, and the day of a photo caption.
			apart: []string{"de|besuchte am Montag", "de|suchen am Montag"},
		},
		{
			name: "a blast timed twice, by the time of day",
			docs: []Document{
				{ID: "ru", Lang: "ru", Published: "2022-09-28", Text: "Взрывы на газопроводе\n\nСейсмологи зафиксировали взрыв в понедельник в 19:03 у острова.\n\nУтечка продолжается.\n"},
				{ID: "es", Lang: "es", Published: "2022-09-28", Text: "Explosiones en el gasoducto\n\nLos sismólogos registraron una explosión el lunes a las 19.03 cerca de la isla.\n\nLa fuga continúa.\n"},
				{ID: "zh", Lang: "zh", Published: "2022-09-28", Text: "管道发生爆炸\n\n地震台网说,26日测量站探测到强烈水下爆炸。\n\n当地时间26日19时03分,海面出现大片气泡。\n\n外交部26日发表声明。\n"},
			},
			want:  []string{"ru|взрыв в понедельник", "es|explosión el lunes", "zh|说,26日", "zh|时间26日"},
			apart: []string{"zh|外交部26日"},
		},
	}
	for _, c := range cases {
		st := storyOf(c.docs...)
		st.prepareContext()
		als, _ := alignStory(st, AnalyzeOptions{})
		at := func(w string) (string, bool) {
			id, snip, _ := strings.Cut(w, "|")
			g, ok := dateGroupAt(st, als, id, snip)
			if !ok {
				t.Errorf("%s: no date in %q", c.name, w)
			}
			return g, ok
		}
		first, _ := at(c.want[0])
		if first == "" {
			t.Errorf("%s: %q is in no alignment", c.name, c.want[0])
			continue
		}
		for _, w := range c.want[1:] {
			if g, ok := at(w); ok && g != first {
				t.Errorf("%s: %q is not aligned with %q", c.name, w, c.want[0])
			}
		}
		for _, w := range c.apart {
			if g, ok := at(w); ok && g == first {
				t.Errorf("%s: %q joined the event's alignment", c.name, w)
			}
		}
	}
}

// A version that dates the story's election a day off the others is flagged, and its date
// joins the alignment of the others' dates: one claim, stated with two values.
func TestAlignDisputedDate(t *testing.T) {
	docs := []Document{
		{ID: "en", Lang: "en", Published: "2024-03-12", Text: "Ecuador runoff result\n\nThe presidential runoff in Ecuador between Ana Morales and Jorge Villacrés was held on 10 March, officials of the election commission in Quito said.\n\nTurnout was low.\n"},
		{ID: "fr", Lang: "fr", Published: "2024-03-12", Text: "Équateur : résultats du second tour\n\nLe second tour de l'élection présidentielle en Équateur entre Ana Morales et Jorge Villacrés s'est tenu le 10 mars, selon la commission électorale à Quito.\n\nLa participation a été faible.\n"},
		{ID: "es", Lang: "es", Published: "2024-03-12", Text: "Ecuador: resultado de la segunda vuelta\n\nLas elecciones presidenciales en Ecuador entre Ana Morales y Jorge Villacrés se celebraron el 10 de marzo, según la comisión electoral en Quito.\n\nLa participación fue baja.\n"},
		{ID: "de", Lang: "de", Published: "2024-03-12", Text: "Ecuador: Ergebnis der Stichwahl\n\nDie Präsidentenwahl in Ecuador zwischen Ana Morales und Jorge Villacrés fand am 11. März statt, teilte die Wahlkommission in Quito mit.\n\nDie Beteiligung war gering.\n"},
	}
	res := Analyze(docs, nil, AnalyzeOptions{})
	flagged := false
	for _, d := range res.Discrepancies {
		if d.Kind == DiscDate {
			flagged = true
		}
	}
	if !flagged {
		t.Fatalf("no date discrepancy for the election dated 11 March in de: %+v", res.Discrepancies)
	}
	for _, al := range res.Alignments {
		if al.Kind != string(KindDate) {
			continue
		}
		arts := map[string]bool{}
		for _, m := range al.Members {
			arts[m.Article] = true
		}
		if arts["en"] && arts["fr"] && arts["es"] {
			if !arts["de"] {
				t.Errorf("the disputed de date is not in the election date's alignment: %+v", al.Members)
			}
			return
		}
	}
	t.Errorf("no alignment holds the election date of en, fr and es: %+v", res.Alignments)
}
