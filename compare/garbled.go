package compare

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Garbled text: damage a careful reader notices and a machine translation or a bad copy
// leaves behind. Detected generically from Unicode scripts and letter case, never from a
// list of known damaged words:
//
//   - stray letters: a word mixing two look-alike alphabets (ΜPékin, τdes, explosiоnes; Latin
//     run into Chinese or Arabic is normal writing), or a lone letter of a script
//     the article otherwise never uses (the Greek article Η before Chine);
//   - glued words: a lowercase run of three letters or more followed by a capitalised word
//     inside one token (intentionnéPékin) — brand names (PowerPoint) start with a capital,
//     iPhone/eBay have a one-letter prefix, so neither matches;
//   - mojibake: U+FFFD, "??" standing for lost characters mid-sentence, a "?" between two
//     lowercase letters of a word (di?metro), or UTF-8 read as Latin-1 (dÃ©jÃ , â€™);
//   - untranslated fragments: a run of words in another script than the article's (three
//     words; six when the foreign script is Latin, since brand and product names in Latin
//     letters are normal in any language), or a sentence whose function words belong to
//     another Latin-script language (analyze_stopwords.tsv);
//   - with the word lists of garbled_words.go: words run together in lower case
//     ("lasfugas") and stray words of another language ("la Behörde danesa").
//
// Each article gets at most one discrepancy per kind of damage, listing every damaged span,
// so a damaged article does not flood the list.

// scriptOf names the writing system of a letter; "" for digits, punctuation and marks.
// Han, Hiragana and Katakana count as one ("CJK"): Japanese mixes them within words.
func scriptOf(r rune) string {
	if uint32(r) < rcLimit {
		return scriptNames[scriptOfTable[r]]
	}
	return scriptOfSlow(r)
}

// scriptNames and scriptOfTable answer scriptOf from a table for the busiest blocks (see
// runeclass.go): every word of every article is asked.
var scriptNames = []string{"", "Latin", "Cyrillic", "Greek", "Arabic", "CJK", "Hangul", "Hebrew",
	"Devanagari", "Thai", "Armenian", "Georgian", "Other"}

var scriptOfTable = func() (t [rcLimit]uint8) {
	ix := map[string]uint8{}
	for k, n := range scriptNames {
		ix[n] = uint8(k)
	}
	for r := rune(0); r < rcLimit; r++ {
		k, ok := ix[scriptOfSlow(r)]
		if !ok {
			panic("compare: scriptNames lacks " + scriptOfSlow(r))
		}
		t[r] = k
	}
	return
}()

func scriptOfSlow(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	switch {
	case r < 0x80:
		return "Latin"
	case unicode.Is(unicode.Latin, r):
		return "Latin"
	case unicode.Is(unicode.Cyrillic, r):
		return "Cyrillic"
	case unicode.Is(unicode.Greek, r):
		return "Greek"
	case unicode.Is(unicode.Arabic, r), r == '\u0640':
		// U+0640 TATWEEL is Common by Script but Arabic by Script_Extensions: it stretches
		// Arabic letters ("بـ" before a Latin name) and is no stray letter.
		return "Arabic"
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return "CJK"
	case unicode.Is(unicode.Hangul, r):
		return "Hangul"
	case unicode.Is(unicode.Hebrew, r):
		return "Hebrew"
	case unicode.Is(unicode.Devanagari, r):
		return "Devanagari"
	case unicode.Is(unicode.Thai, r):
		return "Thai"
	case unicode.Is(unicode.Armenian, r):
		return "Armenian"
	case unicode.Is(unicode.Georgian, r):
		return "Georgian"
	}
	return "Other"
}

// scriptOfWord is the script of a word's first letter.
func scriptOfWord(w string) string {
	for _, r := range w {
		if s := scriptOf(r); s != "" {
			return s
		}
	}
	return ""
}

