package compare

import "strings"

// Dateline is a publication timestamp found near the top of an article's text
// (e.g. "20 تموز 2021 14:49" under a headline).
type Dateline struct {
	Date  string // ISO 8601 YYYY-MM-DD
	Start int    // rune offsets of the dateline's date in the text
	End   int
	Text  string
}

// datelineLines is how many non-empty lines from the top may hold the dateline.
const datelineLines = 12

// datelineMaxWords is the most words a dateline line may have besides the date: a timestamp
// line ("20 تموز 2021 14:49", "Publié le 11 juillet 2016 à 10h"), not a sentence of the story.
const datelineMaxWords = 6

// FindDateline looks for the article's own timestamp or dateline in the first lines of text:
// a full date with its year written (a time may follow) on a short line of its own. lang is a
// hint ("" when unknown).
func FindDateline(text, lang string) (Dateline, bool) {
	head := text
	lines := 0
	for i, r := range text {
		if r == '\n' {
			lines++
			if lines >= datelineLines*3 {
				head = text[:i]
				break
			}
		}
	}
	sc := newScan(head, lexiconFor(lang))
	specs := sc.parseDates()
	k, ok := sc.datelineSpec(specs)
	if !ok {
		return Dateline{}, false
	}
	s := specs[k]
	var f Fact
	sc.setSpan(&f, s.s, s.e)
	return Dateline{Date: mkDay(s.y, s.m, s.d).iso(), Start: f.Start, End: f.End, Text: f.Text}, true
}

// datelineSpec picks the dateline among the parsed dates: the first full date with a written
// year, in the first non-empty lines, on a line with few other words.
func (sc *dnScan) datelineSpec(specs []dateSpec) (int, bool) {
	for k, s := range specs {
		if s.kind != dkAbs || s.interval != nil {
			continue
		}
		line := sc.lineOf(s.s)
		if line >= datelineLines {
			break
		}
		if s.y == 0 || s.m == 0 || s.d == 0 || !validDate(s.y, s.m, s.d) {
			continue
		}
		if sc.wordsOnLine(s.s) > datelineMaxWords+(s.e-s.s) {
			continue
		}
		return k, true
	}
	return 0, false
}

// lineOf counts the non-empty lines before token i.
func (sc *dnScan) lineOf(i int) int {
	n := 0
	for k := 1; k <= i && k < len(sc.toks); k++ {
		if sc.toks[k].newline {
			n++
		}
	}
	return n
}

// wordsOnLine counts the word and number tokens on token i's line.
func (sc *dnScan) wordsOnLine(i int) int {
	s := i
	for s > 0 && !sc.toks[s].newline {
		s--
	}
	n := 0
	for k := s; k < len(sc.toks) && (k == s || !sc.toks[k].newline); k++ {
		if sc.toks[k].kind != dtPunct && !strings.ContainsAny(sc.toks[k].key, ":") {
			n++
		}
	}
	return n
}
