package compare

import "testing"

// witnessedSlip runs rule 4's judgement on one pair of Latin spellings of an actor and one
// mention of it in Arabic or Han letters.
func witnessedSlip(ref, variant, other string) bool {
	w, ok := witnessOf(other)
	if !ok {
		return false
	}
	w.id = "x"
	m := latinName{id: "x", surface: ref, words: latinSyllableWords(ref)}
	v := latinName{id: "v", surface: variant, words: latinSyllableWords(variant)}
	k, rk, ok := oneWordSlip(m.words, v.words)
	if !ok || backedAnywhere(v, k, []scriptWitness{w}) {
		return false
	}
	_, ok = backingWitness(m, v, rk, k, []scriptWitness{w})
	return ok
}

// Names are invented; the conventions are the presses' own.
func TestWitnessedSlip(t *testing.T) {
	cases := []struct {
		ref, variant, other string
		want                bool
	}{
		// Arabic writes the consonant one Latin spelling lost (or never had).
		{"Walter Grimsby", "Walter Grisby", "والتر غريمسبي", true},
		{"Samir Bourtani", "Samir Boutani", "سمير بورتاني", true},
		{"Joseph Blount", "Joseph Blout", "جوزيف بلونت", true},
		{"Nadia Kastelli", "Nadia Kastelmli", "ناديا كاستيلي", true}, // an added consonant
		{"Lena Vorstmann", "Lena Vortmann", "لينا فورستمان", true},
		{"Joseph Blount", "Joseph Blout", "وجوزيف لبلونت", true}, // clitics
		{"Joseph Blount", "Blout", "جوزيف بلونت", true},          // the family name alone
		{"Joseph Blount", "Blout", "بلونت", true},
		{"Joseph Blount", "Josep Blout", "جوزيف بلونت", false}, // two words changed
		{"Chou Ming-che", "Mng-che", "周明哲", false},             // part of a Chinese name
		// Not slips: the Arabic writes the variant, or the difference is a convention.
		{"Joseph Blount", "Joseph Blout", "جوزيف بلوت", false},
		{"Mohammed Sayegh", "Mohamed Sayegh", "محمد الصايغ", false},        // a doubled letter
		{"Hassan Nasrallah", "Hassan Nasralah", "حسن نصر الله", false},     // a doubled letter
		{"Fadi Khalbouni", "Fadi Kalbouni", "فادي خلبوني", false},          // kh/k
		{"Omar Dbeibah", "Omar Dbeiba", "عمر الدبيبة", false},              // a final h
		{"Karim Mansouri", "Karim Mansuri", "كريم منصوري", false},          // vowels
		{"Tarek Haftar", "Tarik Haftar", "طارق حفتر", false},               // a changed vowel
		{"Jamal Zayed", "Yamal Zayed", "جمال زايد", false},                 // j/y: Spanish
		{"Abdulrahman Zaidi", "Abdurahman Zaidi", "عبدالرحمن زيدي", false}, // the article's l
		{"Ahmed Kaddour", "Ahmed Kadour", "أحمد قدور", false},              // a doubled letter
		{"Anwar Sadek", "Anwar Sadeq", "أنور صادق", false},                 // k/q
		{"Rami Aoun", "Rami Aon", "رامي عون", false},                       // too short
		{"Kurt Schmidt", "Kurt Shmidt", "كورت شميدت", false},               // sch/sh
		{"Joseph Blount", "Josef Blount", "جوزيف بلونت", false},            // ph/f
		{"Joseph Blount", "Joseph Blunt", "جوزيف بلونت", false},            // ou/u
		// Han read in Mandarin: the changed word is no syllable of any romanisation.
		{"Chou Ming-che", "Chou Mng-che", "周明哲", true},
		{"Chou Ming-che", "Chou Mnig-che", "周明哲", true},
		{"Zhou Mingzhe", "Zhou Mingzh", "周明哲", true},
		{"Tsai Hsiu-lan", "Tsai Hsu-lan", "蔡秀兰", false}, // hsu is a syllable: a spelling we may not know
		{"Tsai Hsiu-lan", "Tsia Hsiu-lan", "蔡秀兰", true},
		{"Huang Pei-yun", "Huang Pei-yn", "黄佩云", true},
		// Conventions, syllables and names that are not read in Mandarin.
		{"Chou Ming-che", "Zhou Ming-che", "周明哲", false}, // pinyin and Wade–Giles
		{"Zhou Mingzhe", "Jhou Mingzhe", "周明哲", false},   // Tongyong
		{"Xie Youyi", "Xie Yuyi", "谢友义", false},          // yu is a syllable
		{"Hanako Yamada", "Hanako Yamda", "山田花子", false}, // a Japanese reading
		{"Osama Rabie", "Osma Rabie", "乌萨马·拉比耶", false},  // a vowel, in transcription characters
		// Transcription characters keep the consonants of a foreign name.
		{"Joseph Blount", "Joseph Blout", "约瑟夫·布朗特", true},
		{"Greta Vorstmann", "Greta Vortmann", "格蕾塔·沃斯特曼", true},
		{"Anders Falkberg", "Anders Fakberg", "安德斯·法尔克贝格", true}, // 尔 is the l
		{"Joseph Blount", "Joseph Blout", "约瑟夫·布洛特", false},      // the Chinese writes the variant
		{"Anders Falkberg", "Anders Falberg", "安德斯·法尔贝格", false}, // ditto
		{"Hannah Kessler", "Hannah Kesler", "汉娜·凯斯勒", false},     // a doubled letter
		{"Chou Ming-che", "Chou Ming-chu", "周明哲", false},         // another syllable: another name
	}
	for _, c := range cases {
		if got := witnessedSlip(c.ref, c.variant, c.other); got != c.want {
			t.Errorf("witnessedSlip(%q, %q, %q) = %v, want %v", c.ref, c.variant, c.other, got, c.want)
		}
	}
}

