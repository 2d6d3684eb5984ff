package textview

import "testing"

// Cases for the bidi levels; they also seed FuzzLayout.
var bidiCases = []struct {
	text   string
	rtl    bool
	levels map[int]uint8 // rune offset → level
}{
	{"قال بايدن في 20 تموز 2021 إن Microsoft تعرضت للهجوم.", true, map[int]uint8{0: 1, 13: 2, 16: 1, 21: 2, 29: 2, 39: 1}},
	{"20 تموز 2021 14:49", true, map[int]uint8{0: 2, 3: 1, 8: 2, 13: 2}},
	{"abc عربي 20 عربي def", false, map[int]uint8{0: 0, 4: 1, 9: 2, 12: 1, 17: 0}},
	{"Microsoft 2021", false, map[int]uint8{0: 0, 10: 0}},
	{"«الصين» تنفي", true, map[int]uint8{1: 1}},
	{"", false, nil},
}

func TestBidiLevels(t *testing.T) {
	for _, c := range bidiCases {
		info := bidiLevels([]rune(c.text))
		if (info.base == 1) != c.rtl {
			t.Errorf("%q: rtl = %v", c.text, info.base == 1)
		}
		for o, want := range c.levels {
			if got := info.at(o); got != want {
				t.Errorf("%q: level at %d (%q) = %d, want %d", c.text, o, []rune(c.text)[o], got, want)
			}
		}
	}
}

// FuzzLayout checks invariants on any text: every grapheme is placed once per line inside the
// line, offsets are increasing, hit-testing returns grapheme boundaries within the text.
func FuzzLayout(f *testing.F) {
	for _, c := range bidiCases {
		f.Add(c.text, float32(120))
	}
	f.Add("Nguye\u0302\u0303n\tPhương\n\n中国 👨\u200d👩\u200d👧 \xff", float32(40))
	f.Fuzz(func(t *testing.T, text string, width float32) {
		if width < 1 || width > 5000 {
			return
		}
		l := newLayout(text, defaultFontSet(), 14, 4)
		l.wrap(width)
		n := len(l.runes)
		prev := -1
		for _, ln := range l.lines {
			for k := ln.gStart; k < ln.gEnd; k++ {
				g := l.glyphs[k]
				if int(g.start) <= prev || int(g.start) >= n {
					t.Fatalf("grapheme start %d after %d (n=%d)", g.start, prev, n)
				}
				prev = int(g.start)
				if g.xr < g.xl {
					t.Fatalf("grapheme %d has negative width", g.start)
				}
			}
			for _, x := range []float32{-5, 0, width / 2, width + 5} {
				o := l.offsetAt(x, ln.top+1)
				if o < ln.start || o > ln.end || l.snap(o) != o {
					t.Fatalf("offsetAt(%v) = %d outside line [%d,%d] or inside a grapheme", x, o, ln.start, ln.end)
				}
			}
		}
	})
}
