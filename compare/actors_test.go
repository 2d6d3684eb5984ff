package compare

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

type actorWant struct{ surface, id string }

// actorCases feed TestExtractActors and the fuzz corpus. Each lists every actor the text must
// yield, in order, and nothing else.
var actorCases = []struct {
	name, lang, text string
	want             []actorWant
}{
	{"en spokesperson and ministry", "en",
		"Chinese Foreign Ministry spokesperson Wang Wenbin said the US and NATO had no evidence.",
		[]actorWant{{"Chinese Foreign Ministry", "Ministry of Foreign Affairs of the People's Republic of China"}, {"Wang Wenbin", "Wang Wenbin"}, {"US", "United States"}, {"NATO", "NATO"}}},
	{"en embassy frame with capital host", "en",
		"The Chinese embassy in London rejected the claims made by Britain.",
		[]actorWant{{"Chinese embassy in London", "Embassy of China in the United Kingdom"}, {"Britain", "United Kingdom"}}},
	{"en misspelt person keeps its spelling", "en",
		"Anthony Blinken met Josep Borrell in Brussels on Monday.",
		[]actorWant{{"Anthony Blinken", "Antony Blinken"}, {"Josep Borrell", "Josep Borrell"}, {"Brussels", "Brussels"}}},
	{"en pronoun us is not the US", "en",
		"Tell us what you think. The Ministry said nothing.",
		nil},
	{"fr elision and articles", "fr",
		"Pékin dénonce l'OTAN et l'UE, selon le ministère chinois des Affaires étrangères.",
		[]actorWant{{"Pékin", "Beijing"}, {"OTAN", "NATO"}, {"UE", "European Union"}, {"ministère chinois des Affaires étrangères", "Ministry of Foreign Affairs of the People's Republic of China"}}},
	{"fr missing accent and short forms", "fr",
		"Les Etats-Unis et la Grande-Bretagne accusent la Chine.",
		[]actorWant{{"Etats-Unis", "United States"}, {"Grande-Bretagne", "United Kingdom"}, {"Chine", "China"}}},
	{"fr government adjective, adjective alone", "fr",
		"Le gouvernement chinois a répondu à des responsables américains.",
		[]actorWant{{"gouvernement chinois", "China"}}},
	{"fr glued tokens", "fr",
		"ΜPékin accuse les USAAh et le mal intentionnéPékin.",
		[]actorWant{{"Pékin", "Beijing"}, {"USA", "United States"}, {"Pékin", "Beijing"}}},
	{"fr embassy without sender", "fr",
		"La Chine a démenti, avec son ambassade en Nouvelle-Zélande.",
		[]actorWant{{"Chine", "China"}, {"ambassade en Nouvelle-Zélande", "Embassy of China in New Zealand"}}},
	{"ar clitics and article", "ar",
		"وأكدت الخارجية الصينية أن بكين ترفض اتهامات واشنطن وللصين حق الرد بالولايات المتحدة",
		[]actorWant{{"الخارجية الصينية", "Ministry of Foreign Affairs of the People's Republic of China"}, {"بكين", "Beijing"}, {"واشنطن", "Washington, D.C."}, {"للصين", "China"}, {"الولايات المتحدة", "United States"}}},
	{"ar nisba adjective is not a mention", "ar",
		"قال الرئيس الأمريكي جو بايدن إن الشركات الصينية",
		[]actorWant{{"جو بايدن", "Joe Biden"}}},
	{"ar embassy with misspelt host", "ar",
		"وشددت السفارة الصينية في نيزيلاندا على موقفها",
		[]actorWant{{"السفارة الصينية في نيزيلاندا", "Embassy of China in New Zealand"}}},
	{"de adjectives inside a name in every case, the last word in the genitive", "de",
		"Ein Sprecher der Europäischen Kommission widersprach dem Europäischen Parlament; die Sprecherin des Weißen Hauses und der Vereinigten Staaten schwieg.",
		[]actorWant{{"Europäischen Kommission", "European Commission"}, {"Europäischen Parlament", "European Parliament"}, {"Weißen Hauses", "White House"}, {"Vereinigten Staaten", "United States"}}},
	{"de the genitive of a name without adjectives", "de",
		"Die Truppen des Islamischen Staates und Vertreter der Arabischen Liga trafen sich.",
		[]actorWant{{"Islamischen Staates", "Islamic State"}, {"Arabischen Liga", "Arab League"}}},
	{"ru case endings", "ru",
		"МИД Китая заявил, что Пекина и Москве нечего скрывать, а НАТО и США угрожают Китаю.",
		[]actorWant{{"МИД Китая", "Ministry of Foreign Affairs of the People's Republic of China"}, {"Пекина", "Beijing"}, {"Москве", "Moscow"}, {"НАТО", "NATO"}, {"США", "United States"}, {"Китаю", "China"}}},
	{"ru glued name", "ru",
		"представитель Чжао Лицзяньчто отметил",
		[]actorWant{{"Чжао Лицзянь", "Zhao Lijian"}}},
	{"ru unknown Chinese name via Palladius", "ru",
		"Об этом заявил Ли Цзяньго на брифинге вместе с Сергеем Лавровым.",
		[]actorWant{{"Ли Цзяньго", "local:li jianguo"}, {"Сергеем Лавровым", "Sergey Lavrov"}}},
	{"vi multi-syllable names", "vi",
		"Bộ Ngoại giao Trung Quốc cho biết Bắc Kinh phản đối Mỹ, Liên minh châu Âu và Nhật Bản; ông Tập Cận Bình",
		[]actorWant{{"Bộ Ngoại giao Trung Quốc", "Ministry of Foreign Affairs of the People's Republic of China"}, {"Bắc Kinh", "Beijing"}, {"Mỹ", "United States"}, {"Liên minh châu Âu", "European Union"}, {"Nhật Bản", "Japan"}, {"Tập Cận Bình", "Xi Jinping"}}},
	{"vi mission to an organisation", "vi",
		"phái đoàn ngoại giao Trung Quốc tại EU cho biết",
		[]actorWant{{"phái đoàn ngoại giao Trung Quốc tại EU", "Mission of China to the European Union"}}},
	{"es", "es",
		"El Gobierno chino respondió a Estados Unidos, la OTAN y EE.UU. desde Pekín.",
		[]actorWant{{"Gobierno chino", "China"}, {"Estados Unidos", "United States"}, {"OTAN", "NATO"}, {"EE.UU", "United States"}, {"Pekín", "Beijing"}}},
	{"de", "de",
		"Das chinesische Außenministerium kritisierte die USA, Peking und Moskau; Olaf Scholz schwieg.",
		[]actorWant{{"chinesische Außenministerium", "Ministry of Foreign Affairs of the People's Republic of China"}, {"USA", "United States"}, {"Peking", "Beijing"}, {"Moskau", "Moscow"}, {"Olaf Scholz", "Olaf Scholz"}}},
	{"zh", "zh",
		"中国外交部发言人汪文斌表示，美国和北约的指责毫无根据。",
		[]actorWant{{"中国外交部", "Ministry of Foreign Affairs of the People's Republic of China"}, {"汪文斌", "Wang Wenbin"}, {"美国", "United States"}, {"北约", "NATO"}}},
	{"unknown company name extends a known one", "fr",
		"Nouvelles de Xiaomi Miui Hellas sur Microsoft Exchange.",
		[]actorWant{{"Xiaomi Miui Hellas", "local:xiaomi miui hellas"}}},
	{"sentence-initial common words are not names", "fr",
		"Comment Faire la cuisine. Les pirates ont attaqué. Lire Aussi",
		nil},
}

