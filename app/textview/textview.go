package textview

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Range is a span of the text in Unicode code points, [Start, End), logical order.
type Range struct{ Start, End int }

// Empty reports whether the range holds no text.
func (r Range) Empty() bool { return r.End <= r.Start }

// Highlight is an analyst's mark drawn as a translucent box behind its glyphs.
type Highlight struct {
	ID         string
	Start, End int
	Color      color.Color // the first tag's colour; drawn translucent so text stays legible
	Tooltip    string      // shown on hover (tags and note)
}

// Fact is an automatically found fact, drawn as an underline.
type Fact struct {
	ID         string
	Start, End int
	Kind       string // "date", "number", "actor": picks the underline colour
	Tooltip    string
}

// LitState says how a lit span relates to its counterparts in other versions.
type LitState int

// Lit states, each with its own colour (LitColor).
const (
	LitAligned    LitState = iota + 1 // the same fact in another version
	LitDiscrepant                     // a counterpart that disagrees
	LitUnmatched                      // no counterpart found
	LitFocus                          // the span the analyst clicked
)

// Lit is a span emphasised because a counterpart elsewhere was selected (comparison workbench).
type Lit struct {
	Start, End int
	State      LitState
}

// LitColor returns the outline colour for a lit state.
func LitColor(s LitState) color.Color {
	switch s {
	case LitAligned:
		return color.NRGBA{0x2e, 0x9d, 0x4f, 0xff}
	case LitDiscrepant:
		return color.NRGBA{0xd9, 0x3a, 0x2b, 0xff}
	case LitUnmatched:
		return color.NRGBA{0x88, 0x88, 0x88, 0xff}
	default:
		return color.NRGBA{0x1e, 0x6f, 0xd9, 0xff}
	}
}

// FactColor returns the underline colour for a fact kind.
func FactColor(kind string) color.Color {
	switch kind {
	case "date":
		return color.NRGBA{0x1e, 0x88, 0xe5, 0xff}
	case "number":
		return color.NRGBA{0xf5, 0x7c, 0x00, 0xff}
	case "actor":
		return color.NRGBA{0x8e, 0x24, 0xaa, 0xff}
	default:
		return color.NRGBA{0x60, 0x7d, 0x8b, 0xff}
	}
}

// TextView is the annotatable, selectable, bidi-aware text widget. Create it with New; all
// methods must be called on Fyne's goroutine (fyne.Do from elsewhere).
type TextView struct {
	widget.BaseWidget

	// OnSelectionChanged is called after the selection changes by the user or Select.
	OnSelectionChanged func(Range)
	// OnHighlightTapped is called when a highlight is clicked (the topmost one under the pointer).
	OnHighlightTapped func(id string)
	// OnFactTapped is called when a visible fact underline's text is clicked and no highlight is.
	OnFactTapped func(id string)
	// OnRune receives typed characters the view does not use itself (tag keys 1–9).
	OnRune func(r rune)
	// OnShortcut receives shortcuts the view does not handle itself (Ctrl+Z, Ctrl+Shift+Z…).
	OnShortcut func(fyne.Shortcut)
	// OnKey receives keys the view does not handle itself (Delete, Escape…).
	OnKey func(*fyne.KeyEvent)

	text         string
	lay          *layout
	anchor, head int // selection: anchor stays, head moves; Range is their ordered pair
	highlights   []Highlight
	facts        []Fact
	factsVisible bool
	lit          []Lit
	found        []Range
	foundCurrent int
	selectedHL   string

	content *content
	scroll  *container.Scroll
}

// New returns an empty view.
func New() *TextView {
	t := &TextView{factsVisible: true, foundCurrent: -1}
	t.content = &content{tv: t}
	t.content.ExtendBaseWidget(t.content)
	t.scroll = container.NewVScroll(t.content)
	t.scroll.OnScrolled = func(fyne.Position) { t.content.Refresh() }
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *TextView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.scroll)
}

