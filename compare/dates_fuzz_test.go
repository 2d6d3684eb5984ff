package compare

import (
	"testing"
	"unicode/utf8"
)

// extractCases is the case table shared by the unit test and the fuzz seeds: mixed scripts,
// damaged text and invalid UTF-8 among them.
var extractCases = []struct {
	lang, text, published string
	kind                  FactKind
	want                  any // value of the first fact of kind, nil for none
}{
	{"ar", "20 تموز 2021 14:49", "", KindDate, "2021-07-20"},
	{"ar", "شنوا يوم أمس الإثنين حملة", "2021-07-20", KindDate, "2021-07-19"},
	{"ar", "في ٢٠ تموز ٢٠٢١", "", KindDate, "2021-07-20"},
	{"ar", "استهدفت في آذار/مارس خدمات", "2021-07-20", KindDate, "2021-03"},
	{"ar", "ما لا يقل عن 30 ألف مؤسسة", "", KindNumber, 30000.0},
	{"ar", "نحو ٣٠٬٠٠٠ شخص", "", KindNumber, 30000.0},
	{"ar", "في 5 يوليو 2020", "", KindDate, "2020-07-05"},
	{"ar", "في جويلية 2020", "", KindDate, "2020-07"},
	{"vi", "Trong tuyên bố đưa ra ngày 20/7, phái đoàn", "2021-07-21", KindDate, "2021-07-20"},
	{"vi", "khoảng 5,31 triệu máy chủ", "", KindNumber, 5310000.0},
	{"vi", "bởi khoảng 52.000 máy chủ", "", KindNumber, 52000.0},
	{"vi", "báo cáo chính thức năm 2020 nêu rõ", "", KindDate, "2020"},
	{"vi", "hôm qua", "2021-07-20", KindDate, "2021-07-19"},
	{"vi", "từ năm 2011 đến năm 2018", "", KindDate, "2011/2018"},
	{"fr", "Mardi 26 mars, la Chine", "", KindDate, "2024-03-26"},
	{"fr", "de 2011 à 2018 sont entrés", "", KindDate, "2011/2018"},
	{"fr", "contre quatre ressortissants chinois, dont troismembres du ministère et des membres", "", KindNumber, 4.0},
	{"fr", "plus de 52 000 personnes", "", KindNumber, 52000.0},
	{"fr", "le lendemain", "2021-07-20", KindDate, "2021-07-21"},
	{"fr", "le groupe APT31 et le G7 et la 5G", "", KindNumber, nil},
	{"ru", "19 июля правительство США", "2021-07-21", KindDate, "2021-07-19"},
	{"ru", "Об этом он сказал во вторник на брифинге", "2021-07-21", KindDate, "2021-07-20"},
	{"ru", "более 3 млн человек", "", KindNumber, 3000000.0},
	{"ru", "с 2011 по 2018 год", "", KindDate, "2011/2018"},
	{"en", "On July 19, 2021 the US said", "", KindDate, "2021-07-19"},
	{"en", "at least 30,000 organisations", "", KindNumber, 30000.0},
	{"en", "Blinken said four Chinese nationals were charged", "", KindNumber, 4.0},
	{"en", "Four Chinese nationals were charged", "", KindNumber, 4.0},
	{"en", "the Five Eyes said", "", KindNumber, nil},
	{"en", "Call +1 555-123-4567 at 14:49 or visit https://example.com/2021/07/20", "", KindNumber, nil},
	{"en", "COVID-19 and Windows 10.", "", KindNumber, nil},
	{"de", "am 19. Juli 2021", "", KindDate, "2021-07-19"},
	{"de", "mehr als 30.000 Organisationen", "", KindNumber, 30000.0},
	{"es", "el 20 de julio de 2021", "", KindDate, "2021-07-20"},
	{"es", "más de 30.000 organizaciones", "", KindNumber, 30000.0},
	{"zh", "2024年3月25日，中国", "", KindDate, "2024-03-25"},
	{"zh", "3月26日", "2024-03-27", KindDate, "2024-03-26"},
	{"zh", "约5万台服务器", "", KindNumber, 50000.0},
	{"zh", "周二", "2021-07-21", KindDate, "2021-07-20"},
	{"zh", "发言人赵立坚7月20日表示", "2021-07-21", KindDate, "2021-07-20"},
	{"zh", "中国外交部7月20日表示", "", KindNumber, nil},
	{"en", "Read the Sunday Times on Monday.", "2021-07-21", KindDate, "2021-07-19"},
	{"", "20/7/2021 and 52.000", "", KindDate, "2021-07-20"},
	// A publication month or year gives the year of a year-less date, not a day to count from.
	{"fr", "le 20 juillet, la Chine", "2021-07", KindDate, "2021-07-20"},
	{"en", "On 3 December the US said", "2019", KindDate, "2019-12-03"},
	{"ru", "19 июля правительство США", "2021-07", KindDate, "2021-07-19"},
	// Damage and odd input.
	{"fr", "ΜPékin accuse Washington d'être \"champion du monde\"Appelle", "", KindDate, nil},
	{"ar", "\xff\xfe20 تموز\xc0 2021", "", KindDate, nil},
	{"en", "e\u0301 5\u20e3 19\u200d July 2021 👍🏽", "", KindDate, nil},
	{"vi", "Ngày 19/7\u0301, 1️⃣ người", "", KindDate, nil},
	{"", "", "", KindDate, nil},
}

