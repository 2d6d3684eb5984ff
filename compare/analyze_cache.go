package compare

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"sort"
)

// Incremental analysis: a story's alignments and discrepancies depend only on its own
// articles (their text, metadata and facts) and on what the analyst taught about them, so a
// caller that keeps them between runs (AnalyzeOptions.Cache) has Analyze redo only the
// stories whose key changed. Importing a hundred articles into a large workspace then
// re-analyses the few stories they join or form; every other story is read back.
//
// The key (StoryResult's address in the cache) is a SHA-256 over: the cache format, the
// extractor version and horizon, every alias, the caller's CacheSalt (a build stamp: a new
// build may align or flag differently), and for each article of the story in ID order its
// ID, revision (AnalyzeOptions.Revisions, else a hash of its text), language, publication
// date and time, name, source and title; then the manual links, unlinks and highlights that
// touch those articles. Event discrepancies compare a story with the others and are
// recomputed on every run (they are cheap: one pass over the stories' features).

// storyCacheFormat changes when StoryResult or the key's recipe changes.
const storyCacheFormat = "story-cache-2"

// StoryResult is what the analysis of one story found, as a StoryCache keeps it.
type StoryResult struct {
	Alignments []Alignment `json:"alignments,omitempty"`
	// Discrepancies are the story's own flags (event discrepancies are not cached).
	Discrepancies []Discrepancy `json:"discrepancies,omitempty"`
	// Facts holds, for the articles whose facts story-level resolution changed, their
	// facts after it.
	Facts map[string][]Fact `json:"facts,omitempty"`
	// Published holds the publication dates inferred for the story's undated articles.
	Published map[string]PublishedInference `json:"published,omitempty"`
	// EventTypes holds the kinds of event (assets/lang/events.tsv) each of the story's
	// articles reports, which the event flags between stories compare.
	EventTypes map[string][]string `json:"event_types,omitempty"`
	// Places holds, per article, the keys of the countries and places its facts name after
	// resolution (the event flag between stories compares them), so a cached story's facts
	// need not be read back for it.
	Places map[string][]string `json:"places,omitempty"`
}

// StoryCache keeps StoryResults between runs, by key. Analyze calls it from one goroutine.
// Story reports a miss with ok false; PutStory records a result computed now (the cache
// decides when to persist it).
type StoryCache interface {
	Story(key string) (r StoryResult, ok bool)
	PutStory(key string, r StoryResult)
}

// storyKeyer computes story keys; the part shared by every story is hashed once.
type storyKeyer struct {
	global []byte
	opts   *AnalyzeOptions
	rev    map[string]string
	// links and highlights indexed by the articles they touch.
	links map[string][]int // article → indexes into opts.ManualLinks (≥0) or ^index into opts.Unlinks
	hls   map[string][]int
}

func newStoryKeyer(opts *AnalyzeOptions) *storyKeyer {
	h := sha256.New()
	writeStrings(h, storyCacheFormat, ExtractorVersion, opts.Horizon, opts.CacheSalt)
	writeInt(h, len(opts.Aliases))
	for _, a := range opts.Aliases {
		writeStrings(h, a.Surface, a.ActorID, a.Label, a.Type)
	}
	k := &storyKeyer{global: h.Sum(nil), opts: opts, rev: opts.Revisions,
		links: map[string][]int{}, hls: map[string][]int{}}
	index := func(i int, members []Member) {
		for _, m := range members {
			if l := k.links[m.Article]; len(l) == 0 || l[len(l)-1] != i {
				k.links[m.Article] = append(k.links[m.Article], i)
			}
		}
	}
	for i, l := range opts.ManualLinks {
		index(i, l)
	}
	for i, l := range opts.Unlinks {
		index(^i, l)
	}
	for i, hl := range opts.Highlights {
		k.hls[hl.Article] = append(k.hls[hl.Article], i)
	}
	return k
}