// SetText replaces the text, clearing the selection. Highlights, facts and lit spans stay; set
// them again for a new article.
func (t *TextView) SetText(s string) {
	t.text = s
	t.lay = nil
	t.anchor, t.head = 0, 0
	t.scroll.Offset = fyne.Position{}
	t.relayout()
}

// Text returns the text shown.
func (t *TextView) Text() string { return t.text }

// SetHighlights replaces the highlights.
func (t *TextView) SetHighlights(hs []Highlight) {
	t.highlights = append([]Highlight(nil), hs...)
	t.content.Refresh()
}

// SetSelectedHighlight marks one highlight (by id, "" for none) as the one being edited.
func (t *TextView) SetSelectedHighlight(id string) {
	t.selectedHL = id
	t.content.Refresh()
}

// SetFacts replaces the automatic facts.
func (t *TextView) SetFacts(fs []Fact) {
	t.facts = append([]Fact(nil), fs...)
	t.content.Refresh()
}

// SetFactsVisible switches the fact underlines on or off.
func (t *TextView) SetFactsVisible(on bool) {
	t.factsVisible = on
	t.content.Refresh()
}

// FactsVisible reports whether fact underlines are shown.
func (t *TextView) FactsVisible() bool { return t.factsVisible }

// Lit returns the spans lit by SetLit.
func (t *TextView) Lit() []Lit { return append([]Lit(nil), t.lit...) }

// SetLit replaces the emphasised spans (aligned counterparts of what is selected elsewhere).
func (t *TextView) SetLit(ls []Lit) {
	t.lit = append([]Lit(nil), ls...)
	t.content.Refresh()
}

// SetFound marks search matches; current (-1 for none) is drawn stronger.
func (t *TextView) SetFound(rs []Range, current int) {
	t.found = append([]Range(nil), rs...)
	t.foundCurrent = current
	t.content.Refresh()
}

// Selection returns the selected range (empty at the caret when nothing is selected).
func (t *TextView) Selection() Range {
	return Range{min(t.anchor, t.head), max(t.anchor, t.head)}
}

// SelectedText returns the selected text.
func (t *TextView) SelectedText() string {
	r := t.Selection()
	runes := []rune(t.text)
	return string(runes[r.Start:r.End])
}

// Select sets the selection, snapped outwards to grapheme boundaries, and scrolls it into view.
func (t *TextView) Select(r Range) {
	l := t.layoutOrNil()
	if l == nil {
		return
	}
	s := l.snap(max(0, r.Start))
	e := l.snap(min(len(l.runes), r.End))
	if e < r.End {
		e = l.next(e)
	}
	t.setSelection(s, max(s, e))
	t.ScrollTo(s)
}

// ScrollTo scrolls so that the line holding offset is visible, a third from the top when it
// was outside the viewport.
func (t *TextView) ScrollTo(offset int) {
	l := t.layoutOrNil()
	if l == nil || len(l.lines) == 0 {
		return
	}
	ln := l.lines[l.lineOf(offset)]
	top := ln.top + t.content.pad()
	vh := t.scroll.Size().Height
	if top >= t.scroll.Offset.Y && top+ln.ascent+ln.descent <= t.scroll.Offset.Y+vh {
		return
	}
	t.scroll.Offset.Y = max(0, min(top-vh/3, t.content.MinSize().Height-vh))
	t.scroll.Refresh()
	t.content.Refresh()
}

// OffsetAt returns the caret offset nearest to pos, given in the view's coordinates.
func (t *TextView) OffsetAt(pos fyne.Position) int {
	l := t.layoutOrNil()
	if l == nil {
		return 0
	}
	p := t.content.toLayout(pos.Add(t.scroll.Offset))
	return l.offsetAt(p.X, p.Y)
}

