package app_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/compare"
	"parallax/store"
	"parallax/store/analysis"
	"parallax/store/ingest"
)

// seedDocs reads the five sample articles through the same ingest path as user files.
func seedDocs(t testing.TB) []ingest.Document {
	t.Helper()
	docs, errs := ingest.Paths([]string{filepath.Join("..", "seeds")}, ingest.Options{})
	if len(errs) > 0 || len(docs) != 5 {
		t.Fatalf("read seeds: %d docs, errors %v", len(docs), errs)
	}
	return docs
}

// openDB opens a throwaway workspace under t.TempDir and checks it on cleanup.
func openDB(t testing.TB, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, "ws.parallax"), store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Check(); err != nil {
			t.Errorf("workspace check: %v", err)
		}
		db.Close()
	})
	return db
}

// newUI opens the window on db, with the seeds as first-run samples, and waits for the first
// analysis.
func newUI(t *testing.T, db *store.DB) (*app.UI, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	u := app.Create(a, w, db, app.Options{Samples: func() ([]ingest.Document, error) { return seedDocs(t), nil }})
	u.WaitIdle() // before touching the window: the first load updates it from its goroutine
	w.Resize(fyne.NewSize(1400, 900))
	return u, w
}

// articleBySource finds a stored article by the start of its file name.
func articleBySource(t *testing.T, db *store.DB, prefix string) store.Article {
	t.Helper()
	arts, err := db.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if strings.HasPrefix(filepath.Base(a.Source), prefix) {
			return a
		}
	}
	t.Fatalf("no article from %s*", prefix)
	return store.Article{}
}

func TestWorkbench_FirstRunLibrary(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	if n := len(u.Library.Rows()); n != 5 {
		t.Fatalf("library shows %d articles, want the 5 samples", n)
	}
	if !u.Library.Hint.Visible() {
		t.Error("first run: the hint card is hidden")
	}

	// Search is script- and spelling-insensitive: Zhao Lijian finds the Russian Чжао Лицзянь
	// and the French Zhao Lijiang.
	test.Type(u.Library.Search, "Zhao Lijian")
	got := u.Library.Rows()
	for _, want := range []string{"001_", "004_"} {
		id := articleBySource(t, db, want).ID
		if !slices.Contains(got, id) {
			t.Errorf("search Zhao Lijian: %s* not found (rows %v)", want, got)
		}
	}
	if slices.Contains(got, articleBySource(t, db, "003_").ID) {
		t.Error("search Zhao Lijian found 003, which does not name him")
	}
	u.Library.Search.SetText("")

	// Sorting by language twice reverses the order.
	u.Library.SortBy(1)
	asc := u.Library.Rows()
	u.Library.SortBy(1)
	desc := u.Library.Rows()
	slices.Reverse(desc)
	first, _ := db.Article(asc[0])
	last, _ := db.Article(desc[0])
	if first.Lang > last.Lang {
		t.Errorf("sort by language: first %s after last %s", first.Lang, last.Lang)
	}
}

