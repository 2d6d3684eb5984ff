package compare

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"parallax/assets"
)

// Attribution claims: who said, did or holds what. One version credits the time of death to
// the prime minister, the others to the hospital; one names another company as the ship's
// owner. An attribution is a cue (a speech verb or quote attribution, a role noun: see
// assets/lang/attributions.tsv) and its holder, the nearest person or organisation of its
// sentence. Attributions are aligned across versions by what is attributed — the role itself,
// or a statement's anchor: a time of day both give, or what it says ("deliberate", "the worst
// since") with a date both give — never by the cue alone. A flag needs the holders to be two
// different actors beyond doubt (see distinctHolders), and more than one version against
// one, or a version that names the other holder apart from the claim.

// attributionMaxDistance is how many words may separate a cue from its holder; a clause mark
// between them counts as conceptClausePenalty words.
const attributionMaxDistance = 12

// agentMaxGap is how many words may stand between a role cue and the agent word after it
// ("reward of up to $10 million offered by"), and between the agent word and its holder.
const agentMaxGap = 10

// attribution is one credited statement or role in an article.
type attribution struct {
	key    string // what is attributed: "role:owner", "t:17:03", "about:deliberate|d:2022-09-27"
	holder int    // fact index of the holder, -1 for an institution named by a common noun
	// who is the holder: its fact, or an institution mention (institutionMentions); sent is
	// the sentence it stands in.
	who  Fact
	sent int
	// act: the role is an act announced by its holder (a reward, a ban; "/before" in
	// attributions.tsv), not a standing role such as an owner's.
	act bool
	// shared: a standing role several actors may rightly hold at once (a registered owner
	// and the one behind it, an operator and a manager: "/shared" in attributions.tsv).
	shared bool
	// anchor is the rune span that ties the claim across versions (the time, the date, the
	// role word), and what it is in a summary.
	anchorStart, anchorEnd int
	anchorLabel            string
}

var (
	attrOnce sync.Once
	attrLex  *conceptLexicon
	attrErr  error
)

func loadAttributions() *conceptLexicon {
	attrOnce.Do(func() { attrLex, attrErr = compileConcepts(assets.Lang, "lang/attributions.tsv") })
	if attrErr != nil {
		panic("compare: embedded attributions table is broken: " + attrErr.Error())
	}
	return attrLex
}

// attrClass splits a class of attributions.tsv into its kind ("say", "role", "about",
// "title"), its name and whether the holder is looked for before the cue only.
func attrClass(c string) (kind, name string, before bool) {
	kind, name, _ = strings.Cut(c, ":")
	name, dir, _ := strings.Cut(name, "/")
	name, _, _ = strings.Cut(name, "@")
	return kind, name, dir == "before"
}

// attrEvent returns the event type a role cue needs close by ("role:winner@election"), ""
// when it needs none.
func attrEvent(c string) string {
	_, ev, _ := strings.Cut(c, "@")
	ev, _, _ = strings.Cut(ev, "/")
	return ev
}

// roleEventWords is how many words may separate a role cue from the event word it needs.
const roleEventWords = 8

// isHolderType reports whether an actor can hold a statement or a role: a person, an
// organisation or an armed group (a country or a place speaks through someone named).
func isHolderType(t string) bool {
	return t == ActorPerson || t == ActorOrg || t == ActorGroup
}