func TestExtractActors(t *testing.T) {
	for _, c := range actorCases {
		t.Run(c.name, func(t *testing.T) {
			got := extractActors(Document{Lang: c.lang, Text: c.text}, Options{})
			var gw []actorWant
			for _, f := range got {
				gw = append(gw, actorWant{f.Text, f.Value.(string)})
			}
			if !reflect.DeepEqual(gw, c.want) {
				t.Errorf("extractActors(%q)\n got  %v\n want %v", c.text, gw, c.want)
			}
			checkActorSpans(t, c.text, got)
		})
	}
}

func TestExtractActorsTypesAndConfidence(t *testing.T) {
	got := extractActors(Document{Lang: "fr", Text: "Zhao Lijiang et Pékin, selon Nguyễn Phương."}, Options{})
	if len(got) != 3 {
		t.Fatalf("got %d facts, want 3: %+v", len(got), got)
	}
	if got[0].Value != "Zhao Lijian" || got[0].Text != "Zhao Lijiang" || got[0].Type != ActorPerson || got[0].Confidence >= 1 {
		t.Errorf("misspelt person: %+v", got[0])
	}
	if CanonicalName(got[0].Value.(string)) != "Zhao Lijian" {
		t.Errorf("CanonicalName(%v) = %q", got[0].Value, CanonicalName(got[0].Value.(string)))
	}
	if got[1].Type != ActorPlace || got[1].Label != "Beijing" || got[1].Confidence != 1 {
		t.Errorf("capital: %+v", got[1])
	}
	if got[2].Value != "local:nguyen phuong" || got[2].Label != "Nguyễn Phương" || got[2].Confidence >= 1 {
		t.Errorf("unknown name: %+v", got[2])
	}
}

func TestExtractActorsAliasesWin(t *testing.T) {
	opts := Options{Aliases: []Alias{
		{Surface: "Nguyễn Phương", ActorID: "Nguyen Phuong (journalist)", Label: "Nguyen Phuong", Type: ActorPerson},
		{Surface: "Pékin", ActorID: "China"},
	}}
	got := extractActors(Document{Lang: "fr", Text: "Selon Nguyễn Phương, Pékin refuse."}, opts)
	if len(got) != 2 || got[0].Value != "Nguyen Phuong (journalist)" || got[1].Value != "China" || got[1].Type != ActorCountry {
		t.Fatalf("aliases did not win: %+v", got)
	}
}

