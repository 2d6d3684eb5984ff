package compare

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// noiseKinds are the flags the stories in testdata/noise must never raise: every difference
// in them is a transliteration convention, an inflection, two people sharing a surname, two
// statements made on two days, or normal mixed-script writing (brands, acronyms).
var noiseKinds = map[string]bool{DiscSpelling: true, DiscGarbled: true, DiscDate: true, DiscInternal: true}

// noiseStories reads testdata/noise: story → its articles, analysed with the real extractor.
func noiseStories(t *testing.T) map[string][]Document {
	t.Helper()
	paths, err := filepath.Glob("testdata/noise/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no noise stories in testdata/noise (%v): restore the folder from git", err)
	}
	sort.Strings(paths)
	out := map[string][]Document{}
	for _, p := range paths {
		parts := strings.Split(filepath.Base(p), ".") // story.id.lang.txt
		if len(parts) != 4 {
			t.Fatalf("%s: want story.id.lang.txt", p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pub, text, _ := strings.Cut(string(b), "\n")
		title, _, _ := strings.Cut(text, "\n")
		out[parts[0]] = append(out[parts[0]], Document{ID: parts[0] + "-" + parts[1] + "-" + parts[2], Lang: parts[2],
			Text: text, Published: pub, Title: title})
	}
	return out
}

func TestNoiseStoriesRaiseNoFlags(t *testing.T) {
	for name, docs := range noiseStories(t) {
		t.Run(name, func(t *testing.T) {
			res := Analyze(docs, nil, AnalyzeOptions{})
			for _, d := range res.Discrepancies {
				if noiseKinds[d.Kind] {
					t.Errorf("%s flag on a noise story: %s", d.Kind, d.Summary)
				} else if testing.Verbose() {
					t.Logf("(%s flag, not checked here) %s", d.Kind, d.Summary)
				}
			}
		})
	}
}

// Pairs of spellings of one name: a press's convention (never a slip) or a slip.
func TestSpellingConventionsAndSlips(t *testing.T) {
	conventions := [][2]string{
		{"Prigozhin", "Prigoschin"}, {"Lukashenko", "Loukachenko"}, {"Lukashenko", "Lukaschenko"},
		{"Shoigu", "Choïgou"}, {"Shoigu", "Schoigu"}, {"Gerasimov", "Guerassimov"}, {"Gerasimov", "Gerassimow"},
		{"Peskov", "Peskow"}, {"Dmitry", "Dmitri"}, {"Sergei", "Sergey"}, {"Sergei", "Serguéi"}, {"Sergei", "Sergej"},
		{"Yevgeny", "Jewgeni"}, {"Yevgeny", "Yevgueni"}, {"Zelensky", "Selenskyj"}, {"Zelensky", "Zelenski"},
		{"Zelensky", "Zelenskiy"}, {"Erdogan", "Erdoğan"}, {"Kahramanmaras", "Kahramanmaraş"}, {"Kerch", "Kertsch"},
		{"Kerch", "Kertch"}, {"Khusnullin", "Chusnullin"}, {"Khusnullin", "Jusnulin"}, {"Assad", "Asad"},
		{"Hassan", "Hasan"}, {"Mansour", "Mansur"}, {"Haftar", "Hafter"}, {"Khalifa", "Jalifa"},
		{"Mohammed", "Muhammad"}, {"Valery", "Waleri"}, {"Volodymyr", "Wolodymyr"}, {"Alexander", "Alexandr"},
		{"Alexander", "Alexandre"},
	}
	for _, c := range conventions {
		if !conventionalVariant(foldAccents(c[0]), foldAccents(c[1])) {
			t.Errorf("%s / %s: want a convention (add the spelling to latin-conventions.tsv)", c[0], c[1])
		}
	}
	slips := [][2]string{{"Taalas", "Talas"}, {"Osama", "Osma"}, {"Yamagami", "Yamagani"}, {"Frederiksen", "Frederiksn"},
		{"Antony", "Anthony"}}
	for _, c := range slips {
		a, b := foldAccents(c[0]), foldAccents(c[1])
		if conventionalVariant(a, b) {
			t.Errorf("%s / %s: a slip folded as a convention", c[0], c[1])
		}
		if !slipShaped(a, b, true) {
			t.Errorf("%s / %s: a slip not shaped like one", c[0], c[1])
		}
	}
	// Words no actor ties together: an ending, or one letter of a short word, is another
	// name or an inflection.
	for _, c := range [][2]string{{"thanh", "thach"}, {"marat", "murat"}, {"песков", "пескова"}, {"alexander", "alexandr"}} {
		if slipShaped(c[0], c[1], false) {
			t.Errorf("%s / %s: taken for a slip between unrelated words", c[0], c[1])
		}
	}
	if !slipShaped("yamagami", "yamagani", false) || !slipShaped("osama", "osma", false) {
		t.Error("Yamagani, Osma: slips between unrelated words no longer found")
	}
}

// A headline toll the body contradicts is flagged, also when the text opens with a
// breadcrumb line before the title and the headline writes the number in words; a body that
// states the headline's figure (next to an increment) is not.
func TestStaleHeadline(t *testing.T) {
	for _, tt := range []struct {
		name, lang, title, text string
		want                    bool
	}{
		{"ar breadcrumb, dual in words", "ar", "ليبيا: ألفا قتيل في فيضانات المدينة",
			"الرئيسية / أخبار / العالم\n\nليبيا: ألفا قتيل في فيضانات المدينة\n\nقالت السلطات مساء الخميس إن عدد القتلى ارتفع إلى ٥٣٠٠ قتيل بعد انهيار السدين، فيما لا يزال الآلاف في عداد المفقودين.\n", true},
		{"en breadcrumb, increment in body", "en", "Floods: death toll rises to 15 in the north",
			"World › Europe\n\nFloods: death toll rises to 15 in the north\n\nThe number of people killed by the floods rose to 15 on Sunday after rescuers recovered four more bodies, the fire service said.\n", false},
		{"es title agrees", "es", "Inundaciones: 40 muertos en el norte",
			"Inundaciones: 40 muertos en el norte\n\nLas autoridades confirmaron el domingo 40 muertos y 12 desaparecidos tras las lluvias.\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := Document{ID: "h", Lang: tt.lang, Text: tt.text, Title: tt.title, Published: "2023-09-14"}
			a := newArticle(d, ExtractFacts(d, Options{}))
			got := headlineDiscrepancies("s", a)
			if (len(got) > 0) != tt.want {
				t.Errorf("stale-headline flags %+v, want flagged=%v", got, tt.want)
			}
		})
	}
}

