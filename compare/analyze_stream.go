package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
)

// Analysis in bounded memory (docs/scale.md): Analyze holds every article's text and facts
// at once, which at 100,000 articles is several gigabytes. AnalyzeStream does the same
// analysis in two passes over a source the caller keeps (a workspace):
//
//  1. every article is read once, reduced to its clustering features (priors of interned
//     keys, event time, day of the year) and its facts dropped; then the stories are formed;
//  2. the stories are walked in ID order: a story the cache holds is taken from it without
//     loading anything, a missed one has its articles' text and facts loaded, is analysed,
//     handed to the sink and dropped.
//
// The event flags between stories need only the features, the kinds of event and the
// places each article names; the few stories they flag are loaded again for the evidence.
// Memory is then the features plus one story, and the results are those of Analyze over the
// same articles (TestAnalyzeStream_SameAsAnalyze).

// StreamSource is where AnalyzeStream reads the articles.
type StreamSource struct {
	// Each calls yield once per article with its document (Text may be left empty unless
	// opts.Cache is set and opts.Revisions does not name the article's revision: this pass
	// reads the text only to key the cache) and its facts, and
	// stops when yield returns false. AnalyzeStream does not keep the facts.
	Each func(yield func(Document, []Fact) bool) error
	// Load returns the documents, with their text, and the current facts of the articles
	// named: the facts Each gave, or those StoryOutput.Facts last gave for the article.
	Load func(ids []string) ([]Document, [][]Fact, error)
	// Features and PutFeatures, when set, cache what pass 1 keeps of an article (its
	// clustering features and event time, about a tenth of its facts as JSON), so that a
	// later run reads them instead of the article's facts. The caller keys them by the
	// article's revision, the extractor version and the build (the features are the engine's
	// own reading of the facts). Features is asked for each article Each gives, before its
	// facts are used: when it returns what PutFeatures stored, Each may have given nil facts.
	// PutFeatures receives the features of an article whose Features returned nil.
	Features    func(id string) []byte
	PutFeatures func(id string, features []byte)
}

// StoryOutput is what AnalyzeStream found in one story.
type StoryOutput struct {
	Story Story
	// Alignments and Discrepancies are in the order of Result; the event flags between
	// stories are not among them (AnalyzeStream returns those at the end).
	Alignments    []Alignment
	Discrepancies []Discrepancy
	// Facts holds the facts of the story's articles that story-level resolution changed, and
	// Published the publication dates it inferred (see Result).
	Facts     map[string][]Fact
	Published map[string]PublishedInference
}

