// Package article is the article view around the text widget: title, source, language and
// publication date (editable), the tag bar (select words, press 1–9, the highlight is stored at
// once), the selected highlight's tags, note and delete, find-in-article, fact underlines on and
// off, and undo/redo (Ctrl+Z / Ctrl+Shift+Z) of every highlight and tag-set change, persisted
// ones included: each undo step writes the store back to the state before the change.
package article

import (
	"errors"
	"fmt"
	"image/color"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
	"parallax/compare"
	"parallax/store"
)

// Store is what the view needs from the workspace; *store.DB implements it.
type Store interface {
	PutHighlight(h store.Highlight) (store.Highlight, error)
	DeleteHighlight(articleID, id string) error
	Highlights(articleID string) ([]store.Highlight, error)
	Tags() ([]store.Tag, error)
	PutTags([]store.Tag) error
	Article(id string) (store.Article, error)
	UpdateArticleMeta(id string, title, lang, published *string) error
}

var _ Store = (*store.DB)(nil)

// op is one undoable change, already applied.
type op struct {
	name       string
	undo, redo func() error
}

// View shows one article for reading and marking. Create it with New, then Load an article.
// All methods must run on Fyne's goroutine.
type View struct {
	widget.BaseWidget

	// OnError reports failures (a store write that failed); by default they are shown in a
	// dialog on the window given to New.
	OnError func(error)
	// OnChanged is called after highlights, tags or metadata changed (to refresh lists).
	OnChanged func()

	st      Store
	win     fyne.Window
	art     store.Article
	hls     []store.Highlight
	tags    []store.Tag
	selHL   string
	undos   []op
	redos   []op
	found   []textview.Range
	foundAt int

	text      *textview.TextView
	title     *textview.Entry
	source    *fyne.Container
	lang      *textview.Entry
	published *textview.Entry
	metaInfo  *widget.Label
	tagBar    *fyne.Container
	facts     *widget.Check
	undoBtn   *widget.Button
	redoBtn   *widget.Button
	find      *textview.Entry
	findInfo  *widget.Label
	hlPanel   *fyne.Container
	hlQuote   *textview.FitLabel
	hlTags    *widget.CheckGroup
	hlNote    *textview.Entry
	root      fyne.CanvasObject
}

// New returns an empty article view writing to st. win (may be nil) parents dialogs.
func New(st Store, win fyne.Window) *View {
	v := &View{st: st, win: win, text: textview.New()}
	v.build()
	v.ExtendBaseWidget(v)
	return v
}

// TextView returns the text widget (the workbench drives scrolling and emphasis through it).
func (v *View) TextView() *textview.TextView { return v.text }

// Article returns the article shown.
func (v *View) Article() store.Article { return v.art }

// Highlights returns the article's highlights as stored.
func (v *View) Highlights() []store.Highlight { return slices.Clone(v.hls) }

// CreateRenderer implements fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.root) }

