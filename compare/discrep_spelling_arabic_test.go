package compare

import "testing"

// Rule 6: an Arabic name that lost a consonant the Latin spellings agree on. Names invented
// or conventions real.
func TestArabicLostWord(t *testing.T) {
	cases := []struct {
		arabic, latin string
		want          bool
	}{
		{"جوزيف بلوت", "Joseph Blount", true},
		{"سمير بوتاني", "Samir Bourtani", true},
		{"غريسبي", "Grimsby", false},               // one word: paired only when linked
		{"جوزيف بلونت", "Joseph Blount", false},    // right
		{"محمد الصايغ", "Mohammed Sayegh", false},  // right, with the article
		{"لوران نونيز", "Laurent Nunez", false},    // a silent final t
		{"إدوار فيليب", "Edouard Philippe", false}, // a silent final d
		{"آن إيدالغو", "Anne Hidalgo", false},      // a silent h
		{"جان كلود غاليه", "Jean Claude Gallet", false},
		{"خليفة حفتر", "Khalifa Haftar", false},
		{"عبد الرحمن زيدي", "Abdulrahman Zaidi", false}, // two Arabic words for one Latin
		{"كريم بوتاني", "Samir Bourtani", false},        // another given name
		{"أولاف شولتس", "Olaf Scholz", false},
		{"يفغيني بريغوجين", "Yevgeny Prigozhin", false},
		{"كارل شميت", "Karl Schmidt", false},        // dt written once
		{"جورج واشنطن", "George Washington", false}, // ng written n
	}
	for _, c := range cases {
		a := splitLetterish(c.arabic)
		l := latinSyllableWords(c.latin)
		got := false
		if len(a) == len(l) {
			_, _, got = arabicLostWord(a, l, len(a) == 1)
		}
		if got != c.want {
			t.Errorf("arabicLostWord(%q, %q) = %v, want %v", c.arabic, c.latin, got, c.want)
		}
	}
}

func splitLetterish(s string) []string {
	var out []string
	cur := []rune{}
	for _, r := range s + " " {
		if isLetterish(r) {
			cur = append(cur, r)
		} else if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	return out
}

// Rule 6 end to end: two Latin versions write Bourtani, the Arabic بوتاني.
func TestArabicLostSpellingStory(t *testing.T) {
	build := func(arName string) []Discrepancy {
		var w azWS
		w.add(t, "l-en", "en", "2024-03-05", "Port director Samir Bourtani said the crane collapsed in Tangier on 2024-03-04.",
			azAct("Samir Bourtani", "local:samir bourtani", ActorPerson), azAct("Tangier", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		w.add(t, "l-fr", "fr", "2024-03-05", "Le directeur du port, Samir Bourtani, a dit que la grue était tombée à Tanger le 2024-03-04.",
			azAct("Samir Bourtani", "local:samir bourtani", ActorPerson), azAct("Tanger", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		w.add(t, "l-ar", "ar", "2024-03-05", "قال مدير الميناء "+arName+" إن الرافعة سقطت في طنجة يوم 2024-03-04.",
			azAct(arName, "local:ar", ActorPerson), azAct("طنجة", "Tangier", ActorPlace), azDate("2024-03-04", "2024-03-04"))
		return azKinds(w.analyze(AnalyzeOptions{}), DiscSpelling)
	}
	d := build("سمير بوتاني")
	if len(d) != 1 || d[0].Members[0].Text != "سمير بوتاني" {
		t.Fatalf("want one flag on سمير بوتاني, got %+v", d)
	}
	if d[0].Diff != "samir b[our→ou]tani" {
		t.Errorf("diff %q, want the lost r marked", d[0].Diff)
	}
	if d := build("سمير بورتاني"); len(d) != 0 {
		t.Errorf("the right spelling is flagged: %s", d[0].Summary)
	}
}