func TestLookupActor(t *testing.T) {
	for _, c := range []struct{ surface, lang, id string }{
		{"Китаю", "ru", "China"}, {"للصين", "ar", "China"}, {"l'OTAN", "fr", "NATO"},
		{"Bắc Kinh", "vi", "Beijing"}, {"Etats-Unis", "fr", "United States"}, {"北约", "zh", "NATO"},
		{"chinois", "fr", ""}, {"Microsoft Exchange", "en", ""}, {"My", "vi", ""},
	} {
		id, _, _, ok := LookupActor(c.surface, c.lang)
		if id != c.id || ok != (c.id != "") {
			t.Errorf("LookupActor(%q, %q) = %q, %v; want %q", c.surface, c.lang, id, ok, c.id)
		}
	}
}

func TestTransliterateAndFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Чжао Лицзянь", "Zhao Lijian"}, {"Си Цзиньпин", "Xi Jinping"}, {"Лю Пэнъюй", "Liu Pengyu"},
		{"Путин", "Putin"}, {"Сергей Лавров", "Sergey Lavrov"}, {"Trung Quốc", "Trung Quoc"},
		{"Pékin", "Pekin"}, {"Đà Nẵng", "Da Nang"},
	} {
		if got := Transliterate(c.in, ""); got != c.want {
			t.Errorf("Transliterate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if FoldForSearch("Pékin") != FoldForSearch("PEKIN") || FoldForSearch("Пекин") != "pekin" {
		t.Errorf("FoldForSearch is not script- and diacritic-insensitive: %q %q", FoldForSearch("Pékin"), FoldForSearch("Пекин"))
	}
	if FoldForSearch("  Zhao—Lijian!! ") != "zhao lijian" {
		t.Errorf("FoldForSearch punctuation: %q", FoldForSearch("  Zhao—Lijian!! "))
	}
}

func TestClusterNames(t *testing.T) {
	got := ClusterNames([]string{"Zhao Lijian", "Wang Wenbin", "Чжао Лицзянь", "Zhao Lijiang", "Liu Pengyu", "Лю Пэнъюй"})
	want := [][]int{{0, 2, 3}, {1}, {4, 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ClusterNames = %v, want %v", got, want)
	}
	if !SameName("Anthony Blinken", "Antony Blinken") || SameName("Wang Yi", "Wang Wenbin") {
		t.Error("SameName misjudges near and far names")
	}
}

// checkActorSpans verifies the invariants every actor fact keeps.
func checkActorSpans(t *testing.T, text string, facts []Fact) {
	t.Helper()
	rs := []rune(text)
	prevEnd := 0
	for _, f := range facts {
		if f.Start < prevEnd || f.Start >= f.End || f.End > len(rs) {
			t.Fatalf("bad span [%d,%d) after %d in %d runes: %+v", f.Start, f.End, prevEnd, len(rs), f)
		}
		prevEnd = f.End
		if string(rs[f.Start:f.End]) != f.Text {
			t.Fatalf("Text %q is not the span text %q", f.Text, string(rs[f.Start:f.End]))
		}
		if extendsCluster(rs[f.Start]) || f.End < len(rs) && extendsCluster(rs[f.End]) {
			t.Fatalf("span [%d,%d) splits a grapheme cluster in %q", f.Start, f.End, text)
		}
		if id, ok := f.Value.(string); !ok || id == "" || f.Label == "" || f.Type == "" || f.Kind != KindActor {
			t.Fatalf("incomplete actor fact %+v", f)
		}
	}
}

// extendsCluster reports runes that attach to the previous one (no grapheme boundary before).
func extendsCluster(r rune) bool {
	return unicode.IsMark(r) || r == '\u200d' || r == '\u200c' || (r >= 0xFE00 && r <= 0xFE0F) ||
		(r >= 0x1F3FB && r <= 0x1F3FF)
}

func FuzzExtractActors(f *testing.F) {
	for _, c := range actorCases {
		f.Add(c.lang, c.text)
	}
	f.Add("fr", "l'\u0301OTAN e\u0301\u200dPékin \u200d👍🏽 USAAh")
	f.Add("ar", "وللصين\u064b بالولايات ـالمتحدة")
	f.Add("", "\xff\xfe Китаяя ΜΜΜ \u200d\u0301")
	f.Fuzz(func(t *testing.T, lang, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		facts := extractActors(Document{Lang: lang, Text: text}, Options{})
		checkActorSpans(t, text, facts)
	})
}

func BenchmarkExtractActors(b *testing.B) {
	var parts []string
	if files, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt")); len(files) > 0 {
		for _, fn := range files {
			if raw, err := os.ReadFile(fn); err == nil {
				parts = append(parts, string(raw))
			}
		}
	}
	for _, c := range actorCases {
		parts = append(parts, c.text)
	}
	text := strings.Join(parts, "\n\n")
	loadGazetteer()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extractActors(Document{Text: text, Lang: ""}, Options{})
	}
}
