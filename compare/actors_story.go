package compare

import (
	"strings"
	"unicode/utf8"
)

// The versions of one story name the same unknown people and places in different scripts
// (Bornholm, Борнхольма, Farhan Haq, Фархан Хак). linkStoryNames gives such names one id and
// label across the story: the known actor's when one version's name is in the gazetteer,
// else the Latin spelling a version writes (so a Cyrillic or Arabic version carries the
// name as the Latin-script press spells it), else the first transliteration.

// storyNameKey is a local name's comparison key: its transliteration with each word's
// final vowels dropped, which is where case endings and vowel spellings differ most
// (Дерны/Derna, Борнхольма/Bornholm).
func storyNameKey(s string) string {
	words := strings.Fields(soundFold(FoldForSearch(s)))
	for i, w := range words {
		t := strings.TrimRight(w, "aeiouy")
		if utf8.RuneCountInString(t) >= 3 {
			words[i] = t
		}
	}
	return strings.Join(words, " ")
}

// consonantKey is a transliteration reduced to its consonants, words run together, doubled
// letters single and the letters that transliterations of Arabic spell in several ways made
// one (q/k/c, g/j, v/f, p/b, d/t): أسامة ربيع and Osama Rabie share "smrb", طارق الخراز and Tarek
// al-Kharraz "trklkrz".
func consonantKey(s string) string { return consonantKeyR(s, false) }

// consonantKeyR is consonantKey with r spelt l when rl is set: Chinese transcribes r with l
// (拉比耶, Rabie).
func consonantKeyR(s string, rl bool) string {
	var b strings.Builder
	var last rune
	for _, r := range soundFold(FoldForSearch(s)) {
		if rl && r == 'r' {
			r = 'l'
		}
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h', '\'', ' ', '-':
			continue
		case 'q', 'c':
			r = 'k'
		case 'g':
			r = 'j'
		case 'v':
			r = 'f'
		case 'd':
			r = 't'
		case 'p':
			r = 'b'
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// soundDigraphs are the letter pairs romanisations spell one sound with, made one letter:
// Russian х is "kh" where the English press writes h for an Arabic name (Фархан Хак, Farhan
// Haq), ц is "c" where it writes "ts" (Тэцуя, Tetsuya).
var soundDigraphs = strings.NewReplacer("kh", "h", "ts", "c", "tz", "c", "dh", "d", "th", "t", "gh", "g", "ph", "f")

func soundFold(s string) string { return soundDigraphs.Replace(s) }

func linkStoryNames(st *story) {

	type ref struct{ a, f int }
	g := loadGazetteer()
	var refs []ref
	var keys, cons, consL []string
	var latin, cyrillic, known, han []bool
	var scripts []script
	for ai, a := range st.arts {
		for fi, f := range a.facts {
			if f.Kind != KindActor {
				continue
			}
			id, _ := f.Value.(string)
			isLocal := strings.HasPrefix(id, "local:")
			if !isLocal && f.Type != ActorPerson && f.Type != ActorPlace {
				continue
			}
			surface := f.Text
			if !isLocal {
				surface = f.Label
			}
			refs = append(refs, ref{ai, fi})
			h := hasHan(surface)
			latin = append(latin, isLatinName(surface))
			sc := nameScript(f.Text)
			scripts = append(scripts, sc)
			cyrillic = append(cyrillic, sc == scCyrillic)
			han = append(han, h)
			if h {
				surface = g.hanSoundOf(surface)
			}
			keys = append(keys, storyNameKey(surface))
			cons = append(cons, consonantKey(surface))
			consL = append(consL, consonantKeyR(surface, true))
			known = append(known, !isLocal)
		}
	}
	if len(refs) < 2 {
		return
	}
	parent := make([]int, len(refs))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := range refs {
		for j := i + 1; j < len(refs); j++ {
			// Names in one script are compared by the spelling check, not merged here: Nord
			// Stream 1 and Nord Stream 2, Yamagata and Yamagami are different names. Two
			// scripts other than Latin are compared too: a name only the Russian and Arabic
			// versions write (Фуат Октай, فؤاد أوقطاي) is one name.
			if known[i] && known[j] || latin[i] == latin[j] && scripts[i] == scripts[j] || find(i) == find(j) || keys[i] == "" || keys[j] == "" {
				continue
			}
			same := false
			if strings.Count(keys[i], " ") == strings.Count(keys[j], " ") {
				n := min(utf8.RuneCountInString(keys[i]), utf8.RuneCountInString(keys[j]))
				same = keys[i] == keys[j] || closeEnough(editDistance(keys[i], keys[j]), n)
			}
			if !same && utf8.RuneCountInString(cons[i]) >= 4 && cons[i] == cons[j] {
				same = true // an unvowelled script against a Latin spelling
			}
			if !same && (han[i] || han[j]) && utf8.RuneCountInString(consL[i]) >= 4 && consL[i] == consL[j] {
				same = true // a Chinese transcription against another spelling
			}
			if same {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]int{}
	for i := range refs {
		groups[find(i)] = append(groups[find(i)], i)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		// The representative: a known actor (if two differ, leave the group alone), else the
		// Latin spelling most often written, else the first name.
		rep, nKnown := -1, 0
		for _, i := range g {
			if known[i] {
				f := st.arts[refs[i].a].facts[refs[i].f]
				if rep >= 0 && st.arts[refs[rep].a].facts[refs[rep].f].Value != f.Value {
					nKnown = 2
				}
				rep = i
				nKnown = max(nKnown, 1)
			}
		}
		if nKnown > 1 {
			continue
		}
		if rep < 0 {
			// An English version's spelling counts most: the value is the English press's.
			count := map[string]int{}
			for _, i := range g {
				if latin[i] {
					w := 1
					if primaryLang(st.arts[refs[i].a].doc.Lang) == "en" {
						w = 100
					}
					count[st.arts[refs[i].a].facts[refs[i].f].Label] += w
				}
			}
			best := -1
			for _, i := range g {
				l := st.arts[refs[i].a].facts[refs[i].f].Label
				if latin[i] && (best < 0 || count[l] > best) {
					rep, best = i, count[l]
				}
			}
			// Without a Latin spelling, a Cyrillic one transliterates with its vowels, which
			// an Arabic or Chinese transcription does not.
			for _, i := range g {
				if rep < 0 && cyrillic[i] {
					rep = i
				}
			}
			if rep < 0 {
				rep = g[0]
			}
		}
		r := st.arts[refs[rep].a].facts[refs[rep].f]
		id, label, typ := r.Value, r.Label, r.Type
		if !known[rep] {
			id = "local:" + FoldForSearch(label)
		}
		for _, i := range g {
			a := st.arts[refs[i].a]
			if known[i] {
				continue
			}
			// Every mention of the name in that version follows, the family name
			// alone (ربيع) included.
			old := a.facts[refs[i].f].Value
			for k := range a.facts {
				if f := &a.facts[k]; f.Kind == KindActor && f.Value == old {
					f.Value, f.Label = id, label
					if known[rep] {
						f.Type = typ
					}
				}
			}
		}
	}
}

// nameScript is the script of the first letter of s that has one (scOther when none does).
func nameScript(s string) script {
	for _, r := range s {
		if sc := runeScript(r); sc != scOther && sc != scDigit {
			return sc
		}
	}
	return scOther
}

func isLatinName(s string) bool {
	for _, r := range s {
		if sc := runeScript(r); sc != scLatin && sc != scOther && sc != scDigit {
			return false
		}
	}
	return true
}