// PositionOf returns the point (view coordinates) at the middle of the grapheme starting at
// offset, for tests and for placing popups next to a span.
func (t *TextView) PositionOf(offset int) fyne.Position {
	l := t.layoutOrNil()
	if l == nil {
		return fyne.Position{}
	}
	rs := l.rangeRects(offset, l.next(offset), 0, len(l.lines))
	if len(rs) == 0 {
		x, li := l.caretAt(offset)
		ln := l.lines[li]
		return t.content.fromLayout(fyne.NewPos(x, ln.top+ln.ascent/2)).Subtract(t.scroll.Offset)
	}
	r := rs[0]
	return t.content.fromLayout(fyne.NewPos(r.x+r.w/2, r.y+r.h/2)).Subtract(t.scroll.Offset)
}

// Focus asks the window to give the view keyboard focus.
func (t *TextView) Focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.content); c != nil {
		c.Focus(t.content)
	}
}

// FocusTarget is the object that holds keyboard focus (for window.Canvas().Focus).
func (t *TextView) FocusTarget() fyne.Focusable { return t.content }

func (t *TextView) setSelection(anchor, head int) {
	if anchor == t.anchor && head == t.head {
		return
	}
	old := t.Selection()
	t.anchor, t.head = anchor, head
	t.content.Refresh()
	if t.OnSelectionChanged != nil && t.Selection() != old {
		t.OnSelectionChanged(t.Selection())
	}
}

func (t *TextView) layoutOrNil() *layout {
	if t.lay == nil {
		t.relayout()
	}
	return t.lay
}

// relayout shapes the text if needed and wraps it at the content's current width.
func (t *TextView) relayout() {
	th := t.Theme()
	size := th.Size(theme.SizeNameText)
	spacing := th.Size(theme.SizeNameLineSpacing) + 2
	if t.lay == nil || t.lay.size != size {
		fs := defaultFontSet()
		if res := th.Font(fyne.TextStyle{}); res != theme.DefaultTextFont() {
			fs = newFontSet(res)
		}
		t.lay = newLayout(t.text, fs, size, spacing)
		t.lay.width = -1
	}
	w := t.content.Size().Width - 2*t.content.pad()
	if w <= 0 {
		w = 400
	}
	if w != t.lay.width {
		t.lay.wrap(w)
		t.scroll.Refresh()
	}
	t.content.Refresh()
}

