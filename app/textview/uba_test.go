package textview

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
)

// fribidiCase is one line of testdata/bidi_cases.tsv: mixed Arabic, Latin, digits and brackets
// of every kind (nested, crossed, unbalanced), with the levels and the visual order GNU FriBidi
// gives (testdata/gen_bidi_cases.py regenerates the file from testdata/bidi_inputs.txt).
type fribidiCase struct{ in, levels, visual string }

func loadFribidiCases(t *testing.T) []fribidiCase {
	t.Helper()
	f, err := os.Open("testdata/bidi_cases.tsv")
	if err != nil {
		t.Fatalf("open the bidi cases: %v (regenerate with testdata/gen_bidi_cases.py)", err)
	}
	defer f.Close()
	var cases []fribidiCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 || len([]rune(parts[0])) != len(parts[1]) {
			t.Fatalf("bad line in testdata/bidi_cases.tsv: %q; regenerate it with testdata/gen_bidi_cases.py", sc.Text())
		}
		cases = append(cases, fribidiCase{parts[0], parts[1], parts[2]})
	}
	if len(cases) < 40 {
		t.Fatalf("only %d bidi cases in testdata/bidi_cases.tsv", len(cases))
	}
	return cases
}

func TestBidiLevels_FriBidi(t *testing.T) {
	for _, c := range loadFribidiCases(t) {
		info := bidiLevels([]rune(c.in))
		var got strings.Builder
		for i := range []rune(c.in) {
			got.WriteByte('0' + info.at(i))
		}
		if got.String() != c.levels {
			t.Errorf("levels of %q\n got %s\nwant %s", c.in, got.String(), c.levels)
		}
	}
}

// drawn returns what Fyne shows for a string from Visual, left to right: each piece between
// left-to-right marks is drawn on its own, and a piece of right-to-left letters is drawn from
// the right by Fyne's shaper.
func drawn(s string) string {
	var b strings.Builder
	for _, piece := range strings.Split(s, string(lrm)) {
		rs := []rune(piece)
		if strings.ContainsFunc(piece, func(r rune) bool { return unicode.In(r, unicode.Arabic, unicode.Hebrew) && !unicode.IsDigit(r) }) {
			for a, z := 0, len(rs)-1; a < z; a, z = a+1, z-1 {
				rs[a], rs[z] = rs[z], rs[a]
			}
		}
		b.WriteString(string(rs))
	}
	return b.String()
}

func TestVisual_FriBidi(t *testing.T) {
	for _, c := range loadFribidiCases(t) {
		if got := drawn(Visual(c.in)); got != c.visual {
			t.Errorf("Visual(%q) draws\n %q\nwant %q", c.in, got, c.visual)
		}
	}
}
