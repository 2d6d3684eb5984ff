package compare

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// Chinese writes a Japanese person in the characters of the Japanese name (山上彻也, Tetsuya
// Yamagami; 佐藤启, Kei Sato) and reads them in Mandarin: no transcription character marks the
// name (han-sounds.tsv) and no pinyin spells the Latin name (actors_pinyin.go). The family
// name is a closed list (han-japanese.tsv) whose Hepburn romanisation the story's Latin-script
// versions write, so confirmJapanese links a family name of the list, and the one or two
// characters of given name after it, to the Latin person whose family name (first or last
// word: Kei Sato, Sato Kei) has that romanisation. The given name's characters are not read:
// how many there are (one to three) follows from the character after them (a name ends
// before 说, 在, a comma) and, where none or several lengths end so, from the beats of the
// Latin given name (one character for two beats or fewer, Kei 启, else two).

// maxGivenName bounds the characters of a Japanese given name (由美子).
const maxGivenName = 3

// japaneseNames is han-japanese.tsv.
type japaneseNames struct {
	// surnames maps a family name in simplified characters to its romanisation key
	// (hepburnKey).
	surnames map[string]string
	maxLen   int
	// follow are characters that end a name after it; notGiven never open a given name.
	follow, notGiven map[rune]bool
}

// loadJapaneseNames reads han-japanese.tsv into g.japanese.
func (g *gazetteer) loadJapaneseNames(fsys fs.FS) error {
	j := japaneseNames{surnames: map[string]string{}, follow: map[rune]bool{}, notGiven: map[rune]bool{}}
	err := readTSV(fsys, "han-japanese.tsv", func(f []string) error {
		switch {
		case len(f) == 3 && f[0] == "surname" && f[1] != "" && f[2] != "":
			if old, ok := j.surnames[f[1]]; ok && old != hepburnKey(f[2]) {
				return fmt.Errorf("family name %q has two romanisations", f[1])
			}
			j.surnames[f[1]] = hepburnKey(f[2])
			j.maxLen = max(j.maxLen, utf8.RuneCountInString(f[1]))
		case len(f) == 2 && (f[0] == "follow" || f[0] == "not-given"):
			set := j.follow
			if f[0] == "not-given" {
				set = j.notGiven
			}
			for _, c := range strings.Fields(f[1]) {
				r, n := utf8.DecodeRuneInString(c)
				if n != len(c) {
					return fmt.Errorf("%q is not one character", c)
				}
				set[r] = true
			}
		default:
			return fmt.Errorf("want surname, family name, romanisation; or follow / not-given and characters")
		}
		return nil
	})
	g.japanese = j
	return err
}

