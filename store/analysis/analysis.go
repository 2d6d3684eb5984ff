// Package analysis runs the compare engine over a set of articles — ingested files or a
// workspace's stored articles — and shapes the result as the `parallax analyze --json`
// contract of DESIGN.md. For a workspace it reads and refreshes the stored fact cache and
// applies what the analyst taught: aliases, hand-made links and story overrides.
//
// It is the one place where store and compare meet, so the CLI and the window show the same
// analysis for the same workspace.
package analysis

import (
	"fmt"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"parallax/compare"
	"parallax/store"
)

// ReportVersion is the "version" of the analyze --json document.
const ReportVersion = 1

// Article is one article as the analyze report shows it.
type Article struct {
	ID        string         `json:"id"`
	Source    string         `json:"source"`
	Lang      string         `json:"lang"`
	Title     string         `json:"title"`
	Published *string        `json:"published"` // ISO date or null
	Text      string         `json:"text"`
	Facts     []compare.Fact `json:"facts"`

	// Extra keys (allowed by the contract): where the publication date came from, and how it
	// was inferred from the story when the article itself does not say.
	PublishedFrom string `json:"published_from,omitempty"`
	// PublishedTime is the publication instant (RFC 3339) when the source gave one, and
	// Outlet the publication that ran the article.
	PublishedTime string `json:"published_time,omitempty"`
	Outlet        string `json:"outlet,omitempty"`
	// AlsoRan lists the other outlets that published the same text, and SameText says so in
	// a sentence ("the same wire text ran in A and B").
	AlsoRan  []store.Syndication `json:"also_ran,omitempty"`
	SameText string              `json:"same_text,omitempty"`
}

// Report is the analyze --json document (DESIGN.md, "Headless interface").
type Report struct {
	Version       int                   `json:"version"`
	Articles      []Article             `json:"articles"`
	Stories       []compare.Story       `json:"stories"`
	Alignments    []compare.Alignment   `json:"alignments"`
	Discrepancies []compare.Discrepancy `json:"discrepancies"`
}

// Input is one article handed to Run.
type Input struct {
	Article store.Article
	// Facts are cached facts for this article revision, nil when none are cached.
	Facts []compare.Fact
}

// Options is what the analyst taught, applied to the run.
type Options struct {
	Aliases        []compare.Alias
	ManualLinks    []store.ManualLink
	StoryOverrides []store.StoryOverride
	// Progress, when set, is called as facts are extracted (done of total articles). It is
	// called from worker goroutines: a UI must hop to its own goroutine (fyne.Do).
	Progress func(done, total int)
	// NoStoryCache makes Workspace analyse every story afresh instead of reading back the
	// stories the workspace has cached (and leaves the cache as it is).
	NoStoryCache bool

	// cache and salt are Workspace's story cache and build stamp (see cache.go); throwaway
	// marks the temporary workspace of Documents, whose fact cache is not written.
	cache     compare.StoryCache
	salt      string
	throwaway bool
}

