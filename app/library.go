package app

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Library columns.
const (
	colPick = iota
	colLang
	colLanguage
	colTitle
	colSource
	colPublished
	colStory
	colHighlights
	colOpen
	numCols
)

var colNames = [numCols]string{"", "Code", "Language", "Title", "Source", "Published", "Story", "Highlights", "Open flags"}
var colWidths = [numCols]float32{34, 56, 100, 400, 190, 116, 140, 86, 86}

// Library is the workspace's articles as a sortable, filterable table with search.
type Library struct {
	u *UI

	Table *widget.Table
	// Search filters by any text of the articles, across scripts and spellings.
	Search      *widget.Entry
	LangFilter  *widget.Select
	StoryFilter *widget.Select
	// Count says how many articles are shown of how many.
	Count *widget.Label
	// Hint is the first-run card telling what to try.
	Hint *widget.Card

	CompareStory, ComparePicked, Read *widget.Button

	rows    []string        // article ids shown, in order
	picked  map[string]bool // articles ticked for "Compare picked"
	current string          // the row last selected
	sortCol int
	sortAsc bool

	content fyne.CanvasObject
}

func newLibrary(u *UI) *Library {
	l := &Library{u: u, picked: map[string]bool{}, sortCol: colPublished, sortAsc: true}
	l.Search = widget.NewEntry()
	l.Search.SetPlaceHolder("Search all articles — any script or spelling (Zhao Lijian finds Чжао Лицзянь)")
	l.Search.OnChanged = func(string) { l.refresh() }
	l.LangFilter = widget.NewSelect(nil, func(string) { l.refresh() })
	l.LangFilter.PlaceHolder = "All languages"
	l.StoryFilter = widget.NewSelect(nil, func(string) { l.refresh() })
	l.StoryFilter.PlaceHolder = "All stories"
	l.Count = widget.NewLabel("")

	l.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(l.rows), numCols },
		func() fyne.CanvasObject {
			lbl := widget.NewLabel("")
			lbl.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(widget.NewCheck("", nil), lbl)
		},
		l.updateCell,
	)
	l.Table.ShowHeaderColumn = false
	l.Table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	l.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		name := colNames[id.Col]
		b.Icon = nil
		if id.Col == l.sortCol && id.Col != colPick {
			if l.sortAsc {
				b.Icon = theme.MenuDropUpIcon()
			} else {
				b.Icon = theme.MenuDropDownIcon()
			}
		}
		b.SetText(name)
		col := id.Col
		b.OnTapped = func() { l.SortBy(col) }
	}
	for c, w := range colWidths {
		l.Table.SetColumnWidth(c, w)
	}
	l.Table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(l.rows) {
			return
		}
		aid := l.rows[id.Row]
		if id.Col == colPick {
			l.picked[aid] = !l.picked[aid]
			l.Table.RefreshItem(id)
			l.updateButtons()
		}
		l.current = aid
		l.updateButtons()
	}

	l.CompareStory = widget.NewButtonWithIcon("Compare story", theme.ViewFullScreenIcon(), func() {
		if s := l.u.m.storyOf[l.current]; s != "" {
			l.u.OpenStory(s)
		}
	})
	l.CompareStory.Importance = widget.HighImportance
	l.ComparePicked = widget.NewButton("Compare ticked", func() {
		var ids []string
		for _, id := range l.rows {
			if l.picked[id] {
				ids = append(ids, id)
			}
		}
		l.u.OpenArticles(ids)
	})
	l.Read = widget.NewButtonWithIcon("Read", theme.DocumentIcon(), func() { l.u.OpenReader(l.current) })
	importBtn := widget.NewButtonWithIcon("Import…", theme.ContentAddIcon(), l.u.ImportFilesDialog)
	pasteBtn := widget.NewButtonWithIcon("Paste text…", theme.ContentPasteIcon(), l.u.PasteDialog)

	l.Hint = widget.NewCard("Welcome to Parallax",
		"Five sample articles are loaded: one 2021 story in Arabic, French, Vietnamese and Russian, and a French article about another event.",
		container.NewVBox(
			widget.NewLabel("• Pick a row and press Compare story to read the versions side by side; click a flag on the right to see where they disagree."),
			widget.NewLabel("• Confirm or reject each flag; teach a spelling (Zhao Lijiang is Zhao Lijian) with Same actor."),
			widget.NewLabel("• Search finds names in any script: try Zhao Lijian. Drop your own .txt, .md or .html files on the window to add them."),
			container.NewHBox(layout.NewSpacer(), widget.NewButton("Got it", func() {
				l.u.prefs.SetBool(prefHintDismissed, true)
				l.ShowHint(false)
			})),
		))
	l.Hint.Hide()

	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(170, l.LangFilter.MinSize().Height), l.LangFilter),
			container.NewGridWrap(fyne.NewSize(260, l.StoryFilter.MinSize().Height), l.StoryFilter)),
		l.Search)
	actions := container.NewHBox(importBtn, pasteBtn, widget.NewSeparator(), l.CompareStory, l.ComparePicked, l.Read,
		layout.NewSpacer(), l.Count)
	l.content = container.NewBorder(container.NewVBox(filters, actions, l.Hint), nil, nil, nil, l.Table)
	l.updateButtons()
	return l
}

