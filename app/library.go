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

	"parallax/app/textview"
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

// colWidths are the columns' widths; the title column takes whatever the window leaves (at
// least minTitleWidth), so every column is in view from 1024 pixels wide.
var colWidths = [numCols]float32{34, 50, 96, 400, 150, 110, 124, 80, 80}

const minTitleWidth = 180

// Library is the workspace's articles as a sortable, filterable table with search.
type Library struct {
	u *UI

	Table *libTable
	// Search filters by any text of the articles, across scripts and spellings.
	Search      *textview.Entry
	LangFilter  *widget.Select
	StoryFilter *StoryPicker
	// Count says how many articles are shown of how many.
	Count *widget.Label
	// Hint is the first-run card telling what to try.
	Hint *widget.Card

	CompareStory, ComparePicked, Read *widget.Button

	rows    []string        // article ids shown, in order
	picked  map[string]bool // articles ticked for "Compare picked"
	current string          // the article selected: the selection follows it, not a row number
	selRow  int             // the row the table shows selected (-1 none)
	quiet   bool            // set while the library itself moves the table's selection
	sortCol int
	sortAsc bool
	needed  float32 // width of all columns, as last laid out

	content fyne.CanvasObject
}

func newLibrary(u *UI) *Library {
	l := &Library{u: u, picked: map[string]bool{}, sortCol: colPublished, sortAsc: true, selRow: -1}
	l.Search = textview.NewEntry()
	l.Search.SetPlaceHolder("Search all articles — any script or spelling (Zhao Lijian finds Чжао Лицзянь)")
	l.Search.OnChanged = func(string) { l.refresh() }
	l.LangFilter = widget.NewSelect(nil, func(string) { l.refresh() })
	l.LangFilter.PlaceHolder = "All languages"
	l.StoryFilter = newStoryPicker(func(string) { l.refresh() })
	l.StoryFilter.PlaceHolder = "All stories"
	l.Count = widget.NewLabel("")

	l.Table = &libTable{onEnter: func() { l.u.OpenReader(l.current) }}
	l.Table.Length = func() (int, int) { return len(l.rows), numCols }
	l.Table.CreateCell = func() fyne.CanvasObject {
		// Cut in logical order: Fyne's own truncation keeps an Arabic title's end.
		return container.NewStack(widget.NewCheck("", nil), textview.NewFitLabel(""))
	}
	l.Table.UpdateCell = l.updateCell
	l.Table.ShowHeaderRow = true
	l.Table.ExtendBaseWidget(l.Table)
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
		l.selRow = id.Row
		if l.quiet {
			return
		}
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

	l.Hint = widget.NewCard("Welcome to Parallax", hintSamples,
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
	l.content = container.NewBorder(container.NewVBox(filters, actions, l.Hint), nil, nil, nil,
		container.New(&titleFill{l: l}, l.Table))
	l.updateButtons()
	return l
}

// hintSamples is the hint's first line when the workspace holds the samples.
const hintSamples = "Five sample articles are loaded: one 2021 story in Arabic, French, Vietnamese and Russian, and a French article about another event."

// sampleCount is how many sample articles a first run loads.
const sampleCount = 5

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
	l.followCurrent()
	l.updateButtons()
}

// followCurrent moves the table's selection to the selected article's new row after the rows
// changed (sort, filter, import), or clears it when the article is no longer listed: the
// highlight and Read/Compare story always mean the same article.
func (l *Library) followCurrent() {
	row := -1
	for i, id := range l.rows {
		if id == l.current {
			row = i
			break
		}
	}
	if row == l.selRow {
		return
	}
	l.quiet = true
	defer func() { l.quiet = false }()
	if row < 0 {
		l.Table.UnselectAll()
		l.selRow = -1
		l.current = ""
		return
	}
	l.Table.Select(widget.TableCellID{Row: row, Col: colTitle})
}

// SelectedArticle returns the article of the row the table shows selected ("" for none).
func (l *Library) SelectedArticle() string {
	if l.selRow < 0 || l.selRow >= len(l.rows) {
		return ""
	}
	return l.rows[l.selRow]
}

// titleFill lays the table over its whole space and gives the title column the width the
// other columns leave.
type titleFill struct {
	l    *Library
	last float32
}

func (f *titleFill) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *titleFill) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	others := float32(0)
	for c, w := range colWidths {
		if c != colTitle {
			others += w + theme.Padding() // a separator after each column
		}
	}
	title := max(minTitleWidth, size.Width-others-theme.Padding()-theme.ScrollBarSize())
	f.l.needed = others + title
	if title != f.last {
		f.last = title
		f.l.Table.SetColumnWidth(colTitle, title)
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// WidthNeeded returns the width all columns take, as last laid out.
func (l *Library) WidthNeeded() float32 { return l.needed }

// libTable is the library's table: Enter opens the focused row in Read.
type libTable struct {
	widget.Table
	onEnter func()
}

// TypedKey selects the focused row and opens it on Enter; other keys move as in any table.
func (t *libTable) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // select the focused cell
		t.onEnter()
		return
	}
	t.Table.TypedKey(e)
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
	check, lbl := c.Objects[0].(*widget.Check), c.Objects[1].(*textview.FitLabel)
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
		// Cut here, in logical order: Fyne cuts the visual end, the start of an Arabic title.
		text = ellipsis(a.Title, 56)
	case colSource:
		text = a.Source
		if a.URL != "" && strings.TrimSpace(a.Outlet) != "" {
			// A page from the web: the outlet names it; the address is in the reader.
			text = a.Outlet
		}
		if a.SameTextNote() != "" {
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
	lbl.SetFull(text)
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
	l.StoryFilter.SetOptions(stories)
}

// storyFilterID maps the story filter's label back to a story id ("" for all).
func (l *Library) storyFilterID() string {
	sel := l.StoryFilter.Selected
	if sel == "" || sel == "All stories" {
		return ""
	}
	return l.u.m.storyByLabel(sel)
}

// langCode takes the code from a language filter entry ("ar — Arabic" → "ar").
func langCode(sel string) string {
	if sel == "" || sel == "All languages" {
		return ""
	}
	code, _, _ := strings.Cut(sel, " — ")
	return code
}