// mainScript is the script most of the article's letters are written in.
func mainScript(rs []rune) string {
	count := map[string]int{}
	for _, r := range rs {
		if s := scriptOf(r); s != "" {
			count[s]++
		}
	}
	best, n := "", 0
	for s, c := range count {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

type damage struct {
	what  string // the kind of damage, for the summary
	spans []wordSpan
}

// vocab holds the words of the article's story (nil: the article alone), against which the
// word-list checks tell a name or a shared term from damage.
func garbledDiscrepancies(storyID string, a *article, vocab storyVocab) []Discrepancy {
	main := mainScript(a.runes)
	if main == "" {
		return nil
	}
	words := wordBounds(a.runes)
	// How many real words (3+ letters) each script has in this article.
	scriptWords := map[string]int{}
	var buf [4]string
	for _, w := range words {
		if w[1]-w[0] >= 3 {
			if sc := wordScriptsInto(a.runes[w[0]:w[1]], buf[:0]); len(sc) == 1 {
				scriptWords[sc[0]]++
			}
		}
	}
	stray := damage{what: "stray letters of another script"}
	glued := damage{what: "words run together"}
	for _, w := range words {
		rs := a.runes[w[0]:w[1]]
		scripts := wordScriptsInto(rs, buf[:0])
		ws := wordSpan{w[0], w[1], ""}
		switch {
		case len(scripts) > 1 && lookalikeMix(scripts):
			ws.text = string(rs)
			stray.spans = append(stray.spans, ws)
			continue
		case len(scripts) == 1 && scripts[0] != main && scripts[0] != "Latin" && len(rs) <= 2 && scriptWords[scripts[0]] == 0:
			ws.text = string(rs)
			stray.spans = append(stray.spans, ws)
			continue
		}
		if isGlued(rs) {
			ws.text = string(rs)
			glued.spans = append(glued.spans, ws)
		}
	}
	lexGlued, lexStray := lexicalDamage(a, words, vocab)
	if len(lexGlued) > 0 {
		glued.spans = mergeSpans(glued.spans, lexGlued)
	}
	strayWords := damage{what: "stray words of another language", spans: mergeSpans(lexStray, strayScriptWords(a, words, main))}
	mojibake := damage{what: "lost characters (mojibake)"}
	for i := 0; i < len(a.runes); i++ {
		if n := latin1Mojibake(a.runes, i); n > 0 {
			// UTF-8 read as Latin-1 or Windows-1252 (dÃ©jÃ , Ð¿Ñ€Ð¸, â€™): the span runs
			// over the word the damage sits in.
			s, e := i, i+n
			for s > 0 && !unicode.IsSpace(a.runes[s-1]) {
				s--
			}
			for e < len(a.runes) && !unicode.IsSpace(a.runes[e]) {
				e++
			}
			for e > s && strings.ContainsRune(".,;:!?)", a.runes[e-1]) {
				e--
			}
			mojibake.spans = append(mojibake.spans, wordSpan{s, e, string(a.runes[s:e])})
			i = e
			continue
		}
		if a.runes[i] == '\uFFFD' {
			j := i
			for j < len(a.runes) && a.runes[j] == '\uFFFD' {
				j++
			}
			mojibake.spans = append(mojibake.spans, wordSpan{i, j, string(a.runes[i:j])})
			i = j
			continue
		}
		// A question mark between two lowercase letters stands for one lost letter
		// ("di?metro"); in a URL or code it would sit among / . = & characters.
		if a.runes[i] == '?' && i > 0 && i+1 < len(a.runes) && unicode.IsLower(a.runes[i-1]) && unicode.IsLower(a.runes[i+1]) && !inURLish(a.runes, i) {
			s, e := i, i+1
			for s > 0 && unicode.IsLetter(a.runes[s-1]) {
				s--
			}
			for e < len(a.runes) && (unicode.IsLetter(a.runes[e]) || a.runes[e] == '?') {
				e++
			}
			mojibake.spans = append(mojibake.spans, wordSpan{s, e, string(a.runes[s:e])})
			i = e
			continue
		}
		if a.runes[i] == '?' && i+1 < len(a.runes) && a.runes[i+1] == '?' && i > 0 && a.runes[i-1] == ' ' {
			j := i
			for j < len(a.runes) && a.runes[j] == '?' {
				j++
			}
			// Mid-sentence: a lowercase word follows.
			k := j
			for k < len(a.runes) && a.runes[k] == ' ' {
				k++
			}
			if k > j && k < len(a.runes) && unicode.IsLower(a.runes[k]) {
				mojibake.spans = append(mojibake.spans, wordSpan{i, j, string(a.runes[i:j])})
			}
			i = j
		}
	}
	foreign := damage{what: "untranslated text"}
	foreign.spans = foreignRuns(a, words, main, buf[:0])
	foreign.spans = append(foreign.spans, foreignSentences(a)...)
	sort.Slice(foreign.spans, func(i, j int) bool { return foreign.spans[i].start < foreign.spans[j].start })

	var out []Discrepancy
	for _, d := range []damage{stray, glued, strayWords, mojibake, foreign} {
		if len(d.spans) == 0 {
			continue
		}
		ms := make([]Member, len(d.spans))
		quoted := make([]string, 0, 4)
		for i, s := range d.spans {
			ms[i] = Member{Article: a.doc.ID, Start: s.start, End: s.end, Text: s.text}
			if i < 4 {
				q := s.text
				if len([]rune(q)) > 40 {
					q = string([]rune(q)[:40]) + "…"
				}
				quoted = append(quoted, fmt.Sprintf("%q", q))
			}
		}
		more := ""
		if len(d.spans) > 4 {
			more = fmt.Sprintf(" and %d more", len(d.spans)-4)
		}
		what := d.what
		if d.what == stray.what {
			what = "stray letters of another script (" + strings.Join(foreignScripts(d.spans, main), ", ") + ")"
		}
		summary := fmt.Sprintf("Damaged text in %s, %s: %s%s", a.doc.displayName(), what, strings.Join(quoted, ", "), more)
		out = append(out, Discrepancy{ID: discrepancyID(DiscGarbled, ms), Story: storyID, Kind: DiscGarbled,
			Severity: SeverityMinor, Summary: summary, Members: ms})
	}
	return out
}

// lookalikeMix reports whether a word's scripts include two alphabets whose letters look
// alike (Latin, Cyrillic, Greek: "explosiоnes" with a Cyrillic о, "ΜPékin"): the sign of
// a bad copy or conversion. Chinese, Japanese and Arabic text runs Latin names into its words
// without a space ("用iPhone拍摄", "بـTelegram"): normal mixed-script writing, not damage.
func lookalikeMix(scripts []string) bool {
	n := 0
	for _, s := range scripts {
		if s == "Latin" || s == "Cyrillic" || s == "Greek" {
			n++
		}
	}
	return n > 1
}

// wordBounds returns the [start, end) rune bounds of the words (letters and marks) of rs.
func wordBounds(rs []rune) [][2]int { return wordBoundsInto(rs, make([][2]int, 0, len(rs)/6+1)) }

// wordBoundsInto appends the word bounds of rs to out (scratch space reused across calls).
func wordBoundsInto(rs []rune, out [][2]int) [][2]int {
	for i := 0; i < len(rs); {
		if !isLetterish(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isLetterish(rs[j]) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// wordScriptsInto appends the distinct scripts of a word's letters to out, in order of
// appearance (out is scratch space, so scanning a text does not allocate per word).
func wordScriptsInto(rs []rune, out []string) []string {
	for _, r := range rs {
		if r < 0x80 {
			if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
				out = appendUnique(out, "Latin")
			}
			continue
		}
		if s := scriptOf(r); s != "" {
			out = appendUnique(out, s)
		}
	}
	return out
}

func wordScripts(rs []rune) []string { return wordScriptsInto(rs, nil) }

func singleScriptRunes(rs []rune, buf []string) string {
	s := wordScriptsInto(rs, buf)
	if len(s) == 1 {
		return s[0]
	}
	return ""
}

func foreignScripts(spans []wordSpan, main string) []string {
	var out []string
	for _, s := range spans {
		for _, sc := range wordScripts([]rune(s.text)) {
			if sc != main {
				out = appendUnique(out, sc)
			}
		}
	}
	sort.Strings(out)
	return out
}

// isGlued: lowercase start, 3+ lowercase letters, then an uppercase letter followed by 2+
// lowercase letters, in a cased script.
func isGlued(rs []rune) bool {
	if len(rs) < 6 || !unicode.IsLower(rs[0]) {
		return false
	}
	for i := 3; i < len(rs)-2; i++ {
		if !unicode.IsUpper(rs[i]) {
			continue
		}
		low := 0
		for j := i - 1; j >= 0 && (unicode.IsLower(rs[j]) || unicode.IsMark(rs[j])); j-- {
			low++
		}
		if low < 3 || low != i {
			return false
		}
		return unicode.IsLower(rs[i+1]) && unicode.IsLower(rs[i+2])
	}
	return false
}

// inURLish reports whether position i sits in a token that looks like a URL or code: a
// slash, dot, equals sign or ampersand in the same run of non-space characters.
func inURLish(rs []rune, i int) bool {
	for j := i; j >= 0 && !unicode.IsSpace(rs[j]); j-- {
		if strings.ContainsRune("/=&@", rs[j]) {
			return true
		}
	}
	for j := i; j < len(rs) && !unicode.IsSpace(rs[j]); j++ {
		if strings.ContainsRune("/=&@", rs[j]) {
			return true
		}
	}
	return false
}

// foreignRuns finds runs of consecutive words in a script other than the article's.
func foreignRuns(a *article, words [][2]int, main string, buf []string) []wordSpan {
	var out []wordSpan
	i := 0
	script := func(k int) string { return singleScriptRunes(a.runes[words[k][0]:words[k][1]], buf) }
	for i < len(words) {
		s := script(i)
		if s == "" || s == main {
			i++
			continue
		}
		j := i + 1
		for j < len(words) && script(j) == s && onlySpacesBetween(a, words, j) {
			j++
		}
		need := 3
		if s == "Latin" {
			need = 6
		}
		if j-i >= need {
			out = append(out, wordSpan{words[i][0], words[j-1][1], a.text(words[i][0], words[j-1][1])})
		}
		i = j
	}
	return out
}

// onlySpacesBetween reports whether word j follows word j-1 with only spaces and light
// punctuation between them (a fragment is one run of text).
func onlySpacesBetween(a *article, words [][2]int, j int) bool {
	if j == 0 {
		return true
	}
	for k := words[j-1][1]; k < words[j][0]; k++ {
		r := a.runes[k]
		if r == '\n' {
			return false
		}
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:-'’()", r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

//go:embed analyze_stopwords.tsv
var stopwordsTSV string

// stopwords maps a function word to the one language it points to; parsed once from
// embedded data and never changed.
var stopwords = parseStopwords(stopwordsTSV)

func parseStopwords(s string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lang, words, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(words) {
			out[w] = lang
		}
	}
	return out
}

// foreignSentences finds sentences written in another Latin-script language than the
// article's: at least four function words of that language, more than three times as many
// as the article's own. Only languages with a function-word list are judged.
func foreignSentences(a *article) []wordSpan {
	own := a.doc.Lang
	if !stopwordLangSet[own] {
		return nil
	}
	var out []wordSpan
	var lw []byte
	var wb [][2]int
	hits := map[string]int{}
	for si, start := range a.sentStart {
		end := len(a.runes)
		if si+1 < len(a.sentStart) {
			end = a.sentStart[si+1]
		}
		clear(hits)
		wb = wordBoundsInto(a.runes[start:end], wb[:0])
		for _, w := range wb {
			// Lower-cased into scratch space: the look-up with string(buf) does not allocate.
			lw = lw[:0]
			for _, r := range a.runes[start+w[0] : start+w[1]] {
				lw = utf8.AppendRune(lw, unicode.ToLower(r))
			}
			if l, ok := stopwords[string(lw)]; ok {
				hits[l]++
			}
		}
		best, n := "", 0
		for l, c := range hits {
			if l != own && (c > n || c == n && l < best) {
				best, n = l, c
			}
		}
		if n >= 4 && n > 3*hits[own] {
			// Trim the span to the sentence's text.
			s, e := start, end
			for s < e && unicode.IsSpace(a.runes[s]) {
				s++
			}
			for e > s && unicode.IsSpace(a.runes[e-1]) {
				e--
			}
			out = append(out, wordSpan{s, e, a.text(s, e)})
		}
	}
	return out
}

var stopwordLangSet = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range stopwords {
		m[l] = true
	}
	return m
}()

// mergeSpans merges two lists of spans, each in text order, into one in text order, a span
// of b that starts where one of a does left out.
func mergeSpans(a, b []wordSpan) []wordSpan {
	have := map[int]bool{}
	for _, s := range a {
		have[s.start] = true
	}
	out := append([]wordSpan(nil), a...)
	for _, s := range b {
		if !have[s.start] {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// latin1Mojibake returns the length of the mojibake that starts at i (0 for none): the bytes
// of a UTF-8 letter shown one by one as Latin-1 or Windows-1252 characters. A two-byte letter
// (é, п) shows as Ã, Â, Ð or Ñ followed by a character of U+0080–U+00BF (Ã©, Ð¿); a
// three-byte one (’, –) as â followed by € and another such character (â€™). Real text has
// no such pairs: the leads are capitals, the followers symbols (© ¿ ¨ ´) that never follow
// a capital letter inside a word.
func latin1Mojibake(rs []rune, i int) int {
	if i+1 >= len(rs) {
		return 0
	}
	switch rs[i] {
	case 'Ã', 'Â', 'Ð', 'Ñ':
		if c := rs[i+1]; c >= 0x80 && c <= 0xBF && c != 0xA0 || isCP1252Continuation(c) {
			return 2
		}
	case 'â':
		if i+2 < len(rs) && rs[i+1] == '€' && (rs[i+2] >= 0x80 && rs[i+2] <= 0xBF || isCP1252Continuation(rs[i+2])) {
			return 3
		}
	}
	return 0
}

// isCP1252Continuation reports whether r is what Windows-1252 shows for a byte 0x80–0x9F
// (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), as UTF-8 continuation bytes
// often appear.
func isCP1252Continuation(r rune) bool {
	return strings.ContainsRune("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", r)
}