// attributions lists an article's attribution claims. The article must be loaded.
func attributions(a *article) []attribution {
	lx := loadAttributions()
	lang := a.doc.Lang
	if lx.forms[lang] == nil {
		return nil
	}
	toks := a.tokens()
	cues := lx.findCues(toks, lang)
	// The headline is left out: its telegraphic words ("Conservative Yoon wins", "Президентом
	// избран") make poor names, and the body says it again in full.
	if _, hlEnd := headlineSpan(a); hlEnd > 0 {
		kept := cues[:0:0]
		for _, c := range cues {
			if toks[c.ti].start >= hlEnd {
				kept = append(kept, c)
			}
		}
		cues = kept
	}
	if len(cues) == 0 {
		return nil
	}
	sentOf := func(r int) int {
		return sort.Search(len(a.sentStart), func(i int) bool { return a.sentStart[i] > r }) - 1
	}
	// tokAt maps a rune offset to the first token that ends after it.
	tokAt := func(r int) int { return sort.Search(len(toks), func(i int) bool { return toks[i].end > r }) }
	clauses := make([]int32, len(a.runes)+1)
	for r, c := range a.runes {
		clauses[r+1] = clauses[r]
		if isClauseMark(c) {
			clauses[r+1]++
		}
	}
	type holderCand struct{ fact, ti, tj int }
	bySent := map[int][]holderCand{}
	for i, f := range a.facts {
		if f.Kind != KindActor || !isHolderType(f.Type) || actorID(f) == "" {
			continue
		}
		ti := tokAt(f.Start)
		tj := tokAt(f.End - 1)
		if f.End <= f.Start || tj >= len(toks) || ti > tj {
			continue // a span with no word (a hand-made fact on digits or signs)
		}
		bySent[a.factSent[i]] = append(bySent[a.factSent[i]], holderCand{i, ti, tj + 1})
		if s := sentOf(f.End - 1); s != a.factSent[i] {
			// A name cut by a sentence break ("U.S. State Department") holds in both.
			bySent[s] = append(bySent[s], holderCand{i, ti, tj + 1})
		}
	}
	// Institutions named by a common noun ("the commerce ministry", "la police", "Минздрав")
	// hold statements and roles too; their index follows the facts'.
	insts := institutionMentions(a)
	// An unknown organisation under an institution's words is that institution.
	for s, cands := range bySent {
		kept := cands[:0]
		for _, h := range cands {
			f := a.facts[h.fact]
			over := false
			for _, g := range insts {
				if strings.HasPrefix(actorID(f), "local:") && f.Start < g.End && g.Start < f.End {
					over = true
				}
			}
			if !over {
				kept = append(kept, h)
			}
		}
		bySent[s] = kept
	}
	for k, f := range insts {
		ti, tj := tokAt(f.Start), tokAt(f.End-1)
		if tj >= len(toks) || ti > tj {
			continue
		}
		bySent[sentOf(f.Start)] = append(bySent[sentOf(f.Start)], holderCand{len(a.facts) + k, ti, tj + 1})
	}
	who := func(h int) Fact {
		if h >= len(a.facts) {
			return insts[h-len(a.facts)]
		}
		return a.facts[h]
	}
	credit := func(at attribution) attribution {
		at.who = who(at.holder)
		at.sent = sentOf(at.who.Start)
		if at.holder >= len(a.facts) {
			at.holder = -1
		}
		return at
	}
	// holderOf returns the nearest holder of a cue in its sentence, -1 when none is near.
	// Institutions hold roles only (inst): sources of a statement legitimately differ between
	// versions (the police, the ministry, the army report one time of day), so a statement
	// credited to an institution is not compared.
	holderOf := func(c conceptCue, sent int, before, inst bool) int {
		best, bestD := -1, attributionMaxDistance+1
		for _, h := range bySent[sent] {
			if !inst && h.fact >= len(a.facts) {
				continue
			}
			var d, from, to int
			switch {
			case h.tj <= c.ti:
				d = c.ti - h.tj
				from, to = toks[h.tj-1].end, toks[c.ti].start
			case h.ti >= c.tj && !before:
				d = h.ti - c.tj
				from, to = toks[c.tj-1].end, toks[h.ti].start
			default:
				continue
			}
			if to > from {
				d += conceptClausePenalty * int(clauses[to]-clauses[from])
			}
			if d < bestD || d == bestD && h.ti > c.ti {
				best, bestD = h.fact, d
			}
		}
		return best
	}
	var agents []conceptCue
	for _, c := range cues {
		if c.concept == "agent:by" {
			agents = append(agents, c)
		}
	}
	// agentAfter returns the holder right after the first agent word that follows a cue
	// closely in its sentence, -1 when there is none.
	agentAfter := func(c conceptCue, sent int) int {
		for _, g := range agents {
			if g.ti < c.tj || g.ti-c.tj > agentMaxGap || sentOf(toks[g.ti].start) != sent {
				continue
			}
			for _, h := range bySent[sent] {
				if h.ti >= g.tj && h.ti-g.tj <= agentMaxGap {
					return h.fact
				}
			}
			return -1
		}
		return -1
	}
	type sentInfo struct {
		holders []int // of speech verbs
		// subjects: the holders that stand before their speech verb ("The FBI said"), not
		// after it ("a group called DarkSide").
		subjects []int
		sources  []int // of quote attributions ("according to")
		abouts   []conceptCue
		// pronoun: a subject pronoun before a speech cue with no holder near it ("He
		// also called it…", "他…并称").
		pronoun, saidBare bool
	}
	sents := map[int]*sentInfo{}
	var out []attribution
	for _, c := range cues {
		kind, name, before := attrClass(c.concept)
		sent := sentOf(toks[c.ti].start)
		si := sents[sent]
		if si == nil {
			si = &sentInfo{}
			sents[sent] = si
		}
		switch kind {
		case "say":
			if h := holderOf(c, sent, before, false); h >= 0 {
				si.holders = append(si.holders, h)
				if who(h).End <= toks[c.ti].start {
					si.subjects = append(si.subjects, h)
				}
			} else if si.pronoun {
				si.saidBare = true
			}
		case "source":
			if h := holderOf(c, sent, before, false); h >= 0 {
				si.sources = append(si.sources, h)
			}
		case "pronoun":
			si.pronoun = true
		case "about":
			si.abouts = append(si.abouts, c)
			if strings.HasSuffix(c.concept, "/say") {
				// The word is itself a statement ("đã quy trách nhiệm cho", "blamed"): its
				// subject before it speaks.
				if h := holderOf(c, sent, true, false); h >= 0 {
					si.holders = append(si.holders, h)
					si.subjects = append(si.subjects, h)
				}
			}
		case "role":
			if ev := attrEvent(c.concept); ev != "" && !eventNear(a, toks, c, ev) {
				continue
			}
			h := -1
			passive := strings.HasSuffix(c.concept, "/agent")
			if before || passive {
				// "a reward offered by the State Department": an agent word after the cue
				// names the holder, whatever stands before.
				h = agentAfter(c, sent)
			}
			if h < 0 && !passive {
				h = holderOf(c, sent, before, true)
			}
			if h >= 0 {
				start, end := toks[c.ti].start, toks[c.tj-1].end
				out = append(out, credit(attribution{key: "role:" + name, holder: h, act: before || passive,
					shared:      strings.HasSuffix(c.concept, "/shared"),
					anchorStart: start, anchorEnd: end, anchorLabel: "the " + name}))
			}
		}
	}
	// Statements: the sentence's speaker, when it has one only, holds each anchor of it.
	keys := make([]int, 0, len(sents))
	for s := range sents {
		keys = append(keys, s)
	}
	sort.Ints(keys)
	for _, s := range keys {
		si := sents[s]
		if len(si.holders) == 0 && si.saidBare {
			// The pronoun stands for the one person the sentence before names.
			if p, ok := soleActor(a, a.sentenceFacts(s-1), ActorPerson); ok && s > 0 {
				si.holders = append(si.holders, p)
			}
		}
		all := append(append([]int{}, si.holders...), si.sources...)
		if len(all) == 0 {
			continue
		}
		h := all[0]
		one := true
		for _, g := range all[1:] {
			if actorID(who(g)) != actorID(who(h)) {
				one = false
			}
		}
		if !one && len(si.sources) == 0 && len(si.subjects) > 0 {
			// One subject speaks; the others are names after a verb ("said that a group
			// called DarkSide was behind it").
			h, one = si.subjects[0], true
			for _, g := range si.subjects[1:] {
				if actorID(who(g)) != actorID(who(h)) {
					one = false
				}
			}
		}
		if !one {
			continue // two speakers in one sentence: whose words the anchor is, is unclear
		}
		lo := a.sentStart[s]
		hi := a.nRunes
		if s+1 < len(a.sentStart) {
			hi = a.sentStart[s+1]
		}
		for _, t := range clockTimes(a.runes[lo:hi], lang) {
			if len(si.holders) == 0 {
				break // a source gives the time of an event; two sources may give one time
			}
			out = append(out, credit(attribution{key: "t:" + t.value, holder: h,
				anchorStart: lo + t.start, anchorEnd: lo + t.end, anchorLabel: "the time " + t.value}))
		}
		if len(si.holders) > 0 {
			// What a speaker said, by a figure it gives: "the minister said on Tuesday that
			// 300 soldiers would go". Read by the statement-date check only: versions often
			// credit one figure to different sources, which is no contradiction.
			var dates []int
			var figures []string
			for _, fi := range a.sentenceFacts(s) {
				f := a.facts[fi]
				switch {
				case f.Kind == KindDate && !f.Unresolved && dateValue(f) != "":
					dates = append(dates, fi)
				case f.Kind == KindNumber && !f.Vague && !f.Ordinal:
					if x, ok := numValue(f); ok && x >= 10 {
						// The value alone: the counted word is the language's own ("engineers",
						// "ingénieurs").
						figures = append(figures, strconv.FormatFloat(x, 'f', -1, 64))
					}
				}
			}
			for _, fig := range figures {
				for _, fi := range dates {
					f := a.facts[fi]
					out = append(out, credit(attribution{key: "figure:" + fig + "|d:" + dateValue(f), holder: h,
						anchorStart: f.Start, anchorEnd: f.End, anchorLabel: "the figure " + fig}))
				}
			}
		}
		for _, c := range si.abouts {
			_, name, _ := attrClass(c.concept)
			for _, fi := range a.sentenceFacts(s) {
				f := a.facts[fi]
				if f.Kind != KindDate || f.Unresolved || dateValue(f) == "" {
					continue
				}
				out = append(out, credit(attribution{key: "about:" + name + "|d:" + dateValue(f), holder: h,
					anchorStart: f.Start, anchorEnd: f.End,
					anchorLabel: fmt.Sprintf("%s, %s", aboutLabels[name], humanDate(dateValue(f)))}))
			}
		}
	}
	return out
}

