package compare

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Diplomatic missions are named by two actors, the sending and the host country: "السفارة
// الصينية في نيزيلاندا", "ambassade de Chine à Canberra", "Đại sứ quán Trung Quốc tại Mỹ".
// Listing every pair would take millions of names, so frames.tsv describes the word order per
// language and applyFrames composes the id ("Embassy of China in Australia") from the mentions
// the gazetteer already found.

type frameElem struct {
	slot     string     // "S", "SA", "H" or "" for words
	alts     [][]string // fold keys of each alternative word sequence
	optional bool
}

type frame struct {
	kind  string // embassy, mission or permanent-mission
	elems []frameElem
}

// frameIndex finds the frames that can start at a token without trying them all: by the fold
// key of their first word, and the frames that start with a slot (tried where a match starts).
type frameIndex struct {
	byFirst   map[string][]int
	slotFirst []int
	frames    []frame
}

func (g *gazetteer) frameIndexFor(lang string) *frameIndex {
	if ix, ok := g.frameIx[lang]; ok {
		return ix
	}
	return g.frameIx[""]
}

func buildFrameIndex(frames []frame) *frameIndex {
	ix := &frameIndex{byFirst: map[string][]int{}, frames: frames}
	for k, fr := range frames {
		el := fr.elems[0]
		if el.slot != "" || el.optional {
			ix.slotFirst = append(ix.slotFirst, k)
			continue
		}
		for _, alt := range el.alts {
			if !containsInt(ix.byFirst[alt[0]], k) {
				ix.byFirst[alt[0]] = append(ix.byFirst[alt[0]], k)
			}
		}
	}
	return ix
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

func (g *gazetteer) loadFrames(fsys fs.FS) error {
	return readTSV(fsys, "frames.tsv", func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want lang, kind, pattern")
		}
		if f[1] != "embassy" && f[1] != "mission" && f[1] != "permanent-mission" {
			return fmt.Errorf("kind %q is neither embassy, mission nor permanent-mission", f[1])
		}
		fr := frame{kind: f[1]}
		for _, piece := range strings.Fields(f[2]) {
			el := frameElem{}
			if strings.HasSuffix(piece, "?") {
				el.optional = true
				piece = strings.TrimSuffix(piece, "?")
			}
			switch piece {
			case "{S}", "{SA}", "{H}":
				el.slot = strings.Trim(piece, "{}")
			default:
				for _, alt := range expandAlt(piece) {
					var keys []string
					for _, t := range tokenize(strings.ReplaceAll(alt, "_", " "), g.morph) {
						keys = append(keys, t.fold)
					}
					if len(keys) > 0 {
						el.alts = append(el.alts, keys)
					}
				}
				if len(el.alts) == 0 {
					return fmt.Errorf("pattern %q: %q has no words", f[2], piece)
				}
			}
			fr.elems = append(fr.elems, el)
		}
		g.frames[f[0]] = append(g.frames[f[0]], fr)
		return nil
	})
}

// applyFrames replaces "mission noun + sender + preposition + host" by one mission actor.
func (g *gazetteer) applyFrames(toks []token, ms []match, lang string) []match {
	ix := g.frameIndexFor(lang)
	if ix == nil || len(ix.frames) == 0 {
		return ms
	}
	// at maps a token index to the match starting there (-1: none). A slice, not a map: it is
	// read at every token.
	at := make([]int32, len(toks)+1)
	for k := range at {
		at[k] = -1
	}
	for k, m := range ms {
		at[m.i] = int32(k)
	}
	// The country the article names most often, for missions that leave the sender out.
	counts := map[int32]int{}
	for _, m := range ms {
		if !m.adj && m.typ == ActorCountry {
			counts[m.actor]++
		}
	}
	var out []match
	consumed := map[int]bool{}
	var cand []int
	for i := 0; i < len(toks); i++ {
		cand = cand[:0]
		if at[i] >= 0 {
			cand = append(cand, ix.slotFirst...)
		}
		cand = append(cand, ix.byFirst[toks[i].fold]...)
		if toks[i].sc == scArabic {
			var fvBuf [8]firstVariant
			for _, v := range g.firstVariants(toks[i], fvBuf[:0])[1:] {
				cand = append(cand, ix.byFirst[v.fold]...)
			}
		}
		for _, fk := range cand {
			fr := ix.frames[fk]
			res, ok := g.tryFrame(fr, toks, ms, at, i, counts)
			if !ok {
				continue
			}
			// ms is in token order: only the matches from res.i on can lie inside it.
			for k := sort.Search(len(ms), func(k int) bool { return ms[k].i >= res.i }); k < len(ms) && ms[k].i < res.j; k++ {
				if ms[k].j <= res.j {
					consumed[k] = true
				}
			}
			out = append(out, res)
			i = res.j - 1
			break
		}
	}
	if len(out) == 0 {
		return ms
	}
	all := make([]match, 0, len(out)+len(ms)-len(consumed))
	all = append(all, out...)
	for k, m := range ms {
		if !consumed[k] {
			all = append(all, m)
		}
	}
	return all
}

