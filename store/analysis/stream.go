package analysis

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"parallax/compare"
	"parallax/store"
	"parallax/store/ingest"
)

// The analyze --json document of a workspace, in bounded memory (docs/scale.md): the
// articles are listed without their texts, compare.AnalyzeStream reads each article's facts
// once for the clustering features and loads a story's articles only while it analyses it,
// alignments and discrepancies go to temporary spool files story by story, and the report
// is then written in the contract's order (articles first) from the workspace and the
// spools. What stays in memory is the articles' metadata, the clustering features and one
// story. The bytes are those WriteJSON writes for the Report Workspace returns
// (TestWriteWorkspaceJSON_SameAsReport).

// streamBatch is how many articles are read (and extracted) at a time.
const streamBatch = 256

// storyCacheBatch is how many new story analyses are written to the workspace at a time.
const storyCacheBatch = 512

// WriteWorkspaceJSON analyses every article of a workspace as Workspace does and writes the
// analyze --json document to w without holding the report in memory.
func WriteWorkspaceJSON(db *store.DB, w io.Writer, opts Options) error {
	if err := teaching(db, &opts); err != nil {
		return err
	}
	metas, err := db.ArticleMetas()
	if err != nil {
		return err
	}
	seen := make(map[string]bool, len(metas))
	for _, a := range metas {
		if seen[a.ID] {
			return fmt.Errorf("article id %q appears twice in one analysis", a.ID)
		}
		seen[a.ID] = true
	}
	spoolDir, err := os.MkdirTemp("", "parallax-spool-*")
	if err != nil {
		return fmt.Errorf("create a temporary directory for the analysis: %w", err)
	}
	defer os.RemoveAll(spoolDir)
	s := &streamer{db: db, opts: opts, metas: metas, byID: make(map[string]int, len(metas)),
		published: map[string]compare.PublishedInference{}, storyDiscs: map[string][2]int64{}}
	for i, a := range metas {
		s.byID[a.ID] = i
	}
	for _, sp := range []**spool{&s.facts, &s.als, &s.discs} {
		if *sp, err = newSpool(spoolDir); err != nil {
			return err
		}
		defer (*sp).close()
	}
	if runtime.GOOS != "windows" {
		_ = os.RemoveAll(spoolDir) // the open files stay readable; nothing is left behind
	}
	s.cacheFacts = len(opts.Aliases) == 0 && !db.ReadOnly() && !opts.throwaway
	if !opts.NoStoryCache && buildStamp() != "" {
		s.cache = &streamCache{db: db, add: map[string]compare.StoryResult{}, keep: map[string]bool{},
			write: !db.ReadOnly()}
		opts.cache, opts.salt = s.cache, buildStamp()
	}

	aopts := analyzeOptions(metas, opts)
	src := compare.StreamSource{Each: s.each, Load: s.load}
	if s.cacheFacts && buildStamp() != "" {
		// Pass 1 reads each article's clustering features instead of its facts when a run
		// of this build cached them (the features are the engine's reading of the facts).
		s.featStamp = ":" + compare.ExtractorVersion + ":" + buildStamp()
		src.Features = func(id string) []byte { return s.batchFeatures[id] }
		src.PutFeatures = func(id string, b []byte) {
			if b != nil {
				s.newFeatures[id] = b
			}
		}
	}
	events, err := compare.AnalyzeStream(src, aopts, s.story)
	if err != nil {
		return err
	}
	if s.cache != nil {
		if err := s.cache.finish(); err != nil {
			return err
		}
	}
	return s.write(w, events)
}

// DocumentsJSON is WriteWorkspaceJSON over ingested documents, through a throwaway workspace
// in dir (which the caller removes), as DocumentsIn.
func DocumentsJSON(dir string, docs []ingest.Document, w io.Writer, opts Options) error {
	db, err := OpenThrowaway(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
		return err
	}
	docs = nil // the workspace has them: the analysis reads one story's texts at a time
	return ThrowawayJSON(db, w, opts)
}

