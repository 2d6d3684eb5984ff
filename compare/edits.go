package compare

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Edits after publication.
//
// An article fetched again from the same address with other text is stored as its next
// revision. EditDiscrepancy compares two revisions of one article: the texts are diffed by
// paragraph with go-diff, a changed paragraph is paired with the one that replaced it and
// diffed by character, and the facts of both revisions say what the change means — a toll
// that went from 12 to 35, a spokesman who now has another name — while a paragraph with no
// counterpart is reported as removed or added.

// Edit kinds: a fact (FactKind values "date", "number", "actor") or one of these.
const (
	EditParagraph = "paragraph" // a whole paragraph removed or added
	EditWording   = "wording"   // words changed that carry no fact
	EditTitle     = "title"     // the headline
)

// Edit changes.
const (
	EditChanged = "changed"
	EditRemoved = "removed"
	EditAdded   = "added"
)

// RevisionStamp is the evidence of when a revision was read and what its page said about
// itself. Times are RFC 3339, "" when unknown.
type RevisionStamp struct {
	Revision int    `json:"revision"`
	Fetched  string `json:"fetched,omitempty"`  // when Parallax downloaded the page
	Imported string `json:"imported,omitempty"` // when the revision was stored
	Modified string `json:"modified,omitempty"` // when the page says it was last changed
	Title    string `json:"title,omitempty"`
}

// Edit is one change from an earlier revision of an article to a later one. Start and End
// are the span in the later revision's text (equal for a removal: where the text was),
// OldStart and OldEnd the span in the earlier one's.
type Edit struct {
	Kind     string `json:"kind"`   // "number", "date", "actor", EditParagraph, EditWording, EditTitle
	Change   string `json:"change"` // EditChanged, EditRemoved, EditAdded
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`
	OldValue any    `json:"old_value,omitempty"`
	NewValue any    `json:"new_value,omitempty"`
	OldStart int    `json:"old_start"`
	OldEnd   int    `json:"old_end"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Fact is the later revision's fact the edit is about, "" for wording and removals.
	Fact string `json:"fact,omitempty"`
}

// RevisionText is one revision of an article handed to EditDiscrepancy: the document (its
// ID, Name for the summary, Text and Title), its facts as ExtractFacts returns them, and its
// stamp.
type RevisionText struct {
	Doc   Document
	Facts []Fact
	Stamp RevisionStamp
}

// EditDiscrepancy describes how an article changed from revision before to revision after
// (both of the same article, after the later): a discrepancy of kind DiscEdit in story,
// whose members are the changed spans of the later text, whose Edits list the changes and
// whose Revisions hold both stamps as evidence. ok is false when the two texts and titles
// are the same.
func EditDiscrepancy(story string, before, after RevisionText) (Discrepancy, bool) {
	edits := textEdits(before, after)
	if t0, t1 := strings.TrimSpace(before.Doc.Title), strings.TrimSpace(after.Doc.Title); t0 != t1 && t0 != "" && t1 != "" {
		edits = append([]Edit{{Kind: EditTitle, Change: EditChanged, Old: t0, New: t1}}, edits...)
	}
	if len(edits) == 0 {
		return Discrepancy{}, false
	}
	severity := SeverityMinor
	var ms []Member
	for _, e := range edits {
		switch e.Kind {
		case string(KindNumber), string(KindDate), string(KindActor):
			severity = SeverityMajor
		}
		if e.Kind == EditTitle || e.Change == EditRemoved {
			continue // nothing of it is left in the later text to point at
		}
		ms = append(ms, Member{Article: after.Doc.ID, Fact: e.Fact, Start: e.Start, End: e.End, Text: e.New, Value: e.NewValue})
	}
	if len(ms) == 0 {
		// Only removals (or the headline): the member is where the first one was.
		at := 0
		for _, e := range edits {
			if e.Kind != EditTitle {
				at = e.Start
				break
			}
		}
		ms = []Member{{Article: after.Doc.ID, Start: at, End: at}}
	}
	id := "d-" + shortHash(fmt.Sprintf("%s|%s|%d→%d", DiscEdit, after.Doc.ID, before.Stamp.Revision, after.Stamp.Revision), 16)
	return Discrepancy{ID: id, Story: story, Kind: DiscEdit, Severity: severity,
		Summary: editSummary(after.Doc.displayName(), before.Stamp, after.Stamp, edits), Members: ms,
		Edits: edits, Revisions: []RevisionStamp{before.Stamp, after.Stamp}}, true
}

