package textview

import (
	"sort"

	"golang.org/x/text/unicode/bidi"
)

// The implicit part of the Unicode Bidirectional Algorithm (UAX #9), for paragraphs without
// explicit embeddings, overrides or isolates — all the text the app shows, which comes from
// plain-text articles. Such a paragraph is one isolating run sequence at the paragraph level,
// so X1–X10 reduce to X9 (BN characters are skipped) and the levels follow from W1–W7, N0
// (bracket pairs, BD16), N1–N2, I1–I2 and L1. x/text's own resolver pairs brackets wrongly:
// "الصين (APT31) 2021" came out as ")APT31) 2021 الصين".

// maxBracketDepth is the BD16 stack size.
const maxBracketDepth = 63

// hasExplicit reports whether rs holds an explicit formatting character (LRE, RLE, LRO, RLO,
// PDF, LRI, RLI, FSI, PDI); resolveLevels does not handle those.
func hasExplicit(rs []rune) bool {
	for _, r := range rs {
		if r < 0x202A || r > 0x2069 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
	}
	return false
}

// strongDir maps a resolved class to the direction it counts as in N0–N2: L, or R for R, EN and
// AN; ok is false for a neutral.
func strongDir(c bidi.Class) (d bidi.Class, ok bool) {
	switch c {
	case bidi.L:
		return bidi.L, true
	case bidi.R, bidi.AL, bidi.EN, bidi.AN:
		return bidi.R, true
	}
	return 0, false
}

// canonicalBracket folds the two canonically equivalent angle brackets (U+2329/U+232A and
// U+3008/U+3009), as BD16 compares brackets under canonical equivalence.
func canonicalBracket(r rune) rune {
	switch r {
	case 0x2329:
		return 0x3008
	case 0x232A:
		return 0x3009
	}
	return r
}

// closingBrackets is the reverse of bracketPairs.
var closingBrackets = func() map[rune]bool {
	m := make(map[rune]bool, len(bracketPairs))
	for _, c := range bracketPairs {
		m[canonicalBracket(c)] = true
	}
	return m
}()

// resolveLevels returns the embedding level of every rune of one paragraph at base level base
// (0 or 1). The paragraph must hold no explicit formatting character (see hasExplicit).
func resolveLevels(rs []rune, base uint8) []uint8 {
	n := len(rs)
	orig := make([]bidi.Class, n)
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		orig[i] = p.Class()
	}
	// X9: boundary neutrals are left out of the run sequence.
	idx := make([]int, 0, n)
	for i, c := range orig {
		if c != bidi.BN {
			idx = append(idx, i)
		}
	}
	m := len(idx)
	t := make([]bidi.Class, m)
	for k, i := range idx {
		t[k] = orig[i]
	}
	e := bidi.L
	if base%2 == 1 {
		e = bidi.R
	}
	sos, eos := e, e

	// W1: a non-spacing mark takes the type of the character before it.
	prev := sos
	for k := range t {
		if t[k] == bidi.NSM {
			t[k] = prev
		}
		prev = t[k]
	}
	// W2: a European number after Arabic letters is an Arabic number. W3: AL is R.
	last := sos
	for k := range t {
		switch t[k] {
		case bidi.L, bidi.R, bidi.AL:
			last = t[k]
		case bidi.EN:
			if last == bidi.AL {
				t[k] = bidi.AN
			}
		}
	}
	for k := range t {
		if t[k] == bidi.AL {
			t[k] = bidi.R
		}
	}
	// W4: one separator between two numbers of the same kind joins them.
	for k := 1; k+1 < m; k++ {
		switch {
		case t[k] == bidi.ES && t[k-1] == bidi.EN && t[k+1] == bidi.EN:
			t[k] = bidi.EN
		case t[k] == bidi.CS && t[k-1] == bidi.EN && t[k+1] == bidi.EN:
			t[k] = bidi.EN
		case t[k] == bidi.CS && t[k-1] == bidi.AN && t[k+1] == bidi.AN:
			t[k] = bidi.AN
		}
	}
	// W5: terminators next to a European number ("$", "%") belong to it.
	for k := 0; k < m; {
		if t[k] != bidi.ET {
			k++
			continue
		}
		j := k
		for j < m && t[j] == bidi.ET {
			j++
		}
		if (k > 0 && t[k-1] == bidi.EN) || (j < m && t[j] == bidi.EN) {
			for x := k; x < j; x++ {
				t[x] = bidi.EN
			}
		}
		k = j
	}
	// W6: other separators and terminators are neutral.
	for k := range t {
		switch t[k] {
		case bidi.ES, bidi.ET, bidi.CS:
			t[k] = bidi.ON
		}
	}
	// W7: a European number in left-to-right context is L.
	last = sos
	for k := range t {
		switch t[k] {
		case bidi.L, bidi.R:
			last = t[k]
		case bidi.EN:
			if last == bidi.L {
				t[k] = bidi.L
			}
		}
	}

	resolveBrackets(rs, orig, idx, t, e, sos)

	// N1–N2: a run of neutrals between two strong characters of the same direction takes it;
	// otherwise the embedding direction.
	for k := 0; k < m; {
		if _, ok := strongDir(t[k]); ok {
			k++
			continue
		}
		j := k
		for j < m {
			if _, ok := strongDir(t[j]); ok {
				break
			}
			j++
		}
		before, after := sos, eos
		if k > 0 {
			before, _ = strongDir(t[k-1])
		}
		if j < m {
			after, _ = strongDir(t[j])
		}
		d := e
		if before == after {
			d = before
		}
		for x := k; x < j; x++ {
			t[x] = d
		}
		k = j
	}

	// I1–I2.
	levels := make([]uint8, n)
	for i := range levels {
		levels[i] = base
	}
	for k, i := range idx {
		lv := base
		switch {
		case base%2 == 0 && t[k] == bidi.R:
			lv++
		case base%2 == 0 && (t[k] == bidi.AN || t[k] == bidi.EN):
			lv += 2
		case base%2 == 1 && (t[k] == bidi.L || t[k] == bidi.EN || t[k] == bidi.AN):
			lv++
		}
		levels[i] = lv
	}
	// Boundary neutrals take the level of the character before them (X9 leaves them out; any
	// level does for a character that is not drawn).
	for i, c := range orig {
		if c == bidi.BN && i > 0 {
			levels[i] = levels[i-1]
		}
	}
	// L1: segment and paragraph separators, and the whitespace before them or at the end of
	// the paragraph, are at the paragraph level.
	trailing := true
	for i := n - 1; i >= 0; i-- {
		switch orig[i] {
		case bidi.S, bidi.B:
			levels[i] = base
			trailing = true
		case bidi.WS, bidi.BN:
			if trailing {
				levels[i] = base
			}
		default:
			trailing = false
		}
	}
	return levels
}