// key returns the story's cache key.
func (k *storyKeyer) key(st *story) string {
	h := sha256.New()
	h.Write(k.global)
	writeInt(h, len(st.arts))
	var links, hls []int
	for _, a := range st.arts { // in ID order (clusterStories sorts them)
		d := a.doc
		rev, ok := k.rev[d.ID]
		if !ok && a.textSum != "" {
			rev, ok = a.textSum, true // AnalyzeStream hashed the text when it read it
		}
		if !ok {
			sum := sha256.Sum256([]byte(d.Text))
			rev = "text:" + hex.EncodeToString(sum[:])
		}
		writeStrings(h, d.ID, rev, d.Lang, d.Published, d.PublishedTime, d.Name, d.Source, d.Title)
		links = append(links, k.links[d.ID]...)
		hls = append(hls, k.hls[d.ID]...)
	}
	sort.Ints(links)
	sort.Ints(hls)
	for i, l := range links {
		if i > 0 && l == links[i-1] {
			continue
		}
		members := k.opts.ManualLinks
		idx, kind := l, "link"
		if l < 0 {
			members, idx, kind = k.opts.Unlinks, ^l, "unlink"
		}
		writeStrings(h, kind)
		writeMembers(h, members[idx])
	}
	for i, x := range hls {
		if i > 0 && x == hls[i-1] {
			continue
		}
		hl := k.opts.Highlights[x]
		writeStrings(h, "highlight", hl.ID, hl.Article)
		writeInt(h, hl.Start)
		writeInt(h, hl.End)
		writeStrings(h, hl.Tags...)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func writeMembers(h hash.Hash, ms []Member) {
	writeInt(h, len(ms))
	for _, m := range ms {
		writeStrings(h, m.Article, m.Fact)
		writeInt(h, m.Start)
		writeInt(h, m.End)
	}
}

// writeStrings hashes each string with its length, so ("ab","c") and ("a","bc") differ.
func writeStrings(h hash.Hash, ss ...string) {
	for _, s := range ss {
		writeInt(h, len(s))
		h.Write([]byte(s))
	}
}

func writeInt(h hash.Hash, n int) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// storyResult captures what the analysis of st produced, for the cache: its alignments and
// discrepancies, the facts story-level resolution changed (changed[i] is the new facts of
// st.arts[i], nil when unchanged), the publication dates it inferred and the kinds of event
// each article reports.
func storyResult(st *story, changed [][]Fact, als []Alignment, ds []Discrepancy,
	published map[string]PublishedInference) StoryResult {
	r := StoryResult{Alignments: als, Discrepancies: ds, EventTypes: map[string][]string{}}
	for i, a := range st.arts {
		if changed[i] != nil {
			if r.Facts == nil {
				r.Facts = map[string][]Fact{}
			}
			r.Facts[a.doc.ID] = changed[i]
		}
		if p, ok := published[a.doc.ID]; ok {
			if r.Published == nil {
				r.Published = map[string]PublishedInference{}
			}
			r.Published[a.doc.ID] = p
		}
		types := make([]string, 0, len(a.evTypes))
		for t := range a.evTypes {
			types = append(types, t)
		}
		sort.Strings(types)
		r.EventTypes[a.doc.ID] = types
		if places := a.placeKeys(); len(places) > 0 {
			if r.Places == nil {
				r.Places = map[string][]string{}
			}
			r.Places[a.doc.ID] = places
		}
	}
	return r
}

// applyStoryResult puts a cached result back on the story's articles (their resolved facts
// and inferred publication dates) and into res. It reports false, changing nothing, when the
// result does not fit the story (it names an article the story does not hold).
func applyStoryResult(st *story, r StoryResult, res *Result) bool {
	in := make(map[string]*article, len(st.arts))
	for _, a := range st.arts {
		in[a.doc.ID] = a
	}
	for id := range r.Facts {
		if in[id] == nil {
			return false
		}
	}
	for id := range r.Published {
		if in[id] == nil {
			return false
		}
	}
	for id := range r.EventTypes {
		if in[id] == nil {
			return false
		}
	}
	for id := range r.Places {
		if in[id] == nil {
			return false
		}
	}
	for id, fs := range r.Facts {
		in[id].facts = fs
	}
	for id, p := range r.Published {
		a := in[id]
		a.doc.Published = p.Date
		res.Published[id] = p
	}
	for _, a := range st.arts {
		a.index()
		if types, ok := r.EventTypes[a.doc.ID]; ok {
			a.evTypes, a.evTypesSet = make(map[string]bool, len(types)), true
			for _, t := range types {
				a.evTypes[t] = true
			}
		}
	}
	for i := range r.Alignments {
		r.Alignments[i].Story = st.id
	}
	for i := range r.Discrepancies {
		r.Discrepancies[i].Story = st.id
	}
	res.Alignments = append(res.Alignments, r.Alignments...)
	res.Discrepancies = append(res.Discrepancies, r.Discrepancies...)
	return true
}