// AnalyzeStream is Analyze over a source read in two passes (see above). sink receives each
// story in story-ID order; the event discrepancies between stories are returned at the end,
// in the order of Result. opts.Cache and opts.Revisions work as for Analyze.
func AnalyzeStream(src StreamSource, opts AnalyzeOptions, sink func(StoryOutput) error) ([]Discrepancy, error) {
	extract := opts.Extract
	if extract == nil {
		extract = defaultExtract
	}
	intern := map[string]string{}
	var arts []*article
	seen := map[string]bool{}
	err := src.Each(func(d Document, fs []Fact) bool {
		if seen[d.ID] {
			return true // as Analyze: the first of a duplicate ID wins
		}
		seen[d.ID] = true
		order := orderKey(d)
		if src.Features != nil {
			if b := src.Features(d.ID); b != nil {
				if a, ok := cachedArticle(d, b, intern); ok {
					a.order = order
					arts = append(arts, a)
					return true
				}
			}
		}
		if src.PutFeatures != nil {
			defer func() { src.PutFeatures(d.ID, encodeFeatures(arts[len(arts)-1])) }()
		}
		if _, ok := opts.Revisions[d.ID]; !ok && opts.Cache != nil {
			sum := sha256.Sum256([]byte(d.Text))
			d.Text = ""
			arts = append(arts, liteArticle(d, fs, intern))
			arts[len(arts)-1].textSum = "text:" + hex.EncodeToString(sum[:])
			arts[len(arts)-1].order = order
			return true
		}
		d.Text = ""
		arts = append(arts, liteArticle(d, fs, intern))
		arts[len(arts)-1].order = order
		return true
	})
	if err != nil {
		return nil, err
	}
	sortArticles(arts)

	stories, ws := clusterStories(arts, opts.StoryOverrides)
	for _, a := range arts {
		a.pre = nil // the workspace keeps the features
	}
	ordered := make([]*story, len(stories))
	copy(ordered, stories)
	sort.Slice(ordered, func(i, j int) bool { return ordered[i].id < ordered[j].id })

	var keyer *storyKeyer
	if opts.Cache != nil {
		keyer = newStoryKeyer(&opts)
	}
	for _, st := range ordered {
		out := StoryOutput{Story: Story{ID: st.id, Articles: st.articleIDs()}}
		var key string
		if keyer != nil {
			key = keyer.key(st)
			if r, ok := opts.Cache.Story(key); ok && fitsStory(st, r) {
				out.Alignments, out.Discrepancies = r.Alignments, r.Discrepancies
				for i := range out.Alignments {
					out.Alignments[i].Story = st.id
				}
				for i := range out.Discrepancies {
					out.Discrepancies[i].Story = st.id
				}
				out.Facts, out.Published = r.Facts, r.Published
				for _, a := range st.arts {
					types := r.EventTypes[a.doc.ID]
					a.evTypes, a.evTypesSet = make(map[string]bool, len(types)), true
					for _, t := range types {
						a.evTypes[t] = true
					}
					a.places, a.placesSet = r.Places[a.doc.ID], true
				}
				sortStoryOutput(&out)
				if err := sink(out); err != nil {
					return nil, err
				}
				continue
			}
		}
		unload, _, err := loadArticles(src, st.arts)
		if err != nil {
			return nil, err
		}
		published := map[string]PublishedInference{}
		changed, als, ds := analyzeStory(st, extract, opts, published)
		st.ctxW = nil // only the story's own analysis weighs its context
		out.Alignments, out.Discrepancies = als, ds
		for i, a := range st.arts {
			if changed[i] != nil {
				if out.Facts == nil {
					out.Facts = map[string][]Fact{}
				}
				out.Facts[a.doc.ID] = changed[i]
			}
			a.placeKeys()
		}
		if len(published) > 0 {
			out.Published = published
		}
		if keyer != nil {
			opts.Cache.PutStory(key, storyResult(st, changed, als, ds, published))
		}
		unload()
		sortStoryOutput(&out)
		if err := sink(out); err != nil {
			return nil, err
		}
	}

	ws.load = func(as []*article) (func(), int, error) {
		unload, n, err := loadArticles(src, as)
		return unload, n, err
	}
	events := eventDiscrepancies(stories, ws)
	ws.unloadAll()
	if ws.err != nil {
		return nil, ws.err
	}
	sortResult(&Result{Discrepancies: events})
	return events, nil
}

// liteArticle is what pass 1 keeps of an article: its metadata, event time and clustering
// features, with the feature keys interned (the same actor or date in a thousand articles is
// one string).
func liteArticle(d Document, fs []Fact, intern map[string]string) *article {
	a := &article{doc: d, facts: fs, pubDay: noDay}
	a.index()
	sf := featuresOf(a)
	var partial []string
	for k, v := range sf.partial {
		if v {
			partial = append(partial, k)
		}
	}
	a.pre = &clusterPre{feats: internFeatures(sf.prior, sf.first, partial, intern), doy: dayOfYearOf(a)}
	a.facts, a.factSent = nil, nil
	return a
}

// internFeatures copies clustering features with their keys re-keyed through the intern
// table (the same actor or date in a thousand articles is one string); partial lists the
// year-less keys.
func internFeatures(prior map[string]float64, first map[string]int, partial []string, intern map[string]string) storyFeatures {
	key := func(k string) string {
		if s, ok := intern[k]; ok {
			return s
		}
		intern[k] = k
		return k
	}
	sf := storyFeatures{prior: make(map[string]float64, len(prior)), first: make(map[string]int, len(first))}
	for k, p := range prior {
		sf.prior[key(k)] = p
	}
	for k, i := range first {
		sf.first[key(k)] = i
	}
	if len(partial) > 0 {
		sf.partial = make(map[string]bool, len(partial))
		for _, k := range partial {
			sf.partial[key(k)] = true
		}
	}
	return sf
}

// featureRecord is what pass 1 keeps of an article, as StreamSource.PutFeatures stores it.
// Floats are written in the shortest form that reads back to the same value, so clustering
// from a record gives the same stories as from the facts.
type featureRecord struct {
	Prior   map[string]float64 `json:"p"`
	First   map[string]int     `json:"f"`
	Partial []string           `json:"m,omitempty"`
	EventLo int                `json:"lo"`
	EventHi int                `json:"hi"`
	DOY     [4]int             `json:"y"`
	DOYOK   bool               `json:"yk,omitempty"`
}

