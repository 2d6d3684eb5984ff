package compare

import (
	"math/rand"
	"strings"
	"testing"
)

// Event flags between stories of several versions: two language versions of another event
// form their own story beside the story they resemble, and the analyst is told once.

// evExchange adds three versions (en, ru, ar) of the July 2021 Exchange accusations.
func evExchange(t *testing.T, w *azWS) {
	w.add(t, "x21-en", "en", "2021-07-20", "China denied on Tuesday the accusations of the United States, the United Kingdom and NATO. Foreign ministry spokesman Zhao Lijian said the claims about Microsoft Exchange were lies.",
		azAct("China", "China", ActorCountry), azDate("Tuesday", "2021-07-20"), azAct("United States", "United States", ActorCountry),
		azAct("United Kingdom", "United Kingdom", ActorCountry), azAct("NATO", "NATO", ActorOrg),
		azAct("Zhao Lijian", "Zhao Lijian", ActorPerson), azAct("Microsoft", "Microsoft", ActorOrg))
	w.add(t, "x21-ru", "ru", "2021-07-20", "Китай во вторник отверг обвинения США, Великобритании и НАТО. Представитель МИД Чжао Лицзянь назвал ложью заявления о Microsoft Exchange.",
		azAct("Китай", "China", ActorCountry), azDate("во вторник", "2021-07-20"), azAct("США", "United States", ActorCountry),
		azAct("Великобритании", "United Kingdom", ActorCountry), azAct("НАТО", "NATO", ActorOrg),
		azAct("Чжао Лицзянь", "Zhao Lijian", ActorPerson), azAct("Microsoft", "Microsoft", ActorOrg))
	w.add(t, "x21-ar", "ar", "2021-07-20", "نفت الصين اليوم الثلاثاء اتهامات الولايات المتحدة والمملكة المتحدة وحلف الناتو. وقال المتحدث تشاو ليجيان إن ما قيل عن مايكروسوفت أكاذيب.",
		azAct("الصين", "China", ActorCountry), azDate("اليوم الثلاثاء", "2021-07-20"), azAct("الولايات المتحدة", "United States", ActorCountry),
		azAct("المملكة المتحدة", "United Kingdom", ActorCountry), azAct("الناتو", "NATO", ActorOrg),
		azAct("تشاو ليجيان", "Zhao Lijian", ActorPerson), azAct("مايكروسوفت", "Microsoft", ActorOrg))
}

// evSanctions adds versions of the March 2024 APT31 sanctions in the given languages.
func evSanctions(t *testing.T, w *azWS, langs ...string) {
	for _, l := range langs {
		switch l {
		case "fr":
			w.add(t, "s24-fr", "fr", "2024-03-26", "Mardi 26 mars 2024, la Chine a rejeté les sanctions des États-Unis et du Royaume-Uni contre APT31. Le porte-parole Lin Jian a dénoncé la manœuvre de l'OTAN.",
				azDate("Mardi 26 mars 2024", "2024-03-26"), azAct("Chine", "China", ActorCountry), azAct("États-Unis", "United States", ActorCountry),
				azAct("Royaume-Uni", "United Kingdom", ActorCountry), azAct("APT31", "APT31", ActorGroup),
				azAct("Lin Jian", "Lin Jian", ActorPerson), azAct("OTAN", "NATO", ActorOrg))
		case "es":
			w.add(t, "s24-es", "es", "2024-03-26", "El 26 de marzo de 2024 China rechazó las sanciones de Estados Unidos y el Reino Unido contra APT31. El portavoz Lin Jian criticó a la OTAN.",
				azDate("26 de marzo de 2024", "2024-03-26"), azAct("China", "China", ActorCountry), azAct("Estados Unidos", "United States", ActorCountry),
				azAct("Reino Unido", "United Kingdom", ActorCountry), azAct("APT31", "APT31", ActorGroup),
				azAct("Lin Jian", "Lin Jian", ActorPerson), azAct("OTAN", "NATO", ActorOrg))
		case "vi":
			w.add(t, "s24-vi", "vi", "2024-03-26", "Ngày 26/3/2024, Trung Quốc bác bỏ lệnh trừng phạt của Mỹ và Anh đối với APT31. Người phát ngôn Lâm Kiếm chỉ trích NATO.",
				azDate("Ngày 26/3/2024", "2024-03-26"), azAct("Trung Quốc", "China", ActorCountry), azAct("Mỹ", "United States", ActorCountry),
				azAct("Anh", "United Kingdom", ActorCountry), azAct("APT31", "APT31", ActorGroup),
				azAct("Lâm Kiếm", "Lin Jian", ActorPerson), azAct("NATO", "NATO", ActorOrg))
		}
	}
}

