package app_test

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"parallax/store/ingest"
)

// shownText is the text an object draws: its visible canvas texts, laid out at its size, in
// tree order. Hidden objects (and what they hold) draw nothing.
func shownText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch c := o.(type) {
		case *canvas.Text:
			b.WriteString(c.Text)
			b.WriteString(" ")
		case fyne.Widget:
			r := test.WidgetRenderer(c)
			r.Layout(c.Size())
			for _, child := range r.Objects() {
				walk(child)
			}
		case *fyne.Container:
			if c.Layout != nil {
				c.Layout.Layout(c.Objects, c.Size())
			}
			for _, child := range c.Objects {
				walk(child)
			}
		}
	}
	walk(o)
	return b.String()
}

// Issue 14: story labels were put in visual order when they were made, and the story picker
// (its face and its list), the library's story filter and the timeline's title cut that
// string at its right end, which for an Arabic title is its first words. The labels stay in
// logical order (they name stories in the selects) and each widget cuts them in logical order.
func TestStoryLabels_RightToLeftTitleKeepsItsStart(t *testing.T) {
	db := openDB(t, t.TempDir())
	// A one-version Arabic story: its label is "2024-05-03 · ar · " and its headline.
	const title = "وزارة النقل تعلن خطة جديدة لإعادة بناء الجسور والطرق في المدن الساحلية بعد الفيضانات"
	const body = "أعلنت وزارة النقل يوم 3 مايو 2024 أن 40 جسرا ستعاد بناؤها خلال عامين."
	d, err := ingest.Bytes("bridges-ar.txt", []byte("---\ntitle: "+title+"\nlang: ar\npublished: 2024-05-03\n---\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportDocuments([]ingest.Document{d}, time.Now()); err != nil {
		t.Fatal(err)
	}
	u, w := newUI(t, db)
	first := strings.Fields(title)[0]
	const head = "2024-05-03 · ar · "

	sel := u.Compare.StorySelect
	ids := u.Compare.StoryIDs()
	story, label := "", ""
	for i, o := range sel.Options {
		if strings.Contains(o, first) {
			story, label = ids[i], o
		}
	}
	if story == "" {
		t.Fatalf("no story label holds the Arabic headline's first word %q: %q", first, sel.Options)
	}
	u.OpenStory(story)

	// Narrow enough to cut the label, wide enough for its date, languages and first word.
	size := theme.TextSize()
	need := func(s string, style fyne.TextStyle) float32 {
		return fyne.MeasureText(s+" …", size, style).Width + 2*theme.InnerPadding()
	}
	narrow := need(head+first, fyne.TextStyle{}) + theme.Padding()
	if full := need(label, fyne.TextStyle{}); full < 2*narrow {
		t.Fatalf("the label %q is too short to be cut (%.0f px against %.0f)", label, full, narrow)
	}
	icon := theme.IconInlineSize() + 2*theme.InnerPadding() // the select's arrow and its margins
	check := func(where string, o fyne.CanvasObject) {
		t.Helper()
		shown := shownText(o)
		if !strings.Contains(shown, "…") {
			t.Fatalf("%s shows the story label whole (%q): the test's width does not cut it", where, shown)
		}
		if !strings.Contains(shown, "2024-05-03") || !strings.Contains(shown, first) {
			t.Errorf("%s shows the story label as %q: its date or its first word %q is cut off", where, shown, first)
		}
	}

	sel.Resize(fyne.NewSize(narrow+icon, sel.MinSize().Height))
	check("the narrow story picker", sel)

	test.Tap(sel)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("tapping the story picker opened nothing")
	}
	sel.Filter("2024-05-03") // not the first word: the filter box would show it
	if sel.Shown() != 1 {
		t.Fatalf("filtering the picker by its date lists %d stories, want 1", sel.Shown())
	}
	// The pop-up's content: a list row has a little padding more than the select.
	top.Resize(fyne.NewSize(narrow+4*theme.Padding(), top.MinSize().Height))
	check("the narrow story list", top)
	sel.Close()

	lib := u.Library.StoryFilter
	lib.SetSelected(label)
	if rows, _ := u.Library.Table.Length(); rows != 1 {
		t.Errorf("the library filtered by the Arabic story lists %d articles, want 1", rows)
	}
	lib.Resize(fyne.NewSize(narrow+icon, lib.MinSize().Height))
	check("the library's narrow story filter", lib)

	u.Tabs.Select(u.TimelineTab)
	tl := u.Timeline.Title
	tl.Resize(fyne.NewSize(need("Dates in "+head+first, fyne.TextStyle{Bold: true})+theme.Padding(), tl.MinSize().Height))
	check("the narrow timeline title", tl)
}
