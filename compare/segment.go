package compare

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Span is a [Start, End) range of runes in a text.
type Span struct {
	Start, End int
}

// Sentences splits text into sentences (Unicode UAX #29 sentence boundaries, via uniseg) and
// returns their rune spans, trailing whitespace included, covering the whole text.
func Sentences(text string) []Span {
	var out []Span
	pos := 0
	state := -1
	rest := text
	for len(rest) > 0 {
		var sent string
		sent, rest, state = uniseg.FirstSentenceInString(rest, state)
		n := utf8.RuneCountInString(sent)
		out = append(out, Span{pos, pos + n})
		pos += n
	}
	return out
}

// Words returns the rune spans of the words of text (UAX #29 word boundaries, via uniseg),
// leaving out whitespace and punctuation.
func Words(text string) []Span {
	var out []Span
	pos := 0
	state := -1
	rest := text
	for len(rest) > 0 {
		var w string
		w, rest, state = uniseg.FirstWordInString(rest, state)
		n := utf8.RuneCountInString(w)
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				out = append(out, Span{pos, pos + n})
				break
			}
		}
		pos += n
	}
	return out
}

// GraphemeBoundaries returns the rune offsets at which grapheme clusters start, plus the
// rune length of text at the end: a span [s, e) splits no cluster when both s and e are in it.
func GraphemeBoundaries(text string) []int {
	out := []int{0}
	pos := 0
	state := -1
	rest := text
	for len(rest) > 0 {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		pos += utf8.RuneCountInString(c)
		out = append(out, pos)
	}
	return out
}

// dtokKind tells what a token is.
type dtokKind uint8

const (
	dtWord  dtokKind = iota + 1 // letters (with their marks); an ideograph is a word of its own
	dtNum                       // a run of decimal digits of one or more scripts
	dtPunct                     // any other single character
)

// dtok is one unit of the fast scanner the extractors share. It keeps rune and byte offsets so
// facts can be cut out of the text without re-scanning it.
type dtok struct {
	kind         dtokKind
	start, end   int // runes
	bstart, bend int // bytes
	// key is the normalised form used for table look-ups: lower case, Arabic alef forms and
	// diacritics folded, ё → е, apostrophes → ', dashes → -; for numbers, ASCII digits.
	key     string
	upper   bool // first letter is upper case
	space   bool // whitespace separates it from the previous token
	newline bool // a line break separates it from the previous token
	ideo    bool // an ideograph or kana
	url     bool // part of a URL or e-mail address
}

