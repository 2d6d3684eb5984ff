package interchange

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"parallax/compare"
	"parallax/store"
)

// Validate checks the rules of a set that its JSON Schema cannot express, naming the field of
// the first broken rule by JSON pointer:
//   - format and version; article ids unique, each article's revisions numbered 1..N oldest
//     first under its id, each text valid (UTF-8, NFC, within store.MaxTextBytes) and equal
//     to its SHA-256 hash, publication dates real dates;
//   - the tag set valid (unique names, one tag per shortcut key);
//   - every highlight on an article revision the set holds, its span inside the text, on
//     grapheme-cluster boundaries (a letter and its marks, an emoji sequence, a flag are never
//     split), and its quote exactly the span's text; highlight ids unique per article;
//   - verdicts unique per discrepancy, aliases per surface form, links by id and their
//     members inside their articles' current texts, story overrides per article;
//   - the analysis, when present, about articles the set holds, with spans inside the text.
//
// Read calls it; Import calls it again, because a Set may also be built in code.
func Validate(set *Set) error { return validate(set, "") }

func validate(set *Set, name string) error {
	v := validator{set: set, name: name, bounds: map[textKey][]bool{}, entries: map[string]*ArticleEntry{}}
	for i := range set.Articles {
		if _, dup := v.entries[set.Articles[i].ID]; !dup {
			v.entries[set.Articles[i].ID] = &set.Articles[i]
		}
	}
	v.run()
	return v.err
}

type textKey struct {
	article  string
	revision int
}

type validator struct {
	set    *Set
	name   string
	err    error
	bounds map[textKey][]bool // grapheme-cluster boundaries by code point offset, computed once per text

	entries map[string]*ArticleEntry // by id
}

// revisionText returns the text of an article revision of the set.
func (v *validator) revisionText(id string, rev int) (string, bool) {
	e := v.entries[id]
	if e == nil {
		return "", false
	}
	if rev == e.Revision {
		return e.Text, true
	}
	if rev >= 1 && rev <= len(e.Revisions) && e.Revisions[rev-1].Revision == rev {
		return e.Revisions[rev-1].Text, true
	}
	return "", false
}

func (v *validator) fail(ptr, format string, args ...any) {
	if v.err == nil {
		v.err = &Error{Name: v.name, Pointer: ptr, Msg: fmt.Sprintf(format, args...), Err: ErrInvalid}
	}
}