// OpenThrowaway opens a new throwaway workspace in dir (which the caller removes) for the
// analysis of files, as DocumentsJSON does: the caller imports the documents into it (in
// batches, holding one batch at a time), then calls ThrowawayJSON. Outside Windows the file
// is unlinked at once, so nothing is left behind even if the process is stopped half-way.
func OpenThrowaway(dir string) (*store.DB, error) {
	db, err := store.Open(filepath.Join(dir, "analyze.parallax"), store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		return nil, err
	}
	if runtime.GOOS != "windows" {
		_ = os.RemoveAll(dir)
	}
	return db, nil
}

// ThrowawayJSON is WriteWorkspaceJSON for a workspace OpenThrowaway opened: nothing will
// read it again, so neither facts nor stories are cached in it.
func ThrowawayJSON(db *store.DB, w io.Writer, opts Options) error {
	opts.NoStoryCache, opts.throwaway = true, true
	return WriteWorkspaceJSON(db, w, opts)
}

// teaching fills what the analyst taught from the workspace where opts leaves it nil.
func teaching(db *store.DB, opts *Options) error {
	var err error
	if opts.Aliases == nil {
		learned, err := db.Aliases()
		if err != nil {
			return err
		}
		for _, a := range learned {
			opts.Aliases = append(opts.Aliases, a.Alias)
		}
	}
	if opts.ManualLinks == nil {
		if opts.ManualLinks, err = db.Links(); err != nil {
			return err
		}
	}
	if opts.StoryOverrides == nil {
		if opts.StoryOverrides, err = db.StoryOverrides(); err != nil {
			return err
		}
	}
	return nil
}

