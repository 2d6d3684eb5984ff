package compare

import (
	"strings"
	"unicode"
)

// Datelines: the day of a dateline ("NARA, Japan, July 8 —", "ТОКИО, 8 июля. /ТАСС/",
// "新华社东京7月8日电") is when the outlet filed. It states no claim of the story, yet it falls
// on the story's busiest day, so aligned by value it joins the group of the event's own date
// and pairs with every member of it. Alignment and the conflict check leave it out; it
// remains a fact.
//
// The day in a photo caption is left in: a caption often dates the event itself ("the
// cathedral in flames on 15 April"), as often as the day a picture was taken.

// datelineMaxPrefix and datelineMaxPrefixWords bound the place (and agency) a dateline puts
// before its date: a few words, never a sentence.
const (
	datelineMaxPrefix      = 48
	datelineMaxPrefixWords = 5
)

// isDatelineDate reports whether the date spanning rs[start:end] is a dateline's: it follows
// a short place (and agency) heading its line, ended by a comma or a bracket ("COPENHAGEN,",
// "Bengasi (Libia),"), and a dash, bracket or stop comes right after it ("— ", "(Reuters)",
// ". /ТАСС/"); or, in Chinese, it is glued between an agency and place and the 电 of a wire.
func isDatelineDate(rs []rune, start, end int) bool {
	ls := start
	for ls > 0 && rs[ls-1] != '\n' {
		ls--
		if start-ls > 2*datelineMaxPrefix {
			return false // deep in a line: no dateline (and no scan of a long line per date)
		}
	}
	prefix := strings.TrimSpace(string(rs[ls:start]))
	pr := []rune(prefix)
	if len(pr) == 0 || len(pr) > datelineMaxPrefix || !unicode.IsLetter(pr[0]) || unicode.IsLower(pr[0]) {
		return false
	}
	if strings.ContainsAny(prefix, ".!?。！？:：") || len(strings.Fields(prefix)) > datelineMaxPrefixWords || !namesOnly(prefix) {
		return false
	}
	k := end
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if k >= len(rs) {
		return false
	}
	last := pr[len(pr)-1]
	if unicode.Is(unicode.Han, last) {
		return rs[k] == '电' // 新华社东京7月8日电
	}
	if last != ',' && last != '，' && last != '،' && last != ')' {
		return false
	}
	return strings.ContainsRune("—–-(./", rs[k])
}

// datelineDates marks the article's date facts that sit in a dateline (the article must be
// loaded).
func datelineDates(a *article) []bool {
	out := make([]bool, len(a.facts))
	if a.runes == nil {
		return out
	}
	for i, f := range a.facts {
		if f.Kind == KindDate && f.Start >= 0 && f.Start < f.End && f.End <= len(a.runes) {
			out[i] = isDatelineDate(a.runes, f.Start, f.End)
		}
	}
	return out
}

// namesOnly reports whether a dateline's heading reads as a place and agency: each word
// capitalised ("NARA, Japan", "Bengasi (Libia)") or in a script without case (دمشق, 东京),
// but for one short linking word ("Rio de Janeiro"). A sentence that opens with a comma
// clause has lower-case words.
func namesOnly(s string) bool {
	lower := 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, "(«\"'“")
		r := []rune(w)
		if len(r) == 0 || !unicode.IsLower(r[0]) {
			continue
		}
		lower++
		if lower > 1 || len(r) > 3 {
			return false
		}
	}
	return true
}