// editSummary says in one line who was edited, when, and the changes that matter most:
// facts first, then whole paragraphs, the headline and wording; a change made in several
// places is named once.
func editSummary(name string, before, after RevisionStamp, edits []Edit) string {
	rank := func(e Edit) int {
		switch e.Kind {
		case string(KindNumber), string(KindDate), string(KindActor):
			return 0
		case EditParagraph:
			return 1
		case EditTitle:
			return 2
		}
		return 3
	}
	var parts []string
	times := map[string]int{}
	for r := 0; r <= 3; r++ {
		for _, e := range edits {
			if rank(e) != r {
				continue
			}
			s := describeEdit(e)
			if times[s] == 0 {
				parts = append(parts, s)
			}
			times[s]++
		}
	}
	shown := parts
	if len(shown) > 3 {
		shown = shown[:3]
	}
	for i, s := range shown {
		if n := times[s]; n > 1 {
			shown[i] = fmt.Sprintf("%s (%d×)", s, n)
		}
	}
	list := strings.Join(shown, "; ")
	if more := len(parts) - len(shown); more > 0 {
		noun := "changes"
		if more == 1 {
			noun = "change"
		}
		list += fmt.Sprintf("; %d more %s", more, noun)
	}
	return fmt.Sprintf("%s was edited: %s (revision %d%s → revision %d%s)", name, list,
		before.Revision, stampWhen(before), after.Revision, stampWhen(after))
}

func stampWhen(s RevisionStamp) string {
	var w []string
	if s.Modified != "" {
		w = append(w, "modified "+shortTime(s.Modified))
	}
	if s.Fetched != "" {
		w = append(w, "fetched "+shortTime(s.Fetched))
	} else if s.Imported != "" {
		w = append(w, "imported "+shortTime(s.Imported))
	}
	if len(w) == 0 {
		return ""
	}
	return ", " + strings.Join(w, ", ")
}

// shortTime renders an RFC 3339 time to the minute ("2025-05-12 16:25").
func shortTime(s string) string {
	if len(s) >= len("2006-01-02T15:04") && s[10] == 'T' {
		return s[:10] + " " + s[11:16]
	}
	return s
}

func describeEdit(e Edit) string {
	switch e.Change {
	case EditRemoved:
		if e.Kind == EditParagraph {
			return "paragraph removed: “" + ellipsize(e.Old, 40) + "”"
		}
		return e.Kind + " removed: “" + ellipsize(e.Old, 40) + "”"
	case EditAdded:
		if e.Kind == EditParagraph {
			return "paragraph added: “" + ellipsize(e.New, 40) + "”"
		}
		return e.Kind + " added: “" + ellipsize(e.New, 40) + "”"
	}
	return e.Kind + " “" + ellipsize(e.Old, 40) + "” → “" + ellipsize(e.New, 40) + "”"
}

// ellipsize shortens s to at most n runes on one line.
func ellipsize(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// para is one paragraph (line) of a text: its runes' span, end exclusive, without the
// line break.
type para struct {
	start, end int
	text       string
}

// paragraphs splits text at line breaks, leaving out blank lines.
func paragraphs(text string) []para {
	var ps []para
	pos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		n := utf8.RuneCountInString(line)
		body := strings.TrimSuffix(line, "\n")
		if strings.TrimSpace(body) != "" {
			ps = append(ps, para{start: pos, end: pos + utf8.RuneCountInString(body), text: body})
		}
		pos += n
	}
	return ps
}

// textEdits diffs the two texts by paragraph and describes each change. Blank lines are
// left out of the paragraph diff: they are the same in every revision and would cut one
// replaced paragraph into a removal and an addition.
func textEdits(before, after RevisionText) []Edit {
	if before.Doc.Text == after.Doc.Text {
		return nil
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	oldPs, newPs := paragraphs(before.Doc.Text), paragraphs(after.Doc.Text)
	// One rune per distinct paragraph (from U+10000 up, past the surrogates), as go-diff's
	// own line mode does.
	tokens := map[string]rune{}
	tokenize := func(ps []para) []rune {
		rs := make([]rune, len(ps))
		for i, p := range ps {
			r, ok := tokens[p.text]
			if !ok {
				r = rune(0x10000 + len(tokens))
				tokens[p.text] = r
			}
			rs[i] = r
		}
		return rs
	}
	diffs := dmp.DiffMainRunes(tokenize(oldPs), tokenize(newPs), false)
	end := utf8.RuneCountInString(after.Doc.Text)
	var edits []Edit
	oi, ni := 0, 0 // paragraph indexes
	var delPs, insPs []para
	flush := func() {
		if len(delPs)+len(insPs) > 0 {
			edits = append(edits, hunkEdits(dmp, before, after, delPs, insPs, newParaStart(newPs, ni, end))...)
		}
		delPs, insPs = nil, nil
	}
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			oi += n
			ni += n
		case diffmatchpatch.DiffDelete:
			delPs = append(delPs, oldPs[oi:oi+n]...)
			oi += n
		case diffmatchpatch.DiffInsert:
			insPs = append(insPs, newPs[ni:ni+n]...)
			ni += n
		}
	}
	flush()
	return edits
}

