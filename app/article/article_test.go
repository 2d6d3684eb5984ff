package article_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"parallax/app/article"
	"parallax/app/textview"
	"parallax/store"
	"parallax/store/ingest"
)

func openDB(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func importText(t testing.TB, db *store.DB, lang, text string) string {
	t.Helper()
	res, err := db.ImportDocuments([]ingest.Document{{Source: "test-" + lang + ".txt", Title: "t", Lang: lang, Format: "txt", Text: text}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res.Docs[0].ID
}

func newView(t testing.TB, db *store.DB, id string) (*article.View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	v := article.New(db, w)
	v.OnError = func(err error) { t.Errorf("view error: %v", err) }
	w.SetContent(v)
	w.Resize(fyne.NewSize(900, 600))
	if err := v.Load(id); err != nil {
		t.Fatal(err)
	}
	return v, w
}

// selectAndKey drags over [start, end) and presses a tag key, like the analyst.
func selectAndKey(t testing.TB, v *article.View, w fyne.Window, start, end int, key string) {
	tv := v.TextView()
	from, to := tv.DragPoints(textview.Range{Start: start, End: end})
	test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
	if got := tv.Selection(); got != (textview.Range{Start: start, End: end}) {
		t.Fatalf("drag selected %v, want [%d,%d)", got, start, end)
	}
	w.Canvas().Focus(tv.FocusTarget())
	test.Type(tv.FocusTarget(), key)
}

var ctrlZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
var ctrlShiftZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

func TestView_SelectKeyStoresHighlight(t *testing.T) {
	for _, c := range []struct {
		name, lang, text, quote string
		start, end              int
		key, tag                string
	}{
		{"arabic", "ar", "اتهمت الدول الغربية الصين بتنفيذ هجوم إلكتروني كبير", "الصين", 20, 25, "2", "accusation"},
		{"mixed", "ar", "قال بايدن في 20 تموز 2021 إن Microsoft تعرضت للهجوم.", "20 تموز 2021", 13, 25, "5", "date"},
		{"mixed latin", "ar", "قال بايدن في 20 تموز 2021 إن Microsoft تعرضت للهجوم.", "Microsoft", 29, 38, "7", "actor"},
		{"vietnamese", "vi", "Trung Quốc phản ứng mạnh khi bị cáo buộc", "phản ứng mạnh", 11, 24, "3", "denial"},
		{"chinese", "zh", "中国外交部发言人赵立坚表示，美方的指责毫无根据。", "赵立坚", 8, 11, "7", "actor"},
		{"emoji", "en", "Analysts 👍🏽 agree: 30,000 servers hit", "30,000", 19, 25, "6", "number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t, filepath.Join(t.TempDir(), "w.parallax"))
			id := importText(t, db, c.lang, c.text)
			v, w := newView(t, db, id)
			selectAndKey(t, v, w, c.start, c.end, c.key)
			hs, err := db.Highlights(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(hs) != 1 || hs[0].Start != c.start || hs[0].End != c.end || hs[0].Quote != c.quote || len(hs[0].Tags) != 1 || hs[0].Tags[0] != c.tag {
				t.Fatalf("stored %+v, want [%d,%d) %q tagged %s", hs, c.start, c.end, c.quote, c.tag)
			}
		})
	}
}

func TestView_UndoRedoPersistedAndReload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parallax")
	db := openDB(t, path)
	text := "قال بايدن في 20 تموز 2021 إن Microsoft تعرضت للهجوم."
	id := importText(t, db, "ar", text)
	v, w := newView(t, db, id)
	selectAndKey(t, v, w, 4, 9, "7")
	first, _ := db.Highlights(id)
	if len(first) != 1 {
		t.Fatalf("after key: %d highlights", len(first))
	}
	sc := v.TextView().FocusTarget().(fyne.Shortcutable)
	sc.TypedShortcut(ctrlZ)
	if hs, _ := db.Highlights(id); len(hs) != 0 {
		t.Fatalf("after undo the store still has %+v", hs)
	}
	sc.TypedShortcut(ctrlShiftZ)
	hs, _ := db.Highlights(id)
	if len(hs) != 1 || hs[0].ID != first[0].ID {
		t.Fatalf("redo did not bring back the same highlight: %+v", hs)
	}
	// Retag and note, undo each.
	v.SetTags(hs[0].ID, []string{"actor", "claim"})
	v.SetNote(hs[0].ID, "named without title")
	sc.TypedShortcut(ctrlZ)
	if hs, _ := db.Highlights(id); hs[0].Note != "" || len(hs[0].Tags) != 2 {
		t.Fatalf("undo note: %+v", hs[0])
	}
	sc.TypedShortcut(ctrlZ)
	if hs, _ := db.Highlights(id); len(hs[0].Tags) != 1 {
		t.Fatalf("undo retag: %+v", hs[0])
	}
	// Tag set change, undone.
	tags, _ := db.Tags()
	edited := append([]store.Tag(nil), tags...)
	edited[0].Name, edited[0].Color = "assertion", "#123456"
	if err := v.SetTagSet(edited); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Tags(); got[0].Name != "assertion" {
		t.Fatalf("tag set not stored: %+v", got[0])
	}
	sc.TypedShortcut(ctrlZ)
	if got, _ := db.Tags(); got[0].Name != tags[0].Name {
		t.Fatalf("tag set undo: %+v", got[0])
	}
	// "Restart": reopen the workspace in a new view; the highlight is there.
	db.Close()
	db2 := openDB(t, path)
	v2, _ := newView(t, db2, id)
	if hs := v2.Highlights(); len(hs) != 1 || hs[0].Quote != "بايدن" {
		t.Fatalf("after reopening: %+v", hs)
	}
}

func TestView_DeleteKeyAndTagToggle(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "w.parallax"))
	id := importText(t, db, "fr", "Pékin a accusé les deux pays d’avoir commis des calomnies.")
	v, w := newView(t, db, id)
	selectAndKey(t, v, w, 0, 5, "7")
	tv := v.TextView()
	tv.Select(textview.Range{})
	test.Type(tv.FocusTarget(), "1") // highlight selected, no text: toggles "claim" on it
	hs, _ := db.Highlights(id)
	if len(hs) != 1 || len(hs[0].Tags) != 2 {
		t.Fatalf("toggle: %+v", hs)
	}
	tv.FocusTarget().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if hs, _ := db.Highlights(id); len(hs) != 0 {
		t.Fatalf("delete key left %+v", hs)
	}
}

