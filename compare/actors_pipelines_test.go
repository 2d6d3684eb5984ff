package compare

import "testing"

// TestNordStreamNames: the Chinese names of the Nord Stream pipelines, with the
// pipeline's number written the ways the press writes it, are those pipelines; the number is
// part of the name, not a fact.
func TestNordStreamNames(t *testing.T) {
	cases := []struct {
		lang, text string
		want       map[string]string
	}{
		{"zh", "丹麦在“北溪”管道附近设立禁航区。“北溪-1”和“北溪-2”各有两处泄漏,北溪二号去年建成。",
			map[string]string{"北溪": "Nord Stream", "北溪-1": "Nord Stream 1", "北溪-2": "Nord Stream 2", "北溪二号": "Nord Stream 2"}},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
		for surface, want := range c.want {
			found := false
			for _, f := range facts {
				if f.Kind == KindActor && f.Text == surface {
					found = true
					if f.Label != want {
						t.Errorf("%s: %q is %q, want %q", c.lang, surface, f.Label, want)
					}
				}
				if f.Kind == KindNumber && (f.Text == "1" || f.Text == "2") {
					t.Errorf("%s: the pipeline's number %q is a number fact", c.lang, f.Text)
				}
			}
			if !found {
				t.Errorf("%s %q: no actor %q", c.lang, c.text, surface)
			}
		}
	}
}