// aboutLabels names what a statement says, for summaries.
var aboutLabels = map[string]string{
	"deliberate": "deliberate act or accident",
	"record":     "the worst since",
	"terror":     "a terrorist act",
	"treason":    "treason, a stab in the back",
	"rebuild":    "rebuilding",
	"blame":      "who was behind it",
}

// attributionDiscrepancies flags the same statement or role credited to different actors.
func attributionDiscrepancies(st *story) []Discrepancy {
	byKey := map[string][]attrCredit{}
	var keys []string
	for ai, a := range st.arts {
		holders := map[string]map[string]bool{}
		var mine []attribution
		for _, at := range attributions(a) {
			if strings.HasPrefix(at.key, "figure:") {
				continue // one figure from two sources is no contradiction
			}
			if holders[at.key] == nil {
				holders[at.key] = map[string]bool{}
			}
			holders[at.key][actorID(at.who)] = true
			mine = append(mine, at)
		}
		done := map[string]bool{}
		for _, at := range mine {
			if len(holders[at.key]) != 1 || done[at.key] {
				continue // a version that credits it to two actors says nothing clear
			}
			done[at.key] = true
			if _, ok := byKey[at.key]; !ok {
				keys = append(keys, at.key)
			}
			byKey[at.key] = append(byKey[at.key], attrCredit{ai, at})
		}
	}
	sort.Strings(keys)
	var out []Discrepancy
	seen := map[string]bool{}
	for _, k := range keys {
		list := byKey[k]
		groups := map[string][]attrCredit{}
		var ids []string
		for _, c := range list {
			id := actorID(c.who)
			if _, ok := groups[id]; !ok {
				ids = append(ids, id)
			}
			groups[id] = append(groups[id], c)
		}
		if len(ids) < 2 {
			continue
		}
		sort.SliceStable(ids, func(x, y int) bool { return len(groups[ids[x]]) > len(groups[ids[y]]) })
		major := groups[ids[0]]
		if len(ids) > 1 && len(groups[ids[1]]) == len(major) && len(major) > 1 {
			continue // two camps of equal weight: no version stands out
		}
		for _, id := range ids[1:] {
			minor := groups[id]
			p, q := minor[0], major[0]
			a, b := st.arts[p.art], st.arts[q.art]
			x, y := p.who, q.who
			if !distinctHolders(a, p.attribution, b, q.attribution) ||
				!strings.HasPrefix(k, "role:") && (namedInClaim(st, minor, y) || namedInClaim(st, major, x)) {
				continue
			}
			// One version against one needs a version that names the other actor apart
			// from this claim: it tells the two apart itself.
			if len(major) < 2 && !namesHolder(a, actorID(y)) && !namesHolder(b, actorID(x)) {
				continue
			}
			// One version against one names another holder of a role, or of a role several
			// may rightly hold (a registered owner and the one behind it): that is a flag
			// only when the others know the minority's holder and give the role to another.
			// Two versions or more that agree on the holder of an act (a reward, a ban) or of
			// a role one holds (who won, who mediated) outweigh one that names another.
			if strings.HasPrefix(k, "role:") && (len(major) < 2 || p.shared) && !namedBy(st, major, actorID(x)) {
				continue
			}
			var ms []Member
			for _, c := range append(append([]attrCredit{}, minor...), major...) {
				art := st.arts[c.art]
				ms = append(ms, holderMember(art, c.attribution))
				ms = append(ms, Member{Article: art.doc.ID, Start: c.anchorStart, End: c.anchorEnd,
					Text: art.text(c.anchorStart, c.anchorEnd)})
			}
			did := discrepancyID(DiscActor, ms)
			if seen[did] {
				continue
			}
			seen[did] = true
			sev := SeverityMinor
			what := "Another actor is credited with the same statement (" + p.anchorLabel + ")"
			if strings.HasPrefix(k, "role:") {
				sev = SeverityMajor
				what = "Another actor holds the same role (" + p.anchorLabel + ")"
			}
			summary := fmt.Sprintf("%s: %s in %s; %s in %s", what, factLabel(x), creditNames(st, minor),
				factLabel(y), creditNames(st, major))
			out = append(out, Discrepancy{ID: did, Story: st.id, Kind: DiscActor, Severity: sev,
				Summary: summary, Members: ms})
		}
	}
	return out
}

