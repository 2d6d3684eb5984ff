package compare

import "testing"

// Dates written with a weekday they did not fall on. 12 March 2024 was a Tuesday, 11 March a
// Monday; the articles are published on Friday 15 March 2024.
func TestWeekdayDateMismatch(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "The vote was held on Monday, 12 March 2024, in the capital.\n", true},
		{"en", "The vote was held on Tuesday, 12 March 2024, in the capital.\n", false},
		{"en", "Officials met on Monday March 12 to count the ballots.\n", true},
		{"en", "Officials met on Monday March 11 to count the ballots.\n", false},
		{"fr", "Le scrutin s'est tenu le lundi 12 mars dans la capitale.\n", true},
		{"fr", "Le scrutin s'est tenu le mardi 12 mars dans la capitale.\n", false},
		{"fr", "Dans la nuit du lundi 11 au mercredi 12 mars, la digue a cédé.\n", true},
		{"fr", "Dans la nuit du lundi 11 au mardi 12 mars, la digue a cédé.\n", false},
		{"es", "La votación se celebró el jueves 12 de marzo en la capital.\n", true},
		{"es", "La votación se celebró el martes 12 de marzo en la capital.\n", false},
		{"de", "Die Abstimmung fand am Montag, dem 12. März, in der Hauptstadt statt.\n", true},
		{"de", "Die Abstimmung fand am Dienstag, dem 12. März, in der Hauptstadt statt.\n", false},
		{"ru", "Голосование прошло в среду, 12 марта, в столице.\n", true},
		{"ru", "Голосование прошло во вторник, 12 марта, в столице.\n", false},
		{"ar", "جرى التصويت يوم الاثنين 12 مارس في العاصمة.\n", true},
		{"ar", "جرى التصويت يوم الثلاثاء 12 مارس في العاصمة.\n", false},
		{"vi", "Cuộc bỏ phiếu diễn ra sáng thứ Hai (12/3) tại thủ đô.\n", true},
		{"vi", "Cuộc bỏ phiếu diễn ra sáng thứ Ba (12/3) tại thủ đô.\n", false},
		{"zh", "投票于3月12日（星期一）在首都举行。\n", true},
		{"zh", "投票于3月12日（星期二）在首都举行。\n", false},
		{"zh", "周三（3月12日），投票在首都举行。\n", true},
		// A story about an earlier year: 12 March 2018 was a Monday, and the article
		// names 2018.
		{"en", "The first vote, in 2018, was held on Monday, March 12, after a long campaign.\n", false},
		// "mar" abbreviates both marzo and martes: in a date it is the month.
		{"es", "Madrid, 12 mar (EFE).- La votación del martes transcurrió sin incidentes.\n", false},
		// A weekday and a day number that are not one date.
		{"en", "On Monday, 12 people were hurt in the capital.\n", false},
	}
	for _, c := range cases {
		res := Analyze([]Document{{ID: "a", Lang: c.lang, Text: c.text, Published: "2024-03-15"}}, nil, AnalyzeOptions{})
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
