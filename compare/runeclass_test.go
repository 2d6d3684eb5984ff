package compare

import (
	"testing"
	"unicode"
)

// TestRuneClassTable checks that every fast rune predicate answers as the Unicode functions
// it stands for, over the whole code space (the table only covers the low planes' busiest
// blocks; the rest must fall through to the same answers).
func TestRuneClassTable(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune && bad < 10; r++ {
		checks := []struct {
			name      string
			fast, ref bool
		}{
			{"isWordRune", isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'},
			{"isMarkOrJoiner", isMarkOrJoiner(r), unicode.IsMark(r) || r == '\u200c' || r == '\u200d'},
			{"isLowerRune", isLowerRune(r), unicode.IsLower(r)},
			{"isUpperRune", isUpperRune(r), unicode.IsUpper(r)},
			{"isTitleRune", isTitleRune(r), unicode.IsTitle(r)},
			{"isLetterRune", isLetterRune(r), unicode.IsLetter(r)},
			{"isDigitRune", isDigitRune(r), unicode.IsDigit(r)},
			{"isJoiner", isJoiner(r), isJoinerSlow(r)},
			{"isGap", isGap(r), isGapSlow(r)},
			{"runeScript", runeScript(r) == runeScriptSlow(r), true},
			{"toLowerRune", toLowerRune(r) == unicode.ToLower(r), true},
			{"isLetterish", isLetterish(r), unicode.IsLetter(r) || unicode.IsMark(r)},
			{"scriptOf", scriptOf(r) == scriptOfSlow(r), true},
			{"isHan", isHan(r), unicode.Is(unicode.Han, r)},
			{"isIdeoRune", isIdeoRune(r), r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))},
		}
		for _, c := range checks {
			if c.fast != c.ref {
				t.Errorf("%s(%U) = %v, Unicode says %v", c.name, r, c.fast, c.ref)
				bad++
			}
		}
		if (r < 0xD800 || r > 0xDFFF) && (r < rcLimit || r >= 0x4E00 && r <= 0x9FFF) {
			if got, want := isOwnKey(string(r)), tokenKey(string(r)) == string(r); got != want {
				t.Errorf("isOwnKey(%q) = %v, tokenKey says %v", r, got, want)
				bad++
			}
		}
	}
}
