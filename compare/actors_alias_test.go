package compare

import "testing"

// Aliases the analyst taught for names outside the gazetteer must not break the frames that
// recognise embassies and ministries (found by the interchange property test: it panicked with
// index -1 when an alias match stood where a frame expected a gazetteer actor).
func TestExtractFactsWithAliasesOutsideGazetteer(t *testing.T) {
	text := "外交部 7月20日 l'OTAN 🇫🇷 تموز 🧑🏿\u200d💻 مايكروسوفت, » de ٢٠ dément"
	opts := Options{Aliases: []Alias{
		{Surface: "20/7", ActorID: "local:1"},
		{Surface: "🇫🇷 外交部", ActorID: "local:2"},
		{Surface: "外交部", ActorID: "local:3"},
	}}
	for _, lang := range []string{"", "zh", "fr", "ar"} {
		facts := ExtractFacts(Document{ID: "x", Lang: lang, Text: text}, opts)
		n := len([]rune(text))
		for _, f := range facts {
			if f.Start < 0 || f.End > n || f.Start >= f.End {
				t.Fatalf("lang %q: fact %+v outside the text", lang, f)
			}
		}
	}
}