func (v *View) build() {
	v.title = textview.NewEntry()
	v.title.SetPlaceHolder("Title")
	v.title.OnSubmitted = func(s string) { v.saveMeta(&s, nil, nil) }
	v.lang = textview.NewEntry()
	v.lang.SetPlaceHolder("lang")
	v.lang.OnSubmitted = func(s string) { v.saveMeta(nil, &s, nil) }
	v.published = textview.NewEntry()
	v.published.SetPlaceHolder("YYYY-MM-DD")
	v.published.Validator = validDate
	v.published.OnSubmitted = func(s string) {
		if validDate(s) != nil {
			return
		}
		v.saveMeta(nil, nil, &s)
	}
	v.source = container.NewHBox()
	v.metaInfo = widget.NewLabel("")
	v.metaInfo.Importance = widget.LowImportance

	v.tagBar = container.NewHBox()
	v.facts = widget.NewCheck("Facts", func(on bool) { v.text.SetFactsVisible(on) })
	v.facts.SetChecked(true)
	v.undoBtn = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), func() { v.Undo() })
	v.redoBtn = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), func() { v.Redo() })
	editTags := widget.NewButtonWithIcon("Tags…", theme.SettingsIcon(), func() { v.EditTags() })

	v.find = textview.NewEntry()
	v.find.SetPlaceHolder("Find in article")
	v.find.OnChanged = func(s string) { v.Find(s) }
	v.find.OnSubmitted = func(string) { v.FindNext() }
	v.findInfo = widget.NewLabel("")

	v.hlQuote = textview.NewFitLabel("") // an Arabic quote cut at its end, not its start
	v.hlTags = widget.NewCheckGroup(nil, nil)
	v.hlTags.Horizontal = true
	v.hlNote = textview.NewEntry()
	v.hlNote.SetPlaceHolder("Note — Enter saves")
	v.hlNote.OnSubmitted = func(s string) { v.SetNote(v.selHL, s) }
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { v.DeleteHighlight(v.selHL) })
	v.hlPanel = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabel("Highlight:"), del, v.hlQuote),
		v.hlTags,
		v.hlNote)
	v.hlPanel.Hide()

	v.text.OnRune = v.typedRune
	v.text.OnShortcut = v.shortcut
	v.text.OnKey = v.key
	v.text.OnHighlightTapped = v.selectHighlight

	meta := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel("Language"), sized(v.lang, 60), widget.NewLabel("Published"), sized(v.published, 120)),
		v.title)
	tools := container.NewBorder(nil, nil, nil,
		container.NewHBox(v.facts, v.undoBtn, v.redoBtn, editTags),
		container.NewHScroll(v.tagBar))
	findBar := container.NewBorder(nil, nil, nil,
		container.NewHBox(v.findInfo,
			widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.FindPrev() }),
			widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.FindNext() })),
		v.find)
	top := container.NewVBox(meta, container.NewBorder(nil, nil, v.source, v.metaInfo), tools, findBar, widget.NewSeparator())
	v.root = container.NewBorder(top, v.hlPanel, nil, nil, v.text)
	v.updateUndoButtons()
}

// sized keeps an entry at a fixed minimum width inside an HBox.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, o.MinSize().Height)), o)
}

func validDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return errors.New("use YYYY-MM-DD")
	}
	return nil
}

// Load shows article id with its highlights and the workspace's tag set, and clears undo.
func (v *View) Load(id string) error {
	a, err := v.st.Article(id)
	if err != nil {
		return fmt.Errorf("open article %q: %w", id, err)
	}
	hls, err := v.st.Highlights(id)
	if err != nil {
		return fmt.Errorf("read highlights of %q: %w", id, err)
	}
	tags, err := v.st.Tags()
	if err != nil {
		return fmt.Errorf("read the tag set: %w", err)
	}
	v.art, v.hls, v.tags = a, hls, tags
	v.undos, v.redos = nil, nil
	v.selHL = ""
	v.text.SetText(a.Text)
	v.text.SetFacts(nil)
	v.showMeta()
	v.refreshTags()
	v.refreshHighlights()
	v.Find(v.find.Text)
	v.updateUndoButtons()
	return nil
}

// SetFacts shows compare's facts for this article as underlines.
func (v *View) SetFacts(fs []compare.Fact) {
	out := make([]textview.Fact, 0, len(fs))
	for _, f := range fs {
		tip := fmt.Sprintf("%s: %v", f.Kind, f.Value)
		if f.Label != "" {
			tip = fmt.Sprintf("%s: %s", f.Kind, f.Label)
		}
		out = append(out, textview.Fact{ID: f.ID, Start: f.Start, End: f.End, Kind: string(f.Kind), Tooltip: tip})
	}
	v.text.SetFacts(out)
}

func (v *View) showMeta() {
	v.title.SetText(v.art.Title)
	v.lang.SetText(v.art.Lang)
	v.published.SetText(v.art.Published)
	v.source.Objects = nil
	src := v.art.Source
	if v.art.URL != "" {
		if u, err := url.Parse(v.art.URL); err == nil && u.Scheme != "" {
			v.source.Add(widget.NewHyperlink(v.art.URL, u))
		} else {
			v.source.Add(widget.NewLabel(v.art.URL))
		}
	}
	if src != "" && src != v.art.URL {
		l := widget.NewLabel(src)
		l.Importance = widget.LowImportance
		v.source.Add(l)
	}
	v.source.Refresh()
	info := []string{}
	if v.art.LangFrom != "" {
		info = append(info, "language "+v.art.LangFrom)
	}
	if v.art.PublishedFrom != "" {
		// "text: 20 تموز 2021": the dateline keeps its own direction inside the English line.
		how, line, ok := strings.Cut(v.art.PublishedFrom, ": ")
		if ok {
			info = append(info, "date "+how+": "+textview.Visual(line))
		} else {
			info = append(info, "date "+textview.Visual(how))
		}
	}
	v.metaInfo.SetText(strings.Join(info, " · "))
}

