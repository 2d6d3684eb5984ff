package app

import (
	"fmt"
	"sort"
	"strings"

	"parallax/app/textview"
	"parallax/compare"
	"parallax/store"
	"parallax/store/analysis"
)

// model is the workspace as the window shows it: the stored articles plus the latest analysis,
// indexed for the lookups the views make on every click. It is rebuilt off the UI goroutine
// and swapped in whole, so a view never sees half of one analysis and half of another.
type model struct {
	articles []store.Article
	byID     map[string]int // article id → index in articles

	highlights map[string]int // article id → number of highlights
	verdicts   map[string]store.Verdict
	aliases    []store.LearnedAlias

	// analysed is false until the first analysis finished; the maps below are empty until then.
	analysed bool
	report   analysis.Report
	facts    map[string][]compare.Fact // article id → facts (after story-level resolution)
	pub      map[string]string         // article id → publication date, inferred ones included
	storyOf  map[string]string         // article id → story id
	stories  map[string]compare.Story
	discs    map[string][]compare.Discrepancy // story id → its discrepancies
	aligns   map[string][]compare.Alignment   // story id → its alignments

	// order is storyIDs' order and labels the stories' names, made unique: both computed once
	// per analysis (setReport), not on every click.
	order  []string
	labels map[string]string // story id → label, unique within the model
}

func newModel(arts []store.Article) *model {
	m := &model{
		articles:   arts,
		byID:       make(map[string]int, len(arts)),
		highlights: map[string]int{},
		verdicts:   map[string]store.Verdict{},
		facts:      map[string][]compare.Fact{},
		pub:        map[string]string{},
		storyOf:    map[string]string{},
		stories:    map[string]compare.Story{},
		discs:      map[string][]compare.Discrepancy{},
		aligns:     map[string][]compare.Alignment{},
	}
	for i, a := range arts {
		m.byID[a.ID] = i
		m.pub[a.ID] = a.Published
	}
	return m
}

// setReport indexes an analysis.
func (m *model) setReport(rep analysis.Report) {
	m.analysed = true
	m.report = rep
	for _, a := range rep.Articles {
		m.facts[a.ID] = a.Facts
		if a.Published != nil {
			m.pub[a.ID] = *a.Published
		}
	}
	for _, s := range rep.Stories {
		m.stories[s.ID] = s
		for _, id := range s.Articles {
			m.storyOf[id] = s.ID
		}
	}
	for _, d := range rep.Discrepancies {
		m.discs[d.Story] = append(m.discs[d.Story], d)
	}
	for _, al := range rep.Alignments {
		m.aligns[al.Story] = append(m.aligns[al.Story], al)
	}
	for id := range m.discs {
		sortDiscrepancies(m.discs[id])
	}
	m.indexStories()
}

// indexStories orders the stories and gives each a label no other story has: stories that
// would read the same (same date, languages and title — common in large workspaces) are
// numbered "(2)", "(3)"… in story order. Widgets still select stories by id: the labels are
// for people.
func (m *model) indexStories() {
	m.order = m.sortedStoryIDs()
	m.labels = make(map[string]string, len(m.order))
	seen := make(map[string]int, len(m.order))
	for _, id := range m.order {
		l := m.baseLabel(id)
		seen[l]++
		if n := seen[l]; n > 1 {
			l = fmt.Sprintf("%s (%d)", l, n)
		}
		m.labels[id] = l
	}
}

// article returns the stored article with id.
func (m *model) article(id string) (store.Article, bool) {
	i, ok := m.byID[id]
	if !ok {
		return store.Article{}, false
	}
	return m.articles[i], true
}

// openDiscrepancies counts the discrepancies naming article id that have no verdict yet.
func (m *model) openDiscrepancies(id string) int {
	n := 0
	for _, d := range m.discs[m.storyOf[id]] {
		if _, done := m.verdicts[d.ID]; done {
			continue
		}
		for _, mem := range d.Members {
			if mem.Article == id {
				n++
				break
			}
		}
	}
	return n
}

// storyIDs lists the stories with more than one version first (those are what an analyst
// compares), then by their earliest publication date, then by id. The slice is shared: do not
// change it.
func (m *model) storyIDs() []string {
	if len(m.order) != len(m.stories) {
		m.indexStories()
	}
	return m.order
}

func (m *model) sortedStoryIDs() []string {
	ids := make([]string, 0, len(m.stories))
	for id := range m.stories {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := m.stories[ids[i]], m.stories[ids[j]]
		if (len(a.Articles) > 1) != (len(b.Articles) > 1) {
			return len(a.Articles) > 1
		}
		da, db := m.storyDate(a), m.storyDate(b)
		if da != db {
			return da < db
		}
		return ids[i] < ids[j]
	})
	return ids
}

// storyDate is the earliest publication date of the story's versions ("" when none is dated).
func (m *model) storyDate(s compare.Story) string {
	best := ""
	for _, id := range s.Articles {
		if p := m.pub[id]; p != "" && (best == "" || p < best) {
			best = p
		}
	}
	return best
}

