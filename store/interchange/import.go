package interchange

import (
	"fmt"
	"slices"
	"strings"

	"parallax/store"
)

// ImportReport says what Import did: the store's merge result plus who imported.
type ImportReport struct {
	store.MergeResult
	// Author is the name given to records of the set that carried none ("" when none given).
	Author string `json:"author,omitempty"`
}

// Import brings a set into a workspace in one transaction (store.DB.Merge): nothing is
// written when the set is invalid or any write fails.
//
// Into an empty workspace (no articles, nothing the analyst made) it rebuilds the set exactly,
// so Export after Import gives the same document (Exported aside). Into a workspace that holds
// some of it, it merges: the same article (by URL or source, or by the SHA-256 of a text) is
// not duplicated; highlights, verdicts, aliases, links and story overrides of both analysts
// are kept with their authors; records both sides changed differently are kept as they are
// here and listed in ImportReport.Conflicts.
//
// author names records of the set that carry no author of their own (typically the colleague
// who sent it); "" leaves them unattributed. Records that name an author keep it.
func Import(db *store.DB, set *Set, author string) (ImportReport, error) {
	if set == nil {
		return ImportReport{}, fmt.Errorf("import set: no set given")
	}
	if err := Validate(set); err != nil {
		return ImportReport{}, fmt.Errorf("import set into %s: %w; nothing was imported", db.Path(), err)
	}
	res, err := db.Merge(records(set, strings.TrimSpace(author)))
	if err != nil {
		return ImportReport{}, err
	}
	return ImportReport{MergeResult: res, Author: strings.TrimSpace(author)}, nil
}

// records converts a set to the store's merge input, copying what it changes.
func records(set *Set, author string) store.SetRecords {
	in := store.SetRecords{
		Articles:       make([]store.ArticleHistory, len(set.Articles)),
		Tags:           slices.Clone(set.Tags),
		Highlights:     slices.Clone(set.Highlights),
		Aliases:        slices.Clone(set.Aliases),
		Verdicts:       slices.Clone(set.Verdicts),
		Links:          slices.Clone(set.Links),
		StoryOverrides: slices.Clone(set.StoryOverrides),
	}
	for i, e := range set.Articles {
		in.Articles[i] = e.history()
	}
	if author != "" {
		for i := range in.Highlights {
			in.Highlights[i].Author = or(in.Highlights[i].Author, author)
		}
		for i := range in.Aliases {
			in.Aliases[i].Author = or(in.Aliases[i].Author, author)
		}
		for i := range in.Verdicts {
			in.Verdicts[i].Author = or(in.Verdicts[i].Author, author)
		}
		for i := range in.Links {
			in.Links[i].Author = or(in.Links[i].Author, author)
		}
		for i := range in.StoryOverrides {
			in.StoryOverrides[i].Author = or(in.StoryOverrides[i].Author, author)
		}
	}
	return in
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// String is a one-line summary for a status bar or the command line, for example
// "merged: 2 articles added, 3 already here; 5 highlights added; 1 conflict (kept yours: verdict d-1f…)".
func (r ImportReport) String() string {
	var parts []string
	add := func(what string, c store.Counts) {
		var p []string
		if c.Added > 0 {
			p = append(p, fmt.Sprintf("%d added", c.Added))
		}
		if c.Updated > 0 {
			p = append(p, fmt.Sprintf("%d updated", c.Updated))
		}
		if c.Unchanged > 0 {
			p = append(p, fmt.Sprintf("%d already here", c.Unchanged))
		}
		if len(p) > 0 {
			parts = append(parts, what+" "+strings.Join(p, ", "))
		}
	}
	add("articles", r.Articles)
	if r.Revisions > 0 {
		parts = append(parts, fmt.Sprintf("%d new revisions", r.Revisions))
	}
	add("highlights", r.Highlights)
	add("verdicts", r.Verdicts)
	add("aliases", r.Aliases)
	add("links", r.Links)
	add("story overrides", r.StoryOverrides)
	if r.Tags.Added > 0 && !r.Restored {
		parts = append(parts, fmt.Sprintf("tags %d added", r.Tags.Added))
	}
	head := "merged"
	if r.Restored {
		head = "restored into an empty workspace"
	}
	if len(parts) == 0 {
		parts = []string{"nothing new"}
	}
	s := head + ": " + strings.Join(parts, "; ")
	if n := len(r.Conflicts); n > 0 {
		var keys []string
		for _, c := range r.Conflicts[:min(n, 3)] {
			keys = append(keys, c.Kind+" "+c.Key)
		}
		more := ""
		if n > 3 {
			more = fmt.Sprintf(", +%d more", n-3)
		}
		s += fmt.Sprintf("; %d %s kept as they were here (%s%s)", n, plural(n, "conflict", "conflicts"), strings.Join(keys, ", "), more)
	}
	if len(r.Notes) > 0 {
		s += fmt.Sprintf("; %d %s", len(r.Notes), plural(len(r.Notes), "note", "notes"))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
