package compare

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Rule 4 of the spelling check: a Latin name against its writing in Chinese or Arabic.
//
// Two Latin versions that spell a name one letter apart ("Joseph Blout", "Joseph Blount")
// may both be conventions, or one may be a slip; rule 3 wants the majority in two articles
// of one script. A version in another script can settle it when it writes the name in a way
// that shows which letters belong to it:
//
//   - Hanzi read in Mandarin (赖清德): the Latin spelling that the characters' readings
//     spell in some romanisation (Lai Ching-te) is the name; a spelling one letter from it
//     whose changed word is no Mandarin syllable in any system ("Lai Chng-te") is a slip;
//     so is a letter lost from a long syllable (Chin for Ching) or a swap. Another letter
//     that leaves a syllable (Den for Dun) may be a romanisation the table lacks: left alone.
//   - Arabic letters (جوزيف بلونت): Arabic writes every consonant of a foreign name, so a
//     consonant the Arabic has and one Latin spelling lost (Blout beside Blount, بلونت) is a
//     slip. Only a lost or added consonant counts: vowels, h-sounds and glides, doubled
//     letters, digraph parts and the article's assimilated l (Abdulrahman, Abdurrahman) are
//     where romanisations differ.
//   - Chinese transcription characters (布朗特, han-sounds.tsv) keep a foreign name's
//     consonants too, l and r as one: the same test as for Arabic.
//
// The other-script mention must be the same actor as the Latin spelling it backs (the
// extractor linked them, or it writes the whole name: spellsWhole), and nothing in the story
// may back the variant itself.

// witnessMinLetters is the shortest Latin word (the longer of the pair) in which a lost or
// added consonant is taken for a slip against an Arabic witness.
const witnessMinLetters = 5

// witnessedTypes are the actor types whose Latin spelling rule 4 judges: country names
// follow each language's own exonyms.
var witnessedTypes = map[string]bool{ActorPerson: true, ActorGroup: true, ActorPlace: true, ActorOrg: true}

// latinName is one Latin-script actor mention of a story.
type latinName struct {
	art, fact int
	id        string
	surface   string
	words     []string // latinSyllableWords of the surface
	// fromLabel: the surface is the gazetteer's label of a known actor that fact, a Han or
	// Arabic mention, names: the story has no Latin mention of it to compare with.
	fromLabel bool
}

// scriptWitness is an actor mention in Han or Arabic letters.
type scriptWitness struct {
	art, fact int
	id        string
	arabic    []string   // the Arabic words, also with clitics and article stripped
	han       [][]string // the Latin spellings of each Han character, nil when not Han
	// sounds: for a name in transcription characters (han-sounds.tsv), the consonants of
	// each dotted part (transcriptionConsonants), nil otherwise.
	sounds []string
}

