package compare

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/assets"
)

// The English press spells a Cyrillic name by the letters, as Transliterate does, except for a
// few word endings it writes its own way (Дмитрий is Dmitry, not Dmitriy; Крымский is
// Krymsky). pressLabel gives an unknown Cyrillic name that
// English spelling (cyrillic-press.tsv), so that a name only the Russian version writes
// carries the label an English version would have given it. Matching keys are untouched.

type cyrillicPress struct {
	endings []struct{ cyr, en string } // longest first
}

var (
	cyrPressOnce sync.Once
	cyrPress     *cyrillicPress
	cyrPressErr  error
)

func loadCyrillicPress() *cyrillicPress {
	cyrPressOnce.Do(func() { cyrPress, cyrPressErr = compileCyrillicPress(assets.Gazetteer) })
	if cyrPressErr != nil {
		panic("compare: embedded cyrillic-press.tsv is broken: " + cyrPressErr.Error())
	}
	return cyrPress
}

func compileCyrillicPress(fsys fs.FS) (*cyrillicPress, error) {
	p := &cyrillicPress{}
	err := readTSV(fsys, "cyrillic-press.tsv", func(f []string) error {
		if len(f) != 3 || f[0] != "ending" || f[1] == "" {
			return fmt.Errorf("want \"ending\", a Cyrillic ending and its English spelling")
		}
		for _, r := range f[1] {
			if !isCyrillic(r) || unicode.IsUpper(r) {
				return fmt.Errorf("%q is not lower-case Cyrillic", f[1])
			}
		}
		p.endings = append(p.endings, struct{ cyr, en string }{f[1], f[2]})
		return nil
	})
	sort.SliceStable(p.endings, func(i, j int) bool {
		return utf8.RuneCountInString(p.endings[i].cyr) > utf8.RuneCountInString(p.endings[j].cyr)
	})
	return p, err
}

// pressLabel transliterates a Cyrillic name as the English press spells it; other scripts'
// letters are transliterated as Transliterate does.
func pressLabel(surface string) string {
	p := loadCyrillicPress()
	var b strings.Builder
	rs := []rune(surface)
	for i := 0; i < len(rs); {
		if !isCyrillic(rs[i]) {
			j := i
			for j < len(rs) && !isCyrillic(rs[j]) {
				j++
			}
			b.WriteString(Transliterate(string(rs[i:j]), ""))
			i = j
			continue
		}
		j := i
		for j < len(rs) && (isCyrillic(rs[j]) || rs[j] == '\u0301') {
			j++
		}
		b.WriteString(p.word(rs[i:j]))
		i = j
	}
	return b.String()
}

// word spells one Cyrillic word: its ending as the table spells it after the stem's
// transliteration; a word that reads as Chinese syllables (Palladius) is left to
// Transliterate.
func (p *cyrillicPress) word(w []rune) string {
	plain := Transliterate(string(w), "")
	lower := []rune(strings.ToLower(strings.ReplaceAll(string(w), "\u0301", "")))
	if _, chinese := palladius(lower); chinese || len(lower) < 3 {
		return plain
	}
	caps := unicode.IsUpper(w[0])
	out := ""
	for _, e := range p.endings {
		stem, ok := strings.CutSuffix(string(lower), e.cyr)
		if !ok || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		out = Transliterate(stem, "") + e.en
		break
	}
	if out == "" {
		return plain
	}
	out = strings.ToLower(out)
	if caps {
		r := []rune(out)
		r[0] = unicode.ToUpper(r[0])
		out = string(r)
	}
	return out
}
