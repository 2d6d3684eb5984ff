package textview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTextView_TooltipGoneAfterDrag: a tooltip shown before a drag used to stay up, at the drag's
// start, after the drag ended.
func TestTextView_TooltipGoneAfterDrag(t *testing.T) {
	tv, w := newView(t, mixed, fyne.NewSize(700, 120))
	tv.SetHighlights([]Highlight{{ID: "h1", Start: 29, End: 38, Color: color.NRGBA{0xe5, 0x39, 0x35, 0xff}, Tooltip: "actor — note"}})
	test.MoveMouse(w.Canvas(), tv.PositionOf(31))
	if tv.content.hoverText == "" {
		t.Fatal("no tooltip over the highlight: the test cannot check that a drag removes it")
	}
	dragSelect(t, tv, w, 29, 37)
	if tv.SelectedText() == "" {
		t.Fatal("the drag selected nothing")
	}
	if tv.content.hoverText != "" {
		t.Errorf("tooltip %q still shown after the drag ended", tv.content.hoverText)
	}
}
