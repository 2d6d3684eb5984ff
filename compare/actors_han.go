package compare

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// Chinese writes a foreign person's name in transcription characters with a middle dot between
// given and family name (乌萨马·拉比耶, 穆斯塔法·切利克); later mentions use the family name
// alone (拉比耶). Without capitals, those characters and the dot are the cue; han-sounds.tsv
// says which characters transcribe and how they sound, which also links the name to the Latin
// spelling of another version (see storyNameSound).

// nameDots join the parts of a transcribed name.
const nameDots = "·・‧•"

// loadHanSounds reads han-sounds.tsv into g.hanSound; the traditional form of a transcription
// character (han-variants.tsv) sounds the same (爾 as 尔).
func (g *gazetteer) loadHanSounds(fsys fs.FS) error {
	g.hanSound = map[rune]string{}
	err := readTSV(fsys, "han-sounds.tsv", func(f []string) error {
		if len(f) != 2 || utf8.RuneCountInString(f[0]) != 1 || f[1] == "" {
			return fmt.Errorf("want one character and its sound")
		}
		r, _ := utf8.DecodeRuneInString(f[0])
		g.hanSound[r] = f[1]
		return nil
	})
	for t, s := range g.morph.simplified {
		if v := g.hanSound[s]; v != "" && g.hanSound[t] == "" {
			g.hanSound[t] = v
		}
	}
	return err
}

// hanNames finds dotted transcribed names in Chinese text and the family names that stand for
// them later in the same text. used marks the tokens other matches hold (Han tokens are one
// character each); it is updated.
func (g *gazetteer) hanNames(toks []token, rs []rune, used []bool) []match {
	if len(g.hanSound) == 0 {
		return nil
	}
	// tokAt maps a rune offset to its Han token.
	var tokAt map[int]int
	var out []match
	family := map[string]match{}
	for p := 1; p < len(rs)-1; p++ {
		if !strings.ContainsRune(nameDots, rs[p]) || g.hanSound[rs[p-1]] == "" {
			continue
		}
		if tokAt == nil {
			tokAt = hanTokens(toks)
		}
		s := p - 1
		for s > 0 && p-s < 5 && g.hanSound[rs[s-1]] != "" {
			if k, ok := tokAt[s-1]; !ok || used[k] {
				break // a known name before it (瑞典, 俄罗斯) ends the run
			}
			s--
		}
		e, last := p, p
		for e < len(rs) && strings.ContainsRune(nameDots, rs[e]) {
			k := e + 1
			for k < len(rs) && k-e <= 6 && g.hanSound[rs[k]] != "" {
				k++
			}
			if k-e-1 < 1 {
				break
			}
			last, e = e, k
		}
		if e-last-1 < 2 && e-s < 4 {
			continue // 乔·拜 is no name
		}
		i, ok1 := tokAt[s]
		j, ok2 := tokAt[e-1]
		if !ok1 || !ok2 {
			continue
		}
		j++
		if !claimTokens(used, i, j) {
			p = e
			continue
		}
		surface := string(rs[s:e])
		m := match{i: i, j: j, start: s, end: e, actor: -1, id: "local:" + FoldForSearch(surface),
			label: surface, typ: ActorPerson, conf: confUnknown}
		out = append(out, m)
		family[string(rs[last+1:e])] = m
		p = e
	}
	// A company: transcription characters before a word that ends a company's name.
	for _, suf := range g.morph.hanOrgSuffixes {
		sr := []rune(suf)
		for q := 1; q+len(sr) <= len(rs); q++ {
			if rs[q] != sr[0] || string(rs[q:q+len(sr)]) != suf || g.hanSound[rs[q-1]] == "" {
				continue
			}
			if tokAt == nil {
				tokAt = hanTokens(toks)
			}
			s := q
			for s > 0 && q-s < 8 && g.hanSound[rs[s-1]] != "" {
				if k, ok := tokAt[s-1]; !ok || used[k] {
					break
				}
				s--
			}
			e := q + len(sr)
			i, ok1 := tokAt[s]
			j, ok2 := tokAt[e-1]
			if q-s < 3 || !ok1 || !ok2 {
				continue
			}
			j++
			if !claimTokens(used, i, j) {
				continue
			}
			surface := string(rs[s:q])
			out = append(out, match{i: i, j: j, start: s, end: e, actor: -1, id: "local:" + FoldForSearch(surface),
				label: surface, typ: ActorOrg, conf: confUnknown})
		}
	}
	// A family name after a title: 马拉维总统查克维拉, 总理博尔内. The run stops at the first
	// ordinary character (于, 表示); a longer title wins (外交部长 over 部长).
	for _, title := range g.morph.hanTitles {
		tr := []rune(title)
		for q := 0; q+len(tr) < len(rs); q++ {
			if rs[q] != tr[0] || string(rs[q:q+len(tr)]) != title {
				continue
			}
			s := q + len(tr)
			e := s
			for e < len(rs) && e-s < 6 && g.hanSound[rs[e]] != "" {
				e++
			}
			if e-s < 2 || e-s > 5 || e < len(rs) && strings.ContainsRune(nameDots, rs[e]) {
				continue
			}
			if tokAt == nil {
				tokAt = hanTokens(toks)
			}
			i, ok1 := tokAt[s]
			j, ok2 := tokAt[e-1]
			if !ok1 || !ok2 {
				continue
			}
			j++
			if !claimTokens(used, i, j) {
				continue
			}
			surface := string(rs[s:e])
			m := match{i: i, j: j, start: s, end: e, actor: -1, id: "local:" + FoldForSearch(surface),
				label: surface, typ: ActorPerson, conf: confUnknown}
			out = append(out, m)
			if _, ok := family[surface]; !ok {
				family[surface] = m
			}
		}
	}
	// The family name alone, not inside a longer run of transcription characters.
	if len(family) > 0 && tokAt == nil {
		tokAt = hanTokens(toks)
	}
	for fam, m := range family {
		fr := []rune(fam)
		for s := 0; s+len(fr) <= len(rs); s++ {
			if rs[s] != fr[0] || string(rs[s:s+len(fr)]) != fam {
				continue
			}
			e := s + len(fr)
			if s > 0 && (g.hanSound[rs[s-1]] != "" || strings.ContainsRune(nameDots, rs[s-1])) ||
				e < len(rs) && (g.hanSound[rs[e]] != "" || strings.ContainsRune(nameDots, rs[e])) {
				continue
			}
			i, ok1 := tokAt[s]
			j, ok2 := tokAt[e-1]
			if !ok1 || !ok2 {
				continue
			}
			j++
			if !claimTokens(used, i, j) {
				continue
			}
			out = append(out, match{i: i, j: j, start: s, end: e, actor: -1, id: m.id, label: m.label,
				typ: ActorPerson, conf: m.conf * 0.9})
		}
	}
	return out
}

