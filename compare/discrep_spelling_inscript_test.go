package compare

import "testing"

// Rule 5's shapes of a slip in Han characters and Arabic letters. Names are invented.
func TestInScriptSlip(t *testing.T) {
	cases := []struct {
		u, v string
		want bool
	}{
		// Han: one character typed as another with its reading.
		{"周明哲", "周明者", true},  // zhe
		{"蔡秀兰", "蔡秀蓝", true},  // lan
		{"马克龙", "马克隆", true},  // long, in a transcription
		{"周明哲", "周名哲", true},  // ming
		{"周明哲", "周明", false},  // a shorter form
		{"周明哲", "周光哲", false}, // another reading: another name
		{"周明哲", "吴明杰", false}, // two characters
		{"賴清德", "赖清德", false}, // traditional and simplified (keys are read simplified)
		// Arabic: a consonant lost, added or changed to another sound.
		{"بلونت", "بلوت", true},
		{"غريمسبي", "غريسبي", true},
		{"كاستيلي", "كاستيمي", true},  // ل written م
		{"ميشال", "ميشيل", false},     // a long vowel
		{"طامر", "تامر", false},       // two letters for one t
		{"سالم", "صالم", false},       // two letters for one s
		{"دبيبة", "دبيبه", false},     // the last letter
		{"بورتاني", "بورتانى", false}, // the last letter
		{"عون", "عوم", false},         // too short
		{"بلونت", "بلونتت", false},    // a final letter added
		{"مسعود", "مسعوود", false},    // a long vowel doubled
	}
	for _, c := range cases {
		u, v := inScriptKey(c.u), inScriptKey(c.v)
		got := u != "" && v != "" && u != v && inScriptSlip(u, v)
		if got != c.want {
			t.Errorf("inScriptSlip(%q, %q) = %v, want %v", c.u, c.v, got, c.want)
		}
	}
}

// Rule 5 end to end: a Chinese and an Arabic version each write a name two ways.
func TestInScriptSpellingStories(t *testing.T) {
	cases := []struct {
		name, lang, text string
		specs            []azFactSpec
		want             string
	}{
		{"a homophone typed in Chinese", "zh", "市长周明哲于2024-01-13在高雄为大桥剪彩。周明者说，大桥将缓解交通。周明哲还感谢了工人。",
			[]azFactSpec{azAct("周明哲", "local:chou ming che", ActorPerson), azAct("周明者", "local:chou ming che", ActorPerson),
				azAct("周明哲", "local:chou ming che", ActorPerson).n(1), azAct("高雄", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13")},
			"周明者"},
		{"two people in Chinese", "zh", "市长周明哲于2024-01-13在高雄为大桥剪彩。副市长周光哲说，大桥将缓解交通。",
			[]azFactSpec{azAct("周明哲", "local:chou ming che", ActorPerson), azAct("周光哲", "local:chou kuang che", ActorPerson),
				azAct("高雄", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13")},
			""},
		{"a consonant lost in Arabic", "ar", "قال مدير الميناء سمير بورتاني إن الرافعة سقطت في طنجة يوم 2024-03-04. وأضاف سمير بوتاني أن التحقيق بدأ.",
			[]azFactSpec{azAct("سمير بورتاني", "local:samir bourtani", ActorPerson), azAct("سمير بوتاني", "local:samir boutani", ActorPerson),
				azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04")},
			"بوتاني"},
		{"a long vowel and a clitic in Arabic", "ar", "قال ميشال حداد إن الرافعة سقطت في طنجة يوم 2024-03-04. وأضاف ميشيل حداد أن لحداد رأيا آخر.",
			[]azFactSpec{azAct("ميشال حداد", "local:michel haddad", ActorPerson), azAct("ميشيل حداد", "local:michel haddad", ActorPerson),
				azAct("لحداد", "local:michel haddad", ActorPerson), azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04")},
			""},
		{"two people one letter apart in Arabic", "ar", "قال سمير بورتاني إن الرافعة سقطت في طنجة يوم 2024-03-04. وأضاف كريم بوتاني أن التحقيق بدأ.",
			[]azFactSpec{azAct("سمير بورتاني", "local:samir bourtani", ActorPerson), azAct("كريم بوتاني", "local:karim boutani", ActorPerson),
				azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04")},
			""},
	}
	for _, c := range cases {
		var w azWS
		w.add(t, "s-"+c.lang, c.lang, "2024-03-05", c.text, c.specs...)
		got := ""
		for _, d := range azKinds(w.analyze(AnalyzeOptions{}), DiscSpelling) {
			got = d.Members[0].Text
			t.Logf("%s: %s (%s)", c.name, d.Summary, d.Diff)
		}
		if got != c.want {
			t.Errorf("%s: flagged %q, want %q", c.name, got, c.want)
		}
	}
}