// storyLabel names a story for a person: date, languages and the first title, numbered when
// another story would read the same. No two stories have the same label.
func (m *model) storyLabel(id string) string {
	if l, ok := m.labels[id]; ok {
		return l
	}
	return m.baseLabel(id)
}

// storyByLabel finds the story a label names ("" when none does).
func (m *model) storyByLabel(label string) string {
	for _, id := range m.storyIDs() {
		if m.labels[id] == label {
			return id
		}
	}
	return ""
}

// baseLabel is the story's date, languages and first title.
func (m *model) baseLabel(id string) string {
	s, ok := m.stories[id]
	if !ok {
		return id
	}
	date := m.storyDate(s)
	if date == "" {
		date = "undated"
	}
	title := ""
	langs := make([]string, 0, len(s.Articles))
	for _, aid := range s.Articles {
		if a, ok := m.article(aid); ok {
			if title == "" {
				title = a.Title
			}
			langs = append(langs, a.Lang)
		}
	}
	sort.Strings(langs)
	// In logical order: the label is also the story's name in selects (storyByLabel), and each
	// widget that shows it cuts it in logical order and then puts it in visual order
	// (textview.FitLabel). Put in visual order here, Fyne's truncation cut its right end: the
	// first words of an Arabic title.
	return date + " · " + strings.Join(langs, " ") + " · " + ellipsis(title, 60)
}

// storyArticles returns the story's articles in a stable reading order: by language code,
// then source, so the same story always opens with the same columns.
func (m *model) storyArticles(storyID string) []store.Article {
	var out []store.Article
	for _, id := range m.stories[storyID].Articles {
		if a, ok := m.article(id); ok {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Lang != out[j].Lang {
			return out[i].Lang < out[j].Lang
		}
		return out[i].Source < out[j].Source
	})
	return out
}

// severityRank orders major before minor.
func severityRank(s string) int {
	if s == compare.SeverityMajor {
		return 0
	}
	return 1
}

// kindRank orders discrepancy kinds by how much they change what a reader believes: whether
// the event is the same, then the facts (dates, numbers, who), a contradiction inside one
// article, names spelt differently, what one version leaves out, damaged text, and last a
// later edit of one article. Every kind in compare.DiscKinds has a place
// (TestKindRankCoversEveryKind); a kind unknown to this table sorts after all of them.
var kindRank = map[string]int{
	compare.DiscEvent: 0, compare.DiscDate: 1, compare.DiscNumber: 2, compare.DiscActor: 3,
	compare.DiscInternal: 4, compare.DiscSpelling: 5, compare.DiscOmission: 6,
	compare.DiscGarbled: 7, compare.DiscEdit: 8,
}

// rankOfKind is kindRank[kind], or a rank after every known kind.
func rankOfKind(kind string) int {
	if r, ok := kindRank[kind]; ok {
		return r
	}
	return len(kindRank)
}

// sortDiscrepancies groups by kind and severity (the panel's grouping), stable within a group.
func sortDiscrepancies(ds []compare.Discrepancy) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if ka, kb := rankOfKind(a.Kind), rankOfKind(b.Kind); ka != kb {
			return ka < kb
		}
		return severityRank(a.Severity) < severityRank(b.Severity)
	})
}

// ellipsis shortens s to at most n runes, on one line.
func ellipsis(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return textview.Ellipsis(string(r[:textview.WordCut(r, n-1)]))
}

// articleName is how the window names an article in prose, as a person would: its outlet,
// else its URL's host, else its headline (shortened), and its language — "Le Monde (fr)",
// "«Trung Quốc phản ứng mạnh khi bị…» (vi)". The file name only when there is nothing else.
func (m *model) articleName(id string) string {
	a, ok := m.article(id)
	if !ok {
		return id
	}
	if strings.TrimSpace(a.Outlet) != "" || a.URL != "" {
		return analysis.DisplayName(a)
	}
	if t := strings.TrimSpace(a.Title); t != "" {
		return "«" + ellipsis(t, 32) + "» (" + a.Lang + ")"
	}
	name := a.Source
	if i := strings.LastIndexAny(name, "/\\"); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if name == "" {
		name = a.ID
	}
	return ellipsis(name, 14) + " (" + a.Lang + ")"
}

// readable returns a discrepancy's summary with the article ids the engine writes replaced by
// article names (the ids of its story's articles and of its members).
func (m *model) readable(d compare.Discrepancy) string {
	s := d.Summary
	ids := append([]string(nil), m.stories[d.Story].Articles...)
	for _, mem := range d.Members {
		ids = append(ids, mem.Article)
	}
	for _, id := range ids {
		a, ok := m.article(id)
		if !ok {
			continue
		}
		// The engine names articles with analysis.DisplayName (a file name when an article has
		// no outlet, URL or short headline), or by id: both become the window's name.
		if dn := analysis.DisplayName(a); dn != m.articleName(id) && strings.Contains(s, dn) {
			s = strings.ReplaceAll(s, dn, m.articleName(id))
		}
		if strings.Contains(s, id) {
			s = strings.ReplaceAll(s, id, m.articleName(id))
		}
	}
	return s
}