func (v *View) saveMeta(title, lang, published *string) {
	if v.art.ID == "" {
		return
	}
	if err := v.st.UpdateArticleMeta(v.art.ID, title, lang, published); err != nil {
		v.fail(fmt.Errorf("save the article's details: %w", err))
		return
	}
	if a, err := v.st.Article(v.art.ID); err == nil {
		v.art = a
	}
	v.changed()
}

func (v *View) fail(err error) {
	switch {
	case v.OnError != nil:
		v.OnError(err)
	case v.win != nil:
		dialog.ShowError(err, v.win)
	default:
		fyne.LogError("article view", err)
	}
}

func (v *View) changed() {
	if v.OnChanged != nil {
		v.OnChanged()
	}
}

// ParseColor reads "#rrggbb" (a tag's colour); anything else is grey.
func ParseColor(s string) color.NRGBA {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 6 {
		if n, err := strconv.ParseUint(s, 16, 32); err == nil {
			return color.NRGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 0xff}
		}
	}
	return color.NRGBA{0x9e, 0x9e, 0x9e, 0xff}
}

func (v *View) tagColor(name string) color.NRGBA {
	for _, t := range v.tags {
		if t.Name == name {
			return ParseColor(t.Color)
		}
	}
	return ParseColor("")
}

func (v *View) refreshTags() {
	v.tagBar.Objects = nil
	for _, t := range v.tags {
		label := t.Name
		if t.Key != "" {
			label = t.Key + " " + t.Name
		}
		name := t.Name
		sw := canvas.NewRectangle(ParseColor(t.Color))
		sw.SetMinSize(fyne.NewSize(10, 10))
		sw.CornerRadius = 2
		b := widget.NewButton(label, func() { v.Tag(name) })
		b.Importance = widget.LowImportance
		v.tagBar.Add(container.NewHBox(container.NewCenter(sw), b))
	}
	v.tagBar.Refresh()
	names := make([]string, len(v.tags))
	for i, t := range v.tags {
		names[i] = t.Name
	}
	v.hlTags.Options = names
	v.hlTags.Refresh()
}

func (v *View) refreshHighlights() {
	out := make([]textview.Highlight, 0, len(v.hls))
	for _, h := range v.hls {
		var col color.Color = ParseColor("")
		if len(h.Tags) > 0 {
			col = v.tagColor(h.Tags[0])
		}
		tip := strings.Join(h.Tags, ", ")
		if h.Note != "" {
			tip += " — " + h.Note
		}
		out = append(out, textview.Highlight{ID: h.ID, Start: h.Start, End: h.End, Color: col, Tooltip: tip})
	}
	v.text.SetHighlights(out)
	v.showHighlightPanel()
}

func (v *View) highlight(id string) (store.Highlight, bool) {
	for _, h := range v.hls {
		if h.ID == id {
			return h, true
		}
	}
	return store.Highlight{}, false
}

func (v *View) selectHighlight(id string) {
	v.selHL = id
	v.text.SetSelectedHighlight(id)
	v.showHighlightPanel()
}

func (v *View) showHighlightPanel() {
	h, ok := v.highlight(v.selHL)
	if !ok {
		v.selHL = ""
		v.text.SetSelectedHighlight("")
		if v.hlPanel.Visible() {
			v.hlPanel.Hide()
			v.root.Refresh() // lay the text out over the panel's place: no blank band
		}
		return
	}
	v.hlQuote.SetFull("“" + h.Quote + "”")
	v.hlTags.OnChanged = nil
	v.hlTags.SetSelected(slices.Clone(h.Tags))
	v.hlTags.OnChanged = func(sel []string) { v.SetTags(v.selHL, sel) }
	v.hlNote.SetText(h.Note)
	if !v.hlPanel.Visible() {
		v.hlPanel.Show()
		v.root.Refresh()
	}
	// The panel takes room from the text: keep the words just tagged in view.
	v.text.ScrollTo(h.Start)
}