func TestWorkbench_CompareVerdictAlias(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t, dir)
	u, _ := newUI(t, db)

	// Open the 2021 story from the Russian article's row.
	ru := articleBySource(t, db, "004_")
	u.Library.SelectArticle(ru.ID)
	test.Tap(u.Library.CompareStory)
	if u.Tabs.Selected() != u.CompareTab {
		t.Fatal("Compare story did not switch to the Compare tab")
	}
	var langs []string
	for _, c := range u.Compare.Columns {
		langs = append(langs, c.Article.Lang)
	}
	if !slices.Equal(langs, []string{"ar", "fr", "ru", "vi"}) {
		t.Fatalf("2021 story columns = %v, want ar fr ru vi", langs)
	}

	// The list has the Zhao Lijiang spelling and 003's other event.
	var spelling, event *compare.Discrepancy
	rows := u.Compare.Panel.Rows()
	for i, d := range rows {
		if d.Kind == compare.DiscSpelling && strings.Contains(d.Summary, "Zhao Lijiang") {
			spelling = &rows[i]
		}
		if d.Kind == compare.DiscEvent {
			event = &rows[i]
		}
	}
	if spelling == nil || event == nil {
		t.Fatalf("discrepancy list lacks the Zhao Lijiang spelling (%v) or the event (%v): %+v", spelling != nil, event != nil, rows)
	}
	if !strings.Contains(spelling.Diff, "→") {
		t.Errorf("spelling diff %q has no change marked", spelling.Diff)
	}

	// Click it: it is shown in full, with the alias buttons.
	selectRow(t, u, spelling.ID)
	p := u.Compare.Panel
	if p.Selected() == nil || p.Selected().ID != spelling.ID {
		t.Fatal("clicking the discrepancy did not select it")
	}
	if !p.SameActor.Visible() || !strings.Contains(p.SameActor.Text, "Zhao Lijiang") {
		t.Errorf("Same actor button = %q (visible %v)", p.SameActor.Text, p.SameActor.Visible())
	}

	// Mark the event discrepancy confirmed with a note.
	selectRow(t, u, event.ID)
	test.Type(p.Note, "003 is the 2024 APT31 story")
	p.Verdict.SetSelected("Confirmed")
	u.WaitIdle()
	vs, err := db.Verdicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Discrepancy != event.ID || vs[0].Verdict != store.VerdictConfirmed || vs[0].Note != "003 is the 2024 APT31 story" {
		t.Fatalf("verdicts stored = %+v", vs)
	}

	// Teach the alias: Zhao Lijiang is Zhao Lijian.
	selectRow(t, u, spelling.ID)
	test.Tap(p.SameActor)
	u.WaitIdle()
	aliases, err := db.Aliases()
	if err != nil {
		t.Fatal(err)
	}
	if len(aliases) != 1 || aliases[0].Surface != "Zhao Lijiang" || aliases[0].ActorID == "" || aliases[0].Label != "Zhao Lijian" {
		t.Fatalf("aliases stored = %+v", aliases)
	}

	// Undo takes the alias back, redo restores it.
	u.Undo()
	u.WaitIdle()
	if aliases, _ := db.Aliases(); len(aliases) != 0 {
		t.Errorf("after undo aliases = %+v", aliases)
	}
	u.Redo()
	u.WaitIdle()
	if aliases, _ := db.Aliases(); len(aliases) != 1 {
		t.Errorf("after redo aliases = %+v", aliases)
	}

	// A restart: a fresh analysis of the workspace still has the verdict's discrepancy (its id
	// is stable) and reads Zhao Lijiang as the actor the alias names.
	rep, err := analysis.Workspace(db, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range rep.Discrepancies {
		found = found || d.ID == event.ID
	}
	if !found {
		t.Error("after re-analysis the confirmed discrepancy's id is gone")
	}
	fr := articleBySource(t, db, "001_")
	for _, a := range rep.Articles {
		if a.ID != fr.ID {
			continue
		}
		for _, f := range a.Facts {
			if f.Text == "Zhao Lijiang" && f.Value != aliases[0].ActorID {
				t.Errorf("Zhao Lijiang read as %v, the alias says %s", f.Value, aliases[0].ActorID)
			}
		}
	}
}

// selectRow clicks a discrepancy's row in the panel's list.
func selectRow(t *testing.T, u *app.UI, id string) {
	t.Helper()
	// The list holds group headings too; find the row the way a click would land.
	for i := 0; i < u.Compare.Panel.List.Length(); i++ {
		u.Compare.Panel.List.Select(i)
		if d := u.Compare.Panel.Selected(); d != nil && d.ID == id {
			return
		}
	}
	t.Fatalf("discrepancy %s not in the list", id)
}

func TestWorkbench_EventMovesArticle(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	u.OpenStory(storyOf(t, u, articleBySource(t, db, "004_").ID))
	var event *compare.Discrepancy
	for _, d := range u.Compare.Panel.Rows() {
		if d.Kind == compare.DiscEvent {
			event = &d
		}
	}
	if event == nil {
		t.Fatal("the 2021 story lists no event discrepancy: seed 003 (the 2024 sanctions) must be flagged against it")
	}
	selectRow(t, u, event.ID)
	p := u.Compare.Panel
	if !p.OwnStory.Visible() {
		t.Fatal("event discrepancy offers no story move")
	}
	test.Tap(p.OwnStory)
	u.WaitIdle()
	os, err := db.StoryOverrides()
	if err != nil {
		t.Fatal(err)
	}
	odd := articleBySource(t, db, "003_").ID
	if len(os) != 1 || os[0].Article != odd || os[0].Story != "" {
		t.Fatalf("story overrides = %+v, want 003 in its own story", os)
	}
}

