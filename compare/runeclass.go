package compare

import "unicode"

// The tokenizers ask several Unicode questions of every rune of every article (letter? digit?
// mark? upper case? which script?). Go's unicode tables answer by binary search, which made
// those questions a large part of extraction time. For the runes below rcLimit — Latin with
// Vietnamese, Greek, Cyrillic, Arabic, and the general punctuation block — the answers are
// precomputed once into a table from the same functions, so they cannot disagree. The CJK
// Unified Ideographs (U+4E00–U+9FFF) all share one class, rcIdeograph, computed the same way
// (TestRuneClassTable checks every one); other runes (rare scripts) take the slow path.

const rcLimit = 0x2100

// Rune class bits.
const (
	rcWord        uint16 = 1 << iota // isWordRune: letter, digit, mark or ZWNJ/ZWJ
	rcMarkJoin                       // isMarkOrJoiner: combining mark, ZWNJ or ZWJ
	rcUpper                          // unicode.IsUpper
	rcLower                          // unicode.IsLower
	rcLetter                         // unicode.IsLetter
	rcDigit                          // unicode.IsDigit
	rcJoiner                         // isJoiner (the date/number scanner's notion)
	rcGap                            // isGap
	rcTitle                          // unicode.IsTitle
	rcSelfLower                      // unicode.ToLower(r) == r
	rcSelfKey                        // tokenKey maps r to itself
	rcScriptShift = 12               // runeScript in the top four bits
)

var rcTable = func() (t [rcLimit]uint16) {
	for r := rune(0); r < rcLimit; r++ {
		t[r] = runeClassSlow(r)
	}
	return
}()

// rcIdeograph is the class of every CJK Unified Ideograph.
var rcIdeograph = runeClassSlow(0x4E00)

// runeClassSlow computes the class bits of r from the functions they stand for.
func runeClassSlow(r rune) uint16 {
	var c uint16
	if isWordRuneSlow(r) {
		c |= rcWord
	}
	if r >= 0x300 && (r == '\u200c' || r == '\u200d' || unicode.IsMark(r)) {
		c |= rcMarkJoin
	}
	if unicode.IsUpper(r) {
		c |= rcUpper
	}
	if unicode.IsLower(r) {
		c |= rcLower
	}
	if unicode.IsLetter(r) {
		c |= rcLetter
	}
	if unicode.IsDigit(r) {
		c |= rcDigit
	}
	if isJoinerSlow(r) {
		c |= rcJoiner
	}
	if isGapSlow(r) {
		c |= rcGap
	}
	if unicode.IsTitle(r) {
		c |= rcTitle
	}
	if unicode.ToLower(r) == r {
		c |= rcSelfLower
	}
	if (r < 0xD800 || r > 0xDFFF) && tokenKey(string(r)) == string(r) {
		c |= rcSelfKey
	}
	c |= uint16(runeScriptSlow(r)) << rcScriptShift
	return c
}

// runeClass returns the class bits of r, when r is in the table or an ideograph.
func runeClass(r rune) (uint16, bool) {
	if uint32(r) < rcLimit {
		return rcTable[r], true
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return rcIdeograph, true
	}
	return 0, false
}

func isWordRune(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcWord != 0
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
}

// isMarkOrJoiner: combining marks and zero-width (non-)joiners, which belong to the cluster
// before them.
func isMarkOrJoiner(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcMarkJoin != 0
	}
	return r == '\u200c' || r == '\u200d' || unicode.IsMark(r)
}

func isLowerRune(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcLower != 0
	}
	return unicode.IsLower(r)
}

func isUpperRune(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcUpper != 0
	}
	return unicode.IsUpper(r)
}

// isOwnKey reports whether tokenKey(s) == s without building the key.
func isOwnKey(s string) bool {
	for _, r := range s {
		if c, ok := runeClass(r); !ok || c&rcSelfKey == 0 {
			return false
		}
	}
	return true
}

func toLowerRune(r rune) rune {
	if c, ok := runeClass(r); ok && c&rcSelfLower != 0 {
		return r
	}
	return unicode.ToLower(r)
}

func isTitleRune(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcTitle != 0
	}
	return unicode.IsTitle(r)
}

func isLetterRune(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcLetter != 0
	}
	return unicode.IsLetter(r)
}

func isDigitRune(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcDigit != 0
	}
	return unicode.IsDigit(r)
}

func runeScript(r rune) script {
	if c, ok := runeClass(r); ok {
		return script(c >> rcScriptShift)
	}
	return runeScriptSlow(r)
}

func runeScriptSlow(r rune) script {
	switch {
	case unicode.IsDigit(r):
		return scDigit
	case r < 0x80:
		if unicode.IsLetter(r) {
			return scLatin
		}
		return scOther
	case r >= 0xC0 && r < 0x250 && r != 0xD7 && r != 0xF7 || r >= 0x1E00 && r <= 0x1EFF:
		return scLatin // Latin-1, Extended-A/B, Vietnamese
	case isCyrillic(r):
		return scCyrillic
	case isArabic(r):
		return scArabic
	case isGreek(r):
		return scGreek
	case isHan(r):
		return scHan
	case unicode.Is(unicode.Latin, r):
		return scLatin
	}
	return scOther
}

func isJoiner(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcJoiner != 0
	}
	return isJoinerSlow(r)
}

func isJoinerSlow(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r) ||
		r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF) || (r >= 0x1F3FB && r <= 0x1F3FF)
}

func isGap(r rune) bool {
	if c, ok := runeClass(r); ok {
		return c&rcGap != 0
	}
	return isGapSlow(r)
}

func isGapSlow(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0x200E || r == 0x200F || r == 0x2060 || r == 0xFEFF || r == 0x061C
}
