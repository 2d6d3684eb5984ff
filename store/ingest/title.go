package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title search, for text whose metadata gives none. News pages saved or pasted as text start
// with page furniture (section names, "Share:", breadcrumbs, timestamps) before the headline,
// and the headline stands as a paragraph of its own. The rule:
//
//  1. Look at the first titleScanLines lines only: a headline is at the top.
//  2. A line is a candidate when it has at least minTitleWords words (a word is a token with a
//     letter in it; in Chinese and Japanese two ideographs count as one word), letters make up
//     at least half of its non-space characters (this drops timestamps and counters), it does
//     not end with a colon (labels such as "Partager:"), and it is not a breadcrumb (two or
//     more », ›, > or | separators).
//  3. The first candidate that is its own paragraph (a separator line — empty, or without
//     letters and digits like "---" — or the start of the text before it, a separator or the
//     end after it) is the title; when no candidate stands alone (texts
//     whose paragraphs are separated by single line breaks), the first candidate is.
//  4. A candidate longer than a headline (over maxTitleWords words, i.e. the lead paragraph of
//     an article without a headline) is cut to its first sentence, and anything still over
//     maxTitleRunes to a word boundary with an ellipsis.
const (
	titleScanLines = 40
	minTitleWords  = 3
	maxTitleWords  = 30
	maxTitleRunes  = 200
)

func titleFromText(text string) string {
	lines := strings.SplitN(text, "\n", titleScanLines+1)
	if len(lines) > titleScanLines {
		lines = lines[:titleScanLines]
	}
	// A line without letters or digits ("", "---", "* * *") separates paragraphs.
	blank := func(i int) bool {
		if i < 0 || i >= len(lines) {
			return true
		}
		return !strings.ContainsFunc(lines[i], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	}
	first := ""
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if !titleCandidate(l) {
			continue
		}
		if blank(i-1) && blank(i+1) {
			return shortenTitle(l)
		}
		if first == "" {
			first = l
		}
	}
	return shortenTitle(first)
}

func titleCandidate(l string) bool {
	if l == "" || strings.HasSuffix(l, ":") || strings.HasSuffix(l, "：") {
		return false
	}
	if strings.Count(l, "»")+strings.Count(l, "›")+strings.Count(l, " > ")+strings.Count(l, " | ") >= 2 {
		return false
	}
	words, letters, nonSpace := measureLine(l)
	return words >= minTitleWords && letters*2 >= nonSpace
}

// measureLine counts word units, letters and non-space characters of a line. Only the first
// few hundred characters matter for a decision, so a 10 MB single-line file costs nothing.
func measureLine(l string) (words float64, letters, nonSpace int) {
	inWord, wordHasLetter := false, false
	n := 0
	for _, r := range l {
		if n++; n > 2000 {
			break
		}
		if unicode.IsSpace(r) {
			if inWord && wordHasLetter {
				words++
			}
			inWord, wordHasLetter = false, false
			continue
		}
		nonSpace++
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			letters++
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				words += 0.5 // scripts written without spaces
				continue
			}
			wordHasLetter = true
		}
		inWord = true
	}
	if inWord && wordHasLetter {
		words++
	}
	return words, letters, nonSpace
}

func shortenTitle(l string) string {
	if l == "" {
		return ""
	}
	if words, _, _ := measureLine(l); words > maxTitleWords {
		if s := firstSentence(l); s != "" {
			l = s
		}
	}
	if utf8.RuneCountInString(l) <= maxTitleRunes {
		return l
	}
	cut := 0
	lastSpace := 0
	for i := range l {
		if cut == maxTitleRunes {
			break
		}
		if l[i] == ' ' {
			lastSpace = i
		}
		cut++
	}
	end := lastSpace
	if end == 0 { // no space (Chinese, or one huge token): cut at the rune limit
		end = len(headRunes(l, maxTitleRunes))
	}
	return strings.TrimRight(l[:end], " ,;:-–—") + "…"
}

// firstSentence returns l up to and including its first sentence-ending mark that follows at
// least minTitleWords words, or "" if there is none.
func firstSentence(l string) string {
	for i, r := range l {
		switch r {
		case '.', '!', '?', '؟', '。', '！', '？':
		default:
			continue
		}
		end := i + utf8.RuneLen(r)
		next, _ := utf8.DecodeRuneInString(l[end:])
		if end < len(l) && !unicode.IsSpace(next) && r != '。' && r != '！' && r != '？' {
			continue // "U.S.", "3.5", "www.example.com"
		}
		if w, _, _ := measureLine(l[:end]); w >= minTitleWords {
			return l[:end]
		}
	}
	return ""
}

func headRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