// evFlood adds two versions (de, vi) of an unrelated story: floods in Vietnam, where China
// is named too, as it is everywhere.
func evFlood(t *testing.T, w *azWS) {
	w.add(t, "f24-de", "de", "2024-09-10", "Am 9. September 2024 überschwemmte der Rote Fluss Hanoi. Das Rote Kreuz und Vietnam baten um Hilfe, China schickte Boote. Minister Le Minh Hoan besuchte Lao Cai.",
		azDate("9. September 2024", "2024-09-09"), azAct("Hanoi", "Hanoi", ActorPlace), azAct("Rote Kreuz", "Red Cross", ActorOrg),
		azAct("Vietnam", "Vietnam", ActorCountry), azAct("China", "China", ActorCountry),
		azAct("Le Minh Hoan", "Le Minh Hoan", ActorPerson), azAct("Lao Cai", "Lao Cai", ActorPlace))
	w.add(t, "f24-vi", "vi", "2024-09-10", "Ngày 9/9/2024, sông Hồng gây ngập Hà Nội. Hội Chữ thập đỏ và Việt Nam kêu gọi cứu trợ, Trung Quốc gửi thuyền. Bộ trưởng Lê Minh Hoan thăm Lào Cai.",
		azDate("Ngày 9/9/2024", "2024-09-09"), azAct("Hà Nội", "Hanoi", ActorPlace), azAct("Hội Chữ thập đỏ", "Red Cross", ActorOrg),
		azAct("Việt Nam", "Vietnam", ActorCountry), azAct("Trung Quốc", "China", ActorCountry),
		azAct("Lê Minh Hoan", "Le Minh Hoan", ActorPerson), azAct("Lào Cai", "Lao Cai", ActorPlace))
}

