package compare

import "testing"

// TestHepburnKeyAndMorae: the spellings of one Japanese name fold together, and the beats of a
// given name say how many characters it takes.
func TestHepburnKeyAndMorae(t *testing.T) {
	keys := []struct{ a, b string }{
		{"Satō", "Sato"}, {"Satou", "Sato"}, {"Satoh", "Sato"}, {"Ōno", "Ohno"}, {"Itoh", "Itō"},
		{"Inoue", "Inoue"}, {"Yūko", "Yuuko"},
	}
	for _, c := range keys {
		if hepburnKey(c.a) != hepburnKey(c.b) {
			t.Errorf("hepburnKey(%q) %q != hepburnKey(%q) %q", c.a, hepburnKey(c.a), c.b, hepburnKey(c.b))
		}
	}
	if hepburnKey("Sato") == hepburnKey("Saito") {
		t.Errorf("Sato and Saito fold together")
	}
	beats := map[string]int{"Kei": 2, "Ken": 2, "Tetsuya": 3, "Shinzō": 4, "Hidetada": 4, "Jun": 2, "Ryo": 1, "Tarō": 3}
	for w, want := range beats {
		if got := morae(w); got != want {
			t.Errorf("morae(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestConfirmJapanese: a Chinese version writes Japanese people in their name's characters;
// each takes the person the Latin versions name (family name first or last), the given name
// as long as the next word or the Latin given name says, the family name alone later too. A
// family name no Latin version names stays as it is.
func TestConfirmJapanese(t *testing.T) {
	en := Document{Lang: "en", Text: "Police in Osaka said Kenji Watanabe, 52, was detained. " +
		"The mayor, Yumiko Okada, spoke to reporters. Ryo Ishikawa, a lawyer, voiced concern."}
	fr := Document{Lang: "fr", Text: "Selon la police d'Osaka, Watanabe Kenji a été interpellé. Le maire Okada Yumiko s'est exprimée."}
	vi := Document{Lang: "vi", Text: "Cảnh sát Osaka cho biết Watanabe Kenji đã bị bắt."}
	zh := Document{Lang: "zh", Text: "大阪警方说，52岁的渡边健二已被拘留。市长冈田由美子对记者说，律师石川亮也表示关注。" +
		"渡边此前没有前科。冈田说调查仍在进行。另一名男子佐藤健在现场。"}
	st := storyOf(en, fr, vi, zh)
	confirmStoryNames(st)
	linkStoryNames(st)
	zhArt := st.arts[3]
	cases := []struct{ surface, want string }{
		{"渡边健二", "Kenji Watanabe"},
		{"冈田由美子", "Yumiko Okada"},
		{"石川亮", "Ryo Ishikawa"},
		{"渡边", "Kenji Watanabe"},
		{"冈田", "Yumiko Okada"},
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
		if f.Kind != KindActor {
			continue
		}
		switch f.Text {
		case "佐藤健", "石川亮也":
			t.Errorf("%q became %q", f.Text, f.Label)
		}
	}
}

// TestConfirmJapaneseWidensShortForm: a known person's family name standing for him (安倍,
// Shinzo Abe) before another given name is the other person of that family the story names.
func TestConfirmJapaneseWidensShortForm(t *testing.T) {
	g := loadGazetteer()
	text := "前首相的遗孀安倍昭惠出席了葬礼。"
	rs := []rune(text)
	toks := tokenizeRunes(text, rs, g.morph)
	facts := []Fact{{Kind: KindActor, Start: 6, End: 8, Text: "安倍", Value: "Shinzo Abe", Label: "Shinzo Abe",
		Type: ActorPerson, Confidence: confShort}}
	anchors := []pinyinAnchor{{words: latinSyllableWords("Akie Abe"),
		an: storyAnchor{id: "local:akie abe", label: "Akie Abe", typ: ActorPerson, rank: 2}}}
	ms := g.confirmJapanese(toks, rs, factsTaken(facts, rs), facts, anchors)
	if len(ms) != 0 {
		t.Errorf("new matches %v, want the fact widened", ms)
	}
	if f := facts[0]; f.Text != "安倍昭惠" || f.Label != "Akie Abe" {
		t.Errorf("got %q as %q, want 安倍昭惠 as Akie Abe", f.Text, f.Label)
	}
}
