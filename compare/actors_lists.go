package compare

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
)

// A plural head word written once before a list of places heads every place of the list:
// "محافظات حلب واللاذقية وحماة" are three governorates, not three cities; "les provinces de
// Hatay, d'Adana et de Gaziantep" three provinces. list-heads.tsv gives, per language, the
// plural (or dual) head, the singular head pattern of heads.tsv it stands for, and the words
// that join the items; listHeadsBefore gives each place of such a list the named place the
// singular head makes with it (محافظة حلب, Aleppo Governorate), each keeping its own span.
// (A head written after a Chinese list, 阿勒颇和哈马等省, is listHeads.)

// pluralHead is one row of list-heads.tsv.
type pluralHead struct {
	words    [][]rune // the plural head's spellings
	singular string   // the heads.tsv pattern it stands for, "محافظة {}"
	rule     int      // that pattern's heads.tsv row
}

// listHeadData is list-heads.tsv for one language.
type listHeadData struct {
	heads []pluralHead
	// joiners part the items, compared with the spaces between them removed: "،", "و"
	// (the Arabic clitic "and" glued to the next item), ",", "et".
	joiners map[string]bool
	// linkers open an item after the head or a joiner ("de", "d'" of "provinces de Hatay,
	// d'Adana et de Gaziantep"), same comparison.
	linkers map[string]bool
}

// loadListHeads reads list-heads.tsv into g.listHeadData; it needs the heads loaded.
func (g *gazetteer) loadListHeads(fsys fs.FS) error {
	g.listHeadData = map[string]*listHeadData{}
	data := func(lang string) *listHeadData {
		if g.listHeadData[lang] == nil {
			g.listHeadData[lang] = &listHeadData{joiners: map[string]bool{}, linkers: map[string]bool{}}
		}
		return g.listHeadData[lang]
	}
	return readTSV(fsys, "list-heads.tsv", func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want kind, lang and values")
		}
		d := data(f[1])
		switch f[0] {
		case "joiner", "linker":
			set := d.joiners
			if f[0] == "linker" {
				set = d.linkers
			}
			for _, v := range strings.Split(f[2], "|") {
				set[withoutSpaces(v)] = true
			}
		case "head":
			plural, singular, ok := strings.Cut(f[2], "=")
			if !ok {
				return fmt.Errorf("want plural=singular pattern, got %q", f[2])
			}
			rule := g.headRuleOf(f[1], singular)
			if rule < 0 {
				return fmt.Errorf("%q is no heads.tsv pattern of %s", singular, f[1])
			}
			h := pluralHead{singular: singular, rule: rule}
			for _, w := range strings.Split(plural, "|") {
				h.words = append(h.words, []rune(w))
			}
			d.heads = append(d.heads, h)
		default:
			return fmt.Errorf("kind %q is neither head, joiner nor linker", f[0])
		}
		return nil
	})
}

// headRuleOf is the heads.tsv row holding the language's pattern, or -1.
func (g *gazetteer) headRuleOf(lang, pattern string) int {
	before, after, ok := strings.Cut(pattern, "{}")
	if !ok {
		return -1
	}
	b, a := g.headWords(before), g.headWords(after)
	for _, p := range g.headPats[lang] {
		if slices.Equal(p.before, b) && slices.Equal(p.after, a) && g.heads[p.rule].english != nil {
			return p.rule
		}
	}
	return -1
}

func withoutSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// listHeadsBefore gives the places of a list after a plural head (see the top of this file)
// the place the singular head makes with each: the gazetteer's name for the phrase (محافظة
// طرطوس is Tartus Governorate) or, without one, the title the heads.tsv row composes. A head
// must be followed by two places at least (one place after a plural is some other phrase).
// facts are in text order.
func (g *gazetteer) listHeadsBefore(facts []Fact, rs []rune, lang string) {
	d := g.listHeadData[lang]
	if d == nil || len(d.heads) == 0 {
		return
	}
	var places []int
	for k := range facts {
		if facts[k].Kind == KindActor && facts[k].Type == ActorPlace {
			places = append(places, k)
		}
	}
	if len(places) < 2 {
		return
	}
	// gapOK: the text between two positions is a joiner, a linker or both (", et de").
	gapOK := func(a, b int, first bool) bool {
		if a > b {
			return false
		}
		gap := withoutSpaces(string(rs[a:b]))
		if first {
			return gap == "" || d.linkers[gap]
		}
		if d.joiners[gap] {
			return true
		}
		for j := range d.joiners {
			if rest, ok := strings.CutPrefix(gap, j); ok && d.linkers[rest] {
				return true
			}
		}
		return d.linkers[gap]
	}
	for _, h := range d.heads {
		for _, w := range h.words {
			for p := 0; p+len(w) <= len(rs); p++ {
				if !strings.EqualFold(string(rs[p:p+len(w)]), string(w)) || !wordStartsAt(rs, p, lang) {
					continue
				}
				e := p + len(w)
				// The places of the list, each after the head or the one before. The first
				// may hold the end of the head already (các tỉnh Hatay: tỉnh Hatay).
				var items []int
				for _, k := range places {
					f := facts[k]
					if len(items) == 0 && f.Start > p && f.Start < e && f.End > e {
						items = append(items, k)
						e = f.End
						continue
					}
					if f.Start < e {
						continue
					}
					if !gapOK(e, f.Start, len(items) == 0) {
						break
					}
					items = append(items, k)
					e = f.End
				}
				if len(items) < 2 {
					continue
				}
				for _, k := range items {
					g.headPlace(&facts[k], h, lang)
				}
			}
		}
	}
}

// wordStartsAt: position p opens a word, or follows only the one-letter proclitics of
// Arabic (بمحافظات, ومحافظات) that open one.
func wordStartsAt(rs []rune, p int, lang string) bool {
	q := p
	if lang == "ar" {
		for q > 0 && p-q < 2 && strings.ContainsRune("وفبلك", rs[q-1]) {
			q--
		}
	}
	return q == 0 || !unicode.IsLetter(rs[q-1])
}

// headPlace makes the place fact f the named place the singular head composes with it.
func (g *gazetteer) headPlace(f *Fact, h pluralHead, lang string) {
	// The gazetteer's own name for the singular phrase, written with the item's words.
	phrase := strings.Replace(h.singular, "{}", f.Text, 1)
	toks := tokenize(phrase, g.morph)
	if m, ok := g.longest(toks, 0, lang); ok && m.j == len(toks) && m.actor >= 0 && g.actors[m.actor].typ == ActorPlace {
		info := g.actors[m.actor]
		f.Value, f.Label, f.Type = info.id, info.label, info.typ
		return
	}
	m := match{actor: -1, id: fmt.Sprint(f.Value), label: f.Label, typ: f.Type, conf: f.Confidence}
	if a, ok := g.byID[m.id]; ok {
		m.actor = a
	}
	w := g.headMatchLabel(m, g.heads[h.rule])
	f.Value, f.Label, f.Type = w.id, w.label, w.typ
}
