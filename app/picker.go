package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
)

// pickerRows is how many rows of stories the picker's list shows at once.
const pickerRows = 14

// StoryPicker is a select of stories whose list is virtualised. Fyne's Select builds one menu
// item per option each time it opens: with the 1,786 stories of a 3,000-article workspace it
// did not open within a minute and its memory kept growing. StoryPicker keeps the select's
// face and API (Options, Selected, SetSelectedIndex, OnChanged) and opens a filter box over a
// list that only draws the rows in view, whatever the number of stories.
type StoryPicker struct {
	widget.Select

	popUp  *widget.PopUp
	filter *pickerFilter
	list   *widget.List
	shown  []int // option indices the list shows (those matching the filter)
}

func newStoryPicker(changed func(string)) *StoryPicker {
	p := &StoryPicker{}
	p.OnChanged = changed
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer implements fyne.Widget: the select's own look (background, hover, focus,
// arrow) with its text drawn by a textview.FitLabel. Options and Selected are in logical order
// (they are the stories' names, see model.storyByLabel); the select's own text would show them
// as they are, and its truncation cut their right end, which in visual order is the start of an
// Arabic title.
func (p *StoryPicker) CreateRenderer() fyne.WidgetRenderer {
	inner := p.Select.CreateRenderer()
	r := &pickerRenderer{WidgetRenderer: inner, picker: p, face: textview.NewFitLabel("")}
	for _, o := range inner.Objects() {
		if t, ok := o.(*widget.RichText); ok {
			r.selectText = t
		}
	}
	r.objects = append(append([]fyne.CanvasObject(nil), inner.Objects()...), r.face)
	r.update()
	return r
}

// pickerRenderer is Fyne's select renderer with the select's text hidden and a FitLabel in
// its place.
type pickerRenderer struct {
	fyne.WidgetRenderer
	picker     *StoryPicker
	selectText *widget.RichText // the select's own text: kept for its size, never shown
	face       *textview.FitLabel
	objects    []fyne.CanvasObject
}

func (r *pickerRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *pickerRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.placeFace(size)
}

func (r *pickerRenderer) Refresh() {
	r.WidgetRenderer.Refresh() // lays the select out again (its own Layout, not ours)
	r.update()
	r.placeFace(r.picker.Size())
}

// update shows the story picked (or the placeholder) and hides the select's text.
func (r *pickerRenderer) update() {
	if r.selectText != nil && r.selectText.Visible() {
		r.selectText.Hide()
	}
	text := r.picker.Selected
	if text == "" {
		text = r.picker.PlaceHolder
	}
	importance := widget.MediumImportance
	if r.picker.Disabled() {
		importance = widget.LowImportance // drawn in the disabled colour, as the select's text
	}
	if r.face.Importance != importance {
		r.face.Importance = importance
		r.face.Refresh()
	}
	r.face.SetFull(text)
}

// placeFace puts the label's text where the select draws its own: the select's text has a
// smaller inset than a label's.
func (r *pickerRenderer) placeFace(size fyne.Size) {
	if r.selectText == nil {
		return
	}
	th := r.picker.Theme()
	pad, innerPad := th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInnerPadding)
	left := r.selectText.Position().X + pad
	right := r.selectText.Position().X + r.selectText.Size().Width - pad
	h := r.face.MinSize().Height
	r.face.Move(fyne.NewPos(left-innerPad, (size.Height-h)/2))
	r.face.Resize(fyne.NewSize(max(0, right-left)+2*innerPad, h))
}

// Tapped implements fyne.Tappable: opens the list instead of Fyne's menu.
func (p *StoryPicker) Tapped(*fyne.PointEvent) {
	if !p.Disabled() {
		p.Open()
	}
}

// TypedKey implements fyne.Focusable: Space, Up and Down open the list, as in a select.
func (p *StoryPicker) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter:
		p.Open()
	default:
		p.Select.TypedKey(e)
	}
}

