package compare

import (
	"strings"
	"testing"
)

// TestAttributionCues checks, in each core language, that the cue table reads the way that
// language's press credits a statement or a role.
func TestAttributionCues(t *testing.T) {
	cases := []struct {
		lang, text, class, cue string
	}{
		{"en", "The ship is owned by a Japanese firm.", "role:owner/shared", "owned"},
		{"en", "The minister said the port would reopen.", "say", "said"},
		{"fr", "Le navire appartient à un armateur japonais.", "role:owner/shared", "appartient"},
		{"fr", "Selon la police, deux suspects ont fui.", "source", "Selon"},
		{"fr", "Le ministre a annoncé une interdiction des exportations.", "role:ban/before", "interdiction"},
		{"es", "El buque pertenece a una naviera japonesa.", "role:owner/shared", "pertenece"},
		{"es", "Según la policía, dos sospechosos huyeron.", "source", "Según"},
		{"es", "El gobierno ofreció una recompensa por los autores.", "role:reward/before", "recompensa"},
		{"de", "Der Eigentümer des Schiffes äußerte sich nicht.", "role:owner/shared", "Eigentümer"},
		{"de", "Laut Polizei flohen zwei Verdächtige.", "source", "Laut"},
		{"de", "Die Regierung verhängte ein Verbot der Ausfuhr.", "role:ban/before", "Verbot"},
		{"ru", "Владельцем судна является японская компания.", "role:owner/shared", "Владельцем"},
		{"ru", "По словам полиции, двое подозреваемых скрылись.", "source", "По"},
		{"ru", "Министерство объявило запрет на вывоз зерна.", "role:ban/before", "запрет"},
		{"ar", "السفينة مملوكة لشركة يابانية.", "role:owner/shared", "مملوكة"},
		{"ar", "وقال المتحدث إن الميناء سيفتح غدا.", "say", "وقال"},
		{"ar", "أعلنت الوزارة حظر التصدير.", "role:ban/before", "حظر"},
		{"vi", "Chủ sở hữu con tàu là một công ty Nhật Bản.", "role:owner/shared", "Chủ"},
		{"vi", "Cảnh sát cho biết hai nghi phạm đã bỏ trốn.", "say", "cho"},
		{"vi", "Chính phủ treo thưởng cho thông tin về nhóm tin tặc.", "role:reward/before", "treo"},
		{"zh", "该船船东为一家日本公司。", "role:owner/shared", "船"},
		{"zh", "警方表示，两名嫌疑人已逃离。", "say", "表"},
		{"zh", "美国国务院悬赏一千万美元。", "role:reward/before", "悬"},
		{"en", "The group claimed responsibility for the attack.", "role:responsibility/before", "claimed"},
		{"ru", "Президент назвал взрыв террористическим актом.", "about:terror", "террористическим"},
		{"zh", "总统称这是一起恐怖袭击。", "about:terror", "恐"},
		{"de", "Der Präsident sprach von Verrat.", "about:treason", "Verrat"},
		{"ar", "ووصف الرئيس التمرد بأنه خيانة.", "about:treason", "خيانة"},
		{"fr", "Le président a promis de reconstruire la cathédrale.", "about:rebuild", "reconstruire"},
		{"vi", "Tổng thống cam kết xây dựng lại nhà thờ.", "about:rebuild", "xây"},
		{"ar", "وأعلن التنظيم مسؤوليته عن الهجوم.", "role:responsibility/before", "مسؤوليته"},
		{"ru", "Группировка взяла на себя ответственность за атаку.", "role:responsibility/before", "взяла"},
		{"fr", "Un accord obtenu grâce à la médiation du président.", "role:mediator", "médiation"},
		{"ru", "Соглашение достигнуто при посредничестве президента.", "role:mediator", "посредничестве"},
		{"zh", "在总统斡旋下达成协议。", "role:mediator", "斡"},
		{"es", "La fiscalía abrió una investigación por sabotaje.", "role:investigation/before", "abrió"},
		{"ru", "СК возбудил уголовное дело о теракте.", "role:investigation/before", "возбудил"},
		{"vi", "Công an đã khởi tố vụ án.", "role:investigation/before", "khởi"},
		{"en", "Officials said a group called Nightowl was behind the attack.", "about:blame", "was"},
		{"de", "Die Polizei machte die Gruppe Nachteule für den Angriff verantwortlich.", "about:blame", "verantwortlich"},
		{"ru", "Следователи назвали виновником атаки группировку «Сова».", "about:blame", "виновником"},
		{"zh", "警方称黑客组织“夜枭”是此次攻击的幕后黑手。", "about:blame", "幕"},
		{"vi", "Cảnh sát đã quy trách nhiệm cho nhóm Cú Đêm.", "about:blame/say", "quy"},
		{"es", "La policía culpó al grupo Búho del ataque.", "about:blame/say", "culpó"},
	}
	lx := loadAttributions()
	for _, c := range cases {
		t.Run(c.lang+"/"+c.class, func(t *testing.T) {
			toks := tokenize(c.text, loadGazetteer().morph)
			var got []string
			for _, cue := range lx.findCues(toks, c.lang) {
				got = append(got, cue.concept+"="+toks[cue.ti].text)
				if cue.concept == c.class && toks[cue.ti].text == c.cue {
					return
				}
			}
			t.Errorf("%q: want cue %s at %q, found %v; add the form to assets/lang/attributions.tsv", c.text, c.class, c.cue, got)
		})
	}
}