// tooltipAt lists what the hover tooltip says at offset o.
func (t *TextView) tooltipAt(o int) string {
	var parts []string
	for _, h := range t.highlights {
		if o >= h.Start && o < h.End && h.Tooltip != "" {
			parts = append(parts, h.Tooltip)
		}
	}
	if t.factsVisible {
		for _, f := range t.facts {
			if o >= f.Start && o < f.End && f.Tooltip != "" {
				parts = append(parts, f.Tooltip)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// highlightAt returns the id of the innermost (shortest) highlight holding offset o.
func (t *TextView) highlightAt(o int) string {
	best, bestLen := "", 1<<62
	for _, h := range t.highlights {
		if o >= h.Start && o < h.End && h.End-h.Start < bestLen {
			best, bestLen = h.ID, h.End-h.Start
		}
	}
	return best
}

func (t *TextView) factAt(o int) string {
	if !t.factsVisible {
		return ""
	}
	for _, f := range t.facts {
		if o >= f.Start && o < f.End {
			return f.ID
		}
	}
	return ""
}

// content is the scrolled surface: it lays out and draws only the lines in the viewport and
// takes the pointer and keyboard events.
type content struct {
	widget.BaseWidget
	tv *TextView

	focused   bool
	shift     bool
	dragging  bool
	hover     fyne.Position
	hoverText string
}

var (
	_ fyne.Draggable      = (*content)(nil)
	_ fyne.Tappable       = (*content)(nil)
	_ fyne.DoubleTappable = (*content)(nil)
	_ fyne.Focusable      = (*content)(nil)
	_ fyne.Shortcutable   = (*content)(nil)
	_ desktop.Mouseable   = (*content)(nil)
	_ desktop.Keyable     = (*content)(nil)
	_ desktop.Hoverable   = (*content)(nil)
)

func (c *content) pad() float32 { return c.Theme().Size(theme.SizeNameInnerPadding) }

func (c *content) toLayout(p fyne.Position) fyne.Position {
	return fyne.NewPos(p.X-c.pad(), p.Y-c.pad())
}

func (c *content) fromLayout(p fyne.Position) fyne.Position {
	return fyne.NewPos(p.X+c.pad(), p.Y+c.pad())
}

func (c *content) offsetAt(p fyne.Position) int {
	l := c.tv.layoutOrNil()
	q := c.toLayout(p)
	return l.offsetAt(q.X, q.Y)
}

// graphemeOffset returns the offset of the grapheme under p, -1 when p is not on text.
func (c *content) graphemeOffset(p fyne.Position) int {
	l := c.tv.layoutOrNil()
	q := c.toLayout(p)
	k := l.graphemeAt(q.X, q.Y)
	if k < 0 {
		return -1
	}
	return int(l.glyphs[k].start)
}

func (c *content) MinSize() fyne.Size {
	l := c.tv.lay
	if l == nil {
		return fyne.NewSize(0, 0)
	}
	return fyne.NewSize(0, l.height+2*c.pad())
}

func (c *content) Resize(s fyne.Size) {
	if s == c.Size() {
		return
	}
	c.BaseWidget.Resize(s)
	c.tv.relayout()
}

func (c *content) CreateRenderer() fyne.WidgetRenderer {
	return &renderer{c: c}
}

// Pointer and keyboard.

func (c *content) MouseDown(e *desktop.MouseEvent) {
	c.requestFocus()
	if e.Button != desktop.MouseButtonPrimary {
		return
	}
	o := c.offsetAt(e.Position)
	if e.Modifier&fyne.KeyModifierShift != 0 {
		c.tv.setSelection(c.tv.anchor, o)
		return
	}
	c.tv.setSelection(o, o)
}

func (c *content) MouseUp(*desktop.MouseEvent) {}

func (c *content) Dragged(e *fyne.DragEvent) {
	if !c.dragging {
		c.dragging = true
		c.hoverText = "" // the tooltip describes where the drag began; the selection hides it
		start := e.Position.Subtract(e.Dragged)
		if !c.shift {
			o := c.offsetAt(start)
			c.tv.anchor, c.tv.head = o, o
		}
	}
	c.tv.setSelection(c.tv.anchor, c.offsetAt(e.Position))
	c.autoScroll(e.Position)
}

// autoScroll keeps a drag that leaves the viewport selecting.
func (c *content) autoScroll(p fyne.Position) {
	s := c.tv.scroll
	y := p.Y - s.Offset.Y
	switch {
	case y < 0:
		s.Offset.Y = max(0, s.Offset.Y+y)
	case y > s.Size().Height:
		s.Offset.Y = min(c.MinSize().Height-s.Size().Height, s.Offset.Y+y-s.Size().Height)
	default:
		return
	}
	s.Refresh()
	c.Refresh()
}

// DragEnd also drops the tooltip: Fyne sends no mouse moves during a drag, so the one shown
// before it would otherwise stay up, at the drag's start, until the pointer moves again.
func (c *content) DragEnd() {
	c.dragging = false
	if c.hoverText != "" {
		c.hoverText = ""
		c.Refresh()
	}
}

func (c *content) Tapped(e *fyne.PointEvent) {
	c.requestFocus()
	o := c.graphemeOffset(e.Position)
	if o < 0 {
		return
	}
	if id := c.tv.highlightAt(o); id != "" {
		if c.tv.OnHighlightTapped != nil {
			c.tv.OnHighlightTapped(id)
		}
		return
	}
	if id := c.tv.factAt(o); id != "" && c.tv.OnFactTapped != nil {
		c.tv.OnFactTapped(id)
	}
}

func (c *content) DoubleTapped(e *fyne.PointEvent) {
	o := c.graphemeOffset(e.Position)
	if o < 0 {
		o = c.offsetAt(e.Position)
	}
	s, end := c.tv.layoutOrNil().wordAt(o)
	c.tv.setSelection(s, end)
}

func (c *content) requestFocus() {
	if c.focused {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

func (c *content) FocusGained() { c.focused = true; c.Refresh() }
func (c *content) FocusLost()   { c.focused = false; c.shift = false; c.Refresh() }

func (c *content) TypedRune(r rune) {
	if c.tv.OnRune != nil {
		c.tv.OnRune(r)
	}
}

func (c *content) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		c.shift = true
	}
}

func (c *content) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		c.shift = false
	}
}

// TypedKey moves the caret: Left/Right by grapheme in visual direction of the paragraph,
// Up/Down by line keeping x, Home/End to the line ends; with Shift held the selection extends.
func (c *content) TypedKey(e *fyne.KeyEvent) {
	tv := c.tv
	l := tv.layoutOrNil()
	if l == nil || len(l.lines) == 0 {
		return
	}
	head := tv.head
	li := l.lineOf(head)
	rtl := l.paras[l.lines[li].para].rtl
	switch e.Name {
	case fyne.KeyRight, fyne.KeyLeft:
		forward := (e.Name == fyne.KeyRight) != rtl
		if !c.shift && tv.anchor != tv.head { // collapse to the side moved towards
			r := tv.Selection()
			if forward {
				head = r.End
			} else {
				head = r.Start
			}
		} else if forward {
			head = l.next(head)
		} else {
			head = l.prev(head)
		}
	case fyne.KeyUp, fyne.KeyDown:
		x, _ := l.caretAt(head)
		ni := li - 1
		if e.Name == fyne.KeyDown {
			ni = li + 1
		}
		if ni < 0 || ni >= len(l.lines) {
			return
		}
		head = l.offsetAt(x, l.lines[ni].top+1)
	case fyne.KeyHome:
		head = l.lines[li].start
	case fyne.KeyEnd:
		head = l.lines[li].end
	default:
		if tv.OnKey != nil {
			tv.OnKey(e)
		} else if e.Name == fyne.KeyF10 || e.Name == fyne.KeyEscape {
			PassKey(c, e)
		}
		return
	}
	anchor := tv.anchor
	if !c.shift {
		anchor = head
	}
	tv.setSelection(anchor, head)
	tv.ScrollTo(head)
}

func (c *content) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		if txt := c.tv.SelectedText(); txt != "" {
			fyne.CurrentApp().Clipboard().SetContent(txt)
		}
		return
	case *fyne.ShortcutSelectAll:
		c.tv.setSelection(0, len([]rune(c.tv.text)))
		return
	}
	if c.tv.OnShortcut != nil {
		c.tv.OnShortcut(s)
		return
	}
	PassShortcut(c, s)
}