// typedRune maps tag keys: with text selected the key makes a highlight; with a highlight
// selected (clicked) it toggles that tag on it.
func (v *View) typedRune(r rune) {
	if r < '1' || r > '9' {
		return
	}
	for _, t := range v.tags {
		if t.Key == string(r) {
			v.Tag(t.Name)
			return
		}
	}
}

func (v *View) shortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo: // how the window delivers Ctrl+Z
		v.Undo()
		return
	case *fyne.ShortcutRedo: // Ctrl+Y
		v.Redo()
		return
	}
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		textview.PassShortcut(v.text, s)
		return
	}
	ctrl := cs.Modifier&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0
	shift := cs.Modifier&fyne.KeyModifierShift != 0
	switch {
	case ctrl && cs.KeyName == fyne.KeyZ && shift, ctrl && cs.KeyName == fyne.KeyY:
		v.Redo()
	case ctrl && cs.KeyName == fyne.KeyZ:
		v.Undo()
	case ctrl && cs.KeyName == fyne.KeyF:
		if c := fyne.CurrentApp().Driver().CanvasForObject(v.find); c != nil {
			c.Focus(v.find)
		}
	default:
		textview.PassShortcut(v.text, s)
	}
}

// Shortcuts returns the view's window shortcuts, for the window shell to register with
// Canvas().AddShortcut so they work wherever the focus is.
func Shortcuts() []*desktop.CustomShortcut {
	return []*desktop.CustomShortcut{
		{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault},
		{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{KeyName: fyne.KeyY, Modifier: fyne.KeyModifierShortcutDefault},
		{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
	}
}

// HandleShortcut lets the window shell forward a shortcut registered from Shortcuts.
func (v *View) HandleShortcut(s fyne.Shortcut) { v.shortcut(s) }

func (v *View) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		if v.selHL != "" {
			v.DeleteHighlight(v.selHL)
		}
	case fyne.KeyEscape:
		v.selectHighlight("")
	case fyne.KeyF10:
		textview.PassKey(v.text, e)
	}
}

// do applies a change and records it for undo.
func (v *View) do(o op) error {
	if err := o.redo(); err != nil {
		return err
	}
	v.undos = append(v.undos, o)
	v.redos = nil
	v.updateUndoButtons()
	v.changed()
	return nil
}

// Undo reverts the last change, in the store too.
func (v *View) Undo() {
	if len(v.undos) == 0 {
		return
	}
	o := v.undos[len(v.undos)-1]
	if err := o.undo(); err != nil {
		v.fail(fmt.Errorf("undo %s: %w", o.name, err))
		return
	}
	v.undos = v.undos[:len(v.undos)-1]
	v.redos = append(v.redos, o)
	v.updateUndoButtons()
	v.changed()
}

// Redo re-applies the last undone change.
func (v *View) Redo() {
	if len(v.redos) == 0 {
		return
	}
	o := v.redos[len(v.redos)-1]
	if err := o.redo(); err != nil {
		v.fail(fmt.Errorf("redo %s: %w", o.name, err))
		return
	}
	v.redos = v.redos[:len(v.redos)-1]
	v.undos = append(v.undos, o)
	v.updateUndoButtons()
	v.changed()
}

func (v *View) updateUndoButtons() {
	if len(v.undos) == 0 {
		v.undoBtn.Disable()
	} else {
		v.undoBtn.Enable()
	}
	if len(v.redos) == 0 {
		v.redoBtn.Disable()
	} else {
		v.redoBtn.Enable()
	}
}

// put stores h and mirrors it in the view.
func (v *View) put(h store.Highlight) (store.Highlight, error) {
	stored, err := v.st.PutHighlight(h)
	if err != nil {
		return stored, err
	}
	i := slices.IndexFunc(v.hls, func(x store.Highlight) bool { return x.ID == stored.ID })
	if i >= 0 {
		v.hls[i] = stored
	} else {
		v.hls = append(v.hls, stored)
	}
	v.refreshHighlights()
	return stored, nil
}