// Open shows the filter box and the list under the picker.
func (p *StoryPicker) Open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	if p.popUp == nil {
		p.filter = &pickerFilter{onEsc: p.Close}
		p.filter.ExtendBaseWidget(p.filter)
		p.filter.SetPlaceHolder("Filter stories: date, language, words of the title")
		p.filter.OnChanged = func(string) { p.applyFilter() }
		p.filter.OnSubmitted = func(string) {
			if len(p.shown) > 0 {
				p.pick(p.shown[0])
			}
		}
		p.list = widget.NewList(
			func() int { return len(p.shown) },
			// Options are in logical order: a row cuts its label keeping the start of an
			// Arabic title, then puts it in visual order.
			func() fyne.CanvasObject { return textview.NewFitLabel("") },
			func(i widget.ListItemID, o fyne.CanvasObject) {
				if i < len(p.shown) {
					o.(*textview.FitLabel).SetFull(p.Options[p.shown[i]])
				}
			})
		p.list.OnSelected = func(i widget.ListItemID) {
			if i >= 0 && i < len(p.shown) {
				p.pick(p.shown[i])
			}
		}
		p.popUp = widget.NewPopUp(container.NewBorder(p.filter, nil, nil, nil, p.list), c)
	}
	p.filter.SetText("")
	p.applyFilter()
	rowH := p.list.MinSize().Height // one row's height: the list's minimum
	// As wide as the picker, and wide enough to read a label (the library's filter is narrow);
	// inside the window.
	size := fyne.NewSize(max(p.Size().Width, min(640, c.Size().Width)), p.filter.MinSize().Height+float32(pickerRows)*rowH)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).AddXY(0, p.Size().Height)
	size.Height = min(size.Height, c.Size().Height-pos.Y)
	pos.X = max(0, min(pos.X, c.Size().Width-size.Width))
	p.popUp.Resize(size)
	p.popUp.ShowAtPosition(pos)
	if i := p.SelectedIndex(); i >= 0 {
		p.list.ScrollTo(i)
	}
	c.Focus(p.filter)
}

// SetOptions replaces the stories listed (after an analysis), also in the open list.
func (p *StoryPicker) SetOptions(opts []string) {
	p.Options = opts
	if p.Opened() {
		p.applyFilter()
	}
}

// pickerFilter is the picker's filter box: Esc closes the list (the box has the focus).
type pickerFilter struct {
	textview.Entry
	onEsc func()
}

// TypedKey implements fyne.Focusable.
func (f *pickerFilter) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		f.onEsc()
		return
	}
	f.Entry.TypedKey(e)
}

// Opened reports whether the list is showing.
func (p *StoryPicker) Opened() bool { return p.popUp != nil && p.popUp.Visible() }

// Close hides the list.
func (p *StoryPicker) Close() {
	if p.popUp != nil {
		p.popUp.Hide()
		if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
			c.Focus(p) // back to the picker, as after a pick
		}
	}
}

// Shown returns how many stories the list holds after filtering.
func (p *StoryPicker) Shown() int { return len(p.shown) }

// Filter types a filter into the open list (for tests and scripted demos).
func (p *StoryPicker) Filter(s string) { p.filter.SetText(s) }

// PickShown picks the i-th story the list holds, as a click on its row would.
func (p *StoryPicker) PickShown(i int) { p.list.Select(i) }

// applyFilter keeps the options holding every word of the filter (any case).
func (p *StoryPicker) applyFilter() {
	words := strings.Fields(strings.ToLower(p.filter.Text))
	p.shown = p.shown[:0]
	for i, o := range p.Options {
		lo := strings.ToLower(o)
		ok := true
		for _, w := range words {
			if !strings.Contains(lo, w) {
				ok = false
				break
			}
		}
		if ok {
			p.shown = append(p.shown, i)
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	if len(p.shown) > 0 {
		p.list.ScrollToTop()
	}
}

func (p *StoryPicker) pick(i int) {
	p.popUp.Hide()
	p.SetSelectedIndex(i) // runs OnChanged when the story changes
}
