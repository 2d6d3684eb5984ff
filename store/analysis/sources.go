package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"parallax/compare"
	"parallax/store"
	"parallax/store/ingest"
)

// Workspace analyses every article of a workspace: cached facts are used when they match the
// article revision and the extractor version, the rest are extracted and written back to the
// cache (one transaction), and the analyst's aliases, links and story overrides are applied.
func Workspace(db *store.DB, opts Options) (Report, error) {
	arts, err := db.Articles()
	if err != nil {
		return Report{}, err
	}
	if opts.Aliases == nil {
		learned, err := db.Aliases()
		if err != nil {
			return Report{}, err
		}
		for _, a := range learned {
			opts.Aliases = append(opts.Aliases, a.Alias)
		}
	}
	if opts.ManualLinks == nil {
		if opts.ManualLinks, err = db.Links(); err != nil {
			return Report{}, err
		}
	}
	if opts.StoryOverrides == nil {
		if opts.StoryOverrides, err = db.StoryOverrides(); err != nil {
			return Report{}, err
		}
	}
	inputs := make([]Input, len(arts))
	for i, a := range arts {
		inputs[i].Article = a
		// Aliases change what actor extraction returns, so cached facts only serve a run
		// without aliases; with aliases the (cheap) extraction runs again.
		if len(opts.Aliases) == 0 {
			f, ok, err := db.CachedFacts(a.ID, a.Revision, compare.ExtractorVersion)
			if err != nil {
				return Report{}, err
			}
			if ok {
				inputs[i].Facts = nonNil(f)
			}
		}
	}
	var cache *workspaceCache
	if !opts.NoStoryCache && buildStamp() != "" {
		cache = newWorkspaceCache(db)
		opts.cache, opts.salt = cache, buildStamp()
	}
	rep, fresh, err := Run(inputs, opts)
	if err != nil {
		return Report{}, err
	}
	if cache != nil {
		if err := cache.save(); err != nil {
			return Report{}, err
		}
	}
	// Articles edited since they were first stored: the previous revision against this one.
	current := make(map[string][]compare.Fact, len(inputs))
	for _, in := range inputs {
		if in.Article.Revision > 1 {
			current[in.Article.ID] = in.Facts
			if f, ok := fresh[in.Article.ID]; ok {
				current[in.Article.ID] = f
			}
		}
	}
	edits, freshPrev, err := editDiscrepancies(db, arts, current, rep, compare.Options{Aliases: opts.Aliases})
	if err != nil {
		return Report{}, err
	}
	rep.Discrepancies = append(rep.Discrepancies, edits...)
	if (len(fresh) > 0 || len(freshPrev) > 0) && len(opts.Aliases) == 0 && !db.ReadOnly() && !opts.throwaway {
		byID := make(map[string]store.Article, len(arts))
		for _, a := range arts {
			byID[a.ID] = a
		}
		batch := make([]store.FactSet, 0, len(fresh)+len(freshPrev))
		for id, f := range fresh {
			batch = append(batch, store.FactSet{Article: id, Revision: byID[id].Revision, Facts: f})
		}
		batch = append(batch, freshPrev...)
		if err := db.PutFactSets(batch, compare.ExtractorVersion); err != nil {
			return Report{}, err
		}
	}
	return rep, nil
}

// Documents analyses ingested documents without touching any workspace of the user's: they
// pass through a throwaway workspace in a temporary directory, so article ids, de-duplication
// and revisions behave exactly as they would in a real one.
func Documents(docs []ingest.Document, opts Options) (Report, error) {
	dir, err := os.MkdirTemp("", "parallax-analyze-*")
	if err != nil {
		return Report{}, fmt.Errorf("create a temporary workspace: %w", err)
	}
	defer os.RemoveAll(dir)
	return DocumentsIn(dir, docs, opts)
}

// DocumentsIn is Documents with the throwaway workspace in dir, which the caller removes: a
// command that may be interrupted removes it on its way out even while the analysis runs.
func DocumentsIn(dir string, docs []ingest.Document, opts Options) (Report, error) {
	db, err := store.Open(filepath.Join(dir, "analyze.parallax"), store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		return Report{}, err
	}
	defer db.Close()
	if runtime.GOOS != "windows" {
		// bbolt keeps the open file: unlinked now, nothing is left behind even if the process
		// is stopped half-way.
		_ = os.RemoveAll(dir)
	}
	if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
		return Report{}, err
	}
	// Nothing will read this workspace again: neither its fact cache nor its story cache is
	// worth writing (the facts of 100,000 articles are a gigabyte of JSON).
	opts.NoStoryCache, opts.throwaway = true, true
	return Workspace(db, opts)
}
