package textview

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/bidi"
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

// FuzzResolveLevels checks what holds for any paragraph: one level a rune, within two of the
// paragraph level, strong right-to-left letters at odd levels and strong left-to-right ones at
// even levels, and Visual keeping every character (mirrored or not).
func FuzzResolveLevels(f *testing.F) {
	for _, s := range []string{"الصين (APT31) 2021", "a (b [c) d] ه", "عربي ⦃abc⦄ ⸨نص⸩ 12", "٢٠ تموز (APT31)\u064b", "x\u200b(ع)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(strings.ReplaceAll(s, "\n", " "))
		if hasExplicit(rs) {
			return
		}
		base := firstStrong(rs)
		levels := resolveLevels(rs, base)
		if len(levels) != len(rs) {
			t.Fatalf("%q: %d levels for %d runes", s, len(levels), len(rs))
		}
		for i, r := range rs {
			lv := levels[i]
			if lv < base || lv > base+2 {
				t.Fatalf("%q: level %d at %d outside [%d, %d]", s, lv, i, base, base+2)
			}
			if strong, ok := strongOf(r); ok && (lv%2 == 1) != (strong == 1) {
				t.Fatalf("%q: strong %q at level %d", s, r, lv)
			}
		}
		got := strings.ReplaceAll(Visual(string(rs)), string(lrm), "")
		if len([]rune(got)) != len(rs)-strings.Count(string(rs), string(lrm)) {
			t.Fatalf("Visual(%q) = %q: characters lost or added", s, got)
		}
	})
}

// strongOf returns 1 for a strong right-to-left character, 0 for a strong left-to-right one.
func strongOf(r rune) (uint8, bool) {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL:
		return 1, true
	case bidi.L:
		return 0, true
	}
	return 0, false
}