// analyzeOptions turns Options into compare's, as Run does.
func analyzeOptions(arts []store.Article, opts Options) compare.AnalyzeOptions {
	aopts := compare.AnalyzeOptions{Options: compare.Options{Aliases: opts.Aliases}}
	if opts.cache != nil {
		aopts.Cache, aopts.CacheSalt = opts.cache, opts.salt
		aopts.Revisions = make(map[string]string, len(arts))
		for _, a := range arts {
			aopts.Revisions[a.ID] = strconv.Itoa(a.Revision) + ":" + a.Hash
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
	return aopts
}

func compareDoc(a store.Article) compare.Document {
	return compare.Document{ID: a.ID, Name: DisplayName(a), Lang: a.Lang, Text: a.Text, Published: a.Published,
		PublishedTime: a.PublishedTime, Source: a.Outlet, Title: a.Title}
}

type streamer struct {
	db         *store.DB
	opts       Options
	metas      []store.Article // report order, texts empty
	byID       map[string]int
	cacheFacts bool
	cache      *streamCache

	// facts holds the facts extracted now (when the workspace's fact cache does not take
	// them) and those story resolution changed, which win.
	facts     *spool
	als       *spool
	discs     *spool
	nAls      int
	stories   []compare.Story
	published map[string]compare.PublishedInference
	// storyDiscs is each story's range in the discrepancy spool.
	storyDiscs map[string][2]int64
	enc        *jsonWriter

	// featStamp ends the key of the feature cache ("" when it is not used): the extractor
	// version and the build, after the revision. batchFeatures holds the cached features of
	// the batch pass 1 reads, newFeatures those computed now, written at the batch's end.
	featStamp     string
	batchFeatures map[string][]byte
	newFeatures   map[string][]byte
}

// each feeds AnalyzeStream every article with its facts, a batch at a time: texts and cached
// facts are read from the workspace, missing facts extracted in parallel and cached.
func (s *streamer) each(yield func(compare.Document, []compare.Fact) bool) error {
	copts := compare.Options{Aliases: s.opts.Aliases}
	total, done := len(s.metas), 0
	for lo := 0; lo < len(s.metas); lo += streamBatch {
		batch := s.metas[lo:min(lo+streamBatch, len(s.metas))]
		ids := make([]string, len(batch))
		revs := make([]int, len(batch))
		for i, a := range batch {
			ids[i], revs[i] = a.ID, a.Revision
		}
		facts := make([][]compare.Fact, len(batch))
		have := make([]bool, len(batch))
		// Articles whose clustering features are cached need neither facts nor text now.
		need := make([]int, 0, len(batch))
		if s.featStamp != "" {
			stamps := make([]string, len(batch))
			for i := range batch {
				stamps[i] = strconv.Itoa(revs[i]) + s.featStamp
			}
			feats, err := s.db.CachedFeaturesMany(ids, stamps)
			if err != nil {
				return err
			}
			s.batchFeatures, s.newFeatures = make(map[string][]byte, len(batch)), map[string][]byte{}
			for i, f := range feats {
				if f != nil {
					s.batchFeatures[ids[i]], have[i] = f, true
				} else {
					need = append(need, i)
				}
			}
		} else {
			for i := range batch {
				need = append(need, i)
			}
		}
		if len(s.opts.Aliases) == 0 && len(need) > 0 {
			nids, nrevs := make([]string, len(need)), make([]int, len(need))
			for j, i := range need {
				nids[j], nrevs[j] = ids[i], revs[i]
			}
			fs, ok, err := s.db.CachedFactsMany(nids, nrevs, compare.ExtractorVersion)
			if err != nil {
				return err
			}
			for j, i := range need {
				facts[i], have[i] = fs[j], ok[j]
			}
		}
		// Texts are read only for the articles whose facts must be extracted: clustering
		// and the cache keys (revision and content hash) do without them.
		arts := batch
		var todo []int
		var todoIDs []string
		for i := range batch {
			if !have[i] {
				todo = append(todo, i)
				todoIDs = append(todoIDs, ids[i])
			}
		}
		if len(todo) > 0 {
			arts = append([]store.Article(nil), batch...)
			withText, err := s.db.ArticlesByID(todoIDs)
			if err != nil {
				return err
			}
			for j, i := range todo {
				arts[i] = withText[j]
			}
		}
		parallel(len(todo), func(j int) {
			i := todo[j]
			facts[i] = compare.ExtractFacts(compareDoc(arts[i]), copts)
		})
		if len(todo) > 0 {
			fresh := make([]store.FactSet, 0, len(todo))
			for _, i := range todo {
				if s.cacheFacts {
					fresh = append(fresh, store.FactSet{Article: ids[i], Revision: revs[i], Facts: facts[i]})
				} else if err := s.facts.put(ids[i], nonNil(facts[i])); err != nil {
					return err
				}
			}
			if len(fresh) > 0 {
				if err := s.db.PutFactSets(fresh, compare.ExtractorVersion); err != nil {
					return err
				}
			}
		}
		for i := range batch {
			d := compareDoc(arts[i])
			d.Text = "" // AnalyzeStream keeps no text; the cache is keyed by revision
			if f := nonNil(facts[i]); !yield(d, f) {
				return nil
			}
			done++
			if s.opts.Progress != nil {
				s.opts.Progress(done, total)
			}
		}
		if len(s.newFeatures) > 0 {
			var fids, stamps []string
			var vals [][]byte
			for i, id := range ids {
				if b, ok := s.newFeatures[id]; ok {
					fids, stamps, vals = append(fids, id), append(stamps, strconv.Itoa(revs[i])+s.featStamp), append(vals, b)
				}
			}
			if err := s.db.PutFeatures(fids, stamps, vals); err != nil {
				return err
			}
		}
	}
	return nil
}

// parallel runs fn(0…n-1) on one worker per CPU.
func parallel(n int, fn func(int)) {
	if n == 0 {
		return
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				fn(j)
			}
		}()
	}
	for j := range n {
		work <- j
	}
	close(work)
	wg.Wait()
}

