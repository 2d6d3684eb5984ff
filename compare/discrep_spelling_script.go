package compare

import (
	"strings"
	"unicode"
)

// Rule 1 across scripts: a person's name written in Cyrillic is compared with its canonical
// Latin label after transliteration (Метте Фредериксн → Mette Frederiksn against Mette
// Frederiksen). Romanisation conventions differ far more between scripts than between Latin
// presses (Шольц/Scholz, Тайип/Tayyip, Лагард/Lagarde), so only the plainest slip counts: one
// letter of the label lost inside a word, not beside another vowel, once both sides are folded through the presses'
// conventions (latin-conventions.tsv). A changed or added letter, a lost h-sound or glide
// (Томас/Thomas), a lost doubled letter (Асад/Assad) and a lost final letter (the silent e of
// Lagarde) are conventions, not slips.

// crossScriptMinLen is the shortest label word (after folding) in which a lost letter is
// taken for a slip: in a short word one letter more or less is as often a convention.
const crossScriptMinLen = 6

// correctAcrossScripts compares a surface in Cyrillic letters with a Latin label word by
// word. It returns the transliterated surface with its misspelt word replaced by the label's
// (and that label word) when exactly one word lost a letter and every other word matches the
// label once conventions are folded.
func correctAcrossScripts(surface, label, lang string) (string, []string, bool) {
	lw := strings.FieldsFunc(label, func(r rune) bool { return !isLetterish(r) })
	sw := strings.FieldsFunc(surface, func(r rune) bool { return !isLetterish(r) })
	if len(sw) == 0 || len(sw) > len(lw) {
		return "", nil, false
	}
	var fixes []string
	var out []string
	for _, w := range sw {
		roman := latinLetters(Transliterate(w, lang))
		t := foldAccents(roman)
		st := conventionSkeleton(t)
		matched, fix := false, ""
		for _, l := range lw {
			sl := conventionSkeleton(l)
			if string(sl) == string(st) || conventionalVariant(foldAccents(l), t) {
				matched = true
				break
			}
			if lostInnerLetter(sl, st) {
				fix = l
			}
		}
		switch {
		case matched:
			out = append(out, roman)
		case fix != "":
			out = append(out, fix)
			fixes = append(fixes, fix)
		default:
			return "", nil, false // another form of the name: not ours to judge
		}
	}
	if len(fixes) != 1 {
		return "", nil, false
	}
	return strings.Join(out, " "), fixes, true
}

// latinLetters keeps the letters of a transliteration (the soft sign's apostrophe is no
// letter of the name).
func latinLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

// allCyrillic reports whether every letter of s is Cyrillic.
func allCyrillic(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !isCyrillic(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// lostInnerLetter reports whether short is long with one letter left out, neither the last
// letter, an h-sound or glide (folded to x and y by the conventions) nor a vowel beside
// another vowel, in a word of crossScriptMinLen letters or more.
func lostInnerLetter(long, short []rune) bool { return lostLetter(long, short, crossScriptMinLen) }

// lostLetter is lostInnerLetter for words of minLen letters or more.
func lostLetter(long, short []rune, minLen int) bool {
	if len(long) < minLen || len(long) != len(short)+1 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	if i >= len(short) || long[i] == 'x' || long[i] == 'y' {
		return false // the last letter, or a sound the scripts write differently
	}
	if isLatinVowel(long[i]) && (i > 0 && isLatinVowel(long[i-1]) || isLatinVowel(long[i+1])) {
		return false // one of two vowels: a digraph read as one sound (Riester, Рестер)
	}
	return string(long[i+1:]) == string(short[i:])
}
