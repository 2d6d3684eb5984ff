package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// Issue 14, entries: Arabic mixed with Latin and digits showed in logical order in every text
// entry (search box, notes, tags, paste dialog). Not focused, an Entry shows it in visual order
// with mirrored brackets (right-aligned when the text reads from the right); focused, Fyne's own
// drawing, where the caret is; left-to-right text is never covered.
func TestEntry_RenderVisualOrder(t *testing.T) {
	test.NewTempApp(t)
	rtl := NewEntry()
	rtl.SetText("اجتماع 20 تموز 2021 (APT31)")
	ltr := NewEntry()
	ltr.SetText("Zhao Lijian (APT31)")
	mixed := NewEntry()
	mixed.SetText("Note: الصين تنفي 2021")
	focused := NewEntry()
	focused.SetText("اجتماع 20 تموز 2021 (APT31)")
	multi := NewMultiLineEntry()
	multi.SetText("الصين تنفي (APT31) في 20 تموز 2021 أي علاقة بالهجمات على خوادم البريد\nZhao Lijian: 20 تموز")
	multi.SetMinRowsVisible(3)
	w := test.NewTempWindow(t, container.NewVBox(rtl, ltr, mixed, focused, multi))
	w.Resize(fyne.NewSize(360, 330))
	w.Canvas().Focus(focused)

	for _, c := range []struct {
		name string
		e    *Entry
		want bool
	}{{"right-to-left", rtl, true}, {"left-to-right", ltr, false}, {"mixed", mixed, true}, {"focused", focused, false}, {"multi-line", multi, true}} {
		if got := c.e.Overlaid(); got != c.want {
			t.Errorf("%s entry: overlaid = %v, want %v", c.name, got, c.want)
		}
	}
	test.AssertImageMatches(t, "entries_rtl.png", w.Canvas().Capture())

	// Focus moves: the entry left shows visual order again, the one entered Fyne's text.
	w.Canvas().Focus(rtl)
	if !focused.Overlaid() || rtl.Overlaid() {
		t.Errorf("after moving the focus: overlaid %v (left) and %v (focused), want true and false", focused.Overlaid(), rtl.Overlaid())
	}
	// Typing updates what the overlay shows once the focus leaves.
	rtl.CursorColumn = len([]rune(rtl.Text))
	test.Type(rtl, " 3")
	w.Canvas().Unfocus()
	if !rtl.Overlaid() || rtl.Text != "اجتماع 20 تموز 2021 (APT31) 3" {
		t.Errorf("after typing and leaving: text %q, overlaid %v", rtl.Text, rtl.Overlaid())
	}
}