// hanTokens maps the rune offset of each Han token to its index.
func hanTokens(toks []token) map[int]int {
	at := map[int]int{}
	for i, t := range toks {
		if t.sc == scHan {
			at[t.start] = i
		}
	}
	return at
}

// confirmedHanMatch is the match of the Han runes [p, q) (one token a rune, tokAt from
// hanTokens) confirmed as the actor id; false when a bound is no token's start.
func confirmedHanMatch(tokAt map[int]int, p, q int, id, label, typ string) (match, bool) {
	i, ok1 := tokAt[p]
	j, ok2 := tokAt[q-1]
	if !ok1 || !ok2 {
		return match{}, false
	}
	return match{i: i, j: j + 1, start: p, end: q, actor: -1, id: id, label: label, typ: typ, conf: confConfirmed}, true
}

// hanSoundOf spells the transcription characters of s by their sound (乌萨马·拉比耶 → "u sa ma
// la bi ye" run together per name part); other runes are kept.
func (g *gazetteer) hanSoundOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if v := g.hanSound[r]; v != "" {
			b.WriteString(v)
			continue
		}
		if strings.ContainsRune(nameDots, r) {
			r = ' '
		}
		if isHan(r) {
			continue // 公司, 船舶管理: words around the name, not its sound
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// dropInsideTranscriptions removes Han short forms that are a piece of a longer transcribed
// name: a family name standing for a person (埃尔, Erdoğan) is no mention when the
// transcription goes on after it (埃尔比斯坦, Elbistan). (A place inside a transcription, 卡利
// Cali in 博斯卡利斯 Boskalis, is the same case; dropping it waits for the number alignment:
// without that place the zh tug counts of ever-given pair with the wrong vi count.)
func (g *gazetteer) dropInsideTranscriptions(rs []rune, ms []match) []match {
	if len(g.hanSound) == 0 {
		return ms
	}
	kept := ms[:0]
	for _, m := range ms {
		if m.start < m.end && isHan(rs[m.start]) {
			after := m.end < len(rs) && g.hanSound[rs[m.end]] != ""
			if after && m.short {
				continue
			}
		}
		kept = append(kept, m)
	}
	return kept
}

// claimTokens marks tokens [i, j) used and reports true when none of them was; it leaves them
// alone and reports false when one already belongs to another name.
func claimTokens(used []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if used[k] {
			return false
		}
	}
	for k := i; k < j; k++ {
		used[k] = true
	}
	return true
}

// afterHanTitle reports whether a title of han-title ends at rune p.
func (g *gazetteer) afterHanTitle(rs []rune, p int) bool {
	for _, title := range g.morph.hanTitles {
		n := utf8.RuneCountInString(title)
		if p >= n && string(rs[p-n:p]) == title {
			return true
		}
	}
	return false
}
