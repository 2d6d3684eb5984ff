package compare

import (
	"strings"
	"unicode"
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
	trimStoryPrefixes(st)

	type ref struct{ a, f int }
	g := loadGazetteer()
	var refs []ref
	var keys, cons, consL, langs []string
	var words [][]string
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
			langs = append(langs, primaryLang(a.doc.Lang))
			words = append(words, strings.Fields(FoldForSearch(surface)))
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
			if !same && !han[i] && !han[j] && conventionalName(words[i], words[j]) {
				// The transliteration against a press's convention: Мишель Аун is
				// "mishel aun", Michel Aoun as a French name spells it.
				same = true
			}
			if same {
				parent[find(j)] = find(i)
			}
		}
	}
	// Across languages two Latin spellings are one name too where each press follows its own
	// conventions (Jewgeni Prigoschin, Evguéni Prigojine, Yevgeny Prigozhin) or order (Sato
	// Kei, Kei Sato). These links join the groups above as wholes (outer).
	comp := make([]int, len(refs))
	for i := range refs {
		comp[i] = find(i)
	}
	outer := make([]int, len(refs))
	for i := range outer {
		outer[i] = i
	}
	findOuter := func(x int) int {
		for outer[x] != x {
			outer[x] = outer[outer[x]]
			x = outer[x]
		}
		return x
	}
	for i := range refs {
		for j := i + 1; j < len(refs); j++ {
			if !latin[i] || !latin[j] || known[i] && known[j] || keys[i] == "" || keys[j] == "" ||
				langs[i] == langs[j] || langs[i] == "" || langs[j] == "" || findOuter(comp[i]) == findOuter(comp[j]) {
				continue
			}
			if conventionalName(words[i], words[j]) {
				outer[findOuter(comp[j])] = findOuter(comp[i])
			}
		}
	}
	fact := func(i int) *Fact { return &st.arts[refs[i].a].facts[refs[i].f] }
	// chooseRep picks a group's representative: its known actor (none when two differ), else
	// the Latin spelling most often written, an English version's counting most (the value is
	// the English press's), else the first name.
	chooseRep := func(g []int) (int, bool) {
		rep := -1
		for _, i := range g {
			if known[i] {
				if rep >= 0 && fact(rep).Value != fact(i).Value {
					return -1, false
				}
				rep = i
			}
		}
		if rep >= 0 {
			return rep, true
		}
		count := map[string]int{}
		for _, i := range g {
			if latin[i] {
				w := 1
				if langs[i] == "en" {
					w = 100
				}
				count[fact(i).Label] += w
			}
		}
		best := -1
		for _, i := range g {
			if l := fact(i).Label; latin[i] && (best < 0 || count[l] > best) {
				rep, best = i, count[l]
			}
		}
		if rep < 0 {
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
		return rep, true
	}
	apply := func(g []int, rep int) {
		r := *fact(rep)
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
	// resolve gives a group one id and label.
	resolve := func(g []int) {
		if len(g) < 2 {
			return
		}
		if rep, ok := chooseRep(g); ok {
			apply(g, rep)
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range refs {
		o := findOuter(comp[i])
		if groups[o] == nil {
			roots = append(roots, o)
		}
		groups[o] = append(groups[o], i)
	}
	for _, o := range roots {
		g := groups[o]
		byComp := map[int][]int{}
		var comps []int
		for _, i := range g {
			if byComp[comp[i]] == nil {
				comps = append(comps, comp[i])
			}
			byComp[comp[i]] = append(byComp[comp[i]], i)
		}
		if len(comps) == 1 {
			resolve(g)
			continue
		}
		// A group joined by Latin conventions takes its representative's name only where
		// every Latin spelling of a joining part is a convention of that name, not one the
		// spelling check would call a slip of it: a chain of conventions may drift.
		rep, ok := chooseRep(g)
		if !ok {
			for _, c := range comps {
				resolve(byComp[c])
			}
			continue
		}
		var joined []int
		for _, c := range comps {
			members := byComp[c]
			fits := c == comp[rep]
			if !fits {
				fits = true
				for _, i := range members {
					if latin[i] && !conventionalSpelling(st.arts[refs[i].a], *fact(i), words[i], words[rep], fact(rep).Label) {
						fits = false
						break
					}
				}
			}
			if fits {
				joined = append(joined, members...)
			} else {
				resolve(members)
			}
		}
		resolve(joined)
	}
}

// conventionalSpelling reports whether a Latin mention (its FoldForSearch words) is the
// representative's name as another press writes it, and not what the spelling check would
// call a slip of the representative's label.
func conventionalSpelling(a *article, f Fact, words, repWords []string, repLabel string) bool {
	if !conventionalName(words, repWords) {
		return false
	}
	_, _, slip := correctAgainst(a.text(f.Start, f.End), repLabel, a.doc.Lang)
	return !slip
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

// conventionalName reports whether two Latin names (FoldForSearch words) are one name as
// presses of different languages write it: word for word a conventional variant
// (latin-conventions.tsv: Prigoschin, Prigojine, Prigozhin), the two words of a name in the
// other order (Sato Kei, Kei Sato: East Asian names written family name first), or the whole
// name so when only the cut into words differs (Abdelhamid Dbeibah, Abdul Hamid Dbeibeh).
// Short names need more than vowels to agree: a one-word name of fewer than five letters
// after folding is left to exact matches.
func conventionalName(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	wordwise := func(b []string) bool {
		if len(a) != len(b) {
			return false
		}
		for k := range a {
			if !conventionalVariant(a[k], b[k]) {
				return false
			}
		}
		return true
	}
	ja, jb := strings.Join(a, ""), strings.Join(b, "")
	if len(a) == 1 && len(b) == 1 {
		return len(conventionSkeleton(ja)) >= 5 && conventionalVariant(ja, jb)
	}
	if len(a) == 1 || len(b) == 1 {
		return false // a family name alone is linked inside its article, not here
	}
	if wordwise(b) {
		return true
	}
	if len(b) == 2 && wordwise([]string{b[1], b[0]}) {
		return true
	}
	return len(conventionSkeleton(ja)) >= 8 && conventionalVariant(ja, jb)
}

// trimStoryPrefixes cuts the first words off an unknown Latin name whose remaining words are
// a name another language's version of the story writes on its own (Kathedrale Notre-Dame,
// Söldnergruppe Wagner, Milliardär François-Henri Pinault in German, where nouns are
// capitalised; Boskalis Peter Berdowski in Vietnamese, which runs an apposition into the
// name without a comma): the words before it describe the name or are another name. The
// name then starts where the other version's does and takes its id when that one is known.
// A one-word name counts only where it is the other version's whole name (its label is one
// word), so that a family name standing alone does not cut a person's given name off.
func trimStoryPrefixes(st *story) {
	type named struct {
		value any
		label string
		typ   string
		known bool
	}
	byLang := map[string]map[string]named{}
	tails := map[string]map[string]bool{}
	for _, a := range st.arts {
		lang := primaryLang(a.doc.Lang)
		for _, f := range a.facts {
			if f.Kind != KindActor || lang == "" {
				continue
			}
			s := a.text(f.Start, f.End)
			if !isLatinName(s) {
				continue
			}
			ws := strings.Fields(FoldForSearch(s))
			if len(ws) == 0 || len(ws) == 1 && len(strings.Fields(FoldForSearch(f.Label))) != 1 {
				continue
			}
			if byLang[lang] == nil {
				byLang[lang] = map[string]named{}
			}
			id, _ := f.Value.(string)
			known := !strings.HasPrefix(id, "local:")
			key := strings.Join(ws, " ")
			if old, ok := byLang[lang][key]; !ok || known && !old.known {
				byLang[lang][key] = named{f.Value, f.Label, f.Type, known}
			}
			// Two versions may both run words into one name (Billionaire François-Henri
			// Pinault, Milliardär François-Henri Pinault): the last two words or more of
			// a plain unknown run are a name too, to the other version.
			if !known && len(ws) >= 3 && f.Label == localLabel(s, lang) {
				if tails[lang] == nil {
					tails[lang] = map[string]bool{}
				}
				for k := 1; k <= len(ws)-2; k++ {
					tails[lang][strings.Join(ws[k:], " ")] = true
				}
			}
		}
	}
	if len(byLang) < 2 {
		return
	}
	g := loadGazetteer()
	for _, a := range st.arts {
		lang := primaryLang(a.doc.Lang)
		for fi := range a.facts {
			f := &a.facts[fi]
			id, _ := f.Value.(string)
			if f.Kind != KindActor || !strings.HasPrefix(id, "local:") || lang == "" {
				continue
			}
			// Only a run of capitalised words taken as written: a head word's name (tỉnh
			// Nara → Nara Province, Port of Beirut) is built on purpose.
			surface := a.text(f.Start, f.End)
			words := wordStarts(a, f.Start, f.End)
			if len(words) < 2 || !isLatinName(surface) || f.Label != localLabel(surface, lang) {
				continue
			}
			// A name another version writes whole as well is a name as it stands.
			whole := strings.Join(foldsOf(words), " ")
			elsewhere := false
			for l, names := range byLang {
				if _, ok := names[whole]; ok && l != lang || tails[l][whole] && l != lang {
					elsewhere = true
				}
			}
			if elsewhere {
				continue
			}
			for k := 1; k < len(words); k++ {
				if !unicode.IsUpper(a.runes[words[k-1].start]) {
					break // the words cut off are capitalised (nouns in German, names)
				}
				key := strings.Join(foldsOf(words[k:]), " ")
				if k == len(words)-1 && (utf8.RuneCountInString(key) < 4 || !g.morph.capsNouns[lang]) {
					// One word left: only where nouns are capitalised is the word before
					// a name no part of it (Söldnergruppe Wagner, but New Taipei).
					break
				}
				var hit named
				found := false
				for l, names := range byLang {
					if n, ok := names[key]; ok && l != lang && (!found || n.known && !hit.known) {
						hit, found = n, true
					}
				}
				if !found && len(words)-k >= 2 {
					for l, t := range tails {
						if l != lang && t[key] {
							hit, found = named{typ: f.Type}, true
						}
					}
				}
				if !found {
					continue
				}
				old := f.Value
				start := words[k].start
				text := a.text(start, f.End)
				value, label, typ := any("local:"+FoldForSearch(text)), localLabel(text, lang), f.Type
				if hit.known {
					value, label, typ = hit.value, hit.label, hit.typ
				} else if hit.typ != ActorPerson {
					typ = hit.typ // the other version's cue (a role word, an org word) told it
				}
				f.Start, f.Text = start, text
				for x := range a.facts {
					if g := &a.facts[x]; g.Kind == KindActor && g.Value == old {
						g.Value, g.Label, g.Type = value, label, typ
					}
				}
				break
			}
		}
	}
}

// storyWord is one word of a name: where it starts in the text and its FoldForSearch form.
type storyWord struct {
	start int
	fold  string
}

// wordStarts splits [start, end) of the article into words (letters, marks and digits).
func wordStarts(a *article, start, end int) []storyWord {
	var out []storyWord
	rs := []rune(a.text(start, end))
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || unicode.IsMark(rs[j])) {
			j++
		}
		out = append(out, storyWord{start + i, strings.Join(strings.Fields(FoldForSearch(string(rs[i:j]))), " ")})
		i = j
	}
	return out
}

func foldsOf(ws []storyWord) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.fold
	}
	return out
}
