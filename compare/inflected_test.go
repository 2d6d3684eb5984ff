package compare

import "testing"

// The genitive ending of a name comes from morph.tsv, per language.
func TestInflectedNameSuffixes(t *testing.T) {
	cases := []struct {
		word, variant, lang string
		want                bool
	}{
		{"blinken", "blinkens", "de", true},
		{"biden", "bidens", "en", true},
		{"blinken", "blinkens", "fr", false}, // French has no genitive s: a real difference
		{"blinken", "blinkenx", "de", false},
		{"blinken", "blinken", "de", false},
		{"lavrov", "lavrova", "ru", false},
	}
	for _, c := range cases {
		if got := inflected(c.word, c.variant, c.lang); got != c.want {
			t.Errorf("inflected(%q, %q, %q) = %v, want %v", c.word, c.variant, c.lang, got, c.want)
		}
	}
}