func TestLostConsonant(t *testing.T) {
	cases := []struct {
		long, short string
		want        bool
	}{
		{"blount", "blout", true},
		{"grimsby", "grisby", true},
		{"vorstmann", "vortmann", true},
		{"blount", "blont", false},           // a vowel
		{"khalifa", "kalifa", false},         // an h-sound
		{"assad", "asad", false},             // a doubled letter
		{"schmidt", "shmidt", false},         // a digraph
		{"abdulrahman", "abdurahman", false}, // the article's assimilated l
		{"blount", "bloun", false},           // the last letter
		{"blount", "lount", false},           // the first letter
		{"washington", "washinton", false},   // ng
	}
	for _, c := range cases {
		if got := lostConsonant([]rune(c.long), []rune(c.short)); got != c.want {
			t.Errorf("lostConsonant(%q, %q) = %v, want %v", c.long, c.short, got, c.want)
		}
	}
}

func TestMandarinSyllables(t *testing.T) {
	for w, want := range map[string]bool{
		"ching": true, "chingte": true, "mingyu": true, "hsiu": true, "jhou": true, "tzu": true,
		"mng": false, "tsia": false, "mingzh": false, "yn": false, "blount": false,
	} {
		if got := mandarinSyllables(w); got != want {
			t.Errorf("mandarinSyllables(%q) = %v, want %v", w, got, want)
		}
	}
}