func witnessSpelling(st *story) []Discrepancy {
	var latins []latinName
	var witnesses []scriptWitness
	wordArts := map[string]map[int]bool{} // Latin name word → articles that write it
	for ai, a := range st.arts {
		for fi, f := range a.facts {
			if f.Kind != KindActor || !witnessedTypes[f.Type] || actorID(f) == "" {
				continue
			}
			surface := a.text(f.Start, f.End)
			switch {
			case allLatin(surface):
				words := latinSyllableWords(surface)
				latins = append(latins, latinName{ai, fi, actorID(f), surface, words, false})
				for _, w := range words {
					if wordArts[w] == nil {
						wordArts[w] = map[int]bool{}
					}
					wordArts[w][ai] = true
				}
			default:
				if w, ok := witnessOf(surface); ok {
					w.art, w.fact, w.id = ai, fi, actorID(f)
					witnesses = append(witnesses, w)
				}
			}
		}
	}
	if len(witnesses) == 0 {
		return nil
	}
	refs := latins
	for _, w := range witnesses {
		if f := st.arts[w.art].facts[w.fact]; !isLocalID(w.id) && allLatin(f.Label) {
			refs = append(refs, latinName{w.art, w.fact, w.id, f.Label, latinSyllableWords(f.Label), true})
		}
	}
	type key struct {
		art     int
		surface string
	}
	type finding struct {
		facts   []int
		ref     latinName
		witness scriptWitness
	}
	found := map[key]*finding{}
	var keys []key
	for _, v := range latins {
		vf := st.arts[v.art].facts[v.fact]
		if vf.Confidence >= knownFormConfidence {
			continue // a form the gazetteer lists: a convention
		}
		if k := (key{v.art, v.surface}); found[k] != nil {
			found[k].facts = append(found[k].facts, v.fact)
			continue
		}
		for _, m := range refs {
			k, rk, ok := oneWordSlip(m.words, v.words)
			if !ok || backedAnywhere(v, k, witnesses) {
				continue // another script writes it so: a spelling of the name, or another name
			}
			// The variant's changed word must be this article's alone: a spelling two
			// versions share is a convention (or another name), not a slip.
			if arts := wordArts[v.words[k]]; len(arts) > 1 || !arts[v.art] {
				continue
			}
			w, ok := backingWitness(m, v, rk, k, witnesses)
			if !ok {
				continue
			}
			kk := key{v.art, v.surface}
			keys = append(keys, kk)
			found[kk] = &finding{facts: []int{v.fact}, ref: m, witness: w}
			break
		}
	}
	var out []Discrepancy
	for _, k := range keys {
		fd := found[k]
		a := st.arts[k.art]
		var ms []Member
		for _, i := range fd.facts {
			ms = append(ms, memberOf(a, i))
		}
		ra, wa := st.arts[fd.ref.art], st.arts[fd.witness.art]
		wtext := wa.text(wa.facts[fd.witness.fact].Start, wa.facts[fd.witness.fact].End)
		// The variant first: spellingDiscrepancies keys a flag by its first member.
		var summary string
		if fd.ref.fromLabel {
			ms = append(ms, memberOf(wa, fd.witness.fact))
			summary = fmt.Sprintf("%q in %s misspells %s: %s has %q", k.surface, a.doc.displayName(),
				fd.ref.surface, wa.doc.displayName(), wtext)
		} else {
			ms = append(ms, memberOf(ra, fd.ref.fact), memberOf(wa, fd.witness.fact))
			summary = fmt.Sprintf("%q in %s misspells %s: %s has %q, %s %q", k.surface, a.doc.displayName(),
				fd.ref.surface, ra.doc.displayName(), fd.ref.surface, wa.doc.displayName(), wtext)
		}
		out = append(out, Discrepancy{ID: discrepancyID(DiscSpelling, ms), Story: st.id, Kind: DiscSpelling,
			Severity: SeverityMinor, Summary: summary, Members: ms, Diff: spellingDiff(fd.ref.surface, k.surface)})
	}
	return out
}

// witnessOf reads an actor mention in Arabic letters (its words as written and without what
// may be a clitic or the article: the ب of بلونت is the name's own letter, the و of وبلونت
// is not) or in two to four Han characters (their Latin spellings).
func witnessOf(surface string) (scriptWitness, bool) {
	var w scriptWitness
	if allArabic(surface) {
		for _, x := range strings.FieldsFunc(surface, func(r rune) bool { return !isLetterish(r) }) {
			w.arabic = append(w.arabic, x)
			if n := normWord(x); n != x {
				w.arabic = append(w.arabic, n)
			}
		}
		return w, len(w.arabic) > 0
	}
	h := hanLetters(surface)
	if h == "" {
		return w, false
	}
	g := loadGazetteer()
	if rd := hanReadings(h); len(rd) >= minPinyinName && len(rd) <= maxPinyinName {
		w.han = g.readingSpellings(rd)
	}
	transcribed := len([]rune(h)) >= minPinyinName
	for _, r := range h {
		transcribed = transcribed && g.hanSound[r] != ""
	}
	if transcribed {
		for _, part := range strings.FieldsFunc(surface, func(r rune) bool { return strings.ContainsRune(nameDots, r) }) {
			w.sounds = append(w.sounds, transcriptionConsonants(g.hanSoundOf(part)))
		}
	}
	return w, w.han != nil || w.sounds != nil
}

// transcriptionConsonants is latinConsonants as Chinese transcription hears them: l and r
// one sound (拉 for la and ra, 尔 for a final l or r), ng one n.
func transcriptionConsonants(w string) string {
	c := strings.ReplaceAll(latinConsonants(strings.ReplaceAll(strings.ToLower(w), "ng", "n")), "r", "l")
	var out []rune
	for _, r := range c {
		if len(out) == 0 || out[len(out)-1] != r {
			out = append(out, r)
		}
	}
	return string(out)
}