// TestAttributionHolders checks that each cue finds its holder, the nearest person or
// organisation of its sentence, on either side of it (or before it only for a reward or a
// ban: the one who offers it, not the one it targets).
func TestAttributionHolders(t *testing.T) {
	cases := []struct {
		lang, text string
		facts      []azFactSpec
		key        string // the attribution wanted
		holder     string // its holder's surface, "" for none
	}{
		{"en", "The ship is owned by Japan's Kaito Lines, which apologised.",
			[]azFactSpec{azAct("Japan", "Japan", ActorCountry), azAct("Kaito Lines", "local:kaito lines", ActorOrg)}, "role:owner", "Kaito Lines"},
		{"fr", "Le décès a été constaté à 17 h 03, a annoncé le Premier ministre Jean Marel.",
			[]azFactSpec{azAct("Jean Marel", "local:jean marel", ActorPerson)}, "t:17:03", "Jean Marel"},
		{"es", "La naviera Kaito Lines es propietaria del buque.",
			[]azFactSpec{azAct("Kaito Lines", "local:kaito lines", ActorOrg)}, "role:owner", "Kaito Lines"},
		{"de", "Die Klinik Nordstadt stellte um 17.03 Uhr den Tod fest, sagte ein Sprecher.",
			[]azFactSpec{azAct("Klinik Nordstadt", "local:klinik nordstadt", ActorOrg)}, "t:17:03", "Klinik Nordstadt"},
		{"ru", "Смерть констатировали в 17:03, сообщили в больнице Нарского университета.",
			[]azFactSpec{azAct("больнице Нарского университета", "local:nara hospital", ActorOrg)}, "t:17:03", "больнице Нарского университета"},
		{"ar", "وأعلن الوزير سامي حداد حظر التصدير ابتداء من الساعة 18:00.",
			[]azFactSpec{azAct("سامي حداد", "local:sami haddad", ActorPerson)}, "role:ban", "سامي حداد"},
		{"vi", "Chủ sở hữu con tàu là hãng Kaito Lines của Nhật Bản.",
			[]azFactSpec{azAct("Kaito Lines", "local:kaito lines", ActorOrg), azAct("Nhật Bản", "Japan", ActorCountry)}, "role:owner", "Kaito Lines"},
		{"zh", "联邦调查局悬赏1000万美元，缉拿黑客组织“锁浪”。",
			[]azFactSpec{azAct("联邦调查局", "Federal Bureau of Investigation", ActorOrg)}, "role:reward", "联邦调查局"},
		// The subject before the speech verb speaks, not a name after another verb ("a group
		// called Nightowl"); a statement word (/say) is its subject's statement.
		{"en", "The FBI said on 10 May 2021 that a group called Nightowl was behind the attack.",
			[]azFactSpec{azAct("FBI", "Federal Bureau of Investigation", ActorOrg), azDate("10 May 2021", "2021-05-10"), azAct("Nightowl", "local:nightowl", ActorGroup)}, "about:blame|d:2021-05-10", "FBI"},
		{"vi", "Hôm 10/5/2021, FBI đã quy trách nhiệm cho nhóm Nightowl.",
			[]azFactSpec{azDate("10/5/2021", "2021-05-10"), azAct("FBI", "Federal Bureau of Investigation", ActorOrg), azAct("Nightowl", "local:nightowl", ActorGroup)}, "about:blame|d:2021-05-10", "FBI"},
		// A pronoun subject stands for the one person of the sentence before.
		{"zh", "总统李明7日发表讲话。他并称这是自1939年以来最严重的灾难。",
			[]azFactSpec{azAct("李明", "local:li ming", ActorPerson), azDate("1939", "1939")}, "about:record|d:1939", "李明"},
		{"en", "President Ana Reis spoke on Monday. She called it the worst disaster since 1939.",
			[]azFactSpec{azAct("Ana Reis", "local:ana reis", ActorPerson), azDate("1939", "1939")}, "about:record|d:1939", "Ana Reis"},
		// Not when the sentence before names two people.
		{"en", "Ana Reis met Rui Sousa on Monday. She called it the worst disaster since 1939.",
			[]azFactSpec{azAct("Ana Reis", "local:ana reis", ActorPerson), azAct("Rui Sousa", "local:rui sousa", ActorPerson), azDate("1939", "1939")}, "about:record|d:1939", ""},
		// "其他" (other) is no pronoun.
		{"zh", "总统李明7日发表讲话。其他官员称这是自1939年以来最严重的灾难。",
			[]azFactSpec{azAct("李明", "local:li ming", ActorPerson), azDate("1939", "1939")}, "about:record|d:1939", ""},
		// A passive names the holder after the role, whatever stands before it.
		{"en", "A reward of up to $10 million for LockWave was offered by the State Department.",
			[]azFactSpec{azAct("LockWave", "local:lockwave", ActorGroup), azAct("State Department", "United States Department of State", ActorOrg)}, "role:reward", "State Department"},
		{"fr", "Une récompense visant LockWave a été offerte par le FBI.",
			[]azFactSpec{azAct("LockWave", "local:lockwave", ActorGroup), azAct("FBI", "Federal Bureau of Investigation", ActorOrg)}, "role:reward", "FBI"},
		// Tone marks are dropped in matching: "cầm quyền" (in power) is no ban ("cấm").
		{"vi", "Ứng cử viên Sato Kei của đảng cầm quyền phát biểu tại Nara.",
			[]azFactSpec{azAct("Sato Kei", "local:sato kei", ActorPerson)}, "role:ban", ""},
		// A reward's holder comes before it: the group it targets is not the one who offers it.
		{"en", "A reward was announced for information on LockWave.",
			[]azFactSpec{azAct("LockWave", "local:lockwave", ActorGroup)}, "role:reward", ""},
		// An agency that gives the time of an event ("according to") does not hold it.
		{"en", "The quake struck at 4:17 a.m., according to the Geological Survey.",
			[]azFactSpec{azAct("Geological Survey", "United States Geological Survey", ActorOrg)}, "t:04:17", ""},
		{"zh", "据美国地质调查局测定，地震发生在当地时间4时17分。",
			[]azFactSpec{azAct("美国地质调查局", "United States Geological Survey", ActorOrg)}, "t:04:17", ""},
		// A country does not hold a statement: someone speaks for it.
		{"en", "Japan said at 17:03 that the port was closed.",
			[]azFactSpec{azAct("Japan", "Japan", ActorCountry)}, "t:17:03", ""},
		// Two speakers in one sentence: the time belongs to neither for sure.
		{"en", "At 17:03 Kaito Lines said the ship was free, and Ana Reis told reporters it was not.",
			[]azFactSpec{azAct("Kaito Lines", "local:kaito lines", ActorOrg), azAct("Ana Reis", "local:ana reis", ActorPerson)}, "t:17:03", ""},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.key, func(t *testing.T) {
			d, fs := azMkDoc(t, "x", c.lang, "", c.text, c.facts...)
			a := newArticle(d, fs)
			got := ""
			for _, at := range attributions(a) {
				if at.key == c.key {
					got = a.facts[at.holder].Text
				}
			}
			if got != c.holder {
				t.Errorf("%q: %s held by %q, want %q", c.text, c.key, got, c.holder)
			}
		})
	}
}

