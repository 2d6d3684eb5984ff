package app_test

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"parallax/app/textview"

	"parallax/app"
	"parallax/compare"
	"parallax/internal/wsgen"
	"parallax/store"
	"parallax/store/ingest"
)

// sameLabelStories returns two stories that would read the same in a list (same date,
// languages and first title): the generated undated copies make many.
func sameLabelStories(t *testing.T, u *app.UI) (string, string) {
	t.Helper()
	sel := u.Compare.StorySelect
	ids := u.Compare.StoryIDs()
	if len(ids) != len(sel.Options) {
		t.Fatalf("%d story ids for %d options", len(ids), len(sel.Options))
	}
	seen := map[string]string{}
	for i, opt := range sel.Options {
		base, _, _ := strings.Cut(opt, " (") // numbered duplicates: "… (2)"
		if first, ok := seen[base]; ok {
			return first, ids[i]
		}
		seen[base] = ids[i]
	}
	t.Fatalf("the generated workspace has no two stories with the same label: %q", sel.Options)
	return "", ""
}

// Issue 14.1: with two stories of the same label, Compare story recursed without end
// (ShowStory → Select.SetSelected → OnChanged → ShowStory of the other one).
func TestCompare_SameLabelStoriesSelectByID(t *testing.T) {
	// Endless recursion would otherwise take minutes and gigabytes to overflow the stack.
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	db := openDB(t, t.TempDir())
	// Three reports of different events under one headline, date and language.
	var docs []ingest.Document
	for i, body := range []string{
		"On 3 May 2024 the ministry in Lyon said 40 people were hurt in a fire at the Part-Dieu station.",
		"On 12 January 2019 the police in Oslo said 7 cars burned near the Storting.",
		"On 28 August 2022 Kenya's electoral commission in Nairobi counted 14 million ballots.",
	} {
		d, err := ingest.Bytes(fmt.Sprintf("same%d.txt", i), []byte("---\ntitle: Ministry statement\nlang: en\npublished: 2024-05-03\n---\n"+body+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
		t.Fatal(err)
	}
	u, _ := newUI(t, db)
	a, b := sameLabelStories(t, u)

	u.OpenStory(b)
	if got := u.Compare.Story(); got != b {
		t.Fatalf("OpenStory(%s) shows story %s", b, got)
	}
	u.OpenStory(a)
	if got := u.Compare.Story(); got != a {
		t.Fatalf("OpenStory(%s) shows story %s", a, got)
	}
	// Every option opens its own story, and the select shows that option.
	sel := u.Compare.StorySelect
	labels := map[string]bool{}
	for i, id := range u.Compare.StoryIDs() {
		if labels[sel.Options[i]] {
			t.Errorf("option %q appears twice", sel.Options[i])
		}
		labels[sel.Options[i]] = true
		if id != a && id != b {
			continue
		}
		sel.SetSelectedIndex(i)
		if got := u.Compare.Story(); got != id {
			t.Errorf("picking option %d (%q) shows story %s, want %s", i, sel.Options[i], got, id)
		}
		if sel.SelectedIndex() != i {
			t.Errorf("after picking option %d the select shows option %d", i, sel.SelectedIndex())
		}
	}
}

// press sends a shortcut to the window the way its canvas receives one.
func press(w fyne.Window, s fyne.Shortcut) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// Issue 14.2: the window delivers Ctrl+Z and Ctrl+Y as fyne.ShortcutUndo and ShortcutRedo;
// the app listened for desktop.CustomShortcut only. (The real window is checked by
// cmd/parallax's TestGUIDailyLoop.)
func TestShortcuts_UndoRedoAsFyneDeliversThem(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	storyOf(t, u, articleBySource(t, db, "004_").ID)
	var spelling string
	for _, d := range u.Compare.Panel.Rows() {
		if d.Kind == compare.DiscSpelling && strings.Contains(d.Summary, "Zhao Lijiang") {
			spelling = d.ID
		}
	}
	if spelling == "" {
		t.Fatal("no Zhao Lijiang spelling flag")
	}
	u.Compare.Panel.SelectRow(spelling)
	test.Tap(u.Compare.Panel.SameActor)
	u.WaitIdle()
	if as, _ := db.Aliases(); len(as) != 1 {
		t.Fatalf("Same actor stored %d aliases", len(as))
	}
	press(w, &fyne.ShortcutUndo{})
	u.WaitIdle()
	if as, _ := db.Aliases(); len(as) != 0 {
		t.Errorf("after Ctrl+Z (fyne.ShortcutUndo) %d aliases remain", len(as))
	}
	press(w, &fyne.ShortcutRedo{})
	u.WaitIdle()
	if as, _ := db.Aliases(); len(as) != 1 {
		t.Errorf("after Ctrl+Y (fyne.ShortcutRedo) %d aliases, want 1", len(as))
	}
	// The menu items carry the same shortcuts, so the window's menu matching finds them.
	found := map[string]bool{}
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				found[it.Shortcut.ShortcutName()] = true
			}
		}
	}
	for _, s := range []fyne.Shortcut{&fyne.ShortcutUndo{}, &fyne.ShortcutRedo{}} {
		if !found[s.ShortcutName()] {
			t.Errorf("no menu item has the %s shortcut", s.ShortcutName())
		}
	}
}

