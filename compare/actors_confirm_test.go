package compare

import (
	"strings"
	"testing"
	"time"
)

// storyOf extracts each document's actors and makes them one story, as Analyze does before
// the story-level steps.
func storyOf(docs ...Document) *story {
	st := &story{}
	for i, d := range docs {
		if d.ID == "" {
			d.ID = d.Lang + string(rune('0'+i))
		}
		a := newArticle(d, ExtractFacts(d, Options{}))
		a.load()
		st.arts = append(st.arts, a)
	}
	return st
}

func actorAt(a *article, surface string) *Fact {
	for i := range a.facts {
		if f := &a.facts[i]; f.Kind == KindActor && f.Text == surface {
			return f
		}
	}
	return nil
}

// TestConfirmStoryNames: a name the Arabic or Chinese version writes without any cue is
// found through the Latin spelling of another version and takes that version's actor.
func TestConfirmStoryNames(t *testing.T) {
	en := Document{Lang: "en", Text: "Rescuers arrived in Derna on the second day of the floods.\n" +
		"The spokesman, Tarek al-Kharraz, said that the old dam in Elbistan had held all night.\n" +
		"Interior minister Suleyman Soylu flew to Gaziantep.\n" +
		"The upper dam, which locals call Abu Mansour, gave way first, said Abdelhamid Dbeibah.\n" +
		"Danish defence minister Morten Bødskov said the leaks were found near the island, far from Kahramanmaraş."}
	ar := Document{Lang: "ar", Text: "وصلت فرق الإنقاذ إلى درنة يوم الثلاثاء، وبحسب طارق الخراز فإن السد صمد.\n" +
		"وانهار سد أبو منصور أولاً، بحسب رئيس الحكومة عبد الحميد الدبيبة."}
	zh := Document{Lang: "zh", Text: "救援人员周二抵达灾区。索伊卢说，埃尔比斯坦的大坝没有垮塌。" +
		"丹麦国防大臣博斯科夫说，泄漏点远离海岸。卡赫拉曼马拉什市的居民在街头过夜。"}
	st := storyOf(en, ar, zh)
	confirmStoryNames(st)
	linkStoryNames(st)
	cases := []struct {
		art           int
		surface, want string
	}{
		{1, "درنة", "Derna"},
		{1, "طارق الخراز", "Tarek al-Kharraz"},
		// Known to the gazetteer (actors.tsv), which gives its English title.
		{1, "عبد الحميد الدبيبة", "Abdul Hamid Dbeibeh"},
		// The head word makes the name a dam, whatever the other version took it for.
		{1, "سد أبو منصور", "Abu Mansour Dam"},
		{2, "索伊卢", "Süleyman Soylu"},
		{2, "埃尔比斯坦", "Elbistan"},
		// 夫 writes v, and a long name may stray by one sound.
		{2, "博斯科夫", "Morten Bødskov"},
		// Vowels stray more in a long name; its consonants in order still match.
		{2, "卡赫拉曼马拉什", "Kahramanmaraş"},
	}
	for _, c := range cases {
		f := actorAt(st.arts[c.art], c.surface)
		if f == nil {
			t.Errorf("%s not found; facts %+v", c.surface, st.arts[c.art].facts)
			continue
		}
		if f.Label != c.want {
			t.Errorf("%s: label %q, want %q", c.surface, f.Label, c.want)
		}
	}
	// Facts stay in text order with distinct ids, and their sentences are known.
	for _, a := range st.arts {
		ids := map[string]bool{}
		for i, f := range a.facts {
			if ids[f.ID] {
				t.Errorf("duplicate fact id %s", f.ID)
			}
			ids[f.ID] = true
			if i > 0 && a.facts[i-1].Start > f.Start {
				t.Errorf("facts out of order at %d", i)
			}
		}
		if len(a.factSent) != len(a.facts) {
			t.Errorf("factSent has %d entries for %d facts", len(a.factSent), len(a.facts))
		}
	}
}

// TestConfirmStoryNamesNotCommonWords: a common word that shares a name's consonants is no
// transcription of it: طلب (request) is not Idlib, الكهرباء (electricity) not Al Arabiya, برس
// (press) not Paris,
// three words whose articles add consonants not Middle East; a Chinese name inside a longer
// transcription (哈马斯, Hamas) is not the shorter name (Hama).
func TestConfirmStoryNamesNotCommonWords(t *testing.T) {
	en := Document{Lang: "en", Text: "Shelling hit Idlib and Hama, Al Arabiya and the Middle Eastern Desk said. " +
		"Mohammed Stalst spoke.\nThe ministers later met in Paris."}
	ar := Document{Lang: "ar", Text: "وطلب السكان المساعدة بعد انقطاع الكهرباء، وأمضى الأهالي الساعات في الشوارع. " +
		"ونقلت وكالة برس عن مسؤول قوله إن الاجتماع انتهى."}
	zh := Document{Lang: "zh", Text: "哈马斯发表声明。"}
	hama := func(f Fact) bool { return f.Value != "Hamas" }
	st := storyOf(en, ar, zh)
	confirmStoryNames(st)
	for _, a := range st.arts[1:] {
		for _, f := range a.facts {
			if f.Kind == KindActor && hama(f) {
				t.Errorf("%s: %q taken for %v", a.doc.Lang, f.Text, f.Value)
			}
		}
	}
}