// PassShortcut hands a shortcut a focused widget does not use to its window's canvas, whose
// own shortcuts (Alt+F for the File menu, …) the window skips while a widget that takes
// shortcuts has the focus.
func PassShortcut(o fyne.CanvasObject, s fyne.Shortcut) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if sc, ok := c.(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
		}
	}
}

// PassKey hands a key a focused widget does not use (F10, Esc) to its window's canvas.
func PassKey(o fyne.CanvasObject, e *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if f := c.OnTypedKey(); f != nil {
			f(e)
		}
	}
}

func (c *content) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

func (c *content) MouseMoved(e *desktop.MouseEvent) {
	c.hover = e.Position
	txt := ""
	if o := c.graphemeOffset(e.Position); o >= 0 && !c.dragging {
		txt = c.tv.tooltipAt(o)
	}
	if txt != c.hoverText {
		c.hoverText = txt
		c.Refresh()
	} else if txt != "" {
		c.Refresh() // follow the pointer
	}
}

func (c *content) MouseOut() {
	if c.hoverText != "" {
		c.hoverText = ""
		c.Refresh()
	}
}

// renderer builds canvas objects for the visible lines only.
type renderer struct {
	c       *content
	objects []fyne.CanvasObject
}

func (r *renderer) Destroy()                     {}
func (r *renderer) Layout(fyne.Size)             { r.build() }
func (r *renderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *renderer) Refresh() {
	r.build()
	canvas.Refresh(r.c)
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

func (r *renderer) build() {
	c, tv := r.c, r.c.tv
	r.objects = r.objects[:0]
	l := tv.lay
	if l == nil || len(l.lines) == 0 {
		return
	}
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pad := c.pad()
	// The viewport in layout coordinates, with a margin so fast scrolling shows no gaps.
	vh := tv.scroll.Size().Height
	if vh <= 0 {
		vh = c.Size().Height
	}
	y0 := tv.scroll.Offset.Y - pad - vh/2
	y1 := tv.scroll.Offset.Y - pad + vh*1.5
	first := l.lineAt(y0)
	last := l.lineAt(y1)

	boxes := func(s, e int) []rect { return l.rangeRects(s, e, first, last) }
	add := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x+pad, y+pad))
		o.Resize(fyne.NewSize(w, h))
		r.objects = append(r.objects, o)
	}

	// Highlights: translucent, so overlaps show as mixed, darker colour; a highlight nested in
	// another is inset so both edges stay visible.
	hs := append([]Highlight(nil), tv.highlights...)
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].End-hs[i].Start > hs[j].End-hs[j].Start })
	for i, h := range hs {
		depth := float32(0)
		for _, o := range hs[:i] {
			if o.Start < h.End && h.Start < o.End {
				depth++
			}
		}
		alpha := uint8(0x70)
		if v == theme.VariantDark {
			alpha = 0x90
		}
		for _, b := range boxes(h.Start, h.End) {
			in := min(depth*2, b.h/4)
			rc := canvas.NewRectangle(withAlpha(h.Color, alpha))
			if h.ID == tv.selectedHL {
				rc.StrokeColor = th.Color(theme.ColorNameForeground, v)
				rc.StrokeWidth = 1.5
			}
			add(rc, b.x, b.y+in, b.w, b.h-2*in)
		}
	}
	// Search matches.
	for i, f := range tv.found {
		for _, b := range boxes(f.Start, f.End) {
			rc := canvas.NewRectangle(color.Transparent)
			rc.StrokeColor = color.NRGBA{0xf9, 0xa8, 0x25, 0xff}
			rc.StrokeWidth = 1
			if i == tv.foundCurrent {
				rc.FillColor = color.NRGBA{0xf9, 0xa8, 0x25, 0x60}
				rc.StrokeWidth = 2
			}
			add(rc, b.x, b.y, b.w, b.h)
		}
	}
	// Selection.
	if sel := tv.Selection(); !sel.Empty() {
		col := th.Color(theme.ColorNameSelection, v)
		for _, b := range boxes(sel.Start, sel.End) {
			add(canvas.NewRectangle(col), b.x, b.y, b.w, b.h)
		}
	}
	// Lit spans: outlined boxes.
	for _, lt := range tv.lit {
		col := LitColor(lt.State)
		for _, b := range boxes(lt.Start, lt.End) {
			rc := canvas.NewRectangle(withAlpha(col, 0x30))
			rc.StrokeColor = col
			rc.StrokeWidth = 2
			rc.CornerRadius = 2
			add(rc, b.x-1, b.y-1, b.w+2, b.h+2)
		}
	}

	// Text: one canvas.Text per piece, baseline-aligned across faces.
	fg := th.Color(theme.ColorNameForeground, v)
	for li := first; li <= last && li < len(l.lines); li++ {
		r.objects = appendLineTexts(r.objects, l, &l.lines[li], fg, pad, pad)
	}
	// Fact underlines, stacked when facts overlap.
	if tv.factsVisible {
		for i, f := range tv.facts {
			depth := float32(0)
			for _, o := range tv.facts[:i] {
				if o.Start < f.End && f.Start < o.End {
					depth++
				}
			}
			col := FactColor(f.Kind)
			for _, b := range boxes(f.Start, f.End) {
				add(canvas.NewRectangle(col), b.x, b.y+b.h-1+depth*3, b.w, 2)
			}
		}
	}
	// Caret.
	if c.focused && tv.anchor == tv.head {
		x, li := l.caretAt(tv.head)
		if li >= first && li <= last {
			ln := l.lines[li]
			add(canvas.NewRectangle(th.Color(theme.ColorNamePrimary, v)), x-0.5, ln.top, 1.5, ln.ascent+ln.descent)
		}
	}
	// Tooltip near the pointer, kept inside the viewport.
	if c.hoverText != "" {
		r.addTooltip(th, v)
	}
}