func TestExtractCases(t *testing.T) {
	for _, c := range extractCases {
		doc := Document{Lang: c.lang, Text: c.text, Published: c.published}
		facts := ExtractFacts(doc, Options{})
		checkSpans(t, doc.Text, facts)
		if c.want == nil {
			if c.kind == KindNumber {
				for _, f := range facts {
					if f.Kind == KindNumber {
						t.Errorf("%q: unexpected number %q = %v", c.text, f.Text, f.Value)
					}
				}
			}
			continue
		}
		var got any
		for _, f := range facts {
			if f.Kind == c.kind {
				got = f.Value
				break
			}
		}
		if got != c.want {
			t.Errorf("%s %q (published %q): first %s = %v, want %v", c.lang, c.text, c.published, c.kind, got, c.want)
		}
	}
}

// A relative date in an article published in a known month only stays unresolved: "hier"
// is no day without the day of publication.
func TestCoarsePublishedRelative(t *testing.T) {
	for _, pub := range []string{"2021-07", "2021"} {
		facts := ExtractFacts(Document{Lang: "fr", Text: "Pékin a démenti hier les accusations.", Published: pub}, Options{})
		n := 0
		for _, f := range facts {
			if f.Kind == KindDate {
				n++
				if !f.Unresolved {
					t.Errorf("published %s: hier = %+v, want unresolved", pub, f)
				}
			}
		}
		if n != 1 {
			t.Errorf("published %s: %d date facts, want hier", pub, n)
		}
	}
}

// checkSpans verifies the span invariants: inside the text, Start < End, Text is the span,
// no grapheme cluster split.
func checkSpans(t *testing.T, text string, facts []Fact) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	bounds := map[int]bool{}
	for _, b := range GraphemeBoundaries(text) {
		bounds[b] = true
	}
	runes := []rune(text)
	for _, f := range facts {
		if f.Start < 0 || f.End > n || f.Start >= f.End {
			t.Fatalf("%q: fact %q has span [%d,%d) outside the text (%d runes)", text, f.Text, f.Start, f.End, n)
		}
		if !bounds[f.Start] || !bounds[f.End] {
			t.Fatalf("%q: fact %q [%d,%d) splits a grapheme cluster", text, f.Text, f.Start, f.End)
		}
		if f.Kind != KindActor && string(runes[f.Start:f.End]) != f.Text && utf8.ValidString(text) {
			t.Fatalf("%q: fact text %q is not the span [%d,%d) %q", text, f.Text, f.Start, f.End, string(runes[f.Start:f.End]))
		}
	}
}

func fuzzExtract(f *testing.F, run func(Document, Options) []Fact) {
	for _, c := range extractCases {
		f.Add(c.lang, c.text)
	}
	for _, c := range partialDateCases {
		f.Add(c.lang, c.text)
	}
	for _, c := range noDateCases {
		f.Add(c.lang, c.text)
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		doc := Document{Lang: lang, Text: text, Published: "2021-07-20"}
		checkSpans(t, text, run(doc, Options{}))
		doc.Published = ""
		checkSpans(t, text, run(doc, Options{}))
	})
}

// FuzzExtractDates: no panic, and every date span is inside the text, on rune boundaries and
// grapheme cluster boundaries.
func FuzzExtractDates(f *testing.F) { fuzzExtract(f, extractDates) }

// FuzzExtractNumbers: the same for numbers.
func FuzzExtractNumbers(f *testing.F) { fuzzExtract(f, extractNumbers) }
