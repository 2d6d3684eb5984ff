package compare

import (
	"strings"
	"testing"
)

// Strays: an article about last week's floods in the neighbouring country, linked to the
// story of the dam collapse that followed by the storm, the sea, the countries and nothing
// of the collapse itself, is its own story and raises the event flag; a short version of
// the collapse that names only the city, or only the Red Cross, stays. The events and
// people here are invented: Storm Kestrel, the Velmora dam in Albania (night of 18 to 19
// October 2024) and floods in Epirus, Greece, from 14 to 16 October.

// strayDam adds four full versions (en, fr, es, ru) of the dam collapse.
func strayDam(t *testing.T, w *azWS) {
	w.add(t, "dam-en", "en", "2024-10-19", "Floodwaters swept through Velmora, Albania, after the dam burst on the night of 18-19 October 2024 during Storm Kestrel, killing at least 40 people. Mayor Arben Kastrati said the Albanian Red Cross was searching the Drin valley.",
		azAct("Velmora", "Velmora", ActorPlace), azAct("Albania", "Albania", ActorCountry),
		azDate("18-19 October 2024", "2024-10-18/2024-10-19"), azAct("Storm Kestrel", "Storm Kestrel", ActorGroup),
		azNum("40", 40).qual("at_least"), azAct("Arben Kastrati", "Arben Kastrati", ActorPerson),
		azAct("Albanian Red Cross", "Albanian Red Cross", ActorOrg), azAct("Drin valley", "Drin valley", ActorPlace))
	w.add(t, "dam-fr", "fr", "2024-10-20", "La rupture de barrage de Velmora, en Albanie, dans la nuit du 18 au 19 octobre 2024 a fait au moins 52 morts ; la crue a tout emporté. Le maire Arben Kastrati et la Croix-Rouge albanaise fouillent la vallée du Drin ; la mer Adriatique a rejeté des corps.",
		azAct("Velmora", "Velmora", ActorPlace), azAct("Albanie", "Albania", ActorCountry),
		azDate("nuit du 18 au 19 octobre 2024", "2024-10-18/2024-10-19"), azNum("52", 52).qual("at_least"),
		azAct("Arben Kastrati", "Arben Kastrati", ActorPerson), azAct("Croix-Rouge albanaise", "Albanian Red Cross", ActorOrg),
		azAct("vallée du Drin", "Drin valley", ActorPlace), azAct("mer Adriatique", "Adriatic Sea", ActorPlace))
	w.add(t, "dam-es", "es", "2024-10-20", "La rotura de presa de Velmora (Albania) el 19 de octubre de 2024 y la riada dejaron 52 muertos, según el alcalde Arben Kastrati. La Cruz Roja Albanesa pide ayuda; Grecia envió helicópteros.",
		azAct("Velmora", "Velmora", ActorPlace), azAct("Albania", "Albania", ActorCountry),
		azDate("19 de octubre de 2024", "2024-10-19"), azNum("52", 52), azAct("Arben Kastrati", "Arben Kastrati", ActorPerson),
		azAct("Cruz Roja Albanesa", "Albanian Red Cross", ActorOrg), azAct("Grecia", "Greece", ActorCountry))
	w.add(t, "dam-ru", "ru", "2024-10-21", "Прорыв плотины в Велморе (Албания) и наводнение унесли 61 жизнь, сообщил Албанский Красный Крест. Шторм «Кестрел» обрушился на страну 18 октября 2024 года. Премьер Греции предложил помощь.",
		azAct("Велморе", "Velmora", ActorPlace), azAct("Албания", "Albania", ActorCountry), azNum("61", 61),
		azAct("Албанский Красный Крест", "Albanian Red Cross", ActorOrg), azAct("Шторм «Кестрел»", "Storm Kestrel", ActorGroup),
		azDate("18 октября 2024 года", "2024-10-18"), azAct("Греции", "Greece", ActorCountry))
}

