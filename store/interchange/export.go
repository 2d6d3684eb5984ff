package interchange

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"parallax"
	"parallax/compare"
	"parallax/store"
	"parallax/store/analysis"
)

// ExportOptions choose what Export puts in a set.
type ExportOptions struct {
	// Story limits the set to one story's articles (and the highlights, verdicts, links and
	// story overrides that concern them). It needs Analysis, which says what the stories are.
	Story string
	// Analysis, when given, is included: facts, stories, alignments and discrepancies (from
	// analysis.Workspace on the same workspace).
	Analysis *analysis.Report
	// Exported stamps the set; zero means now (UTC, whole seconds). Tests fix it to compare
	// two exports byte for byte.
	Exported time.Time
}

// Export reads the workspace in one transaction (store.Snapshot) into a Set.
func Export(db *store.DB, opts ExportOptions) (*Set, error) {
	snap, err := db.Snapshot()
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	when := opts.Exported
	if when.IsZero() {
		when = time.Now()
	}
	set := &Set{
		Format:    Format,
		Version:   Version,
		Generator: parallax.VersionString(),
		Exported:  when.UTC().Truncate(time.Second),
	}
	revs := map[string][]store.Article{}
	for _, r := range snap.Revisions {
		revs[r.ID] = append(revs[r.ID], r)
	}
	set.Articles = make([]ArticleEntry, 0, len(snap.Articles))
	for _, a := range snap.Articles {
		old := revs[a.ID]
		sort.Slice(old, func(i, j int) bool { return old[i].Revision < old[j].Revision })
		set.Articles = append(set.Articles, ArticleEntry{Article: a, Revisions: old})
	}
	set.Tags = nonNil(snap.Tags)
	set.Highlights = nonNil(snap.Highlights)
	for i := range set.Highlights {
		set.Highlights[i].Tags = nonNil(set.Highlights[i].Tags)
	}
	set.Aliases = nonNil(snap.Aliases)
	slices.SortFunc(set.Aliases, func(a, b store.LearnedAlias) int { return strings.Compare(a.Surface, b.Surface) })
	set.Verdicts = nonNil(snap.Verdicts)
	slices.SortFunc(set.Verdicts, func(a, b store.Verdict) int { return strings.Compare(a.Discrepancy, b.Discrepancy) })
	set.Links = nonNil(snap.Links)
	slices.SortFunc(set.Links, func(a, b store.ManualLink) int {
		return cmp.Or(a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})
	set.StoryOverrides = nonNil(snap.StoryOverrides)
	slices.SortFunc(set.StoryOverrides, func(a, b store.StoryOverride) int { return strings.Compare(a.Article, b.Article) })

	if opts.Analysis != nil {
		set.Analysis = analysisOf(opts.Analysis, set)
	}
	if opts.Story != "" {
		if err := limitToStory(set, opts.Story); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// analysisOf copies the derived part of a report into a set, facts keyed by the current
// revision they were found in.
func analysisOf(rep *analysis.Report, set *Set) *Analysis {
	an := &Analysis{
		ExtractorVersion: compare.ExtractorVersion,
		Facts:            make([]ArticleFacts, 0, len(rep.Articles)),
		Stories:          nonNil(slices.Clone(rep.Stories)),
		Alignments:       nonNil(slices.Clone(rep.Alignments)),
		Discrepancies:    nonNil(slices.Clone(rep.Discrepancies)),
	}
	entries := make(map[string]*ArticleEntry, len(set.Articles))
	for i := range set.Articles {
		entries[set.Articles[i].ID] = &set.Articles[i]
	}
	for _, a := range rep.Articles {
		af := ArticleFacts{Article: a.ID, Facts: nonNil(a.Facts)}
		if e := entries[a.ID]; e != nil {
			af.Revision = e.Revision
			if a.Published != nil && *a.Published != e.Published {
				af.Published, af.PublishedFrom = *a.Published, a.PublishedFrom
			}
		}
		an.Facts = append(an.Facts, af)
	}
	slices.SortFunc(an.Facts, func(a, b ArticleFacts) int { return strings.Compare(a.Article, b.Article) })
	return an
}

// limitToStory keeps only what concerns one story: its articles (and those its discrepancies
// quote), their highlights and story overrides, links among them, verdicts on its
// discrepancies, and its part of the analysis.
// Tags and aliases are the analyst's vocabulary and stay whole.
func limitToStory(set *Set, story string) error {
	if set.Analysis == nil {
		return fmt.Errorf("export story %q: the analysis is needed to know which articles a story holds; export with the analysis", story)
	}
	var in map[string]bool
	var ids []string
	for _, st := range set.Analysis.Stories {
		ids = append(ids, st.ID)
		if st.ID == story {
			in = map[string]bool{}
			for _, a := range st.Articles {
				in[a] = true
			}
		}
	}
	if in == nil {
		return fmt.Errorf("export story %q: no such story; the workspace has %s", story, listOrNone(ids))
	}
	// Articles of other stories that the story's discrepancies or alignments quote (the
	// article about another event, say) come along: the flags cannot be read without them.
	for _, d := range set.Analysis.Discrepancies {
		if d.Story == story {
			for _, m := range d.Members {
				in[m.Article] = true
			}
		}
	}
	for _, a := range set.Analysis.Alignments {
		if a.Story == story {
			for _, m := range a.Members {
				in[m.Article] = true
			}
		}
	}
	set.Story = story
	set.Articles = filter(set.Articles, func(a ArticleEntry) bool { return in[a.ID] })
	set.Highlights = filter(set.Highlights, func(h store.Highlight) bool { return in[h.Article] })
	set.StoryOverrides = filter(set.StoryOverrides, func(o store.StoryOverride) bool { return in[o.Article] })
	set.Links = filter(set.Links, func(l store.ManualLink) bool {
		return !slices.ContainsFunc(l.Members, func(m compare.Member) bool { return !in[m.Article] })
	})
	an := set.Analysis
	an.Stories = filter(an.Stories, func(s compare.Story) bool { return s.ID == story })
	an.Facts = filter(an.Facts, func(f ArticleFacts) bool { return in[f.Article] })
	an.Alignments = filter(an.Alignments, func(a compare.Alignment) bool { return a.Story == story })
	an.Discrepancies = filter(an.Discrepancies, func(d compare.Discrepancy) bool { return d.Story == story })
	keys := map[string]bool{}
	for _, d := range an.Discrepancies {
		keys[d.ID] = true
	}
	set.Verdicts = filter(set.Verdicts, func(v store.Verdict) bool { return keys[v.Discrepancy] })
	return nil
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "no stories (is the workspace empty?)"
	}
	return "stories " + strings.Join(ids, ", ")
}

func filter[T any](s []T, keep func(T) bool) []T {
	out := make([]T, 0, len(s))
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Write encodes a set as indented JSON with non-ASCII text kept readable (no \u escapes, no
// HTML escaping), the form the schema describes and Read reads.
func Write(w io.Writer, set *Set) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(set); err != nil {
		return fmt.Errorf("write Parallax set: %w", err)
	}
	return nil
}