// resolveBrackets applies N0: it pairs brackets (BD16) and gives each pair the direction of
// the strong text inside it — the embedding direction e if any, otherwise the opposite one
// when the context before the opening bracket agrees. t holds the classes after W1–W7 of the
// runes at idx; orig the classes before them.
func resolveBrackets(rs []rune, orig []bidi.Class, idx []int, t []bidi.Class, e, sos bidi.Class) {
	type opener struct {
		close rune
		k     int
	}
	var stack []opener
	var pairs [][2]int
scan:
	for k, i := range idx {
		if t[k] != bidi.ON {
			continue
		}
		r := rs[i]
		if c, ok := bracketPairs[r]; ok {
			if len(stack) == maxBracketDepth {
				break scan
			}
			stack = append(stack, opener{canonicalBracket(c), k})
			continue
		}
		c := canonicalBracket(r)
		if !closingBrackets[c] {
			continue
		}
		for s := len(stack) - 1; s >= 0; s-- {
			if stack[s].close == c {
				pairs = append(pairs, [2]int{stack[s].k, k})
				stack = stack[:s]
				break
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })

	opposite := bidi.R
	if e == bidi.R {
		opposite = bidi.L
	}
	set := func(k int, d bidi.Class) {
		t[k] = d
		// Non-spacing marks after a bracket (W1 made them ON) follow it.
		for x := k + 1; x < len(idx) && orig[idx[x]] == bidi.NSM; x++ {
			t[x] = d
		}
	}
	for _, p := range pairs {
		o, c := p[0], p[1]
		var sawE, sawOpp bool
		for k := o + 1; k < c; k++ {
			if d, ok := strongDir(t[k]); ok {
				if d == e {
					sawE = true
					break
				}
				sawOpp = true
			}
		}
		var d bidi.Class
		switch {
		case sawE:
			d = e
		case sawOpp:
			ctx := sos
			for k := o - 1; k >= 0; k-- {
				if s, ok := strongDir(t[k]); ok {
					ctx = s
					break
				}
			}
			d = e
			if ctx == opposite {
				d = opposite
			}
		default:
			continue
		}
		set(o, d)
		set(c, d)
	}
}
