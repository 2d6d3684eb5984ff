package compare

import "testing"

// Dates written with a weekday they did not fall on. 12 March 2024 was a Tuesday, 11 March a
// Monday; the articles are published on Friday 15 March 2024.
func TestWeekdayDateMismatch(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
		published  string
	}{
		{"en", "The vote was held on Monday, 12 March 2024, in the capital.\n", true, "2024-03-15"},
		{"en", "The vote was held on Tuesday, 12 March 2024, in the capital.\n", false, "2024-03-15"},
		{"en", "Officials met on Monday March 12 to count the ballots.\n", true, "2024-03-15"},
		{"en", "Officials met on Monday March 11 to count the ballots.\n", false, "2024-03-15"},
		{"fr", "Le scrutin s'est tenu le lundi 12 mars dans la capitale.\n", true, "2024-03-15"},
		{"fr", "Le scrutin s'est tenu le mardi 12 mars dans la capitale.\n", false, "2024-03-15"},
		{"fr", "Dans la nuit du lundi 11 au mercredi 12 mars, la digue a cédé.\n", true, "2024-03-15"},
		{"fr", "Dans la nuit du lundi 11 au mardi 12 mars, la digue a cédé.\n", false, "2024-03-15"},
		{"es", "La votación se celebró el jueves 12 de marzo en la capital.\n", true, "2024-03-15"},
		{"es", "La votación se celebró el martes 12 de marzo en la capital.\n", false, "2024-03-15"},
		{"de", "Die Abstimmung fand am Montag, dem 12. März, in der Hauptstadt statt.\n", true, "2024-03-15"},
		{"de", "Die Abstimmung fand am Dienstag, dem 12. März, in der Hauptstadt statt.\n", false, "2024-03-15"},
		{"ru", "Голосование прошло в среду, 12 марта, в столице.\n", true, "2024-03-15"},
		{"ru", "Голосование прошло во вторник, 12 марта, в столице.\n", false, "2024-03-15"},
		{"ar", "جرى التصويت يوم الاثنين 12 مارس في العاصمة.\n", true, "2024-03-15"},
		{"ar", "جرى التصويت يوم الثلاثاء 12 مارس في العاصمة.\n", false, "2024-03-15"},
		{"vi", "Cuộc bỏ phiếu diễn ra sáng thứ Hai (12/3) tại thủ đô.\n", true, "2024-03-15"},
		{"vi", "Cuộc bỏ phiếu diễn ra sáng thứ Ba (12/3) tại thủ đô.\n", false, "2024-03-15"},
		{"zh", "投票于3月12日（星期一）在首都举行。\n", true, "2024-03-15"},
		{"zh", "投票于3月12日（星期二）在首都举行。\n", false, "2024-03-15"},
		{"zh", "周三（3月12日），投票在首都举行。\n", true, "2024-03-15"},
		// A story about an earlier year: 12 March 2018 was a Monday, and the article
		// names 2018.
		{"en", "The first vote, in 2018, was held on Monday, March 12, after a long campaign.\n", false, "2024-03-15"},
		// "mar" abbreviates both marzo and martes: in a date it is the month.
		{"es", "Madrid, 12 mar (EFE).- La votación del martes transcurrió sin incidentes.\n", false, "2024-03-15"},
		// A weekday and a day number that are not one date.
		{"en", "On Monday, 12 people were hurt in the capital.\n", false, "2024-03-15"},
		// Yesterday and a weekday: published on Wednesday 13 March 2024, yesterday was a
		// Tuesday.
		{"en", "The minister resigned yesterday, Monday, after the vote.\n", true, "2024-03-13"},
		{"en", "The minister resigned yesterday, Tuesday, after the vote.\n", false, "2024-03-13"},
		{"fr", "Le ministre a démissionné hier lundi après le vote.\n", true, "2024-03-13"},
		{"fr", "Le ministre a démissionné hier mardi après le vote.\n", false, "2024-03-13"},
		{"es", "El ministro dimitió ayer lunes tras la votación.\n", true, "2024-03-13"},
		{"ar", "استقال الوزير أمس الاثنين بعد التصويت.\n", true, "2024-03-13"},
		{"ar", "استقال الوزير أمس الثلاثاء بعد التصويت.\n", false, "2024-03-13"},
		{"de", "Der Minister trat gestern (Montag) nach der Abstimmung zurück.\n", true, "2024-03-13"},
		{"ru", "Министр ушел в отставку вчера, в понедельник, после голосования.\n", true, "2024-03-13"},
		{"vi", "Bộ trưởng đã từ chức hôm qua (thứ Hai) sau cuộc bỏ phiếu.\n", true, "2024-03-13"},
		{"zh", "部长昨天（周一）在投票后辞职。\n", true, "2024-03-13"},
	}
	for _, c := range cases {
		res := Analyze([]Document{{ID: "a", Lang: c.lang, Text: c.text, Published: c.published}}, nil, AnalyzeOptions{})
		got := false
		for _, d := range res.Discrepancies {
			if d.Kind == DiscInternal {
				got = true
				t.Logf("%s: %s", c.lang, d.Summary)
			}
		}
		if got != c.want {
			t.Errorf("%s %q: internal flag %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
