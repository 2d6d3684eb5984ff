package compare

import (
	"reflect"
	"slices"
	"sort"
)

// AnalyzeOptions is what the analyst has taught, applied to one analysis run.
type AnalyzeOptions struct {
	Options

	// ManualLinks are alignments the analyst made by hand: each inner slice lists spans that
	// state the same thing. A member matches a fact when it names the fact's ID, or else when
	// its span overlaps the fact's span in the same article; a member that matches no fact
	// (a highlight, say) is kept as a plain span.
	ManualLinks [][]Member
	// Unlinks are machine alignments the analyst broke: the members of one inner slice are
	// never put in the same alignment again.
	Unlinks [][]Member
	// StoryOverrides moves articles out of automatic clustering: article ID → story key.
	// Articles sharing a key form one story; the key may also be the ID of an automatic
	// story, which the article then joins. "" means the article is a story of its own.
	StoryOverrides map[string]string
	// Highlights are the analyst's marks; highlights in two articles of a story that share
	// a tag and cover aligned facts are aligned too (Alignment.Kind "highlight").
	Highlights []HighlightSpan

	// Extract computes an article's facts. Nil means ExtractFacts. Analyze also calls it with
	// a trial publication date to infer an undated article's date from its story.
	Extract func(Document, Options) []Fact

	// Cache, when set, keeps each story's results between runs (see analyze_cache.go):
	// stories whose articles and teaching are unchanged are read back, not re-analysed. A
	// caller with a custom Extract must not share a cache with runs using another one.
	Cache StoryCache
	// Revisions names each article's revision (article ID → token) for the cache key; an
	// article without one is keyed by a hash of its text.
	Revisions map[string]string
	// CacheSalt is mixed into every cache key: a build stamp, so that results computed by
	// another build of the engine are not reused.
	CacheSalt string
}

// HighlightSpan is one analyst highlight as the comparison sees it.
type HighlightSpan struct {
	ID      string
	Article string
	Start   int
	End     int
	Tags    []string
}

// PublishedInference says how an undated article's publication date was inferred.
type PublishedInference struct {
	Date string `json:"date"` // ISO 8601 YYYY-MM-DD
	// From is always "story": the date comes from the other versions of the story.
	From string `json:"from"`
	// Evidence is one English sentence naming the aligned expressions the date rests on.
	Evidence string `json:"evidence"`
}

// Result is everything Analyze found.
type Result struct {
	Stories       []Story       `json:"stories"`
	Alignments    []Alignment   `json:"alignments"`
	Discrepancies []Discrepancy `json:"discrepancies"`
	// Facts holds every article's facts after story-level resolution: a relative date
	// resolved from an inferred publication date has ResolvedFrom "story".
	Facts map[string][]Fact `json:"facts"`
	// Published holds the inferred publication date of the undated articles it could date.
	Published map[string]PublishedInference `json:"published,omitempty"`
}

// Analyze groups the articles into stories, aligns the facts that state the same thing
// within each story, and lists the discrepancies.
//
// facts holds each article's facts by Document.ID (a cache); an article without an entry is
// extracted with opts.Extract (ExtractFacts by default). Analyze does not modify its inputs.
//
// The work is near-linear in the number of articles: stories are found through an inverted
// index on rare features, and everything after that is done story by story.
//
// Identifiers are stable across runs and independent of input order:
//   - a story's ID is "s-" + 12 hex digits of SHA-256 over the smallest article ID in it,
//     so a story keeps its ID when versions join it;
//   - an alignment's ID is "a-" + 16 hex digits of SHA-256 over its kind and the sorted
//     member spans ("article:start-end");
//   - a discrepancy's ID is "d-" + 16 hex digits of SHA-256 over its kind and its sorted
//     member spans. Verdicts are keyed on it; it survives re-analysis as long as the
//     flagged spans are the same.
func Analyze(docs []Document, facts map[string][]Fact, opts AnalyzeOptions) Result {
	extract := opts.Extract
	if extract == nil {
		extract = defaultExtract
	}
	// Work in ID order so output never depends on the caller's order.
	ordered := make([]Document, len(docs))
	copy(ordered, docs)
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].ID < ordered[j].ID })

	arts := make([]*article, 0, len(ordered))
	seen := make(map[string]bool, len(ordered))
	for _, d := range ordered {
		if seen[d.ID] {
			continue // a duplicate ID would make every span ambiguous; the first wins
		}
		seen[d.ID] = true
		fs, ok := facts[d.ID]
		if !ok {
			fs = extract(d, opts.Options)
		}
		a := newArticle(d, fs)
		a.unload() // reloaded while its story is analysed
		arts = append(arts, a)
	}

	sortArticles(arts)

	res := Result{Facts: make(map[string][]Fact, len(arts)), Published: map[string]PublishedInference{}}
	stories, ws := clusterStories(arts, opts.StoryOverrides)

	var keyer *storyKeyer
	if opts.Cache != nil {
		keyer = newStoryKeyer(&opts)
	}
	for _, st := range stories {
		var key string
		if keyer != nil {
			key = keyer.key(st)
			if r, ok := opts.Cache.Story(key); ok && applyStoryResult(st, r, &res) {
				res.Stories = append(res.Stories, Story{ID: st.id, Articles: st.articleIDs()})
				continue
			}
		}
		before, als, ds := analyzeStory(st, extract, opts, res.Published)
		res.Alignments = append(res.Alignments, als...)
		res.Discrepancies = append(res.Discrepancies, ds...)
		res.Stories = append(res.Stories, Story{ID: st.id, Articles: st.articleIDs()})
		if keyer != nil {
			opts.Cache.PutStory(key, storyResult(st, before, als, ds, res.Published))
		}
	}
	res.Discrepancies = append(res.Discrepancies, eventDiscrepancies(stories, ws)...)
	for _, a := range arts {
		res.Facts[a.doc.ID] = a.facts
	}
	if len(res.Published) == 0 {
		res.Published = nil
	}
	sortResult(&res)
	return res
}

