package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/article"
	"parallax/app/textview"
	"parallax/compare"
	"parallax/store"
)

// infoHint is the info line of a story just opened.
const infoHint = "Select words in two or more columns and press Same claim to link them."

// MaxColumns is the most versions shown side by side; more would make each too narrow to read.
const MaxColumns = 6

// minColumnWidth is the narrowest a column gets before the columns scroll sideways.
const minColumnWidth = 250

// Column is one version in the compare view.
type Column struct {
	Article store.Article
	Header  *widget.Label      // language and date
	Title   *textview.FitLabel // headline, one line, cut to the column's width in logical order
	View    *textview.TextView
	facts   []compare.Fact
}

// CompareView shows a story's versions side by side with its discrepancies.
type CompareView struct {
	u *UI

	// StorySelect picks the story to compare.
	StorySelect *StoryPicker
	Columns     []*Column
	// ShowFacts switches the fact underlines of every column.
	ShowFacts *widget.Check
	// Link ties the selected spans of two or more columns ("same claim"); Unlink breaks the
	// alignment of the fact last clicked.
	Link, Unlink *widget.Button
	// Info says what the last click found (counterparts, or none).
	Info  *textview.FitLabel
	Panel *DiscPanel
	Split *container.Split

	story    string   // story shown ("" for a hand-picked set)
	storyIDs []string // the story id of each StorySelect option, same order
	articles []string // article ids in the columns
	focus    *compare.Alignment

	columns *fyne.Container
	empty   *widget.Label
	content fyne.CanvasObject
}

func newCompareView(u *UI) *CompareView {
	cv := &CompareView{u: u}
	// The select picks a story by its option's index, so its id; ShowStory sets the select
	// without calling back here (selectQuietly): the widget never calls back into itself.
	cv.StorySelect = newStoryPicker(func(string) {
		i := cv.StorySelect.SelectedIndex()
		if i < 0 || i >= len(cv.storyIDs) {
			return
		}
		if id := cv.storyIDs[i]; id != cv.story {
			cv.ShowStory(id)
		}
	})
	cv.StorySelect.PlaceHolder = "Pick a story to compare"
	cv.ShowFacts = widget.NewCheck("Facts", func(on bool) {
		for _, c := range cv.Columns {
			c.View.SetFactsVisible(on)
		}
	})
	cv.ShowFacts.Checked = true
	cv.Link = widget.NewButtonWithIcon("Same claim", theme.ContentAddIcon(), cv.linkSelection)
	cv.Unlink = widget.NewButtonWithIcon("Unlink", theme.ContentRemoveIcon(), cv.unlinkFocus)
	cv.Unlink.Disable()
	cv.Info = textview.NewFitLabel(infoHint) // it quotes article text: cut in logical order
	cv.Panel = newDiscPanel(u, cv)

	cv.columns = container.New(&columnsLayout{})
	cv.empty = widget.NewLabel("Pick a story above, or tick articles in the Library and press Compare ticked.")
	cv.empty.Alignment = fyne.TextAlignCenter
	scroller := container.NewHScroll(cv.columns)
	toolbar := container.NewBorder(nil, nil, nil,
		container.NewHBox(cv.ShowFacts, cv.Link, cv.Unlink),
		cv.StorySelect)
	left := container.NewBorder(container.NewVBox(toolbar, cv.Info), nil, nil, nil, container.NewStack(cv.empty, scroller))
	cv.Split = container.NewHSplit(left, cv.Panel.content)
	cv.Split.Offset = u.prefs.FloatWithFallback(prefSplit, 0.72)
	cv.content = cv.Split
	return cv
}

// ShowStory puts a story's versions side by side.
func (cv *CompareView) ShowStory(id string) {
	arts := cv.u.m.storyArticles(id)
	cv.story = id
	cv.show(arts)
	cv.selectQuietly(id)
}

// selectQuietly shows story id (or none for "") in the select without running its OnChanged.
func (cv *CompareView) selectQuietly(id string) {
	sel := ""
	for i, s := range cv.storyIDs {
		if s == id && id != "" {
			sel = cv.StorySelect.Options[i]
			break
		}
	}
	if cv.StorySelect.Selected != sel {
		cv.StorySelect.Selected = sel
		cv.StorySelect.Refresh()
	}
}

// ShowArticles puts any articles side by side (at most MaxColumns).
func (cv *CompareView) ShowArticles(ids []string) {
	var arts []store.Article
	story := ""
	same := true
	for _, id := range ids {
		if a, ok := cv.u.m.article(id); ok {
			arts = append(arts, a)
			s := cv.u.m.storyOf[id]
			if story == "" {
				story = s
			} else if s != story {
				same = false
			}
		}
	}
	if !same {
		story = ""
	}
	cv.story = story
	cv.show(arts)
}