// Rule 4 end to end: a Latin spelling that lost a letter is flagged when the Arabic or the
// Chinese version writes the name with it, and the right spellings are not.
func TestWitnessSpellingStories(t *testing.T) {
	cases := []struct {
		name string
		add  func(w *azWS)
		want string // the flagged surface, "" for none
	}{
		{"Arabic keeps the consonant the French lost", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-03-05", "Port director Samir Bourtani said the crane collapsed in Tangier on 2024-03-04.",
				azAct("Samir Bourtani", "local:samir bourtani", ActorPerson), azAct("Tangier", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-fr", "fr", "2024-03-05", "Le directeur du port, Samir Boutani, a dit que la grue était tombée à Tanger le 2024-03-04.",
				azAct("Samir Boutani", "local:samir boutani", ActorPerson), azAct("Tanger", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-ar", "ar", "2024-03-05", "قال مدير الميناء سمير بورتاني إن الرافعة سقطت في طنجة يوم 2024-03-04.",
				azAct("سمير بورتاني", "local:samir bourtani", ActorPerson), azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		}, "Samir Boutani"},
		{"Arabic and a doubled letter: a convention", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-03-05", "Port director Mohammed Sayegh said the crane collapsed in Tangier on 2024-03-04.",
				azAct("Mohammed Sayegh", "local:mohammed sayegh", ActorPerson), azAct("Tangier", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-fr", "fr", "2024-03-05", "Le directeur du port, Mohamed Sayegh, a dit que la grue était tombée à Tanger le 2024-03-04.",
				azAct("Mohamed Sayegh", "local:mohamed sayegh", ActorPerson), azAct("Tanger", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-ar", "ar", "2024-03-05", "قال مدير الميناء محمد الصايغ إن الرافعة سقطت في طنجة يوم 2024-03-04.",
				azAct("محمد الصايغ", "local:mohammed sayegh", ActorPerson), azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		}, ""},
		{"Hanzi show a German slip", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-01-14", "Mayor Chou Ming-che opened the bridge in Kaohsiung on 2024-01-13.",
				azAct("Chou Ming-che", "local:chou ming che", ActorPerson), azAct("Kaohsiung", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
			w.add(t, "w-de", "de", "2024-01-14", "Bürgermeister Chou Mnig-che eröffnete am 2024-01-13 die Brücke in Kaohsiung.",
				azAct("Chou Mnig-che", "local:chou mnig che", ActorPerson), azAct("Kaohsiung", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
			w.add(t, "w-zh", "zh", "2024-01-14", "市长周明哲于2024-01-13在高雄为大桥剪彩。",
				azAct("周明哲", "local:chou ming che", ActorPerson), azAct("高雄", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
		}, "Chou Mnig-che"},
		{"Hanzi of a known person and no other Latin spelling", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-01-14", "Mayor Chou Mnig-che opened the bridge in Kaohsiung on 2024-01-13.",
				azAct("Chou Mnig-che", "local:chou mnig che", ActorPerson), azAct("Kaohsiung", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
			w.add(t, "w-zh", "zh", "2024-01-14", "市长周明哲于2024-01-13在高雄为大桥剪彩。",
				azAct("周明哲", "Chou Ming-che", ActorPerson), azAct("高雄", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
		}, "Chou Mnig-che"},
		{"an Arabic mention the extractor did not link", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-03-05", "Port director Samir Bourtani said the crane collapsed in Tangier on 2024-03-04.",
				azAct("Samir Bourtani", "local:samir bourtani", ActorPerson), azAct("Tangier", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-fr", "fr", "2024-03-05", "Le directeur du port, Samir Boutani, a dit que la grue était tombée à Tanger le 2024-03-04.",
				azAct("Samir Boutani", "local:samir boutani", ActorPerson), azAct("Tanger", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-ar", "ar", "2024-03-05", "قال مدير الميناء سمير بورتاني إن الرافعة سقطت في طنجة يوم 2024-03-04.",
				azAct("سمير بورتاني", "local:smir burtani", ActorPerson), azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		}, "Samir Boutani"},
		{"an unlinked Arabic mention of another name", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-03-05", "Port director Samir Bourtani said the crane collapsed in Tangier on 2024-03-04.",
				azAct("Samir Bourtani", "local:samir bourtani", ActorPerson), azAct("Tangier", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-fr", "fr", "2024-03-05", "Le directeur du port, Samir Boutani, a dit que la grue était tombée à Tanger le 2024-03-04.",
				azAct("Samir Boutani", "local:samir boutani", ActorPerson), azAct("Tanger", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
			w.add(t, "w-ar", "ar", "2024-03-05", "قال مدير الميناء كريم بورتاني إن الرافعة سقطت في طنجة يوم 2024-03-04.",
				azAct("كريم بورتاني", "local:karim burtani", ActorPerson), azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		}, ""},
		{"Hanzi and pinyin beside Wade–Giles: conventions", func(w *azWS) {
			w.add(t, "w-en", "en", "2024-01-14", "Mayor Chou Ming-che opened the bridge in Kaohsiung on 2024-01-13.",
				azAct("Chou Ming-che", "local:chou ming che", ActorPerson), azAct("Kaohsiung", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
			w.add(t, "w-de", "de", "2024-01-14", "Bürgermeister Zhou Ming-che eröffnete am 2024-01-13 die Brücke in Kaohsiung.",
				azAct("Zhou Ming-che", "local:zhou ming che", ActorPerson), azAct("Kaohsiung", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
			w.add(t, "w-vi", "vi", "2024-01-14", "Thị trưởng Chou Ming-chu khánh thành cây cầu ở Kaohsiung ngày 2024-01-13.",
				azAct("Chou Ming-chu", "local:chou ming chu", ActorPerson), azAct("Kaohsiung", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
			w.add(t, "w-zh", "zh", "2024-01-14", "市长周明哲于2024-01-13在高雄为大桥剪彩。",
				azAct("周明哲", "local:chou ming che", ActorPerson), azAct("高雄", "Kaohsiung", ActorPlace), azDate("2024-01-13", "2024-01-13"))
		}, ""},
	}
	for _, c := range cases {
		var w azWS
		c.add(&w)
		res := w.analyze(AnalyzeOptions{})
		if n := len(res.Stories); n != 1 {
			t.Fatalf("%s: %d stories, want one", c.name, n)
		}
		got := ""
		for _, d := range azKinds(res, DiscSpelling) {
			got = d.Members[0].Text
			t.Logf("%s: %s (%s)", c.name, d.Summary, d.Diff)
		}
		if got != c.want {
			t.Errorf("%s: flagged %q, want %q", c.name, got, c.want)
		}
	}
}
