package textview

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry is Fyne's text entry with the bidi layer added where Fyne allows it. Fyne's entry
// draws its text in logical order, left to right, with no bidi: "اجتماع 20 تموز (APT31)" shows
// its words backwards and its brackets the wrong way round. While the entry is not being
// edited and its text has right-to-left characters, Entry covers the text area with the same
// text laid out by the text view's engine (visual order, mirrored brackets, right-aligned
// right-to-left paragraphs, wrapped for a multi-line entry). While it has the focus it shows
// Fyne's own drawing, so that the caret and the selection sit where Fyne puts them: the
// overlay never pretends the caret is somewhere it is not. Left-to-right text is never
// covered. Taps go through the overlay to the entry (it is not interactive).
//
// Editing right-to-left text in visual order needs a bidi-aware editor, which Fyne does not
// have; Entry makes what is stored readable at a glance, and every label elsewhere goes through
// Visual.
type Entry struct {
	widget.Entry
	focused bool
}

// NewEntry returns a one-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns an entry of several lines, wrapped at word boundaries.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained implements fyne.Focusable: the overlay gives way to Fyne's editable text.
func (e *Entry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
}

// FocusLost implements fyne.Focusable: the overlay comes back.
func (e *Entry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
}

// Overlaid reports whether the entry currently shows its text in visual order over Fyne's own
// drawing (not focused, text with right-to-left characters).
func (e *Entry) Overlaid() bool {
	return !e.focused && needsBidi([]rune(e.Text))
}

// CreateRenderer implements fyne.Widget: Fyne's entry renderer with the overlay on top.
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	r := &entryRenderer{e: e, inner: e.Entry.CreateRenderer(), bg: canvas.NewRectangle(color.Transparent)}
	r.update()
	return r
}

type entryRenderer struct {
	e     *Entry
	inner fyne.WidgetRenderer
	bg    *canvas.Rectangle
	texts []fyne.CanvasObject

	// The last layout, kept while the text, size and width stay the same.
	lay      *layout
	layText  string
	layWidth float32
	size     fyne.Size
	objects  []fyne.CanvasObject
}

func (r *entryRenderer) Destroy()                     { r.inner.Destroy() }
func (r *entryRenderer) MinSize() fyne.Size           { return r.inner.MinSize() }
func (r *entryRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *entryRenderer) Layout(s fyne.Size) {
	r.size = s
	r.inner.Layout(s)
	r.update()
}

func (r *entryRenderer) Refresh() {
	r.inner.Refresh()
	r.update()
	canvas.Refresh(r.e)
}

// update rebuilds the overlay for the current text, focus and size.
func (r *entryRenderer) update() {
	e := r.e
	r.objects = append(r.objects[:0], r.inner.Objects()...)
	r.texts = r.texts[:0]
	if !e.Overlaid() || r.size.Width <= 0 {
		return
	}
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	border := th.Size(theme.SizeNameInputBorder)
	pad := th.Size(theme.SizeNameInnerPadding)
	right := r.size.Width - border
	if e.ActionItem != nil {
		right -= e.ActionItem.MinSize().Width + pad
	}
	// The box hides Fyne's logical-order drawing inside the border (the border stays visible).
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Move(fyne.NewPos(border, border))
	r.bg.Resize(fyne.NewSize(right-border, r.size.Height-2*border))
	r.objects = append(r.objects, r.bg)

	width := right - border - 2*pad
	if width <= 0 {
		return
	}
	size := th.Size(theme.SizeNameText)
	if r.lay == nil || r.layText != e.Text || r.lay.size != size {
		r.lay = newLayout(e.Text, defaultFontSet(), size, th.Size(theme.SizeNameLineSpacing))
		r.layText = e.Text
		r.layWidth = -1
	}
	if r.layWidth != width {
		r.lay.wrap(width)
		r.layWidth = width
	}
	fg := th.Color(theme.ColorNameForeground, v)
	if e.Disabled() {
		fg = th.Color(theme.ColorNameDisabled, v)
	}
	x0, y0 := border+pad, border+pad
	lines := r.lay.lines
	if !e.MultiLine {
		// One line: its start (the right end of a right-to-left paragraph), centred as Fyne
		// centres its own.
		lines = lines[:min(1, len(lines))]
		if len(lines) == 1 {
			y0 = (r.size.Height - (lines[0].ascent + lines[0].descent)) / 2
		}
	}
	bottom := r.size.Height - border
	for i := range lines {
		ln := &lines[i]
		if y0+ln.top+ln.ascent+ln.descent > bottom {
			break // the entry scrolls; the overlay shows what fits from the top
		}
		r.texts = appendLineTexts(r.texts, r.lay, ln, fg, x0, y0)
	}
	r.objects = append(r.objects, r.texts...)
}