// analyzeStory analyses one story whose articles are loaded (text and facts): story-level
// date resolution, alignment and discrepancies. It returns, per article, its facts after
// resolution when they changed (nil when not), and the story's alignments and discrepancies;
// inferred publication dates go to published. The articles are unloaded on return, and the
// facts they were given are not modified.
func analyzeStory(st *story, extract func(Document, Options) []Fact, opts AnalyzeOptions,
	published map[string]PublishedInference) (changed [][]Fact, als []Alignment, ds []Discrepancy) {
	before := make([][]Fact, len(st.arts))
	for i, a := range st.arts {
		a.load()
		before[i] = a.facts
		a.facts = slices.Clone(a.facts) // the caller's facts are not changed
	}
	// Year-less dates first (they give relative ones a dated counterpart), then
	// publication dates, then the year-less dates of articles still undated.
	resolveYearsFromStory(st)
	inferPublished(st, extract, opts.Options, published)
	resolveYearsFromStory(st)
	confirmStoryNames(st)
	linkStoryNames(st)
	st.prepareContext()
	als, al := alignStory(st, opts)
	ds = storyDiscrepancies(st, al)
	als = joinDisputedDates(als, ds)
	for i, a := range st.arts {
		a.kindsOfEvent() // while the text is at hand
		a.unload()
		if reflect.DeepEqual(before[i], a.facts) {
			a.facts = before[i]
			before[i] = nil // unchanged
		} else {
			before[i] = a.facts
		}
	}
	return before, als, ds
}

// SortResult puts a Result in the order Analyze returns it (for a caller that assembles one
// from AnalyzeStream's output).
func SortResult(res *Result) { sortResult(res) }

// sortResult puts the output in a stable order: stories by ID; alignments and discrepancies
// by story, then by their first member.
func sortResult(res *Result) {
	sort.Slice(res.Stories, func(i, j int) bool { return res.Stories[i].ID < res.Stories[j].ID })
	sort.SliceStable(res.Alignments, func(i, j int) bool {
		a, b := res.Alignments[i], res.Alignments[j]
		if a.Story != b.Story {
			return a.Story < b.Story
		}
		return memberLess(a.Members[0], b.Members[0], a.ID, b.ID)
	})
	sort.SliceStable(res.Discrepancies, func(i, j int) bool {
		a, b := res.Discrepancies[i], res.Discrepancies[j]
		if a.Story != b.Story {
			return a.Story < b.Story
		}
		if a.Kind != b.Kind {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		return memberLess(a.Members[0], b.Members[0], a.ID, b.ID)
	})
}

// kindRank orders discrepancies in a report: what changes the meaning first.
var kindRank = map[string]int{
	DiscEvent: 0, DiscDate: 1, DiscNumber: 2, DiscActor: 3, DiscSpelling: 4, DiscOmission: 5, DiscGarbled: 6,
}

func memberLess(a, b Member, ida, idb string) bool {
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return ida < idb
}
