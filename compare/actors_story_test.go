package compare

import "testing"

// latinLinkCases: versions of one story in Latin-script languages whose presses spell a
// name by their own conventions or order. name is the mention in the last version; want is
// the label it must carry (the English version's spelling), or its own when it must stay
// apart.
var latinLinkCases = []struct {
	name string
	docs []Document
	text string // the mention in the last document
	want string
}{
	{"de transliteration of a Russian name",
		[]Document{{Lang: "en", Text: "The mayor, Arkady Volodin, visited the flooded school."},
			{Lang: "de", Text: "Der Bürgermeister Arkadi Wolodin besuchte die überflutete Schule."}},
		"Arkadi Wolodin", "Arkady Volodin"},
	{"fr transliteration of a Russian name",
		[]Document{{Lang: "en", Text: "The engineer Gennady Surkov said the bridge held."},
			{Lang: "fr", Text: "L'ingénieur Guennadi Sourkov a dit que le pont tenait."}},
		"Guennadi Sourkov", "Gennady Surkov"},
	{"es transliteration of an Arabic name",
		[]Document{{Lang: "en", Text: "Harbour master Khaled Mansour ordered the evacuation."},
			{Lang: "es", Text: "El capitán del puerto Jaled Mansur ordenó la evacuación."}},
		"Jaled Mansur", "Khaled Mansour"},
	{"vi family name first",
		[]Document{{Lang: "en", Text: "The suspect, Hiroki Tanabe, was detained."},
			{Lang: "vi", Text: "Nghi phạm Tanabe Hiroki đã bị bắt giữ."}},
		"Tanabe Hiroki", "Hiroki Tanabe"},
	{"fr words cut otherwise",
		[]Document{{Lang: "en", Text: "Prime minister Abdul Karim Nasrallah spoke on Monday."},
			{Lang: "fr", Text: "Le Premier ministre Abdelkarim Nasrallah a parlé lundi."}},
		"Abdelkarim Nasrallah", "Abdul Karim Nasrallah"},
	{"ru transliteration against a French spelling",
		[]Document{{Lang: "en", Text: "The plans were presented by Michel Roucher on Monday."},
			{Lang: "ru", Text: "Проект представил Мишель Рушер в понедельник."}},
		"Мишель Рушер", "Michel Roucher"},
	{"de a slip is not a convention",
		[]Document{{Lang: "en", Text: "The diver Tomasz Wilkowski was rescued."},
			{Lang: "de", Text: "Der Bürgermeister Tomasz Wilkowksi wurde gerettet."}},
		"Tomasz Wilkowksi", "Tomasz Wilkowksi"},
	{"de another person is not a convention",
		[]Document{{Lang: "en", Text: "The witness Anna Berger spoke to police."},
			{Lang: "de", Text: "Die Bürgermeisterin Hanna Burger sprach mit der Polizei."}},
		"Hanna Burger", "Hanna Burger"},
	{"en two spellings in one language stay for the spelling check",
		[]Document{{Lang: "en", Text: "The mayor, Arkady Volodin, visited the school."},
			{Lang: "en", Text: "The mayor, Arkadi Volodin, visited the school."}},
		"Arkadi Volodin", "Arkadi Volodin"},
}

func TestLinkStoryNamesLatinConventions(t *testing.T) {
	for _, c := range latinLinkCases {
		st := &story{}
		for i, d := range c.docs {
			d.ID = string(rune('a' + i))
			st.arts = append(st.arts, newArticle(d, extractActors(d, Options{})))
		}
		linkStoryNames(st)
		last := st.arts[len(st.arts)-1]
		got, found := "", false
		for _, f := range last.facts {
			if f.Kind == KindActor && f.Text == c.text {
				got, found = f.Label, true
			}
		}
		if !found || got != c.want {
			t.Errorf("%s: %q has label %q (found %v), want %q; facts %+v", c.name, c.text, got, found, c.want, last.facts)
		}
	}
}