// TestClockTimes checks the times of day each language writes, and figures that are not
// times.
func TestClockTimes(t *testing.T) {
	cases := []struct {
		lang, text, want string // want: "" for no time
	}{
		{"en", "He was pronounced dead at 5:03 p.m. local time.", "17:03"},
		{"en", "It ran aground at around 7.40am on Tuesday.", "07:40"},
		{"en", "The toll rose to 2.35 million people.", ""},
		{"fr", "Son décès a été constaté à 17 h 03.", "17:03"},
		{"fr", "Le séisme a frappé à 4h17.", "04:17"},
		{"es", "La segunda explosión, a las 19.03 horas.", "19:03"},
		{"es", "Una magnitud de 2,3 y 12.50 euros.", ""},
		{"de", "Er starb um 17.03 Uhr Ortszeit.", "17:03"},
		{"de", "Das Schiff lief am 23.03.2021 auf Grund.", ""},
		{"ru", "Смерть констатировали в 17:03 по местному времени.", "17:03"},
		{"ar", "أعلنت المستشفى الوفاة في الساعة 17:03 بالتوقيت المحلي.", "17:03"},
		{"vi", "Vụ nổ súng xảy ra khoảng 11h30 sáng.", "11:30"},
		{"vi", "Ông qua đời lúc 5 giờ 03 chiều.", "17:03"},
		{"zh", "于当地时间17时03分去世。", "17:03"},
		{"zh", "下午5时03分宣布死亡。", "17:03"},
		{"zh", "震级为7.8级。", ""},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.want, func(t *testing.T) {
			got := ""
			for _, ct := range clockTimes([]rune(c.text), c.lang) {
				got = ct.value
				if span := string([]rune(c.text)[ct.start:ct.end]); !strings.ContainsAny(span, "0123456789") {
					t.Errorf("%q: span %q holds no digit", c.text, span)
				}
			}
			if got != c.want {
				t.Errorf("%q: time %q, want %q; see assets/lang/clock.tsv", c.text, got, c.want)
			}
		})
	}
}