// hepburnKey folds the ways Hepburn romanisation is written into one key: no diacritics,
// long vowels single (Satō, Satou, Satoh, Sato → sato; Ōno, Ohno → ono).
func hepburnKey(s string) string {
	w := strings.Join(latinSyllableWords(s), "")
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if n := len(b); n > 0 {
			last := b[n-1]
			switch {
			case c == 'u' && (last == 'o' || last == 'u'), c == 'o' && last == 'o':
				continue
			case c == 'h' && last == 'o' && (i+1 == len(w) || !strings.ContainsRune("aeiouy", rune(w[i+1]))):
				continue
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// morae counts the syllable beats of a romanised Japanese word: each vowel, a long vowel
// written with a macron or circumflex twice, and a syllabic n (Shinzō 4, Kei 2, Ken 2).
func morae(word string) int {
	rs := []rune(strings.ToLower(word))
	n := 0
	for k, r := range rs {
		switch {
		case strings.ContainsRune("āīūēōâîûêô", r):
			n += 2
		case strings.ContainsRune("aiueo", r):
			n++
		case r == 'n' && (k+1 == len(rs) || !strings.ContainsRune("aiueoyāīūēōâîûêô", rs[k+1])):
			n++
		}
	}
	return n
}

// japaneseCandidate is a Latin person of the story as a Japanese family name may name it.
type japaneseCandidate struct {
	an    storyAnchor
	given string // the given name as the label writes it
}

// japaneseCandidates indexes the story's two-word Latin person names by the romanisation key
// of either word taken as the family name.
func japaneseCandidates(anchors []pinyinAnchor) map[string][]japaneseCandidate {
	out := map[string][]japaneseCandidate{}
	for _, pa := range anchors {
		if pa.an.typ != ActorPerson || len(pa.words) != 2 {
			continue
		}
		label := strings.Fields(pa.an.label)
		for k := range 2 {
			fam, given := pa.words[k], pa.words[1-k]
			// The given name as the label writes it keeps its macrons (Tarō) for morae.
			written := given
			for _, w := range label {
				if FoldForSearch(w) == given {
					written = w
				}
			}
			// One person may come under two ids, as two versions order the name (Kei
			// Sato, Sato Kei): the same given name is the same person, the higher rank
			// its spelling.
			key := hepburnKey(fam)
			dup := false
			for i, c := range out[key] {
				if c.an.id == pa.an.id || hepburnKey(c.given) == hepburnKey(given) {
					dup = true
					if pa.an.rank > c.an.rank {
						out[key][i] = japaneseCandidate{an: pa.an, given: written}
					}
				}
			}
			if !dup {
				out[key] = append(out[key], japaneseCandidate{an: pa.an, given: written})
			}
		}
	}
	return out
}

// confirmJapanese finds Japanese names (family name of han-japanese.tsv and given name) that
// are a Latin person of the story, and that person's family name alone once the full name
// was found. A family name a fact already holds as a short form of another person (安倍 for
// Shinzo Abe, in 安倍昭惠) is widened in place into the full name of the person it is.
func (g *gazetteer) confirmJapanese(toks []token, rs []rune, taken []bool, facts []Fact, anchors []pinyinAnchor) []match {
	jn := &g.japanese
	if len(jn.surnames) == 0 || len(anchors) == 0 {
		return nil
	}
	byFamily := japaneseCandidates(anchors)
	if len(byFamily) == 0 {
		return nil
	}
	tokAt := hanTokens(toks)
	simplified := func(p, q int) string {
		var b strings.Builder
		for _, r := range rs[p:q] {
			if s, ok := g.morph.simplified[r]; ok {
				r = s
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	free := func(p, q int) bool {
		for x := p; x < q; x++ {
			if x >= len(rs) || taken[x] || !isHan(rs[x]) {
				return false
			}
		}
		return true
	}
	ends := func(e int) bool { return e >= len(rs) || !isHan(rs[e]) || jn.follow[rs[e]] }
	// shortFact is the index of a person fact spanning exactly [p, q), or -1.
	shortFact := func(p, q int) int {
		for k := range facts {
			if facts[k].Kind == KindActor && facts[k].Type == ActorPerson && facts[k].Start == p && facts[k].End == q &&
				facts[k].Confidence < confExact {
				return k
			}
		}
		return -1
	}
	var out []match
	found := map[string]storyAnchor{} // family name → the person named in full
	given := map[string]string{}      // family name → the given name written after it
	for p := 0; p < len(rs); p++ {
		if !isHan(rs[p]) {
			continue
		}
		for l := min(jn.maxLen, len(rs)-p); l >= 1; l-- {
			fam := simplified(p, p+l)
			key, ok := jn.surnames[fam]
			if !ok {
				continue
			}
			cands := byFamily[key]
			if len(cands) != 1 {
				continue // no Latin person of that family name, or two
			}
			c := cands[0]
			short := -1
			if !free(p, p+l) {
				if short = shortFact(p, p+l); short < 0 || facts[short].Value == c.an.id {
					continue
				}
			}
			// The given name: the length after which the name ends, else the one the
			// Latin given name's beats suggest.
			fits := func(n int) bool {
				return p+l < len(rs) && free(p+l, p+l+n) && !jn.notGiven[rs[p+l]]
			}
			if gn, ok := given[fam]; ok {
				// Named in full before: the same given name again, else the family name
				// alone (the pass below).
				if e := p + l + utf8.RuneCountInString(gn); e <= len(rs) && free(p, e) && simplified(p+l, e) == gn {
					for x := p; x < e; x++ {
						taken[x] = true
					}
					if m, ok := confirmedHanMatch(tokAt, p, e, c.an.id, c.an.label, c.an.typ); ok {
						out = append(out, m)
					}
					p = e - 1
					break
				}
				continue
			}
			n, ending := 0, 0
			for k := 1; k <= maxGivenName; k++ {
				if fits(k) && ends(p+l+k) {
					n, ending = k, ending+1
				}
			}
			if ending != 1 {
				n = 1
				if morae(c.given) > 2 {
					n = 2
				}
				if !fits(n) {
					n = 0
				}
			}
			if n == 0 {
				continue
			}
			e := p + l + n
			for x := p; x < e; x++ {
				taken[x] = true
			}
			found[fam], given[fam] = c.an, simplified(p+l, e)
			if short >= 0 {
				f := &facts[short]
				f.End, f.Text = e, string(rs[p:e])
				f.Value, f.Label, f.Type, f.Confidence = c.an.id, c.an.label, c.an.typ, confConfirmed
			} else if m, ok := confirmedHanMatch(tokAt, p, e, c.an.id, c.an.label, c.an.typ); ok {
				out = append(out, m)
			}
			p = e - 1
			break
		}
	}
	// The family name alone (two characters or more: one is too often a word), where the
	// name ends right after it or a sentence or clause opens with it (渡边此前…).
	for fam, an := range found {
		fr := []rune(fam)
		if len(fr) < 2 {
			continue
		}
		for p := 0; p+len(fr) <= len(rs); p++ {
			e := p + len(fr)
			if simplified(p, e) != fam || !free(p, e) {
				continue
			}
			if opens := p == 0 || !isHan(rs[p-1]); !opens && !ends(e) {
				continue
			}
			if m, ok := confirmedHanMatch(tokAt, p, e, an.id, an.label, an.typ); ok {
				for x := p; x < e; x++ {
					taken[x] = true
				}
				out = append(out, m)
			}
		}
	}
	return out
}