// Run extracts facts where none are cached (in parallel, one worker per CPU), then runs story
// clustering, alignment and discrepancy detection. fresh lists the article ids whose facts
// were computed now, so the caller can write them to the cache.
func Run(inputs []Input, opts Options) (Report, map[string][]compare.Fact, error) {
	docs := make([]compare.Document, len(inputs))
	facts := make(map[string][]compare.Fact, len(inputs))
	seen := make(map[string]bool, len(inputs))
	for i, in := range inputs {
		a := in.Article
		if seen[a.ID] {
			return Report{}, nil, fmt.Errorf("article id %q appears twice in one analysis", a.ID)
		}
		seen[a.ID] = true
		docs[i] = compare.Document{ID: a.ID, Name: DisplayName(a), Lang: a.Lang, Text: a.Text, Published: a.Published,
			PublishedTime: a.PublishedTime, Source: a.Outlet, Title: a.Title}
	}
	copts := compare.Options{Aliases: opts.Aliases}
	fresh := extractMissing(inputs, docs, copts, facts, opts.Progress)

	aopts := compare.AnalyzeOptions{Options: copts}
	if opts.cache != nil {
		aopts.Cache, aopts.CacheSalt = opts.cache, opts.salt
		aopts.Revisions = make(map[string]string, len(inputs))
		for _, in := range inputs {
			aopts.Revisions[in.Article.ID] = strconv.Itoa(in.Article.Revision) + ":" + in.Article.Hash
		}
	}
	for _, l := range opts.ManualLinks {
		if l.Unlink {
			aopts.Unlinks = append(aopts.Unlinks, l.Members)
		} else {
			aopts.ManualLinks = append(aopts.ManualLinks, l.Members)
		}
	}
	if len(opts.StoryOverrides) > 0 {
		aopts.StoryOverrides = make(map[string]string, len(opts.StoryOverrides))
		for _, o := range opts.StoryOverrides {
			aopts.StoryOverrides[o.Article] = o.Story
		}
	}
	res := compare.Analyze(docs, facts, aopts)

	rep := Report{
		Version:       ReportVersion,
		Articles:      make([]Article, len(inputs)),
		Stories:       nonNil(res.Stories),
		Alignments:    nonNil(res.Alignments),
		Discrepancies: nonNil(res.Discrepancies),
	}
	for i, in := range inputs {
		a := in.Article
		out := Article{
			ID: a.ID, Source: a.Source, Lang: a.Lang, Title: a.Title, Text: a.Text,
			PublishedFrom: a.PublishedFrom, PublishedTime: a.PublishedTime, Outlet: a.Outlet,
			AlsoRan: a.AlsoRan, SameText: a.SameTextNote(),
		}
		f := facts[a.ID]
		if rf, ok := res.Facts[a.ID]; ok {
			f = rf
		}
		out.Facts = nonNil(f)
		pub := a.Published
		// The story may name the day of an undated article, or of one whose source gave only
		// the month or year (the inferred day then lies inside it).
		if inf, ok := res.Published[a.ID]; ok && len(pub) < len("2006-01-02") && inf.Date != "" {
			pub = inf.Date
			out.PublishedFrom = inf.From
		}
		if pub != "" {
			out.Published = &pub
		}
		rep.Articles[i] = out
	}
	return rep, fresh, nil
}

// DisplayName is how summaries and reports name an article to a person: its outlet, else
// its URL's host, else its headline when short, else the last element of its path — and its
// language: "Le Courrier du Levant (fr)", "www.rferl.org (ru)", "004_399a1af3.txt (ru)".
// Never a percent-encoded slug or a hash when anything better is known.
func DisplayName(a store.Article) string {
	name := strings.TrimSpace(a.Outlet)
	if name == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
			name = u.Host
		}
	}
	if name == "" {
		if t := strings.TrimSpace(a.Title); t != "" && utf8.RuneCountInString(t) <= 60 {
			name = "«" + t + "»"
		}
	}
	if name == "" {
		src := strings.TrimRight(a.Source, "/")
		if i := strings.LastIndexAny(src, `/\`); i >= 0 && i < len(src)-1 {
			src = src[i+1:]
		}
		if s, err := url.PathUnescape(src); err == nil {
			src = s
		}
		name = src
	}
	if name == "" {
		name = a.ID
	}
	if a.Lang != "" {
		name += " (" + a.Lang + ")"
	}
	return name
}

// extractMissing fills facts for every input, computing the ones not cached. It returns the
// freshly computed ones.
func extractMissing(inputs []Input, docs []compare.Document, opts compare.Options,
	facts map[string][]compare.Fact, progress func(done, total int)) map[string][]compare.Fact {
	var todo []int
	for i, in := range inputs {
		if in.Facts != nil {
			facts[in.Article.ID] = in.Facts
		} else {
			todo = append(todo, i)
		}
	}
	fresh := make(map[string][]compare.Fact, len(todo))
	if len(todo) == 0 {
		return fresh
	}
	results := make([][]compare.Fact, len(todo))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	work := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				results[j] = compare.ExtractFacts(docs[todo[j]], opts)
				if progress != nil {
					// Under the lock so the counts reach the caller in order.
					mu.Lock()
					done++
					progress(done, len(todo))
					mu.Unlock()
				}
			}
		}()
	}
	for j := range todo {
		work <- j
	}
	close(work)
	wg.Wait()
	for j, i := range todo {
		id := inputs[i].Article.ID
		facts[id] = results[j]
		fresh[id] = results[j]
	}
	return fresh
}

// SortArticles orders inputs by source, then id: the report's order must not depend on the
// order the file system listed a directory in.
func SortArticles(inputs []Input) {
	sort.SliceStable(inputs, func(i, j int) bool {
		a, b := inputs[i].Article, inputs[j].Article
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.ID < b.ID
	})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