func (g *gazetteer) tryFrame(fr frame, toks []token, ms []match, at []int32, i int, counts map[int32]int) (match, bool) {
	pos := i
	sender, host := int32(-1), int32(-1)
	start := -1
	for ei, el := range fr.elems {
		if pos >= len(toks) {
			if el.optional {
				continue
			}
			return match{}, false
		}
		if pos > i && toks[pos].lineStart {
			return match{}, false
		}
		switch el.slot {
		case "":
			n, skip := g.matchWords(el.alts, toks, pos, ei == 0)
			if n == 0 {
				if el.optional {
					continue
				}
				return match{}, false
			}
			if at[pos] >= 0 && ei > 0 {
				return match{}, false
			}
			if start < 0 {
				start = toks[pos].start + skip
			}
			pos += n
		case "S", "SA", "H":
			// An analyst's alias for a name outside the gazetteer (actor -1) has no entry
			// whose type could fill a frame slot.
			k := at[pos]
			ok := k >= 0 && ms[k].actor >= 0
			var a int32 = -1
			end := pos
			if ok {
				m := ms[k]
				info := g.actors[m.actor]
				switch {
				case el.slot == "S" && !m.adj && info.typ == ActorCountry:
					a = m.actor
				case el.slot == "SA" && m.adj:
					a = m.actor
				case el.slot == "H" && !m.adj && (info.typ == ActorCountry || info.typ == ActorOrg && (info.id == "European Union" || info.id == "United Nations" || info.id == "NATO" || info.id == "African Union" || info.id == "ASEAN")):
					a = m.actor
				case el.slot == "H" && !m.adj && info.typ == ActorPlace && info.country != "":
					a = g.byID[info.country]
				}
				end = m.j
			} else if el.slot == "H" && toks[pos].sc == scArabic {
				// A misspelt Arabic country name (نيزيلاندا): compare consonant skeletons.
				if c, found := g.arSkeleton[arabicSkeleton(toks[pos].key)]; found {
					a = c
					end = pos + 1
				}
			}
			if a < 0 {
				if el.optional {
					continue
				}
				return match{}, false
			}
			if start < 0 {
				start = toks[pos].start
			}
			if el.slot == "H" {
				host = a
			} else {
				sender = a
			}
			pos = end
		}
	}
	if host < 0 || start < 0 {
		return match{}, false
	}
	conf := confExact
	if sender < 0 {
		best := 0
		for c, n := range counts {
			if c != host && (n > best || n == best && sender >= 0 && g.actors[c].id < g.actors[sender].id) {
				best, sender = n, c
			}
		}
		if sender < 0 {
			return match{}, false
		}
		conf = confImplicit
	}
	if sender == host {
		return match{}, false
	}
	hostInfo := g.actors[host]
	kind := fr.kind
	switch {
	case kind == "embassy" && hostInfo.typ != ActorCountry:
		kind = "mission"
	case kind == "permanent-mission" && hostInfo.typ == ActorCountry:
		kind = "mission" // a permanent mission is to an organisation
	}
	id := ""
	switch kind {
	case "permanent-mission":
		id = "Permanent Mission of " + g.actors[sender].id + " to " + g.withThe(host)
	case "mission":
		id = "Mission of " + g.actors[sender].id + " to " + g.withThe(host)
	default:
		id = "Embassy of " + g.actors[sender].id + " in " + g.withThe(host)
	}
	return match{i: i, j: pos, start: start, end: toks[pos-1].end, actor: -1, id: id, label: id, typ: ActorOrg, conf: conf}, true
}

func (g *gazetteer) withThe(a int32) string {
	if g.actors[a].the {
		return "the " + g.actors[a].id
	}
	return g.actors[a].id
}

// matchWords matches one of the word sequences at toks[pos:]; returns tokens used and, for the
// first element, the runes of Arabic proclitics to leave out of the span (للسفارة).
func (g *gazetteer) matchWords(alts [][]string, toks []token, pos int, first bool) (int, int) {
	for _, alt := range alts {
		if pos+len(alt) > len(toks) {
			continue
		}
		var fvBuf [8]firstVariant
		variants := append(fvBuf[:0], firstVariant{fold: toks[pos].fold})
		if first {
			variants = g.firstVariants(toks[pos], fvBuf[:0])
		}
		for _, v := range variants {
			if v.fold != alt[0] {
				continue
			}
			ok := true
			for k := 1; k < len(alt); k++ {
				if toks[pos+k].fold != alt[k] || toks[pos+k].lineStart {
					ok = false
					break
				}
			}
			if ok {
				return len(alt), v.skip
			}
		}
	}
	return 0, 0
}
