package compare

import (
	"sort"
	"strings"
	"testing"
)

// Follow-ups: versions published weeks after an event (the ransom recovered, the chief
// executive's hearing) belong to the event's story when they name its rare actors and refer
// back to its day; an attack of the same kind a month later, or a look back a year on, does
// not. The event here is invented: Grey Heron's ransomware attack on Nordhaven Water on
// Monday 3 March 2025.

// fuMain adds three versions (en, fr, de) published in the days after the attack.
func fuMain(t *testing.T, w *azWS) {
	w.add(t, "main-en", "en", "2025-03-04", "Nordhaven Water shut its treatment plants after a ransomware attack on Monday, 3 March 2025. The FBI blamed the Grey Heron gang. About 1.2 million customers were told to boil their water.",
		azAct("Nordhaven Water", "Nordhaven Water", ActorOrg), azDate("Monday, 3 March 2025", "2025-03-03"),
		azAct("FBI", "Federal Bureau of Investigation", ActorOrg), azAct("Grey Heron", "Grey Heron", ActorGroup),
		azNum("1.2 million", 1.2e6))
	w.add(t, "main-fr", "fr", "2025-03-05", "Le 3 mars 2025, une cyberattaque a paralysé Nordhaven Water. Le FBI accuse le groupe Grey Heron. Quelque 1,2 million d'abonnés doivent faire bouillir l'eau.",
		azDate("3 mars 2025", "2025-03-03"), azAct("Nordhaven Water", "Nordhaven Water", ActorOrg),
		azAct("FBI", "Federal Bureau of Investigation", ActorOrg), azAct("Grey Heron", "Grey Heron", ActorGroup),
		azNum("1,2 million", 1.2e6))
	w.add(t, "main-de", "de", "2025-03-06", "Nach dem Angriff vom 3. März 2025 auf Nordhaven Water nannte das FBI die Gruppe Grey Heron als Täter. Rund 1,2 Millionen Kunden sind betroffen.",
		azDate("3. März 2025", "2025-03-03"), azAct("Nordhaven Water", "Nordhaven Water", ActorOrg),
		azAct("FBI", "Federal Bureau of Investigation", ActorOrg), azAct("Grey Heron", "Grey Heron", ActorGroup),
		azNum("1,2 Millionen", 1.2e6))
}

// fuHearing adds the follow-up of 8 April 2025 in Spanish and Chinese: the chief executive
// before the Senate, the ransom paid and the part recovered, the attack's day recalled.
func fuHearing(t *testing.T, w *azWS) {
	w.add(t, "hear-es", "es", "2025-04-08", "Ingrid Solberg, consejera delegada de Nordhaven Water, declaró el 8 de abril de 2025 ante el Senado que pagó 3 millones de dólares a Grey Heron tras el ataque del 3 de marzo. El FBI recuperó 1,9 millones.",
		azAct("Ingrid Solberg", "Ingrid Solberg", ActorPerson), azAct("Nordhaven Water", "Nordhaven Water", ActorOrg),
		azDate("8 de abril de 2025", "2025-04-08"), azAct("Senado", "United States Senate", ActorOrg),
		azNum("3 millones", 3e6), azAct("Grey Heron", "Grey Heron", ActorGroup), azDate("3 de marzo", "2025-03-03"),
		azAct("FBI", "Federal Bureau of Investigation", ActorOrg), azNum("1,9 millones", 1.9e6))
	w.add(t, "hear-zh", "zh", "2025-04-08", "4月8日，诺德黑文水务首席执行官英格丽德·索尔伯格在参议院表示，公司在3月3日遭灰鹭组织攻击后支付了300万美元赎金。联邦调查局已追回190万美元。",
		azDate("4月8日", "2025-04-08"), azAct("诺德黑文水务", "Nordhaven Water", ActorOrg),
		azAct("英格丽德·索尔伯格", "Ingrid Solberg", ActorPerson), azAct("参议院", "United States Senate", ActorOrg),
		azDate("3月3日", "2025-03-03"), azAct("灰鹭组织", "Grey Heron", ActorGroup), azNum("300万", 3e6),
		azAct("联邦调查局", "Federal Bureau of Investigation", ActorOrg), azNum("190万", 1.9e6))
}

