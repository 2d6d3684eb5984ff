package compare

import "unicode/utf8"

// dnScan is one document's tokens with every lexicon phrase that starts at each token, computed
// once and shared by the date and number grammars.
type dnScan struct {
	text  string
	toks  []dtok
	lx    *dnLexicon
	first []int32 // matches of dtok i are ms[first[i]:first[i+1]]
	ms    []dnMatch
	taken []bool // tokens inside a date fact
}

// dnMatch is a lexicon phrase found in the text: tokens [i, end) carry item it.
type dnMatch struct {
	end int
	it  *dnItem // in the lexicon, which never changes after compilation
}

func newScan(text string, lx *dnLexicon) *dnScan {
	return newScanInto(nil, text, lx)
}

// newScanInto is newScan with its tokens, phrase matches and key memo in b's buffers (reused
// from article to article), or in new ones when b is nil.
func newScanInto(b *extractBuf, text string, lx *dnLexicon) *dnScan {
	var sc *dnScan
	if b == nil {
		sc = &dnScan{text: text, toks: scanTokensInto(nil, text, nil), lx: lx}
	} else {
		sc = &b.scan
		*sc = dnScan{text: text, toks: scanTokensInto(b.dtoks[:0], text, b.scanMemo()), lx: lx,
			first: b.scan.first[:0], ms: b.scan.ms[:0], taken: b.scan.taken[:0]}
		b.dtoks = sc.toks
	}
	n := len(sc.toks)
	sc.first = resized(sc.first, n+1)
	if cap(sc.ms) < n/2+8 {
		sc.ms = make([]dnMatch, 0, n/2+8)
	}
	sc.taken = resized(sc.taken, n)
	clear(sc.taken)
	for i := 0; i < n; i++ {
		sc.first[i] = int32(len(sc.ms))
		sc.collect(i)
	}
	sc.first[n] = int32(len(sc.ms))
	sc.markFurniture()
	return sc
}

// resized returns s with length n, in its own array when that is large enough.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// markFurniture marks everything after a line that is only an end-of-article marker ("Lire
// aussi", "Read more", "اقرأ أيضا"): related links and comment boxes are page furniture, and
// their dates and numbers are not the article's facts.
func (sc *dnScan) markFurniture() {
	for i := 0; i < len(sc.toks); i++ {
		if i > 0 && !sc.toks[i].newline {
			continue
		}
		e, _, ok := sc.find(i, itFurniture)
		if !ok {
			continue
		}
		// The marker must fill its line (a colon or an arrow may follow).
		for e < len(sc.toks) && !sc.toks[e].newline && sc.toks[e].kind == dtPunct {
			e++
		}
		if e < len(sc.toks) && !sc.toks[e].newline {
			continue
		}
		for k := i; k < len(sc.toks); k++ {
			sc.toks[k].url = true
		}
		return
	}
}

// collect walks the trie from token i and records every phrase that ends somewhere after it.
// A phrase never crosses a line break; Arabic clitics (و، ب، ل…) may precede its first word.
func (sc *dnScan) collect(i int) {
	t := sc.toks[i]
	node := sc.lx.root[t.key]
	if node == nil && t.kind == dtWord && len(sc.lx.clitics) > 0 {
		node = sc.stripClitics(t.key)
	}
	for j := i; node != nil; {
		for k := range node.items {
			it := &node.items[k]
			if it.flag&flagCase != 0 && !sc.toks[j].upper {
				continue
			}
			if it.kind == itScale && utf8.RuneCountInString(it.s) == 1 && !isIdeoString(it.s) {
				// One-letter scales count only as written and glued to the number: "30k".
				if sc.tokText(j) != it.s || sc.toks[j].space {
					continue
				}
			}
			sc.ms = append(sc.ms, dnMatch{end: j + 1, it: it})
		}
		j++
		if j >= len(sc.toks) || node.next == nil || sc.toks[j].newline {
			break
		}
		node = node.next[sc.toks[j].key]
	}
}

func isIdeoString(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isIdeoRune(r)
}

// stripClitics looks a word up again without up to two leading one-letter clitics.
func (sc *dnScan) stripClitics(key string) *dnTrie {
	for k := 0; k < 2; k++ {
		stripped := ""
		for _, c := range sc.lx.clitics {
			if len(key) > len(c)+2 && key[:len(c)] == c {
				key = key[len(c):]
				stripped = c
				break
			}
		}
		if stripped == "" {
			return nil
		}
		if n := sc.lx.root[key]; n != nil {
			return n
		}
		// "لل" is "ل" + "ال" with the alef dropped: only after the clitic ل ("وكلف" is not
		// "و" + "ك" + "الف").
		if n := sc.lx.root["ا"+key]; n != nil && stripped == "ل" && len(key) > 2 && key[:len("ل")] == "ل" {
			return n
		}
	}
	return nil
}

func (sc *dnScan) at(i int) []dnMatch {
	if i < 0 || i >= len(sc.toks) {
		return nil
	}
	return sc.ms[sc.first[i]:sc.first[i+1]]
}

// find returns the longest phrase of kind k starting at token i.
func (sc *dnScan) find(i int, k itemKind) (int, dnItem, bool) {
	best, bi := -1, dnItem{}
	for _, m := range sc.at(i) {
		if m.it.kind == k && m.end > best {
			best, bi = m.end, *m.it
		}
	}
	return best, bi, best >= 0
}

func (sc *dnScan) has(i int, k itemKind) bool {
	_, _, ok := sc.find(i, k)
	return ok
}

// endsBefore reports whether a phrase of kind k ends right before token i (a cue such as "en"
// or "في" before a month name).
func (sc *dnScan) endsBefore(i int, k itemKind) bool {
	for s := i - 1; s >= 0 && s >= i-4; s-- {
		for _, m := range sc.at(s) {
			if m.it.kind == k && m.end == i {
				return true
			}
		}
		if sc.toks[s].newline {
			break
		}
	}
	return false
}

func (sc *dnScan) tokText(i int) string {
	t := sc.toks[i]
	return sc.text[t.bstart:t.bend]
}

func (sc *dnScan) isNum(i int) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].kind == dtNum && !sc.toks[i].url
}

func (sc *dnScan) isPunct(i int, s string) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].kind == dtPunct && sc.toks[i].key == s
}

func (sc *dnScan) isWord(i int) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].kind == dtWord
}

// glued reports whether token i touches token i-1 (no whitespace between).
func (sc *dnScan) glued(i int) bool {
	return i > 0 && i < len(sc.toks) && !sc.toks[i].space
}

// numVal returns the integer value and digit count of a number token.
func (sc *dnScan) numVal(i int) (int, int) {
	k := sc.toks[i].key
	if len(k) > 9 {
		return -1, len(k)
	}
	v := 0
	for j := 0; j < len(k); j++ {
		v = v*10 + int(k[j]-'0')
	}
	return v, len(k)
}
