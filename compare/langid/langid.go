// Package langid identifies the language of a news text and returns its ISO 639-1 code.
//
// Parallax cares about eight languages (ar, fr, vi, ru, en, es, de, zh) and must still name
// other languages when the text makes them clear. General-purpose detectors are either too
// big to ship (lingua-go adds about 132 MB to the binary) or unreliable on headlines
// (whatlanggo's trigram profiles send "Pékin a démenti" to English). Detect therefore stacks
// evidence from strongest to weakest:
//
//  1. Writing system. Arabic, Cyrillic, Han, kana, Hangul, Greek, Hebrew, Thai letters
//     decide the language or narrow it to a family; letters that only one member of the
//     family uses decide inside it (Persian ی/ک against Arabic ي/ك, Ukrainian і/ї/є,
//     Russian ы/э/ё, Japanese kana next to Han).
//  2. Vietnamese tone letters (ạ ả ấ … ơ ư đ ă) are decisive among Latin-script texts when a
//     fair share of the words carry them, so a French article quoting "Nguyễn" stays French.
//  3. For the other Latin-script languages, evidence read from latin.txt (function words,
//     word endings, characteristic letters, each shared item split among the languages that
//     have it) is added to the vote of whatlanggo's trigram model restricted to the same
//     languages. Function words dominate on running text; endings, letters and trigrams
//     carry headlines that have no function words at all.
//  4. A Latin-script text with almost no function words of the known languages, long enough
//     for whatlanggo to be sure, gets whatlanggo's unrestricted answer (Turkish, Polish, …).
//
// The package is pure: no I/O (latin.txt is embedded), no mutable globals, safe for
// concurrent use. Only the first sampleRunes runes are examined, which keeps a 10 MB input
// as fast as a page.
package langid

import (
	_ "embed"
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// sampleRunes bounds how much of the text is examined: a few thousand letters identify any
// language far beyond doubt, and the bound keeps detection time flat for huge inputs.
const sampleRunes = 20000

// Detect returns the ISO 639-1 code of text's language and a confidence in [0, 1].
// It returns ("", 0) when the text has no letters or the language cannot be told.
func Detect(text string) (lang string, score float64) {
	sample := headRunes(text, sampleRunes)
	sc := countScripts(sample)
	if sc.letters == 0 {
		return "", 0
	}
	switch sc.dominant() {
	case scriptLatin:
		return detectLatin(sample)
	case scriptCyrillic:
		return detectCyrillic(sample, sc)
	case scriptArabic:
		return detectArabicScript(sc)
	case scriptHan, scriptKana:
		// Japanese mixes kana into Han; Chinese never uses kana. A few kana in a long
		// Chinese text (a Japanese brand name) do not make it Japanese.
		if sc.n[scriptKana] >= 2 && sc.n[scriptKana]*20 >= sc.n[scriptHan]+sc.n[scriptKana] {
			return "ja", 1
		}
		return "zh", 1
	case scriptHangul:
		return "ko", 1
	case scriptGreek:
		return "el", 1
	case scriptHebrew:
		return "he", 1
	case scriptThai:
		return "th", 1
	}
	info := whatlanggo.Detect(sample)
	if code := info.Lang.Iso6391(); code != "" {
		return code, info.Confidence
	}
	return "", 0
}

// Script names the writing system a language is normally written in ("Latin", "Arabic",
// "Cyrillic", "Han", "Japanese", "Hangul", "Greek", "Hebrew", "Thai", "Devanagari").
// Unknown codes are taken to be Latin. Callers use it to notice a declared language that
// cannot be right for the text (an HTML page marked lang="en" whose text is Arabic).
func Script(lang string) string {
	switch lang {
	case "ar", "fa", "ur", "ps", "ug", "ku", "sd":
		return "Arabic"
	case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba":
		return "Cyrillic"
	case "zh":
		return "Han"
	case "ja":
		return "Japanese"
	case "ko":
		return "Hangul"
	case "el":
		return "Greek"
	case "he", "yi":
		return "Hebrew"
	case "th":
		return "Thai"
	case "hi", "mr", "ne", "sa":
		return "Devanagari"
	}
	return "Latin"
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

type script int

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
	scriptArabic
	scriptHan
	scriptKana
	scriptHangul
	scriptGreek
	scriptHebrew
	scriptThai
	numScripts
)

var scriptTables = [numScripts]*unicode.RangeTable{
	scriptLatin:    unicode.Latin,
	scriptCyrillic: unicode.Cyrillic,
	scriptArabic:   unicode.Arabic,
	scriptHan:      unicode.Han,
	scriptHangul:   unicode.Hangul,
	scriptGreek:    unicode.Greek,
	scriptHebrew:   unicode.Hebrew,
	scriptThai:     unicode.Thai,
}

type scriptCounts struct {
	n       [numScripts]int
	letters int
	// family-internal evidence, counted in the same pass
	persianYK, arabicYK, urdu   int // ی ک against ي ك; ے ٹ ڈ ڑ ں
	russian, ukrainian, belarus int // ы э ё; і ї є ґ; ў
	serbian, macedonian         int // ђ ћ џ љ њ ј; ѓ ќ ѕ
}

func countScripts(s string) scriptCounts {
	var c scriptCounts
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		switch {
		case r < 0x250: // fast path: ASCII and Latin-1/Extended-A/B letters
			c.n[scriptLatin]++
			continue
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			c.n[scriptKana]++
			continue
		}
		found := false
		for sc := scriptLatin; sc < numScripts; sc++ {
			if t := scriptTables[sc]; t != nil && unicode.Is(t, r) {
				c.n[sc]++
				found = true
				break
			}
		}
		if !found {
			c.n[scriptOther]++
		}
		switch r {
		case 'ی', 'ک':
			c.persianYK++
		case 'ي', 'ك':
			c.arabicYK++
		case 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں':
			c.urdu++
		case 'ы', 'э', 'ё', 'Ы', 'Э', 'Ё':
			c.russian++
		case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
			c.ukrainian++
		case 'ў', 'Ў':
			c.belarus++
		case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј', 'Ђ', 'Ћ', 'Џ', 'Љ', 'Њ', 'Ј':
			c.serbian++
		case 'ѓ', 'ќ', 'ѕ', 'Ѓ', 'Ќ', 'Ѕ':
			c.macedonian++
		}
	}
	return c
}