// attrCredit is an attribution of one article of a story.
type attrCredit struct {
	art int
	attribution
}

func creditNames(st *story, cs []attrCredit) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = st.arts[c.art].doc.displayName()
	}
	return strings.Join(names, ", ")
}

// distinctHolders reports whether two holders are two actors beyond doubt: not one name in
// two scripts or two lengths, not a minister and an organisation he speaks for.
func distinctHolders(a *article, p attribution, b *article, q attribution) bool {
	f, g := p.who, q.who
	idf, idg := actorID(f), actorID(g)
	if idf == idg {
		return false
	}
	if f.Type != g.Type && (f.Type == ActorOrg || g.Type == ActorOrg) {
		// A person and an organisation: a minister, a spokesman, a director speaks for one.
		if f.Type != ActorOrg && hasMemberTitle(a, f, p.sent) || g.Type != ActorOrg && hasMemberTitle(b, g, q.sent) {
			return false
		}
	}
	if partOfInstitution(idf, idg) || partOfInstitution(idg, idf) {
		return false // the government and its ministry
	}
	if strings.HasPrefix(idf, "inst:") && strings.HasPrefix(idg, "inst:") {
		return true // two institutions of the table ("ministry" is no shared name)
	}
	nf, ng := holderName(f), holderName(g)
	generic := genericNameWords()
	for _, x := range strings.Fields(nf) {
		for _, y := range strings.Fields(ng) {
			// Two-letter words ("of", "de", "al") are links, not names; "ministry",
			// "committee" are not names either.
			// A qualifier in brackets ("(Russia)" of "Ministry of Defence (Russia)") is
			// not a name either.
			if x == y && len([]rune(x)) > 2 && !generic[x] && !strings.HasPrefix(x, "(") {
				return false // a shared word: one name in part ("Evergreen", "Evergreen Marine")
			}
		}
	}
	// A name the gazetteer does not know is compared by its transliteration (its local id):
	// close consonants may be one name spelt in two scripts.
	localF, localG := strings.HasPrefix(idf, "local:"), strings.HasPrefix(idg, "local:")
	if localF || localG {
		if similarSkeleton(nf, ng) {
			return false
		}
		if localF && localG && textScript(f.Text) != textScript(g.Text) {
			// Two unknown names in two scripts: nothing says they are not one actor.
			return names(a, idg) || names(b, idf)
		}
	}
	return true
}

