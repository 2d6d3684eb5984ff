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

func runeScript(r rune) script {
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

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
}

// tokenize splits text into tokens with rune offsets. m supplies Cyrillic stemming.
func tokenize(text string, m *morphology) []token {
	toks := make([]token, 0, len(text)/6)
	rs := []rune(text)
	if !utf8.ValidString(text) {
		// Each invalid byte is one rune (U+FFFD) in rune offsets; re-encoding makes the byte
		// walk below agree with rs, so token text stays a substring of what it measures.
		text = string(rs)
	}
	sentStart := true
	lineStart := true
	i := 0
	bi := 0 // byte offset of rs[i] in text, so token text is a substring, not a copy
	for i < len(rs) {
		r := rs[i]
		if !isWordRune(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d' {
			// a mark or joiner never starts a token: it belongs to the cluster before it
			switch {
			case r == '\n':
				lineStart, sentStart = true, true
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
		for j < len(rs) {
			c := rs[j]
			if c >= 0x300 && (unicode.IsMark(c) || c == '\u200c' || c == '\u200d') {
				bj += utf8.RuneLen(c)
				j++
				continue
			}
			if !isWordRune(c) {
				break
			}
			csc := runeScript(c)
			if csc != sc || sc == scHan {
				break
			}
			if sc == scLatin || sc == scCyrillic || sc == scGreek {
				prev := lastLetter(rs[i:j])
				if unicode.IsLower(prev) && unicode.IsUpper(c) {
					break // intentionnéPékin
				}
				if unicode.IsUpper(prev) && unicode.IsUpper(c) && j+1 < len(rs) && unicode.IsLower(rs[j+1]) && j-i >= 2 {
					break // USAAh: split before the capital that starts the next word
				}
			}
			bj += utf8.RuneLen(c)
			j++
		}
		t := token{start: i, end: j, text: text[bi:bj], sc: sc}
		t.glued = i > 0 && isWordRune(rs[i-1])
		t.gluedNext = j < len(rs) && isWordRune(rs[j])
		t.lineStart = lineStart
		t.sentStart = sentStart
		first, _ := utf8.DecodeRuneInString(t.text)
		t.capFirst = unicode.IsUpper(first)
		t.allCaps = capsOnly(t.text)
		t.key = tokenKey(t.text)
		t.fold = m.foldKey(t.key, sc)
		toks = append(toks, t)
		lineStart, sentStart = false, false
		i, bi = j, bj
	}
	return toks
}

func lastLetter(rs []rune) rune {
	for k := len(rs) - 1; k >= 0; k-- {
		if !unicode.IsMark(rs[k]) {
			return rs[k]
		}
	}
	return 0
}

// capsOnly reports whether s has at least two letters and no lower-case letter.
func capsOnly(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
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