// Issue 14.5: the library's selection follows its article when the rows are re-sorted.
func TestLibrary_SelectionFollowsArticle(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	ru := articleBySource(t, db, "004_").ID
	u.Library.SelectArticle(ru)
	for _, col := range []int{1, 1, 3, 4} {
		u.Library.SortBy(col)
		if got := u.Library.SelectedArticle(); got != ru {
			t.Fatalf("after sorting by column %d the highlighted row is %q, want the selected article %s", col, got, ru)
		}
	}
	// Filtered out: nothing is selected, and Read has nothing to open.
	test.Type(u.Library.Search, "APT31")
	if got := u.Library.SelectedArticle(); got != "" {
		t.Errorf("the selected article is filtered out but row %q is highlighted", got)
	}
	if !u.Library.Read.Disabled() {
		t.Error("Read is enabled with no article selected")
	}
}

// Issue 14.9: keys for the review loop, dialogs and the library.
func TestKeys_FlagsVerdictsDialogsLibrary(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	storyOf(t, u, articleBySource(t, db, "004_").ID)
	rows := u.Compare.Panel.Rows()
	if len(rows) < 2 {
		t.Fatalf("the 2021 story has %d flags", len(rows))
	}
	next := &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	prev := &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	press(w, next)
	if s := u.Compare.Panel.Selected(); s == nil || s.ID != rows[0].ID {
		t.Fatalf("Alt+Down selected %v, want the first flag", s)
	}
	press(w, next)
	if s := u.Compare.Panel.Selected(); s == nil || s.ID != rows[1].ID {
		t.Fatalf("Alt+Down again selected %v, want the second flag", s)
	}
	press(w, prev)
	if s := u.Compare.Panel.Selected(); s == nil || s.ID != rows[0].ID {
		t.Fatalf("Alt+Up selected %v, want the first flag", s)
	}
	press(w, &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault})
	u.WaitIdle()
	vs, _ := db.Verdicts()
	if len(vs) != 1 || vs[0].Discrepancy != rows[0].ID || vs[0].Verdict != store.VerdictRejected {
		t.Errorf("Ctrl+2 stored %+v, want the first flag rejected", vs)
	}

	// Esc closes the dialog on top.
	u.AboutDialog()
	if u.Dialogs() != 1 || w.Canvas().Overlays().Top() == nil {
		t.Fatal("About did not open a dialog")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Dialogs() != 0 || w.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the About dialog")
	}

	// Enter in the library opens the selected row in Read.
	u.Tabs.Select(u.LibraryTab)
	fr := articleBySource(t, db, "001_").ID
	u.Library.SelectArticle(fr)
	u.Library.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.Tabs.Selected() != u.ReadTab || u.Reader.Article().ID != fr {
		t.Errorf("Enter on a library row: tab %v, reader shows %q, want %s in Read", u.Tabs.Selected().Text, u.Reader.Article().ID, fr)
	}
}