// encodeFeatures encodes what liteArticle kept of a.
func encodeFeatures(a *article) []byte {
	r := featureRecord{Prior: a.pre.feats.prior, First: a.pre.feats.first, EventLo: a.eventLo, EventHi: a.eventHi,
		DOY: [4]int{a.pre.doy.lo, a.pre.doy.hi, a.pre.doy.lo2, a.pre.doy.hi2}, DOYOK: a.pre.doy.ok}
	for k, v := range a.pre.feats.partial {
		if v {
			r.Partial = append(r.Partial, k)
		}
	}
	sort.Strings(r.Partial)
	b, err := json.Marshal(r)
	if err != nil {
		return nil // cannot happen for these types; nil stores nothing
	}
	return b
}

// cachedArticle is liteArticle from a feature record instead of the facts; ok is false for
// a record that does not decode (the caller then reads the facts).
func cachedArticle(d Document, b []byte, intern map[string]string) (*article, bool) {
	var r featureRecord
	if json.Unmarshal(b, &r) != nil || r.Prior == nil || r.First == nil {
		return nil, false
	}
	d.Text = ""
	a := &article{doc: d, pubDay: noDay}
	a.index() // the publication day; the event time is the record's
	a.eventLo, a.eventHi = r.EventLo, r.EventHi
	a.pre = &clusterPre{feats: internFeatures(r.Prior, r.First, r.Partial, intern),
		doy: yearDays{lo: r.DOY[0], hi: r.DOY[1], lo2: r.DOY[2], hi2: r.DOY[3], ok: r.DOYOK}}
	a.facts, a.factSent = nil, nil
	return a, true
}

// loadArticles gives the articles their text and current facts from the source, and returns
// the function that drops them again (keeping the publication date inferred meanwhile).
func loadArticles(src StreamSource, arts []*article) (unload func(), n int, err error) {
	var ids []string
	var todo []*article
	for _, a := range arts {
		if a.facts == nil && a.sentStart == nil {
			ids = append(ids, a.doc.ID)
			todo = append(todo, a)
		}
	}
	if len(ids) == 0 {
		return func() {}, 0, nil
	}
	docs, facts, err := src.Load(ids)
	if err != nil {
		return nil, 0, err
	}
	if len(docs) != len(ids) || len(facts) != len(ids) {
		return nil, 0, fmt.Errorf("load %d articles: the source returned %d documents and %d fact sets", len(ids), len(docs), len(facts))
	}
	saved := make([]Document, len(todo))
	for i, a := range todo {
		if docs[i].ID != a.doc.ID {
			return nil, 0, fmt.Errorf("load article %s: the source returned %s", a.doc.ID, docs[i].ID)
		}
		saved[i] = a.doc
		d := docs[i]
		d.Published = a.doc.Published // an inferred date stays
		a.doc = d
		rs := []rune(d.Text)
		a.nRunes = len(rs)
		a.facts = facts[i]
		a.sentStart = splitSentences(rs, d.Lang)
		a.index()
	}
	return func() {
		for i, a := range todo {
			saved[i].Published = a.doc.Published
			a.doc = saved[i]
			a.facts, a.sentStart, a.factSent, a.sentKeys, a.bySent, a.conceptN, a.dayN, a.valueN = nil, nil, nil, nil, nil, nil, nil, nil
			a.unload()
		}
	}, len(todo), nil
}

// fitsStory reports whether a cached result names only the story's articles.
func fitsStory(st *story, r StoryResult) bool {
	in := make(map[string]bool, len(st.arts))
	for _, a := range st.arts {
		in[a.doc.ID] = true
	}
	for _, m := range []map[string][]string{r.EventTypes, r.Places} {
		for id := range m {
			if !in[id] {
				return false
			}
		}
	}
	for id := range r.Facts {
		if !in[id] {
			return false
		}
	}
	for id := range r.Published {
		if !in[id] {
			return false
		}
	}
	return true
}

// sortStoryOutput orders one story's alignments and discrepancies as sortResult does.
func sortStoryOutput(out *StoryOutput) {
	r := Result{Alignments: out.Alignments, Discrepancies: out.Discrepancies}
	sortResult(&r)
}