func (v *View) remove(id string) error {
	if err := v.st.DeleteHighlight(v.art.ID, id); err != nil {
		return err
	}
	v.hls = slices.DeleteFunc(v.hls, func(x store.Highlight) bool { return x.ID == id })
	v.refreshHighlights()
	return nil
}

// Tag applies tag: to the selected text as a new highlight (stored at once), or, when a
// highlight is selected and no text is, toggles the tag on that highlight.
func (v *View) Tag(tag string) {
	sel := v.text.Selection()
	if sel.Empty() {
		if h, ok := v.highlight(v.selHL); ok {
			tags := slices.Clone(h.Tags)
			if i := slices.Index(tags, tag); i >= 0 {
				tags = slices.Delete(tags, i, i+1)
			} else {
				tags = append(tags, tag)
			}
			v.SetTags(h.ID, tags)
		}
		return
	}
	if err := v.AddHighlight(sel.Start, sel.End, []string{tag}); err != nil {
		v.fail(err)
	}
}

// AddHighlight stores a new highlight on [start, end) with tags, undoably.
func (v *View) AddHighlight(start, end int, tags []string) error {
	h := store.Highlight{Article: v.art.ID, Revision: v.art.Revision, Start: start, End: end, Tags: tags}
	var stored store.Highlight
	err := v.do(op{
		name: "highlight",
		redo: func() (err error) {
			if stored.ID != "" {
				h = stored // redo re-creates the same highlight, same id
			}
			stored, err = v.put(h)
			return err
		},
		undo: func() error { return v.remove(stored.ID) },
	})
	if err != nil {
		return fmt.Errorf("save highlight: %w", err)
	}
	v.selectHighlight(stored.ID)
	return nil
}

// SetTags changes a highlight's tags (none left deletes it), undoably.
func (v *View) SetTags(id string, tags []string) {
	old, ok := v.highlight(id)
	if !ok || slices.Equal(old.Tags, tags) {
		return
	}
	if len(tags) == 0 {
		v.DeleteHighlight(id)
		return
	}
	nw := old
	nw.Tags = slices.Clone(tags)
	v.change("retag", old, nw)
}

// SetNote changes a highlight's note, undoably.
func (v *View) SetNote(id, note string) {
	old, ok := v.highlight(id)
	if !ok || old.Note == note {
		return
	}
	nw := old
	nw.Note = note
	v.change("note", old, nw)
}

func (v *View) change(name string, old, nw store.Highlight) {
	err := v.do(op{
		name: name,
		redo: func() error { _, err := v.put(nw); return err },
		undo: func() error { _, err := v.put(old); return err },
	})
	if err != nil {
		v.fail(fmt.Errorf("save highlight: %w", err))
	}
}

// DeleteHighlight deletes a highlight, undoably.
func (v *View) DeleteHighlight(id string) {
	old, ok := v.highlight(id)
	if !ok {
		return
	}
	err := v.do(op{
		name: "delete",
		redo: func() error { return v.remove(id) },
		undo: func() error { _, err := v.put(old); return err },
	})
	if err != nil {
		v.fail(fmt.Errorf("delete highlight: %w", err))
	}
}

// SetTagSet replaces the workspace's tag set, undoably.
func (v *View) SetTagSet(tags []store.Tag) error {
	if err := checkTags(tags); err != nil {
		return err
	}
	old := slices.Clone(v.tags)
	nw := slices.Clone(tags)
	apply := func(ts []store.Tag) error {
		if err := v.st.PutTags(ts); err != nil {
			return err
		}
		v.tags = slices.Clone(ts)
		v.refreshTags()
		v.refreshHighlights()
		return nil
	}
	if err := v.do(op{name: "tag set", redo: func() error { return apply(nw) }, undo: func() error { return apply(old) }}); err != nil {
		return fmt.Errorf("save the tag set: %w", err)
	}
	return nil
}

