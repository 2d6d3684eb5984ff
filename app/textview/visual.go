package textview

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// lrm is U+200E LEFT-TO-RIGHT MARK: a strong left-to-right character without a glyph.
const lrm = '\u200e'

// Visual returns s laid out for Fyne's own widgets — labels, list and table cells, select
// options, window titles and dialogs — which draw the runs of a text in logical order, left to
// right, and mirror no bracket. The text view does its own layout; everything else the app
// shows goes through Visual: one bidi layer for every label.
//
// Each paragraph gets its direction from its first strong character (UBA P2–P3), its levels
// from the bidi algorithm (as in the view), and its runs are put in visual order (L2). Inside a
// right-to-left run the words stay in logical order (Fyne shapes a run of Arabic letters right
// to left itself) but their order is reversed, and the neutral characters between them are
// mirrored (L4: "(" shows as ")"). Left-to-right marks between the pieces keep Fyne from
// joining them into runs of its own. Text without right-to-left characters is returned as is.
func Visual(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0590 }) {
		return s
	}
	if strings.Contains(s, "\n") {
		ps := strings.Split(s, "\n")
		for i, p := range ps {
			ps[i] = Visual(p)
		}
		return strings.Join(ps, "\n")
	}
	runes := []rune(s)
	if !needsBidi(runes) {
		return s
	}
	info := bidiLevels(runes)
	levels := make([]uint8, len(runes))
	for i := range runes {
		levels[i] = info.at(i)
	}
	return visualLine(runes, levels)
}

// visualLine puts one line of a paragraph in visual order for Fyne's widgets, as Visual does;
// levels are the line's resolved levels (those of the whole paragraph, so a wrapped line keeps
// its paragraph's direction).
func visualLine(runes []rune, levels []uint8) string {
	type run struct {
		s, e  int
		level uint8
	}
	var runs []run
	hi, loOdd := uint8(0), uint8(255)
	for i := range runes {
		lv := levels[i]
		if n := len(runs); n == 0 || runs[n-1].level != lv {
			runs = append(runs, run{s: i, level: lv})
		}
		runs[len(runs)-1].e = i + 1
		hi = max(hi, lv)
		if lv%2 == 1 {
			loOdd = min(loOdd, lv)
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse every maximal sequence
	// of runs at that level or higher.
	for k := hi; k >= loOdd && k > 0; k-- {
		for i := 0; i < len(runs); {
			if runs[i].level < k {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].level >= k {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
			}
			i = j
		}
	}
	var b strings.Builder
	b.Grow(4*len(runes) + 3*len(runs))
	for i, r := range runs {
		if i > 0 {
			b.WriteRune(lrm)
		}
		if r.level%2 == 0 {
			b.WriteString(string(runes[r.s:r.e]))
			continue
		}
		// Right to left: words (strong letters and their marks) in reverse order, each neutral
		// on its own and mirrored.
		toks := rtlTokens(runes[r.s:r.e])
		for j := len(toks) - 1; j >= 0; j-- {
			if j < len(toks)-1 {
				b.WriteRune(lrm)
			}
			t := toks[j]
			if len(t) == 1 && isNeutral(t[0]) {
				b.WriteRune(Mirror(t[0]))
			} else {
				b.WriteString(string(t))
			}
		}
	}
	// Marks at both ends keep the result apart from what a caller puts around it: a number
	// after Arabic would otherwise join its run again in Fyne's own segmentation.
	return string(lrm) + b.String() + string(lrm)
}

// Ellipsis ends a text cut short (in logical order) with "…". After a right-to-left word it adds
// a right-to-left mark: "…" is neutral, and at the end of a left-to-right line ("2024-05-03 · ar
// · " and an Arabic headline) it takes the line's direction and is drawn at the far right, beside
// the headline's first word, as if the headline's start had been cut; the mark keeps it at the
// headline's cut end, on its left.
func Ellipsis(cut string) string {
	rs := []rune(cut)
	for i := len(rs) - 1; i >= 0; i-- {
		p, _ := bidi.LookupRune(rs[i])
		switch p.Class() {
		case bidi.R, bidi.AL:
			return cut + "…\u200f"
		case bidi.L:
			return cut + "…"
		}
	}
	return cut + "…"
}

// WordCut returns where to cut runes to keep at most n of them, before the text's "…". Inside a
// right-to-left word it backs off to the end of the word before: an Arabic word cut short draws
// its last letter in a final form and reads as another word (الطرق cut to الط), and a Hebrew one
// shows a letter that has a final form in its plain form. A first word too long to keep is cut
// anyway; left-to-right words are cut where they are, as usual with "…".
func WordCut(runes []rune, n int) int {
	if n <= 0 || n >= len(runes) || !rtlLetter(runes[n-1]) || !rtlLetter(runes[n]) {
		return max(0, min(n, len(runes)))
	}
	i := n - 1
	for i > 0 && !unicode.IsSpace(runes[i-1]) {
		i--
	}
	for i > 0 && unicode.IsSpace(runes[i-1]) {
		i--
	}
	if i == 0 {
		return n
	}
	return i
}

// rtlLetter reports whether r is a letter of a right-to-left script, or a mark or joiner
// inside such a word.
func rtlLetter(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL, bidi.NSM:
		return r != '\u200f'
	}
	return r == '\u200c' || r == '\u200d'
}

// IsRTL reports whether a text's first strong character is right to left (UBA P2–P3): its
// paragraph reads from the right, and a label showing it alone is best aligned right.
func IsRTL(s string) bool { return firstStrong([]rune(s)) == 1 }

// rtlTokens splits a right-to-left run into words of strong letters (with their combining
// marks and joiners) and single neutral characters.
func rtlTokens(rs []rune) [][]rune {
	var toks [][]rune
	start := 0
	for i, r := range rs {
		if isNeutral(r) {
			if start < i {
				toks = append(toks, rs[start:i])
			}
			toks = append(toks, rs[i:i+1])
			start = i + 1
		}
	}
	if start < len(rs) {
		toks = append(toks, rs[start:])
	}
	return toks
}

// isNeutral reports whether r takes its direction from its surroundings (spaces, punctuation,
// brackets, separators): inside a right-to-left run those are drawn one by one, mirrored.
func isNeutral(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.WS, bidi.ON, bidi.CS, bidi.ES, bidi.ET, bidi.S, bidi.B:
		return true
	}
	return false
}

