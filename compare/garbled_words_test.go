package compare

import (
	"strings"
	"testing"
)

// Glued words and stray words of another language, found with the word lists: one case table
// per phenomenon, sentences in each of the eight languages, names, compounds and normal
// mixed-script writing among the negatives.
func TestLexicalDamage(t *testing.T) {
	cases := []struct {
		name, lang, text string
		glued, stray     []string
	}{
		// Words run together.
		{"es article glued to a noun", "es", "El gobierno dijo que lasmedidas entrarán en vigor mañana.", []string{"lasmedidas"}, nil},
		{"es at the start of a sentence", "es", "Hubo lluvias. Lapolicía cerró dos carreteras.", []string{"Lapolicía"}, nil},
		{"fr article glued to a noun", "fr", "Le maire a fermé lesécoles du quartier jeudi.", []string{"lesécoles"}, nil},
		{"en article glued to a noun", "en", "Firefighters entered thebuilding before dawn.", []string{"thebuilding"}, nil},
		{"vi two syllables glued", "vi", "Chính quyền yêu cầu ngườidân rời khỏi khu vực.", []string{"ngườidân"}, nil},
		{"ar preposition glued to a definite noun", "ar", "وصل المسعفون فيالمدينة صباح اليوم.", []string{"فيالمدينة"}, nil},
		{"ru conjunction glued to a noun", "ru", "Министр заявил, чтоситуация остаётся сложной.", []string{"чтоситуация"}, nil},
		{"de article glued to a capitalised noun", "de", "Am Montag schloss dieStadt alle Schulen.", []string{"dieStadt"}, nil},
		{"es real words that begin with an article", "es", "El alcalde dio la alarma: el contexto es delicado y las alarmas sonaron delante del puerto.", nil, nil},
		{"fr real words that begin with an article", "fr", "Le port dessert toute la région, un dessein ancien que lesdits audits confirment.", nil, nil},
		{"en real words that begin with the", "en", "Therapists said the theatre would reopen thereafter.", nil, nil},
		{"a surname inside a sentence is a name", "fr", "Selon le préfet Paul Legrand, les secours sont arrivés ; Legrand a ajouté que la route restait fermée.", nil, nil},
		{"de compounds are one word", "de", "Die Einreise über den Grenzübergang und die Gasleitung wurden derzeit gesperrt.", nil, nil},
		{"ru prefixed words are one word", "ru", "Вход в здание закрыт, вместо этого спасатели используют запасной выход.", nil, nil},
		{"ar clitics and words that begin like a preposition", "ar", "بدأت معالجة الجرحى في المستشفى ووصلت المساعدات للمدينة.", nil, nil},
		{"vi foreign names in plain letters", "vi", "Người dùng Facebook và YouTube chia sẻ hình ảnh từ Ankara.", nil, nil},
		{"zh is written without spaces", "zh", "当局要求居民立即撤离到安全地区。", nil, nil},
		// Stray words of another language.
		{"es a German noun after an article", "es", "El portavoz de la Behörde regional no respondió.", nil, []string{"Behörde"}},
		{"fr a German noun after an article", "fr", "Le débat a gagné la Öffentlichkeit allemande.", nil, []string{"Öffentlichkeit"}},
		{"en a German noun after an article", "en", "Police closed the Straße near the harbour.", nil, []string{"Straße"}},
		{"de a Spanish noun after an article", "de", "Die Polizei brachte ihn in die comisaría am Hafen.", nil, []string{"comisaría"}},
		{"vi a German noun after a plural marker", "vi", "Cảnh sát đã liên hệ các Behörde địa phương.", nil, []string{"Behörde"}},
		{"a foreign place name without an article", "es", "La ayuda llegó a Kahramanmaraş y a Gaziantep el martes.", nil, nil},
		{"a native accented word", "fr", "La sécurité de la région est assurée.", nil, nil},
		{"ru Cyrillic text has no alphabet row", "ru", "Спасатели прибыли в Kahramanmaraş утром.", nil, nil},
		{"ar Latin brand names are fine", "ar", "نشرت الشركة بياناً على Facebook وTwitter.", nil, nil},
		{"zh Latin brand names are fine", "zh", "他在Facebook上发布了视频。", nil, nil},
		// A lone lower-case word of another script that a word list knows.
		{"es a Russian word left in", "es", "El ministerio de обороны ruso no respondió.", nil, []string{"обороны"}},
		{"fr a Russian word left in", "fr", "Le porte-parole du министерства a démenti.", nil, []string{"министерства"}},
		{"de a Russian word left in", "de", "Der Sprecher sagte, die войска seien abgezogen.", nil, []string{"войска"}},
		{"en a Russian word left in", "en", "The spokesman said the войска had withdrawn.", nil, []string{"войска"}},
		{"vi a Russian word left in", "vi", "Người phát ngôn nói войска đã rút.", nil, []string{"войска"}},
		{"ru an English word left in", "ru", "Министр заявил, что government примет меры.", nil, []string{"government"}},
		{"ar an English word left in", "ar", "قال الوزير إن government سترد قريباً.", nil, []string{"government"}},
		{"zh an English word left in", "zh", "发言人表示government将对此事进行调查。", nil, []string{"government"}},
		{"ru brands and acronyms are capitalised", "ru", "Видео опубликовали в Telegram и на YouTube, сообщает AP.", nil, nil},
		{"zh APP and iPhone are normal", "zh", "用户可以在APP和iPhone上观看直播。", nil, nil},
		{"en a gloss in brackets", "en", "The word for peace (мир) is also the word for world.", nil, nil},
		{"ru a quoted English title", "ru", "Фильм «breaking» вышел вчера.", nil, nil},
		{"ru a run of English words is another check's", "ru", "Он сказал: the government will respond.", nil, nil},
		{"ru a hashtag", "ru", "Пользователи писали под тегом #earthquake всю ночь.", nil, nil},
	}
	for _, c := range cases {
		a := newArticle(Document{ID: "x", Lang: c.lang, Text: c.text}, nil)
		glued, stray := lexicalDamage(a, wordBounds(a.runes), nil)
		stray = mergeSpans(stray, strayScriptWords(a, wordBounds(a.runes), mainScript(a.runes)))
		got := func(ws []wordSpan) string {
			var s []string
			for _, w := range ws {
				s = append(s, w.text)
				if a.text(w.start, w.end) != w.text {
					t.Errorf("%s: span text %q is not %q", c.name, w.text, a.text(w.start, w.end))
				}
			}
			return strings.Join(s, "|")
		}
		if g := got(glued); g != strings.Join(c.glued, "|") && !(c.lang == "de" && len(c.glued) > 0) {
			t.Errorf("%s: glued %q, want %q", c.name, g, c.glued)
		}
		if s := got(stray); s != strings.Join(c.stray, "|") {
			t.Errorf("%s: stray %q, want %q", c.name, s, c.stray)
		}
		// The whole check, camel-case glue included, flags exactly the listed words.
		var all []string
		for _, d := range garbledDiscrepancies("s", a, nil) {
			for _, m := range d.Members {
				all = append(all, m.Text)
			}
		}
		if want := append(append([]string(nil), c.glued...), c.stray...); strings.Join(all, "|") != strings.Join(want, "|") {
			t.Errorf("%s: garbled flags %q, want %q", c.name, all, want)
		}
	}
}

// Other versions decide: a word every version writes is a name or a shared term, not damage.
func TestLexicalDamageAcrossVersions(t *testing.T) {
	var w azWS
	w.add(t, "v-en", "en", "2024-03-04", "President Macron spoke at the Élysée on Monday.",
		azAct("Macron", "Emmanuel Macron", ActorPerson), azDate("on Monday", "2024-03-04"))
	w.add(t, "v-fr", "fr", "2024-03-04", "Le président Macron a parlé lundi à l'Élysée.",
		azAct("Macron", "Emmanuel Macron", ActorPerson), azDate("lundi", "2024-03-04"))
	w.add(t, "v-es", "es", "2024-03-04", "El presidente Macron habló el lunes en el Élysée.",
		azAct("Macron", "Emmanuel Macron", ActorPerson), azDate("el lunes", "2024-03-04"))
	if n := len(w.analyze(AnalyzeOptions{}).Stories); n != 1 {
		t.Fatalf("%d stories, want the three versions in one", n)
	}
	if g := azKinds(w.analyze(AnalyzeOptions{}), DiscGarbled); len(g) != 0 {
		t.Errorf("garbled flags on a name all versions write: %+v", g)
	}
}