// isIdeoRune reports whether r is written without spaces between words (Han, kana).
func isIdeoRune(r rune) bool {
	return r >= 0x2E80 && (r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʻ', '՚', 'ꞌ', '＇', '′', '‵', 'ʹ', '‘', '`', '´':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', '﹣', '－':
		return true
	}
	return false
}

// isJoiner reports characters that never start a grapheme cluster of their own and so stay
// with the token before them.
// digitValue returns the value of a decimal digit of any script (Unicode Nd ranges start at a
// zero and run in tens).
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// foldRune maps a lower-cased rune to its look-up form; -1 drops it.
func foldRune(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640: // Arabic harakat, dagger alef, tatweel
		return -1
	case r == 'أ' || r == 'إ' || r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ё':
		return 'е'
	}
	return r
}

// tokenize scans text once into tokens. It never fails: invalid UTF-8 bytes count as one rune
// each, like utf8.RuneCountInString and []rune conversion do.
func scanTokens(text string) []dtok {
	return scanTokensInto(nil, text, nil)
}

// scanTokensInto is scanTokens appending to dst[:0] (a buffer to reuse), memoising keys in
// memo (an empty map to reuse; nil makes one).
func scanTokensInto(dst []dtok, text string, memo map[string]string) []dtok {
	toks := dst[:0]
	if n := utf8.RuneCountInString(text)/5 + 4; cap(toks) < n {
		toks = make([]dtok, 0, n)
	}
	var buf []rune
	// Keys that differ from the text (capitalised, accented, Arabic variants) are built once
	// per distinct word: an article repeats its words.
	if memo == nil {
		memo = map[string]string{}
	}
	ri := 0 // rune index
	space, newline := true, false
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case isGap(r):
			space = true
			if r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 {
				newline = true
			}
			i += w
			ri++
			continue
		case isJoiner(r) && len(toks) > 0 && toks[len(toks)-1].bend == i:
			// Combining marks and joiners stay with the token they follow.
			t := &toks[len(toks)-1]
			t.end++
			t.bend += w
			i += w
			ri++
			continue
		}
		t := dtok{start: ri, bstart: i, space: space, newline: newline}
		space, newline = false, false
		switch {
		case isApostrophe(r):
			t.kind = dtPunct
			t.key = "'"
			i += w
			ri++
		case isDigitRune(r):
			t.kind = dtNum
			buf = buf[:0]
			ascii := true
			start := i
			for i < len(text) {
				r, w := utf8.DecodeRuneInString(text[i:])
				if !isDigitRune(r) {
					break
				}
				ascii = ascii && r <= '9'
				buf = append(buf, rune('0'+digitValue(r)))
				i += w
				ri++
			}
			if ascii {
				t.key = text[start:i] // already ASCII digits: no copy
			} else {
				t.key = string(buf)
			}
		case isIdeoRune(r):
			t.kind = dtWord
			t.ideo = true
			t.key = text[i : i+w]
			i += w
			ri++
		case isLetterRune(r) || isJoiner(r):
			t.kind = dtWord
			t.upper = isUpperRune(r) || isTitleRune(r)
			j := i
			plain := true
			n := 0
			for j < len(text) {
				r, w := utf8.DecodeRuneInString(text[j:])
				if !(isLetterRune(r) || isJoiner(r)) || isIdeoRune(r) || isApostrophe(r) {
					break
				}
				if f := foldRune(toLowerRune(r)); f != r {
					plain = false
				}
				j += w
				n++
			}
			if plain {
				t.key = text[i:j]
			} else if k, ok := memo[text[i:j]]; ok {
				t.key = k
			} else {
				buf = buf[:0]
				for _, r := range text[i:j] {
					if f := foldRune(toLowerRune(r)); f >= 0 {
						buf = append(buf, f)
					}
				}
				t.key = string(buf)
				memo[text[i:j]] = t.key
			}
			i = j
			ri += n
		default:
			t.kind = dtPunct
			switch {
			case isApostrophe(r):
				t.key = "'"
			case isDash(r):
				t.key = "-"
			case r == '٫':
				t.key = "٫"
			default:
				t.key = text[i : i+w]
			}
			i += w
			ri++
		}
		t.end, t.bend = ri, i
		toks = append(toks, t)
	}
	markURLs(toks)
	return toks
}

// markURLs flags the tokens of URLs ("https://…", "www.…") and e-mail addresses: their digits
// are neither dates nor numbers.
func markURLs(toks []dtok) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		start := -1
		switch {
		case t.kind == dtWord && (t.key == "http" || t.key == "https" || t.key == "ftp") &&
			i+1 < len(toks) && toks[i+1].key == ":" && !toks[i+1].space:
			start = i
		case t.kind == dtWord && t.key == "www" && i+1 < len(toks) && toks[i+1].key == "." && !toks[i+1].space:
			start = i
		case t.key == "@" && i > 0 && !t.space && i+1 < len(toks) && !toks[i+1].space:
			start = i - 1
			for start > 0 && !toks[start].space {
				start--
			}
		}
		if start < 0 {
			continue
		}
		j := start
		for j < len(toks) && (j == start || !toks[j].space) {
			toks[j].url = true
			j++
		}
		i = j - 1
	}
}

// snapToGraphemes widens the span [rs, re) (runes; bs, be the same positions in bytes) to
// grapheme cluster boundaries. It only reads the span's neighbourhood: it walks back to a point
// where a cluster surely begins (the text start, just after a line break, a space whose
// predecessor cannot glue to it, or an ideograph after an ideograph: Chinese has no spaces, and
// walking back to the line start made each fact of a paragraph cost the whole paragraph) and
// runs uniseg from there.
func snapToGraphemes(text string, bs, rs, be, re int) (int, int) {
	b, r := bs, rs
	for b > 0 {
		c, w := utf8.DecodeLastRuneInString(text[:b])
		if c == '\n' {
			break
		}
		if c == ' ' && b-w > 0 {
			p, _ := utf8.DecodeLastRuneInString(text[:b-w])
			if !isPrepend(p) {
				b -= w
				r--
				break
			}
		}
		if isUnifiedIdeograph(c) && b-w > 0 {
			// Two ideographs are both Grapheme_Cluster_Break=Other and not pictographic:
			// clusters break between them (UAX #29 GB999), whatever comes before.
			if p, _ := utf8.DecodeLastRuneInString(text[:b-w]); isUnifiedIdeograph(p) {
				b -= w
				r--
				break
			}
		}
		b -= w
		r--
	}
	state := -1
	rest := text[b:]
	pos := r
	ns, ne := rs, re
	for len(rest) > 0 && pos < re {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := utf8.RuneCountInString(c)
		if pos < rs && pos+n > rs {
			ns = pos
		}
		if pos < re && pos+n > re {
			ne = pos + n
		}
		pos += n
	}
	_ = be
	return ns, ne
}

// isUnifiedIdeograph reports the CJK Unified Ideographs block (U+4E00–U+9FFF).
func isUnifiedIdeograph(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// isPrepend reports characters of Grapheme_Cluster_Break=Prepend (UAX #29), which glue to the
// character after them.
func isPrepend(r rune) bool {
	if unicode.Is(unicode.Cf, r) && r != 0x200B && r != 0x200C && r != 0x200D && r != 0x200E && r != 0x200F {
		return true
	}
	switch {
	case r == 0x0D4E, r == 0x111C2, r == 0x111C3, r == 0x1193F, r == 0x11941, r == 0x11A3A,
		r >= 0x11A84 && r <= 0x11A89, r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}
