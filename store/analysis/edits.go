package analysis

import (
	"time"

	"parallax/compare"
	"parallax/store"
)

// editDiscrepancies flags every article of the workspace that has been edited since it was
// first stored: its previous revision against its current one (compare.EditDiscrepancy), in
// the story the current one belongs to. current gives the current revisions' facts as
// extracted (not resolved against their story, which the previous revision has no part in).
// The previous revisions' facts come from the fact cache, else are extracted and returned so
// the caller can cache them.
func editDiscrepancies(db *store.DB, arts []store.Article, current map[string][]compare.Fact, rep Report,
	opts compare.Options) ([]compare.Discrepancy, []store.FactSet, error) {
	storyOf := map[string]string{}
	for _, st := range rep.Stories {
		for _, id := range st.Articles {
			storyOf[id] = st.ID
		}
	}
	var (
		out   []compare.Discrepancy
		fresh []store.FactSet
	)
	for _, a := range arts {
		if a.Revision < 2 {
			continue
		}
		prev, err := db.ArticleRevision(a.ID, a.Revision-1)
		if err != nil {
			return nil, nil, err
		}
		before := revisionText(prev, DisplayName(a))
		cached := false
		if len(opts.Aliases) == 0 {
			f, ok, err := db.CachedFacts(prev.ID, prev.Revision, compare.ExtractorVersion)
			if err != nil {
				return nil, nil, err
			}
			before.Facts, cached = f, ok
		}
		if !cached {
			before.Facts = compare.ExtractFacts(before.Doc, opts)
			fresh = append(fresh, store.FactSet{Article: prev.ID, Revision: prev.Revision, Facts: before.Facts})
		}
		after := revisionText(a, DisplayName(a))
		after.Facts = current[a.ID]
		if d, ok := compare.EditDiscrepancy(storyOf[a.ID], before, after); ok {
			out = append(out, d)
		}
	}
	return out, fresh, nil
}

// revisionText is one stored revision as compare.EditDiscrepancy takes it, named name.
func revisionText(a store.Article, name string) compare.RevisionText {
	st := compare.RevisionStamp{Revision: a.Revision, Modified: a.Modified, Title: a.Title}
	if !a.FetchedAt.IsZero() {
		st.Fetched = a.FetchedAt.UTC().Format(time.RFC3339)
	}
	if !a.ImportedAt.IsZero() {
		st.Imported = a.ImportedAt.UTC().Format(time.RFC3339)
	}
	return compare.RevisionText{
		Doc: compare.Document{ID: a.ID, Name: name, Lang: a.Lang, Text: a.Text, Published: a.Published,
			PublishedTime: a.PublishedTime, Source: a.Outlet, Title: a.Title},
		Stamp: st,
	}
}
