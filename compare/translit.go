package compare

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Transliterate writes s in Latin letters, for clustering names across scripts, search and
// spelling diffs. It is approximate by design: it serves matching, not publication.
//
//   - Cyrillic: a simple BGN-like romanisation, except for words that read as Chinese syllables
//     in the Palladius system, which go back to pinyin (Чжао Лицзянь → Zhao Lijian).
//   - Arabic: consonant-based romanisation (letters only, short vowels are not written).
//   - Greek: letter by letter.
//   - Latin with diacritics (Vietnamese, French…): diacritics removed, đ → d.
//   - Han and other scripts are left as they are (pinyin needs more data than it earns here).
//
// lang is a hint ("" when unknown) and does not change the result today; it is part of the
// signature so that language-specific romanisations can be added without touching callers.
func Transliterate(s, lang string) string {
	_ = lang
	if isASCII(s) {
		return s // ASCII is its own NFC form and every ASCII rune folds to itself
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(norm.NFC.String(s))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isCyrillic(r):
			j := i
			for j < len(rs) && (isCyrillic(rs[j]) || rs[j] == '\u0301') {
				j++
			}
			b.WriteString(cyrillicWord(rs[i:j]))
			i = j
		case isArabic(r):
			j := i
			for j < len(rs) && isArabic(rs[j]) {
				j++
			}
			b.WriteString(arabicWord(rs[i:j]))
			i = j
		case isGreek(r):
			b.WriteString(greekLetter(r))
			i++
		default:
			b.WriteString(foldLatinRune(r))
			i++
		}
	}
	return b.String()
}

// FoldForSearch is the script- and diacritic-insensitive key of s used by library search and
// name clustering: transliterated to Latin, lower-cased, runs of anything that is not a letter
// or digit collapsed to one space. FoldForSearch("Pékin") == FoldForSearch("pekin"),
// FoldForSearch("Чжао Лицзянь") == "zhao lijian".
func FoldForSearch(s string) string {
	if searchFolded(s) {
		return s
	}
	t := Transliterate(s, "")
	var b strings.Builder
	b.Grow(len(t))
	space := false
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else if unicode.IsMark(r) {
			continue
		} else {
			space = true
		}
	}
	return b.String()
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// searchFolded reports whether s is already its own FoldForSearch key: ASCII lower-case
// letters and digits in words separated by single spaces.
func searchFolded(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// asciiRunes holds every ASCII character at its own index.
var asciiRunes = func() string {
	b := make([]byte, 0x80)
	for i := range b {
		b[i] = byte(i)
	}
	return string(b)
}()

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x052F }
func isArabic(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}
func isGreek(r rune) bool { return r >= 0x0370 && r <= 0x03FF }
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r) // the common block first
}

// foldLatinRune removes diacritics from one rune (é → e, ệ → e, đ → d) and keeps other runes.
func foldLatinRune(r rune) string {
	if r < 0x80 {
		return asciiRunes[r : r+1] // no new one-byte string for every letter
	}
	switch r {
	case '’', 'ʼ', '‘':
		return "'"
	}
	if r < 0x250 {
		return latinFold1[r-0x80]
	}
	if r >= 0x1E00 && r <= 0x1EFF {
		return latinFold2[r-0x1E00]
	}
	return foldLatinSlow(r)
}

// Precomputed folds of the Latin blocks news text uses (Latin-1 to Extended-B, and the
// Vietnamese block); filled once at package initialisation and never written again.
var (
	latinFold1 = buildFold(0x80, 0x250)
	latinFold2 = buildFold(0x1E00, 0x1F00)
)

func buildFold(lo, hi rune) []string {
	t := make([]string, hi-lo)
	for r := lo; r < hi; r++ {
		t[r-lo] = foldLatinSlow(r)
	}
	return t
}