// StoryIDs returns the story id of each StorySelect option, in the same order.
func (cv *CompareView) StoryIDs() []string { return append([]string(nil), cv.storyIDs...) }

// StoryArticles returns the ids of a story's articles in the order its columns show them.
func (cv *CompareView) StoryArticles(story string) []string {
	return storyIDsOf(cv.u.m.storyArticles(story))
}

// Story returns the story shown ("" for a hand-picked set of several stories).
func (cv *CompareView) Story() string { return cv.story }

func (cv *CompareView) show(arts []store.Article) {
	cv.Info.SetFull(infoHint) // never a line about the story shown before
	if len(arts) > MaxColumns {
		cv.Info.SetFull(fmt.Sprintf("Showing %d of %d versions; tick the ones you want in the Library to choose.", MaxColumns, len(arts)))
		arts = arts[:MaxColumns]
	}
	cv.articles = cv.articles[:0]
	cv.Columns = cv.Columns[:0]
	objs := make([]fyne.CanvasObject, 0, len(arts))
	for _, a := range arts {
		c := cv.newColumn(a)
		cv.Columns = append(cv.Columns, c)
		cv.articles = append(cv.articles, a.ID)
		objs = append(objs, container.NewBorder(container.NewVBox(c.Header, c.Title), nil, nil, nil, c.View))
	}
	cv.columns.Objects = objs
	cv.columns.Refresh()
	if len(arts) == 0 {
		cv.empty.Show()
	} else {
		cv.empty.Hide()
	}
	cv.focus = nil
	cv.Unlink.Disable()
	cv.Panel.setStory(cv.story, cv.articles) // the list is drawn once, with its verdict marks
	cv.loadAllHighlights()
}

func (cv *CompareView) newColumn(a store.Article) *Column {
	c := &Column{Article: a, View: textview.New()}
	c.Header = widget.NewLabel("")
	c.Header.TextStyle.Bold = true
	c.Header.Truncation = fyne.TextTruncateEllipsis
	c.Title = textview.NewFitLabel("")
	c.Title.TextStyle.Bold = true
	c.View.SetText(a.Text)
	c.View.SetFactsVisible(cv.ShowFacts.Checked)
	cv.setColumnData(c)
	id := a.ID
	c.View.OnFactTapped = func(fid string) { cv.FocusFact(id, fid) }
	c.View.OnHighlightTapped = func(hid string) { cv.focusHighlight(id, hid) }
	return c
}

// setColumnData fills a column's header and facts from the current model.
func (cv *CompareView) setColumnData(c *Column) {
	m := cv.u.m
	a := c.Article
	date := m.pub[a.ID]
	if date == "" {
		date = "undated"
	} else if a.Published == "" {
		date += " (inferred)"
	}
	c.Header.SetText(fmt.Sprintf("%s · %s · %s", a.Lang, languageName(a.Lang), date))
	c.Title.SetFull(a.Title) // cut to the column's width in logical order, then visual
	c.facts = m.facts[a.ID]
	fs := make([]textview.Fact, 0, len(c.facts))
	for _, f := range c.facts {
		fs = append(fs, textview.Fact{ID: f.ID, Start: f.Start, End: f.End, Kind: string(f.Kind), Tooltip: factTooltip(f)})
	}
	c.View.SetFacts(fs)
}

// factTooltip says what a fact was read as.
func factTooltip(f compare.Fact) string {
	switch f.Kind {
	case compare.KindActor:
		return fmt.Sprintf("%s (%s): %v", f.Label, f.Type, f.Value)
	case compare.KindDate:
		s := fmt.Sprintf("date %v", f.Value)
		if f.ResolvedFrom != "" {
			s += " (resolved from " + f.ResolvedFrom + ")"
		}
		return s
	default:
		s := fmt.Sprintf("number %v", f.Value)
		if f.Qualifier != "" {
			s += " " + strings.ReplaceAll(f.Qualifier, "_", " ")
		}
		if f.Unit != "" {
			s += " " + f.Unit
		}
		return s
	}
}

