package langid

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

//go:embed latin.txt
var latinData string

// Weights of one piece of evidence before it is shared among the languages that have it.
// A function word is the strongest single clue in running text; an ending is good evidence;
// a letter group is weak on its own but present in almost every word of a headline.
const (
	weightStop   = 2.0
	weightSuffix = 1.0
	weightGram   = 0.5
	// weightTrigram is the vote of whatlanggo's trigram model (times its confidence), added
	// after the per-token normalisation: about half of what a typical word of running text
	// contributes, so it decides headlines and ties but not paragraphs.
	weightTrigram = 0.5
)

// latinModel is built once from latin.txt and never changed afterwards.
type latinModel struct {
	langs  []string
	stop   map[string][]int // token → languages that list it
	suffix []affix          // longest first
	grams  []affix
	wl     map[whatlanggo.Lang]bool
}

type affix struct {
	text  string
	langs []int
}

var latin = mustParseLatin(latinData)

func mustParseLatin(data string) *latinModel {
	m, err := parseLatin(data)
	if err != nil {
		panic("langid: latin.txt: " + err.Error())
	}
	return m
}

func parseLatin(data string) (*latinModel, error) {
	m := &latinModel{stop: map[string][]int{}, wl: map[whatlanggo.Lang]bool{}}
	suffixes := map[string][]int{}
	grams := map[string][]int{}
	cur := -1
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			code := line[1 : len(line)-1]
			wl := whatlanggo.CodeToLang(iso3[code])
			if wl < 0 {
				return nil, fmt.Errorf("line %d: language %q unknown to whatlanggo", n+1, code)
			}
			m.wl[wl] = true
			m.langs = append(m.langs, code)
			cur = len(m.langs) - 1
			continue
		}
		key, list, ok := strings.Cut(line, ":")
		if !ok || cur < 0 {
			return nil, fmt.Errorf("line %d: want \"stop|suffix|gram: items\" inside a [lang] section", n+1)
		}
		var dst map[string][]int
		switch strings.TrimSpace(key) {
		case "stop":
			dst = m.stop
		case "suffix":
			dst = suffixes
		case "gram":
			dst = grams
		default:
			return nil, fmt.Errorf("line %d: unknown key %q", n+1, key)
		}
		for _, item := range strings.Fields(list) {
			if l := dst[item]; len(l) == 0 || l[len(l)-1] != cur {
				dst[item] = append(l, cur)
			}
		}
	}
	m.suffix = sortedAffixes(suffixes)
	m.grams = sortedAffixes(grams)
	return m, nil
}

// iso3 maps the codes used in latin.txt to whatlanggo's ISO 639-3 names.
var iso3 = map[string]string{
	"en": "eng", "fr": "fra", "es": "spa", "de": "deu", "it": "ita", "pt": "por", "nl": "nld",
}

func sortedAffixes(m map[string][]int) []affix {
	out := make([]affix, 0, len(m))
	for t, l := range m {
		out = append(out, affix{t, l})
	}
	sort.Slice(out, func(i, j int) bool {
		if li, lj := utf8.RuneCountInString(out[i].text), utf8.RuneCountInString(out[j].text); li != lj {
			return li > lj
		}
		return out[i].text < out[j].text
	})
	return out
}

// tokens splits text into lower-case words. French and Italian elisions are split after
// the apostrophe so that "l'OTAN" yields the function word "l'" and "otan".
func tokens(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	prevLetter := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(unicode.ToLower(r))
			prevLetter = true
		case (r == '\'' || r == '’') && prevLetter:
			b.WriteRune('\'')
			flush()
			prevLetter = false
		default:
			flush()
			prevLetter = false
		}
	}
	flush()
	return out
}

