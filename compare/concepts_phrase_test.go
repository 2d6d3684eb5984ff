package compare

import (
	"strings"
	"testing"
)

// TestEndsWithPhraseBuffer: the stack-buffer key of endsWithPhrase finds what the string
// keys do, with empty folds, several scripts, and words too long for the buffer.
func TestEndsWithPhraseBuffer(t *testing.T) {
	long := strings.Repeat("x", 100)
	words := []string{"rose", "to", "возросло", "до", "", "بلغ", "和", long, long + "y"}
	phrases := map[string]bool{"rose to": true, "возросло до": true, " бلغ": true, "to  بلغ": true,
		"和": true, long + " " + long + "y": true, "до": true, " to": true}
	for a := range words {
		for b := range words {
			for c := range words {
				toks := []token{{fold: words[a]}, {fold: words[b]}, {fold: words[c]}}
				for end := 0; end <= len(toks); end++ {
					for maxWords := 0; maxWords <= 3; maxWords++ {
						got := endsWithPhrase(toks, end, phrases, maxWords)
						want := endsWithPhraseStrings(toks, end, phrases, maxWords)
						if got != want {
							t.Fatalf("%q end %d max %d: %v, string keys say %v", []string{words[a], words[b], words[c]}, end, maxWords, got, want)
						}
					}
				}
			}
		}
	}
}