// current returns the facts of the named articles as they stand: changed by their story,
// else extracted now, else the workspace's cache.
func (s *streamer) current(arts []store.Article) ([][]compare.Fact, error) {
	out := make([][]compare.Fact, len(arts))
	var ids []string
	var revs, at []int
	for i, a := range arts {
		fs, ok, err := s.facts.get(a.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out[i] = fs
			continue
		}
		ids, revs, at = append(ids, a.ID), append(revs, a.Revision), append(at, i)
	}
	if len(ids) == 0 {
		return out, nil
	}
	fs, ok, err := s.db.CachedFactsMany(ids, revs, compare.ExtractorVersion)
	if err != nil {
		return nil, err
	}
	copts := compare.Options{Aliases: s.opts.Aliases}
	for j, i := range at {
		if ok[j] && len(s.opts.Aliases) == 0 {
			out[i] = nonNil(fs[j])
			continue
		}
		// Not cached (aliases change the facts, or the cache is not writable): extract again.
		out[i] = nonNil(compare.ExtractFacts(compareDoc(arts[i]), copts))
	}
	return out, nil
}

// edits is editDiscrepancies for the edited articles of one story. The current revisions'
// facts are the extracted ones (cached, else extracted now), not those the story resolved.
func (s *streamer) edits(st compare.Story) ([]compare.Discrepancy, error) {
	var ids []string
	var revs []int
	for _, id := range st.Articles {
		if i, ok := s.byID[id]; ok && s.metas[i].Revision > 1 {
			ids, revs = append(ids, id), append(revs, s.metas[i].Revision)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	arts, err := s.db.ArticlesByID(ids)
	if err != nil {
		return nil, err
	}
	copts := compare.Options{Aliases: s.opts.Aliases}
	fs, ok, err := s.db.CachedFactsMany(ids, revs, compare.ExtractorVersion)
	if err != nil {
		return nil, err
	}
	current := make(map[string][]compare.Fact, len(arts))
	for i, a := range arts {
		if ok[i] && len(s.opts.Aliases) == 0 {
			current[a.ID] = fs[i]
		} else {
			current[a.ID] = compare.ExtractFacts(compareDoc(a), copts)
		}
	}
	ds, _, err := editDiscrepancies(s.db, arts, current, Report{Stories: []compare.Story{st}}, copts)
	return ds, err
}

func (s *streamer) load(ids []string) ([]compare.Document, [][]compare.Fact, error) {
	arts, err := s.db.ArticlesByID(ids)
	if err != nil {
		return nil, nil, err
	}
	facts, err := s.current(arts)
	if err != nil {
		return nil, nil, err
	}
	docs := make([]compare.Document, len(arts))
	for i, a := range arts {
		docs[i] = compareDoc(a)
	}
	return docs, facts, nil
}

// story spools one story's results, with the edit flags of its articles that were changed
// since they were first stored (as Workspace adds them).
func (s *streamer) story(o compare.StoryOutput) error {
	s.stories = append(s.stories, o.Story)
	edits, err := s.edits(o.Story)
	if err != nil {
		return err
	}
	o.Discrepancies = append(o.Discrepancies, edits...)
	for id, fs := range o.Facts {
		if err := s.facts.put(id, fs); err != nil {
			return err
		}
	}
	for id, p := range o.Published {
		s.published[id] = p
	}
	if s.enc == nil {
		s.enc = newJSONWriter(io.Discard)
	}
	for i := range o.Alignments {
		b, err := s.enc.element(&o.Alignments[i])
		if err != nil {
			return err
		}
		if _, err := s.als.write(b); err != nil {
			return err
		}
		s.nAls++
	}
	if len(o.Discrepancies) > 0 {
		start := s.discs.size
		for i := range o.Discrepancies {
			b, err := s.enc.element(&o.Discrepancies[i])
			if err != nil {
				return err
			}
			if _, err := s.discs.write(b); err != nil {
				return err
			}
		}
		s.storyDiscs[o.Story.ID] = [2]int64{start, s.discs.size}
	}
	return nil
}

// write writes the report: articles (text from the workspace, facts as they stand after
// the stories), stories, then the spooled alignments and discrepancies.
func (s *streamer) write(w io.Writer, events []compare.Discrepancy) error {
	jw := newJSONWriter(w)
	jw.raw("{\n  \"version\": ")
	jw.value(ReportVersion, "  ")
	jw.raw(",\n  \"articles\": ")
	if len(s.metas) == 0 {
		jw.raw("[]")
	} else {
		jw.raw("[")
		for lo := 0; lo < len(s.metas) && jw.err == nil; lo += streamBatch {
			batch := s.metas[lo:min(lo+streamBatch, len(s.metas))]
			ids := make([]string, len(batch))
			for i, a := range batch {
				ids[i] = a.ID
			}
			arts, err := s.db.ArticlesByID(ids)
			if err != nil {
				return err
			}
			facts, err := s.current(arts)
			if err != nil {
				return err
			}
			for i, a := range arts {
				if lo+i > 0 {
					jw.raw(",")
				}
				jw.raw("\n    ")
				out := reportArticle(a, facts[i], s.published)
				jw.value(&out, "    ")
			}
		}
		jw.raw("\n  ]")
	}
	jw.raw(",\n  \"stories\": ")
	writeArray(jw, nonNil(s.stories))
	jw.raw(",\n  \"alignments\": ")
	if s.nAls == 0 {
		jw.raw("[]")
	} else {
		jw.raw("[")
		jw.copyFrom(s.als, 0, s.als.size, true)
		jw.raw("\n  ]")
	}
	jw.raw(",\n  \"discrepancies\": ")
	byStory := map[string][]compare.Discrepancy{}
	for _, d := range events {
		byStory[d.Story] = append(byStory[d.Story], d)
	}
	first := true
	for _, st := range s.stories {
		r, own := s.storyDiscs[st.ID]
		ev := byStory[st.ID]
		if !own && len(ev) == 0 {
			continue
		}
		if first {
			jw.raw("[")
		}
		if len(ev) == 0 {
			jw.copyFrom(s.discs, r[0], r[1], first)
			first = false
			continue
		}
		// Event flags go among the story's own in the report's order.
		var ds []compare.Discrepancy
		if own {
			var err error
			if ds, err = s.discs.decodeDiscs(r[0], r[1]); err != nil {
				return err
			}
		}
		ds = append(ds, ev...)
		res := compare.Result{Discrepancies: ds}
		compare.SortResult(&res)
		for i := range ds {
			if !first {
				jw.raw(",")
			}
			first = false
			jw.raw("\n    ")
			jw.value(&ds[i], "    ")
		}
	}
	if first {
		jw.raw("[]")
	} else {
		jw.raw("\n  ]")
	}
	jw.raw("\n}\n")
	return jw.flush()
}

// reportArticle is the report's entry for an article, as Run builds it.
func reportArticle(a store.Article, facts []compare.Fact, published map[string]compare.PublishedInference) Article {
	out := Article{
		ID: a.ID, Source: a.Source, Lang: a.Lang, Title: a.Title, Text: a.Text,
		PublishedFrom: a.PublishedFrom, PublishedTime: a.PublishedTime, Outlet: a.Outlet,
		AlsoRan: a.AlsoRan, SameText: a.SameTextNote(), Facts: nonNil(facts),
	}
	pub := a.Published
	if inf, ok := published[a.ID]; ok && len(pub) < len("2006-01-02") && inf.Date != "" {
		pub = inf.Date
		out.PublishedFrom = inf.From
	}
	if pub != "" {
		out.Published = &pub
	}
	return out
}

// element encodes v as an element of a top-level array of the report: ",\n    " and the
// value indented at four spaces.
func (jw *jsonWriter) element(v any) ([]byte, error) {
	jw.buf.Reset()
	jw.buf.WriteString(",\n    ")
	enc := json.NewEncoder(&jw.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")), nil
}

// copyFrom copies spooled elements [from, to); dropFirstComma drops the comma that starts
// the first element of an array.
func (jw *jsonWriter) copyFrom(sp *spool, from, to int64, dropFirstComma bool) {
	if jw.err != nil {
		return
	}
	if err := sp.flush(); err != nil {
		jw.err = err
		return
	}
	if dropFirstComma {
		from++
	}
	_, jw.err = io.Copy(jw.bw, io.NewSectionReader(sp.f, from, to-from))
}

// spool is an append-only temporary file; values put by id can be read back (the last put
// wins).
type spool struct {
	f     *os.File
	bw    *bufio.Writer
	size  int64
	index map[string][2]int64
}

func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, "spool-*")
	if err != nil {
		return nil, fmt.Errorf("create a spool file for the analysis: %w", err)
	}
	return &spool{f: f, bw: bufio.NewWriterSize(f, 1<<16), index: map[string][2]int64{}}, nil
}

func (sp *spool) close() { _ = sp.f.Close() }

func (sp *spool) write(b []byte) (int, error) {
	n, err := sp.bw.Write(b)
	sp.size += int64(n)
	if err != nil {
		return n, fmt.Errorf("write the analysis spool: %w", err)
	}
	return n, nil
}

func (sp *spool) flush() error {
	if err := sp.bw.Flush(); err != nil {
		return fmt.Errorf("write the analysis spool: %w", err)
	}
	return nil
}

func (sp *spool) put(id string, facts []compare.Fact) error {
	b, err := json.Marshal(facts)
	if err != nil {
		return err
	}
	start := sp.size
	if _, err := sp.write(b); err != nil {
		return err
	}
	sp.index[id] = [2]int64{start, sp.size}
	return nil
}

func (sp *spool) get(id string) ([]compare.Fact, bool, error) {
	r, ok := sp.index[id]
	if !ok {
		return nil, false, nil
	}
	b, err := sp.read(r[0], r[1])
	if err != nil {
		return nil, false, err
	}
	var fs []compare.Fact
	if err := json.Unmarshal(b, &fs); err != nil {
		return nil, false, fmt.Errorf("read the analysis spool: %w", err)
	}
	return nonNil(fs), true, nil
}

func (sp *spool) read(from, to int64) ([]byte, error) {
	if err := sp.flush(); err != nil {
		return nil, err
	}
	b := make([]byte, to-from)
	if _, err := sp.f.ReadAt(b, from); err != nil {
		return nil, fmt.Errorf("read the analysis spool: %w", err)
	}
	return b, nil
}

// decodeDiscs reads back spooled discrepancy elements.
func (sp *spool) decodeDiscs(from, to int64) ([]compare.Discrepancy, error) {
	b, err := sp.read(from, to)
	if err != nil {
		return nil, err
	}
	b = append(append([]byte("["), b[1:]...), ']') // ",\n    {…},\n    {…}" → "[{…},{…}]"
	var ds []compare.Discrepancy
	if err := json.Unmarshal(b, &ds); err != nil {
		return nil, fmt.Errorf("read the analysis spool: %w", err)
	}
	return ds, nil
}

// streamCache is the story cache of a streamed analysis: new results are written to the
// workspace in batches as they come, and the stories that no longer exist are pruned at the
// end.
type streamCache struct {
	db    *store.DB
	add   map[string]compare.StoryResult
	keep  map[string]bool
	write bool
	err   error
}

func (c *streamCache) Story(key string) (compare.StoryResult, bool) {
	c.keep[key] = true
	r, ok, err := c.db.CachedStory(key)
	if err != nil {
		return compare.StoryResult{}, false // derived data: analysed afresh and rewritten
	}
	return r, ok
}

func (c *streamCache) PutStory(key string, r compare.StoryResult) {
	c.keep[key] = true
	if !c.write || c.err != nil {
		return
	}
	c.add[key] = r
	if len(c.add) >= storyCacheBatch {
		c.err = c.db.AddStoryCache(c.add)
		c.add = map[string]compare.StoryResult{}
	}
}

func (c *streamCache) finish() error {
	if !c.write || c.err != nil {
		return c.err
	}
	if err := c.db.AddStoryCache(c.add); err != nil {
		return err
	}
	return c.db.PruneStoryCache(c.keep)
}