func TestConventionalName(t *testing.T) {
	cases := []struct {
		a, b []string
		want bool
	}{
		{[]string{"jewgeni", "prigoschin"}, []string{"yevgeny", "prigozhin"}, true},
		{[]string{"sato", "kei"}, []string{"kei", "sato"}, true},
		{[]string{"bachmut"}, []string{"bakhmut"}, true},
		{[]string{"sumy"}, []string{"sime"}, false}, // short one-word names: exact only
		{[]string{"nord", "stream", "1"}, []string{"nord", "stream", "2"}, false},
		{[]string{"yamagani"}, []string{"yamagami"}, false},
		{[]string{"frederiksen"}, []string{"mette", "frederiksen"}, false}, // a family name alone links in its article
	}
	for _, c := range cases {
		if got := conventionalName(c.a, c.b); got != c.want {
			t.Errorf("conventionalName(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// trimCases: an unknown name whose last words another language's version writes alone.
// Each lists the versions; the mention in the last one must come out as want (its text and
// label), or stay whole.
var trimCases = []struct {
	name      string
	docs      []Document
	wantText  string
	wantLabel string
	wantType  string
}{
	{"de a noun before a person's name",
		[]Document{{Lang: "en", Text: "The billionaire Jean-Luc Moreau donated money to the town after the storm."},
			{Lang: "de", Text: "Der Milliardär Jean-Luc Moreau spendete der Stadt nach dem Sturm Geld."}},
		"Jean-Luc Moreau", "Jean-Luc Moreau", ActorPerson},
	{"de a noun before a one-word place",
		[]Document{{Lang: "en", Text: "Rescuers arrived in Kelmora on the morning after the storm."},
			{Lang: "de", Text: "Die Ortschaft Kelmora wurde am Morgen nach dem Sturm evakuiert."}},
		"Kelmora", "Kelmora", ActorPlace},
	{"vi a name run into the person's name",
		[]Document{{Lang: "en", Text: "Harbour chief Tomas Lindqvist said the ships could leave again."},
			{Lang: "vi", Text: "Giám đốc điều hành Nordhavn Tomas Lindqvist cho biết tàu có thể rời đi."}},
		"Tomas Lindqvist", "Tomas Lindqvist", ActorPerson},
	{"en and de both run a noun into the name",
		[]Document{{Lang: "de", Text: "Der Milliardär Jean-Luc Moreau spendete der Stadt nach dem Sturm Geld."},
			{Lang: "en", Text: "Billionaire Jean-Luc Moreau donated money to the town after the storm."}},
		"Jean-Luc Moreau", "Jean-Luc Moreau", ActorPerson},
	{"a name another version writes whole stays whole",
		[]Document{{Lang: "de", Text: "Die Behörde Kelmora Harbour Authority schloss den Hafen nach dem Sturm."},
			{Lang: "fr", Text: "La Kelmora Harbour Authority a fermé le port après la tempête, selon Harbour Authority."},
			{Lang: "en", Text: "The Kelmora Harbour Authority closed the port after the storm on Monday."}},
		"Kelmora Harbour Authority", "Kelmora Harbour Authority", ActorOrg},
	{"en a word before a place stays where nouns are not capitalised",
		[]Document{{Lang: "fr", Text: "Les secours sont arrivés à Kastoria lundi matin après la tempête."},
			{Lang: "en", Text: "Officials of Greater Kastoria said the water was rising fast in every street."}},
		"Greater Kastoria", "Greater Kastoria", ActorPerson},
}

func TestTrimStoryPrefixes(t *testing.T) {
	for _, c := range trimCases {
		st := &story{}
		for i, d := range c.docs {
			d.ID = string(rune('a' + i))
			st.arts = append(st.arts, newArticle(d, extractActors(d, Options{})))
		}
		linkStoryNames(st)
		last := st.arts[len(st.arts)-1]
		ok := false
		for _, f := range last.facts {
			if f.Kind == KindActor && f.Text == c.wantText && f.Label == c.wantLabel && f.Type == c.wantType &&
				last.text(f.Start, f.End) == f.Text {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: want %q (%s, %s); facts %+v", c.name, c.wantText, c.wantLabel, c.wantType, last.facts)
		}
	}
}

func TestDeclined(t *testing.T) {
	m := loadGazetteer().morph
	cases := []struct {
		lang, name string
		want       []string // forms that must be among the variants
		not        []string // forms that must not
	}{
		{"de", "Europäisches Parlament", []string{"Europäischen Parlaments", "Europäische Parlament"}, nil},
		{"de", "Weißes Haus", []string{"Weißen Hauses"}, []string{"Weißen Hauss"}},
		{"de", "Volksrepublik China", []string{"Volksrepublik Chinas"}, nil},
		{"en", "European Parliament", nil, []string{"Europeanen Parliament"}},
	}
	for _, c := range cases {
		got := map[string]bool{}
		for _, v := range m.declined(c.lang, c.name) {
			got[v] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("declined(%s, %q) lacks %q: %v", c.lang, c.name, w, got)
			}
		}
		for _, w := range c.not {
			if got[w] {
				t.Errorf("declined(%s, %q) has %q", c.lang, c.name, w)
			}
		}
	}
}