// transcriptionSpells reports whether a Latin word's consonants run, in order and
// unbroken, through one part of a transcribed name, three of them at least (fewer match by
// chance). One Latin l or r may be missing: transcription drops an r after a vowel (Vorst
// 沃斯特, Berg 贝格).
func transcriptionSpells(sounds []string, latin string) bool {
	lc := transcriptionConsonants(latin)
	if len(lc) < 3 {
		return false
	}
	var from func(s string, i, j, skipped int) bool
	from = func(s string, i, j, skipped int) bool {
		switch {
		case j == len(lc):
			return len(lc)-skipped >= 3
		case j > 0 && lc[j] == 'l' && skipped == 0 && from(s, i, j+1, 1):
			return true
		}
		return i < len(s) && s[i] == lc[j] && from(s, i+1, j+1, skipped)
	}
	for _, s := range sounds {
		for i := range len(s) {
			if from(s, i, 0, 0) {
				return true
			}
		}
	}
	return false
}

// oneWordSlip reports whether every word of a Latin name but one is a word of the reference
// name (the variant may leave words out: Blout beside Joseph Blount), and that one is an
// edit away from exactly one reference word left. It returns both words' indexes.
func oneWordSlip(ref, variant []string) (vk, rk int, ok bool) {
	if len(variant) == 0 || len(variant) > len(ref) {
		return 0, 0, false
	}
	used := make([]bool, len(ref))
	vk = -1
	for i, w := range variant {
		j := 0
		for j < len(ref) && (used[j] || ref[j] != w) {
			j++
		}
		if j < len(ref) {
			used[j] = true
			continue
		}
		if vk >= 0 {
			return 0, 0, false
		}
		vk = i
	}
	if vk < 0 {
		return 0, 0, false
	}
	rk = -1
	for j, w := range ref {
		if !used[j] && osaDistance([]rune(w), []rune(variant[vk])) == 1 {
			if rk >= 0 {
				return 0, 0, false
			}
			rk = j
		}
	}
	return vk, rk, rk >= 0
}

// spellsWhole reports whether a Han or Arabic mention writes the whole of a Latin name: its
// Mandarin reading spells it, or each of its words of four letters or more, two at least,
// has its consonants there. Such a mention names the same person even when the extractor
// gave the two their own ids.
func spellsWhole(w scriptWitness, words []string) bool {
	if w.han != nil && spellsSyllables(w.han, words) {
		return true
	}
	n := 0
	for _, lw := range words {
		if len([]rune(lw)) < 4 {
			continue
		}
		ok := w.sounds != nil && transcriptionSpells(w.sounds, lw)
		for _, aw := range w.arabic {
			ok = ok || arabicSpells(aw, lw)
		}
		if !ok {
			return false
		}
		n++
	}
	return n >= 2
}

// backingWitness finds a Han or Arabic mention of ref's actor that spells ref's word rk and
// shows the variant's word vk, written for it, to be a slip. Against Hanzi the variant must be
// the whole name, as many words as ref: a lone word is read by no syllable count.
func backingWitness(ref, variant latinName, rk, vk int, witnesses []scriptWitness) (scriptWitness, bool) {
	rw, vw := ref.words[rk], variant.words[vk]
	whole := len(ref.words) == len(variant.words)
	for _, w := range witnesses {
		if w.id != ref.id && !spellsWhole(w, ref.words) {
			continue
		}
		if w.han != nil && whole && spellsSyllables(w.han, ref.words) && !spellsSyllables(w.han, variant.words) &&
			len([]rune(vw)) >= 2 && osaDistance([]rune(rw), []rune(vw)) == 1 && hanSlipShaped(rw, vw) {
			return w, true
		}
		if !consonantSlip(rw, vw) || conventionalVariant(rw, vw) {
			continue
		}
		if w.sounds != nil && transcriptionSpells(w.sounds, rw) && !transcriptionSpells(w.sounds, vw) {
			return w, true
		}
		for _, aw := range w.arabic {
			if arabicSpells(aw, rw) && !arabicSpells(aw, vw) {
				return w, true
			}
		}
	}
	return scriptWitness{}, false
}