// modelChanged re-reads facts, highlights and the discrepancy list after an analysis; the
// columns keep their articles (and scroll positions) when the story still exists.
func (cv *CompareView) modelChanged() {
	m := cv.u.m
	opts := make([]string, 0, len(m.stories))
	ids := make([]string, 0, len(m.stories))
	for _, id := range m.storyIDs() { // stories of several versions first: storyIDs' order
		opts = append(opts, m.storyLabel(id))
		ids = append(ids, id)
	}
	cv.StorySelect.SetOptions(opts)
	cv.storyIDs = ids
	if cv.story != "" {
		if _, ok := m.stories[cv.story]; !ok {
			// The story was re-clustered (an article moved out): follow the first column's article.
			cv.story = ""
			if len(cv.articles) > 0 {
				cv.story = m.storyOf[cv.articles[0]]
			}
		}
	}
	if cv.story != "" && !sameSet(cv.articles, storyIDsOf(m.storyArticles(cv.story)), MaxColumns) {
		cv.ShowStory(cv.story)
		return
	}
	cv.selectQuietly(cv.story)
	for i, c := range cv.Columns {
		if a, ok := m.article(c.Article.ID); ok {
			cv.Columns[i].Article = a
		}
		cv.setColumnData(c)
		c.View.SetLit(nil) // boxes of a flag the new analysis may no longer have
	}
	cv.Info.SetFull(infoHint)
	cv.focus = nil
	cv.Unlink.Disable()
	cv.Panel.setStory(cv.story, cv.articles)
	cv.loadAllHighlights()
}

func storyIDsOf(arts []store.Article) []string {
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ids
}

// sameSet reports whether shown holds the first limit ids of want, in any order.
func sameSet(shown, want []string, limit int) bool {
	if len(want) > limit {
		want = want[:limit]
	}
	if len(shown) != len(want) {
		return false
	}
	s := append([]string(nil), shown...)
	w := append([]string(nil), want...)
	sort.Strings(s)
	sort.Strings(w)
	for i := range s {
		if s[i] != w[i] {
			return false
		}
	}
	return true
}

// annotationsChanged redraws highlights (the analyst's) in every column and the verdict marks.
func (cv *CompareView) annotationsChanged() {
	cv.loadAllHighlights()
	cv.Panel.refreshVerdicts()
}

// loadAllHighlights shows every column's highlights, the tag colours read once.
func (cv *CompareView) loadAllHighlights() {
	tags, err := cv.u.db.Tags()
	if err != nil {
		cv.u.showError(err)
		return
	}
	colors := make(map[string]string, len(tags))
	for _, t := range tags {
		colors[t.Name] = t.Color
	}
	for _, c := range cv.Columns {
		cv.loadHighlights(c, colors)
	}
}

// loadHighlights shows a column's highlights, coloured by their first tag.
func (cv *CompareView) loadHighlights(c *Column, colors map[string]string) {
	hs, err := cv.u.db.Highlights(c.Article.ID)
	if err != nil {
		cv.u.showError(err)
		return
	}
	out := make([]textview.Highlight, 0, len(hs))
	for _, h := range hs {
		col := "#f9a825"
		if len(h.Tags) > 0 && colors[h.Tags[0]] != "" {
			col = colors[h.Tags[0]]
		}
		tip := strings.Join(h.Tags, ", ")
		if h.Note != "" {
			tip += " — " + h.Note
		}
		out = append(out, textview.Highlight{ID: h.ID, Start: h.Start, End: h.End, Color: article.ParseColor(col), Tooltip: tip})
	}
	c.View.SetHighlights(out)
}

// column returns the column showing article id, or nil.
func (cv *CompareView) column(id string) *Column {
	for _, c := range cv.Columns {
		if c.Article.ID == id {
			return c
		}
	}
	return nil
}

// FocusFact lights a fact's aligned counterparts in every column (green), the ones that
// disagree with it (red), or marks it unmatched (grey), and scrolls every column to them.
func (cv *CompareView) FocusFact(articleID, factID string) {
	c := cv.column(articleID)
	if c == nil {
		return
	}
	var f *compare.Fact
	for i := range c.facts {
		if c.facts[i].ID == factID {
			f = &c.facts[i]
		}
	}
	if f == nil {
		return
	}
	cv.focusSpan(articleID, factID, f.Start, f.End, fmt.Sprintf("%s %q", f.Kind, f.Text))
}

// focusHighlight does for a highlight what FocusFact does for a fact.
func (cv *CompareView) focusHighlight(articleID, hid string) {
	hs, err := cv.u.db.Highlights(articleID)
	if err != nil {
		cv.u.showError(err)
		return
	}
	for _, h := range hs {
		if h.ID == hid {
			// Not %q: it would print the bidi mark after a cut Arabic quote as \u200f.
			cv.focusSpan(articleID, "", h.Start, h.End, fmt.Sprintf("highlight “%s”", ellipsis(h.Quote, 40)))
			return
		}
	}
}