// checkTags says what is wrong with a tag set before it reaches the store.
func checkTags(tags []store.Tag) error {
	names, keys := map[string]bool{}, map[string]bool{}
	for _, t := range tags {
		switch {
		case strings.TrimSpace(t.Name) == "":
			return errors.New("a tag has no name; give it one or remove it")
		case names[t.Name]:
			return fmt.Errorf("two tags are called %q; rename one", t.Name)
		case t.Key != "" && (len(t.Key) != 1 || t.Key < "1" || t.Key > "9"):
			return fmt.Errorf("tag %q: key %q must be one of 1–9", t.Name, t.Key)
		case t.Key != "" && keys[t.Key]:
			return fmt.Errorf("key %s is used by two tags; pick another for %q", t.Key, t.Name)
		}
		names[t.Name] = true
		if t.Key != "" {
			keys[t.Key] = true
		}
	}
	return nil
}

// EditTags opens the tag set editor (name, colour, key per tag).
func (v *View) EditTags() {
	if v.win == nil {
		return
	}
	rows := container.NewVBox()
	type row struct{ name, col, key *textview.Entry }
	var all []*row
	addRow := func(t store.Tag) {
		r := &row{textview.NewEntry(), textview.NewEntry(), textview.NewEntry()}
		r.name.SetText(t.Name)
		r.col.SetText(t.Color)
		r.key.SetText(t.Key)
		sw := canvas.NewRectangle(ParseColor(t.Color))
		sw.SetMinSize(fyne.NewSize(16, 16))
		r.col.OnChanged = func(s string) { sw.FillColor = ParseColor(s); sw.Refresh() }
		all = append(all, r)
		var line *fyne.Container
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			all = slices.DeleteFunc(all, func(x *row) bool { return x == r })
			rows.Remove(line)
		})
		line = container.NewBorder(nil, nil, sized(r.key, 40), container.NewHBox(container.NewCenter(sw), sized(r.col, 90), rm), r.name)
		rows.Add(line)
	}
	for _, t := range v.tags {
		addRow(t)
	}
	add := widget.NewButtonWithIcon("Add tag", theme.ContentAddIcon(), func() { addRow(store.Tag{Color: "#9e9e9e"}) })
	body := container.NewBorder(widget.NewLabel("Key · name · colour (#rrggbb)"), add, nil, nil, container.NewVScroll(rows))
	d := dialog.NewCustomConfirm("Tag set", "Save", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		var ts []store.Tag
		for _, r := range all {
			ts = append(ts, store.Tag{Name: strings.TrimSpace(r.name.Text), Color: strings.TrimSpace(r.col.Text), Key: strings.TrimSpace(r.key.Text)})
		}
		if err := v.SetTagSet(ts); err != nil {
			dialog.ShowInformation("Tag set not saved", err.Error(), v.win)
		}
	}, v.win)
	d.Resize(fyne.NewSize(460, 420))
	d.Show()
}

// Find marks every case-insensitive occurrence of q and scrolls to the first; it returns how
// many there are.
func (v *View) Find(q string) int {
	v.found = findAll([]rune(v.art.Text), []rune(q))
	v.foundAt = 0
	v.showFound()
	return len(v.found)
}

// FindNext and FindPrev move between matches.
func (v *View) FindNext() { v.stepFound(1) }

// FindPrev moves to the previous match.
func (v *View) FindPrev() { v.stepFound(-1) }

func (v *View) stepFound(d int) {
	if len(v.found) == 0 {
		return
	}
	v.foundAt = (v.foundAt + d + len(v.found)) % len(v.found)
	v.showFound()
}

func (v *View) showFound() {
	if len(v.found) == 0 {
		v.text.SetFound(nil, -1)
		if v.find.Text != "" {
			v.findInfo.SetText("0/0")
		} else {
			v.findInfo.SetText("")
		}
		return
	}
	v.text.SetFound(v.found, v.foundAt)
	v.text.ScrollTo(v.found[v.foundAt].Start)
	v.findInfo.SetText(fmt.Sprintf("%d/%d", v.foundAt+1, len(v.found)))
}

// findAll compares rune by rune after simple case folding, so offsets stay code points of the
// original text (lower-casing a whole string can change its length).
func findAll(text, q []rune) []textview.Range {
	if len(q) == 0 {
		return nil
	}
	fold := func(r rune) rune { return unicode.ToLower(r) }
	var out []textview.Range
	for i := 0; i+len(q) <= len(text); i++ {
		ok := true
		for j, r := range q {
			if fold(text[i+j]) != fold(r) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, textview.Range{Start: i, End: i + len(q)})
			i += len(q) - 1
		}
	}
	return out
}