func (v *validator) run() {
	s := v.set
	switch {
	case s.Format != Format:
		v.fail("/format", "is %q, not %q: this is not a Parallax set", s.Format, Format)
	case s.Version > Version:
		v.err = &Error{Name: v.name, Pointer: "/version", Err: ErrNewerVersion,
			Msg: fmt.Sprintf("the set has version %d; this Parallax reads up to version %d. Upgrade Parallax to import it", s.Version, Version)}
	case s.Version < 1:
		v.fail("/version", "is %d; set versions start at 1", s.Version)
	}
	ids := map[string]int{}
	for i, a := range s.Articles {
		p := fmt.Sprintf("/articles/%d", i)
		if j, dup := ids[a.ID]; dup {
			v.fail(p+"/id", "article id %q is also the id of /articles/%d; ids must be unique", a.ID, j)
		}
		ids[a.ID] = i
		v.article(p, a.Article, a.ID)
		if a.Revision != len(a.Revisions)+1 {
			v.fail(p+"/revision", "is %d, but the article carries %d earlier revisions; revisions must be 1..%d", a.Revision, len(a.Revisions), a.Revision)
		}
		for j, r := range a.Revisions {
			rp := fmt.Sprintf("%s/revisions/%d", p, j)
			if r.Revision != j+1 {
				v.fail(rp+"/revision", "is %d; earlier revisions must be numbered 1, 2, … oldest first", r.Revision)
			}
			v.article(rp, r, a.ID)
		}
	}
	if err := store.ValidateTags(s.Tags); err != nil {
		v.fail("/tags", "%s", strings.TrimSuffix(err.Error(), ": "+store.ErrInvalid.Error()))
	}
	seen := map[string]int{}
	for i, h := range s.Highlights {
		p := fmt.Sprintf("/highlights/%d", i)
		if _, ok := ids[h.Article]; !ok {
			v.fail(p+"/article", "names article %q, which the set does not hold", h.Article)
			continue
		}
		k := h.Article + "\x00" + h.ID
		if j, dup := seen[k]; dup {
			v.fail(p+"/id", "highlight id %q is also used by /highlights/%d on the same article", h.ID, j)
		}
		seen[k] = i
		text, ok := v.revisionText(h.Article, h.Revision)
		if !ok {
			v.fail(p+"/revision", "article %q has no revision %d in the set", h.Article, h.Revision)
			continue
		}
		v.span(p, textKey{h.Article, h.Revision}, text, h.Start, h.End, h.Quote, "/quote", false)
		for j, t := range h.Tags {
			for _, u := range h.Tags[:j] {
				if t == u {
					v.fail(fmt.Sprintf("%s/tags/%d", p, j), "tag %q appears twice", t)
				}
			}
		}
	}
	clear(seen)
	for i, vd := range s.Verdicts {
		if j, dup := seen[vd.Discrepancy]; dup {
			v.fail(fmt.Sprintf("/verdicts/%d/discrepancy", i), "a second verdict on discrepancy %q (the first is /verdicts/%d)", vd.Discrepancy, j)
		}
		seen[vd.Discrepancy] = i
	}
	clear(seen)
	for i, a := range s.Aliases {
		p := fmt.Sprintf("/aliases/%d", i)
		if a.Surface != strings.TrimSpace(a.Surface) {
			v.fail(p+"/surface", "%q has spaces around it", a.Surface)
		}
		if j, dup := seen[a.Surface]; dup {
			v.fail(p+"/surface", "alias %q is also /aliases/%d", a.Surface, j)
		}
		seen[a.Surface] = i
	}
	clear(seen)
	for i, l := range s.Links {
		p := fmt.Sprintf("/links/%d", i)
		if j, dup := seen[l.ID]; dup {
			v.fail(p+"/id", "link id %q is also /links/%d", l.ID, j)
		}
		seen[l.ID] = i
		for j, m := range l.Members {
			mp := fmt.Sprintf("%s/members/%d", p, j)
			e := v.entries[m.Article]
			if e == nil {
				v.fail(mp+"/article", "names article %q, which the set does not hold", m.Article)
				continue
			}
			// Links are made on, and checked against, the current text (store.PutLink).
			v.span(mp, textKey{e.ID, e.Revision}, e.Text, m.Start, m.End, m.Text, "/text", true)
		}
	}
	clear(seen)
	for i, o := range s.StoryOverrides {
		p := fmt.Sprintf("/story_overrides/%d/article", i)
		if _, ok := ids[o.Article]; !ok {
			v.fail(p, "names article %q, which the set does not hold", o.Article)
		}
		if j, dup := seen[o.Article]; dup {
			v.fail(p, "a second override for article %q (the first is /story_overrides/%d)", o.Article, j)
		}
		seen[o.Article] = i
	}
	if s.Analysis != nil {
		v.analysis(s.Analysis)
	}
}

// article checks one revision's own fields.
func (v *validator) article(p string, a store.Article, id string) {
	if a.ID != id {
		v.fail(p+"/id", "is %q, but this is a revision of article %q", a.ID, id)
	}
	if err := store.ValidateArticleText(a.Text); err != nil {
		v.fail(p+"/text", "%s", strings.TrimSuffix(err.Error(), ": "+store.ErrInvalid.Error()))
		return
	}
	if h := store.TextHash(a.Text); h != a.Hash {
		v.fail(p+"/hash", "is not the SHA-256 of the text (%s…); the text was altered or the hash is wrong", h[:12])
	}
	if a.Published != "" {
		ok := false
		for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
			if _, err := time.Parse(layout, a.Published); err == nil {
				ok = true
			}
		}
		if !ok {
			v.fail(p+"/published", "%q is not a real date", a.Published)
		}
	}
}