// holderName is an actor's name for comparison: its English label or transliterated id,
// lower case, accents removed.
func holderName(f Fact) string {
	n := strings.TrimPrefix(actorID(f), "local:")
	if f.Label != "" && !strings.HasPrefix(actorID(f), "local:") {
		n = f.Label
	}
	return foldAccents(n)
}

// similarSkeleton reports whether two names share most of their consonants in order.
func similarSkeleton(x, y string) bool {
	sx, sy := consonants(x), consonants(y)
	if len(sx) == 0 || len(sy) == 0 {
		return false
	}
	d := levenshtein(sx, sy)
	return float64(d) <= 0.4*float64(max(len(sx), len(sy)))
}

func consonants(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsLetter(r) && !strings.ContainsRune("aeiouy", r) {
			out = append(out, r)
		}
	}
	return out
}

// textScript names the script of the first letter of s.
func textScript(s string) string {
	for _, r := range s {
		if sc := scriptOf(r); sc != "" {
			return sc
		}
	}
	return ""
}

// memberTitleWords is how many words before a person's name may hold the title that makes
// the person speak for an organisation.
const memberTitleWords = 4

// hasMemberTitle reports whether a person mention is introduced with a title that makes the
// person speak for an organisation (minister, spokesman, director, vice-president).
func hasMemberTitle(a *article, f Fact, sent int) bool {
	toks := a.tokens()
	k := sort.Search(len(toks), func(t int) bool { return toks[t].end > f.Start })
	lo := max(0, k-memberTitleWords)
	sentLo := a.sentStart[sent]
	for lo < k && toks[lo].start < sentLo {
		lo++
	}
	for _, c := range loadAttributions().findCues(toks[lo:k], a.doc.Lang) {
		if c.concept == "title:member" {
			return true
		}
	}
	return false
}