// Issue 14.7: on laptop screens (1280×800, 1024×700) every library column, the compare
// toolbar and the flag actions are in view.
func TestLayout_LaptopScreens(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	storyOf(t, u, articleBySource(t, db, "004_").ID)
	var spelling string
	for _, d := range u.Compare.Panel.Rows() {
		if d.Kind == compare.DiscSpelling {
			spelling = d.ID
		}
	}
	u.Compare.Panel.SelectRow(spelling)
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 700}} {
		w.Resize(size)
		cw := w.Canvas().Size().Width
		d := fyne.CurrentApp().Driver()
		inView := func(name string, o fyne.CanvasObject) {
			t.Helper()
			p := d.AbsolutePositionForObject(o)
			if p.X+o.Size().Width > cw+0.5 || p.Y+o.Size().Height > w.Canvas().Size().Height+0.5 {
				t.Errorf("%v: %s ends at %.0f,%.0f, outside the %.0f×%.0f window", size, name,
					p.X+o.Size().Width, p.Y+o.Size().Height, cw, w.Canvas().Size().Height)
			}
		}
		u.Tabs.Select(u.CompareTab)
		inView("Unlink", u.Compare.Unlink)
		inView("Same claim", u.Compare.Link)
		inView("Same actor", u.Compare.Panel.SameActor)
		inView("the verdicts", u.Compare.Panel.Verdict)
		if w.Canvas().Size().Width > size.Width+1 {
			t.Errorf("%v: the window grew to %.0f wide", size, w.Canvas().Size().Width)
		}
		// At 800×600 too, clicking a flag must not widen the window by itself.
		w.Resize(fyne.NewSize(800, 600))
		u.Compare.Panel.SelectRow(u.Compare.Panel.Rows()[0].ID)
		u.Compare.Panel.SelectRow(spelling)
		if got := w.Canvas().Size().Width; got > 801 {
			t.Errorf("at 800×600 selecting a flag widened the window to %.0f", got)
		}
		w.Resize(size)
		u.Tabs.Select(u.LibraryTab)
		if need, have := u.Library.WidthNeeded(), u.Library.Table.Size().Width; need > have+0.5 {
			t.Errorf("%v: library columns need %.0f px, the table has %.0f", size, need, have)
		}
	}
}

// Issue 14.6: what the screen says belongs to the story and analysis shown.
func TestCompare_NoStaleState(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	story := storyOf(t, u, articleBySource(t, db, "004_").ID)
	var spelling string
	for _, d := range u.Compare.Panel.Rows() {
		if d.Kind == compare.DiscSpelling && strings.Contains(d.Summary, "Zhao Lijiang") {
			spelling = d.ID
		}
	}
	u.Compare.Panel.SelectRow(spelling)
	hint := u.Compare.Info.Text
	lit := 0
	for _, c := range u.Compare.Columns {
		lit += len(c.View.Lit())
	}
	if lit == 0 {
		t.Fatal("selecting the spelling flag lit no span")
	}

	// Same actor re-analyses: the flag is gone, and so must be its boxes and its line.
	test.Tap(u.Compare.Panel.SameActor)
	u.WaitIdle()
	for _, d := range u.Compare.Panel.Rows() {
		if d.ID == spelling {
			t.Fatalf("the spelling flag is still listed after Same actor")
		}
	}
	for _, c := range u.Compare.Columns {
		if ls := c.View.Lit(); len(ls) > 0 {
			t.Errorf("after Same actor column %s still lights %+v", c.Article.Lang, ls)
		}
	}
	if u.Compare.Info.Text == hint {
		t.Errorf("after Same actor the info line still describes the removed flag: %q", hint)
	}

	// Another story: nothing said about the first one stays.
	u.Compare.Panel.SelectRow(u.Compare.Panel.Rows()[0].ID)
	hint = u.Compare.Info.Text
	for _, id := range u.Compare.StoryIDs() {
		if id != story {
			u.OpenStory(id)
			break
		}
	}
	if u.Compare.Info.Text == hint {
		t.Errorf("the info line still describes a flag of the other story: %q", hint)
	}
}