// newParaStart is where paragraph i of the later text starts (the end of the text past it).
func newParaStart(ps []para, i, end int) int {
	if i < len(ps) {
		return ps[i].start
	}
	return end
}

// hunkEdits describes one run of removed paragraphs replaced by inserted ones: each removed
// paragraph is paired, in order, with the first inserted one that keeps most of its words;
// paired paragraphs are compared fact by fact, the rest are whole removals and additions.
// at is where the hunk lies in the later text.
func hunkEdits(dmp *diffmatchpatch.DiffMatchPatch, before, after RevisionText, del, ins []para, at int) []Edit {
	var edits []Edit
	j := 0
	for _, p := range del {
		match := -1
		for k := j; k < len(ins) && k < j+pairLookahead; k++ {
			if similar(p.text, ins[k].text) {
				match = k
				break
			}
		}
		if match < 0 {
			if strings.TrimSpace(p.text) != "" {
				pos := at
				if j < len(ins) {
					pos = ins[j].start
				}
				edits = append(edits, Edit{Kind: EditParagraph, Change: EditRemoved, Old: p.text,
					OldStart: p.start, OldEnd: p.end, Start: pos, End: pos})
			}
			continue
		}
		for ; j < match; j++ {
			edits = append(edits, addedParagraph(ins[j])...)
		}
		edits = append(edits, paragraphEdits(dmp, before, after, p, ins[match])...)
		j = match + 1
	}
	for ; j < len(ins); j++ {
		edits = append(edits, addedParagraph(ins[j])...)
	}
	return edits
}

func addedParagraph(p para) []Edit {
	if strings.TrimSpace(p.text) == "" {
		return nil
	}
	return []Edit{{Kind: EditParagraph, Change: EditAdded, New: p.text, Start: p.start, End: p.end}}
}

// pairLookahead is how many inserted paragraphs a removed one is compared with, in order,
// to find its edited version: enough for a few added paragraphs in between, and it bounds the
// character diffs of a wholly rewritten article to a few per paragraph.
const pairLookahead = 8

