package compare

import "testing"

// TestPinyinMatches: a Chinese name's Mandarin reading against Latin spellings in Hanyu
// Pinyin, Wade–Giles and Tongyong, with made-up and public names.
func TestPinyinMatches(t *testing.T) {
	g := loadGazetteer()
	cases := []struct {
		han, latin string
		want       bool
	}{
		{"王小明", "Wang Xiaoming", true},
		{"王小明", "Wang Hsiao-ming", true},
		{"张建国", "Chang Chien-kuo", true},
		{"张建国", "Zhang Jianguo", true},
		{"周荣生", "Chou Jung-sheng", true},
		{"蔡英文", "Tsai Ing-wen", true},
		{"许志宏", "Hsu Chih-hung", true},
		{"高雄", "Kaohsiung", true},
		{"台中", "Taichung", true},
		{"曾国强", "Tseng Kuo-chiang", true},
		{"许学文", "Hsu Hsueh-wen", true},
		{"卓荣泰", "Cho Jung-tai", true},
		// Family name first in both; another given name is another person.
		{"王小明", "Xiaoming Wang", false},
		{"王小明", "Wang Xiaoping", false},
		{"张建国", "Zhang Jian", false},
		{"张建国", "Zhang Jianguoli", false},
		// One character is no name.
		{"王", "Wang", false},
	}
	for _, c := range cases {
		rd := hanReadings(c.han)
		if got := g.pinyinMatches(rd, latinSyllableWords(c.latin)); got != c.want {
			t.Errorf("%s vs %q: got %v, want %v", c.han, c.latin, got, c.want)
		}
	}
}

// TestConfirmPinyin: a Chinese version writes the native names the English, French and
// German versions spell in Latin letters; each takes that actor, and a person who shares
// only the family name stays unlinked.
func TestConfirmPinyin(t *testing.T) {
	en := Document{Lang: "en", Text: "Mayor Chen Mei-ling visited the harbour of Kaohsiung on Monday.\n" +
		"Her deputy, Chen Wen-bin, stayed in Taichung."}
	fr := Document{Lang: "fr", Text: "Le ministre Zhou Xiaodong a rencontré le maire de Kaohsiung."}
	de := Document{Lang: "de", Text: "Der Unternehmer Li Guohua sprach in Kaohsiung."}
	zh := Document{Lang: "zh", Text: "市长陈美玲周一视察了高雄港。副市长陈文斌留在台中。部长周晓东会见了市长。" +
		"商人李国华在高雄发表讲话。另一位官员陈建明没有出席。"}
	st := storyOf(en, fr, de, zh)
	confirmStoryNames(st)
	linkStoryNames(st)
	zhArt := st.arts[3]
	cases := []struct{ surface, want string }{
		{"陈美玲", "Chen Mei-ling"},
		{"陈文斌", "Chen Wen-bin"},
		{"周晓东", "Zhou Xiaodong"},
		{"李国华", "Li Guohua"},
	}
	for _, c := range cases {
		f := actorAt(zhArt, c.surface)
		if f == nil {
			t.Errorf("%s: no actor", c.surface)
			continue
		}
		if f.Label != c.want {
			t.Errorf("%s: label %q, want %q", c.surface, f.Label, c.want)
		}
	}
	for _, f := range zhArt.facts {
		if f.Kind == KindActor && (f.Label == "Chen Mei-ling" || f.Label == "Chen Wen-bin") && f.Text != "陈美玲" && f.Text != "陈文斌" {
			t.Errorf("%q took %q", f.Text, f.Label)
		}
	}
}
