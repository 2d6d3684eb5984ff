package compare

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
)

// Every lower-case word of Debian's word lists (wfrench, wspanish, wamerican), where they are
// installed, passes the glue check: whole-words.tsv lists those that look like an article
// plus a known word. A failure names the words to add there.
func TestGlueCheckPassesDictionaryWords(t *testing.T) {
	lists := map[string]string{"fr": "/usr/share/dict/french", "es": "/usr/share/dict/spanish", "en": "/usr/share/dict/american-english"}
	r := loadWordRules()
	ran := false
	for lang, p := range lists {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		ran = true
		var flagged []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := sc.Text()
			if strings.ContainsAny(w, "'-") || len([]rune(w)) < 5 || unicode.IsUpper([]rune(w)[0]) {
				continue
			}
			if r.glued(lang, strings.ToLower(w), nil) {
				flagged = append(flagged, w)
			}
		}
		f.Close()
		if len(flagged) > 0 {
			t.Errorf("%s: real words taken for glued ones; add to whole-words.tsv:\n%s\t%s", lang, lang, strings.Join(flagged, " "))
		}
	}
	if !ran {
		t.Skip("no Debian word list installed (apt-get install wfrench wspanish wamerican)")
	}
}
