package compare

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Chinese writes the names of Chinese and Taiwanese people and places in ordinary characters
// (赖清德, 高雄), not in the transcription characters of han-sounds.tsv, while the other
// versions write them in Latin letters as Hanyu Pinyin, Wade–Giles or Tongyong spell them
// (Lai Ching-te, Kaohsiung). Such a name is linked by its Mandarin reading: each character's
// toneless pinyin syllable must have a spelling (pinyin-romanizations.tsv) that the Latin
// name writes, in the same order (family name first in both), every Latin letter accounted
// for. Only names of two to four characters are read so: a longer run is a phrase.

// minPinyinName and maxPinyinName bound the characters of a native Chinese name.
const (
	minPinyinName = 2
	maxPinyinName = 4
)

// loadPinyinSpellings reads pinyin-romanizations.tsv into g.pinyinSpellings.
func (g *gazetteer) loadPinyinSpellings(fsys fs.FS) error {
	g.pinyinSpellings = map[string]map[string][]string{"initial": {}, "final": {}, "syllable": {}}
	return readTSV(fsys, "pinyin-romanizations.tsv", func(f []string) error {
		if len(f) != 3 || g.pinyinSpellings[f[0]] == nil || f[1] == "" {
			return fmt.Errorf("want part (initial, final or syllable), pinyin and spellings")
		}
		g.pinyinSpellings[f[0]][f[1]] = strings.Split(f[2], ",")
		return nil
	})
}

// pinyinInitials are the Mandarin initials, two-letter ones first so that zh is not read z.
var pinyinInitials = []string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"}

// syllableSpellings lists the Latin spellings of one toneless pinyin syllable (v for ü, as
// go-pinyin writes it): pinyin itself with ü as u, each spelling of its initial joined to
// each of its final, and the table's whole-syllable spellings.
func (g *gazetteer) syllableSpellings(py string) []string {
	out := []string{strings.ReplaceAll(py, "v", "u"), py}
	out = append(out, g.pinyinSpellings["syllable"][py]...)
	initial, final := "", py
	for _, in := range pinyinInitials {
		if strings.HasPrefix(py, in) {
			initial, final = in, py[len(in):]
			break
		}
	}
	inits := append([]string{initial}, g.pinyinSpellings["initial"][initial]...)
	finals := append([]string{strings.ReplaceAll(final, "v", "u")}, g.pinyinSpellings["final"][final]...)
	for _, i := range inits {
		for _, f := range finals {
			out = append(out, i+f)
		}
	}
	return out
}

// hanReadings gives each character of s its toneless Mandarin readings (several for a
// character read more ways, 曾 ceng/zeng), or nil when a character has none.
func hanReadings(s string) [][]string {
	args := pinyin.NewArgs()
	args.Heteronym = true
	rd := pinyin.Pinyin(s, args)
	if len(rd) != len([]rune(s)) {
		return nil
	}
	for _, r := range rd {
		if len(r) == 0 {
			return nil
		}
	}
	return rd
}

// latinSyllableWords splits a Latin name into the lower-case words its spaces and hyphens
// separate (Lai Ching-te → lai ching te); apostrophes of aspiration go (Ch'en → chen).
func latinSyllableWords(name string) []string {
	name = strings.NewReplacer("'", "", "’", "", "ʼ", "").Replace(FoldForSearch(name))
	return strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) })
}

// pinyinMatches reports whether the Latin words spell the readings, each word one or more
// whole syllables in order and nothing left over on either side.
func (g *gazetteer) pinyinMatches(readings [][]string, words []string) bool {
	return spellsSyllables(g.readingSpellings(readings), words)
}

// readingSpellings lists, per character, the Latin spellings of all its readings.
func (g *gazetteer) readingSpellings(readings [][]string) [][]string {
	spell := make([][]string, len(readings))
	for i, rs := range readings {
		for _, r := range rs {
			spell[i] = append(spell[i], g.syllableSpellings(r)...)
		}
	}
	return spell
}

// spellsSyllables is pinyinMatches on the characters' spellings.
func spellsSyllables(spell [][]string, words []string) bool {
	if len(spell) < minPinyinName || len(words) == 0 || len(words) > len(spell) {
		return false
	}
	// match reports whether syllables si… spell words wi… from offset pos of words[wi].
	var match func(si, wi, pos int) bool
	match = func(si, wi, pos int) bool {
		if wi < len(words) && pos == len(words[wi]) {
			if pos == 0 {
				return false
			}
			wi, pos = wi+1, 0
		}
		if si == len(spell) || wi == len(words) {
			return si == len(spell) && wi == len(words)
		}
		rest := words[wi][pos:]
		for _, sp := range spell[si] {
			if sp != "" && strings.HasPrefix(rest, sp) && match(si+1, wi, pos+len(sp)) {
				return true
			}
		}
		return false
	}
	return match(0, 0, 0)
}

// pinyinAnchor is a Latin person or place name of the story with its words.
type pinyinAnchor struct {
	words []string
	an    storyAnchor
}

// confirmPinyin finds, among Han characters no fact holds, runs of two to four that read as
// a Latin person or place name of the story (赖清德, Lai Ching-te). Longest run first; a run
// two different anchors spell confirms neither.
func (g *gazetteer) confirmPinyin(toks []token, rs []rune, taken []bool, anchors []pinyinAnchor) []match {
	if len(anchors) == 0 || len(g.pinyinSpellings) == 0 {
		return nil
	}
	tokAt := hanTokens(toks)
	free := func(p int) bool { return p < len(rs) && !taken[p] && isHan(rs[p]) }
	var out []match
	for p := 0; p < len(rs); {
		matched := false
		for q := p + maxPinyinName; q-p >= minPinyinName && !matched; q-- {
			ok := q <= len(rs)
			for x := p; ok && x < q; x++ {
				ok = free(x)
			}
			if !ok {
				continue
			}
			rd := hanReadings(string(rs[p:q]))
			if rd == nil {
				continue
			}
			spell := g.readingSpellings(rd)
			var found *storyAnchor
			ambiguous := false
			for i := range anchors {
				if !spellsSyllables(spell, anchors[i].words) {
					continue
				}
				if found != nil && found.id != anchors[i].an.id {
					ambiguous = true
					break
				}
				if found == nil || anchors[i].an.rank > found.rank {
					found = &anchors[i].an
				}
			}
			if found == nil || ambiguous {
				continue
			}
			m, ok := confirmedHanMatch(tokAt, p, q, found.id, found.label, found.typ)
			if !ok {
				continue
			}
			out = append(out, m)
			p, matched = q, true
		}
		if !matched {
			p++
		}
	}
	return out
}
