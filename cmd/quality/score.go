package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"parallax/compare"
	"parallax/store/analysis"
	"parallax/store/ingest"
)

// Counts is a precision/recall tally: gold items, predicted items, and the matched ones (a
// prediction and a gold item can each match at most once).
type Counts struct {
	Gold, Pred, TP int
}

// Add sums two tallies.
func (c Counts) Add(o Counts) Counts { return Counts{c.Gold + o.Gold, c.Pred + o.Pred, c.TP + o.TP} }

// P, R and F1 of the tally; an empty side counts as perfect so that "nothing to find, nothing
// found" reads 1.
func (c Counts) P() float64  { return ratio(c.TP, c.Pred) }
func (c Counts) R() float64  { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 { return f1(c.P(), c.R()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// FactScore is one kind's tally in one language: Span counts a found fact whose span overlaps
// a gold fact of the same kind; Value also requires the normalised value to be the gold one.
type FactScore struct {
	Span, Value Counts
}

// Flag is a raised discrepancy as the scorer reports it.
type Flag struct {
	Event, Kind, Severity, Summary string
}

// Miss is a gold discrepancy no raised flag matched.
type Miss struct {
	Event string
	GoldFlag
}

// SplitResult is every figure of one split (dev or test).
type SplitResult struct {
	Split    string
	Events   []string
	Articles int
	// Facts[kind][lang]; lang "all" sums the languages.
	Facts      map[string]map[string]*FactScore
	Stories    Counts // pairs of articles put in one story
	Alignment  Counts // pairs of date/number facts across versions stating one claim
	Flags      Counts // Gold: discrepancies listed; Pred: flags raised; TP: flags matching one
	FlagsFound int    // gold discrepancies matched by at least one flag
	// ByKind[kind] counts gold discrepancies and how many were found.
	ByKind      map[string]*[2]int
	FalseAlarms []Flag // flags raised on a listed non-discrepancy
	Unmatched   []Flag // flags matching no gold discrepancy
	Misses      []Miss
	FactMisses  []string // one line per missed or wrong gold fact (for -facts)
	Spurious    []string // one line per found fact matching no gold fact (for -facts)
	// AlignCases lists, per gold claim, the facts whose pairs were missed and the alignment
	// each fact landed in, then every found alignment that joins facts of different claims
	// (for -align).
	AlignCases []string
	// AlignByKind splits the Alignment tally by the kind of fact paired (date, number).
	AlignByKind map[string]*Counts
}

// DiscrepancyRecall is the share of listed discrepancies some flag matched.
func (r *SplitResult) DiscrepancyRecall() float64 { return ratio(r.FlagsFound, r.Flags.Gold) }

// FlagPrecision is the share of raised flags that match a listed discrepancy.
func (r *SplitResult) FlagPrecision() float64 { return r.Flags.P() }

// articleRef ties an analysed article back to its gold.
type articleRef struct {
	ev   *Event
	gold *GoldArticle
	rep  *analysis.Article
}

// Score analyses the events of one split through the same code path as `parallax analyze
// --json PATH…` (ingest, a throwaway workspace, analysis.Workspace) and scores the report.
func Score(split string, events []*Event) (*SplitResult, error) {
	res := &SplitResult{Split: split, Facts: map[string]map[string]*FactScore{}, ByKind: map[string]*[2]int{}}
	var paths []string
	for _, ev := range events {
		res.Events = append(res.Events, ev.Name)
		for _, name := range sortedKeys(ev.Articles) {
			paths = append(paths, filepath.Join(ev.Dir, name))
		}
	}
	docs, errs := ingest.Paths(paths, ingest.Options{})
	if len(errs) > 0 {
		return nil, fmt.Errorf("ingest: %v", errs[0])
	}
	rep, err := analysis.Documents(docs, analysis.Options{})
	if err != nil {
		return nil, err
	}
	return res, res.score(events, rep)
}

func (res *SplitResult) score(events []*Event, rep analysis.Report) error {
	byPath := map[string]articleRef{}
	for _, ev := range events {
		for name, a := range ev.Articles {
			byPath[filepath.Clean(filepath.Join(ev.Dir, name))] = articleRef{ev: ev, gold: a}
		}
	}
	byID := map[string]articleRef{}
	for i := range rep.Articles {
		a := &rep.Articles[i]
		ref, ok := byPath[filepath.Clean(a.Source)]
		if !ok {
			return fmt.Errorf("analysed article %s (%s) has no gold", a.ID, a.Source)
		}
		if got, want := []rune(a.Text), ref.gold.body; string(got) != string(want) {
			return fmt.Errorf("%s: the ingested text differs from the file's body, so gold offsets do not apply (%d vs %d characters)", a.Source, len(got), len(want))
		}
		ref.rep = a
		byID[a.ID] = ref
		delete(byPath, filepath.Clean(a.Source))
	}
	for p := range byPath {
		return fmt.Errorf("%s was not analysed (identical text to another article?)", p)
	}
	res.Articles = len(byID)

	// Facts, and for each analysed fact the gold fact it matched (for alignments).
	matched := map[string]map[string]*GoldFact{} // article id → fact id → gold fact
	for _, id := range sortedKeys(byID) {
		ref := byID[id]
		matched[id] = res.scoreFacts(ref)
	}

	res.scoreStories(rep, byID)
	res.scoreAlignments(rep, byID, matched)
	res.scoreFlags(events, rep, byID)
	return nil
}

func (res *SplitResult) factScore(kind, lang string) *FactScore {
	if res.Facts[kind] == nil {
		res.Facts[kind] = map[string]*FactScore{}
	}
	if res.Facts[kind][lang] == nil {
		res.Facts[kind][lang] = &FactScore{}
	}
	return res.Facts[kind][lang]
}

// scoreFacts matches one article's found facts to its gold facts, kind by kind: first the
// pairs that overlap and agree in value (largest overlap first), then the pairs that only
// overlap. It returns, per found fact id, the gold fact it was matched to.
func (res *SplitResult) scoreFacts(ref articleRef) map[string]*GoldFact {
	out := map[string]*GoldFact{}
	lang := ref.gold.Lang
	for _, kind := range []string{"date", "number", "actor"} {
		var gold []*GoldFact
		for i := range ref.gold.Facts {
			if ref.gold.Facts[i].Kind == kind {
				gold = append(gold, &ref.gold.Facts[i])
			}
		}
		var found []*compare.Fact
		for i := range ref.rep.Facts {
			if string(ref.rep.Facts[i].Kind) == kind {
				found = append(found, &ref.rep.Facts[i])
			}
		}
		type cand struct {
			g, f    int
			overlap int
			same    bool
		}
		var cands []cand
		for gi, g := range gold {
			for fi, f := range found {
				if ov := overlap(g.Start, g.End, f.Start, f.End); ov > 0 {
					cands = append(cands, cand{gi, fi, ov, sameValue(g, f)})
				}
			}
		}
		sort.SliceStable(cands, func(i, j int) bool {
			if cands[i].same != cands[j].same {
				return cands[i].same
			}
			return cands[i].overlap > cands[j].overlap
		})
		gUsed := make([]bool, len(gold))
		fUsed := make([]bool, len(found))
		spanTP, valueTP := 0, 0
		for _, c := range cands {
			if gUsed[c.g] || fUsed[c.f] {
				continue
			}
			gUsed[c.g], fUsed[c.f] = true, true
			spanTP++
			if c.same {
				valueTP++
			} else {
				res.FactMisses = append(res.FactMisses, fmt.Sprintf("%s/%s %s wrong value: %q gold %v, found %v (%q)",
					ref.ev.Name, ref.gold.File, kind, gold[c.g].Text, gold[c.g].Value, found[c.f].Value, found[c.f].Text))
			}
			out[found[c.f].ID] = gold[c.g]
		}
		for gi, g := range gold {
			if !gUsed[gi] {
				res.FactMisses = append(res.FactMisses, fmt.Sprintf("%s/%s %s missed: %q (%v)", ref.ev.Name, ref.gold.File, kind, g.Text, g.Value))
			}
		}
		for fi, f := range found {
			if !fUsed[fi] {
				res.Spurious = append(res.Spurious, fmt.Sprintf("%s/%s %s spurious: %q (%v)", ref.ev.Name, ref.gold.File, kind, f.Text, f.Value))
			}
		}
		for _, l := range []string{lang, "all"} {
			s := res.factScore(kind, l)
			s.Span = s.Span.Add(Counts{len(gold), len(found), spanTP})
			s.Value = s.Value.Add(Counts{len(gold), len(found), valueTP})
		}
	}
	return out
}

func overlap(a0, a1, b0, b1 int) int {
	lo, hi := max(a0, b0), min(a1, b1)
	if hi > lo {
		return hi - lo
	}
	return 0
}

// sameValue is the scorer's notion of a correct normalised value, per kind.
func sameValue(g *GoldFact, f *compare.Fact) bool {
	switch g.Kind {
	case "date":
		v, ok := f.Value.(string)
		return ok && !f.Unresolved && v == g.Value
	case "number":
		if g.Value == nil {
			return f.Value == nil
		}
		v, ok := f.Value.(float64)
		return ok && sameNumber(v, g.Value.(float64))
	default:
		want, _ := g.Value.(string)
		return sameActor(want, f)
	}
}

var folder = cases.Fold()

// foldName compares names without case and diacritics.
func foldName(s string) string {
	s = norm.NFD.String(folder.String(strings.TrimSpace(s)))
	var b strings.Builder
	for _, r := range s {
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sameActor: the found actor is the gold one when its id or label spells the gold name, or
// when the gold name is one of the English names the gazetteer lists for the found id.
func sameActor(want string, f *compare.Fact) bool {
	if want == "" {
		return false
	}
	w := foldName(want)
	if id, _ := f.Value.(string); foldName(id) == w || foldName(f.Label) == w {
		return true
	}
	if id, _, _, ok := compare.LookupActor(want, "en"); ok {
		if v, _ := f.Value.(string); v == id {
			return true
		}
	}
	return false
}

// storyLabel is the gold story of an article: its event, or the other event it is about.
func storyLabel(ref articleRef) string {
	return ref.ev.Name + "/" + ref.gold.Story
}

func (res *SplitResult) scoreStories(rep analysis.Report, byID map[string]articleRef) {
	sys := map[string]string{}
	for _, s := range rep.Stories {
		for _, a := range s.Articles {
			sys[a] = s.ID
		}
	}
	ids := sortedKeys(byID)
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			g := storyLabel(byID[ids[i]]) == storyLabel(byID[ids[j]])
			p := sys[ids[i]] != "" && sys[ids[i]] == sys[ids[j]]
			if g {
				res.Stories.Gold++
			}
			if p {
				res.Stories.Pred++
			}
			if g && p {
				res.Stories.TP++
			}
		}
	}
}

// goldFactKey identifies a gold fact across the split.
type goldFactKey struct {
	ev, article string
	start       int
}

func (res *SplitResult) scoreAlignments(rep analysis.Report, byID map[string]articleRef, matched map[string]map[string]*GoldFact) {
	// Gold pairs: facts in different articles of one event sharing a claim key.
	type pair struct{ a, b goldFactKey }
	mk := func(x, y goldFactKey) pair {
		if fmt.Sprint(y) < fmt.Sprint(x) {
			x, y = y, x
		}
		return pair{x, y}
	}
	claimOf := map[goldFactKey]string{}
	kindOf := map[goldFactKey]string{}
	goldPairs := map[pair]bool{}
	res.AlignByKind = map[string]*Counts{"date": {}, "number": {}}
	evs := map[string]*Event{}
	for _, ref := range byID {
		evs[ref.ev.Name] = ref.ev
	}
	for _, ev := range evs {
		var keyed []goldFactKey
		for _, name := range sortedKeys(ev.Articles) {
			for _, f := range ev.Articles[name].Facts {
				if f.Claim != "" && f.Kind != "actor" {
					k := goldFactKey{ev.Name, name, f.Start}
					claimOf[k] = f.Claim
					kindOf[k] = f.Kind
					keyed = append(keyed, k)
				}
			}
		}
		for i := range keyed {
			for j := i + 1; j < len(keyed); j++ {
				if keyed[i].article != keyed[j].article && claimOf[keyed[i]] == claimOf[keyed[j]] {
					goldPairs[mk(keyed[i], keyed[j])] = true
				}
			}
		}
	}
	// Found pairs: members of one date/number alignment in different articles.
	type member struct {
		article    string
		start, end int
	}
	found := map[[2]member]bool{}
	covered := map[pair]bool{}
	for _, al := range rep.Alignments {
		if al.Kind != "date" && al.Kind != "number" {
			continue
		}
		for i := range al.Members {
			for j := i + 1; j < len(al.Members); j++ {
				x, y := al.Members[i], al.Members[j]
				if x.Article == y.Article {
					continue
				}
				mx, my := member{x.Article, x.Start, x.End}, member{y.Article, y.Start, y.End}
				if fmt.Sprint(my) < fmt.Sprint(mx) {
					mx, my = my, mx
				}
				if found[[2]member{mx, my}] {
					continue
				}
				found[[2]member{mx, my}] = true
				res.Alignment.Pred++
				res.AlignByKind[al.Kind].Pred++
				gx := goldFor(byID, matched, x)
				gy := goldFor(byID, matched, y)
				if gx == nil || gy == nil {
					continue
				}
				kx := goldFactKey{byID[x.Article].ev.Name, byID[x.Article].gold.File, gx.Start}
				ky := goldFactKey{byID[y.Article].ev.Name, byID[y.Article].gold.File, gy.Start}
				if p := mk(kx, ky); goldPairs[p] {
					res.Alignment.TP++
					covered[p] = true
				}
			}
		}
	}
	res.Alignment.Gold = len(goldPairs)
	for p := range goldPairs {
		if c := res.AlignByKind[kindOf[p.a]]; c != nil {
			c.Gold++
			if covered[p] {
				c.TP++
			}
		}
	}
	res.AlignCases = alignCases(rep, byID, matched, claimOf)
	// TP counts found pairs; recall must count gold pairs covered, which can differ when two
	// found facts map onto one gold fact. Keep recall honest by capping TP at covered pairs.
	if len(covered) < res.Alignment.TP {
		res.Alignment.TP = len(covered)
	}
}

// alignCases explains the alignment figures case by case: for each gold claim with a missed
// pair, its facts and the found alignment (A1, A2…, or "-" for none) each one sits in; then
// each found alignment holding a pair that is no gold pair, with the claim of each member.
func alignCases(rep analysis.Report, byID map[string]articleRef, matched map[string]map[string]*GoldFact, claimOf map[goldFactKey]string) []string {
	label := map[goldFactKey][]string{} // gold fact → the alignments it sits in
	type alMember struct {
		m compare.Member
		k *goldFactKey
	}
	var als [][]alMember
	for _, al := range rep.Alignments {
		if al.Kind != "date" && al.Kind != "number" {
			continue
		}
		name := fmt.Sprintf("A%d", len(als)+1)
		var ms []alMember
		for _, m := range al.Members {
			am := alMember{m: m}
			if g := goldFor(byID, matched, m); g != nil {
				k := goldFactKey{byID[m.Article].ev.Name, byID[m.Article].gold.File, g.Start}
				am.k = &k
				label[k] = appendUniqueStr(label[k], name)
			}
			ms = append(ms, am)
		}
		als = append(als, ms)
	}
	// The concept each gold fact's found fact was given (by the engine), to tell a concept
	// the lexicon missed from a pair the scores refused.
	conceptOf := map[goldFactKey]string{}
	for id, ref := range byID {
		for i := range ref.rep.Facts {
			f := &ref.rep.Facts[i]
			if g := matched[id][f.ID]; g != nil {
				k := goldFactKey{ref.ev.Name, ref.gold.File, g.Start}
				conceptOf[k] = f.Concept
			}
		}
	}
	var out []string
	// Claims with missed pairs.
	byClaim := map[string][]goldFactKey{}
	for k, c := range claimOf {
		byClaim[k.ev+"|"+c] = append(byClaim[k.ev+"|"+c], k)
	}
	for _, ck := range sortedKeys(byClaim) {
		ks := byClaim[ck]
		sort.Slice(ks, func(i, j int) bool { return fmt.Sprint(ks[i]) < fmt.Sprint(ks[j]) })
		missed := 0
		for i := range ks {
			for j := i + 1; j < len(ks); j++ {
				if ks[i].article != ks[j].article && !shareLabel(label[ks[i]], label[ks[j]]) {
					missed++
				}
			}
		}
		if missed == 0 {
			continue
		}
		var parts []string
		for _, k := range ks {
			g := goldFactAt(byID, k)
			l := strings.Join(label[k], ",")
			if l == "" {
				l = "-"
			}
			parts = append(parts, fmt.Sprintf("%s %q=%v {%s} →%s", k.article, g.Text, g.Value, conceptOf[k], l))
		}
		out = append(out, fmt.Sprintf("claim %s (%d pairs missed): %s", strings.Replace(ck, "|", " ", 1), missed, strings.Join(parts, " | ")))
	}
	// Alignments joining facts of different claims (or facts of no claim).
	for i, ms := range als {
		bad := 0
		for x := range ms {
			for y := x + 1; y < len(ms); y++ {
				if ms[x].m.Article == ms[y].m.Article {
					continue
				}
				if ms[x].k == nil || ms[y].k == nil || claimOf[*ms[x].k] == "" || claimOf[*ms[x].k] != claimOf[*ms[y].k] {
					bad++
				}
			}
		}
		if bad == 0 {
			continue
		}
		var parts []string
		ev := ""
		for _, am := range ms {
			ref := byID[am.m.Article]
			ev = ref.ev.Name
			c := "no-gold"
			if am.k != nil {
				c = claimOf[*am.k]
				if c == "" {
					c = "no-claim"
				}
			}
			parts = append(parts, fmt.Sprintf("%s %q [%s]", ref.gold.File, am.m.Text, c))
		}
		out = append(out, fmt.Sprintf("A%d %s (%d pairs spurious): %s", i+1, ev, bad, strings.Join(parts, " | ")))
	}
	return out
}

func appendUniqueStr(s []string, x string) []string {
	for _, y := range s {
		if y == x {
			return s
		}
	}
	return append(s, x)
}

func shareLabel(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// goldFactAt is the gold fact a key names.
func goldFactAt(byID map[string]articleRef, k goldFactKey) *GoldFact {
	for _, ref := range byID {
		if ref.ev.Name != k.ev || ref.gold.File != k.article {
			continue
		}
		for i := range ref.gold.Facts {
			if ref.gold.Facts[i].Start == k.start && ref.gold.Facts[i].Kind != "actor" {
				return &ref.gold.Facts[i]
			}
		}
	}
	return &GoldFact{}
}

// goldFor is the gold fact an alignment member stands for: the one its fact was matched to,
// or for a member without a fact id (a highlight) the gold fact its span overlaps.
func goldFor(byID map[string]articleRef, matched map[string]map[string]*GoldFact, m compare.Member) *GoldFact {
	if g := matched[m.Article][m.Fact]; g != nil && m.Fact != "" {
		return g
	}
	ref, ok := byID[m.Article]
	if !ok {
		return nil
	}
	for i := range ref.gold.Facts {
		g := &ref.gold.Facts[i]
		if g.Kind != "actor" && overlap(g.Start, g.End, m.Start, m.End) > 0 {
			return g
		}
	}
	return nil
}

func (res *SplitResult) scoreFlags(events []*Event, rep analysis.Report, byID map[string]articleRef) {
	type goldRef struct {
		ev *Event
		GoldFlag
	}
	var gold, non []goldRef
	for _, ev := range events {
		for _, d := range ev.Discrepancies {
			gold = append(gold, goldRef{ev, d})
		}
		for _, d := range ev.NonDiscrepancies {
			non = append(non, goldRef{ev, d})
		}
	}
	found := make([]bool, len(gold))
	for _, d := range rep.Discrepancies {
		ev := ""
		for _, m := range d.Members {
			if ref, ok := byID[m.Article]; ok {
				ev = ref.ev.Name
				break
			}
		}
		flag := Flag{Event: ev, Kind: d.Kind, Severity: d.Severity, Summary: d.Summary}
		hit := false
		for i, g := range gold {
			if flagMatches(d, g.ev, g.GoldFlag, byID, true) {
				found[i] = true
				hit = true
			}
		}
		if hit {
			res.Flags.TP++
			continue
		}
		res.Unmatched = append(res.Unmatched, flag)
		for _, g := range non {
			if flagMatches(d, g.ev, g.GoldFlag, byID, false) {
				res.FalseAlarms = append(res.FalseAlarms, flag)
				break
			}
		}
	}
	res.Flags.Pred = len(rep.Discrepancies)
	res.Flags.Gold = len(gold)
	for i, g := range gold {
		if res.ByKind[g.Kind] == nil {
			res.ByKind[g.Kind] = &[2]int{}
		}
		res.ByKind[g.Kind][0]++
		if found[i] {
			res.FlagsFound++
			res.ByKind[g.Kind][1]++
		} else {
			res.Misses = append(res.Misses, Miss{g.ev.Name, g.GoldFlag})
		}
	}
}

// flagMatches says whether a raised flag is the listed one: same kind (for a listed
// discrepancy) and on its spans — at least two of its members (or all when it has one), at
// least one for damaged text, and for another event a member in the article about it.
func flagMatches(d compare.Discrepancy, ev *Event, g GoldFlag, byID map[string]articleRef, sameKind bool) bool {
	if sameKind && d.Kind != g.Kind {
		return false
	}
	hits := 0
	offStory := false
	for _, gm := range g.Members {
		for _, m := range d.Members {
			ref, ok := byID[m.Article]
			if !ok || ref.ev != ev || ref.gold.File != gm.Article {
				continue
			}
			if g.Kind == "event" && ref.gold.Story != "main" {
				offStory = true
			}
			if overlap(gm.Start, gm.End, m.Start, m.End) > 0 {
				hits++
				break
			}
		}
	}
	switch {
	case sameKind && g.Kind == "event":
		return offStory
	case sameKind && g.Kind == "garbled":
		return hits >= 1
	default:
		return hits >= min(2, len(g.Members))
	}
}