func TestEventBetweenStories(t *testing.T) {
	cases := []struct {
		name  string
		build func(t *testing.T, w *azWS)
		// stories is the expected number of stories; events the expected event flags.
		stories, events int
		// other lists the articles of the other-event story the flag must name (empty
		// spans) and attachTo one article of the story the flag must be attached to.
		other    []string
		attachTo string
		evidence []string
	}{
		{
			name:     "two versions of 2024 beside three of 2021",
			build:    func(t *testing.T, w *azWS) { evExchange(t, w); evSanctions(t, w, "fr", "es") },
			stories:  2,
			events:   1,
			other:    []string{"s24-es", "s24-fr"},
			attachTo: "x21-en",
			evidence: []string{"26 March 2024", "Lin Jian", "APT31", "20 July 2021", "Zhao Lijian"},
		},
		{
			name:     "three versions of 2024 outnumber three of 2021 only on the ID tie",
			build:    func(t *testing.T, w *azWS) { evExchange(t, w); evSanctions(t, w, "fr", "es", "vi") },
			stories:  2,
			events:   1,
			evidence: []string{"26 March 2024", "Lin Jian", "20 July 2021", "Zhao Lijian"},
		},
		{
			name:    "unrelated stories share only China",
			build:   func(t *testing.T, w *azWS) { evExchange(t, w); evFlood(t, w) },
			stories: 2,
			events:  0,
		},
		{
			name: "a lone version keeps its own flag, not a second one",
			build: func(t *testing.T, w *azWS) {
				evExchange(t, w)
				evFlood(t, w)
				evSanctions(t, w, "fr")
			},
			stories:  3,
			events:   1,
			other:    []string{"s24-fr"},
			attachTo: "x21-en",
			evidence: []string{"26 March 2024", "Lin Jian", "Zhao Lijian"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var w azWS
			c.build(t, &w)
			res := w.analyze(AnalyzeOptions{})
			if len(res.Stories) != c.stories {
				t.Fatalf("got %d stories %+v, want %d", len(res.Stories), res.Stories, c.stories)
			}
			ev := azKinds(res, DiscEvent)
			if len(ev) != c.events {
				t.Fatalf("got %d event discrepancies, want %d: %+v", len(ev), c.events, ev)
			}
			if c.events == 0 {
				return
			}
			d := ev[0]
			storyOf := map[string]Story{}
			for _, s := range res.Stories {
				for _, a := range s.Articles {
					storyOf[a] = s
				}
			}
			var empty []string
			for _, m := range d.Members {
				if m.Start == 0 && m.End == 0 && m.Fact == "" {
					empty = append(empty, m.Article)
				}
			}
			attached := c.attachTo
			if attached == "" {
				// On a size tie the flag goes on the story whose ID sorts first.
				a, b := storyOf["x21-en"], storyOf["s24-fr"]
				if b.ID < a.ID {
					a, b = b, a
				}
				attached = a.Articles[0]
				c.other = b.Articles
			}
			if d.Story != storyOf[attached].ID {
				t.Errorf("flag on story %s, want %s (that of %s)", d.Story, storyOf[attached].ID, attached)
			}
			if strings.Join(empty, ",") != strings.Join(c.other, ",") {
				t.Errorf("empty spans for %v, want one per article of the other-event story %v", empty, c.other)
			}
			for _, a := range c.other {
				if !strings.Contains(d.Summary, a) {
					t.Errorf("summary %q does not name %s", d.Summary, a)
				}
			}
			for _, want := range c.evidence {
				if !strings.Contains(d.Summary, want) {
					t.Errorf("summary %q lacks the evidence %q", d.Summary, want)
				}
			}
			// Evidence facts from both stories are members.
			sides := map[string]bool{}
			for _, m := range d.Members {
				if m.Fact != "" {
					sides[storyOf[m.Article].ID] = true
				}
			}
			if len(sides) != 2 {
				t.Errorf("evidence members come from %d stories, want both: %+v", len(sides), d.Members)
			}
			if d.Severity != SeverityMajor || d.ID != discrepancyID(DiscEvent, d.Members) {
				t.Errorf("flag %s severity %s, want major with the span-derived ID", d.ID, d.Severity)
			}
			// The same workspace in another order gives the same flag.
			rng := rand.New(rand.NewSource(7))
			rng.Shuffle(len(w.docs), func(i, j int) { w.docs[i], w.docs[j] = w.docs[j], w.docs[i] })
			ev2 := azKinds(w.analyze(AnalyzeOptions{}), DiscEvent)
			if len(ev2) != 1 || ev2[0].ID != d.ID || ev2[0].Summary != d.Summary {
				t.Errorf("shuffled input gave %+v, want the same flag %s", ev2, d.ID)
			}
		})
	}
}

// Two stories of the same week that share a theme are not two events: no flag, even when
// their actors differ (a split of one event is likelier than another event that week).
func TestEventBetweenStoriesSameWeek(t *testing.T) {
	var w azWS
	evExchange(t, &w)
	w.add(t, "y21-fr", "fr", "2021-07-23", "Le 22 juillet 2021, la Chine a convoqué les ambassadeurs des États-Unis et du Royaume-Uni. Le vice-ministre Xie Feng a dénoncé l'OTAN.",
		azDate("22 juillet 2021", "2021-07-22"), azAct("Chine", "China", ActorCountry), azAct("États-Unis", "United States", ActorCountry),
		azAct("Royaume-Uni", "United Kingdom", ActorCountry), azAct("Xie Feng", "Xie Feng", ActorPerson), azAct("OTAN", "NATO", ActorOrg))
	w.add(t, "y21-de", "de", "2021-07-23", "Am 22. Juli 2021 bestellte China die Botschafter der USA und Großbritanniens ein. Vizeminister Xie Feng kritisierte die NATO.",
		azDate("22. Juli 2021", "2021-07-22"), azAct("China", "China", ActorCountry), azAct("USA", "United States", ActorCountry),
		azAct("Großbritanniens", "United Kingdom", ActorCountry), azAct("Xie Feng", "Xie Feng", ActorPerson), azAct("NATO", "NATO", ActorOrg))
	res := w.analyze(AnalyzeOptions{StoryOverrides: map[string]string{"y21-fr": "summons", "y21-de": "summons"}})
	if len(res.Stories) != 2 {
		t.Fatalf("got %d stories, want 2: %+v", len(res.Stories), res.Stories)
	}
	if ev := azKinds(res, DiscEvent); len(ev) != 0 {
		t.Errorf("got %+v, want no event flag between stories two days apart", ev)
	}
}
