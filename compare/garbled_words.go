package compare

import (
	"bufio"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/assets"
)

// Text damage that only a word list can see (assets/lang/words, rules in rules.tsv there):
//
//   - words run together in lower case ("lasfugas", "Laempresa" at the start of a sentence):
//     a word the language's list lacks, that no other version of the story writes and this
//     article writes once, made of a head (an article or determiner, which begins no
//     compound) and a word of four letters or more the list knows or the article uses
//     elsewhere. Vietnamese writes every syllable apart, so there two known syllables run
//     together are enough. A capitalised word inside a sentence is a name and is left alone,
//     and so is any part of a named actor;
//   - a stray word of another language left in a translation ("la Behörde danesa"): after
//     one of the language's articles, a word with a letter the language's alphabet lacks
//     that is no named actor and that no other version writes, except versions in a
//     language whose alphabet has those letters (the word's own language); a capitalised
//     one, which may be a name, must be written in no other version at all. A foreign name
//     travels to the other versions; an untranslated common noun does not;
//   - a lone lower-case word of another cased script that a word list knows ("de обороны",
//     "что government"), see strayScriptWords.
//
// The lists are the most frequent words of film subtitles (see rules.tsv for their source):
// everyday words, which is what a glued article or a stray noun is made of.

// wordRules holds the word lists and rules.tsv, parsed once from embedded data and never
// changed.
type wordRules struct {
	lexicon  map[string]map[string]bool // lang → its frequent words, lower case
	heads    map[string][]string        // lang → heads, longest first ("*": any listed word)
	tails    map[string][]string        // lang → what the glued word's second part begins with
	articles map[string]map[string]bool // lang → articles and determiners
	letters  map[string]map[rune]bool   // lang → its letters beyond a–z; nil: no alphabet row
}

var loadWordRules = sync.OnceValue(func() *wordRules {
	r := &wordRules{lexicon: map[string]map[string]bool{}, heads: map[string][]string{},
		tails: map[string][]string{}, articles: map[string]map[string]bool{}, letters: map[string]map[rune]bool{}}
	lists, err := fs.Glob(assets.Lang, "lang/words/*.txt")
	if err != nil || len(lists) == 0 {
		panic("compare: embedded word lists are missing")
	}
	for _, p := range lists {
		lang := strings.TrimSuffix(path.Base(p), ".txt")
		r.lexicon[lang] = map[string]bool{}
		for _, w := range embeddedLines(p) {
			r.lexicon[lang][w] = true
		}
	}
	// Real words the subtitle lists lack that look like two words run together.
	for _, line := range embeddedLines("lang/words/whole-words.tsv") {
		lang, ws, ok := strings.Cut(line, "\t")
		if !ok || r.lexicon[lang] == nil {
			panic("compare: whole-words.tsv: want a language with a word list, then words: " + line)
		}
		for _, w := range strings.Fields(ws) {
			r.lexicon[lang][w] = true
		}
	}
	for _, line := range embeddedLines("lang/words/rules.tsv") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("compare: rules.tsv: want language, kind and values: " + line)
		}
		lang, vals := f[0], strings.Fields(f[2])
		switch f[1] {
		case "heads":
			sort.SliceStable(vals, func(i, j int) bool { return len(vals[i]) > len(vals[j]) })
			r.heads[lang] = vals
		case "tails":
			r.tails[lang] = vals
		case "articles":
			r.articles[lang] = map[string]bool{}
			for _, v := range vals {
				r.articles[lang][v] = true
			}
		case "letters":
			r.letters[lang] = map[rune]bool{}
			for _, v := range vals {
				if v == "-" {
					continue // none beyond a–z
				}
				for _, c := range v {
					r.letters[lang][c] = true
				}
			}
		default:
			panic("compare: rules.tsv: unknown kind " + f[1])
		}
	}
	return r
})

