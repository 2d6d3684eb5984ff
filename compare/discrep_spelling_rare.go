package compare

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"parallax/assets"
)

// latinConventions folds the spellings Latin-script presses use for one sound
// (assets/lang/latin-conventions.tsv), longest form first.
var latinConventions = sync.OnceValue(func() *strings.Replacer {
	f, err := assets.Lang.Open("lang/latin-conventions.tsv")
	if err != nil {
		panic("compare: embedded latin-conventions.tsv is missing: " + err.Error())
	}
	defer f.Close()
	type pair struct{ from, to string }
	var pairs []pair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		to, forms, ok := strings.Cut(line, "\t")
		if !ok {
			panic("compare: latin-conventions.tsv: want two tab-separated columns: " + line)
		}
		for _, from := range strings.Split(forms, "|") {
			pairs = append(pairs, pair{from, to})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return len(pairs[i].from) > len(pairs[j].from) })
	var args []string
	for _, p := range pairs {
		args = append(args, p.from, p.to)
	}
	return strings.NewReplacer(args...)
})

// conventionalVariant reports whether two Latin spellings of a name are the same once the
// presses' conventions are folded (Mansour/Mansur, Haftar/Hafter, Khalifa/Jalifa, Schoigu/
// Choïgou, Selenskyj/Zelensky) and doubled consonants are written once (Assad/Asad).
// A vowel written as another vowel is also a convention more often than a slip
// (Chung/Ching, Hafter/Haftar): vowels are what transliteration systems disagree on most.
func conventionalVariant(a, b string) bool {
	ra, rb := conventionSkeleton(a), conventionSkeleton(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if ra[i] != rb[i] && !(isLatinVowel(ra[i]) && isLatinVowel(rb[i])) {
			return false
		}
	}
	return true
}

// conventionKey is a Latin name (FoldForSearch words) as conventionalVariant compares it:
// each word's skeleton with every vowel written "a", so that two names are conventional
// variants word for word exactly when their keys are equal. Words of fewer than four letters
// after folding make no key ("" : too little to tell a convention from another name).
func conventionKey(name string) string {
	words := strings.Fields(name)
	out := make([]string, len(words))
	for i, w := range words {
		sk := conventionSkeleton(w)
		if len(sk) < 4 {
			return ""
		}
		for k, r := range sk {
			if isLatinVowel(r) {
				sk[k] = 'a'
			}
		}
		out[i] = string(sk)
	}
	return strings.Join(out, " ")
}

