package compare

import (
	"strings"
	"sync"
	"unicode"

	"parallax/assets"
)

// Datelines: the day of a dateline ("NARA, Japan, July 8 —", "ТОКИО, 8 июля. /ТАСС/",
// "新华社东京7月8日电") is when the outlet filed. It states no claim of the story, yet it falls
// on the story's busiest day, so aligned by value it joins the group of the event's own date
// and pairs with every member of it. Alignment and the conflict check leave it out; it
// remains a fact.
//
// The day in a photo caption is left out too (captionDates, below).

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

// Captions: the day a photo caption gives ("Caption: A rescue worker searches a flattened
// neighbourhood on Wednesday. Photo: Reuters", "图为3月29日，…（新华社发）") dates the
// picture, not a claim of the story; versions caption different pictures. Alignment leaves it
// out as it does a dateline's; it remains a fact. A caption is a line that opens with a
// caption label or ends with a picture credit (captions.tsv).

// captionMaxLine bounds a caption line, in runes: a longer line is a paragraph of the story.
const captionMaxLine = 320

// captionCreditReach is how near its line's end a picture credit stands, in runes.
const captionCreditReach = 60

// captionTable holds captions.tsv: per language ("*" for all), the labels that open a
// caption and the credits that end one, lower case.
type captionTable struct{ label, credit map[string][]string }

var loadCaptions = sync.OnceValue(func() *captionTable {
	ct := &captionTable{label: map[string][]string{}, credit: map[string][]string{}}
	data, err := assets.Lang.ReadFile("lang/captions.tsv")
	if err != nil {
		panic("compare: embedded captions table is missing: " + err.Error())
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			panic("compare: captions table: bad line " + line)
		}
		m := ct.label
		switch cols[0] {
		case "label":
		case "credit":
			m = ct.credit
		default:
			panic("compare: captions table: unknown kind " + cols[0])
		}
		for _, f := range strings.Split(cols[2], "|") {
			if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
				m[cols[1]] = append(m[cols[1]], f)
			}
		}
	}
	return ct
})

// isCaptionLine reports whether a line (without its newline) is a photo caption in lang.
func isCaptionLine(line []rune, lang string) bool {
	if len(line) == 0 || len(line) > captionMaxLine {
		return false
	}
	ct := loadCaptions()
	low := []rune(strings.ToLower(strings.TrimSpace(string(line))))
	s := string(low)
	for _, forms := range [][]string{ct.label["*"], ct.label[lang]} {
		for _, f := range forms {
			if !strings.HasPrefix(s, f) {
				continue
			}
			fr := []rune(f)
			if !unicode.IsLetter(fr[len(fr)-1]) || unicode.Is(unicode.Han, fr[len(fr)-1]) {
				return true // "图为", "【图片说明】": no colon
			}
			// A word label is followed by its colon ("Photo:", "Légende :").
			rest := strings.TrimLeft(string(low[len(fr):]), " \u00a0")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				return true
			}
		}
	}
	tailFrom := max(len(low)/2, len(low)-captionCreditReach)
	tail := string(low[tailFrom:])
	for _, forms := range [][]string{ct.credit["*"], ct.credit[lang]} {
		for _, f := range forms {
			if strings.Contains(tail, f) {
				return true
			}
		}
	}
	return false
}

// captionDates marks the article's date facts that sit in a photo caption (the article must
// be loaded).
func captionDates(a *article) []bool {
	out := make([]bool, len(a.facts))
	if a.runes == nil {
		return out
	}
	lineOf := map[int]bool{} // line start → caption
	for i, f := range a.facts {
		if f.Kind != KindDate || f.Start < 0 || f.End > len(a.runes) {
			continue
		}
		// A line longer than a caption is none: no need to scan further for its ends.
		lo, hi := f.Start, f.End
		for lo > 0 && a.runes[lo-1] != '\n' && f.Start-lo <= captionMaxLine {
			lo--
		}
		for hi < len(a.runes) && a.runes[hi] != '\n' && hi-f.End <= captionMaxLine {
			hi++
		}
		if hi-lo > captionMaxLine {
			continue
		}
		c, seen := lineOf[lo]
		if !seen {
			c = isCaptionLine(a.runes[lo:hi], a.doc.Lang)
			lineOf[lo] = c
		}
		out[i] = c
	}
	return out
}