func (c scriptCounts) dominant() script {
	best := scriptOther
	for sc := scriptLatin; sc < numScripts; sc++ {
		if c.n[sc] > c.n[best] {
			best = sc
		}
	}
	// Han and kana together are one writing system when kana is present.
	if best == scriptHan && c.n[scriptKana] > 0 {
		return scriptKana
	}
	return best
}

func detectArabicScript(c scriptCounts) (string, float64) {
	// Persian and Urdu write ی and ک where Arabic writes ي and ك; a loanword or a name
	// spelt the Persian way in an Arabic text does not outweigh the text's own letters.
	if c.persianYK > c.arabicYK {
		if c.urdu > 0 {
			return "ur", 0.9
		}
		return "fa", 0.9
	}
	return "ar", 1
}

func detectCyrillic(sample string, c scriptCounts) (string, float64) {
	switch {
	case c.belarus > 0 && c.belarus >= c.ukrainian:
		return "be", 0.9
	case c.ukrainian > 0 && c.ukrainian >= c.russian:
		return "uk", 0.9
	case c.serbian > 0:
		return "sr", 0.9
	case c.macedonian > 0:
		return "mk", 0.9
	case c.russian > 0:
		return "ru", 1
	}
	// No letter decides. Bulgarian is the likely alternative; trust the trigram model only
	// when the text is long enough for it to be sure.
	words := len(strings.Fields(sample))
	if words >= 12 {
		info := whatlanggo.DetectWithOptions(sample, whatlanggo.Options{Whitelist: cyrillicCandidates})
		if info.Lang == whatlanggo.Bul && info.Confidence >= 0.9 {
			return "bg", info.Confidence
		}
	}
	return "ru", 0.8
}

var cyrillicCandidates = map[whatlanggo.Lang]bool{whatlanggo.Rus: true, whatlanggo.Bul: true}