func TestView_Find(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "w.parallax"))
	id := importText(t, db, "fr", "La Chine nie. CHINE, chine et Chine.")
	v, _ := newView(t, db, id)
	if n := v.Find("chine"); n != 4 {
		t.Fatalf("found %d", n)
	}
}

func TestView_MetadataEdit(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "w.parallax"))
	id := importText(t, db, "fr", "Mardi 26 mars, la Chine a exhorté les États-Unis.")
	v, _ := newView(t, db, id)
	_ = v
	d := "2024-03-26"
	if err := db.UpdateArticleMeta(id, nil, nil, &d); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSelectionToStoredAndDrawn is the analyst's gesture end to end: drag over a word,
// press a tag key (a bbolt write with fsync), the highlight laid out; "drawn" adds rasterising
// the whole 900×600 window with the test driver's software painter (the real window uses GL).
// Each iteration is undone outside the timer. Target < 50 ms.
func BenchmarkSelectionToStoredAndDrawn(b *testing.B) {
	for _, draw := range []bool{false, true} {
		name := "stored"
		if draw {
			name = "stored+drawn"
		}
		b.Run(name, func(b *testing.B) {
			db := openDB(b, filepath.Join(b.TempDir(), "w.parallax"))
			text := ""
			for len([]rune(text)) < 20000 {
				text += "اتهمت الدول الغربية الصين بتنفيذ هجوم إلكتروني كبير استهدف خوادم شركة مايكروسوفت.\n"
			}
			id := importText(b, db, "ar", text)
			v, w := newView(b, db, id)
			tv := v.TextView()
			from, to := tv.DragPoints(textview.Range{Start: 20, End: 25})
			sc := tv.FocusTarget().(fyne.Shortcutable)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StartTimer()
				test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
				test.Type(tv.FocusTarget(), "2")
				if draw {
					w.Canvas().Capture()
				}
				b.StopTimer()
				sc.TypedShortcut(ctrlZ)
			}
		})
	}
}

// Issue 14.6: the highlight panel that opens on a new highlight must not hide the words just
// tagged, and when undo removes the highlight the text takes its room back (no blank band).
func TestView_HighlightPanelKeepsTaggedWordsInView(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "w.parallax"))
	var text string
	for i := range 40 {
		text += fmt.Sprintf("Line %02d of the statement by the ministry.\n", i)
	}
	id := importText(t, db, "en", text)
	v, w := newView(t, db, id)
	tv := v.TextView()
	before := tv.Size().Height
	// The last line in view before the panel opens.
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(tv).Y
	last := -1
	for i := range 40 {
		p := d.AbsolutePositionForObject(tv).Add(tv.PositionOf(i * 44))
		if p.Y+20 < top+before {
			last = i
		}
	}
	start := last * 44
	selectAndKey(t, v, w, start, start+7, "1")
	p := d.AbsolutePositionForObject(tv).Add(tv.PositionOf(start))
	if tv.Size().Height >= before {
		t.Fatalf("no highlight panel opened (text view %.0f high, was %.0f)", tv.Size().Height, before)
	}
	if p.Y < top || p.Y+18 > top+tv.Size().Height {
		t.Errorf("the words just tagged are at y=%.0f, outside the text view's %.0f–%.0f", p.Y, top, top+tv.Size().Height)
	}
	v.TextView().FocusTarget().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if hs, _ := db.Highlights(id); len(hs) != 0 {
		t.Fatalf("Ctrl+Z (fyne.ShortcutUndo) left %d highlights", len(hs))
	}
	if got := tv.Size().Height; got != before {
		t.Errorf("after undo the text view is %.0f high, was %.0f: a blank band where the panel was", got, before)
	}
}