// TestLinkStoryNamesTwoScripts: a name only a Cyrillic and an Arabic version write is one
// name, labelled by the Cyrillic transliteration (it has the vowels).
func TestLinkStoryNamesTwoScripts(t *testing.T) {
	ru := Document{Lang: "ru", Text: "Вице-президент Турции Фуат Октай прибыл в Газиантеп."}
	ar := Document{Lang: "ar", Text: "وقال نائب الرئيس التركي فؤاد أوقطاي إن فرق الإنقاذ تعمل."}
	st := storyOf(ru, ar)
	linkStoryNames(st)
	f := actorAt(st.arts[1], "فؤاد أوقطاي")
	if f == nil || f.Label != "Fuat Oktay" {
		t.Fatalf("Arabic name not linked to the Russian one: %+v", st.arts[1].facts)
	}
}

// TestActorTraps: words that spell a gazetteer name but are none here.
func TestActorTraps(t *testing.T) {
	cases := []struct{ lang, text, notText, id string }{
		// A clock is no place: Beijing time, 北京时间, بتوقيت القاهرة.
		{"zh", "地震发生在当地时间6日4时17分（北京时间9时17分）。", "北京", "Beijing"},
		{"en", "The quake struck at 9:17 Beijing time on Monday.", "Beijing", "Beijing"},
		{"ar", "وقع الزلزال في الساعة التاسعة بتوقيت القاهرة صباح الاثنين.", "القاهرة", "Cairo"},
		// الخبر is "the news" before it is the Saudi city.
		{"ar", "ونشرت الوكالة الخبر على موقعها، وأكد الخبر مسؤول في الوزارة.", "الخبر", "Khobar"},
		// Han characters on either side of a comma are no name (人大).
		{"zh", "每救出一个人,大家都会鼓掌。", "人,大", "National People's Congress"},
	}
	for _, c := range cases {
		for _, f := range extractActors(Document{Lang: c.lang, Text: c.text}, Options{}) {
			if f.Value == c.id {
				t.Errorf("%s %q: %q taken for %s", c.lang, c.text, f.Text, c.id)
			}
		}
	}
	// The place itself still counts.
	for _, c := range []struct{ lang, text, id string }{
		{"zh", "代表团周二抵达北京。", "Beijing"},
		{"en", "The delegation flew to Beijing on Monday.", "Beijing"},
		{"ar", "وصل الوفد إلى القاهرة يوم الاثنين.", "Cairo"},
	} {
		found := false
		for _, f := range extractActors(Document{Lang: c.lang, Text: c.text}, Options{}) {
			found = found || f.Value == c.id
		}
		if !found {
			t.Errorf("%s %q: %s not found", c.lang, c.text, c.id)
		}
	}
}

// TestConfirmStoryNamesLongRun: a text that is one long run of transcription characters is
// read in time proportional to its length.
func TestConfirmStoryNamesLongRun(t *testing.T) {
	en := Document{Lang: "en", Text: "Officials said that Mustafa Celik and Raed Ahmed met Peter Berdowski in Elbistan."}
	zh := Document{Lang: "zh", Text: strings.Repeat("阿巴卡达拉", 4000) + "。"}
	st := storyOf(en, zh)
	start := time.Now()
	confirmStoryNames(st)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a 20,000-character run took %v", d)
	}
}

// TestTranslatedOrgs: a Chinese country written before the word that ends a body's name is
// that body when one Latin-script version names exactly one such body of that country; with
// none, or two, the country stays.
func TestTranslatedOrgs(t *testing.T) {
	en := Document{Lang: "en", Text: "The leaks were reported by the Danish Energy Agency on Tuesday.\n" +
		"The Turkish Red Crescent and the Greek Coast Guard sent teams, the organisers said."}
	zh := Document{Lang: "zh", Text: "丹麦能源署周二通报了泄漏。土耳其红新月会和希腊海岸警卫队派出了救援队。瑞典海岸警卫队也在现场。"}
	ar := Document{Lang: "ar", Text: "وأرسل الهلال الأحمر التركي فرقاً، وانتشرت زوارق خفر السواحل اليوناني في البحر، وقالت الشرطة اليونانية إن البحث مستمر."}
	st := storyOf(en, zh, ar)
	confirmStoryNames(st)
	for surface, label := range map[string]string{
		"الهلال الأحمر التركي": "Turkish Red Crescent",
		"خفر السواحل اليوناني": "Greek Coast Guard",
	} {
		if f := actorAt(st.arts[2], surface); f == nil || f.Label != label {
			t.Errorf("%s: got %+v, want %s", surface, f, label)
		}
	}
	// No Greek police in the other version: the adjective stays no actor.
	for _, f := range st.arts[2].facts {
		if f.Kind == KindActor && f.Value != "Turkish Red Crescent" && f.Value != "local:greek coast guard" {
			t.Errorf("ar: unexpected %q %v", f.Text, f.Value)
		}
	}
	want := map[string]string{
		"丹麦能源署":   "Danish Energy Agency",
		"土耳其红新月会": "Turkish Red Crescent",
		"希腊海岸警卫队": "Greek Coast Guard",
		// No Swedish coast guard in the other version: the words spell its name.
		"瑞典海岸警卫队": "Swedish Coast Guard",
	}
	for surface, label := range want {
		f := actorAt(st.arts[1], surface)
		if f == nil || f.Label != label {
			t.Errorf("%s: got %+v, want %s", surface, f, label)
		}
	}
}