// Issue 14.10: flags name articles as a person would, and no two rows of the list read the same.
func TestFlags_NamesAndDistinctRows(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	storyOf(t, u, articleBySource(t, db, "004_").ID)
	var texts []string
	for _, o := range test.LaidOutObjects(u.Compare.Panel.List) {
		if l, ok := o.(*textview.FitLabel); ok && l.Visible() && l.Full() != "" {
			texts = append(texts, l.Full())
		}
	}
	_ = w
	if len(texts) == 0 {
		t.Fatal("the flag list shows no rows")
	}
	seen := map[string]bool{}
	for _, s := range texts {
		if strings.Contains(s, ".txt") || strings.Contains(s, "ec630aab") {
			t.Errorf("a flag names an article by its file: %q", s)
		}
		if seen[s] {
			t.Errorf("two rows of the flag list read %q", s)
		}
		seen[s] = true
	}
}

// The story picker on a workspace of many stories: Fyne's Select made one menu item per story
// each time it opened (on 3,000 articles, 1,786 stories, it did not open within a minute in the
// real window and its memory kept growing). The picker's list only makes the rows in view; its
// filter narrows the stories by the words of their labels.
func TestCompare_StoryPickerManyStories(t *testing.T) {
	db := openDB(t, t.TempDir())
	if err := wsgen.Fill(db, 400); err != nil {
		t.Fatal(err)
	}
	u, w := newUI(t, db)
	ids := u.Compare.StoryIDs()
	if len(ids) < 100 {
		t.Fatalf("the generated workspace has %d stories, want at least 100", len(ids))
	}
	u.OpenStory(ids[0])
	test.Tap(u.Compare.StorySelect)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("tapping the story picker opened nothing")
	}
	texts := 0
	for _, o := range test.LaidOutObjects(top) {
		if _, ok := o.(*canvas.Text); ok {
			texts++
		}
	}
	if texts > 50 {
		t.Errorf("the open picker holds %d texts for %d stories: its rows are not virtualised", texts, len(ids))
	}
	if !u.Compare.StorySelect.Opened() || u.Compare.StorySelect.Shown() != len(ids) {
		t.Fatalf("picker opened %v with %d stories listed, want all %d", u.Compare.StorySelect.Opened(), u.Compare.StorySelect.Shown(), len(ids))
	}
	// Esc in the filter box closes the list (the real window showed it left open).
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Compare.StorySelect.Opened() {
		t.Fatal("Esc left the story list open")
	}
	test.Tap(u.Compare.StorySelect)
	// A numbered label ("… (7)") names one story: the filter finds it and a click opens it.
	want := -1
	for i, o := range u.Compare.StorySelect.Options {
		if strings.HasSuffix(o, " (7)") {
			want = i
			break
		}
	}
	if want < 0 {
		t.Fatal("no story label numbered (7) in the generated workspace")
	}
	u.Compare.StorySelect.Filter(u.Compare.StorySelect.Options[want])
	if n := u.Compare.StorySelect.Shown(); n != 1 {
		t.Fatalf("filtering by a whole label lists %d stories, want 1", n)
	}
	u.Compare.StorySelect.PickShown(0)
	if got := u.Compare.Story(); got != ids[want] {
		t.Errorf("picking %q showed story %q, want %q", u.Compare.StorySelect.Options[want], got, ids[want])
	}
	if u.Compare.StorySelect.Opened() || u.Compare.StorySelect.SelectedIndex() != want {
		t.Errorf("after the pick the picker is open %v and shows option %d, want closed on %d", u.Compare.StorySelect.Opened(), u.Compare.StorySelect.SelectedIndex(), want)
	}
}

// The real window greeted a 3,000-article workspace with "Five sample articles are loaded":
// the hint says the samples only when they are what the workspace holds.
func TestLibrary_HintSaysWhatIsLoaded(t *testing.T) {
	db := openDB(t, t.TempDir())
	if err := wsgen.Fill(db, 12); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	u := app.Create(a, w, db, app.Options{NoAnalysis: true})
	u.WaitIdle()
	if !u.Library.Hint.Visible() {
		t.Fatal("the hint is not shown on a workspace opened for the first time")
	}
	if got := u.Library.Hint.Subtitle; strings.Contains(got, "sample") || !strings.Contains(got, "12 articles") {
		t.Errorf("the hint on a 12-article workspace says %q", got)
	}

	db2 := openDB(t, t.TempDir())
	u2, _ := newUI(t, db2) // first run: the five samples
	if got := u2.Library.Hint.Subtitle; !strings.Contains(got, "Five sample articles") {
		t.Errorf("the hint on the samples says %q", got)
	}
}