// mirrors holds the Bidi_Mirroring_Glyph pairs found in news text (Unicode BidiMirroring.txt).
var mirrors = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹', '⁅': '⁆', '⁆': '⁅', '⁽': '⁾', '⁾': '⁽',
	'₍': '₎', '₎': '₍', '≤': '≥', '≥': '≤', '〈': '〉', '〉': '〈', '⟨': '⟩', '⟩': '⟨',
	'（': '）', '）': '（', '［': '］', '］': '［', '｛': '｝', '｝': '｛', '＜': '＞', '＞': '＜',
	'「': '」', '」': '「', '『': '』', '』': '『', '【': '】', '】': '【', '〔': '〕', '〕': '〔',
}

// Every paired bracket (Bidi_Paired_Bracket, the same pairs as Bidi_Mirroring_Glyph) mirrors.
func init() {
	for o, c := range bracketPairs {
		if _, ok := mirrors[o]; !ok {
			mirrors[o], mirrors[c] = c, o
		}
	}
}

// Mirror returns the glyph a character shows at a right-to-left level (UBA L4): the other
// bracket of a pair, or the character itself.
func Mirror(r rune) rune {
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}

// LTR marks s as a left-to-right paragraph: a sentence of the app's own (English) that may
// begin with quoted article text («الصين تنفي…» (ar) reports another event). Without the mark
// the quote's first Arabic letter made the whole sentence right-to-left, its words and the
// "(ar)" after the quote in the wrong order.
func LTR(s string) string { return string(lrm) + s }