// similar reports whether b is an edited version of a rather than another paragraph: at
// least half of the longer one's pairs of adjacent characters are in the other too. Pairs of
// characters work the same for words between spaces and for Chinese, and cost one pass,
// where a character diff of every candidate pair made a rewritten article take seconds.
func similar(a, b string) bool {
	ca, na := charPairs(a)
	cb, nb := charPairs(b)
	if na == 0 || nb == 0 {
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	same := 0
	for k, x := range ca {
		same += min(x, cb[k])
	}
	return 2*same >= max(na, nb)
}

// charPairs counts the pairs of adjacent characters of s, case folded.
func charPairs(s string) (map[[2]rune]int, int) {
	rs := []rune(strings.ToLower(s))
	m := make(map[[2]rune]int, len(rs))
	for i := 1; i < len(rs); i++ {
		m[[2]rune{rs[i-1], rs[i]}]++
	}
	return m, max(len(rs)-1, 0)
}

// span is a change inside a paragraph pair: old runes [o0,o1) became new runes [n0,n1),
// offsets in the whole texts.
type span struct{ o0, o1, n0, n1 int }

// paragraphEdits compares an old paragraph with its edited version. A fact of either side
// that a change touches is an edited fact: the old and new ones of a kind are paired in
// order (12 → 35), and what is left over was removed or added. Changes that touch no fact
// are wording edits.
func paragraphEdits(dmp *diffmatchpatch.DiffMatchPatch, before, after RevisionText, p, q para) []Edit {
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMain(p.text, q.text, false))
	var changes []span
	o, n := p.start, q.start
	cur := span{-1, -1, -1, -1}
	open := false
	for _, d := range diffs {
		l := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if open {
				changes = append(changes, cur)
				open = false
			}
			o += l
			n += l
			continue
		case diffmatchpatch.DiffDelete:
			if !open {
				cur, open = span{o, o, n, n}, true
			}
			o += l
			cur.o1 = o
		case diffmatchpatch.DiffInsert:
			if !open {
				cur, open = span{o, o, n, n}, true
			}
			n += l
			cur.n1 = n
		}
	}
	if open {
		changes = append(changes, cur)
	}
	oldFacts := touchedFacts(before.Facts, changes, func(s span) (int, int) { return s.o0, s.o1 })
	newFacts := touchedFacts(after.Facts, changes, func(s span) (int, int) { return s.n0, s.n1 })
	var edits []Edit
	covered := make([]bool, len(changes))
	usedNew := make([]bool, len(newFacts))
	for _, f := range oldFacts {
		k := -1
		for i, g := range newFacts {
			if !usedNew[i] && g.Kind == f.Kind {
				k = i
				break
			}
		}
		if k < 0 {
			edits = append(edits, Edit{Kind: string(f.Kind), Change: EditRemoved, Old: f.Text, OldValue: f.Value,
				OldStart: f.Start, OldEnd: f.End, Start: mapOffset(changes, f.Start), End: mapOffset(changes, f.Start)})
			markCovered(covered, changes, f.Start, f.End, true)
			continue
		}
		g := newFacts[k]
		usedNew[k] = true
		markCovered(covered, changes, f.Start, f.End, true)
		markCovered(covered, changes, g.Start, g.End, false)
		if editSameValue(f, g) {
			continue // reworded, same fact
		}
		edits = append(edits, Edit{Kind: string(f.Kind), Change: EditChanged, Old: f.Text, New: g.Text,
			OldValue: f.Value, NewValue: g.Value, OldStart: f.Start, OldEnd: f.End, Start: g.Start, End: g.End, Fact: g.ID})
	}
	for i, g := range newFacts {
		if usedNew[i] {
			continue
		}
		markCovered(covered, changes, g.Start, g.End, false)
		edits = append(edits, Edit{Kind: string(g.Kind), Change: EditAdded, New: g.Text, NewValue: g.Value,
			OldStart: g.Start, OldEnd: g.Start, Start: g.Start, End: g.End, Fact: g.ID})
	}
	oldRunes, newRunes := []rune(before.Doc.Text), []rune(after.Doc.Text)
	for i, c := range changes {
		if covered[i] {
			continue
		}
		o0, o1 := editWordBounds(oldRunes, c.o0, c.o1, p.start, p.end)
		n0, n1 := editWordBounds(newRunes, c.n0, c.n1, q.start, q.end)
		oldText, newText := string(oldRunes[o0:o1]), string(newRunes[n0:n1])
		if strings.TrimSpace(oldText) == strings.TrimSpace(newText) {
			continue
		}
		edits = append(edits, Edit{Kind: EditWording, Change: EditChanged, Old: oldText, New: newText,
			OldStart: o0, OldEnd: o1, Start: n0, End: n1})
	}
	return edits
}

// touchedFacts returns the facts (in text order) that a change overlaps, or that sit right
// against an insertion (a digit added to "12").
func touchedFacts(facts []Fact, changes []span, side func(span) (int, int)) []Fact {
	var out []Fact
	for _, f := range facts {
		for _, c := range changes {
			s, e := side(c)
			if (s < e && s < f.End && f.Start < e) || (s == e && f.Start <= s && s <= f.End) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// markCovered marks the changes that lie within [start, end) of the old (or new) side.
func markCovered(covered []bool, changes []span, start, end int, old bool) {
	for i, c := range changes {
		s, e := c.n0, c.n1
		if old {
			s, e = c.o0, c.o1
		}
		if s < end && start < e || (s == e && start <= s && s <= end) {
			covered[i] = true
		}
	}
}

// mapOffset carries an old offset inside a changed paragraph to the new text: the start of
// the change it falls in, or shifted by the changes before it.
func mapOffset(changes []span, off int) int {
	shift := 0
	for _, c := range changes {
		if off < c.o0 {
			break
		}
		if off < c.o1 || off == c.o0 {
			return c.n0
		}
		shift = c.n1 - c.o1
	}
	return off + shift
}

// editWordBounds widens [s,e) to the words it touches, inside the paragraph [lo,hi): an
// insertion before a word shows with that word ("quickly" → "very quickly").
func editWordBounds(r []rune, s, e, lo, hi int) (int, int) {
	word := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) }
	for s > lo && word(r[s-1]) {
		s--
	}
	for e < hi && word(r[e]) {
		e++
	}
	return s, e
}

// editSameValue reports whether two facts of one kind state the same value.
func editSameValue(f, g Fact) bool {
	if f.Kind == KindNumber {
		x, ok1 := numValue(f)
		y, ok2 := numValue(g)
		return ok1 && ok2 && x == y && f.Qualifier == g.Qualifier
	}
	return fmt.Sprint(f.Value) == fmt.Sprint(g.Value)
}
