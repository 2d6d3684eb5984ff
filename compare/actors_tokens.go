package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens for actor matching. A token is a maximal run of letters, marks and digits of one
// script, further split where damaged text glues words together: at a change of script
// (ΜPékin → Μ | Pékin), between letters and digits (فرانس24 → فرانس | 24), at a lower→upper
// case change (intentionnéPékin → intentionné | Pékin) and before the last capital of an
// all-capital run followed by lower case (USAAh → USA | Ah). Gazetteer names go through the
// same tokenizer, so "McDonald" still matches "McDonald". Han characters are one token each.

type script uint8

const (
	scOther script = iota
	scLatin
	scCyrillic
	scArabic
	scGreek
	scHan
	scDigit
)

type token struct {
	start, end int    // rune offsets in the text
	text       string // the token's own letters
	key        string // exact key: lower case, NFC text, Arabic letter variants unified
	fold       string // lookup key: key with Latin diacritics removed and Cyrillic endings stemmed
	sc         script
	capFirst   bool // first letter upper case
	allCaps    bool // two or more letters, all upper case
	glued      bool // no separator before it (split by script, case or digit change)
	gluedNext  bool // no separator after it
	lineStart  bool // first token on its line
	sentStart  bool // first token after sentence punctuation, a quote or a line start
}

// tokenize splits text into tokens with rune offsets. m supplies Cyrillic stemming.
func tokenize(text string, m *morphology) []token {
	return tokenizeRunes(text, []rune(text), m)
}

// keyPair is a token's exact and fold keys, memoised per text: a word that needs a new string
// for either (capitalised, accented, Cyrillic) is usually written many times in an article.
type keyPair struct{ key, fold string }

// tokenizeRunes is tokenize for a caller that already holds the text's runes (rs must be
// []rune(text)).
func tokenizeRunes(text string, rs []rune, m *morphology) []token {
	return tokenizeRunesInto(nil, text, rs, m, nil)
}

// tokenizeRunesInto is tokenizeRunes appending to dst[:0] (a buffer to reuse), memoising
// keys in memo (an empty map to reuse; nil makes one).
func tokenizeRunesInto(dst []token, text string, rs []rune, m *morphology, memo map[string]keyPair) []token {
	toks := dst[:0]
	if cap(toks) < len(rs)/5+1 {
		toks = make([]token, 0, len(rs)/5+1)
	}
	if !utf8.ValidString(text) {
		// Each invalid byte is one rune (U+FFFD) in rune offsets; re-encoding makes the byte
		// walk below agree with rs, so token text stays a substring of what it measures.
		text = string(rs)
	}
	if memo == nil {
		memo = map[string]keyPair{}
	}
	sentStart := true
	lineStart := true
	i := 0
	bi := 0 // byte offset of rs[i] in text, so token text is a substring, not a copy
	for i < len(rs) {
		r := rs[i]
		if !isWordRune(r) || isMarkOrJoiner(r) {
			// a mark or joiner never starts a token: it belongs to the cluster before it
			switch {
			case r == '\n':
				lineStart, sentStart = true, true
			case r == ' ':
			case strings.ContainsRune(".!?:;«»\"“”„•|>–—-·…؟،؛", r):
				if r != '-' && r != '–' && r != '—' || lineStart {
					sentStart = true
				}
			}
			bi += utf8.RuneLen(r)
			i++
			continue
		}
		j := i + 1
		bj := bi + utf8.RuneLen(r)
		sc := runeScript(r)
		prev := r // the last letter so far (marks skipped)
		for j < len(rs) {
			c := rs[j]
			if isMarkOrJoiner(c) {
				if c == '\u200c' || c == '\u200d' {
					prev = c // a joiner, unlike a mark, ends the case comparison
				}
				bj += utf8.RuneLen(c)
				j++
				continue
			}
			if !isWordRune(c) {
				break
			}
			csc := sc
			if c >= 0x80 || sc != scLatin {
				csc = runeScript(c)
			} else if c <= '9' {
				csc = scDigit
			}
			if csc != sc || sc == scHan {
				break
			}
			if sc == scLatin || sc == scCyrillic || sc == scGreek {
				if isLowerRune(prev) && isUpperRune(c) {
					break // intentionnéPékin
				}
				if isUpperRune(prev) && isUpperRune(c) && j+1 < len(rs) && isLowerRune(rs[j+1]) && j-i >= 2 {
					break // USAAh: split before the capital that starts the next word
				}
			}
			prev = c
			bj += utf8.RuneLen(c)
			j++
		}
		t := token{start: i, end: j, text: text[bi:bj], sc: sc}
		t.glued = i > 0 && isWordRune(rs[i-1])
		t.gluedNext = j < len(rs) && isWordRune(rs[j])
		t.lineStart = lineStart
		t.sentStart = sentStart
		t.capFirst = isUpperRune(r)
		t.allCaps = capsOnly(t.text)
		if plainASCIILower(t.text) {
			// Already its own key, and nothing to fold or stem.
			t.key, t.fold = t.text, t.text
		} else if sc != scLatin && isOwnKey(t.text) {
			// Lower-case Cyrillic, most Arabic: the key is the text and the fold (a stem)
			// a substring of it, so nothing is built.
			t.key = t.text
			t.fold = m.foldKey(t.key, sc)
		} else if kp, ok := memo[t.text]; ok {
			t.key, t.fold = kp.key, kp.fold
		} else {
			t.key = tokenKey(t.text)
			t.fold = m.foldKey(t.key, sc)
			memo[t.text] = keyPair{t.key, t.fold}
		}
		if sc == scHan && m != nil {
			if s, ok := m.simplified[r]; ok {
				t.key = string(s)
				t.fold = t.key
			}
		}
		toks = append(toks, t)
		lineStart, sentStart = false, false
		i, bi = j, bj
	}
	return toks
}

// plainASCIILower reports whether s is ASCII with no capital letter.
func plainASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// capsOnly reports whether s has at least two letters and no lower-case letter.
func capsOnly(s string) bool {
	n := 0
	for _, r := range s {
		if isLowerRune(r) {
			return false
		}
		if isUpperRune(r) {
			n++
		}
	}
	return n >= 2
}

// tokenKey is the exact key of one token: lower case, Arabic vowel marks and tatweel removed,
// Arabic letter variants unified (أ إ آ ٱ → ا, ى → ي, ة → ه), Cyrillic ё → е, Arabic-Indic
// digits → ASCII.
func tokenKey(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 32)
			continue
		case r < 0x80:
			b.WriteRune(r)
			continue
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى':
			r = 'ي'
		case 'ة':
			r = 'ه'
		case 'ё', 'Ё':
			r = 'е'
		case 'ـ':
			continue
		}
		if r >= '٠' && r <= '٩' {
			r = '0' + (r - '٠')
		}
		if unicode.Is(unicode.Mn, r) && isArabic(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldLatin removes Latin diacritics from a lower-case key.
func foldLatin(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 || !unicode.Is(unicode.Latin, r) && !unicode.IsMark(r) {
			b.WriteRune(r)
			continue
		}
		if unicode.IsMark(r) {
			continue
		}
		b.WriteString(foldLatinRune(r))
	}
	return b.String()
}