// strayThinRedCross adds a short Chinese version that names only the Red Cross's toll.
func strayThinRedCross(t *testing.T, w *azWS) {
	w.add(t, "dam-zh", "zh", "2024-10-20", "阿尔巴尼亚红十字会说，韦尔莫拉溃坝引发的洪水已造成52人死亡。",
		azAct("阿尔巴尼亚红十字会", "Albanian Red Cross", ActorOrg), azAct("韦尔莫拉", "Velmora", ActorPlace), azNum("52", 52))
}

// strayThinCity adds a short Vietnamese version that names the places and no one.
func strayThinCity(t *testing.T, w *azWS) {
	w.add(t, "dam-vi", "vi", "2024-10-20", "Đêm 18-19/10/2024, đập Velmora ở Albania bị vỡ, lũ tràn xuống thung lũng Drin: ít nhất 52 người chết.",
		azDate("Đêm 18-19/10/2024", "2024-10-18/2024-10-19"), azAct("Velmora", "Velmora", ActorPlace),
		azAct("Albania", "Albania", ActorCountry), azAct("thung lũng Drin", "Drin valley", ActorPlace),
		azNum("52", 52).qual("at_least"))
}

// strayEpirus adds a German report of the same storm's floods in Greece, published before
// the dam burst.
func strayEpirus(t *testing.T, w *azWS) {
	w.add(t, "epirus-de", "de", "2024-10-18", "Überschwemmungen nach Sturm Kestrel haben vom 14. bis 16. Oktober 2024 im griechischen Epirus sechs Menschen getötet, das Hochwasser geht zurück. Regierungschef Nikos Andreou besuchte Ioannina und Preveza. Der Sturm zieht über die Adria nach Albanien weiter; am 21. Oktober 2024 berät Andreou in Brüssel mit Ursula Berger über EU-Hilfe.",
		azAct("Sturm Kestrel", "Storm Kestrel", ActorGroup), azDate("14. bis 16. Oktober 2024", "2024-10-14/2024-10-16"),
		azAct("griechischen", "Greece", ActorCountry), azAct("Epirus", "Epirus", ActorPlace), azNum("sechs", 6),
		azAct("Nikos Andreou", "Nikos Andreou", ActorPerson), azAct("Ioannina", "Ioannina", ActorPlace),
		azAct("Preveza", "Preveza", ActorPlace), azAct("Adria", "Adriatic Sea", ActorPlace), azAct("Albanien", "Albania", ActorCountry),
		azDate("21. Oktober 2024", "2024-10-21"), azAct("Brüssel", "Brussels", ActorPlace),
		azAct("Ursula Berger", "Ursula Berger", ActorPerson))
}

func TestStories_Strays(t *testing.T) {
	cases := []struct {
		name  string
		build []func(*testing.T, *azWS)
		want  []string // the stories, each as its article IDs joined by commas, sorted
		// flagged is the article the event flag must name, "" for none.
		flagged string
	}{
		{
			name:    "the neighbour's floods leave the collapse's story and are flagged",
			build:   []func(*testing.T, *azWS){strayDam, strayThinRedCross, strayEpirus},
			want:    []string{"dam-en,dam-es,dam-fr,dam-ru,dam-zh", "epirus-de"},
			flagged: "epirus-de",
		},
		{
			name:  "a short version naming only the city stays",
			build: []func(*testing.T, *azWS){strayDam, strayThinCity},
			want:  []string{"dam-en,dam-es,dam-fr,dam-ru,dam-vi"},
		},
		{
			name:  "a short version naming only the Red Cross stays",
			build: []func(*testing.T, *azWS){strayDam, strayThinRedCross},
			want:  []string{"dam-en,dam-es,dam-fr,dam-ru,dam-zh"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, got := analyzeStories(t, c.build)
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("stories %v, want %v", got, c.want)
			}
			ev := azKinds(res, DiscEvent)
			switch {
			case c.flagged == "" && len(ev) > 0:
				t.Errorf("unexpected event flags %+v", ev)
			case c.flagged != "" && (len(ev) != 1 || !strings.Contains(ev[0].Summary, c.flagged)):
				t.Errorf("event flags %+v, want one naming %s", ev, c.flagged)
			}
		})
	}
}