func (r *renderer) addTooltip(th fyne.Theme, v fyne.ThemeVariant) {
	c, tv := r.c, r.c.tv
	size := th.Size(theme.SizeNameCaptionText) + 1
	var texts []*canvas.Text
	w, h := float32(0), float32(0)
	for _, s := range strings.Split(c.hoverText, "\n") {
		t := canvas.NewText(s, th.Color(theme.ColorNameForeground, v))
		t.TextSize = size
		ms := t.MinSize()
		w = max(w, ms.Width)
		h += ms.Height
		texts = append(texts, t)
	}
	p := th.Size(theme.SizeNameInnerPadding) / 2
	x := c.hover.X + 12
	y := c.hover.Y + 16
	view := tv.scroll.Size()
	if x+w+2*p > c.Size().Width {
		x = max(0, c.Size().Width-w-2*p)
	}
	if y+h+2*p > tv.scroll.Offset.Y+view.Height {
		y = c.hover.Y - h - 2*p - 4
	}
	bg := canvas.NewRectangle(th.Color(theme.ColorNameOverlayBackground, v))
	bg.StrokeColor = th.Color(theme.ColorNameShadow, v)
	bg.StrokeWidth = 1
	bg.CornerRadius = 3
	bg.Move(fyne.NewPos(x, y))
	bg.Resize(fyne.NewSize(w+2*p, h+2*p))
	r.objects = append(r.objects, bg)
	ty := y + p
	for _, t := range texts {
		t.Move(fyne.NewPos(x+p, ty))
		t.Resize(t.MinSize())
		ty += t.MinSize().Height
		r.objects = append(r.objects, t)
	}
}

