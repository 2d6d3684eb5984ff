package textview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/rivo/uniseg"
)

// WrapLabel is a label of several lines for text of any direction: it wraps the text in logical
// order (UAX #14 break opportunities) at its width, then shows each line in visual order with
// the levels of its whole paragraph (UBA L1–L2 per line). Fyne's own wrapping of a Visual string
// wraps the visual order: a mixed Arabic/Latin summary put its numbers and words on the wrong
// line and the wrong side.
type WrapLabel struct {
	widget.Label
	full  string
	width float32
}

// NewWrapLabel returns a wrapping label showing s (plain text, logical order).
func NewWrapLabel(s string) *WrapLabel {
	l := &WrapLabel{full: s}
	l.Truncation = fyne.TextTruncateClip
	l.ExtendBaseWidget(l)
	l.wrap()
	return l
}

// SetFull sets the text (logical order).
func (l *WrapLabel) SetFull(s string) {
	l.full = s
	l.wrap()
}

// Full returns the text set, in logical order.
func (l *WrapLabel) Full() string { return l.full }

// Resize implements fyne.Widget: the lines follow the width.
func (l *WrapLabel) Resize(s fyne.Size) {
	l.Label.Resize(s)
	if s.Width != l.width {
		l.wrap()
	}
}

// MinSize implements fyne.Widget: as tall as the wrapped lines, as narrow as a few characters,
// so the label never widens what holds it.
func (l *WrapLabel) MinSize() fyne.Size {
	m := l.Label.MinSize()
	th := l.Theme()
	m.Width = min(m.Width, 2*th.Size(theme.SizeNameInnerPadding)+fyne.MeasureText("MMMM…", th.Size(theme.SizeNameText), l.TextStyle).Width)
	return m
}

func (l *WrapLabel) wrap() {
	l.width = l.Size().Width
	if IsRTL(l.full) {
		l.Alignment = fyne.TextAlignTrailing
	} else {
		l.Alignment = fyne.TextAlignLeading
	}
	th := l.Theme()
	avail := l.width - 2*th.Size(theme.SizeNameInnerPadding)
	size := th.Size(theme.SizeNameText)
	measure := func(s string) float32 { return fyne.MeasureText(s, size, l.TextStyle).Width }
	if l.width <= 0 {
		avail = 0 // not laid out yet: one line a paragraph
	}
	var lines []string
	for _, para := range strings.Split(l.full, "\n") {
		lines = append(lines, wrapParagraph([]rune(para), avail, measure)...)
	}
	text := strings.Join(lines, "\n")
	if text != l.Text {
		l.Text = text
		l.Refresh()
	}
}

// wrapParagraph breaks one paragraph into lines no wider than avail and returns each line in
// visual order, with the levels of the whole paragraph.
func wrapParagraph(runes []rune, avail float32, measure func(string) float32) []string {
	var levels []uint8
	if needsBidi(runes) {
		info := bidiLevels(runes)
		levels = make([]uint8, len(runes))
		for i := range runes {
			levels[i] = info.at(i)
		}
	}
	var lines []string
	for _, ln := range breakLines(runes, avail, measure) {
		if levels == nil {
			lines = append(lines, string(runes[ln[0]:ln[1]]))
		} else {
			lines = append(lines, visualLine(runes[ln[0]:ln[1]], levels[ln[0]:ln[1]]))
		}
	}
	return lines
}

// breakLines returns the [start, end) rune ranges of the lines of one paragraph no wider than
// avail, spaces at a line end left out (they hang). Lines break at UAX #14 opportunities; a
// piece between two opportunities wider than avail gets a line of its own; avail 0 means one
// line.
func breakLines(runes []rune, avail float32, measure func(string) float32) [][2]int {
	var ends []int
	str, state, pos := string(runes), -1, 0
	for len(str) > 0 {
		var cluster string
		var boundaries int
		cluster, str, boundaries, state = uniseg.StepString(str, state)
		pos += len([]rune(cluster))
		if boundaries&uniseg.MaskLine != uniseg.LineDontBreak || len(str) == 0 {
			ends = append(ends, pos)
		}
	}
	trimmed := func(a, b int) int {
		for b > a && (runes[b-1] == ' ' || runes[b-1] == '\t') {
			b--
		}
		return b
	}
	var lines [][2]int
	start, width, prev := 0, float32(0), 0
	for _, e := range ends {
		if avail > 0 && prev > start && width+measure(string(runes[prev:trimmed(prev, e)])) > avail {
			lines = append(lines, [2]int{start, trimmed(start, prev)})
			start, width = prev, 0
		}
		width += measure(string(runes[prev:e]))
		prev = e
	}
	return append(lines, [2]int{start, trimmed(start, len(runes))})
}