// vietnameseLetter reports letters that, among languages written in Latin script, only
// Vietnamese uses: the tone-marked vowels of the Latin Extended Additional block and ơ ư ă đ.
func vietnameseLetter(r rune) bool {
	r = unicode.ToLower(r)
	return (r >= 0x1EA0 && r <= 0x1EF9) || r == 'ơ' || r == 'ư' || r == 'ă' || r == 'đ'
}

// trigramRunes bounds the text given to whatlanggo: its distance measure assumes the text
// has about as many distinct trigrams as a profile (300); on long texts its confidence turns
// meaningless (even negative), and a thousand runes are plenty for a trigram vote.
const trigramRunes = 1000

func clamp01(x float64) float64 { return max(0, min(1, x)) }

func (m *latinModel) known(code string) bool {
	for _, l := range m.langs {
		if l == code {
			return true
		}
	}
	return false
}

// vietnameseCommon are frequent Vietnamese words written without a Vietnamese-only letter
// ("và" = and, "là" = is, "có" = has, …), so that they count as Vietnamese evidence too.
var vietnameseCommon = map[string]bool{
	"và": true, "là": true, "có": true, "vào": true, "nhà": true, "cho": true, "khi": true,
	"theo": true, "trong": true, "người": true, "tù": true, "bà": true, "không": true, "thì": true,
}

func detectLatin(sample string) (string, float64) {
	toks := tokens(sample)
	if len(toks) == 0 {
		return "", 0
	}
	viWords := 0
	for _, t := range toks {
		if vietnameseCommon[t] {
			viWords++
			continue
		}
		for _, r := range t {
			if vietnameseLetter(r) {
				viWords++
				break
			}
		}
	}
	// In Vietnamese text well over a third of the syllables carry one of these letters; a
	// quoted Vietnamese name in another language stays far below a fifth.
	if viWords*5 >= len(toks) {
		return "vi", min(1, 0.5+float64(viWords)/float64(len(toks)))
	}

	m := latin
	scores := make([]float64, len(m.langs))
	stopHits := 0
	for _, t := range toks {
		if l, ok := m.stop[t]; ok {
			stopHits++
			for _, i := range l {
				scores[i] += weightStop / float64(len(l))
			}
			continue
		}
		n := utf8.RuneCountInString(t)
		for _, a := range m.suffix {
			if n >= utf8.RuneCountInString(a.text)+2 && strings.HasSuffix(t, a.text) {
				for _, i := range a.langs {
					scores[i] += weightSuffix / float64(len(a.langs))
				}
				break
			}
		}
		for _, g := range m.grams {
			if strings.Contains(t, g.text) {
				for _, i := range g.langs {
					scores[i] += weightGram / float64(len(g.langs))
				}
			}
		}
	}
	// Normalise per token so the trigram vote weighs the same for a headline and a page.
	for i := range scores {
		scores[i] /= float64(len(toks))
	}
	trigramSample := headRunes(sample, trigramRunes)
	info := whatlanggo.DetectWithOptions(trigramSample, whatlanggo.Options{Whitelist: m.wl})
	if code := info.Lang.Iso6391(); code != "" {
		for i, l := range m.langs {
			if l == code {
				scores[i] += weightTrigram * clamp01(info.Confidence)
			}
		}
	}

	// A long Latin-script text with few of the known function words (running news text in
	// those languages has 30-50%) is in another language; let whatlanggo's full set of
	// profiles name it when it is sure and it names a language outside the known set.
	if len(toks) >= 12 && stopHits*4 < len(toks) {
		all := whatlanggo.Detect(trigramSample)
		if code := all.Lang.Iso6391(); code != "" && !m.known(code) && all.Confidence >= 0.5 {
			return code, clamp01(all.Confidence)
		}
	}

	best, second := -1, -1
	for i := range scores {
		if best < 0 || scores[i] > scores[best] {
			best, second = i, best
		} else if second < 0 || scores[i] > scores[second] {
			second = i
		}
	}
	if scores[best] <= 0 {
		return "", 0
	}
	return m.langs[best], scores[best] / (scores[best] + scores[second])
}