func foldLatinSlow(r rune) string {
	switch r {
	case 'đ':
		return "d"
	case 'Đ':
		return "D"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'Æ':
		return "AE"
	case 'œ':
		return "oe"
	case 'Œ':
		return "OE"
	case 'ø':
		return "o"
	case 'Ø':
		return "O"
	case 'ł':
		return "l"
	case 'Ł':
		return "L"
	case 'ı':
		return "i"
	}
	if !unicode.Is(unicode.Latin, r) {
		return string(r)
	}
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c",
	'ђ': "dj", 'џ': "dz", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

// cyrillicWord romanises one Cyrillic word, via pinyin when it reads as Palladius syllables.
func cyrillicWord(w []rune) string {
	lower := make([]rune, 0, len(w))
	for _, r := range w {
		if r == '\u0301' { // stress mark
			continue
		}
		lower = append(lower, unicode.ToLower(r))
	}
	upperFirst := len(w) > 0 && unicode.IsUpper(w[0])
	allUpper := len(w) > 1
	for _, r := range w {
		if unicode.IsLower(r) {
			allUpper = false
		}
	}
	out, ok := palladius(lower)
	if !ok {
		var b strings.Builder
		for i, r := range lower {
			s, known := cyrLatin[r]
			if !known {
				s = string(r)
			}
			// е after a vowel or at the start of a word sounds "ye" (Евросоюз, Сергеевич).
			if r == 'е' && (i == 0 || strings.ContainsRune("аеёиоуыэюяьъ", lower[i-1])) && len(lower) > 1 {
				s = "ye"
			}
			b.WriteString(s)
		}
		out = b.String()
	}
	switch {
	case allUpper:
		return strings.ToUpper(out)
	case upperFirst && out != "":
		r := []rune(out)
		r[0] = unicode.ToUpper(r[0])
		return string(r)
	}
	return out
}

// Palladius → pinyin. A word is taken for Chinese only if it splits completely into Palladius
// syllables and shows at least one spelling Russian words do not have (цз, чж, ао, эй, юй,
// нь before a consonant, ъ between syllables, a lone syllable like Си or Ли).
var (
	palInitials = []struct{ cyr, lat, palatal string }{
		{"цз", "z", "j"}, {"чж", "zh", "zh"}, {"ч", "ch", "q"}, {"ш", "sh", "sh"}, {"ж", "r", "r"},
		{"ц", "c", "q"}, {"с", "s", "x"}, {"б", "b", "b"}, {"п", "p", "p"}, {"м", "m", "m"},
		{"ф", "f", "f"}, {"д", "d", "d"}, {"т", "t", "t"}, {"н", "n", "n"}, {"л", "l", "l"},
		{"г", "g", "g"}, {"к", "k", "k"}, {"х", "h", "h"}, {"в", "w", "w"},
	}
	// finals, longest first within each initial letter; palatal finals start with i or ü.
	palFinals = []struct {
		cyr, lat string
		palatal  bool
	}{
		{"юань", "uan", true}, {"уань", "uan", false}, {"уай", "uai", false}, {"уан", "uang", false},
		{"янь", "ian", true}, {"ань", "an", false}, {"энь", "en", false}, {"инь", "in", true},
		{"унь", "un", false}, {"юнь", "un", true}, {"ян", "iang", true}, {"юн", "iong", true},
		{"яо", "iao", true}, {"юй", "u", true}, {"юэ", "ue", true}, {"уа", "ua", false},
		{"уй", "ui", false}, {"ай", "ai", false}, {"ао", "ao", false}, {"эй", "ei", false},
		{"эн", "eng", false}, {"эр", "er", false}, {"ан", "ang", false}, {"ин", "ing", true},
		{"ун", "ong", false}, {"оу", "ou", false}, {"я", "ia", true}, {"е", "ie", true},
		{"ю", "iu", true}, {"и", "i", true}, {"ы", "i", false}, {"а", "a", false},
		{"э", "e", false}, {"о", "o", false}, {"у", "u", false},
	}
	// zero-initial syllables are spelt with y/w in pinyin.
	palZero = map[string]string{
		"ia": "ya", "ie": "ye", "iao": "yao", "iu": "you", "ian": "yan", "in": "yin", "iang": "yang",
		"ing": "ying", "iong": "yong", "i": "yi", "u": "wu", "ua": "wa", "uai": "wai", "ui": "wei",
		"uan": "wan", "un": "wen", "uang": "wang", "ong": "weng", "o": "o", "a": "a", "ai": "ai",
		"an": "an", "ang": "ang", "ao": "ao", "e": "e", "ei": "ei", "en": "en", "eng": "eng",
		"er": "er", "ou": "ou",
	}
)

// palZeroCyr spells the zero-initial finals whose pinyin differs by more than a y/w prefix.
var palZeroCyr = map[string]string{"юй": "yu", "юэ": "yue", "юань": "yuan", "юнь": "yun", "ю": "you"}

// palMarkerFinals are Palladius finals Russian words practically never contain.
var palMarkerFinals = map[string]bool{
	"ао": true, "эй": true, "оу": true, "юй": true, "юэ": true, "юань": true, "уа": true, "уй": true,
	"уань": true, "уан": true, "унь": true, "инь": true, "янь": true, "юнь": true, "ань": true, "энь": true,
}

func palladius(w []rune) (string, bool) {
	s := string(w)
	var b strings.Builder
	syllables := 0
	marker := false
	for len(s) > 0 {
		if strings.HasPrefix(s, "ъ") {
			s = s[len("ъ"):]
			marker = true
			continue
		}
		initial, palatalInit := "", ""
		rest := s
		for _, in := range palInitials {
			if strings.HasPrefix(s, in.cyr) {
				initial, palatalInit = in.lat, in.palatal
				rest = s[len(in.cyr):]
				if in.cyr == "цз" || in.cyr == "чж" {
					marker = true
				}
				break
			}
		}
		matched := false
		for _, f := range palFinals {
			if !strings.HasPrefix(rest, f.cyr) {
				continue
			}
			lat := f.lat
			syl := ""
			switch {
			case initial == "w":
				// в + final: ван → wang, вэй → wei, вэнь → wen, во → wo.
				switch f.cyr {
				case "ан", "ань", "ай", "а", "о", "эй", "энь", "эн":
					syl = "w" + map[string]string{"ан": "ang", "ань": "an", "ай": "ai", "а": "a", "о": "o", "эй": "ei", "энь": "en", "эн": "eng"}[f.cyr]
				default:
					continue
				}
			case initial == "":
				syl = palZeroCyr[f.cyr]
				if syl == "" {
					syl = palZero[lat]
				}
				if syl == "" {
					continue
				}
			case f.palatal:
				if lat == "u" && (initial == "n" || initial == "l") {
					lat = "u" // nü/lü written without the diaeresis
				}
				syl = palatalInit + lat
			default:
				if f.cyr == "о" && !strings.Contains("bpmf", initial) {
					lat = "uo" // Го → Guo, Ло → Luo; Бо, Мо stay
				}
				syl = initial + lat
			}
			if palMarkerFinals[f.cyr] || (initial != "" && f.cyr == "э") {
				marker = true
			}
			after := rest[len(f.cyr):]
			// "нь"/"н" endings must end the word or be followed by a consonant (a new syllable).
			b.WriteString(syl)
			s = after
			matched = true
			syllables++
			break
		}
		if !matched {
			return "", false
		}
	}
	if syllables == 0 {
		return "", false
	}
	if !marker && syllables == 1 && len(w) <= 3 {
		marker = true // Си, Ли, Ван, Мао: lone syllables in a name
	}
	if !marker {
		return "", false
	}
	return b.String(), true
}

var arLatin = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j",
	'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s",
	'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l",
	'م': "m", 'ن': "n", 'ه': "h", 'ة': "a", 'و': "w", 'ي': "y", 'ى': "a", 'ء': "", 'ؤ': "w",
	'ئ': "y", 'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ی': "y", 'ڤ': "v",
	'٠': "0", '١': "1", '٢': "2", '٣': "3", '٤': "4", '٥': "5", '٦': "6", '٧': "7", '٨': "8", '٩': "9",
}

// arabicWord romanises one Arabic word: و and ي become vowels between consonants, short-vowel
// marks and tatweel are dropped.
func arabicWord(w []rune) string {
	var b strings.Builder
	for i, r := range w {
		if unicode.Is(unicode.Mn, r) || r == 'ـ' {
			continue
		}
		s, ok := arLatin[r]
		if !ok {
			continue
		}
		if (r == 'و' || r == 'ي') && i > 0 {
			if r == 'و' {
				s = "u"
			} else {
				s = "i"
			}
		}
		b.WriteString(s)
	}
	out := b.String()
	if out != "" {
		r := []rune(out)
		r[0] = unicode.ToUpper(r[0])
		out = string(r)
	}
	return out
}

var grLatin = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o", 'ά': "a", 'έ': "e",
	'ή': "i", 'ί': "i", 'ό': "o", 'ύ': "y", 'ώ': "o", 'ϊ': "i", 'ϋ': "y",
}

func greekLetter(r rune) string {
	l := unicode.ToLower(r)
	s, ok := grLatin[l]
	if !ok {
		return string(r)
	}
	if l != r && s != "" {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}
