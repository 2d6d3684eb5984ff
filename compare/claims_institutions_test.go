package compare

import "testing"

// Institutions named by a common noun hold roles in every language, under one id.
func TestInstitutionMentions(t *testing.T) {
	cases := []struct {
		lang, text, want, surface string
	}{
		{"en", "The commerce ministry announced a ban on rice exports.", "inst:commerce_ministry", "commerce ministry"},
		{"fr", "Le ministère indien du Commerce a décrété une interdiction.", "inst:commerce_ministry", "ministère indien du Commerce"},
		{"fr", "Le parquet a ouvert une enquête pour homicide.", "inst:prosecutor", "parquet"},
		{"es", "El Ministerio del Interior prohibió las manifestaciones.", "inst:interior_ministry", "Ministerio del Interior"},
		{"de", "Das Innenministerium verhängte ein Verbot.", "inst:interior_ministry", "Innenministerium"},
		{"ru", "Минздрав объявил о запрете продажи.", "inst:health_ministry", "Минздрав"},
		{"ru", "Следственный комитет возбудил уголовное дело.", "inst:investigators", "Следственный комитет"},
		{"ar", "أعلنت وزارة الداخلية حظر التجول.", "inst:interior_ministry", "وزارة الداخلية"},
		{"vi", "Bộ Y tế đã ra lệnh cấm bán thuốc.", "inst:health_ministry", "Bộ Y tế"},
		{"zh", "警方悬赏十万元征集线索。", "inst:police", "警方"},
	}
	for _, c := range cases {
		doc := Document{ID: "a", Lang: c.lang, Text: c.text}
		a := newArticle(doc, ExtractFacts(doc, Options{}))
		a.load()
		var got []string
		ok := false
		for _, f := range institutionMentions(a) {
			got = append(got, actorID(f)+"="+f.Text)
			if actorID(f) == c.want && f.Text == c.surface {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s %q: want %s on %q, got %v", c.lang, c.text, c.want, c.surface, got)
		}
	}
}

// A winner is a role only next to a word for the election: a party wins seats and a
// candidate the presidency in one story.
func TestWinnerNeedsElection(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "Lee Jae-myung won the presidential election on Wednesday.", true},
		{"en", "Lee Jae-myung won 12 more seats in the capital than expected.", false},
		{"fr", "Lee Jae-myung a remporté mercredi l'élection présidentielle.", true},
		{"fr", "Lee Jae-myung a remporté un procès contre un journal.", false},
		{"de", "Die Präsidentenwahl hat am Mittwoch Lee Jae-myung gewonnen.", true},
		{"ru", "Ли Чжэ Мён победил на президентских выборах.", true},
		{"ru", "Ли Чжэ Мён победил в споре с партией.", false},
		{"zh", "李在明赢得总统选举。", true},
	}
	for _, c := range cases {
		doc := Document{ID: "a", Lang: c.lang, Text: "Headline\n\n" + c.text}
		a := newArticle(doc, ExtractFacts(doc, Options{}))
		a.load()
		got := false
		for _, at := range attributions(a) {
			if at.key == "role:winner" {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s %q: winner role %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// A passive names who opened an investigation or imposed a ban after the act.
func TestRoleAgentAfter(t *testing.T) {
	cases := []struct {
		lang, text, key, holder string
	}{
		{"en", "An investigation into the fire was opened by the prosecutor's office on Friday.", "role:investigation", "inst:prosecutor"},
		{"fr", "Une enquête a été ouverte par le parquet vendredi.", "role:investigation", "inst:prosecutor"},
		{"es", "Una investigación fue abierta por la Fiscalía el viernes.", "role:investigation", "inst:prosecutor"},
		{"de", "Ermittlungen wurden am Freitag von der Staatsanwaltschaft eingeleitet.", "role:investigation", ""},
	}
	for _, c := range cases {
		doc := Document{ID: "a", Lang: c.lang, Text: "Headline\n\n" + c.text}
		a := newArticle(doc, ExtractFacts(doc, Options{}))
		a.load()
		got := ""
		for _, at := range attributions(a) {
			if at.key == c.key {
				got = actorID(at.who)
			}
		}
		if got != c.holder {
			t.Errorf("%s %q: %s held by %q, want %q", c.lang, c.text, c.key, got, c.holder)
		}
	}
}