// TestDistinctHolders checks what is never two holders: one name in two scripts or two
// lengths, a minister and a ministry.
func TestDistinctHolders(t *testing.T) {
	mk := func(lang, text string, spec azFactSpec) *article {
		d, fs := azMkDoc(t, "x", lang, "", text, spec)
		return newArticle(d, fs)
	}
	cases := []struct {
		name string
		a, b *article
		want bool
	}{
		{"same unknown name in two scripts",
			mk("en", "Ana Ferreira said so.", azAct("Ana Ferreira", "local:ana ferreira", ActorPerson)),
			mk("ru", "Ана Феррейра заявила так.", azAct("Ана Феррейра", "local:ana ferreira", ActorPerson)), false},
		{"same name, transliterated apart",
			mk("en", "Ana Ferreira said so.", azAct("Ana Ferreira", "local:ana ferreira", ActorPerson)),
			mk("ru", "Ана Феррейра заявила так.", azAct("Ана Феррейра", "local:ana ferreyra", ActorPerson)), false},
		{"a name and its part",
			mk("en", "Evergreen Marine said so.", azAct("Evergreen Marine", "local:evergreen marine", ActorOrg)),
			mk("de", "Evergreen sagte das.", azAct("Evergreen", "local:evergreen", ActorOrg)), false},
		{"a minister and the ministry",
			mk("en", "Health Minister Ana Reis said so.", azAct("Ana Reis", "local:ana reis", ActorPerson)),
			mk("en", "The Ministry of Health said so.", azAct("Ministry of Health", "Ministry of Health (Portugal)", ActorOrg)), false},
		{"a prime minister and a hospital",
			mk("fr", "a annoncé le Premier ministre Fumio Kishida.", azAct("Fumio Kishida", "Fumio Kishida", ActorPerson)),
			mk("en", "Nara Medical University Hospital announced.", azAct("Nara Medical University Hospital", "local:nara medical university hospital", ActorOrg)), true},
		{"two ministries of one country",
			mk("en", "The Ministry of Defence said so.", azAct("Ministry of Defence", "Ministry of Defence (Russia)", ActorOrg)),
			mk("de", "Das Außenministerium sagte das.", azAct("Außenministerium", "Ministry of Foreign Affairs (Russia)", ActorOrg)), true},
		{"two defence ministries share a word that is a name: not beyond doubt",
			mk("en", "The Ministry of Defence said so.", azAct("Ministry of Defence", "Ministry of Defence (Russia)", ActorOrg)),
			mk("fr", "Le ministère de la Défense l'a dit.", azAct("ministère de la Défense", "Ministry of Defence (Ukraine)", ActorOrg)), false},
		{"two known people",
			mk("zh", "朔尔茨表示。", azAct("朔尔茨", "Olaf Scholz", ActorPerson)),
			mk("fr", "Mette Frederiksen a affirmé.", azAct("Mette Frederiksen", "Mette Frederiksen", ActorPerson)), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := attribution{holder: 0, who: c.a.facts[0], sent: c.a.factSent[0]}
			q := attribution{holder: 0, who: c.b.facts[0], sent: c.b.factSent[0]}
			if got := distinctHolders(c.a, p, c.b, q); got != c.want {
				t.Errorf("distinctHolders(%q, %q) = %v, want %v", c.a.facts[0].Text, c.b.facts[0].Text, got, c.want)
			}
		})
	}
}