// appendLineTexts adds one canvas.Text per drawn piece of a line, placed at (x0, y0) plus the
// piece's position: the same drawing the text view makes.
func appendLineTexts(objs []fyne.CanvasObject, l *layout, ln *line, fg color.Color, x0, y0 float32) []fyne.CanvasObject {
	base := ln.top + ln.ascent
	for _, pc := range ln.pieces {
		if !pc.draw {
			continue
		}
		f := l.fs.get(pc.face)
		rs := l.runes[pc.start:pc.end]
		if pc.level%2 == 1 {
			rs = mirrored(rs)
		}
		txt := canvas.NewText(string(rs), fg)
		txt.TextSize = l.size
		txt.FontSource = f.res
		h := (f.ascent + f.descent + f.gap) * l.size
		txt.Move(fyne.NewPos(x0+pc.x, y0+base-f.ascent*l.size))
		txt.Resize(fyne.NewSize(pc.width, h))
		objs = append(objs, txt)
	}
	return objs
}

// FitLabel is a one-line label for text of any direction that must fit its width: it cuts the
// text in logical order (keeping its start, with "…") and then puts it in visual order. Fyne's
// own truncation cuts the visual string at its right end, which for a right-to-left text is its
// start: an Arabic headline lost its first words and kept its last.
type FitLabel struct {
	widget.Label
	full string
}

// NewFitLabel returns a label showing s (plain text, logical order).
func NewFitLabel(s string) *FitLabel {
	l := &FitLabel{full: s}
	l.Truncation = fyne.TextTruncateClip
	l.ExtendBaseWidget(l)
	l.fit()
	return l
}

// SetFull sets the text (logical order).
func (l *FitLabel) SetFull(s string) {
	l.full = s
	l.fit()
}

// Full returns the text set, in logical order and uncut.
func (l *FitLabel) Full() string { return l.full }

// Resize implements fyne.Widget: the cut follows the width.
func (l *FitLabel) Resize(s fyne.Size) {
	l.Label.Resize(s)
	l.fit()
}

// MinSize implements fyne.Widget: as narrow as a few characters, so the label never widens
// what holds it.
func (l *FitLabel) MinSize() fyne.Size {
	m := l.Label.MinSize()
	th := l.Theme()
	m.Width = min(m.Width, 2*th.Size(theme.SizeNameInnerPadding)+fyne.MeasureText("MMMM…", th.Size(theme.SizeNameText), l.TextStyle).Width)
	return m
}

func (l *FitLabel) fit() {
	if IsRTL(l.full) {
		l.Alignment = fyne.TextAlignTrailing
	} else {
		l.Alignment = fyne.TextAlignLeading
	}
	w := l.Size().Width
	th := l.Theme()
	avail := w - 2*th.Size(theme.SizeNameInnerPadding)
	size := th.Size(theme.SizeNameText)
	runes := []rune(strings.Join(strings.Fields(l.full), " "))
	fits := func(n int) string {
		s := string(runes[:n])
		if n < len(runes) {
			s = Ellipsis(s)
		}
		return Visual(s)
	}
	text := fits(len(runes))
	if w > 0 && fyne.MeasureText(text, size, l.TextStyle).Width > avail {
		lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
		for lo+1 < hi {
			mid := (lo + hi) / 2
			if fyne.MeasureText(fits(mid), size, l.TextStyle).Width <= avail {
				lo = mid
			} else {
				hi = mid
			}
		}
		text = fits(WordCut(runes, lo))
	}
	if text != l.Text {
		l.Text = text
		l.Refresh()
	}
}