// A night across two days dates an event as a day does: one version's night of 11-12 against
// the others' night of 10-11 is flagged; a day inside the others' night is not.
func TestDateClaimNights(t *testing.T) {
	// One story by construction: the texts are too short for story clustering to be sure.
	st := &story{id: "s"}
	for _, d := range noiseNightDocs {
		st.arts = append(st.arts, newArticle(d, ExtractFacts(d, Options{})))
	}
	var got []string
	for _, d := range dateClaimConflicts(st) {
		got = append(got, d.Summary)
	}
	if len(got) != 1 || !strings.Contains(got[0], "n-es") || strings.Contains(got[0], "n-de") {
		t.Errorf("date flags %q, want one: the es night of 11-12 against the night of 10-11 (de's 11 September agrees)", got)
	}
}

var noiseNightDocs = []Document{
	{ID: "n-en", Lang: "en", Published: "2023-09-14", Text: "Storm hits the coast\nThe dam collapse near Benghazi, Libya, happened on the night of September 10-11 and killed 40 people, officials said. Rescue teams from Egypt arrived later."},
	{ID: "n-ru", Lang: "ru", Published: "2023-09-14", Text: "Шторм обрушился на побережье\nПрорыв плотины под Бенгази в Ливии произошел в ночь с 10 на 11 сентября, погибли 40 человек, сообщили власти. Спасатели из Египта прибыли позже."},
	{ID: "n-fr", Lang: "fr", Published: "2023-09-14", Text: "La tempête frappe la côte\nLa rupture de barrage près de Benghazi, en Libye, s'est produite dans la nuit de dimanche à lundi et a fait 40 morts, selon les autorités. Les secours venus d'Égypte sont arrivés plus tard."},
	{ID: "n-de", Lang: "de", Published: "2023-09-14", Text: "Sturm trifft die Küste\nDer Dammbruch bei Bengasi in Libyen ereignete sich am 11. September und tötete 40 Menschen, teilten die Behörden mit. Die Retter aus Ägypten kamen später."},
	{ID: "n-es", Lang: "es", Published: "2023-09-14", Text: "La tormenta golpea la costa\nLa rotura de presa cerca de Bengasi, en Libia, ocurrió la noche del lunes 11 al martes 12 de septiembre y mató a 40 personas, según las autoridades. Los rescatistas de Egipto llegaron después."},
}
