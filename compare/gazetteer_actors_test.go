package compare

import (
	"bufio"
	"sort"
	"strings"
	"testing"

	"parallax/assets"
)

// actors.tsv is curated by hand: these tests keep it loadable and unambiguous as it grows.

// TestActorsTSVOneLinePerID: an actor is one line. A second line with the same id would
// merge silently into the first, hiding a mistake (two people given one title).
func TestActorsTSVOneLinePerID(t *testing.T) {
	f, err := assets.Gazetteer.Open("gazetteer/actors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			t.Errorf("line %d: want id, type and names: %q", n, line)
			continue
		}
		switch fields[1] {
		case ActorPerson, ActorOrg, ActorGroup, ActorPlace, ActorCountry, typProduct:
		default:
			t.Errorf("line %d: unknown type %q", n, fields[1])
		}
		for _, fl := range fields[2:] {
			if strings.HasPrefix(fl, "@") {
				continue
			}
			lang, names, ok := strings.Cut(fl, ":")
			if !ok || lang == "" {
				t.Errorf("line %d: field %q is not lang:names", n, fl)
				continue
			}
			for _, nm := range strings.Split(names, "|") {
				if strings.TrimSpace(strings.TrimPrefix(nm, "~")) == "" || nm != strings.TrimSpace(nm) {
					t.Errorf("line %d (%s): empty or padded name %q", n, fields[0], nm)
				}
			}
		}
		if prev, ok := seen[fields[0]]; ok {
			t.Errorf("id %q on lines %d and %d", fields[0], prev, n)
		}
		seen[fields[0]] = n
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestGazetteerNoSharedNames: no name of a person, organisation or group reads as two of
// them in one language. Matching keeps the first candidate of a tie, so a shared name would
// quietly give every mention to whichever line came first.
func TestGazetteerNoSharedNames(t *testing.T) {
	g := loadGazetteer()
	curated := map[string]bool{}
	if err := readTSV(assets.Gazetteer, "actors.tsv", func(f []string) error {
		curated[f[0]] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	named := func(a int32) bool {
		if !curated[g.actors[a].id] {
			return false // template names (Niger, Nigeria share a Russian stem) are not curated
		}
		switch g.actors[a].typ {
		case ActorPerson, ActorOrg, ActorGroup:
			return true
		}
		return false
	}
	overlap := func(a, b *candidate) bool {
		if a.langs == nil || b.langs == nil || a.en || b.en {
			return true
		}
		for _, x := range a.langs {
			for _, y := range b.langs {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	var bad []string
	for key, cands := range g.names {
		for i := range cands {
			for j := i + 1; j < len(cands); j++ {
				a, b := &cands[i], &cands[j]
				if a.actor == b.actor || !named(a.actor) || !named(b.actor) || a.adj || b.adj {
					continue
				}
				// A family name shared by two people is allowed as a short form of each:
				// it counts only in an article that names one of them in full.
				if a.short && b.short || a.exact != b.exact || a.capFirst != b.capFirst {
					continue
				}
				if overlap(a, b) {
					bad = append(bad, key+": "+g.actors[a.actor].id+" / "+g.actors[b.actor].id)
				}
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Errorf("name shared by two actors: %s", b)
	}
}

// gazCases are sentences written for these tests: each lists every actor id the text must
// yield, in order. They sample the curated actors in all eight languages, with the forms the
// press of each language uses (inflected, with clitics, family name alone after the full name),
// and the words a short or foreign name must not be read in.
var gazCases = []struct {
	name, lang, text string
	want             []string
}{
	{"en person and group", "en", "Yevgeny Prigozhin said the Wagner Group would turn back.",
		[]string{"Yevgeny Prigozhin", "Wagner Group"}},
	{"fr person and group", "fr", "Evgueni Prigojine a affirmé que le groupe Wagner faisait demi-tour.",
		[]string{"Yevgeny Prigozhin", "Wagner Group"}},
	{"es person and group", "es", "El jefe del Grupo Wagner, Yevgueni Prigozhin, ordenó la retirada.",
		[]string{"Wagner Group", "Yevgeny Prigozhin"}},
	{"de person and group", "de", "Jewgeni Prigoschin führte die Wagner-Gruppe zurück.",
		[]string{"Yevgeny Prigozhin", "Wagner Group"}},
	{"ru person in a case form", "ru", "Колонна Евгения Пригожина остановилась, сообщили в ЧВК «Вагнер».",
		[]string{"Yevgeny Prigozhin", "Wagner Group"}},
	{"ar person and group with clitic", "ar", "وقال يفغيني بريغوجين إن لمجموعة فاغنر أهدافا أخرى",
		[]string{"Yevgeny Prigozhin", "Wagner Group"}},
	{"vi person and group", "vi", "Ông Yevgeny Prigozhin, người đứng đầu Tập đoàn Wagner, đã lên tiếng.",
		[]string{"Yevgeny Prigozhin", "Wagner Group"}},
	{"zh group and family name", "zh", "瓦格纳集团创始人普里戈任当天发表讲话。",
		[]string{"Wagner Group", "Yevgeny Prigozhin"}},

	{"en relief organisation", "en", "Doctors Without Borders sent two surgical teams.", []string{"Médecins Sans Frontières"}},
	{"fr relief organisation", "fr", "Médecins sans frontières a envoyé deux équipes.", []string{"Médecins Sans Frontières"}},
	{"es relief organisation", "es", "Médicos Sin Fronteras envió dos equipos.", []string{"Médecins Sans Frontières"}},
	{"de relief organisation", "de", "Ärzte ohne Grenzen schickte zwei Teams.", []string{"Médecins Sans Frontières"}},
	{"ru relief organisation", "ru", "Организация «Врачи без границ» направила две бригады.", []string{"Médecins Sans Frontières"}},
	{"ar relief organisation", "ar", "وأرسلت منظمة أطباء بلا حدود فريقين", []string{"Médecins Sans Frontières"}},
	{"vi relief organisation", "vi", "Tổ chức Bác sĩ không biên giới đã cử hai đội.", []string{"Médecins Sans Frontières"}},
	{"zh relief organisation", "zh", "无国界医生派出两支医疗队。", []string{"Médecins Sans Frontières"}},

	{"ru instrumental case", "ru", "Путин встретился с Рамзаном Кадыровым.", []string{"Vladimir Putin", "Ramzan Kadyrov"}},
	{"de German spelling", "de", "Ramsan Kadyrow äußerte sich nicht.", []string{"Ramzan Kadyrov"}},
	{"ar clitic before an organisation", "ar", "وأعلن والحرس الثوري مسؤوليته", []string{"Islamic Revolutionary Guard Corps"}},
	{"fr news agency", "fr", "selon l'agence officielle Sana et l'Irna", []string{"Syrian Arab News Agency", "Islamic Republic News Agency"}},
	{"zh Chinese leader", "zh", "胡锦涛和温家宝出席了会议。", []string{"Hu Jintao", "Wen Jiabao"}},
	{"vi Sino-Vietnamese name", "vi", "Ông Hồ Cẩm Đào tiếp ông Vương Kỳ Sơn.", []string{"Hu Jintao", "Wang Qishan"}},

	// A family name that is common counts only after the full name in the same article.
	{"en short form after the full name", "en", "Hakan Fidan met reporters. Fidan said talks would go on.",
		[]string{"Hakan Fidan", "Hakan Fidan"}},
	{"en short form alone", "en", "Fidan said talks would go on.", nil},
	{"de Herzog is a duke", "de", "Der Herzog von Edinburgh besuchte die Stadt.", []string{"Edinburgh"}},
	{"ru common family name alone", "ru", "Герасимов и Белоусов не ответили.", nil},
	{"ru sentence-initial word is no Musk", "ru", "Маски сорвали с лиц.", nil},
	{"ar aid is no Aoun", "ar", "وطلب عون الدولة", nil},
	{"ar stated is no AFAD", "ar", "أفاد شهود بوقوع انفجار", nil},
	{"zh he believes is no Thaksin", "zh", "他信任这位医生。", nil},
	{"zh daily output is no Nissan", "zh", "原油日产量下降。", nil},
	{"zh high inflation is no Qualcomm", "zh", "高通胀仍在持续。", nil},
	{"zh by military means is no IDF", "zh", "以军事手段解决问题。", nil},
}

func TestGazetteerActorsInEveryLanguage(t *testing.T) {
	for _, c := range append(gazCases, regionCases...) {
		t.Run(c.name, func(t *testing.T) {
			got := extractActors(Document{Lang: c.lang, Text: c.text}, Options{})
			var ids []string
			for _, f := range got {
				ids = append(ids, f.Value.(string))
			}
			if strings.Join(ids, "|") != strings.Join(c.want, "|") {
				t.Errorf("extractActors(%q)\n got  %q\n want %q", c.text, ids, c.want)
			}
			checkActorSpans(t, c.text, got)
		})
	}
}