// fuHearingUndated adds a Russian version of the hearing that never recalls the attack's day.
func fuHearingUndated(t *testing.T, w *azWS) {
	w.add(t, "hear-ru", "ru", "2025-04-08", "8 апреля 2025 года глава Nordhaven Water Ингрид Сульберг сообщила Сенату, что компания заплатила Grey Heron 3 миллиона долларов. ФБР вернуло 1,9 миллиона.",
		azDate("8 апреля 2025 года", "2025-04-08"), azAct("Nordhaven Water", "Nordhaven Water", ActorOrg),
		azAct("Ингрид Сульберг", "Ingrid Solberg", ActorPerson), azAct("Сенату", "United States Senate", ActorOrg),
		azAct("Grey Heron", "Grey Heron", ActorGroup), azNum("3 миллиона", 3e6),
		azAct("ФБР", "Federal Bureau of Investigation", ActorOrg), azNum("1,9 миллиона", 1.9e6))
}

// fuNewAttack adds a Russian report of another attack by the same group on another company
// a month later: the same attackers and investigators, but its own day.
func fuNewAttack(t *testing.T, w *azWS) {
	w.add(t, "new-ru", "ru", "2025-04-15", "14 апреля 2025 года группа Grey Heron атаковала энергокомпанию Westmark Power. ФБР расследует нападение. Без света остались 300 тысяч домов.",
		azDate("14 апреля 2025 года", "2025-04-14"), azAct("Grey Heron", "Grey Heron", ActorGroup),
		azAct("Westmark Power", "Westmark Power", ActorOrg), azAct("ФБР", "Federal Bureau of Investigation", ActorOrg),
		azNum("300 тысяч", 3e5))
}

// fuAnniversary adds an Arabic piece a year on that recalls the attack's day.
func fuAnniversary(t *testing.T, w *azWS) {
	w.add(t, "year-ar", "ar", "2026-03-03", "في 3 مارس 2026، بعد عام على هجوم 3 مارس 2025، قالت شركة نوردهافن ووتر إنها أنفقت 40 مليون دولار على الحماية، فيما لا يزال مكتب التحقيقات الفيدرالي يلاحق مجموعة غراي هيرون.",
		azDate("3 مارس 2026", "2026-03-03"), azDate("3 مارس 2025", "2025-03-03"),
		azAct("نوردهافن ووتر", "Nordhaven Water", ActorOrg), azNum("40 مليون", 4e7),
		azAct("مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation", ActorOrg),
		azAct("غراي هيرون", "Grey Heron", ActorGroup))
}

func TestStories_FollowUps(t *testing.T) {
	cases := []struct {
		name  string
		build []func(*testing.T, *azWS)
		// want lists the expected stories, each as its article IDs joined by commas.
		want []string
	}{
		{
			name:  "the hearing weeks later joins the attack's story",
			build: []func(*testing.T, *azWS){fuMain, fuHearing},
			want:  []string{"hear-es,hear-zh,main-de,main-en,main-fr"},
		},
		{
			name:  "the same group's next attack a month later is another event",
			build: []func(*testing.T, *azWS){fuMain, fuNewAttack},
			want:  []string{"main-de,main-en,main-fr", "new-ru"},
		},
		{
			// The thin report of the next attack names only the group and the FBI, so it
			// links to the hearing; the later group is then not wholly a follow-up, and the
			// next attack is never carried into the event's story (the cost: the hearing
			// stays apart too).
			name:  "the next attack does not ride on the follow-up into the event",
			build: []func(*testing.T, *azWS){fuMain, fuHearing, fuNewAttack},
			want:  []string{"hear-es,hear-zh,new-ru", "main-de,main-en,main-fr"},
		},
		{
			// Without the day the hearing could as well report a new incident.
			name:  "a follow-up that never recalls the event's day stays apart",
			build: []func(*testing.T, *azWS){fuMain, fuHearingUndated},
			want:  []string{"hear-ru", "main-de,main-en,main-fr"},
		},
		{
			name:  "a look back a year on is not a follow-up",
			build: []func(*testing.T, *azWS){fuMain, fuAnniversary},
			want:  []string{"main-de,main-en,main-fr", "year-ar"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, got := analyzeStories(t, c.build)
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("stories %v, want %v", got, c.want)
			}
			if c.want[0] == "hear-es,hear-zh,main-de,main-en,main-fr" {
				for _, d := range azKinds(res, DiscEvent) {
					if strings.Contains(d.Summary, "hear-") && !strings.Contains(d.Summary, "new-ru") {
						t.Errorf("the follow-up is flagged as another event: %s", d.Summary)
					}
				}
			}
		})
	}
}

// analyzeStories builds a workspace from the article builders, analyses it, and lists its
// stories as sorted "id,id,…" strings.
func analyzeStories(t *testing.T, build []func(*testing.T, *azWS)) (Result, []string) {
	var w azWS
	for _, b := range build {
		b(t, &w)
	}
	res := w.analyze(AnalyzeOptions{})
	var got []string
	for _, s := range res.Stories {
		got = append(got, strings.Join(s.Articles, ","))
	}
	sort.Strings(got)
	return res, got
}