// hanSlipShaped reports whether variant, one edit from ref (a word of a Latin spelling of a
// Chinese name), differs from it as a slip rather than as a romanisation the table may lack:
// its word is no Mandarin syllable in any system (Mnig, Chng), or it lost a letter of a
// syllable of hanLostLetterMinLen letters or more (Chin for Ching), or two neighbours
// changed places. A letter written as another that leaves a syllable (Den for Dun, Yu for
// You) is left alone: personal romanisations differ just so.
func hanSlipShaped(ref, variant string) bool {
	r, v := []rune(ref), []rune(variant)
	switch {
	case !mandarinSyllables(variant):
		return true
	case len(r) == len(v)+1:
		return len(r) >= hanLostLetterMinLen
	case len(r) == len(v):
		return levenshtein(r, v) == 2 // a swap: one edit for osaDistance, two here
	}
	return false
}

// hanLostLetterMinLen is the shortest romanised syllable (or run of syllables) in which a
// lost letter is a slip even when what is left is a syllable.
const hanLostLetterMinLen = 5

// backedAnywhere reports whether some Han or Arabic mention of the story spells the variant
// itself (its word k, for Arabic): then it is a way of writing a name, not a slip.
func backedAnywhere(v latinName, k int, witnesses []scriptWitness) bool {
	for _, w := range witnesses {
		if w.han != nil && spellsSyllables(w.han, v.words) || w.sounds != nil && transcriptionSpells(w.sounds, v.words[k]) {
			return true
		}
		for _, aw := range w.arabic {
			if arabicSpells(aw, v.words[k]) {
				return true
			}
		}
	}
	return false
}

// consonantSlip reports whether one of two Latin words (lower case, folded) is the other with
// one consonant more, in a word of witnessMinLetters letters or more, where no romanisation
// convention explains it (see lostConsonant).
func consonantSlip(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	return len(ra) >= witnessMinLetters && lostConsonant(ra, rb)
}

// lostConsonant reports whether short is long with one inner consonant left out, and that
// consonant is none that romanisations drop or add: not an h-sound or glide (h, w, y), not
// one of a doubled pair (Assad, Asad), not part of a digraph (the c of ch or ck, the t of
// tz, the d of dj, the g of ng: واشنطن for Washington), not the last letter, and not the l of an Arabic article before the
// letter it assimilates to (Abdulrahman, Abdurrahman).
func lostConsonant(long, short []rune) bool {
	if len(long) != len(short)+1 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	if i == 0 || i >= len(short) || string(long[i+1:]) != string(short[i:]) {
		return false
	}
	c, prev, next := long[i], long[i-1], long[i+1]
	switch {
	case isLatinVowel(c) || !unicode.IsLetter(c) || strings.ContainsRune("hwy", c):
		return false
	case prev == c || next == c:
		return false
	case next == 'h' || c == 'g' && prev == 'n' || strings.ContainsRune("ck", c) && strings.ContainsRune("kq", next) ||
		strings.ContainsRune("td", c) && strings.ContainsRune("zsjch", next) || c == 's' && next == 'c':
		return false
	case c == 'l' && isLatinVowel(prev) && strings.ContainsRune("tdrzsn", next):
		return false
	}
	return true
}

// osaDistance is the edit distance counting a swap of two neighbours as one edit.
func osaDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// mandarinSpellings is every Latin spelling of every toneless Mandarin syllable go-pinyin
// knows, in each system pinyin-romanizations.tsv lists.
var mandarinSpellings = sync.OnceValue(func() map[string]bool {
	g := loadGazetteer()
	syllables := map[string]bool{}
	for _, readings := range pinyin.PinyinDict {
		for _, r := range strings.Split(readings, ",") {
			r = strings.Map(func(c rune) rune {
				if strings.ContainsRune("üǖǘǚǜ", c) {
					return 'v'
				}
				return c
			}, r)
			syllables[foldAccents(r)] = true
		}
	}
	out := map[string]bool{}
	for s := range syllables {
		for _, sp := range g.syllableSpellings(s) {
			// Interjections without a vowel (m, ng, hm) are no syllables of names.
			if strings.ContainsAny(sp, "aeiouy") {
				out[sp] = true
			}
		}
	}
	return out
})