// conventionSkeleton folds a Latin word (lower case, accents removed) through the
// conventions table ("$" in a form is the end of the word), then writes a doubled consonant
// once. Double vowels stay: Taalas and
// Talas are a slip, not a convention.
func conventionSkeleton(w string) []rune {
	// Folded again until nothing changes (at most a few rounds): a fold can make a form
	// another row folds (Serguéi → serkei → serky, as Sergei → serky).
	f := foldAccents(w) + "$"
	for range 4 {
		g := latinConventions().Replace(f)
		if g == f {
			break
		}
		f = g
	}
	rs := []rune(strings.TrimSuffix(f, "$"))
	out := rs[:0]
	for i, r := range rs {
		if i > 0 && r == rs[i-1] && !isLatinVowel(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// slipShaped reports whether variant differs from major (both folded) the way a slip does,
// not the way a convention, an inflection or another name does. For words no actor ties
// together, the difference must not be only a final vowel or a Cyrillic case ending, and one
// letter written as another in a short word is more often another name (Thanh/Thach,
// Marat/Murat) than a slip: there only a dropped, added or swapped letter counts (Osma/Osama,
// Talas/Taalas). sameActor: the extractor already resolved both to one actor, which rules the
// other name out.
func slipShaped(major, variant string, sameActor bool) bool {
	a, b := []rune(major), []rune(variant)
	n := min(len(a), len(b))
	cp := 0
	for cp < n && a[cp] == b[cp] {
		cp++
	}
	cs := 0
	for cs < n-cp && a[len(a)-1-cs] == b[len(b)-1-cs] {
		cs++
	}
	if !sameActor && cp >= n-2 && cs < 2 && (cs == 0 && (isVowelLetter(a[len(a)-1]) || isVowelLetter(b[len(b)-1])) ||
		len(a) != len(b) && unicode.Is(unicode.Cyrillic, a[0])) {
		// Only the ending differs: a final vowel (Зеленская/Зеленский, Mariana/Marian: an
		// inflection or another person) or, in Cyrillic, a case ending the stemmer left
		// (Песковым). A letter dropped before a final consonant stays a slip (Osmn, Yamagani);
		// the conventional endings (Alexandr, Alexandre) are in latin-conventions.tsv.
		return false
	}
	if len(a) == len(b) && n < slipSubstitutionMinLen && !sameActor {
		// Same length: a swap of two neighbours is a slip, a changed letter is not.
		return len(a)-cp-cs == 2 && a[cp] == b[cp+1] && a[cp+1] == b[cp]
	}
	return true
}

// slipSubstitutionMinLen is the shortest name word in which one letter written as another
// is taken for a slip (Yamagani/Yamagami).
const slipSubstitutionMinLen = 7

// isVowelLetter: a Latin or Cyrillic vowel letter (lower case, Latin accents removed).
func isVowelLetter(r rune) bool { return strings.ContainsRune("aeiouyаеёиоуыэюяй", r) }

func isLatinVowel(r rune) bool { return strings.ContainsRune("aeiouy", r) }

// Rule 3 of the spelling check: names no table knows. A word of a person's or group's name
// that occurs once in the story, in one article, and is a near miss inside the word of a
// name word the other mentions use again and again ("Osma Rabie" against four "Osama Rabie",
// "Yamagani" against "Yamagami" ×5, "Фредериксн" against "Фредериксен") is a slip. The
// majority is the evidence; an ending that differs is left alone (it may be inflection).

// rareSpellingMinWitnesses is how many mentions must carry the majority form, in at least
// rareSpellingMinArticles articles or in the variant's own article, before a lone variant is
// called a slip.
const (
	rareSpellingMinWitnesses = 2
	rareSpellingMinArticles  = 2
	// rareLostLetterMinLen is the shortest majority word (folded) in which a lost letter
	// found only against other languages is taken for a slip.
	rareLostLetterMinLen = 5
)

type nameWord struct {
	art, fact  int
	start, end int
	fold       string
	script     string
}

// wordScript names the script of a word's letters, "" when mixed or other than Latin and
// Cyrillic (transliterations into other scripts are conventions, not slips).
func wordScript(w string) string {
	s := ""
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		var cur string
		switch {
		case unicode.Is(unicode.Latin, r):
			cur = "Latin"
		case unicode.Is(unicode.Cyrillic, r):
			cur = "Cyrillic"
		default:
			return ""
		}
		if s != "" && s != cur {
			return ""
		}
		s = cur
	}
	return s
}

// innerEdit reports whether the two words differ by a near miss that is not only at the
// end: both keep their first and last letters in common.
func innerEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 5 || len(rb) < 4 {
		return false
	}
	if _, ok := nearMiss(a, b); !ok {
		return false
	}
	return ra[0] == rb[0] && ra[len(ra)-1] == rb[len(rb)-1]
}

func rareSpelling(st *story) []Discrepancy {
	var words []nameWord
	count := map[string]int{}
	arts := map[string]map[int]bool{}
	for ai, a := range st.arts {
		// The tokenizer's fold removes Latin accents and Cyrillic case endings, so that
		// Кахраманмараше and Кахраманмараш witness one form.
		stem := map[int]string{}
		for _, t := range a.tokens() {
			stem[t.start] = t.fold
		}
		for fi, f := range a.facts {
			if f.Kind != KindActor {
				continue
			}
			for _, w := range wordsIn(a, f.Start, f.End) {
				sc := wordScript(w.text)
				if sc == "" || len([]rune(w.text)) < 4 || !unicode.IsUpper([]rune(w.text)[0]) {
					continue
				}
				fold, ok := stem[w.start]
				if !ok || fold == "" {
					fold = strings.ToLower(foldAccents(w.text))
				}
				words = append(words, nameWord{ai, fi, w.start, w.end, fold, sc})
				count[fold]++
				if arts[fold] == nil {
					arts[fold] = map[int]bool{}
				}
				arts[fold][ai] = true
			}
		}
	}
	// Majority forms, by script, most used first.
	var major []string
	for w, n := range count {
		if n >= rareSpellingMinWitnesses {
			major = append(major, w)
		}
	}
	sort.Slice(major, func(i, j int) bool {
		if count[major[i]] != count[major[j]] {
			return count[major[i]] > count[major[j]]
		}
		return major[i] < major[j]
	})
	var out []Discrepancy
	seen := map[string]bool{}
	for _, v := range words {
		if count[v.fold] != 1 || seen[v.fold] {
			continue
		}
		for _, m := range major {
			if !innerEdit(m, v.fold) || wordScript(m) != v.script || inflected(m, v.fold, st.arts[v.art].doc.Lang) {
				continue
			}
			if !slipShaped(m, v.fold, false) {
				continue // an ending, or another name one letter away
			}
			if v.script == "Latin" && conventionalVariant(m, v.fold) {
				continue // another press's convention, not a slip
			}
			// Witnesses in two articles, or twice in the variant's own article.
			if len(arts[m]) < rareSpellingMinArticles && !arts[m][v.art] {
				continue
			}
			// Between languages an unknown name's spellings differ by convention as often
			// as by slip (the known names are rule 1's, against their labels): with no
			// witness in the variant's own language, only a lost letter counts (Osmn).
			if !witnessInLang(st, m, st.arts[v.art].doc.Lang) && !lostLetter(conventionSkeleton(m), conventionSkeleton(v.fold), rareLostLetterMinLen) {
				continue
			}
			a := st.arts[v.art]
			vf := a.facts[v.fact]
			if vf.Confidence >= knownFormConfidence {
				continue // a form the gazetteer lists (Grèce for Greece): an exonym, not a slip
			}
			// Two known actors that happen to be spelt alike are two people, not a slip.
			if id := actorID(vf); id != "" && !strings.HasPrefix(id, "local:") && !strings.Contains(strings.ToLower(foldAccents(id)), m) {
				continue
			}
			seen[v.fold] = true
			ms := []Member{memberOf(a, v.fact)}
			var witnesses []string
			used := map[int]bool{}
			for _, w := range words {
				if w.fold != m || used[w.art] || len(ms) >= 4 {
					continue
				}
				used[w.art] = true
				ms = append(ms, memberOf(st.arts[w.art], w.fact))
				witnesses = append(witnesses, st.arts[w.art].doc.displayName())
			}
			ref := string([]rune(a.text(v.start, v.end)))
			majority := m
			for _, w := range words {
				if w.fold == m {
					majority = st.arts[w.art].text(w.start, w.end)
					break
				}
			}
			summary := fmt.Sprintf("%q in %s is written %q in %d other mentions (%s): a misspelt name", ref, a.doc.displayName(), majority, count[m], strings.Join(witnesses, ", "))
			sortMembers(ms)
			out = append(out, Discrepancy{ID: discrepancyID(DiscSpelling, ms), Story: st.id, Kind: DiscSpelling,
				Severity: SeverityMinor, Summary: summary, Members: ms, Diff: spellingDiff(majority, ref)})
			break
		}
	}
	return out
}

// witnessInLang reports whether an article of the story in lang writes the word whose
// tokenizer fold is m, as a name or not: the right spelling stands in the variant's own
// language.
func witnessInLang(st *story, m, lang string) bool {
	for _, a := range st.arts {
		if a.doc.Lang != lang {
			continue
		}
		for _, t := range a.tokens() {
			if t.fold == m {
				return true
			}
		}
	}
	return false
}