// ShowHint shows or hides the first-run hint.
func (l *Library) ShowHint(on bool) {
	if on {
		l.Hint.Show()
	} else {
		l.Hint.Hide()
	}
}

// SortBy sorts by a column; sorting by the same column again reverses the order.
func (l *Library) SortBy(col int) {
	if col == colPick {
		return
	}
	if l.sortCol == col {
		l.sortAsc = !l.sortAsc
	} else {
		l.sortCol, l.sortAsc = col, true
	}
	l.refresh()
}

// Rows returns the ids of the articles shown, in order.
func (l *Library) Rows() []string { return append([]string(nil), l.rows...) }

// SelectArticle selects an article's row (as a click would) and scrolls to it.
func (l *Library) SelectArticle(id string) {
	for i, r := range l.rows {
		if r == id {
			l.Table.Select(widget.TableCellID{Row: i, Col: colTitle})
			l.Table.ScrollTo(widget.TableCellID{Row: i, Col: colTitle})
			return
		}
	}
}

// refresh recomputes the rows from the model, the filters, the search and the sort order.
func (l *Library) refresh() {
	m := l.u.m
	l.updateFilterOptions()
	lang := langCode(l.LangFilter.Selected)
	story := l.storyFilterID()
	ids := make([]string, 0, len(m.articles))
	for _, a := range m.articles {
		if lang != "" && a.Lang != lang {
			continue
		}
		if story != "" && m.storyOf[a.ID] != story {
			continue
		}
		ids = append(ids, a.ID)
	}
	if q := strings.TrimSpace(l.Search.Text); q != "" {
		if l.u.search != nil {
			ids = l.u.search.match(q, ids)
		} else {
			ids = titleMatch(m, q, ids) // until the index is built
		}
	}
	l.sortRows(ids)
	l.rows = ids
	l.Count.SetText(fmt.Sprintf("%d of %d articles", len(ids), len(m.articles)))
	l.Table.Refresh()
	l.updateButtons()
}

// titleMatch is the search used before the full index is ready: titles only, case-folded.
func titleMatch(m *model, q string, ids []string) []string {
	q = strings.ToLower(q)
	var out []string
	for _, id := range ids {
		if a, ok := m.article(id); ok && strings.Contains(strings.ToLower(a.Title), q) {
			out = append(out, id)
		}
	}
	return out
}

func (l *Library) sortRows(ids []string) {
	m := l.u.m
	key := func(id string) string {
		a, _ := m.article(id)
		switch l.sortCol {
		case colLang:
			return a.Lang
		case colLanguage:
			return languageName(a.Lang)
		case colTitle:
			return strings.ToLower(a.Title)
		case colSource:
			return strings.ToLower(a.Source)
		case colPublished:
			return m.pub[id]
		case colStory:
			return m.storyLabel(m.storyOf[id])
		case colHighlights:
			return fmt.Sprintf("%09d", m.highlights[id])
		case colOpen:
			return fmt.Sprintf("%09d", m.openDiscrepancies(id))
		}
		return ""
	}
	keys := make(map[string]string, len(ids))
	for _, id := range ids {
		keys[id] = key(id)
	}
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := keys[ids[i]], keys[ids[j]]
		if a == b {
			return ids[i] < ids[j]
		}
		if l.sortAsc {
			return a < b
		}
		return a > b
	})
}