// memberMatches reports whether an alignment or discrepancy member is the clicked span.
func memberMatches(m compare.Member, article, fact string, start, end int) bool {
	if m.Article != article {
		return false
	}
	if fact != "" && m.Fact == fact {
		return true
	}
	return m.Start < end && start < m.End
}

func (cv *CompareView) focusSpan(article, fact string, start, end int, what string) {
	m := cv.u.m
	lits := map[string][]textview.Lit{article: {{Start: start, End: end, State: textview.LitFocus}}}
	aligned, disagree := 0, 0
	cv.focus = nil
	for _, al := range m.aligns[cv.storyOrOf(article)] {
		hit := false
		for _, mem := range al.Members {
			if memberMatches(mem, article, fact, start, end) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		al := al
		cv.focus = &al
		for _, mem := range al.Members {
			if mem.Article != article {
				lits[mem.Article] = append(lits[mem.Article], textview.Lit{Start: mem.Start, End: mem.End, State: textview.LitAligned})
				aligned++
			}
		}
	}
	for _, d := range m.discs[cv.storyOrOf(article)] {
		hit := false
		for _, mem := range d.Members {
			if memberMatches(mem, article, fact, start, end) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		for _, mem := range d.Members {
			if !memberMatches(mem, article, fact, start, end) {
				lits[mem.Article] = append(lits[mem.Article], textview.Lit{Start: mem.Start, End: mem.End, State: textview.LitDiscrepant})
				disagree++
			}
		}
	}
	if aligned == 0 && disagree == 0 {
		lits[article] = []textview.Lit{{Start: start, End: end, State: textview.LitUnmatched}}
		cv.Info.SetFull(textview.LTR(what + ": no counterpart found in the other versions."))
	} else {
		cv.Info.SetFull(textview.LTR(fmt.Sprintf("%s: %d aligned counterpart(s), %d that disagree.", what, aligned, disagree)))
	}
	if cv.focus != nil && len(cv.focus.Members) >= 2 {
		cv.Unlink.Enable()
	} else {
		cv.Unlink.Disable()
	}
	cv.light(lits)
}

// storyOrOf is the story shown, or for a hand-picked set the story of the article.
func (cv *CompareView) storyOrOf(article string) string {
	if cv.story != "" {
		return cv.story
	}
	return cv.u.m.storyOf[article]
}

// light sets every column's lit spans and scrolls each to its first.
func (cv *CompareView) light(lits map[string][]textview.Lit) {
	for _, c := range cv.Columns {
		ls := lits[c.Article.ID]
		c.View.SetLit(ls)
		if len(ls) > 0 {
			first := ls[0].Start
			for _, l := range ls {
				first = min(first, l.Start)
			}
			c.View.ScrollTo(first)
		}
	}
}

// ShowDiscrepancy lights a discrepancy's spans in every column and scrolls to them.
func (cv *CompareView) ShowDiscrepancy(d compare.Discrepancy) {
	lits := map[string][]textview.Lit{}
	for _, mem := range d.Members {
		lits[mem.Article] = append(lits[mem.Article], textview.Lit{Start: mem.Start, End: mem.End, State: textview.LitDiscrepant})
	}
	cv.light(lits)
	cv.Info.SetFull(textview.LTR(cv.u.m.readable(d)))
}

// linkSelection stores the spans selected in two or more columns as one claim.
func (cv *CompareView) linkSelection() {
	var members []compare.Member
	for _, c := range cv.Columns {
		r := c.View.Selection()
		if r.Empty() {
			continue
		}
		members = append(members, compare.Member{Article: c.Article.ID, Start: r.Start, End: r.End, Text: c.View.SelectedText()})
	}
	if len(members) < 2 {
		cv.u.showError(userError{title: "Select in two columns", err: fmt.Errorf("select the words of the same claim in at least two columns, then press Same claim (%d column(s) have a selection)", len(members))})
		return
	}
	cv.u.doLink(store.ManualLink{Members: members, Author: cv.u.analyst()}, "link spans")
}

// unlinkFocus breaks the alignment of the fact last clicked.
func (cv *CompareView) unlinkFocus() {
	if cv.focus == nil {
		return
	}
	cv.u.doLink(store.ManualLink{Members: cv.focus.Members, Unlink: true, Author: cv.u.analyst()}, "unlink")
}

// columnsLayout shares the width between the columns, never narrower than minColumnWidth (the
// horizontal scroll around it then takes over).
type columnsLayout struct{}

func (columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	pad := theme.Padding()
	return fyne.NewSize(float32(len(objs))*(minColumnWidth+pad), h)
}

func (columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Padding()
	w := (size.Width - pad*float32(len(objs)-1)) / float32(len(objs))
	x := float32(0)
	for _, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}