// storyOf returns the story the workbench shows for an article, via the compare view.
func storyOf(t *testing.T, u *app.UI, articleID string) string {
	t.Helper()
	u.Library.SelectArticle(articleID)
	test.Tap(u.Library.CompareStory)
	if s := u.Compare.Story(); s != "" {
		return s
	}
	t.Fatal("no story for the article")
	return ""
}

func TestWorkbench_TimelineJumps(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	storyOf(t, u, articleBySource(t, db, "000_").ID)
	u.Tabs.Select(u.TimelineTab)
	tl := u.Timeline
	if len(tl.Rows) != 4 || len(tl.Points) == 0 {
		t.Fatalf("timeline: %d rows, %d points", len(tl.Rows), len(tl.Points))
	}
	disc := -1
	for i, p := range tl.Points {
		if p.Discrepant {
			disc = i
		}
	}
	if disc < 0 {
		t.Error("no discrepant date marked on the timeline")
		disc = 0
	}
	test.TapAt(tl, tl.PointPosition(disc))
	if u.Tabs.Selected() != u.CompareTab {
		t.Fatal("clicking a point did not open the compare view")
	}
	// Points may coincide (the same month said twice); the tap opens one of those.
	at := tl.PointPosition(disc)
	ok := false
	for i, pt := range tl.Points {
		if tl.PointPosition(i) != at {
			continue
		}
		for _, c := range u.Compare.Columns {
			if c.Article.ID == pt.Article {
				sel := c.View.Selection()
				ok = ok || (sel.Start == pt.Fact.Start && sel.End >= pt.Fact.End)
			}
		}
	}
	if !ok {
		t.Errorf("after clicking %q no column selects a date drawn there", tl.Points[disc].Fact.Text)
	}
}

func TestWorkbench_ImportReportsBadFiles(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good.txt"), "---\ntitle: A test article\nlang: en\n---\nOn 3 May 2024 the ministry said 40 people were hurt in Lyon.\n")
	write(t, filepath.Join(dir, "empty.txt"), "")
	u.ImportPaths([]string{dir})
	u.WaitIdle()
	if n, _ := db.ArticleCount(); n != 6 {
		t.Errorf("after importing a folder with one good and one empty file: %d articles, want 6", n)
	}
	if len(u.Library.Rows()) != 6 {
		t.Errorf("library shows %d rows, want 6", len(u.Library.Rows()))
	}
	if !strings.Contains(u.Status.Text, "Imported: 1 added") {
		t.Errorf("status %q does not report the import", u.Status.Text)
	}

	u.ImportText("", "Le 3 mai 2024, le ministère a déclaré que 40 personnes avaient été blessées à Lyon.")
	u.WaitIdle()
	if n, _ := db.ArticleCount(); n != 7 {
		t.Errorf("after paste: %d articles, want 7", n)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A window larger than a laptop's screen (a remembered size from a bigger monitor, or the
// 1280×800 default on a 1024×700 screen) shrinks to fit, so the status bar stays visible; a
// window that fits is left alone.
func TestWindow_FitsTheScreen(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	for _, tc := range []struct {
		screenW, screenH int
		start            fyne.Size
		wantUnchanged    bool
	}{
		{1024, 700, fyne.NewSize(1280, 800), false},
		{1280, 800, fyne.NewSize(1400, 900), false},
		{1920, 1080, fyne.NewSize(1280, 800), true},
	} {
		w.Resize(tc.start)
		u.FitToWorkArea(tc.screenW, tc.screenH)
		got := w.Canvas().Size()
		scale := w.Canvas().Scale()
		if got.Width*scale > float32(tc.screenW) || got.Height*scale > float32(tc.screenH) {
			t.Errorf("screen %dx%d: window %v does not fit", tc.screenW, tc.screenH, got)
		}
		if tc.wantUnchanged && got != tc.start {
			t.Errorf("screen %dx%d: window %v resized to %v though it fits", tc.screenW, tc.screenH, tc.start, got)
		}
	}
}