// TestComposedOrgs: with no other version naming it, a Chinese country glued to a word that
// ends a body's name (org-words.tsv, fourth column) is the body named from the country's
// English adjective; a word with no English name, a gap between country and word, or a
// country without an English adjective leave the country as it is.
func TestComposedOrgs(t *testing.T) {
	zh := Document{Lang: "zh", Text: "挪威海军周五派出两艘舰艇。乌克兰空军称，防空系统拦截了导弹。" +
		"黎巴嫩红十字会说，伤者已送往医院。叙利亚阿拉伯红新月会的志愿者也赶到现场。" +
		"瑞典警方正在调查。瑞典国家气象局发布了预警。智利海军参与了搜救。"}
	st := storyOf(zh)
	confirmStoryNames(st)
	for _, c := range []struct{ surface, label, typ string }{
		{"挪威海军", "Norwegian Navy", ActorOrg},
		{"乌克兰空军", "Ukrainian Air Force", ActorOrg},
		{"黎巴嫩红十字会", "Lebanese Red Cross", ActorOrg},
		{"叙利亚阿拉伯红新月会", "Syrian Arab Red Crescent", ActorOrg},
		// Police bodies have no one English name pattern.
		{"瑞典", "Sweden", ActorCountry},
		// Chile has no English adjective in adjectives.tsv.
		{"智利", "Chile", ActorCountry},
	} {
		f := actorAt(st.arts[0], c.surface)
		if f == nil || f.Label != c.label || f.Type != c.typ {
			t.Errorf("%s: got %+v, want %s (%s)", c.surface, f, c.label, c.typ)
		}
	}
	for _, f := range st.arts[0].facts {
		if f.Kind == KindActor && strings.Contains(f.Text, "气象局") {
			t.Errorf("a gap (国家) before the body word: got %q %v", f.Text, f.Value)
		}
	}
}

// TestConfirmHanWrittenF: a w that German and Slavic names say as f (Rostow, Janowski) is the
// f Chinese writes with 夫, while a w before a vowel (Wagner) stays a u.
func TestConfirmHanWrittenF(t *testing.T) {
	en := Document{Lang: "en", Text: "The engineer Tomasz Janowski said on Monday that the bridge held."}
	zh := Document{Lang: "zh", Text: "工程师雅诺夫斯基周一称，大桥没有受损。"}
	st := storyOf(en, zh)
	confirmStoryNames(st)
	if f := actorAt(st.arts[1], "雅诺夫斯基"); f == nil || f.Label != "Tomasz Janowski" {
		t.Errorf("雅诺夫斯基: got %+v, want Tomasz Janowski", f)
	}
	for _, c := range []struct{ in, want string }{{"Janowski", "janofski"}, {"Rostow", "lostof"}, {"Wagner", "uagnel"}, {"Edward", "eduald"}} {
		if got := vowelKey(c.in); got != c.want {
			t.Errorf("vowelKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAnchorKeysKeepRank: a lower-ranked mention of the same actor does not lower the key's
// rank, so a third actor of that rank does not make the key ambiguous.
func TestAnchorKeysKeepRank(t *testing.T) {
	k := &anchorKeys{}
	m := map[string]storyAnchor{}
	k.add(m, "beldofski", storyAnchor{id: "local:anna berg", rank: 1})
	k.add(m, "beldofski", storyAnchor{id: "local:anna berg", rank: 2})
	k.add(m, "beldofski", storyAnchor{id: "local:anna berg", rank: 1})
	k.add(m, "beldofski", storyAnchor{id: "local:acme anna berg", rank: 1})
	if a, ok := k.lookup(m, "beldofski"); !ok || a.id != "local:anna berg" || a.rank != 2 {
		t.Errorf("got %+v %v, want local:anna berg at rank 2", a, ok)
	}
	k.add(m, "beldofski", storyAnchor{id: "local:other", rank: 2})
	if _, ok := k.lookup(m, "beldofski"); ok {
		t.Error("two actors of the same rank: want the key ambiguous")
	}
}