// roleStory is a small original story in four languages (written for this test): the French
// version credits the reward to the FBI, which the others name as helping the police, while
// they credit it to the State Department. The time the systems came back is credited to the
// same prime minister everywhere, written in two scripts.
var roleStory = []struct{ id, lang, text string }{
	{"en", "en", `LISBON — A ransomware attack shut down the cargo systems of the Port of Lisbon on Monday, 3 March 2025, stranding hundreds of containers.

The U.S. State Department offered a reward of up to $10 million for information on the LockWave group, which claimed the attack. The FBI is helping Portuguese police with the investigation.

Port systems were restored at 14:30 on Tuesday, Prime Minister Ana Ferreira said.`},
	{"fr", "fr", `LISBONNE — Une attaque par rançongiciel a paralysé lundi 3 mars 2025 les systèmes du port de Lisbonne, bloquant des centaines de conteneurs.

Le FBI a offert une récompense pouvant atteindre 10 millions de dollars pour toute information sur le groupe LockWave, qui a revendiqué l'attaque.

Les systèmes ont été rétablis mardi à 14 h 30, a annoncé la Première ministre Ana Ferreira.`},
	{"es", "es", `LISBOA — Un ataque de ransomware paralizó el lunes 3 de marzo de 2025 los sistemas de carga del puerto de Lisboa.

El Departamento de Estado de Estados Unidos ofreció una recompensa de hasta 10 millones de dólares por información sobre el grupo LockWave. El FBI colabora con la policía portuguesa.

Los sistemas se restablecieron el martes a las 14.30 horas, dijo la primera ministra Ana Ferreira.`},
	{"ru", "ru", `ЛИССАБОН — Атака программы-вымогателя в понедельник, 3 марта 2025 года, остановила грузовые системы порта Лиссабона.

Госдепартамент США предложил вознаграждение до 10 млн долларов за информацию о группировке LockWave. ФБР помогает португальской полиции в расследовании.

Системы восстановлены во вторник в 14:30, заявила премьер-министр Ана Феррейра.`},
}

// TestAttributionStory runs the whole pipeline (extraction included) on roleStory: one actor
// flag, on the reward, quoting the French and the other holders; none on the prime minister.
func TestAttributionStory(t *testing.T) {
	var docs []Document
	for _, s := range roleStory {
		docs = append(docs, Document{ID: s.id, Lang: s.lang, Text: s.text, Published: "2025-03-04"})
	}
	res := Analyze(docs, nil, AnalyzeOptions{})
	flags := azKinds(res, DiscActor)
	if len(flags) != 1 {
		for _, d := range flags {
			t.Logf("actor flag: %s", d.Summary)
		}
		t.Fatalf("%d actor flags, want 1 (the reward credited to the FBI in fr)", len(flags))
	}
	d := flags[0]
	held := map[string]string{}
	for _, m := range d.Members {
		if m.Value != nil {
			held[m.Article] = m.Text
		}
	}
	want := map[string]string{"fr": "FBI", "en": "U.S. State Department", "es": "Departamento de Estado", "ru": "Госдепартамент"}
	for art, text := range want {
		if held[art] != text {
			t.Errorf("flag %q: %s holder %q, want %q (members %+v)", d.Summary, art, held[art], text, d.Members)
		}
	}
	if d.Severity != SeverityMajor || !strings.Contains(d.Summary, "Federal Bureau of Investigation") || !strings.Contains(d.Summary, "reward") {
		t.Errorf("flag %s %q: want a major flag naming the FBI and the reward", d.Severity, d.Summary)
	}
}

// TestAttributionsOddFacts feeds spans no extractor makes (hand-made facts on signs, at the
// end of the text, empty): attributions must not fail on them.
func TestAttributionsOddFacts(t *testing.T) {
	text := "The ship is owned by 42, said Ana Reis at 17:03 —"
	cases := [][2]int{{21, 23}, {len([]rune(text)) - 1, len([]rune(text))}, {5, 5}, {0, 3}}
	for _, c := range cases {
		d := Document{ID: "x", Lang: "en", Text: text}
		fs := []Fact{{ID: "f", Kind: KindActor, Start: c[0], End: c[1], Value: "local:x", Type: ActorOrg,
			Text: string([]rune(text)[c[0]:c[1]])}}
		a := newArticle(d, fs)
		_ = attributions(a) // must not panic
	}
}