// embeddedLines reads a file of assets.Lang: its lines, without comments and blank lines.
func embeddedLines(name string) []string {
	f, err := assets.Lang.Open(name)
	if err != nil {
		panic("compare: embedded " + name + " is missing: " + err.Error())
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// storyVocab tells, for each lower-cased word of a story, how many of its articles use it
// and in which languages.
type storyVocab map[string]*vocabEntry

type vocabEntry struct {
	articles int
	langs    []string
}

// newStoryVocab gathers the words of every article of a story.
func newStoryVocab(arts []*article) storyVocab {
	v := storyVocab{}
	var wb [][2]int
	for _, a := range arts {
		seen := map[string]bool{}
		wb = wordBoundsInto(a.runes, wb[:0])
		for _, w := range wb {
			low := strings.ToLower(string(a.runes[w[0]:w[1]]))
			if seen[low] {
				continue
			}
			seen[low] = true
			e := v[low]
			if e == nil {
				e = &vocabEntry{}
				v[low] = e
			}
			e.articles++
			e.langs = appendUnique(e.langs, a.doc.Lang)
		}
	}
	return v
}

// lexicalDamage finds glued words and stray foreign words in article a of a story whose
// words are vocab (nil: a alone). words are a's word bounds.
func lexicalDamage(a *article, words [][2]int, vocab storyVocab) (glued, stray []wordSpan) {
	rules := loadWordRules()
	lang := a.doc.Lang
	if rules.lexicon[lang] == nil {
		return nil, nil
	}
	lows := make([]string, len(words))
	own := map[string]int{}
	for i, w := range words {
		lows[i] = strings.ToLower(string(a.runes[w[0]:w[1]]))
		own[lows[i]]++
	}
	elsewhere := func(low string) int { // articles other than a that use the word
		if vocab == nil || vocab[low] == nil {
			return 0
		}
		return vocab[low].articles - 1
	}
	var buf [4]string
	for i, w := range words {
		rs, low := a.runes[w[0]:w[1]], lows[i]
		if len(rs) < 5 || own[low] > 1 || len(wordScriptsInto(rs, buf[:0])) != 1 || a.inActor(w[0], w[1]) {
			continue
		}
		switch {
		case isUpperRune(rs[0]) && (!sentenceInitial(a.runes, w[0]) || hasUpperAfterFirst(rs)):
			// A name, an acronym or a heading word: not ours to split. A capitalised word
			// may still be a stray common noun after an article (German nouns), if no
			// other version writes it (a name such as Élysée travels at least to its own
			// language's version).
			if i > 0 && elsewhere(low) == 0 && rules.strayWord(lang, lows[i-1], low, vocab) && onlySpacesBetween(a, words, i) {
				stray = append(stray, wordSpan{w[0], w[1], string(rs)})
			}
		case elsewhere(low) == 0 && rules.glued(lang, low, own):
			glued = append(glued, wordSpan{w[0], w[1], string(rs)})
		case i > 0 && rules.strayWord(lang, lows[i-1], low, vocab) && onlySpacesBetween(a, words, i):
			stray = append(stray, wordSpan{w[0], w[1], string(rs)})
		}
	}
	return glued, stray
}

// glued reports whether low (a lower-cased word the article writes once and no other version
// writes) is two words run together: absent from the language's list and made of a head and
// a word the list knows or the article uses elsewhere (own counts the article's words).
func (r *wordRules) glued(lang, low string, own map[string]int) bool {
	lex := r.lexicon[lang]
	if r.known(lang, low) {
		return false
	}
	for _, h := range r.heads[lang] {
		if h == "*" {
			// Two known syllables of two letters or more, and a letter beyond a–z: a word
			// in plain a–z letters in Vietnamese text is a foreign name or brand.
			if !hasNonASCII(low) {
				continue
			}
			rs := []rune(low)
			for k := 2; k <= len(rs)-2; k++ {
				if lex[string(rs[:k])] && lex[string(rs[k:])] {
					return true
				}
			}
			continue
		}
		rest, ok := strings.CutPrefix(low, h)
		if !ok || utf8.RuneCountInString(rest) < 4 {
			continue
		}
		if tails := r.tails[lang]; len(tails) > 0 && !hasAnyPrefix(rest, tails) {
			continue
		}
		if lex[rest] || own[rest] > 0 {
			return true
		}
	}
	return false
}

// known reports whether the language's list has low, or low less an ending of one or two
// letters (alarmas, whose list has alarma): the lists hold the frequent forms, not every
// inflection of a word.
func (r *wordRules) known(lang, low string) bool {
	lex := r.lexicon[lang]
	if lex[low] {
		return true
	}
	rs := []rune(low)
	for k := 1; k <= 2 && len(rs)-k >= 4; k++ {
		if lex[string(rs[:len(rs)-k])] {
			return true
		}
	}
	return false
}

// strayWord reports whether low, written after the word before (lower case), is a stray
// word of another language: the word before is one of the language's articles, low has a
// letter the language's alphabet lacks, and every other version that writes low is in a
// language whose alphabet has all its letters.
func (r *wordRules) strayWord(lang, before, low string, vocab storyVocab) bool {
	own, ok := r.letters[lang]
	if !ok || !r.articles[lang][before] {
		return false
	}
	var foreign []rune
	for _, c := range low {
		if c > 'z' && unicode.IsLetter(c) && !own[c] {
			foreign = append(foreign, c)
		}
	}
	if len(foreign) == 0 || r.known(lang, low) {
		return false
	}
	if vocab == nil || vocab[low] == nil {
		return true
	}
	for _, l := range vocab[low].langs {
		if l == lang {
			continue
		}
		other, ok := r.letters[l]
		if !ok {
			return false // a language with no alphabet row cannot vouch for the word
		}
		for _, c := range foreign {
			if !other[c] {
				return false // written where its letters are foreign too: a name
			}
		}
	}
	return true
}

// strayScriptWords finds lone lower-case words of another cased script than the article's
// that a word list knows ("el ministerio de обороны ruso", "заявил, что government"): a
// common word left untranslated. Names, brands and acronyms are capitalised (Telegram,
// iPhone, APP), glosses stand in brackets or quotes, and a run of such words is
// foreignRuns' to judge, so none of them is taken.
func strayScriptWords(a *article, words [][2]int, main string) []wordSpan {
	rules := loadWordRules()
	words = splitByScript(a.runes, words)
	var out []wordSpan
	var buf [4]string
	script := func(k int) string { return singleScriptRunes(a.runes[words[k][0]:words[k][1]], buf[:0]) }
	for i, w := range words {
		rs := a.runes[w[0]:w[1]]
		sc := script(i)
		if sc == main || sc != "Latin" && sc != "Cyrillic" || len(rs) < 4 {
			continue
		}
		if i > 0 && script(i-1) == sc && onlySpacesBetween(a, words, i) ||
			i+1 < len(words) && script(i+1) == sc && onlySpacesBetween(a, words, i+1) {
			continue // part of a run of foreign words
		}
		lower := true
		for _, r := range rs {
			if isUpperRune(r) {
				lower = false
				break
			}
		}
		if !lower || quotedOrBracketed(a.runes, w[0], w[1]) || inURLish(a.runes, w[0]) || a.inActor(w[0], w[1]) {
			continue
		}
		low := string(rs)
		if rules.lexicon[a.doc.Lang][low] {
			continue
		}
		for _, lex := range rules.lexicon {
			if lex[low] {
				out = append(out, wordSpan{w[0], w[1], low})
				break
			}
		}
	}
	return out
}

// splitByScript splits word bounds where the script changes: Chinese and Japanese write
// a Latin word into a run of Han characters without a space (进行investigation).
func splitByScript(rs []rune, words [][2]int) [][2]int {
	var out [][2]int
	for _, w := range words {
		start, cur := w[0], ""
		for i := w[0]; i < w[1]; i++ {
			sc := scriptOf(rs[i])
			if sc == "" {
				continue // a mark belongs to its letter
			}
			if cur != "" && sc != cur {
				out = append(out, [2]int{start, i})
				start = i
			}
			cur = sc
		}
		out = append(out, [2]int{start, w[1]})
	}
	return out
}

// quotedOrBracketed reports whether the word [start, end) stands right inside brackets or
// quotes, or after a hash or at sign (a gloss, a title, a hashtag).
func quotedOrBracketed(rs []rune, start, end int) bool {
	j := start - 1
	for j >= 0 && rs[j] == ' ' {
		j--
	}
	if j >= 0 && strings.ContainsRune("([«\"“„‘'#@", rs[j]) {
		return true
	}
	k := end
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	return k < len(rs) && strings.ContainsRune(")]»\"”“’'", rs[k])
}

// inActor reports whether [start, end) overlaps an actor fact of the article.
func (a *article) inActor(start, end int) bool {
	for _, f := range a.facts {
		if f.Kind == KindActor && f.Start < end && start < f.End {
			return true
		}
	}
	return false
}

// sentenceInitial reports whether the word at i opens a sentence: nothing but spaces,
// quotes and dashes between it and the text's start or a full stop, question or
// exclamation mark, colon or line break.
func sentenceInitial(rs []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch r := rs[j]; {
		case r == '\n' || strings.ContainsRune(".!?…:。！？", r):
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("\"'«»“”„‘’—–-(", r):
			continue
		default:
			return false
		}
	}
	return true
}

func hasUpperAfterFirst(rs []rune) bool {
	for _, r := range rs[1:] {
		if isUpperRune(r) {
			return true
		}
	}
	return false
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