// clockTime is a time of day found in a text: "HH:MM" and its rune span.
type clockTime struct {
	value      string
	start, end int
}

type clockTable struct {
	sep, dotword, pm, pmbefore map[string][]string // lang ("*" for all) → forms
}

var (
	clockOnce sync.Once
	clocks    *clockTable
	clockErr  error
)

func loadClock() *clockTable {
	clockOnce.Do(func() { clocks, clockErr = compileClock(assets.Lang, "lang/clock.tsv") })
	if clockErr != nil {
		panic("compare: embedded clock table is broken: " + clockErr.Error())
	}
	return clocks
}

func compileClock(fsys fs.FS, path string) (*clockTable, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ct := &clockTable{sep: map[string][]string{}, dotword: map[string][]string{}, pm: map[string][]string{}, pmbefore: map[string][]string{}}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns (lang, kind, forms), got %d", path, line, len(cols))
		}
		var m map[string][]string
		switch cols[1] {
		case "sep":
			m = ct.sep
		case "dotword":
			m = ct.dotword
		case "pm":
			m = ct.pm
		case "pmbefore":
			m = ct.pmbefore
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q (want sep, dotword, pm or pmbefore)", path, line, cols[1])
		}
		// Forms keep their spaces: " h " is not "h".
		m[cols[0]] = append(m[cols[0]], strings.Split(cols[2], "|")...)
	}
	return ct, sc.Err()
}

func (ct *clockTable) forms(m map[string][]string, lang string) []string {
	return append(append([]string{}, m["*"]...), m[lang]...)
}

// hasPrefixAt reports whether rs holds form at i.
func hasPrefixAt(rs []rune, i int, form string) (int, bool) {
	n := 0
	for _, r := range form {
		if i+n >= len(rs) || unicode.ToLower(rs[i+n]) != unicode.ToLower(r) {
			return 0, false
		}
		n++
	}
	return n, n > 0
}