// span checks [start, end) against a text: inside it, on grapheme-cluster boundaries, and
// (when quote is given) reading exactly quote. A quote is required unless optionalQuote.
func (v *validator) span(p string, k textKey, text string, start, end int, quote, quoteField string, optionalQuote bool) {
	n := utf8.RuneCountInString(text)
	switch {
	case start >= end:
		v.fail(p+"/end", "span [%d,%d) is empty or reversed; end must be greater than start", start, end)
		return
	case end > n:
		v.fail(p+"/end", "span [%d,%d) ends outside the text, which has %d characters (code points)", start, end, n)
		return
	}
	got := runeSlice(text, start, end)
	if (quote != "" || !optionalQuote) && got != quote {
		v.fail(p+quoteField, "is %q, but the span [%d,%d) of the text reads %q", quote, start, end, got)
		return
	}
	b := v.boundaries(k, text)
	if !b[start] {
		v.fail(p+"/start", "%d falls inside a character (a letter and its marks, or an emoji sequence); move it to a character boundary", start)
	} else if !b[end] {
		v.fail(p+"/end", "%d falls inside a character (a letter and its marks, or an emoji sequence); move it to a character boundary", end)
	}
}

// boundaries marks the code point offsets of a text where a grapheme cluster starts (and its
// end), per UAX #29.
func (v *validator) boundaries(k textKey, text string) []bool {
	if b, ok := v.bounds[k]; ok {
		return b
	}
	b := graphemeBoundaries(text)
	v.bounds[k] = b
	return b
}

func graphemeBoundaries(text string) []bool {
	b := make([]bool, utf8.RuneCountInString(text)+1)
	pos, state := 0, -1
	rest := text
	for len(rest) > 0 {
		b[pos] = true
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		pos += utf8.RuneCountInString(cluster)
	}
	b[pos] = true
	return b
}

// runeSlice returns the code points [start, end) of s; the caller has checked the range.
func runeSlice(s string, start, end int) string {
	from, i := len(s), 0
	for b := range s {
		if i == start {
			from = b
		}
		if i == end {
			return s[from:b]
		}
		i++
	}
	return s[from:]
}

// analysis checks that the derived part speaks of the set's articles and stays inside their
// texts (it is not imported, but the report and the W3C export quote from it).
func (v *validator) analysis(an *Analysis) {
	for i, af := range an.Facts {
		p := fmt.Sprintf("/analysis/facts/%d", i)
		text, ok := v.revisionText(af.Article, af.Revision)
		if !ok {
			v.fail(p+"/article", "article %q revision %d is not in the set", af.Article, af.Revision)
			continue
		}
		n := utf8.RuneCountInString(text)
		for j, f := range af.Facts {
			fp := fmt.Sprintf("%s/facts/%d", p, j)
			if f.Start > f.End || f.End > n {
				v.fail(fp+"/end", "fact span [%d,%d) is not inside the text's %d characters", f.Start, f.End, n)
			} else if got := runeSlice(text, f.Start, f.End); got != f.Text {
				v.fail(fp+"/text", "is %q, but the span [%d,%d) reads %q", f.Text, f.Start, f.End, got)
			}
		}
	}
	for i, a := range an.Alignments {
		v.members(fmt.Sprintf("/analysis/alignments/%d", i), a.Members)
	}
	for i, d := range an.Discrepancies {
		v.members(fmt.Sprintf("/analysis/discrepancies/%d", i), d.Members)
	}
}

func (v *validator) members(p string, ms []compare.Member) {
	for j, m := range ms {
		mp := fmt.Sprintf("%s/members/%d", p, j)
		e := v.entries[m.Article]
		if e == nil {
			v.fail(mp+"/article", "names article %q, which the set does not hold", m.Article)
			continue
		}
		n := utf8.RuneCountInString(e.Text)
		if m.Start > m.End || m.End > n {
			v.fail(mp+"/end", "span [%d,%d) is not inside the text's %d characters", m.Start, m.End, n)
		} else if got := runeSlice(e.Text, m.Start, m.End); m.Text != "" && got != m.Text {
			v.fail(mp+"/text", "is %q, but the span [%d,%d) reads %q", m.Text, m.Start, m.End, got)
		}
	}
}