// DragPoints returns two points (canvas coordinates) inside the first and the last grapheme of
// r, a quarter of a grapheme in from r's logical start and end: a drag from one to the other
// selects exactly r whatever the directions involved. For tests and scripted demos.
func (t *TextView) DragPoints(r Range) (from, to fyne.Position) {
	l := t.layoutOrNil()
	if l == nil || r.Empty() {
		return
	}
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject(t)
	if c := d.CanvasForObject(t); c != nil { // the driver reports positions inside the inset
		inset, _ := c.InteractiveArea()
		abs = abs.Add(inset)
	}
	return t.innerPoint(r.Start, true).Add(abs), t.innerPoint(l.snap(r.End-1), false).Add(abs)
}

func (t *TextView) innerPoint(o int, start bool) fyne.Position {
	l := t.lay
	ln := l.lines[l.lineOf(o)]
	for k := ln.gStart; k < ln.gEnd; k++ {
		g := l.glyphs[k]
		if int(g.start) != o {
			continue
		}
		w := g.xr - g.xl
		x := g.xl + w/4
		if start == l.rtlAt(k) { // an RTL start and an LTR end are on the right
			x = g.xr - w/4
		}
		return t.content.fromLayout(fyne.NewPos(x, ln.top+ln.ascent/2)).Subtract(t.scroll.Offset)
	}
	return t.PositionOf(o)
}