// clockTimes finds the times of day in a sentence: "17:03", "17 h 03", "5:03 p.m.",
// "17.03 Uhr", "17时03分".
func clockTimes(rs []rune, lang string) []clockTime {
	ct := loadClock()
	seps := ct.forms(ct.sep, lang)
	dotwords := ct.forms(ct.dotword, lang)
	pms := ct.forms(ct.pm, lang)
	pmbefore := ct.forms(ct.pmbefore, lang)
	isDigit := func(i int) bool { return i >= 0 && i < len(rs) && rs[i] >= '0' && rs[i] <= '9' }
	var out []clockTime
	for i := 0; i < len(rs); i++ {
		if !isDigit(i) || isDigit(i-1) || i > 0 && (rs[i-1] == '.' || rs[i-1] == ',' || rs[i-1] == ':' || unicode.IsLetter(rs[i-1]) && !unicode.Is(unicode.Han, rs[i-1])) {
			continue
		}
		h := 0
		j := i
		for j < len(rs) && isDigit(j) && j-i < 3 {
			h = h*10 + int(rs[j]-'0')
			j++
		}
		if j-i > 2 || h > 23 {
			continue
		}
		sepLen, dot := 0, false
		for _, s := range seps {
			if n, ok := hasPrefixAt(rs, j, s); ok && n > sepLen {
				sepLen = n
			}
		}
		if sepLen == 0 && j < len(rs) && rs[j] == '.' {
			sepLen, dot = 1, true
		}
		if sepLen == 0 || !isDigit(j+sepLen) || !isDigit(j+sepLen+1) || isDigit(j+sepLen+2) {
			continue
		}
		mm := int(rs[j+sepLen]-'0')*10 + int(rs[j+sepLen+1]-'0')
		end := j + sepLen + 2
		if mm > 59 || end < len(rs) && (rs[end] == ':' || rs[end] == '.') && isDigit(end+1) {
			continue
		}
		pm := false
		for _, w := range pms {
			if _, ok := hasPrefixAt(rs, end, w); ok {
				pm = true
			}
		}
		if dot {
			ok := false
			for _, w := range dotwords {
				if n, hit := hasPrefixAt(rs, end, w); hit && (end+n >= len(rs) || !unicode.IsLetter(rs[end+n])) {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		for _, w := range pmbefore {
			n := len([]rune(w))
			for k := max(0, i-n-2); k+n <= i; k++ {
				if _, ok := hasPrefixAt(rs, k, w); ok {
					pm = true
				}
			}
		}
		if pm && h < 12 {
			h += 12
		}
		out = append(out, clockTime{value: fmt.Sprintf("%02d:%02d", h, mm), start: i, end: end})
		i = end
	}
	return out
}

// namedInClaim reports whether an actor is named in the sentence of any of the credits: the
// sentence that names both actors may well credit the other one, whatever the nearest is.
func namedInClaim(st *story, cs []attrCredit, actor Fact) bool {
	id := actorID(actor)
	for _, c := range cs {
		a := st.arts[c.art]
		for _, fi := range a.sentenceFacts(c.sent) {
			if f := a.facts[fi]; f.Kind == KindActor && actorID(f) == id {
				return true
			}
		}
		for _, f := range institutionMentions(a) {
			if actorID(f) == id && f.Start >= a.sentStart[c.sent] && (c.sent+1 >= len(a.sentStart) || f.Start < a.sentStart[c.sent+1]) {
				return true
			}
		}
	}
	return false
}

// namedBy reports whether any of the credits' articles names the actor.
func namedBy(st *story, cs []attrCredit, id string) bool {
	for _, c := range cs {
		if namesHolder(st.arts[c.art], id) {
			return true
		}
	}
	return false
}

// statementDateMaxDays is the widest gap between two days taken for one statement dated
// differently; further apart they are more likely two statements.
const statementDateMaxDays = 3

// statementDateDiscrepancies flags one statement dated on different days: the same actor
// saying the same thing (an about cue of attributions.tsv: "deliberate", "a terrorist act")
// on Tuesday evening in most versions and on Monday evening in one. Each version must give
// one day for it, and the majority day must have two versions behind it: a speaker who said
// it on two days, reported once each, is not a contradiction.
func statementDateDiscrepancies(st *story) []Discrepancy {
	type dated struct {
		art, fact int
		day       int
		who       Fact
	}
	byStatement := map[string][]dated{}
	var keys []string
	for ai, a := range st.arts {
		mine := map[string][]dated{}
		for _, at := range attributions(a) {
			about, _, ok := strings.Cut(at.key, "|d:")
			if !ok || !strings.HasPrefix(about, "about:") && !strings.HasPrefix(about, "figure:") {
				continue
			}
			fi := factAt(a, at.anchorStart, at.anchorEnd, KindDate)
			if fi < 0 {
				continue
			}
			lo, hi, prec, ok := parseDateRange(dateValue(a.facts[fi]))
			if !ok || prec != PrecisionDay || lo != hi {
				continue
			}
			k := about + "|" + actorID(at.who)
			mine[k] = append(mine[k], dated{ai, fi, lo, at.who})
		}
		for k, ds := range mine {
			one := true
			for _, d := range ds[1:] {
				if d.day != ds[0].day {
					one = false
				}
			}
			if !one {
				continue // the article dates it twice: two statements, or a recap
			}
			if _, seen := byStatement[k]; !seen {
				keys = append(keys, k)
			}
			byStatement[k] = append(byStatement[k], ds[0])
		}
	}
	sort.Strings(keys)
	var out []Discrepancy
	for _, k := range keys {
		ds := byStatement[k]
		arts := map[int][]dated{}
		var days []int
		for _, d := range ds {
			if _, ok := arts[d.day]; !ok {
				days = append(days, d.day)
			}
			arts[d.day] = append(arts[d.day], d)
		}
		if len(days) < 2 {
			continue
		}
		sort.Ints(days)
		major := days[0]
		for _, d := range days[1:] {
			if len(arts[d]) > len(arts[major]) {
				major = d
			}
		}
		if len(arts[major]) < 2 {
			continue
		}
		for _, d := range days {
			if d == major || len(arts[d]) >= len(arts[major]) || abs(d-major) > statementDateMaxDays {
				continue
			}
			var ms []Member
			var odd, agree []string
			for _, x := range arts[d] {
				ms = append(ms, memberOf(st.arts[x.art], x.fact))
				odd = append(odd, st.arts[x.art].doc.displayName())
			}
			for _, x := range arts[major] {
				ms = append(ms, memberOf(st.arts[x.art], x.fact))
				agree = append(agree, st.arts[x.art].doc.displayName())
			}
			sortMembers(ms)
			about, _, _ := strings.Cut(k, "|")
			what := aboutLabels[strings.TrimPrefix(about, "about:")]
			if fig, ok := strings.CutPrefix(about, "figure:"); ok {
				what = "the figure " + fig
			}
			who := factLabel(arts[d][0].who)
			summary := fmt.Sprintf("%s's statement (%s) is dated %s in %s but %s in %s", who,
				what, humanDay(d), strings.Join(odd, ", "), humanDay(major), strings.Join(agree, ", "))
			out = append(out, Discrepancy{ID: discrepancyID(DiscDate, ms), Story: st.id, Kind: DiscDate,
				Severity: SeverityMajor, Summary: summary, Members: ms, Relation: RelationContradiction})
		}
	}
	return out
}

// factAt returns the index of the fact of kind k on span [start, end), -1 when none.
func factAt(a *article, start, end int, k FactKind) int {
	for i, f := range a.facts {
		if f.Kind == k && f.Start == start && f.End == end {
			return i
		}
	}
	return -1
}

// holderMember is the member of a flag that shows a credit's holder.
func holderMember(a *article, at attribution) Member {
	if at.holder >= 0 {
		return memberOf(a, at.holder)
	}
	return Member{Article: a.doc.ID, Start: at.who.Start, End: at.who.End, Text: a.text(at.who.Start, at.who.End)}
}

// namesHolder reports whether an article names an actor or an institution (by its id).
func namesHolder(a *article, id string) bool {
	if names(a, id) {
		return true
	}
	for _, f := range institutionMentions(a) {
		if actorID(f) == id {
			return true
		}
	}
	return false
}

// institutionMentions lists the institutions an article names by a common noun ("the
// commerce ministry", "le parquet", "警方"): holder:NAME cues of attributions.tsv that no
// actor fact covers (a named ministry, "Nara Prefectural Police", is its fact). Each is an
// organisation with the id "inst:NAME", shared by every language.
func institutionMentions(a *article) []Fact {
	all := a.tokens()
	lx := loadAttributions()
	// Skip a lower-case word right after a ministry head word: the nationality adjective of
	// "ministère indien du Commerce".
	skip := map[int]bool{}
	for _, c := range lx.findCues(all, a.doc.Lang) {
		if c.concept == "head:ministry" && c.tj < len(all) {
			if t := all[c.tj]; !t.capFirst && len([]rune(t.text)) > 3 && isLetterWord(t.text) {
				skip[c.tj] = true
			}
		}
	}
	toks := all
	if len(skip) > 0 {
		toks = make([]token, 0, len(all))
		for i, t := range all {
			if !skip[i] {
				toks = append(toks, t)
			}
		}
	}
	var out []Fact
	for _, c := range lx.findCues(toks, a.doc.Lang) {
		kind, name, _ := attrClass(c.concept)
		if kind != "holder" {
			continue
		}
		start, end := toks[c.ti].start, toks[c.tj-1].end
		covered := false
		for _, f := range a.facts {
			// An unknown organisation named by the same words ("Ministerio de Comercio") is
			// the institution: its local id is no better.
			if f.Kind == KindActor && f.Start < end && start < f.End && !strings.HasPrefix(actorID(f), "local:") {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		out = append(out, Fact{Kind: KindActor, Start: start, End: end, Text: a.text(start, end),
			Value: "inst:" + name, Label: strings.ReplaceAll(name, "_", " "), Type: ActorOrg})
	}
	return out
}

// partOfInstitution reports whether institution id x is part of institution y: a ministry
// of the government.
func partOfInstitution(x, y string) bool {
	return strings.HasPrefix(x, "inst:") && strings.HasSuffix(x, "_ministry") && y == "inst:government"
}

// isLetterWord reports whether s is letters only (not a number, not punctuation).
func isLetterWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// eventNear reports whether a word for an event of type ev (events.tsv) stands within
// roleEventWords words of cue c, in its sentence and clause.
func eventNear(a *article, toks []token, c conceptCue, ev string) bool {
	for _, e := range a.eventCues() {
		if e.concept != ev {
			continue
		}
		var from, to int
		switch {
		case e.tj <= c.ti && c.ti-e.tj <= roleEventWords:
			from, to = toks[e.tj-1].end, toks[c.ti].start
		case e.ti >= c.tj && e.ti-c.tj <= roleEventWords:
			from, to = toks[c.tj-1].end, toks[e.ti].start
		default:
			continue
		}
		clause := false
		for _, r := range a.runes[from:to] {
			if isClauseMark(r) {
				clause = true
				break
			}
		}
		if !clause {
			return true
		}
	}
	return false
}

// genericNameWords are the words of org-generic-words.txt.
var genericNameWords = sync.OnceValue(func() map[string]bool {
	b, err := fs.ReadFile(assets.Lang, "lang/org-generic-words.txt")
	if err != nil {
		panic("compare: embedded org-generic-words.txt is missing: " + err.Error())
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out[strings.ToLower(w)] = true
		}
	}
	return out
})