func (l *Library) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	check, lbl := c.Objects[0].(*widget.Check), c.Objects[1].(*widget.Label)
	if id.Row >= len(l.rows) {
		return
	}
	aid := l.rows[id.Row]
	m := l.u.m
	a, _ := m.article(aid)
	if id.Col == colPick {
		lbl.Hide()
		check.Show()
		check.OnChanged = nil
		check.SetChecked(l.picked[aid])
		check.OnChanged = func(on bool) { l.picked[aid] = on; l.updateButtons() }
		return
	}
	check.Hide()
	lbl.Show()
	text := ""
	switch id.Col {
	case colLang:
		text = a.Lang
	case colLanguage:
		text = languageName(a.Lang)
	case colTitle:
		text = ellipsis(a.Title, 120)
	case colSource:
		if text = a.Source; a.SameTextNote() != "" {
			text += " (" + a.SameTextNote() + ")"
		}
	case colPublished:
		text = m.pub[aid]
		if text == "" {
			text = "undated"
		} else if a.Published == "" {
			text += " (inferred)"
		}
	case colStory:
		if s, ok := m.stories[m.storyOf[aid]]; ok {
			text = fmt.Sprintf("%d versions", len(s.Articles))
			if len(s.Articles) == 1 {
				text = "1 version"
			}
			if d := m.storyDate(s); d != "" {
				text = d[:min(4, len(d))] + " · " + text
			}
		} else if !m.analysed {
			text = "…"
		}
	case colHighlights:
		text = strconv.Itoa(m.highlights[aid])
	case colOpen:
		if m.analysed {
			text = strconv.Itoa(m.openDiscrepancies(aid))
		}
	}
	lbl.SetText(text)
}

func (l *Library) updateButtons() {
	if l.u.m.storyOf[l.current] != "" {
		l.CompareStory.Enable()
	} else {
		l.CompareStory.Disable()
	}
	if l.current != "" {
		l.Read.Enable()
	} else {
		l.Read.Disable()
	}
	n := 0
	for _, on := range l.picked {
		if on {
			n++
		}
	}
	if n >= 2 {
		l.ComparePicked.Enable()
	} else {
		l.ComparePicked.Disable()
	}
	l.ComparePicked.SetText(fmt.Sprintf("Compare ticked (%d)", n))
}

// updateFilterOptions lists the languages and stories present, keeping the choices made.
func (l *Library) updateFilterOptions() {
	m := l.u.m
	seen := map[string]bool{}
	langs := []string{"All languages"}
	var codes []string
	for _, a := range m.articles {
		if !seen[a.Lang] {
			seen[a.Lang] = true
			codes = append(codes, a.Lang)
		}
	}
	sort.Strings(codes)
	for _, c := range codes {
		langs = append(langs, c+" — "+languageName(c))
	}
	l.LangFilter.Options = langs
	stories := []string{"All stories"}
	for _, id := range m.storyIDs() {
		stories = append(stories, m.storyLabel(id))
	}
	l.StoryFilter.Options = stories
}

// storyFilterID maps the story filter's label back to a story id ("" for all).
func (l *Library) storyFilterID() string {
	sel := l.StoryFilter.Selected
	if sel == "" || sel == "All stories" {
		return ""
	}
	for _, id := range l.u.m.storyIDs() {
		if l.u.m.storyLabel(id) == sel {
			return id
		}
	}
	return ""
}

// langCode takes the code from a language filter entry ("ar — Arabic" → "ar").
func langCode(sel string) string {
	if sel == "" || sel == "All languages" {
		return ""
	}
	code, _, _ := strings.Cut(sel, " — ")
	return code
}