// mandarinSyllables reports whether a Latin word (lower case) is a run of one or more
// Mandarin syllables as some romanisation spells them (ching, chingte, wen). A syllable
// after the first does not start with a vowel: romanisations mark that boundary (Xi'an,
// Ming-an), so tsia is no tsi-a.
func mandarinSyllables(w string) bool {
	sp := mandarinSpellings()
	ok := make([]bool, len(w)+1)
	ok[0] = true
	for i := 1; i <= len(w); i++ {
		for j := max(0, i-6); j < i && !ok[i]; j++ {
			ok[i] = ok[j] && sp[w[j:i]] && (j == 0 || !strings.ContainsRune("aeiou", rune(w[j])))
		}
	}
	return ok[len(w)]
}

// hanLetters keeps the Han characters of s when every letter of s is one (·-dotted
// transcriptions keep their characters), "" otherwise.
func hanLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if !isHan(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// allArabic reports whether every letter of s is in Arabic script.
func allArabic(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !isArabic(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// arabicConsonants gives each Arabic letter the consonant classes of latinConsonants that
// romanisations write it with; a letter absent here (alif, ya, ta marbuta, hamza, ayn) is a
// vowel carrier or a sound Latin spellings leave out, and waw may be either (see arabicSpells).
var arabicConsonants = map[rune]string{
	'ب': "b", 'پ': "b", 'ت': "t", 'ط': "t", 'د': "t", 'ض': "t", 'ث': "ts", 'ذ': "ts", 'ظ': "ts",
	'س': "s", 'ص': "s", 'ز': "s", 'ج': "x", 'چ': "x", 'ش': "x", 'ح': "x", 'خ': "x", 'ه': "x", 'غ': "xk",
	'ف': "f", 'ڤ': "f", 'ق': "kx", 'ك': "kx", 'گ': "x", 'ل': "l", 'م': "m", 'ن': "n", 'ر': "r",
}

// hardC is a c read k: before a, o, u, l, r, t or at the end of a word.
var hardC = regexp.MustCompile(`c([aoulrt]|$)`)

// latinConsonants is a Latin word's consonants as arabicConsonants writes them: the presses'
// conventions folded (latin-conventions.tsv: ch, sh, j, g, h, and x itself → x; z, soft c,
// ts → s; q, hard c → k; v, w, ph → f; d → t), th and dh as t, p as b, vowels and y left
// out, doubles once.
func latinConsonants(w string) string {
	w = strings.NewReplacer("th", "t", "dh", "t", "ph", "f", "p", "b").Replace(foldAccents(strings.ToLower(w)))
	// A hard c is a k (Colonial, كولونيال), which the conventions would fold to s.
	w = hardC.ReplaceAllString(w, "k$1")
	// The conventions fold the x-sounds to x and then x to ks: one sound again here.
	var out []rune
	for _, r := range strings.ReplaceAll(string(conventionSkeleton(w)), "ks", "x") {
		if isLatinVowel(r) || !unicode.IsLetter(r) {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == r {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// arabicSpells reports whether an Arabic word (clitics stripped) writes the consonants of a
// Latin word, one for one in order; a waw may be the consonant w (f here) or a vowel.
func arabicSpells(arabic, latin string) bool {
	lc := []rune(latinConsonants(latin))
	var ar []rune
	for _, r := range arabic {
		if _, ok := arabicConsonants[r]; ok || r == 'و' {
			ar = append(ar, r)
		}
	}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(ar) {
			return j == len(lc)
		}
		if ar[i] == 'و' {
			return match(i+1, j) || j < len(lc) && lc[j] == 'f' && match(i+1, j+1)
		}
		if j < len(lc) && strings.ContainsRune(arabicConsonants[ar[i]], lc[j]) {
			// An Arabic letter written as two Latin consonants of its class (kh, ks) or a
			// Latin double the Arabic writes once is still one sound.
			return match(i+1, j+1) || j+1 < len(lc) && strings.ContainsRune(arabicConsonants[ar[i]], lc[j+1]) && match(i+1, j+2)
		}
		return false
	}
	return len(lc) > 0 && match(0, 0)
}
